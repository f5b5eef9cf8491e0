import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../../server/modules/pages/pages.schema.ts';
import type { MtLang, PageLang } from '../../../../server/modules/pages/pages.terms.ts';
import { api } from '../../app/api';
import type { Body, Reply } from '../../app/contract';

export {
  EASY_GERMAN,
  EMERGENCY_NUMBERS,
  MT_LANGS,
  PAGE_FIELDS,
  PAGE_LANGS,
  PAGE_STATUSES,
  RTL_LANGS,
  SPEECH_LANG,
} from '../../../../server/modules/pages/pages.terms.ts';
export type {
  EmergencyId,
  MtLang,
  PageField,
  PageLang,
  PageStatus,
  TranslationState,
} from '../../../../server/modules/pages/pages.terms.ts';

export type Tree = Reply<typeof s.treeReply>;
export type TreeItem = Reply<typeof s.treeItem>;
export type InfoPage = Reply<typeof s.pageReply>;
export type Step = Reply<typeof s.pageStep>;
export type EditorList = Reply<typeof s.editorList>;
export type EditorPage = Reply<typeof s.editorPage>;
export type Revisions = Reply<typeof s.revisionsReply>;
export type PageInput = Body<typeof s.pageBody>;
export type OfflinePackage = Reply<typeof s.offlineReply>;

const enc = encodeURIComponent;

/** The published tree in the reader's language. */
export function usePageTree(lang: PageLang) {
  return useQuery({
    queryKey: ['pages', 'tree', lang],
    queryFn: () => api<Tree>(`/api/v1/pages?lang=${enc(lang)}`),
    networkMode: 'offlineFirst',
  });
}

/** One published page in the reader's language (or Leichte Sprache). */
export function useInfoPage(slug: string, lang: PageLang) {
  return useQuery({
    queryKey: ['pages', 'page', lang, slug],
    queryFn: () => api<InfoPage>(`/api/v1/pages/${enc(slug)}?lang=${enc(lang)}`),
    networkMode: 'offlineFirst',
  });
}

export function useEditorList() {
  return useQuery({
    queryKey: ['pages', 'editor'],
    queryFn: () => api<EditorList>('/api/v1/page-editor/pages'),
  });
}

export function useEditorPage(id: string | undefined) {
  return useQuery({
    queryKey: ['pages', 'editor', id],
    queryFn: () => api<EditorPage>(`/api/v1/page-editor/pages/${enc(id ?? '')}`),
    enabled: !!id,
  });
}

export function useRevisions(id: string | undefined) {
  return useQuery({
    queryKey: ['pages', 'editor', id, 'revisions'],
    queryFn: () => api<Revisions>(`/api/v1/page-editor/pages/${enc(id ?? '')}/revisions`),
    enabled: !!id,
  });
}

/** Saves (makes or changes) a page; then submit, publish and rollback, each answering the page. */
export function usePageActions(id: string | undefined) {
  const client = useQueryClient();
  const done = (page: EditorPage) => {
    client.setQueryData(['pages', 'editor', page.id], page);
    void client.invalidateQueries({ queryKey: ['pages'] });
  };
  const base = `/api/v1/page-editor/pages`;
  return {
    save: useMutation({
      mutationFn: (body: PageInput) =>
        id
          ? api<EditorPage>(`${base}/${enc(id)}`, { method: 'PUT', body })
          : api<EditorPage>(base, { method: 'POST', body }),
      onSuccess: done,
    }),
    submit: useMutation({
      mutationFn: (pageId: string) => api<EditorPage>(`${base}/${enc(pageId)}/submit`, { method: 'POST' }),
      onSuccess: done,
    }),
    publish: useMutation({
      mutationFn: (pageId: string) => api<EditorPage>(`${base}/${enc(pageId)}/publish`, { method: 'POST' }),
      onSuccess: done,
    }),
    translate: useMutation({
      mutationFn: (input: { pageId: string; lang: MtLang }) =>
        api<EditorPage>(`${base}/${enc(input.pageId)}/translate`, {
          method: 'POST',
          body: { lang: input.lang },
        }),
      onSuccess: done,
    }),
    rollback: useMutation({
      mutationFn: (input: { pageId: string; revision: number }) =>
        api<EditorPage>(`${base}/${enc(input.pageId)}/rollback`, {
          method: 'POST',
          body: { revision: input.revision },
        }),
      onSuccess: done,
    }),
  };
}

export { NEWS_TOPICS, UI_LANGS } from '../../../../server/modules/pages/pages.terms.ts';
export type { NewsTopic } from '../../../../server/modules/pages/pages.terms.ts';
export type PushKey = Reply<typeof s.pushKeyReply>;
export type SubscriptionInput = Body<typeof s.subscriptionBody>;
