import { describe, expect, it } from 'vitest';
import {
  explainAssignment,
  feasibleGuides,
  type MatchingGuide,
  type MatchingRequest,
  parseMatchingProblem,
  rankAlternatives,
  solveMatching,
  suggestions,
} from './index.ts';

const STATION = { lat: 51.4297, lon: 6.7757 };
const CENTRE = { lat: 51.4344, lon: 6.7623 };
const WALSUM = { lat: 51.5306, lon: 6.6919 };
const MONDAY = [{ start: '2026-12-07T08:00:00+01:00', end: '2026-12-07T18:00:00+01:00' }];
const TUESDAY = [{ start: '2026-12-08T08:00:00+01:00', end: '2026-12-08T18:00:00+01:00' }];

const guide = (id: string, patch: Partial<MatchingGuide> = {}): MatchingGuide => ({
  id,
  languages: ['ar'],
  dialects: ['ar-levantine'],
  gender: 'f',
  topicsRefused: [],
  home: CENTRE,
  maxAssignments: 3,
  availability: MONDAY,
  validUntil: '2027-06-30',
  ...patch,
});
const request = (id: string, patch: Partial<MatchingRequest> = {}): MatchingRequest => ({
  id,
  language: 'ar',
  dialect: null,
  start: '2026-12-07T09:00:00+01:00',
  durationMinutes: 60,
  place: STATION,
  topic: 'health',
  genderRequired: null,
  urgency: 0,
  previousGuideIds: [],
  ...patch,
});

describe('explanations', () => {
  const problem = parseMatchingProblem({
    guides: [
      guide('amal', { home: STATION }),
      guide('basma', { home: CENTRE }),
      guide('far', { home: WALSUM }),
      guide('turkish', { languages: ['tr'] }),
    ],
    requests: [
      request('clinic', { dialect: 'ar-levantine', previousGuideIds: ['basma'] }),
      request('school', { start: '2026-12-07T13:00:00+01:00' }),
    ],
  });
  const result = solveMatching(problem);

  it('says why this guide: travel, continuity, workload, language and how many others could', () => {
    const why = explainAssignment(problem, result, 'clinic');
    expect(why).toMatchObject({
      guideId: 'basma',
      continuity: true,
      load: 1,
      languageMatch: { language: 'ar', dialect: 'ar-levantine' },
      alternatives: 2,
    });
    expect(why?.travelMinutes).toBeCloseTo(3.0, 0);
    expect(explainAssignment(problem, result, 'school')).toMatchObject({
      guideId: 'amal',
      travelMinutes: 0,
      continuity: false,
    });
    expect(explainAssignment(problem, result, 'unknown')).toBeNull();
  });

  it('counts the k-th assignment of a guide by start time', () => {
    const busy = parseMatchingProblem({
      guides: [guide('only', { home: STATION })],
      requests: [request('late', { start: '2026-12-07T15:00:00+01:00' }), request('early')],
    });
    const solved = solveMatching(busy);
    expect(explainAssignment(busy, solved, 'early')?.load).toBe(1);
    expect(explainAssignment(busy, solved, 'late')).toMatchObject({
      load: 2,
      assignmentsOfGuide: 2,
      maxAssignments: 3,
    });
  });

  it('lists the guides who meet the hard rules, cheapest first', () => {
    expect(feasibleGuides(problem, 'clinic').map((g) => g.guideId)).toEqual(['basma', 'amal', 'far']);
    expect(feasibleGuides(problem, 'clinic')[0]).toMatchObject({ continuity: true });
  });

  it('ranks the next best guides when one declines, given the other assignments', () => {
    // amal declines the school appointment: basma is free at 13:00, far is further away
    const next = rankAlternatives(problem, result, 'school', ['amal']);
    expect(next.map((g) => g.guideId)).toEqual(['basma', 'far']);
    // basma already holds the clinic appointment: one more assignment costs loadStep 10 more
    expect(next[0]?.marginalCost).toBeCloseTo((next[0]?.travelMinutes ?? 0) + 10, 6);
    // at 09:00 basma is busy with the clinic: only the others can take a second request at that time
    const clash = parseMatchingProblem({ ...problem, requests: [...problem.requests, request('office')] });
    expect(rankAlternatives(clash, result, 'office', []).map((g) => g.guideId)).toEqual(['amal', 'far']);
  });
});

describe('unmatched requests: why, and what would help', () => {
  const problem = parseMatchingProblem({
    guides: [guide('g1', { languages: ['ti'], dialects: [], availability: MONDAY, maxAssignments: 1 })],
    requests: [
      request('ti-mon-1', { language: 'ti' }),
      request('ti-mon-2', { language: 'ti', start: '2026-12-07T11:00:00+01:00' }),
      request('ti-tue-1', { language: 'ti', start: '2026-12-08T09:00:00+01:00' }),
      request('ti-tue-2', { language: 'ti', start: '2026-12-08T14:00:00+01:00', durationMinutes: 90 }),
      request('ps-tue', { language: 'ps', start: '2026-12-08T10:00:00+01:00' }),
    ],
  });
  const result = solveMatching(problem);

  it('gives the reasons per request', () => {
    const reasons = Object.fromEntries(result.unassigned.map((u) => [u.requestId, u.reasons]));
    expect(result.assignments).toHaveLength(1);
    expect(reasons['ti-tue-1']).toEqual(['no_language']);
    expect(reasons['ps-tue']).toEqual(['no_language']);
    const mondayLeft = result.unassigned.find((u) => u.requestId.startsWith('ti-mon'));
    expect(mondayLeft?.reasons).toEqual(['max_reached']);
  });

  it('aggregates what would help: one more Tigrinya speaker on Tuesdays, with the hours', () => {
    const help = suggestions(problem, result);
    expect(help[0]).toEqual({
      language: 'ti',
      dialect: null,
      weekday: 2,
      hours: { from: '09:00', to: '15:30' },
      unmet: 2,
      reason: 'no_language',
      reasons: ['no_language'],
    });
    expect(help.map((h) => [h.language, h.weekday, h.unmet])).toEqual([
      ['ti', 2, 2],
      ['ps', 2, 1],
      ['ti', 1, 1],
    ]);
  });

  it('is empty when everyone is matched', () => {
    const easy = parseMatchingProblem({ guides: [guide('g1')], requests: [request('r1')] });
    expect(suggestions(easy, solveMatching(easy))).toEqual([]);
  });

  it('keeps its problem unchanged and works with TUESDAY windows too', () => {
    const tuesday = parseMatchingProblem({
      guides: [guide('g1', { availability: TUESDAY })],
      requests: [request('r1', { start: '2026-12-08T09:00:00+01:00' })],
    });
    expect(solveMatching(tuesday).assignments).toEqual([{ requestId: 'r1', guideId: 'g1' }]);
  });
});
