import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import { noteDirectoryWrite } from './search/search.index.ts';
import {
  directoryChanges,
  directoryOrganizations,
  directoryTexts,
  directoryWords,
  locations,
  schedules,
  serviceFeedback,
  serviceLocations,
  serviceRevisions,
  services,
  unmetSearches,
} from './directory.tables.ts';

export type TextInsert = typeof directoryTexts.$inferInsert;

export async function insertService(db: Tx, values: typeof services.$inferInsert): Promise<string> {
  noteDirectoryWrite();
  const [row] = await db.insert(services).values(values).returning({ id: services.id });
  return row?.id ?? '';
}

export async function insertTexts(db: Tx, rows: TextInsert[]): Promise<void> {
  noteDirectoryWrite();
  if (rows.length) await db.insert(directoryTexts).values(rows);
}

/** Marks a record's texts in these languages as machine-made (the demo city's offers carry such translations). */
export async function markTextsMachineMade(db: Tx, entityType: string, entityId: string, langs: string[]) {
  noteDirectoryWrite();
  if (!langs.length) return;
  await db
    .update(directoryTexts)
    .set({ status: 'machine' })
    .where(
      and(
        eq(directoryTexts.entityType, entityType),
        eq(directoryTexts.entityId, entityId),
        inArray(directoryTexts.lang, langs),
      ),
    );
}

export async function insertLocation(db: Tx, values: typeof locations.$inferInsert): Promise<string> {
  noteDirectoryWrite();
  const [row] = await db.insert(locations).values(values).returning({ id: locations.id });
  return row?.id ?? '';
}

export async function insertServiceLocation(db: Tx, serviceId: string, locationId: string): Promise<void> {
  noteDirectoryWrite();
  await db.insert(serviceLocations).values({ serviceId, locationId });
}

export async function insertSchedules(db: Tx, rows: (typeof schedules.$inferInsert)[]): Promise<string[]> {
  noteDirectoryWrite();
  if (!rows.length) return [];
  const inserted = await db.insert(schedules).values(rows).returning({ id: schedules.id });
  return inserted.map((row) => row.id);
}

export async function insertRevision(db: Tx, values: typeof serviceRevisions.$inferInsert): Promise<void> {
  await db.insert(serviceRevisions).values(values);
}

export async function upsertDirectoryOrganization(
  db: Tx,
  values: typeof directoryOrganizations.$inferInsert,
) {
  await db
    .insert(directoryOrganizations)
    .values(values)
    .onConflictDoUpdate({
      target: directoryOrganizations.organisationId,
      set: { email: values.email, website: values.website },
    });
}

export async function countServices(db: Tx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(services);
  return row?.n ?? 0;
}

/** The texts of some records: every field and language, or only the given ones. */
export async function textsOf(
  db: Tx,
  entityType: string,
  entityIds: string[],
  only: { fields?: string[]; langs?: string[] } = {},
) {
  if (!entityIds.length) return [];
  return db
    .select({
      entityId: directoryTexts.entityId,
      field: directoryTexts.field,
      lang: directoryTexts.lang,
      value: directoryTexts.value,
      status: directoryTexts.status,
    })
    .from(directoryTexts)
    .where(
      and(
        eq(directoryTexts.entityType, entityType),
        inArray(directoryTexts.entityId, entityIds),
        only.fields ? inArray(directoryTexts.field, only.fields) : undefined,
        only.langs ? inArray(directoryTexts.lang, only.langs) : undefined,
      ),
    );
}

export async function findServiceBySlugOrId(db: Tx, key: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
  const [row] = await db
    .select({ service: services })
    .from(services)
    .where(isUuid ? eq(services.id, key) : eq(services.slug, key));
  return row;
}

export async function locationsOfServices(db: Tx, serviceIds: string[]) {
  if (!serviceIds.length) return [];
  return db
    .select({
      serviceAtLocationId: serviceLocations.id,
      serviceId: serviceLocations.serviceId,
      location: locations,
    })
    .from(serviceLocations)
    .innerJoin(locations, eq(locations.id, serviceLocations.locationId))
    .where(inArray(serviceLocations.serviceId, serviceIds));
}

