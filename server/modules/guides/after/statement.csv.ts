import { toCsv } from '../../../core/csv.ts';
import { translate } from '../../../core/i18n.ts';
import { languageNameIn } from '../../../core/languages.ts';
import { localDateTime } from '../../../core/time.ts';
import { topicName } from '../messages.ts';
import type { Outcome, Statement } from './statement.ts';

/** The label keys of the outcomes, written out so the i18n check sees them. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  done: 'guides:statement.outcome.done',
  no_show_newcomer: 'guides:statement.outcome.noShowNewcomer',
  late_cancellation: 'guides:statement.outcome.lateCancellation',
  no_show_guide: 'guides:statement.outcome.noShowGuide',
};

/** Money as a plain decimal with two places ("12.50"), for spreadsheets and payroll imports. */
export const amount = (cents: number) => (cents / 100).toFixed(2);
/** Minutes as hours with two places ("1.50"). */
export const hours = (minutes: number) => (minutes / 60).toFixed(2);

/** The column headers in the reader's language. */
export function statementColumns(locale: string): string[] {
  return [
    translate(locale, 'guides:statement.columns.start'),
    translate(locale, 'guides:statement.columns.assignment'),
    translate(locale, 'guides:statement.columns.language'),
    translate(locale, 'guides:statement.columns.topic'),
    translate(locale, 'guides:statement.columns.outcome'),
    translate(locale, 'guides:statement.columns.bookedMinutes'),
    translate(locale, 'guides:statement.columns.loggedMinutes'),
    translate(locale, 'guides:statement.columns.paidHours'),
    translate(locale, 'guides:statement.columns.km'),
    translate(locale, 'guides:statement.columns.pay'),
    translate(locale, 'guides:statement.columns.travel'),
    translate(locale, 'guides:statement.columns.allowance'),
    translate(locale, 'guides:statement.columns.confirmed'),
  ];
}

/**
 * The statement as CSV (UTF-8 with BOM, CRLF): one row per assignment, then a totals row; amounts are plain
 * decimals in the statement's currency. The volunteers' cap cut, when there is one, is a row of its own.
 */
export function statementCsv(statement: Statement, options: { locale: string; timeZone: string }): string {
  const { locale, timeZone } = options;
  const yes = translate(locale, 'guides:statement.yes');
  const no = translate(locale, 'guides:statement.no');
  const rows: (string | number)[][] = statement.lines.map((line) => [
    localDateTime(line.start, timeZone),
    line.assignmentId,
    languageNameIn(locale, line.language, (key) => translate(locale, key)),
    topicName(locale, line.topic),
    translate(locale, OUTCOME_LABEL[line.outcome]),
    line.bookedMinutes,
    line.loggedMinutes ?? '',
    hours(line.paidMinutes),
    line.km.toFixed(1),
    amount(line.payCents),
    amount(line.travelCents),
    amount(line.allowanceCents),
    line.confirmed ? yes : no,
  ]);
  if (statement.cap && statement.cap.cutCents > 0) {
    rows.push([
      translate(locale, 'guides:statement.capCut'),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      amount(-statement.cap.cutCents),
      '',
    ]);
  }
  const { totals } = statement;
  rows.push([
    translate(locale, 'guides:statement.total', { currency: statement.currency }),
    totals.assignments,
    '',
    '',
    '',
    '',
    '',
    hours(totals.paidMinutes),
    totals.km.toFixed(1),
    amount(totals.payCents),
    amount(totals.travelCents),
    amount(totals.allowanceCents),
    amount(totals.totalCents),
  ]);
  return toCsv(statementColumns(locale), rows);
}
