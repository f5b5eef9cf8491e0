/**
 * The solver against references: an exhaustive search written here from the contract (independent of the
 * solver's code), and HiGHS solving the plain MIP. Random instances from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { generateProblem, MATCHING_FAMILIES, prng } from './generate.ts';
import {
  checkAssignments,
  greedyBaseline,
  type MatchingProblem,
  type MatchingResult,
  solveMatching,
} from './index.ts';
import { solveReferenceMip } from './mip.ts';
import { buildModel } from './model.ts';
import { startingBound } from './solve.ts';

// ---- the contract, written out again without the solver's code ----------------------------------------------

const minutes = (iso: string) => Date.parse(iso) / 60_000;

function travel(a: { lat: number; lon: number }, b: { lat: number; lon: number }, speedKmh: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return ((2 * 6371.0088 * Math.asin(Math.sqrt(h))) / speedKmh) * 60;
}

function mayTake(problem: MatchingProblem, g: number, r: number): boolean {
  const guide = problem.guides[g];
  const request = problem.requests[r];
  if (!guide || !request) return false;
  const start = minutes(request.start);
  const end = start + request.durationMinutes;
  return (
    guide.languages.includes(request.language) &&
    (request.dialect === null || guide.dialects.includes(request.dialect)) &&
    guide.availability.some((w) => minutes(w.start) <= start && end <= minutes(w.end)) &&
    !guide.topicsRefused.includes(request.topic) &&
    (request.genderRequired === null || request.genderRequired === guide.gender) &&
    (guide.validUntil === null || guide.validUntil >= request.start.slice(0, 10))
  );
}

function conflict(problem: MatchingProblem, a: number, b: number): boolean {
  const ra = problem.requests[a];
  const rb = problem.requests[b];
  if (!ra || !rb) return true;
  const t = travel(ra.place, rb.place, problem.weights.speedKmh);
  const endA = minutes(ra.start) + ra.durationMinutes;
  const endB = minutes(rb.start) + rb.durationMinutes;
  return endA + t > minutes(rb.start) && endB + t > minutes(ra.start);
}

/** The objective of an assignment (request index → guide index or −1) from the contract. */
function objective(problem: MatchingProblem, guideOf: number[]): number {
  const { weights } = problem;
  const counts = new Map<number, number>();
  let total = 0;
  guideOf.forEach((g, r) => {
    const request = problem.requests[r];
    if (!request) return;
    if (g < 0) {
      total += weights.unassigned * (1 + request.urgency);
      return;
    }
    const guide = problem.guides[g];
    if (!guide) return;
    const k = (counts.get(g) ?? 0) + 1;
    counts.set(g, k);
    total += travel(guide.home, request.place, weights.speedKmh) + weights.loadStep * (k - 1);
    if (request.previousGuideIds.includes(guide.id)) total -= weights.continuity;
  });
  return total;
}

/** Every assignment, tried: the optimum of a tiny problem. */
function exhaustive(problem: MatchingProblem): number {
  const nR = problem.requests.length;
  const guideOf: number[] = new Array(nR).fill(-1);
  const held: number[][] = problem.guides.map(() => []);
  let best = Number.POSITIVE_INFINITY;
  const visit = (r: number) => {
    if (r === nR) {
      best = Math.min(best, objective(problem, guideOf));
      return;
    }
    guideOf[r] = -1;
    visit(r + 1);
    problem.guides.forEach((guide, g) => {
      const mine = held[g] as number[];
      if (!mayTake(problem, g, r) || mine.length >= guide.maxAssignments) return;
      if (mine.some((other) => conflict(problem, other, r))) return;
      mine.push(r);
      guideOf[r] = g;
      visit(r + 1);
      mine.pop();
      guideOf[r] = -1;
    });
  };
  visit(0);
  return best;
}

