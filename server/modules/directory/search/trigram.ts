/**
 * pg_trgm's word similarity, in memory: the same numbers as PostgreSQL's `word_similarity(typed, word)` and its
 * `typed <% word` test (contrib/pg_trgm/trgm_op.c, calc_word_similarity and iterate_word_similarity), so the
 * in-process index expands typed words exactly as the database's word search did.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The trigrams of a text in order (not unique): each word lower-cased and padded as "  word ". */
export function trigramsOf(text: string): string[] {
  const out: string[] = [];
  let word: string[] = [];
  const flush = () => {
    if (!word.length) return;
    const chars = [' ', ' ', ...[...word.join('').toLowerCase()], ' '];
    for (let i = 0; i + 2 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
    word = [];
  };
  for (const ch of text) {
    if (WORD_CHAR.test(ch)) word.push(ch);
    else flush();
  }
  flush();
  return out;
}

/** PostgreSQL computes the similarity as a float4 division. */
const sml = (count: number, len1: number, len2: number) => Math.fround(count / (len1 + len2 - count));

/**
 * The greatest similarity between the trigrams of `typed` and a continuous extent of the trigrams of `text`
 * (pg_trgm's greedy search, step for step, so borderline words fall on the same side of the threshold).
 */
export function wordSimilarity(typed: string, text: string, typedTrigrams?: ReadonlySet<string>): number {
  const set1 = typedTrigrams ?? new Set(trigramsOf(typed));
  const trg2 = trigramsOf(text);
  const ulen1 = set1.size;
  if (!ulen1 || !trg2.length) return 0;
  // Index each distinct trigram of the text; found: it is one of the typed word's trigrams.
  const ids = new Map<string, number>();
  const trg2indexes = trg2.map((t) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    return id;
  });
  const found = [...ids.keys()].map((t) => set1.has(t));
  const lastpos = new Array<number>(ids.size).fill(-1);
  let ulen2 = 0;
  let count = 0;
  let lower = -1;
  let max = 0;
  for (let i = 0; i < trg2.length; i++) {
    const t = trg2indexes[i] as number;
    if (lower >= 0 || found[t]) {
      if ((lastpos[t] as number) < 0) {
        ulen2++;
        if (found[t]) count++;
      }
      lastpos[t] = i;
    }
    if (!found[t]) continue;
    const upper = i;
    if (lower === -1) {
      lower = i;
      ulen2 = 1;
    }
    let cur = sml(count, ulen1, ulen2);
    let tmpCount = count;
    let tmpUlen2 = ulen2;
    const prevLower = lower;
    for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
      const tmp = sml(tmpCount, ulen1, tmpUlen2);
      if (tmp > cur) {
        cur = tmp;
        ulen2 = tmpUlen2;
        lower = tmpLower;
        count = tmpCount;
      }
      const ti = trg2indexes[tmpLower] as number;
      if (lastpos[ti] === tmpLower) {
        tmpUlen2--;
        if (found[ti]) tmpCount--;
      }
    }
    max = Math.max(max, cur);
    for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
      const ti = trg2indexes[tmpLower] as number;
      if (lastpos[ti] === tmpLower) lastpos[ti] = -1;
    }
  }
  return max;
}
