import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../../core/geo.ts';
import { highs } from './highs.ts';
import { generatePlacementProblem, PLACEMENT_FAMILIES, prng } from './generate.ts';
import {
  assignSeats,
  evaluatePlacement,
  explainChild,
  firstComeBaseline,
  type PlacementChild,
  type PlacementProblem,
  type PlacementResult,
  type PlacementSchool,
  parsePlacementProblem,
  ProblemError,
  seatsToClear,
  solvePlacement,
  solvePlacementInWorker,
} from './index.ts';
import { groupsOf, stabilisedDual } from './dual.ts';
import { FamilySolver } from './family.ts';
import { solveFlow } from './flow.ts';
import { patternOf } from './heuristic.ts';
import { Lagrangian } from './lagrange.ts';
import { Master } from './master.ts';
import { buildModel, type Model, matches } from './model.ts';

const W = { unplaced: 1000, waitingWeek: 10, km: 1, preference: 5, siblingSplit: 300 };

function child(id: string, over: Partial<PlacementChild> = {}): PlacementChild {
  return {
    id,
    grade: 7,
    forms: ['gesamtschule'],
    kind: 'support',
    home: { lat: 51.43, lon: 6.76 },
    waitingWeeks: 0,
    familyId: null,
    preferredSchoolId: null,
    ...over,
  };
}

function school(id: string, lat: number, seats: PlacementSchool['seats']): PlacementSchool {
  return { id, location: { lat, lon: 6.76 }, seats };
}

const schoolOf = (result: PlacementResult, id: string) =>
  result.placements.find((p) => p.childId === id)?.schoolId;
const reasonsOf = (result: PlacementResult, id: string) =>
  result.unplaced.find((u) => u.childId === id)?.reasons;

/** Every check a result must pass, whatever the instance: hard rules, objective recomputed, bound and gap. */
function checkResult(problem: PlacementProblem, result: PlacementResult): void {
  expect(() => assignSeats(problem, result.placements)).not.toThrow();
  const ids = [...result.placements.map((p) => p.childId), ...result.unplaced.map((u) => u.childId)].sort();
  expect(ids).toEqual(problem.children.map((c) => c.id).sort());
  expect(result.objective).toBeCloseTo(evaluatePlacement(problem, result.placements).objective, 6);
  expect(result.bound).toBeLessThanOrEqual(result.objective + 1e-9);
  expect(result.gap).toBeCloseTo(
    (result.objective - result.bound) / Math.max(1, Math.abs(result.objective)),
    12,
  );
}

