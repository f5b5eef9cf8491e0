import { buildModel } from './model.ts';
import { evaluatePlacement } from './objective.ts';
import type { PlacementProblem, PlacementResult, UnplacedReason } from './types.ts';

export type BaselineResult = PlacementResult & { placed: number; siblingsSplit: number; totalKm: number };

/**
 * The first-come comparison: children in order of waiting time (longest first, ties in file order), each to
 * the nearest school with a free matching seat, siblings not considered. `bound` is the trivial lower bound
 * (each child's cheapest choice on its own), so `gap` shows how far this is from proven.
 */
export function firstComeBaseline(problem: PlacementProblem): BaselineResult {
  const started = performance.now();
  const m = buildModel(problem);
  const left = Int32Array.from(m.groupFree);
  const order = problem.children.map((_, i) => i);
  order.sort(
    (a, b) => (problem.children[b]?.waitingWeeks ?? 0) - (problem.children[a]?.waitingWeeks ?? 0) || a - b,
  );
  const placements: PlacementResult['placements'] = [];
  const unplaced: PlacementResult['unplaced'] = [];
  const schoolOf = new Map<number, string>();
  for (const i of order) {
    let best = -1;
    let bestKm = Number.POSITIVE_INFINITY;
    for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
      const g = m.arcGroup[a] as number;
      if ((left[g] as number) > 0 && (m.arcKm[a] as number) < bestKm) {
        bestKm = m.arcKm[a] as number;
        best = g;
      }
    }
    if (best >= 0) {
      left[best] = (left[best] as number) - 1;
      schoolOf.set(i, problem.schools[m.groupSchool[best] as number]?.id ?? '');
    }
  }
  let bound = 0;
  problem.children.forEach((child, i) => {
    let cheapest = m.unplacedCost[i] as number;
    for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
      cheapest = Math.min(cheapest, m.arcCost[a] as number);
    }
    bound += cheapest;
    const schoolId = schoolOf.get(i);
    if (schoolId !== undefined) placements.push({ childId: child.id, schoolId });
    else {
      const reason: UnplacedReason =
        (m.arcStart[i + 1] as number) > (m.arcStart[i] as number)
          ? 'seats_taken'
          : 'no_seat_in_form_grade_kind';
      unplaced.push({ childId: child.id, reasons: [reason] });
    }
  });
  const evaluation = evaluatePlacement(problem, placements);
  const objective = evaluation.objective;
  return {
    placements,
    unplaced,
    objective,
    bound,
    gap: (objective - bound) / Math.max(1, Math.abs(objective)),
    seconds: (performance.now() - started) / 1000,
    placed: evaluation.placed,
    siblingsSplit: evaluation.siblingsSplit,
    totalKm: evaluation.totalKm,
  };
}
