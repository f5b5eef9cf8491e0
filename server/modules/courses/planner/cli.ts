/** `npm run lotse -- plan-courses --in demand.json --out plan.json`: the course planner as a file interface. */
import { readFileSync, writeFileSync } from 'node:fs';
import { ProblemError, parsePlanProblem } from './parse.ts';
import { solvePlan } from './solve.ts';

const USAGE = 'usage: npm run lotse -- plan-courses --in demand.json --out plan.json [--time-limit SECONDS]';

/** Runs the command; returns the exit code (0 solved, 2 wrong arguments or an invalid problem file). */
export async function runPlanCoursesCommand(args: string[]): Promise<number> {
  let input: string | undefined;
  let output: string | undefined;
  let timeLimitSeconds: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--in') input = args[++i];
    else if (arg === '--out') output = args[++i];
    else if (arg === '--time-limit') timeLimitSeconds = Number(args[++i]);
    else {
      console.error(`unknown option ${arg}\n${USAGE}`);
      return 2;
    }
  }
  if (!input || !output || (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0))) {
    console.error(USAGE);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(input, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code ? `${input}: cannot read (${code})` : `${input}: not valid JSON (${(error as Error).message})`,
    );
    return 2;
  }
  let problem: ReturnType<typeof parsePlanProblem>;
  try {
    problem = parsePlanProblem(json);
  } catch (error) {
    if (error instanceof ProblemError) {
      console.error(`${input}: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const result = await solvePlan(problem, timeLimitSeconds === undefined ? {} : { timeLimitSeconds });
  writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `${result.proposals.length} proposals, ${result.objective} of ${result.waiting} waiting placed; bound ${result.bound}, gap ${result.gap}, ${result.seconds.toFixed(2)} s → ${output}`,
  );
  console.log(
    result.gap === 0
      ? 'Proven optimal: no plan within the budget places more waiting persons.'
      : `Stopped at the time limit before the proof: no plan places more than ${result.bound} persons.`,
  );
  return 0;
}
