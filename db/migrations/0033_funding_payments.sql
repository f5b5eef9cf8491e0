CREATE TABLE "funding_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text NOT NULL,
	"due_on" date NOT NULL,
	"paid_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_claims_amount" CHECK ("funding_claims"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_reminders" (
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"lead_days" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_reminders_subject_id_kind_due_on_lead_days_pk" PRIMARY KEY("subject_id","kind","due_on","lead_days")
);
--> statement-breakpoint
CREATE TABLE "funding_tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"amount" integer NOT NULL,
	"due_on" date NOT NULL,
	"paid_on" date,
	CONSTRAINT "funding_tranches_amount" CHECK ("funding_tranches"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "funding_applications" ADD COLUMN "proof_due_on" date;--> statement-breakpoint
ALTER TABLE "funding_claims" ADD CONSTRAINT "funding_claims_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_tranches" ADD CONSTRAINT "funding_tranches_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_claims_application_idx" ON "funding_claims" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_tranches_number_idx" ON "funding_tranches" USING btree ("application_id","number");