import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Everything the server reads from the environment, checked once at start. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** PostgreSQL only: the role that owns the tables and runs migrations; null: DATABASE_URL does both. */
  migrationDatabaseUrl: string | null;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  sessionSecret: string;
  /**
   * The key that seals sensitive data at rest (reporters' contacts and photos): 32 bytes, from SEAL_KEY (64 hex
   * digits or base64); null outside production without it (the key is then derived from SESSION_SECRET).
   */
  sealKey: Buffer | null;
  /**
   * The key that encrypts counselling case notes and person data at rest: 32 bytes from COUNSELLING_KEY; null
   * without it (the key is then derived from SEAL_KEY, or from SESSION_SECRET outside production).
   */
  counsellingKey: Buffer | null;
  /** Earlier counselling keys (COUNSELLING_OLD_KEYS, comma-separated): what they sealed is re-sealed at start. */
  counsellingOldKeys: Buffer[];
  city: string;
  cityDir: string;
  tileUrl: string | null;
  demo: boolean;
  production: boolean;
  logLevel: string;
  jobs: boolean;
  trustProxy: boolean;
  /** A LibreTranslate-compatible machine-translation service; null: off. */
  mtUrl: string | null;
  mtApiKey: string | null;
  /** Heavy public routes (search, exports, HSDS lists) running at once; more wait in a queue of heavyQueue. */
  heavyConcurrency: number;
  heavyQueue: number;
  /** Directory searches per minute and client address. */
  searchRateLimit: number;
  /**
   * For tests only: origins (`http://127.0.0.1:8080`) that user-given addresses (page links, push endpoints, actors'
   * iCal feeds) may reach although they are private, or `*` for all (PRIVATE_FETCH_ALLOW); empty: every private address is refused.
   */
  privateFetchAllow: string[];
  /**
   * The VAPID key pair that signs web push messages (VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, base64url, as
   * `npx web-push generate-vapid-keys` prints them); null: the pair made on the first start and kept in the database.
   */
  vapid: { publicKey: string; privateKey: string } | null;
  /** VAPID_SUBJECT: how a push service reaches the operator (mailto: or https:); null: MAIL_FROM's address. */
  vapidSubject: string | null;
};

/** A setting with a wrong value: the message names it and says what is expected. */
export class ConfigError extends Error {}

const bool = (name: string, value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
};

const isUrl = (value: string, protocols: string[]): boolean => {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const count = (name: string, value: string | undefined, fallback: number, min: number): number => {
  const text = value?.trim();
  if (!text) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > 100_000)
    throw new ConfigError(`${name} must be a whole number from ${min} to 100000, not "${text}"`);
  return n;
};

/** A key setting (SEAL_KEY, COUNSELLING_KEY) as 32 bytes: 64 hex digits, or base64 / base64url of 32 bytes. */
function parseSealKey(text: string | null, name = 'SEAL_KEY'): Buffer | null {
  if (!text) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(text)
      ? Buffer.from(text, 'base64')
      : null;
  if (key?.length !== 32)
    throw new ConfigError(`${name} must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)`);
  return key;
}

/** The number of bytes a base64url text stands for; -1 when it is not base64url. */
const base64urlBytes = (text: string) =>
  /^[A-Za-z0-9_-]+$/.test(text) ? Buffer.from(text, 'base64url').length : -1;

