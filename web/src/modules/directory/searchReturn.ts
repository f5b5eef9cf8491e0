import { useLocation } from 'react-router';

/** What an offer's page gets from the search it was opened from: that search's URL query (its filters). */
export interface FromSearch {
  search: string;
}

/** The router state for a link from the results to an offer: the current search's query goes along. */
export function fromSearch(search: string): FromSearch {
  return { search };
}

/** Where "Back to search" leads: the search the offer was opened from, with every filter, or a fresh one. */
export function useSearchReturn(): string {
  const { state } = useLocation();
  const search = (state as Partial<FromSearch> | null)?.search;
  return typeof search === 'string' && search.startsWith('?') ? `/angebote${search}` : '/angebote';
}
