import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useNumbers } from './display';
import { LetterLinks } from './LetterLinks';
import { FORM_LABEL, KIND_LABEL, PLACEMENT_LABEL } from './labels';
import {
  type ChildExplanation,
  type PlacementRun,
  useConfirmRun,
  useLatestRun,
  useRunPlacement,
} from './schooling.api';
import { useCityTime } from '../../app/time';

function ChildRow({ row, run, siblings }: { row: ChildExplanation; run: PlacementRun; siblings: number }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const confirm = useConfirmRun();
  const name = `${row.givenName} ${row.familyName}`;
  return (
    <tr className="kern-table__row" data-child-id={row.childId}>
      <th className="kern-table__cell" scope="row">
        <Link className="kern-link" to={`/schooling/children/${encodeURIComponent(row.childId)}`} dir="auto">
          {name}
        </Link>
        {siblings > 1 ? (
          <span className="kern-body kern-body--small app-schooling__sub">
            {t('schooling:placement.siblingsInRun', { count: siblings })}
          </span>
        ) : null}
      </th>
      <td className="kern-table__cell" lang={row.schoolName ? 'de' : undefined}>
        {row.schoolName ?? (
          <span className="kern-badge kern-badge--warning">
            <span className="kern-label">{t('schooling:placement.notPlaced')}</span>
          </span>
        )}
        {row.km !== null ? (
          <span className="kern-body kern-body--small app-schooling__sub">
            {t('schooling:placement.km', { km: numbers.number(row.km) })}
          </span>
        ) : null}
      </td>
      <td className="kern-table__cell app-schooling__reason">{row.text}</td>
      <td className="kern-table__cell">
        {row.placementStatus ? (
          <span className="kern-badge kern-badge--info">
            <span className="kern-label">{t(PLACEMENT_LABEL[row.placementStatus])}</span>
          </span>
        ) : (
          '–'
        )}
        {row.placementId && row.placementStatus === 'proposed' ? (
          <div>
            <button
              type="button"
              className="kern-btn kern-btn--secondary kern-btn--x-small"
              disabled={confirm.isPending}
              aria-label={t('schooling:placement.confirmFor', { name })}
              onClick={() => confirm.mutate({ runId: run.id, placementIds: [row.placementId ?? ''] })}
            >
              <span className="kern-label">{t('schooling:placement.confirmOne')}</span>
            </button>
            <ErrorAlert error={confirm.error} />
          </div>
        ) : null}
        {row.placementId && row.placementStatus === 'accepted' ? (
          <LetterLinks placementId={row.placementId} name={name} />
        ) : null}
      </td>
    </tr>
  );
}

