/**
 * Courses: the public list and a course's page, providers' and coordinators' courses (a new course is also a
 * directory offer, so it is found in the directory's search and HSDS export), and a course's enrolments and moves.
 */
import { randomUUID } from 'node:crypto';
import { auditRead, audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { localDate } from '../../core/time.ts';
import { createOffer, type OfferInput } from '../directory/index.ts';
import { accountNames, findOrganisationById } from '../platform/index.ts';
import * as repo from './courses.repository.ts';
import type { CourseInput } from './courses.schema.ts';
import type {
  CourseTargetGroup,
  EnrolmentStatus,
  GermanLevel,
  MoveReason,
  ParticipantKind,
} from './courses.terms.ts';
import { courseView } from './views.ts';

const today = (ctx: Ctx) => localDate(ctx.now, ctx.city.profile.timezone);

/** The public list: courses not yet ended, with their free places and childcare places. */
export async function listCourses(
  ctx: Ctx,
  query: {
    page: number;
    per_page: number;
    kind?: string | undefined;
    district?: string | undefined;
    language?: string | undefined;
  },
) {
  authorize(ctx, 'courses.read');
  const filter = { kind: query.kind, districtId: query.district, language: query.language, from: today(ctx) };
  const rows = await repo.listCourses(ctx.db, filter, query.per_page, (query.page - 1) * query.per_page);
  const occupancy = await repo.occupancyOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => courseView(ctx, row, occupancy.get(row.id))),
    total: await repo.countCourses(ctx.db, filter),
    page: query.page,
    perPage: query.per_page,
  };
}

/** One course, for its page and the enrol form. */
export async function readCourse(ctx: Ctx, id: string) {
  authorize(ctx, 'courses.read');
  const row = await repo.findCourse(ctx.db, id);
  if (!row) throw errors.notFound();
  const occupancy = await repo.occupancyOf(ctx.db, [id]);
  return courseView(ctx, row, occupancy.get(id));
}

/** The providers' page: their organisation's courses (coordinators: every course). */
export async function listManagedCourses(ctx: Ctx) {
  const scope = scopeOf(ctx, 'courses.manage_list');
  const rows = await repo.listManagedCourses(ctx.db, scope);
  const occupancy = await repo.occupancyOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => courseView(ctx, row, occupancy.get(row.id))) };
}

const DIRECTORY_GROUPS: Record<CourseTargetGroup, string[]> = {
  children: ['children'],
  parents: ['parents'],
  women: ['women'],
  adults: ['newcomers'],
};

/** Weekly sessions as the directory's opening hours: one row per time, with its days. */
function scheduleOf(sessions: CourseInput['sessions']): OfferInput['schedule'] {
  const byTime = new Map<string, { days: string[]; opens: string; closes: string }>();
  for (const s of sessions) {
    const key = `${s.from}-${s.to}`;
    const row = byTime.get(key) ?? { days: [], opens: s.from, closes: s.to };
    row.days.push(s.day);
    byTime.set(key, row);
  }
  return [...byTime.values()];
}

const slugOf = (name: string) =>
  `kurs-${name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50)}-${randomUUID().slice(0, 8)}`;

/** The directory offer a course is. */
function offerOf(ctx: Ctx, input: CourseInput): OfferInput {
  return {
    slug: slugOf(input.name.de ?? ''),
    organisationId: input.organisationId,
    status: 'published',
    categories: input.targetGroup === 'children' ? ['language_learning', 'education'] : ['language_learning'],
    targetGroups: DIRECTORY_GROUPS[input.targetGroup],
    languages: [...new Set([...input.instructionLanguages, ...input.supportLanguages])],
    free: input.costCents === 0,
    url: input.externalUrl ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    capacity: null,
    lastCheckedAt: today(ctx),
    texts: {
      name: input.name,
      description: input.description,
      eligibility: null,
      fees: null,
      requiredDocuments: null,
    },
    outdated: [],
    location: { ...input.place, accessibilityNote: null },
    schedule: scheduleOf(input.sessions),
    events: [],
  };
}

