import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../../test/harness.ts';
import { createTestApp } from '../../../../test/harness.ts';
import { buildRequest } from '../guides.factories.ts';
import { guideTimeLogs } from './after.tables.ts';

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

/** The text of every page of a PDF, as pdf.js (a reader's copy and paste) extracts it, spaces normalised. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

let t: TestApp;
let institution: Client;
let coordinator: Client;
let guide: Client;
let caseworker: Client;
let guideId: string;
let requestA: { id: string; code: string };
let assignmentA: string;
let requestB: string;

const MONTH = '2027-03';
const at = (iso: string) => new Date(iso);

async function book(start: Date, overrides: Record<string, unknown> = {}) {
  const reply = await institution.post('/api/v1/guides/requests', buildRequest(start, overrides));
  expect(reply.status, reply.body).toBe(201);
  return reply.json<{ id: string; code: string }>();
}

async function assign(requestId: string, to: string) {
  const reply = await coordinator.post(`/api/v1/guides/requests/${requestId}/assign`, { guideId: to });
  expect(reply.status, reply.body).toBe(200);
  return reply.json<{ assignmentId: string }>().assignmentId;
}

/** Moves the test clock and signs everyone in again (a session does not outlive a jump of days). */
async function moveClock(iso: string) {
  t.services.clock.set(at(iso));
  [institution, coordinator, guide, caseworker] = await Promise.all([
    t.login('institution'),
    t.login('coordinator'),
    t.login('guide'),
    t.login('caseworker'),
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  // Monday, 1 March 2027: a clinic appointment on Wednesday and one on Thursday, both for the demo mediator.
  await moveClock('2027-03-01T08:00:00+01:00');
  guideId = (await guide.get('/api/v1/guides/me/profile')).json<{ userId: string }>().userId;
  requestA = await book(at('2027-03-03T10:00:00+01:00'));
  assignmentA = await assign(requestA.id, guideId);
  requestB = (await book(at('2027-03-04T10:00:00+01:00'))).id;
  await assign(requestB, guideId);
});

afterAll(async () => {
  await t?.close();
});

describe('after the appointment', () => {
  it('refuses a time log before the appointment has begun', async () => {
    const reply = await guide.request('PUT', `/api/v1/guides/assignments/${assignmentA}/time`, {
      body: { minutes: 75, travelKm: 12.4 },
    });
    expect(reply.status).toBe(409);
    expect(reply.json<{ error: { code: string } }>().error.code).toBe('guides.too_early');
  });

  it('lets the guide log time and travel, and the clinic confirm it', async () => {
    await moveClock('2027-03-03T13:00:00+01:00');
    const logged = await guide.request('PUT', `/api/v1/guides/assignments/${assignmentA}/time`, {
      body: { minutes: 75, travelKm: 12.4 },
    });
    expect(logged.status, logged.body).toBe(200);
    expect(logged.json()).toMatchObject({ time: { minutes: 75, travelKm: 12.4, confirmedAt: null } });

    const seen = await institution.get(`/api/v1/guides/requests/${requestA.id}/after`);
    expect(seen.json()).toMatchObject({ time: { minutes: 75, travelKm: 12.4, confirmedAt: null } });
    // The request is done once the time is logged.
    expect((await institution.get(`/api/v1/guides/requests/${requestA.id}`)).json()).toMatchObject({
      state: 'done',
    });

    const confirmed = await institution.post(`/api/v1/guides/requests/${requestA.id}/time/confirm`);
    expect(confirmed.status, confirmed.body).toBe(200);
    expect(confirmed.json<{ time: { confirmedAt: string } }>().time.confirmedAt).toBeTruthy();
  });

  it('does not let another organisation read or confirm the time', async () => {
    expect((await caseworker.get(`/api/v1/guides/requests/${requestA.id}/after`)).status).toBe(403);
    expect((await caseworker.post(`/api/v1/guides/requests/${requestA.id}/time/confirm`)).status).toBe(403);
  });

  it('names the field of an invalid log in the caller’s language', async () => {
    const reply = await guide.request('PUT', `/api/v1/guides/assignments/${assignmentA}/time`, {
      body: { minutes: 0, travelKm: 3 },
    });
    expect(reply.status).toBe(400);
    expect(reply.json<{ error: { field: string } }>().error.field).toBe('body.minutes');
  });

  it('shows feedback from both sides to coordinators only, once per side', async () => {
    const fromGuide = await guide.post(`/api/v1/guides/assignments/${assignmentA}/feedback`, {
      rating: 4,
      comment: 'Wartezeit an der Anmeldung war lang',
    });
    expect(fromGuide.status, fromGuide.body).toBe(201);
    const again = await guide.post(`/api/v1/guides/assignments/${assignmentA}/feedback`, { rating: 5 });
    expect(again.status).toBe(409);
    const fromClinic = await institution.post(`/api/v1/guides/requests/${requestA.id}/feedback`, {
      rating: 5,
      comment: 'Sehr einfühlsam übersetzt',
    });
    expect(fromClinic.status, fromClinic.body).toBe(201);

    const list = await coordinator.get('/api/v1/guides/feedback?from=2027-03-01');
    expect(list.status).toBe(200);
    const comments = list.json<{ items: { side: string; rating: number; comment: string }[] }>().items;
    expect(comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ side: 'guide', rating: 4, comment: 'Wartezeit an der Anmeldung war lang' }),
        expect.objectContaining({ side: 'requester', rating: 5, comment: 'Sehr einfühlsam übersetzt' }),
      ]),
    );
    for (const other of [guide, institution, caseworker, t.client()]) {
      expect([401, 403]).toContain((await other.get('/api/v1/guides/feedback')).status);
    }
    // Each side sees that feedback was given, never what the other side wrote.
    const guideView = await guide.get(`/api/v1/guides/assignments/${assignmentA}/after`);
    expect(guideView.json()).toMatchObject({ feedbackGiven: { guide: true, requester: true } });
    expect(guideView.body).not.toContain('einfühlsam');
    const clinicView = await institution.get(`/api/v1/guides/requests/${requestA.id}/after`);
    expect(clinicView.body).not.toContain('Wartezeit');
  });

  it('lets the newcomer confirm and rate by the request’s code', async () => {
    const anonymous = t.client();
    const view = await anonymous.get(`/api/v1/guides/public/requests/${requestA.code}/after`);
    expect(view.status, view.body).toBe(200);
    expect(view.json()).toMatchObject({ time: { minutes: 75 } });
    // The clinic already gave the requester's feedback for this appointment.
    const rated = await anonymous.post(`/api/v1/guides/public/requests/${requestA.code}/feedback`, {
      rating: 5,
    });
    expect(rated.status).toBe(409);
    expect((await anonymous.get('/api/v1/guides/public/requests/AAAAAAAAAAAA/after')).status).toBe(404);
    // The code typed back in small letters and without dashes opens the same appointment.
    const typed = requestA.code.toLowerCase().replace(/-/g, '');
    expect((await anonymous.get(`/api/v1/guides/public/requests/${typed}/after`)).json()).toMatchObject({
      time: { minutes: 75 },
    });
  });
});

