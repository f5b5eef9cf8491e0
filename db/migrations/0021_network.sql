CREATE TABLE "network_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"rrule" text,
	"exceptions" date[] DEFAULT '{}'::date[] NOT NULL,
	"skip_school_holidays" boolean DEFAULT false NOT NULL,
	"ortsteil_id" text NOT NULL,
	"district_id" text NOT NULL,
	"place" text,
	"room_id" text,
	"target_groups" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"public" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_activities_times" CHECK ("network_activities"."start_time" < "network_activities"."end_time")
);
--> statement-breakpoint
CREATE TABLE "network_actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"description" text,
	"districts" text[] NOT NULL,
	"topics" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"target_groups" text[] NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_actors_organisation_id_unique" UNIQUE("organisation_id"),
	CONSTRAINT "network_actors_status" CHECK ("network_actors"."status" in ('pending', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "network_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"role" text,
	"email" text,
	"phone" text,
	"consent_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_occurrences" (
	"activity_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"ortsteil_id" text NOT NULL,
	"target_groups" text[] NOT NULL,
	"public" boolean NOT NULL,
	"during" "tstzrange" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_room_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"organisation_id" text NOT NULL,
	"activity_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"note" text,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_room_bookings_order" CHECK ("network_room_bookings"."ends_at" > "network_room_bookings"."starts_at"),
	CONSTRAINT "network_room_bookings_state" CHECK ("network_room_bookings"."state" in ('requested', 'confirmed', 'declined', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "network_rooms" (
	"id" text PRIMARY KEY NOT NULL,
	"centre_id" text NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"equipment" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_working_group_members" (
	"group_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "network_working_group_members_group_id_actor_id_pk" PRIMARY KEY("group_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "network_working_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"topic" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_working_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "network_activities" ADD CONSTRAINT "network_activities_actor_id_network_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."network_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_activities" ADD CONSTRAINT "network_activities_room_id_network_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."network_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_activities" ADD CONSTRAINT "network_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_actors" ADD CONSTRAINT "network_actors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_actors" ADD CONSTRAINT "network_actors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_actors" ADD CONSTRAINT "network_actors_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_contacts" ADD CONSTRAINT "network_contacts_actor_id_network_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."network_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_contacts" ADD CONSTRAINT "network_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_occurrences" ADD CONSTRAINT "network_occurrences_activity_id_network_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."network_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_room_bookings" ADD CONSTRAINT "network_room_bookings_room_id_network_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."network_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_room_bookings" ADD CONSTRAINT "network_room_bookings_actor_id_network_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."network_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_room_bookings" ADD CONSTRAINT "network_room_bookings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_room_bookings" ADD CONSTRAINT "network_room_bookings_activity_id_network_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."network_activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_room_bookings" ADD CONSTRAINT "network_room_bookings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_room_bookings" ADD CONSTRAINT "network_room_bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_working_group_members" ADD CONSTRAINT "network_working_group_members_group_id_network_working_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."network_working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_working_group_members" ADD CONSTRAINT "network_working_group_members_actor_id_network_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."network_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_activities_actor_idx" ON "network_activities" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "network_actors_status_idx" ON "network_actors" USING btree ("status");--> statement-breakpoint
CREATE INDEX "network_contacts_actor_idx" ON "network_contacts" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "network_contacts_user_idx" ON "network_contacts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "network_occurrences_place_time_idx" ON "network_occurrences" USING gist ("ortsteil_id","during");--> statement-breakpoint
CREATE INDEX "network_occurrences_activity_idx" ON "network_occurrences" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "network_room_bookings_room_idx" ON "network_room_bookings" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE INDEX "network_room_bookings_org_idx" ON "network_room_bookings" USING btree ("organisation_id");
--> statement-breakpoint
-- No double booking of a room (issue 18): requested and confirmed bookings hold the room, so the first request wins
-- the slot until the house declines it (then the slot is free again). btree_gist: migration 0000.
ALTER TABLE "network_room_bookings" ADD CONSTRAINT "network_room_bookings_no_overlap"
  EXCLUDE USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("state" IN ('requested', 'confirmed'));
