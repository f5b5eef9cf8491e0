import { and, asc, eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import { outbox } from '../../core/core.tables.ts';
import { systemContext } from '../../core/context.ts';
import { translate } from '../../core/i18n.ts';
import { hashPassword } from '../../core/passwords.ts';
import { ensureOrganisation } from '../platform/index.ts';
import { auditLog } from '../../core/core.tables.ts';
import { users } from '../platform/platform.tables.ts';
import { buildChild, buildIntake } from './schooling.factories.ts';
import * as repo from './schooling.repository.ts';
import { schoolingChildren } from './schooling.tables.ts';

let t: TestApp;
let caseworker: Client;
const PASSWORD = 'schooling-test-1';
type ErrorBody = { error: { code: string; message: string; field?: string } };
type Run = {
  id: string;
  gap: number;
  children: {
    childId: string;
    placementId: string | null;
    schoolId: string | null;
    reasons: string[];
    text: string;
  }[];
  seatsToClear: {
    schoolId: string;
    form: string;
    gradeFrom: number;
    gradeTo: number;
    kind: string;
    seats: number;
  }[];
};

/** A school of the test (kind school, with address and one group of places) and a staff account for it. */
async function addSchool(id: string, name: string, at: { lat: number; lon: number }, free: number) {
  const ctx = systemContext(t.services);
  await ensureOrganisation(ctx, { id, name, kind: 'school', districtId: 'walsum' });
  await repo.upsertSchool(ctx.db, {
    organisationId: id,
    street: 'Deichweg 1',
    postcode: '47179',
    districtId: 'walsum',
    ortsteilId: 'alt-walsum',
    ...at,
  });
  // Gymnasium, grades 11–13, support class: a band no demo school offers, so only the test's children want it.
  await repo.upsertSeatGroup(ctx.db, {
    schoolId: id,
    form: 'gymnasium',
    gradeFrom: 11,
    gradeTo: 13,
    kind: 'support',
    free,
    updatedBy: null,
    updatedAt: ctx.now,
  });
  const email = `staff-${id}@example.org`;
  const admin = await t.login('admin');
  const created = await admin.post('/api/v1/admin/users', {
    email,
    displayName: `Sekretariat ${name}`,
    role: 'institution',
    organisationId: id,
  });
  expect(created.status, created.body).toBe(201);
  await t.services.database.db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.email, email));
  return email;
}

async function enter(overrides: Parameters<typeof buildIntake>[0]) {
  const reply = await caseworker.post('/api/v1/schooling/children', buildIntake(overrides));
  expect(reply.status, reply.body).toBe(201);
  return reply.json<{ id: string; familyId: string; possibleDuplicateOf: string | null }>();
}

async function assess(id: string, grade: number, forms: string[], kind: 'support' | 'regular') {
  const reply = await caseworker.request('PUT', `/api/v1/schooling/children/${id}/assessment`, {
    body: { grade, forms, kind },
  });
  expect(reply.status, reply.body).toBe(200);
}

