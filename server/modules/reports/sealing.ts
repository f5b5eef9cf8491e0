/**
 * At every start (the manifest's seedBase): the seal key must open what is sealed — otherwise the server stops with
 * a configuration error naming SEAL_KEY, before a counsellor meets a broken case — and photos stored before photos
 * were sealed are sealed now.
 */
import { ConfigError } from '../../core/config.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import * as repo from './reports.repository.ts';
import { SealError, sealBytes, unseal, unsealBytes } from './seal.ts';

async function checkSealKey(ctx: Ctx): Promise<void> {
  const [contact, photo] = await Promise.all([repo.firstContact(ctx.db), repo.firstSealedPhoto(ctx.db)]);
  try {
    if (contact) unseal(ctx.config, contact.sealed);
    if (photo) unsealBytes(ctx.config, photo.bytes);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new ConfigError(
      'SEAL_KEY does not open the reports’ sealed contacts and photos: they were sealed with another key (without SEAL_KEY, the key comes from SESSION_SECRET)',
    );
  }
}

async function sealLegacyPhotos(ctx: Ctx): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    for (const photo of await repo.listUnsealedPhotos(tx.db))
      await repo.updatePhotoBytes(tx.db, photo.id, sealBytes(tx.config, photo.bytes));
  });
}

export async function prepareSealing(ctx: Ctx): Promise<void> {
  await checkSealKey(ctx);
  await sealLegacyPhotos(ctx);
}
