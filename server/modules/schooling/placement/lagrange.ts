import type { Model } from './model.ts';

/**
 * The Lagrangian relaxation of the seat-group capacities. At seat prices p ≥ 0 every family chooses on its own
 * its cheapest pattern (a group or "unplaced" per member, plus the sibling term) with each seat costing its
 * price extra; L(p) = Σ families' cheapest priced pattern − Σ p × free is a lower bound on every feasible
 * solution's objective, and the best L over p is the bound of the family-pattern LP.
 *
 * The family subproblem is exact: the members' best priced group at each school the family can use, then a
 * dynamic programme over the ways to split the family into school blocks (2^k subsets, k ≤ 12).
 * Everything is precomputed into flat typed arrays, so an evaluation allocates nothing.
 */
export class Lagrangian {
  /** Per family: its entries entryStart[f] .. entryStart[f+1]−1, grouped by school slot. */
  private readonly entryStart: Int32Array;
  /** Entry: slot (0-based within the family), member index t, arc. */
  private readonly entrySlot: Int32Array;
  private readonly entryMember: Int32Array;
  private readonly entryArc: Int32Array;
  private readonly slotCount: Int32Array;
  // scratch
  private readonly bestCost: Float64Array;
  private readonly bestArc: Int32Array;
  private readonly block: Float64Array;
  private readonly blockSlot: Int32Array;
  private readonly sums: Float64Array;
  private readonly F0: Float64Array;
  private readonly F1: Float64Array;
  private readonly choice: Int32Array;
  private readonly restBlock: Uint8Array;

