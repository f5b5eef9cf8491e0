import { z } from 'zod';
import { pageOf } from '../../core/paging.ts';
import {
  APPOINTMENT_STATUSES,
  CHILD_STATES,
  PLACEMENT_STATUSES,
  SCHOOL_FORMS,
  SEAT_KINDS,
} from './schooling.terms.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso
  .date()
  .refine((v) => v >= '1900-01-01' && v <= '2199-12-31', 'date out of range')
  .describe('Date, YYYY-MM-DD');
const instant = z.iso
  .datetime({ offset: true })
  .refine((v) => v >= '1900' && v < '2200', 'date out of range')
  .describe('Date and time, ISO 8601 with offset');
const languageCode = z
  .string()
  .regex(/^[a-z]{3}$/, 'ISO 639-3 code')
  .describe('Language, ISO 639-3 (e.g. ara, ukr, ron)');
const uiLanguage = z
  .string()
  .regex(/^[a-z]{2,3}$/)
  .describe('One of the city’s UI languages, e.g. "ar": letters come in it and in German');
const organisationId = z
  .string()
  .regex(/^[a-z0-9-]{2,80}$/)
  .describe('Organisation id of a school');
const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9][0-9 ()/-]*$/, 'phone number')
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 15;
  }, 'phone number')
  .describe('Phone number, e.g. +49 203 1234567');
const grade = z.number().int().min(1).max(13).describe('School grade (Klasse), 1–13');
const form = z.enum(SCHOOL_FORMS).describe('School form');
const seatKind = z
  .enum(SEAT_KINDS)
  .describe(
    'support: support class (Vorbereitungs-/Sprachförderklasse); regular: regular class with support',
  );
/** A count of children: exact from 5 up, "<5" below (small counts are suppressed). */
export const suppressedCount = z
  .union([z.number().int(), z.literal('<5')])
  .describe('Number of children; 1–4 are shown as "<5"');

export const idParams = z.object({ id: z.uuid().describe('Record id (UUID)') });
export const schoolParams = z.object({ schoolId: organisationId });

// ---------------------------------------------------------------------------------------------------------
// Intake

const address = z.strictObject({
  street: text(200).describe('Street and house number'),
  postcode: z
    .string()
    .regex(/^\d{5}$/, 'five digits')
    .describe('Postcode in the city'),
  ortsteilId: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/)
    .optional()
    .describe('Ortsteil; may be left out only when the postcode lies in one Ortsteil'),
  lat: z.number().min(-90).max(90).optional().describe('Latitude; the Ortsteil’s centre when left out'),
  lon: z.number().min(-180).max(180).optional().describe('Longitude; the Ortsteil’s centre when left out'),
});

const childFields = {
  givenName: text(100).describe('Given name'),
  familyName: text(100).describe('Family name'),
  birthDate: day.describe('Date of birth'),
  languages: z.array(languageCode).min(1).max(8).describe('Languages the child speaks, main one first'),
  schoolYears: z.number().int().min(0).max(15).describe('Years of school before arriving'),
  lastGrade: grade.nullable().default(null).describe('Last grade attended, if any'),
  literateLatin: z.boolean().describe('Reads and writes the Latin script'),
  arrivalDate: day.describe('Arrival in Germany'),
  address,
  specialNeeds: z.string().trim().max(1000).nullable().default(null).describe('Special needs, if any'),
  preferredSchoolId: organisationId
    .nullable()
    .default(null)
    .describe('The family’s preferred school, if any'),
};

const contact = z.strictObject({
  guardianName: text(200).describe('Parent or guardian'),
  email: z.email().max(254).nullable().default(null).describe('E-mail for letters'),
  phone: phone.nullable().default(null),
  letterLanguage: uiLanguage,
});

const consents = z.strictObject({
  counselling: z.literal(true).describe('Consent to counselling by the KI (required)'),
  shareWithSchool: z.boolean().describe('Consent to share the record with the school the KI proposes'),
  expiresOn: day.optional().describe('Until when the consents hold; one year from today when left out'),
});

