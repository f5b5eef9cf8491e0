import type { Ctx } from '../../../core/context.ts';
import { AppError, errors } from '../../../core/errors.ts';
import { authorize } from '../../../core/policy.ts';
import { showText, type TextRow } from '../texts.ts';
import { hsdsId, isUuid } from '../hsds/ids.ts';
import * as repo from '../hsds/hsds.repository.ts';
import {
  categoryName,
  type HsdsRecord,
  isCategory,
  type Loaded,
  serviceFull,
  taxonomyRecord,
  taxonomyTermRecord,
} from '../hsds/hsds.records.ts';
import { HSDS_VERSION, loadServices, viewOf } from '../hsds/hsds.service.ts';
import { CATEGORIES } from '../directory.terms.ts';
import { offerCalendar } from './calendar.ts';
import { toCsv } from '../../../core/csv.ts';

/** The licence of the published directory data. */
export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  path: 'https://creativecommons.org/licenses/by/4.0/',
};

/** The language of the main texts of an export: a language of the city, German by default. */
function exportLanguage(ctx: Ctx, lang: string | undefined): string {
  if (!lang) return ctx.city.profile.sourceLanguage;
  if (!ctx.city.profile.languages.some((l) => l.code === lang)) {
    throw new AppError('validation.invalid_value', { field: 'query.lang' });
  }
  return lang;
}

async function loadAll(ctx: Ctx) {
  const ids = await repo.allPublishedServiceIds(ctx.db);
  return { ids, loaded: await loadServices(ctx, ids) };
}

/** Takes the nested records of a field out of a record (and out of the copy returned). */
function split(record: HsdsRecord, field: string): [HsdsRecord, HsdsRecord[]] {
  const { [field]: nested, ...rest } = record;
  const items = Array.isArray(nested) ? (nested as HsdsRecord[]) : [];
  return [{ ...rest, id: record.id }, items];
}

/**
 * The whole published directory as an HSDS-style package: one array per HSDS table, records linked by id
 * (organization_id, service_id, location_id …) instead of nested, each with its `translations`.
 */
export async function exportPackage(ctx: Ctx, query: { lang?: string | undefined }) {
  authorize(ctx, 'directory.export');
  const locale = exportLanguage(ctx, query.lang);
  const { ids, loaded } = await loadAll(ctx);
  const view = { ...viewOf(ctx), locale };
  const tables = {
    organizations: new Map<string, HsdsRecord>(),
    organization_identifiers: new Map<string, HsdsRecord>(),
    services: [] as HsdsRecord[],
    locations: new Map<string, HsdsRecord>(),
    addresses: new Map<string, HsdsRecord>(),
    accessibility: new Map<string, HsdsRecord>(),
    service_at_locations: [] as HsdsRecord[],
    schedules: [] as HsdsRecord[],
    phones: [] as HsdsRecord[],
    languages: [] as HsdsRecord[],
    cost_options: [] as HsdsRecord[],
    required_documents: [] as HsdsRecord[],
    attributes: [] as HsdsRecord[],
  };
  for (const id of ids) {
    const full = serviceFull(view, loaded, id);
    if (!full) continue;
    const { organization, ...withoutOrganization } = full;
    const [organizationRecord, identifiers] = split(organization as HsdsRecord, 'organization_identifiers');
    tables.organizations.set(organizationRecord.id, organizationRecord);
    for (const identifier of identifiers) tables.organization_identifiers.set(identifier.id, identifier);
    let service: HsdsRecord = { ...withoutOrganization, id };
    for (const field of ['phones', 'schedules', 'languages', 'cost_options', 'required_documents'] as const) {
      const [rest, items] = split(service, field);
      service = rest;
      tables[field].push(...items);
    }
    const [withoutAttributes, attributes] = split(service, 'attributes');
    tables.attributes.push(
      ...attributes.map(({ taxonomy_term: _term, ...attribute }) => ({ ...attribute, id: attribute.id })),
    );
    const [core, links] = split(withoutAttributes, 'service_at_locations');
    tables.services.push(core);
    for (const link of links) {
      const { location, ...rest } = link;
      tables.service_at_locations.push({ ...rest, id: link.id });
      let place = location as HsdsRecord;
      for (const field of ['addresses', 'accessibility'] as const) {
        const [withoutField, items] = split(place, field);
        place = withoutField;
        for (const item of items) tables[field].set(item.id, item);
      }
      tables.locations.set(place.id, place);
    }
  }
  const { profile } = ctx.city;
  return {
    name: `lotse-${profile.id}-directory`,
    title: `${profile.branding.title}: Angebote`,
    hsds_version: HSDS_VERSION,
    language: locale,
    generated_at: ctx.now.toISOString(),
    publisher: profile.branding.organisation,
    license: DATA_LICENSE,
    extensions:
      'translations (every language per record, with status), capacity (free_places, waiting_list), tzid, accessible; see the HSDS API description',
    taxonomies: [taxonomyRecord()],
    taxonomy_terms: CATEGORIES.filter(isCategory).map((code) => taxonomyTermRecord(view, code)),
    organizations: [...tables.organizations.values()],
    organization_identifiers: [...tables.organization_identifiers.values()],
    services: tables.services,
    locations: [...tables.locations.values()],
    addresses: [...tables.addresses.values()],
    accessibility: [...tables.accessibility.values()],
    service_at_locations: tables.service_at_locations,
    schedules: tables.schedules,
    phones: tables.phones,
    languages: tables.languages,
    cost_options: tables.cost_options,
    required_documents: tables.required_documents,
    attributes: tables.attributes,
  };
}

