/**
 * The demo city (loaded on the first start in demo mode): every school that offers places has a staff account,
 * and a school, not only the clinic, books mediators, so the whole path can be walked with the demo accounts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { buildRequest } from '../guides/guides.factories.ts';
import { users } from '../platform/platform.tables.ts';

type DemoSchool = { id: string; name: string; seats: { free: number }[] };
type Session = { user: { role: string; organisationId: string; organisationKind: string } };

let t: TestApp;
let schools: DemoSchool[];

beforeAll(async () => {
  t = await createTestApp();
  const file = path.join(t.services.config.cityDir, 'schooling-demo.json');
  schools = (JSON.parse(readFileSync(file, 'utf8')) as { schools: DemoSchool[] }).schools;
});
afterAll(() => t?.close());

describe('the demo city', () => {
  it('gives every school with places exactly one account, which signs in to its own school’s page and no other', async () => {
    const withPlaces = schools.filter((school) => school.seats.some((group) => group.free > 0));
    expect(withPlaces.length).toBeGreaterThanOrEqual(20);
    for (const [index, school] of withPlaces.entries()) {
      const accounts = await t.services.database.db
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.organisationId, school.id), isNull(users.disabledAt)));
      expect(accounts, school.id).toHaveLength(1);
      const email = accounts[0]?.email as string;
      const staff = await t.login(email);
      const { user } = (await staff.get('/api/v1/auth/session')).json<Session>();
      expect(user, email).toMatchObject({
        role: 'institution',
        organisationId: school.id,
        organisationKind: 'school',
      });
      // The school's page: its places and the children sent to it.
      const seats = await staff.get(`/api/v1/schooling/schools/${school.id}/seats`);
      expect(seats.status, email).toBe(200);
      expect(seats.json<{ schoolId: string }>().schoolId).toBe(school.id);
      expect((await staff.get(`/api/v1/schooling/schools/${school.id}/children`)).status, email).toBe(200);
      // Another school's page stays closed.
      const other = withPlaces[(index + 1) % withPlaces.length] as DemoSchool;
      expect((await staff.get(`/api/v1/schooling/schools/${other.id}/seats`)).status, email).toBe(403);
      expect((await staff.get(`/api/v1/schooling/schools/${other.id}/children`)).status, email).toBe(403);
    }
  });

  it('has a school among the institutions that book a mediator, e.g. for a parents’ evening', async () => {
    const institutions = t.services.city.demo.accounts.filter((account) => account.role === 'institution');
    const kinds = new Map(t.services.city.demo.organisations.map((o) => [o.id, o.kind]));
    expect(institutions.map((account) => kinds.get(account.organisationId ?? ''))).toEqual(
      expect.arrayContaining(['clinic', 'school']),
    );
    const school = institutions.find((account) => kinds.get(account.organisationId ?? '') === 'school');
    const staff = await t.login(school?.email as string);
    const start = new Date(t.services.clock.now().getTime() + 14 * 86_400_000);
    start.setUTCHours(16, 30, 0, 0);
    const booked = await staff.post(
      '/api/v1/guides/requests',
      buildRequest(start, {
        language: 'ron',
        topic: 'school',
        durationMinutes: 90,
        place: { address: 'Rheinuferstraße 40, 47053 Duisburg', lat: 51.418, lon: 6.757 },
        newcomerFirstName: 'Ioana',
      }),
    );
    expect(booked.status, booked.body).toBe(201);
    const { id } = booked.json<{ id: string }>();
    const request = (await staff.get(`/api/v1/guides/requests/${id}`)).json<{
      organisationId: string;
      state: string;
      topic: string;
    }>();
    expect(request).toMatchObject({ organisationId: school?.organisationId, state: 'open', topic: 'school' });
    const list = (await staff.get('/api/v1/guides/requests')).json<{ items: { id: string }[] }>();
    expect(list.items.map((r) => r.id)).toContain(id);
  });
});
