/**
 * The one way a language code (ISO 639-1 or 639-3: `ar`, `ara`, `rom`, `kmr`) becomes a name in a reader's
 * language, shared by the server (mails, PDFs, calendars) and the web app (web/src/app/languages.ts), so both
 * say the same. Pure: no imports, no Node APIs; the caller passes its translate function.
 *
 * Order: the locale files' table (`common:languageNames.*`) for the codes Intl names poorly or not at all in
 * some runtimes (Chromium has no name for Romani; Node calls Kurmanji just "Kurdish"), then Intl in the reader's
 * language, then Intl's English name, and the bare code only for a code nobody knows.
 */
export const LANGUAGE_NAME_KEYS: Readonly<Record<string, string>> = {
  rom: 'common:languageNames.rom',
  kmr: 'common:languageNames.kmr',
  prs: 'common:languageNames.prs',
  ckb: 'common:languageNames.ckb',
};

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesIn(locale: string): Intl.DisplayNames | null {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    displayNames.set(locale, names);
  }
  return names;
}

function intlName(locale: string, code: string): string | undefined {
  try {
    const name = namesIn(locale)?.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/** A language code's name in the reader's language (`translate` reads a `namespace:key` in that language). */
export function languageNameIn(locale: string, code: string, translate: (key: string) => string): string {
  const key = Object.hasOwn(LANGUAGE_NAME_KEYS, code) ? LANGUAGE_NAME_KEYS[code] : undefined;
  if (key) {
    const name = translate(key);
    if (name && name !== key) return name;
  }
  return intlName(locale, code) ?? intlName('en', code) ?? code;
}

/**
 * ISO 639-1 (two letters: the UI's and the public forms' codes, `ro`, `bg`) → ISO 639-3 (three letters: what the
 * guides module's profiles and requests carry, `ron`, `bul`). A module that books a mediator for a client who chose
 * a language on a form maps it here, so the request finds the guides who speak it.
 */
const ISO_639_3: Readonly<Record<string, string>> = {
  de: 'deu',
  en: 'eng',
  tr: 'tur',
  ar: 'ara',
  ro: 'ron',
  bg: 'bul',
  uk: 'ukr',
  ru: 'rus',
  fa: 'fas',
  pl: 'pol',
  fr: 'fra',
  it: 'ita',
  es: 'spa',
  pt: 'por',
  el: 'ell',
  sq: 'sqi',
  sr: 'srp',
  hr: 'hrv',
  bs: 'bos',
  hu: 'hun',
  cs: 'ces',
  sk: 'slk',
  ku: 'kur',
  ps: 'pus',
  ti: 'tir',
  so: 'som',
  am: 'amh',
  ur: 'urd',
  hi: 'hin',
  vi: 'vie',
  zh: 'zho',
};

/** A language code as ISO 639-3: a two-letter code mapped, a three-letter one as it is (`ro` → `ron`, `rom` → `rom`). */
export function toIso6393(code: string): string {
  const lower = code.toLowerCase();
  return Object.hasOwn(ISO_639_3, lower) ? (ISO_639_3[lower] as string) : lower;
}