export async function schedulesOfServices(db: Tx, serviceIds: string[]) {
  if (!serviceIds.length) return [];
  return db
    .select()
    .from(schedules)
    .where(inArray(schedules.serviceId, serviceIds))
    .orderBy(schedules.startsAt, schedules.opensAt);
}

export async function insertFeedback(db: Tx, values: typeof serviceFeedback.$inferInsert) {
  await db.insert(serviceFeedback).values(values);
}

/** Adds one to the day's counter of a search that found nothing. */
export async function countUnmetSearch(
  db: Tx,
  values: { day: string; lang: string; districtId: string; words: string },
) {
  await db
    .insert(unmetSearches)
    .values({ ...values, count: 1 })
    .onConflictDoUpdate({
      target: [unmetSearches.day, unmetSearches.lang, unmetSearches.districtId, unmetSearches.words],
      set: { count: sql`${unmetSearches.count} + 1` },
    });
}

export async function listUnmetSearches(db: Tx, since: string) {
  return db
    .select({
      lang: unmetSearches.lang,
      districtId: unmetSearches.districtId,
      words: unmetSearches.words,
      count: sql<number>`sum(${unmetSearches.count})::int`,
      lastDay: sql<string>`max(${unmetSearches.day})::text`,
    })
    .from(unmetSearches)
    .where(sql`${unmetSearches.day} >= ${since}`)
    .groupBy(unmetSearches.lang, unmetSearches.districtId, unmetSearches.words)
    .orderBy(sql`sum(${unmetSearches.count}) desc`, unmetSearches.words)
    .limit(500);
}

export type SearchFilter = {
  words: WordExpansion[];
  categories: string[];
  districtId: string | null;
  ortsteilId: string | null;
  near: { lat: number; lon: number; radiusKm: number } | null;
  language: string | null;
  targetGroup: string | null;
  free: boolean;
  accessible: boolean;
  hasPlaces: boolean;
  openAt: { day: string; time: string } | null;
  limit: number;
  offset: number;
};

/**
 * The dictionary words similar to one typed word, with their similarity (the typed word itself included), and the
 * categories the word names (an offer in one of them ranks higher).
 */
export type WordExpansion = { words: string[]; sims: number[]; categories: string[] };

/**
 * Dictionary words similar to each of some words (pg_trgm's word_similarity over directory_words, the threshold
 * is set per session), best first, at most 1000 per word: one query for all of them.
 */
export async function similarWordsOf(db: Tx, typed: string[]): Promise<Map<string, WordExpansion>> {
  const found = new Map(
    typed.map((word) => [word, { words: [word], sims: [1], categories: [] as string[] }]),
  );
  if (!typed.length) return found;
  const result = await db.execute(sql`
    select t.typed, w.word, w.sim from unnest(${textArray(typed)}) as t(typed)
    cross join lateral (
      select word, word_similarity(t.typed, word) as sim from directory_words
      where t.typed <% word order by 2 desc, 1 limit 1000) w`);
  const rows = (result as unknown as { rows: { typed: string; word: string; sim: unknown }[] }).rows;
  for (const row of rows) {
    const expansion = found.get(row.typed);
    if (!expansion || row.word === row.typed) continue;
    expansion.words.push(row.word);
    expansion.sims.push(Number(row.sim));
  }
  return found;
}

/** The similar dictionary words of one word (the benchmark looks them up alone). */
export async function similarWords(db: Tx, typed: string): Promise<WordExpansion> {
  return (await similarWordsOf(db, [typed])).get(typed) ?? { words: [typed], sims: [1], categories: [] };
}

