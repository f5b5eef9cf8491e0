import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useUnmetSearches } from './editor.api';
import { useNames } from './labels';
import { useCityTime } from '../../app/time';
import { useCity } from '../../app/city';

/** Searches that found nothing, per language and district: a planning signal for the master plan. */
export function UnmetPage() {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const unmet = useUnmetSearches();
  const city = useCity();
  const districtName = (id: string) =>
    city.data?.districts.find((district) => district.id === id)?.name ??
    (id ? id : t('directory-editor:unmet.anyDistrict'));
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <>
      <PageTitle>{t('directory-editor:unmet.title')}</PageTitle>
      <p className="kern-body app-intro">{t('directory-editor:unmet.intro')}</p>
      <ErrorAlert error={unmet.error} focus={false} />
      {unmet.isPending ? <Loading /> : null}
      {unmet.data ? (
        unmet.data.items.length === 0 ? (
          <p className="kern-body">{t('directory-editor:unmet.empty')}</p>
        ) : (
          <TableScroll labelledBy="unmet-caption">
            <table className="kern-table kern-table--small kern-table--striped">
              <caption className="kern-sr-only" id="unmet-caption">
                {t('directory-editor:unmet.caption')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('directory-editor:unmet.words')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('directory-editor:unmet.language')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('directory-editor:unmet.district')}
                  </th>
                  <th className="kern-table__header kern-table__header--numeric" scope="col">
                    {t('directory-editor:unmet.count')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('directory-editor:unmet.lastDay')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {unmet.data.items.map((item) => (
                  <tr className="kern-table__row" key={`${item.lang}-${item.districtId}-${item.words}`}>
                    <td className="kern-table__cell" lang={item.lang} dir="auto">
                      {item.words}
                    </td>
                    <td className="kern-table__cell">{names.languageName(item.lang)}</td>
                    <td className="kern-table__cell" dir="auto">
                      {districtName(item.districtId)}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {number.format(item.count)}
                    </td>
                    <td className="kern-table__cell app-nowrap">
                      <time dateTime={item.lastDay}>{dates.date(item.lastDay)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )
      ) : null}
    </>
  );
}
