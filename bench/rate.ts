/**
 * An open-loop load run: requests arrive at a fixed rate whether or not earlier ones have been answered (the way
 * people arrive at a form), unlike autocannon's connections, which wait for their answer before sending again and
 * so slow down with the server. Each request's latency counts from the moment it was due, not from when it could be
 * sent, so a stalled server shows in the figures. Argument: `@file` with JSON RateOptions. Prints JSON RateResult.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

export type RateOptions = {
  /** The server's origin, e.g. http://127.0.0.1:3000. */
  base: string;
  /** Requests per second. */
  rate: number;
  /** How many seconds requests arrive. */
  duration: number;
  method: 'GET' | 'POST';
  /** The requests, walked in order (round robin when there are fewer than rate × duration). */
  requests: { path: string; body?: string; headers?: Record<string, string> }[];
};

export type RateResult = {
  sent: number;
  answered: number;
  /** From the first due time to the last answer. */
  seconds: number;
  /** Answers per second over the arrival window (rate achieved). */
  rps: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  statuses: Record<string, number>;
  errors: number;
  /** How late the generator itself sent a request at worst (ms): a large value means the load was not open. */
  maxSendLag: number;
  /** The answers' bodies in the order of the requests (only when asked to keep them). */
  bodies?: (string | null)[];
};

function percentile(sorted: Float64Array, p: number): number | null {
  if (!sorted.length) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? null;
}

export function runAtRate(options: RateOptions & { keepBodies?: boolean }): Promise<RateResult> {
  const url = new URL(options.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const total = Math.round(options.rate * options.duration);
  const interval = 1000 / options.rate;
  const latencies = new Float64Array(total);
  const bodies: (string | null)[] | undefined = options.keepBodies ? new Array(total).fill(null) : undefined;
  const statuses: Record<string, number> = {};
  let answered = 0;
  let errors = 0;
  let sent = 0;
  let maxSendLag = 0;
  let lastAnswer = 0;
  const start = performance.now() + 50;

  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      const sorted = latencies.slice(0, answered).sort();
      const seconds = (lastAnswer - start) / 1000;
      resolve({
        sent,
        answered,
        seconds,
        rps: answered / Math.max(seconds, options.duration),
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.length ? (sorted[sorted.length - 1] ?? null) : null,
        statuses,
        errors,
        maxSendLag,
        ...(bodies ? { bodies } : {}),
      });
    };
    let done = 0;
    const settle = () => {
      done++;
      if (done === total) finish();
    };
    const send = (i: number, due: number) => {
      const spec = options.requests[i % options.requests.length];
      if (!spec) return settle();
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: options.method,
          path: spec.path,
          headers: {
            ...(spec.body !== undefined
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(spec.body) }
              : {}),
            ...spec.headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            lastAnswer = performance.now();
            latencies[answered++] = lastAnswer - due;
            const status = String(response.statusCode);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (bodies) bodies[i] = Buffer.concat(chunks).toString('utf8');
            settle();
          });
        },
      );
      request.on('error', () => {
        errors++;
        lastAnswer = performance.now();
        settle();
      });
      if (spec.body !== undefined) request.write(spec.body);
      request.end();
    };
    // Wake every millisecond and send what is due; the due time, not the send time, starts the clock.
    const tick = () => {
      const now = performance.now();
      while (sent < total) {
        const due = start + sent * interval;
        if (due > now) break;
        maxSendLag = Math.max(maxSendLag, now - due);
        send(sent, due);
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(1, start + sent * interval - now)));
    };
    setTimeout(tick, 50);
  });
}

if (process.argv[1]?.endsWith('rate.ts')) {
  const arg = process.argv[2] ?? '{}';
  const options = JSON.parse(
    arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg,
  ) as RateOptions & {
    keepBodies?: boolean;
  };
  const result = await runAtRate(options);
  // A pipe is written asynchronously: exit once the whole answer is out (the bodies can be megabytes).
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}
