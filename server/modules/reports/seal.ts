/**
 * Contact data of reporters, sealed with AES-256-GCM. The key is derived (HKDF-SHA256) from the server's secret
 * (SESSION_SECRET) for this purpose only, so no second secret has to be managed; the database alone cannot open it.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const keys = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'lotse', 'reports.contact.v1', 32));
    keys.set(secret, key);
  }
  return key;
}

/** Encrypts a value: base64url(iv ‖ tag ‖ ciphertext). */
export function seal(secret: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Decrypts what seal() made; throws when it was changed or sealed with another secret. */
export function unseal<T>(secret: string, sealed: string): T {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(text) as T;
}
