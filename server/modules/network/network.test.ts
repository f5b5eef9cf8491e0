/**
 * The network module through the HTTP layer, on PGlite and PostgreSQL: the overlap check's contract and rules
 * (target groups, neighbouring Ortsteile, recurrences, exceptions, one's own activities), saving with overlaps, the
 * register (pending until approved, contact persons with consent, export and erasure, retention), the public
 * calendar and its iCalendar feed (RRULE and EXDATE kept), and the rooms: the race for one room, decisions.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { systemContext } from '../../core/context.ts';
import { rows } from '../../core/db.ts';
import { checkOutsideUrl, fetchOutside, isPublicAddress } from '../../core/net-guard.ts';
import { addDays, localDate, localTime, zonedToUtc } from '../../core/time.ts';
import { findAccountByEmail } from '../platform/index.ts';
import { DEMO_HOUSE_ACCOUNT } from './network.demo.ts';
import { networkContacts } from './network.tables.ts';
import { type Actor, activity, icsEvents, newActor, next, ZONE } from './network.testkit.ts';
import { extendOccurrences } from './activities.service.ts';
import { networkRetention } from './privacy.ts';
import { inHolidays } from './recurrence.ts';
import { networkSettings } from './settings.ts';

const { rrulestr } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

type Overlap = {
  activityId: string;
  actorName: string;
  title: string;
  start: string;
  end: string;
  occurrences: number;
};
type CheckReply = { overlaps: Overlap[]; horizon: { from: string; to: string }; occurrences: number };
type Saved = { activity: { id: string; title: string }; overlaps: Overlap[]; occurrences: number };
type ErrorBody = { error: { code: string; message: string; field?: string } };

let t: TestApp;
let coordinator: Client;
/** The first actor (a migrant organisation) and a second one, both approved. */
let first: { client: Client; actor: Actor };
let second: { client: Client; actor: Actor };

beforeAll(async () => {
  // The feed tests serve calendars from this machine (127.0.0.1): the setting lets the import reach it.
  t = await createTestApp({ PRIVATE_FETCH_ALLOW: '*' });
  coordinator = await t.login('coordinator');
  first = await newActor(t, coordinator);
  second = await newActor(t, coordinator, { kind: 'provider' });
});
afterAll(() => t?.close());

const check = async (client: Client, body: Record<string, unknown>) => {
  const reply = await client.post('/api/v1/network/activities/check', body);
  expect(reply.status, reply.body).toBe(200);
  return reply.json<CheckReply>();
};
const save = async (client: Client, body: Record<string, unknown>) => {
  const reply = await client.post('/api/v1/network/activities', body);
  expect(reply.status, reply.body).toBe(201);
  return reply.json<Saved>();
};
const planned = (overrides: Record<string, unknown> = {}) => {
  const { title: _t, kind: _k, place: _p, languages: _l, public: _pub, ...rest } = activity(overrides);
  return rest;
};

describe('the demo', () => {
  it('has 60 actors (3 waiting for approval), 400 activities (most recurring), 5 rooms, 3 working groups', async () => {
    const [counts] = await rows<Record<string, number>>(
      t.services.database.db,
      sql`select
        (select count(*)::int from network_actors where organisation_id not like 'test-%') as actors,
        (select count(*)::int from network_actors where status = 'pending' and organisation_id not like 'test-%') as pending,
        (select count(*)::int from network_activities a join network_actors n on n.id = a.actor_id
          where n.organisation_id not like 'test-%') as activities,
        (select count(*)::int from network_activities a join network_actors n on n.id = a.actor_id
          where n.organisation_id not like 'test-%' and a.rrule is not null) as recurring,
        (select count(*)::int from network_rooms) as rooms,
        (select count(*)::int from network_working_groups) as groups`,
    );
    expect(counts).toMatchObject({ actors: 60, pending: 3, activities: 400, rooms: 5, groups: 3 });
    expect(counts?.recurring).toBeGreaterThan(250);
    const groups = await coordinator.get('/api/v1/network/working-groups');
    expect(groups.json<{ items: { members: unknown[] }[] }>().items.every((g) => g.members.length >= 8)).toBe(
      true,
    );
  });
});

