/**
 * Wrong follow codes, counted in memory per address and per first group of the code, for WRONG_CODE_WINDOW_MS:
 * beyond WRONG_CODE_LIMIT the lookups answer 429. Nothing of it is written to the database or the log, and an
 * address is kept only as a hash, only while it is within its window.
 */
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { tokenHash } from '../../core/passwords.ts';
import { WRONG_CODE_LIMIT, WRONG_CODE_WINDOW_MS } from './reports.terms.ts';

type Counter = Map<string, number[]>;
// One set of counters per running app (tests build several apps in one process).
const counters = new WeakMap<object, { byAddress: Counter; byPrefix: Counter }>();

function countersOf(ctx: Ctx) {
  let found = counters.get(ctx.database);
  if (!found) {
    found = { byAddress: new Map(), byPrefix: new Map() };
    counters.set(ctx.database, found);
  }
  return found;
}

function recent(counter: Counter, key: string, now: number): number[] {
  const times = (counter.get(key) ?? []).filter((at) => at > now - WRONG_CODE_WINDOW_MS);
  if (times.length) counter.set(key, times);
  else counter.delete(key);
  return times;
}

function keys(ctx: Ctx, normalisedCode: string) {
  return { address: tokenHash(ctx.ip ?? 'unknown'), prefix: normalisedCode.slice(0, 4) };
}

/** Throws 429 when this address, or this code's first group, had too many wrong codes lately. */
export function refuseWhenGuessing(ctx: Ctx, normalisedCode: string): void {
  const { byAddress, byPrefix } = countersOf(ctx);
  const now = ctx.now.getTime();
  const k = keys(ctx, normalisedCode);
  if (
    recent(byAddress, k.address, now).length >= WRONG_CODE_LIMIT ||
    recent(byPrefix, k.prefix, now).length >= WRONG_CODE_LIMIT
  )
    throw new AppError('rate_limited');
}

/** Counts a wrong code. */
export function countWrongCode(ctx: Ctx, normalisedCode: string): void {
  const { byAddress, byPrefix } = countersOf(ctx);
  const now = ctx.now.getTime();
  const k = keys(ctx, normalisedCode);
  byAddress.set(k.address, [...recent(byAddress, k.address, now), now]);
  byPrefix.set(k.prefix, [...recent(byPrefix, k.prefix, now), now]);
  // Old windows of other addresses go when the map grows.
  if (byAddress.size > 10_000) for (const key of byAddress.keys()) recent(byAddress, key, now);
  if (byPrefix.size > 10_000) for (const key of byPrefix.keys()) recent(byPrefix, key, now);
}
