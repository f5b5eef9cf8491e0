import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { buildStatement, parseRates } from './statement.ts';
import { statementPdf } from './statement.pdf.ts';

const profile = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../cities/duisburg/profile.json'), 'utf8'),
) as { rates: Record<string, number | string> };

/** The text of every page of a PDF, as pdf.js extracts it, spaces normalised. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

const statement = buildStatement({
  guideId: 'g1',
  kind: 'mediator',
  month: '2026-12',
  rates: parseRates(profile.rates),
  entries: [
    {
      assignmentId: 'a1',
      start: new Date('2026-12-02T09:00:00+01:00'),
      bookedMinutes: 60,
      outcome: 'done',
      loggedMinutes: 60,
      travelKm: 0,
      confirmed: true,
      language: 'rom',
      topic: 'health',
    },
  ],
  earlierThisYear: [],
});

const pdfIn = async (locale: string) =>
  pdfText(
    new Uint8Array(
      await statementPdf(statement, {
        locale,
        timeZone: 'Europe/Berlin',
        guideName: 'Mihaela Dumitrescu',
        cityTitle: 'Lotse Duisburg',
        organisation: 'Kommunales Integrationszentrum',
      }),
    ),
  );

describe('the statement PDF of a Romani appointment', () => {
  it('names the language "Romanes" in German and "Romani" in English, as the web app does, never "rom"', async () => {
    const german = await pdfIn('de');
    expect(german).toContain('· Romanes ·');
    const english = await pdfIn('en');
    expect(english).toContain('· Romani ·');
    for (const text of [german, english]) expect(text).not.toMatch(/\brom\b/);
  });
});
