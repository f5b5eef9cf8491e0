CREATE TABLE "page_glossary" (
	"lang" text NOT NULL,
	"source" text NOT NULL,
	"target" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "page_glossary_lang_source_pk" PRIMARY KEY("lang","source")
);
--> statement-breakpoint
CREATE TABLE "page_link_problems" (
	"page_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"http_status" integer,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "page_link_problems_page_id_kind_target_pk" PRIMARY KEY("page_id","kind","target"),
	CONSTRAINT "page_link_problems_kind" CHECK ("page_link_problems"."kind" in ('dead_link', 'unpublished_offer'))
);
--> statement-breakpoint
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
ALTER TABLE "page_link_problems" ADD CONSTRAINT "page_link_problems_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "page_news_published" ON "page_news" USING btree ("published_at");