describe('hard rules', () => {
  const seats = (over: Partial<PlacementSchool['seats'][number]> = {}) => [
    { form: 'gesamtschule' as const, gradeFrom: 7, gradeTo: 8, kind: 'support' as const, free: 5, ...over },
  ];

  it('places a child only in a seat group of its form, grade band and kind', () => {
    const problem: PlacementProblem = {
      weights: W,
      schools: [
        school('wrong-form', 51.43, seats({ form: 'gymnasium' })),
        school('wrong-band', 51.431, seats({ gradeFrom: 5, gradeTo: 6 })),
        school('wrong-kind', 51.432, seats({ kind: 'regular' })),
        school('fits', 51.5, seats()),
      ],
      children: [child('c1')],
    };
    const result = solvePlacement(problem);
    expect(schoolOf(result, 'c1')).toBe('fits');
    checkResult(problem, result);
  });

  it('leaves a child unplaced with no_seat_in_form_grade_kind when nothing matches', () => {
    const problem: PlacementProblem = {
      weights: W,
      schools: [school('s1', 51.43, seats({ kind: 'regular' })), school('s2', 51.44, seats({ free: 0 }))],
      children: [child('c1')],
    };
    const result = solvePlacement(problem);
    expect(result.placements).toEqual([]);
    expect(reasonsOf(result, 'c1')).toEqual(['no_seat_in_form_grade_kind']);
    expect(result.objective).toBe(1000);
    expect(result.gap).toBe(0);
  });

  it('never puts more children in a seat group than it has free places; the longest waiting get them', () => {
    const problem: PlacementProblem = {
      weights: W,
      schools: [school('s1', 51.43, seats({ free: 2 }))],
      children: [
        child('a', { waitingWeeks: 3 }),
        child('b', { waitingWeeks: 12 }),
        child('c', { waitingWeeks: 8 }),
      ],
    };
    const result = solvePlacement(problem);
    expect(result.placements.map((p) => p.childId).sort()).toEqual(['b', 'c']);
    expect(reasonsOf(result, 'a')).toEqual(['seats_taken']);
    checkResult(problem, result);
  });

  it('assignSeats refuses a placement that breaks a hard rule', () => {
    const problem: PlacementProblem = {
      weights: W,
      schools: [school('s1', 51.43, seats({ free: 1 }))],
      children: [child('a'), child('b'), child('c', { grade: 2, forms: ['grundschule'] })],
    };
    expect(() => assignSeats(problem, [{ childId: 'c', schoolId: 's1' }])).toThrow(/matches no seat group/);
    expect(() =>
      assignSeats(problem, [
        { childId: 'a', schoolId: 's1' },
        { childId: 'b', schoolId: 's1' },
      ]),
    ).toThrow(/not enough matching seats/);
  });

  it('measures great-circle km with the haversine formula (R = 6371.0088 km)', () => {
    // Duisburg Hbf → Düsseldorf Hbf: about 23.3 km as the crow flies
    expect(greatCircleKm({ lat: 51.4296, lon: 6.7757 }, { lat: 51.2199, lon: 6.7942 })).toBeCloseTo(23.35, 1);
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
  });
});

describe('siblings', () => {
  const both = [
    { form: 'grundschule' as const, gradeFrom: 1, gradeTo: 4, kind: 'support' as const, free: 1 },
    { form: 'gesamtschule' as const, gradeFrom: 5, gradeTo: 10, kind: 'support' as const, free: 1 },
  ];
  const home = { lat: 51.43, lon: 6.76 };
  const siblings = [
    child('young', { grade: 3, forms: ['grundschule', 'gesamtschule'], familyId: 'f', home }),
    child('old', { grade: 7, forms: ['gesamtschule'], familyId: 'f', home }),
  ];

  it('keeps siblings together when a common school has places, even a little farther away', () => {
    const problem: PlacementProblem = {
      weights: W,
      schools: [
        school('near-primary', 51.431, [both[0] as PlacementSchool['seats'][number]]),
        school('common', 51.46, both),
      ],
      children: siblings,
    };
    const result = solvePlacement(problem);
    expect(schoolOf(result, 'young')).toBe('common');
    expect(schoolOf(result, 'old')).toBe('common');
    expect(evaluatePlacement(problem, result.placements).siblingsSplit).toBe(0);
    const explanation = explainChild(problem, result, 'young');
    expect(explanation).toMatchObject({ placed: true, schoolId: 'common', siblingsTogether: true });
    if (explanation.placed)
      expect(explanation.alternatives[0]).toMatchObject({ schoolId: 'near-primary', why: 'siblings' });
    checkResult(problem, result);
  });

  it('counts the split when no common school has places', () => {
    const problem: PlacementProblem = {
      weights: W,
      schools: [
        school('primary', 51.431, [both[0] as PlacementSchool['seats'][number]]),
        school('secondary', 51.44, [both[1] as PlacementSchool['seats'][number]]),
      ],
      children: siblings,
    };
    const result = solvePlacement(problem);
    expect(result.placements).toHaveLength(2);
    expect(evaluatePlacement(problem, result.placements).siblingsSplit).toBe(1);
    const km =
      greatCircleKm(home, { lat: 51.431, lon: 6.76 }) + greatCircleKm(home, { lat: 51.44, lon: 6.76 });
    expect(result.objective).toBeCloseTo(km + 300, 9);
    expect(explainChild(problem, result, 'old')).toMatchObject({ placed: true, siblingsTogether: false });
    checkResult(problem, result);
  });

  it('accepts the split when the detour costs more than the split penalty', () => {
    const problem: PlacementProblem = {
      weights: { ...W, siblingSplit: 1 },
      schools: [
        school('near-primary', 51.431, [both[0] as PlacementSchool['seats'][number]]),
        school('near-secondary', 51.432, [both[1] as PlacementSchool['seats'][number]]),
        school('common-far', 51.55, both),
      ],
      children: siblings,
    };
    const result = solvePlacement(problem);
    expect(schoolOf(result, 'young')).toBe('near-primary');
    expect(schoolOf(result, 'old')).toBe('near-secondary');
    checkResult(problem, result);
  });

  it('honours a preferred school unless it takes a place from a child with a stronger claim', () => {
    const seat = [
      { form: 'gesamtschule' as const, gradeFrom: 5, gradeTo: 10, kind: 'support' as const, free: 1 },
    ];
    const problem: PlacementProblem = {
      weights: W,
      schools: [school('near', 51.431, seat), school('wished', 51.433, seat), school('far', 51.5, seat)],
      children: [child('a', { preferredSchoolId: 'wished' })],
    };
    expect(schoolOf(solvePlacement(problem), 'a')).toBe('wished');
  });
});

