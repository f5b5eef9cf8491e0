import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A published count: a number, or "<5" where a small count is suppressed. */
type Bucket = { key: string; count: number | '<5' };

/**
 * A horizontal bar chart of published counts (Observable Plot, drawn in the page: no request leaves it). It is a
 * picture of the table below it, which is its accessible alternative: the chart is an image named by its caption
 * and pointing to the table; a suppressed count ("<5") gets no bar, only its "<5" label.
 */
export function CountChart({
  id,
  caption,
  tableId,
  buckets,
  nameOf,
}: {
  id: string;
  caption: string;
  /** The id of the table with the same figures (CountTable's id). */
  tableId: string;
  buckets: Bucket[];
  nameOf: (key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const rtl = i18n.dir() === 'rtl';
  useEffect(() => {
    const node = box.current;
    if (!node) return;
    const rows = buckets.map((b) => ({
      name: nameOf(b.key),
      count: b.count === '<5' ? 0 : b.count,
      label: b.count === '<5' ? '<5' : new Intl.NumberFormat(i18n.language).format(b.count),
    }));
    const chart = Plot.plot({
      width: Math.max(280, Math.min(node.clientWidth || 640, 720)),
      height: 28 * rows.length + 40,
      marginLeft: rtl ? 40 : 170,
      marginRight: rtl ? 170 : 40,
      x: { grid: true, label: null, tickFormat: 'd', reverse: rtl },
      y: { label: null, domain: rows.map((r) => r.name), axis: rtl ? 'right' : 'left' },
      marks: [
        Plot.barX(rows, { x: 'count', y: 'name', fill: 'var(--app-chart-bar, #1d4f91)' }),
        Plot.text(rows, {
          x: 'count',
          y: 'name',
          text: 'label',
          textAnchor: rtl ? 'end' : 'start',
          dx: rtl ? -6 : 6,
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
      ],
    });
    // One image, named once: Plot's own labels on its groups (aria-label without a role) are left out.
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', t('reports:statistics.chartOf', { caption }));
    chart.setAttribute('aria-describedby', `${tableId}-caption`);
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [buckets, nameOf, caption, tableId, rtl, i18n.language, t]);
  return <div className="app-reports__chart" id={id} ref={box} data-testid={id} />;
}
