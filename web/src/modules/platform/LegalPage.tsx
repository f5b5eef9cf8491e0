import { useTranslation } from 'react-i18next';
import { LEGAL_PAGES, type LegalKind } from '../../app/Footer';
import { useCity } from '../../app/city';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';

/**
 * Impressum, Datenschutz or Barrierefreiheitserklärung as the city profile gives it: a link to the city's own page,
 * or its text (German, the legal language; readers of other languages are told so).
 */
export function LegalPage({ kind }: { kind: LegalKind }) {
  const { t, i18n } = useTranslation();
  const city = useCity();
  const label = LEGAL_PAGES.find((page) => page.kind === kind)?.label ?? LEGAL_PAGES[0].label;
  if (city.isPending) return <Loading />;
  if (!city.data) return <ErrorAlert error={city.error} focus={false} />;
  const page = city.data.legal[kind];
  return (
    <>
      <PageTitle>{t(label)}</PageTitle>
      {city.data.legal.demo ? <Alert variant="info" title={t('common:legal.demo')} /> : null}
      {page.url ? (
        <p className="kern-body">
          {t('common:legal.external')}{' '}
          <a className="kern-link" href={page.url}>
            {page.url}
          </a>
        </p>
      ) : (
        <>
          {i18n.language === 'de' ? null : <p className="kern-body">{t('common:legal.germanOnly')}</p>}
          <div className="app-stack app-intro" lang="de" dir="ltr">
            {page.paragraphs.map((paragraph) => (
              <p className="kern-body" key={paragraph}>
                {paragraph}
              </p>
            ))}
          </div>
        </>
      )}
    </>
  );
}