describe('overlap warnings', () => {
  let theirs: Saved;
  beforeAll(async () => {
    // The second actor's weekly breakfast for women in Obermarxloh (a neighbour of Marxloh), Sundays 06:00–07:30,
    // except in three weeks.
    theirs = await save(
      second.client,
      activity({ ortsteilId: 'obermarxloh', title: 'Frühstück für Frauen', exceptions: [next('SU', 3)] }),
    );
  });

  it('names another actor’s activity for the same target group in a neighbouring Ortsteil at an overlapping time', async () => {
    const reply = await check(first.client, planned({ from: '07:00', to: '08:00' }));
    const found = reply.overlaps.find((o) => o.activityId === theirs.activity.id);
    expect(found).toMatchObject({ title: 'Frühstück für Frauen' });
    expect(found?.actorName).toMatch(/^Test test-/);
    expect(found?.start).toBe(zonedToUtc(next('SU'), '06:00', ZONE).toISOString());
    expect(found?.end).toBe(zonedToUtc(next('SU'), '07:30', ZONE).toISOString());
    expect(reply.occurrences).toBeGreaterThan(50);
    expect(reply.horizon.from).toBe(localDate(new Date(), ZONE));
  });

  it('warns of nothing for another target group, an Ortsteil that is not a neighbour, or a time after it', async () => {
    const ids = async (body: Record<string, unknown>) =>
      (await check(first.client, planned(body))).overlaps.map((o) => o.activityId);
    expect(await ids({ targetGroups: ['seniors'] })).not.toContain(theirs.activity.id);
    expect(await ids({ ortsteilId: 'hochfeld' })).not.toContain(theirs.activity.id);
    expect(await ids({ from: '07:30', to: '09:00' })).not.toContain(theirs.activity.id);
    expect(await ids({ targetGroups: ['seniors', 'women'] })).toContain(theirs.activity.id);
  });

  it('finds the overlap of recurrences: a monthly plan meets the weekly one, a single date on its exception day does not', async () => {
    const monthly = await check(
      first.client,
      planned({ rrule: 'FREQ=MONTHLY;BYDAY=2SU', date: next('SU', 4) }),
    );
    expect(monthly.overlaps.map((o) => o.activityId)).toContain(theirs.activity.id);
    const onException = await check(first.client, planned({ rrule: null, date: next('SU', 3) }));
    expect(onException.overlaps.map((o) => o.activityId)).not.toContain(theirs.activity.id);
    const weekAfter = await check(first.client, planned({ rrule: null, date: next('SU', 4) }));
    expect(weekAfter.overlaps.find((o) => o.activityId === theirs.activity.id)?.start).toBe(
      zonedToUtc(next('SU', 4), '06:00', ZONE).toISOString(),
    );
  });

  it('does not warn an actor of its own activities', async () => {
    const reply = await check(second.client, planned({ ortsteilId: 'obermarxloh' }));
    expect(reply.overlaps.map((o) => o.activityId)).not.toContain(theirs.activity.id);
  });

  it('lets the actor save anyway, and then the other actor is warned of the new one too', async () => {
    const mine = await save(
      first.client,
      activity({ from: '07:00', to: '08:00', title: 'Frauencafé am Sonntag' }),
    );
    expect(mine.overlaps.map((o) => o.activityId)).toContain(theirs.activity.id);
    const back = await check(
      second.client,
      planned({ ortsteilId: 'obermarxloh', activityId: theirs.activity.id }),
    );
    expect(back.overlaps.find((o) => o.activityId === mine.activity.id)?.title).toBe('Frauencafé am Sonntag');
    const moved = await first.client.request('PUT', `/api/v1/network/activities/${mine.activity.id}`, {
      body: activity({ from: '09:00', to: '10:00', title: 'Frauencafé am Sonntag' }),
    });
    expect(moved.status, moved.body).toBe(200);
    expect(moved.json<Saved>().overlaps.map((o) => o.activityId)).not.toContain(theirs.activity.id);
  });

  it('warns the demo walk’s migrant organisation of the Birlikte women’s café on Wednesdays in Obermarxloh', async () => {
    const punte = await t.login('association');
    const reply = await check(
      punte,
      planned({ date: next('WE'), rrule: 'FREQ=WEEKLY;BYDAY=WE', from: '16:00', to: '18:00' }),
    );
    expect(reply.overlaps.map((o) => o.title)).toContain('Frauencafé Birlikte');
    const thursday = await check(
      punte,
      planned({ date: next('TH'), rrule: 'FREQ=WEEKLY;BYDAY=TH', from: '10:00', to: '12:00' }),
    );
    expect(thursday.overlaps).toEqual([]);
  });

  it('answers bad plans with a 400 naming the field, in the user’s language', async () => {
    const english = t.client('en');
    await english.post('/api/v1/auth/login', {
      email: 'coordinator@demo.lotse.example',
      password: 'lotse-demo-2026',
    });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ rrule: 'FREQ=WEEKLY;BYHOUR=9' }, 'body.rrule', 'network.rrule_invalid'],
      [{ rrule: 'FREQ=SOMETIMES' }, 'body.rrule', 'network.rrule_invalid'],
      [{ from: '10:00', to: '09:00' }, 'body.to', 'network.time_order'],
      [{ ortsteilId: 'atlantis' }, 'body.ortsteilId', 'network.ortsteil_unknown'],
      [{ targetGroups: [] }, 'body.targetGroups', 'validation.too_short'],
    ];
    for (const [body, field, code] of cases) {
      const reply = await english.post('/api/v1/network/activities/check', planned(body));
      expect(reply.status, reply.body).toBe(400);
      const error = reply.json<ErrorBody>().error;
      expect(error).toMatchObject({ code, field });
      expect(error.message).not.toBe(code);
    }
    const german = await first.client.post(
      '/api/v1/network/activities/check',
      planned({ from: '10:00', to: '09:00' }),
    );
    expect(german.json<ErrorBody>().error.message).toMatch(/Ende/);
  });

  it('refuses the check to the public (401) and to residents and guides (403)', async () => {
    expect((await t.client().post('/api/v1/network/activities/check', planned())).status).toBe(401);
    expect(
      (await (await t.login('resident')).post('/api/v1/network/activities/check', planned())).status,
    ).toBe(403);
    expect((await (await t.login('guide')).post('/api/v1/network/activities/check', planned())).status).toBe(
      403,
    );
  });
});

