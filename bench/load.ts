/**
 * One load run with autocannon, in its own process so that the load generator does not share the server's event
 * loop. Argument: JSON { url, connections, duration }. Prints JSON: requests, rps, p50/p95/p99 (ms), statuses.
 */
import autocannon from 'autocannon';

export type LoadOptions = { url: string; connections: number; duration: number };
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

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const statuses: Record<string, number> = {};
  const started = process.hrtime.bigint();
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    { url: options.url, connections: options.connections, duration: options.duration, timeout: 10 },
    (error, result) => (error ? fail(error) : finish(result)),
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
  const result = await done;
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
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

await main();
