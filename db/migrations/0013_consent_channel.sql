ALTER TABLE "consents" ADD COLUMN "channel" text DEFAULT 'self' NOT NULL;--> statement-breakpoint
-- Consents recorded before the channel was kept: the public form's (recorded by the system) and a caseworker's.
UPDATE "consents" SET "channel" = 'online_form' WHERE "recorded_by" IS NULL;--> statement-breakpoint
UPDATE "consents" SET "channel" = 'in_person' WHERE "recorded_by" IS NOT NULL AND NOT ("subject_type" = 'user' AND "subject_id" = "recorded_by"::text);
