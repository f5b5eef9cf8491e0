/**
 * Courses: the public list and contract, a course as a directory offer, places and childcare places in order of
 * arrival, the waiting list's moves (offer, accept, decline, deadline passed, placed elsewhere), providers' own
 * courses, codes kept only as hashes, retention and the person's export.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import { systemContext } from '../../core/context.ts';
import { outbox } from '../../core/core.tables.ts';
import { buildCourse, buildEnrolment } from './courses.factories.ts';
import type { CourseInput, EnrolmentInput } from './courses.schema.ts';
import { createCourse } from './courses.service.ts';
import { courseEnrolments, courseMoves } from './courses.tables.ts';
import { COURSE_KINDS } from './courses.terms.ts';
import { coursesRetention } from './retention.ts';
import { type OpenApiDoc, undocumented } from '../../../test/openapi.ts';

let t: TestApp;
let coordinator: Client;
const NOW = new Date('2026-12-07T09:00:00Z');

type Course = {
  id: string;
  name: string;
  kind: string;
  capacity: number;
  capacityFree: number;
  childcareFree: number;
  waiting: number;
  districtId: string;
};
type Enrolled = { status: 'enrolled' | 'waiting'; position: number | null; code: string };
type Follow = {
  status: string;
  position: number | null;
  offerExpiresAt: string | null;
  othersQuestion: string | null;
  others: { courseId: string; status: string }[];
  childcare: number[];
  course: Course;
};
type ErrorBody = { error: { code: string; message: string; field?: string } };

let address = 1;
/** A visitor from a new address each time (the form allows 20 per minute and address). */
const visitor = (locale = 'de') => {
  const client = t.client(locale);
  const request = client.request.bind(client);
  const from = `198.51.100.${address++ % 250}`;
  client.request = (method, url, options = {}) =>
    request(method, url, { ...options, headers: { 'x-forwarded-for': from, ...options.headers } });
  return client;
};

async function newCourse(overrides: Partial<CourseInput> = {}): Promise<string> {
  return (await createCourse(systemContext(t.services), buildCourse(overrides))).id;
}
async function enrol(courseId: string, overrides: Partial<EnrolmentInput> = {}, locale = 'de') {
  const reply = await visitor(locale).post(
    `/api/v1/courses/${courseId}/enrolments`,
    buildEnrolment(overrides),
  );
  expect(reply.status, reply.body).toBe(201);
  return reply.json<Enrolled>();
}
const follow = async (code: string) => {
  const reply = await visitor().get(`/api/v1/courses/enrolments/${code}`);
  expect(reply.status, reply.body).toBe(200);
  return reply.json<Follow>();
};
const act = async (code: string, what: 'cancel' | 'accept' | 'decline', status = 200) => {
  const reply = await visitor().post(`/api/v1/courses/enrolments/${code}/${what}`);
  expect(reply.status, reply.body).toBe(status);
  return reply.json<Follow>();
};
const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, { body });
const mailsTo = async (address: string) =>
  t.services.database.db.select().from(outbox).where(eq(outbox.toAddress, address));

beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
  t.services.clock.set(NOW);
  coordinator = await t.login('coordinator');
});
afterAll(() => t?.close());

