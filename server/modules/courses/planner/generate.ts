/**
 * Seeded planner problems for the benchmark and the tests: waiting persons in a city's Ortsteile (points
 * around each centre), support languages with a few large and many small groups, a share needing childcare,
 * candidate places (schools, Kitas, community centres) scattered around the Ortsteile.
 */
import type { GeoPoint, PlanProblem } from './types.ts';

export type Ortsteil = { name: string; centre: GeoPoint };

export type GenerateOptions = {
  seed: number;
  ortsteile: Ortsteil[];
  persons: number;
  places: number;
  groups: number;
  groupSize?: number;
  /** Languages by share (default: Duisburg's large communities first). */
  languages?: string[];
  /** Share of persons who need childcare for a child under 3 (default 0.3). */
  childcareShare?: number;
  /** Existing courses (for the explanations). */
  existing?: number;
};

/** Structure families for `npm run bench -- courses --family`. */
export const PLAN_FAMILIES: Record<string, Partial<GenerateOptions>> = {
  duisburg: {},
  sparse: { persons: 1500, places: 120, groups: 25 },
  scarce: { persons: 600, places: 150, groups: 40, childcareShare: 0.6 },
  'many-languages': {
    persons: 3000,
    places: 200,
    groups: 40,
    languages: [
      'tr',
      'ar',
      'ro',
      'bg',
      'uk',
      'ru',
      'fa',
      'pl',
      'ku',
      'sq',
      'sr',
      'ti',
      'so',
      'ps',
      'el',
      'it',
    ],
  },
};

const DEFAULT_LANGUAGES = ['tr', 'ar', 'ro', 'bg', 'uk', 'ru', 'fa', 'pl', 'ku', 'de'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `km` around a point. */
function near(rand: () => number, p: GeoPoint, km: number): GeoPoint {
  const dLat = ((rand() * 2 - 1) * km) / 111.2;
  const dLon = ((rand() * 2 - 1) * km) / (111.2 * Math.cos((p.lat * Math.PI) / 180));
  return { lat: Math.round((p.lat + dLat) * 1e5) / 1e5, lon: Math.round((p.lon + dLon) * 1e5) / 1e5 };
}

/** The index whose running sum of weights first passes r. */
function pick(weights: number[], r: number): number {
  let k = 0;
  let left = r - (weights[0] as number);
  while (k < weights.length - 1 && left > 0) {
    k++;
    left -= weights[k] as number;
  }
  return k;
}

export function generatePlanProblem(options: GenerateOptions): PlanProblem {
  const rand = random(options.seed);
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  const childcareShare = options.childcareShare ?? 0.3;
  // language weights: Zipf-like (a few large communities, many small)
  const weights = languages.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  // Ortsteil weights: uneven (some Ortsteile hold far more waiting persons)
  const ortWeights = options.ortsteile.map(() => 0.3 + rand() * rand() * 3);
  const ortTotal = ortWeights.reduce((a, b) => a + b, 0);
  const counts = new Map<string, number>();
  for (let p = 0; p < options.persons; p++) {
    const o = pick(ortWeights, rand() * ortTotal);
    const l = pick(weights, rand() * total);
    const cc = rand() < childcareShare ? 1 : 0;
    const key = `${o}:${l}:${cc}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const demand = [...counts]
    .map(([key, persons]) => {
      const [o, l, cc] = key.split(':').map(Number) as [number, number, number];
      const ort = options.ortsteile[o] as Ortsteil;
      const language = languages[l] as string;
      return {
        id: `${ort.name}/${language}/${cc ? 'childcare' : 'other'}`,
        ortsteil: ort.name,
        point: ort.centre,
        language,
        childcare: cc === 1,
        persons,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const kinds = ['Grundschule', 'Kita', 'Stadtteilzentrum'];
  const places = Array.from({ length: options.places }, (_, j) => {
    const ort = options.ortsteile[Math.floor(rand() * options.ortsteile.length)] as Ortsteil;
    const kind = kinds[j % kinds.length] as string;
    return {
      id: `place-${j + 1}`,
      name: `${kind} ${ort.name} ${j + 1}`,
      point: near(rand, ort.centre, 1.5),
      rooms: 1 + Math.floor(rand() * 3),
      childcarePlaces: kind === 'Grundschule' && rand() < 0.5 ? 0 : 2 + Math.floor(rand() * 5),
    };
  });
  const existingCourses = Array.from({ length: options.existing ?? 40 }, () => {
    const ort = options.ortsteile[Math.floor(rand() * options.ortsteile.length)] as Ortsteil;
    return {
      point: near(rand, ort.centre, 1),
      language: languages[Math.floor(rand() * languages.length)] ?? null,
    };
  });
  return {
    groups: options.groups,
    groupSize: options.groupSize ?? 12,
    travelKm: { childcare: 2, other: 5 },
    demand,
    places,
    existingCourses,
  };
}
