import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { systemContext } from '../../core/context.ts';
import { buildService } from './directory.factories.ts';
import type { ServiceInput } from './directory.model.ts';
import { insertServiceRecord } from './records.ts';

let t: TestApp;

type Summary = {
  slug: string;
  categories: string[];
  name: { value: string; lang: string; status: string };
  distanceKm: number | null;
  openNow: boolean;
};
type Page = { items: Summary[]; total: number };

async function add(overrides: Partial<ServiceInput>) {
  const ctx = systemContext(t.services);
  return t.services.database.db.transaction((tx) =>
    insertServiceRecord({ ...ctx, db: tx }, buildService(overrides), 'Testträger'),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  await add({
    slug: 'test-deutschkurs-marxloh',
    categories: ['language_learning'],
    languages: ['deu', 'ara'],
    capacity: { free: 4, waitingList: 0 },
    texts: {
      name: {
        de: 'Quokkakurs Deutsch für Mütter',
        en: 'Quokka German course for mothers',
        ar: 'دورة زيبرا للغة الألمانية للأمهات',
      },
      description: { de: 'Deutsch lernen mit Kinderbetreuung.', ar: 'تعلّم الألمانية مع رعاية الأطفال.' },
      eligibility: null,
      fees: null,
      requiredDocuments: { de: 'Ausweis mitbringen' },
    },
    schedule: [{ days: ['MO', 'WE'], opens: '09:00', closes: '12:00' }],
  });
  await add({
    slug: 'test-quokka-beratung-hochfeld',
    categories: ['counselling'],
    languages: ['deu', 'ron', 'bul'],
    free: false,
    capacity: { free: 0, waitingList: 3 },
    texts: {
      name: { de: 'Quokkaberatung Hochfeld' },
      description: { de: 'Beratung für Familien aus Südosteuropa.' },
      eligibility: null,
      fees: { de: '5 Euro' },
      requiredDocuments: null,
    },
    location: {
      name: 'Zentrum Hochfeld',
      address: 'Wanheimer Straße 1',
      postcode: '47053',
      ortsteilId: 'hochfeld',
      lat: 51.419,
      lon: 6.762,
      accessible: false,
      accessibilityNote: null,
    },
    schedule: [{ days: ['TU'], opens: '14:00', closes: '18:00' }],
  });
});
afterAll(() => t?.close());

const search = async (query: string, locale = 'de') => {
  const reply = await t.client(locale).get(`/api/v1/directory/services?${query}`);
  expect(reply.status, reply.body).toBe(200);
  return reply.json<Page>();
};
const slugs = (page: Page) => page.items.map((item) => item.slug);

