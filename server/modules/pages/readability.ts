/**
 * German readability while editing (pure; the web app imports it as it is): the Flesch reading ease adapted to
 * German by Amstad (1978), 180 − ASL − 58.5 × ASW, where ASL is the average sentence length in words and ASW the
 * average number of syllables per word. 0–30 very hard, 30–50 hard, 50–60 fairly hard, 60–70 medium, 70–80 fairly
 * easy, 80–100 easy. Each sentence gets its own score, so the sentences that pull the text down can be shown.
 */

export type SentenceScore = {
  /** The sentence as written. */
  text: string;
  /** Where it starts in the plain text. */
  start: number;
  words: number;
  syllables: number;
  score: number;
  /** Words of more than 12 letters (long-word warning, e.g. for Leichte Sprache). */
  longWords: string[];
  /** Whether it looks like a passive sentence (werden/wurde + past participle). */
  passive: boolean;
};

export type Readability = {
  /** Amstad's reading ease, 0–100 (clamped); null for an empty text. */
  score: number | null;
  sentences: SentenceScore[];
  /** Average words per sentence. */
  wordsPerSentence: number;
  /** Average syllables per word. */
  syllablesPerWord: number;
  /** The sentences of at least MIN_WORDS words below HARD_SENTENCE, hardest first. */
  hard: SentenceScore[];
};

/** A sentence below this score is marked as one that pulls the text down. */
export const HARD_SENTENCE = 50;
export const LONG_WORD = 13;
/** Sentences shorter than this are not marked as hard (headings, list items). */
export const MIN_WORDS = 3;

const VOWEL_GROUP = /(?:[aeiouyäöü]+)/giu;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Syllables of a German word: vowel groups, with the diphthongs ei, ai, au, eu, äu, ie counted once. */
export function syllablesOf(word: string): number {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Math.max(1, Math.ceil(lower.length / 2));
  let count = 0;
  for (const match of lower.matchAll(VOWEL_GROUP)) {
    const group = match[0];
    // A group of vowels is one syllable when it is a diphthong or a long vowel (aa, ee, oo); otherwise
    // e.g. "ua" in "Januar" or "eo" in "Theorie" are two.
    if (group.length === 1 || /^(?:ei|ai|au|eu|äu|ie|aa|ee|oo|ey|ay)$/.test(group)) count += 1;
    else if (group.length >= 3 && /^(?:iei|eie|aue|eue)$/.test(group)) count += 2;
    else count += /(?:ei|ai|au|eu|äu|ie)/.test(group) ? group.length - 1 : group.length;
  }
  return Math.max(1, count);
}

const ABBREVIATIONS =
  /\b(?:z\.\s?B|d\.\s?h|u\.\s?a|bzw|ca|Nr|Str|Tel|usw|etc|Dr|Hr|Fr|inkl|ggf|evtl|vgl|bspw|S)\.$/i;

/** The text's sentences (split after . ! ? : and line breaks, not after common abbreviations or numbers). */
export function sentencesOf(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed && /[\p{L}\p{N}]/u.test(trimmed))
      out.push({ text: trimmed, start: start + raw.indexOf(trimmed) });
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === '\n') {
      push(i + 1);
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (char === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, i - 8), i + 1))) continue;
    // A single letter (z. B.) or an ordinal of one or two digits (3. Mai) before the dot does not end a sentence.
    if (char === '.' && /(?:^|[\s(])(?:\p{L}|\d{1,2})$/u.test(text.slice(start, i))) continue;
    push(i + 1);
  }
  push(text.length);
  return out;
}

const clamp = (score: number) => Math.max(0, Math.min(100, Math.round(score)));
const amstad = (wordsPerSentence: number, syllablesPerWord: number) =>
  180 - wordsPerSentence - 58.5 * syllablesPerWord;

const PASSIVE =
  /\b(?:wird|werden|wurde|wurden|worden|werde|wirst)\b[^.!?]*\b(?:\p{L}*ge\p{L}{2,}(?:t|en)|\p{L}+iert)\b/iu;

/** The readability of a German text (plain text; strip markup first). */
export function readability(text: string): Readability {
  const sentences: SentenceScore[] = sentencesOf(text).map(({ text: sentence, start }) => {
    const words = sentence.match(WORD) ?? [];
    const syllables = words.reduce((sum, word) => sum + syllablesOf(word), 0);
    const n = Math.max(1, words.length);
    return {
      text: sentence,
      start,
      words: words.length,
      syllables,
      score: clamp(amstad(words.length, syllables / n)),
      longWords: words.filter((word) => word.replace(/[-'’]/g, '').length >= LONG_WORD),
      passive: PASSIVE.test(sentence),
    };
  });
  const words = sentences.reduce((sum, s) => sum + s.words, 0);
  if (!sentences.length || !words) {
    return { score: null, sentences, wordsPerSentence: 0, syllablesPerWord: 0, hard: [] };
  }
  const syllables = sentences.reduce((sum, s) => sum + s.syllables, 0);
  const wordsPerSentence = words / sentences.length;
  const syllablesPerWord = syllables / words;
  return {
    score: clamp(amstad(wordsPerSentence, syllablesPerWord)),
    sentences,
    wordsPerSentence: Math.round(wordsPerSentence * 10) / 10,
    syllablesPerWord: Math.round(syllablesPerWord * 100) / 100,
    // Headings and two-word lines ("Wohngeld beantragen") score low by the formula but are not hard to read.
    hard: sentences
      .filter((s) => s.words >= MIN_WORDS && s.score < HARD_SENTENCE)
      .sort((a, b) => a.score - b.score),
  };
}

/** The plain text of a body's HTML for scoring (tags become sentence breaks where they end a block). */
export function plainTextOf(html: string): string {
  return html
    .replace(/<\/(?:p|h[1-6]|li|td|th|tr|caption|blockquote)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
