/**
 * The certificate of attendance (PDF through server/core/pdf.ts): the person's name, the course, its dates, the
 * sessions and hours attended, the provider; in the person's language on the first page and in German on a page
 * of its own (German alone for German readers).
 */
import { translate } from '../../core/i18n.ts';
import { type PdfWriter, renderPdf } from '../../core/pdf.ts';

export type CertificateInput = {
  lang: string;
  direction: 'ltr' | 'rtl';
  participantName: string;
  courseName: (lang: string) => string;
  organisation: string;
  city: string;
  from: string;
  to: string;
  sessions: number;
  hours: number;
  /** The day it was completed, YYYY-MM-DD. */
  date: string;
};

/** A date written out in a language, with Western digits (as on German forms). */
function longDate(lang: string, day: string): string {
  return new Intl.DateTimeFormat(`${lang}-u-ca-gregory-nu-latn`, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

function write(writer: PdfWriter, lang: string, input: CertificateInput, direction: 'ltr' | 'rtl') {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, key, params);
  writer.paragraph(
    t('courses-mail:certificate.date', { city: input.city, date: longDate(lang, input.date) }),
    {
      direction,
      muted: true,
    },
  );
  writer.paragraph(t('courses-mail:certificate.title'), { direction, size: 18, bold: true });
  writer.paragraph(input.participantName, { direction, size: 15, bold: true });
  writer.paragraph(
    t('courses-mail:certificate.body', {
      course: input.courseName(lang),
      from: longDate(lang, input.from),
      to: longDate(lang, input.to),
      organisation: input.organisation,
    }),
    { direction },
  );
  writer.paragraph(t('courses-mail:certificate.attended', { sessions: input.sessions, hours: input.hours }), {
    direction,
  });
  writer.space(24);
  writer.paragraph(t('courses-mail:certificate.signature', { organisation: input.organisation }), {
    direction,
    muted: true,
  });
}

export function buildCertificate(input: CertificateInput): Promise<Buffer> {
  const title = translate(input.lang, 'courses-mail:certificate.title');
  return renderPdf({ title, author: input.organisation, lang: input.lang }, (writer) => {
    write(writer, input.lang, input, input.direction);
    if (input.lang === 'de') return;
    writer.newPage();
    writer.paragraph(translate('de', 'courses-mail:certificate.german_version'), { bold: true, muted: true });
    write(writer, 'de', input, 'ltr');
  });
}
