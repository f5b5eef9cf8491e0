import { z } from 'zod';
import { page, pageOf } from '../../core/paging.ts';
import {
  AGE_BANDS,
  ATTENDANCE_STATUSES,
  COURSE_KINDS,
  COURSE_LEVELS,
  ENROLMENT_MODES,
  ENROLMENT_STATUSES,
  GERMAN_LEVELS,
  MAX_CHILD_AGE,
  MOVE_REASONS,
  OTHERS_QUESTION,
  PARTICIPANT_KINDS,
  SESSION_DAYS,
  TARGET_GROUPS,
} from './courses.terms.ts';

const id = z.uuid().describe('Course id (UUID)');
export const idParams = z.object({ id });
export const codeParams = z.object({
  code: z
    .string()
    .min(1)
    .max(64)
    .describe(
      'The enrolment code from the confirmation (e.g. K7QP-2MXD-9RTA-HN4C; any case, dashes optional)',
    ),
});

const day = z.iso.date().describe('A calendar day, YYYY-MM-DD');
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .describe('A time of day, HH:MM');
const language = z
  .string()
  .regex(/^[a-z]{2,3}$/)
  .describe('A language (ISO 639)');
const age = z.number().int().min(0).max(MAX_CHILD_AGE).describe('Age in years');
const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
const translated = z
  .record(language, z.string().trim().min(1).max(200))
  .refine((names) => !!names.de, { message: 'de', path: ['de'] })
  .describe('The course’s name by language; German (de) is required');

const session = z
  .object({
    day: z.enum(SESSION_DAYS).describe('Weekday'),
    from: time.describe('Start, HH:MM'),
    to: time.describe('End, HH:MM'),
  })
  .describe('One weekly session');

// ---------------------------------------------------------------------------------------------------------
// Courses

export const listQuery = z.object({
  ...page,
  kind: z.enum(COURSE_KINDS).optional().describe('Only courses of this kind'),
  district: z
    .string()
    .max(80)
    .optional()
    .describe('Only courses in this Stadtbezirk (id from GET /api/v1/city)'),
  language: language.optional().describe('Only courses taught or supported in this language'),
});

const courseFields = {
  id,
  name: z.string().describe('The course’s name in the reader’s language (German when not translated)'),
  kind: z.enum(COURSE_KINDS).describe('The kind of course'),
  level: z.enum(COURSE_LEVELS).describe('Level: A0 literacy … C1, or a grade band for children'),
  targetGroup: z.enum(TARGET_GROUPS).describe('Who it is for'),
  ageMin: z.number().int().nullable().describe('Children’s courses: youngest age (years)'),
  ageMax: z.number().int().nullable().describe('Children’s courses: oldest age (years)'),
  instructionLanguages: z.array(z.string()).describe('Languages the course is taught in (ISO 639)'),
  supportLanguages: z.array(z.string()).describe('Languages the teachers help in (ISO 639)'),
  startsOn: day.describe('First day'),
  endsOn: day.describe('Last day'),
  sessions: z.array(session).describe('Weekly sessions'),
  placeName: z.string().describe('Where it takes place'),
  address: z.string().describe('The address'),
  ortsteilId: z.string().describe('The Ortsteil (id from GET /api/v1/city)'),
  districtId: z.string().describe('The Stadtbezirk (id from GET /api/v1/city)'),
  capacity: z.number().int().describe('Places in the course'),
  capacityFree: z.number().int().describe('Places free now (neither taken nor held for an offer)'),
  childcarePlaces: z.number().int().describe('Childcare places during the course'),
  childcareFree: z.number().int().describe('Childcare places free now'),
  childcareAgeMin: z.number().int().nullable().describe('Childcare: youngest child (years)'),
  childcareAgeMax: z.number().int().nullable().describe('Childcare: oldest child (years)'),
  waiting: z.number().int().describe('People on the waiting list'),
  costCents: z.number().int().describe('Cost of the whole course in euro cents; 0 is free'),
  enrolment: z.enum(ENROLMENT_MODES).describe('Enrol here, or with the provider (externalUrl)'),
  externalUrl: z.string().nullable().describe('Where to enrol when the provider takes enrolments itself'),
  serviceId: z.uuid().describe('The directory offer (GET /api/v1/directory/services/{id})'),
  organisationId: z.string().describe('The provider'),
};
export const courseItem = z.object(courseFields);
export const coursesReply = pageOf(courseItem);
export const courseReply = courseItem;
export type CourseView = z.infer<typeof courseItem>;