function RunResult({ run }: { run: PlacementRun }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const numbers = useNumbers();
  const confirm = useConfirmRun();
  const [confirmed, setConfirmed] = useState<number | null>(null);
  const familySize = new Map<string, number>();
  for (const row of run.children) familySize.set(row.familyId, (familySize.get(row.familyId) ?? 0) + 1);
  const open = run.children.filter((row) => row.placementStatus === 'proposed').length;
  // Placed children first, then those without a place; siblings next to each other.
  const rows = [...run.children].sort(
    (a, b) =>
      Number(a.schoolId === null) - Number(b.schoolId === null) ||
      a.familyId.localeCompare(b.familyId) ||
      a.givenName.localeCompare(b.givenName),
  );

  return (
    <>
      <section className="app-section" aria-labelledby="run-heading">
        <h2 className="kern-heading-medium" id="run-heading">
          {t('schooling:placement.resultHeading')}
        </h2>
        <p className="kern-body">
          {t('schooling:placement.summary', {
            date: dates.dateTime(run.runAt),
            placed: run.placedCount,
            children: run.childCount,
          })}
        </p>
        <p className="kern-body kern-body--small">
          {run.gap === 0
            ? t('schooling:placement.optimal', { seconds: numbers.number(run.seconds) })
            : t('schooling:placement.gap', {
                gap: numbers.number(run.gap * 100),
                seconds: numbers.number(run.seconds),
              })}
        </p>
        {confirmed !== null ? (
          <Alert
            variant="success"
            role="status"
            title={t('schooling:placement.confirmed', { count: confirmed })}
          />
        ) : null}
        <ErrorAlert error={confirm.error} />
        {open > 0 ? (
          <div className="app-form__actions">
            <button
              type="button"
              className="kern-btn kern-btn--primary"
              disabled={confirm.isPending}
              onClick={() =>
                confirm.mutate({ runId: run.id }, { onSuccess: (reply) => setConfirmed(reply.confirmed) })
              }
            >
              <span className="kern-label">{t('schooling:placement.confirmAll', { count: open })}</span>
            </button>
          </div>
        ) : null}
        {run.children.length === 0 ? (
          <p className="kern-body">{t('schooling:placement.noChildren')}</p>
        ) : (
          <TableScroll labelledBy="run-caption">
            <table className="kern-table kern-table--small">
              <caption className="kern-sr-only" id="run-caption">
                {t('schooling:placement.caption')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('schooling:placement.child')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('schooling:placement.school')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('schooling:placement.reason')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('schooling:placement.status')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {rows.map((row) => (
                  <ChildRow
                    key={row.childId}
                    row={row}
                    run={run}
                    siblings={familySize.get(row.familyId) ?? 1}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section className="app-section" aria-labelledby="clear-heading">
        <h2 className="kern-heading-medium" id="clear-heading">
          {t('schooling:placement.clearHeading')}
        </h2>
        <p className="kern-body app-intro">{t('schooling:placement.clearIntro')}</p>
        {run.seatsToClear.length === 0 ? (
          <p className="kern-body">{t('schooling:placement.clearNone')}</p>
        ) : (
          <TableScroll labelledBy="clear-caption">
            <table className="kern-table kern-table--small kern-table--striped">
              <caption className="kern-sr-only" id="clear-caption">
                {t('schooling:placement.clearHeading')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('schooling:placement.school')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('schooling:seats.form')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('schooling:seats.grades')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('schooling:seats.kind')}
                  </th>
                  <th className="kern-table__header kern-table__header--numeric" scope="col">
                    {t('schooling:placement.moreSeats')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {run.seatsToClear.map((row) => (
                  <tr
                    className="kern-table__row"
                    key={`${row.schoolId ?? '-'}-${row.form}-${row.gradeFrom}-${row.gradeTo}-${row.kind}`}
                  >
                    <td className="kern-table__cell" lang={row.schoolName ? 'de' : undefined}>
                      {row.schoolName ?? t('schooling:placement.anySchool')}
                    </td>
                    <td className="kern-table__cell">{t(FORM_LABEL[row.form])}</td>
                    <td className="kern-table__cell app-nowrap">
                      {t('schooling:seats.band', { from: row.gradeFrom, to: row.gradeTo })}
                    </td>
                    <td className="kern-table__cell">{t(KIND_LABEL[row.kind])}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {numbers.number(row.seats)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

/** The caseworker runs the placement for every waiting child, reads why, and confirms. */
export function PlacementPage() {
  const { t } = useTranslation();
  const latest = useLatestRun();
  const run = useRunPlacement();
  const shown = latest.data ?? null;

  return (
    <>
      <PageTitle>{t('schooling:placement.title')}</PageTitle>
      <p className="kern-body app-intro">{t('schooling:placement.intro')}</p>
      <div className="app-form__actions">
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={run.isPending}
          onClick={() => run.mutate()}
        >
          <span className="kern-icon kern-icon--autorenew" aria-hidden="true" />
          <span className="kern-label">{t('schooling:placement.run')}</span>
        </button>
        <Link className="kern-btn kern-btn--secondary" to="/schooling/children">
          <span className="kern-label">{t('schooling:placement.toChildren')}</span>
        </Link>
      </div>
      {run.isPending ? (
        <p className="kern-body" role="status">
          {t('schooling:placement.running')}
        </p>
      ) : null}
      <ErrorAlert error={run.error} />
      <ErrorAlert error={latest.error} focus={false} />
      {latest.isPending ? <Loading /> : null}
      {shown ? (
        <RunResult run={shown} key={shown.id} />
      ) : latest.isSuccess ? (
        <p className="kern-body">{t('schooling:placement.noRun')}</p>
      ) : null}
    </>
  );
}
