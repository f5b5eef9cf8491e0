/**
 * `npm run bench -- matching [--seed N] [--requests N] [--guides N] [--time-limit S] [--write FILE]`
 *
 * The matching goal (spec: guides.md, "Performance"): a week of 3,000 requests and 800 guides in a city the size
 * of Duisburg, twelve languages, proven optimal or gap ≤ 0.5 % in ≤ 5 s, while the server keeps answering. One run
 * prints the solver's time, objective, bound and gap; the first-come baseline's objective, coverage and travel;
 * and the latency of a small HTTP server's /health in the main thread, polled every few milliseconds while the
 * matching runs in a worker thread. `--write FILE` saves the generated problem.json for the CLI.
 * `--family [names] [--seeds N]` prints instead one table row per instance of the structure families (issue 12).
 */
import { familyOption, tablePrinter, withCpuSeconds } from './families.ts';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { generateProblem, MATCHING_FAMILIES } from '../server/modules/guides/matching/generate.ts';
import {
  checkAssignments,
  greedyBaseline,
  solveMatching,
  solveMatchingInWorker,
} from '../server/modules/guides/matching/index.ts';

const GOAL_SECONDS = 5;
const GOAL_GAP = 0.005;
const POLL_MS = 5;

type Options = {
  seed: number;
  requests: number;
  guides: number;
  timeLimit: number;
  write: string | null;
  /** `--family [a,b]`: the table over the families (all, or the named ones). */
  family: string[] | null;
  /** Seeds per family (`--seeds N`, default 2). */
  seeds: number;
};

