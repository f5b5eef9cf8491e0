/** Steps that several services share: state changes with their event, proposing, confirming. */
import { newCode } from '../../core/codes.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { findAccount } from '../platform/index.ts';
import * as repo from './guides.repository.ts';
import { type Dialect, dialectsOf, type RequestState } from './guides.terms.ts';
import { endOf, mailConfirmation, mailProposal } from './messages.ts';
import { guideSettings } from './settings.ts';

/** An unguessable follow code to read aloud: three groups of four without look-alikes (`K7QP-2MXD-9RTA`). */
export function newRequestCode(): string {
  return newCode(3);
}

/** A dialect only from the list of the request's language (guides.terms.ts). */
export function dialectOf(
  language: string,
  dialect: string | null | undefined,
  field: string,
): Dialect | null {
  if (!dialect) return null;
  const known = dialectsOf(language).find((d) => d === dialect);
  if (!known) throw errors.invalid(field, 'validation.invalid_value');
  return known;
}

/** The first word of a display name: what institutions and newcomers see of a guide. */
export const firstName = (displayName: string) => displayName.trim().split(/\s+/)[0] ?? '';

/** Changes a request's state and records who did it, when, and why (a code). */
export async function transition(
  tx: Ctx,
  request: repo.RequestRow,
  to: RequestState,
  reason: string | null = null,
  extra: Partial<repo.RequestRow> = {},
): Promise<repo.RequestRow> {
  await repo.updateRequest(tx.db, request.id, { ...extra, state: to, updatedAt: tx.now });
  await repo.insertRequestEvent(tx.db, {
    requestId: request.id,
    at: tx.now,
    actorId: tx.actor.id,
    actorRole: tx.actor.role,
    fromState: request.state,
    toState: to,
    reason,
  });
  return { ...request, ...extra, state: to, updatedAt: tx.now };
}

/** Whether an error is the database refusing a double booking (exclusion constraint or travel trigger). */
export function isDoubleBooking(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === '23P01') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The answer deadline from now: the city's answer time, but never after the appointment starts. */
function deadlineFor(tx: Ctx, request: repo.RequestRow): Date {
  const byRule = tx.now.getTime() + guideSettings(tx).proposalDeadlineHours * 3_600_000;
  return new Date(Math.max(tx.now.getTime() + 60_000, Math.min(byRule, request.startsAt.getTime())));
}

/** The request → proposed, and the proposal mail to the guide: what "offering" means to the people involved. */
async function offer(tx: Ctx, input: { request: repo.RequestRow; guideId: string; deadline: Date }) {
  await transition(tx, input.request, 'proposed', null, { unmatchedReasons: [] });
  const guide = await findAccount(tx.db, input.guideId);
  if (guide) {
    await mailProposal(
      tx,
      { email: guide.email, locale: guide.locale, name: guide.displayName },
      input.request,
      input.deadline,
    );
  }
}

/**
 * Offers a request to a guide: the proposal with its explanation and deadline, the request → proposed, and the
 * proposal mail. The deadline is the city's answer time, but never after the appointment starts. A `draft`
 * (a matching run's proposal under the coordinator's review) is only stored: no state change, no mail; the guide
 * sees nothing of it until sendDraft().
 */
export async function proposeToGuide(
  tx: Ctx,
  input: {
    request: repo.RequestRow;
    guideId: string;
    runId: string | null;
    explanation: Record<string, unknown>;
    draft?: boolean;
  },
): Promise<string> {
  const deadline = input.draft ? input.request.startsAt : deadlineFor(tx, input.request);
  const proposalId = await repo.insertProposal(tx.db, {
    requestId: input.request.id,
    guideId: input.guideId,
    runId: input.runId,
    createdAt: tx.now,
    deadline,
    status: input.draft ? 'draft' : 'pending',
    explanation: input.explanation,
  });
  if (!input.draft) await offer(tx, { request: input.request, guideId: input.guideId, deadline });
  return proposalId;
}

/** Sends a reviewed draft: pending with its deadline counted from now, the request → proposed, the mail. */
export async function sendDraft(tx: Ctx, input: { proposal: repo.ProposalRow; request: repo.RequestRow }) {
  const deadline = deadlineFor(tx, input.request);
  await repo.updateProposal(tx.db, input.proposal.id, { status: 'pending', deadline, createdAt: tx.now });
  await offer(tx, { request: input.request, guideId: input.proposal.guideId, deadline });
}

/**
 * Books a guide for a request: the assignment (the database refuses a double booking with 23P01 → 409
 * guides.double_booking), the request → confirmed, and the confirmation mails. Runs inside the caller's
 * transaction, with the request row locked by the caller.
 */
export async function confirmAssignment(
  tx: Ctx,
  input: { request: repo.RequestRow; guideId: string; proposalId: string | null },
): Promise<string> {
  const { request } = input;
  let assignmentId: string;
  try {
    // A savepoint, so that the refusal leaves the caller's transaction usable for its own error handling.
    assignmentId = await tx.db.transaction(async (inner) =>
      repo.insertAssignment(inner, {
        requestId: request.id,
        guideId: input.guideId,
        proposalId: input.proposalId,
        startsAt: request.startsAt,
        endsAt: endOf(request),
        placeLat: request.placeLat,
        placeLon: request.placeLon,
        state: 'confirmed',
        createdAt: tx.now,
      }),
    );
  } catch (error) {
    if (isDoubleBooking(error)) throw new AppError('guides.double_booking');
    throw error;
  }
  const confirmed = await transition(tx, request, 'confirmed', null, { unmatchedReasons: [] });
  const guide = await findAccount(tx.db, input.guideId);
  if (guide) {
    await mailConfirmation(tx, {
      request: confirmed,
      guideFirstName: firstName(guide.displayName),
      guide: { email: guide.email, locale: guide.locale, name: guide.displayName },
    });
  }
  return assignmentId;
}

/** The request must be in one of these states, or the step is refused with 409. */
export function requireState(request: repo.RequestRow, states: RequestState[]): void {
  if (!states.includes(request.state as RequestState)) {
    throw new AppError('guides.request_not_open', { params: { state: request.state } });
  }
}
