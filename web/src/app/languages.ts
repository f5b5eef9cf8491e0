import { useTranslation } from 'react-i18next';

/**
 * Names of language codes Intl does not know in every browser (Chromium has no name for Romani, `rom`): the
 * locale files name them. Intl comes first; these keys only fill its gaps.
 */
const FALLBACK_NAME: Record<string, string> = {
  rom: 'common:languageNames.rom',
  kmr: 'common:languageNames.kmr',
  prs: 'common:languageNames.prs',
  ckb: 'common:languageNames.ckb',
};

function displayNames(language: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language], { type: 'language', fallback: 'none' });
  } catch {
    return null;
  }
}

function intlName(names: Intl.DisplayNames | null, code: string): string | undefined {
  try {
    const name = names?.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one way a language code (ISO 639-1 or 639-3: `ar`, `rom`, `kmr`) is shown: its name in the reader's
 * language — from Intl, else from the locale files' table, else Intl's English name, and the bare code only
 * for a code nobody knows.
 */
export function useLanguageNames() {
  const { t, i18n } = useTranslation();
  const names = displayNames(i18n.language);
  const english = displayNames('en');
  const nameOf = (code: string): string => {
    const fallback = FALLBACK_NAME[code];
    return intlName(names, code) ?? (fallback ? t(fallback) : undefined) ?? intlName(english, code) ?? code;
  };
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  return { nameOf, listOf: (codes: readonly string[]) => list.format(codes.map(nameOf)) };
}