function textArray(values: readonly string[]) {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * The word search as SQL pieces: per typed word, a CTE of the offers that contain one of its similar words,
 * each found through the GIN index on (services.search_words, services.places) — with the place filter inside
 * the same index scan — scored by the best similarity (without reading the long word arrays themselves).
 * An offer is found when it matches any of the words, so a word that matches nothing does not empty the result;
 * `score` ranks offers matching more of the words first (100 per word), then by similarity, with a bonus where the
 * offer is in a category the word names ("germană" → language courses). `found` has bit i set when word i
 * matched the offer.
 */
export function wordMatches(expansions: readonly WordExpansion[], placeId: string | null = null) {
  const ctes = expansions.flatMap((e, i) => [
    sql`${sql.raw(`e${i}`)} (word, sim) as (
      select * from unnest(${textArray(e.words)}, array[${sql.join(
        e.sims.map((v) => sql`${v}`),
        sql`, `,
      )}]::float8[]))`,
    sql`${sql.raw(`m${i}`)} as (
      select s2.id, max(e.sim) as sim
      from ${sql.raw(`e${i}`)} e
      join services s2 on s2.search_words @> array[e.word]
      ${placeId ? sql` and s2.places @> array[${placeId}]::text[]` : sql``}
      group by s2.id)`,
  ]);
  const any = sql.raw(
    `matched (id) as (${expansions.map((_, i) => `select id from m${i}`).join(' union ')})`,
  );
  const wordScore = (e: WordExpansion, i: number) => {
    const hit = sql.raw(`m${i}.id is not null`);
    const bonus = e.categories.length
      ? sql` + case when s.categories && ${textArray(e.categories)} then 1 else 0 end`
      : sql``;
    return sql`case when ${hit} then 100 + ${sql.raw(`m${i}.sim`)}${bonus} else 0 end`;
  };
  return {
    with: ctes.length ? sql`with ${sql.join([...ctes, any], sql`, `)}` : sql``,
    joins: expansions.length
      ? sql.raw(
          ` join matched on matched.id = s.id${expansions.map((_, i) => ` left join m${i} on m${i}.id = s.id`).join('')}`,
        )
      : sql``,
    score: expansions.length ? sql.join(expansions.map(wordScore), sql` + `) : sql`0`,
    /** How many of the words the offer matches. */
    hits: expansions.length
      ? sql.raw(expansions.map((_, i) => `(m${i}.id is not null)::int`).join(' + '))
      : sql`0`,
    found: expansions.length
      ? sql.raw(
          expansions.map((_, i) => `(case when m${i}.id is not null then ${1 << i} else 0 end)`).join(' | '),
        )
      : sql`0`,
  };
}

/** Adds words to the dictionary of the word search. */
export async function addWords(db: Tx, words: string[]) {
  for (let i = 0; i < words.length; i += 500) {
    const batch = words.slice(i, i + 500).map((word) => ({ word }));
    if (batch.length) await db.insert(directoryWords).values(batch).onConflictDoNothing();
  }
}

/** A found offer; `found` has bit i set when word i matched any offer of the search (the same on every row). */
export type SearchHit = {
  id: string;
  distance_km: number | null;
  score: number;
  total: number;
  found: number;
};

const distanceKm = (lat: number, lon: number) =>
  sql`(6371 * 2 * asin(sqrt(power(sin(radians(l.lat - ${lat}) / 2), 2)
     + cos(radians(${lat})) * cos(radians(l.lat)) * power(sin(radians(l.lon - ${lon}) / 2), 2))))`;

/**
 * The public search in one query: trigram word matches (pg_trgm's word_similarity, threshold set per session),
 * every filter combined, the nearest matching place of each offer, and the total over all pages.
 */
export async function searchPublishedServices(db: Tx, f: SearchFilter): Promise<SearchHit[]> {
  const distance = f.near ? distanceKm(f.near.lat, f.near.lon) : sql`null::float8`;
  const match = wordMatches(f.words, f.ortsteilId ?? f.districtId);
  const locationFilters = [
    f.districtId ? sql` and l.district_id = ${f.districtId}` : sql``,
    f.ortsteilId ? sql` and l.ortsteil_id = ${f.ortsteilId}` : sql``,
    f.accessible ? sql` and l.accessible` : sql``,
    f.near ? sql` and ${distance} <= ${f.near.radiusKm}` : sql``,
  ];
  // Joins (not a lateral subquery per offer), so the planner can hash-join the word matches with the places
  // of a district; then the nearest matching place of each offer.
  const result = await db.execute(sql`
    ${f.words.length ? sql`${match.with},` : sql`with`} candidates as (
      select s.id, s.slug, ${match.score} as score, ${match.hits} as hits, ${match.found} as found
      from services s ${match.joins}
      where s.status = 'published'
      ${
        f.categories.length
          ? sql` and s.categories && array[${sql.join(
              f.categories.map((c) => sql`${c}`),
              sql`, `,
            )}]::text[]`
          : sql``
      }
      ${f.language ? sql` and ${f.language} = any(s.languages)` : sql``}
      ${f.targetGroup ? sql` and ${f.targetGroup} = any(s.target_groups)` : sql``}
      ${f.free ? sql` and s.free` : sql``}
      ${f.hasPlaces ? sql` and s.capacity_free > 0` : sql``}
      ${
        f.openAt
          ? sql` and exists (select 1 from schedules sc where sc.service_id = s.id and sc.kind = 'weekly'
                 and ${f.openAt.day} = any(sc.by_day) and sc.opens_at <= ${f.openAt.time}::time and sc.closes_at > ${f.openAt.time}::time)`
          : sql``
      }
    ), placed as (
      select distinct on (c.id) c.id, c.slug, c.score, c.hits, c.found, ${distance} as distance_km
      from candidates c
      join service_locations sl on sl.service_id = c.id
      join locations l on l.id = sl.location_id
      where true ${sql.join(locationFilters, sql``)}
      order by c.id, 6 nulls last
    ), ranked as (
      select *, max(hits) over () as best, bit_or(found) over () as found_any from placed
    )
    -- Every word matters: only the offers that match the most words (all of them, where some offer does); a word
    -- that matches nothing leaves the others to decide.
    select id, distance_km, score, count(*) over () as total, found_any as found
    from ranked
    where hits = best
    order by score desc, distance_km nulls last, slug
    limit ${f.limit} offset ${f.offset}`);
  return (result as unknown as { rows: SearchHit[] }).rows.map((row) => ({
    ...row,
    score: Number(row.score),
    total: Number(row.total),
    found: Number(row.found),
    distance_km: row.distance_km === null ? null : Number(row.distance_km),
  }));
}

/** An offer's columns without its search words (hundreds per offer, needed only by the search itself). */
const { searchWords: _searchWords, ...serviceColumns } = getTableColumns(services);

/** Offers with the given ids. */
export async function servicesByIds(db: Tx, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ service: serviceColumns }).from(services).where(inArray(services.id, ids));
}