function indexed(problem: MatchingProblem, result: MatchingResult): number[] {
  const guideIndex = new Map(problem.guides.map((g, i) => [g.id, i]));
  const requestIndex = new Map(problem.requests.map((r, i) => [r.id, i]));
  const guideOf: number[] = new Array(problem.requests.length).fill(-1);
  for (const a of result.assignments)
    guideOf[requestIndex.get(a.requestId) as number] = guideIndex.get(a.guideId) as number;
  return guideOf;
}

/** A small, crowded problem: few guides, requests on one or two days, so conflicts and limits bite. */
function tiny(seed: number, requests: number, guides: number): MatchingProblem {
  const problem = generateProblem({ seed, requests, guides });
  const random = prng(seed * 7 + 1);
  // squeeze everything into two days and two languages so that guides compete
  for (const r of problem.requests) {
    r.language = random() < 0.7 ? 'ar' : 'tr';
    r.start = `2026-12-0${7 + Math.floor(random() * 2)}T${String(8 + Math.floor(random() * 8)).padStart(2, '0')}:${random() < 0.5 ? '00' : '30'}:00+01:00`;
    r.dialect = random() < 0.15 ? 'ar-levantine' : null;
    if (r.language !== 'ar') r.dialect = null;
    r.previousGuideIds = random() < 0.3 ? [`g${1 + Math.floor(random() * guides)}`] : [];
  }
  for (const g of problem.guides) {
    g.languages = random() < 0.7 ? ['ar'] : random() < 0.5 ? ['tr'] : ['ar', 'tr'];
    g.dialects = random() < 0.5 ? ['ar-levantine'] : [];
    g.maxAssignments = 1 + Math.floor(random() * 3);
    g.availability = [
      { start: '2026-12-07T08:00:00+01:00', end: `2026-12-07T${random() < 0.5 ? '13' : '18'}:00:00+01:00` },
      { start: `2026-12-08T${random() < 0.5 ? '08' : '12'}:00:00+01:00`, end: '2026-12-08T18:00:00+01:00' },
    ];
  }
  return problem;
}

