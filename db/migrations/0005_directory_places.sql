DROP INDEX "services_search_words";--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "places" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "services_search_words" ON "services" USING gin ("search_words","places");--> statement-breakpoint
UPDATE "services" s SET "places" = p.places
FROM (
  SELECT sl.service_id, array_agg(DISTINCT x) AS places
  FROM "service_locations" sl
  JOIN "locations" l ON l.id = sl.location_id
  CROSS JOIN LATERAL unnest(array[l.district_id, l.ortsteil_id]) AS x
  GROUP BY sl.service_id
) p
WHERE p.service_id = s.id;
