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
    await client.get('/api/v1/admin/users?q=layla');
    const log = lines.join('');
    expect(log).not.toContain('@demo.lotse.example');
    expect(log).not.toContain('someone.else');
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toContain('secret-guess');
    expect(log).not.toContain('q=layla');
    expect(log).not.toContain(client.cookie('lotse_session') ?? 'no-session');
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
