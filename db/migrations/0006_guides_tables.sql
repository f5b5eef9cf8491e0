CREATE TABLE "guide_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"proposal_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place_lat" double precision NOT NULL,
	"place_lon" double precision NOT NULL,
	"state" text DEFAULT 'confirmed' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "guide_assignments_state" CHECK ("guide_assignments"."state" in ('confirmed', 'cancelled', 'done')),
	CONSTRAINT "guide_assignments_times" CHECK ("guide_assignments"."ends_at" > "guide_assignments"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "guide_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"owner_kind" text NOT NULL,
	"guide_id" uuid,
	"organisation_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "guide_feeds_owner" CHECK (("guide_feeds"."owner_kind" = 'guide' and "guide_feeds"."guide_id" is not null and "guide_feeds"."organisation_id" is null) or ("guide_feeds"."owner_kind" = 'organisation' and "guide_feeds"."organisation_id" is not null and "guide_feeds"."guide_id" is null))
);
--> statement-breakpoint
CREATE TABLE "guide_matching_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"request_id" uuid,
	"requested_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"objective" double precision,
	"bound" double precision,
	"gap" double precision,
	"seconds" real,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unmatched" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"suggestions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	CONSTRAINT "guide_matching_runs_status" CHECK ("guide_matching_runs"."status" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "guide_onboarding" (
	"guide_id" uuid NOT NULL,
	"step" text NOT NULL,
	"completed_on" date NOT NULL,
	"expires_on" date,
	"reminded_for" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_onboarding_guide_id_step_pk" PRIMARY KEY("guide_id","step"),
	CONSTRAINT "guide_onboarding_step" CHECK ("guide_onboarding"."step" in ('interview', 'training', 'confidentiality', 'police_clearance')),
	CONSTRAINT "guide_onboarding_expiry" CHECK ("guide_onboarding"."expires_on" is null or "guide_onboarding"."expires_on" >= "guide_onboarding"."completed_on")
);
--> statement-breakpoint
CREATE TABLE "guide_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"languages" jsonb NOT NULL,
	"topics_accepted" text[] NOT NULL,
	"topics_refused" text[] NOT NULL,
	"districts" text[] NOT NULL,
	"travel_mode" text NOT NULL,
	"home_lat" double precision NOT NULL,
	"home_lon" double precision NOT NULL,
	"gender" text,
	"weekly" jsonb NOT NULL,
	"exceptions" jsonb NOT NULL,
	"max_per_week" integer NOT NULL,
	"private_phone" text,
	"private_email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_profiles_kind" CHECK ("guide_profiles"."kind" in ('volunteer', 'mediator')),
	CONSTRAINT "guide_profiles_travel_mode" CHECK ("guide_profiles"."travel_mode" in ('foot', 'bike', 'transit', 'car')),
	CONSTRAINT "guide_profiles_gender" CHECK ("guide_profiles"."gender" is null or "guide_profiles"."gender" in ('f', 'm', 'd')),
	CONSTRAINT "guide_profiles_max" CHECK ("guide_profiles"."max_per_week" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "guide_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"run_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"explanation" jsonb NOT NULL,
	CONSTRAINT "guide_proposals_status" CHECK ("guide_proposals"."status" in ('pending', 'accepted', 'declined', 'expired', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "guide_request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "guide_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"source" text NOT NULL,
	"organisation_id" text,
	"created_by" uuid,
	"language" text NOT NULL,
	"dialect" text,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place_address" text,
	"place_lat" double precision NOT NULL,
	"place_lon" double precision NOT NULL,
	"district_id" text,
	"topic" text NOT NULL,
	"mode" text NOT NULL,
	"gender_required" text,
	"urgency" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"case_ref" text,
	"newcomer_first_name" text,
	"contact_on_day" text,
	"requester_email" text,
	"requester_locale" text DEFAULT 'de' NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"unmatched_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"cancelled_at" timestamp with time zone,
	"late_cancellation" boolean DEFAULT false NOT NULL,
	"no_show_by" text,
	"personal_erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_requests_source" CHECK ("guide_requests"."source" in ('institution', 'public', 'caseworker')),
	CONSTRAINT "guide_requests_topic" CHECK ("guide_requests"."topic" in ('health', 'authorities', 'school', 'housing', 'court', 'psychiatric')),
	CONSTRAINT "guide_requests_mode" CHECK ("guide_requests"."mode" in ('on_site', 'phone', 'video')),
	CONSTRAINT "guide_requests_state" CHECK ("guide_requests"."state" in ('open', 'proposed', 'confirmed', 'done', 'cancelled', 'no_show')),
	CONSTRAINT "guide_requests_gender" CHECK ("guide_requests"."gender_required" is null or "guide_requests"."gender_required" in ('f', 'm', 'd')),
	CONSTRAINT "guide_requests_urgency" CHECK ("guide_requests"."urgency" between 0 and 3),
	CONSTRAINT "guide_requests_duration" CHECK ("guide_requests"."duration_minutes" between 15 and 600),
	CONSTRAINT "guide_requests_no_show" CHECK ("guide_requests"."no_show_by" is null or "guide_requests"."no_show_by" in ('newcomer', 'guide'))
);
--> statement-breakpoint
ALTER TABLE "guide_assignments" ADD CONSTRAINT "guide_assignments_request_id_guide_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."guide_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_assignments" ADD CONSTRAINT "guide_assignments_guide_id_guide_profiles_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guide_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_assignments" ADD CONSTRAINT "guide_assignments_proposal_id_guide_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."guide_proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_feeds" ADD CONSTRAINT "guide_feeds_guide_id_guide_profiles_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guide_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_feeds" ADD CONSTRAINT "guide_feeds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_feeds" ADD CONSTRAINT "guide_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_matching_runs" ADD CONSTRAINT "guide_matching_runs_request_id_guide_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."guide_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_matching_runs" ADD CONSTRAINT "guide_matching_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_onboarding" ADD CONSTRAINT "guide_onboarding_guide_id_guide_profiles_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guide_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD CONSTRAINT "guide_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_proposals" ADD CONSTRAINT "guide_proposals_request_id_guide_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."guide_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_proposals" ADD CONSTRAINT "guide_proposals_guide_id_guide_profiles_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."guide_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_proposals" ADD CONSTRAINT "guide_proposals_run_id_guide_matching_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."guide_matching_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_request_events" ADD CONSTRAINT "guide_request_events_request_id_guide_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."guide_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_requests" ADD CONSTRAINT "guide_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_requests" ADD CONSTRAINT "guide_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_assignments_guide" ON "guide_assignments" USING btree ("guide_id","starts_at");--> statement-breakpoint
CREATE INDEX "guide_assignments_request" ON "guide_assignments" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_assignments_one_active" ON "guide_assignments" USING btree ("request_id") WHERE "guide_assignments"."state" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "guide_feeds_token" ON "guide_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_feeds_guide" ON "guide_feeds" USING btree ("guide_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_feeds_organisation" ON "guide_feeds" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "guide_matching_runs_created" ON "guide_matching_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "guide_proposals_guide" ON "guide_proposals" USING btree ("guide_id","status");--> statement-breakpoint
CREATE INDEX "guide_proposals_request" ON "guide_proposals" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "guide_proposals_run" ON "guide_proposals" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_proposals_one_pending" ON "guide_proposals" USING btree ("request_id") WHERE "guide_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "guide_request_events_request" ON "guide_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_requests_code" ON "guide_requests" USING btree ("code");--> statement-breakpoint
CREATE INDEX "guide_requests_state_start" ON "guide_requests" USING btree ("state","starts_at");--> statement-breakpoint
CREATE INDEX "guide_requests_organisation" ON "guide_requests" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE INDEX "guide_requests_case" ON "guide_requests" USING btree ("case_ref");