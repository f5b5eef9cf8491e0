-- Every app server keeps published pages' answers in memory (server/modules/pages/page-cache.ts): a change to a
-- page or its texts tells them all, once per statement, to forget them.
CREATE FUNCTION pages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pages_changes', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pages FOR EACH STATEMENT EXECUTE FUNCTION pages_changed();
--> statement-breakpoint
CREATE TRIGGER page_texts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON page_texts FOR EACH STATEMENT EXECUTE FUNCTION pages_changed();
