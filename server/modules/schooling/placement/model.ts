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
  /** The groups of a form and kind whose band holds the grade (computed once per form, kind and grade). */
  const byGrade = new Map<string, number[]>();
  const groupsFor = (form: string, kind: string, grade: number): number[] => {
    const key = `${form}/${kind}/${grade}`;
    let list = byGrade.get(key);
    if (!list) {
      list = (byKey.get(`${form}/${kind}`) ?? []).filter((g) => {
        const seat = schools[groupSchool[g] as number]?.seats[groupSeat[g] as number];
        return seat !== undefined && seat.gradeFrom <= grade && grade <= seat.gradeTo;
      });
      byGrade.set(key, list);
    }
    return list;
  };
  const arcStart = new Int32Array(n + 1);
  // the arcs in growing typed arrays; each child's own arcs are sorted through an index (no objects)
  let capacity = Math.max(1024, n * 8);
  let arcGroup = new Int32Array(capacity);
  let arcCost = new Float64Array(capacity);
  let arcKm = new Float64Array(capacity);
  let arcs = 0;
  const unplacedCost = new Float64Array(n);
  const distance = new Float64Array(schools.length);
  const stamp = new Int32Array(schools.length).fill(-1);
  const localGroup: number[] = [];
  const localCost: number[] = [];
  const localKm: number[] = [];
  const order: number[] = [];
  const byCost = (a: number, b: number) =>
    (localCost[a] as number) - (localCost[b] as number) ||
    (localGroup[a] as number) - (localGroup[b] as number);
  children.forEach((child, i) => {
    arcStart[i] = arcs;
    unplacedCost[i] = weights.unplaced + weights.waitingWeek * child.waitingWeeks;
    const preferred =
      child.preferredSchoolId === null ? -1 : (schoolIndex.get(child.preferredSchoolId) ?? -1);
    localGroup.length = 0;
    localCost.length = 0;
    localKm.length = 0;
    for (const form of child.forms) {
      for (const g of groupsFor(form, child.kind, child.grade)) {
        const s = groupSchool[g] as number;
        if (stamp[s] !== i) {
          stamp[s] = i;
          distance[s] = greatCircleKm(
            child.home,
            (schools[s] as { location: { lat: number; lon: number } }).location,
          );
        }
        const km = distance[s] as number;
        localGroup.push(g);
        localKm.push(km);
        localCost.push(weights.km * km - (s === preferred ? weights.preference : 0));
      }
    }
    const k = localGroup.length;
    if (arcs + k > capacity) {
      capacity = Math.max(2 * capacity, arcs + k);
      const group = new Int32Array(capacity);
      group.set(arcGroup);
      arcGroup = group;
      const cost = new Float64Array(capacity);
      cost.set(arcCost);
      arcCost = cost;
      const km = new Float64Array(capacity);
      km.set(arcKm);
      arcKm = km;
    }
    order.length = k;
    for (let x = 0; x < k; x++) order[x] = x;
    order.sort(byCost);
    for (const x of order) {
      arcGroup[arcs] = localGroup[x] as number;
      arcCost[arcs] = localCost[x] as number;
      arcKm[arcs] = localKm[x] as number;
      arcs++;
    }
  });
  arcStart[n] = arcs;

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
    arcGroup: arcGroup.slice(0, arcs),
    arcCost: arcCost.slice(0, arcs),
    arcKm: arcKm.slice(0, arcs),
    unplacedCost,
    families: members.length,
    familyStart,
    familyMembers,
    familyOf,
    siblingSplit: weights.siblingSplit,
  };
}
