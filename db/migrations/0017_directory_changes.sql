CREATE TABLE "directory_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Changes to what the search shows: which offer changed, then one notification per statement.
CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n integer := 0;
BEGIN
  IF TG_TABLE_NAME = 'services' THEN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO directory_changes (service_id) SELECT DISTINCT id FROM old_rows;
    ELSE
      INSERT INTO directory_changes (service_id) SELECT DISTINCT id FROM new_rows;
    END IF;
  ELSIF TG_TABLE_NAME IN ('schedules', 'service_locations') THEN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO directory_changes (service_id) SELECT DISTINCT service_id FROM old_rows;
    ELSE
      INSERT INTO directory_changes (service_id) SELECT DISTINCT service_id FROM new_rows;
    END IF;
  ELSIF TG_TABLE_NAME = 'locations' THEN
    INSERT INTO directory_changes (service_id)
      SELECT DISTINCT sl.service_id FROM service_locations sl JOIN new_rows l ON l.id = sl.location_id;
  ELSIF TG_TABLE_NAME = 'directory_texts' THEN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO directory_changes (service_id)
        SELECT DISTINCT entity_id::uuid FROM old_rows WHERE entity_type = 'service'
        UNION SELECT sl.service_id FROM service_locations sl JOIN old_rows t
          ON t.entity_type = 'location' AND t.entity_id = sl.location_id::text;
    ELSE
      INSERT INTO directory_changes (service_id)
        SELECT DISTINCT entity_id::uuid FROM new_rows WHERE entity_type = 'service'
        UNION SELECT sl.service_id FROM service_locations sl JOIN new_rows t
          ON t.entity_type = 'location' AND t.entity_id = sl.location_id::text;
    END IF;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('directory_changes', '');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER services_changed_ins AFTER INSERT ON services REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER services_changed_upd AFTER UPDATE ON services REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER services_changed_del AFTER DELETE ON services REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER schedules_changed_ins AFTER INSERT ON schedules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER schedules_changed_upd AFTER UPDATE ON schedules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER schedules_changed_del AFTER DELETE ON schedules REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER service_locations_changed_ins AFTER INSERT ON service_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER service_locations_changed_upd AFTER UPDATE ON service_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER service_locations_changed_del AFTER DELETE ON service_locations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER locations_changed_upd AFTER UPDATE ON locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER directory_texts_changed_ins AFTER INSERT ON directory_texts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER directory_texts_changed_upd AFTER UPDATE ON directory_texts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
--> statement-breakpoint
CREATE TRIGGER directory_texts_changed_del AFTER DELETE ON directory_texts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
