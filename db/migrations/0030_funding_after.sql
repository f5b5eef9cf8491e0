CREATE TABLE "funding_proofs" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"lines" jsonb NOT NULL,
	"participants" integer NOT NULL,
	"report" text NOT NULL,
	"filed_by" uuid,
	"filed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_proofs_participants" CHECK ("funding_proofs"."participants" >= 0)
);
--> statement-breakpoint
ALTER TABLE "funding_proofs" ADD CONSTRAINT "funding_proofs_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_proofs" ADD CONSTRAINT "funding_proofs_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;