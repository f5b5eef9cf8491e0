/** What the HTTP benchmarks share: a seeded PRNG, one load run in a child process, and number formatting. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LoadOptions, LoadResult } from './load.ts';
import type { RateOptions, RateResult } from './rate.ts';

/** mulberry32: a small seeded PRNG, so every run generates the same data and requests. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const pool = [...list];
    const n = min + int(max - min + 1);
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(int(pool.length), 1)[0] as T);
    return out;
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[int(4)] as string;
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, some, uuid };
}
export type Rng = ReturnType<typeof prng>;

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

/** One autocannon run (bench/load.ts) in a child process: the load must not share the server's event loop. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  // The request list can be longer than a command line may be: it goes through a file.
  const file = path.join(tmpdir(), `lotse-bench-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(options));
  const { stdout } = await run(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'bench/load.ts'), `@${file}`],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as LoadResult;
}

/** One open-loop run at a fixed rate (bench/rate.ts) in a child process, for the same reason. */
export async function atRate(options: RateOptions & { keepBodies?: boolean }): Promise<RateResult> {
  const file = path.join(tmpdir(), `lotse-bench-rate-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(options));
  const { stdout } = await run(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'bench/rate.ts'), `@${file}`],
    { maxBuffer: 64 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as RateResult;
}

/** A number with `digits` decimals, or "n/a". */
export const num = (value: number | null, digits = 1) =>
  value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
/** Milliseconds in a column of eight. */
export const ms = (value: number | null) => num(value).padStart(8);
