import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useRecruitment } from './guides.api';
import { useNames } from './labels';
import { useCityTime } from '../../app/time';
import { useCity } from '../../app/city';

/** Where the network is thin: languages and districts with requests nobody could take. */
export function RecruitmentPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const recruitment = useRecruitment();
  const city = useCity();
  const districtName = (id: string) =>
    city.data?.districts.find((district) => district.id === id)?.name ?? id;
  const data = recruitment.data;
  return (
    <>
      <PageTitle>{t('guides:recruitment.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:recruitment.intro')}</p>
      <ErrorAlert error={recruitment.error} focus={false} />
      {recruitment.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="kern-body kern-body--small">
            {t('guides:recruitment.since', { date: dates.date(data.since) })}
          </p>
          <section aria-labelledby="recruit-languages">
            <h2 className="kern-heading-medium" id="recruit-languages">
              {t('guides:recruitment.languages')}
            </h2>
            {data.languages.length === 0 ? (
              <p className="kern-body">{t('guides:recruitment.none')}</p>
            ) : (
              <TableScroll labelledBy="recruit-languages">
                <table className="kern-table kern-table--small kern-table--striped app-guides-narrow-table">
                  <thead>
                    <tr className="kern-table__row">
                      <th className="kern-table__header" scope="col">
                        {t('guides:form.language')}
                      </th>
                      <th className="kern-table__header kern-table__header--numeric" scope="col">
                        {t('guides:recruitment.unmatched')}
                      </th>
                      <th className="kern-table__header kern-table__header--numeric" scope="col">
                        {t('guides:recruitment.guides')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {data.languages.map((row) => (
                      <tr className="kern-table__row" key={row.language}>
                        <th className="kern-table__cell" scope="row">
                          {names.language(row.language)}
                        </th>
                        <td className="kern-table__cell kern-table__cell--numeric">
                          {names.number(row.unmatched)}
                        </td>
                        <td className="kern-table__cell kern-table__cell--numeric">
                          {names.number(row.guides)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
          <section className="app-section" aria-labelledby="recruit-districts">
            <h2 className="kern-heading-medium" id="recruit-districts">
              {t('guides:recruitment.districts')}
            </h2>
            {data.districts.length === 0 ? (
              <p className="kern-body">{t('guides:recruitment.none')}</p>
            ) : (
              <TableScroll labelledBy="recruit-districts">
                <table className="kern-table kern-table--small kern-table--striped app-guides-narrow-table">
                  <thead>
                    <tr className="kern-table__row">
                      <th className="kern-table__header" scope="col">
                        {t('guides:recruitment.district')}
                      </th>
                      <th className="kern-table__header kern-table__header--numeric" scope="col">
                        {t('guides:recruitment.unmatched')}
                      </th>
                      <th className="kern-table__header kern-table__header--numeric" scope="col">
                        {t('guides:recruitment.guides')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {data.districts.map((row) => (
                      <tr className="kern-table__row" key={row.districtId}>
                        <th className="kern-table__cell" scope="row">
                          {districtName(row.districtId)}
                        </th>
                        <td className="kern-table__cell kern-table__cell--numeric">
                          {names.number(row.unmatched)}
                        </td>
                        <td className="kern-table__cell kern-table__cell--numeric">
                          {names.number(row.guides)}
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
    </>
  );
}
