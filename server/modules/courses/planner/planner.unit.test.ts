import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../../core/geo.ts';
import { generatePlanProblem, type Ortsteil } from './generate.ts';
import { loadHighs, solveMip } from './mip.ts';
import { buildModel, lagrangianBound, placeInGroups } from './model.ts';
import { greedyPlan, improvePlan } from './solve.ts';
import { ProblemError, parsePlanProblem, type PlanProblem, solvePlan } from './index.ts';

const districts = JSON.parse(readFileSync('cities/duisburg/districts.json', 'utf8')) as {
  districts: { ortsteile: Ortsteil[] }[];
};
const ORTSTEILE = districts.districts.flatMap((d) =>
  d.ortsteile.map((o) => ({ name: o.name, centre: o.centre })),
);

/** The most persons placed in the given groups per (place, language): an independent augmenting-path flow. */
function referenceFlow(problem: PlanProblem, groups: Map<string, number>): number {
  const keys = [...groups.keys()];
  const n = 2 + problem.demand.length + 2 * keys.length;
  const cap = new Float64Array(n * n);
  const placeOf = (key: string) => problem.places.find((p) => `${p.id}|` === key.slice(0, p.id.length + 1));
  problem.demand.forEach((d, i) => {
    cap[2 + i] = d.persons;
    keys.forEach((key, k) => {
      const place = placeOf(key);
      if (!place || !key.endsWith(`|${d.language}`)) return;
      const limit = d.childcare ? problem.travelKm.childcare : problem.travelKm.other;
      if (greatCircleKm(d.point, place.point) > limit) return;
      const cc = 2 + problem.demand.length + 2 * k;
      cap[(2 + i) * n + (d.childcare ? cc : cc + 1)] = 1e9;
    });
  });
  keys.forEach((key, k) => {
    const y = groups.get(key) ?? 0;
    const cc = 2 + problem.demand.length + 2 * k;
    cap[cc * n + cc + 1] = (placeOf(key)?.childcarePlaces ?? 0) * y;
    cap[(cc + 1) * n + 1] = problem.groupSize * y;
  });
  let total = 0;
  for (;;) {
    const prev = new Int32Array(n).fill(-1);
    prev[0] = 0;
    const queue = [0];
    for (let q = 0; q < queue.length && prev[1] === -1; q++) {
      const v = queue[q] as number;
      for (let w = 0; w < n; w++) {
        if (prev[w] === -1 && (cap[v * n + w] as number) > 0) {
          prev[w] = v;
          queue.push(w);
        }
      }
    }
    if (prev[1] === -1) return total;
    let f = Infinity;
    for (let w = 1; w !== 0; w = prev[w] as number)
      f = Math.min(f, cap[(prev[w] as number) * n + w] as number);
    for (let w = 1; w !== 0; w = prev[w] as number) {
      const v = prev[w] as number;
      cap[v * n + w] = (cap[v * n + w] as number) - f;
      cap[w * n + v] = (cap[w * n + v] as number) + f;
    }
    total += f;
  }
}

/** Every plan within the budget, rooms, fixed and forbidden places: the best number placed. */
function exhaustive(problem: PlanProblem): number {
  const languages = [...new Set(problem.demand.map((d) => d.language))];
  const slots = problem.places.flatMap((p) =>
    p.status === 'forbidden' ? [] : languages.map((l) => ({ place: p, key: `${p.id}|${l}` })),
  );
  let best = 0;
  const groups = new Map<string, number>();
  const visit = (s: number, left: number) => {
    if (s === slots.length) {
      const ok = problem.places.every((p) => {
        const used = languages.reduce((sum, l) => sum + (groups.get(`${p.id}|${l}`) ?? 0), 0);
        return used <= p.rooms && (p.status !== 'fixed' || used >= 1);
      });
      if (ok) best = Math.max(best, referenceFlow(problem, new Map([...groups].filter(([, y]) => y > 0))));
      return;
    }
    const slot = slots[s];
    if (!slot) return;
    for (let y = 0; y <= Math.min(left, slot.place.rooms); y++) {
      groups.set(slot.key, y);
      visit(s + 1, left - y);
    }
    groups.delete(slot.key);
  };
  visit(0, problem.groups);
  return best;
}

function small(seed: number): PlanProblem {
  const problem = generatePlanProblem({
    seed,
    ortsteile: ORTSTEILE.slice(seed % 30, (seed % 30) + 6),
    persons: 20 + (seed % 4) * 15,
    places: 4,
    groups: 2 + (seed % 2),
    groupSize: 6,
    languages: ['ro', 'bg'],
    childcareShare: 0.4,
  });
  problem.places.forEach((place, j) => {
    place.rooms = j === 0 ? Math.min(place.rooms, 2) : 1;
  });
  if (seed % 4 === 1 && problem.places[0]) problem.places[0].status = 'fixed';
  if (seed % 4 === 2 && problem.places[1]) problem.places[1].status = 'forbidden';
  return problem;
}