/** Each page's text as pdf.js (a reader's copy and paste) extracts it, spaces normalised. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await document.destroy();
  return pages;
}

const readsOf = async (childId: string) =>
  t.services.database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'read'),
        eq(auditLog.entityType, 'schooling_child'),
        eq(auditLog.entityId, childId),
      ),
    )
    .orderBy(asc(auditLog.id));

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.login('caseworker');
});
afterAll(() => t?.close());

describe('intake', () => {
  it('refuses bad input with the field named, in the caller’s language, and writes nothing', async () => {
    const before = (await t.services.database.db.select().from(schoolingChildren)).length;
    const cases: [unknown, string][] = [
      [{ ...buildIntake(), birthDate: '2031-01-01' }, 'body.birthDate'],
      [{ ...buildIntake(), arrivalDate: '2001-01-01' }, 'body.arrivalDate'],
      [{ ...buildIntake(), address: { street: 'Am Ende 1', postcode: '10115' } }, 'body.address.postcode'],
      [
        { ...buildIntake(), consents: { counselling: false, shareWithSchool: true } },
        'body.consents.counselling',
      ],
      [{ ...buildIntake(), preferredSchoolId: 'schwerpunktambulanz' }, 'body.preferredSchoolId'],
      [{ ...buildIntake(), languages: [] }, 'body.languages'],
    ];
    for (const [body, field] of cases) {
      const reply = await caseworker.post('/api/v1/schooling/children', body);
      expect(reply.status, `${field}: ${reply.body}`).toBe(400);
      expect(reply.json<ErrorBody>().error.field).toBe(field);
    }
    const { contact: _contact, ...withoutFamily } = buildIntake();
    const missing = await caseworker.post('/api/v1/schooling/children', withoutFamily);
    expect(missing.json<ErrorBody>().error).toMatchObject({
      code: 'schooling.contact_required',
      field: 'body.contact',
    });
    expect(missing.json<ErrorBody>().error.message).toContain('Kontaktdaten');
    const inArabic = await t.login('caseworker');
    const reply = await inArabic.post(
      '/api/v1/schooling/children',
      buildIntake({ birthDate: '2031-01-01' }),
      {
        headers: { 'accept-language': 'ar' },
      },
    );
    expect(reply.json<ErrorBody>().error.message).toContain('التاريخ');
    expect((await t.services.database.db.select().from(schoolingChildren)).length).toBe(before);
  });

  it('flags a possible duplicate (same name and birth date, any case) and derives the district', async () => {
    const first = await enter({ givenName: 'Dunja', familyName: 'Petrović', birthDate: '2015-05-05' });
    expect(first.possibleDuplicateOf).toBeNull();
    const second = await enter({ givenName: 'DUNJA', familyName: 'petrović', birthDate: '2015-05-05' });
    expect(second.possibleDuplicateOf).toBe(first.id);
    const list = await caseworker.get('/api/v1/schooling/children?duplicates=true');
    expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(second.id);
    const record = (await caseworker.get(`/api/v1/schooling/children/${second.id}`)).json<{
      districtId: string;
      address: { ortsteilId: string };
      consents: { purpose: string; valid: boolean }[];
    }>();
    expect(record).toMatchObject({ districtId: 'hamborn', address: { ortsteilId: 'marxloh' } });
    expect(record.consents).toEqual([
      expect.objectContaining({ purpose: 'schooling.counselling', valid: true }),
      expect.objectContaining({ purpose: 'schooling.share_with_school', valid: true }),
    ]);
  });

  it('takes a family’s registration from the public form and gives back only a confirmation code', async () => {
    const anonymous = t.client('uk');
    const reply = await anonymous.post('/api/v1/schooling/registrations', {
      contact: {
        guardianName: 'Oksana Zhuravska',
        email: null,
        phone: '+49 203 555 7788',
        letterLanguage: 'uk',
      },
      children: [
        buildChild({
          givenName: 'Taras',
          familyName: 'Zhuravska',
          languages: ['ukr'],
          address: { street: 'Wanheimer Straße 5', postcode: '47053', ortsteilId: 'hochfeld' },
        }),
        buildChild({
          givenName: 'Sofiia',
          familyName: 'Zhuravska',
          birthDate: '2018-09-01',
          languages: ['ukr'],
          address: { street: 'Wanheimer Straße 5', postcode: '47053', ortsteilId: 'hochfeld' },
        }),
      ],
      consents: { counselling: true, shareWithSchool: false },
    });
    expect(reply.status, reply.body).toBe(201);
    const body = reply.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual(['children', 'confirmationCode']);
    // Read aloud on the phone: two groups of four, upper case, no look-alikes (0/O, 1/I/L, U/V).
    expect(body.confirmationCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    // The form offers the schools (names and addresses, no numbers of places) for the family's wish.
    const schools = (await anonymous.get('/api/v1/schooling/school-directory')).json<{
      items: Record<string, unknown>[];
    }>();
    expect(schools.items).toContainEqual(
      expect.objectContaining({ id: 'gesamtschule-hochfeld', forms: ['gesamtschule'] }),
    );
    expect(JSON.stringify(schools)).not.toContain('free');
    // Nothing of it is readable anonymously.
    expect((await anonymous.get('/api/v1/schooling/children')).status).toBe(401);
    const list = await caseworker.get('/api/v1/schooling/children?q=Zhuravska');
    const items = list.json<{
      items: { familyId: string; source: string; reviewed: boolean; districtId: string }[];
    }>().items;
    expect(items).toHaveLength(2);
    expect(items[0]?.familyId).toBe(items[1]?.familyId);
    expect(items[0]).toMatchObject({ source: 'public_form', reviewed: false, districtId: 'mitte' });
    // The caseworker finds the family by the code the family quotes, however it is typed.
    const quoted = String(body.confirmationCode);
    for (const typed of [quoted, quoted.toLowerCase(), quoted.replace('-', ' '), quoted.replace('-', '')]) {
      const found = await caseworker.get(`/api/v1/schooling/children?q=${encodeURIComponent(typed)}`);
      expect(
        found.json<{ items: { familyName: string }[] }>().items.map((c) => c.familyName),
        typed,
      ).toEqual(['Zhuravska', 'Zhuravska']);
    }
  });

  it('asks for the Ortsteil when the postcode spans several, and takes it from the postcode only when it is clear', async () => {
    const family = {
      contact: { guardianName: 'Amal Saleh', email: null, phone: '+49 203 555 4411', letterLanguage: 'ar' },
      consents: { counselling: true, shareWithSchool: false },
    };
    const anonymous = t.client('ar');
    // 47169 lies in Fahrn, Marxloh and Obermarxloh: no silent guess.
    const ambiguous = await anonymous.post('/api/v1/schooling/registrations', {
      ...family,
      children: [
        buildChild({ familyName: 'Saleh', address: { street: 'Weseler Straße 100', postcode: '47169' } }),
      ],
    });
    expect(ambiguous.status, ambiguous.body).toBe(400);
    expect(ambiguous.json<ErrorBody>().error).toMatchObject({
      code: 'schooling.ortsteil_required',
      field: 'body.children.0.address.ortsteilId',
    });
    expect(ambiguous.json<ErrorBody>().error.message).toContain('حي');
    const enteredByCaseworker = await caseworker.post(
      '/api/v1/schooling/children',
      buildIntake({ address: { street: 'Weseler Straße 100', postcode: '47169' } }),
    );
    expect(enteredByCaseworker.json<ErrorBody>().error).toMatchObject({
      code: 'schooling.ortsteil_required',
      field: 'body.address.ortsteilId',
    });
    // The family's choice is kept; a postcode of one Ortsteil needs no choice.
    const chosen = await enter({
      familyName: 'Saleh',
      address: { street: 'Weseler Straße 100', postcode: '47169', ortsteilId: 'marxloh' },
    });
    const clear = await enter({
      familyName: 'Saleh',
      givenName: 'Yusuf',
      address: { street: 'Wanheimer Straße 200', postcode: '47055' },
    });
    const placeOfChild = async (id: string) =>
      (await caseworker.get(`/api/v1/schooling/children/${id}`)).json<{
        districtId: string;
        address: { ortsteilId: string };
      }>();
    expect(await placeOfChild(chosen.id)).toMatchObject({
      districtId: 'hamborn',
      address: { ortsteilId: 'marxloh' },
    });
    expect(await placeOfChild(clear.id)).toMatchObject({
      districtId: 'mitte',
      address: { ortsteilId: 'wanheimerort' },
    });
  });
});

describe('the children list', () => {
  it('filters by Stadtbezirk and weeks waited in the database, with the total to page through', async () => {
    type Page = { items: { districtId: string; weeksWaiting: number }[]; total: number };
    const all = (await caseworker.get('/api/v1/schooling/children?per_page=100')).json<Page>();
    const hamborn = (
      await caseworker.get('/api/v1/schooling/children?district=hamborn&per_page=5')
    ).json<Page>();
    expect(hamborn.items.length).toBeGreaterThan(0);
    expect(hamborn.items.every((c) => c.districtId === 'hamborn')).toBe(true);
    expect(hamborn.total).toBe(all.items.filter((c) => c.districtId === 'hamborn').length);
    const waited = (await caseworker.get('/api/v1/schooling/children?min_weeks=4&per_page=100')).json<Page>();
    expect(waited.items.every((c) => c.weeksWaiting >= 4)).toBe(true);
    expect(waited.total).toBe(all.items.filter((c) => c.weeksWaiting >= 4).length);
    const unknown = await caseworker.get('/api/v1/schooling/children?district=atlantis');
    expect(unknown.status).toBe(400);
    expect(unknown.json<{ error: { field: string } }>().error.field).toBe('query.district');
  });
});

describe('counselling and assessment', () => {
  it('books an appointment and keeps the need for a mediator in the child’s language in the record', async () => {
    const child = await enter({ givenName: 'Hiwa', familyName: 'Ahmadi', languages: ['fas'] });
    const booked = await caseworker.post(`/api/v1/schooling/children/${child.id}/appointments`, {
      startsAt: '2026-12-03T10:00:00+01:00',
      mediatorLanguage: 'fas',
    });
    expect(booked.status, booked.body).toBe(201);
    const record = (await caseworker.get(`/api/v1/schooling/children/${child.id}`)).json<{
      mediator: { language: string; startsAt: string } | null;
      state: string;
    }>();
    expect(record.mediator).toMatchObject({ language: 'fas', startsAt: '2026-12-03T09:00:00.000Z' });
    const held = await caseworker.patch(
      `/api/v1/schooling/appointments/${booked.json<{ id: string }>().id}`,
      {
        status: 'held',
      },
    );
    expect(held.status).toBe(200);
    await assess(child.id, 6, ['gesamtschule', 'realschule'], 'support');
    const after = (await caseworker.get(`/api/v1/schooling/children/${child.id}`)).json<{
      state: string;
      assessment: { grade: number; forms: string[]; kind: string };
      mediator: unknown;
    }>();
    expect(after).toMatchObject({
      state: 'waiting',
      assessment: { grade: 6, forms: ['gesamtschule', 'realschule'], kind: 'support' },
      mediator: null,
    });
  });

  it('books the mediator with one click: a request to the guides module, prefilled, nothing about the child', async () => {
    const child = await enter({ givenName: 'Rami', familyName: 'Haddad', languages: ['ara'] });
    const appointment = (
      await caseworker.post(`/api/v1/schooling/children/${child.id}/appointments`, {
        startsAt: '2026-12-10T10:00:00+01:00',
        mediatorLanguage: 'ara',
      })
    ).json<{ id: string }>();
    const booked = await caseworker.post(`/api/v1/schooling/appointments/${appointment.id}/mediator-request`);
    expect(booked.status, booked.body).toBe(201);
    const { requestId } = booked.json<{ requestId: string }>();

    const record = (await caseworker.get(`/api/v1/schooling/children/${child.id}`)).json<{
      appointments: { id: string; guideRequest: { id: string; state: string } | null }[];
    }>();
    expect(record.appointments.find((a) => a.id === appointment.id)?.guideRequest).toEqual({
      id: requestId,
      state: 'open',
    });
    // The coordinators of the guides module see the request, prefilled for the counselling at the KI.
    const request = await (await t.login('coordinator')).get(`/api/v1/guides/requests/${requestId}`);
    expect(request.status, request.body).toBe(200);
    const body = request.json<Record<string, unknown> & { place: { address: string | null } }>();
    expect(body).toMatchObject({ language: 'ara', topic: 'school', state: 'open' });
    expect(body.start).toBe('2026-12-10T09:00:00.000Z');
    expect(body.place.address).toContain('Kuhlenwall 24');
    expect(String(body.caseRef)).toMatch(/^schooling-family-/);
    expect(request.body).not.toContain('Rami');
    expect(request.body).not.toContain('Haddad');

    // A second click books nothing more.
    const again = await caseworker.post(`/api/v1/schooling/appointments/${appointment.id}/mediator-request`);
    expect(again.status).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('schooling.wrong_state');
  });
});

describe('school places', () => {
  it('are kept by the school’s staff; KI staff see who last updated which school, and when', async () => {
    const school = await t.login('schule@demo.lotse.example');
    const groups = [
      { form: 'gesamtschule', gradeFrom: 5, gradeTo: 6, kind: 'support', free: 4 },
      { form: 'gesamtschule', gradeFrom: 7, gradeTo: 8, kind: 'regular', free: 1 },
    ];
    const bad = await school.request('PUT', '/api/v1/schooling/schools/gesamtschule-hochfeld/seats', {
      body: { groups: [{ ...groups[0], gradeFrom: 8, gradeTo: 7 }] },
    });
    expect(bad.json<ErrorBody>().error).toMatchObject({
      code: 'schooling.grade_band',
      field: 'body.groups.0.gradeTo',
    });
    const other = await school.request('PUT', '/api/v1/schooling/schools/grundschule-marxloh/seats', {
      body: { groups },
    });
    expect(other.status).toBe(403);
    const saved = await school.request('PUT', '/api/v1/schooling/schools/gesamtschule-hochfeld/seats', {
      body: { groups },
    });
    expect(saved.status, saved.body).toBe(200);
    for (const role of ['coordinator', 'caseworker']) {
      const list = (await (await t.login(role)).get('/api/v1/schooling/schools')).json<{
        items: {
          schoolId: string;
          lastUpdatedBy: string | null;
          lastUpdatedAt: string | null;
          groups: { free: number }[];
        }[];
      }>();
      const hochfeld = list.items.find((s) => s.schoolId === 'gesamtschule-hochfeld');
      expect(hochfeld).toMatchObject({ lastUpdatedBy: 'Petra Yıldız', groups: [{ free: 4 }, { free: 1 }] });
      expect(Date.parse(hochfeld?.lastUpdatedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      expect(list.items.length).toBeGreaterThanOrEqual(25);
    }
    // A school sees its own places only: not another school's, nor the list of all schools.
    const own = (await school.get('/api/v1/schooling/schools/gesamtschule-hochfeld/seats')).json<{
      schoolId: string;
      groups: { free: number }[];
    }>();
    expect(own).toMatchObject({ schoolId: 'gesamtschule-hochfeld', groups: [{ free: 4 }, { free: 1 }] });
    expect((await school.get('/api/v1/schooling/schools/grundschule-marxloh/seats')).status).toBe(403);
    expect((await school.get('/api/v1/schooling/schools')).status).toBe(403);
  });
});

describe('figures', () => {
  type Bucket = { key: string; count: number | '<5' };
  type Figures = {
    waiting: {
      total: number | '<5';
      byLanguage: Bucket[];
      byAgeBand: Bucket[];
      byDistrict: Bucket[];
      byWeeksWaiting: Bucket[];
    };
    timeToPlace: { children: number | '<5'; medianDays: number | null };
    freePlaces: { form: string; districtId: string; free: number }[];
    forecast: { arrivalsLast3Months: number | '<5'; placesNeededNext3Months: number | null };
  };
  const tagalog = (figures: Figures) => figures.waiting.byLanguage.find((b) => b.key === 'tgl')?.count;

  it('shows counts under 5 as "<5", in the answer and in the CSV export, and only aggregates', async () => {
    const coordinator = await t.login('coordinator');
    for (const givenName of ['Maria', 'Jose'])
      await enter({ givenName, familyName: 'Santos', languages: ['tgl', 'eng'] });
    const small = await coordinator.get('/api/v1/schooling/figures');
    expect(small.status, small.body).toBe(200);
    const figures = small.json<Figures>();
    expect(tagalog(figures)).toBe('<5');
    const counts = [
      figures.waiting.total,
      ...[
        figures.waiting.byLanguage,
        figures.waiting.byAgeBand,
        figures.waiting.byDistrict,
        figures.waiting.byWeeksWaiting,
      ]
        .flat()
        .map((b) => b.count),
      figures.timeToPlace.children,
      figures.forecast.arrivalsLast3Months,
    ];
    expect(counts.every((c) => c === '<5' || c === 0 || c >= 5)).toBe(true);
    expect(JSON.stringify(figures)).not.toContain('Santos');
    const csv = await coordinator.get('/api/v1/schooling/figures.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\n')).toContain('waiting_by_language,tgl,<5');
    for (const line of csv.body.trim().split('\n').slice(1)) {
      const [figure, , value] = line.split(',');
      if (figure === 'free_places' || figure === 'median_days_to_first_school_day') continue;
      expect(['1', '2', '3', '4'], line).not.toContain(value);
    }
    // Three more Tagalog speakers: five children, now shown as they are.
    for (const givenName of ['Ana', 'Luis', 'Rosa'])
      await enter({ givenName, familyName: 'Reyes', languages: ['tgl'] });
    expect(tagalog((await coordinator.get('/api/v1/schooling/figures')).json<Figures>())).toBe(5);
    // Free places by form and district; the demo's first school days give a median.
    expect(figures.freePlaces).toContainEqual(
      expect.objectContaining({ form: 'gesamtschule', districtId: 'mitte' }),
    );
    expect(figures.timeToPlace.medianDays).toEqual(expect.any(Number));
  });

  it('are for KI staff; children’s records are for caseworkers only', async () => {
    expect((await (await t.login('caseworker')).get('/api/v1/schooling/figures')).status).toBe(200);
    expect((await (await t.login('institution')).get('/api/v1/schooling/figures')).status).toBe(403);
    expect((await (await t.login('coordinator')).get('/api/v1/schooling/children')).status).toBe(403);
    expect((await (await t.login('admin')).get('/api/v1/schooling/children')).status).toBe(403);
  });

  it('are for caseworkers of the KI only: a caseworker of another office gets 403', async () => {
    const child = await enter({ givenName: 'Nour', familyName: 'Haddad', birthDate: '2014-04-04' });
    const jobcenter = await signInStaff(t, {
      role: 'caseworker',
      organisationId: 'jobcenter',
      kind: 'authority',
    });
    expect((await jobcenter.get('/api/v1/schooling/children')).status).toBe(403);
    expect((await jobcenter.get(`/api/v1/schooling/children/${child.id}`)).status).toBe(403);
    expect((await jobcenter.post('/api/v1/schooling/children', buildIntake({}))).status).toBe(403);
    expect((await jobcenter.post('/api/v1/schooling/placement-runs')).status).toBe(403);
    expect((await caseworker.get(`/api/v1/schooling/children/${child.id}`)).status).toBe(200);
  });
});

describe('placement, decisions, letter and first day', () => {
  let schoolA: Client;
  let schoolB: Client;
  let emails: { a: string; b: string };
  /** Sessions end after 12 idle hours: after moving the clock, everyone signs in again. */
  const signInAgain = async () => {
    caseworker = await t.login('caseworker');
    schoolA = await t.login(emails.a, PASSWORD);
    schoolB = await t.login(emails.b, PASSWORD);
  };
  let run: Run;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A (two places) in Walsum; B (two places) 3 km south-west. One sibling lives nearer to B.
    const emailA = await addSchool('test-gym-deich', 'Testgymnasium am Deich', { lat: 51.53, lon: 6.72 }, 2);
    const emailB = await addSchool('test-gym-hafen', 'Testgymnasium am Hafen', { lat: 51.505, lon: 6.69 }, 2);
    emails = { a: emailA, b: emailB };
    await signInAgain();
    const near = (lat: number, lon: number) => ({
      street: 'Deichweg 9',
      postcode: '47179',
      ortsteilId: 'alt-walsum',
      lat,
      lon,
    });
    const older = await enter({
      givenName: 'Yara',
      familyName: 'Nasser',
      birthDate: '2009-02-02',
      address: near(51.507, 6.695),
    });
    const younger = await enter({
      givenName: 'Sami',
      familyName: 'Nasser',
      birthDate: '2010-03-03',
      familyId: older.familyId,
      address: near(51.528, 6.722),
    });
    const alone = await enter({
      givenName: 'Ilias',
      familyName: 'Georgiou',
      birthDate: '2009-06-06',
      address: near(51.506, 6.692),
      consents: { counselling: true, shareWithSchool: false },
    });
    const noBand = await enter({ givenName: 'Teodora', familyName: 'Ilieva', birthDate: '2011-01-01' });
    Object.assign(ids, { older: older.id, younger: younger.id, alone: alone.id, noBand: noBand.id });
    for (const id of [older.id, younger.id, alone.id]) await assess(id, 12, ['gymnasium'], 'support');
    await assess(noBand.id, 9, ['realschule'], 'support');
  });

  it('runs for every waiting child in the API: siblings together, each proposal explained', async () => {
    const reply = await caseworker.post('/api/v1/schooling/placement-runs');
    expect(reply.status, reply.body).toBe(201);
    run = reply.json<Run>();
    expect(run.gap).toBeLessThanOrEqual(1e-6);
    const of = (id: string | undefined) => run.children.find((c) => c.childId === id);
    expect(of(ids.older)?.schoolId).toBe('test-gym-deich');
    expect(of(ids.younger)?.schoolId).toBe('test-gym-deich');
    expect(of(ids.alone)?.schoolId).toBe('test-gym-hafen');
    // The older sister lives nearer to B: she goes to A because her brother does.
    expect(of(ids.older)?.reasons).toEqual(expect.arrayContaining(['siblings_together', 'nearer_siblings']));
    expect(of(ids.older)?.text).toContain('Die Geschwister kommen an dieselbe Schule.');
    expect(of(ids.older)?.text).toContain('Testgymnasium am Hafen liegt mit');
    expect(of(ids.noBand)).toMatchObject({ schoolId: null, reasons: ['no_seat_in_form_grade_kind'] });
    expect(of(ids.noBand)?.text).toBe(
      'Kein Platz: Für Realschule, Klasse 9, Vorbereitungsklasse gibt es an keiner Schule freie Plätze.',
    );
    expect(run.seatsToClear).toContainEqual(
      expect.objectContaining({
        form: 'realschule',
        gradeFrom: 9,
        gradeTo: 9,
        kind: 'support',
        seats: expect.any(Number),
      }),
    );
    const english = (
      await (
        await t.login('caseworker')
      ).get(`/api/v1/schooling/placement-runs/${run.id}`, { headers: { 'accept-language': 'en' } })
    ).json<Run>();
    expect(english.children.find((c) => c.childId === ids.older)?.text).toContain(
      'The siblings go to the same school.',
    );
  });

  it('shows a school only the children confirmed to it, and only with the family’s consent to share', async () => {
    const placementOf = (id: string | undefined) =>
      run.children.find((c) => c.childId === id)?.placementId as string;
    // Not confirmed yet: the schools learn nothing, not even how many children are proposed to them.
    for (const [school, id] of [
      [schoolA, 'test-gym-deich'],
      [schoolB, 'test-gym-hafen'],
    ] as const) {
      expect((await school.get(`/api/v1/schooling/schools/${id}/children`)).json()).toEqual({ items: [] });
    }
    const confirmed = await caseworker.post(`/api/v1/schooling/placement-runs/${run.id}/confirm`, {
      placementIds: [placementOf(ids.older), placementOf(ids.younger), placementOf(ids.alone)],
    });
    expect(confirmed.json()).toEqual({ confirmed: 3 });
    const seenByA = (await schoolA.get('/api/v1/schooling/schools/test-gym-deich/children')).json<{
      items: { childId: string }[];
    }>();
    expect(seenByA.items.map((c) => c.childId).sort()).toEqual([ids.older, ids.younger].sort());
    // School A cannot look at school B's list, nor act on B's child, nor read records.
    expect((await schoolA.get('/api/v1/schooling/schools/test-gym-hafen/children')).status).toBe(403);
    expect(
      (
        await schoolA.post(`/api/v1/schooling/placements/${placementOf(ids.alone)}/accept`, {
          startDate: '2027-01-11',
        })
      ).status,
    ).toBe(403);
    expect((await schoolA.get(`/api/v1/schooling/children/${ids.older}`)).status).toBe(403);
    // B's child has no consent to share: B sees nothing of it, not even a count, and cannot accept yet.
    expect((await schoolB.get('/api/v1/schooling/schools/test-gym-hafen/children')).json()).toEqual({
      items: [],
    });
    const refused = await schoolB.post(`/api/v1/schooling/placements/${placementOf(ids.alone)}/accept`, {
      startDate: '2027-01-11',
    });
    expect(refused.json<ErrorBody>().error.code).toBe('consent.required');
    const consent = await caseworker.post('/api/v1/consents', {
      subjectType: 'child',
      subjectId: ids.alone,
      purpose: 'schooling.share_with_school',
      dataCategories: ['identity', 'schooling'],
      expiresAt: new Date(t.services.clock.now().getTime() + 30 * 86_400_000).toISOString(),
      channel: 'on_paper',
    });
    expect(consent.status, consent.body).toBe(201);
    const seenByB = (await schoolB.get('/api/v1/schooling/schools/test-gym-hafen/children')).json<{
      items: { childId: string; givenName: string }[];
    }>();
    expect(seenByB.items).toEqual([expect.objectContaining({ childId: ids.alone, givenName: 'Ilias' })]);
    // An expired consent closes the gate again.
    const now = t.services.clock.now();
    t.services.clock.set(new Date(now.getTime() + 31 * 86_400_000));
    await signInAgain();
    expect((await schoolB.get('/api/v1/schooling/schools/test-gym-hafen/children')).json()).toEqual({
      items: [],
    });
    t.services.clock.set(now);
    await signInAgain();
  });

  it('audits every read of a child’s record: the caseworker’s and the school’s', async () => {
    const before = (await readsOf(ids.younger as string)).length;
    await caseworker.get(`/api/v1/schooling/children/${ids.younger}`);
    await schoolA.get('/api/v1/schooling/schools/test-gym-deich/children');
    const reads = await readsOf(ids.younger as string);
    expect(reads.length).toBe(before + 2);
    expect(reads.slice(-2).map((r) => r.actorRole)).toEqual(['caseworker', 'institution']);
  });

  it('a refusal puts the child back on the list; an acceptance takes the seat and the letter downloads', async () => {
    const placementOf = (id: string | undefined) =>
      run.children.find((c) => c.childId === id)?.placementId as string;
    const refused = await schoolB.post(`/api/v1/schooling/placements/${placementOf(ids.alone)}/refuse`, {
      reason: 'Die Klasse ist seit gestern voll.',
    });
    expect(refused.status, refused.body).toBe(200);
    const waiting = await caseworker.get('/api/v1/schooling/children?state=waiting&q=Georgiou');
    expect(waiting.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toEqual([ids.alone]);
    const record = (await caseworker.get(`/api/v1/schooling/children/${ids.alone}`)).json<{
      placements: { status: string; refusalReason: string }[];
    }>();
    expect(record.placements[0]).toMatchObject({
      status: 'refused',
      refusalReason: 'Die Klasse ist seit gestern voll.',
    });

    const notYet = await caseworker.get(`/api/v1/schooling/placements/${placementOf(ids.older)}/letter.pdf`);
    expect(notYet.json<ErrorBody>().error.code).toBe('schooling.letter_not_ready');
    for (const id of [ids.older, ids.younger]) {
      const accepted = await schoolA.post(`/api/v1/schooling/placements/${placementOf(id)}/accept`, {
        startDate: '2027-01-11',
      });
      expect(accepted.status, accepted.body).toBe(200);
    }
    // The family hears of it by mail, in Arabic and German (held in the outbox: no SMTP in this test).
    const mails = await t.services.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, 'familie.haddad@example.org'));
    const news = mails.find((m) => m.textBody.includes('Yara Nasser'));
    expect(news?.subject).toBe('لطفلكم مقعد دراسي / Ihr Kind hat einen Schulplatz');
    expect(news?.textBody).toContain('Testgymnasium am Deich');
    expect(news?.textBody).toContain(
      'Yara Nasser kann ab dem 11. Januar 2027 die Schule Testgymnasium am Deich besuchen.',
    );
    const seats = (await schoolA.get('/api/v1/schooling/schools/test-gym-deich/seats')).json<{
      groups: { free: number }[];
    }>();
    expect(seats.groups[0]?.free).toBe(0);
    const letter = await caseworker.get(`/api/v1/schooling/placements/${placementOf(ids.older)}/letter.pdf`);
    expect(letter.status).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toMatch(
      /^attachment; filename="schulplatz-[0-9a-f]{8}-ar\.pdf"$/,
    );
    // The letter's text itself is checked in letter.unit.test.ts (extracted again with pdf.js).
    expect(letter.body.startsWith('%PDF-')).toBe(true);
  });

  it('the letter has one page per language, each naming whom to ask: address, phone, e-mail, opening hours', async () => {
    const placementId = run.children.find((c) => c.childId === ids.older)?.placementId as string;
    const contact = t.services.city.profile.contact;
    const germanTitle = translate('de', 'schooling-server:letter.title');
    // German alone; Arabic (right to left) and two long languages each with the German version after them.
    for (const [lang, versions] of [
      ['de', 1],
      ['ar', 2],
      ['uk', 2],
      ['ro', 2],
    ] as const) {
      const reply = await caseworker.get(
        `/api/v1/schooling/placements/${placementId}/letter.pdf?lang=${lang}`,
      );
      expect(reply.status, reply.body).toBe(200);
      const pages = await pdfPages(reply.raw);
      expect(pages, lang).toHaveLength(versions);
      // The family's language on the first page, the German version on a page of its own.
      expect(pages[0], lang).toContain(translate(lang, 'schooling-server:letter.title'));
      if (versions === 2) {
        expect(pages[0], lang).not.toContain(germanTitle);
        expect(pages[1], lang).toContain(translate('de', 'schooling-server:letter.german_version'));
        expect(pages[1], lang).toContain(germanTitle);
      }
      for (const page of pages) {
        expect(page, lang).toContain(contact.organisation);
        expect(page, lang).toContain(`${contact.street}, ${contact.postcode} ${contact.city}`);
        expect(page, lang).toContain(contact.phone);
        expect(page, lang).toContain(contact.email);
        expect(contact.hours.length).toBeGreaterThan(0);
        // (A right-to-left line shows a range from right to left: only the times are compared.)
        for (const { from, to } of contact.hours)
          expect(page, lang).toMatch(new RegExp(`${from}.+${to}|${to}.+${from}`));
      }
    }
  });

  it('records the first school day; the waiting time runs from registration to that day', async () => {
    const placementId = run.children.find((c) => c.childId === ids.younger)?.placementId as string;
    const future = await schoolA.post(`/api/v1/schooling/placements/${placementId}/first-day`, {
      date: '2099-01-01',
    });
    expect(future.json<ErrorBody>().error).toMatchObject({
      code: 'schooling.date_order',
      field: 'body.date',
    });
    const registeredOn = (await caseworker.get(`/api/v1/schooling/children/${ids.younger}`)).json<{
      registeredOn: string;
    }>().registeredOn;
    const later = new Date(`${registeredOn}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 40);
    t.services.clock.set(later);
    await signInAgain();
    const firstDay = later.toISOString().slice(0, 10);
    const reply = await schoolA.post(`/api/v1/schooling/placements/${placementId}/first-day`, {
      date: firstDay,
    });
    expect(reply.status, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ firstSchoolDay: firstDay, waitingDays: 40 });
    const record = (await caseworker.get(`/api/v1/schooling/children/${ids.younger}`)).json<{
      state: string;
      waitingDays: number;
      weeksWaiting: number;
    }>();
    expect(record).toMatchObject({ state: 'attending', waitingDays: 40, weeksWaiting: 5 });
  });

  it('anonymises the record 12 months after the first school day, and not a day earlier', async () => {
    const [row] = await t.services.database.db
      .select()
      .from(schoolingChildren)
      .where(eq(schoolingChildren.id, ids.younger as string));
    const firstDay = new Date(`${row?.firstSchoolDay}T12:00:00Z`);
    const runRetention = async (at: Date) => {
      t.services.clock.set(at);
      await t.services.jobRunner.runSoon('retention.daily');
      expect(await t.services.jobRunner.tick()).toContain('retention.daily');
      await signInAgain();
    };
    const elevenMonths = new Date(firstDay);
    elevenMonths.setUTCMonth(elevenMonths.getUTCMonth() + 11);
    await runRetention(elevenMonths);
    expect((await caseworker.get(`/api/v1/schooling/children/${ids.younger}`)).status).toBe(200);
    const twelveMonths = new Date(firstDay);
    twelveMonths.setUTCMonth(twelveMonths.getUTCMonth() + 12);
    twelveMonths.setUTCDate(twelveMonths.getUTCDate() + 1);
    await runRetention(twelveMonths);
    expect((await caseworker.get(`/api/v1/schooling/children/${ids.younger}`)).status).toBe(404);
    const [after] = await t.services.database.db
      .select()
      .from(schoolingChildren)
      .where(eq(schoolingChildren.id, ids.younger as string));
    expect(after).toMatchObject({
      givenName: '',
      familyName: '',
      street: '',
      specialNeeds: null,
      districtId: 'walsum',
    });
    expect(after?.birthDate).toBe('2010-07-01');
    expect(after?.anonymisedAt).not.toBeNull();
    // The sister has no first school day: she keeps her record.
    expect((await caseworker.get(`/api/v1/schooling/children/${ids.older}`)).status).toBe(200);
    t.services.clock.set(new Date());
    await signInAgain();
  });
});
