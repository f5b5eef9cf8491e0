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

  it('names the operator with a phone number and an e-mail address, and the three legal pages', async () => {
    const reply = await t.client().get('/api/v1/city');
    const city = reply.json() as {
      contact: {
        organisation: string;
        phone: string;
        email: string;
        street: string;
        postcode: string;
        hours: { days: string[]; from: string; to: string }[];
      };
      legal: Record<'imprint' | 'privacy' | 'accessibility', { url: string | null; paragraphs: string[] }> & {
        demo: boolean;
      };
    };
    expect(city.contact).toMatchObject({
      organisation: 'Kommunales Integrationszentrum Duisburg',
      postcode: expect.stringMatching(/^47\d{3}$/),
    });
    expect(city.contact.phone).toMatch(/^\+49 203/);
    expect(city.contact.email).toContain('@');
    expect(city.contact.hours).toContainEqual({
      days: ['MO', 'TU', 'WE', 'TH', 'FR'],
      from: '08:30',
      to: '12:00',
    });
    // The demo city has no own legal pages: their texts come along, marked as the demo city's.
    expect(city.legal.demo).toBe(true);
    for (const page of [city.legal.imprint, city.legal.privacy, city.legal.accessibility]) {
      expect(page.url).toBeNull();
      expect(page.paragraphs.join(' ')).toContain('Demo-Stadt');
    }
    expect(city.legal.imprint.paragraphs.join(' ')).toContain('Burgplatz 19, 47051 Duisburg');
    expect(city.legal.privacy.paragraphs.join(' ')).toContain('Datenschutz');
    expect(city.legal.accessibility.paragraphs.join(' ')).toContain('BITV');
  });
});