function parseOptions(args: string[]): Options {
  const options: Options = {
    seed: 42,
    requests: 3000,
    guides: 800,
    timeLimit: GOAL_SECONDS,
    write: null,
    family: null,
    seeds: 2,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--family') {
      const { names, skip } = familyOption(args, i, Object.keys(MATCHING_FAMILIES));
      options.family = names;
      i += skip;
      continue;
    }
    const value = args[++i];
    if (arg === '--seeds') options.seeds = Number(value);
    else if (arg === '--seed') options.seed = Number(value);
    else if (arg === '--requests') options.requests = Number(value);
    else if (arg === '--guides') options.guides = Number(value);
    else if (arg === '--time-limit') options.timeLimit = Number(value);
    else if (arg === '--write' && value) options.write = value;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * `--family`: every family of instances (generate.ts, MATCHING_FAMILIES) with `--seeds` seeds each (1001, 1002, …:
 * not the seed the solver was first measured on), full size unless `--requests`/`--guides` say otherwise; one
 * row per instance: objective, bound, gap, wall and CPU seconds, the first-come baseline, and the machine's load.
 */
async function benchFamilies(options: Options): Promise<void> {
  const names = options.family ?? [];
  for (const name of names) if (!MATCHING_FAMILIES[name]) throw new Error(`unknown family ${name}`);
  console.log(
    `Matching families: ${options.requests} requests × ${options.guides} guides, --time-limit ${options.timeLimit} s, ` +
      `${options.seeds} seeds each; ${availableParallelism()} cores, load average (1 min) ${loadavg()[0]?.toFixed(2)}`,
  );
  const header = [
    'instance',
    'objective',
    'bound',
    'gap %',
    'wall s',
    'CPU s',
    'first-come',
    'assigned',
    'load',
    'goal',
  ];
  const widths = [22, 11, 11, 8, 7, 7, 11, 9, 5, 4];
  const row = tablePrinter(widths);
  row(header);
  let met = 0;
  let total = 0;
  const worst = new Map<string, number>();
  for (const name of names) {
    for (let k = 0; k < options.seeds; k++) {
      const seed = 1001 + k;
      const problem = generateProblem({
        seed,
        requests: options.requests,
        guides: options.guides,
        ...MATCHING_FAMILIES[name],
      });
      const greedy = greedyBaseline(problem);
      const { result, cpuSeconds } = withCpuSeconds(() =>
        solveMatching(problem, { timeLimitSeconds: options.timeLimit }),
      );
      const errors = checkAssignments(problem, result.assignments);
      if (errors.length > 0) throw new Error(`${name}/${seed}: ${errors[0]}`);
      // with MATCHING_CPU_CLOCK=1 the limit counts CPU time, and so does the goal
      const seconds = process.env.MATCHING_CPU_CLOCK ? cpuSeconds : result.seconds;
      const ok = seconds <= GOAL_SECONDS && result.gap <= GOAL_GAP;
      met += ok ? 1 : 0;
      total++;
      worst.set(name, Math.max(worst.get(name) ?? 0, result.gap));
      row([
        `${name}/${seed}`,
        result.objective.toFixed(1),
        result.bound.toFixed(1),
        (result.gap * 100).toFixed(3),
        result.seconds.toFixed(2),
        cpuSeconds.toFixed(2),
        greedy.objective.toFixed(1),
        `${((100 * result.assignments.length) / Math.max(1, problem.requests.length)).toFixed(1)}%`,
        loadavg()[0]?.toFixed(2) ?? '',
        ok ? 'met' : 'NOT',
      ]);
    }
  }
  console.log(
    `Goal (gap ≤ ${GOAL_GAP * 100} % in ≤ ${GOAL_SECONDS} s) met on ${met} of ${total} instances; worst gap per family: ` +
      [...worst].map(([name, gap]) => `${name} ${(gap * 100).toFixed(2)} %`).join(', '),
  );
}

export async function benchMatching(args: string[]): Promise<void> {
  const options = parseOptions(args);
  if (options.family) return benchFamilies(options);
  const problem = generateProblem({ seed: options.seed, requests: options.requests, guides: options.guides });
  console.log(
    `Matching: ${problem.requests.length} requests, ${problem.guides.length} guides, ` +
      `${new Set(problem.requests.map((r) => r.language)).size} languages, one week (seed ${options.seed})`,
  );
  if (options.write) {
    await writeFile(options.write, `${JSON.stringify(problem)}\n`);
    console.log(
      `Problem written to ${options.write} (npm run lotse -- match --in ${options.write} --out result.json)`,
    );
  }

  // other processes on the machine slow every figure below: the solver line shows its CPU time beside the wall time
  const load = () => loadavg()[0]?.toFixed(2);
  console.log(`Machine: ${availableParallelism()} cores, load average (1 min) ${load()} at the start`);

  // 1. the first-come baseline
  const greedy = greedyBaseline(problem);
  console.log(
    `First-come baseline: objective ${greedy.objective.toFixed(1)}, coverage ${(greedy.coverage * 100).toFixed(1)} % ` +
      `(${greedy.assignments.length} assigned), travel ${greedy.travelMinutes.toFixed(0)} min, ${greedy.seconds} s`,
  );

  // 2. the solver in the main thread (nothing else running): time, objective, bound, gap
  const cpuBefore = process.cpuUsage();
  const result = solveMatching(problem, { timeLimitSeconds: options.timeLimit });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const errors = checkAssignments(problem, result.assignments);
  const coverage = result.assignments.length / problem.requests.length;
  console.log(
    `Solver: ${result.seconds} s (CPU ${cpuSeconds.toFixed(2)} s: less means other processes shared the cores), objective ${result.objective.toFixed(1)}, bound ${result.bound.toFixed(1)}, ` +
      `gap ${(result.gap * 100).toFixed(3)} %, coverage ${(coverage * 100).toFixed(1)} % (${result.assignments.length} assigned), ` +
      `hard-rule violations ${errors.length}`,
  );
  console.log(
    `  vs baseline: ${(greedy.objective - result.objective).toFixed(1)} lower objective, ` +
      `${result.assignments.length - greedy.assignments.length} more requests served`,
  );
  const met = result.seconds <= GOAL_SECONDS && result.gap <= GOAL_GAP;
  console.log(
    `  goal (gap ≤ ${GOAL_GAP * 100} % in ≤ ${GOAL_SECONDS} s): ${met ? 'met' : 'NOT met'} — gap ${(result.gap * 100).toFixed(3)} % after ${result.seconds} s`,
  );

  // 3. the same in a worker while the main thread answers /health
  const server = http.createServer((request, response) => {
    if (request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status":"ok"}');
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      http
        .get({ host: '127.0.0.1', port, path: '/health', agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(performance.now() - started));
        })
        .on('error', reject);
    });
  const latencies: number[] = [];
  let running = true;
  const poller = (async () => {
    while (running) {
      latencies.push(await get());
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  const workerStarted = performance.now();
  const inWorker = await solveMatchingInWorker(problem, { timeLimitSeconds: options.timeLimit });
  const wall = (performance.now() - workerStarted) / 1000;
  running = false;
  await poller;
  agent.destroy();
  server.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `Worker: ${wall.toFixed(2)} s wall (solver ${inWorker.seconds} s), objective ${inWorker.objective.toFixed(1)}, gap ${(inWorker.gap * 100).toFixed(3)} %`,
  );
  console.log(
    `/health in the main thread meanwhile: ${latencies.length} requests, p50 ${percentile(sorted, 50).toFixed(2)} ms, ` +
      `p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(2)} ms (goal p99 ≤ 50 ms)`,
  );
  console.log(`Load average (1 min) at the end: ${load()}`);
}
