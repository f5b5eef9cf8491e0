import type { Ctx } from '../../../core/context.ts';
import { AppError, errors } from '../../../core/errors.ts';
import { authorize } from '../../../core/policy.ts';
import { organisationNames, organisationsByIds } from '../../platform/index.ts';
import * as directoryRepo from '../directory.repository.ts';
import { CATEGORIES } from '../directory.terms.ts';
import { queryWords } from '../search.service.ts';
import { expandWords } from '../word-expansions.ts';
import { hsdsId, isUuid } from './ids.ts';
import * as repo from './hsds.repository.ts';
import {
  categoryNames,
  type HsdsRecord,
  isCategory,
  type Loaded,
  locationRecord,
  organizationCore,
  organizationIdentifiers,
  scheduleRecords,
  serviceCore,
  serviceFull,
  TAXONOMY_NAME,
  taxonomyRecord,
  taxonomyTermRecord,
  type View,
} from './hsds.records.ts';
import type { ListQuery, TermsQuery } from './hsds.schema.ts';

export const HSDS_VERSION = '3.0';
/** ndjson answers carry every match without paging, up to this many. */
const NDJSON_MAX = 10_000;

/** A page as HSDS prescribes it (components/schemas/Page of the HSDS OpenAPI), or every item for ndjson. */
export type HsdsPage = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsRecord[];
};