describe('the monthly statement', () => {
  it('records the clinic’s late cancellation (21 hours before) as billable', async () => {
    const reply = await institution.post(`/api/v1/guides/requests/${requestB}/cancel`);
    expect(reply.status, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ state: 'cancelled', lateCancellation: true });
  });

  it('pays the mediator hours × 32 € and km × 0.30 €, with the late cancellation’s booked hour', async () => {
    await moveClock('2027-04-02T09:00:00+02:00');
    const own = await guide.get(`/api/v1/guides/statements?month=${MONTH}`);
    expect(own.status, own.body).toBe(200);
    const items = own.json<{ items: { guideId: string; totals: Record<string, number> }[] }>().items;
    expect(items.map((item) => item.guideId)).toEqual([guideId]);
    // 75 min + 60 booked min of the late cancellation = 2.25 h × 32 € = 72 €; 12.4 km × 0.30 € = 3.72 €.
    expect(items[0]?.totals).toEqual({
      assignments: 2,
      paidMinutes: 135,
      km: 12.4,
      payCents: 7200,
      travelCents: 372,
      allowanceCents: 0,
      totalCents: 7572,
    });

    const csv = await guide.get(`/api/v1/guides/statements/${guideId}/${MONTH}/statement.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const [header, ...rows] = parseCsv(csv.body);
    const pay = (header ?? []).indexOf('Vergütung');
    const lines = rows.slice(0, -1);
    expect(lines.map((row) => row[(header ?? []).indexOf('Ergebnis')])).toEqual([
      'Durchgeführt',
      'Kurzfristig abgesagt',
    ]);
    expect(lines.reduce((sum, row) => sum + Number(row[pay]), 0).toFixed(2)).toBe('72.00');
    expect(rows.at(-1)?.at(-1)).toBe('75.72');

    const pdf = await guide.get(`/api/v1/guides/statements/${guideId}/${MONTH}/statement.pdf`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.headers['content-type'])).toContain('application/pdf');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/guides/statements/${guideId}/${MONTH}/statement.pdf`,
      headers: { cookie: `lotse_session=${guide.cookie('lotse_session')}`, 'accept-language': 'de' },
    });
    const text = await pdfText(new Uint8Array(response.rawPayload));
    expect(text).toContain('Gesamt: 75,72 €');
    expect(text).toContain('Vergütung: 72,00 €');
    expect(text).toContain('Fahrtkosten: 3,72 € (12,4 km)');
  });

  it('pays a volunteer the allowance per assignment and travel', async () => {
    await moveClock('2027-03-08T08:00:00+01:00');
    const pool = await coordinator.get('/api/v1/guides/profiles?matchable=true');
    const volunteer = pool
      .json<{ items: { userId: string; kind: string; languages: string[] }[] }>()
      .items.find((item) => item.kind === 'volunteer' && item.languages.includes('tur'));
    expect(volunteer).toBeDefined();
    const volunteerId = volunteer?.userId ?? '';
    const request = await book(at('2027-03-09T11:00:00+01:00'), { language: 'tur', topic: 'housing' });
    const assignmentId = await assign(request.id, volunteerId);
    // The volunteer's log, written as the guide's own PUT would (the demo Lotsen have no password to sign in).
    await t.services.database.db.insert(guideTimeLogs).values({
      assignmentId,
      minutes: 90,
      travelKm: 7.5,
      loggedAt: at('2027-03-09T13:00:00+01:00'),
      loggedBy: volunteerId,
    });
    await moveClock('2027-04-02T09:00:00+02:00');
    const reply = await coordinator.get(`/api/v1/guides/statements/${volunteerId}/${MONTH}`);
    expect(reply.status, reply.body).toBe(200);
    // 10 € allowance; 7.5 km × 0.30 € = 2.25 €; no hourly pay for volunteers.
    expect(reply.json()).toMatchObject({
      kind: 'volunteer',
      totals: { assignments: 1, payCents: 0, allowanceCents: 1000, travelCents: 225, totalCents: 1225 },
      cap: { annualCents: 84000, usedBeforeCents: 0, cutCents: 0 },
      unconfirmed: 1,
    });
    const csv = parseCsv(
      (await coordinator.get(`/api/v1/guides/statements/${volunteerId}/${MONTH}/statement.csv`)).body,
    );
    expect(csv.at(-1)?.at(-1)).toBe('12.25');
  });

  it('shows a guide only their own statements; coordinators every guide’s', async () => {
    const all = await coordinator.get(`/api/v1/guides/statements?month=${MONTH}`);
    expect(all.json<{ items: unknown[] }>().items.length).toBeGreaterThan(10);
    const other = all.json<{ items: { guideId: string }[] }>().items.find((item) => item.guideId !== guideId);
    expect((await guide.get(`/api/v1/guides/statements/${other?.guideId}/${MONTH}`)).status).toBe(403);
    expect((await institution.get(`/api/v1/guides/statements?month=${MONTH}`)).status).toBe(403);
    expect((await t.client().get(`/api/v1/guides/statements?month=${MONTH}`)).status).toBe(401);
  });
});
