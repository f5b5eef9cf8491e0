import path from 'node:path';
import * as fontkit from 'fontkit';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../core/i18n.ts';
import { openingHours } from '../../core/time.ts';
import { buildPlacementLetter, type LetterInput, letterDate } from './letter.ts';

const FONTS = path.resolve(import.meta.dirname, '../../../vendor/fonts');
const A4_WIDTH = 595.28;
const RIGHT_MARGIN = 62;

const input = (lang: string, direction: 'ltr' | 'rtl', names: Partial<LetterInput> = {}): LetterInput => ({
  lang,
  direction,
  city: 'Duisburg',
  organisation: 'Stadt Duisburg – Kommunales Integrationszentrum',
  guardianName: 'Samira Haddad',
  childName: 'Rana Haddad',
  schoolName: 'Gesamtschule Hochfeld am Rheinufer',
  schoolStreet: 'Rheinuferstraße 40',
  schoolPostcode: '47053',
  startDate: '2027-01-11',
  date: '2026-11-26',
  contact: {
    organisation: 'Kommunales Integrationszentrum Duisburg',
    street: 'Kuhlenwall 24',
    postcode: '47051',
    city: 'Duisburg',
    phone: '+49 203 283-0',
    email: 'ki@demo.lotse.example',
    hours: [
      { days: ['MO', 'TU', 'WE', 'TH', 'FR'], from: '08:30', to: '12:00' },
      { days: ['TH'], from: '14:00', to: '17:00' },
    ],
  },
  ...names,
});

type Item = { str: string; dir: string; transform: number[]; width: number; hasEOL: boolean };
type Glyph = { unicode: string; width: number } | number | null;

/** The PDF's text as pdf.js (Firefox's viewer) extracts it: one entry per line, top to bottom. */
async function extract(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const lines: { text: string; dir: string; right: number; page: number }[] = [];
  const runs: Glyph[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const items = (await page.getTextContent()).items as Item[];
    for (const item of items) {
      if (!item.str.trim()) continue;
      const y = Math.round(item.transform[5] ?? 0);
      const x = item.transform[4] ?? 0;
      const last = lines.at(-1) as ((typeof lines)[number] & { y?: number }) | undefined;
      if (last && last.y === y && last.page === n) {
        last.text = `${last.text} ${item.str}`;
        last.right = Math.max(last.right, x + item.width);
      } else lines.push({ text: item.str, dir: item.dir, right: x + item.width, y, page: n } as never);
    }
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.showText) runs.push(ops.argsArray[i][0] as Glyph[]);
    });
  }
  const pages = doc.numPages;
  await doc.destroy();
  const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
  // pdf.js puts a space before a combining mark drawn with an offset (hamza above, tanween): not in the text.
  const joined = lines
    .map((l) => l.text)
    .join(' ')
    .replace(/ ([\u064B-\u065F\u0670])/g, '$1');
  return { lines, runs, all: normal(joined), normal, pages };
}

