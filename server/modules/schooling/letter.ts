/**
 * The letter to the family when a school has accepted the child: in the family's language and in German, with
 * the school's name and address, the start date and what to bring (PDF through server/core/pdf.ts).
 */
import { translate } from '../../core/i18n.ts';
import { type PdfWriter, renderPdf } from '../../core/pdf.ts';

export type LetterInput = {
  /** The family's language; German is always added. */
  lang: string;
  direction: 'ltr' | 'rtl';
  city: string;
  organisation: string;
  guardianName: string;
  childName: string;
  schoolName: string;
  schoolStreet: string;
  schoolPostcode: string;
  startDate: string;
  /** The date on the letter, YYYY-MM-DD. */
  date: string;
};

const BRING_KEYS = [
  'schooling-server:letter.bring.id',
  'schooling-server:letter.bring.registration',
  'schooling-server:letter.bring.vaccination',
  'schooling-server:letter.bring.reports',
  'schooling-server:letter.bring.materials',
] as const;

/** A date written out in a language, with Western digits (as on German forms). */
export function letterDate(lang: string, day: string): string {
  return new Intl.DateTimeFormat(`${lang}-u-ca-gregory-nu-latn`, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The letter's sentences in one language, in reading order. */
export function letterTexts(lang: string, input: LetterInput) {
  const t = (key: string, params: Record<string, string> = {}) =>
    translate(lang, `schooling-server:${key}`, params);
  const startDate = letterDate(lang, input.startDate);
  return {
    title: t('letter.title'),
    date: t('letter.date', { city: input.city, date: letterDate(lang, input.date) }),
    greeting: t('letter.greeting', { name: input.guardianName }),
    body: t('letter.body', { child: input.childName, school: input.schoolName, startDate }),
    schoolHeading: t('letter.school_heading'),
    address: t('letter.address', {
      school: input.schoolName,
      street: input.schoolStreet,
      postcode: input.schoolPostcode,
      city: input.city,
    }),
    firstDay: t('letter.first_day', { startDate }),
    bringHeading: t('letter.bring_heading'),
    bring: BRING_KEYS.map((key) => translate(lang, key)),
    questions: t('letter.questions', { organisation: input.organisation }),
    closing: t('letter.closing', { organisation: input.organisation }),
  };
}

function writeLetter(writer: PdfWriter, texts: ReturnType<typeof letterTexts>, direction: 'ltr' | 'rtl') {
  writer.paragraph(texts.date, { direction, muted: true });
  writer.paragraph(texts.title, { direction, size: 15, bold: true });
  writer.paragraph(texts.greeting, { direction });
  writer.paragraph(texts.body, { direction });
  writer.paragraph(texts.schoolHeading, { direction, bold: true, gapAfter: 2 });
  writer.paragraph(texts.address, { direction });
  writer.paragraph(texts.firstDay, { direction });
  writer.paragraph(texts.bringHeading, { direction, bold: true, gapAfter: 2 });
  for (const item of texts.bring) writer.paragraph(`• ${item}`, { direction, gapAfter: 1 });
  writer.space(6);
  writer.paragraph(texts.questions, { direction });
  writer.paragraph(texts.closing, { direction });
}

/** The letter as a PDF: the family's language first, then the German text (German alone for German readers). */
export function buildPlacementLetter(input: LetterInput): Promise<Buffer> {
  const family = letterTexts(input.lang, input);
  return renderPdf({ title: family.title, author: input.organisation, lang: input.lang }, (writer) => {
    writeLetter(writer, family, input.direction);
    if (input.lang === 'de') return;
    writer.space(8);
    writer.rule();
    writer.paragraph(translate('de', 'schooling-server:letter.german_version'), { bold: true, muted: true });
    writeLetter(writer, letterTexts('de', input), 'ltr');
  });
}

/**
 * The same news as a plain-text mail to the family (its language, then German), when the school has accepted;
 * the PDF letter comes from the KI.
 */
export function placementMail(input: LetterInput): { subject: string; text: string } {
  const part = (lang: string) => {
    const t = letterTexts(lang, input);
    return [
      t.greeting,
      '',
      t.body,
      '',
      t.address,
      '',
      t.firstDay,
      '',
      `${t.bringHeading}:`,
      ...t.bring.map((b) => `- ${b}`),
      '',
      t.questions,
      '',
      t.closing,
    ].join('\n');
  };
  const subject = letterTexts(input.lang, input).title;
  if (input.lang === 'de') return { subject, text: part('de') };
  return {
    subject: `${subject} / ${letterTexts('de', input).title}`,
    text: `${part(input.lang)}\n\n----\n${translate('de', 'schooling-server:letter.german_version')}\n\n${part('de')}`,
  };
}
