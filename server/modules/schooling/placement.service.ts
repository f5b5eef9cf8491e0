import { audit, auditRead } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors, isAppError } from '../../core/errors.ts';
import { queueMail } from '../../core/mail.ts';
import { ALL, authorize, scopeOf } from '../../core/policy.ts';
import { daysBetween } from '../../core/time.ts';
import { requireConsent } from '../platform/index.ts';
import { CONSENT_SHARE, CONSENT_SUBJECT, cityDay } from './common.ts';
import {
  renderExplanation,
  type StoredRunChild,
  type StoredSeatsToClear,
  schoolNamesById,
} from './explain.ts';
import {
  DEFAULT_WEIGHTS,
  explainChild,
  MAX_FAMILY_SIZE,
  type PlacementProblem,
  type SchoolForm,
  type SeatKind,
  seatsToClear,
  solvePlacementInWorker,
} from './placement/index.ts';
import { placementMail } from './letter.ts';
import { letterInput } from './letter.service.ts';
import * as repo from './schooling.repository.ts';
import { listSchools, listSeatGroups } from './views.ts';

/** How long a placement run may search before it returns its best solution with the proven bound. */
const TIME_LIMIT_SECONDS = 20;

/** The problem of today: every waiting child with an assessment, every school's free places (held seats off). */
async function buildProblem(ctx: Ctx) {
  const [children, schools, groups, held] = await Promise.all([
    repo.findPlaceableChildren(ctx.db),
    listSchools(ctx.db),
    // Called after the placement.run check: the run places children in every school.
    listSeatGroups(ctx.db, ALL),
    repo.heldSeats(ctx.db),
  ]);
  const heldBy = new Map(held.map((h) => [h.seatGroupId, h.n]));
  const located = schools.filter((s) => s.lat !== null && s.lon !== null);
  const groupIds = new Map<string, string[]>();
  const problemSchools = located.map((school) => {
    const own = groups.filter((g) => g.schoolId === school.id);
    groupIds.set(
      school.id,
      own.map((g) => g.id),
    );
    return {
      id: school.id,
      location: { lat: school.lat as number, lon: school.lon as number },
      seats: own.map((g) => ({
        form: g.form as SchoolForm,
        gradeFrom: g.gradeFrom,
        gradeTo: g.gradeTo,
        kind: g.kind as SeatKind,
        free: Math.max(0, g.free - (heldBy.get(g.id) ?? 0)),
      })),
    };
  });
  const schoolIds = new Set(located.map((s) => s.id));
  const familySize = new Map<string, number>();
  const today = cityDay(ctx);
  const problem: PlacementProblem = {
    weights: { ...DEFAULT_WEIGHTS },
    schools: problemSchools,
    children: children.map((child) => {
      const size = (familySize.get(child.familyId) ?? 0) + 1;
      familySize.set(child.familyId, size);
      return {
        id: child.id,
        grade: child.grade,
        forms: child.forms as SchoolForm[],
        kind: child.kind as SeatKind,
        home: { lat: child.lat, lon: child.lon },
        waitingWeeks: Math.max(0, Math.floor(daysBetween(child.registeredOn, today) / 7)),
        // The solver keeps families up to MAX_FAMILY_SIZE together; larger ones (never seen) are split.
        familyId: size <= MAX_FAMILY_SIZE ? child.familyId : null,
        preferredSchoolId:
          child.preferredSchoolId && schoolIds.has(child.preferredSchoolId) ? child.preferredSchoolId : null,
      };
    }),
  };
  return { problem, children, groupIds, groups };
}

/**
 * Runs the placement for every waiting child, in a worker thread; stores the proposal with an explanation per
 * child and, per school and band, the places that would clear the list. Unconfirmed earlier proposals give way.
 */
