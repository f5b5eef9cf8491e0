import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type ApiErrorBody, api } from '../../app/api';
import { i18next } from '../../app/i18n';

// The categories and target groups are the public directory's; one list for both modules.
import type { Category, TargetGroup } from '../directory/filters';

export { CATEGORIES, type Category, TARGET_GROUPS, type TargetGroup } from '../directory/filters';

/** Weekdays as the schedule stores them (RFC 5545 style). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A text per UI language; German ("de") is the source. */
export type Translated = Partial<Record<string, string>>;

/** What the edit form sends: the whole offer. */
export interface ServiceBody {
  organisationId: string;
  categories: Category[];
  targetGroups: TargetGroup[];
  languages: string[];
  free: boolean;
  url: string | null;
  email: string | null;
  phone: string | null;
  capacity: { free: number; waitingList: number } | null;
  texts: {
    name: Translated;
    description: Translated;
    eligibility: Translated | null;
    fees: Translated | null;
    requiredDocuments: Translated | null;
  };
  location: {
    name: string;
    address: string;
    postcode: string;
    ortsteilId: string;
    lat: number;
    lon: number;
    accessible: boolean;
    accessibilityNote: Translated | null;
  };
  schedule: { days: Weekday[]; opens: string; closes: string }[];
  events: { start: string; end: string; title: Translated | null }[];
  minor: boolean;
}

/** The latest version of an offer, as its editors wrote it. */
export interface EditableService extends Omit<ServiceBody, 'minor'> {
  id: string;
  slug: string;
  status: ServiceStatus;
  lastCheckedAt: string;
  /** Languages whose translations are older than the German text. */
  outdated?: string[];
}

export type ServiceStatus = 'draft' | 'review' | 'published' | 'archived';

/** One row of "my offers". */
export interface EditableItem {
  id: string;
  slug: string;
  name: string;
  organisationId: string;
  status: ServiceStatus;
  pendingRevision: boolean;
  lastCheckedAt: string;
  stale: boolean;
  updatedAt: string;
}

/** One change in an offer's history. */
export interface Revision {
  id: string;
  status: string;
  minor: boolean;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: string;
  decidedAt: string | null;
}

/** How far the translations of one language are. */
export interface TranslationState {
  lang: string;
  total: number;
  upToDate: number;
  outdated: number;
  machine: number;
  missing: number;
}

/** A text waiting for its translation. */
export interface PendingText {
  entityType: string;
  entityId: string;
  field: string;
  source: string;
  current: string | null;
  status: string;
}

/** Words searched in vain, per language and district. */
export interface UnmetSearch {
  lang: string;
  districtId: string;
  words: string;
  count: number;
  lastDay: string;
}

interface Point {
  lat: number;
  lon: number;
}

/** The city profile: Stadtbezirke with their Ortsteile. */
export interface City {
  id: string;
  name: string;
  centre: Point;
  districts: {
    id: string;
    name: string;
    centre: Point;
    ortsteile: { id: string; name: string; centre: Point; postcodes: string[] }[];
  }[];
}

/** Filters of the "my offers" list; empty means any. */
export interface ListFilter {
  status: '' | ServiceStatus | 'pending';
  stale: boolean;
}

const BASE = '/api/v1/directory/editor/services';
const serviceUrl = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const EDITOR_KEY = ['directory-editor'] as const;

/** The offers the user may edit (coordinators: all). */
export function useEditableServices(filter: ListFilter) {
  return useQuery({
    queryKey: [...EDITOR_KEY, 'list', filter],
    queryFn: () =>
      api<{ items: EditableItem[] }>(BASE, {
        query: { status: filter.status || undefined, stale: filter.stale ? 'true' : undefined },
      }),
  });
}

/** The coordinators' review queue: new offers to publish and changes to published ones. */
export function useReviewQueue(enabled: boolean) {
  return useQuery({
    queryKey: [...EDITOR_KEY, 'queue'],
    enabled,
    queryFn: async () => {
      const [review, pending] = await Promise.all([
        api<{ items: EditableItem[] }>(BASE, { query: { status: 'review' } }),
        api<{ items: EditableItem[] }>(BASE, { query: { status: 'pending' } }),
      ]);
      const seen = new Set(review.items.map((item) => item.id));
      return [...review.items, ...pending.items.filter((item) => !seen.has(item.id))];
    },
  });
}

/** The latest version of one offer, to fill the edit form. */
export function useEditableService(id: string | undefined) {
  return useQuery({
    queryKey: [...EDITOR_KEY, 'service', id],
    enabled: !!id,
    queryFn: () => api<EditableService>(serviceUrl(id ?? '')),
  });
}

