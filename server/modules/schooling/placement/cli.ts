/** `npm run lotse -- place --in problem.json --out result.json`: the placement as a file interface. */
import { readFileSync, writeFileSync } from 'node:fs';
import { ProblemError, parsePlacementProblem } from './parse.ts';
import { solvePlacement } from './solve.ts';

const USAGE = 'usage: npm run lotse -- place --in problem.json --out result.json [--time-limit SECONDS]';

/** Runs the command; returns the exit code (0 solved, 2 wrong arguments or an invalid problem file). */
export function runPlaceCommand(args: string[]): number {
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
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (error) {
    console.error(`${input}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    console.error(`${input}: not valid JSON (${(error as Error).message})`);
    return 2;
  }
  let problem: ReturnType<typeof parsePlacementProblem>;
  try {
    problem = parsePlacementProblem(json);
  } catch (error) {
    if (error instanceof ProblemError) {
      console.error(`${input}: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const result = solvePlacement(problem, timeLimitSeconds === undefined ? {} : { timeLimitSeconds });
  writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `${result.placements.length} placed, ${result.unplaced.length} unplaced; objective ${result.objective.toFixed(2)}, bound ${result.bound.toFixed(2)}, gap ${result.gap}, ${result.seconds.toFixed(2)} s → ${output}`,
  );
  console.log(
    result.gap === 0
      ? 'Proven optimal: no placement has a lower objective.'
      : `Stopped at the time limit before the proof: the placement keeps every hard rule, no placement has an objective below ${result.bound.toFixed(2)}, so this one is at most ${(result.gap * 100).toFixed(3)} % above the optimum (a longer --time-limit may lower the objective or raise the bound).`,
  );
  return 0;
}
