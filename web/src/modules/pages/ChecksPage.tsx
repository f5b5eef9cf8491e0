import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { PROBLEM_LABEL } from './labels';
import { useChecks } from './pages.api';

/**
 * /seiten-editor/pruefen — the pages due for the 6-month "still correct?" review (each confirmed with one button),
 * and what the nightly link check found: dead links, refused links, linked offers no longer published.
 */
export function ChecksPage() {
  const { t } = useTranslation();
  const checks = useChecks();
  const dates = useCityTime();
  const [notice, setNotice] = useState<string | null>(null);
  const data = checks.query.data;
  return (
    <>
      <PageTitle>{t('pages:checks.title')}</PageTitle>
      <p className="kern-body">
        <Link className="kern-link" to="/seiten-editor">
          {t('pages:editor.backToList')}
        </Link>
      </p>
      {checks.query.isPending ? <Loading /> : null}
      <ErrorAlert error={checks.query.error ?? checks.confirm.error} focus={false} />
      <div role="status">{notice ? <Alert variant="success" title={notice} /> : null}</div>
      {data ? (
        <>
          <section aria-labelledby="checks-review">
            <h2 className="kern-heading-medium" id="checks-review">
              {t('pages:checks.reviewTitle')}
            </h2>
            <p className="kern-body">{t('pages:checks.reviewIntro')}</p>
            {data.reviewDue.length ? (
              <TableScroll labelledBy="checks-review-caption">
                <table className="kern-table">
                  <caption className="kern-title" id="checks-review-caption">
                    {t('pages:checks.reviewCaption', { count: data.reviewDue.length })}
                  </caption>
                  <thead className="kern-table__head">
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">
                        {t('pages:editor.pageTitle')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('pages:checks.lastChecked')}
                      </th>
                      <td className="kern-table__header" />
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {data.reviewDue.map((item) => (
                      <tr className="kern-table__row" key={item.id}>
                        <th scope="row" className="kern-table__header">
                          <Link className="kern-link" to={`/seiten-editor/${item.id}`} lang="de">
                            {item.title}
                          </Link>
                        </th>
                        <td className="kern-table__cell">
                          {item.lastCheckedAt ? dates.date(item.lastCheckedAt) : t('pages:checks.never')}
                        </td>
                        <td className="kern-table__cell">
                          <button
                            type="button"
                            className="kern-btn kern-btn--secondary"
                            disabled={checks.confirm.isPending}
                            onClick={() => {
                              setNotice(null);
                              checks.confirm.mutate(item.id, {
                                onSuccess: () =>
                                  setNotice(t('pages:checks.confirmed', { title: item.title })),
                              });
                            }}
                          >
                            <span className="kern-label">
                              {t('pages:checks.confirm')}
                              <span className="kern-sr-only"> – {item.title}</span>
                            </span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <p className="kern-body">{t('pages:checks.reviewNone')}</p>
            )}
          </section>
          <section aria-labelledby="checks-links">
            <h2 className="kern-heading-medium" id="checks-links">
              {t('pages:checks.linksTitle')}
            </h2>
            <p className="kern-body">{t('pages:checks.linksIntro')}</p>
            {data.linkProblems.length ? (
              <TableScroll labelledBy="checks-links-caption">
                <table className="kern-table">
                  <caption className="kern-title" id="checks-links-caption">
                    {t('pages:checks.linksCaption', { count: data.linkProblems.length })}
                  </caption>
                  <thead className="kern-table__head">
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">
                        {t('pages:editor.pageTitle')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('pages:checks.problem')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('pages:checks.target')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {data.linkProblems.map((item) => (
                      <tr className="kern-table__row" key={`${item.id}-${item.kind}-${item.target}`}>
                        <th scope="row" className="kern-table__header">
                          <Link className="kern-link" to={`/seiten-editor/${item.id}`} lang="de">
                            {item.title}
                          </Link>
                        </th>
                        <td className="kern-table__cell">{t(PROBLEM_LABEL[item.kind])}</td>
                        <td className="kern-table__cell app-pages-checks__target" dir="ltr">
                          {item.target}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <p className="kern-body">{t('pages:checks.linksNone')}</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
