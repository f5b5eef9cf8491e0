/**
 * Attendance per session day (present, absent, excused), completion, and the certificate (PDF, the person's
 * language and German): the course's provider and coordinators.
 */
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { addDays, isoWeekday, localDate } from '../../core/time.ts';
import { findOrganisationById } from '../platform/index.ts';
import { buildCertificate } from './certificate.ts';
import * as repo from './courses.repository.ts';
import type { AttendanceInput } from './courses.schema.ts';
import { type AttendanceStatus, SESSION_DAYS } from './courses.terms.ts';
import { nameIn } from './views.ts';

/** Session days listed on the page: the latest ones up to today. */
const DAYS_SHOWN = 60;

async function managedCourse(ctx: Ctx, id: string) {
  const row = await repo.findCourse(ctx.db, id);
  if (!row) {
    scopeOf(ctx, 'courses.manage_list');
    throw errors.notFound();
  }
  authorize(ctx, 'courses.manage', row);
  return row;
}

type CourseRow = NonNullable<Awaited<ReturnType<typeof repo.findCourse>>>;

/** Minutes of the course's sessions on a day's weekday (0: no session that day). */
function sessionMinutes(course: CourseRow, day: string): number {
  const weekday = SESSION_DAYS[isoWeekday(day) - 1];
  let minutes = 0;
  for (const s of course.sessions) {
    if (s.day !== weekday) continue;
    const [fh, fm] = s.from.split(':').map(Number) as [number, number];
    const [th, tm] = s.to.split(':').map(Number) as [number, number];
    minutes += th * 60 + tm - (fh * 60 + fm);
  }
  return minutes;
}

/** The course's session days from its start up to today (or its end), latest first. */
function sessionDays(course: CourseRow, today: string): string[] {
  const last = course.endsOn < today ? course.endsOn : today;
  const days: string[] = [];
  for (let day = last; day >= course.startsOn && days.length < DAYS_SHOWN; day = addDays(day, -1)) {
    if (sessionMinutes(course, day) > 0) days.push(day);
  }
  return days;
}

async function attendanceView(ctx: Ctx, course: CourseRow, day: string | null) {
  const today = localDate(ctx.now, ctx.city.profile.timezone);
  const days = sessionDays(course, today);
  const shown = day ?? days[0] ?? null;
  const enrolled = (await repo.listEnrolmentsOfCourse(ctx.db, course.id)).filter(
    (e) => e.status === 'enrolled',
  );
  const marks = await repo.listAttendance(ctx.db, course.id);
  return {
    courseId: course.id,
    name: nameIn(ctx.locale, course.name),
    day: shown,
    days,
    rows: enrolled.map((e) => {
      const mine = marks.filter((m) => m.enrolmentId === e.id);
      const present = mine.filter((m) => m.status === 'present');
      return {
        enrolmentId: e.id,
        participantName: e.participantName,
        status: (mine.find((m) => m.day === shown)?.status ?? null) as AttendanceStatus | null,
        present: present.length,
        hours:
          Math.round((present.reduce((sum, m) => sum + sessionMinutes(course, m.day), 0) / 60) * 10) / 10,
        completed: e.completedAt !== null,
      };
    }),
  };
}

/** One day's attendance list with each person's sessions and hours so far. */
export async function readAttendance(ctx: Ctx, id: string, day: string | undefined) {
  const course = await managedCourse(ctx, id);
  if (day !== undefined && sessionMinutes(course, day) === 0) {
    throw new AppError('courses.no_session', { field: 'querystring.day' });
  }
  return attendanceView(ctx, course, day ?? null);
}

/** Takes a day's attendance: the day must be a session day of the course, up to today. */
export async function recordAttendance(ctx: Ctx, id: string, input: AttendanceInput) {
  const course = await managedCourse(ctx, id);
  const today = localDate(ctx.now, ctx.city.profile.timezone);
  if (
    sessionMinutes(course, input.day) === 0 ||
    input.day < course.startsOn ||
    input.day > course.endsOn ||
    input.day > today
  ) {
    throw new AppError('courses.no_session', { field: 'body.day' });
  }
  const enrolled = new Set(
    (await repo.listEnrolmentsOfCourse(ctx.db, id)).filter((e) => e.status === 'enrolled').map((e) => e.id),
  );
  input.marks.forEach((mark, i) => {
    if (!enrolled.has(mark.enrolmentId)) {
      throw new AppError('validation.invalid_value', { field: `body.marks.${i}.enrolmentId` });
    }
  });
  await inTransaction(ctx, async (tx) => {
    await repo.upsertAttendance(
      tx.db,
      input.marks.map((mark) => ({
        courseId: id,
        enrolmentId: mark.enrolmentId,
        day: input.day,
        status: mark.status,
        recordedBy: tx.actor.kind === 'user' ? tx.actor.id : null,
        recordedAt: tx.now,
      })),
    );
    await audit(tx, { action: 'courses.attendance', entityType: 'course', entityId: id });
  });
  return attendanceView(ctx, course, input.day);
}

async function enrolledIn(ctx: Ctx, course: CourseRow, enrolmentId: string) {
  const enrolment = await repo.findEnrolment(ctx.db, enrolmentId);
  if (!enrolment || enrolment.courseId !== course.id || enrolment.status !== 'enrolled')
    throw errors.notFound();
  return enrolment;
}

/** Marks the course completed (or not) for one enrolled person. */
export async function setCompletion(ctx: Ctx, id: string, enrolmentId: string, completed: boolean) {
  const course = await managedCourse(ctx, id);
  await enrolledIn(ctx, course, enrolmentId);
  await inTransaction(ctx, async (tx) => {
    await repo.updateEnrolment(tx.db, enrolmentId, {
      completedAt: completed ? tx.now : null,
      updatedAt: tx.now,
    });
    await audit(tx, { action: 'courses.completion', entityType: 'course_enrolment', entityId: enrolmentId });
  });
  return attendanceView(ctx, course, null);
}

/** The certificate of a person who completed the course: the person's language and German. */
export async function certificate(ctx: Ctx, id: string, enrolmentId: string) {
  const course = await managedCourse(ctx, id);
  const enrolment = await enrolledIn(ctx, course, enrolmentId);
  if (!enrolment.completedAt) throw new AppError('courses.not_completed');
  const view = await attendanceView(ctx, course, null);
  const row = view.rows.find((r) => r.enrolmentId === enrolmentId);
  const organisation = await findOrganisationById(ctx.db, course.organisationId);
  const language = ctx.city.profile.languages.find((l) => l.code === enrolment.language);
  const pdf = await buildCertificate({
    lang: language ? enrolment.language : 'de',
    direction: language?.direction ?? 'ltr',
    participantName: enrolment.participantName,
    courseName: (lang) => nameIn(lang, course.name),
    organisation: organisation?.name ?? '',
    city: ctx.city.profile.name,
    from: course.startsOn,
    to: course.endsOn,
    sessions: row?.present ?? 0,
    hours: row?.hours ?? 0,
    date: localDate(enrolment.completedAt, ctx.city.profile.timezone),
  });
  await audit(ctx, { action: 'courses.certificate', entityType: 'course_enrolment', entityId: enrolmentId });
  return { pdf, filename: `certificate-${enrolmentId.slice(0, 8)}.pdf` };
}