export const createChildBody = z.strictObject({
  ...childFields,
  familyId: z
    .uuid()
    .optional()
    .describe('Family of a sibling already registered; leave out and give `contact` for a new family'),
  contact: contact.optional().describe('Contact of a new family (required without familyId)'),
  consents,
});
export type CreateChildBody = z.infer<typeof createChildBody>;

export const registrationBody = z.strictObject({
  contact,
  children: z.array(z.strictObject(childFields)).min(1).max(8).describe('The children, siblings together'),
  consents,
});
export type RegistrationBody = z.infer<typeof registrationBody>;

export const registrationReply = z.object({
  confirmationCode: z.string().describe('Quote it when calling the KI; nothing else is readable back'),
  children: z.number().int().describe('How many children were registered'),
});

export const updateChildBody = z.strictObject({
  givenName: text(100).optional(),
  familyName: text(100).optional(),
  birthDate: day.optional(),
  languages: z.array(languageCode).min(1).max(8).optional(),
  schoolYears: z.number().int().min(0).max(15).optional(),
  lastGrade: grade.nullable().optional(),
  literateLatin: z.boolean().optional(),
  address: address.optional(),
  specialNeeds: z.string().trim().max(1000).nullable().optional(),
  preferredSchoolId: organisationId.nullable().optional(),
  reviewed: z.literal(true).optional().describe('Marks a registration from the public form as reviewed'),
});
export type UpdateChildBody = z.infer<typeof updateChildBody>;

export const childrenQuery = z.object({
  state: z.enum(CHILD_STATES).optional().describe('Only children in this state'),
  q: z.string().trim().max(100).optional().describe('Part of the name, or the family’s confirmation code'),
  duplicates: z.enum(['true', 'false']).optional().describe('Only possible duplicates'),
  district: z.string().min(1).max(60).optional().describe('Only children living in this Stadtbezirk (id)'),
  min_weeks: z.coerce
    .number()
    .int()
    .min(0)
    .max(520)
    .optional()
    .describe('Only children who have waited at least this many full weeks'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1'),
  per_page: z.coerce.number().int().min(1).max(100).default(50).describe('Items per page, 1–100'),
});
export type ChildrenQuery = z.infer<typeof childrenQuery>;

export const childSummary = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  languages: z.array(z.string()),
  districtId: z.string(),
  state: z.enum(CHILD_STATES),
  familyId: z.string(),
  registeredOn: z.string(),
  source: z.enum(['caseworker', 'public_form']),
  reviewed: z.boolean().describe('false: from the public form, not yet reviewed by a caseworker'),
  possibleDuplicateOf: z.string().nullable().describe('Another child with the same name and birth date'),
  weeksWaiting: z.number().int().describe('Full weeks since registration (up to the first school day)'),
});

export const childrenReply = pageOf(childSummary);

export const createdChildReply = z.object({
  id: z.string(),
  familyId: z.string(),
  possibleDuplicateOf: z.string().nullable(),
});

const consentState = z.object({
  purpose: z.string(),
  valid: z.boolean(),
  expiresAt: z.string().nullable(),
});

const appointment = z.object({
  id: z.string(),
  caseworkerId: z.string(),
  caseworkerName: z.string(),
  startsAt: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  mediatorNeeded: z.boolean(),
  mediatorLanguage: z.string().nullable(),
  guideRequest: z
    .object({
      id: z.string(),
      state: z.string().describe('open, proposed, confirmed, done, cancelled, no_show'),
    })
    .nullable()
    .describe('The mediator booked through the guides module, and where that request stands'),
});

export const mediatorRequestReply = z.object({
  requestId: z.string().describe('The request in the guides module'),
  code: z.string().describe('Its follow code'),
});