describe('the register', () => {
  it('keeps a new actor pending and out of the public calendar until the KI approves it', async () => {
    const pending = await newActor(t, coordinator, { pending: true });
    expect(pending.actor.status).toBe('pending');
    const saved = await save(
      pending.client,
      activity({ title: 'Noch nicht freigegeben', date: next('SU', 1), rrule: null }),
    );
    const day = next('SU', 1);
    const before = await t.client().get(`/api/v1/network/calendar?from=${day}&to=${day}`);
    expect(before.json<{ items: { activityId: string }[] }>().items.map((i) => i.activityId)).not.toContain(
      saved.activity.id,
    );
    const others = await first.client.get('/api/v1/network/actors');
    expect(others.json<{ items: Actor[] }>().items.map((a) => a.id)).not.toContain(pending.actor.id);
    expect((await pending.client.post(`/api/v1/network/actors/${pending.actor.id}/approve`, {})).status).toBe(
      403,
    );
    expect((await coordinator.post(`/api/v1/network/actors/${pending.actor.id}/approve`, {})).status).toBe(
      200,
    );
    const after = await t.client().get(`/api/v1/network/calendar?from=${day}&to=${day}`);
    expect(after.json<{ items: { activityId: string }[] }>().items.map((i) => i.activityId)).toContain(
      saved.activity.id,
    );
  });

  it('keeps one entry per organisation: a second one is a 409', async () => {
    const reply = await first.client.post('/api/v1/network/actors', {
      name: 'Noch einmal',
      kind: 'association',
      districts: ['hamborn'],
      topics: [],
      languages: [],
      targetGroups: [],
      public: false,
    });
    expect(reply.status).toBe(409);
  });

  it('lets the KI enter a public actor that is the same organisation record the directory shows', async () => {
    const reply = await coordinator.post('/api/v1/network/actors', {
      name: 'Moscheegemeinde Beeck',
      kind: 'religious',
      districts: ['meiderich-beeck'],
      topics: ['leisure_meeting'],
      languages: ['tur', 'ara'],
      targetGroups: ['parents'],
      public: true,
    });
    expect(reply.status, reply.body).toBe(201);
    const actor = reply.json<Actor>();
    expect(actor.status).toBe('approved');
    expect(actor.name).toBe('Moscheegemeinde Beeck');
    const hsds = await t.client().get(`/api/hsds/organizations/${actor.organisationId}`);
    // The actor is the platform's organisation: the directory would show it under the same id (404 until it has offers).
    expect([200, 404]).toContain(hsds.status);
    const wrong = await coordinator.post('/api/v1/network/actors', {
      name: 'X',
      kind: 'religious',
      districts: ['atlantis'],
      topics: [],
      languages: [],
      targetGroups: [],
      public: false,
    });
    expect(wrong.json<ErrorBody>().error).toMatchObject({
      code: 'network.district_unknown',
      field: 'body.districts.0',
    });
  });

  it('lists contact persons only with their consent, exports and erases them with the person’s account, and deletes them when consent lapses', async () => {
    const without = await first.client.post(`/api/v1/network/actors/${first.actor.id}/contacts`, {
      name: 'Ayşe Yılmaz',
    });
    expect(without.status).toBe(400);
    expect(without.json<ErrorBody>().error.field).toBe('body.consent');
    const added = await first.client.post(`/api/v1/network/actors/${first.actor.id}/contacts`, {
      name: 'Layla Haddad',
      email: 'resident@demo.lotse.example',
      consent: true,
    });
    expect(added.status, added.body).toBe(201);
    const listed = await second.client.get(`/api/v1/network/actors/${first.actor.id}`);
    expect(listed.json<{ contacts: { name: string }[] }>().contacts.map((c) => c.name)).toContain(
      'Layla Haddad',
    );

    const admin = await t.login('admin');
    const residentId = (await findAccountByEmail(t.services.database.db, 'resident@demo.lotse.example'))?.id;
    expect(residentId).toBeTruthy();
    const exported = await admin.get(`/api/v1/people/${residentId}/export`);
    expect(exported.status, exported.body).toBe(200);
    expect(exported.body).toContain('Layla Haddad');
    expect(exported.body).toContain('networkContactEntries');
    expect((await admin.post(`/api/v1/people/${residentId}/erase`, {})).status).toBe(204);
    const afterErase = await second.client.get(`/api/v1/network/actors/${first.actor.id}`);
    expect(afterErase.json<{ contacts: { name: string }[] }>().contacts.map((c) => c.name)).not.toContain(
      'Layla Haddad',
    );

    await first.client.post(`/api/v1/network/actors/${first.actor.id}/contacts`, {
      name: 'Jan Nowak',
      consent: true,
    });
    const ctx = systemContext(t.services);
    const rule = { days: 730, action: 'delete' as const, description: '' };
    const inTwoYears = { ...ctx, now: new Date(Date.now() + 731 * 86_400_000) };
    expect(await networkRetention['network.contacts']?.(ctx, rule)).toBe(0);
    expect(await networkRetention['network.contacts']?.(inTwoYears, rule)).toBeGreaterThan(0);
    expect(await t.services.database.db.select().from(networkContacts)).toEqual([]);
  });
});

describe('the horizon', () => {
  it('moves on every day: a weekly activity saved today has its occurrences a year ahead again half a year later', async () => {
    const saved = await save(
      first.client,
      activity({ title: 'Wochentreff', ortsteilId: 'baerl', from: '19:00', to: '20:00' }),
    );
    const lastStored = async () => {
      const [row] = await rows<{ last: unknown }>(
        t.services.database.db,
        sql`select max(upper(during)) as last from network_occurrences where activity_id = ${saved.activity.id}`,
      );
      return new Date(String(row?.last instanceof Date ? row.last.toISOString() : row?.last));
    };
    const before = await lastStored();
    expect(before.getTime()).toBeGreaterThan(Date.now() + 355 * 86_400_000);
    const later = { ...systemContext(t.services), now: new Date(Date.now() + 182 * 86_400_000) };
    expect((await extendOccurrences(later)).extended).toBeGreaterThan(0);
    const after = await lastStored();
    expect(after.getTime() - before.getTime()).toBeGreaterThan(170 * 86_400_000);
    // A second run the same day has nothing to do for it.
    const again = await extendOccurrences(later);
    const unchanged = await lastStored();
    expect(unchanged.getTime()).toBe(after.getTime());
    expect(again.extended).toBe(0);
  });
});

type Gaps = {
  targetGroup: string;
  weeks: string[];
  rows: { ortsteilId: string; districtId: string; counts: number[] }[];
  gaps: number;
};

