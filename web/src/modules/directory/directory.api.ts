import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type * as s from '../../../../server/modules/directory/directory.schema.ts';
import { api, apiWithHeaders } from '../../app/api';
import type { Body, Reply } from '../../app/contract';
import { type Filters, toApiQuery } from './filters';

/** An offer in a result list. */
export type OfferSummary = Reply<typeof s.serviceSummary>;
/** One offer with everything the detail page shows. */
export type OfferDetail = Reply<typeof s.serviceDetail>;
/** A translatable text as the reader gets it; `missing`: German shown, the offer has no text in their language. */
export type Shown = OfferSummary['name'];
export type SearchPage = Reply<typeof s.searchReply>;
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

export type FeedbackKind = Body<typeof s.feedbackBody>['kind'];

/** Sends a reader's feedback on an offer to its editors. */
export function useSendFeedback(id: string) {
  return useMutation({
    mutationFn: (body: Body<typeof s.feedbackBody>) =>
      api<null>(`/api/v1/directory/services/${encodeURIComponent(id)}/feedback`, { method: 'POST', body }),
  });
}
