import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('GET /api/v1/city', () => {
  it('tells the web app the city’s time zone, the guides’ languages and every Ortsteil, without signing in', async () => {
    const reply = await t.client().get('/api/v1/city');
    expect(reply.status).toBe(200);
    const city = reply.json() as {
      timezone: string;
      guideLanguages: string[];
      districts: { id: string; ortsteile: { id: string; name: string }[] }[];
    };
    const { profile, districts } = t.services.city;
    expect(city.timezone).toBe(profile.timezone);
    expect(city.guideLanguages).toEqual(profile.guideLanguages);
    expect(city.districts.map((district) => district.id)).toEqual(districts.map((district) => district.id));
    expect(city.districts.flatMap((district) => district.ortsteile.map((o) => o.id))).toEqual(
      districts.flatMap((district) => district.ortsteile.map((o) => o.id)),
    );
  });
});
