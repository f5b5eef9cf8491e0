/**
 * Counselling: the public contract (free slots, 201 with a code, 409 for a slot taken, 100 bookings of one slot at
 * once → exactly one), 401/403 on every case route, the storage consent (none → only an anonymous contact), sealed
 * notes (no note text anywhere in the database; a wrong key stops the start; key rotation), audited reads and the
 * refusal of another service's case, the checklist and closure, referrals to the clinic (only what was shared, only
 * until the consent expires) and the clinic's visit.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import { ConfigError } from '../../core/config.ts';
import { type Ctx, systemContext } from '../../core/context.ts';
import { auditLog, outbox } from '../../core/core.tables.ts';
import { type Database, openDatabase } from '../../core/db.ts';
import { readCase } from './cases.service.ts';
import {
  DEMO_CLEARING,
  DEMO_CLEARING_COUNSELLOR,
  DEMO_CLINIC,
  DEMO_MBE,
  DEMO_MBE_COUNSELLOR,
} from './counselling.demo.ts';
import { counsellingCases, counsellingContacts } from './counselling.tables.ts';
import * as repo from './counselling.repository.ts';
import { sendCounsellingReminders } from './reminders.service.ts';
import { currentKeyOf, unseal } from './seal.ts';
import { counsellingRetention } from './retention.ts';
import { prepareCounsellingSealing } from './sealing.ts';

let t: TestApp;
let original: Database;
let big: Database | null = null;
let counsellor: Client;
let otherService: Client;
let clinic: Client;
let school: Client;

const base = '/api/v1/counselling';
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
type Slot = { id: string; startsAt: string };
type Case = {
  id: string;
  status: string;
  person: { name: string };
  notes: { body: string }[];
  referrals: { id: string; status: string; visits: { visitedOn: string; referredToClearing: boolean }[] }[];
  outcomes: { health_insurance?: string };
  checklist: Record<string, boolean>;
  missingDocuments: string[];
};

const freeSlots = async (serviceId = DEMO_CLEARING) =>
  (await t.client().get(`${base}/services/${serviceId}/slots?days=28`)).json<{ items: Slot[] }>().items;
const booking = (slotId: string, name = 'Ion Popa') => ({
  slotId,
  name,
  phone: '0176 5550101',
  language: 'ro',
  topic: 'health_insurance',
  mediator: true,
  privacy: true,
});
const caseBody = (input: { store: boolean; serviceId?: string; name?: string }) => ({
  serviceId: input.serviceId ?? DEMO_CLEARING,
  person: {
    name: input.name ?? 'Vasile Marin',
    birthDate: '1988-03-14',
    languages: ['ro'],
    noFixedAddress: true,
  },
  language: 'ro',
  districtId: 'hamborn',
  topics: ['health_insurance'],
  consent: { store: input.store, expiresOn: day(365) },
});
const openCase = async (
  client = counsellor,
  input: { store?: boolean; serviceId?: string; name?: string } = {},
) => {
  const reply = await client.post(`${base}/cases`, caseBody({ store: true, ...input }));
  expect(reply.status, reply.body).toBe(201);
  return reply.json<{ id: string }>().id;
};

beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
  original = t.services.database;
  if (original.kind === 'postgres') {
    // The slot race runs truly in parallel on PostgreSQL: a pool as large as a busy server's.
    const url = (original.pool as pg.Pool).options.connectionString as string;
    big = await openDatabase({ kind: 'postgres', url, max: 25 });
    t.services.database = big;
  }
  counsellor = await t.login(DEMO_CLEARING_COUNSELLOR);
  otherService = await t.login(DEMO_MBE_COUNSELLOR);
  clinic = await t.login('institution');
  school = await signInStaff(t, { role: 'institution', organisationId: 'test-schule', kind: 'school' });
});
afterAll(async () => {
  if (big) {
    t.services.database = original;
    await big.close();
  }
  await t?.close();
});

describe('booking an appointment', () => {
  it('lists free slots, books one with a code, and the slot is gone from the list; the code shows the appointment and cancels it', async () => {
    const [slot] = await freeSlots();
    expect(slot).toBeDefined();
    const reply = await t.client('ro').post(`${base}/bookings`, booking(slot?.id as string));
    expect(reply.status, reply.body).toBe(201);
    const { code } = reply.json<{ code: string }>();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect((await freeSlots()).map((s) => s.id)).not.toContain(slot?.id);

    const followed = await t.client().get(`${base}/bookings/${code.toLowerCase()}`);
    expect(followed.json()).toMatchObject({
      status: 'booked',
      startsAt: slot?.startsAt,
      language: 'ro',
      mediator: true,
    });
    expect(followed.body).not.toContain('Ion Popa');

    const again = await t.client('ro').post(`${base}/bookings`, booking(slot?.id as string, 'Maria Stan'));
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'counselling.slot_taken', field: 'body.slotId' } });
    expect(again.json<{ error: { message: string } }>().error.message).toMatch(/programare/);

    expect((await t.client().post(`${base}/bookings/${code}/cancel`)).json()).toMatchObject({
      status: 'cancelled',
    });
    expect((await freeSlots()).map((s) => s.id)).toContain(slot?.id);
  });

  it('answers a booking without the purpose confirmed, or with a wrong phone, with 400 naming the field', async () => {
    const [slot] = await freeSlots();
    const noPrivacy = await t
      .client()
      .post(`${base}/bookings`, { ...booking(slot?.id as string), privacy: false });
    expect(noPrivacy.status).toBe(400);
    expect(noPrivacy.json()).toMatchObject({ error: { field: 'body.privacy' } });
    const badPhone = await t
      .client()
      .post(`${base}/bookings`, { ...booking(slot?.id as string), phone: 'call me' });
    expect(badPhone.json()).toMatchObject({ error: { field: 'body.phone' } });
  });

  it('gives one slot to exactly one of 100 people booking it at the same moment; the other 99 hear 409', async () => {
    const slots = await freeSlots();
    const slot = slots[slots.length - 1] as Slot;
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.client().post(`${base}/bookings`, booking(slot.id, `Person ${i}`), {
          headers: { 'x-forwarded-for': `10.1.${Math.floor(i / 200)}.${i % 200}` },
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    for (const reply of replies.filter((r) => r.status === 409))
      expect(reply.json()).toMatchObject({ error: { code: 'counselling.slot_taken' } });
  });

  it('moves a booking by its code to another free slot, the old one free again; of two moves to one slot at once one wins, the other hears 409; another service’s slot is 400 naming the field', async () => {
    const slots = await freeSlots();
    const [first, second, target] = slots.slice(-8, -5) as [Slot, Slot, Slot];
    const codes = [];
    for (const slot of [first, second])
      codes.push(
        (await t.client('ro').post(`${base}/bookings`, booking(slot.id))).json<{ code: string }>().code,
      );
    const moves = await Promise.all(
      codes.map((code) => t.client('ro').post(`${base}/bookings/${code}/move`, { slotId: target.id })),
    );
    expect(moves.map((r) => r.status).sort()).toEqual([200, 409]);
    const moved = moves.find((r) => r.status === 200);
    expect(moved?.json()).toMatchObject({ status: 'booked', startsAt: target.startsAt });
    expect(moves.find((r) => r.status === 409)?.json()).toMatchObject({
      error: { code: 'counselling.slot_taken', field: 'body.slotId' },
    });
    const free = (await freeSlots()).map((slot) => slot.id);
    expect(free).not.toContain(target.id);
    // The winner's old slot is free again; the loser keeps theirs.
    const winner = moves.indexOf(moved as (typeof moves)[number]);
    expect(free).toContain([first, second][winner]?.id);
    expect(free).not.toContain([first, second][1 - winner]?.id);

    const [mbeSlot] = await freeSlots(DEMO_MBE);
    const elsewhere = await t.client().post(`${base}/bookings/${codes[0]}/move`, { slotId: mbeSlot?.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json()).toMatchObject({ error: { field: 'body.slotId' } });
  });

  it('reminds the client a day before by mail in Romanian, with the link to cancel or move, once; a moved booking is reminded again; code and address stay sealed in the booking', async () => {
    const slots = await freeSlots();
    const [slot, later] = slots.slice(-12, -10) as [Slot, Slot];
    const email = `ion.${randomBytes(4).toString('hex')}@example.org`;
    const reply = await t.client('ro').post(`${base}/bookings`, { ...booking(slot.id), email });
    const { code } = reply.json<{ code: string }>();
    const mails = () => t.services.database.db.select().from(outbox).where(eq(outbox.toAddress, email));
    const dayBefore = (at: string) => systemContext(t.services, new Date(Date.parse(at) - 20 * 3_600_000));

    // Two days before: nothing yet.
    await sendCounsellingReminders(
      systemContext(t.services, new Date(Date.parse(slot.startsAt) - 48 * 3_600_000)),
    );
    expect(await mails()).toHaveLength(0);
    const sent = await sendCounsellingReminders(dayBefore(slot.startsAt));
    expect(sent.reminded).toBeGreaterThanOrEqual(1);
    const [mail] = await mails();
    expect(mail?.subject).toMatch(/^Lotse: Programarea dumneavoastră la Clearingstelle/);
    expect(mail?.textBody).toContain('Bună ziua, Ion Popa');
    expect(mail?.textBody).toContain('mediator lingvistic');
    expect(mail?.textBody).toContain(`/beratung/code/${code}`);
    await sendCounsellingReminders(dayBefore(slot.startsAt));
    expect(await mails()).toHaveLength(1);

    expect((await t.client().post(`${base}/bookings/${code}/move`, { slotId: later.id })).status).toBe(200);
    await sendCounsellingReminders(dayBefore(later.startsAt));
    expect(await mails()).toHaveLength(2);
    // The code and the address are sealed in the booking: only the mail in the outbox carries them.
    const [bookings] = await rowsOf<{ t: string }>(
      sql`select string_agg(x::text, ' ') as t from counselling_bookings x`,
    );
    expect(bookings?.t).not.toContain(code);
    expect(bookings?.t).not.toContain(email);
  });
});

describe('the language mediator', () => {
  it('books the mediator a Romanian-speaking client asked for with one click: the guides module gets a request in Romanian (ron) at the appointment’s time, shown on the appointment; a second click hears 409, another service 403', async () => {
    const [slot] = await freeSlots();
    const booked = await t.client('ro').post(`${base}/bookings`, booking(slot?.id as string, 'Radu Lungu'));
    expect(booked.status, booked.body).toBe(201);
    type Appointment = { id: string; name: string; mediatorRequest: { id: string; state: string } | null };
    const appointmentOf = async () =>
      (await counsellor.get(`${base}/appointments`))
        .json<{ items: Appointment[] }>()
        .items.find((a) => a.name === 'Radu Lungu') as Appointment;
    const before = await appointmentOf();
    expect(before.mediatorRequest).toBeNull();

    expect((await otherService.post(`${base}/appointments/${before.id}/mediator`)).status).toBe(403);
    const reply = await counsellor.post(`${base}/appointments/${before.id}/mediator`);
    expect(reply.status, reply.body).toBe(201);
    const { requestId } = reply.json<{ requestId: string }>();
    expect(await appointmentOf()).toMatchObject({ mediatorRequest: { id: requestId, state: 'open' } });

    const coordinator = await t.login('coordinator');
    const request = await coordinator.get(`/api/v1/guides/requests/${requestId}`);
    expect(request.status, request.body).toBe(200);
    expect(request.json()).toMatchObject({ language: 'ron', topic: 'health' });
    expect(new Date(request.json<{ start: string }>().start).toISOString()).toBe(slot?.startsAt);
    expect(request.body).not.toContain('Radu');

    const twice = await counsellor.post(`${base}/appointments/${before.id}/mediator`);
    expect(twice.status).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: 'counselling.mediator_booked' } });
  });
});

describe('who may see cases', () => {
  it('answers every case route with 401 to the public and 403 to a school, an institution and another scope, whatever they send', async () => {
    const caseId = await openCase();
    const advice = await t.login('beratung@demo.lotse.example');
    const routes: [string, string, unknown?][] = [
      ['GET', `${base}/cases`],
      ['POST', `${base}/cases`, { nonsense: true }],
      ['GET', `${base}/cases/${caseId}`],
      ['PATCH', `${base}/cases/${caseId}`, { status: 'closed' }],
      ['POST', `${base}/cases/${caseId}/notes`, {}],
      ['GET', `${base}/appointments`],
    ];
    for (const [method, url, body] of routes) {
      expect((await t.client().request(method, url, { body })).status, `${method} ${url}`).toBe(401);
      for (const client of [school, clinic, advice]) {
        const reply = await client.request(method, url, { body });
        expect(reply.status, `${method} ${url}`).toBe(403);
      }
    }
  });

  it('refuses a counsellor of another service the case with 403 and writes the attempt to the audit log; the own counsellor’s read is audited too', async () => {
    const caseId = await openCase();
    const refused = await otherService.get(`${base}/cases/${caseId}`);
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain('Vasile');
    const db = t.services.database.db;
    const attempts = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'counselling.case.refused'), eq(auditLog.entityId, caseId)));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.details).toMatchObject({ organisationId: 'migrationsberatung-duisburg' });

    expect((await counsellor.get(`${base}/cases/${caseId}`)).status).toBe(200);
    const reads = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'read'), eq(auditLog.entityId, caseId)));
    expect(reads).toHaveLength(1);
    // Its own list does not show the other service's case either.
    const list = (await otherService.get(`${base}/cases?per_page=200`)).json<{ items: { id: string }[] }>();
    expect(list.items.map((c) => c.id)).not.toContain(caseId);
  });
});

describe('break-glass', () => {
  type BreakGlassList = {
    items: { caseId: string; serviceName: string; by: string; organisationName: string; reason: string }[];
  };
  const reason = 'Akute Behandlung in der Clearingstelle, Aufenthaltsstatus wird sofort gebraucht.';

  it('lets the Clearingstelle’s lead counsellor open a migration-counselling case with a reason, once; the data-protection officer sees it listed and the case’s own counsellor sees who opened it and why, also in the client’s export, and the lead’s own export lists the access', async () => {
    const caseId = await openCase(otherService, { serviceId: DEMO_MBE, name: 'Olena Notfall' });
    expect((await counsellor.get(`${base}/cases/${caseId}`)).status).toBe(403);

    const opened = await counsellor.post(`${base}/cases/${caseId}/break-glass`, { reason });
    expect(opened.status, opened.body).toBe(201);
    expect(opened.json<Case>().person.name).toBe('Olena Notfall');
    // It opened the case this once: the ordinary read is still refused.
    expect((await counsellor.get(`${base}/cases/${caseId}`)).status).toBe(403);

    const admin = await t.login('admin');
    const listed = (await admin.get(`${base}/break-glass`)).json<BreakGlassList>();
    expect(listed.items.find((item) => item.caseId === caseId)).toMatchObject({
      serviceName: 'Migrationsberatung für Erwachsene',
      by: 'Ioana Mureșan',
      organisationName: 'Clearingstelle Gesundheit Duisburg (Demo)',
      reason,
    });

    const ownRead = (await otherService.get(`${base}/cases/${caseId}`)).json<{
      breakGlass: { by: string; organisationName: string; reason: string }[];
    }>();
    expect(ownRead.breakGlass).toEqual([
      expect.objectContaining({
        by: 'Ioana Mureșan',
        organisationName: 'Clearingstelle Gesundheit Duisburg (Demo)',
        reason,
      }),
    ]);
    const audited = await t.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'counselling.case.break_glass'), eq(auditLog.entityId, caseId)));
    expect(audited).toHaveLength(1);
    // The reason is sealed like the case's other sensitive values: a dump of the database does not show it.
    expect(await databaseText()).not.toContain('Aufenthaltsstatus wird sofort gebraucht');

    // The client's export (Art. 15) names who opened their case and why; so does the lead's own export.
    const exported = (await otherService.get(`${base}/cases/${caseId}/export`)).json<{
      case: { breakGlass: { by: string; reason: string }[] };
    }>();
    expect(exported.case.breakGlass).toEqual([expect.objectContaining({ by: 'Ioana Mureșan', reason })]);
    const [lead] = await rowsOf<{ id: string }>(
      sql`select id from users where email = ${DEMO_CLEARING_COUNSELLOR}`,
    );
    const own = await admin.get(`/api/v1/people/${lead?.id}/export`);
    expect(own.status, own.body).toBe(200);
    expect(
      own.json<{ counselling: { breakGlassAccesses: { caseId: string; reason: string }[] } }>().counselling
        .breakGlassAccesses,
    ).toContainEqual(expect.objectContaining({ caseId, reason }));
  });

  it('refuses break-glass to a counsellor who is no lead (403, the attempt audited), without a reason (400 naming the field), on the own service’s case (409), and the list to anyone but the data-protection officer', async () => {
    const caseId = await openCase();
    const refused = await otherService.post(`${base}/cases/${caseId}/break-glass`, { reason });
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain('Vasile');
    const attempts = await t.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'counselling.break_glass.refused'), eq(auditLog.entityId, caseId)));
    expect(attempts).toHaveLength(1);

    const other = await openCase(otherService, { serviceId: DEMO_MBE });
    const noReason = await counsellor.post(`${base}/cases/${other}/break-glass`, { reason: ' kurz ' });
    expect(noReason.status).toBe(400);
    expect(noReason.json<{ error: { field: string } }>().error.field).toBe('body.reason');

    const ownCase = await counsellor.post(`${base}/cases/${caseId}/break-glass`, { reason });
    expect(ownCase.status).toBe(409);
    expect(ownCase.json<{ error: { code: string } }>().error.code).toBe('counselling.break_glass_own');

    expect((await t.client().get(`${base}/break-glass`)).status).toBe(401);
    for (const client of [counsellor, school, clinic, await t.login('coordinator')])
      expect((await client.get(`${base}/break-glass`)).status).toBe(403);
    const listed = (await (await t.login('admin')).get(`${base}/break-glass`)).json<BreakGlassList>();
    expect(listed.items.map((item) => item.caseId)).not.toContain(caseId);
  });
});

describe('lead counsellors', () => {
  it('are named by the admin by e-mail and removed again: the named counsellor may then open another service’s case by break-glass, after removal no longer; a non-counsellor’s address is 400 naming the field; a counsellor may not name', async () => {
    const admin = await t.login('admin');
    const caseId = await openCase(counsellor, { name: 'Andrei Leitung' });
    const reason = 'Dringende Rückfrage zur Versicherung, Klärung heute nötig.';
    expect((await otherService.post(`${base}/cases/${caseId}/break-glass`, { reason })).status).toBe(403);

    const named = await admin.post(`${base}/leads`, { email: DEMO_MBE_COUNSELLOR });
    expect(named.status, named.body).toBe(201);
    type Leads = { items: { userId: string; organisationName: string }[] };
    const mbeLead = named
      .json<Leads>()
      .items.find((lead) => lead.organisationName.startsWith('Migrationsberatung')) as Leads['items'][number];
    expect(mbeLead).toBeDefined();
    expect((await otherService.post(`${base}/cases/${caseId}/break-glass`, { reason })).status).toBe(201);

    const removed = await admin.request('DELETE', `${base}/leads/${mbeLead.userId}`);
    expect(removed.status, removed.body).toBe(200);
    expect(removed.json<Leads>().items.map((lead: { userId: string }) => lead.userId)).not.toContain(
      mbeLead.userId,
    );
    expect((await otherService.post(`${base}/cases/${caseId}/break-glass`, { reason })).status).toBe(403);

    const notCounsellor = await admin.post(`${base}/leads`, { email: 'coordinator@demo.lotse.example' });
    expect(notCounsellor.status).toBe(400);
    expect(notCounsellor.json()).toMatchObject({
      error: { code: 'counselling.not_a_counsellor', field: 'body.email' },
    });
    expect((await counsellor.post(`${base}/leads`, { email: DEMO_MBE_COUNSELLOR })).status).toBe(403);
  });
});

describe('the storage consent', () => {
  it('keeps no record without the storage consent: only an anonymous contact is counted', async () => {
    const db = t.services.database.db;
    const count = async () =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(counsellingCases))[0]?.n;
    const before = await count();
    const reply = await counsellor.post(
      `${base}/cases`,
      caseBody({ store: false, name: 'Nicolae Ohnezustimmung' }),
    );
    expect(reply.status).toBe(201);
    expect(reply.json()).toEqual({ id: null, counted: true });
    expect(await count()).toBe(before);
    const contacts = await db
      .select()
      .from(counsellingContacts)
      .where(eq(counsellingContacts.serviceId, DEMO_CLEARING));
    expect(JSON.stringify(contacts)).not.toContain('Nicolae');
    expect(contacts.length).toBeGreaterThan(0);
  });

  it('refuses a storage consent beyond three years with 400 naming the field', async () => {
    const reply = await counsellor.post(`${base}/cases`, {
      ...caseBody({ store: true }),
      consent: { store: true, expiresOn: day(4 * 366) },
    });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({
      error: { code: 'counselling.consent_expiry', field: 'body.consent.expiresOn' },
    });
  });
});

/** Rows of a raw query, on PGlite and on node-postgres alike. */
async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await t.services.database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Every row of every table as text: what a dump of the database would show. */
async function databaseText(): Promise<string> {
  const tables = await rowsOf<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  let all = '';
  for (const { name } of tables) {
    const [dump] = await rowsOf<{ t: string }>(
      sql.raw(`select coalesce(string_agg(x::text, ' '), '') as t from "${name}" x`),
    );
    all += dump?.t ?? '';
  }
  return all;
}

