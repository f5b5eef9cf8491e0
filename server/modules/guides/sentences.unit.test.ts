import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinSentences } from './sentences.ts';

const LOCALES = path.resolve(import.meta.dirname, '../../../locales');
const reasonsIn = (lang: string) =>
  (
    JSON.parse(readFileSync(path.join(LOCALES, lang, 'guides.json'), 'utf8')) as {
      reasons: Record<string, string>;
    }
  ).reasons;

describe('the reasons a matching run gives, joined', () => {
  it('reads "…an diesem Tag. Die Passenden…" in German, without "; " after a full stop', () => {
    const reasons = reasonsIn('de');
    const text = joinSentences([reasons.no_language as string, reasons.topic_refused as string]);
    expect(text).toBe(
      'Niemand spricht die Sprache (oder den Dialekt) an diesem Tag. Die Passenden übernehmen dieses Thema nicht.',
    );
    expect(text).not.toContain('.;');
  });

  it('joins whole sentences in every language of the app, each ending once', () => {
    for (const lang of ['de', 'en', 'tr', 'ar', 'ro', 'bg', 'uk', 'ru', 'fa', 'pl']) {
      const reasons = Object.values(reasonsIn(lang));
      const text = joinSentences(reasons);
      expect(text, lang).not.toMatch(/[.!?؟]\s*[;,]/u);
      expect(text, lang).not.toMatch(/\.\./u);
      // Every sentence is there, in order, one space apart.
      expect(text, lang).toBe(reasons.map((r) => r.trim()).join(' '));
    }
  });

  it('ends a sentence that has no end mark, keeps ! ? and ؟, and leaves out empty parts', () => {
    expect(joinSentences(['Kein Dolmetscher frei', '', 'Warum?', 'لماذا؟', 'Achtung!  '])).toBe(
      'Kein Dolmetscher frei. Warum? لماذا؟ Achtung!',
    );
    expect(joinSentences(['Nobody is free;', 'Try Tuesday'])).toBe('Nobody is free. Try Tuesday.');
    expect(joinSentences([])).toBe('');
  });
});
