import { useTranslation } from 'react-i18next';

/** A polite "loading" line for screen readers and sighted users alike. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="kern-body kern-body--muted" role="status">
      {t('common:loading')}
    </p>
  );
}
