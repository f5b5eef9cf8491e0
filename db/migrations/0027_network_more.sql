CREATE TABLE "network_feeds" (
	"actor_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"kind" text NOT NULL,
	"ortsteil_id" text NOT NULL,
	"district_id" text NOT NULL,
	"target_groups" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"public" boolean NOT NULL,
	"synced_at" timestamp with time zone,
	"ok_at" timestamp with time zone,
	"problem" text,
	"counts" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_activities" ADD COLUMN "feed_key" text;--> statement-breakpoint
ALTER TABLE "network_activities" ADD COLUMN "feed_sequence" integer;--> statement-breakpoint
ALTER TABLE "network_activities" ADD COLUMN "feed_modified" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_feeds" ADD CONSTRAINT "network_feeds_actor_id_network_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."network_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_activities_feed_key_idx" ON "network_activities" USING btree ("actor_id","feed_key");