describe('the placement letter', () => {
  it('in Arabic reads right to left in logical order after extraction, with the German text after it', async () => {
    const letter = input('ar', 'rtl', { guardianName: 'سميرة حداد', childName: 'رنا حداد' });
    const { lines, all, normal } = await extract(await buildPlacementLetter(letter));
    const body = translate('ar', 'schooling-server:letter.body', {
      child: 'رنا حداد',
      school: 'Gesamtschule Hochfeld am Rheinufer',
      startDate: letterDate('ar', '2027-01-11'),
    });
    // A mixed sentence: Arabic with a Latin school name and Western digits in the date.
    expect(body).toContain('Gesamtschule Hochfeld am Rheinufer');
    expect(body).toMatch(/11 .+ 2027/);
    expect(all).toContain(normal(body));
    expect(all).toContain(translate('ar', 'schooling-server:letter.title'));
    expect(all).toContain(translate('ar', 'schooling-server:letter.bring.vaccination'));
    // The German version follows, whole.
    const german = translate('de', 'schooling-server:letter.body', {
      child: 'رنا حداد',
      school: 'Gesamtschule Hochfeld am Rheinufer',
      startDate: '11. Januar 2027',
    });
    expect(all).toContain(german);
    expect(all.indexOf(german)).toBeGreaterThan(all.indexOf(normal(body)));
    // Arabic lines are right-to-left and end at the right margin; German lines do not.
    const title = lines.find((l) => l.text === translate('ar', 'schooling-server:letter.title'));
    expect(title?.dir).toBe('rtl');
    expect(title?.right).toBeCloseTo(A4_WIDTH - RIGHT_MARGIN, 0);
    const germanTitle = lines.find((l) => l.text === translate('de', 'schooling-server:letter.title'));
    expect(germanTitle?.dir).toBe('ltr');
    expect(germanTitle?.right).toBeLessThan(A4_WIDTH - RIGHT_MARGIN - 100);
  });

  it('in Arabic uses the joined (contextual) letter forms, and lam-alef reads back as lam, alef', async () => {
    const { runs, all } = await extract(
      await buildPlacementLetter(input('ar', 'rtl', { childName: 'علاء حداد' })),
    );
    const title = translate('ar', 'schooling-server:letter.title');
    // The title's glyphs as drawn (visual order, left to right), found by the characters they stand for.
    const drawn = runs
      .map((run) =>
        run.filter((g): g is { unicode: string; width: number } => typeof g === 'object' && g !== null),
      )
      .find((run) => [...run.map((g) => g.unicode).join('')].reverse().join('') === title);
    expect(drawn).toBeDefined();
    const font = fontkit.openSync(path.join(FONTS, 'DejaVuSans-Bold.ttf'));
    const scale = 1000 / font.unitsPerEm;
    const shaped = font.layout(title, []).glyphs;
    const isolated = [...title].reverse().map((c) => font.glyphForCodePoint(c.codePointAt(0) ?? 0));
    // The font shapes the title into other glyphs than the letters' isolated forms...
    const joinedForms = shaped.filter((g, i) => g.id !== isolated[i]?.id).length;
    expect(joinedForms).toBeGreaterThan(10);
    // ...and the PDF draws exactly the shaped glyphs (their widths differ from the isolated forms').
    const widths = (glyphs: { advanceWidth: number }[]) =>
      glyphs.map((g) => Math.round(g.advanceWidth * scale));
    expect(drawn?.map((g) => Math.round(g.width))).toEqual(widths(shaped));
    expect(widths(shaped)).not.toEqual(widths(isolated));
    // "علاء" is drawn with the lam-alef ligature (one glyph); extracted, it reads lam, alef again.
    expect(all).toContain('علاء حداد');
    expect(all).not.toContain('عالء');
  });

  it('in Persian and in Ukrainian carries the family’s text and the German text', async () => {
    const persian = await extract(
      await buildPlacementLetter(input('fa', 'rtl', { childName: 'آرش احمدی', guardianName: 'مهناز احمدی' })),
    );
    const withoutZwnj = (s: string) => persian.normal(s.replaceAll('\u200c', ' '));
    const faBody = translate('fa', 'schooling-server:letter.body', {
      child: 'آرش احمدی',
      school: 'Gesamtschule Hochfeld am Rheinufer',
      startDate: letterDate('fa', '2027-01-11'),
    });
    expect(withoutZwnj(persian.all)).toContain(withoutZwnj(faBody));
    expect(persian.all).toContain(translate('fa', 'schooling-server:letter.bring_heading'));
    const faTitle = persian.lines.find((l) => l.text === translate('fa', 'schooling-server:letter.title'));
    expect(faTitle).toMatchObject({ dir: 'rtl', right: expect.closeTo(A4_WIDTH - RIGHT_MARGIN, 0) });
    // "سلام" (hello) has the lam-alef ligature: it reads back in logical order.
    expect(persian.all).toContain('سلام مهناز احمدی');
    expect(persian.all).toContain(translate('de', 'schooling-server:letter.german_version'));

    const ukrainian = await extract(
      await buildPlacementLetter(input('uk', 'ltr', { childName: 'Тарас Мельник' })),
    );
    expect(ukrainian.all).toContain(
      translate('uk', 'schooling-server:letter.body', {
        child: 'Тарас Мельник',
        school: 'Gesamtschule Hochfeld am Rheinufer',
        startDate: letterDate('uk', '2027-01-11'),
      }),
    );
    expect(ukrainian.all).toContain('Rheinuferstraße 40');
    expect(ukrainian.all).toContain('Ihr Kind hat einen Schulplatz');
  });

  it('in Arabic keeps the phone number, the e-mail and the German address of the contact in their order', async () => {
    const { all, lines } = await extract(await buildPlacementLetter(input('ar', 'rtl')));
    expect(all).toContain('+49 203 283-0');
    expect(all).toContain('ki@demo.lotse.example');
    expect(all).toContain('Kuhlenwall 24, 47051 Duisburg');
    // The label stays on the right, at the margin; nothing invisible (the isolates) is drawn.
    const phone = lines.find((l) => l.text.includes('+49 203 283-0'));
    const label = translate('ar', 'schooling-server:letter.contact.phone', { phone: '' }).replace(':', '');
    expect(phone?.text).toContain(label.trim());
    expect(phone?.right).toBeCloseTo(A4_WIDTH - RIGHT_MARGIN, 0);
    for (const invisible of ['\u0000', '\u2066', '\u2069']) expect(all).not.toContain(invisible);
  });

  it('names the opening hours in the reader’s language, days in a row as a range', () => {
    const hours: LetterInput['contact']['hours'] = [
      { days: ['MO', 'TU', 'WE', 'TH', 'FR'], from: '08:30', to: '12:00' },
      { days: ['TH'], from: '14:00', to: '17:00' },
    ];
    expect(openingHours('de', hours)).toBe('Mo–Fr 08:30–12:00 und Do 14:00–17:00');
    expect(openingHours('en', hours)).toBe('Mon–Fri 08:30–12:00 and Thu 14:00–17:00');
    expect(openingHours('de', [{ days: ['SA', 'MO', 'TU'], from: '09:00', to: '12:00' }])).toBe(
      'Mo, Di, Sa 09:00–12:00',
    );
  });

  it('puts each language on one page of its own, even with long names', async () => {
    const long = {
      guardianName: 'Oleksandra Volodymyrivna Shevchenko-Kovalenko',
      childName: 'Maksym Oleksandrovych Shevchenko-Kovalenko',
      schoolName:
        'Städtische Gemeinschaftshauptschule mit Ganztagsbetrieb und internationaler Vorbereitungsklasse Duisburg-Hochfeld',
    };
    for (const [lang, direction] of [
      ['uk', 'ltr'],
      ['ro', 'ltr'],
      ['ar', 'rtl'],
    ] as const) {
      const { pages, lines } = await extract(await buildPlacementLetter(input(lang, direction, long)));
      expect(pages, lang).toBe(2);
      const secondPage = lines.filter((l) => l.page === 2);
      expect(secondPage[0]?.text, lang).toBe(translate('de', 'schooling-server:letter.german_version'));
      expect(
        lines.filter((l) => l.page === 1).some((l) => l.text.includes('Sprechzeiten')),
        lang,
      ).toBe(false);
      expect(
        secondPage.some((l) => l.text.startsWith('Sprechzeiten: Mo–Fr 08:30–12:00')),
        lang,
      ).toBe(true);
    }
  });

  it('in German alone for German readers', async () => {
    const { all } = await extract(await buildPlacementLetter(input('de', 'ltr')));
    expect(all).toContain(
      'Rana Haddad kann ab dem 11. Januar 2027 die Schule Gesamtschule Hochfeld am Rheinufer besuchen.',
    );
    expect(all).not.toContain(translate('de', 'schooling-server:letter.german_version'));
  });
});
