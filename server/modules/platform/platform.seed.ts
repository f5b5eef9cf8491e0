import { appMeta } from '../../core/core.tables.ts';
import type { Ctx } from '../../core/context.ts';
import { hashPassword } from '../../core/passwords.ts';
import * as repo from './platform.repository.ts';

/** The city's UI languages, at every start. */
export async function seedLocales(ctx: Ctx): Promise<void> {
  for (const [position, language] of ctx.city.profile.languages.entries()) {
    await repo.upsertLocale(ctx.db, { ...language, position });
  }
}

/** Demo organisations and one account per role, from the city profile's demo.json. */
export async function seedDemoAccounts(ctx: Ctx): Promise<void> {
  const { demo } = ctx.city;
  for (const organisation of demo.organisations) await repo.upsertOrganisation(ctx.db, organisation);
  await ensureDemoAccounts(ctx, demo.accounts);
  await ctx.db
    .insert(appMeta)
    .values({ key: 'platform.demo_accounts', value: demo.accounts.map((a) => a.email) })
    .onConflictDoNothing();
}

/**
 * For other modules' demo seeds too (e.g. one account per demo school): accounts that sign in with the city's demo
 * password. An e-mail address that already has an account is left as it is.
 */
export async function ensureDemoAccounts(
  ctx: Ctx,
  accounts: readonly {
    email: string;
    displayName: string;
    role: string;
    organisationId: string | null;
    locale: string;
  }[],
): Promise<void> {
  if (accounts.length === 0) return;
  const passwordHash = await hashPassword(ctx.city.demo.password);
  for (const account of accounts) {
    if (await repo.findUserByEmail(ctx.db, account.email)) continue;
    await repo.insertUser(ctx.db, { ...account, passwordHash, createdAt: ctx.now });
  }
}

/** For other modules' seeds: an organisation that exists afterwards (kept as it is when it already did). */
export async function ensureOrganisation(
  ctx: Ctx,
  organisation: { id: string; name: string; kind: string; districtId: string | null },
) {
  await repo.upsertOrganisation(ctx.db, organisation);
}
