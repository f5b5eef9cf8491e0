/** The facts behind each proposal; the web and the CLI's readers turn them into sentences (locale strings). */
import { greatCircleKm } from '../../../core/geo.ts';
import type { Model } from './model.ts';
import type { PlanProposal } from './types.ts';

export function explainPlan(
  m: Model,
  open: Int32Array,
  flows: Map<number, Map<number, number>>,
): PlanProposal[] {
  const { problem } = m;
  const proposals: PlanProposal[] = [];
  for (let t = 0; t < m.nTypes; t++) {
    const groups = open[t] as number;
    if (groups <= 0) continue;
    const place = problem.places[m.typePlace[t] as number];
    if (!place) continue;
    const language = m.languages[m.typeLanguage[t] as number] as string;
    const byCell = flows.get(t) ?? new Map<number, number>();
    let placed = 0;
    let childcarePlaced = 0;
    const byOrtsteil = new Map<string, number>();
    const served = [...byCell].map(([i, persons]) => {
      const d = problem.demand[i];
      placed += persons;
      if (m.cellChildcare[i]) childcarePlaced += persons;
      if (d) byOrtsteil.set(d.ortsteil, (byOrtsteil.get(d.ortsteil) ?? 0) + persons);
      return { demand: d?.id ?? String(i), persons };
    });
    let waitingInReach = 0;
    for (const i of m.typeCells[t] as Int32Array) waitingInReach += m.persons[i] as number;
    let nearest = Infinity;
    for (const course of problem.existingCourses) {
      if (course.language !== language) continue;
      nearest = Math.min(nearest, greatCircleKm(course.point, place.point));
    }
    proposals.push({
      place: place.id,
      placeName: place.name,
      language,
      groups,
      places: groups * m.groupSize,
      placed,
      childcarePlaced,
      waitingInReach,
      ortsteile: [...byOrtsteil]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name]) => name),
      nearestExistingKm: Number.isFinite(nearest) ? Math.round(nearest * 10) / 10 : null,
      fixed: place.status === 'fixed',
      served: served.sort((a, b) => b.persons - a.persons || a.demand.localeCompare(b.demand)),
    });
  }
  return proposals.sort((a, b) => b.placed - a.placed || a.place.localeCompare(b.place));
}
