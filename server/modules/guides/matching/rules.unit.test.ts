import { describe, expect, it } from 'vitest';
import {
  checkAssignments,
  type MatchingGuide,
  type MatchingRequest,
  ProblemError,
  parseMatchingProblem,
  solveMatching,
  UNASSIGNED_REASONS,
} from './index.ts';

/** Duisburg city centre and the main station, 1.2 km apart (3.6 travel minutes at 20 km/h). */
const CENTRE = { lat: 51.4344, lon: 6.7623 };
const STATION = { lat: 51.4297, lon: 6.7757 };
/** Walsum, ~14 km north: 42 travel minutes. */
const WALSUM = { lat: 51.5306, lon: 6.6919 };

function guide(patch: Partial<MatchingGuide> = {}): MatchingGuide {
  return {
    id: 'g1',
    languages: ['ar'],
    dialects: [],
    gender: 'f',
    topicsRefused: [],
    home: CENTRE,
    maxAssignments: 5,
    availability: [{ start: '2026-12-07T08:00:00+01:00', end: '2026-12-07T16:00:00+01:00' }],
    validUntil: '2027-06-30',
    ...patch,
  };
}

function request(patch: Partial<MatchingRequest> = {}): MatchingRequest {
  return {
    id: 'r1',
    language: 'ar',
    dialect: null,
    start: '2026-12-07T09:30:00+01:00',
    durationMinutes: 60,
    place: STATION,
    topic: 'health',
    genderRequired: null,
    urgency: 0,
    previousGuideIds: [],
    ...patch,
  };
}

function solve(guides: MatchingGuide[], requests: MatchingRequest[]) {
  const problem = parseMatchingProblem({ guides, requests });
  const result = solveMatching(problem);
  expect(checkAssignments(problem, result.assignments)).toEqual([]);
  return result;
}

const guideOf = (result: ReturnType<typeof solve>, requestId: string) =>
  result.assignments.find((a) => a.requestId === requestId)?.guideId ?? null;
const reasonsOf = (result: ReturnType<typeof solve>, requestId: string) =>
  result.unassigned.find((u) => u.requestId === requestId)?.reasons.sort() ?? null;