const assessment = z.object({
  grade: z.number().int(),
  forms: z.array(form),
  kind: seatKind,
  assessedAt: z.string(),
});

const placementOut = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  runId: z.string().nullable(),
  status: z.enum(PLACEMENT_STATUSES),
  refusalReason: z.string().nullable(),
  startDate: z.string().nullable(),
  firstSchoolDay: z.string().nullable(),
  proposedAt: z.string(),
  explanation: z.string().nullable().describe('Why this school, in the reader’s language'),
});

export const childRecord = childSummary.extend({
  schoolYears: z.number().int(),
  lastGrade: z.number().int().nullable(),
  literateLatin: z.boolean(),
  arrivalDate: z.string(),
  address: z.object({
    street: z.string(),
    postcode: z.string(),
    ortsteilId: z.string(),
    lat: z.number(),
    lon: z.number(),
  }),
  specialNeeds: z.string().nullable(),
  preferredSchoolId: z.string().nullable(),
  firstSchoolDay: z.string().nullable(),
  waitingDays: z.number().int().nullable().describe('Registration to first school day, once it is recorded'),
  family: z.object({
    id: z.string(),
    guardianName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    letterLanguage: z.string(),
    siblings: z.array(z.object({ id: z.string(), givenName: z.string(), state: z.enum(CHILD_STATES) })),
  }),
  consents: z.array(consentState),
  mediator: z
    .object({ language: z.string(), appointmentId: z.string(), startsAt: z.string() })
    .nullable()
    .describe(
      'A language mediator is needed for the next counselling appointment (booking through the guides module)',
    ),
  appointments: z.array(appointment),
  assessment: assessment.nullable(),
  placements: z.array(placementOut),
});

// ---------------------------------------------------------------------------------------------------------
// Counselling and assessment

export const appointmentBody = z.strictObject({
  startsAt: instant,
  caseworkerId: z.uuid().optional().describe('The counselling caseworker; yourself when left out'),
  mediatorLanguage: languageCode
    .nullable()
    .default(null)
    .describe('A language mediator is needed, in this language; null when not'),
});
export type AppointmentBody = z.infer<typeof appointmentBody>;

export const appointmentStatusBody = z.strictObject({
  status: z.enum(['held', 'cancelled']).describe('held: counselling took place; cancelled'),
});

export const appointmentReply = appointment;
export const assessmentReply = assessment;

