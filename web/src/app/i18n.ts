import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';

/** The UI languages, each named in its own language; right-to-left ones mirror the whole layout. */
export const LANGUAGES = [
  { code: 'de', nativeName: 'Deutsch', direction: 'ltr' },
  { code: 'en', nativeName: 'English', direction: 'ltr' },
  { code: 'tr', nativeName: 'Türkçe', direction: 'ltr' },
  { code: 'ar', nativeName: 'العربية', direction: 'rtl' },
  { code: 'bg', nativeName: 'Български', direction: 'ltr' },
  { code: 'ro', nativeName: 'Română', direction: 'ltr' },
  { code: 'uk', nativeName: 'Українська', direction: 'ltr' },
  { code: 'ru', nativeName: 'Русский', direction: 'ltr' },
  { code: 'pl', nativeName: 'Polski', direction: 'ltr' },
  { code: 'fa', nativeName: 'فارسی', direction: 'rtl' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const SOURCE_LANGUAGE: LanguageCode = 'de';
export const NAMESPACES = [
  'common',
  'platform',
  'errors',
  'directory',
  'directory-editor',
  'schooling',
  'guides',
  'reports',
  'pages',
  'network',
  'courses',
  'counselling',
  'funding',
] as const;

const STORAGE_KEY = 'lotse.lang';
const COOKIE_NAME = 'lotse_lang';

// One chunk per language and namespace; only the chosen language (and German as fallback) is fetched.
const localeFiles = import.meta.glob<Record<string, unknown>>(
  '../../../locales/*/{common,platform,errors,directory,directory-editor,schooling,guides,reports,pages,network,courses,counselling,funding}.json',
  {
    import: 'default',
  },
);

/** Whether `code` is one of the UI languages. */
export function isLanguage(code: unknown): code is LanguageCode {
  return typeof code === 'string' && LANGUAGES.some((language) => language.code === code);
}

/** The writing direction of a UI language. */
export function directionOf(code: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((language) => language.code === code)?.direction ?? 'ltr';
}

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The language to start with: the remembered choice, then the browser's languages, then German. */
export function initialLanguage(): LanguageCode {
  const remembered = readCookie(COOKIE_NAME) ?? readStorage();
  if (isLanguage(remembered)) return remembered;
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return SOURCE_LANGUAGE;
}

/** Remembers the choice for the next visit and for the server (which answers errors in that language). */
export function rememberLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode without storage: the cookie still carries the choice.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this plain cookie; no Cookie Store API needed.
  document.cookie = `${COOKIE_NAME}=${code}; path=/; max-age=31536000; samesite=lax`;
}

type Bundles = Record<string, Record<string, unknown>>;

async function fetchBundles(code: LanguageCode): Promise<Bundles> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const load = localeFiles[`../../../locales/${code}/${namespace}.json`];
      return [namespace, load ? await load() : {}] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function loadLanguage(code: LanguageCode): Promise<void> {
  if (NAMESPACES.every((namespace) => i18next.hasResourceBundle(code, namespace))) return;
  const bundles = await fetchBundles(code);
  for (const [namespace, messages] of Object.entries(bundles)) {
    i18next.addResourceBundle(code, namespace, messages, true, true);
  }
}

function applyToDocument(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

/** Switches the UI language: loads its strings, sets <html lang dir>, remembers the choice. */
export async function changeLanguage(code: LanguageCode): Promise<void> {
  await loadLanguage(code);
  await i18next.changeLanguage(code);
  rememberLanguage(code);
}

/** Starts i18next with the initial language; resolves when its strings are loaded. */
export async function setupI18n(): Promise<typeof i18next> {
  const language = initialLanguage();
  const [source, chosen] = await Promise.all([fetchBundles(SOURCE_LANGUAGE), fetchBundles(language)]);
  i18next.on('languageChanged', applyToDocument);
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng: language,
      resources: { [SOURCE_LANGUAGE]: source, [language]: chosen },
      partialBundledLanguages: true,
      fallbackLng: SOURCE_LANGUAGE,
      supportedLngs: LANGUAGES.map((l) => l.code),
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  applyToDocument(language);
  return i18next;
}

export { i18next };
