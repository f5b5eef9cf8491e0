/**
 * Each app server keeps the finished JSON of published pages, per (slug, language), as the UTF-8 bytes it sends:
 * a reader's page is answered from memory without a query and without encoding it again.
 *
 * Kept fresh across app servers: triggers on `pages` and `page_texts` send `pg_notify('pages_changes')`, the
 * directory's on its offers `directory_changes` (a page shows the offers its steps link); every server listens to
 * both (server/core/notify.ts) and forgets everything on a notification — pages change a few times a day, so it
 * is simpler and as fast to fill again than to work out which answers a change touches (breadcrumbs and children
 * show the titles of other pages). While the listening connection is lost nothing is read from or kept in the
 * cache; when it is back, everything is forgotten (what changed meanwhile is not known). An answer read while a
 * change arrived is not kept (the generation counts the changes). This server's own editors' writes forget at
 * once, before their answer leaves (pages.routes.ts), so an editor reads what was just published.
 *
 * Bounded: the least recently read answers go first once the bytes kept pass `maxBytes`.
 */
import type { Database } from '../../core/db.ts';
import { type ChangeListener, listenForChanges } from '../../core/notify.ts';

/** 64 MiB: 2,000 pages × 11 variants of the benchmark's "Anmeldung" (about 2.6 KB each) take about 57 MB. */
export const PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

export class PageCache {
  private readonly entries = new Map<string, Buffer>();
  private bytesKept = 0;
  /** Counts what was forgotten: an answer read before a change is not kept after it. */
  generation = 0;
  private listener: ChangeListener | null = null;
  private listening = false;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes = PAGE_CACHE_MAX_BYTES) {}

  /** Starts listening; until then (and while the connection is lost) the cache is bypassed. */
  async start(database: Database): Promise<void> {
    if (this.listener) return;
    this.listener = await listenForChanges(database, ['pages_changes', 'directory_changes'], {
      onNotify: () => this.forget(),
      onListening: () => this.forget(),
    });
    this.listening = true;
  }

  async stop(): Promise<void> {
    this.listening = false;
    this.forget();
    await this.listener?.stop();
  }

  /** Listening: answers are read from and kept in memory. */
  get usable(): boolean {
    return this.listening && this.listener?.lostAt === null;
  }

  static key(slug: string, lang: string): string {
    return `${lang} ${slug}`;
  }

  get(key: string): Buffer | undefined {
    if (!this.usable) return undefined;
    const found = this.entries.get(key);
    if (!found) {
      this.misses++;
      return undefined;
    }
    // The most recently read last: the oldest reads are the first to go.
    this.entries.delete(key);
    this.entries.set(key, found);
    this.hits++;
    return found;
  }

  /** Keeps an answer read while the cache had `generation` (nothing changed since). */
  set(key: string, value: Buffer, generation: number): void {
    if (!this.usable || generation !== this.generation || value.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytesKept -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytesKept += value.length;
    for (const [oldest, kept] of this.entries) {
      if (this.bytesKept <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytesKept -= kept.length;
    }
  }

  forget(): void {
    this.generation++;
    this.entries.clear();
    this.bytesKept = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.bytesKept;
  }
}

const caches = new WeakMap<Database, PageCache>();

/** The cache of a database's published pages in this process (one per app server). */
export function pageCacheOf(database: Database): PageCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new PageCache();
    caches.set(database, cache);
  }
  return cache;
}

/** Starts the cache's listening (when the app starts). */
export async function startPageCache(database: Database): Promise<void> {
  await pageCacheOf(database).start(database);
}

/** Stops it (when the app closes). */
export async function stopPageCache(database: Database): Promise<void> {
  const cache = caches.get(database);
  caches.delete(database);
  await cache?.stop();
}
