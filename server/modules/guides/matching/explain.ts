/** Explanations for people: why this guide, who else could, why nobody, and what would help. */
import { travelMinutes } from '../../../core/geo.ts';
import { buildModel, localWeekday, type Model } from './model.ts';
import type { MatchingProblem, MatchingRequest, MatchingResult, UnassignedReason } from './types.ts';

const models = new WeakMap<MatchingProblem, Model>();

/** The model of a problem, built once per problem object. */
function modelOf(problem: MatchingProblem): Model {
  let model = models.get(problem);
  if (!model) {
    model = buildModel(problem);
    models.set(problem, model);
  }
  return model;
}

export type FeasibleGuide = {
  guideId: string;
  travelMinutes: number;
  /** The guide served this family or case before (in previousGuideIds). */
  continuity: boolean;
  /** The pair's cost in the objective: travel − continuity (+ kind mismatch), without workload. */
  cost: number;
};

/** Every guide who meets the hard rules for the request (ignoring other assignments), cheapest first. */
export function feasibleGuides(problem: MatchingProblem, requestId: string): FeasibleGuide[] {
  const model = modelOf(problem);
  const r = model.requestIndex.get(requestId);
  if (r === undefined) return [];
  const request = problem.requests[r] as MatchingRequest;
  const list: FeasibleGuide[] = [];
  (model.reqGuides[r] as Int32Array).forEach((g, k) => {
    const guide = problem.guides[g];
    if (!guide) return;
    list.push({
      guideId: guide.id,
      travelMinutes: round(travelMinutes(guide.home, request.place, problem.weights.speedKmh)),
      continuity: request.previousGuideIds.includes(guide.id),
      cost: round(
        (model.guideCost[g] as Float64Array)[(model.reqPos[r] as Int32Array)[k] as number] as number,
      ),
    });
  });
  return list.sort((a, b) => a.cost - b.cost || a.guideId.localeCompare(b.guideId));
}

export type AssignmentExplanation = {
  guideId: string;
  travelMinutes: number;
  continuity: boolean;
  /** This is the guide's k-th assignment (by start time) in the result. */
  load: number;
  /** The guide's assignments in the result in total, and the guide's maximum. */
  assignmentsOfGuide: number;
  maxAssignments: number;
  languageMatch: { language: string; dialect: string | null };
  /** How many other guides meet the hard rules for this request. */
  alternatives: number;
};

/** Why the result gives this request to its guide; null when the request is unassigned or unknown. */
export function explainAssignment(
  problem: MatchingProblem,
  result: Pick<MatchingResult, 'assignments'>,
  requestId: string,
): AssignmentExplanation | null {
  const model = modelOf(problem);
  const assignment = result.assignments.find((a) => a.requestId === requestId);
  const r = model.requestIndex.get(requestId);
  const g = assignment ? model.guideIndex.get(assignment.guideId) : undefined;
  if (!assignment || r === undefined || g === undefined) return null;
  const request = problem.requests[r] as MatchingRequest;
  const guide = problem.guides[g];
  if (!guide) return null;
  const starts = result.assignments
    .filter((a) => a.guideId === guide.id)
    .map((a) => model.start[model.requestIndex.get(a.requestId) ?? -1] ?? 0)
    .sort((a, b) => a - b);
  return {
    guideId: guide.id,
    travelMinutes: round(travelMinutes(guide.home, request.place, problem.weights.speedKmh)),
    continuity: request.previousGuideIds.includes(guide.id),
    load: starts.indexOf(model.start[r] as number) + 1,
    assignmentsOfGuide: starts.length,
    maxAssignments: guide.maxAssignments,
    languageMatch: { language: request.language, dialect: request.dialect },
    alternatives: Math.max(0, (model.reqGuides[r] as Int32Array).length - 1),
  };
}

/**
 * The guides who could take the request now, given every other assignment of the result (no conflict, below
 * their maximum), cheapest first; `marginalCost` = pair cost + loadStep × their current number of assignments.
 * Used when a guide declines: pass the guides who declined (and the current one) in excludeGuideIds.
 */
