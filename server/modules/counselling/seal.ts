/**
 * Counselling data sealed at rest with AES-256-GCM: case notes, the person of a case, a booking's contact and what a
 * referral shares. The key is COUNSELLING_KEY (config.counsellingKey); without it, it is derived (HKDF-SHA256) from
 * SEAL_KEY, or from SESSION_SECRET outside production, for this purpose only. Each sealed value names its key by a
 * short id (the first 8 hex digits of the key's SHA-256), so a rotation (COUNSELLING_KEY new, the old one in
 * COUNSELLING_OLD_KEYS) can open old values and re-seal them at the next start (sealing.ts).
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../core/config.ts';

/** What the keys come from. */
export type KeySource = Pick<Config, 'counsellingKey' | 'counsellingOldKeys' | 'sealKey' | 'sessionSecret'>;

type Key = { id: string; key: Buffer };
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

const derived = new Map<string, Buffer>();
function currentKey(source: KeySource): Key {
  if (source.counsellingKey) return { id: keyId(source.counsellingKey), key: source.counsellingKey };
  const secret = source.sealKey ?? Buffer.from(source.sessionSecret, 'utf8');
  const cacheKey = secret.toString('base64');
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'lotse', 'counselling.notes.v1', 32));
    derived.set(cacheKey, key);
  }
  return { id: keyId(key), key };
}

/** The current key itself (tests: a rotation moves it into COUNSELLING_OLD_KEYS). */
export const currentKeyOf = (source: KeySource) => currentKey(source).key;

/** The current key's id: what newly sealed values carry. */
export const currentKeyId = (source: KeySource) => currentKey(source).id;

function keyById(source: KeySource, id: string): Buffer | null {
  const current = currentKey(source);
  if (current.id === id) return current.key;
  return source.counsellingOldKeys.find((key) => keyId(key) === id) ?? null;
}

/** A value sealed with a key this server does not have, or changed: it cannot be opened. */
export class CounsellingSealError extends Error {
  constructor() {
    super(
      'counselling data cannot be opened: COUNSELLING_KEY (or COUNSELLING_OLD_KEYS) lacks the key it was sealed with',
    );
  }
}

/** Encrypts a value: "<key id>.<base64url(iv ‖ tag ‖ ciphertext)>". */
export function seal(source: KeySource, value: unknown): string {
  const { id, key } = currentKey(source);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The id of the key a value was sealed with. */
export const sealedKeyId = (sealed: string) => sealed.slice(0, sealed.indexOf('.'));

/** Decrypts what seal() made; throws CounsellingSealError for an unknown key or a changed value. */
export function unseal<T>(source: KeySource, sealed: string): T {
  const key = keyById(source, sealedKeyId(sealed));
  if (!key) throw new CounsellingSealError();
  try {
    const bytes = Buffer.from(sealed.slice(sealed.indexOf('.') + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return JSON.parse(
      Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'),
    ) as T;
  } catch {
    throw new CounsellingSealError();
  }
}
