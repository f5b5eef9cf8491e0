// The demo city shows the product as it is meant to be: every offer readable in each of the city's languages,
// machine-made translations marked as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

type Shown = { value: string; lang: string; status: string };
type Page = {
  items: { id: string; slug: string; name: Shown | null; summary: Shown | null }[];
  total: number;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Every published offer as a reader of that language sees it in the result list. */
async function allOffers(lang: string) {
  const items: Page['items'] = [];
  for (let page = 1; ; page++) {
    const reply = await t.client(lang).get(`/api/v1/directory/services?per_page=100&page=${page}`);
    expect(reply.status, reply.body).toBe(200);
    const body = reply.json<Page>();
    items.push(...body.items);
    if (items.length >= body.total || !body.items.length) return items;
  }
}

describe('the demo city’s offers', () => {
  it('has every demo offer’s name and description in each of the ten languages, none in German instead', async () => {
    const languages = t.services.city.profile.languages.map((language) => language.code);
    expect(languages).toHaveLength(10);
    for (const lang of languages) {
      const offers = (await allOffers(lang)).filter((offer) => !offer.slug.startsWith('test-'));
      expect(offers.length, lang).toBeGreaterThanOrEqual(137);
      const inGerman = offers.filter((offer) => offer.name?.lang !== lang || offer.summary?.lang !== lang);
      expect(
        inGerman.map((offer) => offer.slug),
        `${lang}: offers without their own text`,
      ).toEqual([]);
    }
  });

  it('marks machine-made translations as such, and human ones not', async () => {
    const romanian = await allOffers('ro');
    const machine = romanian.filter((offer) => offer.name?.status === 'machine');
    expect(machine.length).toBeGreaterThan(100);
    // The Romanian-Bulgarian counselling in Marxloh was written by people who speak the language.
    const human = romanian.find((offer) => offer.slug === 'beratung-suedosteuropa-marxloh');
    expect(human?.name?.status).toBe('up_to_date');
    expect(human?.summary?.status).toBe('up_to_date');
    const detail = await t.client('ro').get(`/api/v1/directory/services/${machine[0]?.id}`);
    expect(detail.json<{ description: Shown }>().description).toMatchObject({
      lang: 'ro',
      status: 'machine',
    });
  });

  it('offers the Marxloh mothers’ German courses with Romanian and Bulgarian support', async () => {
    for (const slug of ['mama-lernt-deutsch-marxloh', 'deutschkurs-marxloh-frauen']) {
      const offer = (await allOffers('de')).find((o) => o.slug === slug);
      const detail = await t.client('de').get(`/api/v1/directory/services/${offer?.id}`);
      expect(detail.json<{ languages: string[] }>().languages).toEqual(
        expect.arrayContaining(['ron', 'bul']),
      );
    }
  });
});