/** Who changed an offer and when. */
export function useServiceHistory(id: string) {
  return useQuery({
    queryKey: [...EDITOR_KEY, 'history', id],
    queryFn: () => api<{ items: Revision[] }>(`${serviceUrl(id)}/history`),
  });
}

function useInvalidateEditor() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: EDITOR_KEY });
}

/** Saves an offer: a new draft (no id) or a change. */
export function useSaveService(id: string | undefined) {
  const invalidate = useInvalidateEditor();
  return useMutation({
    mutationFn: (body: ServiceBody) =>
      id
        ? api<{ id: string; slug: string; status: ServiceStatus; pendingReview: boolean }>(serviceUrl(id), {
            method: 'PUT',
            body,
          })
        : api<{ id: string; slug: string; status: ServiceStatus }>(BASE, { method: 'POST', body }).then(
            (created) => ({ ...created, pendingReview: false }),
          ),
    onSuccess: invalidate,
  });
}

export type ServiceAction = 'submit' | 'publish' | 'checked';

/** Asks for publication (editor), publishes (coordinator) or confirms "still correct" (editor). */
export function useServiceAction() {
  const invalidate = useInvalidateEditor();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: ServiceAction; name: string }) =>
      api<void>(`${serviceUrl(id)}/${action}`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

/** Sends a new offer or a change back to its editors, with the reason. */
export function useRejectService() {
  const invalidate = useInvalidateEditor();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string; name: string }) =>
      api<void>(`${serviceUrl(id)}/reject`, { method: 'POST', body: { reason } }),
    onSuccess: invalidate,
  });
}

/** The city's districts and Ortsteile. */
export function useCityProfile() {
  return useQuery({
    queryKey: ['city'],
    queryFn: () => api<City>('/api/v1/city'),
    staleTime: 60 * 60_000,
  });
}

/** Organisations (coordinators choose whose offer it is). */
export function useOrganisationList(enabled: boolean) {
  return useQuery({
    queryKey: ['organisations'],
    enabled,
    queryFn: () => api<{ items: { id: string; name: string }[] }>('/api/v1/organisations'),
    staleTime: 5 * 60_000,
  });
}

const TRANSLATIONS_KEY = ['directory-translations'] as const;

/** Translation state per language. */
export function useTranslationOverview() {
  return useQuery({
    queryKey: [...TRANSLATIONS_KEY, 'overview'],
    queryFn: () => api<{ items: TranslationState[] }>('/api/v1/directory/translations'),
  });
}

/** The texts of one language that are missing, outdated or machine-made. */
export function usePendingTexts(lang: string) {
  return useQuery({
    queryKey: [...TRANSLATIONS_KEY, 'pending', lang],
    queryFn: () =>
      api<{ items: PendingText[] }>(`/api/v1/directory/translations/${encodeURIComponent(lang)}`),
  });
}

/** Where a language's pending texts download as XLIFF. */
export const xliffUrl = (lang: string) => `/api/v1/directory/translations/${encodeURIComponent(lang)}/xliff`;

/**
 * Sends an XLIFF file as it is. The shared client only sends JSON, so this one asks for its own CSRF token
 * (the same session secret, so the shared client's token stays valid).
 */
async function postXliff(lang: string, xml: string): Promise<{ imported: number; outdated: number }> {
  const failed = async (response: Response) => {
    const body = (await response.json().catch(() => ({}))) as { error?: ApiErrorBody };
    return new ApiError(
      response.status,
      body.error ?? {
        code: response.status >= 500 ? 'unavailable' : 'not_found',
        message: response.statusText,
      },
    );
  };
  try {
    const csrf = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' });
    if (!csrf.ok) throw await failed(csrf);
    const { token } = (await csrf.json()) as { token: string };
    const response = await fetch(xliffUrl(lang), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': i18next.language || 'de',
        'content-type': 'application/xliff+xml',
        'x-csrf-token': token,
      },
      body: xml,
    });
    if (!response.ok) throw await failed(response);
    return (await response.json()) as { imported: number; outdated: number };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, { code: 'unavailable', message: 'network error' });
  }
}

/** Imports a translated XLIFF file (all or nothing). */
export function useImportXliff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lang, xml }: { lang: string; xml: string }) => postXliff(lang, xml),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TRANSLATIONS_KEY }),
  });
}

/** Machine-translates a language's pending texts (only when a provider is configured). */
export function useMachineTranslate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lang: string) =>
      api<{ translated: number }>(`/api/v1/directory/translations/${encodeURIComponent(lang)}/machine`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TRANSLATIONS_KEY }),
  });
}

/** Searches that found nothing. */
export function useUnmetSearches() {
  return useQuery({
    queryKey: ['directory-unmet'],
    queryFn: () => api<{ items: UnmetSearch[] }>('/api/v1/directory/unmet-searches'),
  });
}
