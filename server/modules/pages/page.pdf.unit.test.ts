import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../core/i18n.ts';
import { bodyBlocks, buildPagesPdf } from './page.pdf.ts';

const A4_WIDTH = 595.28;
const RIGHT_MARGIN = 62;

type Item = { str: string; dir: string; transform: number[]; width: number };

/** The PDF's lines as pdf.js (Firefox's viewer) extracts them, top to bottom, with their direction and right edge. */
async function extract(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const lines: { text: string; dir: string; right: number; y: number; page: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items as Item[];
    for (const item of items) {
      if (!item.str.trim()) continue;
      const y = Math.round(item.transform[5] ?? 0);
      const x = item.transform[4] ?? 0;
      const last = lines.at(-1);
      if (last && last.y === y && last.page === n) {
        last.text = `${last.text} ${item.str}`;
        last.right = Math.max(last.right, x + item.width);
      } else lines.push({ text: item.str, dir: item.dir, right: x + item.width, y, page: n });
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { lines, pages, all: lines.map((l) => l.text.replace(/\s+/g, ' ')).join(' ') };
}

const page = (lang: string, dir: 'ltr' | 'rtl', title: string, more: { bring?: string[] } = {}) =>
  ({
    slug: 'anmeldung',
    lang,
    dir,
    title,
    summary: '',
    body: '<h2>Termin</h2><p>Bürgeramt <strong>Hamborn</strong> &amp; Walsum</p><ul><li>eins</li></ul><table><tr><th>A</th><td>1</td></tr></table>',
    steps: [
      {
        title: 'Termin',
        text: '',
        bring: more.bring ?? [],
        costs: '',
        duration: '',
        where: [{ slug: 'buergeramt', name: 'Bürgeramt Hamborn', place: null }],
      },
    ],
    translationState: { title: 'machine', summary: 'machine', body: 'machine', steps: 'machine' },
    fieldLang: { title: lang, summary: lang, body: lang, steps: lang },
    breadcrumbs: [],
    children: [],
    hasEasyGerman: false,
    publishedAt: '2026-12-01T10:00:00.000Z',
  }) as Parameters<typeof buildPagesPdf>[0]['pages'][number];

describe('pages on paper', () => {
  it('reads a body as headings, paragraphs, list items and table rows, entities decoded', () => {
    expect(bodyBlocks(page('de', 'ltr', 'x').body)).toEqual([
      { text: 'Termin', heading: true },
      { text: 'Bürgeramt Hamborn & Walsum', heading: false },
      { text: '• eins', heading: false },
      { text: 'A · 1', heading: false },
    ]);
  });

  it('writes an Arabic page right to left at the right margin, in logical order after extraction, with its checklist', async () => {
    const title = 'تسجيل السكن في مكتب المواطنين Bürgeramt';
    const { lines, all } = await extract(
      await buildPagesPdf({
        pages: [
          {
            ...page('ar', 'rtl', title, { bring: ['جواز السفر أو الهوية لكل شخص'] }),
            fieldLang: { title: 'ar', summary: 'ar', body: 'de', steps: 'ar' },
          },
        ],
        title,
        city: 'Duisburg',
        madeOn: '2026-12-07',
      }),
    );
    const drawn = lines.find((l) => l.text === title);
    expect(drawn?.dir).toBe('rtl');
    expect(drawn?.right).toBeCloseTo(A4_WIDTH - RIGHT_MARGIN, 0);
    expect(all).toContain(translate('ar', 'pages:page.bring'));
    expect(all).toContain('جواز السفر أو الهوية لكل شخص');
    const where = lines.find((l) => l.text.includes(translate('ar', 'pages:pdf.where')));
    expect(where?.text).toContain('Bürgeramt Hamborn');
    expect(all).toContain(translate('ar', 'pages:page.machine'));
    // The body's German (shown where the Arabic is missing) reads left to right.
    expect(lines.find((l) => l.text === 'Bürgeramt Hamborn & Walsum')?.dir).toBe('ltr');
  });

  it('makes a Persian booklet: the section’s contents first, then each page on a sheet of its own', async () => {
    const titles = ['سلامت', 'بیمه درمانی', 'یافتن پزشک'];
    const { lines, pages } = await extract(
      await buildPagesPdf({
        pages: titles.map((title) => page('fa', 'rtl', title)),
        title: titles[0] ?? '',
        city: 'Duisburg',
        madeOn: '2026-12-07',
      }),
    );
    expect(pages).toBe(4);
    const contents = lines.filter((l) => l.page === 1).map((l) => l.text);
    for (const title of titles) expect(contents.join(' ')).toContain(title);
    for (const [i, title] of titles.entries()) {
      const heading = lines.find((l) => l.page === i + 2 && l.text === title);
      expect(heading?.dir).toBe('rtl');
      expect(heading?.right).toBeCloseTo(A4_WIDTH - RIGHT_MARGIN, 0);
    }
  });
});