/** A provider's or coordinator's new course. */
export const courseBody = z
  .object({
    organisationId: z.string().min(1).max(80).describe('The provider (organisation id)'),
    name: translated,
    description: z
      .record(language, z.string().trim().min(1).max(4000))
      .refine((texts) => !!texts.de, { message: 'de', path: ['de'] })
      .describe('What the course is about, by language; German (de) is required'),
    kind: z.enum(COURSE_KINDS).describe('The kind of course'),
    level: z.enum(COURSE_LEVELS).describe('The level'),
    targetGroup: z.enum(TARGET_GROUPS).describe('Who it is for'),
    ageMin: age.nullable().optional().describe('Children’s courses: youngest age'),
    ageMax: age.nullable().optional().describe('Children’s courses: oldest age'),
    instructionLanguages: z.array(language).min(1).max(10).describe('Languages it is taught in'),
    supportLanguages: z.array(language).max(20).default([]).describe('Languages the teachers help in'),
    startsOn: day.describe('First day'),
    endsOn: day.describe('Last day'),
    sessions: z.array(session).min(1).max(14).describe('Weekly sessions'),
    place: z
      .object({
        name: text(200, 'The place’s name (a school, a Kita, a centre)'),
        address: text(200, 'Street and number'),
        postcode: z
          .string()
          .regex(/^\d{5}$/)
          .describe('Postcode'),
        ortsteilId: z.string().min(1).max(80).describe('The Ortsteil (id from GET /api/v1/city)'),
        lat: z.number().min(-90).max(90).describe('Latitude (WGS84)'),
        lon: z.number().min(-180).max(180).describe('Longitude (WGS84)'),
        accessible: z.boolean().default(false).describe('Step-free access'),
      })
      .describe('Where the course takes place'),
    capacity: z.number().int().min(1).max(500).describe('Places'),
    childcarePlaces: z.number().int().min(0).max(100).default(0).describe('Childcare places'),
    childcareAgeMin: age.nullable().optional().describe('Childcare: youngest child'),
    childcareAgeMax: age.nullable().optional().describe('Childcare: oldest child'),
    costCents: z.number().int().min(0).max(1_000_000).default(0).describe('Cost in euro cents'),
    enrolment: z.enum(ENROLMENT_MODES).describe('Enrol here or with the provider'),
    externalUrl: z
      .url()
      .max(500)
      .nullable()
      .optional()
      .describe('The provider’s enrolment page (for "external")'),
    phone: z.string().max(40).nullable().optional().describe('The provider’s phone for questions'),
    email: z.email().max(200).nullable().optional().describe('The provider’s e-mail for questions'),
  })
  .strict();
export type CourseInput = z.infer<typeof courseBody>;

// ---------------------------------------------------------------------------------------------------------
// Enrolment

export const enrolmentBody = z
  .object({
    participant: z
      .object({
        name: text(200, 'The participant’s name (the parent’s or the child’s)'),
        kind: z
          .enum(PARTICIPANT_KINDS)
          .default('adult')
          .describe('An adult for themselves (default), or a child (a parent enrols)'),
        age: age.nullable().optional().describe('A child’s age in years'),
      })
      .strict()
      .describe('Who takes part'),
    contact: z
      .object({
        phone: z
          .string()
          .trim()
          .regex(/^\+?[0-9 ()/-]{5,30}$/)
          .nullable()
          .optional()
          .describe('A phone number'),
        email: z.email().max(200).nullable().optional().describe('An e-mail address'),
      })
      .strict()
      .describe('One way to reach the person: phone or e-mail (one is enough)'),
    language: language
      .optional()
      .describe('The language for messages (offers) — default: the language of the page'),
    languages: z.array(language).max(10).default([]).describe('Languages the participant speaks'),
    germanLevel: z.enum(GERMAN_LEVELS).nullable().optional().describe('German, self-assessed (optional)'),
    childcare: z
      .array(age)
      .max(6)
      .default([])
      .describe('Ages of the children who need childcare during the course (one place each)'),
    womenOnly: z.boolean().default(false).describe('Wants a women-only course'),
    evening: z.boolean().default(false).describe('Needs evening sessions'),
  })
  .strict();
