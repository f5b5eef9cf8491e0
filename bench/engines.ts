/**
 * `npm run bench -- directory --engines`: the directory's own search index beside three search libraries made for
 * the job — MiniSearch, FlexSearch and Orama — on the same offers and the same mix of requests, one request at a
 * time in this process (the libraries' own cost, no HTTP). Each library indexes the same words per offer as the
 * index does (names and descriptions in every language) and answers the same filters; the answers are compared
 * with the index's, which the property test holds equal to the database's.
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { Charset, Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { City } from '../server/core/city.ts';
import { systemContext, type AppServices } from '../server/core/context.ts';
import { searchQuery } from '../server/modules/directory/directory.schema.ts';
import type {
  IndexedOffer,
  IndexQuery,
  SearchIndex,
} from '../server/modules/directory/search/search.index.ts';
import { searchFilter } from '../server/modules/directory/search.service.ts';
import { expandWordsWith } from '../server/modules/directory/word-expansions.ts';

type Filter = Omit<IndexQuery, 'words'>;
type Request = { words: string[]; filter: Filter };

/** A library under test: builds over the offers, then answers a request with every matching id, best first. */
type Engine = {
  name: string;
  build: (offers: IndexedOffer[]) => Promise<void>;
  ids: (request: Request) => Promise<string[]>;
};

const RAD = Math.PI / 180;
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const h =
    Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lon - a.lon) * RAD) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(h));
}

/** The search's filters on one offer, as the index applies them (the libraries get them as a filter function). */
function passes(offer: IndexedOffer, f: Filter): boolean {
  if (f.categories.length && !offer.categories.some((c) => f.categories.includes(c))) return false;
  if (f.language && !offer.languages.includes(f.language)) return false;
  if (f.targetGroup && !offer.targetGroups.includes(f.targetGroup)) return false;
  if (f.free && !offer.free) return false;
  if (f.hasPlaces && !((offer.capacityFree ?? 0) > 0)) return false;
  return offer.locations.some(
    (l) =>
      (!f.districtId || l.districtId === f.districtId) &&
      (!f.ortsteilId || l.ortsteilId === f.ortsteilId) &&
      (!f.accessible || l.accessible) &&
      (!f.near || km(f.near, l) <= f.near.radiusKm),
  );
}

const TOKENS = /[^\p{L}\p{N}]+/u;
const tokenize = (text: string) => text.toLowerCase().split(TOKENS).filter(Boolean);

function engines(byId: Map<string, IndexedOffer>): Engine[] {
  let mini: MiniSearch<{ id: string; text: string }> | null = null;
  let flex: FlexIndex | null = null;
  let orama: ReturnType<typeof oramaDb> | null = null;
  const filtered = (ids: Iterable<string>, f: Filter) => {
    const out: string[] = [];
    for (const id of ids) {
      const offer = byId.get(id);
      if (offer && passes(offer, f)) out.push(id);
    }
    return out;
  };
  return [
    {
      name: 'MiniSearch 7 (prefix, fuzzy 0.2)',
      build: async (offers) => {
        mini = new MiniSearch({ fields: ['text'], tokenize });
        mini.addAll(offers.map((o) => ({ id: o.id, text: o.words.join(' ') })));
      },
      ids: async ({ words, filter }) =>
        (mini as MiniSearch)
          .search(words.join(' '), {
            prefix: true,
            fuzzy: 0.2,
            combineWith: 'OR',
            filter: (r) => {
              const offer = byId.get(r.id as string);
              return !!offer && passes(offer, filter);
            },
          })
          .map((r) => r.id as string),
    },
    {
      name: 'FlexSearch 0.8 (forward, suggest)',
      build: async (offers) => {
        flex = new FlexIndex({ tokenize: 'forward', encoder: Charset.Normalize });
        for (const o of offers) flex.add(o.id, o.words.join(' '));
      },
      ids: async ({ words, filter }) =>
        filtered(
          (flex as FlexIndex).search(words.join(' '), { limit: 100_000, suggest: true }) as string[],
          filter,
        ),
    },
    {
      name: 'Orama 3 (tolerance 1)',
      build: async (offers) => {
        orama = oramaDb();
        await insertMultiple(
          orama,
          offers.map((o) => ({ id: o.id, text: o.words.join(' ') })),
          2000,
        );
      },
      ids: async ({ words, filter }) => {
        const found = await oramaSearch(orama as ReturnType<typeof oramaDb>, {
          term: words.join(' '),
          properties: ['text'],
          tolerance: 1,
          limit: 100_000,
        });
        return filtered(
          found.hits.map((h) => h.id),
          filter,
        );
      },
    },
  ];
}

