import type { Ctx } from '../../core/context.ts';
import type { Database } from '../../core/db.ts';
import * as repo from './directory.repository.ts';

/**
 * The similar dictionary words of typed words, kept for a minute per database: finding them scans the whole
 * dictionary (pg_trgm), while newcomers type the same few words again and again. This server forgets them as
 * soon as it adds words; another server's new words are found by similarity at most a minute later (the exact
 * typed word is always searched).
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;
type Entry = { until: number; expansion: repo.WordExpansion };
const caches = new WeakMap<Database, Map<string, Entry>>();

export async function expandWords(ctx: Ctx, words: readonly string[]): Promise<repo.WordExpansion[]> {
  let cache = caches.get(ctx.database);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.database, cache);
  }
  const now = performance.now();
  return Promise.all(
    words.map(async (word) => {
      const hit = cache.get(word);
      if (hit && hit.until > now) return hit.expansion;
      const expansion = await repo.similarWords(ctx.db, word);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(word, { until: now + TTL_MS, expansion });
      return expansion;
    }),
  );
}

/** Adds words to the search dictionary and forgets the expansions made without them. */
export async function addSearchWords(ctx: Ctx, words: string[]): Promise<void> {
  await repo.addWords(ctx.db, words);
  caches.delete(ctx.database);
}
