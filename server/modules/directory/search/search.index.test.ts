import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { systemContext } from '../../../core/context.ts';
import { CATEGORIES, TARGET_GROUPS } from '../directory.terms.ts';
import { buildService } from '../directory.factories.ts';
import { searchQuery, searchReply } from '../directory.schema.ts';
import { insertServiceRecord } from '../records.ts';
import { findServices, findServicesInDatabase, findServicesJson, searchFilter } from '../search.service.ts';
import { expandWordsWith } from '../word-expansions.ts';
import { searchIndexOf } from './search.index.ts';

let t: TestApp;

/** Names in the city's languages; the generated offers take two or three of them, the queries their words. */
const NAMES: Record<string, string[]> = {
  de: [
    'Deutschkurs für Frauen',
    'Sprachcafé',
    'Beratung für Familien',
    'Hausaufgabenhilfe',
    'Schwimmkurs',
    'Nähcafé',
  ],
  en: ['German course for women', 'Language café', 'Family counselling', 'Homework help'],
  tr: ['Kadınlar için Almanca kursu', 'Aile danışmanlığı', 'Ödev yardımı'],
  ar: ['دورة اللغة الألمانية للنساء', 'استشارة عائلية', 'مساعدة في الواجبات'],
  ro: ['Curs de germană pentru femei', 'Consiliere pentru familii'],
  bg: ['Курс по немски за жени', 'Консултация за семейства'],
  uk: ['Курс німецької для жінок', 'Консультація для сімей'],
  ru: ['Курсы немецкого для женщин', 'Консультация для семей'],
  fa: ['کلاس زبان آلمانی برای زنان', 'مشاوره خانواده'],
  pl: ['Kurs niemieckiego dla kobiet', 'Doradztwo rodzinne', 'Pomoc w odrabianiu lekcji'],
};
const QUERY_WORDS = [
  ...new Set(
    Object.values(NAMES)
      .flat()
      .flatMap((name) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      .filter((w) => w.length > 3),
  ),
];
const LANGS = ['deu', 'ara', 'tur', 'ron', 'bul', 'ukr', 'rus', 'fas', 'pol', 'eng'];

beforeAll(async () => {
  t = await createTestApp();
  const ctx = systemContext(t.services);
  const places = t.services.city.districts.flatMap((d) => d.ortsteile);
  // The same offers every run (a seeded generator), drafts among them.
  const offers = fc.sample(
    fc.record({
      langs: fc.subarray(Object.keys(NAMES), { minLength: 1 }),
      pick: fc.nat(),
      place: fc.nat({ max: places.length - 1 }),
      jitter: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
      categories: fc.subarray([...CATEGORIES], { minLength: 1, maxLength: 2 }),
      languages: fc.subarray(LANGS, { minLength: 1, maxLength: 3 }),
      targetGroups: fc.subarray([...TARGET_GROUPS], { maxLength: 2 }),
      free: fc.boolean(),
      capacity: fc.option(fc.nat({ max: 3 })),
      accessible: fc.boolean(),
      published: fc.double({ min: 0, max: 1, noNaN: true }),
      opens: fc.integer({ min: 6, max: 12 }),
      days: fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { minLength: 1 }),
    }),
    { numRuns: 60, seed: 11 },
  );
  for (const [i, o] of offers.entries()) {
    const place = places[o.place] ?? places[0];
    if (!place) throw new Error('the city has no Ortsteil');
    const name = Object.fromEntries(
      ['de', ...o.langs].map((lang) => {
        const list = NAMES[lang] ?? [];
        return [lang, `${list[o.pick % list.length]} ${i}`];
      }),
    );
    await t.services.database.db.transaction((tx) =>
      insertServiceRecord(
        { ...ctx, db: tx },
        buildService({
          slug: `prop-${String(i).padStart(3, '0')}`,
          status: o.published < 0.85 ? 'published' : 'draft',
          categories: o.categories,
          languages: o.languages,
          targetGroups: o.targetGroups,
          free: o.free,
          capacity: o.capacity === null ? null : { free: o.capacity, waitingList: 0 },
          texts: {
            name,
            description: { de: `Ein Angebot in ${place.name}.` },
            eligibility: null,
            fees: null,
            requiredDocuments: null,
          },
          location: {
            name: `Treffpunkt ${place.name}`,
            address: `Hauptstraße ${i}`,
            postcode: place.postcodes[0] ?? '47051',
            ortsteilId: place.id,
            lat: place.centre.lat + o.jitter,
            lon: place.centre.lon - o.jitter,
            accessible: o.accessible,
            accessibilityNote: null,
          },
          schedule: [{ days: o.days, opens: `${String(o.opens).padStart(2, '0')}:00`, closes: '18:00' }],
        }),
        'Prüfträger',
      ),
    );
  }
  await searchIndexOf(t.services.database).refresh();
});

