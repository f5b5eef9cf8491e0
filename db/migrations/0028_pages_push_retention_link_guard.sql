ALTER TABLE "page_link_problems" DROP CONSTRAINT "page_link_problems_kind";--> statement-breakpoint
ALTER TABLE "page_push_subscriptions" ADD COLUMN "last_used_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "page_push_subscriptions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "page_link_problems" ADD CONSTRAINT "page_link_problems_kind" CHECK ("page_link_problems"."kind" in ('dead_link', 'refused_link', 'unpublished_offer'));