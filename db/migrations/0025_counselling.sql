CREATE TABLE "counselling_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"sealed_contact" text NOT NULL,
	"language" text NOT NULL,
	"topic" text NOT NULL,
	"mediator" boolean DEFAULT false NOT NULL,
	"case_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "counselling_bookings_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "counselling_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"sealed_person" text NOT NULL,
	"language" text NOT NULL,
	"district_id" text,
	"topics" text[] NOT NULL,
	"consent_id" uuid NOT NULL,
	"consent_expires_at" timestamp with time zone NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"missing_documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"outcomes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"booking_id" uuid,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "counselling_clinic_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"clinic_id" text NOT NULL,
	"visited_on" date NOT NULL,
	"referred_to_clearing" boolean NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counselling_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"topics" text[] NOT NULL,
	"language" text NOT NULL,
	"district_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counselling_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counselling_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"recipient_id" text NOT NULL,
	"purpose" text NOT NULL,
	"fields" text[] NOT NULL,
	"sealed_shared" text NOT NULL,
	"consent_id" uuid NOT NULL,
	"consent_expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counselling_services" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"languages" text[] NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"address" text NOT NULL,
	"district_id" text
);
--> statement-breakpoint
CREATE TABLE "counselling_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" DROP CONSTRAINT "organisations_kind";--> statement-breakpoint
ALTER TABLE "counselling_bookings" ADD CONSTRAINT "counselling_bookings_slot_id_counselling_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."counselling_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_bookings" ADD CONSTRAINT "counselling_bookings_service_id_counselling_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."counselling_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_cases" ADD CONSTRAINT "counselling_cases_service_id_counselling_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."counselling_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_cases" ADD CONSTRAINT "counselling_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_cases" ADD CONSTRAINT "counselling_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_clinic_visits" ADD CONSTRAINT "counselling_clinic_visits_referral_id_counselling_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."counselling_referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_clinic_visits" ADD CONSTRAINT "counselling_clinic_visits_clinic_id_organisations_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_clinic_visits" ADD CONSTRAINT "counselling_clinic_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_contacts" ADD CONSTRAINT "counselling_contacts_service_id_counselling_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."counselling_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_notes" ADD CONSTRAINT "counselling_notes_case_id_counselling_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."counselling_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_notes" ADD CONSTRAINT "counselling_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_referrals" ADD CONSTRAINT "counselling_referrals_case_id_counselling_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."counselling_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_referrals" ADD CONSTRAINT "counselling_referrals_recipient_id_organisations_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_services" ADD CONSTRAINT "counselling_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_slots" ADD CONSTRAINT "counselling_slots_service_id_counselling_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."counselling_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "counselling_bookings_one_per_slot" ON "counselling_bookings" USING btree ("slot_id") WHERE "counselling_bookings"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "counselling_bookings_service_idx" ON "counselling_bookings" USING btree ("service_id","created_at");--> statement-breakpoint
CREATE INDEX "counselling_cases_org_idx" ON "counselling_cases" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "counselling_cases_opened_idx" ON "counselling_cases" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "counselling_clinic_visits_referral_idx" ON "counselling_clinic_visits" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "counselling_contacts_service_idx" ON "counselling_contacts" USING btree ("service_id","at");--> statement-breakpoint
CREATE INDEX "counselling_notes_case_idx" ON "counselling_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "counselling_referrals_recipient_idx" ON "counselling_referrals" USING btree ("recipient_id","consent_expires_at");--> statement-breakpoint
CREATE INDEX "counselling_referrals_case_idx" ON "counselling_referrals" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "counselling_slots_service_start" ON "counselling_slots" USING btree ("service_id","starts_at");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_kind" CHECK ("organisations"."kind" in ('ki', 'authority', 'school', 'clinic', 'provider', 'association', 'advice', 'counselling'));