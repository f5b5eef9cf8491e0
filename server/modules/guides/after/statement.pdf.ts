import { renderPdf } from '../../../core/pdf.ts';
import { translate } from '../../../core/i18n.ts';
import { languageNameIn } from '../../../core/languages.ts';
import { OUTCOME_LABEL } from './statement.csv.ts';
import type { Statement } from './statement.ts';

type PdfOptions = {
  locale: string;
  timeZone: string;
  guideName: string;
  cityTitle: string;
  organisation: string;
};

/** The statement as a PDF in the reader's language: one paragraph per assignment, then the totals. */
export function statementPdf(statement: Statement, options: PdfOptions): Promise<Buffer> {
  const { locale, timeZone } = options;
  const t = (key: string, params: Record<string, unknown> = {}) => translate(locale, key, params);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: statement.currency });
  const euros = (cents: number) => money.format(cents / 100);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  // The same names as the web app and the mails ("rom" → "Romanes"), never the bare code.
  const languageName = (code: string) => languageNameIn(locale, code, (key) => translate(locale, key));
  const [year, month] = statement.month.split('-').map(Number) as [number, number];
  const monthName = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 15)));
  const title = t('guides:statement.pdf.title', { month: monthName });
  const { totals } = statement;

  return renderPdf({ title, author: options.organisation, lang: locale }, (pdf) => {
    pdf.paragraph(options.cityTitle, { size: 9, muted: true });
    pdf.paragraph(title, { size: 16, bold: true });
    pdf.paragraph(
      t('guides:statement.pdf.guide', {
        name: options.guideName,
        kind: t(statement.kind === 'mediator' ? 'guides:kinds.mediator' : 'guides:kinds.volunteer'),
      }),
    );
    pdf.rule();
    if (statement.lines.length === 0) pdf.paragraph(t('guides:statement.pdf.none'));
    for (const line of statement.lines) {
      const amounts =
        statement.kind === 'mediator'
          ? t('guides:statement.pdf.lineMediator', {
              hours: number.format(line.paidMinutes / 60),
              km: number.format(line.km),
              pay: euros(line.payCents),
              travel: euros(line.travelCents),
            })
          : t('guides:statement.pdf.lineVolunteer', {
              km: number.format(line.km),
              allowance: euros(line.allowanceCents),
              travel: euros(line.travelCents),
            });
      pdf.paragraph(
        `${when.format(line.start)} · ${languageName(line.language)} · ${t(OUTCOME_LABEL[line.outcome])}`,
        { bold: true, gapAfter: 0 },
      );
      pdf.paragraph(line.confirmed ? amounts : `${amounts} · ${t('guides:statement.pdf.unconfirmed')}`, {
        size: 9.5,
      });
    }
    pdf.rule();
    if (statement.kind === 'mediator') {
      pdf.paragraph(t('guides:statement.pdf.totalHours', { hours: number.format(totals.paidMinutes / 60) }));
      pdf.paragraph(t('guides:statement.pdf.totalPay', { amount: euros(totals.payCents) }));
    } else {
      pdf.paragraph(t('guides:statement.pdf.totalAllowance', { amount: euros(totals.allowanceCents) }));
      if (statement.cap && statement.cap.cutCents > 0) {
        pdf.paragraph(
          t('guides:statement.pdf.capCut', {
            amount: euros(statement.cap.cutCents),
            cap: euros(statement.cap.annualCents),
          }),
          { muted: true },
        );
      }
    }
    pdf.paragraph(
      t('guides:statement.pdf.totalTravel', {
        amount: euros(totals.travelCents),
        km: number.format(totals.km),
      }),
    );
    pdf.paragraph(t('guides:statement.pdf.total', { amount: euros(totals.totalCents) }), {
      bold: true,
      size: 12,
    });
    pdf.space(12);
    pdf.paragraph(t('guides:statement.pdf.footer', { organisation: options.organisation }), {
      size: 8.5,
      muted: true,
    });
  });
}