/** Orama with a Unicode tokenizer (its default one keeps only Latin letters: Arabic and Cyrillic words vanish). */
function oramaDb() {
  return create({
    schema: { text: 'string' } as const,
    components: {
      tokenizer: {
        language: 'english',
        normalizationCache: new Map(),
        tokenize: (raw: string) => tokenize(raw),
      },
    },
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 1048576;
};

/** Runs the comparison and prints one row per engine. */
export async function compareEngines(
  services: AppServices,
  city: City,
  index: SearchIndex,
  queries: string[],
): Promise<void> {
  const ctx = { ...systemContext(services), city };
  const requests: Request[] = queries.map((q) => {
    const { words, filter } = searchFilter(
      ctx,
      searchQuery.parse(Object.fromEntries(new URLSearchParams(q))),
    );
    return { words, filter };
  });
  const offers = [...index.allOffers()];
  const byId = new Map(offers.map((o) => [o.id, o]));
  // The index answers a page as the API asks for it (timed), and everything once, untimed, for the reference.
  const ours = async (r: Request) =>
    index.search({ ...r.filter, words: expandWordsWith(index, r.words) }).hits.map((h) => h.offer.id);
  const reference = requests.map((r) =>
    index
      .search({ ...r.filter, words: expandWordsWith(index, r.words), offset: 0, limit: 100_000 })
      .hits.map((h) => h.offer.id),
  );
  const timeAll = async (ids: (r: Request) => Promise<string[]>, keep?: string[][]) => {
    const times: number[] = [];
    for (const r of requests) {
      const t = performance.now();
      const found = await ids(r);
      times.push(performance.now() - t);
      keep?.push(found);
    }
    return times.sort((a, b) => a - b);
  };
  const row = (name: string, build: string, memory: string, times: number[], answers: string[][]) => {
    let found = 0;
    let foundByUs = 0;
    let overlap = 0;
    let counted = 0;
    for (const [i, ref] of reference.entries()) {
      const got = answers[i] ?? [];
      if (ref.length) {
        foundByUs++;
        if (got.length) found++;
        const top = new Set(ref.slice(0, 20));
        overlap += got.slice(0, 20).filter((id) => top.has(id)).length / top.size;
        counted++;
      }
    }
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `${name.padEnd(36)} ${build.padStart(8)} ${memory.padStart(8)} ${quantile(times, 0.5).toFixed(2).padStart(8)} ` +
        `${quantile(times, 0.95).toFixed(2).padStart(8)} ${mean.toFixed(2).padStart(8)}   ` +
        `${((100 * found) / Math.max(1, foundByUs)).toFixed(0).padStart(5)} %   ${((100 * overlap) / Math.max(1, counted)).toFixed(0).padStart(5)} %`,
    );
  };
  const pages = await timeAll(ours);
  console.log(
    `\nSearch libraries on the same ${offers.length} offers and ${requests.length} requests (one at a time, after ` +
      `the index answered each once; a library returns every match, the index the page asked for; ` +
      `filters as a filter function; "found": requests where the index finds offers and the library finds any; ` +
      `"top 20": share of the index's first 20 in the library's first 20)`,
  );
  console.log(
    `${'engine'.padEnd(36)} ${'build s'.padStart(8)} ${'heap MB'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'mean ms'.padStart(8)}   found    top 20`,
  );
  row('Lotse index (the page asked for)', `${(index.buildMs / 1000).toFixed(1)}*`, '', pages, reference);
  for (const engine of engines(byId)) {
    const before = heapMb();
    const t = performance.now();
    await engine.build(offers);
    const build = ((performance.now() - t) / 1000).toFixed(1);
    const memory = (heapMb() - before).toFixed(0);
    const answers: string[][] = [];
    const times = await timeAll(engine.ids, answers);
    row(engine.name, build, memory, times, answers);
  }
  console.log(
    '* the index reads its offers from the database while it builds; the libraries get them from memory.' +
      `${(globalThis as { gc?: () => void }).gc ? '' : ' (heap without --expose-gc: rough)'}`,
  );
}
