/**
 * A seeded generator of placement problems in a city the size of Duisburg (lat 51.33–51.56, lon 6.63–6.83),
 * for the benchmark and the tests. Realistic shape: families of 1–4 living together, grades 1–13 with siblings
 * a few grades apart, the forms an assessment would name for the grade, mostly support classes, a share of
 * families with a preferred school, and free seats that add up to about `seatShare` of the demand.
 */
import { greatCircleKm } from '../../../core/geo.ts';
import type {
  PlacementChild,
  PlacementProblem,
  PlacementSchool,
  SchoolForm,
  SeatGroup,
  SeatKind,
} from './types.ts';

export type GenerateOptions = {
  seed: number;
  children: number;
  schools: number;
  /** Free seats as a share of the children (default 0.9). */
  seatShare?: number;
  /** Share of families that name a preferred school (default 0.2). */
  preferredShare?: number;
  bounds?: { latMin: number; latMax: number; lonMin: number; lonMax: number };
} & PlacementStructure;

/**
 * Knobs that change an instance's structure (issue 12, "Test on families"). Unset knobs keep the default
 * generator and its random sequence (the same seed gives the same instance as before the knobs existed).
 */
export type PlacementStructure = {
  /** Free seats as a share of the children (default 0.9): below 0.8 tight, above 1 loose. */
  seatShare?: number;
  /** Share of families that name a preferred school (default 0.2). */
  preferredShare?: number;
  /** 'large': families of 2–6 (default 1–4, a third single). */
  familySizes?: 'default' | 'large';
  /** 'clustered': four tight districts; 'spread': homes and schools anywhere in the city. */
  geography?: 'default' | 'clustered' | 'spread';
  /** Share of children no seat group matches (a form the city has no seats of for the grade): default 0. */
  unplaceableShare?: number;
};

/** The families of instances the benchmark and the tests draw from (issue 12). */
export const PLACEMENT_FAMILIES: Record<string, PlacementStructure> = {
  default: {},
  tight: { seatShare: 0.7 },
  loose: { seatShare: 1.2 },
  clustered: { geography: 'clustered' },
  spread: { geography: 'spread' },
  'large-families': { familySizes: 'large' },
  preferences: { preferredShare: 0.6 },
  unplaceable: { unplaceableShare: 0.1 },
};

export const DUISBURG = { latMin: 51.33, latMax: 51.56, lonMin: 6.63, lonMax: 6.83 };

/** mulberry32: small, seeded, good enough for test data. */
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

type Band = [number, number];
const PRIMARY_BANDS: Band[] = [
  [1, 2],
  [3, 4],
];
const LOWER_BANDS: Band[] = [
  [5, 6],
  [7, 8],
  [9, 10],
];
const UPPER_BAND: Band = [11, 13];

/** The mix of school forms among the schools (Duisburg has about 75 Grundschulen among 200 schools). */
const FORM_MIX: [SchoolForm, number][] = [
  ['grundschule', 0.38],
  ['hauptschule', 0.09],
  ['realschule', 0.12],
  ['gesamtschule', 0.13],
  ['gymnasium', 0.18],
  ['berufskolleg', 0.1],
];

function bandsOf(form: SchoolForm): Band[] {
  switch (form) {
    case 'grundschule':
      return PRIMARY_BANDS;
    case 'hauptschule':
    case 'realschule':
      return LOWER_BANDS;
    case 'gesamtschule':
    case 'gymnasium':
      return [...LOWER_BANDS, UPPER_BAND];
    case 'berufskolleg':
      return [UPPER_BAND];
  }
}

/** The forms an assessment names for a child of this grade (and age, for the Berufskolleg). */
function formsFor(grade: number, random: () => number): SchoolForm[] {
  if (grade <= 4) return ['grundschule'];
  if (grade <= 10) {
    const r = random();
    if (r < 0.3) return ['hauptschule', 'gesamtschule'];
    if (r < 0.6) return ['realschule', 'gesamtschule'];
    if (r < 0.8) return ['gymnasium', 'gesamtschule'];
    if (r < 0.9) return ['hauptschule', 'realschule', 'gesamtschule'];
    return ['gesamtschule'];
  }
  const r = random();
  if (r < 0.4) return ['berufskolleg'];
  if (r < 0.7) return ['gesamtschule', 'gymnasium'];
  return ['gymnasium', 'gesamtschule', 'berufskolleg'];
}

