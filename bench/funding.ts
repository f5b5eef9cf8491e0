/**
 * `npm run bench -- funding [--seed N] [--applications N] [--per-district N] [--first-time SHARE] [--write FILE]`
 *
 * The allocation goal (issue 17): 2,000 applications with district floors (12 per Stadtbezirk) and a first-time
 * floor (35 % of the budget), proven optimal in ≤ 1 s. One run prints the branch and bound's time, objective,
 * bound and gap, and HiGHS's time and objective on the same instance beside it. `--write FILE` saves the problem
 * for `npm run lotse -- allocate`.
 */
import { writeFile } from 'node:fs/promises';
import {
  buildModel,
  generateAllocationProblem,
  solveAllocation,
  solveWithHighs,
} from '../server/modules/funding/allocation/index.ts';

const GOAL_SECONDS = 1;

export async function benchFunding(args: string[]): Promise<void> {
  const options = {
    seed: 1,
    applications: 2000,
    perDistrict: 12,
    firstTime: 0.35,
    write: null as string | null,
    highsLimit: 60,
  };
  for (let i = 0; i < args.length; i += 2) {
    const [arg, value] = [args[i], args[i + 1]];
    if (arg === '--seed') options.seed = Number(value);
    else if (arg === '--applications') options.applications = Number(value);
    else if (arg === '--per-district') options.perDistrict = Number(value);
    else if (arg === '--first-time') options.firstTime = Number(value);
    else if (arg === '--highs-limit') options.highsLimit = Number(value);
    else if (arg === '--write') options.write = value ?? null;
    else {
      console.error(`unknown option ${arg}`);
      process.exit(2);
    }
  }
  const problem = generateAllocationProblem({
    seed: options.seed,
    applications: options.applications,
    perDistrict: options.perDistrict,
    firstTimeShare: options.firstTime,
  });
  if (options.write) await writeFile(options.write, `${JSON.stringify(problem, null, 2)}\n`);
  console.log(
    `funding allocation: ${problem.applications.length} applications, budget ${problem.budget} €, ≥ ${options.perDistrict} per Stadtbezirk, ≥ ${options.firstTime * 100} % to first-time applicants (seed ${options.seed})`,
  );
  // Warm up both (module loading, JIT) on a small instance first.
  solveAllocation(
    generateAllocationProblem({ seed: 99, applications: 50, perDistrict: 1, firstTimeShare: 0.2 }),
  );
  await solveWithHighs(buildModel(generateAllocationProblem({ seed: 99, applications: 50 })));

  const result = solveAllocation(problem, { timeLimitSeconds: 30 });
  const funded = result.decisions.filter((d) => d.funding !== 'none').length;
  console.log(
    `branch and bound: ${result.status}, ${result.seconds.toFixed(3)} s, objective ${result.objective}, bound ${result.bound}, gap ${(result.gap * 100).toFixed(4)} %, ${funded} funded, ${result.spent} € — goal: proven optimum ≤ ${GOAL_SECONDS} s: ${result.status === 'optimal' && result.seconds <= GOAL_SECONDS ? 'met' : 'NOT met'}`,
  );
  const started = performance.now();
  const highs = await solveWithHighs(buildModel(problem), { timeLimitSeconds: options.highsLimit });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `HiGHS (same instance): ${highs.status}, ${seconds.toFixed(3)} s, objective ${highs.objective.toFixed(6)}${highs.status === 'optimal' ? `; same optimum: ${Math.abs(highs.objective - result.objective) < 1e-4 ? 'yes' : 'NO'}` : ''}`,
  );
}
