import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { CountTable } from '../../components/CountTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { type Count, type Topic, paths, TOPICS, useFigures } from './counselling.api';
import { STATUS_LABEL, TOPIC_LABEL } from './labels';

type Row = { key: string; opened: Count; closed: Count };

/** Opened and closed per row (a month, a topic, a Stadtbezirk). */
function OpenedClosed({
  id,
  caption,
  keyHeader,
  rows,
  nameOf,
}: {
  id: string;
  caption: string;
  keyHeader: string;
  rows: Row[];
  nameOf: (key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const count = (value: Count) => (value === '<5' ? '<5' : format.format(value));
  return (
    <TableScroll labelledBy={`${id}-caption`}>
      <table className="kern-table kern-table--small kern-table--striped">
        <caption className="kern-heading-small" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {keyHeader}
            </th>
            <th className="kern-table__header kern-table__header--numeric" scope="col">
              {t('counselling:figures.opened')}
            </th>
            <th className="kern-table__header kern-table__header--numeric" scope="col">
              {t('counselling:figures.closed')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.length === 0 ? (
            <tr className="kern-table__row">
              <td className="kern-table__cell" colSpan={3}>
                {t('counselling:figures.noData')}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr className="kern-table__row" key={row.key}>
              <th className="kern-table__cell" scope="row">
                {nameOf(row.key)}
              </th>
              <td
                className="kern-table__cell kern-table__cell--numeric"
                data-testid={`${id}-${row.key}-opened`}
              >
                {count(row.opened)}
              </td>
              <td
                className="kern-table__cell kern-table__cell--numeric"
                data-testid={`${id}-${row.key}-closed`}
              >
                {count(row.closed)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const isTopic = (key: string): key is Topic => (TOPICS as readonly string[]).includes(key);

/**
 * The counselling figures for coordinators: cases opened and closed per month, by topic and Stadtbezirk, the
 * clearing's time and outcome, the clinic's visits, languages, mediators, referrals; counts under 5 show as "<5".
 */
export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const figures = useFigures();
  const city = useCity();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  const count = (value: Count) => (value === '<5' ? '<5' : format.format(value));
  const districtName = (id: string) =>
    id === ''
      ? t('counselling:figures.noDistrict')
      : (city.data?.districts.find((d) => d.id === id)?.name ?? id);
  const data = figures.data;
  return (
    <>
      <PageTitle>{t('counselling:figures.title')}</PageTitle>
      <p className="kern-body app-intro">{t('counselling:figures.intro')}</p>
      <ErrorAlert error={figures.error} focus={false} />
      {figures.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="kern-body">
            {t('counselling:figures.period', {
              from: dates.monthName(data.from),
              to: dates.monthName(data.months[data.months.length - 1]?.month ?? data.from),
            })}{' '}
            <a className="kern-link" href={paths.figuresCsv} download>
              {t('counselling:figures.csv')}
            </a>
          </p>
          <section className="app-section" aria-labelledby="clearing-heading">
            <h2 className="kern-heading-medium" id="clearing-heading">
              {t('counselling:figures.clearing')}
            </h2>
            <dl className="app-counselling__facts" data-testid="figures-clearing">
              <dt>{t('counselling:figures.closedWithOutcome')}</dt>
              <dd data-testid="figures-closed-with-outcome">{count(data.clearing.closedWithOutcome)}</dd>
              <dt>{t('counselling:figures.medianDays')}</dt>
              <dd>{data.clearing.medianDays === null ? '–' : format.format(data.clearing.medianDays)}</dd>
              <dt>{t('counselling:figures.shareInsured')}</dt>
              <dd>
                {data.clearing.shareInsured === null ? '–' : percent.format(data.clearing.shareInsured)}
              </dd>
              <dt>{t('counselling:figures.clinicVisits')}</dt>
              <dd data-testid="figures-clinic-visits">{count(data.clinicVisits.total)}</dd>
              <dt>{t('counselling:figures.referredToClearing')}</dt>
              <dd>{count(data.clinicVisits.referredToClearing)}</dd>
              <dt>{t('counselling:figures.mediatorBookings')}</dt>
              <dd data-testid="figures-mediator-bookings">{count(data.mediatorBookings)}</dd>
            </dl>
          </section>
          <OpenedClosed
            id="figures-months"
            caption={t('counselling:figures.byMonth')}
            keyHeader={t('counselling:figures.month')}
            rows={data.months.map((m) => ({ key: m.month, opened: m.opened, closed: m.closed }))}
            nameOf={dates.monthName}
          />
          <OpenedClosed
            id="figures-topics"
            caption={t('counselling:figures.byTopic')}
            keyHeader={t('counselling:case.topics')}
            rows={data.byTopic}
            nameOf={(key) => (isTopic(key) ? t(TOPIC_LABEL[key]) : key)}
          />
          <OpenedClosed
            id="figures-districts"
            caption={t('counselling:figures.byDistrict')}
            keyHeader={t('counselling:figures.district')}
            rows={data.byDistrict}
            nameOf={districtName}
          />
          <CountTable
            id="figures-languages"
            caption={t('counselling:figures.languages')}
            keyHeader={t('counselling:case.languages')}
            countHeader={t('counselling:figures.count')}
            barLabel={t('counselling:figures.bar')}
            empty={t('counselling:figures.noData')}
            buckets={data.languages}
            nameOf={(code) => languages.nameOf(code)}
          />
          <TableScroll labelledBy="figures-referrals-caption">
            <table className="kern-table kern-table--small kern-table--striped">
              <caption className="kern-heading-small" id="figures-referrals-caption">
                {t('counselling:figures.referrals')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('counselling:case.recipient')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('counselling:cases.status')}
                  </th>
                  <th className="kern-table__header kern-table__header--numeric" scope="col">
                    {t('counselling:figures.count')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.referrals.length === 0 ? (
                  <tr className="kern-table__row">
                    <td className="kern-table__cell" colSpan={3}>
                      {t('counselling:figures.noData')}
                    </td>
                  </tr>
                ) : null}
                {data.referrals.map((row) => (
                  <tr className="kern-table__row" key={`${row.recipient}-${row.status}`}>
                    <th className="kern-table__cell" scope="row" lang="de">
                      {row.recipient}
                    </th>
                    <td className="kern-table__cell">{t(STATUS_LABEL[row.status])}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{count(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </>
  );
}