export type EnrolmentInput = z.infer<typeof enrolmentBody>;

export const enrolledReply = z.object({
  status: z.enum(['enrolled', 'waiting']).describe('A place, or the waiting list'),
  position: z.number().int().nullable().describe('Place on the waiting list (1 = next), null when enrolled'),
  code: z.string().describe('The enrolment code, shown this once: see, cancel or accept an offer with it'),
});

const otherWaiting = z.object({
  courseId: id,
  name: z.string().describe('The course’s name'),
  status: z.enum(ENROLMENT_STATUSES).describe('Waiting, or offered'),
});

/** What the follow page shows: the enrolment as the person sees it by their code. */
export const followReply = z.object({
  course: courseItem.describe('The course'),
  status: z.enum(ENROLMENT_STATUSES).describe('Where the enrolment stands'),
  position: z.number().int().nullable().describe('Place on the waiting list, when waiting'),
  offerExpiresAt: z.iso.datetime().nullable().describe('When offered: until when to accept'),
  participantName: z.string().describe('Who takes part'),
  childcare: z.array(z.number().int()).describe('Ages of the children in childcare'),
  othersQuestion: z
    .enum(OTHERS_QUESTION)
    .nullable()
    .describe('Asked once after getting a place: keep the other waiting places? (open, kept, dropped)'),
  others: z.array(otherWaiting).describe('The person’s other waiting places (same phone or e-mail)'),
  phone: z.string().nullable().describe('The phone number given (null: none)'),
  email: z.string().nullable().describe('The e-mail address given (null: none)'),
  language: z.string().describe('The language messages are written in'),
  womenOnly: z.boolean().describe('Wants a women-only course'),
  evening: z.boolean().describe('Needs evening sessions'),
});
export type FollowView = z.infer<typeof followReply>;

/** The person changes their enrolment by its code: only what is given changes. */
export const enrolmentChangeBody = z
  .object({
    contact: enrolmentBody.shape.contact.optional(),
    language: language.optional().describe('The language for messages'),
    languages: z.array(language).max(10).optional().describe('Languages the participant speaks'),
    germanLevel: z.enum(GERMAN_LEVELS).nullable().optional().describe('German, self-assessed'),
    childcare: z
      .array(age)
      .max(6)
      .optional()
      .describe(
        'Ages of the children who need childcare (a held place needs a free childcare place for more)',
      ),
    womenOnly: z.boolean().optional().describe('Wants a women-only course'),
    evening: z.boolean().optional().describe('Needs evening sessions'),
  })
  .strict();
export type EnrolmentChange = z.infer<typeof enrolmentChangeBody>;

export const othersBody = z
  .object({ keep: z.boolean().describe('Keep the other waiting places (true) or leave them (false)') })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Providers

/** A provider changes a course's places: raised, the waiting list moves up (offers in order of arrival). */
export const capacityBody = z
  .object({
    capacity: z.number().int().min(1).max(500).describe('Places (not below those taken or offered)'),
    childcarePlaces: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe('Childcare places (not below those taken or offered)'),
  })
  .strict();

export const managedReply = z.object({
  items: z.array(courseItem).describe('The courses the caller keeps (coordinators: all)'),
});

