import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useEuros } from './CallsPage';
import { type Figures, figuresCsv, useFundingFigures } from './funding.api';

type Group = Figures['total'];

/** One table of groups: organisations (counts under 5 as "<5"), applications, the money. */
function GroupTable({
  id,
  caption,
  groups,
  nameOf,
}: {
  id: string;
  caption: string;
  groups: Group[];
  nameOf: (g: Group) => string;
}) {
  const { t, i18n } = useTranslation();
  const euros = useEuros();
  const number = new Intl.NumberFormat(i18n.language);
  const count = (value: number | '<5') => (value === '<5' ? '<5' : number.format(value));
  return (
    <section className="app-section" aria-labelledby={`${id}-caption`}>
      <TableScroll labelledBy={`${id}-caption`}>
        <table className="kern-table kern-table--small kern-table--striped">
          <caption className="kern-title" id={`${id}-caption`}>
            {caption}
          </caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th className="kern-table__header" scope="col">
                {t('funding:figures.group')}
              </th>
              <th className="kern-table__header kern-table__header--numeric" scope="col">
                {t('funding:figures.organisations')}
              </th>
              <th className="kern-table__header kern-table__header--numeric" scope="col">
                {t('funding:figures.firstTime')}
              </th>
              <th className="kern-table__header kern-table__header--numeric" scope="col">
                {t('funding:figures.requested')}
              </th>
              <th className="kern-table__header kern-table__header--numeric" scope="col">
                {t('funding:figures.approved')}
              </th>
              <th className="kern-table__header kern-table__header--numeric" scope="col">
                {t('funding:figures.paid')}
              </th>
              <th className="kern-table__header kern-table__header--numeric" scope="col">
                {t('funding:figures.repaid')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {groups.map((g) => (
              <tr className="kern-table__row" key={g.key} data-testid={`${id}-row`}>
                <th className="kern-table__cell" scope="row" lang="de">
                  {nameOf(g)}
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">{count(g.organisations)}</td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {count(g.firstTimeOrganisations)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">{euros(g.requested)}</td>
                <td className="kern-table__cell kern-table__cell--numeric">{euros(g.approved)}</td>
                <td className="kern-table__cell kern-table__cell--numeric">{euros(g.paid)}</td>
                <td className="kern-table__cell kern-table__cell--numeric">{euros(g.repaid)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * The coordinators' figures: money requested, approved, paid and repaid by call, Stadtbezirk and kind of organisation,
 * first-time applicants and days from submission to decision; counts under 5 as "<5"; the CSV to download.
 */
export function FiguresPage() {
  const { t } = useTranslation();
  const figures = useFundingFigures();
  const city = useCity();
  const data = figures.data;
  const districtName = (g: Group) => city.data?.districts.find((d) => d.id === g.key)?.name ?? g.key;
  return (
    <>
      <PageTitle>{t('funding:figures.title')}</PageTitle>
      <p className="kern-body">{t('funding:figures.intro')}</p>
      <ErrorAlert error={figures.error} focus={false} />
      {figures.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="kern-body" data-testid="funding-figures-decision">
            {data.daysToDecision.medianDays === null
              ? t('funding:figures.daysUnknown')
              : t('funding:figures.days', { days: data.daysToDecision.medianDays })}
          </p>
          <GroupTable
            id="funding-figures-total"
            caption={t('funding:figures.totalCaption')}
            groups={[
              { ...data.total, label: t('funding:figures.all') },
              { ...data.firstTime, label: t('funding:figures.firstTimeOnly') },
            ]}
            nameOf={(g) => g.label}
          />
          <GroupTable
            id="funding-figures-calls"
            caption={t('funding:figures.byCall')}
            groups={data.byCall}
            nameOf={(g) => g.label}
          />
          <GroupTable
            id="funding-figures-districts"
            caption={t('funding:figures.byDistrict')}
            groups={data.byDistrict}
            nameOf={districtName}
          />
          <GroupTable
            id="funding-figures-kinds"
            caption={t('funding:figures.byKind')}
            groups={data.byKind}
            nameOf={(g) => g.key}
          />
          <p className="kern-body">
            <a className="kern-link" href={figuresCsv} download>
              {t('funding:figures.csv')}
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}