describe('the gaps view', () => {
  const gapsOf = async (query: string) => {
    const reply = await coordinator.get(`/api/v1/network/gaps?${query}`);
    expect(reply.status, reply.body).toBe(200);
    return reply.json<Gaps>();
  };

  it('shows every Ortsteil of a Stadtbezirk week by week, and an activity planned where nothing was offered fills that gap', async () => {
    const before = await gapsOf('targetGroup=seniors&districtId=rheinhausen&weeks=4');
    expect(before.weeks).toHaveLength(4);
    expect(before.weeks.every((week) => new Date(`${week}T12:00:00Z`).getUTCDay() === 1)).toBe(true);
    const rheinhausen = t.services.city.districts.find((d) => d.id === 'rheinhausen');
    expect(before.rows.map((r) => r.ortsteilId)).toEqual(rheinhausen?.ortsteile.map((o) => o.id));
    const empty = before.rows.find((row) => row.counts[2] === 0);
    expect(empty, 'the demo leaves some week without anything for seniors in Rheinhausen').toBeDefined();
    if (!empty) return;
    // An internal activity counts too: it serves its target group, it is just not in the public calendar.
    const day = addDays(before.weeks[2] as string, 2);
    await save(
      first.client,
      activity({
        title: 'Seniorencafé',
        date: day,
        rrule: null,
        ortsteilId: empty.ortsteilId,
        targetGroups: ['seniors', 'women'],
        public: false,
      }),
    );
    const after = await gapsOf('targetGroup=seniors&districtId=rheinhausen&weeks=4');
    const row = after.rows.find((r) => r.ortsteilId === empty.ortsteilId);
    expect(row?.counts[2]).toBe(1);
    expect(after.gaps).toBe(before.gaps - 1);
    // Other weeks and other target groups are as they were.
    expect(row?.counts.filter((_, i) => i !== 2)).toEqual(empty.counts.filter((_, i) => i !== 2));
    const children = await gapsOf('targetGroup=children&districtId=rheinhausen&weeks=4');
    const childrenBefore = children.rows.find((r) => r.ortsteilId === empty.ortsteilId);
    expect(childrenBefore?.counts[2]).toBeGreaterThanOrEqual(0);
  });

  it('counts each activity once per week, however often it meets, and only approved actors’ activities', async () => {
    const pending = await newActor(t, coordinator, { pending: true });
    const before = await gapsOf(`targetGroup=youth&districtId=homberg-ruhrort-baerl&weeks=2`);
    const daily = await save(
      second.client,
      activity({
        title: 'Jugendtreff täglich',
        date: before.weeks[1],
        rrule: 'FREQ=DAILY;COUNT=5',
        ortsteilId: 'baerl',
        targetGroups: ['youth'],
      }),
    );
    expect(daily.occurrences).toBe(5);
    const pendingSave = await pending.client.post(
      '/api/v1/network/activities',
      activity({
        title: 'Noch nicht freigegeben',
        date: before.weeks[1],
        rrule: null,
        ortsteilId: 'baerl',
        targetGroups: ['youth'],
      }),
    );
    const after = await gapsOf(`targetGroup=youth&districtId=homberg-ruhrort-baerl&weeks=2`);
    const baerl = (g: Gaps) => g.rows.find((r) => r.ortsteilId === 'baerl')?.counts;
    expect(baerl(after)?.[1]).toBe((baerl(before)?.[1] ?? 0) + 1);
    expect(baerl(after)?.[0]).toBe(baerl(before)?.[0]);
    // Whether or not a pending actor may save, its activity does not fill a gap before the KI approves it.
    expect([201, 409]).toContain(pendingSave.status);
  });

  it('answers only for the stored weeks and the city’s Stadtbezirke, naming the field, and only to the network', async () => {
    const tooFar = await coordinator.get('/api/v1/network/gaps?targetGroup=women&from=2099-01-05');
    expect(tooFar.status).toBe(400);
    expect(tooFar.json<ErrorBody>().error.field).toBe('query.from');
    const far = addDays(localDate(new Date(), ZONE), 360);
    const tooLong = await coordinator.get(`/api/v1/network/gaps?targetGroup=women&from=${far}&weeks=13`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.json<ErrorBody>().error.field).toBe('query.weeks');
    const unknown = await coordinator.get('/api/v1/network/gaps?targetGroup=women&districtId=atlantis');
    expect(unknown.status).toBe(400);
    expect(unknown.json<ErrorBody>().error).toMatchObject({ field: 'query.districtId' });
    expect(unknown.json<ErrorBody>().error.message).toContain('Stadtbezirk');
    const noGroup = await coordinator.get('/api/v1/network/gaps');
    expect(noGroup.status).toBe(400);
    expect(noGroup.json<ErrorBody>().error.field).toBe('query.targetGroup');
    const anonymous = await t.client().get('/api/v1/network/gaps?targetGroup=women');
    expect(anonymous.status).toBe(401);
  });
});

