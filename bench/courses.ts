/**
 * `npm run bench -- courses [--persons N] [--places N] [--groups N] [--seed N] [--highs-limit S] [--write FILE]`
 *
 * The planner goal (issue 14): 20,000 waiting persons in Duisburg's 46 Ortsteile, 400 candidate places, 60 new
 * groups; proven optimum in ≤ 2 s. Prints the planner's time, objective, bound and gap, and beside it HiGHS on
 * the plain model of the same instance (no first plan, no bound; `--highs-limit`, default 60 s), with the load
 * average (the machine is shared). `--family [names] [--seeds N]`: one table row per instance of the generator's
 * families. `--write FILE` also writes the instance, for `npm run lotse -- plan-courses --in FILE`.
 *
 * Then the enrolment race (bench/courses.race.ts): `--rate N` enrolments per second (500) for `--duration S` (10)
 * across `--courses N` (50) courses on PostgreSQL. `--race` runs only the race, `--planner` only the planner.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import {
  generatePlanProblem,
  type Ortsteil,
  PLAN_FAMILIES,
} from '../server/modules/courses/planner/generate.ts';
import { solvePlan } from '../server/modules/courses/planner/index.ts';
import { loadHighs, solveMip } from '../server/modules/courses/planner/mip.ts';
import { buildModel } from '../server/modules/courses/planner/model.ts';
import { benchEnrolmentRace } from './courses.race.ts';
import { familyOption, tablePrinter } from './families.ts';

const GOAL_SECONDS = 2;

function ortsteile(): Ortsteil[] {
  const file = JSON.parse(readFileSync('cities/duisburg/districts.json', 'utf8')) as {
    districts: { ortsteile: Ortsteil[] }[];
  };
  return file.districts.flatMap((d) => d.ortsteile.map((o) => ({ name: o.name, centre: o.centre })));
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function highsPlain(problem: ReturnType<typeof generatePlanProblem>, limit: number) {
  const highs = await loadHighs();
  const started = performance.now();
  const mip = solveMip(highs, buildModel(problem), limit, null, false);
  return { ...mip, seconds: (performance.now() - started) / 1000 };
}

export async function benchCourses(args: string[]): Promise<void> {
  const o = { persons: 20_000, places: 400, groups: 60, seed: 2026, highsLimit: 60, write: '', seeds: 2 };
  const race = { rate: 500, duration: 10, courses: 50, seed: 14 };
  let family: string[] | null = null;
  let parts = { planner: true, race: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = Number(args[i + 1]);
    if (arg === '--race' || arg === '--planner') {
      parts = { planner: arg === '--planner', race: arg === '--race' };
      continue;
    }
    if (arg === '--family') {
      const { names, skip } = familyOption(args, i, Object.keys(PLAN_FAMILIES));
      family = names;
      i += skip;
      continue;
    }
    if (arg === '--write') o.write = args[i + 1] ?? '';
    else if (arg === '--persons') o.persons = value;
    else if (arg === '--places') o.places = value;
    else if (arg === '--groups') o.groups = value;
    else if (arg === '--seed') o.seed = value;
    else if (arg === '--seeds') o.seeds = value;
    else if (arg === '--highs-limit') o.highsLimit = value;
    else if (arg === '--rate') race.rate = value;
    else if (arg === '--duration') race.duration = value;
    else if (arg === '--courses') race.courses = value;
    else {
      console.error(`unknown option ${arg}`);
      process.exit(2);
    }
    i++;
  }
  const places = ortsteile();
  console.log(`machine: ${availableParallelism()} cores, load average ${load()} (1, 5, 15 min)`);
  if (family) {
    const row = tablePrinter([16, 6, 8, 8, 8, 7, 8, 9, 10, 9]);
    row([
      'family/seed',
      'cells',
      'placed',
      'bound',
      'gap',
      'method',
      'planner',
      'HiGHS',
      'HiGHS obj',
      'HiGHS ok',
    ]);
    for (const name of family) {
      for (let s = 0; s < o.seeds; s++) {
        const problem = generatePlanProblem({
          ...o,
          seed: o.seed + s,
          ortsteile: places,
          ...PLAN_FAMILIES[name],
        });
        const result = await solvePlan(problem, { timeLimitSeconds: GOAL_SECONDS });
        const plain = await highsPlain(problem, o.highsLimit);
        row([
          `${name}/${o.seed + s}`,
          String(problem.demand.length),
          String(result.objective),
          String(result.bound),
          result.gap.toFixed(4),
          result.method,
          `${result.seconds.toFixed(2)} s`,
          `${plain.seconds.toFixed(2)} s`,
          String(Math.round(plain.objective)),
          plain.optimal ? 'optimal' : 'limit',
        ]);
      }
    }
    console.log(`load average after: ${load()}`);
    return;
  }
  if (parts.planner) await benchPlanner(o, places);
  if (parts.race) await benchEnrolmentRace(race);
}

async function benchPlanner(
  o: { persons: number; places: number; groups: number; seed: number; highsLimit: number; write: string },
  places: Ortsteil[],
): Promise<void> {
  const problem = generatePlanProblem({ ...o, ortsteile: places });
  if (o.write) writeFileSync(o.write, `${JSON.stringify(problem, null, 2)}\n`);
  const waiting = problem.demand.reduce((sum, d) => sum + d.persons, 0);
  console.log(
    `instance: ${waiting} waiting persons in ${places.length} Ortsteile (${problem.demand.length} cells by Ortsteil, language, childcare), ${problem.places.length} candidate places, ${problem.groups} new groups of ${problem.groupSize}`,
  );
  const result = await solvePlan(problem, { timeLimitSeconds: 60 });
  console.log(
    `planner: ${result.objective} placed, bound ${result.bound}, gap ${result.gap}, ${result.status} (${result.method}) in ${result.seconds.toFixed(2)} s — goal ≤ ${GOAL_SECONDS} s: ${result.status === 'optimal' && result.seconds <= GOAL_SECONDS ? 'met' : 'missed'}`,
  );
  const plain = await highsPlain(problem, o.highsLimit);
  console.log(
    `HiGHS on the plain model: ${Math.round(plain.objective)} placed, bound ${plain.bound.toFixed(1)}, ${plain.optimal ? 'optimal' : `stopped at ${o.highsLimit} s`} in ${plain.seconds.toFixed(2)} s`,
  );
  console.log(`load average after: ${load()}`);
}
