import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import { useBreakGlassList } from './counselling.api';

/** For the data-protection officer: every break-glass access to a counselling case, newest first. */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const [page, setPage] = useState(1);
  const list = useBreakGlassList(page);
  const th = (key: string) => (
    <th className="kern-table__header" scope="col">
      {t(key)}
    </th>
  );
  return (
    <>
      <PageTitle>{t('counselling:breakGlass.title')}</PageTitle>
      <p className="kern-body" id="break-glass-caption">
        {t('counselling:breakGlass.intro')}
      </p>
      <ErrorAlert error={list.error} focus={false} />
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        <>
          <TableScroll labelledBy="break-glass-caption">
            <table className="kern-table kern-table--small kern-table--striped">
              <thead>
                <tr className="kern-table__row">
                  {th('counselling:breakGlass.at')}
                  {th('counselling:breakGlass.by')}
                  {th('counselling:breakGlass.service')}
                  {th('counselling:breakGlass.case')}
                  {th('counselling:breakGlass.reason')}
                </tr>
              </thead>
              <tbody className="kern-table__body" data-testid="break-glass-list">
                {list.data.items.length === 0 ? (
                  <tr className="kern-table__row">
                    <td className="kern-table__cell" colSpan={5}>
                      {t('counselling:breakGlass.none')}
                    </td>
                  </tr>
                ) : null}
                {list.data.items.map((item) => (
                  <tr className="kern-table__row" key={item.id}>
                    <td className="kern-table__cell">{dates.dateTime(item.at)}</td>
                    <td className="kern-table__cell" dir="auto">
                      {item.by || t('counselling:breakGlass.erased')} ({item.organisationName})
                    </td>
                    <td className="kern-table__cell" dir="auto">
                      {item.serviceName} ({item.caseOrganisationName})
                    </td>
                    <td className="kern-table__cell" dir="ltr">
                      <code>{item.caseId.slice(0, 8)}</code>
                    </td>
                    <td className="kern-table__cell" dir="auto">
                      {item.reason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            page={list.data.page}
            perPage={list.data.perPage}
            total={list.data.total}
            onPageChange={setPage}
          />
        </>
      ) : null}
    </>
  );
}
