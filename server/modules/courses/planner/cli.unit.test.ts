import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../../../test/process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lotse-plan-courses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function planCourses(args: string[]): Promise<{ code: number | null; output: string }> {
  const run = runMain(['plan-courses', ...args], {});
  const code = await run.exited;
  return { code, output: run.output() };
}

const marxloh = { lat: 51.503, lon: 6.779 };
const demand = {
  groups: 1,
  groupSize: 14,
  demand: [
    { id: 'marxloh-ro', ortsteil: 'Marxloh', point: marxloh, language: 'ro', childcare: true, persons: 20 },
    {
      id: 'obermarxloh-ro',
      ortsteil: 'Obermarxloh',
      point: marxloh,
      language: 'ro',
      childcare: false,
      persons: 11,
    },
  ],
  places: [{ id: 'kita-1', name: 'Kita Marxloh', point: marxloh, rooms: 1, childcarePlaces: 6 }],
};

describe('npm run lotse -- plan-courses', () => {
  it('writes the plan with its objective, bound, gap and seconds', async () => {
    const input = path.join(dir, 'demand.json');
    const output = path.join(dir, 'plan.json');
    writeFileSync(input, JSON.stringify(demand));
    const run = await planCourses(['--in', input, '--out', output]);
    expect(run.code).toBe(0);
    expect(run.output).toContain('Proven optimal');
    const plan = JSON.parse(readFileSync(output, 'utf8'));
    expect(plan).toMatchObject({ objective: 14, bound: 14, gap: 0, status: 'optimal' });
    expect(plan.seconds).toBeGreaterThanOrEqual(0);
    expect(plan.proposals[0]).toMatchObject({
      place: 'kita-1',
      language: 'ro',
      placed: 14,
      childcarePlaced: 6,
    });
  });

  it('exits with code 2 naming the wrong field of an invalid demand file', async () => {
    const input = path.join(dir, 'wrong.json');
    writeFileSync(input, JSON.stringify({ ...demand, places: [{ ...demand.places[0], rooms: -1 }] }));
    const run = await planCourses(['--in', input, '--out', path.join(dir, 'never.json')]);
    expect(run.code).toBe(2);
    expect(run.output).toContain('places[0].rooms');
  });
});
