// What other modules read of the directory's offers: one query each, lists batched. Other modules use these
// (through index.ts) instead of the directory's tables.
import { and, arrayOverlaps, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db.ts';
import { directoryTexts, locations, serviceLocations, services } from './directory.tables.ts';
import { showText } from './texts.ts';

/** A published offer as another module links it: its name in the reader's language and its first place. */
export type OfferLink = {
  slug: string;
  name: string;
  /** The name's language (German where the reader's is missing). */
  nameLang: string;
  place: { name: string; address: string; postcode: string; city: string; lat: number; lon: number } | null;
};

/** The published offers among the slugs (unpublished or unknown ones are left out), in one query. */
export async function publishedOffersBySlug(db: Tx, slugs: string[], lang: string): Promise<OfferLink[]> {
  if (!slugs.length) return [];
  const rows = await db
    .select({
      slug: services.slug,
      textLang: directoryTexts.lang,
      name: directoryTexts.value,
      status: directoryTexts.status,
      place: {
        name: locations.name,
        address: locations.address,
        postcode: locations.postcode,
        city: locations.city,
        lat: locations.lat,
        lon: locations.lon,
      },
    })
    .from(services)
    .innerJoin(
      directoryTexts,
      and(
        eq(directoryTexts.entityType, 'service'),
        eq(directoryTexts.entityId, sql`${services.id}::text`),
        eq(directoryTexts.field, 'name'),
        inArray(directoryTexts.lang, [...new Set(['de', lang])]),
      ),
    )
    .leftJoin(serviceLocations, eq(serviceLocations.serviceId, services.id))
    .leftJoin(locations, eq(locations.id, serviceLocations.locationId))
    .where(and(inArray(services.slug, slugs), eq(services.status, 'published')));
  const bySlug = new Map<string, OfferLink>();
  for (const slug of slugs) {
    const mine = rows.filter((row) => row.slug === slug);
    if (!mine.length) continue;
    const shown = showText(
      mine.map((row) => ({ field: 'name', lang: row.textLang, value: row.name, status: row.status })),
      'name',
      lang,
    );
    const place = mine.find((row) => row.place?.name)?.place ?? null;
    bySlug.set(slug, {
      slug,
      name: shown?.value ?? slug,
      nameLang: shown?.lang ?? 'de',
      place: place?.name ? (place as NonNullable<OfferLink['place']>) : null,
    });
  }
  return [...bySlug.values()];
}

/** A place of a published offer (the course planner's candidate places and the places courses run at). */
export type OfferPlace = {
  locationId: string;
  serviceId: string;
  name: string;
  ortsteilId: string;
  lat: number;
  lon: number;
  categories: string[];
};

/** The places of published offers in any of the categories or among the offers given, in one query. */
export async function publishedOfferPlaces(
  db: Tx,
  filter: { categories?: string[]; serviceIds?: string[] },
): Promise<OfferPlace[]> {
  const which: SQL[] = [];
  if (filter.categories?.length) which.push(arrayOverlaps(services.categories, filter.categories));
  if (filter.serviceIds?.length) which.push(inArray(services.id, filter.serviceIds));
  if (!which.length) return [];
  return db
    .select({
      locationId: locations.id,
      serviceId: services.id,
      name: locations.name,
      ortsteilId: locations.ortsteilId,
      lat: locations.lat,
      lon: locations.lon,
      categories: services.categories,
    })
    .from(services)
    .innerJoin(serviceLocations, eq(serviceLocations.serviceId, services.id))
    .innerJoin(locations, eq(locations.id, serviceLocations.locationId))
    .where(and(eq(services.status, 'published'), or(...which)))
    .orderBy(locations.name, locations.id);
}