/** All assignments of children to their matching groups or to no place, by brute force. */
function exhaustiveOptimum(problem: PlacementProblem): number {
  const options = problem.children.map((c) => {
    const list: { schoolId: string; k: number }[] = [];
    for (const s of problem.schools) {
      s.seats.forEach((seat, k) => {
        if (seat.free > 0 && matches(c, seat)) list.push({ schoolId: s.id, k });
      });
    }
    return list;
  });
  let best = Number.POSITIVE_INFINITY;
  const used = new Map<string, number>();
  const chosen: ({ schoolId: string; k: number } | null)[] = [];
  const visit = (i: number) => {
    if (i === problem.children.length) {
      const placements = chosen.flatMap((o, j) =>
        o ? [{ childId: problem.children[j]?.id as string, schoolId: o.schoolId }] : [],
      );
      best = Math.min(best, evaluatePlacement(problem, placements).objective);
      return;
    }
    chosen[i] = null;
    visit(i + 1);
    for (const o of options[i] ?? []) {
      const key = `${o.schoolId}#${o.k}`;
      const free = problem.schools.find((s) => s.id === o.schoolId)?.seats[o.k]?.free ?? 0;
      if ((used.get(key) ?? 0) >= free) continue;
      used.set(key, (used.get(key) ?? 0) + 1);
      chosen[i] = o;
      visit(i + 1);
      used.set(key, (used.get(key) ?? 0) - 1);
    }
    chosen[i] = null;
  };
  visit(0);
  return best;
}

/**
 * The plain MIP handed whole to HiGHS: x (child, group), u (child unplaced), y (family, school),
 * z (family has a placed child); minimise Σ cost·x + Σ unplaced·u + λ (Σ y − z).
 */
