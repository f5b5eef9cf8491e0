import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { TARGET_GROUP_LABEL } from './labels';
import { TARGET_GROUPS, type TargetGroup, useGaps } from './network.api';

const WEEKS = [4, 8, 13] as const;

/**
 * The gaps view: for one target group, each Ortsteil week by week with how many activities serve it; the weeks
 * where nothing is offered are marked as gaps (in words, not only by colour).
 */
export function GapsPage() {
  const { t, i18n } = useTranslation();
  const dates = useCityTime();
  const city = useCity();
  const [targetGroup, setTargetGroup] = useState<TargetGroup>('women');
  const [districtId, setDistrictId] = useState('');
  const [from, setFrom] = useState(() => dates.today());
  const [weeks, setWeeks] = useState<number>(8);
  const gaps = useGaps({
    targetGroup,
    districtId: districtId || undefined,
    from: from || undefined,
    weeks,
  });
  const districts = city.data?.districts ?? [];
  const ortsteilName = new Map(districts.flatMap((d) => d.ortsteile.map((o) => [o.id, o.name] as const)));
  const districtName = new Map(districts.map((d) => [d.id, d.name] as const));
  const format = new Intl.NumberFormat(i18n.language);
  const data = gaps.data;
  const cells = data ? data.rows.length * data.weeks.length : 0;
  return (
    <>
      <PageTitle>{t('network:gaps.title')}</PageTitle>
      <p className="kern-body">{t('network:gaps.intro')}</p>
      <form className="app-inline-form" onSubmit={(event) => event.preventDefault()}>
        <Select
          id="gaps-group"
          label={t('network:gaps.targetGroup')}
          value={targetGroup}
          onValueChange={(value) => setTargetGroup(value as TargetGroup)}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: t(TARGET_GROUP_LABEL[g]) }))}
        />
        <Select
          id="gaps-district"
          label={t('network:gaps.district')}
          value={districtId}
          placeholder={t('network:gaps.allDistricts')}
          onValueChange={setDistrictId}
          options={districts.map((d) => ({ value: d.id, label: d.name }))}
        />
        <TextInput
          id="gaps-from"
          type="date"
          label={t('network:gaps.from')}
          value={from}
          onValueChange={setFrom}
        />
        <Select
          id="gaps-weeks"
          label={t('network:gaps.weeks')}
          value={String(weeks)}
          onValueChange={(value) => setWeeks(Number(value))}
          options={WEEKS.map((n) => ({ value: String(n), label: t('network:gaps.weekCount', { count: n }) }))}
        />
      </form>
      <ErrorAlert error={gaps.error} focus={false} />
      {gaps.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="kern-body" data-testid="gaps-summary" aria-live="polite">
            {t('network:gaps.summary', {
              gaps: data.gaps,
              cells,
              group: t(TARGET_GROUP_LABEL[data.targetGroup]),
            })}
          </p>
          <TableScroll labelledBy="gaps-caption">
            <table className="kern-table kern-table--small app-gaps-table" aria-busy={gaps.isPlaceholderData}>
              <caption className="kern-heading-small" id="gaps-caption">
                {t('network:gaps.caption', { group: t(TARGET_GROUP_LABEL[data.targetGroup]) })}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('network:gaps.ortsteil')}
                  </th>
                  {data.weeks.map((week) => (
                    <th key={week} className="kern-table__header kern-table__header--numeric" scope="col">
                      {t('network:gaps.weekOf', { date: dates.date(week, 'short') })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.rows.map((row) => (
                  <tr key={row.ortsteilId} className="kern-table__row">
                    <th className="kern-table__cell" scope="row">
                      {ortsteilName.get(row.ortsteilId) ?? row.ortsteilId}
                      {districtId ? null : (
                        <span className="kern-body--small">
                          {' '}
                          · {districtName.get(row.districtId) ?? row.districtId}
                        </span>
                      )}
                    </th>
                    {row.counts.map((count, index) => (
                      <td
                        // biome-ignore lint/suspicious/noArrayIndexKey: one cell per week, in the weeks' order.
                        key={index}
                        className={`kern-table__cell kern-table__cell--numeric${count === 0 ? ' app-gap' : ''}`}
                        data-testid={`gap-${row.ortsteilId}-${data.weeks[index]}`}
                      >
                        {count === 0 ? t('network:gaps.gap') : format.format(count)}
                      </td>
                    ))}
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
