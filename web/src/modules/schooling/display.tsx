import { useTranslation } from 'react-i18next';
import type { ChildState, Count } from './schooling.api';
import { STATE_BADGE, STATE_LABEL } from './labels';

/** Calendar dates (YYYY-MM-DD) and instants in the UI language. */
export function useDates() {
  const { i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  return {
    day: (value: string | null | undefined) =>
      value ? day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : '',
    moment: (value: string | null | undefined) => (value ? moment.format(new Date(value)) : ''),
  };
}

/** Counts and numbers in the UI language; "<5" stays as it is (suppressed small counts). */
export function useNumbers() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return {
    count: (value: Count) => (value === '<5' ? '<5' : format.format(value)),
    number: (value: number) => format.format(value),
  };
}

/** A child's state as a KERN badge. */
export function StateBadge({ state }: { state: ChildState }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${STATE_BADGE[state]}`}>
      <span className="kern-label">{t(STATE_LABEL[state])}</span>
    </span>
  );
}

/** Today in the city, as YYYY-MM-DD (the default for date inputs such as the first school day). */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}
