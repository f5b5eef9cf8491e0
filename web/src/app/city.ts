import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type * as s from '../../../server/modules/platform/platform.schema.ts';
import { api } from './api';
import type { Reply } from './contract';

/** The city profile as GET /api/v1/city returns it: time zone, guide languages, districts, map settings. */
export type City = Reply<typeof s.cityReply>;

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
