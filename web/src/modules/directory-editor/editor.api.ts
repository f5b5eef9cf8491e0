import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as d from '../../../../server/modules/directory/directory.schema.ts';
import type * as e from '../../../../server/modules/directory/editing.schema.ts';
import type * as platform from '../../../../server/modules/platform/platform.schema.ts';
import { ApiError, type ApiErrorBody, api } from '../../app/api';
import type { Body, Query, Reply } from '../../app/contract';
import { i18next } from '../../app/i18n';

export {
  CATEGORIES,
  type Category,
  SERVICE_STATUSES,
  type ServiceStatus,
  TARGET_GROUPS,
  type TargetGroup,
  WEEKDAYS,
  type Weekday,
} from '../../../../server/modules/directory/directory.terms.ts';

/** What the edit form sends: the whole offer. */
export type ServiceBody = Body<typeof e.serviceBody>;
/** A text per UI language; German ("de") is the source. */
export type Translated = EditableService['texts']['name'];
/** The latest version of an offer, as its editors wrote it. */
export type EditableService = Reply<typeof e.editableService>;
/** One row of "my offers". */
export type EditableItem = Reply<typeof e.editableItem>;
/** One change in an offer's history. */
export type Revision = Reply<typeof e.revisionItem>;
/** How far the translations of one language are. */
export type TranslationState = Reply<typeof e.translationsReply>['items'][number];
/** A text waiting for its translation. */
export type PendingText = Reply<typeof e.pendingTextsReply>['items'][number];
/** Words searched in vain, per language and district. */
export type UnmetSearch = Reply<typeof d.unmetReply>['items'][number];
/** Filters of the "my offers" list; empty means any. */
export interface ListFilter {
  status: '' | NonNullable<Query<typeof e.editableQuery>['status']>;
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
      api<Reply<typeof e.editableList>>(BASE, {
        query: {
          status: filter.status || undefined,
          stale: filter.stale ? 'true' : undefined,
        } satisfies Query<typeof e.editableQuery>,
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
        api<Reply<typeof e.editableList>>(BASE, { query: { status: 'review' } }),
        api<Reply<typeof e.editableList>>(BASE, { query: { status: 'pending' } }),
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
    queryFn: () => api<Reply<typeof e.editableService>>(serviceUrl(id ?? '')),
  });
}

/** Who changed an offer and when. */
export function useServiceHistory(id: string) {
  return useQuery({
    queryKey: [...EDITOR_KEY, 'history', id],
    queryFn: () => api<Reply<typeof e.historyReply>>(`${serviceUrl(id)}/history`),
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
        ? api<Reply<typeof e.updatedReply>>(serviceUrl(id), { method: 'PUT', body })
        : api<Reply<typeof e.createdReply>>(BASE, { method: 'POST', body }).then((created) => ({
            ...created,
            pendingReview: false,
          })),
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
      api<void>(`${serviceUrl(id)}/reject`, {
        method: 'POST',
        body: { reason } satisfies Body<typeof e.rejectBody>,
      }),
    onSuccess: invalidate,
  });
}

/** Organisations (coordinators choose whose offer it is). */
export function useOrganisationList(enabled: boolean) {
  return useQuery({
    queryKey: ['organisations'],
    enabled,
    queryFn: () => api<Reply<typeof platform.organisationsReply>>('/api/v1/organisations'),
    staleTime: 5 * 60_000,
  });
}

const TRANSLATIONS_KEY = ['directory-translations'] as const;

/** Translation state per language. */
export function useTranslationOverview() {
  return useQuery({
    queryKey: [...TRANSLATIONS_KEY, 'overview'],
    queryFn: () => api<Reply<typeof e.translationsReply>>('/api/v1/directory/translations'),
  });
}

/** The texts of one language that are missing, outdated or machine-made. */
export function usePendingTexts(lang: string) {
  return useQuery({
    queryKey: [...TRANSLATIONS_KEY, 'pending', lang],
    queryFn: () =>
      api<Reply<typeof e.pendingTextsReply>>(`/api/v1/directory/translations/${encodeURIComponent(lang)}`),
  });
}

/** Where a language's pending texts download as XLIFF. */
export const xliffUrl = (lang: string) => `/api/v1/directory/translations/${encodeURIComponent(lang)}/xliff`;

/**
 * Sends an XLIFF file as it is. The shared client only sends JSON, so this one asks for its own CSRF token
 * (the same session secret, so the shared client's token stays valid).
 */
async function postXliff(lang: string, xml: string): Promise<Reply<typeof e.importReply>> {
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
    const { token } = (await csrf.json()) as Reply<typeof platform.csrfReply>;
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
    return (await response.json()) as Reply<typeof e.importReply>;
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
      api<Reply<typeof e.machineReply>>(
        `/api/v1/directory/translations/${encodeURIComponent(lang)}/machine`,
        {
          method: 'POST',
        },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TRANSLATIONS_KEY }),
  });
}

/** Searches that found nothing. */
export function useUnmetSearches() {
  return useQuery({
    queryKey: ['directory-unmet'],
    queryFn: () => api<Reply<typeof d.unmetReply>>('/api/v1/directory/unmet-searches'),
  });
}
