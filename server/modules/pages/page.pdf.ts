/**
 * Information pages on paper: one page, or a printable booklet of a section (the page and every page below it),
 * for counters and people without smartphones. Written with core's PdfWriter, so Arabic and Persian read right to
 * left with mixed text in order; the labels are in the page's language (Leichte Sprache: German).
 */
import { renderPdf, type Direction, type PdfWriter } from '../../core/pdf.ts';
import { translate } from '../../core/i18n.ts';
import type * as s from './pages.schema.ts';
import { EASY_GERMAN, type PageLang, RTL_LANGS } from './pages.terms.ts';
import type { z } from 'zod';

type Page = z.infer<typeof s.pageReply>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

const plainOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** A sanitised body as blocks of plain text: headings (bold), paragraphs, list items ("• "), table rows. */
export function bodyBlocks(html: string): { text: string; heading: boolean }[] {
  const blocks: { text: string; heading: boolean }[] = [];
  const pattern = /<(h[1-6]|p|li|tr)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  for (const match of html.matchAll(pattern)) {
    const tag = (match[1] ?? '').toLowerCase();
    const inner = match[2] ?? '';
    const text =
      tag === 'tr'
        ? [...inner.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)]
            .map((cell) => plainOf(cell[1] ?? ''))
            .join(' · ')
        : plainOf(inner);
    if (text) blocks.push({ text: tag === 'li' ? `• ${text}` : text, heading: tag.startsWith('h') });
  }
  return blocks;
}

function writePage(writer: PdfWriter, page: Page, labels: string) {
  // Each field in its own language's direction (German shown where a translation is missing reads left to right).
  const dirOf = (lang: string): Direction => (RTL_LANGS.includes(lang as PageLang) ? 'rtl' : 'ltr');
  const direction: Direction = page.dir;
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(labels, `pages:${key}`, params);
  writer.paragraph(page.title, { direction: dirOf(page.fieldLang.title), size: 18, bold: true });
  if (page.summary) writer.paragraph(page.summary, { direction: dirOf(page.fieldLang.summary), size: 12 });
  for (const block of bodyBlocks(page.body))
    writer.paragraph(block.text, {
      direction: dirOf(page.fieldLang.body),
      bold: block.heading,
      size: block.heading ? 13 : undefined,
    });
  page.steps.forEach((step, index) => {
    writer.ensureSpace(60);
    writer.paragraph(`${t('page.stepN', { n: index + 1 })}: ${step.title}`, {
      direction,
      size: 13,
      bold: true,
    });
    if (step.text) writer.paragraph(step.text, { direction });
    if (step.where.length)
      writer.paragraph(`${t('pdf.where')}: ${step.where.map((offer) => offer.name).join(', ')}`, {
        direction,
      });
    if (step.bring.length) {
      writer.paragraph(t('page.bring'), { direction, bold: true, gapAfter: 2 });
      for (const item of step.bring) writer.paragraph(`☐ ${item}`, { direction, gapAfter: 2 });
      writer.space(4);
    }
    if (step.costs) writer.paragraph(`${t('page.costs')}: ${step.costs}`, { direction });
    if (step.duration) writer.paragraph(`${t('page.duration')}: ${step.duration}`, { direction });
  });
  if (Object.values(page.translationState).some((state) => state === 'machine'))
    writer.paragraph(t('page.machine'), { direction, muted: true });
}

/** The PDF of one or more published pages in their language; a booklet starts each page on a new sheet. */
export function buildPagesPdf(input: { pages: Page[]; title: string; city: string; madeOn: string }) {
  const lang = input.pages[0]?.lang ?? 'de';
  const labels = lang === EASY_GERMAN ? 'de' : lang;
  const direction: Direction = input.pages[0]?.dir ?? 'ltr';
  return renderPdf({ title: input.title, author: input.city, lang: labels }, (writer) => {
    if (input.pages.length > 1) {
      writer.paragraph(input.title, { direction, size: 22, bold: true });
      writer.paragraph(translate(labels, 'pages:pdf.booklet', { city: input.city, date: input.madeOn }), {
        direction,
        muted: true,
      });
      writer.rule();
      for (const page of input.pages) writer.paragraph(`• ${page.title}`, { direction, gapAfter: 2 });
    }
    input.pages.forEach((page, index) => {
      if (index > 0 || input.pages.length > 1) writer.newPage();
      writePage(writer, page, labels);
    });
    writer.space(12);
    writer.paragraph(translate(labels, 'pages:pdf.footer', { city: input.city, date: input.madeOn }), {
      direction,
      muted: true,
    });
  });
}
