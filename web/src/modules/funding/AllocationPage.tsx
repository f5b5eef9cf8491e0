import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCity } from '../../app/city';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useEuros } from './CallsPage';
import { type Allocation, type Decision, type FundingChoice, useAllocation, useCall } from './funding.api';
import { FUNDING_LABEL } from './labels';
import { DecisionForm } from './ScoresPage';

type Item = Allocation['items'][number];
type Floors = { perDistrict: number; firstTimeShare: number };

/** The decision the proposal suggests: full → approved, cut → partly (the minimum), none → rejected. */
function proposedDecision(item: Item): { outcome: Decision; amount: number } {
  if (item.funding === 'full') return { outcome: 'approved', amount: item.amount };
  if (item.funding === 'cut') return { outcome: 'partly', amount: item.amount };
  return { outcome: 'rejected', amount: 0 };
}

/**
 * /funding/calls/:id/allocation: the coordinator runs the allocation proposal (optional floors per Stadtbezirk and
 * for first-time applicants), sees per application what it proposes, asks what changes if one decision is flipped,
 * and decides (the committee's decision, prefilled from the proposal).
 */
export function AllocationPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const euros = useEuros();
  const call = useCall(id);
  const city = useCity();
  const allocation = useAllocation(id);
  const [perDistrict, setPerDistrict] = useState('0');
  const [firstTime, setFirstTime] = useState('0');
  const [floors, setFloors] = useState<Floors | null>(null);
  const [chosen, setChosen] = useState<Item | null>(null);
  const [decided, setDecided] = useState<Record<string, boolean>>({});
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  if (call.isPending) return <Loading />;
  if (!call.data) return <ErrorAlert error={call.error} />;
  const labels = {
    perDistrict: t('funding:allocation.perDistrict'),
    firstTimeShare: t('funding:allocation.firstTime'),
    explain: t('funding:allocation.table'),
  };
  const run = (explain?: string) => {
    const next = floors && explain ? floors : readFloors();
    setFloors(next);
    allocation.mutate(explain ? { ...next, explain } : next);
  };
  const readFloors = (): Floors => ({
    perDistrict: Math.round(Number(perDistrict)),
    firstTimeShare: Number(firstTime) / 100,
  });
  const data = allocation.data;
  const titleOf = (itemId: string) => data?.items.find((i) => i.id === itemId)?.title ?? itemId;
  const districtName = (districtId: string) =>
    city.data?.districts.find((d) => d.id === districtId)?.name ?? districtId;
  const fundingText = (funding: FundingChoice, amount: number) =>
    funding === 'none'
      ? t(FUNDING_LABEL.none)
      : t('funding:allocation.withAmount', { funding: t(FUNDING_LABEL[funding]), amount: euros(amount) });
  return (
    <>
      <PageTitle>{t('funding:allocation.title')}</PageTitle>
      <p className="kern-body" lang={call.data.language}>
        {call.data.title}
      </p>
      <p className="kern-body">{t('funding:allocation.intro')}</p>
      <form
        noValidate
        className="app-funding__form"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <ErrorAlert error={allocation.error} fieldLabels={labels} />
        <TextInput
          id="allocation-per-district"
          label={labels.perDistrict}
          hint={t('funding:allocation.perDistrictHint')}
          inputMode="numeric"
          value={perDistrict}
          onValueChange={setPerDistrict}
        />
        <TextInput
          id="allocation-first-time"
          label={labels.firstTimeShare}
          hint={t('funding:allocation.firstTimeHint')}
          inputMode="decimal"
          value={firstTime}
          onValueChange={setFirstTime}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={allocation.isPending}>
          <span className="kern-label">{t('funding:allocation.run')}</span>
        </button>
      </form>
      <div role="status" aria-live="polite" data-testid="allocation-summary">
        {data ? (
          <p className="kern-body">
            {data.status === 'infeasible'
              ? t('funding:allocation.infeasible')
              : t(data.status === 'optimal' ? 'funding:allocation.optimal' : 'funding:allocation.timeLimit', {
                  spent: euros(data.spent),
                  budget: euros(data.budget),
                  objective: number.format(data.objective),
                  gap: percent.format(data.gap),
                  seconds: number.format(data.seconds),
                })}
            {data.unscored > 0 ? ` ${t('funding:allocation.unscored', { count: data.unscored })}` : ''}
          </p>
        ) : null}
      </div>
      {data ? (
        <>
          <h2 className="kern-heading-medium" id="allocation-table">
            {t('funding:allocation.table')}
          </h2>
          <TableScroll labelledBy="allocation-table">
            <table className="kern-table" aria-labelledby="allocation-table">
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th className="kern-table__header">{t('funding:overview.project')}</th>
                  <th className="kern-table__header">{t('funding:allocation.district')}</th>
                  <th className="kern-table__header">{t('funding:allocation.firstTimeColumn')}</th>
                  <th className="kern-table__header">{t('funding:scores.score')}</th>
                  <th className="kern-table__header">{t('funding:overview.requested')}</th>
                  <th className="kern-table__header">{t('funding:allocation.proposal')}</th>
                  <th className="kern-table__header">{t('funding:allocation.actions')}</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.items.map((item) => (
                  <tr key={item.id} className="kern-table__row" data-testid="allocation-row">
                    <td className="kern-table__cell">
                      <span lang="de">{item.title}</span>
                      <br />
                      {item.organisation}
                    </td>
                    <td className="kern-table__cell">{districtName(item.district)}</td>
                    <td className="kern-table__cell">
                      {item.firstTime ? t('funding:allocation.yes') : t('funding:allocation.no')}
                    </td>
                    <td className="kern-table__cell">{number.format(item.score)}</td>
                    <td className="kern-table__cell">
                      {euros(item.requested)}
                      {item.minimum !== null
                        ? ` (${t('funding:scores.minimum', { amount: euros(item.minimum) })})`
                        : ''}
                    </td>
                    <td className="kern-table__cell">{fundingText(item.funding, item.amount)}</td>
                    <td className="kern-table__cell">
                      <div className="app-funding__actions">
                        <button
                          type="button"
                          className="kern-btn kern-btn--tertiary"
                          disabled={allocation.isPending}
                          onClick={() => run(item.id)}
                        >
                          <span className="kern-label">
                            {t('funding:allocation.explain', { title: item.title })}
                          </span>
                        </button>
                        {decided[item.id] ? (
                          <span>{t('funding:allocation.decided')}</span>
                        ) : (
                          <button
                            type="button"
                            className="kern-btn kern-btn--secondary"
                            onClick={() => setChosen(item)}
                          >
                            <span className="kern-label">
                              {t('funding:allocation.decide', { title: item.title })}
                            </span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {data.flip ? (
            <section aria-labelledby="allocation-flip" data-testid="allocation-flip">
              <h2 className="kern-heading-medium" id="allocation-flip">
                {t('funding:allocation.flipTitle', { title: titleOf(data.flip.id) })}
              </h2>
              {data.flip.status === 'infeasible' ? (
                <p className="kern-body">{t('funding:allocation.flipInfeasible')}</p>
              ) : (
                <>
                  <p className="kern-body">
                    {t('funding:allocation.flipResult', {
                      funding: t(FUNDING_LABEL[data.flip.to]),
                      objective: number.format(data.flip.objective),
                      loss: number.format(data.flip.loss),
                    })}
                  </p>
                  {data.flip.changes.length === 0 ? (
                    <p className="kern-body">{t('funding:allocation.flipNothingElse')}</p>
                  ) : (
                    <ul className="kern-list">
                      {data.flip.changes.map((change) => (
                        <li key={change.id}>
                          {t('funding:allocation.flipChange', {
                            title: titleOf(change.id),
                            from: t(FUNDING_LABEL[change.from]),
                            to: t(FUNDING_LABEL[change.to]),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </section>
          ) : null}
        </>
      ) : null}
      {chosen ? (
        <DecisionForm
          key={chosen.id}
          callId={id}
          row={chosen}
          proposed={proposedDecision(chosen)}
          onDone={() => {
            setDecided((d) => ({ ...d, [chosen.id]: true }));
            setChosen(null);
          }}
        />
      ) : null}
      <p className="kern-body">
        <Link className="kern-link" to={`/funding/calls/${encodeURIComponent(id)}/scores`}>
          {t('funding:allocation.back')}
        </Link>
      </p>
    </>
  );
}
