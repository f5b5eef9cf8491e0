/**
 * Booking under contention: 200 clients at once confirm assignments that overlap for the same guides, through
 * the HTTP API. On PostgreSQL they run truly in parallel on a pool of 25 connections; PGlite runs the same
 * scenario one statement at a time. Either way: zero double bookings, and successes + refusals = 200.
 */
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { type Database, openDatabase, rows } from '../../core/db.ts';
import * as repo from './guides.repository.ts';
import { guideRequests } from './guides.tables.ts';
import { addGuide, at, MONDAY, type TestGuide } from './guides.testkit.ts';

let t: TestApp;
let original: Database;
let big: Database | null = null;

const PLACES = [
  { lat: 51.432, lon: 6.765 }, // Mitte
  { lat: 51.405, lon: 6.665 }, // Rheinhausen
  { lat: 51.495, lon: 6.77 }, // Hamborn
];

beforeAll(async () => {
  t = await createTestApp();
  original = t.services.database;
  if (original.kind === 'postgres') {
    // The harness opens 4 connections; this test wants real parallelism.
    const url = (original.pool as pg.Pool).options.connectionString as string;
    big = await openDatabase({ kind: 'postgres', url, max: 25 });
    t.services.database = big;
  }
  t.services.clock.set(MONDAY);
});
afterAll(async () => {
  if (big) {
    t.services.database = original;
    await big.close();
  }
  await t?.close();
});

describe('200 coordinators confirming at the same moment', () => {
  it('books nobody twice, and every confirmation either succeeds or is refused with 409', async () => {
    const guides: TestGuide[] = [];
    for (let i = 0; i < 5; i++) {
      guides.push(
        await addGuide(t, {
          languages: [{ code: 'som', level: 'native', dialect: null }],
          weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '07:00', to: '20:00' })),
          maxPerWeek: 50,
        }),
      );
    }
    // 200 requests on one morning, 60 minutes each, starting every 15 minutes between 09:00 and 12:45.
    const db = t.services.database.db;
    const requestIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const place = PLACES[i % PLACES.length] as { lat: number; lon: number };
      const minutes = 15 * (i % 16);
      const start = new Date(at(1, '09:00').getTime() + minutes * 60_000);
      const [row] = await db
        .insert(guideRequests)
        .values({
          code: `C${String(i).padStart(11, '0')}`,
          source: 'institution',
          organisationId: 'schwerpunktambulanz',
          language: 'som',
          startsAt: start,
          durationMinutes: 60,
          placeLat: place.lat,
          placeLon: place.lon,
          topic: 'health',
          mode: 'on_site',
        })
        .returning({ id: guideRequests.id });
      requestIds.push(row?.id ?? '');
    }
    const coordinator = await t.login('coordinator');
    await coordinator.get('/api/v1/guides/matching/runs'); // warm up the session
    const replies = await Promise.all(
      requestIds.map((id, i) =>
        coordinator.post(`/api/v1/guides/requests/${id}/assign`, {
          guideId: guides[i % guides.length]?.id,
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    const succeeded = statuses.filter((s) => s === 200).length;
    const refused = replies.filter(
      (r) => r.status === 409 && r.json<{ error: { code: string } }>().error.code === 'guides.double_booking',
    ).length;
    expect(succeeded + refused, JSON.stringify([...new Set(statuses)])).toBe(200);
    // Each guide can take at least one appointment that morning, and at most 4 × 60 min + travel.
    expect(succeeded).toBeGreaterThanOrEqual(guides.length);
    expect(succeeded).toBeLessThanOrEqual(guides.length * 4);

    // Checked pairwise in SQL, with the travel rule: no two active assignments of one guide conflict.
    expect(await repo.findDoubleBookings(db, 20)).toEqual([]);
    const [counted] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from guide_assignments a join guide_requests r on r.id = a.request_id
          where r.language = 'som' and a.state = 'confirmed'`,
    );
    expect(counted?.n).toBe(succeeded);
    const [confirmed] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from guide_requests where language = 'som' and state = 'confirmed'`,
    );
    expect(confirmed?.n).toBe(succeeded);
  });
});