  constructor(private readonly m: Model) {
    const F = m.families;
    const entryStart = new Int32Array(F + 1);
    const slotCount = new Int32Array(F);
    const slotOfSchool = new Int32Array(m.schools).fill(-1);
    // entries grouped by slot, members in order within a slot: a counting sort per family (no objects)
    const total = m.arcStart[m.n] as number;
    const entrySlot = new Int32Array(total);
    const entryMember = new Int32Array(total);
    const entryArc = new Int32Array(total);
    const slots: number[] = [];
    const slotFill: number[] = [];
    let at = 0;
    let maxK = 1;
    let maxSlots = 1;
    for (let f = 0; f < F; f++) {
      entryStart[f] = at;
      const start = m.familyStart[f] as number;
      const k = (m.familyStart[f + 1] as number) - start;
      if (k > maxK) maxK = k;
      slots.length = 0;
      slotFill.length = 0;
      for (let t = 0; t < k; t++) {
        const i = m.familyMembers[start + t] as number;
        for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
          const s = m.groupSchool[m.arcGroup[a] as number] as number;
          let slot = slotOfSchool[s] as number;
          if (slot < 0) {
            slot = slots.length;
            slotOfSchool[s] = slot;
            slots.push(s);
            slotFill.push(0);
          }
          slotFill[slot] = (slotFill[slot] as number) + 1;
        }
      }
      // slotFill: counts → each slot's first position
      let position = at;
      for (let slot = 0; slot < slots.length; slot++) {
        const count = slotFill[slot] as number;
        slotFill[slot] = position;
        position += count;
      }
      for (let t = 0; t < k; t++) {
        const i = m.familyMembers[start + t] as number;
        for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
          const slot = slotOfSchool[m.groupSchool[m.arcGroup[a] as number] as number] as number;
          const e = slotFill[slot] as number;
          slotFill[slot] = e + 1;
          entrySlot[e] = slot;
          entryMember[e] = t;
          entryArc[e] = a;
        }
      }
      at = position;
      for (const s of slots) slotOfSchool[s] = -1;
      slotCount[f] = slots.length;
      if (slots.length > maxSlots) maxSlots = slots.length;
    }
    entryStart[F] = at;
    this.entryStart = entryStart;
    this.entrySlot = entrySlot;
    this.entryMember = entryMember;
    this.entryArc = entryArc;
    this.slotCount = slotCount;
    const masks = 1 << maxK;
    this.bestCost = new Float64Array(maxSlots * maxK);
    this.bestArc = new Int32Array(maxSlots * maxK);
    this.block = new Float64Array(masks);
    this.blockSlot = new Int32Array(masks);
    this.sums = new Float64Array(masks);
    this.F0 = new Float64Array(masks);
    this.F1 = new Float64Array(masks);
    this.choice = new Int32Array(masks);
    this.restBlock = new Uint8Array(masks);
  }

  /**
   * Family f's cheapest priced pattern at `price`; writes the chosen arc (or −1 = unplaced) of each member
   * into `arcs` at familyStart[f] + t, and returns the priced cost.
   */
  family(f: number, price: Float64Array, arcs: Int32Array): number {
    const m = this.m;
    const start = m.familyStart[f] as number;
    const k = (m.familyStart[f + 1] as number) - start;
    if (k === 1) {
      const i = m.familyMembers[start] as number;
      let best = m.unplacedCost[i] as number;
      let bestArc = -1;
      const end = m.arcStart[i + 1] as number;
      for (let a = m.arcStart[i] as number; a < end; a++) {
        const v = (m.arcCost[a] as number) + (price[m.arcGroup[a] as number] as number);
        if (v < best) {
          best = v;
          bestArc = a;
        }
      }
      arcs[start] = bestArc;
      return best;
    }
    const lambda = m.siblingSplit;
    const nSlots = this.slotCount[f] as number;
    const bestCost = this.bestCost;
    const bestArc = this.bestArc;
    bestCost.fill(Number.POSITIVE_INFINITY, 0, nSlots * k);
    const eEnd = this.entryStart[f + 1] as number;
    for (let e = this.entryStart[f] as number; e < eEnd; e++) {
      const a = this.entryArc[e] as number;
      const at = (this.entrySlot[e] as number) * k + (this.entryMember[e] as number);
      const v = (m.arcCost[a] as number) + (price[m.arcGroup[a] as number] as number);
      if (v < (bestCost[at] as number)) {
        bestCost[at] = v;
        bestArc[at] = a;
      }
    }
    const full = (1 << k) - 1;
    const block = this.block;
    const blockSlot = this.blockSlot;
    const sums = this.sums;
    block.fill(Number.POSITIVE_INFINITY, 0, full + 1);
    for (let slot = 0; slot < nSlots; slot++) {
      sums[0] = 0;
      const base = slot * k;
      for (let mask = 1; mask <= full; mask++) {
        const low = 31 - Math.clz32(mask & -mask);
        const v = (sums[mask & (mask - 1)] as number) + (bestCost[base + low] as number);
        sums[mask] = v;
        if (v < (block[mask] as number)) {
          block[mask] = v;
          blockSlot[mask] = slot;
        }
      }
    }
    const F0 = this.F0;
    const F1 = this.F1;
    const choice = this.choice;
    const restBlock = this.restBlock;
    F0[0] = 0;
    F1[0] = Number.POSITIVE_INFINITY;
    for (let mask = 1; mask <= full; mask++) {
      const lowBit = mask & -mask;
      const low = 31 - Math.clz32(lowBit);
      const u = m.unplacedCost[m.familyMembers[start + low] as number] as number;
      const rest = mask ^ lowBit;
      F0[mask] = (F0[rest] as number) + u;
      let best = u + (F1[rest] as number);
      let bestChoice = 0;
      let rb = 1;
      for (let sub = rest; ; sub = (sub - 1) & rest) {
        const T = lowBit | sub;
        const b = block[T] as number;
        if (b < Number.POSITIVE_INFINITY) {
          const left = mask ^ T;
          const r0 = F0[left] as number;
          const r1 = F1[left] as number;
          const v = b + lambda + Math.min(r1, r0);
          if (v < best) {
            best = v;
            bestChoice = T;
            rb = r1 < r0 ? 1 : 0;
          }
        }
        if (sub === 0) break;
      }
      F1[mask] = best;
      choice[mask] = bestChoice;
      restBlock[mask] = rb;
    }
    for (let t = 0; t < k; t++) arcs[start + t] = -1;
    const withBlocks = (F1[full] as number) - lambda;
    if ((F0[full] as number) <= withBlocks) return F0[full] as number;
    let mask = full;
    let blocks = true;
    while (mask && blocks) {
      const lowBit = mask & -mask;
      const T = choice[mask] as number;
      if (T === 0) {
        mask ^= lowBit;
        continue;
      }
      const base = (blockSlot[T] as number) * k;
      for (let t = 0; t < k; t++) if (T & (1 << t)) arcs[start + t] = bestArc[base + t] as number;
      blocks = restBlock[mask] === 1;
      mask ^= T;
    }
    return withBlocks;
  }

  /**
   * Family f's `count` cheapest priced patterns that keep it at one school (each member takes its cheapest
   * priced group at that school, or no place where that is cheaper or there is none), one per school, cheapest
   * first. Writes the arcs (−1 = unplaced) of pattern q at out[q × k + t] and returns how many were written.
   * These seed the column generation: most families end up together, so the first master LP starts close to
   * the optimum.
   */
  together(f: number, price: Float64Array, count: number, out: Int32Array): number {
    const m = this.m;
    const start = m.familyStart[f] as number;
    const k = (m.familyStart[f + 1] as number) - start;
    const nSlots = this.slotCount[f] as number;
    const bestCost = this.bestCost;
    const bestArc = this.bestArc;
    bestCost.fill(Number.POSITIVE_INFINITY, 0, nSlots * k);
    const eEnd = this.entryStart[f + 1] as number;
    for (let e = this.entryStart[f] as number; e < eEnd; e++) {
      const a = this.entryArc[e] as number;
      const at = (this.entrySlot[e] as number) * k + (this.entryMember[e] as number);
      const v = (m.arcCost[a] as number) + (price[m.arcGroup[a] as number] as number);
      if (v < (bestCost[at] as number)) {
        bestCost[at] = v;
        bestArc[at] = a;
      }
    }
    // the `count` cheapest slots, by insertion into a short sorted list
    const chosen: number[] = [];
    const value: number[] = [];
    for (let slot = 0; slot < nSlots; slot++) {
      let v = 0;
      let placed = 0;
      for (let t = 0; t < k; t++) {
        const c = bestCost[slot * k + t] as number;
        const u = m.unplacedCost[m.familyMembers[start + t] as number] as number;
        if (c < u) {
          v += c;
          placed++;
        } else v += u;
      }
      if (placed === 0) continue;
      let at = chosen.length;
      while (at > 0 && (value[at - 1] as number) > v) at--;
      if (at >= count) continue;
      chosen.splice(at, 0, slot);
      value.splice(at, 0, v);
      if (chosen.length > count) {
        chosen.pop();
        value.pop();
      }
    }
    chosen.forEach((slot, q) => {
      for (let t = 0; t < k; t++) {
        const c = bestCost[slot * k + t] as number;
        const u = m.unplacedCost[m.familyMembers[start + t] as number] as number;
        out[q * k + t] = c < u ? (bestArc[slot * k + t] as number) : -1;
      }
    });
    return chosen.length;
  }

  /**
   * L(price): writes every family's cheapest priced pattern into `arcs` (indexed like familyMembers) and the
   * number of seats those patterns take in each group into `use`.
   */
  evaluate(price: Float64Array, arcs: Int32Array, use: Int32Array): number {
    const m = this.m;
    let L = 0;
    use.fill(0);
    for (let f = 0; f < m.families; f++) L += this.family(f, price, arcs);
    for (let x = 0; x < m.n; x++) {
      const a = arcs[x] as number;
      if (a >= 0) {
        const g = m.arcGroup[a] as number;
        use[g] = (use[g] as number) + 1;
      }
    }
    for (let g = 0; g < m.groups; g++) L -= (price[g] as number) * (m.groupFree[g] as number);
    return L;
  }
}
