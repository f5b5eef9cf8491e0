import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStatement, parseRates, type StatementEntry } from './statement.ts';
import { translate } from '../../../core/i18n.ts';
import { statementCsv } from './statement.csv.ts';

const profile = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../cities/duisburg/profile.json'), 'utf8'),
) as { rates: Record<string, number | string> };
const rates = parseRates(profile.rates);

let counter = 0;
/** An assignment of the month with sensible defaults. */
function entry(overrides: Partial<StatementEntry>): StatementEntry {
  counter++;
  return {
    assignmentId: `a${counter}`,
    start: new Date(`2026-12-${String(1 + (counter % 28)).padStart(2, '0')}T09:00:00+01:00`),
    bookedMinutes: 60,
    outcome: 'done',
    loggedMinutes: 60,
    travelKm: 0,
    confirmed: true,
    language: 'ara',
    topic: 'health',
    ...overrides,
  };
}

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

describe('a mediator’s monthly statement', () => {
  const statement = buildStatement({
    guideId: 'g1',
    kind: 'mediator',
    month: '2026-12',
    rates,
    entries: [
      entry({ loggedMinutes: 90, travelKm: 12.5 }),
      entry({ loggedMinutes: 45, travelKm: 3.2, confirmed: false }),
      entry({ outcome: 'late_cancellation', bookedMinutes: 60, loggedMinutes: null, travelKm: null }),
      entry({ outcome: 'no_show_guide', bookedMinutes: 60, loggedMinutes: null, travelKm: 8 }),
    ],
    earlierThisYear: [],
  });

  it('pays hours × hourly rate and km × travel rate, the late cancellation’s booked hour, nothing for a no-show', () => {
    // 90 + 45 + 60 minutes at 32 €/h = 104 €; (12.5 + 3.2) km at 0.30 €/km = 4.71 €.
    expect(statement.totals).toEqual({
      assignments: 3,
      paidMinutes: 195,
      km: 15.7,
      payCents: 10400,
      travelCents: 471,
      allowanceCents: 0,
      totalCents: 10871,
    });
    expect(statement.cap).toBeNull();
  });

  it('writes a CSV whose rows add up to its totals row', () => {
    const rows = parseCsv(statementCsv(statement, { locale: 'de', timeZone: 'Europe/Berlin' }));
    const [header, ...body] = rows;
    expect(header).toContain('Vergütung');
    const lines = body.slice(0, -1);
    const total = body.at(-1) ?? [];
    expect(lines).toHaveLength(4);
    const column = (name: string) => (header ?? []).indexOf(name);
    const sum = (name: string) => lines.reduce((s, row) => s + Number(row[column(name)]), 0);
    expect(sum('Vergütung').toFixed(2)).toBe('104.00');
    expect(sum('Fahrtkosten').toFixed(2)).toBe('4.71');
    expect(total[column('Vergütung')]).toBe('104.00');
    expect(total[column('Fahrtkosten')]).toBe('4.71');
    expect(total.at(-1)).toBe('108.71');
    expect(total[0]).toBe('Summe (EUR)');
    expect(lines[0]?.[0]).toMatch(/^2026-12-\d\d 09:00$/);
  });

  it('names the language and the topic in the CSV, not by their codes', () => {
    const [header, first] = parseCsv(statementCsv(statement, { locale: 'de', timeZone: 'Europe/Berlin' }));
    expect(first?.[(header ?? []).indexOf('Sprache')]).toBe('Arabisch');
    expect(first?.[(header ?? []).indexOf('Thema')]).toBe(translate('de', 'guides-mail:topics.health'));
    const romani = buildStatement({
      guideId: 'g1',
      kind: 'mediator',
      month: '2026-12',
      rates,
      entries: [entry({ language: 'rom' })],
      earlierThisYear: [],
    });
    const [, english] = parseCsv(statementCsv(romani, { locale: 'en', timeZone: 'Europe/Berlin' }));
    expect(english?.join(',')).not.toMatch(/\b(rom|ara|health)\b/);
  });

  it('labels the CSV in the reader’s language', () => {
    const [header] = parseCsv(statementCsv(statement, { locale: 'ar', timeZone: 'Europe/Berlin' }));
    expect(header?.join(' ')).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('a volunteer’s monthly statement', () => {
  it('pays the allowance per assignment and travel, and stops the allowance at the yearly cap', () => {
    // 82 assignments earlier in the year used 820 € of the 840 € cap; four more this month earn 40 €, 20 € fit.
    const earlier = Array.from({ length: 82 }, () => entry({ start: new Date('2026-06-10T10:00:00+02:00') }));
    const statement = buildStatement({
      guideId: 'g2',
      kind: 'volunteer',
      month: '2026-12',
      rates,
      entries: [
        entry({ travelKm: 5 }),
        entry({ travelKm: 5 }),
        entry({ travelKm: 10 }),
        entry({ travelKm: 0 }),
      ],
      earlierThisYear: earlier,
    });
    expect(statement.cap).toEqual({ annualCents: 84000, usedBeforeCents: 82000, cutCents: 2000 });
    expect(statement.totals).toMatchObject({
      assignments: 4,
      km: 20,
      payCents: 0,
      travelCents: 600,
      allowanceCents: 2000,
      totalCents: 2600,
    });
    const rows = parseCsv(statementCsv(statement, { locale: 'de', timeZone: 'Europe/Berlin' }));
    expect(rows.find((row) => row[0] === 'Kürzung: Jahresgrenze der Aufwandsentschädigung')?.[11]).toBe(
      '-20.00',
    );
    expect(rows.at(-1)?.at(-1)).toBe('26.00');
  });

  it('pays the whole allowance below the cap, and nothing for an assignment without logged time', () => {
    const statement = buildStatement({
      guideId: 'g3',
      kind: 'volunteer',
      month: '2026-12',
      rates,
      entries: [entry({ travelKm: 2.5 }), entry({ loggedMinutes: null, travelKm: null })],
      earlierThisYear: [],
    });
    expect(statement.totals.allowanceCents).toBe(1000);
    expect(statement.totals.travelCents).toBe(75);
    expect(statement.cap?.cutCents).toBe(0);
  });
});
