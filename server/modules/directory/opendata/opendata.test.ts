import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { systemContext } from '../../../core/context.ts';
import { buildService } from '../directory.factories.ts';
import { schedules, services } from '../directory.tables.ts';
import { insertServiceRecord } from '../records.ts';
import { CSV_HEADER } from './opendata.service.ts';

let t: TestApp;
let publishedCount: number;

/** An RFC 4180 parser, strict enough to catch bad quoting: rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length) throw new Error('last line without CRLF');
  return rows;
}

const ugly = 'Kurs "Deutsch", Stufe 1\nzweite Zeile';

beforeAll(async () => {
  t = await createTestApp();
  const ctx = systemContext(t.services);
  const add = (overrides: Parameters<typeof buildService>[0]) =>
    t.services.database.db.transaction((tx) =>
      insertServiceRecord({ ...ctx, db: tx }, buildService(overrides), 'Testträger'),
    );
  await add({
    slug: 'opendata-kalender-kurs',
    texts: {
      name: { de: ugly, en: 'Course "German", level 1' },
      description: { de: '=HYPERLINK("http://example.org")' },
      eligibility: { de: "-1+cmd|' /C calc'!A0" },
      fees: { de: '+1+1' },
      requiredDocuments: { de: '\t=1+1' },
    },
    schedule: [{ days: ['MO', 'WE'], opens: '09:00', closes: '12:00' }],
    events: [
      { start: '2027-01-12T17:30', end: '2027-01-12T19:00', title: { de: 'Infoabend', en: 'Info evening' } },
      { start: '2027-07-15T10:00', end: '2027-07-15T12:00', title: null },
    ],
  });
  await add({ slug: 'opendata-draft', status: 'draft' });
  const [row] = await t.services.database.db
    .select({ n: count() })
    .from(services)
    .where(eq(services.status, 'published'));
  publishedCount = row?.n ?? 0;
});
afterAll(() => t?.close());

type Row = Record<string, unknown>;
type Package = Record<string, Row[]> & { license: { name: string }; services: Row[] };

describe('export.json', () => {
  it('holds every published offer once, with translations, as linked HSDS tables', async () => {
    const reply = await t.client().get('/api/v1/directory/export.json');
    expect(reply.status, reply.body).toBe(200);
    const data = reply.json<Package>();
    expect(data.license.name).toBe('CC-BY-4.0');
    expect(data.services).toHaveLength(publishedCount);
    expect(new Set(data.services.map((s) => s.id)).size).toBe(publishedCount);
    expect(data.services.some((s) => s.name === ugly)).toBe(true);
    expect(data.services.every((s) => typeof s.translations === 'object')).toBe(true);

    const vendor = path.resolve(import.meta.dirname, '../../../../vendor/hsds-3.0/schema/compiled');
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(vendor, 'service_list.json'), 'utf8')));
    for (const service of data.services)
      expect(validate(service), JSON.stringify(validate.errors)).toBe(true);

    const ids = (table: string) => new Set(data[table]?.map((r) => r.id));
    const serviceIds = ids('services');
    const locationIds = ids('locations');
    const organizationIds = ids('organizations');
    for (const link of data.service_at_locations ?? []) {
      expect(serviceIds.has(link.service_id)).toBe(true);
      expect(locationIds.has(link.location_id)).toBe(true);
    }
    for (const service of data.services) expect(organizationIds.has(service.organization_id)).toBe(true);
    for (const schedule of data.schedules ?? []) expect(serviceIds.has(schedule.service_id)).toBe(true);
    expect(data.taxonomy_terms).toHaveLength(10);
  });

  it('refuses a language the city does not have', async () => {
    const reply = await t.client().get('/api/v1/directory/export.json?lang=xx');
    expect(reply.status).toBe(400);
    expect(reply.json<{ error: { field: string } }>().error.field).toBe('query.lang');
  });
});

describe('export.csv', () => {
  it('is UTF-8 with BOM, RFC 4180 quoted, one row per place of a published offer', async () => {
    const reply = await t.client().get('/api/v1/directory/export.csv');
    expect(reply.status, reply.body).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(reply.body.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(reply.body.slice(1));
    expect(header).toEqual(CSV_HEADER);
    const json = (await t.client().get('/api/v1/directory/export.json')).json<Package>();
    expect(rows).toHaveLength(json.service_at_locations?.length ?? -1);
    expect(rows.every((row) => row.length === CSV_HEADER.length)).toBe(true);
    const column = (name: string) => CSV_HEADER.indexOf(name);
    const test = rows.find((row) => row[column('service_slug')] === 'opendata-kalender-kurs');
    expect(test?.[column('name')]).toBe(ugly);
    expect(test?.[column('description')]).toBe('\'=HYPERLINK("http://example.org")');
    // Every cell a spreadsheet would run as a formula starts with an apostrophe: = + - @, tab, CR.
    expect(test?.[column('eligibility')]).toBe("'-1+cmd|' /C calc'!A0");
    expect(test?.[column('fees')]).toBe("'+1+1");
    expect(test?.[column('required_documents')]).toBe("'\t=1+1");
    expect(test?.[column('opening_hours')]).toBe('MO,WE 09:00-12:00');
    expect(test?.[column('lotse_url')]).toMatch(/\/angebote\/opendata-kalender-kurs$/);
    expect(rows.some((row) => row[column('service_slug')] === 'opendata-draft')).toBe(false);

    const english = parseCsv((await t.client().get('/api/v1/directory/export.csv?lang=en')).body.slice(1));
    expect(
      english.find((row) => row[column('service_slug')] === 'opendata-kalender-kurs')?.[column('name')],
    ).toBe('Course "German", level 1');
  });
});

describe('dcat.json', () => {
  it('describes the catalogue, the dataset and its two downloads', async () => {
    const reply = await t.client().get('/api/v1/directory/dcat.json');
    expect(reply.status, reply.body).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/ld\+json/);
    const catalog = reply.json<Record<string, unknown>>();
    expect(catalog['@type']).toBe('dcat:Catalog');
    const dataset = (catalog['dcat:dataset'] as Record<string, unknown>[])[0] ?? {};
    expect(dataset['@type']).toBe('dcat:Dataset');
    expect(dataset['dct:publisher']).toEqual({
      '@type': 'foaf:Agent',
      'foaf:name': t.services.city.profile.branding.organisation,
    });
    expect((dataset['dct:spatial'] as Record<string, unknown>)['skos:prefLabel']).toBe('Duisburg');
    const distributions = dataset['dcat:distribution'] as Record<string, { '@id': string }>[];
    expect(distributions).toHaveLength(2);
    const publicUrl = t.services.config.publicUrl;
    expect(distributions.map((d) => d['dcat:downloadURL']?.['@id'])).toEqual([
      `${publicUrl}/api/v1/directory/export.json`,
      `${publicUrl}/api/v1/directory/export.csv`,
    ]);
    expect(distributions.map((d) => d['dcat:mediaType']?.['@id'])).toEqual([
      'https://www.iana.org/assignments/media-types/application/json',
      'https://www.iana.org/assignments/media-types/text/csv',
    ]);
    for (const d of distributions)
      expect(d['dct:license']?.['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    const modified = (catalog['dct:modified'] as { '@value': string })['@value'];
    expect(new Date(modified).toISOString()).toBe(modified);
  });
});

describe('calendar.ics', () => {
  const vevents = (body: string) => body.match(/^BEGIN:VEVENT\r$/gm)?.length ?? 0;

  it('has the offer’s dated events in the city’s time zone, texts in the reader’s language', async () => {
    const reply = await t.client('en').get('/api/v1/directory/services/opendata-kalender-kurs/calendar.ics');
    expect(reply.status, reply.body).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/calendar/);
    const body = reply.body;
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(vevents(body)).toBe(2);
    expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(body).toMatch(
      /BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200/,
    );
    expect(body).toContain('DTSTART;TZID=Europe/Berlin:20270112T173000');
    expect(body).toContain('DTEND;TZID=Europe/Berlin:20270112T190000');
    expect(body).toContain('DTSTART;TZID=Europe/Berlin:20270715T100000');
    expect(body).toContain('SUMMARY:Info evening – Course "German"\\, level 1');
    expect(body.replace(/\r\n /g, '')).toMatch(/URL[^:]*:http[^\r]*\/angebote\/opendata-kalender-kurs/);
    expect(body).toContain('Weseler Straße 49');

    const withHours = await t
      .client()
      .get('/api/v1/directory/services/opendata-kalender-kurs/calendar.ics?opening_hours=true');
    expect(vevents(withHours.body)).toBe(3);
    expect(withHours.body).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,WE');
  });

  it('has as many events as a demo offer has dates', async () => {
    const db = t.services.database.db;
    const [row] = await db
      .select({ slug: services.slug, n: count() })
      .from(schedules)
      .innerJoin(services, eq(services.id, schedules.serviceId))
      .where(and(eq(schedules.kind, 'event'), eq(services.status, 'published')))
      .groupBy(services.slug)
      .orderBy(services.slug)
      .limit(1);
    expect(row).toBeDefined();
    const reply = await t.client().get(`/api/v1/directory/services/${row?.slug}/calendar.ics`);
    expect(reply.status).toBe(200);
    expect(vevents(reply.body)).toBe(row?.n);
    const detail = (await t.client().get(`/api/v1/directory/services/${row?.slug}`)).json<{
      events: unknown[];
    }>();
    expect(vevents(reply.body)).toBe(detail.events.length);
  });

  it('does not exist for drafts or unknown offers', async () => {
    expect((await t.client().get('/api/v1/directory/services/opendata-draft/calendar.ics')).status).toBe(404);
    expect((await t.client().get('/api/v1/directory/services/nothing-here/calendar.ics')).status).toBe(404);
  });
});
