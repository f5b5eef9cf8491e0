import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';

/** Shown for any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('platform:notFound.title')}</PageTitle>
      <p className="kern-body">{t('platform:notFound.text')}</p>
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('common:backHome')}
        </Link>
      </p>
    </>
  );
}
