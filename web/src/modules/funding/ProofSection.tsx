import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextArea, TextInput } from '../../components/Fields';
import { TableScroll } from '../../components/TableScroll';
import { useEuros } from './CallsPage';
import { readBase64 } from './files';
import { type Application, type Proof, useAddReceipt, useFileProof, useProof } from './funding.api';
import { CATEGORY_LABEL } from './labels';

/**
 * The proof of use of a funded application (Verwendungsnachweis): the association enters the actual cost per line
 * of its budget plan, the participants reached and a short report; the comparison to the plan flags each line
 * whose cost deviates by more than 20 %. Coordinators see the comparison.
 */
export function ProofSection({ application, canFile }: { application: Application; canFile: boolean }) {
  const { t } = useTranslation();
  const proof = useProof(application.id);
  const file = useFileProof(application.id);
  const receipt = useAddReceipt(application.id);
  const receipts = proof.data?.receipts ?? [];
  const costs = application.content.budget.costs;
  const filed = proof.data?.proof ?? null;
  const [actual, setActual] = useState<string[]>(() =>
    costs.map((line, i) => String(filed?.lines[i]?.actual ?? line.amount)),
  );
  const [participants, setParticipants] = useState(filed ? String(filed.participants) : '');
  const [report, setReport] = useState(filed?.report ?? '');
  const euros = useEuros();
  const labels = {
    lines: t('funding:proof.title'),
    participants: t('funding:proof.participants'),
    report: t('funding:proof.report'),
  };
  return (
    <section aria-labelledby="funding-proof" className="app-funding__form">
      <h2 className="kern-heading-medium" id="funding-proof">
        {t('funding:proof.title')}
      </h2>
      <p className="kern-body">{t('funding:proof.intro')}</p>
      {filed ? <Comparison proof={filed} /> : null}
      <h3 className="kern-heading-small">{t('funding:proof.receipts')}</h3>
      {receipts.length === 0 ? (
        <p className="kern-body">{t('funding:proof.noReceipts')}</p>
      ) : (
        <ul className="kern-list" data-testid="funding-receipts">
          {receipts.map((r) => (
            <li key={r.id} dir="auto">
              {r.fileName}
            </li>
          ))}
        </ul>
      )}
      {canFile ? (
        <div className="kern-form-input">
          <ErrorAlert error={receipt.error} fieldLabels={{ content: t('funding:proof.receiptFile') }} />
          <label className="kern-label" htmlFor="proof-receipt">
            {t('funding:proof.receiptFile')}
          </label>
          <div className="kern-hint" id="proof-receipt-hint">
            {t('funding:apply.fileHint')}
          </div>
          <input
            id="proof-receipt"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            aria-describedby="proof-receipt-hint"
            className="kern-form-input__input"
            onChange={async (event) => {
              const picked = event.target.files?.[0];
              if (!picked) return;
              receipt.mutate({ fileName: picked.name, content: await readBase64(picked) });
              event.target.value = '';
            }}
          />
        </div>
      ) : null}
      {canFile ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            file.mutate({
              lines: actual.map((value) => ({ actual: Math.round(Number(value) || 0) })),
              participants: Math.round(Number(participants) || 0),
              report,
            });
          }}
        >
          <ErrorAlert error={file.error} fieldLabels={labels} />
          {costs.map((line, i) => (
            <TextInput
              // biome-ignore lint/suspicious/noArrayIndexKey: the budget plan's lines have no ids; their order is fixed
              key={i}
              id={`proof-line-${i}`}
              label={t('funding:proof.actual', {
                line: line.description || t(CATEGORY_LABEL[line.category]),
              })}
              hint={t('funding:proof.plannedHint', { amount: euros(line.amount) })}
              inputMode="numeric"
              value={actual[i] ?? ''}
              onValueChange={(value) => setActual((a) => a.map((v, j) => (j === i ? value : v)))}
            />
          ))}
          <TextInput
            id="proof-participants"
            label={labels.participants}
            hint={t('funding:proof.participantsHint')}
            inputMode="numeric"
            value={participants}
            onValueChange={setParticipants}
          />
          <TextArea
            id="proof-report"
            label={labels.report}
            hint={t('funding:proof.reportHint')}
            value={report}
            onValueChange={setReport}
          />
          <button type="submit" className="kern-btn kern-btn--primary" disabled={file.isPending}>
            <span className="kern-label">{t('funding:proof.send')}</span>
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Comparison({ proof }: { proof: NonNullable<Proof['proof']> }) {
  const { t, i18n } = useTranslation();
  const euros = useEuros();
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  return (
    <div data-testid="funding-proof-comparison" role="status">
      <p className="kern-body">{t('funding:proof.filed', { participants: proof.participants })}</p>
      <TableScroll labelledBy="funding-proof-table">
        <table className="kern-table" aria-labelledby="funding-proof-table">
          <caption id="funding-proof-table" className="kern-title">
            {t('funding:proof.table')}
          </caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th className="kern-table__header">{t('funding:proof.line')}</th>
              <th className="kern-table__header">{t('funding:proof.planned')}</th>
              <th className="kern-table__header">{t('funding:proof.actualColumn')}</th>
              <th className="kern-table__header">{t('funding:proof.deviation')}</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {proof.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines follow the budget plan's fixed order
              <tr key={i} className="kern-table__row" data-testid="funding-proof-line">
                <td className="kern-table__cell">
                  <span lang="de">{line.description}</span>
                </td>
                <td className="kern-table__cell">{euros(line.planned)}</td>
                <td className="kern-table__cell">{euros(line.actual)}</td>
                <td className="kern-table__cell">
                  {line.deviation === null ? '–' : percent.format(line.deviation)}
                  {line.flagged ? (
                    <>
                      <br />
                      <strong>{t('funding:proof.flagged')}</strong>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="kern-body">
        {t('funding:proof.totals', {
          actual: euros(proof.actual),
          planned: euros(proof.planned),
          granted: euros(proof.granted),
        })}
      </p>
      {proof.repayable > 0 ? (
        <p className="kern-body">{t('funding:proof.repayable', { amount: euros(proof.repayable) })}</p>
      ) : null}
    </div>
  );
}
