/**
 * The notice letter (Zuwendungsbescheid) as a PDF, in German, from the city profile's template
 * (settings.ts, `funding.notice`): letterhead, addressee, date, subject, the decision's paragraphs with the
 * amounts, conditions, obligations for approvals, legal remedy.
 */
import { type PdfWriter, renderPdf } from '../../core/pdf.ts';
import type { FundingSettings } from './settings.ts';

export type NoticeInput = {
  template: FundingSettings['notice'];
  authority: string;
  /** The authority's address lines. */
  address: string[];
  /** The city, before the date. */
  place: string;
  organisation: string;
  call: string;
  title: string;
  outcome: 'approved' | 'partly' | 'rejected';
  amount: number;
  requested: number;
  reason: string;
  conditions: string;
  /** The project's timeline, YYYY-MM-DD (null: not given). */
  from: string | null;
  to: string | null;
  /** The day of the decision, YYYY-MM-DD. */
  date: string;
  /** The application's id, as the file reference. */
  reference: string;
};

const euros = (amount: number) =>
  new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
    amount,
  );
const longDate = (day: string) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** Fills {placeholders}; an unknown one stays as written (a template typo shows, it does not vanish). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function write(writer: PdfWriter, input: NoticeInput) {
  const values = {
    organisation: input.organisation,
    title: input.title,
    call: input.call,
    amount: euros(input.amount),
    requested: euros(input.requested),
    reason: input.reason,
    conditions: input.conditions,
    from: input.from ? longDate(input.from) : '–',
    to: input.to ? longDate(input.to) : '–',
  };
  writer.paragraph(input.authority, { bold: true, gapAfter: 2 });
  writer.paragraph(input.address.join('\n'), { muted: true });
  writer.space(12);
  writer.paragraph(input.organisation, { bold: true });
  writer.paragraph(`${input.place}, ${longDate(input.date)}`, { muted: true });
  writer.paragraph(`Aktenzeichen: ${input.reference}`, { muted: true, size: 9 });
  writer.space(8);
  writer.paragraph(`${input.template.subject} – ${input.title}`, { bold: true, size: 14 });
  writer.paragraph('Sehr geehrte Damen und Herren,');
  for (const paragraph of input.template[input.outcome]) writer.paragraph(fill(paragraph, values));
  if (input.outcome !== 'rejected') {
    if (input.conditions.trim()) {
      writer.paragraph(input.template.conditionsTitle, { bold: true });
      writer.paragraph(input.conditions);
    }
    for (const paragraph of input.template.obligations) writer.paragraph(fill(paragraph, values));
  }
  writer.rule();
  writer.paragraph(fill(input.template.remedy, values), { size: 9 });
  writer.space(12);
  writer.paragraph(input.template.closing);
  writer.paragraph(input.authority, { muted: true });
}

export function buildNotice(input: NoticeInput): Promise<Buffer> {
  return renderPdf(
    { title: `${input.template.subject}: ${input.title}`, author: input.authority, lang: 'de' },
    (writer) => write(writer, input),
  );
}
