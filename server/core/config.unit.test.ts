import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/config.ts';
import { runMain } from '../../test/process.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('settings', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT must be a number from 0 to 65535, not "abc"'],
    [{ DATABASE_URL: 'mysql://localhost/lotse' }, 'DATABASE_URL is not a postgres:// URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL is not an smtp:// or smtps:// URL'],
    [{ PUBLIC_URL: 'lotse.example' }, 'PUBLIC_URL is not an http(s):// URL'],
    [
      { NODE_ENV: 'production' },
      'SESSION_SECRET must be set to at least 32 characters when NODE_ENV=production',
    ],
    [{ CITY: 'atlantis' }, 'CITY "atlantis" has no profile: cities/atlantis/profile.json is missing'],
    [
      { TILE_URL: 'https://tiles.example/tile.png' },
      'TILE_URL must be an http(s) URL template with {z}, {x} and {y}',
    ],
    [{ DEMO: 'maybe' }, 'DEMO must be true or false, not "maybe"'],
    [
      { DATABASE_URL: 'postgres://app@db/lotse', MIGRATION_DATABASE_URL: 'mysql://owner@db/lotse' },
      'MIGRATION_DATABASE_URL is not a postgres:// URL',
    ],
    [
      { MIGRATION_DATABASE_URL: 'postgres://owner@db/lotse' },
      'MIGRATION_DATABASE_URL needs DATABASE_URL (PGlite has one role)',
    ],
    [{ HEAVY_CONCURRENCY: '0' }, 'HEAVY_CONCURRENCY must be a whole number from 1 to 100000, not "0"'],
    [{ HEAVY_QUEUE: '-1' }, 'HEAVY_QUEUE must be a whole number from 0 to 100000, not "-1"'],
    [{ SEARCH_RATE_LIMIT: 'many' }, 'SEARCH_RATE_LIMIT must be a whole number from 1 to 100000, not "many"'],
    [{ VAPID_PUBLIC_KEY: 'B'.repeat(87) }, 'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together'],
    [
      { VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: 'A'.repeat(43) },
      'VAPID_PUBLIC_KEY must be 65 bytes in base64url (npx web-push generate-vapid-keys)',
    ],
    [{ VAPID_SUBJECT: 'lotse@example.org' }, 'VAPID_SUBJECT must be a mailto: or https:// address'],
    [
      { PRIVATE_FETCH_ALLOW: '127.0.0.1:8080' },
      'PRIVATE_FETCH_ALLOW must list origins such as http://127.0.0.1:8080, not "127.0.0.1:8080"',
    ],
  ])('refuses %o with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env, ROOT)).toThrow(new ConfigError(message));
  });

  it('has working defaults: port 3000, ./data, Duisburg, demo mode outside production', () => {
    const config = loadConfig({}, ROOT);
    expect(config).toMatchObject({
      port: 3000,
      city: 'duisburg',
      demo: true,
      databaseUrl: null,
      smtpUrl: null,
    });
    expect(config.dataDir).toBe(`${ROOT}/data`);
  });

  it('stops the start with one line naming the setting, and exit code 2', async () => {
    const run = runMain(['start'], { DATABASE_URL: 'mysql://localhost/lotse' });
    expect(await run.exited).toBe(2);
    expect(run.output().trim()).toBe('Configuration error: DATABASE_URL is not a postgres:// URL');
  });

  it('stops with exit code 2 when DATABASE_URL points at no server', async () => {
    const run = runMain(['start'], { DATABASE_URL: 'postgres://lotse@127.0.0.1:1/lotse' });
    expect(await run.exited).toBe(2);
    expect(run.output().trim()).toMatch(
      /^Configuration error: DATABASE_URL: cannot connect \(ECONNREFUSED\)$/,
    );
  });
});
