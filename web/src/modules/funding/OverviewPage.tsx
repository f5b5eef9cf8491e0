import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useEuros } from './CallsPage';
import { useApplications, useReviews } from './funding.api';
import { STATE_LABEL } from './labels';

const APPLYING = ['association', 'coordinator', 'admin'];

/** /funding: the own applications (associations), every application and the score tables (coordinators), what to review. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const euros = useEuros();
  const applies = APPLYING.includes(user?.role ?? '');
  const coordinates = user?.role === 'coordinator' || user?.role === 'admin';
  const applications = useApplications();
  const reviews = useReviews();
  const calls = [...new Set(applications.data?.items.map((a) => a.callId) ?? [])];
  return (
    <>
      <PageTitle>{t('funding:overview.title')}</PageTitle>
      <p className="kern-body">
        <Link className="kern-link" to="/foerderung">
          {t('funding:overview.calls')}
        </Link>
      </p>
      {applies ? (
        <>
          <h2 className="kern-heading-medium" id="funding-applications">
            {t('funding:overview.applications')}
          </h2>
          <ErrorAlert error={applications.error} focus={false} />
          {applications.isPending ? <Loading /> : null}
          {applications.data?.items.length === 0 ? (
            <p className="kern-body">{t('funding:overview.none')}</p>
          ) : null}
          {applications.data && applications.data.items.length > 0 ? (
            <TableScroll labelledBy="funding-applications">
              <table className="kern-table" aria-labelledby="funding-applications">
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th className="kern-table__header">{t('funding:overview.project')}</th>
                    <th className="kern-table__header">{t('funding:overview.organisation')}</th>
                    <th className="kern-table__header">{t('funding:overview.state')}</th>
                    <th className="kern-table__header">{t('funding:overview.requested')}</th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {applications.data.items.map((a) => (
                    <tr key={a.id} className="kern-table__row">
                      <td className="kern-table__cell">
                        <Link className="kern-link" to={`/funding/${a.id}`} lang="de">
                          {a.title || t('funding:overview.untitled')}
                        </Link>
                      </td>
                      <td className="kern-table__cell">{a.organisation}</td>
                      <td className="kern-table__cell">{t(STATE_LABEL[a.state])}</td>
                      <td className="kern-table__cell">{euros(a.requested)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          {coordinates && calls.length > 0 ? (
            <ul className="kern-list">
              {calls.map((callId, index) => (
                <li key={callId}>
                  <Link className="kern-link" to={`/funding/calls/${callId}/scores`}>
                    {t('funding:overview.scores', { number: index + 1 })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {reviews.data && reviews.data.items.length > 0 ? (
        <>
          <h2 className="kern-heading-medium">{t('funding:overview.reviews')}</h2>
          <ul className="kern-list">
            {reviews.data.items.map((r) => (
              <li key={r.id}>
                <Link className="kern-link" to={`/funding/${r.id}/review`}>
                  <span lang="de">{r.title}</span> ({r.organisation})
                </Link>{' '}
                – {r.scored ? t('funding:overview.scored') : t('funding:overview.toScore')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
