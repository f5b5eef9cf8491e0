import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../../../test/process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lotse-allocate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function allocate(args: string[]) {
  const run = runMain(['allocate', ...args], {});
  const code = await run.exited;
  return { code, output: run.output() };
}
function file(name: string, content: unknown): string {
  const at = path.join(dir, name);
  writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
  return at;
}

const valid = {
  budget: 10000,
  floors: { perDistrict: 1, firstTimeShare: 0.2 },
  applications: [
    { id: 'sprachcafe', score: 80, requested: 6000, minimum: 4000, district: 'hamborn', firstTime: false },
    { id: 'fest', score: 60, requested: 5000, minimum: null, district: 'mitte', firstTime: true },
    { id: 'naehen', score: 55, requested: 3000, minimum: 2000, district: 'hamborn', firstTime: true },
  ],
};

describe('npm run lotse -- allocate', () => {
  it('writes the proposal with objective, bound, gap and seconds', async () => {
    const out = path.join(dir, 'decision.json');
    const { code, output } = await allocate([
      '--in',
      file('ok.json', valid),
      '--out',
      out,
      '--explain',
      'fest',
    ]);
    expect(code, output).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result).toMatchObject({ status: 'optimal', gap: 0 });
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['objective', 'bound', 'gap', 'seconds', 'decisions', 'flips']),
    );
    // The festival is Mitte's only application (the district floor); of the 5,000 € left, the sewing workshop
    // in full (55) is worth more than the language café cut to 4,000 € (80 × 4/6 ≈ 53.3).
    expect(result.decisions.map((d: { id: string; funding: string }) => [d.id, d.funding])).toEqual([
      ['sprachcafe', 'none'],
      ['fest', 'full'],
      ['naehen', 'full'],
    ]);
    expect(result.flips[0]).toMatchObject({ id: 'fest', forced: 'none' });
  });

  it('exits with 2 naming the wrong field', async () => {
    const wrong = structuredClone(valid);
    (wrong.applications[2] as { minimum: number }).minimum = 4000;
    const { code, output } = await allocate([
      '--in',
      file('bad.json', wrong),
      '--out',
      path.join(dir, 'x.json'),
    ]);
    expect(code).toBe(2);
    expect(output).toContain('applications.2.minimum');
    const missing = await allocate([
      '--in',
      file('nobudget.json', { ...valid, budget: -1 }),
      '--out',
      path.join(dir, 'y.json'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('budget');
  });
});
