import type { Ctx } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { organisationNames } from '../platform/index.ts';
import * as repo from './directory.repository.ts';
import { countUnmet, flushUnmet } from './search/unmet.ts';
import { CHANGES_KEPT_MS, type IndexedOffer, isOpen, searchIndexOf } from './search/search.index.ts';
import type { Category } from './directory.terms.ts';
import { expandWords, expandWordsWith, meaningOf } from './word-expansions.ts';
import type { SearchQuery } from './directory.schema.ts';
import { showText, type TextRow } from './texts.ts';

const WEEKDAY = { Mon: 'MO', Tue: 'TU', Wed: 'WE', Thu: 'TH', Fri: 'FR', Sat: 'SA', Sun: 'SU' } as const;
const STALE_AFTER_DAYS = 183;

/** The city's local weekday (MO…SU) and time (HH:MM:SS) at a moment. */
const weekTimeFormats = new Map<string, Intl.DateTimeFormat>();
const lastWeekTime = new Map<string, { second: number; at: { day: string; time: string } }>();

export function localWeekTime(now: Date, timeZone: string): { day: string; time: string } {
  let format = weekTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    weekTimeFormats.set(timeZone, format);
  }
  // Every search asks for it; formatting costs more than the rest of a small search. Kept for the second.
  const second = Math.floor(now.getTime() / 1000);
  const kept = lastWeekTime.get(timeZone);
  if (kept?.second === second) return kept.at;
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  const at = {
    day: WEEKDAY[parts.weekday as keyof typeof WEEKDAY],
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
  };
  lastWeekTime.set(timeZone, { second, at });
  return at;
}

/**
 * Little words of the city's languages that say nothing about an offer ("curs de germană", "Kurs für Frauen"):
 * a search leaves them out, unless it has no other word.
 */
const STOP_WORDS = new Set(
  [
    'der die das den dem des ein eine einen einem einer und oder für mit von vom zu zum zur im in am an auf bei aus',
    'the an and or of for on at to with from by my',
    've veya ile için icin bir de da',
    'في من إلى الى على عن مع أو',
    'de și si sau pentru în la cu din pe al ale un',
    'по за и или на във със от до',
    'із зі для та або від',
    'для или во со',
    'در برای از با به یا را',
    'ze dla lub oraz we do od po',
  ].flatMap((line) => line.split(' ')),
);

