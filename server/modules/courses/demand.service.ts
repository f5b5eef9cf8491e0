/**
 * The coordinators' demand view (waiting persons by Ortsteil, kind, support language and childcare need, small
 * counts as "<5") and the planner over it: where the budget's new groups should open (planner/, in a worker).
 */
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { localDate } from '../../core/time.ts';
import { listUnmetSearchesAbout, publishedOfferPlaces } from '../directory/index.ts';
import * as repo from './courses.repository.ts';
import type { PlannerInput } from './courses.schema.ts';
import { AGE_BANDS, type AgeBand, type CourseKind } from './courses.terms.ts';
import { type PlanProblem, ProblemError, parsePlanProblem, solvePlanInWorker } from './planner/index.ts';

/** Counts below this are shown as "<5". */
const SMALL_COUNT = 5;
const suppress = (n: number): number | '<5' => (n > 0 && n < SMALL_COUNT ? '<5' : n);
/** Childcare "under 3": parents of small children (travel limit 2 km in the planner). */
const SMALL_CHILD_AGE = 3;
/** The directory's categories whose places can host a new group: schools, Kitas and family centres, meeting places. */
const CANDIDATE_CATEGORIES = ['education', 'family', 'leisure_meeting'];
/** The planner's time in the worker: a proof is usually found in well under a second. */
const PLAN_SECONDS = 10;
const DAY_MS = 86_400_000;

function ageBandOf(kind: string, age: number | null): AgeBand {
  if (kind !== 'child' || age === null) return 'adult';
  if (age < 3) return '0_2';
  if (age < 6) return '3_5';
  if (age < 10) return '6_9';
  if (age < 14) return '10_13';
  return '14_17';
}
/** How many unmet searches for courses the view shows (the most frequent first). */
const UNMET_SHOWN = 20;

type WaitingPerson = {
  ageBand: AgeBand;
  womenOnly: boolean;
  evening: boolean;
  kind: CourseKind;
  ortsteilId: string;
  districtId: string;
  language: string;
  childcare: boolean;
  waitingDays: number;
};

/** The support language a waiting person needs: the first language spoken other than German, else their UI language. */
function supportLanguage(row: { language: string; languages: string[] }): string {
  return row.languages.find((l) => !GERMAN.has(l)) ?? row.language;
}
const GERMAN = new Set(['de', 'deu', 'ger']);

