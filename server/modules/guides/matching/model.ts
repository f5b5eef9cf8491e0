/** The problem turned into numbers: times in minutes, the hard rules per pair, costs, travel. */
import { EARTH_RADIUS_KM, travelMinutes } from '../../../core/geo.ts';
import type { MatchingGuide, MatchingProblem, MatchingRequest, UnassignedReason } from './types.ts';

const RAD = Math.PI / 180;

/** Minutes since the epoch of an ISO timestamp with offset (the instant, not the wall clock). */
export const minutesOf = (iso: string): number => Date.parse(iso) / 60_000;

/** The request's date as written (local date of its start): "2026-12-07T09:30:00+01:00" → "2026-12-07". */
export const localDate = (iso: string): string => iso.slice(0, 10);

/** ISO weekday 1 (Monday) … 7 (Sunday) of the request's local date. */
export function localWeekday(iso: string): number {
  const day = new Date(`${localDate(iso)}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Which hard rules (other than conflicts and the weekly maximum) a guide breaks for a request. */
export type RuleFailure = 'language' | 'availability' | 'topic' | 'gender' | 'expired';

export function ruleFailures(guide: MatchingGuide, request: MatchingRequest): RuleFailure[] {
  const failures: RuleFailure[] = [];
  if (!speaks(guide, request)) failures.push('language');
  if (!available(guide, request)) failures.push('availability');
  if (guide.topicsRefused.includes(request.topic)) failures.push('topic');
  if (request.genderRequired !== null && request.genderRequired !== guide.gender) failures.push('gender');
  if (guide.validUntil !== null && guide.validUntil < localDate(request.start)) failures.push('expired');
  return failures;
}

export function speaks(guide: MatchingGuide, request: MatchingRequest): boolean {
  return (
    guide.languages.includes(request.language) &&
    (request.dialect === null || guide.dialects.includes(request.dialect))
  );
}

export function available(guide: MatchingGuide, request: MatchingRequest): boolean {
  const start = minutesOf(request.start);
  const end = start + request.durationMinutes;
  return guide.availability.some((w) => minutesOf(w.start) <= start && end <= minutesOf(w.end));
}

/** Everything the solver needs, indexed by number. Per guide, its feasible requests sorted by start. */
export type Model = {
  problem: MatchingProblem;
  nG: number;
  nR: number;
  start: Float64Array;
  end: Float64Array;
  /** Cost of leaving request r unassigned. */
  penalty: Float64Array;
  loadStep: number;
  speedKmh: number;
  maxAssignments: Int32Array;
  /** Per guide: feasible request indices sorted by (start, end). */
  guideReqs: Int32Array[];
  /** Per guide, parallel to guideReqs: cost of the pair (travel from home − continuity + kind mismatch). */
  guideCost: Float64Array[];
  /** Per request: feasible guides and the request's position in each guide's list. */
  reqGuides: Int32Array[];
  reqPos: Int32Array[];
  /** Travel minutes between two request places. */
  travel: (i: number, j: number) => number;
  /** True when one guide can do both requests (either order). */
  compatible: (i: number, j: number) => boolean;
  guideIndex: Map<string, number>;
  requestIndex: Map<string, number>;
};

export function buildModel(problem: MatchingProblem): Model {
  const { guides, requests, weights } = problem;
  const nG = guides.length;
  const nR = requests.length;
  const start = new Float64Array(nR);
  const end = new Float64Array(nR);
  const penalty = new Float64Array(nR);
  const cosLat = new Float64Array(nR);
  const lonR = new Float64Array(nR);
  const latR = new Float64Array(nR);
  requests.forEach((r, i) => {
    const s0 = minutesOf(r.start);
    start[i] = s0;
    end[i] = s0 + r.durationMinutes;
    penalty[i] = weights.unassigned * (1 + r.urgency);
    latR[i] = r.place.lat * RAD;
    lonR[i] = r.place.lon * RAD;
    cosLat[i] = Math.cos(r.place.lat * RAD);
  });
  const factor = (2 * EARTH_RADIUS_KM * 60) / weights.speedKmh;
  const travel = (i: number, j: number): number => {
    const dLat = (latR[j] as number) - (latR[i] as number);
    const dLon = (lonR[j] as number) - (lonR[i] as number);
    const s1 = Math.sin(dLat / 2);
    const s2 = Math.sin(dLon / 2);
    const h = s1 * s1 + (cosLat[i] as number) * (cosLat[j] as number) * s2 * s2;
    return factor * Math.asin(Math.min(1, Math.sqrt(h)));
  };
  // durations are > 0, so two requests that start together always conflict
  const compatible = (i: number, j: number): boolean => {
    if (i === j) return false;
    const [a, b] = (start[i] as number) <= (start[j] as number) ? [i, j] : [j, i];
    return (end[a] as number) + travel(a, b) <= (start[b] as number);
  };

  const guideIndex = new Map(guides.map((g, i) => [g.id, i]));
  const requestIndex = new Map(requests.map((r, i) => [r.id, i]));
  const speakers = new Map<string, number[]>();
  guides.forEach((g, gi) => {
    for (const language of new Set(g.languages)) {
      const list = speakers.get(language) ?? [];
      list.push(gi);
      speakers.set(language, list);
    }
  });
  const windows = guides.map((g) =>
    g.availability.map((w) => [minutesOf(w.start), minutesOf(w.end)] as const),
  );
  const topics = guides.map((g) => new Set(g.topicsRefused));
  const dialects = guides.map((g) => new Set(g.dialects));

  const lists: number[][] = guides.map(() => []);
  const costs: number[][] = guides.map(() => []);
  const order = Array.from({ length: nR }, (_, i) => i).sort(
    (a, b) => (start[a] as number) - (start[b] as number) || (end[a] as number) - (end[b] as number) || a - b,
  );
  for (const r of order) {
    const request = requests[r] as MatchingRequest;
    const date = localDate(request.start);
    const previous = new Set(request.previousGuideIds);
    for (const g of speakers.get(request.language) ?? []) {
      const guide = guides[g] as MatchingGuide;
      if (request.dialect !== null && !dialects[g]?.has(request.dialect)) continue;
      if (topics[g]?.has(request.topic)) continue;
      if (request.genderRequired !== null && request.genderRequired !== guide.gender) continue;
      if (guide.validUntil !== null && guide.validUntil < date) continue;
      if (!windows[g]?.some(([ws, we]) => ws <= (start[r] as number) && (end[r] as number) <= we)) continue;
      let cost = travelMinutes(guide.home, request.place, weights.speedKmh);
      if (previous.has(guide.id)) cost -= weights.continuity;
      if (request.preferredKind && guide.kind && request.preferredKind !== guide.kind)
        cost += weights.kindMismatch;
      lists[g]?.push(r);
      costs[g]?.push(cost);
    }
  }
  const guideReqs = lists.map((l) => Int32Array.from(l));
  const guideCost = costs.map((c) => Float64Array.from(c));
  const reqGuideLists: number[][] = requests.map(() => []);
  const reqPosLists: number[][] = requests.map(() => []);
  guideReqs.forEach((list, g) => {
    list.forEach((r, pos) => {
      reqGuideLists[r]?.push(g);
      reqPosLists[r]?.push(pos);
    });
  });
  return {
    problem,
    nG,
    nR,
    start,
    end,
    penalty,
    loadStep: weights.loadStep,
    speedKmh: weights.speedKmh,
    maxAssignments: Int32Array.from(guides.map((g) => g.maxAssignments)),
    guideReqs,
    guideCost,
    reqGuides: reqGuideLists.map((l) => Int32Array.from(l)),
    reqPos: reqPosLists.map((l) => Int32Array.from(l)),
    travel,
    compatible,
    guideIndex,
    requestIndex,
  };
}

/** loadStep × (0 + 1 + … + (n − 1)): the workload cost of n assignments of one guide. */
export const loadCost = (loadStep: number, n: number): number => (loadStep * n * (n - 1)) / 2;

/** The objective of a set of assignments (assumed feasible), computed from the contract's definition. */
export function objectiveOf(model: Model, guideOf: Int32Array): number {
  const counts = new Int32Array(model.nG);
  let total = 0;
  for (let r = 0; r < model.nR; r++) {
    const g = guideOf[r] as number;
    if (g < 0) {
      total += model.penalty[r] as number;
      continue;
    }
    counts[g] = (counts[g] as number) + 1;
    total += pairCost(model, g, r);
  }
  for (let g = 0; g < model.nG; g++) total += loadCost(model.loadStep, counts[g] as number);
  return total;
}

/** The cost of the feasible pair (g, r); Infinity when g may not take r. */
export function pairCost(model: Model, g: number, r: number): number {
  const guides = model.reqGuides[r] as Int32Array;
  for (let k = 0; k < guides.length; k++) {
    if (guides[k] === g)
      return (model.guideCost[g] as Float64Array)[(model.reqPos[r] as Int32Array)[k] as number] as number;
  }
  return Number.POSITIVE_INFINITY;
}

/** Per model: each guide's windows in minutes, and the speakers of each language and dialect (for the reasons). */
const reasonData = new WeakMap<
  Model,
  { windows: (readonly [number, number])[][]; speakers: Map<string, number[]> }
>();

/** Requests held per guide under an assignment. */
export function heldBy(model: Model, guideOf: Int32Array): number[][] {
  const held: number[][] = Array.from({ length: model.nG }, () => []);
  guideOf.forEach((g, i) => {
    if (g >= 0) held[g]?.push(i);
  });
  return held;
}

/**
 * The contract's reasons why request r is unassigned, given the guides' current assignments (`held`: from
 * heldBy, when the caller asks for many requests; a result with a thousand open requests took half a second
 * when each call worked it out again).
 */
export function unassignedReasons(
  model: Model,
  guideOf: Int32Array,
  r: number,
  held: number[][] = heldBy(model, guideOf),
): UnassignedReason[] {
  const { guides, requests } = model.problem;
  const request = requests[r] as MatchingRequest;
  let data = reasonData.get(model);
  if (!data) {
    data = {
      windows: guides.map((g) => g.availability.map((w) => [minutesOf(w.start), minutesOf(w.end)] as const)),
      speakers: new Map(),
    };
    reasonData.set(model, data);
  }
  const key = `${request.language}\u0000${request.dialect ?? ''}`;
  let speakers = data.speakers.get(key);
  if (!speakers) {
    speakers = [];
    for (let g = 0; g < guides.length; g++) if (speaks(guides[g] as MatchingGuide, request)) speakers.push(g);
    data.speakers.set(key, speakers);
  }
  const reasons = new Set<UnassignedReason>();
  const start = model.start[r] as number;
  const end = model.end[r] as number;
  const windows = data.windows;
  const availableThen = (g: number) => (windows[g] ?? []).some(([ws, we]) => ws <= start && end <= we);
  if (speakers.length === 0 || !speakers.some(availableThen)) reasons.add('no_language');
  const date = localDate(request.start);
  for (const g of speakers) {
    const guide = guides[g] as MatchingGuide;
    if (guide.topicsRefused.includes(request.topic)) reasons.add('topic_refused');
    if (request.genderRequired !== null && request.genderRequired !== guide.gender) reasons.add('gender');
    if (guide.validUntil !== null && guide.validUntil < date) reasons.add('expired');
  }
  for (const g of model.reqGuides[r] as Int32Array) {
    const mine = held[g] as number[];
    const full = mine.length >= (model.maxAssignments[g] as number);
    const clash = mine.some((other) => !model.compatible(other, r));
    if (full) reasons.add('max_reached');
    // a free guide whose cost exceeds leaving the request open (small custom weights): the contract has no
    // reason for that, so it counts as busy
    if (clash || !full) reasons.add('all_busy');
  }
  return [...reasons];
}
