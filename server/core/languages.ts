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
