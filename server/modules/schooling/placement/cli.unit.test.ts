import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../../../test/process.ts';
import { generatePlacementProblem } from './generate.ts';
import { assignSeats, evaluatePlacement, type PlacementResult, parsePlacementProblem } from './index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lotse-place-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function place(args: string[]): Promise<{ code: number | null; output: string }> {
  const run = runMain(['place', ...args], {});
  const code = await run.exited;
  return { code, output: run.output() };
}

function file(name: string, content: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
}

const valid = {
  schools: [
    {
      id: 's1',
      location: { lat: 51.49, lon: 6.74 },
      seats: [{ form: 'gesamtschule', gradeFrom: 5, gradeTo: 6, kind: 'support', free: 3 }],
    },
  ],
  children: [
    {
      id: 'c1',
      grade: 5,
      forms: ['gesamtschule', 'realschule'],
      kind: 'support',
      home: { lat: 51.48, lon: 6.77 },
      waitingWeeks: 6,
      familyId: 'f1',
      preferredSchoolId: 's1',
    },
  ],
};

describe('npm run lotse -- place', () => {
  it('solves a valid problem file and writes the result (exit 0)', async () => {
    const problem = generatePlacementProblem({ seed: 5, children: 80, schools: 8 });
    const input = file('city.json', JSON.stringify(problem));
    const output = path.join(dir, 'result.json');
    const { code, output: text } = await place(['--in', input, '--out', output]);
    expect(code, text).toBe(0);
    const result = JSON.parse(readFileSync(output, 'utf8')) as PlacementResult;
    expect(Object.keys(result).sort()).toEqual([
      'bound',
      'gap',
      'objective',
      'placements',
      'seconds',
      'unplaced',
    ]);
    expect(result.gap).toBe(0);
    const parsed = parsePlacementProblem(problem);
    expect(() => assignSeats(parsed, result.placements)).not.toThrow();
    expect(result.objective).toBeCloseTo(evaluatePlacement(parsed, result.placements).objective, 6);
    expect(result.placements.length + result.unplaced.length).toBe(80);
    expect(text).toContain('Proven optimal');
  });

  it('says what the result means when the time limit stops it before the proof', async () => {
    const problem = generatePlacementProblem({ seed: 6, children: 600, schools: 20 });
    const output = path.join(dir, 'early.json');
    const { code, output: text } = await place([
      '--in',
      file('big.json', JSON.stringify(problem)),
      '--out',
      output,
      '--time-limit',
      '0.001',
    ]);
    expect(code, text).toBe(0);
    const result = JSON.parse(readFileSync(output, 'utf8')) as PlacementResult;
    expect(result.gap).toBeGreaterThan(0);
    expect(result.bound).toBeLessThan(result.objective);
    expect(text).toContain('Stopped at the time limit before the proof');
    expect(text).toContain(`at most ${(result.gap * 100).toFixed(3)} % above the optimum`);
    const parsed = parsePlacementProblem(problem);
    expect(() => assignSeats(parsed, result.placements)).not.toThrow();
  });

  it('solves the contract example', async () => {
    const output = path.join(dir, 'example.json');
    const { code } = await place(['--in', file('example.json', JSON.stringify(valid)), '--out', output]);
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(output, 'utf8')) as PlacementResult;
    expect(result.placements).toEqual([{ childId: 'c1', schoolId: 's1' }]);
    expect(result.unplaced).toEqual([]);
  });

  const invalid: [string, string, RegExp][] = [
    ['bad JSON', '{"schools": [', /not valid JSON/],
    [
      'wrong type',
      JSON.stringify({ ...valid, children: [{ ...valid.children[0], grade: 'five' }] }),
      /children\[0\]\.grade: must be a number/,
    ],
    [
      'gradeFrom > gradeTo',
      JSON.stringify({
        ...valid,
        schools: [
          {
            ...valid.schools[0],
            seats: [{ form: 'gesamtschule', gradeFrom: 7, gradeTo: 6, kind: 'support', free: 1 }],
          },
        ],
      }),
      /schools\[0\]\.seats\[0\]\.gradeTo: must not be below gradeFrom/,
    ],
    [
      'unknown kind',
      JSON.stringify({
        ...valid,
        schools: [
          {
            ...valid.schools[0],
            seats: [{ form: 'gesamtschule', gradeFrom: 5, gradeTo: 6, kind: 'evening', free: 1 }],
          },
        ],
      }),
      /schools\[0\]\.seats\[0\]\.kind: must be one of support, regular/,
    ],
    [
      'unknown form',
      JSON.stringify({ ...valid, children: [{ ...valid.children[0], forms: ['waldorf'] }] }),
      /children\[0\]\.forms\[0\]: must be one of/,
    ],
    [
      'negative free',
      JSON.stringify({
        ...valid,
        schools: [
          {
            ...valid.schools[0],
            seats: [{ form: 'gesamtschule', gradeFrom: 5, gradeTo: 6, kind: 'support', free: -2 }],
          },
        ],
      }),
      /schools\[0\]\.seats\[0\]\.free: must be at least 0/,
    ],
    ['missing children', JSON.stringify({ schools: [] }), /children: must be an array/],
  ];

  for (const [name, content, message] of invalid) {
    it(`refuses ${name} with the path of the first wrong field (exit 2)`, async () => {
      const output = path.join(dir, `never-${name}.json`);
      const { code, output: text } = await place(['--in', file(`${name}.json`, content), '--out', output]);
      expect(code).toBe(2);
      expect(text).toMatch(message);
      expect(() => readFileSync(output)).toThrow();
    });
  }

  it('refuses a missing file and missing arguments (exit 2)', async () => {
    const missing = await place(['--in', path.join(dir, 'nope.json'), '--out', path.join(dir, 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.output).toMatch(/nope\.json: cannot read \(ENOENT\)/);
    const usage = await place(['--in', path.join(dir, 'nope.json')]);
    expect(usage.code).toBe(2);
    expect(usage.output).toMatch(/usage: npm run lotse -- place --in problem\.json --out result\.json/);
  });
});
