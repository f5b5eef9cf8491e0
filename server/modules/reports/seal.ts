/**
 * Sensitive data of reporters sealed at rest with AES-256-GCM: the contact (JSON, as base64url text) and photos
 * (bytes). The key is SEAL_KEY (config.sealKey, required in production); without it (development, tests) it is
 * derived (HKDF-SHA256) from SESSION_SECRET for this purpose only. The database alone opens neither. A wrong key
 * fails loudly: GCM's tag does not match, and the start-up check (checkSealKey) stops the server with a
 * configuration error before anything is served.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../core/config.ts';

/** What the key comes from. */
export type SealKeySource = Pick<Config, 'sealKey' | 'sessionSecret'>;

const derived = new Map<string, Buffer>();
function keyOf(source: SealKeySource): Buffer {
  if (source.sealKey) return source.sealKey;
  let key = derived.get(source.sessionSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', source.sessionSecret, 'lotse', 'reports.contact.v1', 32));
    derived.set(source.sessionSecret, key);
  }
  return key;
}

/** Sealed with another key, or changed: the tag does not match. */
export class SealError extends Error {
  constructor() {
    super('sealed data cannot be opened: SEAL_KEY (or SESSION_SECRET) is not the key it was sealed with');
  }
}

function encrypt(source: SealKeySource, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(source), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function decrypt(source: SealKeySource, sealed: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(source), sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    throw new SealError();
  }
}

/** Encrypts a value: base64url(iv ‖ tag ‖ ciphertext). */
export function seal(source: SealKeySource, value: unknown): string {
  return encrypt(source, Buffer.from(JSON.stringify(value), 'utf8')).toString('base64url');
}

/** Decrypts what seal() made; throws SealError when it was changed or sealed with another key. */
export function unseal<T>(source: SealKeySource, sealed: string): T {
  return JSON.parse(decrypt(source, Buffer.from(sealed, 'base64url')).toString('utf8')) as T;
}

/** The first byte of sealed bytes (a photo starts with 0xFF, 0x89 or "R": a photo stored before sealing). */
const SEALED_BYTES = 0x01;

/** Encrypts bytes (a photo): 0x01 ‖ iv ‖ tag ‖ ciphertext. */
export function sealBytes(source: SealKeySource, plain: Buffer): Buffer {
  return Buffer.concat([Buffer.from([SEALED_BYTES]), encrypt(source, plain)]);
}

/** Whether bytes were made by sealBytes. */
export const isSealedBytes = (bytes: Buffer) => bytes[0] === SEALED_BYTES;

/** Decrypts what sealBytes() made; throws SealError when changed or sealed with another key. */
export function unsealBytes(source: SealKeySource, sealed: Buffer): Buffer {
  return decrypt(source, sealed.subarray(1));
}