function mipOptimum(problem: PlacementProblem): number {
  const { weights: w } = problem;
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const groupUse = new Map<string, string[]>();
  const familySchools = new Map<string, Set<number>>();
  problem.children.forEach((c, i) => {
    const one = [`u${i}`];
    objective.push(`${w.unplaced + w.waitingWeek * c.waitingWeeks} u${i}`);
    binaries.push(`u${i}`);
    problem.schools.forEach((s, si) => {
      s.seats.forEach((seat, k) => {
        if (seat.free <= 0 || !matches(c, seat)) return;
        const x = `x${i}_${si}_${k}`;
        binaries.push(x);
        one.push(x);
        const cost =
          w.km * greatCircleKm(c.home, s.location) - (c.preferredSchoolId === s.id ? w.preference : 0);
        objective.push(`${cost >= 0 ? '+' : '-'} ${Math.abs(cost)} ${x}`);
        const list = groupUse.get(`${si}_${k}`) ?? [];
        list.push(x);
        groupUse.set(`${si}_${k}`, list);
        const f = c.familyId ?? `single-${c.id}`;
        const fi = `f${[...new Set(problem.children.map((d) => d.familyId ?? `single-${d.id}`))].indexOf(f)}`;
        rows.push(`${x} - y${fi}_${si} <= 0`);
        const set = familySchools.get(fi) ?? new Set<number>();
        set.add(si);
        familySchools.set(fi, set);
      });
    });
    rows.push(`${one.join(' + ')} = 1`);
  });
  for (const [key, xs] of groupUse) {
    const [si, k] = key.split('_').map(Number);
    rows.push(`${xs.join(' + ')} <= ${problem.schools[si as number]?.seats[k as number]?.free}`);
  }
  for (const [fi, set] of familySchools) {
    const ys = [...set].map((si) => `y${fi}_${si}`);
    binaries.push(...ys, `z${fi}`);
    objective.push(...ys.map((y) => `+ ${w.siblingSplit} ${y}`), `- ${w.siblingSplit} z${fi}`);
    rows.push(`z${fi} - ${ys.join(' - ')} <= 0`);
  }
  const lp = `Minimize\n obj: ${objective.join(' ')}\nSubject To\n${rows.map((r, n) => ` r${n}: ${r}`).join('\n')}\nBinary\n ${binaries.join(' ')}\nEnd\n`;
  const solution = highs.solve(lp, { mip_rel_gap: 0 });
  expect(solution.Status).toBe('Optimal');
  return solution.ObjectiveValue;
}

/** Small random instances: few schools close together, scarce seats, families of 1–3. */
function smallProblem(seed: number, children: number, schools: number): PlacementProblem {
  const random = prng(seed);
  const p = generatePlacementProblem({
    seed,
    children,
    schools,
    seatShare: 0.7,
    preferredShare: 0.3,
    bounds: { latMin: 51.4, latMax: 51.45, lonMin: 6.7, lonMax: 6.78 },
  });
  // vary the weights so that splits, preferences and distances trade off differently
  const weights = { ...p.weights, siblingSplit: [300, 5, 0.5][Math.floor(random() * 3)] as number };
  return { ...p, weights };
}

describe('optimality on small instances', () => {
  it('matches exhaustive search', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const problem = smallProblem(seed, 7, 4);
      const result = solvePlacement(problem);
      checkResult(problem, result);
      expect(result.gap, `seed ${seed}`).toBe(0);
      expect(result.objective, `seed ${seed}`).toBeCloseTo(exhaustiveOptimum(problem), 6);
    }
  });

  it('matches HiGHS on the plain MIP with family–school indicators', () => {
    for (let seed = 100; seed < 115; seed++) {
      const problem = smallProblem(seed, 40, 8);
      const result = solvePlacement(problem);
      checkResult(problem, result);
      expect(result.gap, `seed ${seed}`).toBe(0);
      expect(result.objective, `seed ${seed}`).toBeCloseTo(mipOptimum(problem), 5);
    }
  });

  it('is never worse than the first-come baseline, and the baseline keeps the hard rules', () => {
    const problem = smallProblem(7, 120, 10);
    const result = solvePlacement(problem);
    const baseline = firstComeBaseline(problem);
    expect(() => assignSeats(problem, baseline.placements)).not.toThrow();
    expect(baseline.objective).toBeCloseTo(evaluatePlacement(problem, baseline.placements).objective, 6);
    expect(result.objective).toBeLessThanOrEqual(baseline.objective + 1e-9);
    expect(baseline.bound).toBeLessThanOrEqual(result.objective);
  });
});

