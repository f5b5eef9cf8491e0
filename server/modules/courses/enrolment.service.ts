/**
 * Enrolment and the waiting list. Every change to a course's places runs in one transaction that first locks the
 * course's row (`SELECT … FOR UPDATE`, or for a new enrolment `UPDATE … RETURNING`, which also numbers it): enrolments into one course are taken one at a time in the order the
 * database grants the lock, which numbers them (`arrival`), so places are never given above capacity (nor
 * childcare places above theirs) and waiting positions are 1, 2, 3 … without gaps or repeats, also when many
 * enrol in the same second. The code is the person's only key and is stored only as its hash.
 */
import { newCode, normaliseCode } from '../../core/codes.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { tokenHash } from '../../core/passwords.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { audit } from '../../core/audit.ts';
import { localDate } from '../../core/time.ts';
import * as repo from './courses.repository.ts';
import type { EnrolmentChange, EnrolmentInput, FollowView } from './courses.schema.ts';
import { CODE_GROUPS, type EnrolmentStatus, type MoveReason, type OthersQuestion } from './courses.terms.ts';
import { sendOffer, sendOthersQuestion } from './messages.ts';
import { coursesSettings } from './settings.ts';
import { courseView, nameIn } from './views.ts';

/** What the database keeps of an enrolment code. */
export const codeHashOf = (code: string) => tokenHash(normaliseCode(code));
/** The same person on several lists: their phone (digits only) or e-mail (lower case), hashed. */
const contactHashOf = (contact: EnrolmentInput['contact']) =>
  tokenHash(
    contact.email
      ? `mail:${contact.email.trim().toLowerCase()}`
      : `tel:${(contact.phone ?? '').replace(/\D/g, '')}`,
  );

/** Who made a move: the person through their code, the system (a job, a freed place), or a staff account. */
const actorOf = (ctx: Ctx) =>
  ctx.actor.kind === 'user' ? ctx.actor.id : ctx.actor.kind === 'system' ? 'system' : 'person';

async function move(
  tx: Ctx,
  enrolment: repo.EnrolmentRow,
  to: EnrolmentStatus,
  reason: MoveReason,
  values: Partial<repo.NewEnrolment> = {},
  actor = actorOf(tx),
) {
  await repo.updateEnrolment(tx.db, enrolment.id, { ...values, status: to, updatedAt: tx.now });
  await repo.insertMove(tx.db, {
    courseId: enrolment.courseId,
    enrolmentId: enrolment.id,
    fromStatus: enrolment.status,
    toStatus: to,
    actor,
    reason,
    at: tx.now,
  });
}

/** The course, locked for this transaction; 404 when there is none. */
async function lock(tx: Ctx, courseId: string) {
  const course = await repo.lockCourse(tx.db, courseId);
  if (!course) throw errors.notFound();
  return course;
}

/** Free places and childcare places of a (locked) course. */
export async function freeOf(tx: Ctx, course: repo.CourseRow) {
  const held = (await repo.occupancyOf(tx.db, [course.id])).get(course.id);
  return {
    places: course.capacity - (held?.places ?? 0),
    childcare: course.childcarePlaces - (held?.childcare ?? 0),
  };
}

/**
 * After a place freed: the first waiting people whose needs fit what is free get an offer with a deadline, in
 * order of arrival (someone needing childcare is passed over only while no childcare place is free). Call with
 * the course locked. `why`: who freed the places and why (a cancellation: the system; capacity raised: the staff).
 */
export async function offerFreedPlaces(
  tx: Ctx,
  course: repo.CourseRow,
  why: { reason: MoveReason; actor: string } = { reason: 'place_freed', actor: 'system' },
): Promise<void> {
  const free = await freeOf(tx, course);
  if (free.places <= 0) return;
  const deadline = new Date(tx.now.getTime() + coursesSettings(tx).offerHours * 3_600_000);
  for (const waiting of await repo.listWaiting(tx.db, course.id)) {
    if (free.places <= 0) break;
    const needs = waiting.childcareAges.length;
    if (needs > free.childcare) continue;
    await move(tx, waiting, 'offered', why.reason, { offerExpiresAt: deadline }, why.actor);
    await sendOffer(tx, { ...waiting, offerExpiresAt: deadline }, course);
    free.places -= 1;
    free.childcare -= needs;
  }
}

