import { describe, expect, it } from 'vitest';
import { plainTextOf, readability, sentencesOf, syllablesOf } from './readability.ts';

describe('German readability (Amstad)', () => {
  it('counts syllables of German words with diphthongs as one', () => {
    expect(syllablesOf('Haus')).toBe(1);
    expect(syllablesOf('Bürgeramt')).toBe(3);
    expect(syllablesOf('Meldebescheinigung')).toBe(6);
    expect(syllablesOf('Kindergeld')).toBe(3);
    expect(syllablesOf('Theorie')).toBe(3);
  });

  it('splits sentences, but not after z. B. or a date', () => {
    const sentences = sentencesOf(
      'Bringen Sie z. B. den Pass mit. Am 3. Mai ist der Termin! Kommen Sie pünktlich?',
    );
    expect(sentences.map((s) => s.text)).toEqual([
      'Bringen Sie z. B. den Pass mit.',
      'Am 3. Mai ist der Termin!',
      'Kommen Sie pünktlich?',
    ]);
  });

  it('scores 180 − words per sentence − 58.5 × syllables per word, and marks the sentence that pulls it down', () => {
    // "Das geht schnell." 3 words, 3 syllables: 180 − 3 − 58.5 = 118.5 → 100 (clamped).
    expect(readability('Das geht schnell.').score).toBe(100);
    const text =
      'Sie melden sich beim Amt an. Die Meldebescheinigung wird Ihnen nach erfolgreicher Prüfung der Unterlagen durch die zuständige Sachbearbeiterin ausgehändigt.';
    const result = readability(text);
    const hard = result.sentences[1];
    // 14 words, 38 syllables: 180 − 14 − 58.5 × 38/14 = 7.2 → 7
    expect(hard?.score).toBe(7);
    expect(hard?.passive).toBe(true);
    expect(hard?.longWords).toContain('Meldebescheinigung');
    expect(result.hard.map((s) => s.text)).toEqual([hard?.text]);
    expect(result.sentences[0]?.score).toBeGreaterThan(60);
    expect(result.score).toBeLessThan(60);
  });

  it('does not mark a two-word heading as hard, though the formula scores it low', () => {
    const result = readability('Wohngeld beantragen.\nDas Wohngeld hilft bei der Miete.');
    expect(result.sentences[0]?.score).toBeLessThan(50);
    expect(result.hard).toEqual([]);
  });

  it('has no score for an empty text, and reads the text of a body’s HTML', () => {
    expect(readability('').score).toBeNull();
    expect(plainTextOf('<h2>Wichtig</h2><p>Gehen Sie hin.</p><ul><li>Pass</li></ul>')).toBe(
      'Wichtig\nGehen Sie hin.\nPass\n',
    );
  });

  it('warns of long words and passive sentences in a Leichte Sprache text, and not in one written the Leichte-Sprache way', () => {
    // de-x-ls as an editor might first write it: a long word and a passive sentence.
    const first = readability(
      'Die Meldebescheinigung bekommen Sie im Amt.\nDie Wohnung wird vom Amt angemeldet.\nSie bringen den Pass mit.',
    );
    expect(first.sentences.map((s) => s.longWords)).toEqual([['Meldebescheinigung'], [], []]);
    expect(first.sentences.map((s) => s.passive)).toEqual([false, true, false]);
    // Rewritten in Leichte Sprache: short words (split with a hyphen), active sentences.
    const rewritten = readability(
      'Sie bekommen einen Zettel vom Amt.\nDer Zettel heißt: Melde-Schein.\nSie melden die Wohnung beim Amt an.',
    );
    expect(rewritten.sentences.flatMap((s) => s.longWords)).toEqual([]);
    expect(rewritten.sentences.some((s) => s.passive)).toBe(false);
    expect(rewritten.score).toBeGreaterThan(first.score ?? 0);
  });
});
