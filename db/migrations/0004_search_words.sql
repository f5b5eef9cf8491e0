CREATE TABLE "directory_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "services_search_trgm";--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "search_words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "directory_words_trgm" ON "directory_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "services_search_words" ON "services" USING gin ("search_words");--> statement-breakpoint
-- Existing offers keep their words.
UPDATE "services" SET "search_words" = string_to_array("search_text", ' ');--> statement-breakpoint
INSERT INTO "directory_words" ("word") SELECT DISTINCT unnest("search_words") FROM "services" WHERE "search_words" <> '{}' ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "services" DROP COLUMN "search_text";