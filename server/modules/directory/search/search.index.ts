import { performance } from 'node:perf_hooks';
import type { Database, Tx } from '../../../core/db.ts';
import { listenForChanges } from '../../../core/notify.ts';
import { organisationNames } from '../../platform/index.ts';
import * as repo from '../directory.repository.ts';
import type { TextRow } from '../texts.ts';
import { trigramsOf, wordSimilarity } from './trigram.ts';

/** pg_trgm's threshold of the database's word search (core/db.ts sets the same for each session). */
const WORD_SIMILARITY_THRESHOLD = 0.5;
/** At most this many similar dictionary words per typed word (as the database's word search). */
const MAX_SIMILAR = 1000;
const BUILD_PAGE = 2000;
/** Up to this many rows (offset + limit) are kept in order while scanning; a farther page sorts all rows once. */
const TOP_BY_INSERTION = 300;
const CHANGES_PAGE = 5000;
/** The change log keeps a day (the job `directory.prune_changes`). */
export const CHANGES_KEPT_MS = 24 * 3600_000;
/** A server that could not listen for longer than this reads every offer again instead of the change log. */
const RESYNC_AFTER_MS = CHANGES_KEPT_MS / 2;
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

/** The offers (slots) an expansion matches and each one's best similarity; wordSims: its words' similarities. */
type Matched = { wordSims: Map<string, number>; slots: number[]; sims: number[] };

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

/** The distance between neighbouring slug numbers when all are numbered again. */
const RANK_GAP = 1024;

/** A row kept for the page while scanning. */
type TopRow = { slot: number; score: number; distance: number };

/**
 * Names (languages, target groups) as bits of a number, so that a filter tests a bit instead of a list: the
 * first 31 names seen get one. A filter's name without a bit (`bitOf` -1) is looked up in the offer's list.
 */
class NameBits {
  private readonly bits = new Map<string, number>();

  /** The bits of these names; a new name gets the next bit while there are bits left. */
  maskOf(names: readonly string[]): number {
    let mask = 0;
    for (const name of names) {
      let bit = this.bits.get(name);
      if (bit === undefined && this.bits.size < 31) {
        bit = this.bits.size;
        this.bits.set(name, bit);
      }
      if (bit !== undefined) mask |= 1 << bit;
    }
    return mask;
  }

  /** The bit a filter tests (every offer with the name has it), or -1: read the offer's list. */
  bitOf(name: string): number {
    const bit = this.bits.get(name);
    return bit === undefined ? -1 : 1 << bit;
  }
}

/**
 * This process's writes to the directory's tables, counted, and when the last one was. A search reads the change
 * log first when a write came after the start of the index's last catch-up — or less than
 * LOCAL_WRITE_WINDOW_MS ago, because a write is noted before its transaction commits, and a catch-up that started
 * in between did not see it.
 */
let localWrites = 0;
let lastLocalWrite = Number.NEGATIVE_INFINITY;

