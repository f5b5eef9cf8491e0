import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCity } from '../../app/city';
import { useCityTime } from '../../app/time';
import { CountTable } from '../../components/CountTable';
import { CountChart } from './CountChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { GROUND_LABEL, PLACE_LABEL, SETTING_LABEL } from './labels';
import { GROUNDS, type Ground, paths, SETTINGS, type Setting, useStatistics } from './reports.api';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** The public page: what counts as discrimination, where to get help, and the year's statistics. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const city = useCity();
  const thisYear = Number(dates.today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | undefined>(undefined);
  const figures = useStatistics(year, quarter);
  const districtName = (key: string) =>
    key === 'online' || key === 'outside'
      ? t(PLACE_LABEL[key])
      : (city.data?.districts.find((d) => d.id === key)?.name ?? key);
  const quarterName = (key: string) => t('reports:statistics.quarter', { quarter: Number(key.slice(1)) });
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
          <Select
            id="report-quarter"
            name="quarter"
            label={t('reports:statistics.period')}
            value={quarter ? String(quarter) : ''}
            onValueChange={(value) => setQuarter(value ? Number(value) : undefined)}
            options={[
              { value: '', label: t('reports:statistics.wholeYear') },
              ...[1, 2, 3, 4].map((q) => ({
                value: String(q),
                label: t('reports:statistics.quarter', { quarter: q }),
              })),
            ]}
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
            <CountChart
              id="report-grounds-chart"
              tableId="report-grounds"
              caption={t('reports:statistics.byGround')}
              buckets={figures.data.grounds}
              nameOf={(key) => (isOneOf<Ground>(GROUNDS, key) ? t(GROUND_LABEL[key]) : key)}
            />
            <CountTable
              id="report-grounds"
              caption={t('reports:statistics.byGround')}
              keyHeader={t('reports:statistics.category')}
              countHeader={t('reports:statistics.reports')}
              barLabel={t('reports:statistics.bar')}
              buckets={figures.data.grounds}
              nameOf={(key) => (isOneOf<Ground>(GROUNDS, key) ? t(GROUND_LABEL[key]) : key)}
            />
            <CountChart
              id="report-settings-chart"
              tableId="report-settings"
              caption={t('reports:statistics.bySetting')}
              buckets={figures.data.settings}
              nameOf={(key) => (isOneOf<Setting>(SETTINGS, key) ? t(SETTING_LABEL[key]) : key)}
            />
            <CountTable
              id="report-settings"
              caption={t('reports:statistics.bySetting')}
              keyHeader={t('reports:statistics.category')}
              countHeader={t('reports:statistics.reports')}
              barLabel={t('reports:statistics.bar')}
              buckets={figures.data.settings}
              nameOf={(key) => (isOneOf<Setting>(SETTINGS, key) ? t(SETTING_LABEL[key]) : key)}
            />
            <CountChart
              id="report-districts-chart"
              tableId="report-districts"
              caption={t('reports:statistics.byDistrict')}
              buckets={figures.data.districts}
              nameOf={districtName}
            />
            <CountTable
              id="report-districts"
              caption={t('reports:statistics.byDistrict')}
              keyHeader={t('reports:statistics.category')}
              countHeader={t('reports:statistics.reports')}
              barLabel={t('reports:statistics.bar')}
              buckets={figures.data.districts}
              nameOf={districtName}
            />
            <CountChart
              id="report-quarters-chart"
              tableId="report-quarters"
              caption={t('reports:statistics.byQuarter')}
              buckets={figures.data.quarters}
              nameOf={quarterName}
            />
            <CountTable
              id="report-quarters"
              caption={t('reports:statistics.byQuarter')}
              keyHeader={t('reports:statistics.category')}
              countHeader={t('reports:statistics.reports')}
              barLabel={t('reports:statistics.bar')}
              buckets={figures.data.quarters}
              nameOf={quarterName}
            />
            <CountTable
              id="report-violence"
              caption={t('reports:statistics.violence')}
              keyHeader={t('reports:statistics.category')}
              countHeader={t('reports:statistics.reports')}
              barLabel={t('reports:statistics.bar')}
              buckets={figures.data.violence}
              nameOf={yesNo}
            />
            <CountTable
              id="report-extremist"
              caption={t('reports:statistics.extremist')}
              keyHeader={t('reports:statistics.category')}
              countHeader={t('reports:statistics.reports')}
              barLabel={t('reports:statistics.bar')}
              buckets={figures.data.extremist}
              nameOf={yesNo}
            />
            <p className="kern-body">
              <a className="kern-link" href={paths.statisticsCsv(year, quarter)} download>
                {t('reports:statistics.csv')}
              </a>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
}
