import type { Model } from './model.ts';

/** One family's choice: a group (or −1 = unplaced) per member, in the order of familyMembers. */
export type Pattern = { groups: Int32Array; cost: number; priced: number };

/**
 * Per-family work at given seat prices: a pattern's cost, and the enumeration of all patterns within a margin
 * of the cheapest (the cheapest itself: Lagrangian.family in lagrange.ts). A pattern's priced cost is
 * Σ (arc cost + seat price) over placed members + Σ unplaced costs + siblingSplit × (distinct schools − 1).
 */
export class FamilySolver {
  private readonly schoolStamp: Int32Array;
  private stamp = 0;
  constructor(private readonly m: Model) {
    this.schoolStamp = new Int32Array(m.schools).fill(-1);
  }

  /** The priced and true cost of a given pattern of family f. */
  costOf(f: number, groups: Int32Array, price: Float64Array | null): { cost: number; priced: number } {
    const m = this.m;
    const start = m.familyStart[f] as number;
    let cost = 0;
    let priced = 0;
    const stamp = ++this.stamp;
    let distinct = 0;
    for (let t = 0; t < groups.length; t++) {
      const i = m.familyMembers[start + t] as number;
      const g = groups[t] as number;
      if (g < 0) {
        cost += m.unplacedCost[i] as number;
        continue;
      }
      let c = Number.NaN;
      for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
        if (m.arcGroup[a] === g) {
          c = m.arcCost[a] as number;
          break;
        }
      }
      cost += c;
      if (price) priced += price[g] as number;
      const s = m.groupSchool[g] as number;
      if (this.schoolStamp[s] !== stamp) {
        this.schoolStamp[s] = stamp;
        distinct++;
      }
    }
    if (distinct > 1) cost += m.siblingSplit * (distinct - 1);
    return { cost, priced: cost + priced };
  }

  /**
   * Every pattern of family f whose priced cost is at most `limit` (a depth-first search over the members'
   * options sorted by priced cost, cut by the cheapest completion). Stops after `max` patterns and reports it.
   */
  enumerate(
    f: number,
    price: Float64Array,
    limit: number,
    max: number,
  ): { patterns: Pattern[]; complete: boolean } {
    const m = this.m;
    const start = m.familyStart[f] as number;
    const k = (m.familyStart[f + 1] as number) - start;
    const lambda = m.siblingSplit;
    const options: { g: Int32Array; c: Float64Array; p: Float64Array }[] = [];
    const minRest = new Float64Array(k + 1);
    for (let t = 0; t < k; t++) {
      const i = m.familyMembers[start + t] as number;
      const list: { g: number; c: number; p: number }[] = [{ g: -1, c: m.unplacedCost[i] as number, p: 0 }];
      for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
        const g = m.arcGroup[a] as number;
        list.push({ g, c: m.arcCost[a] as number, p: (m.arcCost[a] as number) + (price[g] as number) });
      }
      list[0] = { g: -1, c: m.unplacedCost[i] as number, p: m.unplacedCost[i] as number };
      list.sort((x, y) => x.p - y.p);
      options.push({
        g: Int32Array.from(list, (o) => o.g),
        c: Float64Array.from(list, (o) => o.c),
        p: Float64Array.from(list, (o) => o.p),
      });
    }
    for (let t = k - 1; t >= 0; t--) minRest[t] = (minRest[t + 1] as number) + (options[t]?.p[0] as number);
    const patterns: Pattern[] = [];
    const groups = new Int32Array(k);
    const schoolCount = new Map<number, number>();
    let complete = true;
    const visit = (t: number, cost: number, priced: number, distinct: number): void => {
      if (!complete) return;
      if (t === k) {
        const split = distinct > 1 ? lambda * (distinct - 1) : 0;
        patterns.push({ groups: groups.slice(), cost: cost + split, priced: priced + split });
        if (patterns.length >= max) complete = false;
        return;
      }
      const o = options[t] as { g: Int32Array; c: Float64Array; p: Float64Array };
      const split = distinct > 1 ? lambda * (distinct - 1) : 0;
      for (let x = 0; x < o.g.length; x++) {
        const p = o.p[x] as number;
        if (priced + split + p + (minRest[t + 1] as number) > limit) break;
        const g = o.g[x] as number;
        groups[t] = g;
        if (g < 0) {
          visit(t + 1, cost + (o.c[x] as number), priced + p, distinct);
          continue;
        }
        const s = m.groupSchool[g] as number;
        const had = schoolCount.get(s) ?? 0;
        const extra = had === 0 && distinct >= 1 ? lambda : 0;
        if (priced + split + extra + p + (minRest[t + 1] as number) > limit) continue;
        schoolCount.set(s, had + 1);
        visit(t + 1, cost + (o.c[x] as number), priced + p, had === 0 ? distinct + 1 : distinct);
        if (had === 0) schoolCount.delete(s);
        else schoolCount.set(s, had);
      }
    };
    visit(0, 0, 0, 0);
    return { patterns, complete };
  }
}
