import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Reply, type TestApp } from '../../test/harness.ts';

// Heavy public routes (search, exports, HSDS lists) share a small number of slots and a short queue; beyond that
// they answer 503 at once with Retry-After, so /health and light routes keep answering under load.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ HEAVY_CONCURRENCY: '2', HEAVY_QUEUE: '3', SEARCH_RATE_LIMIT: '100' });
});
afterAll(() => t?.close());

/**
 * Holds the database until release() is called, so heavy requests stay in flight: on PGlite one transaction holds
 * its only connection; on PostgreSQL another connection locks the directory's table.
 */
async function holdDatabase(): Promise<() => Promise<void>> {
  const { pglite, pool } = t.services.database;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (pglite) {
    let started: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const held = pglite.transaction(async () => {
      started();
      await gate;
    });
    await inside;
    return async () => {
      release();
      await held;
    };
  }
  const client = new pg.Client({ connectionString: (pool as pg.Pool).options.connectionString });
  await client.connect();
  await client.query('begin');
  await client.query('lock table services in access exclusive mode');
  return async () => {
    await client.query('rollback');
    await client.end();
  };
}

describe('heavy public routes under load', () => {
  it('answers 503 with Retry-After beyond the slots and the queue, while /health answers at once', async () => {
    const anonymous = t.client();
    const release = await holdDatabase();
    const finished: Reply[] = [];
    const heavy = Array.from({ length: 12 }, (_, i) =>
      anonymous
        .get(
          i % 3 === 0
            ? '/api/v1/directory/services?q=deutsch'
            : i % 3 === 1
              ? '/api/v1/directory/export.json'
              : '/api/hsds/services',
        )
        .then((reply) => {
          finished.push(reply);
          return reply;
        }),
    );
    try {
      // 2 running + 3 queued; the other 7 are refused at once, although the database does not answer.
      await vi.waitFor(() => expect(finished).toHaveLength(7), { timeout: 20_000 });
      for (const reply of finished) {
        expect(reply.status).toBe(503);
        expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
        expect(reply.json<{ error: { code: string; message: string } }>().error).toMatchObject({
          code: 'busy',
          message: expect.stringContaining('Bitte'),
        });
      }
      // The server still answers while five heavy requests are in flight or queued.
      const health = await t.client().get('/health');
      expect(health.status).toBe(200);
      expect(finished).toHaveLength(7);
    } finally {
      await release();
    }
    const replies = await Promise.all(heavy);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(5);
    // The slots are free again afterwards.
    expect((await anonymous.get('/api/hsds/services')).status).toBe(200);
  });

  it('limits searches per address with 429 and Retry-After', async () => {
    const limited = await createTestApp({ SEARCH_RATE_LIMIT: '3' });
    try {
      const client = limited.client();
      for (let i = 0; i < 3; i++)
        expect((await client.get('/api/v1/directory/services?q=kurs')).status).toBe(200);
      const refused = await client.get('/api/v1/directory/services?q=kurs');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Light routes are not counted.
      expect((await client.get('/api/v1/city')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
