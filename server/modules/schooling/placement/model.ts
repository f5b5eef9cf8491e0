import { greatCircleKm } from '../../../core/geo.ts';
import type { PlacementProblem } from './types.ts';

/**
 * The problem in typed arrays. Children are 0..n−1, seat groups 0..G−1 (only groups with free > 0),
 * schools 0..S−1. A child's arcs are the seat groups it may take (the hard rules), sorted by cost.
 */
export type Model = {
  n: number;
  groups: number;
  schools: number;
  /** School index and original seat index of each group. */
  groupSchool: Int32Array;
  groupSeat: Int32Array;
  groupFree: Int32Array;
  /** Arcs of child i: arcStart[i] .. arcStart[i+1]−1. */
  arcStart: Int32Array;
  arcGroup: Int32Array;
  /** km × distance − preference (if the group's school is the child's preferred one). */
  arcCost: Float64Array;
  arcKm: Float64Array;
  /** unplaced + waitingWeek × waitingWeeks. */
  unplacedCost: Float64Array;
  /** Families (children without familyId are families of one): members familyStart[f] .. familyStart[f+1]−1. */
  families: number;
  familyStart: Int32Array;
  familyMembers: Int32Array;
  familyOf: Int32Array;
  siblingSplit: number;
};

export function matches(
  child: PlacementProblem['children'][number],
  seat: PlacementProblem['schools'][number]['seats'][number],
): boolean {
  return (
    child.forms.includes(seat.form) &&
    seat.gradeFrom <= child.grade &&
    child.grade <= seat.gradeTo &&
    seat.kind === child.kind
  );
}

export function buildModel(problem: PlacementProblem): Model {
  const { weights, schools, children } = problem;
  const n = children.length;
  const schoolIndex = new Map(schools.map((s, i) => [s.id, i]));
  const groupSchool: number[] = [];
  const groupSeat: number[] = [];
  const groupFree: number[] = [];
  // Groups by form+kind, so a child only looks at groups it could match.
  const byKey = new Map<string, number[]>();
  schools.forEach((school, s) => {
    school.seats.forEach((seat, k) => {
      if (seat.free <= 0) return;
      const g = groupFree.length;
      groupSchool.push(s);
      groupSeat.push(k);
      groupFree.push(seat.free);
      const key = `${seat.form}/${seat.kind}`;
      const list = byKey.get(key) ?? [];
      list.push(g);
      byKey.set(key, list);
    });
  });
  const arcStart = new Int32Array(n + 1);
  const arcGroup: number[] = [];
  const arcCost: number[] = [];
  const arcKm: number[] = [];
  const unplacedCost = new Float64Array(n);
  const distance = new Float64Array(schools.length);
  const stamp = new Int32Array(schools.length).fill(-1);
  children.forEach((child, i) => {
    arcStart[i] = arcGroup.length;
    unplacedCost[i] = weights.unplaced + weights.waitingWeek * child.waitingWeeks;
    const preferred =
      child.preferredSchoolId === null ? -1 : (schoolIndex.get(child.preferredSchoolId) ?? -1);
    const local: { g: number; cost: number; km: number }[] = [];
    for (const form of child.forms) {
      for (const g of byKey.get(`${form}/${child.kind}`) ?? []) {
        const s = groupSchool[g] as number;
        const seat = schools[s]?.seats[groupSeat[g] as number];
        if (!seat || seat.gradeFrom > child.grade || child.grade > seat.gradeTo) continue;
        if (stamp[s] !== i) {
          stamp[s] = i;
          distance[s] = greatCircleKm(
            child.home,
            (schools[s] as { location: { lat: number; lon: number } }).location,
          );
        }
        const km = distance[s] as number;
        local.push({ g, km, cost: weights.km * km - (s === preferred ? weights.preference : 0) });
      }
    }
    local.sort((a, b) => a.cost - b.cost || a.g - b.g);
    for (const arc of local) {
      arcGroup.push(arc.g);
      arcCost.push(arc.cost);
      arcKm.push(arc.km);
    }
  });
  arcStart[n] = arcGroup.length;

  const familyIndex = new Map<string, number>();
  const familyOf = new Int32Array(n);
  const members: number[][] = [];
  children.forEach((child, i) => {
    let f = child.familyId === null ? undefined : familyIndex.get(child.familyId);
    if (f === undefined) {
      f = members.length;
      members.push([]);
      if (child.familyId !== null) familyIndex.set(child.familyId, f);
    }
    familyOf[i] = f;
    members[f]?.push(i);
  });
  const familyStart = new Int32Array(members.length + 1);
  const familyMembers = new Int32Array(n);
  let at = 0;
  members.forEach((list, f) => {
    familyStart[f] = at;
    for (const i of list) familyMembers[at++] = i;
  });
  familyStart[members.length] = at;

  return {
    n,
    groups: groupFree.length,
    schools: schools.length,
    groupSchool: Int32Array.from(groupSchool),
    groupSeat: Int32Array.from(groupSeat),
    groupFree: Int32Array.from(groupFree),
    arcStart,
    arcGroup: Int32Array.from(arcGroup),
    arcCost: Float64Array.from(arcCost),
    arcKm: Float64Array.from(arcKm),
    unplacedCost,
    families: members.length,
    familyStart,
    familyMembers,
    familyOf,
    siblingSplit: weights.siblingSplit,
  };
}
