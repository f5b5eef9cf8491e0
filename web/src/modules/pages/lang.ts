import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EASY_GERMAN, PAGE_LANGS, type PageLang } from './pages.api';

const isPageLang = (value: unknown): value is PageLang =>
  typeof value === 'string' && (PAGE_LANGS as readonly string[]).includes(value);

/** The language pages are read in: `?lang=` (Leichte Sprache is "de-x-ls"), else the UI language. */
export function useReaderLang(): { lang: PageLang; easy: boolean; uiLang: PageLang } {
  const { i18n } = useTranslation();
  const [params] = useSearchParams();
  const uiLang = isPageLang(i18n.language) ? i18n.language : 'de';
  const asked = params.get('lang');
  const lang = isPageLang(asked) ? asked : uiLang;
  return { lang, easy: lang === EASY_GERMAN, uiLang };
}

/** The HTML lang attribute of a page language (Leichte Sprache is German). */
export const htmlLang = (lang: string) => (lang === EASY_GERMAN ? 'de' : lang);
