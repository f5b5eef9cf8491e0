CREATE TABLE "course_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"arrival" bigint NOT NULL,
	"status" text NOT NULL,
	"participant_name" text NOT NULL,
	"participant_kind" text NOT NULL,
	"participant_age" integer,
	"phone" text,
	"email" text,
	"contact_hash" text NOT NULL,
	"language" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"german_level" text,
	"childcare_ages" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"women_only" boolean DEFAULT false NOT NULL,
	"evening" boolean DEFAULT false NOT NULL,
	"user_id" uuid,
	"offer_expires_at" timestamp with time zone,
	"others_question" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_enrolments_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "course_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"course_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"organisation_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"target_group" text NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"instruction_languages" text[] NOT NULL,
	"support_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"sessions" jsonb NOT NULL,
	"place_name" text NOT NULL,
	"address" text NOT NULL,
	"ortsteil_id" text NOT NULL,
	"district_id" text NOT NULL,
	"capacity" integer NOT NULL,
	"childcare_places" integer DEFAULT 0 NOT NULL,
	"childcare_age_min" integer,
	"childcare_age_max" integer,
	"cost_cents" integer DEFAULT 0 NOT NULL,
	"enrolment" text NOT NULL,
	"external_url" text,
	"arrivals" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "courses_service_id_unique" UNIQUE("service_id"),
	CONSTRAINT "courses_capacity" CHECK ("courses"."capacity" >= 0 and "courses"."childcare_places" >= 0),
	CONSTRAINT "courses_dates" CHECK ("courses"."ends_on" >= "courses"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_moves" ADD CONSTRAINT "course_moves_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_moves" ADD CONSTRAINT "course_moves_enrolment_id_course_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."course_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_enrolments_arrival_idx" ON "course_enrolments" USING btree ("course_id","arrival");--> statement-breakpoint
CREATE INDEX "course_enrolments_status_idx" ON "course_enrolments" USING btree ("course_id","status","arrival");--> statement-breakpoint
CREATE INDEX "course_enrolments_contact_idx" ON "course_enrolments" USING btree ("contact_hash");--> statement-breakpoint
CREATE INDEX "course_enrolments_offer_idx" ON "course_enrolments" USING btree ("offer_expires_at");--> statement-breakpoint
CREATE INDEX "course_moves_course_idx" ON "course_moves" USING btree ("course_id","seq");--> statement-breakpoint
CREATE INDEX "courses_organisation_idx" ON "courses" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "courses_kind_idx" ON "courses" USING btree ("kind");