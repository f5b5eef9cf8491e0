/**
 * `npm run lotse -- match --in problem.json --out result.json [--time-limit SECONDS]`: solves a matching problem
 * given as a file (the contract in README.md, "Matching (file interface)"). No database, no city profile.
 * Exit codes: 0 solved, 2 wrong arguments or an invalid problem file (the message names the first wrong field).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ProblemError, parseMatchingProblem } from './parse.ts';
import { solveMatching } from './solve.ts';

const USAGE = 'usage: npm run lotse -- match --in problem.json --out result.json [--time-limit SECONDS]';

export async function runMatchCommand(args: string[]): Promise<number> {
  let input: string | undefined;
  let output: string | undefined;
  let timeLimitSeconds = 5;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--in' && value) input = value;
    else if (arg === '--out' && value) output = value;
    else if (arg === '--time-limit' && value && Number(value) > 0) timeLimitSeconds = Number(value);
    else return refuse(`${arg} ${value ?? ''}`.trim() ? `unexpected argument "${arg}"\n${USAGE}` : USAGE);
    i++;
  }
  if (!input || !output) return refuse(USAGE);
  let text: string;
  try {
    text = await readFile(input, 'utf8');
  } catch (error) {
    return refuse(
      `${input}: cannot read the problem file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refuse(`${input}: not valid JSON (${(error as Error).message})`);
  }
  let problem: ReturnType<typeof parseMatchingProblem>;
  try {
    problem = parseMatchingProblem(json);
  } catch (error) {
    if (error instanceof ProblemError) return refuse(`${input}: ${error.path || '(file)'}: ${error.message}`);
    throw error;
  }
  const result = solveMatching(problem, { timeLimitSeconds });
  try {
    await writeFile(output, `${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    return refuse(`${output}: cannot write the result (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  console.log(
    `${result.assignments.length} assigned, ${result.unassigned.length} unassigned; objective ${result.objective}, bound ${result.bound}, gap ${(result.gap * 100).toFixed(2)} %, ${result.seconds} s → ${output}`,
  );
  return 0;
}

function refuse(message: string): number {
  console.error(message);
  return 2;
}
