import { audit, auditRead } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import type { PersonalData, RetentionHandler } from '../../core/module.ts';
import { authorize } from '../../core/policy.ts';
import { ownConsent } from './platform.policy.ts';
import * as repo from './platform.repository.ts';
import { type ConsentChannel, RECORDED_CHANNELS } from './platform.terms.ts';

type ConsentRow = NonNullable<Awaited<ReturnType<typeof repo.findConsent>>>;

function toConsent(row: ConsentRow, now: Date) {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    purpose: row.purpose,
    dataCategories: row.dataCategories,
    givenAt: row.givenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    channel: row.channel,
    valid: !row.withdrawnAt && row.givenAt <= now && row.expiresAt >= now,
  };
}

/** A person's consents, newest first. */
export async function listConsents(ctx: Ctx, input: { subjectType: string; subjectId: string }) {
  authorize(ctx, 'consents.list', input);
  const rows = await repo.listConsents(ctx.db, input.subjectType, input.subjectId);
  await auditRead(ctx, `consents.${input.subjectType}`, input.subjectId);
  return rows.map((row) => toConsent(row, ctx.now));
}

/**
 * How the consent was given: one's own is "self"; a caseworker recording someone else's names the channel the
 * person gave it by (in person, on paper, by phone); the system records the public form's.
 */
function consentChannel(
  ctx: Ctx,
  input: { subjectType: string; subjectId: string; channel?: ConsentChannel | undefined },
): ConsentChannel {
  if (ownConsent(ctx.actor, input)) {
    if (input.channel && input.channel !== 'self')
      throw new AppError('validation.invalid_value', { field: 'body.channel' });
    return 'self';
  }
  if (ctx.actor.kind === 'system') return input.channel ?? 'online_form';
  if (!input.channel) throw new AppError('validation.required', { field: 'body.channel' });
  if (!(RECORDED_CHANNELS as readonly string[]).includes(input.channel))
    throw new AppError('validation.invalid_value', { field: 'body.channel' });
  return input.channel;
}

/** Records a consent given now, for one purpose and some data, until an expiry. */
export async function recordConsent(
  ctx: Ctx,
  input: {
    subjectType: string;
    subjectId: string;
    purpose: string;
    dataCategories: string[];
    expiresAt: string;
    channel?: ConsentChannel | undefined;
  },
) {
  authorize(ctx, 'consents.record', input);
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= ctx.now) throw new AppError('validation.invalid_value', { field: 'body.expiresAt' });
  const channel = consentChannel(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertConsent(tx.db, {
      ...input,
      channel,
      expiresAt,
      givenAt: tx.now,
      recordedBy: tx.actor.id,
    });
    if (!row) throw errors.notFound();
    await audit(tx, {
      action: 'consent.record',
      entityType: 'consent',
      entityId: row.id,
      details: { purpose: input.purpose, channel },
    });
    return toConsent(row, tx.now);
  });
}

/** Withdraws a consent; steps that need it refuse from now on. */
export async function withdrawConsent(ctx: Ctx, input: { id: string }) {
  const existing = await repo.findConsent(ctx.db, input.id);
  authorize(ctx, 'consents.withdraw', existing);
  if (!existing) throw errors.notFound();
  return inTransaction(ctx, async (tx) => {
    const row = await repo.withdrawConsentRow(tx.db, input.id, tx.now);
    if (!row) throw new AppError('consent.withdrawn');
    await audit(tx, { action: 'consent.withdraw', entityType: 'consent', entityId: row.id });
    return toConsent(row, tx.now);
  });
}

/** For other modules: refuses a step unless a valid consent for the purpose exists. */
export async function requireConsent(
  ctx: Ctx,
  input: { subjectType: string; subjectId: string; purpose: string },
) {
  const found = await repo.findValidConsent(
    ctx.db,
    input.subjectType,
    input.subjectId,
    input.purpose,
    ctx.now,
  );
  if (!found) throw new AppError('consent.required', { params: { purpose: input.purpose } });
}

/** What the platform holds about a user. */
export const platformPersonalData: PersonalData = {
  async export(ctx, userId) {
    const user = await repo.findUserById(ctx.db, userId);
    if (!user) return {};
    const { passwordHash: _hash, ...account } = user;
    const consents = await repo.listConsents(ctx.db, 'user', userId);
    const actions = await repo.auditEntriesOfActor(ctx.db, userId);
    return {
      account,
      consents: consents.map((row) => toConsent(row, ctx.now)),
      // What the person did, not whom it concerned: other people's ids stay out of the export.
      actions: actions.map(({ at, action, entityType, entityId }) => ({
        at,
        action,
        entityType,
        ...(entityId === userId ? { entityId } : {}),
      })),
    };
  },
  async erase(ctx, userId) {
    await repo.deleteUserSessions(ctx.db, userId);
    await repo.deletePasswordResetsOfUser(ctx.db, userId);
    await repo.deleteConsentsOfSubject(ctx.db, 'user', userId);
    await repo.updateUser(ctx.db, userId, {
      email: `erased-${userId}@invalid`,
      displayName: '',
      passwordHash: null,
      disabledAt: ctx.now,
      anonymisedAt: ctx.now,
    });
  },
};

/** Exports everything the modules hold about a person, as JSON (audited). */
export async function exportPerson(ctx: Ctx, sources: PersonalData[], userId: string) {
  authorize(ctx, 'people.export');
  if (!(await repo.findUserById(ctx.db, userId))) throw errors.notFound();
  const parts = await Promise.all(sources.map((source) => source.export(ctx, userId)));
  await audit(ctx, { action: 'person.export', entityType: 'user', entityId: userId });
  return Object.assign({ exportedAt: ctx.now.toISOString(), userId }, ...parts) as Record<string, unknown>;
}

/** Erases a person's data in every module in one transaction (the audit log keeps only ids). */
export async function erasePerson(ctx: Ctx, sources: PersonalData[], userId: string): Promise<void> {
  authorize(ctx, 'people.erase');
  if (userId === ctx.actor.id) throw new AppError('auth.forbidden');
  if (!(await repo.findUserById(ctx.db, userId))) throw errors.notFound();
  await inTransaction(ctx, async (tx) => {
    for (const source of sources) await source.erase(tx, userId);
    await audit(tx, { action: 'person.erase', entityType: 'user', entityId: userId });
  });
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** The platform's retention rules, by their key in the city profile. */
export const platformRetention: Record<string, RetentionHandler> = {
  'platform.sessions': (ctx, rule) => repo.deleteOldSessions(ctx.db, ctx.now, daysAgo(ctx.now, rule.days)),
  'platform.password_resets': (ctx, rule) =>
    repo.deleteOldPasswordResets(ctx.db, daysAgo(ctx.now, rule.days)),
  'platform.login_failures': (ctx, rule) => repo.deleteOldLoginFailures(ctx.db, daysAgo(ctx.now, rule.days)),
  'platform.outbox': (ctx, rule) => repo.deleteOldOutbox(ctx.db, daysAgo(ctx.now, rule.days)),
  'platform.consents': (ctx, rule) => repo.deleteEndedConsents(ctx.db, daysAgo(ctx.now, rule.days)),
  'platform.inactive_accounts': async (ctx, rule) => {
    const due = await repo.findInactiveResidents(ctx.db, daysAgo(ctx.now, rule.days));
    for (const { id } of due) await platformPersonalData.erase(ctx, id);
    return due.length;
  },
};