describe('sealed at rest', () => {
  it('stores notes, the person and the household encrypted: no note text and no name anywhere in the database, yet the counsellor reads them; a household member without a relation is 400 naming the field', async () => {
    const note = `Arbeitsvertrag bei Spedition Rheinhafen ${randomBytes(4).toString('hex')}`;
    const body = caseBody({ store: true, name: 'Gheorghe Unverwechselbar' });
    const household = [{ name: 'Ilinca Haushaltsmitglied', relation: 'child', birthDate: '2016-05-01' }];
    const incomplete = await counsellor.post(`${base}/cases`, {
      ...body,
      person: { ...body.person, household: [{ name: 'Ilinca Haushaltsmitglied' }] },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json()).toMatchObject({ error: { field: 'body.person.household.0.relation' } });
    const opened = await counsellor.post(`${base}/cases`, { ...body, person: { ...body.person, household } });
    expect(opened.status, opened.body).toBe(201);
    const caseId = opened.json<{ id: string }>().id;
    const reply = await counsellor.post(`${base}/cases/${caseId}/notes`, { body: note });
    expect(reply.status).toBe(201);
    expect(reply.json<Case>().notes.map((n) => n.body)).toContain(note);
    expect(reply.json<{ person: { household: unknown[] } }>().person.household).toEqual(household);
    const text = await databaseText();
    expect(text).not.toContain(note);
    expect(text).not.toContain('Spedition Rheinhafen');
    expect(text).not.toContain('Unverwechselbar');
    expect(text).not.toContain('Haushaltsmitglied');
  });

  it('stops the start with a configuration error naming COUNSELLING_KEY when the key does not open the data', async () => {
    const ctx = systemContext(t.services);
    const other = {
      ...ctx,
      config: { ...ctx.config, counsellingKey: randomBytes(32), counsellingOldKeys: [] },
    };
    const stopped = await prepareCounsellingSealing(other).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(ConfigError);
    expect((stopped as Error).message).toMatch(/^COUNSELLING_KEY does not open/);
  });

  it('seals at the next start a break-glass reason kept in plain text before reasons were sealed; the data-protection officer still reads it', async () => {
    const caseId = await openCase(otherService, { serviceId: DEMO_MBE, name: 'Petro Altbestand' });
    const plain = 'Alter Grund im Klartext, vor der Versiegelung gespeichert.';
    const [lead] = await rowsOf<{ id: string; organisation_id: string }>(
      sql`select id, organisation_id from users where email = ${DEMO_CLEARING_COUNSELLOR}`,
    );
    await t.services.database.db.execute(
      sql`insert into counselling_break_glass (case_id, user_id, organisation_id, reason, at)
          values (${caseId}, ${lead?.id}, ${lead?.organisation_id}, ${plain}, now())`,
    );
    expect(await databaseText()).toContain(plain);
    await prepareCounsellingSealing(systemContext(t.services));
    expect(await databaseText()).not.toContain(plain);
    const admin = await t.login('admin');
    const listed = (await admin.get(`${base}/break-glass`)).json<{
      items: { caseId: string; reason: string }[];
    }>();
    expect(listed.items.find((item) => item.caseId === caseId)?.reason).toBe(plain);
  });

  it('rotates the key: with the new key and the old one in COUNSELLING_OLD_KEYS a start re-seals everything; then the old key alone no longer opens it', async () => {
    const caseId = await openCase();
    await counsellor.post(`${base}/cases/${caseId}/notes`, { body: 'Vor dem Schlüsselwechsel geschrieben.' });
    const ctx = systemContext(t.services);
    const oldKey = currentKeyOf(ctx.config);
    const newKey = randomBytes(32);
    const rotated: Ctx = {
      ...ctx,
      config: { ...ctx.config, counsellingKey: newKey, counsellingOldKeys: [oldKey] },
    };
    try {
      expect(await prepareCounsellingSealing(rotated)).toBeGreaterThan(0);
      // A second start has nothing left to re-seal, and the new key alone opens everything.
      const newOnly: Ctx = { ...rotated, config: { ...rotated.config, counsellingOldKeys: [] } };
      expect(await prepareCounsellingSealing(newOnly)).toBe(0);
      expect((await readCase(newOnly, caseId)).notes.map((n) => n.body)).toEqual([
        'Vor dem Schlüsselwechsel geschrieben.',
      ]);
      const oldOnly: Ctx = {
        ...ctx,
        config: { ...ctx.config, counsellingKey: oldKey, counsellingOldKeys: [] },
      };
      await expect(prepareCounsellingSealing(oldOnly)).rejects.toBeInstanceOf(ConfigError);
    } finally {
      // Back to the app's key for the other tests.
      await prepareCounsellingSealing({
        ...ctx,
        config: { ...ctx.config, counsellingKey: oldKey, counsellingOldKeys: [newKey] },
      });
    }
    expect((await counsellor.get(`${base}/cases/${caseId}`)).status).toBe(200);
  });
});

describe('clearing, the referral to the clinic and the clinic’s step', () => {
  it('works the checklist, refers to the clinic with consent; the clinic sees only the name shared, records a visit, and the counsellor closes with “insured via work”', async () => {
    const caseId = await openCase(counsellor, { name: 'Ion Ciobanu' });
    const worked = await counsellor.patch(`${base}/cases/${caseId}`, {
      checklist: { ehic_valid: false, employed: true },
      missingDocuments: ['employment_contract', 'payslips'],
    });
    expect(worked.json<Case>()).toMatchObject({
      checklist: { ehic_valid: false, employed: true },
      missingDocuments: ['employment_contract', 'payslips'],
    });
    const referred = await counsellor.post(`${base}/cases/${caseId}/referrals`, {
      recipientId: DEMO_CLINIC,
      purpose: 'Behandlung bis zur Klärung',
      fields: ['name', 'languages'],
      consentExpiresOn: day(30),
    });
    expect(referred.status, referred.body).toBe(201);
    const referralId = referred.json<Case>().referrals[0]?.id as string;

    const seen = (await clinic.get(`${base}/clinic/referrals`)).json<{
      items: { id: string; shared: Record<string, unknown> }[];
    }>();
    const mine = seen.items.find((r) => r.id === referralId);
    expect(mine?.shared).toEqual({ name: 'Ion Ciobanu', languages: ['ro'] });
    expect(JSON.stringify(mine)).not.toContain('1988-03-14');

    // Another clinic sees nothing of it.
    const otherClinic = await signInStaff(t, {
      role: 'institution',
      organisationId: 'test-klinik',
      kind: 'clinic',
    });
    const theirs = (await otherClinic.get(`${base}/clinic/referrals`)).json<{ items: { id: string }[] }>();
    expect(theirs.items.map((r) => r.id)).not.toContain(referralId);
    expect(
      (await otherClinic.patch(`${base}/clinic/referrals/${referralId}`, { status: 'accepted' })).status,
    ).toBe(403);

    expect(
      (await clinic.patch(`${base}/clinic/referrals/${referralId}`, { status: 'accepted' })).status,
    ).toBe(200);
    const diagnosis = await clinic.post(`${base}/clinic/referrals/${referralId}/visits`, {
      visitedOn: day(0),
      referredToClearing: true,
      diagnosis: 'J20',
    });
    expect(diagnosis.status).toBe(400);
    const visit = await clinic.post(`${base}/clinic/referrals/${referralId}/visits`, {
      visitedOn: day(0),
      referredToClearing: true,
    });
    expect(visit.status).toBe(201);

    const seenByCounsellor = (await counsellor.get(`${base}/cases/${caseId}`)).json<Case>();
    expect(seenByCounsellor.referrals[0]).toMatchObject({
      status: 'accepted',
      visits: [{ visitedOn: day(0), referredToClearing: true }],
    });

    const noOutcome = await counsellor.patch(`${base}/cases/${caseId}`, { status: 'closed' });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.json()).toMatchObject({ error: { field: 'body.outcomes.health_insurance' } });
    const closed = await counsellor.patch(`${base}/cases/${caseId}`, {
      status: 'closed',
      outcomes: { health_insurance: 'work' },
    });
    expect(closed.json<Case>()).toMatchObject({ status: 'closed', outcomes: { health_insurance: 'work' } });
    expect((await counsellor.post(`${base}/cases/${caseId}/notes`, { body: 'Nachtrag' })).status).toBe(201);
  });

  it('shows the recipient nothing once the referral’s consent has expired', async () => {
    const caseId = await openCase(counsellor, { name: 'Elena Ablauf' });
    const referred = await counsellor.post(`${base}/cases/${caseId}/referrals`, {
      recipientId: DEMO_CLINIC,
      purpose: 'Behandlung',
      fields: ['name'],
      consentExpiresOn: day(2),
    });
    const referralId = referred.json<Case>().referrals[0]?.id as string;
    const listed = async () =>
      (await clinic.get(`${base}/clinic/referrals`))
        .json<{ items: { id: string }[] }>()
        .items.map((r) => r.id);
    expect(await listed()).toContain(referralId);
    const now = t.services.clock.now();
    t.services.clock.set(new Date(now.getTime() + 4 * 86_400_000));
    try {
      // Signed in again four days later (the first session has timed out by then).
      const clinicLater = await t.login('institution');
      const later = (await clinicLater.get(`${base}/clinic/referrals`)).json<{ items: { id: string }[] }>();
      expect(later.items.map((r) => r.id)).not.toContain(referralId);
      const late = await clinicLater.post(`${base}/clinic/referrals/${referralId}/visits`, {
        visitedOn: day(3),
        referredToClearing: false,
      });
      expect(late.status).toBe(404);
      expect(late.body).not.toContain('Elena');
    } finally {
      t.services.clock.set(now);
    }
  });

  it('refuses a referral whose consent outlasts the storage consent, and a recipient that is not a clinic or an authority', async () => {
    const caseId = await openCase();
    const tooLong = await counsellor.post(`${base}/cases/${caseId}/referrals`, {
      recipientId: DEMO_CLINIC,
      purpose: 'Behandlung',
      fields: ['name'],
      consentExpiresOn: day(400),
    });
    expect(tooLong.json()).toMatchObject({
      error: { code: 'counselling.consent_expiry', field: 'body.consentExpiresOn' },
    });
    const school_ = await counsellor.post(`${base}/cases/${caseId}/referrals`, {
      recipientId: 'test-schule',
      purpose: 'Anmeldung',
      fields: ['name'],
      consentExpiresOn: day(30),
    });
    expect(school_.json()).toMatchObject({
      error: { code: 'counselling.unknown_recipient', field: 'body.recipientId' },
    });
  });
});

