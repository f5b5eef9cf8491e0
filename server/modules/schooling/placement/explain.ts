import { greatCircleKm } from '../../../core/geo.ts';
import { matches } from './model.ts';
import { assignSeats } from './objective.ts';
import type { PlacementProblem, PlacementResult, SchoolForm, SeatKind, UnplacedReason } from './types.ts';

/** A nearer matching school the child did not get, and why. */
export type Alternative = {
  schoolId: string;
  km: number;
  /**
   * `full`: its matching seats all went to other children; `siblings`: it had a seat, but the child's siblings
   * are at the chosen school; `preferred`: the chosen school is the family's preferred one; `overall`: a seat
   * was free, but taking it would have made the whole list worse.
   */
  why: 'full' | 'siblings' | 'preferred' | 'overall';
};

export type ChildExplanation =
  | {
      placed: true;
      childId: string;
      schoolId: string;
      /** Index of the seat group (into the school's `seats`) the child takes. */
      seat: number;
      km: number;
      preferred: boolean;
      /** null: no sibling placed; true: every placed sibling is at this school. */
      siblingsTogether: boolean | null;
      /** Up to three matching schools nearer than the chosen one. */
      alternatives: Alternative[];
    }
  | {
      placed: false;
      childId: string;
      reasons: UnplacedReason[];
      /**
       * The seat band the child needs, e.g. support class, grades 7–8: for `seats_taken` the nearest matching
       * seat group (full), for `no_seat_in_form_grade_kind` the child's first form and own grade.
       */
      detail: {
        form: SchoolForm;
        gradeFrom: number;
        gradeTo: number;
        kind: SeatKind;
        nearestKm: number | null;
      };
    };

export type SeatsToClear = {
  schoolId: string;
  form: SchoolForm;
  gradeFrom: number;
  gradeTo: number;
  kind: SeatKind;
  extraSeats: number;
};

type Child = PlacementProblem['children'][number];

function nearestMatchingGroup(problem: PlacementProblem, child: Child) {
  let best: { schoolId: string; seat: number; km: number } | null = null;
  for (const school of problem.schools) {
    school.seats.forEach((seat, k) => {
      if (seat.free <= 0 || !matches(child, seat)) return;
      const km = greatCircleKm(child.home, school.location);
      if (!best || km < best.km) best = { schoolId: school.id, seat: k, km };
    });
  }
  return best as { schoolId: string; seat: number; km: number } | null;
}