/** Called by the repository's writes: this server's own changes are searchable on its next search. */
export function noteDirectoryWrite(): void {
  localWrites++;
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
  /** Per typed word, its similar dictionary words, with the typed word's trigrams (to forget it cheaply). */
  private readonly expansionCache = new Map<
    string,
    { words: string[]; sims: number[]; trigrams: ReadonlySet<string> }
  >();
  /** Per typed word's expansion: the offers it matches with their best similarity (kept with the expansion). */
  private readonly matched = new Map<
    string,
    { lookups: string[]; lookupTrigrams: ReadonlySet<string>[]; expansion: Expansion; m: Matched | null }
  >();
  /**
   * Per slot, what the filters and the ranking read, in flat arrays, so that the search's loop over thousands
   * of matching offers reads numbers instead of objects: category bits, flags (1 free, 2 has places), and the
   * offer's places as a run in the place columns.
   */
  private readonly cats: number[] = [];
  private readonly flags: number[] = [];
  /** 1 while the slot holds a published offer (a removed offer leaves its slot empty). */
  private readonly alive: number[] = [];
  /**
   * The ranking's last tie-break is the slug. Comparing strings of offers scattered in memory cost more than
   * the rest of a search, so each slot has a number in the slugs' order (`slugRank`), kept with the slugs in
   * order (`bySlug`, with their slots and numbers) and renumbered when an insertion finds no room between two.
   */
  private readonly slugRank: number[] = [];
  private bySlug: { slugs: string[]; slots: number[]; ranks: number[] } | null = null;
  /** The offer's languages and target groups as bits (see NameBits). */
  private readonly langs: number[] = [];
  private readonly groups: number[] = [];
  private readonly languageBits = new NameBits();
  private readonly groupBits = new NameBits();
  private readonly placeFrom: number[] = [];
  private readonly placeCount: number[] = [];
  private readonly places = {
    district: [] as number[],
    ortsteil: [] as number[],
    lat: [] as number[],
    lon: [] as number[],
    accessible: [] as boolean[],
  };
  /** Categories, Stadtbezirke and Ortsteile as small numbers (a category is a bit). */
  private readonly categoryBit = new Map<string, number>();
  private readonly areaNumber = new Map<string, number>();
  private readonly areaNames: string[] = [];
  private lastSeq = 0;
  private resyncDue = false;
  private current: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  /** The count of local writes when the last finished catch-up started. */
  private coveredWrites = 0;
  private stopListening: (() => Promise<void>) | null = null;
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

  /** Every published offer the index holds (for the benchmark's comparison with search libraries). */
  *allOffers(): IterableIterator<IndexedOffer> {
    for (const offer of this.offers) if (offer) yield offer;
  }

  get dictionarySize(): number {
    return this.postings.size;
  }

  /** Reads every published offer, page by page; changes made meanwhile are read from the change log after. */
  private async build() {
    const started = performance.now();
    const covers = localWrites;
    const db = this.database.db;
    this.lastSeq = await repo.lastDirectoryChange(db);
    await this.listen();
    await this.readAll();
    this.rankAll();
    await this.catchUp();
    this.coveredWrites = covers;
    this.buildMs = performance.now() - started;
  }

  /** Reads every published offer page by page, and takes out the offers it holds that are no longer there. */
  private async readAll() {
    const db = this.database.db;
    const seen = new Set<string>();
    let afterId: string | null = null;
    for (;;) {
      const rows = await repo.publishedServicesForIndex(db, { afterId, limit: BUILD_PAGE });
      for (const offer of await loadOffers(db, rows)) {
        this.upsert(offer);
        seen.add(offer.id);
      }
      if (rows.length < BUILD_PAGE) break;
      afterId = rows[rows.length - 1]?.service.id ?? null;
    }
    for (const id of [...this.slotOf.keys()]) if (!seen.has(id)) this.remove(id);
  }

  /**
   * After its listening connection was down for longer than half the change log's life, the log may have lost
   * rows this server never read: it reads every offer again (searches keep answering meanwhile).
   */
  private async resync() {
    const db = this.database.db;
    const seq = await repo.lastDirectoryChange(db);
    await this.readAll();
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.resyncs++;
  }

  /** How often this server read every offer again after a long loss of its connection (for tests). */
  resyncs = 0;

  /**
   * Listens for `directory_changes` (server/core/notify.ts): each notification reads the change log; after a loss
   * of the connection it is read too, and after a long loss every offer is read again.
   */
  private async listen() {
    const listener = await listenForChanges(this.database, ['directory_changes'], {
      onNotify: () => void this.refresh(),
      onListening: (lostFor) => void this.refresh({ resync: lostFor > RESYNC_AFTER_MS }),
    });
    this.stopListening = () => listener.stop();
  }

  /** Closes the listening connection (the index stays as it is). */
  async stop() {
    await this.stopListening?.();
    await this.current.catch(() => {});
  }

  /**
   * Reads the change log from the last sequence seen. A call while a catch-up runs gets the next one, which
   * starts after it: the answer includes every change committed before the call.
   */
  refresh(options: { resync?: boolean } = {}): Promise<void> {
    if (options.resync) this.resyncDue = true;
    if (!this.queued) {
      const queued = this.current.then(() => {
        this.queued = null;
        const resync = this.resyncDue;
        this.resyncDue = false;
        const covers = localWrites;
        const run = (resync ? this.resync() : Promise.resolve())
          .then(() => this.catchUp())
          .then(() => {
            this.coveredWrites = Math.max(this.coveredWrites, covers);
          })
          .catch((error) => this.onError(error));
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
    if (localWrites > this.coveredWrites || performance.now() - lastLocalWrite < LOCAL_WRITE_WINDOW_MS) {
      await this.refresh();
    }
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
      // The changes not applied yet, each with its offer's row when it is published (one round trip), then the
      // offers' texts, places and hours (one more, in parallel).
      const changes = await repo.directoryChangesAfter(db, from, [...this.applied], CHANGES_PAGE);
      if (!changes.length) return;
      const rows = new Map<string, ServiceRow>();
      const gone = new Set<string>();
      for (const c of changes) {
        if (c.service) {
          rows.set(c.serviceId, { service: c.service });
          gone.delete(c.serviceId);
        } else {
          rows.delete(c.serviceId);
          gone.add(c.serviceId);
        }
      }
      const offers = await loadOffers(db, [...rows.values()]);
      for (const id of gone) this.remove(id);
      for (const offer of offers) this.upsert(offer);
      for (const c of changes) this.applied.add(c.seq);
      this.lastSeq = Math.max(this.lastSeq, ...changes.map((c) => c.seq));
      for (const seq of this.applied) if (seq <= this.lastSeq - SearchIndex.REREAD) this.applied.delete(seq);
      if (changes.length < CHANGES_PAGE) return;
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
        this.forgetSimilarTo(raw);
      }
      posting.slots.push(slot);
      words.push(posting.word);
    }
    this.offers.push({ ...offer, words });
    this.slotOf.set(offer.id, slot);
    this.cats.push(this.categoryMask(offer.categories, true));
    this.flags.push((offer.free ? 1 : 0) | ((offer.capacityFree ?? 0) > 0 ? 2 : 0));
    this.alive.push(1);
    this.slugRank.push(0);
    this.rankSlug(slot, offer.slug);
    this.langs.push(this.languageBits.maskOf(offer.languages));
    this.groups.push(this.groupBits.maskOf(offer.targetGroups));
    this.placeFrom.push(this.places.district.length);
    this.placeCount.push(offer.locations.length);
    for (const l of offer.locations) {
      this.places.district.push(this.area(l.districtId, true));
      this.places.ortsteil.push(this.area(l.ortsteilId, true));
      this.places.lat.push(l.lat);
      this.places.lon.push(l.lon);
      this.places.accessible.push(l.accessible);
    }
    // The kept matches learn the new offer (a removed one is skipped by its empty slot).
    for (const entry of this.matched.values()) {
      const m = entry.m;
      if (!m) continue;
      let best = -1;
      for (const word of words) {
        const sim = m.wordSims.get(word);
        if (sim !== undefined && sim > best) best = sim;
      }
      if (best >= 0) {
        m.slots.push(slot);
        m.sims.push(best);
      }
    }
  }

  /** Numbers every slot in the slugs' order (at the end of the build, and when an insertion finds no room). */
  private rankAll() {
    const slots: number[] = [];
    for (const [slot, offer] of this.offers.entries()) if (offer) slots.push(slot);
    const slugOf = (slot: number) => (this.offers[slot] as IndexedOffer).slug;
    slots.sort((a, b) => cmp(slugOf(a), slugOf(b)) || a - b);
    const ranks = slots.map((_, i) => (i + 1) * RANK_GAP);
    for (const [i, slot] of slots.entries()) this.slugRank[slot] = ranks[i] as number;
    this.bySlug = { slugs: slots.map(slugOf), slots, ranks };
  }

  /** The first position in the slug order not before this slug. */
  private slugPosition(slug: string): number {
    const slugs = this.bySlug?.slugs ?? [];
    let lo = 0;
    let hi = slugs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((slugs[mid] as string) < slug) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A new slot's number between its neighbours in the slug order (during the build: numbered at its end). */
  private rankSlug(slot: number, slug: string) {
    const order = this.bySlug;
    if (!order) return;
    const at = this.slugPosition(slug);
    const before = at > 0 ? (order.ranks[at - 1] as number) : 0;
    const after = at < order.ranks.length ? (order.ranks[at] as number) : before + 2 * RANK_GAP;
    const rank = (before + after) / 2;
    if (!(rank > before && rank < after)) {
      this.rankAll();
      return;
    }
    order.slugs.splice(at, 0, slug);
    order.slots.splice(at, 0, slot);
    order.ranks.splice(at, 0, rank);
    this.slugRank[slot] = rank;
  }

  private unrankSlug(slot: number, slug: string) {
    const order = this.bySlug;
    if (!order) return;
    for (let at = this.slugPosition(slug); at < order.slugs.length && order.slugs[at] === slug; at++) {
      if (order.slots[at] !== slot) continue;
      order.slugs.splice(at, 1);
      order.slots.splice(at, 1);
      order.ranks.splice(at, 1);
      return;
    }
  }

  /** The bits of these categories (new ones get the next bit when `add`; unknown ones none). */
  private categoryMask(categories: readonly string[], add = false): number {
    let mask = 0;
    for (const c of categories) {
      let bit = this.categoryBit.get(c);
      if (bit === undefined && add && this.categoryBit.size < 31) {
        bit = this.categoryBit.size;
        this.categoryBit.set(c, bit);
      }
      if (bit !== undefined) mask |= 1 << bit;
    }
    return mask;
  }

  /** The number of a Stadtbezirk or Ortsteil id (-2 for one no offer has: it matches nothing). */
  private area(id: string, add = false): number {
    let n = this.areaNumber.get(id);
    if (n === undefined) {
      if (!add) return -2;
      n = this.areaNames.length;
      this.areaNumber.set(id, n);
      this.areaNames.push(id);
    }
    return n;
  }

  /** A new dictionary word: the kept expansions it is similar to are made again on their next search. */
  private forgetSimilarTo(word: string) {
    const own = new Set(trigramsOf(word));
    if (own.size === 0) return;
    // The similarity is at most the share of the typed word's trigrams the new word has (as in similarWords):
    // counting them is cheap, and only the few kept words that pass are measured. A publish brings new words
    // while thousands of expansions are kept; measuring each against each held the event loop for long.
    const similar = (typed: string, trigrams: ReadonlySet<string>) => {
      let shared = 0;
      for (const t of trigrams) if (own.has(t)) shared++;
      return (
        shared / trigrams.size >= WORD_SIMILARITY_THRESHOLD &&
        wordSimilarity(typed, word, trigrams) >= WORD_SIMILARITY_THRESHOLD
      );
    };
    for (const [key, kept] of [...this.expansionCache])
      if (similar(key, kept.trigrams)) this.expansionCache.delete(key);
    for (const [typed, entry] of [...this.matched]) {
      if (entry.lookups.some((w, i) => similar(w, entry.lookupTrigrams[i] as ReadonlySet<string>)))
        this.matched.delete(typed);
    }
  }

  /** Takes an offer out (unpublished, archived or deleted). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const offer = this.offers[slot];
    this.offers[slot] = undefined;
    this.alive[slot] = 0;
    if (offer) this.unrankSlug(slot, offer.slug);
    this.slotOf.delete(id);
    for (const word of offer?.words ?? []) {
      const list = this.postings.get(word)?.slots;
      if (!list) continue;
      const at = list.lastIndexOf(slot);
      if (at >= 0) list.splice(at, 1);
      if (!list.length) {
        this.postings.delete(word);
        this.removeTrigrams(word);
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
    if (kept) return { words: kept.words, sims: kept.sims };
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
    this.expansionCache.set(typed, { ...result, trigrams: own });
    return result;
  }

  /**
   * A typed word's whole expansion (its similar words and those of its translations, merged), kept until the
   * dictionary changes: most searches repeat words.
   */
  expansion(typed: string, make: () => { lookups: string[]; expansion: Expansion }): Expansion {
    const kept = this.matched.get(typed);
    if (kept) return kept.expansion;
    const { lookups, expansion } = make();
    if (this.matched.size > 5000) this.matched.clear();
    const lookupTrigrams = lookups.map((w) => new Set(trigramsOf(w)));
    this.matched.set(typed, { lookups, lookupTrigrams, expansion, m: null });
    return expansion;
  }

  /** The offers an expansion matches, with the best similarity of each (kept while the expansion is kept). */
  private matchesOf(e: Expansion): Matched {
    const entry = this.matched.get(e.words[0] ?? '');
    if (entry?.expansion === e && entry.m) return entry.m;
    const wordSims = new Map<string, number>();
    for (const [i, word] of e.words.entries())
      wordSims.set(word, Math.max(wordSims.get(word) ?? 0, e.sims[i] ?? 0));
    // Each slot's best similarity in arrays by slot (marked valid by this call's stamp), the slots touched listed.
    const scratch = this.matchScratchFor(this.offers.length);
    const stamp = ++scratch.stamp;
    const { marks, best, touched } = scratch;
    let count = 0;
    for (const [word, sim] of wordSims) {
      const slots = this.postings.get(word)?.slots;
      if (!slots) continue;
      for (let k = 0; k < slots.length; k++) {
        const slot = slots[k] as number;
        if (marks[slot] !== stamp) {
          marks[slot] = stamp;
          best[slot] = sim;
          touched[count++] = slot;
        } else if (sim > (best[slot] as number)) best[slot] = sim;
      }
    }
    // In slot order, so that the search reads the slot columns front to back (new offers get higher slots, so
    // the order holds as upsert appends to kept matches).
    const order = touched.subarray(0, count).sort();
    const slots: number[] = new Array(count);
    const sims: number[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const slot = order[k] as number;
      slots[k] = slot;
      sims[k] = best[slot] as number;
    }
    const m: Matched = { wordSims, slots, sims };
    if (entry?.expansion === e) entry.m = m;
    return m;
  }

  private matchScratch = {
    stamp: 0,
    marks: new Int32Array(0),
    best: new Float64Array(0),
    touched: new Int32Array(0),
  };

  /** The reusable arrays of matchesOf(), as long as the slots. */
  private matchScratchFor(size: number) {
    const s = this.matchScratch;
    if (s.marks.length < size) {
      const next = Math.max(size * 2, 1024);
      s.stamp = 0;
      s.marks = new Int32Array(next);
      s.best = new Float64Array(next);
      s.touched = new Int32Array(next);
    }
    return s;
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
    const n = q.words.length;
    const scratch = this.scratchFor(n);
    const stamp = ++scratch.stamp;
    // The offers to look at: every offer (no words), one word's matches as they are, or for several words the
    // union of their matches, each word's best similarity per offer in arrays by slot, reused from search to
    // search (a search runs to its end without yielding) and marked valid by this search's stamp.
    const single = n === 1 ? this.matchesOf(q.words[0] as Expansion) : null;
    let touched = 0;
    if (n > 1) {
      for (let i = 0; i < n; i++) {
        const marks = scratch.marks[i] as Int32Array;
        const sims = scratch.sims[i] as Float64Array;
        const m = this.matchesOf(q.words[i] as Expansion);
        for (let k = 0; k < m.slots.length; k++) {
          const slot = m.slots[k] as number;
          const sim = m.sims[k] as number;
          if (marks[slot] !== stamp) {
            marks[slot] = stamp;
            sims[slot] = sim;
            if (scratch.any[slot] !== stamp) {
              scratch.any[slot] = stamp;
              scratch.touched[touched++] = slot;
            }
          } else if (sim > (sims[slot] as number)) sims[slot] = sim;
        }
      }
    }
    const wanted = q.categories.length ? this.categoryMask(q.categories) : -1;
    const district = q.districtId ? this.area(q.districtId) : -1;
    const ortsteil = q.ortsteilId ? this.area(q.ortsteilId) : -1;
    const needs = (q.free ? 1 : 0) | (q.hasPlaces ? 2 : 0);
    // A language or target group without a bit: none if no offer has it, else (more than 31 kinds) the list.
    const language = q.language ? this.languageBits.bitOf(q.language) : 0;
    const group = q.targetGroup ? this.groupBits.bitOf(q.targetGroup) : 0;
    const bonusMasks = q.words.map((e) => this.categoryMask(e.categories));
    const { cats, flags, alive, langs, groups, placeFrom, placeCount, places, offers } = this;
    // Near a postcode: a place further north or south than the radius cannot be within it (the great-circle
    // distance is at least the difference in latitude), so the trigonometry runs only for the others.
    const near = q.near;
    const latReach = near ? near.radiusKm / (6371 * RAD) : 0;
    // First pass: the offers that pass every filter, with their nearest place, how many words they match and
    // their score (100 per word plus its similarity, plus 1 where the offer is in a category the word names).
    const end = n === 0 ? offers.length : n === 1 ? (single as Matched).slots.length : touched;
    let passed = 0;
    let best = 0;
    let foundAny = 0;
    for (let k = 0; k < end; k++) {
      const slot =
        n === 0 ? k : n === 1 ? ((single as Matched).slots[k] as number) : (scratch.touched[k] as number);
      if (alive[slot] !== 1) continue;
      const mask = cats[slot] as number;
      if (wanted !== -1 && (mask & wanted) === 0) continue;
      if (((flags[slot] as number) & needs) !== needs) continue;
      if (language > 0 && ((langs[slot] as number) & language) === 0) continue;
      if (group > 0 && ((groups[slot] as number) & group) === 0) continue;
      if (language < 0 || group < 0 || q.openAt) {
        const offer = offers[slot] as IndexedOffer;
        if (language < 0 && !offer.languages.includes(q.language as string)) continue;
        if (group < 0 && !offer.targetGroups.includes(q.targetGroup as string)) continue;
        if (q.openAt && !isOpen(offer, q.openAt)) continue;
      }
      let place = false;
      let distance = Number.POSITIVE_INFINITY;
      const from = placeFrom[slot] as number;
      const to = from + (placeCount[slot] as number);
      for (let j = from; j < to; j++) {
        if (district !== -1 && places.district[j] !== district) continue;
        if (ortsteil !== -1 && places.ortsteil[j] !== ortsteil) continue;
        if (q.accessible && !places.accessible[j]) continue;
        if (near) {
          const lat = places.lat[j] as number;
          if (Math.abs(lat - near.lat) > latReach) continue;
          const d = distanceKm(near.lat, near.lon, { lat, lon: places.lon[j] as number });
          if (!(d <= near.radiusKm)) continue;
          if (d < distance) distance = d;
        }
        place = true;
      }
      if (!place) continue;
      let hits = 0;
      let score = 0;
      if (n === 1) {
        hits = 1;
        foundAny = 1;
        score = 100 + ((single as Matched).sims[k] as number) + (mask & (bonusMasks[0] as number) ? 1 : 0);
      } else {
        for (let i = 0; i < n; i++) {
          if ((scratch.marks[i] as Int32Array)[slot] !== stamp) continue;
          hits++;
          foundAny |= 1 << i;
          score +=
            100 +
            ((scratch.sims[i] as Float64Array)[slot] as number) +
            (mask & (bonusMasks[i] as number) ? 1 : 0);
        }
      }
      if (hits > best) best = hits;
      scratch.passed[passed] = slot;
      scratch.hits[passed] = hits;
      scratch.score[passed] = score;
      scratch.distance[passed] = distance;
      passed++;
    }
    // Second pass: the offers matching the most words are the answer; count them by category and Stadtbezirk
    // and keep the best offset + limit in order.
    const categoryCounts = new Int32Array(32);
    const districtCounts = new Int32Array(this.areaNames.length + 1);
    const keep = q.offset + q.limit;
    const top: { slot: number; score: number; distance: number }[] = [];
    let total = 0;
    for (let k = 0; k < passed; k++) {
      if (scratch.hits[k] !== best) continue;
      const slot = scratch.passed[k] as number;
      total++;
      for (let bits = cats[slot] as number; bits !== 0; bits &= bits - 1) {
        const bit = 31 - Math.clz32(bits & -bits);
        categoryCounts[bit] = (categoryCounts[bit] as number) + 1;
      }
      if ((placeCount[slot] as number) > 0) {
        const d = places.district[placeFrom[slot] as number] as number;
        districtCounts[d] = (districtCounts[d] as number) + 1;
      }
      if (keep <= 0) continue;
      const score = scratch.score[k] as number;
      const distance = scratch.distance[k] as number;
      if (keep > TOP_BY_INSERTION) {
        top.push({ slot, score, distance });
        continue;
      }
      if (top.length === keep && !this.before(slot, score, distance, top[keep - 1] as TopRow)) continue;
      let at = top.length === keep ? keep - 1 : top.length;
      while (at > 0 && this.before(slot, score, distance, top[at - 1] as TopRow)) {
        top[at] = top[at - 1] as TopRow;
        at--;
      }
      top[at] = { slot, score, distance };
    }
    // A far page: every row, sorted once (insertion into a long list would cost rows × offset).
    if (keep > TOP_BY_INSERTION) {
      top.sort((a, b) =>
        this.before(a.slot, a.score, a.distance, b)
          ? -1
          : this.before(b.slot, b.score, b.distance, a)
            ? 1
            : 0,
      );
      top.length = Math.min(top.length, keep);
    }
    const facets = { categories: {} as Record<string, number>, districts: {} as Record<string, number> };
    for (const [c, bit] of this.categoryBit)
      if (categoryCounts[bit]) facets.categories[c] = categoryCounts[bit] as number;
    for (let d = 0; d < this.areaNames.length; d++)
      if (districtCounts[d]) facets.districts[this.areaNames[d] as string] = districtCounts[d] as number;
    return {
      hits: top.slice(q.offset).map(({ slot, score, distance }) => ({
        offer: offers[slot] as IndexedOffer,
        distanceKm: distance === Number.POSITIVE_INFINITY ? null : distance,
        score,
      })),
      total,
      found: foundAny,
      facets,
    };
  }

  /** The ranking: higher score first, then the nearer place (none last), then the slug. */
  private before(slot: number, score: number, distance: number, b: TopRow): boolean {
    if (score !== b.score) return score > b.score;
    if (distance !== b.distance) return distance < b.distance;
    const rank = this.slugRank[slot] as number;
    const other = this.slugRank[b.slot] as number;
    if (rank !== other) return rank < other;
    return cmp((this.offers[slot] as IndexedOffer).slug, (this.offers[b.slot] as IndexedOffer).slug) < 0;
  }

  private scratch = {
    stamp: 0,
    size: 0,
    any: new Int32Array(0),
    touched: new Int32Array(0),
    passed: new Int32Array(0),
    hits: new Int32Array(0),
    score: new Float64Array(0),
    distance: new Float64Array(0),
    marks: [] as Int32Array[],
    sims: [] as Float64Array[],
  };

  /** The reusable arrays of a search of this many words, as long as the slots. */
  private scratchFor(words: number) {
    const s = this.scratch;
    const size = this.offers.length;
    if (s.size < size || s.marks.length < words) {
      const next = Math.max(size * 2, 1024);
      s.size = next;
      s.stamp = 0;
      s.any = new Int32Array(next);
      s.touched = new Int32Array(next);
      s.passed = new Int32Array(next);
      s.hits = new Int32Array(next);
      s.score = new Float64Array(next);
      s.distance = new Float64Array(next);
      s.marks = Array.from({ length: Math.max(words, s.marks.length) }, () => new Int32Array(next));
      s.sims = Array.from({ length: Math.max(words, s.marks.length) }, () => new Float64Array(next));
    }
    return s;
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

/** Whether the offer's weekly hours are open at this local weekday and time. */
export function isOpen(offer: IndexedOffer, at: { day: string; time: string }): boolean {
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
