import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { INVITE_VALID_MS, sendPasswordLink, toMe } from './auth.service.ts';
import { findOrganisationById } from './lookups.ts';
import * as repo from './platform.repository.ts';
import type { Me } from './platform.schema.ts';
import type { Role } from '../../core/roles.ts';

const ORGANISATION_ROLES: readonly string[] = ['institution', 'association', 'caseworker'];

export type AdminUser = Me & { disabled: boolean; createdAt: string; lastLoginAt: string | null };

function toAdminUser(row: repo.UserRow): AdminUser {
  return {
    ...toMe(row),
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

/** Changes one's own language or display name. */
export async function updateMe(ctx: Ctx, input: { locale?: string; displayName?: string }): Promise<Me> {
  authorize(ctx, 'me.update');
  const userId = ctx.actor.id as string;
  if (input.locale && !ctx.city.profile.languages.some((l) => l.code === input.locale)) {
    throw new AppError('validation.invalid_value', { field: 'body.locale' });
  }
  const changes = {
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.displayName ? { displayName: input.displayName } : {}),
  };
  if (Object.keys(changes).length) await repo.updateUser(ctx.db, userId, changes);
  await audit(ctx, { action: 'user.update_self', entityType: 'user', entityId: userId });
  const row = await repo.findUserById(ctx.db, userId);
  if (!row) throw errors.notFound();
  return toMe(row);
}

/** Admin: lists accounts. The list is a staff read of personal records, so it is audited. */
export async function listUsers(
  ctx: Ctx,
  input: { q?: string; role?: string; page: number; per_page: number },
) {
  authorize(ctx, 'users.list');
  const { items, total } = await repo.listUsers(ctx.db, {
    ...(input.q ? { q: input.q } : {}),
    ...(input.role ? { role: input.role } : {}),
    limit: input.per_page,
    offset: (input.page - 1) * input.per_page,
  });
  await audit(ctx, { action: 'users.list', entityType: 'user', details: { count: items.length } });
  return { items: items.map(toAdminUser), total, page: input.page, perPage: input.per_page };
}

async function checkOrganisation(ctx: Ctx, role: string, organisationId: string | null): Promise<void> {
  if (ORGANISATION_ROLES.includes(role) && !organisationId) {
    throw new AppError('validation.required', { field: 'body.organisationId' });
  }
  if (organisationId && !(await findOrganisationById(ctx.db, organisationId))) {
    throw new AppError('validation.invalid_value', { field: 'body.organisationId' });
  }
}

/** Admin: creates an account and mails an invitation to set a password. */
export async function createUser(
  ctx: Ctx,
  input: { email: string; displayName: string; role: Role; organisationId: string | null; locale: string },
): Promise<AdminUser> {
  authorize(ctx, 'users.create');
  await checkOrganisation(ctx, input.role, input.organisationId);
  if (await repo.findUserByEmail(ctx.db, input.email)) throw errors.exists('body.email');
  return inTransaction(ctx, async (tx) => {
    const id = await repo.insertUser(tx.db, { ...input, createdAt: tx.now });
    await sendPasswordLink(tx, { id, ...input }, 'invitation', INVITE_VALID_MS);
    await audit(tx, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      details: { role: input.role },
    });
    const row = await repo.findUserById(tx.db, id);
    if (!row) throw errors.notFound();
    return toAdminUser(row);
  });
}

/** Admin: changes role, organisation or whether the account may sign in. */
export async function updateUser(
  ctx: Ctx,
  input: { id: string; role?: Role; organisationId?: string | null; disabled?: boolean },
): Promise<AdminUser> {
  authorize(ctx, 'users.update');
  const existing = await repo.findUserById(ctx.db, input.id);
  if (!existing) throw errors.notFound();
  if (input.id === ctx.actor.id && (input.disabled || (input.role && input.role !== 'admin'))) {
    // An admin cannot lock themselves out.
    throw new AppError('auth.forbidden');
  }
  const role = input.role ?? existing.role;
  const organisationId = input.organisationId === undefined ? existing.organisationId : input.organisationId;
  await checkOrganisation(ctx, role, organisationId);
  return inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, input.id, {
      role,
      organisationId,
      ...(input.disabled === undefined ? {} : { disabledAt: input.disabled ? tx.now : null }),
    });
    if (input.disabled) await repo.deleteUserSessions(tx.db, input.id);
    await audit(tx, {
      action: 'user.update',
      entityType: 'user',
      entityId: input.id,
      details: { role, organisationId, disabled: input.disabled ?? null },
    });
    const row = await repo.findUserById(tx.db, input.id);
    if (!row) throw errors.notFound();
    return toAdminUser(row);
  });
}
