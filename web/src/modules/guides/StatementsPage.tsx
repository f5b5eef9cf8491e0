import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { type StatementTotals, statementFile, useStatement, useStatements } from './guides.api';
import { KIND_LABEL, OUTCOME_LABEL, useNames } from './labels';
import { TextInput } from '../../components/Fields';
import { Fact } from './display';
import { useCityTime } from '../../app/time';

/** Monthly statements: a guide sees their own, coordinators every guide's; CSV and PDF for payroll. */
export function StatementsPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const [month, setMonth] = useState(dates.month);
  const statements = useStatements(month);
  const valid = /^\d{4}-\d{2}$/.test(month);
  return (
    <>
      <PageTitle>{t('guides:statements.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:statements.intro')}</p>
      <div className="app-inline-form">
        <TextInput
          id="statements-month"
          name="month"
          type="month"
          label={t('guides:statements.month')}
          hint={t('guides:statements.monthHint')}
          value={month}
          onValueChange={setMonth}
        />
      </div>
      {valid ? <ErrorAlert error={statements.error} focus={false} /> : null}
      {statements.isPending ? <Loading /> : null}
      {statements.data ? (
        statements.data.items.length === 0 ? (
          <p className="kern-body">{t('guides:statements.empty')}</p>
        ) : (
          <ul className="app-guides-list">
            {statements.data.items.map((item) => (
              <li key={item.guideId} className="app-guides-item">
                <h2 className="kern-heading-small">
                  <Link className="kern-link" to={`/guides/statements/${item.guideId}/${month}`} dir="auto">
                    {item.guideName}
                  </Link>
                </h2>
                <p className="kern-body">
                  {t(KIND_LABEL[item.kind] ?? '')} ·{' '}
                  {t('guides:statements.summary', {
                    count: item.totals.assignments,
                    total: names.money(item.totals.totalCents, item.currency),
                  })}
                </p>
                {item.unlogged > 0 || item.unconfirmed > 0 ? (
                  <p className="kern-body kern-body--small">
                    {t('guides:statements.open', { unlogged: item.unlogged, unconfirmed: item.unconfirmed })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}

/** One guide's statement of a month, line by line, with the files to download. */
export function StatementPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const { guideId = '', month = '' } = useParams();
  const statement = useStatement(guideId, month);
  const data = statement.data;
  const money = (cents: number) => names.money(cents, data?.currency ?? 'EUR');
  const totalsOf = (totals: StatementTotals) => (
    <dl className="app-guides-facts" data-testid="statement-totals">
      {data?.kind === 'mediator' ? (
        <>
          <Fact term={t('guides:statements.hours')}>{names.hours(totals.paidMinutes)}</Fact>
          <Fact term={t('guides:statements.pay')}>{money(totals.payCents)}</Fact>
        </>
      ) : (
        <Fact term={t('guides:statements.allowance')}>{money(totals.allowanceCents)}</Fact>
      )}
      <Fact term={t('guides:statements.travel')}>
        {money(totals.travelCents)} ({t('guides:statements.km', { km: names.number(totals.km) })})
      </Fact>
      <Fact term={t('guides:statements.total')}>
        <strong>{money(totals.totalCents)}</strong>
      </Fact>
    </dl>
  );
  return (
    <>
      <PageTitle>
        {data
          ? t('guides:statements.detailTitle', { name: data.guideName, month })
          : t('guides:statements.title')}
      </PageTitle>
      <ErrorAlert error={statement.error} focus={false} />
      {statement.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="kern-body">{t(KIND_LABEL[data.kind] ?? '')}</p>
          {totalsOf(data.totals)}
          {data.cap && data.cap.cutCents > 0 ? (
            <p className="kern-body">
              {t('guides:statements.capCut', {
                amount: money(data.cap.cutCents),
                cap: money(data.cap.annualCents),
              })}
            </p>
          ) : null}
          <p className="app-form__actions">
            <a className="kern-btn kern-btn--secondary" href={statementFile(guideId, month, 'csv')} download>
              <span className="kern-label">{t('guides:statements.csv')}</span>
            </a>
            <a className="kern-btn kern-btn--secondary" href={statementFile(guideId, month, 'pdf')} download>
              <span className="kern-label">{t('guides:statements.pdf')}</span>
            </a>
          </p>
          {data.lines.length === 0 ? (
            <p className="kern-body">{t('guides:statements.noLines')}</p>
          ) : (
            <TableScroll labelledBy="statement-caption">
              <table className="kern-table kern-table--small kern-table--striped">
                <caption className="kern-sr-only" id="statement-caption">
                  {t('guides:statements.lines')}
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    <th className="kern-table__header" scope="col">
                      {t('guides:request.when')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('guides:form.language')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('guides:statements.outcome')}
                    </th>
                    <th className="kern-table__header kern-table__header--numeric" scope="col">
                      {t('guides:statements.minutes')}
                    </th>
                    <th className="kern-table__header kern-table__header--numeric" scope="col">
                      {t('guides:statements.kmColumn')}
                    </th>
                    <th className="kern-table__header kern-table__header--numeric" scope="col">
                      {t('guides:statements.amount')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('guides:statements.confirmed')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {data.lines.map((line) => (
                    <tr className="kern-table__row" key={line.assignmentId}>
                      <td className="kern-table__cell app-nowrap">{dates.dateTime(line.start)}</td>
                      <td className="kern-table__cell">{names.language(line.language)}</td>
                      <td className="kern-table__cell">{t(OUTCOME_LABEL[line.outcome] ?? '')}</td>
                      <td className="kern-table__cell kern-table__cell--numeric">
                        {line.loggedMinutes === null ? '–' : names.number(line.loggedMinutes)}
                      </td>
                      <td className="kern-table__cell kern-table__cell--numeric">{names.number(line.km)}</td>
                      <td className="kern-table__cell kern-table__cell--numeric">
                        {money(line.payCents + line.travelCents + line.allowanceCents)}
                      </td>
                      <td className="kern-table__cell">
                        {t(line.confirmed ? 'guides:pool.yes' : 'guides:pool.no')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ) : null}
    </>
  );
}
