import type { Ctx } from '../../core/context.ts';
import type { Database } from '../../core/db.ts';
import { availableLocales, translate } from '../../core/i18n.ts';
import * as repo from './directory.repository.ts';
import { CATEGORIES, CATEGORY_LABEL, type Category } from './directory.terms.ts';

/**
 * Words that say the same in the city's languages, for what newcomers look for most: a word typed in one of them
 * also searches the others (a Romanian "curs" finds the German "Deutschkurs" and the English "course" while the
 * offer has no Romanian text), and points to the categories where such offers are. Base forms; a typed word
 * belongs to a group when it starts like one of its words (see sameStem).
 */
const SAME_MEANING: { words: string[]; categories: Category[] }[] = [
  {
    // a course, a class
    words: [
      'kurs',
      'kurse',
      'course',
      'class',
      'kursu',
      'دورة',
      'دورات',
      'curs',
      'cursuri',
      'курс',
      'курсове',
      'курси',
      'курсы',
      'کلاس',
      'دوره',
      'kursy',
      'zajęcia',
    ],
    categories: ['language_learning', 'education'],
  },
  {
    // German, the language
    words: [
      'deutsch',
      'german',
      'almanca',
      'ألمانية',
      'الألمانية',
      'germană',
      'germana',
      'немски',
      'німецька',
      'німецької',
      'немецкий',
      'немецкого',
      'آلمانی',
      'niemiecki',
      'niemieckiego',
    ],
    categories: ['language_learning'],
  },
  {
    // counselling, advice
    words: [
      'beratung',
      'counselling',
      'counseling',
      'advice',
      'danışmanlık',
      'استشارة',
      'consiliere',
      'консултация',
      'консультація',
      'консультация',
      'مشاوره',
      'doradztwo',
      'porada',
    ],
    categories: ['counselling'],
  },
];

/**
 * A word folded for comparing stems across spellings: no accents or vowel signs, one form of alef, teh marbuta and
 * yeh/kaf (Arabic and Persian write them differently).
 */
function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ة/g, 'ه')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک');
}

/** A folded word, and without the Arabic article (al-, wa-al-, bi-al-, li-l-) where it has one. */
function forms(word: string): string[] {
  const folded = fold(word);
  const bare = folded.replace(/^(?:[وبف]?ال|لل)/u, '');
  return bare !== folded && bare.length >= 3 ? [folded, bare] : [folded];
}

/** Whether two folded words share their stem: equal, or a common start of 4+ letters missing at most two. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 4 && common >= Math.min(a.length, b.length) - 2;
}

const matches = (typed: string[], known: string[]) => typed.some((t) => known.some((k) => sameStem(t, k)));

const splitWords = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);

/** Each category's label words in every UI language, folded (read once). */
let labelWords: { category: Category; words: string[] }[] | null = null;
function categoryLabelWords() {
  labelWords ??= CATEGORIES.map((category) => ({
    category,
    words: availableLocales().flatMap((lang) =>
      splitWords(translate(lang, CATEGORY_LABEL[category])).flatMap(forms),
    ),
  }));
  return labelWords;
}

const sameMeaning = SAME_MEANING.map((group) => ({ ...group, folded: group.words.flatMap(forms) }));

type Meaning = { readonly words: readonly string[]; readonly categories: readonly Category[] };
/** Meanings already worked out (pure: from the typed word and the locale files), for the words typed again. */
const meanings = new Map<string, Meaning>();
const MAX_MEANINGS = 10_000;

/** What a typed word means beyond its letters: the same word in the other languages, and the categories it names. */
export function meaningOf(typed: string): Meaning {
  let meaning = meanings.get(typed);
  if (meaning === undefined) {
    meaning = meaningFrom(typed);
    if (meanings.size >= MAX_MEANINGS) meanings.clear();
    meanings.set(typed, meaning);
  }
  return meaning;
}