/** Which of the offers have a weekly opening that includes this local day and time. */
export async function openServiceIds(
  db: Tx,
  ids: string[],
  at: { day: string; time: string },
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectDistinct({ id: schedules.serviceId })
    .from(schedules)
    .where(
      and(
        inArray(schedules.serviceId, ids),
        eq(schedules.kind, 'weekly'),
        sql`${at.day} = any(${schedules.byDay})`,
        sql`${schedules.opensAt} <= ${at.time}::time and ${schedules.closesAt} > ${at.time}::time`,
      ),
    );
  return new Set(rows.map((row) => row.id));
}

export async function updateServiceRow(db: Tx, id: string, values: Partial<typeof services.$inferInsert>) {
  noteDirectoryWrite();
  await db.update(services).set(values).where(eq(services.id, id));
}

export async function deleteTextsOf(db: Tx, entityType: string, entityIds: string[]) {
  noteDirectoryWrite();
  if (!entityIds.length) return;
  await db
    .delete(directoryTexts)
    .where(and(eq(directoryTexts.entityType, entityType), inArray(directoryTexts.entityId, entityIds)));
}

export async function updateLocation(db: Tx, id: string, values: Partial<typeof locations.$inferInsert>) {
  noteDirectoryWrite();
  await db.update(locations).set(values).where(eq(locations.id, id));
}

/** Removes an offer's opening hours and dates; returns the removed ids (their titles go too). */
export async function deleteSchedulesOf(db: Tx, serviceId: string): Promise<string[]> {
  noteDirectoryWrite();
  const removed = await db
    .delete(schedules)
    .where(eq(schedules.serviceId, serviceId))
    .returning({ id: schedules.id });
  return removed.map((row) => row.id);
}

