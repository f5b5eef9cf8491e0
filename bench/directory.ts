/**
 * `npm run bench -- directory [--explain] [--sequential] [--engines] [--services N] [--duration S]`
 *
 * The directory's performance goal (spec: directory.md, "Performance"): 20,000 offers in ten languages on
 * PostgreSQL, a filtered word search under 50 concurrent clients at p95 ≤ 25 ms, and at least a third of the
 * throughput of a bare endpoint that returns the same page from memory, measured side by side in one run.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { type City, loadCity } from '../server/core/city.ts';
import { type Database, openDatabase, type Tx } from '../server/core/db.ts';
import { translate } from '../server/core/i18n.ts';
import * as repo from '../server/modules/directory/directory.repository.ts';
import { CATEGORIES, type Category, TARGET_GROUPS } from '../server/modules/directory/directory.terms.ts';
import { searchIndexOf } from '../server/modules/directory/search/search.index.ts';
import { localWeekTime, queryWords } from '../server/modules/directory/search.service.ts';
import { searchTextOf } from '../server/modules/directory/texts.ts';
import { adminQuery, databaseUrl, startPostgres } from '../test/postgres.ts';
import { ORGANISATION_PARTS, STREETS, TEXT_LANGUAGES, VOCABULARY } from './directory.words.ts';
import { BARE_PATH, benchConfig } from './directory-server.ts';
import { compareEngines } from './engines.ts';
import { load, ms, num, prng, type Rng } from './shared.ts';
import type { LoadResult } from './load.ts';

const GOAL_P95_MS = 25;
const GOAL_RATIO = 1 / 3;
const GOAL_MEMORY_MB = 600;
const GOAL_FRESH_P50_MS = 250;
const GOAL_FRESH_MAX_MS = 1000;
const PROBES = 50;
const CONNECTIONS = 50;
const BATCH = 500;
const EXTRA_ORGANISATIONS = 300;

/** The measured request: a German word search for a language course in one Stadtbezirk, with free places. */
const SEARCH = { q: 'deutschkurs', district: 'hamborn', has_places: 'true' } as const;
const SEARCH_PATH = `/api/v1/directory/services?${new URLSearchParams(SEARCH)}`;

type Options = {
  explain: boolean;
  keep: boolean;
  services: number;
  duration: number;
  queries: string | null;
  servers: number;
  sequential: boolean;
  engines: boolean;
};

function parseOptions(args: string[]): Options {
  const options: Options = {
    explain: false,
    keep: false,
    services: 20_000,
    duration: 15,
    queries: null,
    servers: 1,
    sequential: false,
    engines: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--explain') options.explain = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--services') options.services = Number(args[++i]);
    else if (arg === '--duration') options.duration = Number(args[++i]);
    else if (arg === '--queries') options.queries = args[++i] ?? null;
    else if (arg === '--sequential') options.sequential = true;
    else if (arg === '--engines') options.engines = true;
    else if (arg === '--servers') options.servers = Math.max(1, Math.min(4, Number(args[++i])));
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

type WordRef = { list: 'category' | 'general' | 'targets' | 'documents'; category?: Category; index: number };

/** One word of a language's vocabulary; index i means the same in every language. */
function wordOf(lang: string, ref: WordRef): string {
  const v = VOCABULARY[lang] ?? VOCABULARY.de;
  if (!v) throw new Error('no vocabulary');
  const list =
    ref.list === 'category' ? v.categories[ref.category ?? 'counselling'] : (v[ref.list] as string[]);
  return list[ref.index % list.length] ?? '';
}

const sentence = (lang: string, refs: WordRef[]) => {
  const text = refs.map((ref) => wordOf(lang, ref)).join(' ');
  return `${text.charAt(0).toLocaleUpperCase(lang)}${text.slice(1)}.`;
};

const CATEGORY_WEIGHTS: [Category, number][] = CATEGORIES.map((c) => [
  c,
  c === 'language_learning' ? 3 : c === 'counselling' ? 2 : 1,
]);
const SPOKEN = ['eng', 'tur', 'ara', 'bul', 'ron', 'ukr', 'rus', 'pol', 'fas', 'rom', 'kmr', 'prs', 'tir'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function weightedCategory(rng: Rng): Category {
  const total = CATEGORY_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [category, weight] of CATEGORY_WEIGHTS) {
    r -= weight;
    if (r < 0) return category;
  }
  return 'counselling';
}

type Rows = Record<string, unknown[]>;
const rowsOf = (...columns: string[]): Rows => Object.fromEntries(columns.map((c) => [c, []]));
const push = (rows: Rows, values: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(values)) rows[key]?.push(value);
};

