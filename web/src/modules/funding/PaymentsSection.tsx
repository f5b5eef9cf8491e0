import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select, TextInput } from '../../components/Fields';
import { TableScroll } from '../../components/TableScroll';
import { useCityTime } from '../../app/time';
import { useEuros } from './CallsPage';
import {
  type Application,
  CLAIM_REASONS,
  type ClaimReason,
  type Payments,
  usePaymentActions,
  usePayments,
} from './funding.api';
import { CLAIM_REASON_LABEL } from './labels';

type Actions = ReturnType<typeof usePaymentActions>;

/**
 * Payments of a funded application: the tranches with the day planned and the day paid, the day the proof of use is
 * due, the repayment claims. Coordinators set the plan, book payments and repayments, and record claims; the
 * association reads them (and gets reminders before each due day).
 */
export function PaymentsSection({
  application,
  canManage,
}: {
  application: Application;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const payments = usePayments(application.id);
  const actions = usePaymentActions(application.id);
  const euros = useEuros();
  const dates = useCityTime();
  const data = payments.data;
  const [paidOn, setPaidOn] = useState(dates.today());
  const error = actions.plan.error ?? actions.payTranche.error ?? actions.claim.error ?? actions.repaid.error;
  return (
    <section aria-labelledby="funding-payments" className="app-funding__form">
      <h2 className="kern-heading-medium" id="funding-payments">
        {t('funding:payments.title')}
      </h2>
      <p className="kern-body">{t('funding:payments.intro')}</p>
      {data ? (
        <>
          <p className="kern-body" data-testid="funding-payments-totals">
            {t('funding:payments.totals', {
              granted: euros(data.granted),
              paid: euros(data.paid),
              claimed: euros(data.claimed),
              repaid: euros(data.repaid),
            })}
          </p>
          <p className="kern-body">
            {data.proofDueOn
              ? t('funding:payments.proofDue', { date: dates.date(data.proofDueOn) })
              : t('funding:payments.proofDueNone')}
          </p>
          {canManage ? (
            <TextInput
              id="payments-paid-on"
              type="date"
              label={t('funding:payments.paidOn')}
              value={paidOn}
              onValueChange={setPaidOn}
            />
          ) : null}
          <ErrorAlert
            error={error}
            fieldLabels={{
              tranches: t('funding:payments.planTitle'),
              amount: t('funding:payments.claimAmount'),
            }}
          />
          <Tranches
            data={data}
            canManage={canManage}
            onPaid={(number) => actions.payTranche.mutate({ number, paidOn })}
          />
          <Claims
            data={data}
            canManage={canManage}
            onRepaid={(claimId) => actions.repaid.mutate({ claimId, paidOn })}
          />
          {canManage && data.paid === 0 ? <PlanForm data={data} actions={actions} /> : null}
          {canManage && data.paid - data.claimed > 0 ? <ClaimForm data={data} actions={actions} /> : null}
        </>
      ) : null}
    </section>
  );
}

function Tranches({
  data,
  canManage,
  onPaid,
}: {
  data: Payments;
  canManage: boolean;
  onPaid: (number: number) => void;
}) {
  const { t } = useTranslation();
  const euros = useEuros();
  const dates = useCityTime();
  if (data.tranches.length === 0) return <p className="kern-body">{t('funding:payments.noPlan')}</p>;
  return (
    <TableScroll labelledBy="funding-tranches">
      <table className="kern-table" aria-labelledby="funding-tranches">
        <caption id="funding-tranches" className="kern-title">
          {t('funding:payments.planTitle')}
        </caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th className="kern-table__header">{t('funding:payments.tranche')}</th>
            <th className="kern-table__header">{t('funding:payments.amount')}</th>
            <th className="kern-table__header">{t('funding:payments.dueOn')}</th>
            <th className="kern-table__header">{t('funding:payments.paidColumn')}</th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {data.tranches.map((tranche) => (
            <tr key={tranche.number} className="kern-table__row" data-testid="funding-tranche">
              <td className="kern-table__cell">{tranche.number}</td>
              <td className="kern-table__cell">{euros(tranche.amount)}</td>
              <td className="kern-table__cell">{dates.date(tranche.dueOn)}</td>
              <td className="kern-table__cell">
                {tranche.paidOn ? (
                  dates.date(tranche.paidOn)
                ) : canManage ? (
                  <button
                    type="button"
                    className="kern-btn kern-btn--secondary"
                    onClick={() => onPaid(tranche.number)}
                  >
                    <span className="kern-label">
                      {t('funding:payments.markPaid', { number: tranche.number })}
                    </span>
                  </button>
                ) : (
                  t('funding:payments.notYet')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Claims({
  data,
  canManage,
  onRepaid,
}: {
  data: Payments;
  canManage: boolean;
  onRepaid: (id: string) => void;
}) {
  const { t } = useTranslation();
  const euros = useEuros();
  const dates = useCityTime();
  return (
    <>
      <h3 className="kern-heading-small">{t('funding:payments.claimsTitle')}</h3>
      {data.notNeeded > 0 ? (
        <p className="kern-body">{t('funding:payments.notNeeded', { amount: euros(data.notNeeded) })}</p>
      ) : null}
      {data.claims.length === 0 ? (
        <p className="kern-body">{t('funding:payments.noClaims')}</p>
      ) : (
        <ul className="kern-list">
          {data.claims.map((claim) => (
            <li key={claim.id} data-testid="funding-claim">
              {t('funding:payments.claim', {
                amount: euros(claim.amount),
                reason: t(CLAIM_REASON_LABEL[claim.reason]),
                date: dates.date(claim.dueOn),
              })}{' '}
              {claim.paidOn ? (
                t('funding:payments.repaidOn', { date: dates.date(claim.paidOn) })
              ) : canManage ? (
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  onClick={() => onRepaid(claim.id)}
                >
                  <span className="kern-label">{t('funding:payments.markRepaid')}</span>
                </button>
              ) : null}
              {claim.note ? (
                <>
                  <br />
                  <span lang="de">{claim.note}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The plan: tranches (amount and day) adding up to the grant, and the day the proof of use is due. */
function PlanForm({ data, actions }: { data: Payments; actions: Actions }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(() =>
    data.tranches.length > 0
      ? data.tranches.map((x) => ({ amount: String(x.amount), dueOn: x.dueOn }))
      : [{ amount: String(data.granted), dueOn: '' }],
  );
  const [proofDueOn, setProofDueOn] = useState(data.proofDueOn ?? '');
  const set = (i: number, part: Partial<(typeof rows)[number]>) =>
    setRows((all) => all.map((row, j) => (j === i ? { ...row, ...part } : row)));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        actions.plan.mutate({
          tranches: rows.map((row) => ({ amount: Math.round(Number(row.amount) || 0), dueOn: row.dueOn })),
          proofDueOn: proofDueOn || null,
        });
      }}
    >
      <h3 className="kern-heading-small">{t('funding:payments.planForm')}</h3>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the tranches are numbered by their place
        <fieldset key={i} className="kern-fieldset">
          <legend className="kern-label">{t('funding:payments.trancheNumber', { number: i + 1 })}</legend>
          <TextInput
            id={`tranche-${i}-amount`}
            label={t('funding:payments.amount')}
            inputMode="numeric"
            value={row.amount}
            onValueChange={(amount) => set(i, { amount })}
          />
          <TextInput
            id={`tranche-${i}-due`}
            type="date"
            label={t('funding:payments.dueOn')}
            value={row.dueOn}
            onValueChange={(dueOn) => set(i, { dueOn })}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="kern-btn kern-btn--tertiary"
        onClick={() => setRows((all) => [...all, { amount: '', dueOn: '' }])}
      >
        <span className="kern-label">{t('funding:payments.addTranche')}</span>
      </button>
      <TextInput
        id="payments-proof-due"
        type="date"
        label={t('funding:payments.proofDueLabel')}
        optional
        value={proofDueOn}
        onValueChange={setProofDueOn}
      />
      <button type="submit" className="kern-btn kern-btn--primary" disabled={actions.plan.isPending}>
        <span className="kern-label">{t('funding:payments.savePlan')}</span>
      </button>
    </form>
  );
}

/** A repayment claim: amount, reason, note, due day. */
function ClaimForm({ data, actions }: { data: Payments; actions: Actions }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(data.notNeeded > 0 ? String(data.notNeeded) : '');
  const [reason, setReason] = useState<ClaimReason>('not_needed');
  const [note, setNote] = useState('');
  const [dueOn, setDueOn] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        actions.claim.mutate({ amount: Math.round(Number(amount) || 0), reason, note, dueOn });
      }}
    >
      <h3 className="kern-heading-small">{t('funding:payments.claimForm')}</h3>
      <TextInput
        id="claim-amount"
        label={t('funding:payments.claimAmount')}
        inputMode="numeric"
        value={amount}
        onValueChange={setAmount}
      />
      <Select
        id="claim-reason"
        label={t('funding:payments.claimReason')}
        value={reason}
        onValueChange={(value) => setReason(value as ClaimReason)}
        options={CLAIM_REASONS.map((value) => ({ value, label: t(CLAIM_REASON_LABEL[value]) }))}
      />
      <TextInput
        id="claim-note"
        label={t('funding:payments.claimNote')}
        optional
        value={note}
        onValueChange={setNote}
      />
      <TextInput
        id="claim-due"
        type="date"
        label={t('funding:payments.dueOn')}
        value={dueOn}
        onValueChange={setDueOn}
      />
      <button type="submit" className="kern-btn kern-btn--primary" disabled={actions.claim.isPending}>
        <span className="kern-label">{t('funding:payments.recordClaim')}</span>
      </button>
    </form>
  );
}