export function rankAlternatives(
  problem: MatchingProblem,
  result: Pick<MatchingResult, 'assignments'>,
  requestId: string,
  excludeGuideIds: string[] = [],
): { guideId: string; marginalCost: number; travelMinutes: number }[] {
  const model = modelOf(problem);
  const r = model.requestIndex.get(requestId);
  if (r === undefined) return [];
  const request = problem.requests[r] as MatchingRequest;
  const excluded = new Set(excludeGuideIds);
  const held = new Map<number, number[]>();
  for (const a of result.assignments) {
    const ar = model.requestIndex.get(a.requestId);
    const ag = model.guideIndex.get(a.guideId);
    if (ar === undefined || ag === undefined || ar === r) continue;
    held.set(ag, [...(held.get(ag) ?? []), ar]);
  }
  const ranked: { guideId: string; marginalCost: number; travelMinutes: number }[] = [];
  (model.reqGuides[r] as Int32Array).forEach((g, k) => {
    const guide = problem.guides[g];
    if (!guide || excluded.has(guide.id)) return;
    const mine = held.get(g) ?? [];
    if (mine.length >= guide.maxAssignments || mine.some((other) => !model.compatible(other, r))) return;
    const cost = (model.guideCost[g] as Float64Array)[(model.reqPos[r] as Int32Array)[k] as number] as number;
    ranked.push({
      guideId: guide.id,
      marginalCost: round(cost + model.loadStep * mine.length),
      travelMinutes: round(travelMinutes(guide.home, request.place, problem.weights.speedKmh)),
    });
  });
  return ranked.sort((a, b) => a.marginalCost - b.marginalCost || a.guideId.localeCompare(b.guideId));
}

export type Suggestion = {
  language: string;
  dialect: string | null;
  /** ISO weekday of the requests' local date: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local time span (as written in the requests) the unmet requests cover, "HH:MM". */
  hours: { from: string; to: string };
  unmet: number;
  /** The most frequent reason among these requests, and all of them. */
  reason: UnassignedReason;
  reasons: UnassignedReason[];
};

/**
 * "What would help": the unassigned requests grouped by language, dialect and weekday, most unmet first —
 * e.g. { language: "ti", weekday: 2, unmet: 4 } reads "one more Tigrinya speaker on Tuesdays".
 */
export function suggestions(
  problem: MatchingProblem,
  result: Pick<MatchingResult, 'unassigned'>,
): Suggestion[] {
  const byId = new Map(problem.requests.map((r) => [r.id, r]));
  const groups = new Map<
    string,
    { suggestion: Suggestion; counts: Map<UnassignedReason, number>; from: number; to: number }
  >();
  for (const { requestId, reasons } of result.unassigned) {
    const request = byId.get(requestId);
    if (!request) continue;
    const weekday = localWeekday(request.start);
    const key = JSON.stringify([request.language, request.dialect, weekday]);
    let group = groups.get(key);
    if (!group) {
      group = {
        suggestion: {
          language: request.language,
          dialect: request.dialect,
          weekday,
          hours: { from: '', to: '' },
          unmet: 0,
          reason: reasons[0] ?? 'all_busy',
          reasons: [],
        },
        counts: new Map(),
        from: Number.POSITIVE_INFINITY,
        to: 0,
      };
      groups.set(key, group);
    }
    group.suggestion.unmet++;
    for (const reason of reasons) group.counts.set(reason, (group.counts.get(reason) ?? 0) + 1);
    const from = localMinutes(request.start);
    group.from = Math.min(group.from, from);
    group.to = Math.max(group.to, Math.min(24 * 60, from + request.durationMinutes));
  }
  return [...groups.values()]
    .map(({ suggestion, counts, from, to }) => {
      const reasons = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      return {
        ...suggestion,
        hours: { from: clock(from), to: clock(to) },
        reason: reasons[0]?.[0] ?? suggestion.reason,
        reasons: reasons.map(([reason]) => reason),
      };
    })
    .sort((a, b) => b.unmet - a.unmet || a.language.localeCompare(b.language) || a.weekday - b.weekday);
}

/** Minutes after local midnight of a timestamp as written ("…T09:30…" → 570). */
function localMinutes(iso: string): number {
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export type { UnassignedReason, MatchingRequest as Request };
