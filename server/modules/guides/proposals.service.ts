import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { withGuideAccounts } from './accounts.ts';
import * as repo from './guides.repository.ts';
import type * as s from './guides.schema.ts';
import { offerToNextGuide } from './matching.service.ts';
import { mailReminder } from './messages.ts';
import { guideSettings } from './settings.ts';
import { confirmAssignment, requireState, transition } from './workflow.ts';

/** Only what the appointment needs: time, place, language, topic, the newcomer's first name, the contact. */
function appointment(request: repo.RequestRow) {
  return {
    start: request.startsAt.toISOString(),
    end: new Date(request.startsAt.getTime() + request.durationMinutes * 60_000).toISOString(),
    address: request.placeAddress,
    lat: request.placeLat,
    lon: request.placeLon,
    districtId: request.districtId,
    language: request.language,
    dialect: request.dialect,
    topic: request.topic,
    mode: request.mode,
    newcomerFirstName: request.newcomerFirstName,
    contactOnDay: request.contactOnDay,
  };
}

/** The start of what a guide may still see: appointments that ended at most N days ago. */
const visibleFrom = (ctx: Ctx) =>
  new Date(ctx.now.getTime() - guideSettings(ctx).visibleDaysAfter * 86_400_000);

/** The signed-in guide's open proposals. */
export async function listOwnProposals(ctx: Ctx) {
  authorize(ctx, 'guides.proposals.own');
  const rows = await repo.listProposalsOfGuide(ctx.db, ctx.actor.id as string, visibleFrom(ctx));
  return {
    items: rows
      .filter(({ proposal }) => proposal.status === 'pending')
      .map(({ proposal, request }) => ({
        id: proposal.id,
        status: proposal.status as 'pending',
        deadline: proposal.deadline.toISOString(),
        explanation: proposal.explanation,
        appointment: appointment(request),
      })),
  };
}

/** The signed-in guide's appointments, until 30 days after each. */
export async function listOwnAssignments(ctx: Ctx) {
  authorize(ctx, 'guides.proposals.own');
  const rows = await repo.listAssignmentsOfGuide(ctx.db, ctx.actor.id as string, visibleFrom(ctx));
  return {
    items: rows.map(({ assignment, request }) => ({
      id: assignment.id,
      requestId: request.id,
      state: assignment.state,
      appointment: appointment(request),
    })),
  };
}

async function openProposal(tx: Ctx, id: string) {
  const proposal = await repo.lockProposal(tx.db, id);
  authorize(tx, 'guides.proposals.respond', proposal);
  if (!proposal) throw errors.notFound();
  if (proposal.status !== 'pending' || proposal.deadline < tx.now)
    throw new AppError('guides.proposal_closed');
  const request = await repo.lockRequest(tx.db, proposal.requestId);
  if (!request) throw errors.notFound();
  return { proposal, request };
}

/** The guide accepts: the assignment (refused by the database if it would double-book), confirmation mails. */
export async function acceptProposal(ctx: Ctx, id: string) {
  authorize(ctx, 'guides.proposals.own');
  return inTransaction(ctx, async (tx) => {
    const { proposal, request } = await openProposal(tx, id);
    requireState(request, ['proposed']);
    await repo.updateProposal(tx.db, id, { status: 'accepted', respondedAt: tx.now });
    const assignmentId = await confirmAssignment(tx, { request, guideId: proposal.guideId, proposalId: id });
    await audit(tx, { action: 'guide_proposal.accept', entityType: 'guide_proposal', entityId: id });
    return { assignmentId };
  });
}

/** The guide declines with a reason; the next best guide gets the request, or it goes back to open. */
export async function declineProposal(ctx: Ctx, id: string, input: z.infer<typeof s.declineBody>) {
  authorize(ctx, 'guides.proposals.own');
  await inTransaction(ctx, async (tx) => {
    const { request } = await openProposal(tx, id);
    await repo.updateProposal(tx.db, id, {
      status: 'declined',
      respondedAt: tx.now,
      declineReason: input.reason,
    });
    await offerToNextGuide(tx, request, { afterDecline: true });
    await audit(tx, {
      action: 'guide_proposal.decline',
      entityType: 'guide_proposal',
      entityId: id,
      details: { reason: input.reason },
    });
  });
}

/** Job: proposals past their deadline expire, and the request goes to the next best guide. */
export async function expireProposals(ctx: Ctx): Promise<Record<string, number>> {
  authorize(ctx, 'guides.jobs');
  const due = await repo.listDuePendingProposals(ctx.db, ctx.now);
  let expired = 0;
  for (const row of due) {
    await inTransaction(ctx, async (tx) => {
      const proposal = await repo.lockProposal(tx.db, row.id);
      if (proposal?.status !== 'pending') return;
      await repo.updateProposal(tx.db, row.id, { status: 'expired', respondedAt: tx.now });
      const request = await repo.lockRequest(tx.db, proposal.requestId);
      if (request?.state === 'proposed') {
        if (request.startsAt > tx.now) await offerToNextGuide(tx, request, { afterDecline: true });
        else await transition(tx, request, 'open', 'expired', { unmatchedReasons: ['all_busy'] });
      }
      expired++;
    });
  }
  return { expired };
}

/** Job: the reminder before each confirmed appointment, to the guide and the requester, once. */
export async function sendReminders(ctx: Ctx): Promise<Record<string, number>> {
  authorize(ctx, 'guides.jobs');
  const lead = guideSettings(ctx).reminderLeadHours * 3_600_000;
  const due = await withGuideAccounts(
    ctx.db,
    await repo.listAssignmentsToRemind(ctx.db, ctx.now, new Date(ctx.now.getTime() + lead)),
    (row) => row.assignment.guideId,
  );
  let sent = 0;
  for (const { assignment, request, guide } of due) {
    await inTransaction(ctx, async (tx) => {
      if (!(await repo.markAssignmentReminded(tx.db, assignment.id, tx.now))) return;
      await mailReminder(tx, { email: guide.email, locale: guide.locale }, request, true);
      if (request.requesterEmail) {
        await mailReminder(
          tx,
          { email: request.requesterEmail, locale: request.requesterLocale },
          request,
          false,
        );
      }
      sent++;
    });
  }
  return { reminded: sent };
}
