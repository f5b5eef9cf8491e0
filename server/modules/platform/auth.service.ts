import { audit } from '../../core/audit.ts';
import { type Actor, type Ctx, inTransaction } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { translate } from '../../core/i18n.ts';
import { queueMail } from '../../core/mail.ts';
import { hashPassword, newToken, tokenHash, verifyPassword } from '../../core/passwords.ts';
import { authorize } from '../../core/policy.ts';
import type { Device } from './device.ts';
import { checkNewPassword } from './password-policy.ts';
import * as repo from './platform.repository.ts';
import type { Me } from './platform.schema.ts';
import type { OrganisationKind, Role } from '../../core/roles.ts';

const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const TOUCH_AFTER_MS = 5 * 60 * 1000;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;
const RESET_VALID_MS = 60 * 60 * 1000;
export const INVITE_VALID_MS = 7 * 24 * 60 * 60 * 1000;

/** The public view of a user row. */
export function toMe(row: repo.UserRow): Me {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind as OrganisationKind | null,
    locale: row.locale,
  };
}

/** The actor of a user row: role, and the organisation's id and kind that the policies decide on. */
function actorOf(row: repo.UserRow, sessionId: string | null): Actor {
  return {
    kind: 'user',
    id: row.id,
    role: row.role as Role,
    organisationId: row.organisationId,
    organisationKind: row.organisationKind as OrganisationKind | null,
    sessionId,
  };
}

/** Resolves a session cookie to an actor; sliding expiry, written at most every few minutes. */
export async function resolveSession(ctx: Ctx, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const session = await repo.findSessionUser(ctx.db, tokenHash(token), ctx.now);
  if (!session) return null;
  if (ctx.now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await repo.touchSession(
      ctx.db,
      session.sessionId,
      ctx.now,
      new Date(ctx.now.getTime() + SESSION_IDLE_MS),
    );
  }
  return actorOf(session, session.sessionId);
}

/** Signs in: rate-limited per account and address, the same answer whether or not the account exists. */
export async function logIn(
  ctx: Ctx,
  input: { email: string; password: string; device: Device },
): Promise<{ user: Me; token: string }> {
  authorize(ctx, 'auth.login');
  const failureKey = tokenHash(`${input.email.toLowerCase()}|${ctx.ip ?? ''}`);
  const since = new Date(ctx.now.getTime() - FAILURE_WINDOW_MS);
  if ((await repo.countRecentFailures(ctx.db, failureKey, since)) >= MAX_FAILURES) {
    await audit(ctx, { action: 'auth.login_blocked' });
    throw new AppError('auth.rate_limited');
  }
  const user = await repo.findUserByEmail(ctx.db, input.email);
  const usable = user && !user.disabledAt && !user.anonymisedAt ? user : undefined;
  const valid = await verifyPassword(usable?.passwordHash ?? null, input.password);
  if (!usable || !valid) {
    await repo.insertFailure(ctx.db, failureKey, ctx.now);
    await audit(ctx, { action: 'auth.login_failed' });
    throw new AppError('auth.invalid_credentials');
  }
  const token = newToken();
  await repo.clearFailures(ctx.db, failureKey);
  await repo.insertSession(ctx.db, {
    id: tokenHash(token),
    userId: usable.id,
    expiresAt: new Date(ctx.now.getTime() + SESSION_IDLE_MS),
    now: ctx.now,
    device: input.device,
  });
  await repo.updateUser(ctx.db, usable.id, { lastLoginAt: ctx.now });
  await audit(
    { ...ctx, actor: actorOf(usable, null) },
    { action: 'auth.login', entityType: 'user', entityId: usable.id },
  );
  return { user: toMe(usable), token };
}

/** Ends the current session. */
export async function logOut(ctx: Ctx): Promise<void> {
  authorize(ctx, 'auth.logout');
  if (ctx.actor.sessionId) await repo.deleteSession(ctx.db, ctx.actor.sessionId);
  await audit(ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id });
}

/** The signed-in user, or null for the public. */
export async function currentUser(ctx: Ctx): Promise<Me | null> {
  if (ctx.actor.kind !== 'user') return null;
  const row = await repo.findUserById(ctx.db, ctx.actor.id);
  return row ? toMe(row) : null;
}