/** Everyone waiting, once per person (the same phone or e-mail on several lists: the earliest enrolment). */
async function waitingPersons(ctx: Ctx): Promise<WaitingPerson[]> {
  const rows = await repo.listWaitingDemand(ctx.db, localDate(ctx.now, ctx.city.profile.timezone));
  const seen = new Set<string>();
  const persons: WaitingPerson[] = [];
  for (const row of rows) {
    if (seen.has(row.contactHash)) continue;
    seen.add(row.contactHash);
    persons.push({
      ageBand: ageBandOf(row.participantKind, row.participantAge),
      womenOnly: row.womenOnly,
      evening: row.evening,
      kind: row.kind as CourseKind,
      ortsteilId: row.ortsteilId,
      districtId: row.districtId,
      language: supportLanguage(row),
      childcare: row.childcareAges.some((age) => age < SMALL_CHILD_AGE),
      waitingDays: Math.max(0, Math.floor((ctx.now.getTime() - row.createdAt.getTime()) / DAY_MS)),
    });
  }
  return persons;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The demand view: waiting persons by Ortsteil, kind, support language and childcare need, by age band and by
 * need (childcare, women-only, evening); small counts "<5"; beside them the directory's searches for courses
 * that found nothing.
 */
export async function readDemand(ctx: Ctx) {
  authorize(ctx, 'courses.demand');
  const persons = await waitingPersons(ctx);
  const groups = new Map<string, { person: WaitingPerson; days: number[] }>();
  for (const person of persons) {
    const key = [person.ortsteilId, person.kind, person.language, person.childcare].join('|');
    const group = groups.get(key) ?? { person, days: [] };
    group.days.push(person.waitingDays);
    groups.set(key, group);
  }
  const rows = [...groups.values()]
    .sort((a, b) => b.days.length - a.days.length || a.person.ortsteilId.localeCompare(b.person.ortsteilId))
    .map(({ person, days }) => ({
      districtId: person.districtId,
      ortsteilId: person.ortsteilId,
      kind: person.kind,
      language: person.language,
      childcare: person.childcare,
      persons: suppress(days.length),
      medianWaitDays: days.length < SMALL_COUNT ? null : median(days),
    }));
  const unmet = await listUnmetSearchesAbout(ctx, 'language_learning');
  const needs = (has: (p: WaitingPerson) => boolean) => suppress(persons.filter(has).length);
  return {
    persons: suppress(persons.length),
    medianWaitDays: persons.length < SMALL_COUNT ? null : median(persons.map((p) => p.waitingDays)),
    rows,
    ageBands: AGE_BANDS.map((band) => ({
      band,
      persons: suppress(persons.filter((p) => p.ageBand === band).length),
    })),
    needs: {
      childcare: needs((p) => p.childcare),
      womenOnly: needs((p) => p.womenOnly),
      evening: needs((p) => p.evening),
    },
    unmetSearches: unmet.slice(0, UNMET_SHOWN).map((u) => ({
      words: u.words,
      lang: u.lang,
      districtId: u.districtId || null,
      count: u.count,
      lastDay: u.lastDay,
    })),
  };
}

/** The planner's problem from the database: the waiting persons, the directory's places, the running courses. */
async function planProblem(ctx: Ctx, input: PlannerInput): Promise<PlanProblem> {
  const ortsteile = new Map(ctx.city.districts.flatMap((d) => d.ortsteile.map((o) => [o.id, o] as const)));
  const cells = new Map<string, PlanProblem['demand'][number]>();
  for (const person of await waitingPersons(ctx)) {
    const ortsteil = ortsteile.get(person.ortsteilId);
    if (!ortsteil) continue;
    const id = `${ortsteil.id}/${person.language}/${person.childcare ? 'childcare' : 'other'}`;
    const cell = cells.get(id) ?? {
      id,
      ortsteil: ortsteil.name,
      point: ortsteil.centre,
      language: person.language,
      childcare: person.childcare,
      persons: 0,
    };
    cell.persons++;
    cells.set(id, cell);
  }
  const status = new Map(input.places.map((p) => [p.id, p.status]));
  const seen = new Set<string>();
  const places: PlanProblem['places'] = [];
  for (const place of await publishedOfferPlaces(ctx.db, { categories: CANDIDATE_CATEGORIES })) {
    if (seen.has(place.locationId)) continue;
    seen.add(place.locationId);
    places.push({
      id: place.locationId,
      name: place.name,
      point: { lat: place.lat, lon: place.lon },
      rooms: input.roomsPerPlace,
      childcarePlaces: input.childcarePlaces,
      status: status.get(place.locationId) ?? 'open',
    });
  }
  input.places.forEach((p, i) => {
    if (!seen.has(p.id)) throw new AppError('validation.invalid_value', { field: `body.places.${i}.id` });
  });
  const running = await repo.listRunningCourseOffers(ctx.db, localDate(ctx.now, ctx.city.profile.timezone));
  const languagesOf = new Map(
    running.map((c) => [c.serviceId, [...c.supportLanguages, ...c.instructionLanguages]]),
  );
  const existing = await publishedOfferPlaces(ctx.db, { serviceIds: [...languagesOf.keys()] });
  return {
    groups: input.groups,
    groupSize: input.groupSize,
    travelKm: { childcare: 2, other: 5 },
    demand: [...cells.values()],
    places,
    existingCourses: existing.flatMap((place) =>
      (languagesOf.get(place.serviceId) ?? []).map((language) => ({
        point: { lat: place.lat, lon: place.lon },
        language,
      })),
    ),
  };
}

/** Runs the planner (in a worker) over the waiting demand; the coordinator's fixed and forbidden places kept. */
export async function runPlanner(ctx: Ctx, input: PlannerInput) {
  authorize(ctx, 'courses.plan');
  const fixed = input.places.filter((p) => p.status === 'fixed').length;
  if (fixed > input.groups) throw new AppError('validation.invalid_value', { field: 'body.groups' });
  if (input.childcarePlaces > input.groupSize) {
    throw new AppError('validation.invalid_value', { field: 'body.childcarePlaces' });
  }
  let problem: PlanProblem;
  try {
    problem = parsePlanProblem(await planProblem(ctx, input));
  } catch (error) {
    if (error instanceof ProblemError) throw new AppError('validation.invalid_value', { field: 'body' });
    throw error;
  }
  const result = await solvePlanInWorker(problem, { timeLimitSeconds: PLAN_SECONDS });
  return {
    objective: result.objective,
    bound: result.bound,
    gap: result.gap,
    seconds: result.seconds,
    status: result.status,
    waiting: result.waiting,
    proposals: result.proposals.map((p) => ({
      place: p.place,
      placeName: p.placeName,
      language: p.language,
      groups: p.groups,
      places: p.places,
      placed: p.placed,
      childcarePlaced: p.childcarePlaced,
      waitingInReach: p.waitingInReach,
      ortsteile: p.ortsteile,
      nearestExistingKm: p.nearestExistingKm,
      fixed: p.fixed,
    })),
    places: problem.places.map((p) => ({ id: p.id, name: p.name, status: p.status ?? 'open' })),
  };
}
