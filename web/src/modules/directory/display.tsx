import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shown } from './directory.api';
import { useCityTime } from '../../app/time';

/**
 * The visible note on a text that is not a person's translation into the reader's language: the German original
 * (the offer has none in that language), or a machine-made translation.
 */
export function TextBadge({ status }: { status: string | undefined }) {
  const { t } = useTranslation();
  if (status !== 'missing' && status !== 'machine') return null;
  return (
    <span
      className={`kern-badge ${status === 'missing' ? 'kern-badge--warning' : 'kern-badge--info'} app-directory-badge`}
    >
      <span className="kern-icon kern-icon--language" aria-hidden="true" />
      <span className="kern-label">
        {t(status === 'missing' ? 'directory:missing' : 'directory:machineMade')}
      </span>
    </span>
  );
}

type TextTag = 'p' | 'span' | 'div';

/**
 * An offer's text in the language it is actually in (`lang`), its direction found from the text (`dir="auto"`),
 * marked when German stands in for a missing translation.
 */
export function ContentText({
  shown,
  as: Tag = 'p',
  className,
  badge = true,
}: {
  shown: Shown;
  as?: TextTag;
  className?: string;
  badge?: boolean;
}) {
  if (!shown) return null;
  return (
    <>
      <Tag className={className} lang={shown.lang} dir="auto">
        {shown.value}
      </Tag>
      {badge ? <TextBadge status={shown.status} /> : null}
    </>
  );
}

const WEEKDAY_INDEX: Record<string, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };

/** Weekday names (`MO` … `SU`) in the UI language. */
export function useWeekdays() {
  const { i18n } = useTranslation();
  const dates = useCityTime();
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  const nameOf = (day: string) => dates.weekday((WEEKDAY_INDEX[day] ?? 0) + 1);
  const sorted = (days: readonly string[]) =>
    [...days].sort((a, b) => (WEEKDAY_INDEX[a] ?? 0) - (WEEKDAY_INDEX[b] ?? 0));
  return { nameOf, listOf: (days: readonly string[]) => list.format(sorted(days).map(nameOf)) };
}

/** A kilometre distance with one decimal in the UI language. */
export function useKilometres() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (km: number) => format.format(km);
}

/** A small KERN badge. */
export function Badge({
  variant,
  icon,
  children,
}: {
  variant: 'info' | 'success' | 'warning' | 'danger';
  icon?: string;
  children: ReactNode;
}) {
  return (
    <span className={`kern-badge kern-badge--${variant} app-directory-badge`}>
      {icon ? <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" /> : null}
      <span className="kern-label">{children}</span>
    </span>
  );
}

/** The small "offline – saved version" notice when an answer came from the service worker's cache. */
export function OfflineNotice({ savedAt }: { savedAt: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!savedAt) return null;
  const when = new Date(savedAt);
  const formatted = Number.isNaN(when.getTime())
    ? ''
    : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(when);
  return (
    <div className="kern-alert kern-alert--info app-alert app-directory-offline" role="status">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--info" aria-hidden="true" />
        <span className="kern-title">{t('directory:offline.title')}</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{t('directory:offline.text', { date: formatted })}</p>
      </div>
    </div>
  );
}
