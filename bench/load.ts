/**
 * One load run with autocannon, in its own process so that the load generator does not share the server's event
 * loop. Argument: JSON { url, connections, duration, paths?, bases? }. With `paths`, each connection walks the
 * list in its own order (its own start and stride), spread over the `bases` (one per app server) by connection.
 * Prints JSON: requests, rps, p50/p95/p99 (ms), statuses.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export type LoadOptions = {
  url: string;
  connections: number;
  duration: number;
  /** Request paths (with query strings) to walk instead of repeating the url's path. */
  paths?: string[];
  /** Further servers: connection i goes to bases[i % bases.length] (the url's origin is the first). */
  bases?: string[];
  /** The method (default GET), and headers sent with every request (a session cookie, a CSRF token). */
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** JSON bodies to walk like `paths` (each connection in its own order), for a POST. */
  bodies?: string[];
};
export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  /** Over the responses that came back; null when none did. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
};

function percentile(sorted: Float64Array, p: number): number | null {
  if (!sorted.length) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? null;
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/** A stride coprime with n, different per connection: every connection visits every path, in its own order. */
function strideFor(n: number, k: number): number {
  let stride = 1 + ((k * 7919) % Math.max(1, n - 1));
  while (n > 1 && gcd(stride, n) !== 1) stride++;
  return stride;
}

type Walk = { next: number; stride: number };

function run(
  options: LoadOptions,
  url: string,
  connections: number,
  paths: string[] | undefined,
  first: number,
  done: (error: Error | null, result: autocannon.Result) => void,
) {
  let connection = first;
  return autocannon(
    {
      url,
      connections,
      duration: options.duration,
      timeout: 10,
      method: options.method ?? 'GET',
      headers: { ...(options.bodies ? { 'content-type': 'application/json' } : {}), ...options.headers },
      ...(paths?.length || options.bodies?.length
        ? {
            requests: [
              {
                setupRequest: (request: autocannon.Request, state: object) => {
                  const n = Math.max(paths?.length ?? 0, options.bodies?.length ?? 0);
                  const context = state as { walk?: Walk };
                  let walk = context.walk;
                  if (!walk) {
                    const k = connection++;
                    walk = { next: (k * 104_729) % n, stride: strideFor(n, k) };
                    context.walk = walk;
                  }
                  const at = walk.next;
                  walk.next = (walk.next + walk.stride) % n;
                  return {
                    ...request,
                    ...(paths?.length ? { path: paths[at % paths.length] ?? '/' } : {}),
                    ...(options.bodies?.length ? { body: options.bodies[at % options.bodies.length] } : {}),
                  };
                },
              },
            ],
          }
        : {}),
    },
    done,
  );
}

async function main(): Promise<void> {
  const arg = process.argv[2] ?? '{}';
  const options = JSON.parse(arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg) as LoadOptions;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const statuses: Record<string, number> = {};
  const started = process.hrtime.bigint();
  const origins = [new URL(options.url).origin, ...(options.bases ?? [])];
  const paths = options.paths;
  const results = await Promise.all(
    origins.map(
      (origin, i) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const share =
            Math.floor(options.connections / origins.length) +
            (i < options.connections % origins.length ? 1 : 0);
          const url = paths?.length ? origin : options.url.replace(new URL(options.url).origin, origin);
          const instance = run(options, url, share, paths, i * 1000, (error, result) =>
            error ? reject(error) : resolve(result),
          );
          instance.on('response', (_client, statusCode, _bytes, responseTime) => {
            if (count === latencies.length) {
              const bigger = new Float64Array(latencies.length * 2);
              bigger.set(latencies);
              latencies = bigger;
            }
            latencies[count++] = responseTime;
            statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
          });
        }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = latencies.slice(0, count).sort();
  const output: LoadResult = {
    requests: count,
    seconds,
    rps: count / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    statuses,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

await main();
