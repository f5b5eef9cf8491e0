import { useTranslation } from 'react-i18next';
import { languageNameIn } from '../../../server/core/languages.ts';

/**
 * The one way a language code (ISO 639-1 or 639-3: `ar`, `rom`, `kmr`) is shown: its name in the reader's
 * language, by the same rules and names as the server's mails and PDFs (server/core/languages.ts): the locale
 * files' table for the codes Intl names poorly, else Intl, else Intl's English name, and the bare code only for
 * a code nobody knows.
 */
export function useLanguageNames() {
  const { t, i18n } = useTranslation();
  const nameOf = (code: string): string => languageNameIn(i18n.language, code, (key) => t(key));
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  return { nameOf, listOf: (codes: readonly string[]) => list.format(codes.map(nameOf)) };
}