describe('optimality on small instances', () => {
  it('matches an exhaustive search and proves it (gap 0, bound = optimum)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const problem = tiny(seed, 6 + (seed % 3), 2 + (seed % 2));
      const optimum = exhaustive(problem);
      const result = solveMatching(problem);
      expect(checkAssignments(problem, result.assignments), `seed ${seed}`).toEqual([]);
      // the reported objective is the objective of the reported assignments
      expect(result.objective, `seed ${seed}`).toBeCloseTo(objective(problem, indexed(problem, result)), 4);
      expect(result.objective, `seed ${seed}`).toBeCloseTo(optimum, 4);
      expect(result.bound, `seed ${seed}`).toBeLessThanOrEqual(optimum + 1e-6);
      expect(result.gap, `seed ${seed}`).toBe(0);
      // every request is either assigned or unassigned with reasons
      expect(result.assignments.length + result.unassigned.length).toBe(problem.requests.length);
      for (const u of result.unassigned) expect(u.reasons.length).toBeGreaterThan(0);
    }
  });

  it('agrees with HiGHS on the plain MIP; the bound never exceeds the optimum', async () => {
    for (let seed = 101; seed <= 106; seed++) {
      // larger than the exhaustive search inside the solver handles: the Lagrangian path runs
      const problem = tiny(seed, 60, 14);
      const model = buildModel(problem);
      const mip = await solveReferenceMip(model, 120);
      expect(mip.status).toBe('Optimal');
      const result = solveMatching(problem, { timeLimitSeconds: 2 });
      expect(checkAssignments(problem, result.assignments)).toEqual([]);
      const own = objective(problem, indexed(problem, result));
      expect(result.objective).toBeCloseTo(own, 4);
      expect(result.bound).toBeLessThanOrEqual(mip.objective + 1e-6);
      expect(result.objective).toBeGreaterThanOrEqual(mip.objective - 1e-6);
      expect(result.gap).toBeCloseTo(
        (result.objective - result.bound) / Math.max(1, Math.abs(result.objective)),
        6,
      );
      // within 2 % of the optimum on these crowded instances, and proven within the reported gap
      expect((result.objective - mip.objective) / mip.objective).toBeLessThanOrEqual(0.02);
    }
  });

  it('finds and proves the HiGHS optimum on medium instances from the benchmark generator', async () => {
    // a fifth of a week's requests with a fifth of the guides: one large component, so the Lagrangian bound,
    // its starting prices and both step phases run; the time limit is far above what these need
    for (const seed of [301, 302, 303]) {
      const problem = generateProblem({ seed, requests: 400, guides: 100 });
      const mip = await solveReferenceMip(buildModel(problem), 120);
      expect(mip.status, `seed ${seed}`).toBe('Optimal');
      const result = solveMatching(problem, { timeLimitSeconds: 30 });
      expect(checkAssignments(problem, result.assignments), `seed ${seed}`).toEqual([]);
      expect(result.objective, `seed ${seed}`).toBeCloseTo(objective(problem, indexed(problem, result)), 4);
      expect(result.bound, `seed ${seed}`).toBeLessThanOrEqual(mip.objective + 1e-6);
      expect(result.objective, `seed ${seed}`).toBeCloseTo(mip.objective, 4);
      expect(result.gap, `seed ${seed}`).toBeLessThanOrEqual(1e-6);
    }
  });

  it('does at least as well as first-come, first-served', () => {
    for (let seed = 201; seed <= 205; seed++) {
      const problem = tiny(seed, 40, 8);
      const greedy = greedyBaseline(problem);
      const result = solveMatching(problem, { timeLimitSeconds: 1 });
      expect(checkAssignments(problem, greedy.assignments)).toEqual([]);
      expect(greedy.objective).toBeCloseTo(objective(problem, indexed(problem, greedy)), 4);
      expect(result.objective).toBeLessThanOrEqual(greedy.objective + 1e-6);
      expect(greedy.coverage).toBeCloseTo(greedy.assignments.length / problem.requests.length, 9);
    }
  });

  it('gives an empty problem objective 0 and a problem without guides the full penalty', () => {
    const empty = solveMatching({
      weights: generateProblem({ requests: 0, guides: 0 }).weights,
      guides: [],
      requests: [],
    });
    expect(empty).toMatchObject({ assignments: [], unassigned: [], objective: 0, bound: 0, gap: 0 });
    const problem = generateProblem({ seed: 3, requests: 5, guides: 0 });
    const alone = solveMatching(problem);
    const penalty = problem.requests.reduce((sum, r) => sum + 1000 * (1 + r.urgency), 0);
    expect(alone.objective).toBeCloseTo(penalty, 6);
    expect(alone.bound).toBeCloseTo(penalty, 6);
    expect(alone.unassigned.every((u) => u.reasons.includes('no_language'))).toBe(true);
  });
});