/** Generates the offers and writes them in batches of multi-row INSERT … SELECT FROM unnest(…). */
async function generate(client: pg.PoolClient, city: City, count: number): Promise<void> {
  const rng = prng(20_260_101);
  const ortsteile = city.districts.flatMap((district) =>
    district.ortsteile.map((ortsteil) => ({ district, ortsteil })),
  );
  const uiLanguages = city.profile.languages.map((l) => l.code);
  const categoryLabels = new Map(
    CATEGORIES.map((c) => [c, uiLanguages.map((lang) => translate(lang, `directory:categories.${c}`))]),
  );

  // A city of this size has hundreds of providers: the demo ones plus generated associations.
  const extra = rowsOf('id', 'name', 'kind', 'district');
  for (let i = 0; i < EXTRA_ORGANISATIONS; i++) {
    const { district, ortsteil } = rng.pick(ortsteile);
    push(extra, {
      id: `bench-org-${i}`,
      name: `${rng.pick(ORGANISATION_PARTS.kinds)} ${rng.pick(ORGANISATION_PARTS.names)} ${ortsteil.name} e. V.`,
      kind: rng.next() < 0.5 ? 'association' : 'provider',
      district: district.id,
    });
  }
  await client.query(
    `insert into organisations (id, name, kind, district_id)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) on conflict do nothing`,
    [extra.id, extra.name, extra.kind, extra.district],
  );
  const organisations = (
    await client.query<{ id: string; name: string }>('select id, name from organisations')
  ).rows;

  // Maintaining the search indexes row by row is most of a bulk load's time: drop them, load, build them again as
  // the migrations defined them.
  const searchIndexes = ['services_search_words', 'directory_words_trgm'];
  const definitions = (
    await client.query<{ def: string }>(
      `select pg_get_indexdef(i::regclass) as def from unnest($1::text[]) i`,
      [searchIndexes],
    )
  ).rows.map((row) => row.def);
  for (const index of searchIndexes) await client.query(`drop index ${index}`);
  for (let start = 0; start < count; start += BATCH) {
    const svc = rowsOf(
      'id',
      'slug',
      'org',
      'status',
      'cats',
      'targets',
      'langs',
      'free',
      'url',
      'email',
      'phone',
      'cap',
      'wait',
      'checked',
      'search',
      'places',
    );
    const txt = rowsOf('id', 'field', 'lang', 'value', 'status');
    const loc = rowsOf(
      'id',
      'org',
      'name',
      'address',
      'postcode',
      'district',
      'ortsteil',
      'lat',
      'lon',
      'access',
    );
    const sal = rowsOf('service', 'location');
    const sch = rowsOf('service', 'days', 'opens', 'closes');
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const id = rng.uuid();
      const locationId = rng.uuid();
      const organisation = rng.pick(organisations);
      const { district, ortsteil } = ortsteile[i % ortsteile.length] ?? rng.pick(ortsteile);
      const primary = weightedCategory(rng);
      const categories = [primary, ...(rng.next() < 0.35 ? [weightedCategory(rng)] : [])].filter(
        (c, n, all) => all.indexOf(c) === n,
      );
      const targets = rng.some(TARGET_GROUPS, 1, 3);
      const cat = (category: Category): WordRef => ({ list: 'category', category, index: rng.int(8) });
      const general = (): WordRef => ({ list: 'general', index: rng.int(28) });
      const nameRefs: WordRef[] = [
        cat(primary),
        { list: 'targets', index: TARGET_GROUPS.indexOf(targets[0] ?? 'children') },
      ];
      const descriptionRefs = Array.from({ length: 10 + rng.int(12) }, () =>
        rng.next() < 0.3 ? cat(rng.pick(categories)) : general(),
      );
      const eligibilityRefs: WordRef[] = [
        ...targets.map((t): WordRef => ({ list: 'targets', index: TARGET_GROUPS.indexOf(t) })),
        general(),
      ];
      const documentRefs = Array.from(
        { length: 1 + rng.int(4) },
        (): WordRef => ({ list: 'documents', index: rng.int(8) }),
      );
      const outdated = rng.next() < 0.1 ? [rng.pick(TEXT_LANGUAGES.slice(1))] : [];
      const machine = rng.next() < 0.1 ? [rng.pick(TEXT_LANGUAGES.slice(1))] : [];
      const texts = {
        name: Object.fromEntries(
          TEXT_LANGUAGES.map((lang) => [lang, `${sentence(lang, nameRefs).slice(0, -1)} – ${ortsteil.name}`]),
        ),
        description: Object.fromEntries(
          TEXT_LANGUAGES.map((lang) => [lang, sentence(lang, descriptionRefs)]),
        ),
        eligibility: Object.fromEntries(
          TEXT_LANGUAGES.map((lang) => [lang, sentence(lang, eligibilityRefs)]),
        ),
        requiredDocuments: Object.fromEntries(
          TEXT_LANGUAGES.map((lang) => [lang, sentence(lang, documentRefs)]),
        ),
      };
      const placeKind = rng.int(6);
      const location = {
        name: `${VOCABULARY.de?.placeKinds[placeKind] ?? 'Treffpunkt'} ${ortsteil.name}`,
        address: `${rng.pick(STREETS)} ${1 + rng.int(180)}`,
      };
      // Exactly the inputs of insertServiceRecord (records.ts), in the same order.
      const search = searchTextOf([
        ...(['name', 'description', 'eligibility', 'fees', 'requiredDocuments'] as const).flatMap((field) =>
          field === 'fees' ? [] : Object.values(texts[field]),
        ),
        organisation.name,
        location.name,
        location.address,
        ortsteil.name,
        district.name,
        ...categories.flatMap((c) => categoryLabels.get(c) ?? []),
      ]);
      const status = rng.next();
      const hasCapacity = rng.next() < 0.6;
      push(svc, {
        id,
        slug: `bench-${i}-${ortsteil.id}`,
        org: organisation.id,
        status: status < 0.94 ? 'published' : status < 0.97 ? 'draft' : status < 0.98 ? 'review' : 'archived',
        cats: categories.join(','),
        targets: targets.join(','),
        langs: ['deu', ...rng.some(SPOKEN, 0, 3)].join(','),
        free: rng.next() < 0.75,
        url: rng.next() < 0.5 ? `https://example.org/angebote/${i}` : null,
        email: rng.next() < 0.5 ? `angebot${i}@example.org` : null,
        phone: `+49 203 ${String(1_000_000 + rng.int(8_999_999))}`,
        cap: hasCapacity ? (rng.next() < 0.4 ? 0 : 1 + rng.int(15)) : null,
        wait: hasCapacity ? rng.int(30) : null,
        checked: `2026-${String(1 + rng.int(11)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
        search,
        places: `${district.id},${ortsteil.id}`,
      });
      for (const [field, values] of Object.entries(texts)) {
        for (const [lang, value] of Object.entries(values)) {
          push(txt, {
            id,
            field,
            lang,
            value,
            status:
              lang === 'de'
                ? 'source'
                : outdated.includes(lang)
                  ? 'outdated'
                  : machine.includes(lang)
                    ? 'machine'
                    : 'up_to_date',
          });
        }
      }
      push(loc, {
        id: locationId,
        org: organisation.id,
        name: location.name,
        address: location.address,
        postcode: ortsteil.postcodes[0] ?? '47051',
        district: district.id,
        ortsteil: ortsteil.id,
        lat: ortsteil.centre.lat + (rng.next() - 0.5) * 0.012,
        lon: ortsteil.centre.lon + (rng.next() - 0.5) * 0.018,
        access: rng.next() < 0.6,
      });
      push(sal, { service: id, location: locationId });
      for (let k = 0; k < 1 + rng.int(2); k++) {
        const opens = 8 + rng.int(8);
        push(sch, {
          service: id,
          days: rng.some(DAYS, 1, 5).join(','),
          opens: `${String(opens).padStart(2, '0')}:00`,
          closes: `${String(opens + 2 + rng.int(4)).padStart(2, '0')}:30`,
        });
      }
    }
    await client.query('begin');
    await client.query(
      `insert into services (id, slug, organisation_id, status, categories, target_groups, languages, free, url,
         email, phone, capacity_free, waiting_list, last_checked_at, search_words, places)
       select id, slug, org, status, string_to_array(cats, ','), string_to_array(targets, ','),
         string_to_array(langs, ','), free, url, email, phone, cap, wait, checked, string_to_array(search, ' '),
         string_to_array(places, ',')
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::boolean[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::date[], $15::text[],
         $16::text[])
         as t(id, slug, org, status, cats, targets, langs, free, url, email, phone, cap, wait, checked, search,
           places)`,
      Object.values(svc),
    );
    await client.query(
      `insert into directory_texts (entity_type, entity_id, field, lang, value, status)
       select 'service', * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      Object.values(txt),
    );
    await client.query(
      `insert into locations (id, organisation_id, name, address, postcode, city, district_id, ortsteil_id, lat, lon,
         accessible)
       select id, org, name, address, postcode, $11, district, ortsteil, lat, lon, access
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::float8[], $9::float8[], $10::boolean[])
         as t(id, org, name, address, postcode, district, ortsteil, lat, lon, access)`,
      [...Object.values(loc), city.profile.name],
    );
    await client.query(
      `insert into service_locations (service_id, location_id) select * from unnest($1::uuid[], $2::uuid[])`,
      Object.values(sal),
    );
    await client.query(
      `insert into schedules (service_id, kind, by_day, opens_at, closes_at)
       select service, 'weekly', string_to_array(days, ','), opens::time, closes::time
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as t(service, days, opens, closes)`,
      Object.values(sch),
    );
    await client.query('commit');
  }
  await client.query(`set maintenance_work_mem = '256MB'`);
  for (const definition of definitions) await client.query(definition);
  await client.query('reset maintenance_work_mem');
}

/** A word with one typing mistake: a letter left out, doubled, swapped with the next or replaced. */
function withTypo(rng: Rng, word: string): string {
  const chars = [...word];
  if (chars.length < 4) return word;
  const i = 1 + rng.int(chars.length - 2);
  const kind = rng.int(4);
  if (kind === 0) chars.splice(i, 1);
  else if (kind === 1) chars.splice(i, 0, chars[i] ?? '');
  else if (kind === 2) [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
  else chars[i] = chars[i] === 'a' ? 'e' : 'a';
  return chars.join('');
}

/**
 * The realistic mix: distinct requests made of the generated offers' own words in all ten languages; 20 % with a
 * typo, 30 % in a Stadtbezirk or Ortsteil, 20 % around a postcode, 20 % with another filter; pages 1–3.
 */
export function requestMix(city: City, count = 2400): string[] {
  const rng = prng(11);
  const ortsteile = city.districts.flatMap((d) => d.ortsteile);
  const postcodes = [...new Set(ortsteile.flatMap((o) => o.postcodes))];
  const wordsOf = (lang: string) => {
    const v = VOCABULARY[lang];
    if (!v) return [];
    return [...Object.values(v.categories).flat(), ...v.general, ...v.targets, ...v.documents]
      .flatMap((phrase) => phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      .filter((w) => w.length > 3);
  };
  const vocabulary = TEXT_LANGUAGES.map((lang) => ({ lang, words: [...new Set(wordsOf(lang))] }));
  const requests = new Set<string>();
  for (let attempt = 0; requests.size < count && attempt < count * 20; attempt++) {
    const { words } = vocabulary[attempt % vocabulary.length] ?? { words: [] };
    const q = Array.from({ length: 1 + (rng.next() < 0.3 ? 1 : 0) }, () => rng.pick(words));
    if (rng.next() < 0.2) q[0] = withTypo(rng, q[0] ?? '');
    const params = new URLSearchParams({ q: q.join(' ') });
    const kind = rng.next();
    if (kind < 0.3) {
      if (rng.next() < 0.5) params.set('district', rng.pick(city.districts).id);
      else params.set('ortsteil', rng.pick(ortsteile).id);
    } else if (kind < 0.5) {
      params.set('postcode', rng.pick(postcodes));
      params.set('radius_km', String(rng.pick([1, 2, 3, 5])));
    } else if (kind < 0.7) {
      const other = rng.int(3);
      if (other === 0) params.set('free', 'true');
      else if (other === 1) params.set('has_places', 'true');
      else params.set('language', rng.pick(SPOKEN.slice(0, 9)));
    }
    const page = rng.next();
    if (page >= 0.6) params.set('page', page < 0.85 ? '2' : '3');
    requests.add(params.toString());
  }
  return [...requests];
}

/** One URL query string per line (`q=deutschkurs&district=hamborn&has_places=true`); # starts a comment. */
function readQueries(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim().replace(/^\?/, ''))
    .filter((line) => line && !line.startsWith('#'));
}

/** The search's SQL exactly as the repository builds it, with its parameters. */
function searchSql(): { sql: string; params: unknown[] } {
  let captured: SQL | null = null;
  const fake = {
    execute: async (query: SQL) => {
      captured = query;
      return { rows: [] };
    },
  } as unknown as Tx;
  void repo.searchPublishedServices(fake, searchFilter());
  if (!captured) throw new Error('the search did not run a query');
  return new PgDialect().sqlToQuery(captured);
}

/** The similar words of the benchmark's search words, looked up once (the server keeps them the same way). */
let expansions: repo.WordExpansion[] = [];

function searchFilter(): repo.SearchFilter {
  return {
    words: expansions,
    categories: [],
    districtId: SEARCH.district,
    ortsteilId: null,
    near: null,
    language: null,
    targetGroup: null,
    free: false,
    accessible: false,
    hasPlaces: true,
    openAt: null,
    limit: 20,
    offset: 0,
  };
}

async function timeIt(label: string, work: () => Promise<unknown>): Promise<string> {
  await work();
  let runs = 0;
  const started = performance.now();
  // Up to 30 runs, or fewer when a run is slow (at most about two seconds per query).
  while (runs < 30 && (runs === 0 || performance.now() - started < 2000)) {
    await work();
    runs++;
  }
  const mean = (performance.now() - started) / runs;
  return `  ${label.padEnd(52)} ${mean.toFixed(2).padStart(8)} ms  (${runs} runs)`;
}

/**
 * Every request of the mix once, one after another in this process (no load, no network): the time one search
 * costs the server, and the slowest requests. The first pass meets cold caches, the second warm ones.
 */
async function sequential(
  app: { inject: (o: { url: string }) => Promise<{ statusCode: number }> },
  paths: string[],
): Promise<void> {
  for (const pass of ['first pass (cold)', 'second pass (warm)']) {
    const times: [number, string][] = [];
    const started = performance.now();
    for (const p of paths) {
      const t = performance.now();
      const response = await app.inject({ url: p });
      if (response.statusCode !== 200) throw new Error(`${p} answered ${response.statusCode}`);
      times.push([performance.now() - t, p]);
    }
    const total = performance.now() - started;
    times.sort(([a], [b]) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.[0] ?? 0;
    console.log(
      `Sequential, ${pass}: ${times.length} requests in ${(total / 1000).toFixed(1)} s; p50 ${at(0.5).toFixed(2)} ms, ` +
        `p95 ${at(0.95).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${at(1).toFixed(2)} ms; slowest:`,
    );
    for (const [ms, p] of times.slice(-8).reverse()) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${p}`);
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the search, and the time of each query of one search request. */
async function explain(database: Database, city: City): Promise<void> {
  expansions = await Promise.all(queryWords(SEARCH.q).map((w) => repo.similarWords(database.db, w)));
  console.log(
    `\nSimilar dictionary words of the search words: ${expansions.map((e) => e.words.length).join(', ')}`,
  );
  console.log(
    `  looking them up: ${await timeIt('similarWords', () => Promise.all(queryWords(SEARCH.q).map((w) => repo.similarWords(database.db, w))))}`.trim(),
  );
  const pool = database.pool as pg.Pool;
  const { sql, params } = searchSql();
  const plan = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
  console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the search query:\n');
  console.log(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
  const hits = await repo.searchPublishedServices(database.db, searchFilter());
  const ids = hits.map((h) => h.id);
  const at = localWeekTime(new Date(), city.profile.timezone);
  console.log('\nEach query of one search request, alone and one after another (mean):');
  const lines = [
    await timeIt('searchPublishedServices', () => repo.searchPublishedServices(database.db, searchFilter())),
    await timeIt('servicesByIds', () => repo.servicesByIds(database.db, ids)),
    await timeIt(`textsOf (${ids.length} offers, every field and language)`, () =>
      repo.textsOf(database.db, 'service', ids),
    ),
    await timeIt('locationsOfServices', () => repo.locationsOfServices(database.db, ids)),
    await timeIt('openServiceIds', () => repo.openServiceIds(database.db, ids, at)),
  ];
  console.log(lines.join('\n'));
}

/**
 * The freshness probe: during the load, 50 times, a draft offer is published on server A's database (plain SQL
 * with a word of its own, as any server's write arrives) and server B is asked every 5 ms until it finds it.
 * Returns the delays in ms (null: not found within 5 s).
 */
async function probeFreshness(url: string, baseB: string, seconds: number): Promise<(number | null)[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const delays: (number | null)[] = [];
  try {
    const drafts = (
      await client.query<{ id: string }>(
        `select id from services where status = 'draft' order by id limit $1`,
        [PROBES],
      )
    ).rows;
    const gap = (seconds * 1000) / (PROBES + 1);
    for (const [k, { id }] of drafts.entries()) {
      await new Promise((resolve) => setTimeout(resolve, gap / 2));
      const word = `frischprobe${k}x${Date.now() % 100000}`;
      const started = performance.now();
      await client.query(
        `update services set status = 'published', search_words = search_words || array[$2] where id = $1`,
        [id, word],
      );
      let delay: number | null = null;
      while (performance.now() - started < 5000) {
        const reply = await fetch(`${baseB}/api/v1/directory/services?q=${word}`);
        if (reply.ok && ((await reply.json()) as { total: number }).total > 0) {
          delay = performance.now() - started;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      delays.push(delay);
      await client.query(`update services set status = 'draft' where id = $1`, [id]);
      await new Promise((resolve) => setTimeout(resolve, gap / 2));
    }
  } finally {
    await client.end();
  }
  return delays;
}

/** A latency or rate for the table; n/a when no response came back (JSON turns NaN into null). */
export async function benchDirectory(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const external = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const server = external ? { url: external, stop: async () => {} } : await startPostgres();
  const name = `lotse_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(server.url, `create database ${name}`);
  const url = databaseUrl(server.url, name);
  const config = benchConfig(url);
  const city = loadCity(config.cityDir);
  // The pool size of a production start (server/main.ts opens the pool with the default).
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    const version = await database.pool?.query<{ server_version: string }>('show server_version');
    console.log(
      `PostgreSQL ${version?.rows[0]?.server_version} (${external ? 'from the environment' : 'embedded'}), database ${name}`,
    );
    const { app, services, modules } = await buildApp({ config, database, city });
    await prepareDatabase(services, modules);

    let started = performance.now();
    const client = await (database.pool as pg.Pool).connect();
    try {
      await generate(client, city, options.services);
      const generated = performance.now() - started;
      started = performance.now();
      // The word dictionary of the search, as insertServiceRecord keeps it.
      await client.query(
        'insert into directory_words (word) select distinct unnest(search_words) from services on conflict do nothing',
      );
      await client.query('analyze');
      const counts = await client.query<{ services: number; texts: number; size: string }>(
        `select (select count(*)::int from services) as services, (select count(*)::int from directory_texts) as texts,
           pg_size_pretty(pg_database_size(current_database())) as size`,
      );
      const c = counts.rows[0];
      console.log(
        `Generated ${options.services} offers in ${TEXT_LANGUAGES.length} languages in ${(generated / 1000).toFixed(1)} s ` +
          `(ANALYZE ${((performance.now() - started) / 1000).toFixed(1)} s): ${c?.services} services, ` +
          `${c?.texts} texts, database ${c?.size}`,
      );
    } finally {
      client.release();
    }

    // The mix of requests (or the file's), each a path of the search.
    const queries = options.queries ? readQueries(options.queries) : requestMix(city);
    const paths = queries.map((q) => `/api/v1/directory/services?${q}`);
    console.log(
      `Requests: ${paths.length} distinct${options.queries ? ` from ${options.queries}` : ' (the realistic mix)'}`,
    );

    // The ceiling: the same page, from memory, through the same app (same hooks and plugins).
    // A Buffer, as the search's answer is: the cheapest a page can be sent.
    let bare = Buffer.alloc(0);
    app.get(BARE_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(bare),
    );
    // Listening starts the search index (built from the database; /ready waits for it).
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const index = searchIndexOf(database);
    await index.ready;
    gc?.();
    const heapAfter = process.memoryUsage();
    const indexMb =
      (heapAfter.heapUsed + heapAfter.external - heapBefore.heapUsed - heapBefore.external) / 1048576;
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const ready = await fetch(`${base}/ready`);
    console.log(
      `Search index: ${index.size} published offers, ${index.dictionarySize} distinct words, built in ` +
        `${(index.buildMs / 1000).toFixed(1)} s; memory ${indexMb.toFixed(0)} MB (heap${gc ? ', after gc' : ', no --expose-gc'}; ` +
        `estimate ${(index.approximateBytes() / 1048576).toFixed(0)} MB), process RSS ${(heapAfter.rss / 1048576).toFixed(0)} MB; /ready ${ready.status}`,
    );

    // More app servers on the same database, each in its own process with its own pool and index, as a
    // deployment runs them.
    const others: { child: ChildProcess; base: string }[] = [];
    for (let i = 1; i < options.servers; i++) {
      const child = fork(path.join(import.meta.dirname, 'directory-server.ts'), [url], {
        execArgv: ['--import', 'tsx', ...process.execArgv.filter((a) => a === '--expose-gc')],
      });
      const port = await new Promise<number>((resolve, reject) => {
        child.once('message', (m: { port: number }) => resolve(m.port));
        child.once('exit', (code) => reject(new Error(`app server ${i + 1} exited with ${code}`)));
      });
      others.push({ child, base: `http://127.0.0.1:${port}` });
    }

    const first = await fetch(`${base}${paths[0] ?? SEARCH_PATH}`);
    const firstText = await first.text();
    if (first.status !== 200) throw new Error(`search answered ${first.status}: ${firstText.slice(0, 300)}`);
    bare = Buffer.from(firstText);
    for (const other of others) other.child.send({ bare: firstText });
    const page = JSON.parse(firstText) as { total: number; items: unknown[] };
    console.log(
      `Bare page: GET ${paths[0]} → ${page.total} offers found, ${page.items.length} on the page (${bare.length} bytes)`,
    );

    if (options.explain) await explain(database, city);
    if (options.sequential) await sequential(app, paths);
    if (options.engines) await compareEngines(services, city, index, queries);
    if (!options.duration) return;

    console.log(
      `\nWarm-up, then ${options.duration} s each with ${CONNECTIONS} connections on ${options.servers} server(s) …`,
    );
    const bases = others.map((o) => o.base);
    const load1 = () =>
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    await load({ url: base, paths, bases, connections: CONNECTIONS, duration: 3 });
    await load({ url: `${base}${BARE_PATH}`, connections: CONNECTIONS, duration: 2 });
    const bareLoad = load1();
    const bareResult = await load({
      url: `${base}${BARE_PATH}`,
      bases,
      connections: CONNECTIONS,
      duration: options.duration,
    });
    const searchLoad = load1();
    const probing = others[0] ? probeFreshness(url, others[0].base, options.duration) : Promise.resolve(null);
    const searchResult = await load({
      url: base,
      paths,
      bases,
      connections: CONNECTIONS,
      duration: options.duration,
    });
    const delays = await probing;

    const ratio = searchResult.rps / bareResult.rps;
    const verdict = (ok: boolean) => (ok ? 'HIT' : 'MISS');
    const allOk = (r: LoadResult) =>
      Object.entries(r.statuses).every(([status]) => status === '200') && r.errors === 0 && r.timeouts === 0;
    const sorted = (delays ?? []).filter((d): d is number => d !== null).sort((a, b) => a - b);
    const lost = (delays ?? []).filter((d) => d === null).length;
    const p50 = sorted.length ? (sorted[Math.ceil(sorted.length / 2) - 1] ?? null) : null;
    const max = sorted.length && !lost ? (sorted.at(-1) ?? null) : null;
    console.log(`
                     p50 ms   p95 ms   p99 ms      req/s   requests  all 200   load average (1 5 15 min)
search (mix)       ${ms(searchResult.p50)} ${ms(searchResult.p95)} ${ms(searchResult.p99)} ${num(searchResult.rps, 0).padStart(10)} ${String(searchResult.requests).padStart(10)}  ${allOk(searchResult) ? 'yes' : `NO ${JSON.stringify(searchResult.statuses)} errors ${searchResult.errors} timeouts ${searchResult.timeouts}`}       ${searchLoad}
bare (from memory) ${ms(bareResult.p50)} ${ms(bareResult.p95)} ${ms(bareResult.p99)} ${num(bareResult.rps, 0).padStart(10)} ${String(bareResult.requests).padStart(10)}  ${allOk(bareResult) ? 'yes' : `NO ${JSON.stringify(bareResult.statuses)} errors ${bareResult.errors} timeouts ${bareResult.timeouts}`}       ${bareLoad}
index              ${index.size} offers, built in ${(index.buildMs / 1000).toFixed(1)} s, ${indexMb.toFixed(0)} MB
${delays ? `freshness          ${delays.length} publishes on server A, found on server B after p50 ${num(p50)} ms, max ${lost ? `n/a (${lost} not found within 5 s)` : `${num(max)} ms`}\n` : ''}
goal  search p95 ≤ ${GOAL_P95_MS} ms            ${num(searchResult.p95)} ms   ${verdict((searchResult.p95 ?? Number.POSITIVE_INFINITY) <= GOAL_P95_MS)}
goal  search rps / bare rps ≥ 1/3    ${num(ratio, 3)}     ${verdict(ratio >= GOAL_RATIO)}
goal  index memory ≤ ${GOAL_MEMORY_MB} MB        ${indexMb.toFixed(0)} MB   ${verdict(indexMb <= GOAL_MEMORY_MB)}${
      delays
        ? `
goal  freshness p50 ≤ ${GOAL_FRESH_P50_MS} ms        ${num(p50)} ms   ${verdict(p50 !== null && p50 <= GOAL_FRESH_P50_MS)}
goal  freshness max ≤ ${GOAL_FRESH_MAX_MS} ms       ${num(max)} ms   ${verdict(max !== null && max <= GOAL_FRESH_MAX_MS)}`
        : ''
    }`);
    for (const other of others) {
      const exited = new Promise((resolve) => other.child.once('exit', resolve));
      other.child.send({ stop: true });
      await exited;
    }
    await app.close();
  } finally {
    await database.close();
    if (options.keep) console.log(`Kept database ${url}`);
    else await adminQuery(server.url, `drop database if exists ${name} with (force)`).catch(() => {});
    await server.stop();
  }
}
