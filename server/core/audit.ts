import type { Ctx } from './context.ts';
import { auditLog } from './core.tables.ts';

export type AuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string | null;
  /** Ids and counts only: no names, addresses or free text. */
  details?: Record<string, string | number | boolean | null>;
};

/** Appends to the audit log, inside the caller's transaction when there is one. */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditLog).values({
    at: ctx.now,
    actorId: ctx.actor.id,
    actorRole: ctx.actor.role,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    details: entry.details ?? {},
  });
}

/** Records that staff read a person's record; public and self reads are not staff reads. */
export async function auditRead(ctx: Ctx, entityType: string, entityId: string): Promise<void> {
  if (ctx.actor.kind !== 'user' || ctx.actor.id === entityId) return;
  await audit(ctx, { action: 'read', entityType, entityId });
}