const enrolmentItem = z.object({
  id: z.uuid().describe('Enrolment id'),
  arrival: z.number().int().describe('Order of arrival in this course'),
  status: z.enum(ENROLMENT_STATUSES).describe('Where it stands'),
  position: z.number().int().nullable().describe('Place on the waiting list, when waiting'),
  participantName: z.string().describe('Who takes part'),
  participantKind: z.enum(PARTICIPANT_KINDS).describe('Adult or child'),
  participantAge: z.number().int().nullable().describe('A child’s age'),
  phone: z.string().nullable().describe('Phone'),
  email: z.string().nullable().describe('E-mail'),
  language: z.string().describe('Language for messages'),
  languages: z.array(z.string()).describe('Languages spoken'),
  germanLevel: z.enum(GERMAN_LEVELS).nullable().describe('German, self-assessed (null: not given)'),
  childcare: z.array(z.number().int()).describe('Ages of the children in childcare'),
  womenOnly: z.boolean().describe('Wants a women-only course'),
  evening: z.boolean().describe('Needs evening sessions'),
  offerExpiresAt: z.iso.datetime().nullable().describe('When offered: the deadline'),
  createdAt: z.iso.datetime().describe('When it arrived'),
});
const moveItem = z.object({
  enrolmentId: z.uuid().describe('The enrolment'),
  from: z.enum(ENROLMENT_STATUSES).nullable().describe('Status before (null: new)'),
  to: z.enum(ENROLMENT_STATUSES).describe('Status after'),
  by: z.string().describe('Who: "person" (by code), "system", or the staff member’s name'),
  reason: z.enum(MOVE_REASONS).describe('Why'),
  at: z.iso.datetime().describe('When'),
});
/** A course's enrolments, waiting list and moves, for its provider and coordinators (audited). */
export const enrolmentsReply = z.object({
  course: courseItem.describe('The course with its places, childcare places and waiting list'),
  enrolments: z.array(enrolmentItem).describe('Every enrolment in order of arrival'),
  moves: z.array(moveItem).describe('Every move of the waiting list, oldest first'),
});
export const jobReply = z.object({ expired: z.number().int().describe('Offers whose deadline had passed') });

// ---------------------------------------------------------------------------------------------------------
// Demand and planning (coordinators)

const smallCount = z
  .union([z.number().int(), z.literal('<5')])
  .describe('Number of persons; 1–4 are shown as "<5"');

export const demandReply = z.object({
  persons: smallCount.describe('Persons waiting (each once, however many lists they are on)'),
  medianWaitDays: z.number().nullable().describe('Median days waited so far (null under 5 persons)'),
  rows: z
    .array(
      z.object({
        districtId: z.string().describe('The Stadtbezirk of the course they wait for'),
        ortsteilId: z.string().describe('The Ortsteil of the course they wait for'),
        kind: z.enum(COURSE_KINDS).describe('The kind of course'),
        language: z.string().describe('The support language they need (ISO 639; de: German only)'),
        childcare: z.boolean().describe('Needs childcare for a child under 3'),
        persons: smallCount,
        medianWaitDays: z.number().nullable().describe('Median days waited (null under 5 persons)'),
      }),
    )
    .describe('Waiting persons by Ortsteil, kind, support language and childcare need, most first'),
  ageBands: z
    .array(
      z.object({
        band: z.enum(AGE_BANDS).describe('Children by age in years (0_2 … 14_17), or adult'),
        persons: smallCount,
      }),
    )
    .describe('Waiting persons by the participant’s age band'),
  needs: z
    .object({
      childcare: smallCount.describe('Need childcare for a child under 3'),
      womenOnly: smallCount.describe('Want a women-only course'),
      evening: smallCount.describe('Need evening sessions'),
    })
    .describe('Waiting persons by need'),
  unmetSearches: z
    .array(
      z.object({
        words: z.string().describe('The words that found nothing'),
        lang: z.string().describe('The language of the page searched from'),
        districtId: z.string().nullable().describe('The Stadtbezirk searched in (null: anywhere)'),
        count: z.number().int().describe('How often (last 90 days)'),
        lastDay: z.iso.date().describe('The last day it was searched'),
      }),
    )
    .describe('Directory searches for courses that found nothing (last 90 days, most frequent first)'),
});