describe('public search', () => {
  it('finds an offer by a misspelt word', async () => {
    expect(slugs(await search('q=quokkakurz'))).toContain('test-deutschkurs-marxloh');
  });

  it('finds an offer by words of another language, and shows the reader’s language', async () => {
    const page = await search(`q=${encodeURIComponent('دورة زيبرا')}`, 'ar');
    const hit = page.items.find((item) => item.slug === 'test-deutschkurs-marxloh');
    expect(hit?.name).toEqual({
      value: 'دورة زيبرا للغة الألمانية للأمهات',
      lang: 'ar',
      status: 'up_to_date',
    });
  });

  it('shows German with a marker where the offer has no text in the reader’s language', async () => {
    const page = await search('q=quokkaberatung', 'tr');
    expect(page.items[0]?.name).toEqual({ value: 'Quokkaberatung Hochfeld', lang: 'de', status: 'missing' });
  });

  it('combines filters: Ortsteil, free places, language spoken, free of charge, distance', async () => {
    expect(slugs(await search('q=quokka&ortsteil=marxloh'))).toEqual(['test-deutschkurs-marxloh']);
    expect(slugs(await search('q=quokka&has_places=true'))).toEqual(['test-deutschkurs-marxloh']);
    expect(slugs(await search('q=quokka&language=ron'))).toEqual(['test-quokka-beratung-hochfeld']);
    expect(slugs(await search('q=quokka&free=true'))).toEqual(['test-deutschkurs-marxloh']);
    expect(slugs(await search('q=quokka&category=counselling&district=mitte'))).toEqual([
      'test-quokka-beratung-hochfeld',
    ]);
    const near = await search('q=quokka&postcode=47053&radius_km=2');
    expect(slugs(near)).toEqual(['test-quokka-beratung-hochfeld']);
    expect(near.items[0]?.distanceKm).toBeLessThan(2);
  });

  it('counts searches that find nothing per language, district and words — and coordinators see them', async () => {
    await search('q=quantenphysik%20kurs&district=walsum', 'uk');
    await search('q=Kurs%20Quantenphysik&district=walsum', 'uk');
    const coordinator = await t.login('coordinator');
    const reply = await coordinator.get('/api/v1/directory/unmet-searches');
    expect(reply.status).toBe(200);
    const items = reply.json<{
      items: { lang: string; districtId: string; words: string; count: number }[];
    }>().items;
    expect(items).toContainEqual(expect.objectContaining({ lang: 'uk', districtId: 'walsum', count: 2 }));
    expect((await (await t.login('guide')).get('/api/v1/directory/unmet-searches')).status).toBe(403);
  });

  it('answers bad input with 400 naming the parameter, and is not fooled by SQL or scripts', async () => {
    const long = await t.client().get(`/api/v1/directory/services?q=${'a'.repeat(10_000)}`);
    expect(long.status).toBe(400);
    expect(long.json<{ error: { field: string } }>().error.field).toBe('query.q');
    for (const [query, field] of [
      ['language=klingon', 'query.language'],
      ['page=0', 'query.page'],
      ['postcode=99999', 'query.postcode'],
      ['ortsteil=atlantis', 'query.ortsteil'],
      ['category=astrology', 'query.category'],
    ]) {
      const reply = await t.client('en').get(`/api/v1/directory/services?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.json<{ error: { field: string } }>().error.field).toBe(field);
    }
    const sqlish = await search(`q=${encodeURIComponent("quokka' OR 1=1 --")}`);
    expect(sqlish.total).toBeLessThanOrEqual(2);
    // A script is only words: it finds what "script alert" finds (real words resemble them), and nothing echoes it.
    const script = await search(`q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(slugs(script)).toEqual(slugs(await search('q=script%20alert')));
    expect(JSON.stringify(script)).not.toContain('<script');
    expect((await search('q=quokka&page=999')).items).toEqual([]);
  });
});

/** The first example the search field's hint gives, as the locale file says it („…“, “…”, «…»). */
function hintExample(lang: string): string {
  const file = JSON.parse(readFileSync(`locales/${lang}/directory.json`, 'utf8')) as {
    search: { wordsHint: string };
  };
  const example = /[„“«]([^„“”«»]+)[“”»]/u.exec(file.search.wordsHint)?.[1];
  if (!example) throw new Error(`no example in the ${lang} hint: ${file.search.wordsHint}`);
  return example;
}

const isLanguageCourse = (item: Summary | undefined) => item?.categories.includes('language_learning');

describe('search words as people type them', () => {
  it.each(['de', 'en', 'tr', 'ar', 'ro', 'bg', 'uk', 'ru', 'fa', 'pl'])(
    'the example under the search field finds language courses first (%s)',
    async (lang) => {
      const page = await search(`q=${encodeURIComponent(hintExample(lang))}`, lang);
      expect(page.items.some(isLanguageCourse), hintExample(lang)).toBe(true);
      expect(page.items[0]?.categories ?? [], hintExample(lang)).toContain('language_learning');
    },
  );

  it('a Romanian reader searching “curs” or “germană” alone sees language courses first', async () => {
    for (const q of ['curs', 'germană']) {
      const page = await search(`q=${encodeURIComponent(q)}`, 'ro');
      expect(page.items[0]?.categories ?? [], q).toContain('language_learning');
    }
  });

  it('offers with Romanian texts about a course or about Germany do not push language courses down', async () => {
    const romanian = (slug: string, category: 'leisure_meeting' | 'work', de: string, ro: string) =>
      add({
        slug,
        categories: [category],
        texts: {
          name: { de, ro },
          description: { de, ro },
          eligibility: null,
          fees: null,
          requiredDocuments: null,
        },
      });
    await romanian('test-ro-croitorie', 'leisure_meeting', 'Nähkurs', 'Curs de croitorie');
    await romanian(
      'test-ro-diplome',
      'work',
      'Anerkennung deutscher Abschlüsse',
      'Recunoașterea diplomelor germane pentru curs de calificare',
    );
    const page = await search(`q=${encodeURIComponent(hintExample('ro'))}`, 'ro');
    expect(page.items[0]?.categories ?? []).toContain('language_learning');
  });

  it('a word that matches nothing does not empty the result, and coordinators see that word', async () => {
    const alone = await search('q=Deutschkurs');
    const withNonsense = await search('q=Deutschkurs%20xyzzyq');
    expect(withNonsense.items.length).toBeGreaterThan(0);
    expect(slugs(withNonsense)).toEqual(slugs(alone));
    expect(isLanguageCourse(withNonsense.items[0])).toBe(true);
    const coordinator = await t.login('coordinator');
    const unmet = (await coordinator.get('/api/v1/directory/unmet-searches')).json<{
      items: { words: string }[];
    }>().items;
    expect(unmet.map((item) => item.words)).toContain('xyzzyq');
  });

  it('shows only the offers that match every word; if none does, those that match the most words first', async () => {
    await add({
      slug: 'test-a-okapi-treff',
      categories: ['leisure_meeting'],
      texts: {
        name: { de: 'Okapi-Treff' },
        description: { de: 'Spiele mit Quallen.' },
        eligibility: null,
        fees: null,
        requiredDocuments: null,
      },
    });
    await add({
      slug: 'test-z-walross-okapi',
      categories: ['leisure_meeting'],
      texts: {
        name: { de: 'Spielgruppe Walross und Okapi' },
        description: { de: 'Malen mit Farben.' },
        eligibility: null,
        fees: null,
        requiredDocuments: null,
      },
    });
    expect(slugs(await search('q=okapi%20walross'))).toEqual(['test-z-walross-okapi']);
    // No offer has all three words; the two that have two of them come first (typo tolerance may let other
    // offers match two words loosely, after them).
    expect(slugs(await search('q=okapi%20walross%20quallen')).slice(0, 2)).toEqual([
      'test-a-okapi-treff',
      'test-z-walross-okapi',
    ]);
  });
});

describe('an offer', () => {
  it('shows opening hours in local time, what to bring, and takes feedback', async () => {
    const reply = await t.client().get('/api/v1/directory/services/test-deutschkurs-marxloh');
    expect(reply.status).toBe(200);
    const detail = reply.json<{
      openingHours: unknown[];
      requiredDocuments: { value: string };
      timezone: string;
      phone: string;
    }>();
    expect(detail.openingHours).toEqual([{ days: ['MO', 'WE'], opens: '09:00', closes: '12:00' }]);
    expect(detail.requiredDocuments.value).toBe('Ausweis mitbringen');
    expect(detail.timezone).toBe('Europe/Berlin');
    const feedback = await t.client().post('/api/v1/directory/services/test-deutschkurs-marxloh/feedback', {
      kind: 'wrong',
      comment: 'Die Zeiten stimmen nicht.',
    });
    expect(feedback.status).toBe(201);
    expect((await t.client().get('/api/v1/directory/services/no-such-offer')).status).toBe(404);
  });
});
