import { useTranslation } from 'react-i18next';

interface PaginationProps {
  page: number;
  perPage: number;
  total: number;
  onPageChange: (page: number) => void;
}

/** Previous/next buttons with "page x of y" for paginated API lists. */
export function Pagination({ page, perPage, total, onPageChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav className="app-pagination" aria-label={t('common:pagination.label')}>
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
        <span className="kern-label">{t('common:pagination.previous')}</span>
      </button>
      <span className="kern-body" aria-live="polite">
        {t('common:pagination.status', { page, pages })}
      </span>
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        disabled={page >= pages}
        onClick={() => onPageChange(page + 1)}
      >
        <span className="kern-label">{t('common:pagination.next')}</span>
      </button>
    </nav>
  );
}
