/**
 * A seeded generator of realistic matching problems (benchmark and tests): a week in a city the size of
 * Duisburg (lat 51.33–51.56, lon 6.63–6.83), twelve languages with the skew of the city's newcomers, dialects,
 * weekday availability windows, topics, gender requirements, certificates that expire, continuity.
 */
import {
  DEFAULT_WEIGHTS,
  type Gender,
  type MatchingGuide,
  type MatchingProblem,
  type MatchingRequest,
} from './types.ts';

export type GenerateOptions = {
  seed?: number;
  requests?: number;
  guides?: number;
  /** Monday of the week, YYYY-MM-DD. */
  week?: string;
} & MatchingStructure;

/**
 * Knobs that change an instance's structure (issue 12, "Test on families"). Unset knobs keep the default
 * generator (and its random sequence: the same seed gives the same instance as before the knobs existed).
 */
export type MatchingStructure = {
  /** × every guide's maxAssignments (default 1): below 1 tight capacity, above 1 loose. */
  capacityScale?: number;
  /** 'few': the four largest languages only; 'many': twelve more small languages with dialects. */
  languages?: 'default' | 'few' | 'many';
  /** Share of requests that name a dialect (default 0.25). */
  dialectShare?: number;
  /** 'clustered': every address near a district centre, tightly; 'spread': anywhere in the city. */
  geography?: 'default' | 'clustered' | 'spread';
  /** 'narrow': availability windows of 2–3 hours; 'wide': the whole working day. */
  windows?: 'default' | 'narrow' | 'wide';
  /** Share of requests with previous guides (default 0.15), and up to this many of them (default 1). */
  previousShare?: number;
  previousLinks?: number;
  /** Share of requests no guide can take (a language nobody speaks, or a Sunday): default 0. */
  unassignableShare?: number;
};

/** The families of instances the benchmark and the tests draw from (issue 12); all of the full size by default. */
export const MATCHING_FAMILIES: Record<string, MatchingStructure> = {
  default: {},
  tight: { capacityScale: 0.5 },
  loose: { capacityScale: 2 },
  'few-languages': { languages: 'few', dialectShare: 0 },
  'many-languages': { languages: 'many', dialectShare: 0.5 },
  clustered: { geography: 'clustered' },
  spread: { geography: 'spread' },
  narrow: { windows: 'narrow' },
  wide: { windows: 'wide' },
  continuity: { previousShare: 0.6, previousLinks: 3 },
  unassignable: { unassignableShare: 0.15 },
};

/** mulberry32: small, fast and seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Language → share of requests, dialects, share of guides (some languages are short of guides). */
const LANGUAGES: { code: string; demand: number; supply: number; dialects: string[] }[] = [
  {
    code: 'ar',
    demand: 0.22,
    supply: 0.22,
    dialects: ['ar-levantine', 'ar-iraqi', 'ar-maghrebi', 'ar-gulf'],
  },
  { code: 'tr', demand: 0.15, supply: 0.17, dialects: [] },
  { code: 'ro', demand: 0.1, supply: 0.08, dialects: [] },
  { code: 'bg', demand: 0.09, supply: 0.07, dialects: [] },
  { code: 'uk', demand: 0.1, supply: 0.1, dialects: [] },
  { code: 'ru', demand: 0.07, supply: 0.09, dialects: [] },
  { code: 'ku', demand: 0.06, supply: 0.06, dialects: ['ku-kurmanji', 'ku-sorani'] },
  { code: 'fa', demand: 0.05, supply: 0.05, dialects: [] },
  { code: 'pl', demand: 0.04, supply: 0.05, dialects: [] },
  { code: 'ti', demand: 0.03, supply: 0.02, dialects: [] },
  { code: 'prs', demand: 0.05, supply: 0.04, dialects: ['prs-dari', 'prs-pashto'] },
  { code: 'sq', demand: 0.04, supply: 0.05, dialects: [] },
];
/** Second languages that often go together. */
const SECOND: Record<string, string[]> = {
  ar: ['ku', 'tr', 'fa'],
  tr: ['ku', 'ar', 'bg'],
  ro: ['bg'],
  bg: ['tr', 'ro', 'ru'],
  uk: ['ru', 'pl'],
  ru: ['uk', 'pl', 'bg'],
  ku: ['ar', 'tr', 'fa'],
  fa: ['prs', 'ku'],
  pl: ['uk', 'ru'],
  ti: ['ar'],
  prs: ['fa'],
  sq: ['tr'],
};
const TOPICS: [string, number][] = [
  ['health', 0.3],
  ['authorities', 0.25],
  ['school', 0.15],
  ['housing', 0.12],
  ['court', 0.07],
  ['psychiatric', 0.05],
  ['work', 0.06],
];
const WINDOWS: [number, number][] = [
  [8 * 60, 13 * 60],
  [8 * 60, 16 * 60],
  [9 * 60, 17 * 60],
  [12 * 60, 18 * 60],
  [14 * 60, 20 * 60],
  [8 * 60, 18 * 60],
];
const NARROW_WINDOWS: [number, number][] = [
  [8 * 60, 10 * 60],
  [9 * 60, 12 * 60],
  [10 * 60, 13 * 60],
  [12 * 60, 14 * 60],
  [14 * 60, 17 * 60],
  [16 * 60, 19 * 60],
];
const WIDE_WINDOWS: [number, number][] = [[7 * 60, 20 * 60]];
const DURATIONS = [30, 45, 60, 60, 60, 90, 90, 120];

