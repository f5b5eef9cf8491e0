import type { Tx } from '../../core/db.ts';
import { type Account, accountsByIds } from '../platform/index.ts';
import * as repo from './guides.repository.ts';

/** Every guide's profile with the guide's account, disabled accounts left out, ordered by name. */
export async function profilesWithAccounts(
  db: Tx,
): Promise<{ profile: repo.ProfileRow; account: Account }[]> {
  const profiles = await repo.listProfiles(db);
  const profileOf = new Map(profiles.map((profile) => [profile.userId, profile]));
  const accounts = await accountsByIds(
    db,
    profiles.map((profile) => profile.userId),
  );
  return accounts.flatMap((account) => {
    const profile = profileOf.get(account.id);
    return profile && !account.disabled ? [{ profile, account }] : [];
  });
}

/** Adds each row's guide account (by `guideId`) with one lookup for all rows, as an inner join would. */
export async function withGuideAccounts<T>(
  db: Tx,
  rows: T[],
  guideId: (row: T) => string,
): Promise<(T & { guide: Account })[]> {
  const accounts = new Map((await accountsByIds(db, rows.map(guideId))).map((a) => [a.id, a]));
  return rows.flatMap((row) => {
    const guide = accounts.get(guideId(row));
    return guide ? [{ ...row, guide }] : [];
  });
}
