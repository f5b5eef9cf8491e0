/**
 * The coordinator's review of a matching run: its proposals are drafts nobody else sees until sent; drop, swap,
 * send; the run after a reload. One appointment as an .ics file, and who may download it. Languages by name in
 * the guides' mails (Romani, with its dialect), in German and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { addGuide, at, book, icsUtc, MONDAY, outboxFor, parseIcs, type TestGuide } from './guides.testkit.ts';

let t: TestApp;
let coordinator: Client;
let caseworker: Client;

const CLOSE = { lat: 51.42, lon: 6.763 };
const FAR = { lat: 51.52, lon: 6.74 };
const speaks = (code: string, dialect: string | null = null) => [{ code, level: 'native' as const, dialect }];

type Proposal = {
  id: string;
  requestId: string;
  guideId: string;
  guideName: string;
  status: string;
  explanation: Record<string, unknown>;
  alternatives: { guideId: string; guideName: string; travelMinutes: number }[];
};
type Run = { id: string; status: string; inReview: boolean; sentAt: string | null; proposals: Proposal[] };

async function runMatching(from: string, to: string): Promise<Run> {
  const started = await coordinator.post('/api/v1/guides/matching/runs', { from, to });
  expect(started.status, started.body).toBe(202);
  const { id } = started.json<{ id: string }>();
  const deadline = Date.now() + 30_000;
  let run = (await coordinator.get(`/api/v1/guides/matching/runs/${id}`)).json<Run>();
  while (run.status === 'running' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = (await coordinator.get(`/api/v1/guides/matching/runs/${id}`)).json<Run>();
  }
  return run;
}

const proposalsOf = async (guide: TestGuide) =>
  (await (await t.login(guide.email)).get('/api/v1/guides/me/proposals')).json<{
    items: { id: string }[];
  }>().items;
const errorOf = (reply: { json: <T>() => T }) =>
  reply.json<{ error: { code: string; field?: string } }>().error;

beforeAll(async () => {
  t = await createTestApp();
  t.services.clock.set(MONDAY);
  coordinator = await t.login('coordinator');
  caseworker = await t.login('caseworker');
});
afterAll(() => t?.close());

describe('a matching run under review', () => {
  let tirClose: TestGuide;
  let tirFar: TestGuide;
  let amharic: TestGuide;
  let tir: string;
  let amh: string;
  let run: Run;
  const draftFor = (requestId: string) => run.proposals.find((p) => p.requestId === requestId);

  beforeAll(async () => {
    tirClose = await addGuide(t, { name: 'Selam Close', languages: speaks('tir'), home: CLOSE });
    tirFar = await addGuide(t, { name: 'Yonas Far', languages: speaks('tir'), home: FAR });
    amharic = await addGuide(t, { name: 'Abeba Amharic', languages: speaks('amh'), home: CLOSE });
    tir = (await book(caseworker, at(1, '10:00'), { language: 'tir' })).id;
    amh = (await book(caseworker, at(2, '10:00'), { language: 'amh' })).id;
    run = await runMatching('2031-03-03', '2031-03-09');
  });

  it('keeps the proposals as drafts: the guides see nothing and get no mail', async () => {
    expect(run).toMatchObject({ status: 'done', inReview: true, sentAt: null });
    expect(draftFor(tir)).toMatchObject({ guideId: tirClose.id, status: 'draft' });
    expect(draftFor(amh)).toMatchObject({ guideId: amharic.id, status: 'draft' });
    expect(await proposalsOf(tirClose)).toEqual([]);
    expect(await proposalsOf(amharic)).toEqual([]);
    expect(await outboxFor(t, tirClose.email)).toEqual([]);
    expect(await outboxFor(t, amharic.email)).toEqual([]);
    // The requester still sees an open request: nobody has been asked yet.
    expect((await caseworker.get(`/api/v1/guides/requests/${tir}`)).json()).toMatchObject({ state: 'open' });
  });

  it('shows the run again after a reload, with each draft’s eligible alternatives', async () => {
    const current = (await coordinator.get('/api/v1/guides/matching/current')).json<{
      review: Run | null;
      lastSent: { id: string } | null;
    }>();
    expect(current.review?.id).toBe(run.id);
    expect(current.review?.proposals.map((p) => p.requestId).sort()).toEqual([tir, amh].sort());
    const alternatives = current.review?.proposals.find((p) => p.requestId === tir)?.alternatives ?? [];
    expect(alternatives.map((a) => a.guideName)).toEqual(['Yonas Far']);
    expect(current.review?.proposals.find((p) => p.requestId === amh)?.alternatives).toEqual([]);
  });

  it('swaps a draft only to an eligible guide, and explains the new choice', async () => {
    const proposal = draftFor(tir) as Proposal;
    const url = `/api/v1/guides/matching/runs/${run.id}/proposals/${proposal.id}/swap`;
    const unfit = await coordinator.post(url, { guideId: amharic.id });
    expect(unfit.status).toBe(409);
    expect(errorOf(unfit)).toMatchObject({ code: 'guides.guide_unfit', field: 'body.guideId' });
    const swapped = await coordinator.post(url, { guideId: tirFar.id });
    expect(swapped.status, swapped.body).toBe(200);
    run = (await coordinator.get(`/api/v1/guides/matching/runs/${run.id}`)).json<Run>();
    expect(draftFor(tir)).toMatchObject({ guideId: tirFar.id, guideName: 'Yonas Far', status: 'draft' });
    expect(draftFor(tir)?.explanation).toMatchObject({ guideId: tirFar.id, guideName: 'Yonas Far' });
    expect(draftFor(tir)?.alternatives.map((a) => a.guideName)).toEqual(['Selam Close']);
    // Still nothing for either guide.
    expect(await proposalsOf(tirFar)).toEqual([]);
    expect(await outboxFor(t, tirFar.email)).toEqual([]);
  });

  it('drops a draft: the request stays open and its guide never hears of it', async () => {
    const proposal = draftFor(amh) as Proposal;
    const url = `/api/v1/guides/matching/runs/${run.id}/proposals/${proposal.id}`;
    expect((await coordinator.request('DELETE', url)).status).toBe(204);
    expect((await coordinator.request('DELETE', url)).status).toBe(404);
    run = (await coordinator.get(`/api/v1/guides/matching/runs/${run.id}`)).json<Run>();
    expect(draftFor(amh)).toBeUndefined();
    expect((await caseworker.get(`/api/v1/guides/requests/${amh}`)).json()).toMatchObject({ state: 'open' });
  });

  it('sends the reviewed proposals: now the guide sees it and gets the mail, and the run is closed', async () => {
    const sent = await coordinator.post(`/api/v1/guides/matching/runs/${run.id}/send`);
    expect(sent.status, sent.body).toBe(200);
    expect(sent.json()).toEqual({ sent: 1, skipped: 0 });
    expect(await proposalsOf(tirFar)).toHaveLength(1);
    expect((await outboxFor(t, tirFar.email)).map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^Lotse: Neue Anfrage/),
    ]);
    expect(await proposalsOf(tirClose)).toEqual([]);
    expect(await outboxFor(t, tirClose.email)).toEqual([]);
    expect(await proposalsOf(amharic)).toEqual([]);
    expect((await caseworker.get(`/api/v1/guides/requests/${tir}`)).json()).toMatchObject({
      state: 'proposed',
    });
    // After a reload: nothing under review, the sent run as the last one.
    const current = (await coordinator.get('/api/v1/guides/matching/current')).json<{
      review: Run | null;
      lastSent: { id: string; sentAt: string | null } | null;
    }>();
    expect(current.review).toBeNull();
    expect(current.lastSent).toMatchObject({ id: run.id, sentAt: expect.any(String) });
    const again = await coordinator.post(`/api/v1/guides/matching/runs/${run.id}/send`);
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('guides.run_not_in_review');
  });

  it('lets a new run replace the one under review, whose drafts then reach nobody', async () => {
    const other = await addGuide(t, { languages: speaks('hye'), home: CLOSE });
    await book(caseworker, at(3, '10:00'), { language: 'hye' });
    const first = await runMatching('2031-03-06', '2031-03-06');
    expect(first.proposals.map((p) => p.guideId)).toEqual([other.id]);
    const second = await runMatching('2031-03-06', '2031-03-06');
    const replaced = (await coordinator.get(`/api/v1/guides/matching/runs/${first.id}`)).json<Run>();
    expect(replaced).toMatchObject({ inReview: false, proposals: [] });
    expect(second.proposals.map((p) => p.guideId)).toEqual([other.id]);
    const stale = await coordinator.post(`/api/v1/guides/matching/runs/${first.id}/send`);
    expect(stale.status).toBe(409);
    expect(await proposalsOf(other)).toEqual([]);
  });
});

describe('one appointment as a calendar file', () => {
  let guide: TestGuide;
  let otherGuide: TestGuide;
  let requestId: string;
  let assignmentId: string;
  const start = at(4, '09:30');

  beforeAll(async () => {
    guide = await addGuide(t, { name: 'Dawit Calendar', languages: speaks('orm'), home: CLOSE });
    otherGuide = await addGuide(t, { name: 'Other Guide', languages: speaks('orm'), home: FAR });
    requestId = (await book(caseworker, start, { language: 'orm', notes: 'Befund mitbringen' })).id;
    const assigned = await coordinator.post(`/api/v1/guides/requests/${requestId}/assign`, {
      guideId: guide.id,
    });
    expect(assigned.status, assigned.body).toBe(200);
    assignmentId = assigned.json<{ assignmentId: string }>().assignmentId;
  });

  it('gives the guide one event with the time in UTC, the address and only the newcomer’s first name', async () => {
    const client = await t.login(guide.email);
    const reply = await client.get(`/api/v1/guides/me/assignments/${assignmentId}/calendar.ics`);
    expect(reply.status, reply.body).toBe(200);
    expect(String(reply.headers['content-type'])).toContain('text/calendar');
    expect(String(reply.headers['content-disposition'])).toContain('attachment');
    const { events } = parseIcs(reply.body);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      DTSTART: icsUtc(start),
      DTEND: icsUtc(new Date(start.getTime() + 60 * 60_000)),
      SUMMARY: 'Oromo · Gesundheit – Amal',
      LOCATION: 'Wanheimer Straße 1\\, 47053 Duisburg',
      STATUS: 'CONFIRMED',
    });
    // The same privacy rule as the feed: no phone number, no notes.
    expect(reply.body).not.toContain('555 0199');
    expect(reply.body).not.toContain('Befund');
  });

  it('gives the caseworker the same appointment with the guide’s first name', async () => {
    const reply = await caseworker.get(`/api/v1/guides/requests/${requestId}/calendar.ics`);
    expect(reply.status, reply.body).toBe(200);
    const { events } = parseIcs(reply.body);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ DTSTART: icsUtc(start), SUMMARY: 'Oromo · Gesundheit – Dawit' });
    expect(reply.body).not.toContain('Calendar');
  });

  it('refuses another guide: 404 for the appointment, 403 for the request', async () => {
    const client = await t.login(otherGuide.email);
    const appointment = await client.get(`/api/v1/guides/me/assignments/${assignmentId}/calendar.ics`);
    expect(appointment.status).toBe(404);
    const request = await client.get(`/api/v1/guides/requests/${requestId}/calendar.ics`);
    expect(request.status).toBe(403);
    const institution = await t.login('institution');
    expect((await institution.get(`/api/v1/guides/requests/${requestId}/calendar.ics`)).status).toBe(403);
  });
});

describe('a Romani request in the guides’ mails', () => {
  it('names the language and dialect in German and in English, never by the codes "rom" or "sinti"', async () => {
    const german = await addGuide(t, { locale: 'de', languages: speaks('rom', 'sinti'), home: CLOSE });
    const english = await addGuide(t, { locale: 'en', languages: speaks('rom', 'vlax'), home: CLOSE });
    const sinti = (await book(caseworker, at(8, '10:00'), { language: 'rom', dialect: 'sinti' })).id;
    const vlax = (await book(caseworker, at(8, '14:00'), { language: 'rom', dialect: 'vlax' })).id;
    expect((await coordinator.post(`/api/v1/guides/requests/${sinti}/propose`)).json()).toMatchObject({
      guideId: german.id,
    });
    expect((await coordinator.post(`/api/v1/guides/requests/${vlax}/propose`)).json()).toMatchObject({
      guideId: english.id,
    });
    const [toGerman] = await outboxFor(t, german.email);
    expect(toGerman?.textBody).toContain('Romanes, Dialekt: Sinti-Romanes');
    const [toEnglish] = await outboxFor(t, english.email);
    expect(toEnglish?.textBody).toContain('Romani, dialect: Vlax Romani (e.g. Kalderash, Lovari)');
    for (const mail of [toGerman, toEnglish]) {
      expect(mail?.textBody).not.toMatch(/\b(rom|sinti|vlax)\b/);
    }
  });
});
