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
export type { LinkProblem, NewsTopic } from '../../../../server/modules/pages/pages.terms.ts';
export type PushKey = Reply<typeof s.pushKeyReply>;
export type SubscriptionInput = Body<typeof s.subscriptionBody>;

export { LINK_PROBLEMS } from '../../../../server/modules/pages/pages.terms.ts';
export type Glossary = Reply<typeof s.glossaryReply>;
export type Checks = Reply<typeof s.checksReply>;
export type EditorNews = Reply<typeof s.editorNewsReply>;
export type EditorNewsItem = Reply<typeof s.editorNewsItem>;
export type NewsInput = Body<typeof s.newsBody>;
export type News = Reply<typeof s.newsReply>;

/** A language's glossary, and saving it (the whole list replaces the stored one). */
export function useGlossary(lang: MtLang) {
  const client = useQueryClient();
  const key = ['pages', 'glossary', lang];
  return {
    query: useQuery({
      queryKey: key,
      queryFn: () => api<Glossary>(`/api/v1/page-editor/glossary/${enc(lang)}`),
    }),
    save: useMutation({
      mutationFn: (terms: Glossary['terms']) =>
        api<Glossary>(`/api/v1/page-editor/glossary/${enc(lang)}`, { method: 'PUT', body: { terms } }),
      onSuccess: (glossary) => {
        client.setQueryData(key, glossary);
        void client.invalidateQueries({ queryKey: ['pages', 'editor'] });
      },
    }),
  };
}

/** The "still correct?" list and the link check's findings, and confirming a page. */
export function useChecks() {
  const client = useQueryClient();
  return {
    query: useQuery({
      queryKey: ['pages', 'checks'],
      queryFn: () => api<Checks>('/api/v1/page-editor/checks'),
    }),
    confirm: useMutation({
      mutationFn: (pageId: string) =>
        api<unknown>(`/api/v1/page-editor/pages/${enc(pageId)}/confirm`, { method: 'POST' }),
      onSuccess: () => void client.invalidateQueries({ queryKey: ['pages', 'checks'] }),
    }),
  };
}

/** Every news item for coordinators; writing and publishing one. */
export function useEditorNews() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ['news'] });
  return {
    query: useQuery({
      queryKey: ['news', 'editor'],
      queryFn: () => api<EditorNews>('/api/v1/page-editor/news'),
    }),
    create: useMutation({
      mutationFn: (body: NewsInput) =>
        api<EditorNewsItem>('/api/v1/page-editor/news', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (newsId: string) =>
        api<EditorNewsItem>(`/api/v1/page-editor/news/${enc(newsId)}/publish`, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}

/** Current news in the reader's language, for the reader's Stadtbezirk (and the whole city) or all of them. */
export function useNews(lang: string, district: string) {
  return useQuery({
    queryKey: ['news', 'current', lang, district],
    queryFn: () => api<News>(`/api/v1/news?lang=${enc(lang)}${district ? `&district=${enc(district)}` : ''}`),
  });
}