describe('bounds and medium instances', () => {
  it('reports a bound that no solution beats, also when stopped early', () => {
    for (let seed = 200; seed < 206; seed++) {
      const problem = smallProblem(seed, 40, 8);
      const optimum = mipOptimum(problem);
      // a time limit this short stops after the first steps: the result still keeps the rules and its bound
      const early = solvePlacement(problem, { timeLimitSeconds: 1e-3 });
      checkResult(problem, early);
      expect(early.bound, `seed ${seed}`).toBeLessThanOrEqual(optimum + 1e-6);
      expect(early.objective, `seed ${seed}`).toBeGreaterThanOrEqual(optimum - 1e-6);
    }
  });

  it('the Lagrangian bound holds at any seat prices', () => {
    const random = prng(77);
    for (let seed = 300; seed < 306; seed++) {
      const problem = smallProblem(seed, 40, 8);
      const optimum = mipOptimum(problem);
      const m = buildModel(problem);
      const lagrangian = new Lagrangian(m);
      const arcs = new Int32Array(m.n);
      const use = new Int32Array(m.groups);
      for (let trial = 0; trial < 20; trial++) {
        const scale = [0, 10, 300, 1500][trial % 4] as number;
        const price = Float64Array.from({ length: m.groups }, () => scale * random());
        expect(lagrangian.evaluate(price, arcs, use), `seed ${seed}`).toBeLessThanOrEqual(optimum + 1e-6);
      }
    }
  });

  it('finds the proven optimum of a few hundred children, as HiGHS does on the plain MIP', () => {
    for (const [seed, children, schools] of [
      [400, 150, 12],
      [401, 200, 14],
      [402, 250, 16],
    ] as const) {
      const problem = generatePlacementProblem({
        seed,
        children,
        schools,
        bounds: { latMin: 51.38, latMax: 51.47, lonMin: 6.68, lonMax: 6.8 },
      });
      const result = solvePlacement(problem, { timeLimitSeconds: 60 });
      checkResult(problem, result);
      expect(result.gap, `seed ${seed}`).toBe(0);
      expect(result.objective, `seed ${seed}`).toBeCloseTo(mipOptimum(problem), 5);
    }
  });
});

/** A small instance of one family (generate.ts, PLACEMENT_FAMILIES): its structure knobs on a few schools close by. */
function familyProblem(name: string, seed: number, children: number, schools: number): PlacementProblem {
  return generatePlacementProblem({
    seed,
    children,
    schools,
    seatShare: 0.7,
    preferredShare: 0.3,
    bounds: { latMin: 51.4, latMax: 51.45, lonMin: 6.7, lonMax: 6.78 },
    ...PLACEMENT_FAMILIES[name],
  });
}

describe('every family of instances (tight, loose, clustered, spread, large families, preferences, unplaceable)', () => {
  it('finds the optimum of an exhaustive search on small instances of every family, and proves it', () => {
    for (const name of Object.keys(PLACEMENT_FAMILIES)) {
      for (let seed = 1; seed <= 3; seed++) {
        const problem = familyProblem(name, seed, 7, 4);
        const optimum = exhaustiveOptimum(problem);
        const result = solvePlacement(problem);
        checkResult(problem, result);
        expect(result.gap, `${name}/${seed}`).toBe(0);
        expect(result.objective, `${name}/${seed}`).toBeCloseTo(optimum, 6);
      }
    }
  });

  it('finds the HiGHS optimum on instances of 40 children of every family; its bound, also when stopped early or solved short, never exceeds it', () => {
    for (const name of Object.keys(PLACEMENT_FAMILIES)) {
      for (const seed of [11, 12]) {
        const problem = familyProblem(name, seed, 40, 8);
        const optimum = mipOptimum(problem);
        const result = solvePlacement(problem);
        checkResult(problem, result);
        expect(result.gap, `${name}/${seed}`).toBe(0);
        expect(result.objective, `${name}/${seed}`).toBeCloseTo(optimum, 5);
        const early = solvePlacement(problem, { timeLimitSeconds: 1e-3 });
        checkResult(problem, early);
        expect(early.bound, `${name}/${seed} stopped early`).toBeLessThanOrEqual(optimum + 1e-6);
        expect(early.objective, `${name}/${seed} stopped early`).toBeGreaterThanOrEqual(optimum - 1e-6);
        // solved as with too little time for the master LP (subgradient votes, anchored flows): within 5 %
        const short = solvePlacement(problem, { short: true });
        checkResult(problem, short);
        expect(short.bound, `${name}/${seed} short`).toBeLessThanOrEqual(optimum + 1e-6);
        expect(short.objective, `${name}/${seed} short`).toBeGreaterThanOrEqual(optimum - 1e-6);
        expect(short.objective, `${name}/${seed} short`).toBeLessThanOrEqual(1.05 * optimum);
      }
    }
  });

  it("gives the unplaceable family's children no place with no_seat_in_form_grade_kind", () => {
    const problem = familyProblem('unplaceable', 5, 200, 10);
    const result = solvePlacement(problem);
    const stranded = problem.children.filter((c) => c.grade > 4 && c.forms.join() === 'grundschule');
    expect(stranded.length).toBeGreaterThan(5);
    for (const c of stranded) expect(reasonsOf(result, c.id), c.id).toEqual(['no_seat_in_form_grade_kind']);
  });
});

