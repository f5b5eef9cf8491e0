import type { FamilySolver } from './family.ts';
import { solveFlow, UNPLACED } from './flow.ts';
import type { Lagrangian } from './lagrange.ts';
import type { Model } from './model.ts';

/**
 * Primal heuristics: they turn a fractional or priced view of the families into a feasible placement.
 *
 * The anchored flow: every family of two or more gets an anchor school (where the LP solution keeps most of it
 * together); each member's arcs to other schools cost `siblingSplit` more, and the sibling-blind min-cost
 * assignment (flow.ts) places all children at once with these costs. The flow moves whole chains of children
 * to make room, which a family-by-family repair cannot; the split count it pays for is an upper bound on the
 * true one, and the true objective is then recomputed.
 */
export function anchoredFlow(m: Model, anchor: Int32Array): Int32Array {
  const cost = Float64Array.from(m.arcCost);
  for (let i = 0; i < m.n; i++) {
    const school = anchor[m.familyOf[i] as number] as number;
    if (school < 0) continue;
    for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
      if (m.groupSchool[m.arcGroup[a] as number] !== school) cost[a] = (cost[a] as number) + m.siblingSplit;
    }
  }
  return solveFlow({ ...m, arcCost: cost }).assign;
}

/**
 * Anchors from a choice of group per child (−1 = unplaced): the school where most of the family's placed
 * children are (ties: the first such school met); −1 for families with none placed. A child who cannot join
 * the anchor pays the split penalty wherever it is placed, which is the true cost when its siblings are.
 */
export function anchorsOf(m: Model, groupOfChild: Int32Array): Int32Array {
  const anchor = new Int32Array(m.families).fill(-1);
  const count = new Int32Array(m.schools);
  for (let f = 0; f < m.families; f++) {
    const start = m.familyStart[f] as number;
    const end = m.familyStart[f + 1] as number;
    if (end - start < 2) continue;
    let best = -1;
    let bestCount = 0;
    for (let x = start; x < end; x++) {
      const g = groupOfChild[m.familyMembers[x] as number] as number;
      if (g === UNPLACED) continue;
      const s = m.groupSchool[g] as number;
      const c = (count[s] as number) + 1;
      count[s] = c;
      if (c > bestCount) {
        bestCount = c;
        best = s;
      }
    }
    for (let x = start; x < end; x++) {
      const g = groupOfChild[m.familyMembers[x] as number] as number;
      if (g !== UNPLACED) count[m.groupSchool[g] as number] = 0;
    }
    anchor[f] = best;
  }
  return anchor;
}

/** The objective of a placement given as a group per child (−1 = unplaced). */
export function objectiveOf(m: Model, families: FamilySolver, groupOfChild: Int32Array): number {
  let total = 0;
  for (let f = 0; f < m.families; f++) total += families.costOf(f, patternOf(m, f, groupOfChild), null).cost;
  return total;
}

/** Family f's pattern (a group or −1 per member, in familyMembers order) in a placement. */
export function patternOf(m: Model, f: number, groupOfChild: Int32Array): Int32Array {
  const start = m.familyStart[f] as number;
  const k = (m.familyStart[f + 1] as number) - start;
  const groups = new Int32Array(k);
  for (let t = 0; t < k; t++) groups[t] = groupOfChild[m.familyMembers[start + t] as number] as number;
  return groups;
}

/**
 * Family moves into free seats: each family in turn leaves its seats and takes its cheapest pattern among the
 * groups that still have a free seat (the family subproblem with full groups priced out), if that is cheaper.
 * Repeats until no family improves (at most `rounds` passes). Changes `groupOfChild` in place.
 */
export function improveByFamilyMoves(
  m: Model,
  lagrangian: Lagrangian,
  families: FamilySolver,
  groupOfChild: Int32Array,
  rounds = 5,
): void {
  const used = new Int32Array(m.groups);
  for (let i = 0; i < m.n; i++) {
    const g = groupOfChild[i] as number;
    if (g !== UNPLACED) used[g] = (used[g] as number) + 1;
  }
  const price = new Float64Array(m.groups);
  const arcs = new Int32Array(m.n);
  const closed = Number.MAX_VALUE / 4;
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let f = 0; f < m.families; f++) {
      const start = m.familyStart[f] as number;
      const end = m.familyStart[f + 1] as number;
      const before = families.costOf(f, patternOf(m, f, groupOfChild), null).cost;
      for (let x = start; x < end; x++) {
        const g = groupOfChild[m.familyMembers[x] as number] as number;
        if (g !== UNPLACED) used[g] = (used[g] as number) - 1;
      }
      for (let x = start; x < end; x++) {
        const i = m.familyMembers[x] as number;
        for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
          const g = m.arcGroup[a] as number;
          price[g] = (used[g] as number) < (m.groupFree[g] as number) ? 0 : closed;
        }
      }
      const value = lagrangian.family(f, price, arcs);
      let ok = value < before - 1e-7;
      if (ok) {
        // two members may want the last seat of one group
        for (let x = start; x < end; x++) {
          const a = arcs[x] as number;
          if (a < 0) continue;
          const g = m.arcGroup[a] as number;
          used[g] = (used[g] as number) + 1;
          if ((used[g] as number) > (m.groupFree[g] as number)) ok = false;
        }
        for (let x = start; x < end; x++) {
          const a = arcs[x] as number;
          if (a >= 0) used[m.arcGroup[a] as number] = (used[m.arcGroup[a] as number] as number) - 1;
        }
      }
      if (ok) {
        moved = true;
        for (let x = start; x < end; x++) {
          const a = arcs[x] as number;
          groupOfChild[m.familyMembers[x] as number] = a < 0 ? UNPLACED : (m.arcGroup[a] as number);
        }
      }
      for (let x = start; x < end; x++) {
        const g = groupOfChild[m.familyMembers[x] as number] as number;
        if (g !== UNPLACED) used[g] = (used[g] as number) + 1;
      }
    }
    if (!moved) break;
  }
}
