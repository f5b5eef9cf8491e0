import { useTranslation } from 'react-i18next';

/** Formats ISO timestamps as date and time in the UI language. */
export function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (iso: string | null | undefined): string => (iso ? format.format(new Date(iso)) : '');
}
