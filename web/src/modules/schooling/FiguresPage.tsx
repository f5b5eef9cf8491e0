import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { CountTable } from '../../components/CountTable';
import { TableScroll } from '../../components/TableScroll';
import { useLanguageNames } from '../../app/languages';
import { useNumbers } from './display';
import { FORM_LABEL, isOneOf, KIND_LABEL, SCHOOL_FORMS, SEAT_KINDS } from './labels';
import { type Count, paths, useFigures, useSchools } from './schooling.api';
import { useCityTime } from '../../app/time';
import { useCity } from '../../app/city';

function SchoolsTable() {
  const { t } = useTranslation();
  const schools = useSchools();
  const dates = useCityTime();
  const numbers = useNumbers();
  const city = useCity();
  const districtName = (id: string) => city.data?.districts.find((d) => d.id === id)?.name ?? id;
  return (
    <section className="app-section" aria-labelledby="schools-heading">
      <h2 className="kern-heading-medium" id="schools-heading">
        {t('schooling:figures.schoolsHeading')}
      </h2>
      <ErrorAlert error={schools.error} focus={false} />
      {schools.isPending ? <Loading /> : null}
      {schools.data ? (
        <TableScroll labelledBy="schools-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <caption className="kern-sr-only" id="schools-caption">
              {t('schooling:figures.schoolsHeading')}
            </caption>
            <thead>
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('schooling:placement.school')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('schooling:children.district')}
                </th>
                <th className="kern-table__header kern-table__header--numeric" scope="col">
                  {t('schooling:seats.free')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('schooling:figures.lastUpdate')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {schools.data.items.map((school) => (
                <tr className="kern-table__row" key={school.schoolId}>
                  <th className="kern-table__cell" scope="row" lang="de">
                    {school.name}
                  </th>
                  <td className="kern-table__cell" lang="de">
                    {districtName(school.districtId)}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {numbers.number(school.groups.reduce((sum, group) => sum + group.free, 0))}
                  </td>
                  <td className="kern-table__cell">
                    {school.lastUpdatedAt
                      ? t('schooling:figures.updatedBy', {
                          date: dates.dateTime(school.lastUpdatedAt),
                          name: school.lastUpdatedBy ?? '–',
                        })
                      : t('schooling:seats.neverUpdated')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

/** Waiting children, time to a school place, free places and the forecast; counts under 5 show as "<5". */
export function FiguresPage() {
  const { t } = useTranslation();
  const figures = useFigures();
  const city = useCity();
  const languages = useLanguageNames();
  const dates = useCityTime();
  const numbers = useNumbers();
  const districtName = (id: string) => city.data?.districts.find((d) => d.id === id)?.name ?? id;
  const band = (key: string) => key;
  const count = (value: Count) => numbers.count(value);

  return (
    <>
      <PageTitle>{t('schooling:figures.title')}</PageTitle>
      <p className="kern-body app-intro">{t('schooling:figures.intro')}</p>
      <ErrorAlert error={figures.error} focus={false} />
      {figures.isPending ? <Loading /> : null}
      {figures.data ? (
        <>
          <p className="kern-body">
            {t('schooling:figures.asOf', { date: dates.dateTime(figures.data.asOf) })}{' '}
            <a className="kern-btn kern-btn--secondary kern-btn--small" href={paths.figuresCsv} download>
              <span className="kern-icon kern-icon--download" aria-hidden="true" />
              <span className="kern-label">{t('schooling:figures.csv')}</span>
            </a>
          </p>
          <ul className="app-cards app-schooling__kpis">
            <li className="app-card">
              <p className="kern-label">{t('schooling:figures.waitingTotal')}</p>
              <p className="kern-heading-large">{count(figures.data.waiting.total)}</p>
            </li>
            <li className="app-card">
              <p className="kern-label">{t('schooling:figures.median')}</p>
              <p className="kern-heading-large">
                {figures.data.timeToPlace.medianDays === null
                  ? '–'
                  : t('schooling:figures.days', { days: figures.data.timeToPlace.medianDays })}
              </p>
              <p className="kern-body kern-body--small">
                {t('schooling:figures.medianBasis', { children: count(figures.data.timeToPlace.children) })}
              </p>
            </li>
            <li className="app-card">
              <p className="kern-label">{t('schooling:figures.forecast')}</p>
              <p className="kern-heading-large">
                {figures.data.forecast.placesNeededNext3Months === null
                  ? '–'
                  : numbers.number(figures.data.forecast.placesNeededNext3Months)}
              </p>
              <p className="kern-body kern-body--small">
                {t('schooling:figures.forecastBasis', {
                  arrivals: count(figures.data.forecast.arrivalsLast3Months),
                })}
              </p>
            </li>
          </ul>
          <p className="kern-body kern-body--small">{t('schooling:figures.suppressed')}</p>

          <section className="app-section app-schooling__figures" aria-labelledby="waiting-heading">
            <h2 className="kern-heading-medium" id="waiting-heading">
              {t('schooling:figures.waitingHeading')}
            </h2>
            <CountTable
              id="by-age"
              caption={t('schooling:figures.byAge')}
              keyHeader={t('schooling:figures.ageBand')}
              countHeader={t('schooling:figures.children')}
              barLabel={t('schooling:figures.bar')}
              empty={t('schooling:figures.noData')}
              buckets={figures.data.waiting.byAgeBand}
              nameOf={band}
            />
            <CountTable
              id="by-language"
              caption={t('schooling:figures.byLanguage')}
              keyHeader={t('schooling:child.languages')}
              countHeader={t('schooling:figures.children')}
              barLabel={t('schooling:figures.bar')}
              empty={t('schooling:figures.noData')}
              buckets={figures.data.waiting.byLanguage}
              nameOf={(code) => languages.nameOf(code)}
            />
            <CountTable
              id="by-district"
              caption={t('schooling:figures.byDistrict')}
              keyHeader={t('schooling:children.district')}
              countHeader={t('schooling:figures.children')}
              barLabel={t('schooling:figures.bar')}
              empty={t('schooling:figures.noData')}
              buckets={figures.data.waiting.byDistrict}
              nameOf={districtName}
            />
            <CountTable
              id="by-weeks"
              caption={t('schooling:figures.byWeeks')}
              keyHeader={t('schooling:figures.weeksBand')}
              countHeader={t('schooling:figures.children')}
              barLabel={t('schooling:figures.bar')}
              empty={t('schooling:figures.noData')}
              buckets={figures.data.waiting.byWeeksWaiting}
              nameOf={band}
            />
            <CountTable
              id="forecast-age"
              caption={t('schooling:figures.arrivalsByAge')}
              keyHeader={t('schooling:figures.ageBand')}
              countHeader={t('schooling:figures.children')}
              barLabel={t('schooling:figures.bar')}
              empty={t('schooling:figures.noData')}
              buckets={figures.data.forecast.byAgeBand}
              nameOf={band}
            />
          </section>

          <section className="app-section" aria-labelledby="free-heading">
            <h2 className="kern-heading-medium" id="free-heading">
              {t('schooling:figures.freeHeading')}
            </h2>
            {figures.data.freePlaces.length === 0 ? (
              <p className="kern-body">{t('schooling:figures.noData')}</p>
            ) : (
              <TableScroll labelledBy="free-caption">
                <table className="kern-table kern-table--small kern-table--striped">
                  <caption className="kern-sr-only" id="free-caption">
                    {t('schooling:figures.freeHeading')}
                  </caption>
                  <thead>
                    <tr className="kern-table__row">
                      <th className="kern-table__header" scope="col">
                        {t('schooling:seats.form')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('schooling:seats.kind')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('schooling:children.district')}
                      </th>
                      <th className="kern-table__header kern-table__header--numeric" scope="col">
                        {t('schooling:seats.free')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {figures.data.freePlaces.map((row) => (
                      <tr className="kern-table__row" key={`${row.form}-${row.kind}-${row.districtId}`}>
                        <td className="kern-table__cell">
                          {isOneOf(SCHOOL_FORMS, row.form) ? t(FORM_LABEL[row.form]) : row.form}
                        </td>
                        <td className="kern-table__cell">
                          {isOneOf(SEAT_KINDS, row.kind) ? t(KIND_LABEL[row.kind]) : row.kind}
                        </td>
                        <td className="kern-table__cell" lang="de">
                          {districtName(row.districtId)}
                        </td>
                        <td className="kern-table__cell kern-table__cell--numeric">
                          {numbers.number(row.free)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        </>
      ) : null}
      <SchoolsTable />
    </>
  );
}
