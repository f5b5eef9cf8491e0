import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';

/** Shown to a logged-in user whose role may not open the page. */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('platform:access.title')}</PageTitle>
      <p className="kern-body">{t('platform:access.text')}</p>
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('common:backHome')}
        </Link>
      </p>
    </>
  );
}
