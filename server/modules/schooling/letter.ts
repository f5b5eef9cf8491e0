/**
 * The letter to the family when a school has accepted the child: in the family's language and in German, with
 * the school's name and address, the start date, what to bring, and whom to ask (the city profile's contact:
 * address, phone, e-mail, opening hours). PDF through server/core/pdf.ts: each language on one A4 page of its own.
 */
import type { CityProfile } from '../../core/city.ts';
import { translate } from '../../core/i18n.ts';
import { type PdfWriter, renderPdf } from '../../core/pdf.ts';
import { openingHours } from '../../core/time.ts';

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
  /** Whom the family asks: the city profile's contact. */
  contact: CityProfile['contact'];
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

/** Left-to-right isolate: a phone number or German address stays in its order inside right-to-left text. */
const ltr = (text: string) => `\u2066${text}\u2069`;

/** The letter's sentences in one language, in reading order. */
export function letterTexts(lang: string, input: LetterInput, direction: 'ltr' | 'rtl' = 'ltr') {
  const t = (key: string, params: Record<string, string> = {}) =>
    translate(lang, `schooling-server:${key}`, params);
  const startDate = letterDate(lang, input.startDate);
  const { contact } = input;
  const isolated = (text: string) => (direction === 'rtl' ? ltr(text) : text);
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
    questions: t('letter.questions', { organisation: contact.organisation }),
    contact: [
      t('letter.contact.address', {
        address: isolated(`${contact.street}, ${contact.postcode} ${contact.city}`),
      }),
      t('letter.contact.phone', { phone: isolated(contact.phone) }),
      t('letter.contact.email', { email: isolated(contact.email) }),
      t('letter.contact.hours', { hours: openingHours(lang, contact.hours) }),
    ],
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
  writer.paragraph(texts.questions, { direction, gapAfter: 2 });
  writer.paragraph(texts.contact.join('\n'), { direction });
  writer.paragraph(texts.closing, { direction });
}

/**
 * The letter as a PDF: the family's language on the first page, the German version on a page of its own (German
 * alone for German readers). Each version takes about half of its page, so long names and languages still fit.
 */
export function buildPlacementLetter(input: LetterInput): Promise<Buffer> {
  const family = letterTexts(input.lang, input, input.direction);
  return renderPdf({ title: family.title, author: input.organisation, lang: input.lang }, (writer) => {
    writeLetter(writer, family, input.direction);
    if (input.lang === 'de') return;
    writer.newPage();
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
    const t = letterTexts(lang, input, lang === input.lang ? input.direction : 'ltr');
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
      ...t.contact,
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
