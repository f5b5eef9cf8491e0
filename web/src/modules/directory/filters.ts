/** The search filters as they live in the page's URL (shareable; the back button goes to the last search). */

import {
  CATEGORIES,
  type Category,
  TARGET_GROUPS,
  type TargetGroup,
} from '../../../../server/modules/directory/directory.terms.ts';

export { CATEGORIES, type Category, TARGET_GROUPS, type TargetGroup };

/** Languages an offer may be given in (ISO 639-3), including Romani, Kurmanji, Dari and Tigrinya. */
export const SPOKEN_LANGUAGES = [
  'ara',
  'bul',
  'ckb',
  'deu',
  'ell',
  'eng',
  'fas',
  'fra',
  'hrv',
  'ita',
  'kmr',
  'mkd',
  'pol',
  'prs',
  'pus',
  'rom',
  'ron',
  'rus',
  'som',
  'spa',
  'sqi',
  'srp',
  'tir',
  'tur',
  'ukr',
  'vie',
] as const;

export const RADII = ['1', '2', '3', '5', '10', '20'] as const;
export const DEFAULT_RADIUS = '3';

export interface Filters {
  q: string;
  categories: Category[];
  district: string;
  ortsteil: string;
  postcode: string;
  radius: string;
  language: string;
  targetGroup: string;
  free: boolean;
  openNow: boolean;
  accessible: boolean;
  hasPlaces: boolean;
  page: number;
}

export const EMPTY_FILTERS: Filters = {
  q: '',
  categories: [],
  district: '',
  ortsteil: '',
  postcode: '',
  radius: DEFAULT_RADIUS,
  language: '',
  targetGroup: '',
  free: false,
  openNow: false,
  accessible: false,
  hasPlaces: false,
  page: 1,
};

const SLUG = /^[a-z0-9-]{2,60}$/;
const isCategory = (value: string): value is Category => (CATEGORIES as readonly string[]).includes(value);
const yes = (params: URLSearchParams, key: string) => params.get(key) === 'true';

/** Reads the filters from the URL; anything malformed is left out rather than sent to the server. */
export function parseFilters(params: URLSearchParams): Filters {
  const postcode = params.get('postcode') ?? '';
  const radius = params.get('radius_km') ?? DEFAULT_RADIUS;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const slug = (key: string) => {
    const value = params.get(key) ?? '';
    return SLUG.test(value) ? value : '';
  };
  const language = params.get('language') ?? '';
  const targetGroup = params.get('target_group') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    categories: params.getAll('category').filter(isCategory),
    district: slug('district'),
    ortsteil: slug('ortsteil'),
    postcode: /^\d{5}$/.test(postcode) ? postcode : '',
    radius: (RADII as readonly string[]).includes(radius) ? radius : DEFAULT_RADIUS,
    language: /^[a-z]{3}$/.test(language) ? language : '',
    targetGroup: (TARGET_GROUPS as readonly string[]).includes(targetGroup) ? targetGroup : '',
    free: yes(params, 'free'),
    openNow: yes(params, 'open_now'),
    accessible: yes(params, 'accessible'),
    hasPlaces: yes(params, 'has_places'),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The filters as URL parameters, the API's names; defaults are left out so links stay short. */
export function toSearchParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const category of filters.categories) params.append('category', category);
  if (filters.ortsteil) params.set('ortsteil', filters.ortsteil);
  else if (filters.district) params.set('district', filters.district);
  if (filters.postcode) {
    params.set('postcode', filters.postcode);
    if (filters.radius !== DEFAULT_RADIUS) params.set('radius_km', filters.radius);
  }
  if (filters.language) params.set('language', filters.language);
  if (filters.targetGroup) params.set('target_group', filters.targetGroup);
  if (filters.free) params.set('free', 'true');
  if (filters.openNow) params.set('open_now', 'true');
  if (filters.accessible) params.set('accessible', 'true');
  if (filters.hasPlaces) params.set('has_places', 'true');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The API query of a search: the URL's parameters plus the page size. */
export function toApiQuery(filters: Filters, perPage: number): URLSearchParams {
  const params = toSearchParams(filters);
  if (filters.postcode) params.set('radius_km', filters.radius);
  params.set('per_page', String(perPage));
  return params;
}

/** How many filters (beyond the words) narrow the search; shown on the phone's filter button. */
export function activeFilterCount(filters: Filters): number {
  return [
    filters.categories.length > 0,
    Boolean(filters.district || filters.ortsteil),
    Boolean(filters.postcode),
    Boolean(filters.language),
    Boolean(filters.targetGroup),
    filters.free,
    filters.openNow,
    filters.accessible,
    filters.hasPlaces,
  ].filter(Boolean).length;
}
