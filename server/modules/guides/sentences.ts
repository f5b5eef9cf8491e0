/**
 * Joining sentences for people (the reasons a matching run gives, in any of the app's languages): each sentence
 * keeps its own end mark, or gets a full stop, and sentences follow each other after one space — never "Tag.;
 * Die …". Pure (imports nothing): the web app uses it as it is.
 */

/** Marks that end a sentence in the app's languages: . ! ? … and the Arabic/Persian question mark ؟. */
const SENTENCE_END = /[.!?…؟]["'”’»)]*$/u;

/** One text of whole sentences: "A." + "B" → "A. B." */
export function joinSentences(sentences: readonly string[]): string {
  return sentences
    .map((sentence) => sentence.trim().replace(/[;,:]+$/u, ''))
    .filter((sentence) => sentence !== '')
    .map((sentence) => (SENTENCE_END.test(sentence) ? sentence : `${sentence}.`))
    .join(' ');
}
