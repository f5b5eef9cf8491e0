import { audit } from '../../../core/audit.ts';
import { type Ctx, inTransaction } from '../../../core/context.ts';
import { AppError, errors } from '../../../core/errors.ts';
import { authorize } from '../../../core/policy.ts';
import { accountNames } from '../../platform/index.ts';
import * as guidesRepo from '../guides.repository.ts';
import { guideSettings } from '../settings.ts';
import { transition } from '../workflow.ts';
import * as repo from './after.repository.ts';
import type { FeedbackSide } from '../guides.terms.ts';

const DAY_MS = 86_400_000;

type Assignment = NonNullable<Awaited<ReturnType<typeof repo.findAssignment>>>;

async function assignmentOr404(ctx: Ctx, id: string): Promise<Assignment> {
  const assignment = await repo.findAssignment(ctx.db, id);
  if (!assignment) throw errors.notFound('assignment');
  return assignment;
}

async function assignmentByCode(ctx: Ctx, code: string): Promise<Assignment> {
  const id = await repo.findAssignmentIdByCode(ctx.db, code);
  if (!id) throw errors.notFound('assignment');
  return assignmentOr404(ctx, id);
}

const resourceOf = (assignment: Assignment) => ({
  guideId: assignment.guideId,
  organisationId: assignment.organisationId,
});

/** What both sides see after an appointment: the logged time, its confirmation, who gave feedback (not what). */
async function afterState(ctx: Ctx, assignment: Assignment) {
  const [time, sides] = await Promise.all([
    repo.findTimeLog(ctx.db, assignment.id),
    repo.feedbackSides(ctx.db, assignment.id),
  ]);
  return {
    assignmentId: assignment.id,
    start: assignment.startsAt.toISOString(),
    canLog: assignment.state !== 'cancelled' && assignment.startsAt <= ctx.now,
    time: time
      ? {
          minutes: time.minutes,
          travelKm: time.travelKm,
          loggedAt: time.loggedAt.toISOString(),
          confirmedAt: time.confirmedAt?.toISOString() ?? null,
        }
      : null,
    feedbackGiven: { guide: sides.includes('guide'), requester: sides.includes('requester') },
  };
}

async function assignmentOfRequest(ctx: Ctx, requestId: string): Promise<Assignment> {
  const id = await repo.findAssignmentIdByRequest(ctx.db, requestId);
  if (!id) throw errors.notFound('assignment');
  return assignmentOr404(ctx, id);
}

/** The after-appointment state for the guide of the assignment (or a coordinator). */
export async function getAfterForGuide(ctx: Ctx, assignmentId: string) {
  authorize(ctx, 'guides.after.use');
  const assignment = await assignmentOr404(ctx, assignmentId);
  authorize(ctx, 'guides.after.guide_read', resourceOf(assignment));
  return afterState(ctx, assignment);
}

/** The after-appointment state of a request for the organisation that asked (or a coordinator). */
export async function getAfterForRequester(ctx: Ctx, requestId: string) {
  authorize(ctx, 'guides.after.use');
  const assignment = await assignmentOfRequest(ctx, requestId);
  authorize(ctx, 'guides.after.requester_read', resourceOf(assignment));
  return afterState(ctx, assignment);
}

/** The after-appointment state for the newcomer who holds the request's code. */
export async function getAfterStateByCode(ctx: Ctx, code: string) {
  authorize(ctx, 'guides.after.by_code');
  return afterState(ctx, await assignmentByCode(ctx, code));
}

/** Logged time closes the appointment: the assignment and the request become done (confirmed → done). */
async function markDone(tx: Ctx, assignment: Assignment): Promise<void> {
  if (assignment.state === 'confirmed') {
    await guidesRepo.updateAssignment(tx.db, assignment.id, { state: 'done' });
  }
  const request = await guidesRepo.lockRequest(tx.db, assignment.requestId);
  if (request?.state === 'confirmed') await transition(tx, request, 'done', 'time_logged');
}

/**
 * The guide logs actual time and travel, once the appointment has begun and while they may still see it (until
 * `visibleDaysAfter` days after). A changed log needs the requester's confirmation again.
 */
export async function logTime(ctx: Ctx, input: { id: string; minutes: number; travelKm: number }) {
  authorize(ctx, 'guides.after.use');
  const assignment = await assignmentOr404(ctx, input.id);
  authorize(ctx, 'guides.after.log_time', resourceOf(assignment));
  if (assignment.state === 'cancelled') {
    throw new AppError('guides.request_not_open', { params: { state: 'cancelled' } });
  }
  if (assignment.startsAt > ctx.now) throw new AppError('guides.too_early', { field: 'params.id' });
  const visibleUntil = assignment.endsAt.getTime() + guideSettings(ctx).visibleDaysAfter * DAY_MS;
  if (ctx.now.getTime() > visibleUntil) throw errors.forbidden();
  return inTransaction(ctx, async (tx) => {
    await repo.upsertTimeLog(tx.db, {
      assignmentId: assignment.id,
      minutes: input.minutes,
      travelKm: Math.round(input.travelKm * 10) / 10,
      loggedAt: tx.now,
      loggedBy: tx.actor.id,
    });
    await markDone(tx, assignment);
    await audit(tx, {
      action: 'guides.time.log',
      entityType: 'guide_assignment',
      entityId: assignment.id,
      details: { minutes: input.minutes, travelKm: input.travelKm },
    });
    return afterState(tx, assignment);
  });
}