describe('the public list of courses', () => {
  it('lists at least 40 demo courses of every kind in all seven Stadtbezirke, with free places and childcare', async () => {
    const reply = await visitor().get('/api/v1/courses?per_page=200');
    expect(reply.status, reply.body).toBe(200);
    const { items, total } = reply.json<{ items: Course[]; total: number }>();
    expect(total).toBeGreaterThanOrEqual(40);
    expect(new Set(items.map((c) => c.kind))).toEqual(new Set(COURSE_KINDS));
    expect(new Set(items.map((c) => c.districtId)).size).toBe(7);
    for (const course of items) {
      expect(course.capacityFree).toBeGreaterThanOrEqual(0);
      expect(course.capacityFree).toBeLessThanOrEqual(course.capacity);
      expect(typeof course.childcareFree).toBe('number');
    }
    // Some are full and have a waiting list.
    expect(items.filter((c) => c.capacityFree === 0 && c.waiting > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('shows a course’s name in the reader’s language and filters by kind', async () => {
    const id = await newCourse();
    const bg = (await visitor('bg').get(`/api/v1/courses/${id}`)).json<Course>();
    expect(bg.name).toMatch(/^Griffbereit тестова група/);
    const filtered = (await visitor().get('/api/v1/courses?kind=griffbereit&per_page=200')).json<{
      items: Course[];
    }>();
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((c) => c.kind === 'griffbereit')).toBe(true);
  });

  it('finds a new course in the directory’s search, as an offer of its provider', async () => {
    await newCourse({ name: { de: 'Zebrafink Elternkurs Marxloh' } });
    const reply = await visitor().get(
      `/api/v1/directory/services?q=${encodeURIComponent('Zebrafink Elternkurs')}`,
    );
    expect(reply.status, reply.body).toBe(200);
    const names = reply.json<{ items: { name: { value: string } }[] }>().items.map((s) => s.name.value);
    expect(names, reply.body.slice(0, 600)).toContain('Zebrafink Elternkurs Marxloh');
  });
});

describe('enrolling', () => {
  it('gives places in order of arrival, then answers "waiting" with positions 1, 2, 3', async () => {
    const id = await newCourse({
      capacity: 2,
      childcarePlaces: 0,
      childcareAgeMin: null,
      childcareAgeMax: null,
    });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await enrol(id));
    expect(answers.map((a) => [a.status, a.position])).toEqual([
      ['enrolled', null],
      ['enrolled', null],
      ['waiting', 1],
      ['waiting', 2],
      ['waiting', 3],
    ]);
    const list = (await visitor().get(`/api/v1/courses/${id}`)).json<Course>();
    expect(list).toMatchObject({ capacityFree: 0, waiting: 3 });
  });

  it('places someone who needs childcare only when a childcare place is free too', async () => {
    const id = await newCourse({ capacity: 3, childcarePlaces: 1 });
    const first = await enrol(id, { childcare: [2] });
    const second = await enrol(id, { childcare: [1] });
    const third = await enrol(id);
    expect([first.status, second.status, second.position, third.status]).toEqual([
      'enrolled',
      'waiting',
      1,
      'enrolled',
    ]);
    const course = (await visitor().get(`/api/v1/courses/${id}`)).json<Course>();
    expect(course).toMatchObject({ capacityFree: 1, childcareFree: 0, waiting: 1 });
  });

  it('takes the smallest enrolment: a name and one way to reach the person', async () => {
    const id = await newCourse();
    const reply = await visitor().post(`/api/v1/courses/${id}/enrolments`, {
      participant: { name: 'Ioana Popescu' },
      contact: { email: 'ioana@example.org' },
    });
    expect(reply.status, reply.body).toBe(201);
    expect(reply.json<Enrolled>()).toMatchObject({ status: 'enrolled', position: null });
  });

  it('keeps the code only as its hash', async () => {
    const id = await newCourse();
    const { code } = await enrol(id);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const rows = JSON.stringify(await t.services.database.db.select().from(courseEnrolments));
    expect(rows).not.toContain(code);
    expect(rows).not.toContain(code.replaceAll('-', ''));
    // Typed back in small letters without dashes, it opens the enrolment.
    expect((await follow(code.replaceAll('-', '').toLowerCase())).status).toBe('enrolled');
  });

  it('answers 400 naming the field, in the reader’s language, for what is wrong', async () => {
    const id = await newCourse();
    const cases: [unknown, string][] = [
      [{ ...buildEnrolment(), contact: {} }, 'body.contact'],
      [{ ...buildEnrolment(), childcare: [5] }, 'body.childcare.0'],
      [{ ...buildEnrolment(), germanLevel: 'perfect' }, 'body.germanLevel'],
      [{ ...buildEnrolment(), participant: { name: '', kind: 'adult' } }, 'body.participant.name'],
      [{ ...buildEnrolment(), participant: { name: 'Kind', kind: 'child' } }, 'body.participant.age'],
    ];
    for (const [body, field] of cases) {
      const reply = await visitor('bg').post(`/api/v1/courses/${id}/enrolments`, body);
      expect(reply.status, reply.body).toBe(400);
      const error = reply.json<ErrorBody>().error;
      expect(error.field).toBe(field);
      expect(error.message).toMatch(/[а-я]/);
    }
    const unknown = await visitor().post(
      '/api/v1/courses/6f1c2e4a-8b3d-4c5e-9f7a-1b2c3d4e5f60/enrolments',
      buildEnrolment(),
    );
    expect(unknown.status).toBe(404);
  });

  it('sends people to the provider for a course that enrols elsewhere', async () => {
    const id = await newCourse({
      kind: 'integration',
      enrolment: 'external',
      externalUrl: 'https://example.org/kurs',
    });
    const reply = await visitor().post(`/api/v1/courses/${id}/enrolments`, buildEnrolment());
    expect(reply.status).toBe(409);
    expect(reply.json<ErrorBody>().error.code).toBe('courses.enrol_elsewhere');
  });
});

describe('the waiting list moves', () => {
  it('offers a freed place to the first waiting person for 72 hours, in her language; she accepts', async () => {
    const id = await newCourse({ capacity: 1 });
    const holder = await enrol(id);
    const mother = await enrol(id, { contact: { email: 'mariya@example.org' }, childcare: [2] }, 'bg');
    const next = await enrol(id);
    expect([mother.position, next.position]).toEqual([1, 2]);

    await act(holder.code, 'cancel');
    const offered = await follow(mother.code);
    expect(offered.status).toBe('offered');
    const held = new Date(offered.offerExpiresAt ?? 0).getTime() - t.services.clock.now().getTime();
    expect(held).toBeGreaterThan(71.9 * 3_600_000);
    expect(held).toBeLessThanOrEqual(72 * 3_600_000);
    expect((await follow(next.code)).position).toBe(1);
    const [mail] = await mailsTo('mariya@example.org');
    expect(mail?.subject).toMatch(/[а-я]|Ein Platz/);
    expect(mail?.textBody).toContain('/kurse/code');

    const accepted = await act(mother.code, 'accept');
    expect(accepted.status).toBe('enrolled');
    // Accepting twice: the offer is gone.
    await act(mother.code, 'accept', 409);

    const log = (await coordinator.get(`/api/v1/courses/${id}/enrolments`)).json<{
      moves: { from: string | null; to: string; by: string; reason: string }[];
    }>();
    expect(log.moves.map((m) => [m.from, m.to, m.by, m.reason])).toEqual([
      [null, 'enrolled', 'person', 'arrival'],
      [null, 'waiting', 'person', 'arrival'],
      [null, 'waiting', 'person', 'arrival'],
      ['enrolled', 'cancelled', 'person', 'cancelled'],
      ['waiting', 'offered', 'system', 'place_freed'],
      ['offered', 'enrolled', 'person', 'accepted'],
    ]);
  });

  it('gives a declined place to the next on the list', async () => {
    const id = await newCourse({ capacity: 1 });
    const holder = await enrol(id);
    const first = await enrol(id);
    const second = await enrol(id);
    await act(holder.code, 'cancel');
    expect((await act(first.code, 'decline')).status).toBe('declined');
    expect((await follow(second.code)).status).toBe('offered');
  });

  it('passes the place on when the deadline passed (the clock moved 73 hours)', async () => {
    const id = await newCourse({ capacity: 1 });
    const holder = await enrol(id);
    const silent = await enrol(id);
    const second = await enrol(id);
    await act(holder.code, 'cancel');
    expect((await follow(silent.code)).status).toBe('offered');
    t.services.clock.advance(73 * 3_600_000);
    try {
      await t.services.jobRunner.runSoon('courses.offers_expire');
      expect(await t.services.jobRunner.tick()).toContain('courses.offers_expire');
      expect((await follow(silent.code)).status).toBe('expired');
      expect((await follow(second.code)).status).toBe('offered');
      await act(silent.code, 'accept', 409);
      const moves = await t.services.database.db
        .select()
        .from(courseMoves)
        .where(eq(courseMoves.courseId, id));
      expect(moves.find((m) => m.toStatus === 'expired')).toMatchObject({
        actor: 'system',
        reason: 'deadline_passed',
      });
    } finally {
      t.services.clock.set(NOW);
    }
  });

  it('asks a person placed in one course once whether to keep her other waiting places, and leaves them on "no"', async () => {
    const a = await newCourse({ capacity: 1 });
    const b = await newCourse({ capacity: 1 });
    await enrol(a);
    const holderB = await enrol(b);
    const contact = { email: 'elena@example.org' };
    const inA = await enrol(a, { contact });
    const inB = await enrol(b, { contact });
    const afterHer = await enrol(b);
    expect([inA.status, inB.status]).toEqual(['waiting', 'waiting']);
    expect((await follow(inA.code)).others.map((o) => o.courseId)).toEqual([b]);

    // A place in B frees and she accepts it: one question about A.
    await act(holderB.code, 'cancel');
    const placed = await act(inB.code, 'accept');
    expect(placed.othersQuestion).toBe('open');
    expect(
      (await mailsTo('elena@example.org')).filter((m) => m.subject.includes('Sie haben einen Platz')),
    ).toHaveLength(1);

    const answer = await visitor().post(`/api/v1/courses/enrolments/${inB.code}/others`, { keep: false });
    expect(answer.status, answer.body).toBe(200);
    expect(answer.json<Follow>()).toMatchObject({ othersQuestion: 'dropped', others: [] });
    expect((await follow(inA.code)).status).toBe('withdrawn');
    // Asked once: a second answer is refused.
    expect(
      (await visitor().post(`/api/v1/courses/enrolments/${inB.code}/others`, { keep: true })).status,
    ).toBe(409);
    expect((await follow(afterHer.code)).position).toBe(1);
  });
});

describe('changing an enrolment and a course’s places', () => {
  it('lets the person change contact and needs by her code; more children need free childcare places', async () => {
    const id = await newCourse({ capacity: 2, childcarePlaces: 2, childcareAgeMin: 1, childcareAgeMax: 3 });
    const mother = await enrol(id, { childcare: [2] });
    const other = await enrol(id, { childcare: [1] });
    const change = (code: string, body: object) =>
      visitor('en').patch(`/api/v1/courses/enrolments/${code}`, body);

    const changed = await change(mother.code, {
      contact: { email: 'ana@example.org' },
      evening: true,
      germanLevel: 'introduce',
    });
    expect(changed.status, changed.body).toBe(200);
    expect(changed.json<Follow & { email: string; phone: string | null; evening: boolean }>()).toMatchObject({
      status: 'enrolled',
      email: 'ana@example.org',
      phone: null,
      evening: true,
    });
    // Both childcare places are taken: a second child does not fit, and nothing was written.
    const full = await change(mother.code, { childcare: [2, 1] });
    expect(full.status).toBe(409);
    expect(full.json<ErrorBody>().error).toMatchObject({
      code: 'courses.childcare_full',
      field: 'body.childcare',
    });
    expect(full.json<ErrorBody>().error.message).toMatch(/childcare/i);
    const tooOld = await change(mother.code, { childcare: [5] });
    expect(tooOld.json<ErrorBody>().error).toMatchObject({ field: 'body.childcare.0' });
    expect((await follow(mother.code)).childcare).toEqual([2]);
    // The other mother's child no longer needs care: her childcare place frees, then the second child fits.
    expect((await change(other.code, { childcare: [] })).status).toBe(200);
    expect((await change(mother.code, { childcare: [2, 1] })).json<Follow>().childcare).toEqual([2, 1]);

    await act(mother.code, 'cancel');
    expect((await change(mother.code, { evening: false })).status).toBe(409);
    // A fresh session: the deadline test moved the clock past the shared one's idle limit.
    const coordinator = await t.login('coordinator');
    const logReply = await coordinator.get(`/api/v1/courses/${id}/enrolments`);
    expect(logReply.status, logReply.body).toBe(200);
    const log = logReply.json<{
      moves: { from: string | null; to: string; reason: string }[];
    }>();
    expect(log.moves.filter((m) => m.reason === 'changed').map((m) => [m.from, m.to])).toEqual([
      ['enrolled', 'enrolled'],
      ['enrolled', 'enrolled'],
      ['enrolled', 'enrolled'],
    ]);
  });

  it('moves the waiting list up in order when the provider raises the places, with an offer each; never below those taken', async () => {
    const id = await newCourse({ capacity: 1, childcarePlaces: 1, organisationId: 'punte-hochfeld' });
    await enrol(id);
    const first = await enrol(id, { contact: { email: 'first@example.org' } });
    const second = await enrol(id, { contact: { email: 'second@example.org' } });
    const third = await enrol(id);
    const association = await t.login('association');

    const lower = await put(association, `/api/v1/courses/${id}/capacity`, {
      capacity: 0,
      childcarePlaces: 1,
    });
    expect(lower.status).toBe(400);
    const below = await put(association, `/api/v1/courses/${id}/capacity`, {
      capacity: 1,
      childcarePlaces: 0,
    });
    expect(below.status).toBe(200);
    const raised = await put(association, `/api/v1/courses/${id}/capacity`, {
      capacity: 3,
      childcarePlaces: 0,
    });
    expect(raised.status, raised.body).toBe(200);
    expect(raised.json<Course>()).toMatchObject({ capacity: 3, capacityFree: 0 });
    expect((await follow(first.code)).status).toBe('offered');
    expect((await follow(second.code)).status).toBe('offered');
    expect((await follow(third.code)).position).toBe(1);
    expect(await mailsTo('first@example.org')).toHaveLength(1);
    expect(await mailsTo('second@example.org')).toHaveLength(1);

    const tooLow = await put(association, `/api/v1/courses/${id}/capacity`, {
      capacity: 2,
      childcarePlaces: 0,
    });
    expect(tooLow.status).toBe(409);
    expect(tooLow.json<ErrorBody>().error).toMatchObject({
      code: 'courses.below_held',
      field: 'body.capacity',
    });
    const log = (await association.get(`/api/v1/courses/${id}/enrolments`)).json<{
      moves: { to: string; by: string; reason: string }[];
    }>();
    expect(log.moves.filter((m) => m.reason === 'capacity_raised').map((m) => m.to)).toEqual([
      'offered',
      'offered',
    ]);
    expect(log.moves.find((m) => m.reason === 'capacity_raised')?.by).not.toMatch(/^(system|person)$/);
    // Another organisation's provider may not.
    const institution = await t.login('institution');
    expect(
      (await put(institution, `/api/v1/courses/${id}/capacity`, { capacity: 9, childcarePlaces: 0 })).status,
    ).toBe(403);
  });
});

describe('providers', () => {
  it('see their own organisation’s courses with enrolments; coordinators see all; others are refused', async () => {
    const coordinator = await t.login('coordinator');
    const own = await newCourse({ organisationId: 'punte-hochfeld' });
    const other = await newCourse({ organisationId: 'elternverein-birlikte' });
    await enrol(own, { participant: { name: 'Petya Ivanova', kind: 'adult', age: null } });
    const association = await t.login('association');
    const managed = (await association.get('/api/v1/courses/managed')).json<{ items: Course[] }>();
    expect(managed.items.map((c) => c.id)).toContain(own);
    expect(managed.items.map((c) => c.id)).not.toContain(other);
    const list = await association.get(`/api/v1/courses/${own}/enrolments`);
    expect(list.status, list.body).toBe(200);
    expect(list.body).toContain('Petya Ivanova');
    expect((await association.get(`/api/v1/courses/${other}/enrolments`)).status).toBe(403);
    const stranger = await signInStaff(t, {
      role: 'association',
      organisationId: 'anderer-verein',
      kind: 'association',
    });
    expect((await stranger.get(`/api/v1/courses/${own}/enrolments`)).status).toBe(403);
    expect((await (await t.login('resident')).get('/api/v1/courses/managed')).status).toBe(403);
    expect((await visitor().get(`/api/v1/courses/${own}/enrolments`)).status).toBe(401);
    const all = (await coordinator.get('/api/v1/courses/managed')).json<{ items: Course[] }>();
    expect(all.items.map((c) => c.id)).toEqual(expect.arrayContaining([own, other]));
  });

  it('open a course through the API; a provider only for their own organisation', async () => {
    const coordinator = await t.login('coordinator');
    const association = await t.login('association');
    const mine = await association.post('/api/v1/courses', buildCourse({ organisationId: 'punte-hochfeld' }));
    expect(mine.status, mine.body).toBe(201);
    const theirs = await association.post(
      '/api/v1/courses',
      buildCourse({ organisationId: 'elternverein-birlikte' }),
    );
    expect(theirs.status).toBe(403);
    const wrong = await coordinator.post('/api/v1/courses', buildCourse({ endsOn: '2026-01-01' }));
    expect(wrong.status).toBe(400);
    expect(wrong.json<ErrorBody>().error.field).toBe('body.endsOn');
    const backwards = await coordinator.post(
      '/api/v1/courses',
      buildCourse({ sessions: [{ day: 'MO', from: '11:00', to: '09:00' }] }),
    );
    expect(backwards.status).toBe(400);
    expect(backwards.json<ErrorBody>().error.field).toBe('body.sessions.0.to');
  });
});

describe('personal data', () => {
  it('deletes enrolments 12 months after their course ended, and keeps those of running courses', async () => {
    const ended = await newCourse({ startsOn: '2025-09-01', endsOn: '2025-11-30' });
    const running = await newCourse();
    // Enrolled while the old course ran.
    t.services.clock.set(new Date('2025-10-01T09:00:00Z'));
    await enrol(ended);
    t.services.clock.set(NOW);
    await enrol(running);
    const ctx = systemContext(t.services, new Date('2026-12-15T02:00:00Z'));
    const deleted = await coursesRetention['courses.enrolments']?.(ctx, {
      days: 365,
      action: 'delete',
      description: '',
    });
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await t.services.database.db.select().from(courseEnrolments);
    expect(left.some((e) => e.courseId === ended)).toBe(false);
    expect(left.some((e) => e.courseId === running)).toBe(true);
  });

  it('includes a signed-in person’s enrolments in their export and removes name and contact on erasure', async () => {
    const id = await newCourse();
    const resident = await t.login('resident');
    const reply = await resident.post(
      `/api/v1/courses/${id}/enrolments`,
      buildEnrolment({ participant: { name: 'Layla Haddad', kind: 'adult', age: null } }),
    );
    expect(reply.status, reply.body).toBe(201);
    const me = (await resident.get('/api/v1/me')).json<{ user: { id: string } }>().user;
    const admin = await t.login('admin');
    const exported = await admin.get(`/api/v1/people/${me.id}/export`);
    expect(exported.status, exported.body).toBe(200);
    expect(exported.body).toContain('Layla Haddad');
    const erased = await admin.post(`/api/v1/people/${me.id}/erase`);
    expect(erased.status, erased.body).toBe(204);
    const after = await admin.get(`/api/v1/people/${me.id}/export`);
    expect(after.body).not.toContain('Layla Haddad');
    const rows = JSON.stringify(
      await t.services.database.db.select().from(courseEnrolments).where(eq(courseEnrolments.courseId, id)),
    );
    expect(rows).not.toContain('Layla Haddad');
  });
});

describe('demand and planning for coordinators', () => {
  const HOCHFELD = { ortsteilId: 'hochfeld', lat: 51.418, lon: 6.755 };
  type Demand = {
    rows: { ortsteilId: string; language: string; childcare: boolean; persons: number | '<5' }[];
  };
  type Plan = {
    status: string;
    gap: number;
    proposals: {
      place: string;
      placeName: string;
      language: string;
      placed: number;
      childcarePlaced: number;
      ortsteile: string[];
    }[];
    places: { id: string; name: string; status: string }[];
  };

  let staff: Client;
  beforeAll(async () => {
    // an earlier test moved the clock past the morning's session
    staff = await t.login('coordinator');
    const full = await newCourse({
      capacity: 1,
      childcarePlaces: 1,
      place: { ...buildCourse().place, name: 'Familienzentrum Hochfeld', ...HOCHFELD },
    });
    await enrol(full, { childcare: [2] });
    for (let i = 0; i < 14; i++) await enrol(full, { languages: ['tir'], childcare: i < 4 ? [2] : [] });
    for (let i = 0; i < 2; i++) await enrol(full, { languages: ['orm'] });
    // a school in Hochfeld (a children's course is an education offer of the directory): a candidate place
    await newCourse({
      kind: 'german_children',
      targetGroup: 'children',
      place: { ...buildCourse().place, name: 'Grundschule Hochfeld Testraum', ...HOCHFELD },
    });
  });

  it('shows waiting persons by Ortsteil, language and childcare need, with small counts as "<5"', async () => {
    const reply = await staff.get('/api/v1/courses/demand');
    expect(reply.status, reply.body).toBe(200);
    const rows = reply.json<Demand>().rows.filter((r) => r.ortsteilId === 'hochfeld');
    expect(rows).toContainEqual(expect.objectContaining({ language: 'tir', childcare: true, persons: '<5' }));
    expect(rows).toContainEqual(expect.objectContaining({ language: 'tir', childcare: false, persons: 10 }));
    expect(rows).toContainEqual(
      expect.objectContaining({ language: 'orm', childcare: false, persons: '<5' }),
    );
  });

  it('counts waiting persons by age band and need, and shows the searches for courses that found nothing', async () => {
    type More = Demand & {
      ageBands: { band: string; persons: number | '<5' }[];
      needs: { womenOnly: number | '<5'; evening: number | '<5' };
      unmetSearches: { words: string; lang: string; count: number }[];
    };
    const full = await newCourse({ kind: 'german_children', targetGroup: 'children', capacity: 1 });
    for (let i = 0; i < 7; i++)
      await enrol(full, {
        participant: { name: `Kind ${i}`, kind: 'child', age: 11 },
        womenOnly: i < 6,
        evening: i < 6,
      });
    // A Romanian reader looks for a course in a language no offer has, and for nonsense: only the first is a course.
    for (const q of ['curs', 'qwxzv']) {
      const search = await visitor('ro').get(`/api/v1/directory/services?q=${q}&language=zul`);
      expect(search.status, search.body).toBe(200);
    }
    const demand = (await staff.get('/api/v1/courses/demand')).json<More>();
    const band = demand.ageBands.find((b) => b.band === '10_13')?.persons;
    expect(typeof band === 'number' && band >= 6, `band 10_13: ${band}`).toBe(true);
    expect(demand.ageBands.map((b) => b.band)).toEqual(['0_2', '3_5', '6_9', '10_13', '14_17', 'adult']);
    for (const need of [demand.needs.womenOnly, demand.needs.evening])
      expect(typeof need === 'number' && need >= 5, `need: ${need}`).toBe(true);
    expect(demand.unmetSearches).toContainEqual(expect.objectContaining({ words: 'curs', lang: 'ro' }));
    expect(demand.unmetSearches.map((u) => u.words)).not.toContain('qwxzv');
  });

  it('proposes groups that place every waiting Tigrinya speaker near Hochfeld, and keeps a forbidden place closed', async () => {
    const reply = await staff.post('/api/v1/courses/planner', { groups: 60 });
    expect(reply.status, reply.body).toBe(200);
    const plan = reply.json<Plan>();
    expect(plan.status).toBe('optimal');
    const tir = plan.proposals.filter((p) => p.language === 'tir');
    expect(tir.reduce((sum, p) => sum + p.placed, 0)).toBe(16 - 2);
    expect(tir.reduce((sum, p) => sum + p.childcarePlaced, 0)).toBe(4);
    expect(tir.every((p) => p.ortsteile.includes('Hochfeld'))).toBe(true);
    const school = plan.places.find((p) => p.name === 'Grundschule Hochfeld Testraum');
    expect(school).toBeDefined();
    const again = await staff.post('/api/v1/courses/planner', {
      groups: 60,
      places: [{ id: school?.id, status: 'forbidden' }],
    });
    expect(again.status, again.body).toBe(200);
    const replanned = again.json<Plan>();
    expect(replanned.proposals.some((p) => p.place === school?.id)).toBe(false);
    expect(replanned.places.find((p) => p.id === school?.id)?.status).toBe('forbidden');
  });

  it('names the unknown place a coordinator tried to fix', async () => {
    const reply = await staff.post('/api/v1/courses/planner', {
      groups: 2,
      places: [{ id: '00000000-0000-4000-8000-000000000000', status: 'fixed' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorBody>().error.field).toBe('body.places.0.id');
  });
});

describe('attendance, completion and the certificate', () => {
  type Attendance = {
    day: string | null;
    days: string[];
    rows: {
      enrolmentId: string;
      participantName: string;
      status: string | null;
      present: number;
      hours: number;
      completed: boolean;
    }[];
  };

  it('lets the provider take attendance on a session day, mark completion and print the certificate', async () => {
    // Friday 11 December 2026, after the course's Friday session
    t.services.clock.set(new Date('2026-12-11T12:00:00Z'));
    const id = await newCourse({ organisationId: 'punte-hochfeld' });
    await enrol(id, { participant: { name: 'Amira Saleh', kind: 'adult', age: null } }, 'ar');
    await enrol(id, { participant: { name: 'Petya Ivanova', kind: 'adult', age: null } }, 'bg');
    const provider = await t.login('association');
    const before = (await provider.get(`/api/v1/courses/${id}/attendance`)).json<Attendance>();
    expect(before.day).toBe('2026-12-11');
    expect(before.days).toContain('2026-12-04');
    const [amira, petya] = before.rows;
    const taken = await provider.request('PUT', `/api/v1/courses/${id}/attendance`, {
      body: {
        day: '2026-12-04',
        marks: [
          { enrolmentId: amira?.enrolmentId, status: 'present' },
          { enrolmentId: petya?.enrolmentId, status: 'excused' },
        ],
      },
    });
    expect(taken.status, taken.body).toBe(200);
    const after = taken.json<Attendance>();
    expect(after.rows.map((r: Attendance['rows'][number]) => [r.participantName, r.status, r.hours])).toEqual(
      [
        ['Amira Saleh', 'present', 1.5],
        ['Petya Ivanova', 'excused', 0],
      ],
    );
    // a Thursday: the course meets on Fridays
    const thursday = await provider.request('PUT', `/api/v1/courses/${id}/attendance`, {
      body: {
        day: '2026-12-03',
        marks: [{ enrolmentId: amira?.enrolmentId, status: 'present' }],
      },
    });
    expect(thursday.status).toBe(400);
    expect(thursday.json<ErrorBody>().error.field).toBe('body.day');
    const certificate = `/api/v1/courses/${id}/enrolments/${amira?.enrolmentId}/certificate.pdf`;
    expect((await provider.get(certificate)).status).toBe(409);
    const completed = await provider.request(
      'PUT',
      `/api/v1/courses/${id}/enrolments/${amira?.enrolmentId}/completion`,
      { body: { completed: true } },
    );
    expect(completed.status, completed.body).toBe(200);
    expect(completed.json<Attendance>().rows[0]?.completed).toBe(true);
    const pdf = await provider.get(certificate);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.body.startsWith('%PDF')).toBe(true);
    const stranger = await signInStaff(t, {
      role: 'association',
      organisationId: 'anderer-verein',
      kind: 'association',
    });
    expect((await stranger.get(`/api/v1/courses/${id}/attendance`)).status).toBe(403);
  });
});

describe('the OpenAPI description', () => {
  it('gives every courses route a summary and every field of its input and reply a description', async () => {
    const reply = await t.client().get('/api/docs/json');
    expect(reply.status).toBe(200);
    const gaps = undocumented(reply.json<OpenApiDoc>(), (route) => route.startsWith('/api/v1/courses'));
    expect(gaps.routes).toBe(15);
    expect(gaps.unsummarised).toEqual([]);
    expect(gaps.undescribed).toEqual([]);
  });
});
