CREATE TABLE "schooling_appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"caseworker_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"mediator_needed" boolean DEFAULT false NOT NULL,
	"mediator_language" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schooling_appointments_status" CHECK ("schooling_appointments"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "schooling_appointments_mediator" CHECK (not "schooling_appointments"."mediator_needed" or "schooling_appointments"."mediator_language" is not null)
);
--> statement-breakpoint
CREATE TABLE "schooling_assessments" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"grade" integer NOT NULL,
	"forms" text[] NOT NULL,
	"kind" text NOT NULL,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "schooling_assessments_grade" CHECK ("schooling_assessments"."grade" between 1 and 13),
	CONSTRAINT "schooling_assessments_kind" CHECK ("schooling_assessments"."kind" in ('support', 'regular'))
);
--> statement-breakpoint
CREATE TABLE "schooling_children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"languages" text[] NOT NULL,
	"school_years" integer NOT NULL,
	"last_grade" integer,
	"literate_latin" boolean NOT NULL,
	"arrival_date" date NOT NULL,
	"registered_on" date NOT NULL,
	"street" text NOT NULL,
	"postcode" text NOT NULL,
	"district_id" text NOT NULL,
	"ortsteil_id" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"special_needs" text,
	"preferred_school_id" text,
	"state" text DEFAULT 'registered' NOT NULL,
	"possible_duplicate_of" uuid,
	"source" text NOT NULL,
	"confirmation_code" text,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_school_day" date,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "schooling_children_state" CHECK ("schooling_children"."state" in ('registered', 'counselled', 'assessed', 'waiting', 'proposed', 'confirmed', 'accepted', 'attending')),
	CONSTRAINT "schooling_children_source" CHECK ("schooling_children"."source" in ('caseworker', 'public_form')),
	CONSTRAINT "schooling_children_years" CHECK ("schooling_children"."school_years" between 0 and 15)
);
--> statement-breakpoint
CREATE TABLE "schooling_families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guardian_name" text NOT NULL,
	"email" text,
	"phone" text,
	"letter_language" text DEFAULT 'de' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "schooling_placement_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_by" uuid,
	"run_at" timestamp with time zone NOT NULL,
	"objective" double precision NOT NULL,
	"bound" double precision NOT NULL,
	"gap" double precision NOT NULL,
	"seconds" double precision NOT NULL,
	"child_count" integer NOT NULL,
	"placed_count" integer NOT NULL,
	"explanations" jsonb NOT NULL,
	"seats_to_clear" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schooling_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" text NOT NULL,
	"run_id" uuid,
	"seat_group_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"refusal_reason" text,
	"start_date" date,
	"first_school_day" date,
	"proposed_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "schooling_placements_status" CHECK ("schooling_placements"."status" in ('proposed', 'confirmed', 'accepted', 'refused', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "schooling_schools" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"street" text NOT NULL,
	"postcode" text NOT NULL,
	"district_id" text NOT NULL,
	"ortsteil_id" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schooling_seat_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" text NOT NULL,
	"form" text NOT NULL,
	"grade_from" integer NOT NULL,
	"grade_to" integer NOT NULL,
	"kind" text NOT NULL,
	"free" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "schooling_seat_groups_free" CHECK ("schooling_seat_groups"."free" >= 0),
	CONSTRAINT "schooling_seat_groups_grades" CHECK ("schooling_seat_groups"."grade_from" between 1 and 13 and "schooling_seat_groups"."grade_to" between "schooling_seat_groups"."grade_from" and 13),
	CONSTRAINT "schooling_seat_groups_kind" CHECK ("schooling_seat_groups"."kind" in ('support', 'regular'))
);
--> statement-breakpoint
ALTER TABLE "schooling_appointments" ADD CONSTRAINT "schooling_appointments_child_id_schooling_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."schooling_children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_appointments" ADD CONSTRAINT "schooling_appointments_caseworker_id_users_id_fk" FOREIGN KEY ("caseworker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_assessments" ADD CONSTRAINT "schooling_assessments_child_id_schooling_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."schooling_children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_assessments" ADD CONSTRAINT "schooling_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_children" ADD CONSTRAINT "schooling_children_family_id_schooling_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."schooling_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_children" ADD CONSTRAINT "schooling_children_preferred_school_id_organisations_id_fk" FOREIGN KEY ("preferred_school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_children" ADD CONSTRAINT "schooling_children_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_placement_runs" ADD CONSTRAINT "schooling_placement_runs_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_placements" ADD CONSTRAINT "schooling_placements_child_id_schooling_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."schooling_children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_placements" ADD CONSTRAINT "schooling_placements_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_placements" ADD CONSTRAINT "schooling_placements_run_id_schooling_placement_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."schooling_placement_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_placements" ADD CONSTRAINT "schooling_placements_seat_group_id_schooling_seat_groups_id_fk" FOREIGN KEY ("seat_group_id") REFERENCES "public"."schooling_seat_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_placements" ADD CONSTRAINT "schooling_placements_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_placements" ADD CONSTRAINT "schooling_placements_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_schools" ADD CONSTRAINT "schooling_schools_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_seat_groups" ADD CONSTRAINT "schooling_seat_groups_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schooling_seat_groups" ADD CONSTRAINT "schooling_seat_groups_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schooling_appointments_child" ON "schooling_appointments" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "schooling_children_state" ON "schooling_children" USING btree ("state");--> statement-breakpoint
CREATE INDEX "schooling_children_family" ON "schooling_children" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "schooling_children_identity" ON "schooling_children" USING btree (lower("family_name"),lower("given_name"),"birth_date");--> statement-breakpoint
CREATE INDEX "schooling_placements_child" ON "schooling_placements" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schooling_placements_open" ON "schooling_placements" USING btree ("child_id") WHERE "schooling_placements"."status" in ('proposed', 'confirmed', 'accepted');--> statement-breakpoint
CREATE INDEX "schooling_placements_school" ON "schooling_placements" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "schooling_placements_run" ON "schooling_placements" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schooling_seat_groups_band" ON "schooling_seat_groups" USING btree ("school_id","form","grade_from","grade_to","kind");