/** The 'many' family's extra languages: small communities, each with two dialects. */
const EXTRA_LANGUAGES = ['am', 'so', 'ps', 'ur', 'bn', 'hy', 'ka', 'sr', 'mk', 'vi', 'zh', 'ln'].map(
  (code) => ({
    code,
    demand: 0.015,
    supply: 0.012,
    dialects: [`${code}-north`, `${code}-south`],
  }),
);

function languagesOf(kind: MatchingStructure['languages']): typeof LANGUAGES {
  if (kind === 'few') return LANGUAGES.filter((l) => ['ar', 'tr', 'ro', 'uk'].includes(l.code));
  if (kind === 'many') return [...LANGUAGES, ...EXTRA_LANGUAGES];
  return LANGUAGES;
}

export function generateProblem(options: GenerateOptions = {}): MatchingProblem {
  const random = prng(options.seed ?? 42);
  const nRequests = options.requests ?? 3000;
  const nGuides = options.guides ?? 800;
  const week = options.week ?? '2026-12-07';
  const languages = languagesOf(options.languages);
  const dialectShare = options.dialectShare ?? 0.25;
  const previousShare = options.previousShare ?? 0.15;
  const previousLinks = options.previousLinks ?? 1;
  const windows =
    options.windows === 'narrow' ? NARROW_WINDOWS : options.windows === 'wide' ? WIDE_WINDOWS : WINDOWS;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let x = random() * total;
    for (const item of items) {
      x -= weight(item);
      if (x <= 0) return item;
    }
    return items[items.length - 1] as T;
  };
  const place = () => {
    // most addresses near one of the district centres, some anywhere in the city
    const centres = [
      [51.435, 6.762],
      [51.475, 6.78],
      [51.495, 6.74],
      [51.4, 6.73],
      [51.45, 6.69],
      [51.36, 6.75],
      [51.525, 6.76],
    ] as const;
    const spread = options.geography === 'spread' || (options.geography !== 'clustered' && random() < 0.25);
    if (spread) return { lat: round(51.33 + random() * 0.23, 5), lon: round(6.63 + random() * 0.2, 5) };
    const [lat, lon] = pick(centres);
    const width = options.geography === 'clustered' ? 0.3 : 1;
    return {
      lat: round(clamp(lat + (random() - 0.5) * 0.05 * width, 51.33, 51.56), 5),
      lon: round(clamp(lon + (random() - 0.5) * 0.07 * width, 6.63, 6.83), 5),
    };
  };
  const day = (offset: number) => {
    const d = new Date(`${week}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const at = (date: string, minutes: number) =>
    `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+01:00`;

  const guides: MatchingGuide[] = [];
  for (let i = 0; i < nGuides; i++) {
    const first = weighted(languages, (l) => l.supply);
    const spoken = [first.code];
    if (random() < 0.3) {
      const second = pick((SECOND[first.code] ?? []).filter((c) => languages.some((l) => l.code === c)));
      if (second && !spoken.includes(second)) spoken.push(second);
    }
    const dialects: string[] = [];
    for (const code of spoken) {
      const language = languages.find((l) => l.code === code);
      for (const dialect of language?.dialects ?? []) if (random() < 0.45) dialects.push(dialect);
      if (language?.dialects.length && !dialects.some((d) => d.startsWith(`${code}-`))) {
        dialects.push(pick(language.dialects));
      }
    }
    const days = [0, 1, 2, 3, 4, 5].filter((d) => (d === 5 ? random() < 0.1 : random() < 0.55));
    if (days.length === 0) days.push(Math.floor(random() * 5));
    const availability = days.map((d) => {
      const [from, to] = pick(windows);
      return { start: at(day(d), from), end: at(day(d), to) };
    });
    const refused: string[] = [];
    if (random() < 0.2) refused.push('court');
    if (random() < 0.15) refused.push('psychiatric');
    if (random() < 0.04) refused.push('housing');
    const gender = weighted<[Gender, number]>(
      [
        ['f', 0.55],
        ['m', 0.43],
        ['d', 0.02],
      ],
      (g) => g[1],
    )[0];
    guides.push({
      id: `g${i + 1}`,
      languages: spoken,
      dialects,
      gender,
      topicsRefused: refused,
      home: place(),
      maxAssignments: Math.max(1, Math.round((3 + Math.floor(random() * 8)) * (options.capacityScale ?? 1))),
      availability,
      validUntil:
        random() < 0.03 ? day(-10) : `2027-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-28`,
      kind: random() < 0.4 ? 'mediator' : 'volunteer',
    });
  }

  const speakersOf = new Map<string, string[]>();
  for (const g of guides) {
    for (const l of g.languages) speakersOf.set(l, [...(speakersOf.get(l) ?? []), g.id]);
  }
  const previous = (speakers: string[]): string[] => {
    const first = pick(speakers);
    if (previousLinks <= 1) return [first];
    const links = new Set([first]);
    const more = Math.floor(random() * previousLinks);
    for (let k = 0; k < more; k++) links.add(pick(speakers));
    return [...links];
  };
  const requests: MatchingRequest[] = [];
  for (let i = 0; i < nRequests; i++) {
    const language = weighted(languages, (l) => l.demand);
    const d = random() < 0.03 ? 5 : Math.floor(random() * 5);
    const morning = random() < 0.65;
    const startMinutes = morning
      ? 8 * 60 + 15 * Math.floor(random() * 16)
      : 12 * 60 + 15 * Math.floor(random() * 23);
    const topic = weighted(TOPICS, (t) => t[1])[0];
    const genderRequired: Gender | null =
      random() < (topic === 'health' ? 0.2 : 0.05) ? (random() < 0.85 ? 'f' : 'm') : null;
    const speakers = speakersOf.get(language.code) ?? [];
    const institution = random() < 0.55;
    requests.push({
      id: `r${i + 1}`,
      language: language.code,
      dialect: language.dialects.length && random() < dialectShare ? pick(language.dialects) : null,
      start: at(day(d), startMinutes),
      durationMinutes: pick(DURATIONS),
      place: place(),
      topic,
      genderRequired,
      urgency: random() < 0.1 ? (random() < 0.3 ? 2 : 1) : 0,
      previousGuideIds: speakers.length && random() < previousShare ? previous(speakers) : [],
      preferredKind: institution ? 'mediator' : 'volunteer',
    });
  }
  // requests nobody can take: a language no guide speaks, or a Sunday (a separate stream, so that the rest of
  // the instance stays the seed's)
  const unassignable = options.unassignableShare ?? 0;
  if (unassignable > 0) {
    const other = prng((options.seed ?? 42) ^ 0x5bd1e995);
    for (const request of requests) {
      if (other() >= unassignable) continue;
      if (other() < 0.5) {
        request.language = 'wo';
        request.dialect = null;
        request.previousGuideIds = [];
      } else request.start = at(day(6), 10 * 60 + 15 * Math.floor(other() * 16));
    }
  }
  return { weights: { ...DEFAULT_WEIGHTS }, guides, requests };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
