import type { Model } from './model.ts';

/** A child's group in a flow solution, or UNPLACED. */
export const UNPLACED = -1;

export type FlowSolution = {
  /** Group per child, or UNPLACED. */
  assign: Int32Array;
  /** Σ arc costs + Σ unplaced costs (no sibling term). */
  cost: number;
  /** Seat prices: optimal duals of the group capacities (≥ 0). */
  price: Float64Array;
};

/**
 * Min-cost assignment of children to seat groups without the sibling term (a transportation problem),
 * by successive shortest paths with Dijkstra and node potentials: children are added one at a time, each
 * augmenting along a shortest path that may move placed children to other groups or out of the list.
 * Nodes: children 0..n−1, groups n..n+G−1, the sink T = n+G (a group with a free seat → T costs 0, a child
 * → T costs its unplaced cost). `capacity` may lower the groups' free seats (for fixed families), `skip`
 * leaves children out (they stay UNPLACED and are not counted).
 */
export function solveFlow(
  m: Model,
  capacity: Int32Array = m.groupFree,
  skip: Uint8Array | null = null,
): FlowSolution {
  const { n, groups: G, arcStart, arcGroup, arcCost, unplacedCost } = m;
  const N = n + G + 1;
  const T = n + G;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N);
  const seen = new Int32Array(N).fill(-1);
  const settled = new Int32Array(N).fill(-1);
  const prev = new Int32Array(N);
  const prevCost = new Float64Array(N);
  const assignCost = new Float64Array(n);
  const assign = new Int32Array(n).fill(UNPLACED);
  // members of each group: a linked list of children
  const head = new Int32Array(G).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const before = new Int32Array(n).fill(-1);
  const used = new Int32Array(G);
  // binary heap of (key, node), lazy deletion
  let heapKey = new Float64Array(1024);
  let heapNode = new Int32Array(1024);
  let heapSize = 0;
  const push = (key: number, node: number) => {
    if (heapSize === heapKey.length) {
      const k = new Float64Array(heapSize * 2);
      k.set(heapKey);
      heapKey = k;
      const v = new Int32Array(heapSize * 2);
      v.set(heapNode);
      heapNode = v;
    }
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = heapKey[parent] as number;
      if (pk <= key) break;
      heapKey[i] = pk;
      heapNode[i] = heapNode[parent] as number;
      i = parent;
    }
    heapKey[i] = key;
    heapNode[i] = node;
  };
  const pop = (): number => {
    const top = heapNode[0] as number;
    const key = heapKey[--heapSize] as number;
    const node = heapNode[heapSize] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && (heapKey[child + 1] as number) < (heapKey[child] as number)) child++;
      if ((heapKey[child] as number) >= key) break;
      heapKey[i] = heapKey[child] as number;
      heapNode[i] = heapNode[child] as number;
      i = child;
    }
    heapKey[i] = key;
    heapNode[i] = node;
    return top;
  };
  const relax = (node: number, d: number, from: number, round: number, cost: number) => {
    if (settled[node] === round) return;
    if (seen[node] !== round || d < (dist[node] as number)) {
      seen[node] = round;
      dist[node] = d;
      prev[node] = from;
      prevCost[node] = cost;
      push(d, node);
    }
  };
  const unlink = (j: number, g: number) => {
    const b = before[j] as number;
    const a = next[j] as number;
    if (b === -1) head[g] = a;
    else next[b] = a;
    if (a !== -1) before[a] = b;
    used[g] = (used[g] as number) - 1;
  };
  const link = (j: number, g: number) => {
    const h = head[g] as number;
    next[j] = h;
    before[j] = -1;
    if (h !== -1) before[h] = j;
    head[g] = j;
    used[g] = (used[g] as number) + 1;
  };
  const settledList: number[] = [];

  for (let s = 0; s < n; s++) {
    if (skip?.[s]) continue;
    const round = s;
    // potential of the new source: every arc out of it gets a reduced cost ≥ 0
    let ps = (pot[T] as number) - (unplacedCost[s] as number);
    for (let a = arcStart[s] as number; a < (arcStart[s + 1] as number); a++) {
      const v = (pot[n + (arcGroup[a] as number)] as number) - (arcCost[a] as number);
      if (v > ps) ps = v;
    }
    pot[s] = ps;
    heapSize = 0;
    settledList.length = 0;
    seen[s] = round;
    dist[s] = 0;
    prev[s] = -1;
    push(0, s);
    let dT = 0;
    while (heapSize > 0) {
      const u = pop();
      if (settled[u] === round) continue;
      settled[u] = round;
      settledList.push(u);
      const du = dist[u] as number;
      if (u === T) {
        dT = du;
        break;
      }
      const pu = pot[u] as number;
      if (u < n) {
        for (let a = arcStart[u] as number; a < (arcStart[u + 1] as number); a++) {
          const g = arcGroup[a] as number;
          if (g === assign[u]) continue;
          const node = n + g;
          if ((capacity[g] as number) === 0) continue;
          const c = arcCost[a] as number;
          const rc = c + pu - (pot[node] as number);
          relax(node, du + Math.max(rc, 0), u, round, c);
        }
        const rc = (unplacedCost[u] as number) + pu - (pot[T] as number);
        relax(T, du + Math.max(rc, 0), u, round, 0);
      } else {
        const g = u - n;
        if ((used[g] as number) < (capacity[g] as number)) {
          const rc = pu - (pot[T] as number);
          relax(T, du + Math.max(rc, 0), u, round, 0);
        }
        for (let j = head[g] as number; j !== -1; j = next[j] as number) {
          // the reverse arc g → j: j leaves g
          const rc = -(assignCost[j] as number) + pu - (pot[j] as number);
          relax(j, du + Math.max(rc, 0), u, round, 0);
        }
      }
    }
    for (const v of settledList) pot[v] = (pot[v] as number) + (dist[v] as number) - dT;
    // augment along prev from T
    let v = T;
    for (;;) {
      const u = prev[v] as number;
      if (v === T) {
        if (u < n) moveChild(u, UNPLACED, unplacedCost[u] as number);
      } else if (v >= n) {
        // group v−n was entered from child u: u moves into it
        moveChild(u, v - n, prevCost[v] as number);
      } else if (u === -1) break; // the source
      v = u;
    }
  }

  function moveChild(j: number, g: number, cost: number): void {
    const old = assign[j] as number;
    if (old !== UNPLACED) unlink(j, old);
    assign[j] = g;
    assignCost[j] = cost;
    if (g !== UNPLACED) link(j, g);
  }

  let cost = 0;
  for (let i = 0; i < n; i++) {
    if (skip?.[i]) continue;
    cost += assignCost[i] as number;
  }
  const price = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const p = (pot[T] as number) - (pot[n + g] as number);
    price[g] = Math.max(p, 0);
  }
  return { assign, cost, price };
}

/** The cost of child i in group g (the arcs are few; a linear scan). */
export function arcCostOf(m: Model, i: number, g: number): number {
  for (let a = m.arcStart[i] as number; a < (m.arcStart[i + 1] as number); a++) {
    if (m.arcGroup[a] === g) return m.arcCost[a] as number;
  }
  throw new Error(`child ${i} has no arc to group ${g}`);
}