describe('hard rules', () => {
  it('assigns a guide who meets every rule', () => {
    const result = solve([guide()], [request()]);
    expect(guideOf(result, 'r1')).toBe('g1');
    expect(result.gap).toBe(0);
  });

  it('language: a guide who does not speak it is never assigned', () => {
    const result = solve([guide({ languages: ['tr'] })], [request()]);
    expect(guideOf(result, 'r1')).toBeNull();
    expect(reasonsOf(result, 'r1')).toEqual(['no_language']);
  });

  it('dialect: when the request names one, the guide must have it', () => {
    const levantine = request({ dialect: 'ar-levantine' });
    expect(guideOf(solve([guide({ dialects: ['ar-iraqi'] })], [levantine]), 'r1')).toBeNull();
    expect(guideOf(solve([guide({ dialects: ['ar-iraqi', 'ar-levantine'] })], [levantine]), 'r1')).toBe('g1');
    // without a dialect, any Arabic speaker will do
    expect(guideOf(solve([guide({ dialects: ['ar-iraqi'] })], [request()]), 'r1')).toBe('g1');
  });

  it('availability: start and end must lie inside one window (instants, whatever the offset)', () => {
    const windows = [
      { start: '2026-12-07T08:00:00+01:00', end: '2026-12-07T10:00:00+01:00' },
      { start: '2026-12-07T10:00:00+01:00', end: '2026-12-07T12:00:00+01:00' },
    ];
    // 09:30–10:30 spans two windows: not inside one
    expect(guideOf(solve([guide({ availability: windows })], [request()]), 'r1')).toBeNull();
    // 09:00–10:00 fits the first window exactly
    expect(
      guideOf(
        solve([guide({ availability: windows })], [request({ start: '2026-12-07T09:00:00+01:00' })]),
        'r1',
      ),
    ).toBe('g1');
    // the same instant written in UTC
    expect(
      guideOf(solve([guide({ availability: windows })], [request({ start: '2026-12-07T08:00:00Z' })]), 'r1'),
    ).toBe('g1');
    // a minute too long
    expect(
      guideOf(
        solve(
          [guide({ availability: windows })],
          [request({ start: '2026-12-07T09:00:00+01:00', durationMinutes: 61 })],
        ),
        'r1',
      ),
    ).toBeNull();
  });

  it('topic: a refused topic is never assigned', () => {
    const result = solve([guide({ topicsRefused: ['court'] })], [request({ topic: 'court' })]);
    expect(guideOf(result, 'r1')).toBeNull();
    expect(reasonsOf(result, 'r1')).toEqual(['topic_refused']);
  });

  it('gender: a required gender must match', () => {
    const result = solve([guide({ gender: 'm' })], [request({ genderRequired: 'f' })]);
    expect(guideOf(result, 'r1')).toBeNull();
    expect(reasonsOf(result, 'r1')).toEqual(['gender']);
    expect(guideOf(solve([guide({ gender: null })], [request({ genderRequired: 'f' })]), 'r1')).toBeNull();
    expect(guideOf(solve([guide({ gender: 'f' })], [request({ genderRequired: 'f' })]), 'r1')).toBe('g1');
  });

  it('validUntil: valid on the request’s local date, expired the day after', () => {
    const late = request({ start: '2026-12-07T00:30:00+01:00', durationMinutes: 30 });
    const allDay = [{ start: '2026-12-06T00:00:00+01:00', end: '2026-12-08T00:00:00+01:00' }];
    // 00:30 local on the 7th is the 6th in UTC; the local date counts
    expect(guideOf(solve([guide({ availability: allDay, validUntil: '2026-12-07' })], [late]), 'r1')).toBe(
      'g1',
    );
    const result = solve([guide({ availability: allDay, validUntil: '2026-12-06' })], [late]);
    expect(guideOf(result, 'r1')).toBeNull();
    expect(reasonsOf(result, 'r1')).toEqual(['expired']);
  });

  it('maxAssignments: a guide holds at most that many', () => {
    const requests = [0, 1, 2].map((i) =>
      request({
        id: `r${i}`,
        start: `2026-12-07T${String(8 + i).padStart(2, '0')}:00:00+01:00`,
        durationMinutes: 45,
      }),
    );
    const result = solve([guide({ maxAssignments: 2 })], requests);
    expect(result.assignments).toHaveLength(2);
    expect(result.unassigned).toHaveLength(1);
    expect(result.unassigned[0]?.reasons).toEqual(['max_reached']);
  });

  it('reports only the six reasons of the contract: a free guide who costs too much counts as all_busy', () => {
    // with unassigned = 20, the 42 travel minutes to Walsum cost more than leaving the request open
    const problem = parseMatchingProblem({
      weights: { unassigned: 20 },
      guides: [guide()],
      requests: [request({ place: WALSUM })],
    });
    const result = solveMatching(problem);
    expect(result.assignments).toEqual([]);
    expect(result.objective).toBeCloseTo(20, 6);
    expect(result.unassigned).toEqual([{ requestId: 'r1', reasons: ['all_busy'] }]);
    const contract = ['no_language', 'all_busy', 'topic_refused', 'gender', 'expired', 'max_reached'];
    expect(UNASSIGNED_REASONS).toEqual(contract);
  });

  it('conflicts: overlapping requests, or too little time to travel between them, go to different guides', () => {
    // 09:00–10:00 at the station, then 10:30 in Walsum: 42 minutes of travel do not fit into 30
    const first = request({ id: 'a', start: '2026-12-07T09:00:00+01:00' });
    const far = request({ id: 'b', start: '2026-12-07T10:30:00+01:00', place: WALSUM });
    const one = solve([guide()], [first, far]);
    expect(one.assignments).toHaveLength(1);
    expect(one.unassigned[0]?.reasons).toEqual(['all_busy']);
    // at 10:45 the travel fits (and in the other order of the file, too)
    const later = request({ id: 'b', start: '2026-12-07T10:45:00+01:00', place: WALSUM });
    expect(solve([guide()], [later, first]).assignments).toHaveLength(2);
    // a second guide takes the one that does not fit
    const two = solve([guide(), guide({ id: 'g2', home: WALSUM })], [first, far]);
    expect(two.assignments).toHaveLength(2);
    expect(guideOf(two, 'b')).toBe('g2');
  });

  it('lists every reason that applies across the guides', () => {
    const result = solve(
      [
        guide({ id: 'court', topicsRefused: ['court'] }),
        guide({ id: 'man', gender: 'm' }),
        guide({ id: 'old', validUntil: '2026-01-01' }),
        guide({ id: 'turkish', languages: ['tr'] }),
      ],
      [request({ topic: 'court', genderRequired: 'f' })],
    );
    expect(reasonsOf(result, 'r1')).toEqual(['expired', 'gender', 'topic_refused']);
  });

  it('no_language also when the speakers are not available that day', () => {
    const result = solve([guide()], [request({ start: '2026-12-08T09:30:00+01:00' })]);
    expect(reasonsOf(result, 'r1')).toEqual(['no_language']);
  });
});