async function confirm(ctx: Ctx, assignment: Assignment) {
  return inTransaction(ctx, async (tx) => {
    const time = await repo.findTimeLog(tx.db, assignment.id);
    if (!time) throw new AppError('guides.nothing_logged');
    if (!time.confirmedAt) await repo.confirmTimeLog(tx.db, assignment.id, tx.now, tx.actor.id);
    await audit(tx, {
      action: 'guides.time.confirm',
      entityType: 'guide_assignment',
      entityId: assignment.id,
    });
    return afterState(tx, assignment);
  });
}

/** The requesting organisation (or a coordinator) confirms the time the guide logged. */
export async function confirmTime(ctx: Ctx, requestId: string) {
  authorize(ctx, 'guides.after.use');
  const assignment = await assignmentOfRequest(ctx, requestId);
  authorize(ctx, 'guides.after.confirm_time', resourceOf(assignment));
  return confirm(ctx, assignment);
}

/** The newcomer confirms the logged time with the request's code. */
export async function confirmTimeByCode(ctx: Ctx, code: string) {
  authorize(ctx, 'guides.after.by_code');
  return confirm(ctx, await assignmentByCode(ctx, code));
}

async function addFeedback(
  ctx: Ctx,
  assignment: Assignment,
  side: FeedbackSide,
  input: { rating: number; comment: string | null },
) {
  if (assignment.startsAt > ctx.now) throw new AppError('guides.too_early', { field: 'params.id' });
  return inTransaction(ctx, async (tx) => {
    const added = await repo.insertFeedback(tx.db, {
      assignmentId: assignment.id,
      side,
      rating: input.rating,
      comment: input.comment || null,
      authorId: tx.actor.id,
      createdAt: tx.now,
    });
    if (!added) throw errors.exists('body.rating');
    await audit(tx, {
      action: 'guides.feedback.give',
      entityType: 'guide_assignment',
      entityId: assignment.id,
      details: { side },
    });
  });
}

/** Feedback from the guide about the appointment. */
export async function giveGuideFeedback(
  ctx: Ctx,
  input: { id: string; rating: number; comment: string | null },
) {
  authorize(ctx, 'guides.after.use');
  const assignment = await assignmentOr404(ctx, input.id);
  authorize(ctx, 'guides.after.guide_feedback', resourceOf(assignment));
  await addFeedback(ctx, assignment, 'guide', input);
}

/** Feedback from the organisation that asked, about the guide's work. */
export async function giveRequesterFeedback(
  ctx: Ctx,
  input: { requestId: string; rating: number; comment: string | null },
) {
  authorize(ctx, 'guides.after.use');
  const assignment = await assignmentOfRequest(ctx, input.requestId);
  authorize(ctx, 'guides.after.requester_feedback', resourceOf(assignment));
  await addFeedback(ctx, assignment, 'requester', input);
}

/** Feedback from the newcomer, with the request's code. */
export async function giveFeedbackByCode(
  ctx: Ctx,
  input: { code: string; rating: number; comment: string | null },
) {
  authorize(ctx, 'guides.after.by_code');
  await addFeedback(ctx, await assignmentByCode(ctx, input.code), 'requester', input);
}

/** Feedback of a period, for coordinators only (the staff read is audited). */
export async function listFeedback(ctx: Ctx, input: { from?: string; to?: string }) {
  authorize(ctx, 'guides.after.feedback_list');
  const to = input.to ? new Date(`${input.to}T23:59:59.999Z`) : ctx.now;
  const from = input.from ? new Date(`${input.from}T00:00:00Z`) : new Date(to.getTime() - 90 * DAY_MS);
  const items = await repo.listFeedback(ctx.db, from, to);
  const names = await accountNames(
    ctx.db,
    items.map((item) => item.guideId),
  );
  await audit(ctx, { action: 'read', entityType: 'guide_feedback', details: { count: items.length } });
  return items.map((item) => ({
    id: item.id,
    assignmentId: item.assignmentId,
    side: item.side as FeedbackSide,
    rating: item.rating,
    comment: item.comment,
    createdAt: item.createdAt.toISOString(),
    guideId: item.guideId,
    guideName: names.get(item.guideId) ?? '',
    start: item.startsAt.toISOString(),
    language: item.language,
    topic: item.topic,
  }));
}