describe('every family of instances (tight, loose, languages, geography, windows, continuity, unassignable)', () => {
  it('finds the optimum of an exhaustive search on small instances of every family, and proves it', () => {
    for (const name of Object.keys(MATCHING_FAMILIES)) {
      for (let seed = 1; seed <= 4; seed++) {
        // a handful of requests and guides in one day's market, so that they meet
        const problem = generateProblem({ seed, requests: 7, guides: 3, ...MATCHING_FAMILIES[name] });
        for (const r of problem.requests) r.start = `2026-12-07${r.start.slice(10)}`;
        const optimum = exhaustive(problem);
        const result = solveMatching(problem);
        expect(checkAssignments(problem, result.assignments), `${name}/${seed}`).toEqual([]);
        expect(result.objective, `${name}/${seed}`).toBeCloseTo(
          objective(problem, indexed(problem, result)),
          4,
        );
        expect(result.objective, `${name}/${seed}`).toBeCloseTo(optimum, 4);
        expect(result.bound, `${name}/${seed}`).toBeLessThanOrEqual(optimum + 1e-6);
        expect(result.gap, `${name}/${seed}`).toBe(0);
      }
    }
  });

  it('finds the HiGHS optimum on 150-request instances of every family; its bound, also when stopped early, never exceeds it', async () => {
    for (const name of Object.keys(MATCHING_FAMILIES)) {
      const problem = generateProblem({ seed: 11, requests: 150, guides: 40, ...MATCHING_FAMILIES[name] });
      const mip = await solveReferenceMip(buildModel(problem), 120);
      expect(mip.status, name).toBe('Optimal');
      const result = solveMatching(problem, { timeLimitSeconds: 3 });
      expect(checkAssignments(problem, result.assignments), name).toEqual([]);
      expect(result.objective, name).toBeCloseTo(objective(problem, indexed(problem, result)), 4);
      expect(result.objective, name).toBeCloseTo(mip.objective, 4);
      expect(result.bound, name).toBeLessThanOrEqual(mip.objective + 1e-6);
      const early = solveMatching(problem, { timeLimitSeconds: 0.02 });
      expect(checkAssignments(problem, early.assignments), `${name} stopped early`).toEqual([]);
      expect(early.bound, `${name} stopped early`).toBeLessThanOrEqual(mip.objective + 1e-6);
      expect(early.objective, `${name} stopped early`).toBeGreaterThanOrEqual(mip.objective - 1e-6);
    }
  });

  it('gives small language groups a bound within 0.1 % of their optimum even when stopped at once', async () => {
    // six groups of 36 requests and 6 guides, each in its own language (a component each): their share of a
    // short time limit is a few microseconds; they used to keep the starting bound (a third to a half of the
    // optimum), which in a week of many languages left a gap of 19 % beside a large group closed to 1 %
    for (const seed of [2, 3]) {
      const problem = generateProblem({ seed, requests: 0, guides: 0 });
      for (let k = 0; k < 6; k++) {
        const group = generateProblem({
          seed: seed * 100 + k,
          requests: 36,
          guides: 6,
          ...MATCHING_FAMILIES.tight,
        });
        for (const g of group.guides) {
          problem.guides.push({ ...g, id: `x${k}-${g.id}`, languages: [`x${k}`], dialects: [] });
        }
        for (const r of group.requests) {
          problem.requests.push({
            ...r,
            id: `x${k}-${r.id}`,
            language: `x${k}`,
            dialect: null,
            previousGuideIds: [],
          });
        }
      }
      const mip = await solveReferenceMip(buildModel(problem), 60);
      expect(mip.status, `seed ${seed}`).toBe('Optimal');
      const result = solveMatching(problem, { timeLimitSeconds: 0.001 });
      expect(checkAssignments(problem, result.assignments), `seed ${seed}`).toEqual([]);
      expect(result.bound, `seed ${seed}`).toBeLessThanOrEqual(mip.objective + 1e-6);
      expect(result.bound / mip.objective, `seed ${seed}`).toBeGreaterThanOrEqual(0.999);
    }
  });

  it('starts a week where guides are scarce from a bound within 5 % of the optimum, never above it', async () => {
    // 300 requests for 40 guides at half their usual maxima: most requests stay open, and the best uniform
    // starting price level lies near 0 (far beyond the ten workload steps the search used to stop at)
    for (const seed of [31, 32, 33]) {
      const problem = generateProblem({ seed, requests: 300, guides: 40, ...MATCHING_FAMILIES.tight });
      const mip = await solveReferenceMip(buildModel(problem), 120);
      expect(mip.status, `seed ${seed}`).toBe('Optimal');
      const start = startingBound(problem);
      expect(start, `seed ${seed}`).toBeLessThanOrEqual(mip.objective + 1e-6);
      expect(start / mip.objective, `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
