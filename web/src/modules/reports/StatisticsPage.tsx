import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCity } from '../../app/city';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { GROUND_LABEL, PLACE_LABEL, SETTING_LABEL } from './labels';
import {
  type Bucket,
  GROUNDS,
  type Ground,
  paths,
  SETTINGS,
  type Setting,
  useStatistics,
} from './reports.api';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** A table of counts with a bar per row (no bar for a suppressed "<5"). */
function BucketTable({
  id,
  caption,
  buckets,
  nameOf,
}: {
  id: string;
  caption: string;
  buckets: Bucket[];
  nameOf: (key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const max = Math.max(1, ...buckets.map((b) => (b.count === '<5' ? 0 : b.count)));
  return (
    <TableScroll labelledBy={`${id}-caption`}>
      <table className="kern-table kern-table--small kern-table--striped app-reports__figure">
        <caption className="kern-heading-small" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {t('reports:statistics.category')}
            </th>
            <th className="kern-table__header kern-table__header--numeric" scope="col">
              {t('reports:statistics.reports')}
            </th>
            <th className="kern-table__header" scope="col">
              <span className="kern-sr-only">{t('reports:statistics.bar')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {buckets.map((bucket) => (
            <tr className="kern-table__row" key={bucket.key}>
              <th className="kern-table__cell" scope="row">
                {nameOf(bucket.key)}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric" data-testid={`${id}-${bucket.key}`}>
                {bucket.count === '<5' ? '<5' : format.format(bucket.count)}
              </td>
              <td className="kern-table__cell app-reports__bar-cell" aria-hidden="true">
                {bucket.count === '<5' ? null : (
                  <span
                    className="app-reports__bar"
                    style={{ inlineSize: `${(bucket.count / max) * 100}%` }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The public page: what counts as discrimination, where to get help, and the year's statistics. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const city = useCity();
  const thisYear = Number(dates.today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const figures = useStatistics(year);
  const districtName = (key: string) =>
    key === 'online' || key === 'outside'
      ? t(PLACE_LABEL[key])
      : (city.data?.districts.find((d) => d.id === key)?.name ?? key);
  const yesNo = (key: string) => (key === 'yes' ? t('reports:form.yes') : t('reports:form.no'));
  return (
    <>
      <PageTitle>{t('reports:statistics.title')}</PageTitle>
      <section className="app-section" aria-labelledby="report-what-heading">
        <h2 className="kern-heading-medium" id="report-what-heading">
          {t('reports:statistics.whatTitle')}
        </h2>
        <p className="kern-body">{t('reports:statistics.what')}</p>
        <ul className="kern-list">
          <li>{t('reports:statistics.example1')}</li>
          <li>{t('reports:statistics.example2')}</li>
          <li>{t('reports:statistics.example3')}</li>
        </ul>
      </section>
      <section className="app-section" aria-labelledby="report-help-heading">
        <h2 className="kern-heading-medium" id="report-help-heading">
          {t('reports:statistics.helpTitle')}
        </h2>
        <p className="kern-body">{t('reports:statistics.help')}</p>
        <p className="kern-body">
          <Link className="kern-link" to="/angebote?q=Antidiskriminierung">
            {t('reports:statistics.helpLink')}
          </Link>{' '}
          ·{' '}
          <Link className="kern-link" to="/melden">
            {t('reports:statistics.reportLink')}
          </Link>
        </p>
      </section>
      <section className="app-section" aria-labelledby="report-figures-heading">
        <h2 className="kern-heading-medium" id="report-figures-heading">
          {t('reports:statistics.figuresTitle')}
        </h2>
        <div className="app-inline-form">
          <Select
            id="report-year"
            name="year"
            label={t('reports:statistics.year')}
            value={String(year)}
            onValueChange={(value) => setYear(Number(value))}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: String(y),
              label: String(y),
            }))}
          />
        </div>
        <p className="kern-body kern-body--small">{t('reports:statistics.suppressed')}</p>
        <ErrorAlert error={figures.error} focus={false} />
        {figures.isPending ? <Loading /> : null}
        {figures.data ? (
          <>
            <p className="kern-body" data-testid="report-total">
              {t('reports:statistics.total', { count: String(figures.data.total) })}
            </p>
            <BucketTable
              id="report-grounds"
              caption={t('reports:statistics.byGround')}
              buckets={figures.data.grounds}
              nameOf={(key) => (isOneOf<Ground>(GROUNDS, key) ? t(GROUND_LABEL[key]) : key)}
            />
            <BucketTable
              id="report-settings"
              caption={t('reports:statistics.bySetting')}
              buckets={figures.data.settings}
              nameOf={(key) => (isOneOf<Setting>(SETTINGS, key) ? t(SETTING_LABEL[key]) : key)}
            />
            <BucketTable
              id="report-districts"
              caption={t('reports:statistics.byDistrict')}
              buckets={figures.data.districts}
              nameOf={districtName}
            />
            <BucketTable
              id="report-quarters"
              caption={t('reports:statistics.byQuarter')}
              buckets={figures.data.quarters}
              nameOf={(key) => key}
            />
            <BucketTable
              id="report-violence"
              caption={t('reports:statistics.violence')}
              buckets={figures.data.violence}
              nameOf={yesNo}
            />
            <BucketTable
              id="report-extremist"
              caption={t('reports:statistics.extremist')}
              buckets={figures.data.extremist}
              nameOf={yesNo}
            />
            <p className="kern-body">
              <a className="kern-link" href={paths.statisticsCsv(year)} download>
                {t('reports:statistics.csv')}
              </a>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
}
