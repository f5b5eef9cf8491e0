CREATE TABLE "directory_organizations" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"email" text,
	"website" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_texts" (
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"field" text NOT NULL,
	"lang" text NOT NULL,
	"value" text NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_texts_entity_type_entity_id_field_lang_pk" PRIMARY KEY("entity_type","entity_id","field","lang"),
	CONSTRAINT "directory_texts_status" CHECK ("directory_texts"."status" in ('source', 'up_to_date', 'outdated', 'machine'))
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"district_id" text NOT NULL,
	"ortsteil_id" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"accessible" boolean DEFAULT false NOT NULL,
	CONSTRAINT "locations_lat" CHECK ("locations"."lat" between -90 and 90),
	CONSTRAINT "locations_lon" CHECK ("locations"."lon" between -180 and 180),
	CONSTRAINT "locations_postcode" CHECK ("locations"."postcode" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"by_day" text[],
	"opens_at" time,
	"closes_at" time,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	CONSTRAINT "schedules_shape" CHECK (("schedules"."kind" = 'weekly' and "schedules"."by_day" is not null and "schedules"."opens_at" < "schedules"."closes_at")
       or ("schedules"."kind" = 'event' and "schedules"."starts_at" is not null and "schedules"."ends_at" > "schedules"."starts_at"))
);
--> statement-breakpoint
CREATE TABLE "service_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"comment" text,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	CONSTRAINT "service_feedback_kind" CHECK ("service_feedback"."kind" in ('wrong', 'helpful', 'not_helpful'))
);
--> statement-breakpoint
CREATE TABLE "service_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"status" text NOT NULL,
	"minor" boolean DEFAULT false NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "service_revisions_status" CHECK ("service_revisions"."status" in ('draft', 'review', 'published', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organisation_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"categories" text[] NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"free" boolean DEFAULT true NOT NULL,
	"url" text,
	"email" text,
	"phone" text,
	"capacity_free" integer,
	"waiting_list" integer,
	"last_checked_at" date NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_slug_unique" UNIQUE("slug"),
	CONSTRAINT "services_status" CHECK ("services"."status" in ('draft', 'review', 'published', 'archived')),
	CONSTRAINT "services_capacity" CHECK ("services"."capacity_free" is null or "services"."capacity_free" >= 0),
	CONSTRAINT "services_waiting" CHECK ("services"."waiting_list" is null or "services"."waiting_list" >= 0)
);
--> statement-breakpoint
CREATE TABLE "unmet_searches" (
	"day" date NOT NULL,
	"lang" text NOT NULL,
	"district_id" text DEFAULT '' NOT NULL,
	"words" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "unmet_searches_day_lang_district_id_words_pk" PRIMARY KEY("day","lang","district_id","words")
);
--> statement-breakpoint
ALTER TABLE "directory_organizations" ADD CONSTRAINT "directory_organizations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_feedback" ADD CONSTRAINT "service_feedback_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_locations" ADD CONSTRAINT "service_locations_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_locations" ADD CONSTRAINT "service_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_revisions" ADD CONSTRAINT "service_revisions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_texts_lang_status" ON "directory_texts" USING btree ("lang","status");--> statement-breakpoint
CREATE INDEX "locations_district" ON "locations" USING btree ("district_id","ortsteil_id");--> statement-breakpoint
CREATE INDEX "schedules_service" ON "schedules" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "service_locations_service" ON "service_locations" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "service_locations_location" ON "service_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "service_revisions_service" ON "service_revisions" USING btree ("service_id","changed_at");--> statement-breakpoint
CREATE INDEX "services_search_trgm" ON "services" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "services_categories" ON "services" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "services_languages" ON "services" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "services_org" ON "services" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "services_updated" ON "services" USING btree ("updated_at");