/** Reads and checks the settings; throws ConfigError naming the first wrong one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const production = env.NODE_ENV === 'production';
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a number from 0 to 65535, not "${portText}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !isUrl(databaseUrl, ['postgres:', 'postgresql:'])) {
    throw new ConfigError('DATABASE_URL is not a postgres:// URL');
  }
  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL?.trim() || null;
  if (migrationDatabaseUrl && !isUrl(migrationDatabaseUrl, ['postgres:', 'postgresql:'])) {
    throw new ConfigError('MIGRATION_DATABASE_URL is not a postgres:// URL');
  }
  if (migrationDatabaseUrl && !databaseUrl) {
    throw new ConfigError('MIGRATION_DATABASE_URL needs DATABASE_URL (PGlite has one role)');
  }
  const publicUrl = env.PUBLIC_URL?.trim() || `http://localhost:${port}`;
  if (!isUrl(publicUrl, ['http:', 'https:'])) throw new ConfigError('PUBLIC_URL is not an http(s):// URL');
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !isUrl(smtpUrl, ['smtp:', 'smtps:']))
    throw new ConfigError('SMTP_URL is not an smtp:// or smtps:// URL');
  const mailFrom = env.MAIL_FROM?.trim() || 'Lotse <no-reply@lotse.example>';
  if (
    !z
      .string()
      .regex(/<[^@\s]+@[^@\s]+>$|^[^@\s<]+@[^@\s>]+$/)
      .safeParse(mailFrom).success
  ) {
    throw new ConfigError('MAIL_FROM is not an e-mail address such as "Lotse <lotse@example.org>"');
  }
  const sessionSecret = env.SESSION_SECRET ?? '';
  if (production && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be set to at least 32 characters when NODE_ENV=production');
  }
  if (sessionSecret && sessionSecret.length < 32)
    throw new ConfigError('SESSION_SECRET must be at least 32 characters');
  const sealKey = parseSealKey(env.SEAL_KEY?.trim() || null);
  if (production && !sealKey)
    throw new ConfigError(
      'SEAL_KEY must be set when NODE_ENV=production (32 bytes: openssl rand -base64 32)',
    );
  const counsellingKey = parseSealKey(env.COUNSELLING_KEY?.trim() || null, 'COUNSELLING_KEY');
  const counsellingOldKeys = (env.COUNSELLING_OLD_KEYS ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => parseSealKey(part, 'COUNSELLING_OLD_KEYS') as Buffer);
  const city = env.CITY?.trim() || 'duisburg';
  if (!/^[a-z0-9-]+$/.test(city))
    throw new ConfigError(`CITY must be a folder name under cities/, not "${city}"`);
  const cityDir = path.join(root, 'cities', city);
  if (!existsSync(path.join(cityDir, 'profile.json'))) {
    throw new ConfigError(`CITY "${city}" has no profile: cities/${city}/profile.json is missing`);
  }
  const tileUrl = env.TILE_URL?.trim() || null;
  if (
    tileUrl &&
    !(isUrl(tileUrl.replace(/\{[xyzs]\}/g, '0'), ['http:', 'https:']) && tileUrl.includes('{z}'))
  ) {
    throw new ConfigError('TILE_URL must be an http(s) URL template with {z}, {x} and {y}');
  }
  const mtUrl = env.MT_URL?.trim() || null;
  if (mtUrl && !isUrl(mtUrl, ['http:', 'https:'])) throw new ConfigError('MT_URL is not an http(s):// URL');
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
  }
  const privateFetchAllow = (env.PRIVATE_FETCH_ALLOW ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const origin of privateFetchAllow)
    if (origin !== '*' && !(isUrl(origin, ['http:', 'https:']) && new URL(origin).origin === origin))
      throw new ConfigError(
        `PRIVATE_FETCH_ALLOW must list origins such as http://127.0.0.1:8080, not "${origin}"`,
      );
  if (production && privateFetchAllow.length)
    throw new ConfigError(
      'PRIVATE_FETCH_ALLOW is for tests only and may not be set when NODE_ENV=production',
    );
  const vapidPublicKey = env.VAPID_PUBLIC_KEY?.trim() || null;
  const vapidPrivateKey = env.VAPID_PRIVATE_KEY?.trim() || null;
  if (!vapidPublicKey !== !vapidPrivateKey)
    throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
  if (vapidPublicKey && base64urlBytes(vapidPublicKey) !== 65)
    throw new ConfigError(
      'VAPID_PUBLIC_KEY must be 65 bytes in base64url (npx web-push generate-vapid-keys)',
    );
  if (vapidPrivateKey && base64urlBytes(vapidPrivateKey) !== 32)
    throw new ConfigError(
      'VAPID_PRIVATE_KEY must be 32 bytes in base64url (npx web-push generate-vapid-keys)',
    );
  const vapidSubject = env.VAPID_SUBJECT?.trim() || null;
  if (vapidSubject && !/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(vapidSubject))
    throw new ConfigError('VAPID_SUBJECT must be a mailto: or https:// address');
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(root, env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    migrationDatabaseUrl,
    publicUrl: publicUrl.replace(/\/$/, ''),
    smtpUrl,
    mailFrom,
    sessionSecret: sessionSecret || 'lotse-development-secret-not-for-production',
    sealKey,
    counsellingKey,
    counsellingOldKeys,
    city,
    cityDir,
    tileUrl,
    demo: bool('DEMO', env.DEMO, !production),
    production,
    logLevel,
    jobs: bool('JOBS', env.JOBS, true),
    trustProxy: bool('TRUST_PROXY', env.TRUST_PROXY, false),
    mtUrl: mtUrl?.replace(/\/$/, '') ?? null,
    mtApiKey: env.MT_API_KEY?.trim() || null,
    heavyConcurrency: count('HEAVY_CONCURRENCY', env.HEAVY_CONCURRENCY, 4, 1),
    heavyQueue: count('HEAVY_QUEUE', env.HEAVY_QUEUE, 16, 0),
    searchRateLimit: count('SEARCH_RATE_LIMIT', env.SEARCH_RATE_LIMIT, 60, 1),
    privateFetchAllow,
    vapid:
      vapidPublicKey && vapidPrivateKey ? { publicKey: vapidPublicKey, privateKey: vapidPrivateKey } : null,
    vapidSubject,
  };
}
