import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Checkbox, Select } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import { GROUND_LABEL, SETTING_LABEL, STATUS_LABEL } from './labels';
import { paths, REPORT_STATUSES, type ReportStatus, useCases } from './reports.api';

const PER_PAGE = 25;

/** The advice centre's cases, newest first, by status. */
export function CasesPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const [status, setStatus] = useState<'' | ReportStatus>('');
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const cases = useCases({
    page,
    per_page: PER_PAGE,
    status: status || undefined,
    mine: mine ? 'true' : undefined,
  });
  return (
    <>
      <PageTitle>{t('reports:cases.title')}</PageTitle>
      <div className="app-inline-form">
        <Select
          id="cases-status"
          name="status"
          label={t('reports:cases.status')}
          value={status}
          placeholder={t('reports:cases.allStatuses')}
          onValueChange={(value) => {
            setStatus(value as '' | ReportStatus);
            setPage(1);
          }}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
        />
        <Checkbox
          id="cases-mine"
          label={t('reports:cases.mine')}
          checked={mine}
          onChange={(on) => {
            setMine(on);
            setPage(1);
          }}
        />
      </div>
      <p className="kern-body">
        <Link className="kern-link" to="/reports/new">
          {t('reports:cases.intake')}
        </Link>
      </p>
      <p className="kern-body">
        <a className="kern-link" href={paths.exportCsv(Number(dates.today().slice(0, 4)))} download>
          {t('reports:cases.export')}
        </a>
      </p>
      <ErrorAlert error={cases.error} focus={false} />
      {cases.isPending ? <Loading /> : null}
      {cases.data ? (
        <>
          <TableScroll labelledBy="cases-caption">
            <table className="kern-table kern-table--small kern-table--striped">
              <caption className="kern-sr-only" id="cases-caption">
                {t('reports:cases.title')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('reports:cases.received')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('reports:cases.status')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('reports:cases.setting')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('reports:cases.grounds')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('reports:cases.assigned')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {cases.data.items.length === 0 ? (
                  <tr className="kern-table__row">
                    <td className="kern-table__cell" colSpan={5}>
                      {t('reports:cases.none')}
                    </td>
                  </tr>
                ) : null}
                {cases.data.items.map((item) => (
                  <tr className="kern-table__row" key={item.id}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`/reports/${item.id}`}>
                        {dates.dateTime(item.receivedAt)}
                      </Link>
                    </td>
                    <td className="kern-table__cell">{t(STATUS_LABEL[item.status])}</td>
                    <td className="kern-table__cell">{t(SETTING_LABEL[item.setting])}</td>
                    <td className="kern-table__cell">
                      {item.grounds.map((g) => t(GROUND_LABEL[g])).join(', ')}
                    </td>
                    <td className="kern-table__cell">{item.assignedName ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination page={page} perPage={PER_PAGE} total={cases.data.total} onPageChange={setPage} />
        </>
      ) : null}
    </>
  );
}
