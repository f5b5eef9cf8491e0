import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { systemContext } from '../../../core/context.ts';
import { buildService } from '../directory.factories.ts';
import { insertServiceRecord } from '../records.ts';
import { hsdsId, uuidV5 } from './ids.ts';

const VENDOR = path.resolve(import.meta.dirname, '../../../../vendor/hsds-3.0/schema');
const schema = (file: string) => JSON.parse(readFileSync(path.join(VENDOR, file), 'utf8')) as object;

// The HSDS files carry Frictionless Data keywords (name, constraints, datapackage_metadata …): not strict.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of ['metadata.json', 'taxonomy.json', 'taxonomy_term.json'])
  ajv.addSchema(schema(file), file);
const validators: Record<string, ValidateFunction> = {};
const validatorFor = (file: string) => {
  validators[file] ??= file.startsWith('compiled/')
    ? ajv.compile(schema(file))
    : (ajv.getSchema(file) as ValidateFunction);
  return validators[file];
};

/** Asserts that a record is valid HSDS, naming the schema and the errors when not. */
function expectValid(file: string, record: unknown) {
  const validate = validatorFor(file);
  const ok = validate(record);
  expect(ok ? [] : validate.errors?.slice(0, 5), `${file}: ${JSON.stringify(record).slice(0, 300)}`).toEqual(
    [],
  );
}

type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
};
type Service = {
  id: string;
  name: string;
  description?: string;
  organization_id: string;
  status: string;
  translations?: Record<string, Record<string, unknown> & { status: Record<string, string> }>;
  capacity?: { free_places: number; waiting_list: number };
  attributes?: { taxonomy_term: { code: string; name: string } }[];
  service_at_locations?: { location: { addresses: { postal_code: string }[] } }[];
  schedules?: Record<string, unknown>[];
  languages?: { code: string; name: string }[];
};

let t: TestApp;
let draftId: string;
let zebraId: string;

const get = async (url: string, locale = 'de') => {
  const reply = await t.client(locale).get(url);
  expect(reply.status, reply.body).toBe(200);
  return reply;
};
const page = async (url: string, locale = 'de') => (await get(url, locale)).json<Page>();

beforeAll(async () => {
  t = await createTestApp();
  const ctx = systemContext(t.services);
  const add = (overrides: Parameters<typeof buildService>[0]) =>
    t.services.database.db.transaction((tx) =>
      insertServiceRecord({ ...ctx, db: tx }, buildService(overrides), 'Testträger'),
    );
  draftId = await add({ slug: 'hsds-draft-offer', status: 'draft' });
  zebraId = await add({
    slug: 'hsds-zebra-kurs',
    categories: ['language_learning', 'family'],
    languages: ['deu', 'ara'],
    capacity: { free: 3, waitingList: 1 },
    texts: {
      name: { de: 'Zebrakurs Deutsch', en: 'Zebra German course', ar: 'دورة زيبرا للألمانية' },
      description: { de: 'Deutsch lernen mit Kinderbetreuung.', en: 'Learn German with childcare.' },
      eligibility: null,
      fees: null,
      requiredDocuments: { de: 'Ausweis mitbringen' },
    },
    events: [{ start: '2027-01-12T17:30', end: '2027-01-12T19:00', title: { de: 'Infoabend' } }],
  });
});
afterAll(() => t?.close());

describe('ids', () => {
  it('derives RFC 9562 version 5 UUIDs', () => {
    // The RFC's example: DNS namespace, "www.example.com".
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(hsdsId.organization('ki-duisburg')).toBe(hsdsId.organization('ki-duisburg'));
  });
});

