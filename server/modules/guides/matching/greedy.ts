/** The first-come, first-served baseline the optimum is compared with. */
import { travelMinutes } from '../../../core/geo.ts';
import { buildModel, objectiveOf } from './model.ts';
import { resultOf } from './solve.ts';
import type { MatchingProblem, MatchingResult } from './types.ts';

/**
 * Requests in the order they came (the order of the file), each given to the guide who can still take it at
 * the lowest cost (travel, continuity, workload), without looking ahead. `bound` is the trivial bound (every
 * request at its cheapest option, ignoring conflicts and workload); `coverage` is the assigned share (0…1);
 * `travelMinutes` the total travel from the guides' homes.
 */
export function greedyBaseline(
  problem: MatchingProblem,
): MatchingResult & { coverage: number; travelMinutes: number } {
  const started = performance.now();
  const model = buildModel(problem);
  const guideOf = new Int32Array(model.nR).fill(-1);
  const held: number[][] = problem.guides.map(() => []);
  let bound = 0;
  for (let r = 0; r < model.nR; r++) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let cheapest = model.penalty[r] as number;
    const guides = model.reqGuides[r] as Int32Array;
    guides.forEach((g, k) => {
      const cost = (model.guideCost[g] as Float64Array)[
        (model.reqPos[r] as Int32Array)[k] as number
      ] as number;
      cheapest = Math.min(cheapest, cost);
      const mine = held[g] as number[];
      if (mine.length >= (model.maxAssignments[g] as number)) return;
      if (mine.some((other) => !model.compatible(other, r))) return;
      const total = cost + model.loadStep * mine.length;
      if (total < bestCost) {
        bestCost = total;
        best = g;
      }
    });
    bound += cheapest;
    if (best >= 0) {
      guideOf[r] = best;
      held[best]?.push(r);
    }
  }
  const objective = objectiveOf(model, guideOf);
  const result = resultOf(
    model,
    guideOf,
    objective,
    Math.min(bound, objective),
    (performance.now() - started) / 1000,
  );
  let travel = 0;
  guideOf.forEach((g, r) => {
    if (g >= 0) {
      travel += travelMinutes(
        problem.guides[g]?.home as { lat: number; lon: number },
        problem.requests[r]?.place as { lat: number; lon: number },
        problem.weights.speedKmh,
      );
    }
  });
  return {
    ...result,
    coverage: model.nR === 0 ? 1 : result.assignments.length / model.nR,
    travelMinutes: Math.round(travel * 10) / 10,
  };
}
