CREATE TABLE "page_news" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"topic" text NOT NULL,
	"district" text,
	"texts" jsonb NOT NULL,
	"ends_on" date NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "page_news_status" CHECK ("page_news"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "page_push_subscriptions" (
	"endpoint" text PRIMARY KEY NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"lang" text NOT NULL,
	"topics" jsonb NOT NULL,
	"districts" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "page_news_published" ON "page_news" USING btree ("published_at");