describe('GET /api/hsds/', () => {
  it('names the version, profile and OpenAPI document', async () => {
    const info = (await get('/api/hsds/')).json<Record<string, string>>();
    expect(info.version).toBe('3.0');
    expect(info.openapi_url).toMatch(/\/api\/openapi\.json$/);
    expect(info.profile).toMatch(/^https?:\/\//);
  });
});

describe('services', () => {
  it('lists published offers only, as valid HSDS service_list records with HSDS paging', async () => {
    const first = await page('/api/hsds/services?per_page=10');
    expect(first.total_items).toBe(180); // 137 demo offers, 42 demo courses + the published test offer, not the draft
    expect(first).toMatchObject({
      page_number: 1,
      size: 10,
      total_pages: 18,
      first_page: true,
      last_page: false,
    });
    expect(first.empty).toBe(false);
    for (const item of first.contents) expectValid('compiled/service_list.json', item);
    expect(first.contents.map((s) => s.id)).not.toContain(draftId);

    const second = await page('/api/hsds/services?per_page=10&page=2');
    expect(second).toMatchObject({ page_number: 2, first_page: false });
    expect(second.contents.map((s) => s.id)).not.toEqual(first.contents.map((s) => s.id));
    const last = await page('/api/hsds/services?per_page=10&page=18');
    expect(last).toMatchObject({ size: 10, last_page: true });
    const beyond = await page('/api/hsds/services?per_page=10&page=19');
    expect(beyond).toMatchObject({ size: 0, empty: true, total_items: 180 });
  });

  it('answers every offer fully nested as valid HSDS service (ndjson, full)', async () => {
    const reply = await get('/api/hsds/services?format=ndjson&full=true');
    expect(reply.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = reply.body.trimEnd().split('\n');
    expect(lines).toHaveLength(180);
    for (const line of lines) expectValid('compiled/service.json', JSON.parse(line));
  });

  it('maps one offer faithfully, by id or slug', async () => {
    const service = (await get(`/api/hsds/services/${zebraId}`)).json<Service>();
    expectValid('compiled/service.json', service);
    expect((await get('/api/hsds/services/hsds-zebra-kurs')).json<Service>().id).toBe(zebraId);
    expect(service).toMatchObject({
      name: 'Zebrakurs Deutsch',
      status: 'active',
      organization_id: hsdsId.organization('begegnungszentrum-marxloh'),
      capacity: { free_places: 3, waiting_list: 1 },
    });
    expect(service.attributes?.map((a) => a.taxonomy_term.code)).toEqual(['language_learning', 'family']);
    expect(service.attributes?.[0]?.taxonomy_term.name).toBe('Deutsch und Sprachen lernen');
    expect(service.languages).toEqual([
      expect.objectContaining({ code: 'deu', name: 'Deutsch' }),
      expect.objectContaining({ code: 'ara', name: 'Arabisch' }),
    ]);
    expect(service.schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          freq: 'WEEKLY',
          byday: 'MO,TU,WE,TH,FR',
          opens_at: '09:00',
          closes_at: '16:00',
        }),
        expect.objectContaining({
          dtstart: '2027-01-12',
          opens_at: '17:30+01:00',
          closes_at: '19:00+01:00',
          timezone: 1,
          description: 'Infoabend',
        }),
      ]),
    );
    expect(service.service_at_locations?.[0]?.location.addresses[0]?.postal_code).toBe('47169');
  });

  it('picks the main text by Accept-Language and carries every language in translations', async () => {
    const arabic = await get(`/api/hsds/services/${zebraId}`, 'ar');
    expect(arabic.headers['content-language']).toBe('ar');
    const service = arabic.json<Service>();
    expect(service.name).toBe('دورة زيبرا للألمانية');
    expect(service.description).toBe('Deutsch lernen mit Kinderbetreuung.'); // no Arabic description: German
    expect(Object.keys(service.translations ?? {}).sort()).toEqual(['ar', 'de', 'en']);
    expect(service.translations?.en).toMatchObject({
      name: 'Zebra German course',
      description: 'Learn German with childcare.',
      status: { name: 'up_to_date', description: 'up_to_date' },
    });
    expect(service.translations?.de?.status.name).toBe('source');
    const english = (await get('/api/hsds/services?search=zebrakurs', 'en')).json<Page>();
    expect(english.contents[0]).toMatchObject({ id: zebraId, name: 'Zebra German course' });
  });

  it('combines search, category, organisation, place and date filters', async () => {
    const org = hsdsId.organization('begegnungszentrum-marxloh');
    const url = `/api/hsds/services?full=true&search=deutsch&taxonomy_term_id=${hsdsId.taxonomyTerm('language_learning')}&organization_id=${org}&postcode=47169&per_page=100`;
    const found = await page(url);
    expect(found.total_items).toBeGreaterThan(0);
    for (const item of found.contents as Service[]) {
      expect(item.organization_id).toBe(org);
      expect(item.attributes?.map((a) => a.taxonomy_term.code)).toContain('language_learning');
      expect(item.service_at_locations?.map((s) => s.location.addresses[0]?.postal_code)).toContain('47169');
    }
    const bySlug = await page(
      '/api/hsds/services?search=deutsch&taxonomy_term_id=language_learning&organization_id=begegnungszentrum-marxloh&postcode=47169&per_page=100',
    );
    expect(bySlug.total_items).toBe(found.total_items);

    const near = await page('/api/hsds/services?postcode=47169&proximity=1.5&per_page=200');
    const everywhere = await page('/api/hsds/services?per_page=1');
    expect(near.total_items).toBeGreaterThan(0);
    expect(near.total_items).toBeLessThan(everywhere.total_items);

    expect((await page('/api/hsds/services?modified_after=2999-01-01')).total_items).toBe(0);
    expect(
      (await page('/api/hsds/services?modified_after=2000-01-01T00:00:00Z&per_page=1')).total_items,
    ).toBe(180);
    expect((await page(`/api/hsds/services?taxonomy_term_id=${draftId}`)).empty).toBe(true);
  });

  it('refuses bad parameters with 400 and the field; unknown ids with 404', async () => {
    for (const [query, field] of [
      ['page=0', 'query.page'],
      ['per_page=1000', 'query.per_page'],
      ['format=xml', 'query.format'],
      ['modified_after=yesterday', 'query.modified_after'],
      ['proximity=2', 'query.postcode'],
      ['postcode=99999&proximity=2', 'query.postcode'],
      ['postcode=abc', 'query.postcode'],
    ]) {
      const reply = await t.client().get(`/api/hsds/services?${query}`);
      expect(reply.status, query).toBe(400);
      const error = reply.json<{ error: { code: string; message: string; field: string } }>().error;
      expect(error.code, query).toMatch(/^validation\./);
      expect(error.field, query).toBe(field);
      expect(error.message).toBeTruthy();
    }
    expect((await t.client().get(`/api/hsds/services/${draftId}`)).status).toBe(404);
    expect((await t.client().get('/api/hsds/services/no-such-offer')).status).toBe(404);
    expect((await t.client().get('/api/hsds/organizations/no-such-org')).status).toBe(404);
    expect((await t.client().get(`/api/hsds/service_at_locations/${draftId}`)).status).toBe(404);
  });
});