export const CSV_HEADER = [
  'service_at_location_id',
  'service_id',
  'service_slug',
  'name',
  'description',
  'organization_id',
  'organization_slug',
  'organization_name',
  'categories',
  'languages',
  'free',
  'fees',
  'eligibility',
  'required_documents',
  'phone',
  'email',
  'url',
  'lotse_url',
  'location_id',
  'location_name',
  'address',
  'postal_code',
  'city',
  'district',
  'ortsteil',
  'latitude',
  'longitude',
  'accessible',
  'accessibility_note',
  'opening_hours',
  'capacity_free',
  'waiting_list',
  'assured_date',
  'last_modified',
];

const rowsOf = (rows: (TextRow & { entityId: string })[], id: string) =>
  rows.filter((r) => r.entityId === id);

/** One row per place of a published offer, main fields in one language (German by default). */
export async function exportCsv(ctx: Ctx, query: { lang?: string | undefined }) {
  authorize(ctx, 'directory.export');
  const locale = exportLanguage(ctx, query.lang);
  const { ids, loaded } = await loadAll(ctx);
  const rows = ids.flatMap((id) => {
    const row = loaded.services.get(id);
    if (!row) return [];
    const { service, organisation } = row;
    const texts = rowsOf(loaded.texts.service, id);
    const text = (field: string) => showText(texts, field, locale)?.value ?? null;
    const hours = (loaded.schedules.get(id) ?? [])
      .filter((s) => s.kind === 'weekly')
      .map(
        (s) =>
          `${(s.byDay ?? []).join(',')} ${(s.opensAt ?? '').slice(0, 5)}-${(s.closesAt ?? '').slice(0, 5)}`,
      )
      .join('; ');
    return (loaded.places.get(id) ?? []).map(({ serviceAtLocationId, location }) => {
      const district = ctx.city.districts.find((d) => d.id === location.districtId);
      const ortsteil = district?.ortsteile.find((o) => o.id === location.ortsteilId);
      return [
        serviceAtLocationId,
        service.id,
        service.slug,
        text('name'),
        text('description'),
        hsdsId.organization(organisation.id),
        organisation.id,
        organisation.name,
        service.categories.map((c) => (isCategory(c) ? categoryName(locale, c) : c)).join('; '),
        service.languages.join('; '),
        service.free,
        text('fees'),
        text('eligibility'),
        text('requiredDocuments'),
        service.phone,
        service.email,
        service.url,
        offerUrl(ctx, service.slug),
        location.id,
        location.name,
        location.address,
        location.postcode,
        location.city,
        district?.name ?? location.districtId,
        ortsteil?.name ?? location.ortsteilId,
        location.lat,
        location.lon,
        location.accessible,
        showText(rowsOf(loaded.texts.location, location.id), 'accessibilityNote', locale)?.value ?? null,
        hours,
        service.capacityFree,
        service.waitingList,
        service.lastCheckedAt,
        service.updatedAt.toISOString(),
      ];
    });
  });
  return { fileName: `lotse-${ctx.city.profile.id}-directory.csv`, body: toCsv(CSV_HEADER, rows) };
}

/** The offer's page in the web app. */
export function offerUrl(ctx: Ctx, slug: string): string {
  return `${ctx.config.publicUrl}/angebote/${encodeURIComponent(slug)}`;
}