afterAll(async () => {
  await t.close();
});

/** A word with one typing mistake: a letter left out, doubled, swapped with the next or replaced. */
const typo = (word: string, kind: number, at: number) => {
  const chars = [...word];
  const i = at % chars.length;
  if (kind === 0) chars.splice(i, 1);
  else if (kind === 1) chars.splice(i, 0, chars[i] ?? '');
  else if (kind === 2 && i + 1 < chars.length)
    [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
  else chars[i] = 'x';
  return chars.join('');
};

/** Publishes an offer with this German name at the city's first Ortsteil. */
async function publish(slug: string, name: string, languages: string[], n: number) {
  const ctx = systemContext(t.services);
  const place = t.services.city.districts[0]?.ortsteile[0];
  if (!place) throw new Error('the city has no Ortsteil');
  await t.services.database.db.transaction((tx) =>
    insertServiceRecord(
      { ...ctx, db: tx },
      buildService({
        slug,
        status: 'published',
        categories: ['leisure_meeting'],
        languages,
        texts: {
          name: { de: name },
          description: { de: 'Ein Treffen.' },
          eligibility: null,
          fees: null,
          requiredDocuments: null,
        },
        location: {
          name: 'Treffpunkt',
          address: `Hauptstraße ${n}`,
          postcode: place.postcodes[0] ?? '47051',
          ortsteilId: place.id,
          lat: place.centre.lat,
          lon: place.centre.lon,
          accessible: false,
          accessibilityNote: null,
        },
      }),
      'Prüfträger',
    ),
  );
}

describe('the search index', () => {
  it('gives the same answer as the database on random searches, with typos and every filter', async () => {
    const ctx = systemContext(t.services);
    const districts = t.services.city.districts;
    const ortsteile = districts.flatMap((d) => d.ortsteile);
    const postcodes = [...new Set(ortsteile.flatMap((o) => o.postcodes))];
    const query = fc.record(
      {
        words: fc.array(
          fc.record({
            word: fc.constantFrom(...QUERY_WORDS),
            typo: fc.option(fc.tuple(fc.nat({ max: 3 }), fc.nat()), { freq: 2 }),
          }),
          { maxLength: 3 },
        ),
        district: fc.constantFrom(...districts.map((d) => d.id)),
        ortsteil: fc.constantFrom(...ortsteile.map((o) => o.id)),
        postcode: fc.constantFrom(...postcodes),
        radius_km: fc.constantFrom('1', '3', '8'),
        category: fc.constantFrom(...CATEGORIES),
        language: fc.constantFrom(...LANGS),
        target_group: fc.constantFrom(...TARGET_GROUPS),
        free: fc.constant('true'),
        has_places: fc.constant('true'),
        accessible: fc.constant('true'),
        open_now: fc.constant('true'),
        page: fc.constantFrom('1', '2', '3'),
        locale: fc.constantFrom('de', 'en', 'ar', 'uk'),
      },
      { requiredKeys: ['words', 'page', 'locale'] },
    );
    await fc.assert(
      fc.asyncProperty(query, async ({ words, locale, ...filters }) => {
        const q = words.map((w) => (w.typo ? typo(w.word, w.typo[0], w.typo[1]) : w.word)).join(' ');
        const parsed = searchQuery.parse({ ...filters, ...(q ? { q } : {}), per_page: '5' });
        const reader = { ...ctx, locale };
        const answer = await findServices(reader, parsed);
        // What the route sends: the same answer, written from the rows kept per offer, exactly the schema.
        const sent = JSON.parse((await findServicesJson(reader, parsed)).toString('utf8'));
        expect(sent).toEqual(answer);
        expect(searchReply.parse(sent)).toEqual(sent);
        const { facets, ...fromIndex } = answer;
        const { found: _found, ...fromDatabase } = await findServicesInDatabase(reader, parsed);
        expect(fromIndex).toEqual(fromDatabase);
        // Every offer found has a place: the Stadtbezirke count each once.
        expect(Object.values(facets.districts).reduce((a, b) => a + b, 0)).toBe(fromIndex.total);
      }),
      { numRuns: 120, seed: 11 },
    );
    // Each run asks the database too (several queries): minutes on a busy machine.
  }, 300_000);

  it('counts all offers found, not only the page, per category and Stadtbezirk', async () => {
    const reader = t.client('de');
    const all = (await reader.get('/api/v1/directory/services?q=hausaufgabenhilfe&per_page=100')).json<{
      total: number;
      items: { categories: string[]; location: { districtId: string } | null }[];
      facets: { categories: Record<string, number>; districts: Record<string, number> };
    }>();
    expect(all.total).toBeGreaterThan(2);
    expect(all.items).toHaveLength(all.total);
    const count = (keys: string[]) => {
      const counts: Record<string, number> = {};
      for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
      return counts;
    };
    expect(all.facets.categories).toEqual(count(all.items.flatMap((i) => i.categories)));
    expect(all.facets.districts).toEqual(count(all.items.flatMap((i) => i.location?.districtId ?? [])));
    const firstPage = (await reader.get('/api/v1/directory/services?q=hausaufgabenhilfe&per_page=2')).json<{
      items: unknown[];
      facets: unknown;
    }>();
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.facets).toEqual(all.facets);
  });

  it('orders a far page (all rows sorted once) as the pages before it (kept in order while scanning)', async () => {
    const index = searchIndexOf(t.services.database);
    const ctx = systemContext(t.services);
    for (const q of ['', 'kurs beratung', 'deutschkurs']) {
      const { words, filter } = searchFilter(ctx, searchQuery.parse(q ? { q } : {}));
      const query = { ...filter, words: expandWordsWith(index, words) };
      const all = index.search({ ...query, offset: 0, limit: 100_000 }).hits.map((h) => h.offer.id);
      expect(all.length).toBeGreaterThan(5);
      const paged: string[] = [];
      for (let offset = 0; offset < all.length; offset += 7)
        paged.push(...index.search({ ...query, offset, limit: 7 }).hits.map((h) => h.offer.id));
      expect(paged).toEqual(all);
    }
  });

  it('orders equally good offers published after the start by their slug, and filters by any of 43 languages', async () => {
    // More languages than the index has bits for, and slugs published in no particular order.
    const languages = (
      'deu eng tur ara ron bul ukr rus fas pol ita fra spa por nld ell hun ces slk hrv srp bos sqi kur tir ' +
      'som amh prs pus urd hin ben tam vie tha zho jpn kor fin swe nor dan lit'
    ).split(' ');
    const slugs = languages.map((_, i) => `gleich-${String((i * 17) % languages.length).padStart(2, '0')}`);
    for (const [i, slug] of slugs.entries()) {
      await publish(slug, 'Gleichstandtreff', [languages[i] as string], i);
      // Every few, the server reads the change log: later slugs are numbered among the earlier ones.
      if (i % 5 === 4) await searchIndexOf(t.services.database).refresh();
    }
    await searchIndexOf(t.services.database).refresh();
    const reader = t.client('de');
    const found = (await reader.get('/api/v1/directory/services?q=gleichstandtreff&per_page=100')).json<{
      items: { slug: string }[];
    }>();
    expect(found.items.map((i) => i.slug)).toEqual([...slugs].sort());
    for (const [i, language] of languages.entries()) {
      const one = (
        await reader.get(`/api/v1/directory/services?q=gleichstandtreff&language=${language}`)
      ).json<{ items: { slug: string }[] }>();
      expect(one.items.map((item) => item.slug)).toEqual([slugs[i]]);
    }
  });

  it('finds, by a misspelt word searched before, an offer published later with the word it meant', async () => {
    const reader = t.client('de');
    const slugsOf = async () =>
      (await reader.get('/api/v1/directory/services?q=wombatkurx')).json<{ items: { slug: string }[] }>()
        .items;
    expect(await slugsOf()).toEqual([]);
    await publish('wombat-neumuehl', 'Wombatkurs Neumühl', ['deu'], 1);
    await searchIndexOf(t.services.database).refresh();
    // The kept expansion of "wombatkurx" is made again: the dictionary has a word similar to it now.
    expect((await slugsOf()).map((i) => i.slug)).toEqual(['wombat-neumuehl']);
  });

  it('finds offers by a misspelt Ukrainian or Arabic word', async () => {
    const reader = t.client('uk');
    const page = (
      await reader.get(`/api/v1/directory/services?q=${encodeURIComponent('німецкої')}&per_page=100`)
    ).json<{
      items: { slug: string }[];
    }>();
    expect(page.items.map((i) => i.slug).some((slug) => slug.startsWith('prop-'))).toBe(true);
    const arabic = (
      await reader.get(`/api/v1/directory/services?q=${encodeURIComponent('الالمانيه')}&per_page=100`)
    ).json<{
      items: { slug: string }[];
    }>();
    expect(arabic.items.length).toBeGreaterThan(0);
  });
});
