CREATE TABLE "counselling_break_glass" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid,
	"organisation_id" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counselling_leads" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"appointed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "counselling_break_glass" ADD CONSTRAINT "counselling_break_glass_case_id_counselling_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."counselling_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_break_glass" ADD CONSTRAINT "counselling_break_glass_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_break_glass" ADD CONSTRAINT "counselling_break_glass_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_leads" ADD CONSTRAINT "counselling_leads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_leads" ADD CONSTRAINT "counselling_leads_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "counselling_break_glass_case_idx" ON "counselling_break_glass" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "counselling_break_glass_at_idx" ON "counselling_break_glass" USING btree ("at");