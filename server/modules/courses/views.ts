import type { Ctx } from '../../core/context.ts';
import type { CourseRow, Occupancy } from './courses.repository.ts';
import type { CourseView } from './courses.schema.ts';
import type { CourseKind, CourseLevel, CourseTargetGroup, EnrolmentMode } from './courses.terms.ts';

const EMPTY: Occupancy = { places: 0, childcare: 0, waiting: 0 };

/** A course's name in the reader's language, German when it has none. */
export const nameIn = (locale: string, name: Record<string, string>) => name[locale] ?? name.de ?? '';

/** A course as the API shows it: free places from what enrolments hold now. */
export function courseView(ctx: Ctx, row: CourseRow, occupancy: Occupancy | undefined): CourseView {
  const held = occupancy ?? EMPTY;
  return {
    id: row.id,
    name: nameIn(ctx.locale, row.name),
    kind: row.kind as CourseKind,
    level: row.level as CourseLevel,
    targetGroup: row.targetGroup as CourseTargetGroup,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    instructionLanguages: row.instructionLanguages,
    supportLanguages: row.supportLanguages,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    sessions: row.sessions as CourseView['sessions'],
    placeName: row.placeName,
    address: row.address,
    ortsteilId: row.ortsteilId,
    districtId: row.districtId,
    capacity: row.capacity,
    capacityFree: Math.max(0, row.capacity - held.places),
    childcarePlaces: row.childcarePlaces,
    childcareFree: Math.max(0, row.childcarePlaces - held.childcare),
    childcareAgeMin: row.childcareAgeMin,
    childcareAgeMax: row.childcareAgeMax,
    waiting: held.waiting,
    costCents: row.costCents,
    enrolment: row.enrolment as EnrolmentMode,
    externalUrl: row.externalUrl,
    serviceId: row.serviceId,
    organisationId: row.organisationId,
  };
}
