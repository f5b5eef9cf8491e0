import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api';

interface Point {
  lat: number;
  lon: number;
}

/** The city profile as GET /api/v1/city returns it (server/modules/platform/platform.schema.ts: cityReply). */
export interface City {
  id: string;
  name: string;
  title: string;
  centre: Point;
  tileUrl: string | null;
  /** The IANA time zone every date and time of the app is entered and shown in. */
  timezone: string;
  /** ISO 639-3 codes of the languages the Lotsen network covers, in the profile's order. */
  guideLanguages: string[];
  districts: {
    id: string;
    name: string;
    centre: Point;
    ortsteile: { id: string; name: string; centre: Point; postcodes: string[] }[];
  }[];
}

/** One query for the city profile; it rarely changes, and the service worker keeps it for offline reading. */
const cityQuery = queryOptions({
  queryKey: ['city'],
  queryFn: () => api<City>('/api/v1/city'),
  staleTime: 60 * 60_000,
  networkMode: 'offlineFirst',
});

/** Starts loading the city profile with the app, so its time zone is there before the first page's data. */
export function prefetchCity(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(cityQuery);
}

/** The city profile: time zone, guide languages, districts and Ortsteile, map settings. */
export function useCity() {
  return useQuery(cityQuery);
}