function checkCourse(ctx: Ctx, input: CourseInput) {
  const district = ctx.city.districts.find((d) => d.ortsteile.some((o) => o.id === input.place.ortsteilId));
  if (!district) throw new AppError('validation.invalid_value', { field: 'body.place.ortsteilId' });
  for (const field of ['startsOn', 'endsOn'] as const)
    if (input[field] < '2000-01-01' || input[field] > '2199-12-31')
      throw new AppError('validation.invalid_value', { field: `body.${field}` });
  if (input.endsOn < input.startsOn) throw new AppError('courses.date_order', { field: 'body.endsOn' });
  input.sessions.forEach((session, i) => {
    if (session.to <= session.from)
      throw new AppError('courses.date_order', { field: `body.sessions.${i}.to` });
  });
  if (input.enrolment === 'external' && !input.externalUrl)
    throw new AppError('validation.required', { field: 'body.externalUrl' });
  if ((input.ageMin ?? 0) > (input.ageMax ?? 99))
    throw new AppError('courses.age_order', { field: 'body.ageMax' });
  if ((input.childcareAgeMin ?? 0) > (input.childcareAgeMax ?? 99))
    throw new AppError('courses.age_order', { field: 'body.childcareAgeMax' });
  return district;
}

/** A provider or coordinator opens a course: a directory offer and the course's own facts, in one transaction. */
export async function createCourse(ctx: Ctx, input: CourseInput) {
  authorize(ctx, 'courses.manage', input);
  const district = checkCourse(ctx, input);
  const organisation = await findOrganisationById(ctx.db, input.organisationId);
  if (!organisation) throw new AppError('validation.invalid_value', { field: 'body.organisationId' });
  const row = await inTransaction(ctx, async (tx) => {
    const serviceId = await createOffer(tx, offerOf(tx, input), organisation.name);
    const course = await repo.insertCourse(tx.db, {
      serviceId,
      organisationId: input.organisationId,
      name: input.name,
      kind: input.kind,
      level: input.level,
      targetGroup: input.targetGroup,
      ageMin: input.ageMin ?? null,
      ageMax: input.ageMax ?? null,
      instructionLanguages: input.instructionLanguages,
      supportLanguages: input.supportLanguages,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      sessions: input.sessions,
      placeName: input.place.name,
      address: input.place.address,
      ortsteilId: input.place.ortsteilId,
      districtId: district.id,
      capacity: input.capacity,
      childcarePlaces: input.childcarePlaces,
      childcareAgeMin: input.childcareAgeMin ?? null,
      childcareAgeMax: input.childcareAgeMax ?? null,
      costCents: input.costCents,
      enrolment: input.enrolment,
      externalUrl: input.externalUrl ?? null,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await audit(tx, { action: 'courses.create', entityType: 'course', entityId: course.id });
    return course;
  });
  return courseView(ctx, row, undefined);
}

/** A course's enrolments (with contacts), waiting positions and moves: its provider and coordinators; audited. */
export async function courseEnrolments(ctx: Ctx, id: string) {
  const row = await repo.findCourse(ctx.db, id);
  if (!row) {
    // The same answer as the policy's for those who may not manage courses at all.
    scopeOf(ctx, 'courses.manage_list');
    throw errors.notFound();
  }
  authorize(ctx, 'courses.manage', row);
  const enrolments = await repo.listEnrolmentsOfCourse(ctx.db, id);
  const moves = await repo.listMoves(ctx.db, id);
  const occupancy = await repo.occupancyOf(ctx.db, [id]);
  const staff = await accountNames(
    ctx.db,
    moves.flatMap((m) => (m.actor === 'person' || m.actor === 'system' ? [] : [m.actor])),
  );
  await auditRead(ctx, 'course_enrolments', id);
  let waiting = 0;
  return {
    course: courseView(ctx, row, occupancy.get(id)),
    enrolments: enrolments.map((e) => ({
      id: e.id,
      arrival: e.arrival,
      status: e.status as EnrolmentStatus,
      position: e.status === 'waiting' ? ++waiting : null,
      participantName: e.participantName,
      participantKind: e.participantKind as ParticipantKind,
      participantAge: e.participantAge,
      phone: e.phone,
      email: e.email,
      language: e.language,
      languages: e.languages,
      germanLevel: e.germanLevel as GermanLevel | null,
      childcare: e.childcareAges,
      womenOnly: e.womenOnly,
      evening: e.evening,
      offerExpiresAt: e.offerExpiresAt?.toISOString() ?? null,
      createdAt: e.createdAt.toISOString(),
    })),
    moves: moves.map((m) => ({
      enrolmentId: m.enrolmentId,
      from: m.fromStatus as EnrolmentStatus | null,
      to: m.toStatus as EnrolmentStatus,
      by: staff.get(m.actor) ?? m.actor,
      reason: m.reason as MoveReason,
      at: m.at.toISOString(),
    })),
  };
}
