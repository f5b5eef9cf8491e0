import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail, testConfig } from '../../test/config.ts';
import { Client, openTestDatabase } from '../../test/harness.ts';
import { buildApp, createLogger } from '../app.ts';
import { loadCity } from './city.ts';

// An app whose log lines are captured, with one route that fails the way a bug would.
const lines: string[] = [];
let app: Awaited<ReturnType<typeof buildApp>>['app'];
let close: () => Promise<void>;
let idle: () => Promise<void>;

beforeAll(async () => {
  const config = testConfig({ LOG_LEVEL: 'info' });
  const { database, drop } = await openTestDatabase();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(config, sink);
  const built = await buildApp({ config, database, city: loadCity(config.cityDir), logger });
  app = built.app;
  idle = () => built.services.jobRunner.idle();
  app.get('/api/v1/test/fault', async () => {
    throw new Error('database password is hunter2 for layla@example.org');
  });
  await app.ready();
  close = async () => {
    await app.close();
    await database.close();
    await drop();
  };
});
afterAll(() => close?.());

type ErrorBody = { error: { code: string; message: string; requestId?: string } };

describe('errors and logs', () => {
  it('answers a fault with 500, a translated message and a request id — never the stack or the cause', async () => {
    const reply = await new Client(app, 'tr').get('/api/v1/test/fault');
    expect(reply.status).toBe(500);
    const { error } = reply.json<ErrorBody>();
    expect(error.code).toBe('internal');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain(error.requestId);
    expect(reply.headers['x-request-id']).toBe(error.requestId);
    expect(reply.body).not.toMatch(/hunter2|layla|at .*\.ts/);
    // The log has the request id to find the fault, but not the message with its personal data.
    const logged = lines.filter((line) => line.includes(error.requestId ?? '-'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('')).not.toMatch(/hunter2|layla@example/);
  });

  it('keeps e-mail addresses, passwords, tokens and query strings out of the log', async () => {
    const client = new Client(app);
    await client.post('/api/v1/auth/login', { email: demoEmail('coordinator'), password: DEMO_PASSWORD });
    await client.post('/api/v1/auth/login', {
      email: 'someone.else@example.org',
      password: 'secret-guess-123',
    });
    await client.post('/api/v1/auth/password-reset', { email: demoEmail('guide') });
    await idle();
    await client.get('/api/v1/admin/users?q=layla');
    const log = lines.join('');
    expect(log).not.toContain('@demo.lotse.example');
    expect(log).not.toContain('someone.else');
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toContain('secret-guess');
    expect(log).not.toContain('q=layla');
    expect(log).not.toContain(client.cookie('lotse_session') ?? 'no-session');
  });

  it('logs the route of a request with a follow code or feed secret in its path, not the secret', async () => {
    const client = new Client(app);
    const code = 'SECRETCODE7QP2MXD9RTA';
    await client.get(`/api/v1/guides/public/requests/${code}`);
    await client.get('/api/v1/guides/feeds/FEEDSECRETabcdef123456/calendar.ics');
    const log = lines.join('');
    expect(log).toContain('/api/v1/guides/public/requests/:code');
    expect(log).not.toContain(code);
    expect(log).not.toContain('FEEDSECRET');
  });

  it('refuses a 4,000-level nested JSON body with 400 naming the body, not a 500', async () => {
    const client = new Client(app, 'en');
    for (const payload of [
      `${'['.repeat(4000)}${']'.repeat(4000)}`,
      `{"email":${'{"a":'.repeat(4000)}1${'}'.repeat(4001)}`,
    ]) {
      const reply = await client.post('/api/v1/auth/login', payload);
      expect(reply.status).toBe(400);
      expect(reply.json<{ error: { field?: string } }>().error.field).toBe('body');
    }
  });

  it('refuses a state-changing request on a percent-encoded API path without the CSRF token', async () => {
    const client = new Client(app, 'en');
    for (const url of ['/%61pi/v1/auth/login', '/api/v1/%61uth/login', '/%2561pi/v1/auth/login']) {
      const reply = await client.post(
        url,
        { email: demoEmail('guide'), password: DEMO_PASSWORD },
        { csrf: false },
      );
      expect(reply.status, url).toBeGreaterThanOrEqual(400);
      expect(reply.headers['set-cookie'] ?? '', url).not.toContain('lotse_session=');
    }
  });

  it('tells a rate-limited caller the real window in Retry-After (one minute, not 15)', async () => {
    const client = new Client(app, 'en');
    let reply = await client.post(
      '/api/v1/directory/services/00000000-0000-4000-8000-000000000000/feedback',
      {},
    );
    for (let i = 0; i < 25 && reply.status !== 429; i++) {
      reply = await client.post(
        '/api/v1/directory/services/00000000-0000-4000-8000-000000000000/feedback',
        {},
      );
    }
    expect(reply.status).toBe(429);
    const retryAfter = Number(reply.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('marks personal answers as not to be stored by browsers or proxies', async () => {
    const client = new Client(app);
    await client.post('/api/v1/auth/login', { email: demoEmail('coordinator'), password: DEMO_PASSWORD });
    for (const url of ['/api/v1/me', '/api/v1/auth/session', '/api/v1/nothing-here']) {
      expect((await client.get(url)).headers['cache-control'], url).toBe('no-store');
    }
  });

  it('sends the security headers on pages, API answers and errors: a content policy, no sniffing, no framing', async () => {
    for (const url of [
      '/health',
      '/api/v1/directory/services',
      '/api/v1/nothing-here',
      '/api/v1/test/fault',
    ]) {
      const { headers } = await app.inject({ url });
      expect(headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(headers['content-security-policy'], url).toContain("img-src 'self' data: blob:");
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'self'");
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('answers an unknown API route with 404 and malformed JSON with 400, in the caller’s language', async () => {
    const client = new Client(app, 'en');
    const missing = await client.get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json<ErrorBody>().error.code).toBe('route_not_found');
    const malformed = await client.post('/api/v1/auth/login', '{"email": ');
    expect(malformed.status).toBe(400);
    expect(malformed.json<ErrorBody>().error.code).toBe('validation.body_malformed');
    expect(malformed.json<ErrorBody>().error.message).not.toMatch(/[äöüß]/);
  });
});