function pageOf(contents: HsdsRecord[], total: number, page: number, perPage: number): HsdsPage {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** The total of a filtered list: from the page's rows, or (past the last page) from a first page of one. */
async function totalOf(
  ctx: Ctx,
  {
    hits,
    filter,
    find,
  }: { hits: repo.IdHit[]; filter: repo.HsdsFilter; find: typeof repo.findPublishedServiceIds },
) {
  if (hits.length || filter.offset === 0) return hits[0]?.total ?? 0;
  const [first] = await find(ctx.db, { ...filter, limit: 1, offset: 0 });
  return first?.total ?? 0;
}

/** Paging of a query: ndjson takes every item at once. */
const window = (query: { page: number; per_page: number; format: string }) =>
  query.format === 'ndjson'
    ? { page: 1, perPage: NDJSON_MAX, limit: NDJSON_MAX, offset: 0 }
    : {
        page: query.page,
        perPage: query.per_page,
        limit: query.per_page,
        offset: (query.page - 1) * query.per_page,
      };

export function viewOf(ctx: Ctx): View {
  const place = { state: ctx.city.profile.state, country: ctx.city.profile.country };
  const currency = ctx.city.profile.rates.currency;
  return {
    locale: ctx.locale,
    city: ctx.city,
    ...place,
    currency: typeof currency === 'string' ? currency : 'EUR',
  };
}

const group = <T>(rows: T[], key: (row: T) => string) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

/** Loads published offers with everything their records show. */
export async function loadServices(ctx: Ctx, ids: string[]): Promise<Loaded> {
  const [found, serviceTexts, places, schedules] = await Promise.all([
    repo.servicesWithOrganisationDetails(ctx.db, ids),
    directoryRepo.textsOf(ctx.db, 'service', ids),
    directoryRepo.locationsOfServices(ctx.db, ids),
    directoryRepo.schedulesOfServices(ctx.db, ids),
  ]);
  const organisationIds = [...new Set(found.map((r) => r.service.organisationId))];
  const [names, locationTexts, scheduleTexts, organizationTexts] = await Promise.all([
    organisationNames(ctx.db, organisationIds),
    directoryRepo.textsOf(
      ctx.db,
      'location',
      places.map((p) => p.location.id),
    ),
    directoryRepo.textsOf(
      ctx.db,
      'schedule',
      schedules.map((s) => s.id),
    ),
    directoryRepo.textsOf(ctx.db, 'organization', organisationIds),
  ]);
  const rows = found.map(({ service, details }) => ({
    service,
    organisation: {
      id: service.organisationId,
      name: names.get(service.organisationId) ?? '',
      email: details?.email ?? null,
      website: details?.website ?? null,
    },
  }));
  return {
    services: new Map(rows.map((row) => [row.service.id, row])),
    places: group(places, (p) => p.serviceId),
    schedules: group(schedules, (s) => s.serviceId),
    texts: {
      service: serviceTexts,
      location: locationTexts,
      schedule: scheduleTexts,
      organization: organizationTexts,
    },
  };
}

/** Every organisation with a published offer, with its directory details, ordered by name. */
async function publishingOrganisations(ctx: Ctx) {
  const details = await repo.publishingOrganisationDetails(ctx.db);
  const detailsOf = new Map(details.map((row) => [row.id, row]));
  return (
    await organisationsByIds(
      ctx.db,
      details.map((row) => row.id),
    )
  ).map((org) => ({
    id: org.id,
    name: org.name,
    email: detailsOf.get(org.id)?.email ?? null,
    website: detailsOf.get(org.id)?.website ?? null,
  }));
}

/** The organisation (slug) an HSDS organization id or a slug names, if it publishes offers. */
async function resolveOrganisation(ctx: Ctx, key: string) {
  const organisations = await publishingOrganisations(ctx);
  return organisations.find((org) =>
    isUuid(key) ? hsdsId.organization(org.id) === key.toLowerCase() : org.id === key,
  );
}

function centreOfPostcode(ctx: Ctx, postcode: string) {
  const matches = ctx.city.districts
    .flatMap((d) => d.ortsteile)
    .filter((o) => o.postcodes.includes(postcode));
  if (!matches.length) return null;
  return {
    lat: matches.reduce((sum, o) => sum + o.centre.lat, 0) / matches.length,
    lon: matches.reduce((sum, o) => sum + o.centre.lon, 0) / matches.length,
  };
}

/** The repository filter of a list query; null when it cannot match anything (unknown term or organisation). */
async function filterOf(
  ctx: Ctx,
  query: ListQuery,
  limit: number,
  offset: number,
): Promise<repo.HsdsFilter | null> {
  if (query.proximity !== undefined && !query.postcode) {
    throw new AppError('validation.required', { field: 'query.postcode' });
  }
  const centre =
    query.postcode && query.proximity !== undefined ? centreOfPostcode(ctx, query.postcode) : null;
  if (query.proximity !== undefined && !centre) {
    throw new AppError('validation.invalid_value', { field: 'query.postcode' });
  }
  if (query.taxonomy_id && ![hsdsId.taxonomy(TAXONOMY_NAME), TAXONOMY_NAME].includes(query.taxonomy_id)) {
    return null;
  }
  let categories: string[] | null = null;
  if (query.taxonomy_term_id) {
    const term = query.taxonomy_term_id.toLowerCase();
    const category = CATEGORIES.find((code) => code === term || hsdsId.taxonomyTerm(code) === term);
    if (!category) return null;
    categories = [category];
  }
  let organisationId: string | null = null;
  if (query.organization_id) {
    const organisation = await resolveOrganisation(ctx, query.organization_id);
    if (!organisation) return null;
    organisationId = organisation.id;
  }
  return {
    words: await expandWords(ctx, queryWords(query.search)),
    categories,
    organisationId,
    modifiedAfter: query.modified_after ?? null,
    postcode: query.postcode ?? null,
    near: centre && query.proximity !== undefined ? { ...centre, radiusKm: query.proximity } : null,
    limit,
    offset,
  };
}

/** GET /api/hsds/: which HSDS version and profile this API implements, and where its OpenAPI document is. */
export function apiInfo(ctx: Ctx) {
  authorize(ctx, 'directory.hsds');
  return {
    version: HSDS_VERSION,
    profile: `${ctx.config.publicUrl}/api/docs#/hsds`,
    openapi_url: `${ctx.config.publicUrl}/api/openapi.json`,
  };
}

/** Published offers, filtered and paged; one-to-one fields unless `full`. */
export async function listServices(ctx: Ctx, query: ListQuery): Promise<HsdsPage> {
  authorize(ctx, 'directory.hsds');
  const { page, perPage, limit, offset } = window(query);
  const filter = await filterOf(ctx, query, limit, offset);
  const hits = filter ? await repo.findPublishedServiceIds(ctx.db, filter) : [];
  const loaded = await loadServices(
    ctx,
    hits.map((h) => h.id),
  );
  const view = viewOf(ctx);
  const build = query.full ? serviceFull : serviceCore;
  const contents = hits.flatMap((hit) => build(view, loaded, hit.id) ?? []);
  const total = filter ? await totalOf(ctx, { hits, filter, find: repo.findPublishedServiceIds }) : 0;
  return pageOf(contents, total, page, perPage);
}

/** One published offer with everything (HSDS service), by id or slug. */
export async function getService(ctx: Ctx, key: string): Promise<HsdsRecord> {
  authorize(ctx, 'directory.hsds');
  const id = await repo.publishedServiceId(ctx.db, key, isUuid(key));
  if (!id) throw errors.notFound();
  const record = serviceFull(viewOf(ctx), await loadServices(ctx, [id]), id);
  if (!record) throw errors.notFound();
  return record;
}

/** Places of published offers (HSDS service_at_location), filtered and paged. */
export async function listServiceAtLocations(ctx: Ctx, query: ListQuery): Promise<HsdsPage> {
  authorize(ctx, 'directory.hsds');
  const { page, perPage, limit, offset } = window(query);
  const filter = await filterOf(ctx, query, limit, offset);
  const hits = filter ? await repo.findPublishedServiceLocationIds(ctx.db, filter) : [];
  const contents = await serviceAtLocationRecords(
    ctx,
    hits.map((h) => h.id),
    query.full ?? false,
  );
  const total = filter ? await totalOf(ctx, { hits, filter, find: repo.findPublishedServiceLocationIds }) : 0;
  return pageOf(contents, total, page, perPage);
}

async function serviceAtLocationRecords(ctx: Ctx, ids: string[], full: boolean): Promise<HsdsRecord[]> {
  const links = await repo.publishedServiceLocations(ctx.db, ids);
  const loaded = await loadServices(ctx, [...new Set(links.map((l) => l.serviceId))]);
  const view = viewOf(ctx);
  const byId = new Map(links.map((link) => [link.id, link]));
  return ids.flatMap((id) => {
    const link = byId.get(id);
    const place = link && loaded.places.get(link.serviceId)?.find((p) => p.serviceAtLocationId === id);
    const service = link && (full ? serviceFull : serviceCore)(view, loaded, link.serviceId);
    if (!link || !place || !service) return [];
    const record: HsdsRecord = {
      id,
      service_id: link.serviceId,
      location_id: link.locationId,
      location: locationRecord(view, loaded, place),
      service,
    };
    if (!full) return [record];
    return [{ ...record, schedules: scheduleRecords(view, loaded, link.serviceId) }];
  });
}

/** One place of a published offer, fully nested (HSDS service_at_location). */
export async function getServiceAtLocation(ctx: Ctx, id: string): Promise<HsdsRecord> {
  authorize(ctx, 'directory.hsds');
  if (!isUuid(id)) throw errors.notFound();
  const [record] = await serviceAtLocationRecords(ctx, [id.toLowerCase()], true);
  if (!record) throw errors.notFound();
  return record;
}

/** Organisations with published offers, filtered by name words and paged. */
export async function listOrganizations(ctx: Ctx, query: ListQuery): Promise<HsdsPage> {
  authorize(ctx, 'directory.hsds');
  const { page, perPage, limit, offset } = window(query);
  const words = queryWords(query.search);
  const matching = (await publishingOrganisations(ctx)).filter((org) =>
    words.every((word) => org.name.toLowerCase().includes(word)),
  );
  const shown = matching.slice(offset, offset + limit);
  const texts = await directoryRepo.textsOf(
    ctx.db,
    'organization',
    shown.map((org) => org.id),
  );
  const view = viewOf(ctx);
  return pageOf(
    shown.map((org) => organizationCore(view, org, texts)),
    matching.length,
    page,
    perPage,
  );
}

/** One organisation (HSDS id or slug) with its identifiers, published offers and their places. */
export async function getOrganization(ctx: Ctx, key: string): Promise<HsdsRecord> {
  authorize(ctx, 'directory.hsds');
  const organisation = await resolveOrganisation(ctx, key);
  if (!organisation) throw errors.notFound();
  const ids = await repo.publishedServiceIdsOf(ctx.db, organisation.id);
  const loaded = await loadServices(ctx, ids);
  const view = viewOf(ctx);
  const places = new Map(
    [...loaded.places.values()]
      .flat()
      .filter((p) => p.location.organisationId === organisation.id)
      .map((p) => [p.location.id, p]),
  );
  return {
    ...organizationCore(view, organisation, loaded.texts.organization),
    organization_identifiers: organizationIdentifiers(organisation),
    services: ids.flatMap((id) => serviceCore(view, loaded, id) ?? []),
    locations: [...places.values()].map((place) => locationRecord(view, loaded, place)),
  };
}

/** The one taxonomy of the directory: its categories. */
export function listTaxonomies(ctx: Ctx, query: Pick<TermsQuery, 'page' | 'per_page' | 'format'>): HsdsPage {
  authorize(ctx, 'directory.hsds');
  const { page, perPage, limit, offset } = window(query);
  const all = [taxonomyRecord()];
  return pageOf(all.slice(offset, offset + limit), all.length, page, perPage);
}

export function getTaxonomy(ctx: Ctx, key: string): HsdsRecord {
  authorize(ctx, 'directory.hsds');
  const taxonomy = taxonomyRecord();
  if (key.toLowerCase() !== taxonomy.id && key !== TAXONOMY_NAME) throw errors.notFound();
  return taxonomy;
}

/** The categories as taxonomy terms, with their names in every language (extension). */
export function listTaxonomyTerms(ctx: Ctx, query: TermsQuery): HsdsPage {
  authorize(ctx, 'directory.hsds');
  const { page, perPage, limit, offset } = window(query);
  const view = viewOf(ctx);
  const words = queryWords(query.search);
  const taxonomyOk =
    !query.taxonomy_id || [hsdsId.taxonomy(TAXONOMY_NAME), TAXONOMY_NAME].includes(query.taxonomy_id);
  const all = taxonomyOk
    ? CATEGORIES.filter((code) => {
        const names = categoryNames(view, code).join(' ').toLowerCase();
        return words.every((word) => names.includes(word));
      }).map((code) => taxonomyTermRecord(view, code))
    : [];
  return pageOf(all.slice(offset, offset + limit), all.length, page, perPage);
}

export function getTaxonomyTerm(ctx: Ctx, key: string): HsdsRecord {
  authorize(ctx, 'directory.hsds');
  const code = CATEGORIES.find((c) => c === key || hsdsId.taxonomyTerm(c) === key.toLowerCase());
  if (!code || !isCategory(code)) throw errors.notFound();
  return taxonomyTermRecord(viewOf(ctx), code);
}
