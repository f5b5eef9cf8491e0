/**
 * `npm run lotse -- allocate --in applications.json --out decision.json [--time-limit SECONDS] [--explain ID]`:
 * the allocation proposal as a file (the format in README.md, "Funding: the allocation as a file"). No database.
 * Exit codes: 0 solved, 2 wrong arguments or an invalid problem file (the message names the first wrong field).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ProblemError, parseAllocationProblem } from './parse.ts';
import { explainFlip, solveAllocation } from './solve.ts';

const USAGE =
  'usage: npm run lotse -- allocate --in applications.json --out decision.json [--time-limit SECONDS] [--explain ID]';

export async function runAllocateCommand(args: string[]): Promise<number> {
  let input: string | undefined;
  let output: string | undefined;
  let timeLimitSeconds = 10;
  const explain: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--in' && value) input = value;
    else if (arg === '--out' && value) output = value;
    else if (arg === '--time-limit' && value && Number(value) > 0) timeLimitSeconds = Number(value);
    else if (arg === '--explain' && value) explain.push(value);
    else return refuse(`unexpected argument "${arg}"\n${USAGE}`);
    i++;
  }
  if (!input || !output) return refuse(USAGE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(input, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(
      code
        ? `${input}: cannot read the file (${code})`
        : `${input}: not valid JSON (${(error as Error).message})`,
    );
  }
  let problem: ReturnType<typeof parseAllocationProblem>;
  try {
    problem = parseAllocationProblem(json);
  } catch (error) {
    if (error instanceof ProblemError) return refuse(`${input}: ${error.path || '(file)'}: ${error.message}`);
    throw error;
  }
  for (const id of explain)
    if (!problem.applications.some((a) => a.id === id)) return refuse(`--explain: no application "${id}"`);
  const result = solveAllocation(problem, { timeLimitSeconds });
  const flips = explain.map((id) => explainFlip(problem, result, id, { timeLimitSeconds }));
  try {
    await writeFile(output, `${JSON.stringify(flips.length ? { ...result, flips } : result, null, 2)}\n`);
  } catch (error) {
    return refuse(`${output}: cannot write the result (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const funded = result.decisions.filter((d) => d.funding !== 'none').length;
  console.log(
    `${result.status}: ${funded} funded (${result.decisions.filter((d) => d.funding === 'cut').length} cut), ${result.spent} of ${problem.budget} €; objective ${result.objective}, bound ${result.bound}, gap ${(result.gap * 100).toFixed(3)} %, ${result.seconds} s → ${output}`,
  );
  return 0;
}

function refuse(message: string): number {
  console.error(message);
  return 2;
}
