CREATE INDEX "directory_changes_changed_at" ON "directory_changes" USING btree ("changed_at");
--> statement-breakpoint
-- The search's result rows show the organisation's name: renaming an organisation changes its offers.
CREATE FUNCTION directory_organisation_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n integer := 0;
BEGIN
  INSERT INTO directory_changes (service_id)
    SELECT s.id FROM services s
    JOIN new_rows o ON o.id = s.organisation_id
    JOIN old_rows p ON p.id = o.id
    WHERE o.name IS DISTINCT FROM p.name;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('directory_changes', '');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_renamed AFTER UPDATE ON organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_organisation_renamed();
