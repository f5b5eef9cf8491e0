CREATE TABLE "course_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_attendance_status" CHECK ("course_attendance"."status" in ('present', 'absent', 'excused'))
);
--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_enrolment_id_course_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."course_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_attendance_enrolment_day_idx" ON "course_attendance" USING btree ("enrolment_id","day");--> statement-breakpoint
CREATE INDEX "course_attendance_course_idx" ON "course_attendance" USING btree ("course_id","day");