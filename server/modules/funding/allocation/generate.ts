/**
 * Seeded allocation problems the size of a city's call (or far larger, for the benchmark): scores, requests of
 * 1,000–20,000 €, a third accepting a cut to 60–90 %, seven Stadtbezirke, a third first-time applicants.
 */
import type { AllocationProblem } from './types.ts';

const DISTRICTS = [
  'walsum',
  'hamborn',
  'meiderich-beeck',
  'homberg-ruhrort-baerl',
  'mitte',
  'rheinhausen',
  'sued',
];

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateAllocationProblem(options: {
  seed: number;
  applications: number;
  /** The budget as a share of all requests. */
  budgetShare?: number;
  perDistrict?: number;
  firstTimeShare?: number;
  districts?: number;
}): AllocationProblem {
  const next = random(options.seed);
  const districts = DISTRICTS.slice(0, options.districts ?? DISTRICTS.length);
  // Small districts: the southern and western ones get fewer applications, so their floor binds.
  const weights = districts.map((_, d) => (d % 3 === 2 ? 0.3 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = next() * total;
    for (let d = 0; d < districts.length; d++) {
      r -= weights[d] as number;
      if (r <= 0) return districts[d] as string;
    }
    return districts[districts.length - 1] as string;
  };
  const applications = Array.from({ length: options.applications }, (_, i) => {
    const requested = 1000 + Math.floor(next() * 190) * 100;
    const cut = next() < 1 / 3;
    const firstTime = next() < 1 / 3;
    // First-time applicants score a little lower on average (less experience in writing applications).
    const score = Math.round((20 + next() * 75 - (firstTime ? 8 : 0)) * 100) / 100;
    return {
      id: `a${i + 1}`,
      score: Math.max(0, score),
      requested,
      minimum: cut ? Math.round((requested * (0.6 + next() * 0.3)) / 100) * 100 : null,
      district: pick(),
      firstTime,
    };
  });
  const requestedSum = applications.reduce((sum, a) => sum + a.requested, 0);
  return {
    budget: Math.round((requestedSum * (options.budgetShare ?? 0.3)) / 100) * 100,
    floors: { perDistrict: options.perDistrict ?? 0, firstTimeShare: options.firstTimeShare ?? 0 },
    applications,
  };
}