/** Got a place: when the same person waits elsewhere, they are asked (one message) whether to keep those places. */
async function askAboutOthers(tx: Ctx, enrolment: repo.EnrolmentRow, course: repo.CourseRow) {
  const others = await repo.listOtherOpenEnrolments(tx.db, enrolment.contactHash, enrolment.courseId);
  if (others.length === 0) return;
  await repo.updateEnrolment(tx.db, enrolment.id, { othersQuestion: 'open' });
  await sendOthersQuestion(tx, enrolment, course, others.length);
}

function checkEnrolment(ctx: Ctx, course: repo.CourseRow, input: EnrolmentInput) {
  if (course.enrolment !== 'here') throw new AppError('courses.enrol_elsewhere');
  if (course.endsOn < localDate(ctx.now, ctx.city.profile.timezone)) throw new AppError('courses.ended');
  if (!input.contact.phone && !input.contact.email)
    throw new AppError('courses.contact_required', { field: 'body.contact' });
  if (input.participant.kind === 'child' && input.participant.age == null)
    throw new AppError('validation.required', { field: 'body.participant.age' });
  checkChildcare(course, input.childcare);
}

/** Children's ages within the course's childcare limits, and no more children than it has childcare places. */
function checkChildcare(course: repo.CourseRow, childcare: number[]) {
  childcare.forEach((age, i) => {
    if (course.childcarePlaces === 0) throw new AppError('courses.no_childcare', { field: 'body.childcare' });
    if (age < (course.childcareAgeMin ?? 0) || age > (course.childcareAgeMax ?? 99))
      throw new AppError('courses.childcare_age', {
        field: `body.childcare.${i}`,
        params: { min: course.childcareAgeMin ?? 0, max: course.childcareAgeMax ?? 17 },
      });
  });
  if (childcare.length > course.childcarePlaces)
    throw new AppError('courses.no_childcare', { field: 'body.childcare' });
}

/**
 * Anyone enrols, without an account: a place when one is free (and the childcare places they need), else the
 * waiting list with its position. Answers with the code, shown this once.
 */