export function generatePlacementProblem(options: GenerateOptions): PlacementProblem {
  const random = prng(options.seed);
  const bounds = options.bounds ?? DUISBURG;
  const seatShare = options.seatShare ?? 0.9;
  const preferredShare = options.preferredShare ?? 0.2;
  const between = (a: number, b: number) => a + (b - a) * random();
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // districts: people and schools cluster around a dozen centres
  const clustered = options.geography === 'clustered';
  const spreadFactor = clustered ? 0.4 : 1;
  const centres = Array.from({ length: clustered ? 4 : 12 }, () => ({
    lat: between(bounds.latMin + 0.02, bounds.latMax - 0.02),
    lon: between(bounds.lonMin + 0.02, bounds.lonMax - 0.02),
  }));
  const place = () => {
    if (options.geography === 'spread')
      return { lat: between(bounds.latMin, bounds.latMax), lon: between(bounds.lonMin, bounds.lonMax) };
    const c = centres[Math.floor(random() * centres.length)] as { lat: number; lon: number };
    return {
      lat: Math.min(bounds.latMax, Math.max(bounds.latMin, c.lat + gauss() * 0.025 * spreadFactor)),
      lon: Math.min(bounds.lonMax, Math.max(bounds.lonMin, c.lon + gauss() * 0.035 * spreadFactor)),
    };
  };
  const round = (x: number) => Math.round(x * 1e5) / 1e5;

  const schools: PlacementSchool[] = [];
  for (let s = 0; s < options.schools; s++) {
    let r = random();
    let form: SchoolForm = 'grundschule';
    for (const [f, share] of FORM_MIX) {
      form = f;
      if (r < share) break;
      r -= share;
    }
    const p = place();
    const seats: SeatGroup[] = [];
    const kinds: SeatKind[] = random() < 0.75 ? ['support', 'regular'] : ['regular'];
    for (const [gradeFrom, gradeTo] of bandsOf(form)) {
      for (const kind of kinds) seats.push({ form, gradeFrom, gradeTo, kind, free: 0 });
    }
    schools.push({ id: `s${s + 1}`, location: { lat: round(p.lat), lon: round(p.lon) }, seats });
  }

  const children: PlacementChild[] = [];
  let family = 0;
  while (children.length < options.children) {
    family++;
    const r = random();
    const wanted =
      options.familySizes === 'large'
        ? 2 + Math.floor(r * 5)
        : r < 0.35
          ? 1
          : r < 0.65
            ? 2
            : r < 0.87
              ? 3
              : 4;
    const size = Math.min(options.children - children.length, wanted);
    const home = place();
    const kind: SeatKind = random() < 0.65 ? 'support' : 'regular';
    const first = 1 + Math.floor(random() * 13);
    const prefers = random() < preferredShare;
    for (let k = 0; k < size; k++) {
      const grade =
        k === 0
          ? first
          : Math.min(13, Math.max(1, first + (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 4))));
      const forms = formsFor(grade, random);
      // siblings mostly share the kind of class (same time in Germany)
      const childKind: SeatKind = random() < 0.85 ? kind : kind === 'support' ? 'regular' : 'support';
      let preferredSchoolId: string | null = null;
      if (prefers) {
        const near = schools
          .filter((s) => s.seats.some((seat) => forms.includes(seat.form)))
          .map((s) => ({ s, km: greatCircleKm(home, s.location) }))
          .sort((a, b) => a.km - b.km)
          .slice(0, 5);
        const pick = near[Math.floor(random() * near.length)];
        preferredSchoolId = pick ? pick.s.id : null;
      }
      children.push({
        id: `c${children.length + 1}`,
        grade,
        forms,
        kind: childKind,
        home: { lat: round(home.lat), lon: round(home.lon) },
        waitingWeeks: Math.floor(random() * 40),
        familyId: size > 1 ? `f${family}` : null,
        preferredSchoolId,
      });
    }
  }

  // children no seat group matches: a Grundschule assessment for grade 11–13 (a separate random stream, so that
  // the rest of the instance stays the seed's)
  const unplaceable = options.unplaceableShare ?? 0;
  if (unplaceable > 0) {
    const other = prng(options.seed ^ 0x5bd1e995);
    for (const child of children) {
      if (other() >= unplaceable) continue;
      child.grade = 11 + Math.floor(other() * 3);
      child.forms = ['grundschule'];
    }
  }
  // seats: per grade band and kind, about seatShare of the children of that band, spread over its groups
  const demand = new Map<string, number>();
  const bandKey = (grade: number) =>
    grade <= 2
      ? '1-2'
      : grade <= 4
        ? '3-4'
        : grade <= 6
          ? '5-6'
          : grade <= 8
            ? '7-8'
            : grade <= 10
              ? '9-10'
              : '11-13';
  for (const child of children) {
    if (child.grade > 4 && child.forms.length === 1 && child.forms[0] === 'grundschule') continue; // unplaceable
    const key = `${bandKey(child.grade)}/${child.kind}`;
    demand.set(key, (demand.get(key) ?? 0) + 1);
  }
  const groupsByKey = new Map<string, SeatGroup[]>();
  for (const school of schools) {
    for (const seat of school.seats) {
      const key = `${bandKey(seat.gradeFrom)}/${seat.kind}`;
      const list = groupsByKey.get(key) ?? [];
      list.push(seat);
      groupsByKey.set(key, list);
    }
  }
  for (const [key, groups] of groupsByKey) {
    const total = Math.round((demand.get(key) ?? 0) * seatShare);
    const shares = groups.map(() => 0.2 + random());
    const sum = shares.reduce((a, b) => a + b, 0);
    let left = total;
    groups.forEach((seat, k) => {
      const free =
        k === groups.length - 1 ? left : Math.min(left, Math.round((total * (shares[k] as number)) / sum));
      seat.free = free;
      left -= free;
    });
  }
  return {
    weights: { unplaced: 1000, waitingWeek: 10, km: 1, preference: 5, siblingSplit: 300 },
    schools,
    children,
  };
}