describe('the client’s own export and erasure', () => {
  /** A client who booked, has a case from that booking with a note, and was referred to the clinic with their name. */
  async function clientWithEverything(name: string, note: string) {
    const slots = await freeSlots();
    const slot = slots[slots.length - 1] as Slot;
    const booked = await t.client('ro').post(`${base}/bookings`, booking(slot.id, name));
    expect(booked.status, booked.body).toBe(201);
    const { code } = booked.json<{ code: string }>();
    const appointments = (await counsellor.get(`${base}/appointments`)).json<{
      items: { id: string; name: string }[];
    }>();
    const bookingId = appointments.items.find((a) => a.name === name)?.id;
    const opened = await counsellor.post(`${base}/cases`, { ...caseBody({ store: true, name }), bookingId });
    expect(opened.status, opened.body).toBe(201);
    const caseId = opened.json<{ id: string }>().id;
    expect((await counsellor.post(`${base}/cases/${caseId}/notes`, { body: note })).status).toBe(201);
    const referred = await counsellor.post(`${base}/cases/${caseId}/referrals`, {
      recipientId: DEMO_CLINIC,
      purpose: 'Behandlung ohne Versicherung',
      fields: ['name', 'birthDate'],
      consentExpiresOn: day(30),
    });
    expect(referred.status, referred.body).toBe(201);
    return { caseId, code };
  }

  it('gives the counsellor the client’s data on request with every sealed value opened: the person, the note, what the clinic was given and the booking’s contact; another service gets 403', async () => {
    const note = `Auskunft verlangt ${randomBytes(4).toString('hex')}`;
    const { caseId } = await clientWithEverything('Maria Auskunftsrecht', note);
    const reply = await counsellor.get(`${base}/cases/${caseId}/export`);
    expect(reply.status, reply.body).toBe(200);
    const data = reply.json<{
      case: { person: { name: string; birthDate: string }; notes: { body: string }[] };
      shared: { recipientName: string; values: Record<string, unknown> }[];
      bookings: { contact: { name: string; phone: string } }[];
    }>();
    expect(data.case.person).toMatchObject({ name: 'Maria Auskunftsrecht', birthDate: '1988-03-14' });
    expect(data.case.notes.map((n) => n.body)).toEqual([note]);
    expect(data.shared).toEqual([
      expect.objectContaining({ values: { name: 'Maria Auskunftsrecht', birthDate: '1988-03-14' } }),
    ]);
    expect(data.bookings).toEqual([
      expect.objectContaining({ contact: expect.objectContaining({ name: 'Maria Auskunftsrecht' }) }),
    ]);
    expect((await otherService.get(`${base}/cases/${caseId}/export`)).status).toBe(403);
    const audited = await t.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'counselling.case.export'), eq(auditLog.entityId, caseId)));
    expect(audited).toHaveLength(1);
  });

  it('erases the client on request: the name is nowhere in the database, not even in an opened sealed value; the clinic and the code show nothing, while the case still counts by topic', async () => {
    const note = `Löschung verlangt ${randomBytes(4).toString('hex')}`;
    const { caseId, code } = await clientWithEverything('Dragomir Löschbar', note);
    const unconfirmed = await counsellor.post(`${base}/cases/${caseId}/erase`, {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json<{ error: { field: string } }>().error.field).toBe('body.confirm');
    expect((await otherService.post(`${base}/cases/${caseId}/erase`, { confirm: true })).status).toBe(403);

    const erased = await counsellor.post(`${base}/cases/${caseId}/erase`, { confirm: true });
    expect(erased.status, erased.body).toBe(200);
    expect(erased.json<Case>()).toMatchObject({ status: 'closed', notes: [], referrals: [] });
    expect(erased.json<Case>().person.name).not.toContain('Löschbar');

    const text = await databaseText();
    const sealed = await repo.listSealed(t.services.database.db);
    const opened = JSON.stringify(
      Object.values(sealed)
        .flat()
        .map((row) => unseal(t.services.config, row.sealed)),
    );
    for (const dump of [text, opened]) {
      expect(dump).not.toContain('Dragomir');
      expect(dump).not.toContain('Löschbar');
      expect(dump).not.toContain(note);
    }
    expect((await clinic.get(`${base}/clinic/referrals`)).body).not.toContain('Löschbar');
    expect((await t.client().get(`${base}/bookings/${code}`)).status).toBe(404);
    const kept = (await counsellor.get(`${base}/cases/${caseId}`)).json<Case & { topics: string[] }>();
    expect(kept.topics).toEqual(['health_insurance']);
  });
});