export async function pendingRevisionOf(db: Tx, serviceId: string) {
  const [row] = await db
    .select()
    .from(serviceRevisions)
    .where(and(eq(serviceRevisions.serviceId, serviceId), eq(serviceRevisions.status, 'review')))
    .orderBy(sql`${serviceRevisions.changedAt} desc`)
    .limit(1);
  return row;
}

export async function updateRevision(
  db: Tx,
  id: string,
  values: Partial<typeof serviceRevisions.$inferInsert>,
) {
  await db.update(serviceRevisions).set(values).where(eq(serviceRevisions.id, id));
}

export async function revisionsOf(db: Tx, serviceId: string) {
  return db
    .select({
      id: serviceRevisions.id,
      status: serviceRevisions.status,
      minor: serviceRevisions.minor,
      changedBy: serviceRevisions.changedBy,
      changedAt: serviceRevisions.changedAt,
      decidedAt: serviceRevisions.decidedAt,
    })
    .from(serviceRevisions)
    .where(eq(serviceRevisions.serviceId, serviceId))
    .orderBy(sql`${serviceRevisions.changedAt} desc`);
}

/** Offers of the scope an editor or coordinator works on, with whether a change waits for review. */
export async function editableServices(
  db: Tx,
  scope: Scope,
  filter: { status: string | null; staleBefore: string | null },
) {
  const pending = sql<boolean>`exists (select 1 from service_revisions r where r.service_id = ${services.id} and r.status = 'review')`;
  return db
    .select({
      id: services.id,
      slug: services.slug,
      organisationId: services.organisationId,
      status: services.status,
      lastCheckedAt: services.lastCheckedAt,
      updatedAt: services.updatedAt,
      pendingRevision: pending,
      name: sql<string>`coalesce((select t.value from directory_texts t where t.entity_type = 'service' and t.entity_id = ${services.id}::text and t.field = 'name' and t.lang = 'de'), '')`,
    })
    .from(services)
    .where(
      and(
        scopeWhere(scope, services.organisationId),
        filter.status === 'pending'
          ? pending
          : filter.status
            ? eq(services.status, filter.status)
            : undefined,
        filter.staleBefore ? sql`${services.lastCheckedAt} < ${filter.staleBefore}` : undefined,
      ),
    )
    .orderBy(services.slug)
    .limit(1000);
}

export async function revisionsWithSnapshot(db: Tx, serviceId: string) {
  return db
    .select({ snapshot: serviceRevisions.snapshot, status: serviceRevisions.status })
    .from(serviceRevisions)
    .where(and(eq(serviceRevisions.serviceId, serviceId), sql`${serviceRevisions.status} <> 'rejected'`))
    .orderBy(sql`${serviceRevisions.changedAt} desc`)
    .limit(1);
}

/** Texts of published offers per language and status. */
export async function translationCounts(db: Tx) {
  const result = await db.execute(sql`
    select t.lang, t.status, count(*)::int as total
    from directory_texts t join services s on s.id::text = t.entity_id
    where t.entity_type = 'service' and s.status = 'published'
    group by t.lang, t.status`);
  return (result as unknown as { rows: { lang: string; status: string; total: number }[] }).rows;
}

/** German texts of published offers that the language lacks or has outdated or machine-made. */
export async function pendingTexts(db: Tx, lang: string) {
  const result = await db.execute(sql`
    select d.entity_type as "entityType", d.entity_id as "entityId", d.field, d.value as source,
           t.value as current, coalesce(t.status, 'missing') as status
    from directory_texts d
    join services s on s.id::text = d.entity_id and s.status = 'published'
    left join directory_texts t on t.entity_type = d.entity_type and t.entity_id = d.entity_id and t.field = d.field and t.lang = ${lang}
    where d.entity_type = 'service' and d.lang = 'de' and (t.status is null or t.status in ('outdated', 'machine'))
    order by s.slug, d.field`);
  return (
    result as unknown as {
      rows: {
        entityType: string;
        entityId: string;
        field: string;
        source: string;
        current: string | null;
        status: 'missing' | 'outdated' | 'machine';
      }[];
    }
  ).rows;
}