describe('organizations', () => {
  it('lists organisations with published offers as valid organization_list records', async () => {
    const list = await page('/api/hsds/organizations?per_page=100');
    expect(list.total_items).toBeGreaterThan(10);
    for (const item of list.contents) expectValid('compiled/organization_list.json', item);
    const found = await page('/api/hsds/organizations?search=marxloh');
    expect(found.contents.map((o) => o.id)).toContain(hsdsId.organization('begegnungszentrum-marxloh'));
  });

  it('answers one organisation by derived UUID or slug, valid HSDS organization', async () => {
    const id = hsdsId.organization('begegnungszentrum-marxloh');
    const org = (await get(`/api/hsds/organizations/${id}`)).json<Record<string, unknown>>();
    expectValid('compiled/organization.json', org);
    expect((await get('/api/hsds/organizations/begegnungszentrum-marxloh')).json()).toEqual(org);
    expect((org.services as { id: string }[]).map((s) => s.id)).toContain(zebraId);
    expect(org.organization_identifiers).toEqual([
      expect.objectContaining({ identifier_type: 'slug', identifier: 'begegnungszentrum-marxloh' }),
    ]);
  });
});

describe('service_at_locations', () => {
  it('lists places of published offers and answers one fully nested, valid HSDS', async () => {
    const list = await page('/api/hsds/service_at_locations?postcode=47169&per_page=100');
    expect(list.total_items).toBeGreaterThan(0);
    for (const item of list.contents) {
      expectValid('compiled/service_at_location_list.json', item);
      expect((item.location as { addresses: { postal_code: string }[] }).addresses[0]?.postal_code).toBe(
        '47169',
      );
    }
    const id = list.contents[0]?.id as string;
    const one = (await get(`/api/hsds/service_at_locations/${id}`)).json();
    expectValid('compiled/service_at_location.json', one);
  });
});

describe('taxonomies', () => {
  it('publishes the categories as terms of one taxonomy, names in every language', async () => {
    const taxonomies = await page('/api/hsds/taxonomies');
    expect(taxonomies.contents).toEqual([expect.objectContaining({ name: 'lotse-categories' })]);
    for (const item of taxonomies.contents) expectValid('taxonomy.json', item);
    const terms = await page('/api/hsds/taxonomy_terms?per_page=50');
    expect(terms.total_items).toBe(10);
    for (const item of terms.contents) expectValid('taxonomy_term.json', item);
    const health = (await get(`/api/hsds/taxonomy_terms/${hsdsId.taxonomyTerm('health')}`)).json<{
      name: string;
      translations: Record<string, { name: string }>;
    }>();
    expect(health.name).toBe('Gesundheit');
    expect(Object.keys(health.translations)).toHaveLength(10);
    expect((await page('/api/hsds/taxonomy_terms?search=gesundheit')).total_items).toBe(1);
  });
});