describe('the stabilised dual (LP bound of the family patterns)', () => {
  /** The LP over every pattern of every family (enumerated), solved by HiGHS at once. */
  function fullPatternLp(m: Model): number {
    const families = new FamilySolver(m);
    const master = new Master(m);
    const zero = new Float64Array(m.groups);
    try {
      for (let f = 0; f < m.families; f++) {
        const all = families.enumerate(f, zero, Number.POSITIVE_INFINITY, 1_000_000);
        expect(all.complete).toBe(true);
        for (const p of all.patterns) master.add({ family: f, groups: p.groups, cost: p.cost });
      }
      return master.solveLp(60).value;
    } finally {
      master.dispose();
    }
  }

  it('reaches the LP bound over all patterns that HiGHS finds, from the flow prices, on instances of every family, plain and smoothed', () => {
    const variants = [{}, { smoothing: 0.7, seedPatterns: 4 }];
    for (const name of ['default', 'tight', 'loose', 'clustered', 'preferences', 'unplaceable']) {
      for (const [seed, variant] of [
        [21, variants[0]],
        [22, variants[1]],
        [23, variants[1]],
      ] as const) {
        const m = buildModel(familyProblem(name, seed, 40, 6));
        const lpBound = fullPatternLp(m);
        const families = new FamilySolver(m);
        const lagrangian = new Lagrangian(m);
        const flow = solveFlow(m);
        const arcs = new Int32Array(m.n);
        const start = {
          bound: lagrangian.evaluate(flow.price, arcs, new Int32Array(m.groups)),
          price: flow.price,
        };
        const master = new Master(m);
        try {
          // as the solver does: the flow's placement (a feasible master) and the cheapest patterns at its prices
          for (let f = 0; f < m.families; f++) {
            for (const groups of [patternOf(m, f, flow.assign), groupsOf(m, f, arcs)])
              master.add({ family: f, groups, cost: families.costOf(f, groups, null).cost });
          }
          const dual = stabilisedDual(m, master, families, lagrangian, start, () => 60, variant);
          expect(dual.converged, `${name}/${seed}`).toBe(true);
          expect(Math.abs(dual.bound - lpBound), `${name}/${seed}`).toBeLessThanOrEqual(
            1e-6 * Math.abs(lpBound),
          );
          // the bound is a Lagrangian at the returned prices, so it holds without the LP
          expect(lagrangian.evaluate(dual.price, arcs, new Int32Array(m.groups))).toBeCloseTo(dual.bound, 6);
        } finally {
          master.dispose();
        }
      }
    }
  });

  it("seeds the master with each family's cheapest patterns together at one school", () => {
    const m = buildModel(familyProblem('large-families', 3, 60, 8));
    const lagrangian = new Lagrangian(m);
    const families = new FamilySolver(m);
    const random = prng(5);
    const price = Float64Array.from({ length: m.groups }, () => 20 * random());
    const out = new Int32Array(4 * 8);
    for (let f = 0; f < m.families; f++) {
      const start = m.familyStart[f] as number;
      const k = (m.familyStart[f + 1] as number) - start;
      // by hand: at each school, every member its cheapest priced group there or no place
      const bySchool: number[] = [];
      for (let s = 0; s < m.schools; s++) {
        let value = 0;
        let placed = false;
        for (let t = 0; t < k; t++) {
          const i = m.familyMembers[start + t] as number;
          let best = m.unplacedCost[i] as number;
          for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
            const g = m.arcGroup[a] as number;
            if (m.groupSchool[g] !== s) continue;
            const v = (m.arcCost[a] as number) + (price[g] as number);
            if (v < best) {
              best = v;
              placed = true;
            }
          }
          value += best;
        }
        if (placed) bySchool.push(value);
      }
      bySchool.sort((a, b) => a - b);
      const count = lagrangian.together(f, price, 4, out);
      expect(count).toBe(Math.min(4, bySchool.length));
      for (let q = 0; q < count; q++) {
        const groups = Int32Array.from({ length: k }, (_, t) => {
          const a = out[q * k + t] as number;
          return a < 0 ? -1 : (m.arcGroup[a] as number);
        });
        const schools = new Set([...groups].filter((g) => g >= 0).map((g) => m.groupSchool[g]));
        expect(schools.size).toBe(1);
        expect(families.costOf(f, groups, price).priced).toBeCloseTo(bySchool[q] as number, 9);
      }
    }
  });
});

