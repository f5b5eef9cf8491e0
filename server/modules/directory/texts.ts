// The translation state of texts lives in core (shared with the pages module); the search words are the directory's.
export {
  nextTextRows,
  type ShownText,
  showText,
  type TextRow,
  type TextStatus,
  type Translated,
} from '../../core/translation/texts.ts';

/** The distinct words of every language of a record, lower-cased, for the word search. */
export function searchWordsOf(values: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const value of values) {
    for (const word of value.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      if (word.length > 1 && word.length <= 60) words.add(word);
  }
  return [...words];
}

/** The same words as one string (the benchmark's bulk loader uses it). */
export function searchTextOf(values: Iterable<string>): string {
  return searchWordsOf(values).join(' ');
}