/** The DCAT-AP description of the open data (JSON-LD): a catalogue with one dataset and its two files. */
export async function dcatCatalog(ctx: Ctx) {
  authorize(ctx, 'directory.export');
  const modified = ((await repo.lastPublishedChange(ctx.db)) ?? ctx.now).toISOString();
  const { profile } = ctx.city;
  const base = `${ctx.config.publicUrl}/api/v1/directory`;
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': profile.branding.organisation };
  const license = { '@id': DATA_LICENSE.path };
  const languages = profile.languages.map((l) => ({
    '@id': `http://publications.europa.eu/resource/authority/language/${languageAuthority(l.code)}`,
  }));
  const distribution = (file: string, title: string, mediaType: string, format: string) => ({
    '@id': `${base}/${file}`,
    '@type': 'dcat:Distribution',
    'dct:title': { '@value': title, '@language': 'de' },
    'dcat:accessURL': { '@id': `${base}/${file}` },
    'dcat:downloadURL': { '@id': `${base}/${file}` },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${mediaType}` },
    'dct:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${format}` },
    'dct:license': license,
    'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
  });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      locn: 'http://www.w3.org/ns/locn#',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      gsp: 'http://www.opengis.net/ont/geosparql#',
    },
    '@id': `${base}/dcat.json#catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': { '@value': `${profile.branding.title}: offene Daten`, '@language': 'de' },
    'dct:description': {
      '@value': `Offene Daten des Angebotsverzeichnisses ${profile.branding.title}.`,
      '@language': 'de',
    },
    'dct:publisher': publisher,
    'foaf:homepage': { '@id': ctx.config.publicUrl },
    'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
    'dct:language': languages,
    'dcat:dataset': [
      {
        '@id': `${base}/dcat.json#dataset`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `lotse-${profile.id}-directory`,
        'dct:title': { '@value': `Integrationsangebote in ${profile.name}`, '@language': 'de' },
        'dct:description': {
          '@value': `Veröffentlichte Angebote für Zugewanderte in ${profile.name}: Träger, Orte, Zeiten, Sprachen, Kosten und Kategorien im Format HSDS 3.0 (Open Referral), Texte in allen Sprachen der Plattform.`,
          '@language': 'de',
        },
        'dcat:keyword': ['Integration', 'Migration', 'Beratung', 'Sprachkurs', 'HSDS', 'Open Referral'],
        'dcat:theme': [{ '@id': 'http://publications.europa.eu/resource/authority/data-theme/SOCI' }],
        'dct:publisher': publisher,
        'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' },
        'dct:language': languages,
        'dct:license': license,
        'dct:spatial': {
          '@type': 'dct:Location',
          'skos:prefLabel': profile.name,
          'dcat:centroid': {
            '@value': `POINT(${profile.centre.lon} ${profile.centre.lat})`,
            '@type': 'gsp:wktLiteral',
          },
        },
        'dcat:landingPage': { '@id': `${ctx.config.publicUrl}/angebote` },
        'dcat:distribution': [
          distribution('export.json', 'HSDS-Paket (JSON)', 'application/json', 'JSON'),
          distribution('export.csv', 'Tabelle: ein Angebot je Ort (CSV)', 'text/csv', 'CSV'),
        ],
      },
    ],
  };
}

/** ISO 639-1 → the EU language authority's ISO 639-2/B code (the city's languages; others upper-cased). */
function languageAuthority(code: string): string {
  const map: Record<string, string> = {
    de: 'DEU',
    en: 'ENG',
    tr: 'TUR',
    ar: 'ARA',
    bg: 'BUL',
    ro: 'RON',
    uk: 'UKR',
    ru: 'RUS',
    pl: 'POL',
    fa: 'FAS',
  };
  return map[code] ?? code.toUpperCase();
}

/** An offer's dates as iCalendar: the events, optionally the weekly opening hours; in the reader's language. */
export async function offerIcs(ctx: Ctx, input: { id: string; openingHours: boolean }) {
  authorize(ctx, 'directory.calendar');
  const id = await repo.publishedServiceId(ctx.db, input.id, isUuid(input.id));
  if (!id) throw errors.notFound();
  const loaded: Loaded = await loadServices(ctx, [id]);
  const row = loaded.services.get(id);
  if (!row) throw errors.notFound();
  const texts = rowsOf(loaded.texts.service, id);
  const name = showText(texts, 'name', ctx.locale)?.value ?? row.service.slug;
  const description = showText(texts, 'description', ctx.locale)?.value ?? null;
  const place = loaded.places.get(id)?.[0]?.location;
  const schedules = loaded.schedules.get(id) ?? [];
  const url = offerUrl(ctx, row.service.slug);
  const body = offerCalendar({
    name,
    url,
    host: new URL(ctx.config.publicUrl).host,
    timeZone: ctx.city.profile.timezone,
    now: ctx.now,
    language: ctx.locale,
    product: ctx.city.profile.branding.title,
    location: place
      ? {
          title: place.name,
          address: `${place.address}, ${place.postcode} ${place.city}`,
          lat: place.lat,
          lon: place.lon,
        }
      : null,
    events: schedules.flatMap((s) => {
      if (s.kind !== 'event' || !s.startsAt || !s.endsAt) return [];
      const title = showText(rowsOf(loaded.texts.schedule, s.id), 'title', ctx.locale)?.value;
      return [
        {
          id: s.id,
          start: s.startsAt,
          end: s.endsAt,
          summary: title ? `${title} – ${name}` : name,
          description,
        },
      ];
    }),
    weekly: input.openingHours
      ? schedules
          .filter((s) => s.kind === 'weekly')
          .map((s) => ({
            id: s.id,
            days: s.byDay ?? [],
            opens: s.opensAt ?? '00:00',
            closes: s.closesAt ?? '00:00',
            summary: name,
          }))
      : [],
  });
  return { fileName: `${row.service.slug}.ics`, body };
}
