import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useEditableService, useServiceHistory } from './editor.api';
import { REVISION_LABEL } from './labels';
import { useCityTime } from '../../app/time';

/** Who changed an offer, when, and what became of each change. */
export function HistoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dates = useCityTime();
  const service = useEditableService(id);
  const history = useServiceHistory(id);
  const name = service.data?.texts.name.de;

  return (
    <>
      <PageTitle>{t('directory-editor:history.title')}</PageTitle>
      {name ? (
        <p className="kern-body kern-body--large" lang="de" dir="auto">
          {name}
        </p>
      ) : null}
      <ErrorAlert error={history.error ?? service.error} focus={false} />
      {history.isPending ? <Loading /> : null}
      {history.data ? (
        history.data.items.length === 0 ? (
          <p className="kern-body">{t('common:table.empty')}</p>
        ) : (
          <TableScroll labelledBy="history-caption">
            <table className="kern-table kern-table--small kern-table--striped">
              <caption className="kern-sr-only" id="history-caption">
                {t('directory-editor:history.caption')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('directory-editor:history.changedAt')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('directory-editor:history.changedBy')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('directory-editor:history.result')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('directory-editor:history.decidedAt')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {history.data.items.map((revision) => {
                  const label = REVISION_LABEL[revision.status];
                  return (
                    <tr className="kern-table__row" key={revision.id}>
                      <td className="kern-table__cell app-nowrap">
                        <time dateTime={revision.changedAt}>
                          {dates.dateTime(revision.changedAt, 'short')}
                        </time>
                      </td>
                      <td className="kern-table__cell" dir="auto">
                        {revision.changedByName ?? t('directory-editor:history.unknown')}
                      </td>
                      <td className="kern-table__cell">
                        {label ? t(label) : revision.status}
                        {revision.minor ? ` (${t('directory-editor:history.minor')})` : ''}
                      </td>
                      <td className="kern-table__cell app-nowrap">
                        {revision.decidedAt ? (
                          <time dateTime={revision.decidedAt}>
                            {dates.dateTime(revision.decidedAt, 'short')}
                          </time>
                        ) : (
                          '–'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )
      ) : null}
      <p className="kern-body">
        <Link className="kern-link" to={`/editor/${encodeURIComponent(id)}`}>
          {t('directory-editor:history.edit')}
        </Link>{' '}
        ·{' '}
        <Link className="kern-link" to="/editor">
          {t('directory-editor:edit.back')}
        </Link>
      </p>
    </>
  );
}