describe('objective', () => {
  it('prefers the nearer guide, the previous guide (continuity) and spreads the work (loadStep)', () => {
    const near = guide({ id: 'near', home: STATION });
    const far = guide({ id: 'far', home: WALSUM });
    expect(guideOf(solve([far, near], [request()]), 'r1')).toBe('near');
    // continuity (30) does not beat 42 − 0 travel minutes …
    expect(guideOf(solve([far, near], [request({ previousGuideIds: ['far'] })]), 'r1')).toBe('near');
    // … but it beats a small difference
    const nearby = guide({ id: 'nearby', home: CENTRE });
    expect(guideOf(solve([nearby, near], [request({ previousGuideIds: ['nearby'] })]), 'r1')).toBe('nearby');
    // two compatible requests: the second guide takes one although it travels a little further (3.6 < loadStep 10)
    const requests = [
      request({ id: 'a', start: '2026-12-07T09:00:00+01:00' }),
      request({ id: 'b', start: '2026-12-07T11:00:00+01:00' }),
    ];
    const spread = solve([near, guide({ id: 'centre', home: CENTRE })], requests);
    expect(new Set(spread.assignments.map((a) => a.guideId)).size).toBe(2);
  });

  it('computes the objective from the contract: travel − continuity + load + unassigned × (1 + urgency)', () => {
    const result = solve(
      [guide({ home: STATION, maxAssignments: 2 })],
      [
        request({ id: 'a', start: '2026-12-07T09:00:00+01:00', previousGuideIds: ['g1'] }),
        request({ id: 'b', start: '2026-12-07T11:00:00+01:00' }),
        request({ id: 'c', start: '2026-12-07T13:00:00+01:00', urgency: 2 }),
      ],
    );
    // c is the most urgent: 3000 if unassigned; the guide takes c and one of a/b (a: −30 continuity)
    expect(result.assignments.map((a) => a.requestId).sort()).toEqual(['a', 'c']);
    // 0 travel − 30 (a) + 0 travel (c) + load 0 + 10 + unassigned b 1000
    expect(result.objective).toBeCloseTo(980, 6);
    expect(result.bound).toBeCloseTo(980, 6);
    expect(result.gap).toBe(0);
  });
});

describe('parseMatchingProblem', () => {
  const valid = { guides: [guide()], requests: [request()] };
  const error = (json: unknown) => {
    try {
      parseMatchingProblem(json);
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemError);
      return { path: (e as ProblemError).path, message: (e as ProblemError).message };
    }
    throw new Error('accepted');
  };
  const withGuide = (patch: Record<string, unknown>) => ({
    ...valid,
    guides: [guide(), { ...guide({ id: 'g2' }), ...patch }],
  });
  const withRequest = (patch: Record<string, unknown>) => ({
    ...valid,
    requests: [{ ...request(), ...patch }],
  });

  it('fills the default weights', () => {
    expect(parseMatchingProblem(valid).weights).toEqual({
      unassigned: 1000,
      continuity: 30,
      loadStep: 10,
      speedKmh: 20,
      kindMismatch: 0,
    });
    expect(parseMatchingProblem({ ...valid, weights: { loadStep: 5 } }).weights.loadStep).toBe(5);
  });

  it('names the first wrong field', () => {
    expect(error([]).path).toBe('');
    expect(error({ guides: [] }).path).toBe('requests');
    expect(error(withGuide({ languages: 'ar' })).path).toBe('guides[1].languages');
    expect(
      error(
        withGuide({
          availability: [{ start: '2026-12-07T16:00:00+01:00', end: '2026-12-07T08:00:00+01:00' }],
        }),
      ),
    ).toEqual({ path: 'guides[1].availability[0].end', message: 'must be after start' });
    expect(
      error(withGuide({ availability: [{ start: '2026-12-07T08:00:00', end: '2026-12-07T09:00:00+01:00' }] }))
        .path,
    ).toBe('guides[1].availability[0].start');
    expect(error(withGuide({ validUntil: '2027-02-30' })).path).toBe('guides[1].validUntil');
    expect(error(withGuide({ maxAssignments: 2.5 })).path).toBe('guides[1].maxAssignments');
    expect(error(withGuide({ home: { lat: 91, lon: 6 } })).path).toBe('guides[1].home.lat');
    expect(error(withGuide({ gender: 'x' })).path).toBe('guides[1].gender');
    expect(error(withGuide({ maxAssignment: 3 })).path).toBe('guides[1].maxAssignment');
    expect(error(withGuide({ id: 'g1' }))).toEqual({ path: 'guides[1].id', message: 'duplicate id "g1"' });
    expect(error(withRequest({ durationMinutes: -30 })).path).toBe('requests[0].durationMinutes');
    expect(error(withRequest({ durationMinutes: '60' })).path).toBe('requests[0].durationMinutes');
    expect(error(withRequest({ start: '2026-13-07T09:30:00+01:00' })).path).toBe('requests[0].start');
    expect(error(withRequest({ place: { lat: 51.4 } })).path).toBe('requests[0].place.lon');
    expect(error(withRequest({ urgency: -1 })).path).toBe('requests[0].urgency');
    expect(error({ ...valid, weights: { speedKmh: 0 } }).path).toBe('weights.speedKmh');
  });
});