export const plannerBody = z
  .object({
    groups: z.number().int().min(1).max(200).describe('New course groups the budget allows'),
    groupSize: z.number().int().min(1).max(100).default(12).describe('Places per group'),
    childcarePlaces: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(4)
      .describe('Childcare places per group (for parents of children under 3)'),
    roomsPerPlace: z.number().int().min(1).max(10).default(1).describe('New groups one place can host'),
    places: z
      .array(
        z
          .object({
            id: z.uuid().describe('A candidate place (from an earlier answer’s places)'),
            status: z.enum(['fixed', 'forbidden']).describe('fixed: open a group here; forbidden: none'),
          })
          .strict(),
      )
      .max(500)
      .default([])
      .describe('The coordinator’s fixed and forbidden places'),
  })
  .strict();
export type PlannerInput = z.infer<typeof plannerBody>;

export const plannerReply = z.object({
  objective: z.number().int().describe('Waiting persons who get a place within their travel limit'),
  bound: z
    .number()
    .int()
    .describe('No plan within the budget places more (equal to objective: proven optimal)'),
  gap: z.number().describe('(bound − objective) / bound'),
  seconds: z.number().describe('Time the planner took'),
  status: z.enum(['optimal', 'time_limit']).describe('Proven optimal, or stopped at the time limit'),
  waiting: z.number().int().describe('Waiting persons the plan was made for'),
  proposals: z
    .array(
      z.object({
        place: z.string().describe('The candidate place (id)'),
        placeName: z.string().describe('Its name'),
        language: z.string().describe('The groups’ support language (ISO 639)'),
        groups: z.number().int().describe('Groups to open there'),
        places: z.number().int().describe('Places they open'),
        placed: z.number().int().describe('Waiting persons who take them'),
        childcarePlaced: z.number().int().describe('Of them, parents with a child under 3 in childcare'),
        waitingInReach: z
          .number()
          .int()
          .describe('Persons of this language waiting within their travel limit'),
        ortsteile: z.array(z.string()).describe('Where the placed persons wait, most first'),
        nearestExistingKm: z
          .number()
          .nullable()
          .describe('The nearest running course with this language, km (null: none)'),
        fixed: z.boolean().describe('Fixed by the coordinator'),
      }),
    )
    .describe('Where to open groups, most placed first'),
  places: z
    .array(
      z.object({
        id: z.string().describe('Candidate place id'),
        name: z.string().describe('Its name'),
        status: z.enum(['open', 'fixed', 'forbidden']).describe('The coordinator’s choice'),
      }),
    )
    .describe('Every candidate place (schools, Kitas, centres from the directory)'),
});

// ---------------------------------------------------------------------------------------------------------
// Attendance, completion, certificate (providers)

export const enrolmentParams = z.object({
  id,
  enrolmentId: z.uuid().describe('Enrolment id (UUID)'),
});
export const attendanceQuery = z.object({
  day: day.optional().describe('The session day (default: the latest up to today)'),
});
export const attendanceBody = z
  .object({
    day: day.describe('The session day'),
    marks: z
      .array(
        z
          .object({
            enrolmentId: z.uuid().describe('An enrolled person'),
            status: z.enum(ATTENDANCE_STATUSES).describe('present, absent or excused'),
          })
          .strict(),
      )
      .min(1)
      .max(500)
      .describe('One mark per person'),
  })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceBody>;
export const completionBody = z
  .object({ completed: z.boolean().describe('The person completed the course (true) or not (false)') })
  .strict();

export const attendanceReply = z.object({
  courseId: id,
  name: z.string().describe('The course’s name'),
  day: day.nullable().describe('The session day shown (null: none yet)'),
  days: z.array(day).describe('The course’s session days up to today, latest first'),
  rows: z
    .array(
      z.object({
        enrolmentId: z.uuid().describe('The enrolment'),
        participantName: z.string().describe('Who takes part'),
        status: z
          .enum(ATTENDANCE_STATUSES)
          .nullable()
          .describe('The mark on the day shown (null: not taken)'),
        present: z.number().int().describe('Sessions attended so far'),
        hours: z.number().describe('Hours attended so far'),
        completed: z.boolean().describe('Marked completed (the certificate can be printed)'),
      }),
    )
    .describe('The enrolled persons'),
});
