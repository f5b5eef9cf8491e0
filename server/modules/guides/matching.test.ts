/**
 * Matching end to end through the API: the hard rules, explanations stored and readable, unmatched requests
 * with reasons and what would help, decline → next best guide, deadline expiry, and what a guide may see when.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { addGuide, at, book, MONDAY, type TestGuide } from './guides.testkit.ts';

let t: TestApp;
let coordinator: Client;
let caseworker: Client;

const CLOSE = { lat: 51.42, lon: 6.763 }; // next to the appointments in Hochfeld
const FAR = { lat: 51.52, lon: 6.74 }; // Walsum, about 11 km away
const FARTHER = { lat: 51.54, lon: 6.7 }; // north of Walsum, about 14 km away
const speaks = (code: string) => [{ code, level: 'native' as const, dialect: null }];

type Run = {
  status: string;
  objective: number | null;
  gap: number | null;
  proposals: { requestId: string; guideId: string; status: string; explanation: Record<string, unknown> }[];
  unmatched: { requestId: string; reasons: string[]; help: { language: string; weekday: number }[] }[];
  suggestions: { language: string; weekday: number; unmet: number }[];
};

async function runMatching(from: string, to: string): Promise<Run> {
  const started = await coordinator.post('/api/v1/guides/matching/runs', { from, to });
  expect(started.status, started.body).toBe(202);
  const { id } = started.json<{ id: string }>();
  // Poll like a coordinator's page does, until the worker's result is stored.
  const deadline = Date.now() + 30_000;
  let run = (await coordinator.get(`/api/v1/guides/matching/runs/${id}`)).json<Run>();
  while (run.status === 'running' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = (await coordinator.get(`/api/v1/guides/matching/runs/${id}`)).json<Run>();
  }
  // The coordinator reviews the drafts and sends them as they are (review.test.ts covers the review).
  const sent = await coordinator.post(`/api/v1/guides/matching/runs/${id}/send`);
  expect(sent.status, sent.body).toBe(200);
  return (await coordinator.get(`/api/v1/guides/matching/runs/${id}`)).json<Run>();
}

const proposalsOf = async (guide: TestGuide) => {
  const client = await t.login(guide.email);
  const reply = await client.get('/api/v1/guides/me/proposals');
  expect(reply.status, reply.body).toBe(200);
  return {
    client,
    items: reply.json<{ items: { id: string; appointment: Record<string, unknown> }[] }>().items,
  };
};

beforeAll(async () => {
  t = await createTestApp();
  t.services.clock.set(MONDAY);
  coordinator = await t.login('coordinator');
  caseworker = await t.login('caseworker');
});
afterAll(() => t?.close());

describe('a matching run', () => {
  let expired: TestGuide;
  let validFar: TestGuide;
  let validFarther: TestGuide;
  let refusesCourt: TestGuide;
  let accepts: TestGuide;
  let male: TestGuide;
  let female: TestGuide;
  let run: Run;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Tigrinya: the closest guide's police clearance expired before the appointment.
    expired = await addGuide(t, {
      languages: speaks('tir'),
      home: CLOSE,
      steps: { police_clearance: { expiresOn: '2031-03-01' } },
    });
    validFar = await addGuide(t, { name: 'Selam Far', languages: speaks('tir'), home: FAR });
    validFarther = await addGuide(t, { name: 'Yonas Farther', languages: speaks('tir'), home: FARTHER });
    // Amharic: the only guide's training expired.
    await addGuide(t, {
      languages: speaks('amh'),
      home: CLOSE,
      steps: { training: { expiresOn: '2031-02-28' } },
    });
    // Dari, court: the closest guide refuses court appointments.
    refusesCourt = await addGuide(t, { languages: speaks('prs'), home: CLOSE, topicsRefused: ['court'] });
    accepts = await addGuide(t, { languages: speaks('prs'), home: FAR });
    // Albanian, a woman required: the closest guide is a man.
    male = await addGuide(t, { languages: speaks('sqi'), home: CLOSE, gender: 'm' });
    female = await addGuide(t, { languages: speaks('sqi'), home: FAR, gender: 'f' });

    ids.tir = (await book(caseworker, at(1, '10:00'), { language: 'tir' })).id;
    ids.amh = (await book(caseworker, at(1, '10:00'), { language: 'amh' })).id;
    ids.court = (await book(caseworker, at(2, '10:00'), { language: 'prs', topic: 'court' })).id;
    ids.gender = (await book(caseworker, at(2, '11:00'), { language: 'sqi', genderRequired: 'f' })).id;
    ids.vie = (await book(caseworker, at(1, '14:00'), { language: 'vie' })).id;
    run = await runMatching('2031-03-03', '2031-03-09');
  });

  const proposalFor = (requestId: string) => run.proposals.find((p) => p.requestId === requestId);
  const unmatchedFor = (requestId: string) => run.unmatched.find((u) => u.requestId === requestId);

  it('finishes with a proven bound', () => {
    expect(run.status).toBe('done');
    expect(run.gap).not.toBeNull();
    expect(run.gap as number).toBeLessThanOrEqual(0.005);
  });

  it('does not propose a guide whose certificate has expired, even the closest', () => {
    expect(proposalFor(ids.tir as string)?.guideId).toBe(validFar.id);
    expect(run.proposals.some((p) => p.guideId === expired.id)).toBe(false);
    expect(unmatchedFor(ids.amh as string)?.reasons).toContain('expired');
  });

  it('does not propose a guide for a topic they refuse', () => {
    expect(proposalFor(ids.court as string)?.guideId).toBe(accepts.id);
    expect(run.proposals.some((p) => p.guideId === refusesCourt.id)).toBe(false);
  });

  it('proposes only a guide of the gender the request requires', () => {
    expect(proposalFor(ids.gender as string)?.guideId).toBe(female.id);
    expect(run.proposals.some((p) => p.guideId === male.id)).toBe(false);
  });

  it('explains each proposal: language, travel, same guide as before, workload', () => {
    const why = proposalFor(ids.tir as string)?.explanation ?? {};
    expect(why).toMatchObject({
      guideId: validFar.id,
      guideName: 'Selam Far',
      language: 'tir',
      languageLevel: 'native',
      sameGuideAsBefore: false,
      load: 1,
    });
    // Walsum to Hochfeld: about 11 km, 33 minutes at 20 km/h.
    expect(why.distanceKm as number).toBeGreaterThan(10);
    expect(why.travelMinutes as number).toBeGreaterThan(30);
    expect(why.alternatives).toBe(1);
  });

  it('says why nobody fits an unmatched request, and what would help', async () => {
    const vie = unmatchedFor(ids.vie as string);
    expect(vie?.reasons).toEqual(['no_language']);
    // A Tuesday: "one more Vietnamese speaker on Tuesdays".
    expect(vie?.help).toEqual([expect.objectContaining({ language: 'vie', weekday: 2, unmet: 1 })]);
    expect(run.suggestions).toEqual(
      expect.arrayContaining([expect.objectContaining({ language: 'vie', weekday: 2 })]),
    );
    const request = (await caseworker.get(`/api/v1/guides/requests/${ids.vie}`)).json<{
      state: string;
      unmatchedReasons: string[];
    }>();
    expect(request).toMatchObject({ state: 'open', unmatchedReasons: ['no_language'] });
    // The recruitment view counts it: Vietnamese, one unmet request, no guide.
    const recruitment = (await coordinator.get('/api/v1/guides/recruitment')).json<{
      languages: { language: string; unmatched: number; guides: number }[];
    }>();
    expect(recruitment.languages).toContainEqual({ language: 'vie', unmatched: 1, guides: 0 });
  });

  it('shows the proposed guide only what the appointment needs', async () => {
    const { items } = await proposalsOf(validFar);
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]?.appointment ?? {}).sort()).toEqual(
      [
        'address',
        'contactOnDay',
        'dialect',
        'districtId',
        'end',
        'language',
        'lat',
        'lon',
        'mode',
        'newcomerFirstName',
        'start',
        'topic',
      ].sort(),
    );
    expect(items[0]?.appointment).toMatchObject({ language: 'tir', newcomerFirstName: 'Amal' });
    // The next guide in line has not been asked, and sees nothing of the request.
    expect((await proposalsOf(validFarther)).items).toEqual([]);
  });

  it('offers the request to the next best guide when one declines, and reopens it when nobody is left', async () => {
    const first = await proposalsOf(validFar);
    const declined = await first.client.post(`/api/v1/guides/proposals/${first.items[0]?.id}/decline`, {
      reason: 'not_available',
    });
    expect(declined.status, declined.body).toBe(204);
    const second = await proposalsOf(validFarther);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.appointment).toMatchObject({ language: 'tir' });
    // A closed proposal cannot be answered again.
    const again = await first.client.post(`/api/v1/guides/proposals/${first.items[0]?.id}/accept`);
    expect(again.status).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('guides.proposal_closed');

    await second.client.post(`/api/v1/guides/proposals/${second.items[0]?.id}/decline`, {
      reason: 'too_far',
    });
    const request = (await caseworker.get(`/api/v1/guides/requests/${ids.tir}`)).json<{
      state: string;
      unmatchedReasons: string[];
      events: { toState: string; reason: string | null }[];
    }>();
    expect(request.state).toBe('open');
    expect(request.unmatchedReasons.length).toBeGreaterThan(0);
    expect(request.events.map((e) => e.toState)).toEqual(['open', 'proposed', 'proposed', 'open']);
  });
});

describe('an urgent request, its deadline, and the guide’s view over time', () => {
  let best: TestGuide;
  let next: TestGuide;
  let requestId: string;

  beforeAll(async () => {
    best = await addGuide(t, { name: 'Ayaan Best', languages: speaks('urd'), home: CLOSE });
    next = await addGuide(t, { name: 'Zara Next', languages: speaks('urd'), home: FAR });
    requestId = (await book(caseworker, at(3, '10:00'), { language: 'urd', urgency: 3 })).id;
  });

  it('proposes an urgent request to the best guide at once', async () => {
    expect((await proposalsOf(best)).items).toEqual([]);
    const reply = await coordinator.post(`/api/v1/guides/requests/${requestId}/propose`);
    expect(reply.status, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ guideId: best.id, reasons: [] });
    expect((await proposalsOf(best)).items).toHaveLength(1);
  });

  it('moves the request to the next guide when the deadline passes', async () => {
    // The deadline is 24 hours after the proposal; the job runs a minute later.
    t.services.clock.set(new Date(MONDAY.getTime() + 24 * 3_600_000 + 60_000));
    await t.services.jobRunner.runSoon('guides.proposals_expire');
    expect(await t.services.jobRunner.tick()).toContain('guides.proposals_expire');
    expect((await proposalsOf(best)).items).toEqual([]);
    const { client, items } = await proposalsOf(next);
    expect(items).toHaveLength(1);
    const accepted = await client.post(`/api/v1/guides/proposals/${items[0]?.id}/accept`);
    expect(accepted.status, accepted.body).toBe(200);
  });

  it('lets the guide see the appointment until 30 days after it, not later', async () => {
    const assignmentsOf = async (guide: TestGuide) =>
      (await (await t.login(guide.email)).get('/api/v1/guides/me/assignments')).json<{
        items: { requestId: string; appointment: { newcomerFirstName: string | null } }[];
      }>().items;
    expect((await assignmentsOf(next)).map((a) => a.requestId)).toEqual([requestId]);
    t.services.clock.set(new Date(at(3, '11:00').getTime() + 29 * 86_400_000));
    expect((await assignmentsOf(next)).map((a) => a.requestId)).toEqual([requestId]);
    t.services.clock.set(new Date(at(3, '11:00').getTime() + 31 * 86_400_000));
    expect(await assignmentsOf(next)).toEqual([]);
    // The guide who let the deadline pass never sees it.
    expect(await assignmentsOf(best)).toEqual([]);
    t.services.clock.set(MONDAY);
  });
});

describe('the same guide for the same family', () => {
  it('prefers the guide who served the family before, and says so', async () => {
    // The clock moves above ended the earlier sessions.
    caseworker = await t.login('caseworker');
    coordinator = await t.login('coordinator');
    const near = await addGuide(t, { languages: speaks('pus'), home: CLOSE });
    // About 5 km away: 15 minutes more travel, less than the continuity bonus of 30.
    const before = await addGuide(t, {
      name: 'Gul Before',
      languages: speaks('pus'),
      home: { lat: 51.46, lon: 6.78 },
    });
    const first = await book(caseworker, at(4, '09:00'), { language: 'pus', caseRef: 'FAM-PUS-1' });
    const assigned = await coordinator.post(`/api/v1/guides/requests/${first.id}/assign`, {
      guideId: before.id,
    });
    expect(assigned.status, assigned.body).toBe(200);
    const second = await book(caseworker, at(4, '14:00'), { language: 'pus', caseRef: 'FAM-PUS-1' });
    const proposed = await coordinator.post(`/api/v1/guides/requests/${second.id}/propose`);
    expect(proposed.json()).toMatchObject({ guideId: before.id });
    const { items } = await proposalsOf(before);
    expect(items).toHaveLength(1);
    const [item] = (await (await t.login(before.email)).get('/api/v1/guides/me/proposals')).json<{
      items: { explanation: Record<string, unknown> }[];
    }>().items;
    expect(item?.explanation).toMatchObject({ sameGuideAsBefore: true, guideName: 'Gul Before' });
    expect((await proposalsOf(near)).items).toEqual([]);
  });
});