export async function runPlacement(ctx: Ctx) {
  authorize(ctx, 'schooling.placement.run');
  const { problem, children, groupIds, groups } = await buildProblem(ctx);
  if (children.length === 0) throw new AppError('schooling.nothing_to_place');
  const result = await solvePlacementInWorker(problem, { timeLimitSeconds: TIME_LIMIT_SECONDS });
  const stored: StoredRunChild[] = children.map((child) => {
    const explanation = explainChild(problem, result, child.id);
    const seatId = explanation.placed ? groupIds.get(explanation.schoolId)?.[explanation.seat] : undefined;
    const group = seatId ? groups.find((g) => g.id === seatId) : undefined;
    return {
      explanation,
      seat: group
        ? {
            id: group.id,
            form: group.form,
            gradeFrom: group.gradeFrom,
            gradeTo: group.gradeTo,
            kind: group.kind,
          }
        : null,
    };
  });
  const clear: StoredSeatsToClear[] = seatsToClear(problem, result);
  const runId = await inTransaction(ctx, async (tx) => {
    await repo.supersedeOpenProposals(tx.db);
    const run = await repo.insertRun(tx.db, {
      runBy: tx.actor.id,
      runAt: tx.now,
      objective: result.objective,
      bound: result.bound,
      gap: result.gap,
      seconds: result.seconds,
      childCount: children.length,
      placedCount: result.placements.length,
      explanations: stored,
      seatsToClear: clear,
    });
    await repo.insertPlacements(
      tx.db,
      stored.flatMap(({ explanation, seat }) =>
        explanation.placed
          ? [
              {
                childId: explanation.childId,
                schoolId: explanation.schoolId,
                runId: run.id,
                seatGroupId: seat?.id ?? null,
                status: 'proposed',
                proposedAt: tx.now,
              },
            ]
          : [],
      ),
    );
    const placed = new Set(result.placements.map((p) => p.childId));
    await repo.setChildrenState(tx.db, [...placed], 'proposed', tx.now);
    await repo.setChildrenState(
      tx.db,
      children.map((c) => c.id).filter((id) => !placed.has(id)),
      'waiting',
      tx.now,
    );
    await audit(tx, {
      action: 'schooling.placement.run',
      entityType: 'schooling_placement_run',
      entityId: run.id,
      details: { children: children.length, placed: placed.size, gap: result.gap },
    });
    return run.id;
  });
  return getRun(ctx, runId);
}

/** A run with each child's proposal and its explanation (names shown: an audited read per child). */
export async function getRun(ctx: Ctx, runId: string) {
  authorize(ctx, 'schooling.children.read');
  const run = await repo.findRun(ctx.db, runId);
  if (!run) throw errors.notFound();
  const [placements, names] = await Promise.all([repo.placementsOfRun(ctx.db, runId), schoolNamesById(ctx)]);
  const stored = run.explanations as StoredRunChild[];
  const children = [];
  for (const { explanation, seat } of stored) {
    const child = await repo.findChild(ctx.db, explanation.childId);
    if (!child) continue;
    await auditRead(ctx, 'schooling_child', child.id);
    const placement = placements.find((p) => p.childId === child.id);
    children.push({
      childId: child.id,
      givenName: child.givenName,
      familyName: child.familyName,
      familyId: child.familyId,
      placementId: placement?.id ?? null,
      placementStatus: (placement?.status ?? null) as 'proposed' | null,
      schoolId: explanation.placed ? explanation.schoolId : null,
      schoolName: explanation.placed ? (names.get(explanation.schoolId) ?? null) : null,
      km: explanation.placed ? Math.round(explanation.km * 10) / 10 : null,
      reasons: explanation.placed
        ? [
            ...(explanation.preferred ? ['preferred'] : []),
            ...(explanation.siblingsTogether === true ? ['siblings_together'] : []),
            ...(explanation.siblingsTogether === false ? ['siblings_split'] : []),
            ...explanation.alternatives.map((a) => `nearer_${a.why}`),
          ]
        : explanation.reasons,
      text: renderExplanation(ctx.locale, explanation, names, seat ?? undefined),
    });
  }
  const clear = run.seatsToClear as StoredSeatsToClear[];
  return {
    id: run.id,
    runAt: run.runAt.toISOString(),
    objective: run.objective,
    bound: run.bound,
    gap: run.gap,
    seconds: run.seconds,
    childCount: run.childCount,
    placedCount: run.placedCount,
    children,
    seatsToClear: clear.map((entry) => ({
      schoolId: entry.schoolId,
      schoolName: names.get(entry.schoolId) ?? null,
      form: entry.form,
      gradeFrom: entry.gradeFrom,
      gradeTo: entry.gradeTo,
      kind: entry.kind,
      seats: entry.extraSeats,
    })),
  };
}

