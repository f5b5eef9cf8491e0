import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one <h1>; also sets the browser tab title. Focusable so navigation can move focus here. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const siteName = t('common:app.title');
  useEffect(() => {
    document.title = `${children} – ${siteName}`;
  }, [children, siteName]);
  return (
    <h1 className="kern-heading-large app-page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
