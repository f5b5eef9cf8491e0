import type { CourseInput, EnrolmentInput } from './courses.schema.ts';

let made = 0;

/** A valid course (a Griffbereit group in Marxloh, 10 places, 4 childcare places for 1–3-year-olds). */
export function buildCourse(overrides: Partial<CourseInput> = {}): CourseInput {
  made++;
  return {
    organisationId: 'punte-hochfeld',
    name: { de: `Griffbereit Testgruppe ${made}`, bg: `Griffbereit тестова група ${made}` },
    description: { de: 'Eltern und Kinder von 1 bis 3 Jahren lernen zusammen Deutsch.' },
    kind: 'griffbereit',
    level: 'mixed',
    targetGroup: 'parents',
    instructionLanguages: ['deu'],
    supportLanguages: ['bul', 'ron'],
    startsOn: '2026-11-02',
    endsOn: '2027-06-30',
    sessions: [{ day: 'FR', from: '09:30', to: '11:00' }],
    place: {
      name: 'Familienzentrum Marxloh',
      address: 'Weseler Straße 40',
      postcode: '47169',
      ortsteilId: 'marxloh',
      lat: 51.502,
      lon: 6.778,
      accessible: true,
    },
    capacity: 10,
    childcarePlaces: 4,
    childcareAgeMin: 1,
    childcareAgeMax: 3,
    costCents: 0,
    enrolment: 'here',
    externalUrl: null,
    ...overrides,
  };
}

let person = 0;

/** A valid enrolment: an adult with a phone number, no childcare. */
export function buildEnrolment(overrides: Partial<EnrolmentInput> = {}): EnrolmentInput {
  person++;
  return {
    participant: { name: `Teilnehmerin ${person}`, kind: 'adult', age: null },
    contact: { phone: `+49 203 777 ${String(person).padStart(4, '0')}`, email: null },
    languages: ['bul'],
    germanLevel: 'words',
    childcare: [],
    womenOnly: false,
    evening: false,
    ...overrides,
  };
}
