/**
 * At every start (the manifest's seedBase): every sealed counselling value must open with COUNSELLING_KEY or one of
 * COUNSELLING_OLD_KEYS — otherwise the server stops with a configuration error naming the setting, before a
 * counsellor meets a broken case — and values sealed with an old key are sealed again with the current one (the
 * key rotation: set the new COUNSELLING_KEY, move the old one to COUNSELLING_OLD_KEYS, start once, then drop it).
 */
import { ConfigError } from '../../core/config.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import * as repo from './counselling.repository.ts';
import { CounsellingSealError, currentKeyId, seal, sealedKeyId, unseal } from './seal.ts';

export async function prepareCounsellingSealing(ctx: Ctx): Promise<number> {
  const current = currentKeyId(ctx.config);
  return inTransaction(ctx, async (tx) => {
    const sealed = await repo.listSealed(tx.db);
    let resealed = 0;
    for (const table of Object.keys(sealed) as repo.SealedTable[]) {
      for (const row of sealed[table]) {
        let value: unknown;
        try {
          value = unseal(tx.config, row.sealed);
        } catch (error) {
          if (!(error instanceof CounsellingSealError)) throw error;
          throw new ConfigError(
            'COUNSELLING_KEY does not open the counselling module’s sealed case data: it was sealed with another key (put the earlier key into COUNSELLING_OLD_KEYS; without COUNSELLING_KEY the key comes from SEAL_KEY or SESSION_SECRET)',
          );
        }
        if (sealedKeyId(row.sealed) === current) continue;
        await repo.updateSealed(tx.db, table, row.id, seal(tx.config, value));
        resealed += 1;
      }
    }
    if (resealed > 0) ctx.logger.info({ resealed }, 'counselling data sealed with the current key');
    return resealed;
  });
}
