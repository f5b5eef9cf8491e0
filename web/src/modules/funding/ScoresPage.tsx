import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select, TextArea, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useEuros } from './CallsPage';
import { DECISIONS, type Decision, type Scores, useCall, useDecide, useScores } from './funding.api';
import { DECISION_LABEL, STATE_LABEL } from './labels';

type Row = Scores['items'][number];

/** /funding/calls/:id/scores: the coordinator's score table (score, spread, money) with a decision per row. */
export function ScoresPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const euros = useEuros();
  const call = useCall(id);
  const scores = useScores(id);
  const [chosen, setChosen] = useState<Row | null>(null);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  if (scores.isPending || call.isPending) return <Loading />;
  if (!scores.data || !call.data) return <ErrorAlert error={scores.error ?? call.error} />;
  const data = scores.data;
  return (
    <>
      <PageTitle>{t('funding:scores.title')}</PageTitle>
      <p className="kern-body" lang={call.data.language}>
        {call.data.title}
      </p>
      <p className="kern-body" data-testid="funding-budget">
        {t('funding:scores.money', { budget: euros(data.budget), requested: euros(data.requested) })}
      </p>
      <h2 className="kern-heading-medium" id="funding-scores">
        {t('funding:scores.table')}
      </h2>
      <TableScroll labelledBy="funding-scores">
        <table className="kern-table" aria-labelledby="funding-scores">
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th className="kern-table__header">{t('funding:overview.project')}</th>
              <th className="kern-table__header">{t('funding:scores.score')}</th>
              <th className="kern-table__header">{t('funding:scores.spread')}</th>
              <th className="kern-table__header">{t('funding:scores.reviewers')}</th>
              <th className="kern-table__header">{t('funding:overview.requested')}</th>
              <th className="kern-table__header">{t('funding:overview.state')}</th>
              <th className="kern-table__header">{t('funding:scores.decide')}</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {data.items.map((row) => (
              <tr key={row.id} className="kern-table__row" data-testid="funding-score-row">
                <td className="kern-table__cell">
                  <span lang="de">{row.title}</span>
                  <br />
                  {row.organisation}
                </td>
                <td className="kern-table__cell">{row.score === null ? '–' : number.format(row.score)}</td>
                <td className="kern-table__cell">{row.spread === null ? '–' : number.format(row.spread)}</td>
                <td className="kern-table__cell">{row.reviewers}</td>
                <td className="kern-table__cell">
                  {euros(row.requested)}
                  {row.minimum !== null
                    ? ` (${t('funding:scores.minimum', { amount: euros(row.minimum) })})`
                    : ''}
                </td>
                <td className="kern-table__cell">{t(STATE_LABEL[row.state])}</td>
                <td className="kern-table__cell">
                  {row.state === 'submitted' ? (
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary"
                      onClick={() => setChosen(row)}
                    >
                      <span className="kern-label">
                        {t('funding:scores.decideOne', { title: row.title })}
                      </span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {chosen ? (
        <DecisionForm key={chosen.id} callId={id} row={chosen} onDone={() => setChosen(null)} />
      ) : null}
      <p className="kern-body">
        <Link className="kern-link" to={`/funding/calls/${encodeURIComponent(id)}/allocation`}>
          {t('funding:allocation.open')}
        </Link>
      </p>
      <p className="kern-body">
        <Link className="kern-link" to="/funding">
          {t('funding:overview.back')}
        </Link>
      </p>
    </>
  );
}

/**
 * The committee's decision on one application: outcome, amount, reason, conditions. `proposed` prefills it from
 * the allocation proposal.
 */
export function DecisionForm({
  callId,
  row,
  proposed,
  onDone,
}: {
  callId: string;
  row: { id: string; title: string; requested: number };
  proposed?: { outcome: Decision; amount: number };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecide(callId);
  const [outcome, setOutcome] = useState<Decision>(proposed?.outcome ?? 'approved');
  const [amount, setAmount] = useState(String(proposed?.amount ?? row.requested));
  const [reason, setReason] = useState('');
  const [conditions, setConditions] = useState('');
  const labels = {
    outcome: t('funding:scores.outcome'),
    amount: t('funding:scores.amount'),
    reason: t('funding:scores.reason'),
    conditions: t('funding:scores.conditions'),
  };
  return (
    <form
      noValidate
      className="app-funding__form"
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate(
          {
            id: row.id,
            body: {
              outcome,
              amount: outcome === 'rejected' ? 0 : Math.round(Number(amount) || 0),
              reason,
              conditions,
            },
          },
          { onSuccess: onDone },
        );
      }}
    >
      <h2 className="kern-heading-medium" lang="de">
        {row.title}
      </h2>
      <ErrorAlert error={decide.error} fieldLabels={labels} />
      <Select
        id="funding-outcome"
        label={labels.outcome}
        value={outcome}
        options={DECISIONS.map((d) => ({ value: d, label: t(DECISION_LABEL[d]) }))}
        onValueChange={(value) => {
          setOutcome(value as Decision);
          if (value === 'approved') setAmount(String(row.requested));
        }}
      />
      {outcome !== 'rejected' ? (
        <TextInput
          id="funding-amount"
          label={labels.amount}
          inputMode="numeric"
          value={amount}
          onValueChange={setAmount}
        />
      ) : null}
      <TextArea id="funding-reason" label={labels.reason} value={reason} onValueChange={setReason} />
      <TextArea
        id="funding-conditions"
        label={labels.conditions}
        optional
        value={conditions}
        onValueChange={setConditions}
      />
      <button type="submit" className="kern-btn kern-btn--primary" disabled={decide.isPending}>
        <span className="kern-label">{t('funding:scores.send')}</span>
      </button>
    </form>
  );
}
