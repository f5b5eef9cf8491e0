import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select, TextArea, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useEuros } from './CallsPage';
import {
  type Call,
  DECISIONS,
  type Decision,
  type Scores,
  useCall,
  useCallActions,
  useDecide,
  useRequestChanges,
  useScores,
} from './funding.api';
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
  const [changes, setChanges] = useState<Row | null>(null);
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
                    <div className="app-funding__actions">
                      <button
                        type="button"
                        className="kern-btn kern-btn--secondary"
                        onClick={() => {
                          setChanges(null);
                          setChosen(row);
                        }}
                      >
                        <span className="kern-label">
                          {t('funding:scores.decideOne', { title: row.title })}
                        </span>
                      </button>
                      <button
                        type="button"
                        className="kern-btn kern-btn--tertiary"
                        onClick={() => {
                          setChosen(null);
                          setChanges(row);
                        }}
                      >
                        <span className="kern-label">
                          {t('funding:scores.changesOne', { title: row.title })}
                        </span>
                      </button>
                    </div>
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
      {changes ? (
        <ChangesForm key={changes.id} callId={id} row={changes} onDone={() => setChanges(null)} />
      ) : null}
      <CallActions call={call.data} undecided={data.items.some((row) => row.state === 'submitted')} />
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

/** The KI asks the association for changes: a note it reads on its application, which it then edits as the next version. */
function ChangesForm({ callId, row, onDone }: { callId: string; row: Row; onDone: () => void }) {
  const { t } = useTranslation();
  const ask = useRequestChanges(callId);
  const [note, setNote] = useState('');
  const labels = { note: t('funding:scores.changesNote') };
  return (
    <form
      noValidate
      className="app-funding__form"
      onSubmit={(event) => {
        event.preventDefault();
        ask.mutate({ id: row.id, note }, { onSuccess: onDone });
      }}
    >
      <h2 className="kern-heading-medium">
        {t('funding:scores.changesTitle')}: <span lang="de">{row.title}</span>
      </h2>
      <ErrorAlert error={ask.error} fieldLabels={labels} />
      <TextArea
        id="funding-changes-note"
        label={labels.note}
        hint={t('funding:scores.changesHint')}
        value={note}
        onValueChange={setNote}
      />
      <button type="submit" className="kern-btn kern-btn--primary" disabled={ask.isPending}>
        <span className="kern-label">{t('funding:scores.changesSend')}</span>
      </button>
    </form>
  );
}

/** A day (YYYY-MM-DD) in the browser's time zone, from an instant. */
const dayOf = (iso: string) => {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** The call itself: a later deadline while it is open; closing it once every application is decided. */
function CallActions({ call, undecided }: { call: Call; undecided: boolean }) {
  const { t } = useTranslation();
  const { extend, publish } = useCallActions(call.id);
  const [day, setDay] = useState(dayOf(call.deadline));
  const labels = { deadline: t('funding:scores.deadline') };
  if (call.state === 'decided')
    return (
      <p className="kern-body" data-testid="funding-call-state">
        {t('funding:scores.published')}
      </p>
    );
  return (
    <>
      <h2 className="kern-heading-medium" id="funding-call-actions">
        {t('funding:scores.callTitle')}
      </h2>
      {call.state === 'open' ? (
        <form
          noValidate
          className="app-funding__form"
          aria-labelledby="funding-call-actions"
          onSubmit={(event) => {
            event.preventDefault();
            // The new deadline is the end of the chosen day, in the coordinator's time zone.
            const end = new Date(`${day}T23:59:00`);
            extend.mutate(Number.isNaN(end.getTime()) ? '' : end.toISOString());
          }}
        >
          <ErrorAlert error={extend.error} fieldLabels={labels} />
          <TextInput
            id="funding-deadline"
            type="date"
            label={labels.deadline}
            hint={t('funding:scores.deadlineHint')}
            value={day}
            onValueChange={setDay}
          />
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={extend.isPending}>
            <span className="kern-label">{t('funding:scores.extend')}</span>
          </button>
          {extend.isSuccess ? (
            <p className="kern-body" role="status">
              {t('funding:scores.extended')}
            </p>
          ) : null}
        </form>
      ) : null}
      <ErrorAlert error={publish.error} />
      <p className="kern-body">{t('funding:scores.publishHint')}</p>
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        disabled={undecided || publish.isPending}
        onClick={() => publish.mutate()}
      >
        <span className="kern-label">{t('funding:scores.publish')}</span>
      </button>
    </>
  );
}
