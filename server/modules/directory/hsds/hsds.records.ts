import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { City } from '../../../core/city.ts';
import { LOCALES_DIR, translate } from '../../../core/i18n.ts';
import { formatOffset, localDate, localTime, offsetMinutes } from '../../../core/time.ts';
import { CATEGORIES, CATEGORY_LABEL, type Category } from '../directory.terms.ts';
import { showText, type TextRow } from '../texts.ts';
import { hsdsId } from './ids.ts';

/** An HSDS record as JSON: only fields with a value (HSDS types allow no nulls). */
export type HsdsRecord = { id: string; [field: string]: unknown };

/** The extension: every language a record has text in → its fields in that language and their status. */
export type Translations = Record<string, Record<string, unknown> & { status: Record<string, string> }>;

type EntityText = TextRow & { entityId: string };

/** Everything the records of some offers are built from, loaded in a few queries. */
export type Loaded = {
  services: Map<
    string,
    {
      service: {
        id: string;
        slug: string;
        organisationId: string;
        categories: string[];
        languages: string[];
        free: boolean;
        url: string | null;
        email: string | null;
        phone: string | null;
        capacityFree: number | null;
        waitingList: number | null;
        lastCheckedAt: string;
        updatedAt: Date;
      };
      organisation: { id: string; name: string; email: string | null; website: string | null };
    }
  >;
  places: Map<
    string,
    {
      serviceAtLocationId: string;
      serviceId: string;
      location: {
        id: string;
        organisationId: string;
        name: string;
        address: string;
        postcode: string;
        city: string;
        districtId: string;
        ortsteilId: string;
        lat: number;
        lon: number;
        accessible: boolean;
      };
    }[]
  >;
  schedules: Map<
    string,
    {
      id: string;
      serviceId: string;
      kind: string;
      byDay: string[] | null;
      opensAt: string | null;
      closesAt: string | null;
      startsAt: Date | null;
      endsAt: Date | null;
    }[]
  >;
  texts: {
    service: EntityText[];
    location: EntityText[];
    schedule: EntityText[];
    organization: EntityText[];
  };
};

/** How records are shown: the reader's language and the city's settings. */
export type View = {
  locale: string;
  city: City;
  /** State and country of the city's addresses (ISO codes from its profile). */
  state: string;
  country: string;
  currency: string;
};

export const TAXONOMY_NAME = 'lotse-categories';
const TAXONOMY_VERSION = '1';
const SOURCE = 'de';

/** Drops null and undefined values (HSDS fields are typed without null). */
function compact(record: HsdsRecord): HsdsRecord {
  const kept = Object.entries(record).filter(([, value]) => value !== null && value !== undefined);
  return { ...Object.fromEntries(kept), id: record.id };
}

const textsOf = (rows: EntityText[], id: string) => rows.filter((row) => row.entityId === id);

/** The main text of a field: the reader's language, German where it is missing. */
const main = (rows: TextRow[], field: string, locale: string) => showText(rows, field, locale)?.value;

/** The translations extension of a record: our text fields renamed to their HSDS names. */
export function translationsOf(rows: TextRow[], fields: Record<string, string>): Translations | undefined {
  const out: Translations = {};
  for (const row of rows) {
    const name = fields[row.field];
    if (!name) continue;
    const language = out[row.lang] ?? { status: {} };
    language[name] = row.value;
    language.status[name] = row.status;
    out[row.lang] = language;
  }
  return Object.keys(out).length ? out : undefined;
}

const SERVICE_FIELDS = {
  name: 'name',
  description: 'description',
  eligibility: 'eligibility_description',
  fees: 'fees_description',
  requiredDocuments: 'required_documents',
};

// ---------------------------------------------------------------------------------------------------------
// Taxonomy