export const assessmentBody = z.strictObject({
  grade,
  forms: z.array(form).min(1).max(SCHOOL_FORMS.length).describe('School forms that fit'),
  kind: seatKind,
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

// ---------------------------------------------------------------------------------------------------------
// School places

const seatGroupIn = z.strictObject({
  form,
  gradeFrom: grade,
  gradeTo: grade,
  kind: seatKind,
  free: z.number().int().min(0).max(500).describe('Free places now'),
});
export const seatsBody = z.strictObject({
  groups: z.array(seatGroupIn).max(60).describe('Every group of places of the school (the full list)'),
});
export type SeatsBody = z.infer<typeof seatsBody>;

const seatGroupOut = z.object({
  id: z.string(),
  form,
  gradeFrom: z.number().int(),
  gradeTo: z.number().int(),
  kind: seatKind,
  free: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable().describe('Name of who last changed it'),
});

export const schoolSeats = z.object({
  schoolId: z.string(),
  name: z.string(),
  districtId: z.string(),
  address: z.string().nullable(),
  groups: z.array(seatGroupOut),
  lastUpdatedAt: z.string().nullable(),
  lastUpdatedBy: z.string().nullable(),
});
export const schoolsReply = z.object({ items: z.array(schoolSeats) });

export const schoolDirectoryReply = z.object({
  items: z.array(
    z.object({
      id: z.string().describe('Organisation id, for preferredSchoolId'),
      name: z.string(),
      districtId: z.string().describe('Stadtbezirk'),
      address: z.string().nullable(),
      forms: z.array(form).describe('School forms it has places for'),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------------------
// Placement

const explanationOut = z.object({
  childId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  familyId: z.string(),
  placementId: z.string().nullable(),
  placementStatus: z.enum(PLACEMENT_STATUSES).nullable(),
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  km: z.number().nullable(),
  reasons: z.array(z.string()).describe('Reason codes'),
  text: z.string().describe('Why this school / why no place, in the reader’s language'),
});

const seatsToClearOut = z.object({
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  form,
  gradeFrom: z.number().int(),
  gradeTo: z.number().int(),
  kind: seatKind,
  seats: z.number().int().describe('More places here would clear the list of these children'),
});

export const runReply = z.object({
  id: z.string(),
  runAt: z.string(),
  objective: z.number(),
  bound: z.number(),
  gap: z.number(),
  seconds: z.number(),
  childCount: z.number().int(),
  placedCount: z.number().int(),
  children: z.array(explanationOut),
  seatsToClear: z.array(seatsToClearOut),
});

export const confirmBody = z.strictObject({
  placementIds: z
    .array(z.uuid())
    .max(10_000)
    .optional()
    .describe('Confirm only these proposals of the run; all when left out'),
});

export const confirmReply = z.object({ confirmed: z.number().int() });

export const acceptBody = z.strictObject({ startDate: day.describe('The first day the child may come') });
export const refuseBody = z.strictObject({ reason: text(1000).describe('Why the school refuses') });
export const firstDayBody = z.strictObject({ date: day.describe('The child’s first school day') });

/** What a school sees of a child proposed to it (after consent). */
export const schoolChild = z.object({
  placementId: z.string(),
  status: z.enum(PLACEMENT_STATUSES),
  startDate: z.string().nullable(),
  firstSchoolDay: z.string().nullable(),
  childId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  languages: z.array(z.string()),
  schoolYears: z.number().int(),
  lastGrade: z.number().int().nullable(),
  literateLatin: z.boolean(),
  specialNeeds: z.string().nullable(),
  grade: z.number().int().nullable(),
  kind: z.string().nullable(),
  guardianName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export const schoolChildrenReply = z.object({
  items: z
    .array(schoolChild)
    .describe(
      'Children confirmed to the school whose family agreed to share; nothing (not even a count) of others',
    ),
});

export const placementReply = z.object({
  id: z.string(),
  childId: z.string(),
  schoolId: z.string(),
  status: z.enum(PLACEMENT_STATUSES),
  startDate: z.string().nullable(),
  firstSchoolDay: z.string().nullable(),
  waitingDays: z.number().int().nullable(),
});

export const letterQuery = z.object({
  lang: uiLanguage.optional().describe('Language next to German; the family’s when left out'),
});

// ---------------------------------------------------------------------------------------------------------
// Figures

const bucket = z.object({ key: z.string(), count: suppressedCount });

export const figuresReply = z.object({
  asOf: z.string(),
  waiting: z.object({
    total: suppressedCount,
    byAgeBand: z.array(bucket),
    byLanguage: z.array(bucket),
    byDistrict: z.array(bucket),
    byWeeksWaiting: z.array(bucket),
  }),
  timeToPlace: z.object({
    children: suppressedCount.describe('Children with a first school day in the last 12 months'),
    medianDays: z
      .number()
      .nullable()
      .describe('Median days from registration to first school day; null under 5'),
  }),
  freePlaces: z.array(
    z.object({
      form: z.string(),
      districtId: z.string(),
      kind: z.string(),
      free: z.number().int().describe('Free places (not people: not suppressed)'),
    }),
  ),
  forecast: z.object({
    arrivalsLast3Months: suppressedCount,
    byAgeBand: z.array(bucket),
    placesNeededNext3Months: z
      .number()
      .int()
      .nullable()
      .describe('If arrivals continue as in the last 3 months; null when fewer than 5 arrived'),
  }),
});
export type Figures = z.infer<typeof figuresReply>;