export async function enrol(ctx: Ctx, courseId: string, input: EnrolmentInput) {
  authorize(ctx, 'courses.enrol');
  const languages = ctx.city.profile.languages.map((l) => l.code);
  const language = input.language ?? ctx.locale;
  if (!languages.includes(language))
    throw new AppError('validation.invalid_value', { field: 'body.language' });
  const code = newCode(CODE_GROUPS);
  return inTransaction(ctx, async (tx) => {
    // Three statements under the course's lock: lock and number, decide and write, and (placed) the others.
    const course = await repo.lockCourseTakingArrival(tx.db, courseId);
    if (!course) throw errors.notFound();
    checkEnrolment(tx, course, input);
    const values = {
      courseId: course.id,
      codeHash: codeHashOf(code),
      arrival: course.arrivals,
      participantName: input.participant.name,
      participantKind: input.participant.kind,
      participantAge: input.participant.age ?? null,
      phone: input.contact.phone || null,
      email: input.contact.email || null,
      contactHash: contactHashOf(input.contact),
      language,
      languages: input.languages,
      germanLevel: input.germanLevel ?? null,
      childcareAges: input.childcare,
      womenOnly: input.womenOnly,
      evening: input.evening,
      userId: tx.actor.kind === 'user' ? tx.actor.id : null,
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    const { id, status, position } = await repo.insertArrival(tx.db, values, course, actorOf(tx));
    if (status === 'enrolled') {
      const row: repo.EnrolmentRow = {
        ...values,
        id,
        status,
        offerExpiresAt: null,
        othersQuestion: null,
        completedAt: null,
      };
      await askAboutOthers(tx, row, course);
    }
    return { status, position, code } as const;
  });
}

async function enrolmentOfCode(ctx: Ctx, code: string) {
  const found = await repo.findEnrolmentByCodeHash(ctx.db, codeHashOf(code));
  if (!found) throw errors.notFound();
  return found;
}

/** The follow page: the enrolment, its course, the waiting position or the offer, the other waiting places. */
export async function follow(ctx: Ctx, code: string): Promise<FollowView> {
  authorize(ctx, 'courses.follow');
  const enrolment = await enrolmentOfCode(ctx, code);
  const course = await repo.findCourse(ctx.db, enrolment.courseId);
  if (!course) throw errors.notFound();
  const occupancy = await repo.occupancyOf(ctx.db, [course.id]);
  const others = await repo.listOtherOpenEnrolments(ctx.db, enrolment.contactHash, enrolment.courseId);
  return {
    course: courseView(ctx, course, occupancy.get(course.id)),
    status: enrolment.status as EnrolmentStatus,
    position:
      enrolment.status === 'waiting'
        ? await repo.waitingPosition(ctx.db, course.id, enrolment.arrival)
        : null,
    offerExpiresAt: enrolment.status === 'offered' ? (enrolment.offerExpiresAt?.toISOString() ?? null) : null,
    participantName: enrolment.participantName,
    childcare: enrolment.childcareAges,
    othersQuestion: enrolment.othersQuestion as OthersQuestion | null,
    others: others.map((o) => ({
      courseId: o.courseId,
      name: nameIn(ctx.locale, o.name),
      status: o.status as EnrolmentStatus,
    })),
    phone: enrolment.phone,
    email: enrolment.email,
    language: enrolment.language,
    womenOnly: enrolment.womenOnly,
    evening: enrolment.evening,
  };
}

/** Runs a change on the code's enrolment with its course locked, re-reading the enrolment under the lock. */
async function withLockedEnrolment(
  ctx: Ctx,
  code: string,
  work: (tx: Ctx, enrolment: repo.EnrolmentRow, course: repo.CourseRow) => Promise<void>,
) {
  const found = await enrolmentOfCode(ctx, code);
  await inTransaction(ctx, async (tx) => {
    const course = await lock(tx, found.courseId);
    const enrolment = await repo.findEnrolment(tx.db, found.id);
    if (!enrolment) throw errors.notFound();
    await work(tx, enrolment, course);
  });
  return follow(ctx, code);
}

/** The person cancels: a held place goes to the next on the waiting list (as an offer). */
export async function cancel(ctx: Ctx, code: string) {
  authorize(ctx, 'courses.follow');
  return withLockedEnrolment(ctx, code, async (tx, enrolment, course) => {
    if (!['enrolled', 'offered', 'waiting'].includes(enrolment.status)) return;
    const held = enrolment.status !== 'waiting';
    await move(tx, enrolment, 'cancelled', 'cancelled', { offerExpiresAt: null });
    if (held) await offerFreedPlaces(tx, course);
  });
}

const OPEN_STATUSES: readonly string[] = ['enrolled', 'offered', 'waiting'];

/**
 * The person changes their enrolment by its code (contact, languages, needs, the children in childcare). A held
 * place keeps its place only when the course has the further childcare places it now needs; fewer children free
 * childcare places for the waiting list. The change is logged as a move (same status, reason "changed").
 */
export async function change(ctx: Ctx, code: string, input: EnrolmentChange) {
  authorize(ctx, 'courses.follow');
  const languages = ctx.city.profile.languages.map((l) => l.code);
  if (input.language && !languages.includes(input.language))
    throw new AppError('validation.invalid_value', { field: 'body.language' });
  if (input.contact && !input.contact.phone && !input.contact.email)
    throw new AppError('courses.contact_required', { field: 'body.contact' });
  return withLockedEnrolment(ctx, code, async (tx, enrolment, course) => {
    if (!OPEN_STATUSES.includes(enrolment.status)) throw new AppError('courses.closed');
    const childcare = input.childcare ?? enrolment.childcareAges;
    checkChildcare(course, childcare);
    const held = enrolment.status !== 'waiting';
    const more = childcare.length - enrolment.childcareAges.length;
    if (held && more > 0 && (await freeOf(tx, course)).childcare < more)
      throw new AppError('courses.childcare_full', { field: 'body.childcare' });
    const values: Partial<repo.NewEnrolment> = { childcareAges: childcare };
    if (input.contact) {
      values.phone = input.contact.phone || null;
      values.email = input.contact.email || null;
      values.contactHash = contactHashOf(input.contact);
    }
    if (input.language) values.language = input.language;
    if (input.languages) values.languages = input.languages;
    if (input.germanLevel !== undefined) values.germanLevel = input.germanLevel;
    if (input.womenOnly !== undefined) values.womenOnly = input.womenOnly;
    if (input.evening !== undefined) values.evening = input.evening;
    await move(tx, enrolment, enrolment.status as EnrolmentStatus, 'changed', values);
    if (held && more < 0) await offerFreedPlaces(tx, course);
  });
}

/** The person accepts the offer before its deadline: enrolled. */
export async function accept(ctx: Ctx, code: string) {
  authorize(ctx, 'courses.follow');
  return withLockedEnrolment(ctx, code, async (tx, enrolment, course) => {
    if (enrolment.status !== 'offered' || !enrolment.offerExpiresAt || enrolment.offerExpiresAt <= tx.now)
      throw new AppError('courses.no_offer');
    await move(tx, enrolment, 'enrolled', 'accepted', { offerExpiresAt: null });
    await askAboutOthers(tx, enrolment, course);
  });
}

/** The person declines the offer: the place goes to the next. */
export async function decline(ctx: Ctx, code: string) {
  authorize(ctx, 'courses.follow');
  return withLockedEnrolment(ctx, code, async (tx, enrolment, course) => {
    if (enrolment.status !== 'offered') throw new AppError('courses.no_offer');
    await move(tx, enrolment, 'declined', 'declined', { offerExpiresAt: null });
    await offerFreedPlaces(tx, course);
  });
}

/**
 * The answer to "keep your other waiting places?" (asked once): keep them, or leave every other waiting list
 * (an offer held elsewhere is given on to the next there).
 */
export async function answerOthers(ctx: Ctx, code: string, input: { keep: boolean }) {
  authorize(ctx, 'courses.follow');
  const found = await enrolmentOfCode(ctx, code);
  if (found.othersQuestion !== 'open') throw new AppError('courses.no_question');
  await inTransaction(ctx, async (tx) => {
    const others = await repo.listOtherOpenEnrolments(tx.db, found.contactHash, found.courseId);
    await repo.updateEnrolment(tx.db, found.id, {
      othersQuestion: input.keep ? 'kept' : 'dropped',
      updatedAt: tx.now,
    });
    if (input.keep) return;
    // Courses locked in one order, so two people leaving lists at once cannot wait on each other.
    for (const courseId of [...new Set(others.map((o) => o.courseId))].sort()) {
      const course = await lock(tx, courseId);
      for (const other of others.filter((o) => o.courseId === courseId)) {
        const enrolment = await repo.findEnrolment(tx.db, other.id);
        if (!enrolment || !['waiting', 'offered'].includes(enrolment.status)) continue;
        await move(tx, enrolment, 'withdrawn', 'placed_elsewhere', { offerExpiresAt: null });
      }
      await offerFreedPlaces(tx, course);
    }
  });
  return follow(ctx, code);
}

/**
 * A provider (or coordinator) changes a course's places. Not below what is taken or offered now (409 naming the
 * field); raised, the first waiting people get offers in order of arrival, logged as moved by that staff member.
 */
export async function changeCapacity(
  ctx: Ctx,
  courseId: string,
  input: { capacity: number; childcarePlaces: number },
) {
  const found = await repo.findCourse(ctx.db, courseId);
  if (!found) {
    scopeOf(ctx, 'courses.manage_list');
    throw errors.notFound();
  }
  authorize(ctx, 'courses.manage', found);
  const row = await inTransaction(ctx, async (tx) => {
    const course = await lock(tx, courseId);
    const free = await freeOf(tx, course);
    const held = {
      places: course.capacity - free.places,
      childcare: course.childcarePlaces - free.childcare,
    };
    if (input.capacity < held.places)
      throw new AppError('courses.below_held', { field: 'body.capacity', params: { held: held.places } });
    if (input.childcarePlaces < held.childcare)
      throw new AppError('courses.below_held', {
        field: 'body.childcarePlaces',
        params: { held: held.childcare },
      });
    const changed = await repo.updateCourseCapacity(tx.db, courseId, { ...input, updatedAt: tx.now });
    await audit(tx, {
      action: 'courses.capacity',
      entityType: 'course',
      entityId: courseId,
      details: { from: course.capacity, to: input.capacity },
    });
    await offerFreedPlaces(tx, changed, { reason: 'capacity_raised', actor: actorOf(tx) });
    return changed;
  });
  const occupancy = await repo.occupancyOf(ctx.db, [courseId]);
  return courseView(ctx, row, occupancy.get(courseId));
}

/** Job: offers whose deadline passed expire, and their places go to the next on the list. */
export async function expireOffers(ctx: Ctx): Promise<Record<string, number>> {
  authorize(ctx, 'courses.jobs');
  let expired = 0;
  for (const due of await repo.listDueOffers(ctx.db, ctx.now)) {
    await inTransaction(ctx, async (tx) => {
      const course = await lock(tx, due.courseId);
      const enrolment = await repo.findEnrolment(tx.db, due.id);
      if (enrolment?.status !== 'offered' || !enrolment.offerExpiresAt || enrolment.offerExpiresAt > tx.now)
        return;
      await move(tx, enrolment, 'expired', 'deadline_passed', { offerExpiresAt: null });
      await offerFreedPlaces(tx, course);
      expired++;
    });
  }
  return { expired };
}
