import type { Database } from '../../../core/db.ts';
import * as repo from '../directory.repository.ts';

/** How often the counters of unmet searches are written (and at close, and before coordinators read them). */
const FLUSH_MS = 1000;

type Key = { day: string; lang: string; districtId: string; words: string };
type Pending = {
  counts: Map<string, Key & { count: number }>;
  timer: NodeJS.Timeout | null;
  writing: Promise<void>;
};

const pending = new WeakMap<Database, Pending>();

/** Counts a search that found nothing, in memory; written in one batch within a second. */
export function countUnmet(database: Database, key: Key): void {
  let p = pending.get(database);
  if (!p) {
    p = { counts: new Map(), timer: null, writing: Promise.resolve() };
    pending.set(database, p);
  }
  const id = JSON.stringify([key.day, key.lang, key.districtId, key.words]);
  const row = p.counts.get(id);
  if (row) row.count++;
  else p.counts.set(id, { ...key, count: 1 });
  if (!p.timer) {
    p.timer = setTimeout(() => void flushUnmet(database).catch(() => {}), FLUSH_MS);
    p.timer.unref();
  }
}

/** Writes the counted unmet searches now. */
export async function flushUnmet(database: Database): Promise<void> {
  const p = pending.get(database);
  if (!p) return;
  if (p.timer) clearTimeout(p.timer);
  p.timer = null;
  const rows = [...p.counts.values()];
  p.counts.clear();
  p.writing = p.writing
    .catch(() => {})
    .then(() => (rows.length ? repo.countUnmetSearches(database.db, rows) : undefined));
  await p.writing;
}
