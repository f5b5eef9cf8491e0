import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiWithHeaders } from '../../app/api';
import { api } from '../../app/api';
import { type Filters, toApiQuery } from './filters';

/** A translatable text as the reader gets it; `missing`: German shown, the offer has no text in their language. */
export type Shown = {
  value: string;
  lang: string;
  status: 'source' | 'up_to_date' | 'outdated' | 'machine' | 'missing';
} | null;

export interface OfferLocation {
  id: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  districtId: string;
  ortsteilId: string;
  lat: number;
  lon: number;
  accessible: boolean;
}

/** An offer in a result list. */
export interface OfferSummary {
  id: string;
  slug: string;
  name: Shown;
  summary: Shown;
  organisationName: string;
  categories: string[];
  languages: string[];
  free: boolean;
  capacityFree: number | null;
  waitingList: number | null;
  location: OfferLocation | null;
  distanceKm: number | null;
  openNow: boolean;
  stale: boolean;
}

export interface OpeningHours {
  days: string[];
  opens: string;
  closes: string;
}

/** One offer with everything the detail page shows. */
export interface OfferDetail extends OfferSummary {
  description: Shown;
  eligibility: Shown;
  fees: Shown;
  requiredDocuments: Shown;
  accessibilityNote: Shown;
  targetGroups: string[];
  phone: string | null;
  email: string | null;
  url: string | null;
  lastCheckedAt: string;
  openingHours: OpeningHours[];
  events: { start: string; end: string; title: Shown }[];
  timezone: string;
}

export interface Point {
  lat: number;
  lon: number;
}

/** The city profile: Stadtbezirke with their Ortsteile, map tiles (null: markers only) and centre. */
export interface City {
  name: string;
  centre: Point;
  tileUrl: string | null;
  districts: {
    id: string;
    name: string;
    centre: Point;
    ortsteile: { id: string; name: string; centre: Point; postcodes: string[] }[];
  }[];
}

export interface SearchPage {
  items: OfferSummary[];
  total: number;
  page: number;
  perPage: number;
}

/** An answer and, when the service worker served it from its cache offline, when it was saved. */
export interface Saved<T> {
  data: T;
  savedAt: string | null;
}

export const PER_PAGE = 20;

async function fetchSaved<T>(path: string): Promise<Saved<T>> {
  const { data, headers } = await apiWithHeaders<T>(path);
  return { data, savedAt: headers.get('x-lotse-saved') };
}

/** Searches offers with the filters; answers in the UI language. Runs offline too (the worker's copy). */
export function useOfferSearch(filters: Filters) {
  const { i18n } = useTranslation();
  const query = toApiQuery(filters, PER_PAGE).toString();
  return useQuery({
    queryKey: ['directory', 'search', i18n.language, query],
    queryFn: () => fetchSaved<SearchPage>(`/api/v1/directory/services?${query}`),
    placeholderData: keepPreviousData,
    networkMode: 'offlineFirst',
  });
}

/** One offer by slug or id, in the UI language. */
export function useOffer(slug: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['directory', 'offer', i18n.language, slug],
    queryFn: () => fetchSaved<OfferDetail>(`/api/v1/directory/services/${encodeURIComponent(slug)}`),
    networkMode: 'offlineFirst',
  });
}

/** The city's districts and map settings; they rarely change. */
export function useCity() {
  return useQuery({
    queryKey: ['city'],
    queryFn: () => api<City>('/api/v1/city'),
    staleTime: 60 * 60_000,
    networkMode: 'offlineFirst',
  });
}

export type FeedbackKind = 'wrong' | 'helpful' | 'not_helpful';

/** Sends a reader's feedback on an offer to its editors. */
export function useSendFeedback(id: string) {
  return useMutation({
    mutationFn: (body: { kind: FeedbackKind; comment?: string }) =>
      api<null>(`/api/v1/directory/services/${encodeURIComponent(id)}/feedback`, { method: 'POST', body }),
  });
}
