/** The database refuses double bookings: the exclusion constraint and the travel-time trigger, tested directly. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { guideAssignments, guideRequests } from './guides.tables.ts';
import { addGuide, at } from './guides.testkit.ts';
import { isDoubleBooking } from './workflow.ts';

let t: TestApp;
let guideId: string;

const MITTE = { lat: 51.432, lon: 6.765 };
// Rheinhausen-Mitte, about 7.7 km away: 23 minutes at the city's 20 km/h.
const RHEINHAUSEN = { lat: 51.405, lon: 6.665 };

async function requestRow(start: Date, minutes: number) {
  const [row] = await t.services.database.db
    .insert(guideRequests)
    .values({
      code: crypto.randomUUID().replaceAll('-', '').slice(0, 12),
      source: 'public',
      language: 'tir',
      startsAt: start,
      durationMinutes: minutes,
      placeLat: 0,
      placeLon: 0,
      topic: 'health',
      mode: 'on_site',
    })
    .returning({ id: guideRequests.id });
  return row?.id ?? '';
}

/** Inserts an assignment; resolves to 'ok' or to the SQLSTATE of the refusal. */
async function assign(start: Date, end: Date, place: { lat: number; lon: number }, state = 'confirmed') {
  const requestId = await requestRow(start, (end.getTime() - start.getTime()) / 60_000);
  try {
    await t.services.database.db.insert(guideAssignments).values({
      requestId,
      guideId,
      startsAt: start,
      endsAt: end,
      placeLat: place.lat,
      placeLon: place.lon,
      state,
      createdAt: new Date(),
    });
    return 'ok';
  } catch (error) {
    return isDoubleBooking(error) ? '23P01' : String(error);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  guideId = (await addGuide(t, { languages: [{ code: 'tir', level: 'native', dialect: null }] })).id;
});
afterAll(() => t?.close());

describe('no double booking in the database', () => {
  it('refuses a second appointment of one guide that overlaps in time', async () => {
    expect(await assign(at(1, '09:00'), at(1, '10:00'), MITTE)).toBe('ok');
    expect(await assign(at(1, '09:30'), at(1, '10:30'), MITTE)).toBe('23P01');
    expect(await assign(at(1, '08:00'), at(1, '12:00'), MITTE)).toBe('23P01');
  });

  it('refuses an appointment the guide cannot reach in time from the one before (either order)', async () => {
    expect(await assign(at(2, '09:00'), at(2, '10:00'), MITTE)).toBe('ok');
    // 10 minutes after the end, 23 minutes away: not reachable.
    expect(await assign(at(2, '10:10'), at(2, '11:00'), RHEINHAUSEN)).toBe('23P01');
    // Ending 10 minutes before the first one starts, 23 minutes away: not reachable either.
    expect(await assign(at(2, '07:30'), at(2, '08:50'), RHEINHAUSEN)).toBe('23P01');
  });

  it('accepts back-to-back appointments the guide can reach, and other guides at the same time', async () => {
    expect(await assign(at(3, '09:00'), at(3, '10:00'), MITTE)).toBe('ok');
    expect(await assign(at(3, '10:00'), at(3, '11:00'), MITTE)).toBe('ok');
    expect(await assign(at(3, '11:30'), at(3, '12:30'), RHEINHAUSEN)).toBe('ok');
    const other = await addGuide(t, { languages: [{ code: 'tir', level: 'native', dialect: null }] });
    const requestId = await requestRow(at(3, '09:00'), 60);
    await t.services.database.db.insert(guideAssignments).values({
      requestId,
      guideId: other.id,
      startsAt: at(3, '09:00'),
      endsAt: at(3, '10:00'),
      placeLat: MITTE.lat,
      placeLon: MITTE.lon,
      createdAt: new Date(),
    });
  });

  it('lets a cancelled appointment free the time', async () => {
    expect(await assign(at(4, '09:00'), at(4, '10:00'), MITTE, 'cancelled')).toBe('ok');
    expect(await assign(at(4, '09:00'), at(4, '10:00'), MITTE)).toBe('ok');
  });

  it('has the exclusion constraint on its own, even without the travel trigger', async () => {
    const db = t.services.database.db;
    await db.execute(sql`alter table guide_assignments disable trigger guide_assignments_reachable`);
    try {
      expect(await assign(at(5, '09:00'), at(5, '10:00'), MITTE)).toBe('ok');
      expect(await assign(at(5, '09:59'), at(5, '11:00'), MITTE)).toBe('23P01');
      // Without the trigger only time overlap is refused: the travel rule is the trigger's.
      expect(await assign(at(5, '10:05'), at(5, '11:00'), RHEINHAUSEN)).toBe('ok');
    } finally {
      await db.execute(sql`alter table guide_assignments enable trigger guide_assignments_reachable`);
    }
  });
});