/** The latest run, if there is one. */
export async function getLatestRun(ctx: Ctx) {
  authorize(ctx, 'schooling.children.read');
  const id = await repo.latestRunId(ctx.db);
  if (!id) throw errors.notFound();
  return getRun(ctx, id);
}

/** The caseworker confirms a run's proposals (all, or the listed ones): they go to the schools. */
export async function confirmProposals(ctx: Ctx, runId: string, placementIds?: string[]) {
  authorize(ctx, 'schooling.placement.confirm');
  if (!(await repo.findRun(ctx.db, runId))) throw errors.notFound();
  return inTransaction(ctx, async (tx) => {
    const rows = await repo.confirmProposals(tx.db, {
      runId,
      ...(placementIds ? { ids: placementIds } : {}),
      by: tx.actor.id,
      now: tx.now,
    });
    await repo.setChildrenState(
      tx.db,
      rows.map((r) => r.childId),
      'confirmed',
      tx.now,
    );
    for (const row of rows) {
      await audit(tx, {
        action: 'schooling.placement.confirm',
        entityType: 'schooling_child',
        entityId: row.childId,
        details: { placementId: row.id, schoolId: row.schoolId },
      });
    }
    return { confirmed: rows.length };
  });
}

/** Confirms one proposal. */
export async function confirmPlacement(ctx: Ctx, placementId: string) {
  authorize(ctx, 'schooling.placement.confirm');
  const placement = await repo.findPlacement(ctx.db, placementId);
  if (!placement?.runId) throw errors.notFound();
  if (placement.status !== 'proposed')
    throw new AppError('schooling.wrong_state', { params: { state: placement.status } });
  return confirmProposals(ctx, placement.runId, [placementId]);
}

/** Whether the family agreed to share the child's record with the school. */
async function sharedWithSchool(ctx: Ctx, childId: string): Promise<boolean> {
  try {
    await requireConsent(ctx, { subjectType: CONSENT_SUBJECT, subjectId: childId, purpose: CONSENT_SHARE });
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'consent.required') return false;
    throw error;
  }
}

/**
 * The children confirmed to a school, and only those whose family agreed to share with the school: of the rest
 * (proposed, or not shared) the school learns nothing, not even how many there are. Each child shown is an audited
 * read.
 */
export async function listSchoolChildren(ctx: Ctx, schoolId: string) {
  const scope = scopeOf(ctx, 'schooling.school.children', { schoolId });
  const rows = await repo.placementsForSchool(ctx.db, scope);
  const items = [];
  for (const { placement, child, family, grade, kind } of rows) {
    if (!(await sharedWithSchool(ctx, child.id))) continue;
    await auditRead(ctx, 'schooling_child', child.id);
    items.push({
      placementId: placement.id,
      status: placement.status as 'confirmed',
      startDate: placement.startDate,
      firstSchoolDay: placement.firstSchoolDay,
      childId: child.id,
      givenName: child.givenName,
      familyName: child.familyName,
      birthDate: child.birthDate,
      languages: child.languages,
      schoolYears: child.schoolYears,
      lastGrade: child.lastGrade,
      literateLatin: child.literateLatin,
      specialNeeds: child.specialNeeds,
      grade,
      kind,
      guardianName: family.guardianName,
      phone: family.phone,
      email: family.email,
    });
  }
  return { items };
}

/** A placement the school decides on: sent to it, and shared with it. */
async function placementForSchool(
  ctx: Ctx,
  placementId: string,
  action: 'schooling.placement.decide' | 'schooling.placement.first_day',
) {
  const placement = await repo.findPlacement(ctx.db, placementId);
  authorize(ctx, action, placement);
  if (!placement) throw errors.notFound();
  if (ctx.actor.role === 'institution' && !(await sharedWithSchool(ctx, placement.childId)))
    throw new AppError('consent.required', { params: { purpose: CONSENT_SHARE } });
  return placement;
}

