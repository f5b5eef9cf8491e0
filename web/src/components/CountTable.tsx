import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';

/** A published count: a number, or "<5" where a small count is suppressed. */
type Bucket = { key: string; count: number | '<5' };

/**
 * A table of published counts with a bar per row (no bar for a suppressed "<5"), as the modules' public figures
 * show them. Each count cell has the test id `${id}-${key}`.
 */
export function CountTable({
  id,
  caption,
  keyHeader,
  countHeader,
  barLabel,
  empty,
  buckets,
  nameOf,
}: {
  id: string;
  caption: string;
  /** The first column's header: what a row counts by. */
  keyHeader: string;
  /** The count column's header: what is counted. */
  countHeader: string;
  /** The bar column's header, for screen readers only. */
  barLabel: string;
  /** A row's text when there is nothing to count; without it the table has no rows then. */
  empty?: string;
  buckets: Bucket[];
  nameOf: (key: string) => string;
}) {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const max = Math.max(1, ...buckets.map((b) => (b.count === '<5' ? 0 : b.count)));
  return (
    <TableScroll labelledBy={`${id}-caption`}>
      <table className="kern-table kern-table--small kern-table--striped app-count-table">
        <caption className="kern-heading-small" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {keyHeader}
            </th>
            <th className="kern-table__header kern-table__header--numeric" scope="col">
              {countHeader}
            </th>
            <th className="kern-table__header" scope="col">
              <span className="kern-sr-only">{barLabel}</span>
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {buckets.length === 0 && empty ? (
            <tr className="kern-table__row">
              <td className="kern-table__cell" colSpan={3}>
                {empty}
              </td>
            </tr>
          ) : null}
          {buckets.map((bucket) => (
            <tr className="kern-table__row" key={bucket.key}>
              <th className="kern-table__cell" scope="row">
                {nameOf(bucket.key)}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric" data-testid={`${id}-${bucket.key}`}>
                {bucket.count === '<5' ? '<5' : format.format(bucket.count)}
              </td>
              <td className="kern-table__cell app-count-table__bar-cell" aria-hidden="true">
                {bucket.count === '<5' ? null : (
                  <span
                    className="app-count-table__bar"
                    style={{ inlineSize: `${(bucket.count / max) * 100}%` }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
