import { audit } from '../../core/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import * as repo from './platform.repository.ts';

/** The signed-in user's live sessions: when they began, when last used, the coarse device, which is this one. */
export async function listSessions(ctx: Ctx) {
  authorize(ctx, 'me.sessions.list');
  const rows = await repo.listUserSessions(ctx.db, ctx.actor.id as string, ctx.now);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    browser: row.browser,
    system: row.system,
    current: row.id === ctx.actor.sessionId,
  }));
}

/** Ends one of the user's own sessions; another account's (or no) session is "not found". */
export async function endSession(ctx: Ctx, input: { id: string }): Promise<void> {
  authorize(ctx, 'me.sessions.end');
  const userId = ctx.actor.id as string;
  if (!(await repo.deleteUserSession(ctx.db, userId, input.id))) throw errors.notFound();
  await audit(ctx, {
    action: 'auth.session_ended',
    entityType: 'user',
    entityId: userId,
    details: { current: input.id === ctx.actor.sessionId },
  });
}

/** "Sign out everywhere else": ends every session of the user but this one. */
export async function endOtherSessions(ctx: Ctx): Promise<{ ended: number }> {
  authorize(ctx, 'me.sessions.end');
  const userId = ctx.actor.id as string;
  const ended = await repo.deleteUserSessions(ctx.db, userId, ctx.actor.sessionId);
  await audit(ctx, {
    action: 'auth.sessions_ended_elsewhere',
    entityType: 'user',
    entityId: userId,
    details: { count: ended },
  });
  return { ended };
}
