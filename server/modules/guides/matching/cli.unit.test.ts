import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../../../test/process.ts';
import { generateProblem } from './generate.ts';
import { checkAssignments, type MatchingResult, parseMatchingProblem } from './index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lotse-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function match(args: string[]): Promise<{ code: number | null; output: string }> {
  // no DATABASE_URL, no DATA_DIR, no city: the command needs none of them
  const run = runMain(['match', ...args], {});
  const code = await run.exited;
  return { code, output: run.output() };
}

function file(name: string, content: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
}

describe('npm run lotse -- match', () => {
  it('solves a valid problem file and writes result.json (exit 0)', async () => {
    const problem = generateProblem({ seed: 11, requests: 120, guides: 40 });
    const input = file('problem.json', JSON.stringify(problem));
    const output = path.join(dir, 'result.json');
    const { code, output: text } = await match(['--in', input, '--out', output, '--time-limit', '2']);
    expect(code, text).toBe(0);
    expect(text).toMatch(/assigned, \d+ unassigned; objective/);
    const result = JSON.parse(readFileSync(output, 'utf8')) as MatchingResult;
    expect(Object.keys(result).sort()).toEqual([
      'assignments',
      'bound',
      'gap',
      'objective',
      'seconds',
      'unassigned',
    ]);
    expect(result.assignments.length + result.unassigned.length).toBe(120);
    expect(checkAssignments(parseMatchingProblem(problem), result.assignments)).toEqual([]);
    expect(result.bound).toBeLessThanOrEqual(result.objective);
  });

  const invalid: [string, string, RegExp][] = [
    ['bad JSON', '{"guides": [', /not valid JSON/],
    ['not an object', '[]', /\(file\): must be an object/],
    ['wrong type', '{"guides": {}, "requests": []}', /guides: must be an array/],
    [
      'window ending before it starts',
      JSON.stringify({
        guides: [
          {
            id: 'g1',
            languages: ['ar'],
            home: { lat: 51.4, lon: 6.7 },
            maxAssignments: 2,
            availability: [{ start: '2026-12-07T16:00:00+01:00', end: '2026-12-07T08:00:00+01:00' }],
            validUntil: '2027-01-01',
          },
        ],
        requests: [],
      }),
      /guides\[0\]\.availability\[0\]\.end: must be after start/,
    ],
    [
      'negative duration',
      JSON.stringify({
        guides: [],
        requests: [
          {
            id: 'r1',
            language: 'ar',
            start: '2026-12-07T09:30:00+01:00',
            durationMinutes: -60,
            place: { lat: 51.43, lon: 6.76 },
            topic: 'health',
          },
        ],
      }),
      /requests\[0\]\.durationMinutes: must be greater than 0/,
    ],
    ['unknown key', '{"guides": [], "requests": [], "weigths": {}}', /weigths: unknown field/],
  ];

  for (const [name, content, message] of invalid) {
    it(`refuses ${name} with the field on stderr (exit 2)`, async () => {
      const input = file(`${name.replaceAll(' ', '-')}.json`, content);
      const output = path.join(dir, `${name}.out.json`);
      const { code, output: text } = await match(['--in', input, '--out', output]);
      expect(code).toBe(2);
      expect(text).toMatch(message);
      expect(() => readFileSync(output)).toThrow();
    });
  }

  it('refuses a missing file and missing arguments (exit 2)', async () => {
    const missing = await match(['--in', path.join(dir, 'nope.json'), '--out', path.join(dir, 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.output).toMatch(/nope\.json: cannot read the problem file \(ENOENT\)/);
    const usage = await match(['--in', path.join(dir, 'problem.json')]);
    expect(usage.code).toBe(2);
    expect(usage.output).toMatch(/usage: npm run lotse -- match --in problem\.json --out result\.json/);
  });
});