/** The German texts of these offers. */
export async function germanSources(db: Tx, keys: string[][]) {
  const ids = [...new Set(keys.map((k) => k[1] ?? ''))].filter((id) => /^[0-9a-f-]{36}$/.test(id));
  if (!ids.length) return [];
  return db
    .select({
      entityType: directoryTexts.entityType,
      entityId: directoryTexts.entityId,
      field: directoryTexts.field,
      value: directoryTexts.value,
    })
    .from(directoryTexts)
    .where(
      and(
        eq(directoryTexts.entityType, 'service'),
        eq(directoryTexts.lang, 'de'),
        inArray(directoryTexts.entityId, ids),
      ),
    );
}

export async function upsertText(db: Tx, row: TextInsert) {
  noteDirectoryWrite();
  await db
    .insert(directoryTexts)
    .values(row)
    .onConflictDoUpdate({
      target: [directoryTexts.entityType, directoryTexts.entityId, directoryTexts.field, directoryTexts.lang],
      set: { value: row.value, status: row.status, updatedAt: row.updatedAt ?? sql`now()` },
    });
}

/** Adds to the day's counters of searches that found nothing (a batch gathered in memory, one statement each). */
export async function countUnmetSearches(
  db: Tx,
  rows: { day: string; lang: string; districtId: string; words: string; count: number }[],
) {
  for (const values of rows) {
    await db
      .insert(unmetSearches)
      .values(values)
      .onConflictDoUpdate({
        target: [unmetSearches.day, unmetSearches.lang, unmetSearches.districtId, unmetSearches.words],
        set: { count: sql`${unmetSearches.count} + ${values.count}` },
      });
  }
}

/** The search index's view of published offers: a page of them in id order (start), or the given ones (changes). */
export async function publishedServicesForIndex(db: Tx, page: { afterId: string | null; limit: number }) {
  const published = eq(services.status, 'published');
  return db
    .select({ service: getTableColumns(services) })
    .from(services)
    .where(and(published, page.afterId ? sql`${services.id} > ${page.afterId}` : undefined))
    .orderBy(services.id)
    .limit(page.limit);
}

/** The weekly opening hours of offers ("open now" is computed from them at each search). */
export async function weeklySchedulesOf(db: Tx, serviceIds: string[]) {
  if (!serviceIds.length) return [];
  return db
    .select({
      serviceId: schedules.serviceId,
      byDay: schedules.byDay,
      opensAt: schedules.opensAt,
      closesAt: schedules.closesAt,
    })
    .from(schedules)
    .where(and(inArray(schedules.serviceId, serviceIds), eq(schedules.kind, 'weekly')));
}

/** The newest change sequence of the directory (0 when nothing changed yet). */
export async function lastDirectoryChange(db: Tx): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${directoryChanges.seq}), 0)::bigint` })
    .from(directoryChanges);
  return Number(row?.seq ?? 0);
}

/** Deletes the change log's rows written before a moment; returns how many. */
export async function pruneDirectoryChanges(db: Tx, before: Date): Promise<number> {
  const deleted = await db
    .delete(directoryChanges)
    .where(sql`${directoryChanges.changedAt} < ${before.toISOString()}`)
    .returning({ seq: directoryChanges.seq });
  return deleted.length;
}

/**
 * Changes after a sequence that are not among those already applied, oldest first, each with its offer's row
 * when the offer is published (null when it is not, or no longer exists): one round trip for the catch-up.
 */
export async function directoryChangesAfter(db: Tx, seq: number, applied: number[], limit: number) {
  const rows = await db
    .select({
      seq: directoryChanges.seq,
      serviceId: directoryChanges.serviceId,
      service: getTableColumns(services),
    })
    .from(directoryChanges)
    .leftJoin(services, and(eq(services.id, directoryChanges.serviceId), eq(services.status, 'published')))
    .where(
      and(
        sql`${directoryChanges.seq} > ${seq}`,
        applied.length
          ? sql`${directoryChanges.seq} <> all(${`{${applied.join(',')}}`}::bigint[])`
          : undefined,
      ),
    )
    .orderBy(directoryChanges.seq)
    .limit(limit);
  return rows.map((row) => ({ seq: Number(row.seq), serviceId: row.serviceId, service: row.service }));
}
