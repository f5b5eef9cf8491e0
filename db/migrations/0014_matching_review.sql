ALTER TABLE "guide_proposals" DROP CONSTRAINT "guide_proposals_status";--> statement-breakpoint
ALTER TABLE "guide_matching_runs" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guide_matching_runs" ADD COLUMN "sent_by" uuid;--> statement-breakpoint
ALTER TABLE "guide_matching_runs" ADD COLUMN "discarded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guide_matching_runs" ADD CONSTRAINT "guide_matching_runs_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_proposals" ADD CONSTRAINT "guide_proposals_status" CHECK ("guide_proposals"."status" in ('draft', 'pending', 'accepted', 'declined', 'expired', 'withdrawn'));--> statement-breakpoint
-- Runs before the review step sent their proposals at once: they count as sent when they finished.
UPDATE "guide_matching_runs" SET "sent_at" = coalesce("finished_at", "created_at") WHERE "status" = 'done';
