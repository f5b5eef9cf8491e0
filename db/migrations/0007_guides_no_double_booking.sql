-- No double booking of a guide (issue 4). Two layers:
-- (a) an exclusion constraint: no guide in two active appointments at once;
-- (b) a trigger for the travel time between the places, which is pairwise and so cannot be one range per row:
--     it locks the guide's profile row (so concurrent confirmations for one guide run one after another) and
--     refuses with SQLSTATE 23P01 when an active assignment of the guide cannot be reached in time, in either
--     order: first end + travel minutes > second start. Travel minutes = great-circle km / speed × 60, the
--     speed from app_meta 'guides.speed_kmh' (written from the city profile at every start; default 20).
CREATE OR REPLACE FUNCTION guides_great_circle_km(lat1 double precision, lon1 double precision,
                                                  lat2 double precision, lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 2 * 6371.0088 * asin(least(1, sqrt(
    power(sin(radians(lat2 - lat1) / 2), 2) +
    cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;
--> statement-breakpoint
ALTER TABLE "guide_assignments" ADD CONSTRAINT "guide_assignments_no_overlap"
  EXCLUDE USING gist ("guide_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("state" <> 'cancelled');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION guide_assignments_reachable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  speed double precision;
  conflict uuid;
BEGIN
  IF NEW.state = 'cancelled' THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM guide_profiles WHERE user_id = NEW.guide_id FOR UPDATE;
  SELECT coalesce((SELECT (value #>> '{}')::double precision FROM app_meta WHERE key = 'guides.speed_kmh'), 20)
    INTO speed;
  IF speed IS NULL OR speed <= 0 THEN
    speed := 20;
  END IF;
  SELECT a.id INTO conflict
    FROM guide_assignments a
   WHERE a.guide_id = NEW.guide_id
     AND a.id <> NEW.id
     AND a.state <> 'cancelled'
     AND a.starts_at < NEW.ends_at + interval '1 day'
     AND a.ends_at > NEW.starts_at - interval '1 day'
     AND NOT (
       a.ends_at + make_interval(secs => guides_great_circle_km(a.place_lat, a.place_lon, NEW.place_lat, NEW.place_lon) / speed * 3600) <= NEW.starts_at
       OR NEW.ends_at + make_interval(secs => guides_great_circle_km(a.place_lat, a.place_lon, NEW.place_lat, NEW.place_lon) / speed * 3600) <= a.starts_at
     )
   LIMIT 1;
  IF conflict IS NOT NULL THEN
    RAISE EXCEPTION 'guide assignment cannot be reached in time'
      USING ERRCODE = '23P01', CONSTRAINT = 'guide_assignments_reachable';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER guide_assignments_reachable BEFORE INSERT OR UPDATE ON guide_assignments
  FOR EACH ROW EXECUTE FUNCTION guide_assignments_reachable();