describe('explanations and places to clear the list', () => {
  const seat = (gradeFrom: number, gradeTo: number, free: number) => ({
    form: 'realschule' as const,
    gradeFrom,
    gradeTo,
    kind: 'support' as const,
    free,
  });
  const problem: PlacementProblem = {
    weights: W,
    schools: [school('near', 51.431, [seat(7, 8, 1)]), school('far', 51.47, [seat(7, 8, 1), seat(5, 6, 3)])],
    children: [
      child('waited', { forms: ['realschule'], waitingWeeks: 20 }),
      child('also-waited', { forms: ['realschule'], waitingWeeks: 15 }),
      child('new', { forms: ['realschule'], waitingWeeks: 1 }),
      child('no-band', { forms: ['realschule'], grade: 9 }),
    ],
  };
  const result = solvePlacement(problem);

  it('explains a place and a missing place with the band', () => {
    expect(explainChild(problem, result, 'new')).toEqual({
      placed: false,
      childId: 'new',
      reasons: ['seats_taken'],
      detail: {
        form: 'realschule',
        gradeFrom: 7,
        gradeTo: 8,
        kind: 'support',
        nearestKm: expect.any(Number),
      },
    });
    expect(explainChild(problem, result, 'no-band')).toMatchObject({
      placed: false,
      reasons: ['no_seat_in_form_grade_kind'],
      detail: { form: 'realschule', gradeFrom: 9, gradeTo: 9, kind: 'support', nearestKm: null },
    });
    const far = explainChild(
      problem,
      result,
      schoolOf(result, 'waited') === 'far' ? 'waited' : 'also-waited',
    );
    expect(far).toMatchObject({ placed: true, schoolId: 'far', preferred: false, siblingsTogether: null });
    if (far.placed)
      expect(far.alternatives).toEqual([{ schoolId: 'near', km: expect.any(Number), why: 'full' }]);
  });

  it('counts per school and band the places that would clear the list, and they do', () => {
    const extra = seatsToClear(problem, result);
    expect(extra).toEqual([
      { schoolId: 'near', form: 'realschule', gradeFrom: 7, gradeTo: 8, kind: 'support', extraSeats: 1 },
      { schoolId: 'near', form: 'realschule', gradeFrom: 9, gradeTo: 9, kind: 'support', extraSeats: 1 },
    ]);
    const grown = structuredClone(problem);
    for (const e of extra) {
      const s = grown.schools.find((x) => x.id === e.schoolId) as PlacementSchool;
      const group = s.seats.find(
        (g) =>
          g.gradeFrom === e.gradeFrom && g.gradeTo === e.gradeTo && g.form === e.form && g.kind === e.kind,
      );
      if (group) group.free += e.extraSeats;
      else
        s.seats.push({
          form: e.form,
          gradeFrom: e.gradeFrom,
          gradeTo: e.gradeTo,
          kind: e.kind,
          free: e.extraSeats,
        });
    }
    expect(solvePlacement(grown).unplaced).toEqual([]);
  });

  it('clears the list of a generated city too', () => {
    const city = smallProblem(3, 150, 12);
    const first = solvePlacement(city);
    expect(first.unplaced.length).toBeGreaterThan(0);
    const grown = structuredClone(city);
    for (const e of seatsToClear(city, first)) {
      const s = grown.schools.find((x) => x.id === e.schoolId) as PlacementSchool;
      s.seats.push({
        form: e.form,
        gradeFrom: e.gradeFrom,
        gradeTo: e.gradeTo,
        kind: e.kind,
        free: e.extraSeats,
      });
    }
    expect(solvePlacement(grown).unplaced).toEqual([]);
  });
});

