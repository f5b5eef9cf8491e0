-- The local day of each stored occurrence (the overlap check's key). Stored rows get theirs on the city's clocks:
-- every city profile so far is in Europe/Berlin; the daily job rewrites recurring activities' rows anyway.
ALTER TABLE "network_occurrences" ADD COLUMN "day" date;--> statement-breakpoint
UPDATE "network_occurrences" SET "day" = (lower("during") AT TIME ZONE 'Europe/Berlin')::date;--> statement-breakpoint
ALTER TABLE "network_occurrences" ALTER COLUMN "day" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "network_occurrences_place_day_idx" ON "network_occurrences" USING btree ("ortsteil_id","day","during","target_groups","actor_id","activity_id");
