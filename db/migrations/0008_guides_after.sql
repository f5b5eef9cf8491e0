CREATE TABLE "guide_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"side" text NOT NULL,
	"rating" integer NOT NULL,
	"comment" text,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "guide_feedback_side" CHECK ("guide_feedback"."side" in ('guide', 'requester')),
	CONSTRAINT "guide_feedback_rating" CHECK ("guide_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "guide_time_logs" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"minutes" integer NOT NULL,
	"travel_km" numeric(6, 1) NOT NULL,
	"logged_at" timestamp with time zone NOT NULL,
	"logged_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	CONSTRAINT "guide_time_logs_minutes" CHECK ("guide_time_logs"."minutes" between 1 and 720),
	CONSTRAINT "guide_time_logs_km" CHECK ("guide_time_logs"."travel_km" between 0 and 500)
);
--> statement-breakpoint
ALTER TABLE "guide_feedback" ADD CONSTRAINT "guide_feedback_assignment_id_guide_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."guide_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_feedback" ADD CONSTRAINT "guide_feedback_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_time_logs" ADD CONSTRAINT "guide_time_logs_assignment_id_guide_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."guide_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_time_logs" ADD CONSTRAINT "guide_time_logs_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_time_logs" ADD CONSTRAINT "guide_time_logs_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guide_feedback_one_per_side" ON "guide_feedback" USING btree ("assignment_id","side");--> statement-breakpoint
CREATE INDEX "guide_feedback_created" ON "guide_feedback" USING btree ("created_at");