describe('parsePlacementProblem', () => {
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
        forms: ['gesamtschule'],
        kind: 'support',
        home: { lat: 51.48, lon: 6.77 },
        waitingWeeks: 6,
        familyId: null,
        preferredSchoolId: 's1',
      },
    ],
  };
  const pathOf = (mutate: (p: typeof valid & Record<string, unknown>) => void) => {
    const p = structuredClone(valid) as typeof valid & Record<string, unknown>;
    mutate(p);
    try {
      parsePlacementProblem(p);
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      return (error as ProblemError).path;
    }
    return null;
  };

  it('fills the default weights', () => {
    expect(parsePlacementProblem(valid).weights).toEqual(W);
    expect(parsePlacementProblem({ ...valid, weights: { km: 2 } }).weights).toEqual({ ...W, km: 2 });
  });

  it('names the first wrong field', () => {
    expect(
      pathOf((p) => {
        p.weights = { km: -1 };
      }),
    ).toBe('weights.km');
    expect(
      pathOf((p) => {
        p.weights = { kms: 1 };
      }),
    ).toBe('weights.kms');
    expect(
      pathOf((p) => {
        (p.schools[0] as Record<string, unknown>).seats = [{ ...valid.schools[0]?.seats[0], gradeFrom: 7 }];
      }),
    ).toBe('schools[0].seats[0].gradeTo');
    expect(
      pathOf((p) => {
        (p.schools[0]?.seats[0] as Record<string, unknown>).kind = 'evening';
      }),
    ).toBe('schools[0].seats[0].kind');
    expect(
      pathOf((p) => {
        (p.schools[0]?.seats[0] as Record<string, unknown>).free = -1;
      }),
    ).toBe('schools[0].seats[0].free');
    expect(
      pathOf((p) => {
        (p.children[0] as Record<string, unknown>).grade = '5';
      }),
    ).toBe('children[0].grade');
    expect(
      pathOf((p) => {
        (p.children[0] as Record<string, unknown>).forms = ['gesamtschule', 'waldorf'];
      }),
    ).toBe('children[0].forms[1]');
    expect(
      pathOf((p) => {
        (p.children[0] as Record<string, unknown>).preferredSchoolId = 's9';
      }),
    ).toBe('children[0].preferredSchoolId');
    expect(
      pathOf((p) => {
        p.children.push({ ...(p.children[0] as (typeof valid.children)[number]) });
      }),
    ).toBe('children[1].id');
    expect(
      pathOf((p) => {
        (p.children[0]?.home as Record<string, unknown>).lat = 95;
      }),
    ).toBe('children[0].home.lat');
  });
});

describe('solvePlacementInWorker', () => {
  it('gives the same result as solvePlacement', async () => {
    const problem = smallProblem(11, 200, 15);
    const here = solvePlacement(problem);
    const there = await solvePlacementInWorker(problem);
    expect({ ...there, seconds: 0 }).toEqual({ ...here, seconds: 0 });
  });
});