function meaningFrom(typed: string): Meaning {
  const typedForms = forms(typed);
  const groups = sameMeaning.filter((group) => matches(typedForms, group.folded));
  const categories = new Set<Category>(groups.flatMap((group) => group.categories));
  for (const label of categoryLabelWords())
    if (matches(typedForms, label.words)) categories.add(label.category);
  const words = new Set(groups.flatMap((group) => group.words.map((w) => w.toLowerCase())));
  words.delete(typed);
  return { words: [...words], categories: [...categories] };
}

/**
 * The similar dictionary words of typed words, kept for a minute per database: finding them scans the whole
 * dictionary (pg_trgm), while newcomers type the same few words again and again. This server forgets them as
 * soon as it adds words; another server's new words are found by similarity at most a minute later (the exact
 * typed word is always searched).
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;
/** At most this many dictionary words per typed word (its own similar words and those of its translations). */
const MAX_WORDS = 1000;
type Entry = { until: number; expansion: repo.WordExpansion };
const caches = new WeakMap<Database, Map<string, Entry>>();

/** Joins the similar words of a typed word (first, always searched) and of its translations, best first. */
export function merged(
  expansions: repo.WordExpansion[],
  categories: readonly Category[],
): repo.WordExpansion {
  const typed = expansions[0]?.words[0] ?? '';
  const best = new Map<string, number>();
  for (const e of expansions) {
    e.words.forEach((word, i) => {
      best.set(word, Math.max(best.get(word) ?? 0, e.sims[i] ?? 0));
    });
  }
  best.delete(typed);
  const others = [...best].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, MAX_WORDS - 1);
  return {
    words: [typed, ...others.map(([word]) => word)],
    sims: [1, ...others.map(([, sim]) => sim)],
    categories: [...categories],
  };
}

/**
 * Per typed word, the words to search for (its similar dictionary words and those of the same word in the other
 * languages) and the categories it names. One query for the words not kept from an earlier search.
 */
export async function expandWords(ctx: Ctx, words: readonly string[]): Promise<repo.WordExpansion[]> {
  let cache = caches.get(ctx.database);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.database, cache);
  }
  const now = performance.now();
  const plans = words.map((typed) => {
    const meaning = meaningOf(typed);
    return { lookups: [typed, ...meaning.words], categories: meaning.categories };
  });
  const missing = [...new Set(plans.flatMap((plan) => plan.lookups))].filter(
    (word) => !((cache.get(word)?.until ?? 0) > now),
  );
  if (missing.length) {
    const found = await repo.similarWordsOf(ctx.db, missing);
    if (cache.size + missing.length > MAX_ENTRIES) cache.clear();
    for (const word of missing) {
      cache.set(word, {
        until: now + TTL_MS,
        expansion: found.get(word) ?? { words: [word], sims: [1], categories: [] },
      });
    }
  }
  return plans.map((plan) =>
    merged(
      plan.lookups.map((word) => cache.get(word)?.expansion ?? { words: [word], sims: [1], categories: [] }),
      plan.categories,
    ),
  );
}

/** Adds words to the search dictionary and forgets the expansions made without them. */
export async function addSearchWords(ctx: Ctx, words: string[]): Promise<void> {
  await repo.addWords(ctx.db, words);
  caches.delete(ctx.database);
}

/**
 * The same expansions from the search index's dictionary instead of the database's: per typed word, its similar
 * words and those of the same word in the other languages, and the categories it names.
 */
export function expandWordsWith(
  index: {
    similarWords: (word: string) => { words: string[]; sims: number[] };
    expansion: (
      typed: string,
      make: () => { lookups: string[]; expansion: repo.WordExpansion },
    ) => repo.WordExpansion;
  },
  words: readonly string[],
): repo.WordExpansion[] {
  return words.map((typed) =>
    // Worked out only for a word this index has not kept.
    index.expansion(typed, () => {
      const meaning = meaningOf(typed);
      const lookups = [typed, ...meaning.words];
      const expansion = merged(
        lookups.map((word) => ({ ...index.similarWords(word), categories: [] })),
        meaning.categories,
      );
      return { lookups, expansion };
    }),
  );
}
