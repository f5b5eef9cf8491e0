import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useJobs, useRunJob } from './platform.api';
import { useCityTime } from '../../app/time';

// Known job outcomes; anything else is shown as the server sends it.
const statusLabelKey: Record<string, string> = {
  ok: 'platform:jobs.statusOk',
  success: 'platform:jobs.statusOk',
  failed: 'platform:jobs.statusFailed',
  error: 'platform:jobs.statusFailed',
  running: 'platform:jobs.statusRunning',
};

/** How often a job runs, in the largest whole unit, as Intl names it in the UI language ("every 10 minutes"). */
function useInterval() {
  const { i18n } = useTranslation();
  return (seconds: number) => {
    const [value, unit] =
      seconds % 3600 === 0
        ? [seconds / 3600, 'hour']
        : seconds % 60 === 0
          ? [seconds / 60, 'minute']
          : [seconds, 'second'];
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  };
}

/** Admins see the background jobs and can start one now. */
export function JobsPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const interval = useInterval();
  const jobs = useJobs();
  const run = useRunJob();
  const [started, setStarted] = useState<string | null>(null);

  const runNow = (name: string) => {
    setStarted(null);
    run.mutate(name, { onSuccess: () => setStarted(name) });
  };

  return (
    <>
      <PageTitle>{t('platform:jobs.title')}</PageTitle>
      <p className="kern-body app-intro">{t('platform:jobs.intro')}</p>
      {started ? (
        <Alert variant="success" role="status" title={t('platform:jobs.started', { name: started })} />
      ) : null}
      <ErrorAlert error={run.error} />
      <ErrorAlert error={jobs.error} focus={false} />
      {jobs.isPending ? <Loading /> : null}
      {jobs.data && jobs.data.items.length === 0 ? (
        <p className="kern-body">{t('common:table.empty')}</p>
      ) : null}
      {jobs.data && jobs.data.items.length > 0 ? (
        <TableScroll labelledBy="jobs-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <caption className="kern-sr-only" id="jobs-caption">
              {t('platform:jobs.caption')}
            </caption>
            <thead>
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('platform:jobs.name')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('platform:jobs.schedule')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('platform:jobs.lastRun')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('platform:jobs.status')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('platform:jobs.nextRun')}
                </th>
                <th className="kern-table__header kern-table__header--action" scope="col">
                  {t('platform:jobs.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {jobs.data.items.map((job) => {
                const statusKey = job.lastStatus ? statusLabelKey[job.lastStatus] : undefined;
                return (
                  <tr className="kern-table__row" key={job.name}>
                    <th className="kern-table__header" scope="row">
                      <span className="app-code" dir="ltr">
                        {job.name}
                      </span>
                    </th>
                    <td className="kern-table__cell">{interval(job.intervalSeconds)}</td>
                    <td className="kern-table__cell app-nowrap">
                      {job.lastRunAt ? dates.dateTime(job.lastRunAt, 'short') : t('platform:jobs.neverRun')}
                    </td>
                    <td className="kern-table__cell">{statusKey ? t(statusKey) : (job.lastStatus ?? '–')}</td>
                    <td className="kern-table__cell app-nowrap">
                      {dates.dateTime(job.nextRunAt, 'short') || '–'}
                    </td>
                    <td className="kern-table__cell kern-table__cell--action">
                      <button
                        type="button"
                        className="kern-btn kern-btn--secondary kern-btn--x-small"
                        disabled={run.isPending}
                        onClick={() => runNow(job.name)}
                        aria-label={t('platform:jobs.runFor', { name: job.name })}
                      >
                        <span className="kern-label">{t('platform:jobs.run')}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
