/**
 * The allocation is exact: the best of every combination on small instances, HiGHS's optimum on medium ones, with
 * district and first-time floors; a flip is explained; floors that cannot be met are said to be infeasible.
 */
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  evaluate,
  explainFlip,
  generateAllocationProblem,
  solveAllocation,
  solveExhaustively,
  solveWithHighs,
} from './index.ts';

const chosen = (result: ReturnType<typeof solveAllocation>) =>
  result.decisions.map((d) => (d.funding === 'none' ? 0 : d.funding === 'full' ? 1 : 2));

describe('the allocation', () => {
  it('finds the best of every combination on 150 small instances with floors', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const problem = generateAllocationProblem({
        seed,
        applications: 3 + (seed % 7),
        perDistrict: seed % 3,
        firstTimeShare: (seed % 4) * 0.1,
        districts: 3,
        budgetShare: 0.2 + (seed % 5) * 0.1,
      });
      const result = solveAllocation(problem);
      const exhaustive = solveExhaustively(buildModel(problem));
      expect(result.status, `seed ${seed}`).toBe(exhaustive.feasible ? 'optimal' : 'infeasible');
      expect(result.objective, `seed ${seed}`).toBeCloseTo(exhaustive.objective, 6);
      if (exhaustive.feasible) expect(evaluate(buildModel(problem), chosen(result)).feasible).toBe(true);
    }
  });

  it('matches HiGHS on medium instances with district and first-time floors, with bound = objective', async () => {
    for (const seed of [3, 4]) {
      const problem = generateAllocationProblem({
        seed,
        applications: 80,
        perDistrict: 3,
        firstTimeShare: 0.35,
      });
      const result = solveAllocation(problem);
      const highs = await solveWithHighs(buildModel(problem));
      expect(highs.status).toBe('optimal');
      expect(result).toMatchObject({ status: 'optimal', gap: 0 });
      expect(result.bound).toBe(result.objective);
      expect(result.objective).toBeCloseTo(highs.objective, 4);
      expect(result.spent).toBeLessThanOrEqual(problem.budget);
      const first = result.decisions
        .filter((_d, i) => problem.applications[i]?.firstTime)
        .reduce((sum, d) => sum + d.amount, 0);
      expect(first).toBeGreaterThanOrEqual(0.35 * problem.budget);
    }
  }, 30_000);

  it('explains a flip: leaving a funded project out costs score and names what is funded instead', () => {
    const problem = generateAllocationProblem({
      seed: 7,
      applications: 40,
      perDistrict: 1,
      firstTimeShare: 0.2,
    });
    const result = solveAllocation(problem);
    const funded = result.decisions.find((d) => d.funding === 'full') as { id: string };
    const flip = explainFlip(problem, result, funded.id);
    expect(flip).toMatchObject({ id: funded.id, from: 'full', forced: 'none', status: 'optimal' });
    expect(flip.loss).toBeGreaterThanOrEqual(0);
    expect(flip.objective).toBeCloseTo(result.objective - flip.loss, 6);
    expect(flip.changes.length).toBeGreaterThan(0);
  });

  it('says the floors cannot be met when first-time applicants ask for less than their share', () => {
    const problem = generateAllocationProblem({
      seed: 5,
      applications: 8,
      firstTimeShare: 1,
      budgetShare: 0.9,
    });
    expect(solveAllocation(problem).status).toBe('infeasible');
  });
});