/** Lower-cased distinct words of a query without little words like "de" or "für", at most eight. */
export function queryWords(q: string | undefined): string[] {
  const words = (q ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return [...new Set(meaningful.length ? meaningful : words)].slice(0, 8);
}

function centreOfPostcode(ctx: Ctx, postcode: string) {
  const matches = ctx.city.districts
    .flatMap((d) => d.ortsteile)
    .filter((o) => o.postcodes.includes(postcode));
  if (!matches.length) return null;
  return {
    lat: matches.reduce((sum, o) => sum + o.centre.lat, 0) / matches.length,
    lon: matches.reduce((sum, o) => sum + o.centre.lon, 0) / matches.length,
  };
}

function isStale(lastChecked: string, now: Date): boolean {
  return now.getTime() - new Date(lastChecked).getTime() > STALE_AFTER_DAYS * 86_400_000;
}

type Loaded = Awaited<ReturnType<typeof loadServices>>;

/** Loads offers with their texts, nearest place and whether they are open now. */
async function loadServices(ctx: Ctx, ids: string[], only: { fields?: string[]; langs?: string[] } = {}) {
  const [rows, texts, places, open] = await Promise.all([
    repo.servicesByIds(ctx.db, ids),
    repo.textsOf(ctx.db, 'service', ids, only),
    repo.locationsOfServices(ctx.db, ids),
    repo.openServiceIds(ctx.db, ids, localWeekTime(ctx.now, ctx.city.profile.timezone)),
  ]);
  const textsById = new Map<string, TextRow[]>();
  for (const row of texts) textsById.set(row.entityId, [...(textsById.get(row.entityId) ?? []), row]);
  const names = await organisationNames(
    ctx.db,
    rows.map((r) => r.service.organisationId),
  );
  const withNames = rows.map((r) => ({ ...r, organisationName: names.get(r.service.organisationId) ?? '' }));
  return { rows: new Map(withNames.map((r) => [r.service.id, r])), textsById, places, open };
}

function summary(ctx: Ctx, loaded: Loaded, id: string, distanceKm: number | null) {
  const row = loaded.rows.get(id);
  if (!row) return null;
  const { service, organisationName } = row;
  const texts = loaded.textsById.get(id) ?? [];
  const place = loaded.places.find((p) => p.serviceId === id)?.location ?? null;
  return {
    id: service.id,
    slug: service.slug,
    name: showText(texts, 'name', ctx.locale),
    summary: showText(texts, 'description', ctx.locale),
    organisationName,
    categories: service.categories,
    languages: service.languages,
    free: service.free,
    capacityFree: service.capacityFree,
    waitingList: service.waitingList,
    location: place
      ? {
          id: place.id,
          name: place.name,
          address: place.address,
          postcode: place.postcode,
          city: place.city,
          districtId: place.districtId,
          ortsteilId: place.ortsteilId,
          lat: place.lat,
          lon: place.lon,
          accessible: place.accessible,
        }
      : null,
    distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    openNow: loaded.open.has(id),
    stale: isStale(service.lastCheckedAt, ctx.now),
  };
}

/** The search's filters, checked against the city (a 4xx naming the field for an unknown place or postcode). */
export function searchFilter(ctx: Ctx, query: SearchQuery) {
  const ortsteil = query.ortsteil
    ? ctx.city.districts
        .flatMap((d) => d.ortsteile.map((o) => ({ ...o, districtId: d.id })))
        .find((o) => o.id === query.ortsteil)
    : null;
  if (query.ortsteil && !ortsteil)
    throw new AppError('validation.invalid_value', { field: 'query.ortsteil' });
  if (query.district && !ctx.city.districts.some((d) => d.id === query.district)) {
    throw new AppError('validation.invalid_value', { field: 'query.district' });
  }
  const centre = query.postcode ? centreOfPostcode(ctx, query.postcode) : null;
  if (query.postcode && !centre) throw new AppError('validation.invalid_value', { field: 'query.postcode' });
  return {
    words: queryWords(query.q),
    unmetDistrict: ortsteil?.districtId ?? query.district ?? '',
    filter: {
      categories: query.category ?? [],
      districtId: query.district ?? null,
      ortsteilId: ortsteil?.id ?? null,
      near: centre ? { ...centre, radiusKm: query.radius_km } : null,
      language: query.language ?? null,
      targetGroup: query.target_group ?? null,
      free: query.free ?? false,
      accessible: query.accessible ?? false,
      hasPlaces: query.has_places ?? false,
      openAt: query.open_now ? localWeekTime(ctx.now, ctx.city.profile.timezone) : null,
      limit: query.per_page,
      offset: (query.page - 1) * query.per_page,
    },
  };
}

/** A result row from the index: name and summary in the reader's language (else German), place, flags. */
function summaryOf(
  ctx: Ctx,
  offer: IndexedOffer,
  distanceKm: number | null,
  at: { day: string; time: string },
) {
  const place = offer.locations[0] ?? null;
  return {
    id: offer.id,
    slug: offer.slug,
    name: showText(offer.texts, 'name', ctx.locale),
    summary: showText(offer.texts, 'description', ctx.locale),
    organisationName: offer.organisationName,
    categories: offer.categories,
    languages: offer.languages,
    free: offer.free,
    capacityFree: offer.capacityFree,
    waitingList: offer.waitingList,
    location: place ? { ...place } : null,
    distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    openNow: isOpen(offer, at),
    stale: isStale(offer.lastCheckedAt, ctx.now),
  };
}

/** The index's answer to a search, and the moment's local week time ("open now" of the rows). */
async function answerOf(ctx: Ctx, query: SearchQuery) {
  authorize(ctx, 'directory.search');
  const { words, unmetDistrict, filter } = searchFilter(ctx, query);
  const index = searchIndexOf(ctx.database);
  await index.fresh();
  const answer = index.search({ ...filter, words: expandWordsWith(index, words) });
  // Coordinators see the words that found nothing (all of them when nothing was found); counted in batches.
  const unmet = words.filter((_, i) => !(answer.found & (1 << i)));
  if (unmet.length && query.page === 1) {
    countUnmet(ctx.database, {
      day: ctx.now.toISOString().slice(0, 10),
      lang: ctx.locale,
      districtId: unmetDistrict,
      words: unmet.sort().join(' '),
    });
  }
  return { answer, at: localWeekTime(ctx.now, ctx.city.profile.timezone) };
}

/**
 * The public search: words in any language, combined filters, counted anonymously when nothing is found. Answered
 * from this server's search index (no database round trip), which follows the database's change log.
 */
export async function findServices(ctx: Ctx, query: SearchQuery) {
  const { answer, at } = await answerOf(ctx, query);
  const items = answer.hits.map((hit) => summaryOf(ctx, hit.offer, hit.distanceKm, at));
  return { items, total: answer.total, facets: answer.facets, page: query.page, perPage: query.per_page };
}

/**
 * Per offer (a changed offer is a new object), the start of its result row as UTF-8 JSON: the parts that depend
 * neither on the reader nor on the moment, up to the name. Written once instead of on every search that shows it.
 */
const rowStarts = new WeakMap<IndexedOffer, Buffer>();
/** Per offer and reader's language: `"name":…,"summary":…,"distanceKm":` as UTF-8 JSON. */
const rowTexts = new WeakMap<IndexedOffer, Map<string, Buffer>>();

function rowStartOf(offer: IndexedOffer): Buffer {
  let bytes = rowStarts.get(offer);
  if (bytes === undefined) {
    const place = offer.locations[0] ?? null;
    const fixed = JSON.stringify({
      id: offer.id,
      slug: offer.slug,
      organisationName: offer.organisationName,
      categories: offer.categories,
      languages: offer.languages,
      free: offer.free,
      capacityFree: offer.capacityFree,
      waitingList: offer.waitingList,
      location: place
        ? {
            id: place.id,
            name: place.name,
            address: place.address,
            postcode: place.postcode,
            city: place.city,
            districtId: place.districtId,
            ortsteilId: place.ortsteilId,
            lat: place.lat,
            lon: place.lon,
            accessible: place.accessible,
          }
        : null,
    });
    bytes = Buffer.from(`${fixed.slice(0, -1)},`);
    rowStarts.set(offer, bytes);
  }
  return bytes;
}

function rowTextsOf(offer: IndexedOffer, locale: string): Buffer {
  let byLocale = rowTexts.get(offer);
  if (byLocale === undefined) {
    byLocale = new Map();
    rowTexts.set(offer, byLocale);
  }
  let bytes = byLocale.get(locale);
  if (bytes === undefined) {
    const name = JSON.stringify(showText(offer.texts, 'name', locale));
    const summary = JSON.stringify(showText(offer.texts, 'description', locale));
    bytes = Buffer.from(`"name":${name},"summary":${summary},"distanceKm":`);
    byLocale.set(locale, bytes);
  }
  return bytes;
}

/**
 * The public search's answer as UTF-8 JSON, written from the rows kept per offer: the same answer as
 * findServices() gives (the property test holds them together), without building and encoding objects on every
 * request. A search adds only the distance, "open now" and "stale" to each row.
 */
export async function findServicesJson(ctx: Ctx, query: SearchQuery): Promise<Buffer> {
  const { answer, at } = await answerOf(ctx, query);
  const hits = answer.hits;
  const starts: Buffer[] = new Array(hits.length);
  const texts: Buffer[] = new Array(hits.length);
  const tails: string[] = new Array(hits.length);
  const head = '{"items":[';
  const end = `],"total":${answer.total},"facets":${JSON.stringify(answer.facets)},"page":${query.page},"perPage":${query.per_page}}`;
  let size = head.length + Buffer.byteLength(end);
  for (let k = 0; k < hits.length; k++) {
    const { offer, distanceKm } = hits[k] as (typeof hits)[number];
    const start = rowStartOf(offer);
    const text = rowTextsOf(offer, ctx.locale);
    const distance = distanceKm === null ? 'null' : String(Math.round(distanceKm * 10) / 10);
    // Only ASCII: its length is its size in bytes.
    const tail = `${distance},"openNow":${isOpen(offer, at)},"stale":${isStale(offer.lastCheckedAt, ctx.now)}}${k + 1 < hits.length ? ',' : ''}`;
    starts[k] = start;
    texts[k] = text;
    tails[k] = tail;
    size += start.length + text.length + tail.length;
  }
  const out = Buffer.allocUnsafe(size);
  let pos = out.write(head, 0, 'latin1');
  for (let k = 0; k < hits.length; k++) {
    pos += (starts[k] as Buffer).copy(out, pos);
    pos += (texts[k] as Buffer).copy(out, pos);
    pos += out.write(tails[k] as string, pos, 'latin1');
  }
  out.write(end, pos, 'utf8');
  return out;
}

/**
 * The same search answered by the database (one query, then the rows): what the index must agree with (the
 * property test compares them) and what the benchmark measures the index against.
 */
export async function findServicesInDatabase(ctx: Ctx, query: SearchQuery) {
  const { words, filter } = searchFilter(ctx, query);
  const hits = await repo.searchPublishedServices(ctx.db, {
    ...filter,
    words: await expandWords(ctx, words),
  });
  const loaded = await loadServices(
    ctx,
    hits.map((h) => h.id),
    { fields: ['name', 'description'], langs: [...new Set([ctx.locale, 'de'])] },
  );
  const items = hits.flatMap((hit) => summary(ctx, loaded, hit.id, hit.distance_km) ?? []);
  return {
    items,
    total: hits[0]?.total ?? 0,
    found: hits[0]?.found ?? 0,
    page: query.page,
    perPage: query.per_page,
  };
}

/** A published offer by id or slug; drafts and archived offers are not found. */
async function publishedService(ctx: Ctx, key: string) {
  const found = await repo.findServiceBySlugOrId(ctx.db, key);
  if (found?.service.status !== 'published') throw errors.notFound();
  return found;
}

const HHMM = (time: string | null) => (time ?? '').slice(0, 5);

/** One published offer with everything a reader needs, in their language (German where missing). */
export async function getService(ctx: Ctx, key: string) {
  authorize(ctx, 'directory.read');
  const found = await publishedService(ctx, key);
  const id = found.service.id;
  const [loaded, schedules] = await Promise.all([
    loadServices(ctx, [id]),
    repo.schedulesOfServices(ctx.db, [id]),
  ]);
  const base = summary(ctx, loaded, id, null);
  if (!base) throw errors.notFound();
  const texts = loaded.textsById.get(id) ?? [];
  const locationId = base.location?.id;
  const locationTexts = locationId ? await repo.textsOf(ctx.db, 'location', [locationId]) : [];
  const eventTexts = await repo.textsOf(
    ctx.db,
    'schedule',
    schedules.map((s) => s.id),
  );
  const { service } = found;
  return {
    ...base,
    description: showText(texts, 'description', ctx.locale),
    eligibility: showText(texts, 'eligibility', ctx.locale),
    fees: showText(texts, 'fees', ctx.locale),
    requiredDocuments: showText(texts, 'requiredDocuments', ctx.locale),
    accessibilityNote: showText(locationTexts, 'accessibilityNote', ctx.locale),
    targetGroups: service.targetGroups,
    phone: service.phone,
    email: service.email,
    url: service.url,
    lastCheckedAt: service.lastCheckedAt,
    openingHours: schedules
      .filter((s) => s.kind === 'weekly')
      .map((s) => ({ days: s.byDay ?? [], opens: HHMM(s.opensAt), closes: HHMM(s.closesAt) })),
    events: schedules
      .filter((s) => s.kind === 'event' && s.startsAt && s.endsAt)
      .map((s) => ({
        start: s.startsAt?.toISOString() ?? '',
        end: s.endsAt?.toISOString() ?? '',
        title: showText(
          eventTexts.filter((t) => t.entityId === s.id),
          'title',
          ctx.locale,
        ),
      })),
    timezone: ctx.city.profile.timezone,
  };
}

/** Feedback from a reader; it goes to the offer's editors. Nothing identifies the reader. */
export async function giveFeedback(
  ctx: Ctx,
  input: { id: string; kind: 'wrong' | 'helpful' | 'not_helpful'; comment?: string },
) {
  authorize(ctx, 'directory.feedback');
  const found = await publishedService(ctx, input.id);
  await repo.insertFeedback(ctx.db, {
    serviceId: found.service.id,
    kind: input.kind,
    comment: input.comment ?? null,
    locale: ctx.locale,
    createdAt: ctx.now,
  });
}

/** Coordinators: what people searched for and did not find, in the last 90 days. */
export async function listUnmetSearches(ctx: Ctx) {
  authorize(ctx, 'directory.unmet');
  await flushUnmet(ctx.database);
  const since = new Date(ctx.now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  return repo.listUnmetSearches(ctx.db, since);
}

/**
 * Searches that found nothing about a category's offers (one of their words names the category, in any of the
 * city's languages: "curs", "Deutschkurs", "دورة" → language courses), for another module's demand view.
 */
export async function listUnmetSearchesAbout(ctx: Ctx, category: Category) {
  const rows = await listUnmetSearches(ctx);
  return rows.filter((row) =>
    row.words.split(' ').some((word) => meaningOf(word).categories.includes(category)),
  );
}

/** The job that keeps the search's change log short: rows older than a day are read by every server by then. */
export async function pruneSearchChanges(ctx: Ctx): Promise<Record<string, number>> {
  authorize(ctx, 'directory.jobs');
  const pruned = await repo.pruneDirectoryChanges(ctx.db, new Date(ctx.now.getTime() - CHANGES_KEPT_MS));
  return { pruned };
}