describe('the course planner', () => {
  it('places as many waiting persons as the best of every possible plan on small instances', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const problem = small(seed);
      const result = await solvePlan(problem);
      expect({ seed, placed: result.objective }).toEqual({ seed, placed: exhaustive(problem) });
      expect(result.gap).toBe(0);
      expect(result.bound).toBe(result.objective);
    }
  });

  it('keeps a fixed place open, a forbidden place closed and never exceeds the budget, rooms or childcare places', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const problem = small(seed);
      const result = await solvePlan(problem);
      const groups = result.proposals.reduce((sum, p) => sum + p.groups, 0);
      expect(groups).toBeLessThanOrEqual(problem.groups);
      for (const place of problem.places) {
        const here = result.proposals.filter((p) => p.place === place.id);
        const opened = here.reduce((sum, p) => sum + p.groups, 0);
        if (place.status === 'fixed') expect(opened).toBeGreaterThanOrEqual(1);
        if (place.status === 'forbidden') expect(opened).toBe(0);
        expect(opened).toBeLessThanOrEqual(place.rooms);
        for (const p of here) {
          expect(p.placed).toBeLessThanOrEqual(p.groups * problem.groupSize);
          expect(p.childcarePlaced).toBeLessThanOrEqual(p.groups * place.childcarePlaces);
        }
      }
    }
  });

  it('finds the same optimum as HiGHS on the plain model on medium instances', async () => {
    const highs = await loadHighs();
    for (const seed of [3, 7]) {
      const problem = generatePlanProblem({
        seed,
        ortsteile: ORTSTEILE.slice(0, 12),
        persons: 200,
        places: 24,
        groups: 6,
        childcareShare: 0.5,
      });
      const result = await solvePlan(problem, { timeLimitSeconds: 20 });
      const reference = solveMip(highs, buildModel(problem), 20, null, false);
      expect(reference.optimal).toBe(true);
      expect(result.objective).toBe(Math.round(reference.objective));
      expect(result.gap).toBe(0);
    }
  });

  it('keeps its bound at or above the best plan and its swapped plan at or below it, also where most need childcare', async () => {
    const highs = await loadHighs();
    for (let seed = 1; seed <= 10; seed++) {
      const problem = small(seed);
      const best = exhaustive(problem);
      const m = buildModel(problem);
      expect({ seed, bound: lagrangianBound(m, 0, Number.POSITIVE_INFINITY) >= best }).toEqual({
        seed,
        bound: true,
      });
      const open = greedyPlan(m);
      const improved = improvePlan(m, open, placeInGroups(m, open), Number.POSITIVE_INFINITY, best);
      expect(improved.placed.value).toBeLessThanOrEqual(best);
    }
    // a scarce medium instance (most need childcare) where HiGHS proves the optimum
    const problem = generatePlanProblem({
      seed: 11,
      ortsteile: ORTSTEILE.slice(0, 12),
      persons: 160,
      places: 24,
      groups: 8,
      childcareShare: 0.6,
    });
    const reference = solveMip(highs, buildModel(problem), 20, null, false);
    expect(reference.optimal).toBe(true);
    const optimum = Math.round(reference.objective);
    expect(lagrangianBound(buildModel(problem), 0, Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(optimum);
    const result = await solvePlan(problem, { timeLimitSeconds: 20 });
    expect(result.objective).toBe(optimum);
    expect(result.bound).toBe(optimum);
  });

  it('explains a proposal with the Ortsteile, the persons placed and the nearest course of that language', async () => {
    const marxloh = { lat: 51.503, lon: 6.779 };
    const result = await solvePlan(
      parsePlanProblem({
        groups: 1,
        groupSize: 14,
        demand: [
          { id: 'm', ortsteil: 'Marxloh', point: marxloh, language: 'ro', childcare: true, persons: 20 },
          {
            id: 'o',
            ortsteil: 'Obermarxloh',
            point: { lat: 51.507, lon: 6.77 },
            language: 'ro',
            childcare: false,
            persons: 11,
          },
        ],
        places: [{ id: 'k', name: 'Kita Marxloh', point: marxloh, rooms: 1, childcarePlaces: 6 }],
        existingCourses: [{ point: { lat: 51.466, lon: 6.78 }, language: 'ro' }],
      }),
    );
    expect(result.proposals).toEqual([
      expect.objectContaining({
        placeName: 'Kita Marxloh',
        language: 'ro',
        places: 14,
        placed: 14,
        childcarePlaced: 6,
        waitingInReach: 31,
        ortsteile: ['Obermarxloh', 'Marxloh'],
        served: [
          { demand: 'o', persons: 8 },
          { demand: 'm', persons: 6 },
        ],
        nearestExistingKm: 4.1,
      }),
    ]);
  });

  it('names the first wrong field of a problem', () => {
    const wrong = (json: unknown) => {
      try {
        parsePlanProblem(json);
      } catch (error) {
        return error instanceof ProblemError ? error.path : 'other';
      }
      return 'none';
    };
    const base = { groups: 1, groupSize: 10, demand: [], places: [] };
    expect(wrong({ ...base, groups: -1 })).toBe('groups');
    expect(
      wrong({
        ...base,
        demand: [
          {
            id: 'a',
            ortsteil: 'X',
            point: { lat: 99, lon: 6 },
            language: 'ro',
            childcare: false,
            persons: 1,
          },
        ],
      }),
    ).toBe('demand[0].point.lat');
    expect(
      wrong({
        ...base,
        places: [{ id: 'p', name: 'P', point: { lat: 51, lon: 6 }, rooms: 1, childcarePlaces: 11 }],
      }),
    ).toBe('places[0].childcarePlaces');
    expect(wrong({ ...base, extra: 1 })).toBe('(root)');
  });
});