describe('figures', () => {
  it('shows coordinators counts, never a name: the demo’s cases per month, clearing time and outcome, the clinic’s visits, counts under 5 as “<5” in the JSON and the CSV', async () => {
    const coordinator = await t.login('coordinator');
    const reply = await coordinator.get(`${base}/figures`);
    expect(reply.status, reply.body).toBe(200);
    type Count = number | '<5';
    const figures = reply.json<{
      months: { month: string; opened: Count; closed: Count }[];
      byTopic: { key: string; opened: Count }[];
      clearing: { closedWithOutcome: Count; medianDays: number | null; shareInsured: number | null };
      clinicVisits: { total: Count };
      languages: { key: string; count: Count }[];
      referrals: { recipient: string; status: string; count: Count }[];
    }>();
    expect(figures.months).toHaveLength(12);
    const total = (counts: Count[]) => counts.reduce<number>((n, c) => n + (c === '<5' ? 1 : c), 0);
    expect(total(figures.months.map((m) => m.opened))).toBeGreaterThanOrEqual(40);
    expect(figures.byTopic.find((row) => row.key === 'health_insurance')?.opened).toEqual(expect.any(Number));
    expect(figures.clearing.medianDays).toBeGreaterThanOrEqual(10);
    expect(figures.clearing.shareInsured).toBeGreaterThan(0);
    expect(figures.clearing.shareInsured).toBeLessThanOrEqual(1);
    expect(figures.referrals.map((r) => r.recipient)).toContain(
      'Medizinische Schwerpunktambulanz für Migrantinnen und Migranten',
    );
    // Nothing between 1 and 4 leaves the module.
    const counts =
      JSON.stringify(figures).match(/"(opened|closed|count|total|closedWithOutcome)":\d+/g) ?? [];
    expect(counts.filter((c) => /:[1-4]$/.test(c))).toEqual([]);
    expect(reply.body).not.toMatch(/Popa|Ionescu|Petrov|Olena|Vasile/);

    const csv = await coordinator.get(`${base}/figures.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('figure,key,value');
    expect(lines.some((line) => line.startsWith('median_days_to_clearing,,'))).toBe(true);
    expect(lines.filter((line) => /,[1-4]$/.test(line))).toEqual([]);
    if (JSON.stringify(figures).includes('<5')) expect(csv.body).toContain('<5');

    expect((await counsellor.get(`${base}/figures`)).status).toBe(403);
    expect((await t.client().get(`${base}/figures.csv`)).status).toBe(401);
  });
});

describe('retention', () => {
  it('anonymises a case three years after it closed: the counsellor sees no name, no notes, no referral, while topics and outcome stay; an open case is kept', async () => {
    const closedId = await openCase(counsellor, { name: 'Dorin Vergessen' });
    await counsellor.post(`${base}/cases/${closedId}/notes`, { body: 'Alte Notiz' });
    await counsellor.patch(`${base}/cases/${closedId}`, {
      status: 'closed',
      outcomes: { health_insurance: 'family' },
    });
    const openId = await openCase(counsellor, { name: 'Rodica Offen' });
    const now = t.services.clock.now();
    const later = new Date(now.getTime() + 1096 * 86_400_000);
    const ctx = { ...systemContext(t.services), now: later };
    const rule = { days: 1095, action: 'anonymise' as const, description: 'test' };
    expect(await counsellingRetention['counselling.cases']?.(ctx, rule)).toBeGreaterThanOrEqual(1);
    const closed = await readCase(systemContext(t.services), closedId);
    expect(closed.person.name).toBe('–');
    expect(closed.notes).toEqual([]);
    expect(closed).toMatchObject({ topics: ['health_insurance'], outcomes: { health_insurance: 'family' } });
    expect((await readCase(systemContext(t.services), openId)).person.name).toBe('Rodica Offen');
  });
});

describe('the demo', () => {
  it('has two services with free slots and 60 invented cases across open and closed, of which the Clearingstelle’s counsellor sees only the Clearingstelle’s', async () => {
    const services = (await t.client().get(`${base}/services`)).json<{ items: { id: string }[] }>();
    expect(services.items.map((s) => s.id).sort()).toEqual([DEMO_CLEARING, DEMO_MBE].sort());
    expect((await freeSlots(DEMO_MBE)).length).toBeGreaterThan(0);
    const db = t.services.database.db;
    const demo = await db
      .select({ status: counsellingCases.status, n: sql<number>`count(*)::int` })
      .from(counsellingCases)
      .where(sql`${counsellingCases.openedAt} < now() - interval '1 day'`)
      .groupBy(counsellingCases.status);
    const total = demo.reduce((sum, row) => sum + row.n, 0);
    expect(total).toBeGreaterThanOrEqual(50);
    expect(demo.map((r) => r.status).sort()).toEqual(['closed', 'open']);
    const list = (await counsellor.get(`${base}/cases?per_page=200`)).json<{
      items: { serviceName: string }[];
    }>();
    expect(new Set(list.items.map((c) => c.serviceName))).toEqual(new Set(['Clearingstelle Gesundheit']));
  });
});
