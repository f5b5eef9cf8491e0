import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Database, Tx } from '../../../core/db.ts';
import { organisationNames } from '../../platform/index.ts';
import * as repo from '../directory.repository.ts';
import type { TextRow } from '../texts.ts';
import { trigramsOf, wordSimilarity } from './trigram.ts';

/** pg_trgm's threshold of the database's word search (core/db.ts sets the same for each session). */
const WORD_SIMILARITY_THRESHOLD = 0.5;
/** At most this many similar dictionary words per typed word (as the database's word search). */
const MAX_SIMILAR = 1000;
const BUILD_PAGE = 2000;
const CHANGES_PAGE = 5000;
/** After a write on this server, searches first read the change log for this long (read your own writes). */
const LOCAL_WRITE_WINDOW_MS = 2000;

export type IndexedLocation = {
  id: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  districtId: string;
  ortsteilId: string;
  lat: number;
  lon: number;
  accessible: boolean;
};

/** What the search needs of one published offer, and what its result row shows. */
export type IndexedOffer = {
  id: string;
  slug: string;
  organisationName: string;
  categories: string[];
  languages: string[];
  targetGroups: string[];
  free: boolean;
  capacityFree: number | null;
  waitingList: number | null;
  lastCheckedAt: string;
  /** Name and description in every language. */
  texts: TextRow[];
  locations: IndexedLocation[];
  weekly: { days: string[]; opens: string; closes: string }[];
  words: string[];
};

/** A typed word with the dictionary words it stands for (best first, the typed word first) and its categories. */
export type Expansion = { words: string[]; sims: number[]; categories: string[] };