/** The signed-in user's own account. */
export async function readMe(ctx: Ctx): Promise<Me> {
  authorize(ctx, 'me.read');
  const user = await currentUser(ctx);
  if (!user) throw new AppError('auth.unauthenticated');
  return user;
}

/** Changes one's own password and ends one's other sessions. */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  authorize(ctx, 'me.change_password');
  const userId = ctx.actor.id as string;
  const user = await repo.findUserById(ctx.db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('auth.wrong_password', { field: 'body.currentPassword' });
  }
  checkNewPassword(input.newPassword, user);
  await repo.updateUser(ctx.db, userId, { passwordHash: await hashPassword(input.newPassword) });
  await repo.deleteUserSessions(ctx.db, userId, ctx.actor.sessionId);
  await audit(ctx, { action: 'auth.password_changed', entityType: 'user', entityId: userId });
}

/**
 * Mails a reset link when the account exists; the answer is the same either way, and so is the request's work: one
 * lookup, then deferred work that runs after the answer — for an existing account the token, the outbox mail and
 * the audit entry in one transaction, for an unknown address a token hashed and dropped. So the answer's time
 * does not tell whether an account exists.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string }): Promise<void> {
  authorize(ctx, 'auth.request_password_reset');
  const user = await repo.findUserByEmail(ctx.db, input.email);
  const usable = user && !user.disabledAt && !user.anonymisedAt ? user : undefined;
  ctx.jobRunner.defer('auth.password_reset_mail', async () => {
    if (!usable) {
      tokenHash(newToken());
      return;
    }
    await inTransaction(ctx, async (tx) => {
      await sendPasswordLink(tx, usable, 'passwordReset', RESET_VALID_MS);
      await audit(tx, { action: 'auth.password_reset_requested', entityType: 'user', entityId: usable.id });
    });
  });
}

const MAIL_KEYS = {
  passwordReset: { subject: 'mail:passwordReset.subject', body: 'mail:passwordReset.body' },
  invitation: { subject: 'mail:invitation.subject', body: 'mail:invitation.body' },
} as const;

/** Creates a one-time token and mails its link in the user's language (reset, or invitation for new accounts). */
export async function sendPasswordLink(
  ctx: Ctx,
  user: { id: string; email: string; displayName: string; locale: string },
  kind: 'passwordReset' | 'invitation',
  validMs: number,
): Promise<void> {
  const token = newToken();
  // Without SMTP a reset mail stays in the outbox, undelivered: its link is dead from the start, so nobody who
  // can read the outbox can take the account over. (An invitation stays usable: an admin passes it on.)
  const held = !ctx.config.smtpUrl && kind === 'passwordReset';
  await repo.insertPasswordReset(ctx.db, {
    id: tokenHash(token),
    userId: user.id,
    expiresAt: new Date(ctx.now.getTime() + validMs),
    usedAt: held ? ctx.now : null,
    now: ctx.now,
  });
  const link = `${ctx.config.publicUrl}/password-reset/confirm?token=${token}`;
  const params = {
    name: user.displayName,
    link,
    hours: Math.round(validMs / 3_600_000),
    city: ctx.city.profile.branding.title,
  };
  await queueMail(ctx, {
    to: user.email,
    subject: translate(user.locale, MAIL_KEYS[kind].subject, params),
    text: translate(user.locale, MAIL_KEYS[kind].body, params),
  });
}

/** Sets a new password with a mailed token; every session of the account ends. */
export async function resetPassword(ctx: Ctx, input: { token: string; newPassword: string }): Promise<void> {
  authorize(ctx, 'auth.reset_password');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    const userId = await repo.consumePasswordReset(tx.db, tokenHash(input.token), tx.now);
    if (!userId) throw new AppError('auth.token_invalid', { field: 'body.token' });
    const user = await repo.findUserById(tx.db, userId);
    if (!user) throw new AppError('auth.token_invalid', { field: 'body.token' });
    // Refused here, the transaction rolls back and the link stays usable for a better password.
    checkNewPassword(input.newPassword, user);
    await repo.updateUser(tx.db, userId, { passwordHash });
    await repo.deleteUserSessions(tx.db, userId);
    await audit(tx, { action: 'auth.password_reset', entityType: 'user', entityId: userId });
  });
}