describe('the public calendar', () => {
  let weekly: Saved;
  let internal: Saved;
  let seniors: Saved;
  beforeAll(async () => {
    seniors = await save(
      second.client,
      activity({
        title: 'Seniorencafé Hochfeld',
        ortsteilId: 'hochfeld',
        targetGroups: ['seniors'],
        from: '19:00',
        to: '19:45',
      }),
    );
    weekly = await save(
      first.client,
      activity({
        title: 'Kadın Kahvaltısı',
        ortsteilId: 'hochfeld',
        from: '20:00',
        to: '21:30',
        exceptions: [next('SU', 2)],
        skipSchoolHolidays: true,
      }),
    );
    internal = await save(
      first.client,
      activity({
        title: 'Internes Planungstreffen',
        ortsteilId: 'hochfeld',
        public: false,
        from: '21:00',
        to: '22:00',
      }),
    );
  });

  it('shows public occurrences with filters, without internal activities or the exception day', async () => {
    const from = next('SU');
    const to = addDays(from, 21);
    const reply = await t
      .client('tr')
      .get(`/api/v1/network/calendar?from=${from}&to=${to}&ortsteilId=hochfeld&targetGroup=women`);
    expect(reply.status, reply.body).toBe(200);
    const items = reply.json<{ items: { activityId: string; start: string; recurring: boolean }[] }>().items;
    const ours = items
      .filter((i) => i.activityId === weekly.activity.id)
      .map((i) => localDate(new Date(i.start), ZONE));
    const holidays = networkSettings(systemContext(t.services)).schoolHolidays;
    const expected = [0, 1, 2, 3]
      .map((w) => next('SU', w))
      .filter((d) => d !== next('SU', 2) && !inHolidays(d, holidays));
    expect(ours).toEqual(expected);
    expect(items.map((i) => i.activityId)).not.toContain(internal.activity.id);
    const seniors = await t
      .client()
      .get(`/api/v1/network/calendar?from=${from}&to=${to}&ortsteilId=hochfeld&targetGroup=seniors`);
    expect(seniors.json<{ items: { activityId: string }[] }>().items.map((i) => i.activityId)).not.toContain(
      weekly.activity.id,
    );
    const tooLong = await t.client().get(`/api/v1/network/calendar?from=${from}&to=${addDays(from, 100)}`);
    expect(tooLong.json<ErrorBody>().error).toMatchObject({
      code: 'network.period_too_long',
      field: 'query.to',
    });
  });

  it('serves a valid iCalendar whose RRULE and EXDATE give the same occurrences as the calendar', async () => {
    const reply = await t.client().get('/api/v1/network/calendar.ics?ortsteilId=hochfeld');
    expect(reply.status).toBe(200);
    expect(String(reply.headers['content-type'])).toMatch(/^text\/calendar/);
    expect(reply.body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(reply.body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    const events = icsEvents(reply.body);
    const event = events.find((e) => e.SUMMARY?.value === 'Kadın Kahvaltısı');
    expect(event?.RRULE?.value).toBe('FREQ=WEEKLY;BYDAY=SU');
    expect(event?.DTSTART?.params).toBe(';TZID=Europe/Berlin');
    expect(event?.EXDATE?.value).toContain(`${next('SU', 2).replaceAll('-', '')}T200000`);
    expect(events.map((e) => e.SUMMARY?.value)).not.toContain('Internes Planungstreffen');
    // The feed read by the rrule package: the same occurrences as the calendar page in the next five weeks.
    const set = rrulestr(
      [
        `DTSTART${event?.DTSTART?.params}:${event?.DTSTART?.value}`,
        `RRULE:${event?.RRULE?.value}`,
        `EXDATE${event?.EXDATE?.params}:${event?.EXDATE?.value}`,
      ].join('\n'),
      { forceset: true },
    );
    const from = next('SU');
    const to = addDays(from, 34);
    const fromFeed = set
      .between(zonedToUtc(from, '00:00', ZONE), zonedToUtc(addDays(to, 1), '00:00', ZONE))
      .map((d) => d.toISOString());
    const page = await t.client().get(`/api/v1/network/calendar?from=${from}&to=${to}&ortsteilId=hochfeld`);
    const fromPage = page
      .json<{ items: { activityId: string; start: string }[] }>()
      .items.filter((i) => i.activityId === weekly.activity.id)
      .map((i) => i.start);
    expect(fromFeed).toEqual(fromPage);
    const whole = await t.client().get('/api/v1/network/calendar.ics');
    expect(icsEvents(whole.body).length).toBeGreaterThan(100);
  });

  it('serves a feed per actor and per target group with only their public activities', async () => {
    const feed = async (query: string) => {
      const reply = await t.client().get(`/api/v1/network/calendar.ics?${query}`);
      expect(reply.status, reply.body).toBe(200);
      return icsEvents(reply.body);
    };
    const uid = (saved: Saved) => expect.stringContaining(`network-${saved.activity.id}@`);
    const ofFirst = await feed(`actorId=${first.actor.id}`);
    expect(ofFirst.map((e) => e.UID?.value)).toContainEqual(uid(weekly));
    expect(ofFirst.map((e) => e.UID?.value)).not.toContainEqual(uid(internal));
    expect(ofFirst.map((e) => e.UID?.value)).not.toContainEqual(uid(seniors));
    // Every event is the actor's: its name opens the description.
    for (const event of ofFirst) expect(event.DESCRIPTION?.value.startsWith(first.actor.name)).toBe(true);
    const ofSecond = await feed(`actorId=${second.actor.id}`);
    expect(ofSecond.map((e) => e.UID?.value)).toContainEqual(uid(seniors));
    expect(ofSecond.map((e) => e.UID?.value)).not.toContainEqual(uid(weekly));
    for (const event of ofSecond) expect(event.DESCRIPTION?.value.startsWith(second.actor.name)).toBe(true);

    const forSeniors = await feed('targetGroup=seniors');
    expect(forSeniors.map((e) => e.UID?.value)).toContainEqual(uid(seniors));
    expect(forSeniors.map((e) => e.UID?.value)).not.toContainEqual(uid(weekly));
    for (const event of forSeniors) expect(event.CATEGORIES?.value.split(',')).toContain('seniors');
    const forWomenInHochfeld = await feed('targetGroup=women&ortsteilId=hochfeld');
    expect(forWomenInHochfeld.map((e) => e.UID?.value)).toContainEqual(uid(weekly));
    expect(forWomenInHochfeld.map((e) => e.UID?.value)).not.toContainEqual(uid(seniors));
    const unknown = await t.client().get('/api/v1/network/calendar.ics?targetGroup=martians');
    expect(unknown.status).toBe(400);
    expect(unknown.json<ErrorBody>().error.field).toBe('query.targetGroup');
  });
});

describe('rooms of the Begegnungszentrum', () => {
  const slot = (days: number, from: string, to: string) => {
    const day = addDays(localDate(new Date(), ZONE), days);
    return { start: zonedToUtc(day, from, ZONE).toISOString(), end: zonedToUtc(day, to, ZONE).toISOString() };
  };

  it('lists the five rooms with capacity and equipment', async () => {
    const reply = await t.client().get('/api/v1/network/rooms');
    const body = reply.json<{
      centre: { name: string };
      rooms: { id: string; capacity: number; equipment: string[] }[];
    }>();
    expect(body.centre.name).toBe('Integratives Begegnungszentrum Marxloh');
    expect(body.rooms).toHaveLength(5);
    expect(body.rooms.find((r) => r.id === 'cafe')?.equipment).toContain('kitchen');
  });

  it('lets one of two overlapping requests for a room win: one 201, the other 409 in the user’s language', async () => {
    const time = slot(30, '06:00', '08:00');
    const [a, b] = await Promise.all([
      first.client.post('/api/v1/network/rooms/werkstatt/bookings', time),
      second.client.post('/api/v1/network/rooms/werkstatt/bookings', slot(30, '07:00', '09:00')),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.json<ErrorBody>().error.code).toBe('network.room_taken');
    expect(lost.json<ErrorBody>().error.message).toContain('Werkstatt');
    // A third request for the same time, in Turkish.
    const again = await first.client.request('POST', '/api/v1/network/rooms/werkstatt/bookings', {
      body: slot(30, '07:00', '07:30'),
      headers: { 'accept-language': 'tr' },
    });
    expect(again.status).toBe(409);
    expect(again.json<ErrorBody>().error.message).toMatch(/oda|Oda|salon|dolu/i);
  });

  it('lets the house staff confirm or decline; a declined request frees the room, an actor cannot decide', async () => {
    const house = await t.login(DEMO_HOUSE_ACCOUNT);
    const time = slot(31, '06:00', '07:00');
    const request = await first.client.post('/api/v1/network/rooms/seminar-2/bookings', time);
    expect(request.status, request.body).toBe(201);
    const id = request.json<{ id: string }>().id;
    expect(
      (await first.client.post(`/api/v1/network/bookings/${id}/decision`, { decision: 'confirmed' })).status,
    ).toBe(403);
    const listed = await house.get('/api/v1/network/bookings?state=requested');
    expect(listed.json<{ items: { id: string }[] }>().items.map((b) => b.id)).toContain(id);
    const declined = await house.post(`/api/v1/network/bookings/${id}/decision`, { decision: 'declined' });
    expect(declined.json<{ state: string }>().state).toBe('declined');
    const retry = await second.client.post('/api/v1/network/rooms/seminar-2/bookings', time);
    expect(retry.status, retry.body).toBe(201);
    const confirmed = await house.post(
      `/api/v1/network/bookings/${retry.json<{ id: string }>().id}/decision`,
      {
        decision: 'confirmed',
      },
    );
    expect(confirmed.json<{ state: string }>().state).toBe('confirmed');
    const twice = await house.post(`/api/v1/network/bookings/${id}/decision`, { decision: 'confirmed' });
    expect(twice.status).toBe(409);
    // An actor sees its own bookings only.
    const own = await first.client.get('/api/v1/network/bookings');
    expect(
      own.json<{ items: { actorId: string }[] }>().items.every((b) => b.actorId === first.actor.id),
    ).toBe(true);
  });

  it('refuses a booking in the past, the wrong way round, or too long, naming the field', async () => {
    const past = await first.client.post('/api/v1/network/rooms/saal/bookings', slot(-1, '10:00', '11:00'));
    expect(past.json<ErrorBody>().error).toMatchObject({ code: 'network.in_the_past', field: 'body.start' });
    const reversed = await first.client.post(
      '/api/v1/network/rooms/saal/bookings',
      slot(3, '11:00', '10:00'),
    );
    expect(reversed.json<ErrorBody>().error).toMatchObject({ code: 'network.time_order', field: 'body.end' });
    const unknown = await first.client.post(
      '/api/v1/network/rooms/keller/bookings',
      slot(3, '10:00', '11:00'),
    );
    expect(unknown.status).toBe(404);
  });
});

describe('an actor’s own iCal feed', () => {
  type Feed = {
    url: string;
    syncedAt: string | null;
    okAt: string | null;
    problem: { code: string; message: string } | null;
    counts: Record<string, number> | null;
    activities: number;
  };
  type Listed = {
    id: string;
    title: string;
    from: string;
    to: string;
    rrule: string | null;
    exceptions: string[];
  };
  /** What the actor's calendar server answers: a status and a body (changed by the tests between runs). */
  let served = { status: 200, body: '' };
  let server: Server;
  let url: string;
  let feedActor: { client: Client; actor: Actor };
  const tuesday = next('TU', 1);
  const ics = (day: string) => day.replaceAll('-', '');
  const calendarOf = (...events: string[][]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Verein//Kalender//DE',
      ...events.flat(),
      'END:VCALENDAR',
    ].join('\r\n');
  const event = (lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20261201T080000Z', ...lines, 'END:VEVENT'];
  const cafe = (sequence: number, from: string, to: string) =>
    event([
      'UID:cafe@verein.example',
      `SEQUENCE:${sequence}`,
      `DTSTART;TZID=Europe/Berlin:${ics(tuesday)}T${from}0000`,
      `DTEND;TZID=Europe/Berlin:${ics(tuesday)}T${to}0000`,
      'RRULE:FREQ=WEEKLY;BYDAY=TU',
      `EXDATE;TZID=Europe/Berlin:${ics(addDays(tuesday, 14))}T${from}0000`,
      'SUMMARY:Frauencafé am Dienstag',
      'LOCATION:Kaiser-Wilhelm-Straße 10',
    ]);
  const moved = event([
    'UID:cafe@verein.example',
    `RECURRENCE-ID;TZID=Europe/Berlin:${ics(addDays(tuesday, 7))}T150000`,
    `DTSTART;TZID=Europe/Berlin:${ics(addDays(tuesday, 8))}T150000`,
    `DTEND;TZID=Europe/Berlin:${ics(addDays(tuesday, 8))}T170000`,
    'SUMMARY:Frauencafé (diesmal am Mittwoch)',
  ]);
  const festival = event([
    'UID:fest@verein.example',
    `DTSTART:${ics(addDays(tuesday, 4))}T100000Z`,
    `DTEND:${ics(addDays(tuesday, 4))}T140000Z`,
    'SUMMARY:Sommerfest',
  ]);
  const reading = event([
    'UID:lesung@verein.example',
    `DTSTART;TZID=Europe/Berlin:${ics(addDays(tuesday, 2))}T180000`,
    'DURATION:PT1H30M',
    'SUMMARY:Lesung',
  ]);
  const put = (client: Client, body: Record<string, unknown>) =>
    client.request('PUT', `/api/v1/network/actors/${feedActor.actor.id}/feed`, { body });
  const feedBody = () => ({
    url,
    kind: 'open_meeting',
    ortsteilId: 'marxloh',
    targetGroups: ['women'],
    languages: ['tur', 'deu'],
    public: true,
  });
  const listed = async () => {
    const reply = await coordinator.get(`/api/v1/network/activities?actorId=${feedActor.actor.id}`);
    expect(reply.status, reply.body).toBe(200);
    return reply.json<{ items: Listed[] }>().items.sort((a, b) => a.title.localeCompare(b.title));
  };

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(served.status, { 'content-type': 'text/calendar; charset=utf-8' });
      response.end(served.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kalender.ics`;
    feedActor = await newActor(t, coordinator);
  });
  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  it('imports the calendar, and on the job’s next run rewrites changed events and removes deleted ones', async () => {
    served = { status: 200, body: calendarOf(cafe(0, '15', '17'), moved, festival) };
    const first = await put(feedActor.client, feedBody());
    expect(first.status, first.body).toBe(200);
    expect(first.json<{ feed: Feed }>().feed).toMatchObject({
      problem: null,
      counts: { created: 3, updated: 0, deleted: 0 },
      activities: 3,
    });
    const imported = await listed();
    expect(imported.map((a) => a.title)).toEqual([
      'Frauencafé (diesmal am Mittwoch)',
      'Frauencafé am Dienstag',
      'Sommerfest',
    ]);
    // The series keeps its RRULE; its EXDATE and the date moved to Wednesday are its exceptions.
    expect(imported[1]).toMatchObject({
      from: '15:00',
      to: '17:00',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      exceptions: [addDays(tuesday, 7), addDays(tuesday, 14)],
    });
    // UTC times on the city's clocks (summer or winter time).
    expect(imported[2]?.from).toBe(localTime(new Date(`${addDays(tuesday, 4)}T10:00:00Z`), ZONE));
    // Another actor planning a women's café there on Tuesdays is told of the imported one.
    const warned = await check(
      second.client,
      planned({ date: tuesday, from: '16:00', to: '18:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' }),
    );
    expect(warned.overlaps.map((o) => o.title)).toContain('Frauencafé am Dienstag');

    // The actor moves the café to 16–18 h (SEQUENCE 1), drops the festival and adds a reading.
    served = { status: 200, body: calendarOf(cafe(1, '16', '18'), moved, reading) };
    await t.services.jobRunner.runSoon('network.occurrences_extend');
    expect(await t.services.jobRunner.tick()).toContain('network.occurrences_extend');
    const after = await feedActor.client.get(`/api/v1/network/actors/${feedActor.actor.id}/feed`);
    expect(after.json<{ feed: Feed }>().feed).toMatchObject({
      problem: null,
      counts: { created: 1, updated: 1, deleted: 1, unchanged: 1 },
      activities: 3,
    });
    const synced = await listed();
    expect(synced.map((a) => [a.title, a.from, a.to])).toEqual([
      ['Frauencafé (diesmal am Mittwoch)', '15:00', '17:00'],
      ['Frauencafé am Dienstag', '16:00', '18:00'],
      ['Lesung', '18:00', '19:30'],
    ]);
    // The public feed shows the change: the café at 16 h with its RRULE, no festival.
    const feed = await t.client().get(`/api/v1/network/calendar.ics?actorId=${feedActor.actor.id}`);
    const events = icsEvents(feed.body);
    expect(events.map((e) => e.SUMMARY?.value).sort()).toEqual([
      'Frauencafé (diesmal am Mittwoch)',
      'Frauencafé am Dienstag',
      'Lesung',
    ]);
    const series = events.find((e) => e.RRULE);
    expect(series?.DTSTART?.value).toBe(`${ics(tuesday)}T160000`);

    // The same feed again changes nothing.
    const again = await feedActor.client.post(`/api/v1/network/actors/${feedActor.actor.id}/feed/sync`, {});
    expect(again.json<{ feed: Feed }>().feed.counts).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: 3,
    });
  });

  it('keeps the activities when the calendar is broken or gone, and tells the actor why in its language', async () => {
    const before = (await listed()).map((a) => a.id);
    const sync = () =>
      feedActor.client.post(
        `/api/v1/network/actors/${feedActor.actor.id}/feed/sync`,
        {},
        {
          headers: { 'accept-language': 'tr' },
        },
      );
    for (const [body, status, code, message] of [
      ['<html>Wartungsarbeiten</html>', 200, 'malformed', 'okunabilir bir iCalendar takvimi yok'],
      ['BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nkaputt\r\n', 200, 'malformed', 'iCalendar'],
      ['', 404, 'status', 'hatayla yanıt verdi'],
    ] as const) {
      served = { status, body };
      const reply = await sync();
      expect(reply.status, reply.body).toBe(200);
      const feed = reply.json<{ feed: Feed }>().feed;
      expect(feed.problem?.code).toBe(code);
      expect(feed.problem?.message).toContain(message);
      expect(feed.okAt).not.toBe(feed.syncedAt);
    }
    expect((await listed()).map((a) => a.id)).toEqual(before);
    // Fixed again: the problem is gone.
    served = { status: 200, body: calendarOf(cafe(1, '16', '18'), moved, reading) };
    expect((await sync()).json<{ feed: Feed }>().feed.problem).toBeNull();
  });

  it('refuses addresses in the internal network, and other actors’ feeds', async () => {
    const reply = await put(feedActor.client, { ...feedBody(), url: 'ftp://verein.example/kalender.ics' });
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorBody>().error).toMatchObject({ code: 'network.feed_url', field: 'body.url' });
    for (const address of [
      'http://127.0.0.1:8080/kalender.ics',
      'http://localhost/kalender.ics',
      'http://[::1]/kalender.ics',
      'http://[::ffff:127.0.0.1]/kalender.ics',
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/kalender.ics',
      'http://192.168.0.10/kalender.ics',
    ])
      expect(() => checkOutsideUrl(address, []), address).toThrow(/address_refused/);
    expect(checkOutsideUrl('https://kalender.verein.example/feed.ics', []).host).toBe(
      'kalender.verein.example',
    );
    expect([
      isPublicAddress('93.184.216.34'),
      isPublicAddress('2a00:1450:4001::1'),
      isPublicAddress('fd00::1'),
    ]).toEqual([true, true, false]);
    // Without the setting, the local calendar server itself is not fetched.
    await expect(fetchOutside(url, { allowPrivate: [] })).rejects.toThrow(/address_refused/);
    const stranger = await second.client.get(`/api/v1/network/actors/${feedActor.actor.id}/feed`);
    expect(stranger.status).toBe(403);
  });

  it('removes the feed and the activities it brought in', async () => {
    const reply = await feedActor.client.request(
      'DELETE',
      `/api/v1/network/actors/${feedActor.actor.id}/feed`,
    );
    expect(reply.status).toBe(204);
    expect(await listed()).toEqual([]);
    const gone = await feedActor.client.get(`/api/v1/network/actors/${feedActor.actor.id}/feed`);
    expect(gone.json<{ feed: Feed | null }>().feed).toBeNull();
  });
});

describe('the figures', () => {
  type Count = number | '<5';
  type Figures = {
    actors: { total: Count; byKindAndDistrict: { kind: string; districtId: string; count: Count }[] };
    activities: {
      months: string[];
      byMonth: { month: string; districtId: string; targetGroup: string; count: Count }[];
    };
    rooms: {
      days: number;
      items: { roomId: string; bookings: Count; hours: number; daysInUse: number; rate: number }[];
    };
  };
  const figures = async () => {
    const reply = await coordinator.get('/api/v1/network/figures');
    expect(reply.status, reply.body).toBe(200);
    return reply.json<Figures>();
  };
  const counts = (f: Figures) => [
    f.actors.total,
    ...f.actors.byKindAndDistrict.map((a) => a.count),
    ...f.activities.byMonth.map((a) => a.count),
    ...f.rooms.items.map((r) => r.bookings),
  ];

  it('counts actors by kind and district, activities per month, the rooms’ use; counts under 5 as "<5"', async () => {
    const before = await figures();
    expect(before.activities.months).toHaveLength(6);
    expect(before.activities.months[0]).toBe(localDate(new Date(), ZONE).slice(0, 7));
    for (const n of counts(before)) if (n !== '<5') expect(n === 0 || n >= 5).toBe(true);
    expect(
      before.actors.byKindAndDistrict.find(
        (a) => a.kind === 'migrant_organisation' && a.districtId === 'hamborn',
      ),
    ).toBeDefined();

    // A new activity next month counts once in its Stadtbezirk and target group, however often it meets.
    const month = before.activities.months[1] as string;
    const bucket = before.activities.byMonth.find(
      (b) =>
        b.month === month &&
        b.districtId === 'hamborn' &&
        b.targetGroup === 'women' &&
        typeof b.count === 'number',
    );
    expect(bucket, 'the demo has at least five activities for women in Hamborn next month').toBeDefined();
    await save(
      first.client,
      activity({
        title: 'Figurentest',
        date: `${month}-03`,
        rrule: 'FREQ=DAILY;COUNT=5',
        from: '05:00',
        to: '05:30',
      }),
    );
    const after = await figures();
    expect(
      after.activities.byMonth.find(
        (b) => b.month === month && b.districtId === 'hamborn' && b.targetGroup === 'women',
      )?.count,
    ).toBe((bucket?.count as number) + 1);

    // A confirmed booking of yesterday: its hours and its day in the room's use.
    const ctx = systemContext(t.services);
    const yesterday = addDays(localDate(new Date(), ZONE), -1);
    const room = before.rooms.items[0];
    await rows(
      ctx.db,
      sql`insert into network_room_bookings (room_id, actor_id, organisation_id, starts_at, ends_at, state, created_at)
          values (${room?.roomId}, ${first.actor.id}, ${first.actor.organisationId},
                  ${zonedToUtc(yesterday, '06:00', ZONE)}, ${zonedToUtc(yesterday, '08:30', ZONE)}, 'confirmed', now())`,
    );
    const used = (await figures()).rooms.items.find((r) => r.roomId === room?.roomId);
    expect(used?.hours).toBe((room?.hours ?? 0) + 2.5);
    expect(used?.daysInUse).toBeGreaterThanOrEqual(1);
    expect(used?.rate).toBeCloseTo((used?.daysInUse ?? 0) / 28, 2);

    expect((await first.client.get('/api/v1/network/figures')).status).toBe(403);
    expect((await t.client().get('/api/v1/network/figures')).status).toBe(401);
  });
});
