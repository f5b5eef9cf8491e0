CREATE TABLE "page_push_deliveries" (
	"news_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "page_push_deliveries_news_id_endpoint_pk" PRIMARY KEY("news_id","endpoint")
);
--> statement-breakpoint
ALTER TABLE "page_push_deliveries" ADD CONSTRAINT "page_push_deliveries_news_id_page_news_id_fk" FOREIGN KEY ("news_id") REFERENCES "public"."page_news"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_push_deliveries" ADD CONSTRAINT "page_push_deliveries_endpoint_page_push_subscriptions_endpoint_fk" FOREIGN KEY ("endpoint") REFERENCES "public"."page_push_subscriptions"("endpoint") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "page_push_deliveries_due" ON "page_push_deliveries" USING btree ("next_attempt_at");