/** Status of the UI translations of a language (locales/review.json): machine-made or reviewed. */
let reviewed: Record<string, Record<string, string>> | null = null;
function uiTextStatus(lang: string): string {
  if (lang === SOURCE) return 'source';
  reviewed ??= JSON.parse(readFileSync(path.join(LOCALES_DIR, 'review.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  return reviewed[lang]?.directory === 'reviewed' ? 'up_to_date' : 'machine';
}

export function taxonomyRecord(): HsdsRecord {
  return {
    id: hsdsId.taxonomy(TAXONOMY_NAME),
    name: TAXONOMY_NAME,
    // Data, not UI: the taxonomy's description is published in the source language like the term names.
    description: 'Themenbereiche der Angebote im Lotse-Verzeichnis',
    version: TAXONOMY_VERSION,
  };
}

export function isCategory(code: string): code is Category {
  return (CATEGORIES as readonly string[]).includes(code);
}

/** A category's name in a language (German where the UI has no translation). */
export function categoryName(lang: string, code: Category): string {
  return translate(lang, CATEGORY_LABEL[code]);
}

/** A category's name in every language of the city. */
export function categoryNames(view: View, code: Category): string[] {
  return view.city.profile.languages.map(({ code: lang }) => categoryName(lang, code));
}

/** A category as an HSDS taxonomy term: German name (the source), every language in the extension. */
export function taxonomyTermRecord(view: View, code: Category): HsdsRecord {
  const key = CATEGORY_LABEL[code];
  const name = translate(SOURCE, key);
  const translations: Translations = {};
  for (const { code: lang } of view.city.profile.languages) {
    const value = translate(lang, key);
    translations[lang] = { name: value, description: value, status: { name: uiTextStatus(lang) } };
  }
  return {
    id: hsdsId.taxonomyTerm(code),
    code,
    name,
    description: name,
    taxonomy: TAXONOMY_NAME,
    taxonomy_id: hsdsId.taxonomy(TAXONOMY_NAME),
    taxonomy_detail: taxonomyRecord(),
    language: SOURCE,
    translations,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Organisations

type OrganisationRow = { id: string; name: string; email: string | null; website: string | null };

/** An organisation with the one-to-one fields (HSDS organization_list). */
export function organizationCore(view: View, org: OrganisationRow, texts: EntityText[]): HsdsRecord {
  const rows = textsOf(texts, org.id);
  return compact({
    id: hsdsId.organization(org.id),
    name: org.name,
    // HSDS requires a description; organisations without one show their name.
    description: main(rows, 'description', view.locale) ?? org.name,
    email: org.email,
    website: org.website,
    translations: translationsOf(rows, { description: 'description' }),
  });
}

/** The organisation's own key (its slug) as an HSDS organization identifier. */
export function organizationIdentifiers(org: OrganisationRow): HsdsRecord[] {
  return [
    {
      id: hsdsId.organizationIdentifier(org.id),
      organization_id: hsdsId.organization(org.id),
      identifier_scheme: 'lotse',
      identifier_type: 'slug',
      identifier: org.id,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Places and times

type Place = NonNullable<ReturnType<Loaded['places']['get']>>[number];

export function locationRecord(view: View, loaded: Loaded, place: Place): HsdsRecord {
  const { location } = place;
  const rows = textsOf(loaded.texts.location, location.id);
  const district = view.city.districts.find((d) => d.id === location.districtId);
  const ortsteil = district?.ortsteile.find((o) => o.id === location.ortsteilId);
  return compact({
    id: location.id,
    location_type: 'physical',
    organization_id: hsdsId.organization(location.organisationId),
    name: location.name,
    latitude: location.lat,
    longitude: location.lon,
    addresses: [
      compact({
        id: hsdsId.address(location.id),
        location_id: location.id,
        address_1: location.address,
        city: location.city,
        region: [ortsteil?.name, district?.name].filter(Boolean).join(', ') || undefined,
        state_province: view.state,
        postal_code: location.postcode,
        country: view.country,
        address_type: 'physical',
      }),
    ],
    accessibility: [
      compact({
        id: hsdsId.accessibility(location.id),
        location_id: location.id,
        description: main(rows, 'accessibilityNote', view.locale),
        accessible: location.accessible,
        translations: translationsOf(rows, { accessibilityNote: 'description' }),
      }),
    ],
  });
}

const HHMM = (time: string | null) => (time ?? '').slice(0, 5);

/**
 * Weekly opening hours as an RFC 5545-style weekly rule in the city's local wall-clock time (extension `tzid`),
 * dated events with their local date, times and exact UTC offset.
 */
export function scheduleRecords(view: View, loaded: Loaded, serviceId: string): HsdsRecord[] {
  const timeZone = view.city.profile.timezone;
  return (loaded.schedules.get(serviceId) ?? []).flatMap((s) => {
    if (s.kind === 'weekly') {
      return [
        compact({
          id: s.id,
          service_id: serviceId,
          freq: 'WEEKLY',
          wkst: 'MO',
          byday: (s.byDay ?? []).join(','),
          opens_at: HHMM(s.opensAt),
          closes_at: HHMM(s.closesAt),
          tzid: timeZone,
        }),
      ];
    }
    if (!s.startsAt || !s.endsAt) return [];
    const startOffset = offsetMinutes(s.startsAt, timeZone);
    const endOffset = offsetMinutes(s.endsAt, timeZone);
    const rows = textsOf(loaded.texts.schedule, s.id);
    return [
      compact({
        id: s.id,
        service_id: serviceId,
        dtstart: localDate(s.startsAt, timeZone),
        until: localDate(s.endsAt, timeZone),
        count: 1,
        opens_at: `${localTime(s.startsAt, timeZone)}${formatOffset(startOffset)}`,
        closes_at: `${localTime(s.endsAt, timeZone)}${formatOffset(endOffset)}`,
        timezone: startOffset / 60,
        tzid: timeZone,
        description: main(rows, 'title', view.locale),
        translations: translationsOf(rows, { title: 'description' }),
      }),
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Offers

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, SOURCE], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** An offer with its one-to-one fields and its organisation (HSDS service_list), plus the extensions. */
export function serviceCore(view: View, loaded: Loaded, id: string): HsdsRecord | null {
  const row = loaded.services.get(id);
  if (!row) return null;
  const { service, organisation } = row;
  const rows = textsOf(loaded.texts.service, id);
  return compact({
    id: service.id,
    organization_id: hsdsId.organization(organisation.id),
    name: main(rows, 'name', view.locale) ?? service.slug,
    description: main(rows, 'description', view.locale),
    url: service.url,
    email: service.email,
    status: 'active',
    fees_description: main(rows, 'fees', view.locale),
    eligibility_description: main(rows, 'eligibility', view.locale),
    assured_date: service.lastCheckedAt,
    last_modified: service.updatedAt.toISOString(),
    organization: organizationCore(view, organisation, loaded.texts.organization),
    translations: translationsOf(rows, SERVICE_FIELDS),
    capacity:
      service.capacityFree === null
        ? undefined
        : { free_places: service.capacityFree, waiting_list: service.waitingList ?? 0 },
  });
}

/** The whole offer: phones, times, places, languages, costs, documents and categories (HSDS service). */
export function serviceFull(view: View, loaded: Loaded, id: string): HsdsRecord | null {
  const core = serviceCore(view, loaded, id);
  const row = loaded.services.get(id);
  if (!core || !row) return null;
  const { service, organisation } = row;
  const rows = textsOf(loaded.texts.service, id);
  const fees = main(rows, 'fees', view.locale);
  const documents = main(rows, 'requiredDocuments', view.locale);
  return {
    ...core,
    organization: {
      ...organizationCore(view, organisation, loaded.texts.organization),
      organization_identifiers: organizationIdentifiers(organisation),
    },
    phones: service.phone
      ? [{ id: hsdsId.phone(id), service_id: id, number: service.phone, type: 'voice' }]
      : [],
    schedules: scheduleRecords(view, loaded, id),
    service_at_locations: (loaded.places.get(id) ?? []).map((place) => ({
      id: place.serviceAtLocationId,
      service_id: id,
      location_id: place.location.id,
      location: locationRecord(view, loaded, place),
    })),
    languages: service.languages.map((code) => ({
      id: hsdsId.language(id, code),
      service_id: id,
      name: languageName(code, view.locale),
      code,
    })),
    cost_options: [
      compact({
        id: hsdsId.costOption(id),
        service_id: id,
        currency: view.currency,
        amount: service.free ? 0 : undefined,
        amount_description: service.free ? undefined : fees,
        translations: service.free ? undefined : translationsOf(rows, { fees: 'amount_description' }),
      }),
    ],
    required_documents: documents
      ? [
          compact({
            id: hsdsId.requiredDocument(id),
            service_id: id,
            document: documents,
            translations: translationsOf(rows, { requiredDocuments: 'document' }),
          }),
        ]
      : [],
    attributes: service.categories.filter(isCategory).map((code) => ({
      id: hsdsId.attribute(id, code),
      link_id: id,
      link_entity: 'service',
      link_type: 'category',
      taxonomy_term_id: hsdsId.taxonomyTerm(code),
      taxonomy_term: taxonomyTermRecord(view, code),
    })),
  };
}
