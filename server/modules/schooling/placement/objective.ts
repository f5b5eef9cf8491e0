import { greatCircleKm } from '../../../core/geo.ts';
import { matches } from './model.ts';
import type { Placement, PlacementProblem } from './types.ts';

export type PlacementEvaluation = {
  objective: number;
  placed: number;
  /** Σ over families of (distinct schools of its placed children − 1): the number of sibling-split penalties. */
  siblingsSplit: number;
  /** Families whose placed children attend more than one school. */
  familiesSplit: number;
  /** Σ great-circle km from home to school over placed children. */
  totalKm: number;
};

/**
 * Which seat group (index into the school's `seats`) each placed child takes. A school's children are matched
 * to its seat groups by augmenting paths, so any placement that respects the hard rules gets seats. Throws when
 * a placement breaks a hard rule (unknown child or school, no matching group, more children than seats).
 */
export function assignSeats(problem: PlacementProblem, placements: Placement[]): Map<string, number> {
  const schools = new Map(problem.schools.map((s) => [s.id, s]));
  const children = new Map(problem.children.map((c) => [c.id, c]));
  const bySchool = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const p of placements) {
    if (!children.has(p.childId)) throw new Error(`unknown child ${p.childId}`);
    if (!schools.has(p.schoolId)) throw new Error(`unknown school ${p.schoolId}`);
    if (seen.has(p.childId)) throw new Error(`child ${p.childId} placed twice`);
    seen.add(p.childId);
    const list = bySchool.get(p.schoolId) ?? [];
    list.push(p.childId);
    bySchool.set(p.schoolId, list);
  }
  const result = new Map<string, number>();
  for (const [schoolId, ids] of bySchool) {
    const school = schools.get(schoolId);
    if (!school) continue;
    const options = ids.map((id) => {
      const child = children.get(id);
      const list: number[] = [];
      school.seats.forEach((seat, k) => {
        if (child && seat.free > 0 && matches(child, seat)) list.push(k);
      });
      if (list.length === 0) throw new Error(`child ${id} matches no seat group of school ${schoolId}`);
      return list;
    });
    const holders: number[][] = school.seats.map(() => []);
    const seatOf = new Int32Array(ids.length).fill(-1);
    const tryPlace = (c: number, visited: Uint8Array): boolean => {
      for (const k of options[c] ?? []) {
        if (visited[k]) continue;
        visited[k] = 1;
        const holding = holders[k] as number[];
        if (holding.length < (school.seats[k]?.free ?? 0)) {
          holding.push(c);
          seatOf[c] = k;
          return true;
        }
        for (let h = 0; h < holding.length; h++) {
          const other = holding[h] as number;
          if (tryPlace(other, visited)) {
            holding[h] = c;
            seatOf[c] = k;
            return true;
          }
        }
      }
      return false;
    };
    for (let c = 0; c < ids.length; c++) {
      if (!tryPlace(c, new Uint8Array(school.seats.length))) {
        throw new Error(`school ${schoolId} has not enough matching seats for its children`);
      }
    }
    ids.forEach((id, c) => {
      result.set(id, seatOf[c] as number);
    });
  }
  return result;
}

/** The objective of a placement, computed from the problem alone (issue 5, "Objective"). */
export function evaluatePlacement(problem: PlacementProblem, placements: Placement[]): PlacementEvaluation {
  const { weights } = problem;
  const schools = new Map(problem.schools.map((s) => [s.id, s]));
  const schoolOf = new Map(placements.map((p) => [p.childId, p.schoolId]));
  const familySchools = new Map<string, Set<string>>();
  let objective = 0;
  let totalKm = 0;
  let placed = 0;
  for (const child of problem.children) {
    const schoolId = schoolOf.get(child.id);
    const school = schoolId === undefined ? undefined : schools.get(schoolId);
    if (!school) {
      objective += weights.unplaced + weights.waitingWeek * child.waitingWeeks;
      continue;
    }
    placed++;
    const km = greatCircleKm(child.home, school.location);
    totalKm += km;
    objective += weights.km * km - (child.preferredSchoolId === school.id ? weights.preference : 0);
    if (child.familyId !== null) {
      const set = familySchools.get(child.familyId) ?? new Set<string>();
      set.add(school.id);
      familySchools.set(child.familyId, set);
    }
  }
  let siblingsSplit = 0;
  let familiesSplit = 0;
  for (const set of familySchools.values()) {
    if (set.size > 1) {
      siblingsSplit += set.size - 1;
      familiesSplit++;
    }
  }
  objective += weights.siblingSplit * siblingsSplit;
  return { objective, placed, siblingsSplit, familiesSplit, totalKm };
}