function toPlacementReply(row: repo.PlacementRow, registeredOn: string) {
  return {
    id: row.id,
    childId: row.childId,
    schoolId: row.schoolId,
    status: row.status as 'accepted',
    startDate: row.startDate,
    firstSchoolDay: row.firstSchoolDay,
    waitingDays: row.firstSchoolDay ? daysBetween(registeredOn, row.firstSchoolDay) : null,
  };
}

/** The school accepts the child from a start date; the seat is taken. */
export async function acceptPlacement(ctx: Ctx, placementId: string, startDate: string) {
  const placement = await placementForSchool(ctx, placementId, 'schooling.placement.decide');
  if (placement.status !== 'confirmed')
    throw new AppError('schooling.wrong_state', { params: { state: placement.status } });
  const child = await repo.findChild(ctx.db, placement.childId);
  if (!child) throw errors.notFound();
  if (startDate < child.registeredOn) throw new AppError('schooling.date_order', { field: 'body.startDate' });
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updatePlacement(tx.db, placementId, {
      status: 'accepted',
      startDate,
      decidedAt: tx.now,
      decidedBy: tx.actor.id,
    });
    if (placement.seatGroupId) await repo.takeSeat(tx.db, placement.seatGroupId);
    await repo.setChildrenState(tx.db, [placement.childId], 'accepted', tx.now);
    await mailFamily(tx, child, placement.schoolId, startDate);
    await audit(tx, {
      action: 'schooling.placement.accept',
      entityType: 'schooling_child',
      entityId: placement.childId,
      details: { placementId, schoolId: placement.schoolId },
    });
    return toPlacementReply(row, child.registeredOn);
  });
}

/** Tells the family (when it gave an e-mail address) that the school accepted, in its language and German. */
async function mailFamily(ctx: Ctx, child: repo.ChildRow, schoolId: string, startDate: string) {
  const family = await repo.findFamily(ctx.db, child.familyId);
  const [school] = await listSchools(ctx.db, schoolId);
  if (!family?.email || !school) return;
  const mail = placementMail(
    letterInput(ctx, { lang: family.letterLanguage, family, child, school, startDate }),
  );
  await queueMail(ctx, { to: family.email, ...mail });
}

/** The school refuses, with a reason; the child goes back to the waiting list. */
export async function refusePlacement(ctx: Ctx, placementId: string, reason: string) {
  const placement = await placementForSchool(ctx, placementId, 'schooling.placement.decide');
  if (placement.status !== 'confirmed')
    throw new AppError('schooling.wrong_state', { params: { state: placement.status } });
  const child = await repo.findChild(ctx.db, placement.childId);
  if (!child) throw errors.notFound();
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updatePlacement(tx.db, placementId, {
      status: 'refused',
      refusalReason: reason,
      decidedAt: tx.now,
      decidedBy: tx.actor.id,
    });
    await repo.setChildrenState(tx.db, [placement.childId], 'waiting', tx.now);
    await audit(tx, {
      action: 'schooling.placement.refuse',
      entityType: 'schooling_child',
      entityId: placement.childId,
      details: { placementId, schoolId: placement.schoolId },
    });
    return toPlacementReply(row, child.registeredOn);
  });
}

/** The first school day (by the school or a caseworker): the child attends, and the waiting time ends. */
export async function recordFirstDay(ctx: Ctx, placementId: string, date: string) {
  const placement = await placementForSchool(ctx, placementId, 'schooling.placement.first_day');
  if (placement.status !== 'accepted')
    throw new AppError('schooling.wrong_state', { params: { state: placement.status } });
  const child = await repo.findChild(ctx.db, placement.childId);
  if (!child) throw errors.notFound();
  if (date < child.registeredOn || date > cityDay(ctx))
    throw new AppError('schooling.date_order', { field: 'body.date' });
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updatePlacement(tx.db, placementId, { firstSchoolDay: date });
    await repo.updateChild(tx.db, placement.childId, {
      firstSchoolDay: date,
      state: 'attending',
      updatedAt: tx.now,
    });
    await audit(tx, {
      action: 'schooling.placement.first_day',
      entityType: 'schooling_child',
      entityId: placement.childId,
      details: { placementId, waitingDays: daysBetween(child.registeredOn, date) },
    });
    return toPlacementReply(row, child.registeredOn);
  });
}
