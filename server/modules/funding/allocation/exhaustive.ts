/** Every combination of none/full/cut (3^n): the reference for small instances in the tests. */
import { evaluate, type Model } from './model.ts';

export function solveExhaustively(m: Model): { feasible: boolean; objective: number; choice: Uint8Array } {
  const choice = new Uint8Array(m.n);
  let best = Number.NEGATIVE_INFINITY;
  let bestChoice = new Uint8Array(m.n);
  const visit = (i: number) => {
    if (i === m.n) {
      const { feasible, value } = evaluate(m, choice);
      if (feasible && value > best + 1e-9) {
        best = value;
        bestChoice = choice.slice();
      }
      return;
    }
    for (const c of (m.cut[i] as number) > 0 ? [0, 1, 2] : [0, 1]) {
      choice[i] = c;
      visit(i + 1);
    }
    choice[i] = 0;
  };
  visit(0);
  return { feasible: best > Number.NEGATIVE_INFINITY, objective: Math.max(best, 0), choice: bestChoice };
}