export type IndexQuery = {
  words: Expansion[];
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

export type IndexHit = { offer: IndexedOffer; distanceKm: number | null; score: number };

export type IndexAnswer = {
  hits: IndexHit[];
  total: number;
  /** Bit i set when word i matched an offer that passed the filters. */
  found: number;
  /** How many offers of the whole answer are in each category and Stadtbezirk. */
  facets: { categories: Record<string, number>; districts: Record<string, number> };
};

const RAD = Math.PI / 180;
/** Great-circle distance in km, the formula of the database's search. */
function distanceKm(lat: number, lon: number, l: { lat: number; lon: number }) {
  return (
    6371 *
    2 *
    Math.asin(
      Math.sqrt(
        Math.sin(((l.lat - lat) * RAD) / 2) ** 2 +
          Math.cos(lat * RAD) * Math.cos(l.lat * RAD) * Math.sin(((l.lon - lon) * RAD) / 2) ** 2,
      ),
    )
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** When this process last wrote to the directory's tables (searches then read the change log first). */
let lastLocalWrite = Number.NEGATIVE_INFINITY;

/** Called by the repository's writes: this server's own changes are searchable on its next search. */
export function noteDirectoryWrite(): void {
  lastLocalWrite = performance.now();
}

/**
 * The directory's search index, in memory, one per app server: published offers with their words (an inverted
 * index word → offers) and a trigram index of the words for typos. PostgreSQL stays the source of truth: the
 * index is built from it at start and follows the change log (directory_changes) on every notification.
 */
export class SearchIndex {
  private readonly offers: (IndexedOffer | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Word → the offers (slots) that contain it; the word string is kept once and shared by the offers. */
  private readonly postings = new Map<string, { word: string; slots: number[] }>();
  private readonly trigramWords = new Map<string, string[]>();
  private readonly expansionCache = new Map<string, { words: string[]; sims: number[] }>();
  private lastSeq = 0;
  private current: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private stopped = false;
  readonly ready: Promise<void>;
  isReady = false;
  buildMs = 0;

  constructor(
    private readonly database: Database,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.ready = this.build().then(() => {
      this.isReady = true;
    });
    this.ready.catch(onError);
  }

  get size(): number {
    return this.slotOf.size;
  }

  get dictionarySize(): number {
    return this.postings.size;
  }

  /** Reads every published offer, page by page; changes made meanwhile are read from the change log after. */
  private async build() {
    const started = performance.now();
    const db = this.database.db;
    this.lastSeq = await repo.lastDirectoryChange(db);
    await this.listen();
    let afterId: string | null = null;
    for (;;) {
      const rows = await repo.publishedServicesForIndex(db, { afterId, limit: BUILD_PAGE });
      for (const offer of await loadOffers(db, rows)) this.upsert(offer);
      if (rows.length < BUILD_PAGE) break;
      afterId = rows[rows.length - 1]?.service.id ?? null;
    }
    await this.catchUp();
    this.buildMs = performance.now() - started;
  }

  /** PostgreSQL: LISTEN on its own connection, re-established (and caught up) when lost. PGlite: in-process. */
  private async listen() {
    const { pglite, pool } = this.database;
    if (pglite) {
      const unlisten = await pglite.listen('directory_changes', () => void this.refresh());
      this.stopListening = unlisten;
      return;
    }
    if (!pool) return;
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const connect = async () => {
      if (this.stopped) return;
      const next = new pg.Client(pool.options);
      const lost = () => {
        if (client !== next || this.stopped) return;
        client = null;
        next.end().catch(() => {});
        retry = setTimeout(() => void connect(), 250);
      };
      next.on('error', lost);
      next.on('end', lost);
      next.on('notification', () => void this.refresh());
      client = next;
      try {
        await next.connect();
        await next.query('LISTEN directory_changes');
        // What changed while the connection was down is in the change log.
        void this.refresh();
      } catch {
        lost();
      }
    };
    await connect();
    this.stopListening = async () => {
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    };
  }

  /** Closes the listening connection (the index stays as it is). */
  async stop() {
    this.stopped = true;
    await this.stopListening?.();
    await this.current.catch(() => {});
  }

  /**
   * Reads the change log from the last sequence seen. A call while a catch-up runs gets the next one, which
   * starts after it: the answer includes every change committed before the call.
   */
  refresh(): Promise<void> {
    if (!this.queued) {
      const queued = this.current.then(() => {
        this.queued = null;
        const run = this.catchUp().catch((error) => this.onError(error));
        this.current = run;
        return run;
      });
      this.queued = queued;
    }
    return this.queued;
  }

  /** Before a search: after this server's own write, read the change log first. */
  async fresh(): Promise<void> {
    await this.ready;
    if (performance.now() - lastLocalWrite < LOCAL_WRITE_WINDOW_MS) await this.refresh();
  }

  /**
   * Sequences are taken when a row is written but become visible when its transaction commits, so a later
   * sequence can be seen before an earlier one. Each catch-up reads again from this far below the newest
   * sequence seen and skips the ones it already applied.
   */
  private static readonly REREAD = 256;
  private readonly applied = new Set<number>();

  private async catchUp() {
    const db = this.database.db;
    for (;;) {
      const from = Math.max(0, this.lastSeq - SearchIndex.REREAD);
      const read = await repo.directoryChangesAfter(db, from, CHANGES_PAGE);
      const changes = read.filter((c) => c.seq > this.lastSeq || !this.applied.has(c.seq));
      if (!changes.length) return;
      const ids = [...new Set(changes.map((c) => c.serviceId))];
      const rows = await repo.publishedServicesForIndex(db, { ids });
      const offers = await loadOffers(db, rows);
      const published = new Set(offers.map((o) => o.id));
      for (const id of ids) if (!published.has(id)) this.remove(id);
      for (const offer of offers) this.upsert(offer);
      for (const c of changes) this.applied.add(c.seq);
      this.lastSeq = Math.max(this.lastSeq, ...changes.map((c) => c.seq));
      for (const seq of this.applied) if (seq <= this.lastSeq - SearchIndex.REREAD) this.applied.delete(seq);
      if (read.length < CHANGES_PAGE) return;
    }
  }

  /** Adds or replaces a published offer. */
  upsert(offer: IndexedOffer): void {
    this.remove(offer.id);
    const slot = this.offers.length;
    const words: string[] = [];
    for (const raw of offer.words) {
      let posting = this.postings.get(raw);
      if (!posting) {
        posting = { word: raw, slots: [] };
        this.postings.set(raw, posting);
        this.addTrigrams(raw);
        this.expansionCache.clear();
      }
      posting.slots.push(slot);
      words.push(posting.word);
    }
    this.offers.push({ ...offer, words });
    this.slotOf.set(offer.id, slot);
  }

  /** Takes an offer out (unpublished, archived or deleted). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const offer = this.offers[slot];
    this.offers[slot] = undefined;
    this.slotOf.delete(id);
    for (const word of offer?.words ?? []) {
      const list = this.postings.get(word)?.slots;
      if (!list) continue;
      const at = list.lastIndexOf(slot);
      if (at >= 0) list.splice(at, 1);
      if (!list.length) {
        this.postings.delete(word);
        this.removeTrigrams(word);
        this.expansionCache.clear();
      }
    }
  }

  private addTrigrams(word: string) {
    for (const t of new Set(trigramsOf(word))) {
      const list = this.trigramWords.get(t);
      if (list) list.push(word);
      else this.trigramWords.set(t, [word]);
    }
  }

  private removeTrigrams(word: string) {
    for (const t of new Set(trigramsOf(word))) {
      const list = this.trigramWords.get(t);
      if (!list) continue;
      const at = list.indexOf(word);
      if (at >= 0) list.splice(at, 1);
      if (!list.length) this.trigramWords.delete(t);
    }
  }

  /**
   * The dictionary words similar to a typed word (pg_trgm word similarity ≥ 0.5), best first, at most 1000,
   * the typed word itself first: the same as the database's `typed <% word`.
   */
  similarWords(typed: string): { words: string[]; sims: number[] } {
    const kept = this.expansionCache.get(typed);
    if (kept) return kept;
    const own = new Set(trigramsOf(typed));
    const shared = new Map<string, number>();
    for (const t of own)
      for (const word of this.trigramWords.get(t) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1);
    // The similarity is at most shared / |typed trigrams|: only those words can reach the threshold.
    const found: [string, number][] = [];
    for (const [word, n] of shared) {
      if (word === typed || n / own.size < WORD_SIMILARITY_THRESHOLD) continue;
      const sim = wordSimilarity(typed, word, own);
      if (sim >= WORD_SIMILARITY_THRESHOLD) found.push([word, sim]);
    }
    found.sort(([a, x], [b, y]) => y - x || cmp(a, b));
    const best = found.slice(0, MAX_SIMILAR - (this.postings.has(typed) ? 1 : 0));
    const result = { words: [typed, ...best.map(([w]) => w)], sims: [1, ...best.map(([, s]) => s)] };
    if (this.expansionCache.size > 5000) this.expansionCache.clear();
    this.expansionCache.set(typed, result);
    return result;
  }

  /** One offer by id, when published. */
  offer(id: string): IndexedOffer | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.offers[slot];
  }

  /**
   * The search: offers matching the most of the words (any of a word's similar words), every filter, the
   * nearest matching place, ranked by score (100 per word plus its similarity, plus 1 where the offer is in a
   * category the word names), then distance, then slug — the same answer as the database's query had.
   */
  search(q: IndexQuery): IndexAnswer {
    const perWord: Map<number, number>[] = q.words.map((e) => {
      const sims = new Map<number, number>();
      e.words.forEach((word, i) => {
        const sim = e.sims[i] ?? 0;
        for (const slot of this.postings.get(word)?.slots ?? []) {
          const before = sims.get(slot);
          if (before === undefined || sim > before) sims.set(slot, sim);
        }
      });
      return sims;
    });
    let candidates: Iterable<number>;
    if (perWord.length) {
      const union = new Set<number>();
      for (const sims of perWord) for (const slot of sims.keys()) union.add(slot);
      candidates = union;
    } else {
      candidates = this.slotOf.values();
    }
    const wanted = q.categories.length ? new Set(q.categories) : null;
    type Row = { offer: IndexedOffer; distanceKm: number | null; score: number; hits: number; found: number };
    const placed: Row[] = [];
    let best = 0;
    let foundAny = 0;
    for (const slot of candidates) {
      const offer = this.offers[slot];
      if (!offer) continue;
      if (wanted && !offer.categories.some((c) => wanted.has(c))) continue;
      if (q.language && !offer.languages.includes(q.language)) continue;
      if (q.targetGroup && !offer.targetGroups.includes(q.targetGroup)) continue;
      if (q.free && !offer.free) continue;
      if (q.hasPlaces && !((offer.capacityFree ?? 0) > 0)) continue;
      if (q.openAt && !isOpen(offer, q.openAt)) continue;
      let place = false;
      let distance: number | null = null;
      for (const l of offer.locations) {
        if (q.districtId && l.districtId !== q.districtId) continue;
        if (q.ortsteilId && l.ortsteilId !== q.ortsteilId) continue;
        if (q.accessible && !l.accessible) continue;
        if (q.near) {
          const d = distanceKm(q.near.lat, q.near.lon, l);
          if (!(d <= q.near.radiusKm)) continue;
          if (distance === null || d < distance) distance = d;
        }
        place = true;
      }
      if (!place) continue;
      let score = 0;
      let hits = 0;
      let found = 0;
      perWord.forEach((sims, i) => {
        const sim = sims.get(slot);
        if (sim === undefined) return;
        const named = q.words[i]?.categories ?? [];
        score += 100 + sim + (named.some((c) => offer.categories.includes(c)) ? 1 : 0);
        hits++;
        found |= 1 << i;
      });
      foundAny |= found;
      if (hits > best) best = hits;
      placed.push({ offer, distanceKm: distance, score, hits, found });
    }
    const rows = placed.filter((row) => row.hits === best);
    rows.sort(
      (a, b) =>
        b.score - a.score ||
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        cmp(a.offer.slug, b.offer.slug),
    );
    const facets = { categories: {} as Record<string, number>, districts: {} as Record<string, number> };
    for (const row of rows) {
      for (const c of row.offer.categories) facets.categories[c] = (facets.categories[c] ?? 0) + 1;
      const district = row.offer.locations[0]?.districtId;
      if (district) facets.districts[district] = (facets.districts[district] ?? 0) + 1;
    }
    return {
      hits: rows.slice(q.offset, q.offset + q.limit).map(({ offer, distanceKm, score }) => ({
        offer,
        distanceKm,
        score,
      })),
      total: rows.length,
      found: foundAny,
      facets,
    };
  }

  /** A rough count of the bytes the index holds (strings and arrays), for the benchmark's report. */
  approximateBytes(): number {
    let bytes = 0;
    for (const [word, p] of this.postings) bytes += 2 * word.length + 96 + 8 * p.slots.length;
    for (const [, list] of this.trigramWords) bytes += 64 + 8 * list.length;
    for (const offer of this.offers) {
      if (!offer) continue;
      bytes += 400 + 8 * offer.words.length;
      for (const t of offer.texts) bytes += 80 + 2 * t.value.length;
    }
    return bytes;
  }
}

function isOpen(offer: IndexedOffer, at: { day: string; time: string }): boolean {
  return offer.weekly.some((w) => w.days.includes(at.day) && w.opens <= at.time && w.closes > at.time);
}

type ServiceRow = Awaited<ReturnType<typeof repo.publishedServicesForIndex>>[number];

/** The offers of these rows with their texts, places, opening hours and organisation names (four queries). */
export async function loadOffers(db: Tx, rows: ServiceRow[]): Promise<IndexedOffer[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.service.id);
  const [texts, places, weekly, names] = await Promise.all([
    repo.textsOf(db, 'service', ids, { fields: ['name', 'description'] }),
    repo.locationsOfServices(db, ids),
    repo.weeklySchedulesOf(db, ids),
    organisationNames(
      db,
      rows.map((r) => r.service.organisationId),
    ),
  ]);
  const group = <T>(list: T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of list) {
      const k = key(item);
      const bucket = map.get(k);
      if (bucket) bucket.push(item);
      else map.set(k, [item]);
    }
    return map;
  };
  const textsById = group(texts, (t) => t.entityId);
  const placesById = group(places, (p) => p.serviceId);
  const weeklyById = group(weekly, (w) => w.serviceId);
  return rows.map(({ service }) => ({
    id: service.id,
    slug: service.slug,
    organisationName: names.get(service.organisationId) ?? '',
    categories: service.categories,
    languages: service.languages,
    targetGroups: service.targetGroups,
    free: service.free,
    capacityFree: service.capacityFree,
    waitingList: service.waitingList,
    lastCheckedAt: service.lastCheckedAt,
    texts: (textsById.get(service.id) ?? []).map(({ field, lang, value, status }) => ({
      field,
      lang,
      value,
      status,
    })),
    locations: (placesById.get(service.id) ?? []).map(({ location: l }) => ({
      id: l.id,
      name: l.name,
      address: l.address,
      postcode: l.postcode,
      city: l.city,
      districtId: l.districtId,
      ortsteilId: l.ortsteilId,
      lat: l.lat,
      lon: l.lon,
      accessible: l.accessible,
    })),
    weekly: (weeklyById.get(service.id) ?? []).map((w) => ({
      days: w.byDay ?? [],
      opens: w.opensAt ?? '',
      closes: w.closesAt ?? '',
    })),
    words: service.searchWords,
  }));
}

const indexes = new WeakMap<Database, SearchIndex>();

/** This server's index of a database, built on first use (the app starts it when it becomes ready). */
export function searchIndexOf(database: Database, onError?: (error: unknown) => void): SearchIndex {
  let index = indexes.get(database);
  if (!index) {
    index = new SearchIndex(database, onError);
    indexes.set(database, index);
  }
  return index;
}

/** Stops the index of a database (its listening connection), e.g. when the app closes. */
export async function stopSearchIndex(database: Database): Promise<void> {
  const index = indexes.get(database);
  indexes.delete(database);
  await index?.stop();
}