/** Why a child got this school, or why no place (issue 5, "Each child's proposal is explained"). */
export function explainChild(
  problem: PlacementProblem,
  result: PlacementResult,
  childId: string,
): ChildExplanation {
  const child = problem.children.find((c) => c.id === childId);
  if (!child) throw new Error(`unknown child ${childId}`);
  const schools = new Map(problem.schools.map((s) => [s.id, s]));
  const placement = result.placements.find((p) => p.childId === childId);
  if (!placement) {
    const reasons = result.unplaced.find((u) => u.childId === childId)?.reasons ?? ['seats_taken'];
    const nearest = nearestMatchingGroup(problem, child);
    const seat = nearest ? schools.get(nearest.schoolId)?.seats[nearest.seat] : undefined;
    return {
      placed: false,
      childId,
      reasons,
      detail: seat
        ? {
            form: seat.form,
            gradeFrom: seat.gradeFrom,
            gradeTo: seat.gradeTo,
            kind: seat.kind,
            nearestKm: nearest?.km ?? null,
          }
        : {
            form: child.forms[0] as SchoolForm,
            gradeFrom: child.grade,
            gradeTo: child.grade,
            kind: child.kind,
            nearestKm: null,
          },
    };
  }
  const seats = assignSeats(problem, result.placements);
  const school = schools.get(placement.schoolId);
  if (!school) throw new Error(`unknown school ${placement.schoolId}`);
  const km = greatCircleKm(child.home, school.location);
  const schoolOf = new Map(result.placements.map((p) => [p.childId, p.schoolId]));
  const siblingSchools = new Set<string>();
  if (child.familyId !== null) {
    for (const other of problem.children) {
      if (other.id === child.id || other.familyId !== child.familyId) continue;
      const s = schoolOf.get(other.id);
      if (s !== undefined) siblingSchools.add(s);
    }
  }
  const siblingsTogether =
    siblingSchools.size === 0 ? null : siblingSchools.size === 1 && siblingSchools.has(school.id);
  // seats left in each group after this placement
  const used = new Map<string, number>();
  for (const [id, k] of seats)
    used.set(`${schoolOf.get(id)}#${k}`, (used.get(`${schoolOf.get(id)}#${k}`) ?? 0) + 1);
  const alternatives: Alternative[] = [];
  for (const other of problem.schools) {
    if (other.id === school.id) continue;
    const matching = other.seats
      .map((seat, k) => ({ seat, k }))
      .filter(({ seat }) => seat.free > 0 && matches(child, seat));
    if (matching.length === 0) continue;
    const otherKm = greatCircleKm(child.home, other.location);
    if (otherKm >= km) continue;
    const free = matching.some(({ seat, k }) => (used.get(`${other.id}#${k}`) ?? 0) < seat.free);
    const why: Alternative['why'] = !free
      ? 'full'
      : siblingSchools.has(school.id)
        ? 'siblings'
        : child.preferredSchoolId === school.id
          ? 'preferred'
          : 'overall';
    alternatives.push({ schoolId: other.id, km: otherKm, why });
  }
  alternatives.sort((a, b) => a.km - b.km);
  return {
    placed: true,
    childId,
    schoolId: school.id,
    seat: seats.get(childId) ?? 0,
    km,
    preferred: child.preferredSchoolId === school.id,
    siblingsTogether,
    alternatives: alternatives.slice(0, 3),
  };
}

/**
 * Per school and band: how many more places would clear the list. Every unplaced child counts once, at its
 * nearest matching seat group (`seats_taken`), or, when no group matches (`no_seat_in_form_grade_kind`), as a
 * new band for its own grade and kind at the nearest school that teaches one of its forms. With these extra
 * places each unplaced child has a place of its own.
 */
export function seatsToClear(problem: PlacementProblem, result: PlacementResult): SeatsToClear[] {
  const children = new Map(problem.children.map((c) => [c.id, c]));
  const entries = new Map<string, SeatsToClear>();
  const count = (entry: Omit<SeatsToClear, 'extraSeats'>) => {
    const key = `${entry.schoolId}|${entry.form}|${entry.gradeFrom}|${entry.gradeTo}|${entry.kind}`;
    const existing = entries.get(key);
    if (existing) existing.extraSeats++;
    else entries.set(key, { ...entry, extraSeats: 1 });
  };
  for (const u of result.unplaced) {
    const child = children.get(u.childId);
    if (!child) continue;
    const nearest = nearestMatchingGroup(problem, child);
    const seat = nearest
      ? problem.schools.find((s) => s.id === nearest.schoolId)?.seats[nearest.seat]
      : undefined;
    if (nearest && seat) {
      count({
        schoolId: nearest.schoolId,
        form: seat.form,
        gradeFrom: seat.gradeFrom,
        gradeTo: seat.gradeTo,
        kind: seat.kind,
      });
      continue;
    }
    let best: { schoolId: string; form: SchoolForm; km: number } | null = null;
    for (const school of problem.schools) {
      const form = child.forms.find((f) => school.seats.some((seat) => seat.form === f));
      const km = greatCircleKm(child.home, school.location);
      const candidate = {
        schoolId: school.id,
        form: form ?? (child.forms[0] as SchoolForm),
        km: form ? km : km + 1e6,
      };
      if (!best || candidate.km < best.km) best = candidate;
    }
    if (best) {
      count({
        schoolId: best.schoolId,
        form: best.form,
        gradeFrom: child.grade,
        gradeTo: child.grade,
        kind: child.kind,
      });
    }
  }
  return [...entries.values()].sort(
    (a, b) => b.extraSeats - a.extraSeats || a.schoolId.localeCompare(b.schoolId),
  );
}
