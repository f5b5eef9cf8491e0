import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../core/db.ts';
import { type WordExpansion, wordMatches } from '../directory.repository.ts';
import { directoryOrganizations, serviceLocations, services } from '../directory.tables.ts';

/** What the HSDS lists filter by; every filter is optional and they combine with AND. */
export type HsdsFilter = {
  /** Typed words with their similar dictionary words, matched like the directory search (any language). */
  words: WordExpansion[];
  categories: string[] | null;
  organisationId: string | null;
  modifiedAfter: Date | null;
  /** Only places with this postcode (when no distance is given). */
  postcode: string | null;
  /** Only places within this distance of a point. */
  near: { lat: number; lon: number; radiusKm: number } | null;
  limit: number;
  offset: number;
};

export type IdHit = { id: string; total: number };

const distanceKm = (lat: number, lon: number) =>
  sql`(6371 * 2 * asin(sqrt(power(sin(radians(l.lat - ${lat}) / 2), 2)
     + cos(radians(${lat})) * cos(radians(l.lat)) * power(sin(radians(l.lon - ${lon}) / 2), 2))))`;

function placeConditions(f: HsdsFilter): SQL[] {
  return [
    f.near ? sql` and ${distanceKm(f.near.lat, f.near.lon)} <= ${f.near.radiusKm}` : sql``,
    f.postcode && !f.near ? sql` and l.postcode = ${f.postcode}` : sql``,
  ];
}

function serviceConditions(f: HsdsFilter): SQL {
  return sql.join(
    [
      sql`s.status = 'published'`,
      f.categories
        ? sql` and s.categories && array[${sql.join(
            f.categories.map((c) => sql`${c}`),
            sql`, `,
          )}]::text[]`
        : sql``,
      f.organisationId ? sql` and s.organisation_id = ${f.organisationId}` : sql``,
      f.modifiedAfter ? sql` and s.updated_at >= ${f.modifiedAfter.toISOString()}::timestamptz` : sql``,
    ],
    sql``,
  );
}

/** Best word matches first (when searching), then a stable order. */
const order = (f: HsdsFilter) => (f.words.length ? sql`(${wordMatches(f.words).score}) desc, ` : sql``);

function hits(result: unknown): IdHit[] {
  return (result as { rows: { id: string; total: unknown }[] }).rows.map((row) => ({
    id: row.id,
    total: Number(row.total),
  }));
}

/** One page of published offers matching the filter (any of their places for the place filters), with the total. */
export async function findPublishedServiceIds(db: Tx, f: HsdsFilter): Promise<IdHit[]> {
  const placeFilter =
    f.near || f.postcode
      ? sql` and exists (select 1 from service_locations sl join locations l on l.id = sl.location_id
             where sl.service_id = s.id ${sql.join(placeConditions(f), sql``)})`
      : sql``;
  const match = wordMatches(f.words);
  const result = await db.execute(sql`
    ${match.with}
    select s.id, count(*) over () as total
    from services s ${match.joins}
    where ${serviceConditions(f)} ${placeFilter}
    order by ${order(f)}s.slug
    limit ${f.limit} offset ${f.offset}`);
  return hits(result);
}

/** One page of places of published offers (HSDS service_at_location) matching the filter, with the total. */
export async function findPublishedServiceLocationIds(db: Tx, f: HsdsFilter): Promise<IdHit[]> {
  const match = wordMatches(f.words);
  const result = await db.execute(sql`
    ${match.with}
    select sl.id, count(*) over () as total
    from service_locations sl
    join services s on s.id = sl.service_id ${match.joins}
    join locations l on l.id = sl.location_id
    where ${serviceConditions(f)} ${sql.join(placeConditions(f), sql``)}
    order by ${order(f)}s.slug, sl.id
    limit ${f.limit} offset ${f.offset}`);
  return hits(result);
}

/** The offer and place ids of some service_at_location rows, of published offers only. */
export async function publishedServiceLocations(db: Tx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: serviceLocations.id,
      serviceId: serviceLocations.serviceId,
      locationId: serviceLocations.locationId,
    })
    .from(serviceLocations)
    .innerJoin(services, eq(services.id, serviceLocations.serviceId))
    .where(and(inArray(serviceLocations.id, ids), eq(services.status, 'published')));
}

/** Published offers with their organisation's directory details (e-mail, website). */
export async function servicesWithOrganisationDetails(db: Tx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      service: services,
      details: { email: directoryOrganizations.email, website: directoryOrganizations.website },
    })
    .from(services)
    .leftJoin(directoryOrganizations, eq(directoryOrganizations.organisationId, services.organisationId))
    .where(and(inArray(services.id, ids), eq(services.status, 'published')));
}

/** A published offer's id by its id or slug. */
export async function publishedServiceId(db: Tx, key: string, keyIsUuid: boolean) {
  const [row] = await db
    .select({ id: services.id })
    .from(services)
    .where(and(keyIsUuid ? eq(services.id, key) : eq(services.slug, key), eq(services.status, 'published')));
  return row?.id ?? null;
}

/** Every organisation that has at least one published offer (its id), with its directory details. */
export async function publishingOrganisationDetails(db: Tx) {
  return db
    .selectDistinct({
      id: services.organisationId,
      email: directoryOrganizations.email,
      website: directoryOrganizations.website,
    })
    .from(services)
    .leftJoin(directoryOrganizations, eq(directoryOrganizations.organisationId, services.organisationId))
    .where(eq(services.status, 'published'));
}

/** Ids of the published offers of one organisation. */
export async function publishedServiceIdsOf(db: Tx, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.organisationId, organisationId), eq(services.status, 'published')))
    .orderBy(services.slug);
  return rows.map((row) => row.id);
}

/** Every published offer's id, for the open data export. */
export async function allPublishedServiceIds(db: Tx): Promise<string[]> {
  const rows = await db
    .select({ id: services.id })
    .from(services)
    .where(eq(services.status, 'published'))
    .orderBy(services.slug);
  return rows.map((row) => row.id);
}

/** When a published offer last changed (null without any). */
export async function lastPublishedChange(db: Tx): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<unknown>`max(${services.updatedAt})` })
    .from(services)
    .where(eq(services.status, 'published'));
  return row?.at ? new Date(row.at as string | Date) : null;
}
