/**
 * At every start (the manifest's seedBase): the counselling module's sealed values must open with COUNSELLING_KEY
 * or one of COUNSELLING_OLD_KEYS — otherwise the server stops with a configuration error naming the setting, before
 * a counsellor meets a broken case — and values sealed with an old key are sealed again with the current one (the
 * key rotation: set the new COUNSELLING_KEY, move the old one to COUNSELLING_OLD_KEYS, start once, then drop it).
 *
 * The check stays cheap at any size: per table, one grouped scan of the values' key ids (their first characters,
 * nothing decrypted) tells which keys sealed them; every key id must be the current key's or an old key's, and one
 * value per key id is opened to prove the key opens it (a key id is a fingerprint of 32 bits). Only values of an old
 * key are opened and sealed again, in pages of RESEAL_PAGE rows, all in one transaction.
 */
import { ConfigError } from '../../core/config.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import * as repo from './counselling.repository.ts';
import { CounsellingSealError, currentKeyId, seal, unseal } from './seal.ts';

/** How many values are sealed again per read and write during a rotation. */
export const RESEAL_PAGE = 1000;

const wrongKey = () =>
  new ConfigError(
    'COUNSELLING_KEY does not open the counselling module’s sealed case data: it was sealed with another key (put the earlier key into COUNSELLING_OLD_KEYS; without COUNSELLING_KEY the key comes from SEAL_KEY or SESSION_SECRET)',
  );

function opened(ctx: Ctx, sealed: string): unknown {
  try {
    return unseal(ctx.config, sealed);
  } catch (error) {
    if (error instanceof CounsellingSealError) throw wrongKey();
    throw error;
  }
}

export async function prepareCounsellingSealing(ctx: Ctx): Promise<number> {
  const current = currentKeyId(ctx.config);
  return inTransaction(ctx, async (tx) => {
    let resealed = 0;
    // Reasons kept in plain text before break-glass reasons were sealed: sealed once, here.
    const plain = await repo.listPlainBreakGlassReasons(tx.db);
    await repo.updateSealedPage(
      tx.db,
      'breakGlass',
      plain.map((row) => ({ id: row.id, sealed: seal(tx.config, row.reason) })),
    );
    resealed += plain.length;
    for (const table of repo.SEALED_TABLES) {
      const keys = await repo.sealedKeys(tx.db, table);
      for (const key of keys) opened(tx, key.sample);
      if (keys.every((key) => key.keyId === current)) continue;
      let afterId: string | null = null;
      for (;;) {
        const page = await repo.sealedWithOtherKey(tx.db, table, current, afterId, RESEAL_PAGE);
        if (page.length === 0) break;
        await repo.updateSealedPage(
          tx.db,
          table,
          page.map((row) => ({ id: row.id, sealed: seal(tx.config, opened(tx, row.sealed)) })),
        );
        resealed += page.length;
        afterId = page[page.length - 1]?.id ?? null;
      }
    }
    if (resealed > 0) ctx.logger.info({ resealed }, 'counselling data sealed with the current key');
    return resealed;
  });
}
