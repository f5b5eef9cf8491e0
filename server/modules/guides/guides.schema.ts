import { z } from 'zod';
import { page, pageOf } from '../../core/paging.ts';
import {
  DECLINE_REASONS,
  GENDERS,
  GUIDE_KINDS,
  LANGUAGE_LEVELS,
  ONBOARDING_STEPS,
  PROPOSAL_STATES,
  REQUEST_MODES,
  REQUEST_SOURCES,
  REQUEST_STATES,
  RUN_STATES,
  STEP_STATUSES,
  TOPICS,
} from './guides.terms.ts';

const id = z.uuid().describe('Record id (UUID)');
export const idParams = z.object({ id });
export const stepParams = z.object({
  id,
  step: z.enum(ONBOARDING_STEPS).describe('Onboarding step'),
});
export const codeParams = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 .-]{10,30}[A-Za-z0-9]$/)
    .describe(
      'The request code from the confirmation (e.g. K7QP-2MXD-9RTA; any case, dashes and spaces optional)',
    ),
});
export const tokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .describe('The secret token of the calendar link'),
});

const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/)
  .describe('Language code (ISO 639), e.g. "ara", "ron", "kmr"');
const dialect = z
  .string()
  .regex(/^[a-z][a-z-]{1,29}$/)
  .describe('Dialect code, lower case, e.g. "levantine", "iraqi", "kurmanji"');
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .describe('Local time of the city, HH:MM');
const localDate = z.iso.date().describe('Local date of the city, YYYY-MM-DD');
const dateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time with offset');
const lat = z.number().min(-90).max(90).describe('Latitude (WGS84)');
const lon = z.number().min(-180).max(180).describe('Longitude (WGS84)');

export const guideLanguage = z.strictObject({
  code: languageCode,
  level: z.enum(LANGUAGE_LEVELS).describe('native, fluent or basic'),
  dialect: dialect.nullable().default(null).describe('Dialect the guide speaks, if it matters'),
});
export const weeklySlot = z
  .strictObject({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday … 7 = Sunday'),
    from: time,
    to: time,
  })
  .refine((slot) => slot.from < slot.to, { path: ['to'], message: 'to must be after from' });
export const availabilityException = z
  .strictObject({
    from: localDate.describe('First day off'),
    to: localDate.describe('Last day off'),
    note: z.string().trim().max(200).nullable().default(null).describe('Note, e.g. "holiday"'),
  })
  .refine((e) => e.from <= e.to, { path: ['to'], message: 'to must not be before from' });

const profileFields = {
  languages: z.array(guideLanguage).min(1).max(12).describe('Languages the guide speaks'),
  topicsAccepted: z.array(z.enum(TOPICS)).max(TOPICS.length).describe('Topics the guide takes'),
  topicsRefused: z.array(z.enum(TOPICS)).max(TOPICS.length).describe('Topics the guide does not take'),
  districts: z
    .array(z.string().regex(/^[a-z0-9-]{2,40}$/))
    .max(20)
    .describe('Stadtbezirk ids the guide covers (cities/<city>/districts.json)'),
  travelMode: z.string().describe('How the guide travels'),
  home: z.strictObject({ lat, lon }).describe('Where the guide sets out from (approximate is fine)'),
  gender: z.enum(GENDERS).nullable().describe('Optional; for requests that ask for a gender'),
  weekly: z.array(weeklySlot).max(28).describe('Weekly availability in the city’s time zone'),
  exceptions: z.array(availabilityException).max(60).describe('Days off (holidays)'),
  maxPerWeek: z.number().int().min(0).max(50).describe('Most assignments per week'),
  privatePhone: z.string().trim().max(40).nullable().describe('Private phone, for coordinators only'),
  privateEmail: z.email().max(254).nullable().describe('Private e-mail, for coordinators only'),
};

/** A guide edits their own profile (kind and pause are the coordinators’). */
export const ownProfileBody = z.strictObject(profileFields);
export const profileUpdateBody = z.strictObject({
  ...profileFields,
  kind: z.enum(GUIDE_KINDS).describe('volunteer Lotse or paid mediator'),
  active: z.boolean().describe('false pauses the guide: not matched'),
});
export const profileCreateBody = z.strictObject({
  ...profileFields,
  userId: id.describe('The account (role guide) this profile belongs to'),
  kind: z.enum(GUIDE_KINDS).describe('volunteer Lotse or paid mediator'),
});
export const onboardingBody = z
  .strictObject({
    completedOn: localDate.describe('Day the step was completed'),
    expiresOn: localDate.nullable().describe('Day it stops being valid; null: does not expire'),
  })
  .refine((b) => b.expiresOn === null || b.expiresOn >= b.completedOn, {
    path: ['expiresOn'],
    message: 'expiresOn must not be before completedOn',
  });

export const onboardingItem = z.object({
  step: z.enum(ONBOARDING_STEPS).describe('Onboarding step'),
  completedOn: z.string().nullable().describe('Completed on (null: missing)'),
  expiresOn: z.string().nullable().describe('Expires on (null: does not expire)'),
  status: z.enum(STEP_STATUSES).describe('Status today'),
});

export const profileReply = z.object({
  userId: z.string().describe('Account id of the guide'),
  displayName: z.string().describe('Name of the guide'),
  email: z.string().describe('Sign-in e-mail of the guide'),
  kind: z.enum(GUIDE_KINDS).describe('volunteer or mediator'),
  active: z.boolean().describe('false: paused'),
  languages: z.array(
    z.object({
      code: z.string().describe('Language code'),
      level: z.enum(LANGUAGE_LEVELS).describe('Level'),
      dialect: z.string().nullable().describe('Dialect'),
    }),
  ),
  topicsAccepted: z.array(z.string()).describe('Accepted topics'),
  topicsRefused: z.array(z.string()).describe('Refused topics'),
  districts: z.array(z.string()).describe('Districts covered'),
  travelMode: z.string().describe('How the guide travels'),
  home: z.object({ lat: z.number(), lon: z.number() }).describe('Where the guide sets out from'),
  gender: z.string().nullable().describe('Gender, if given'),
  weekly: z.array(
    z.object({
      weekday: z.number().describe('ISO weekday'),
      from: z.string().describe('From HH:MM'),
      to: z.string().describe('To HH:MM'),
    }),
  ),
  exceptions: z.array(
    z.object({
      from: z.string().describe('First day off'),
      to: z.string().describe('Last day off'),
      note: z.string().nullable().describe('Note'),
    }),
  ),
  maxPerWeek: z.number().describe('Most assignments per week'),
  privatePhone: z.string().nullable().describe('Private phone'),
  privateEmail: z.string().nullable().describe('Private e-mail'),
  onboarding: z.array(onboardingItem).describe('Onboarding steps'),
  matchable: z.boolean().describe('Active with every required step valid today'),
});
export const profileSummary = z.object({
  userId: z.string().describe('Account id'),
  displayName: z.string().describe('Name'),
  kind: z.enum(GUIDE_KINDS).describe('volunteer or mediator'),
  active: z.boolean().describe('false: paused'),
  languages: z.array(z.string()).describe('Language codes'),
  districts: z.array(z.string()).describe('Districts covered'),
  matchable: z.boolean().describe('Can be matched today'),
  nextExpiry: z.string().nullable().describe('Earliest expiry of a required step'),
});
export const profilesQuery = z.object({
  language: languageCode.optional(),
  district: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/)
    .optional()
    .describe('Stadtbezirk id'),
  matchable: z.enum(['true', 'false']).optional().describe('Only (not) matchable guides'),
});
export const profilesReply = z.object({ items: z.array(profileSummary) });

const place = z
  .strictObject({
    address: z.string().trim().min(3).max(300).describe('Street and number, postcode'),
    ortsteilId: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/)
      .optional()
      .describe('Ortsteil id; its centre is used when no coordinates are given'),
    lat: lat.optional(),
    lon: lon.optional(),
  })
  .refine((p) => (p.lat === undefined) === (p.lon === undefined), {
    path: ['lon'],
    message: 'give lat and lon together',
  })
  .refine((p) => p.lat !== undefined || p.ortsteilId !== undefined, {
    path: ['ortsteilId'],
    message: 'give coordinates or an Ortsteil',
  });

const requestFields = {
  language: languageCode.describe('Language the newcomer speaks (ISO 639), e.g. "ara"'),
  dialect: dialect.nullable().default(null).describe('Dialect, if it matters'),
  start: dateTime.describe('Start of the appointment'),
  durationMinutes: z.number().int().min(15).max(600).describe('Expected duration in minutes'),
  place,
  topic: z.enum(TOPICS).describe('Topic of the appointment'),
  mode: z.enum(REQUEST_MODES).default('on_site').describe('on_site, phone or video'),
  genderRequired: z.enum(GENDERS).nullable().default(null).describe('Gender the guide must have, if any'),
  urgency: z.number().int().min(0).max(3).default(0).describe('0 = normal … 3 = very urgent'),
  notes: z.string().trim().max(2000).nullable().default(null).describe('Notes for the coordinators'),
  newcomerFirstName: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .nullable()
    .default(null)
    .describe('First name of the newcomer (the guide sees it)'),
  contactOnDay: z
    .string()
    .trim()
    .max(120)
    .nullable()
    .default(null)
    .describe('Phone or name to reach on the day (the guide sees it)'),
  requesterEmail: z.email().max(254).nullable().default(null).describe('Where confirmations go'),
};
export const requestBody = z.strictObject({
  ...requestFields,
  caseRef: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .nullable()
    .default(null)
    .describe('Family or case reference, so the same guide can serve the family again'),
  organisationId: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .default(null)
    .describe('Organisation the request is for (coordinators only; others book for their own)'),
});
export const publicRequestBody = z.strictObject(requestFields);
export const changeRequestBody = z.strictObject({
  start: dateTime.optional(),
  durationMinutes: z.number().int().min(15).max(600).optional().describe('Expected duration in minutes'),
  place: place.optional(),
  notes: z.string().trim().max(2000).nullable().optional().describe('Notes'),
  contactOnDay: z.string().trim().max(120).nullable().optional().describe('Contact on the day'),
  newcomerFirstName: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .nullable()
    .optional()
    .describe('First name of the newcomer'),
});
export const noShowBody = z.strictObject({
  who: z.enum(['newcomer', 'guide']).describe('Who did not come'),
});
export const requestsQuery = z.object({
  state: z.enum(REQUEST_STATES).optional().describe('Only requests in this state'),
  from: localDate.optional().describe('Appointments on or after this day'),
  to: localDate.optional().describe('Appointments on or before this day'),
  ...page,
});

const assignedGuide = z
  .object({
    firstName: z.string().describe('First name of the guide'),
    languages: z.array(z.string()).describe('Languages of the guide'),
  })
  .nullable()
  .describe('The confirmed guide (first name and languages only), or null');
export const requestEvent = z.object({
  at: z.string().describe('When'),
  actorRole: z.string().describe('Role of who did it'),
  fromState: z.string().nullable().describe('State before'),
  toState: z.string().describe('State after'),
  reason: z.string().nullable().describe('Reason code'),
});
export const requestReply = z.object({
  id: z.string().describe('Request id'),
  code: z.string().describe('Code for the public follow link'),
  source: z.enum(REQUEST_SOURCES).describe('Who asked'),
  organisationId: z.string().nullable().describe('Organisation'),
  language: z.string().describe('Language'),
  dialect: z.string().nullable().describe('Dialect'),
  start: z.string().describe('Start'),
  end: z.string().describe('End'),
  durationMinutes: z.number().describe('Duration in minutes'),
  place: z.object({
    address: z.string().nullable().describe('Address'),
    lat: z.number().describe('Latitude'),
    lon: z.number().describe('Longitude'),
    districtId: z.string().nullable().describe('Stadtbezirk'),
  }),
  topic: z.string().describe('Topic'),
  mode: z.string().describe('Mode'),
  genderRequired: z.string().nullable().describe('Gender required'),
  urgency: z.number().describe('Urgency 0–3'),
  notes: z.string().nullable().describe('Notes'),
  caseRef: z.string().nullable().describe('Family or case reference'),
  newcomerFirstName: z.string().nullable().describe('First name of the newcomer'),
  contactOnDay: z.string().nullable().describe('Contact on the day'),
  requesterEmail: z.string().nullable().describe('Requester e-mail'),
  state: z.enum(REQUEST_STATES).describe('State'),
  unmatchedReasons: z.array(z.string()).describe('Why the last matching found no guide'),
  lateCancellation: z.boolean().describe('Cancelled less than 24 h before'),
  noShowBy: z.string().nullable().describe('Who did not come'),
  guide: assignedGuide,
  events: z.array(requestEvent).describe('State changes'),
  createdAt: z.string().describe('Created'),
});
export const requestsReply = pageOf(requestReply.omit({ events: true }));
export const createdRequestReply = z.object({
  id: z.string().describe('Request id'),
  code: z.string().describe('Code for the follow link'),
  url: z.string().describe('Link to follow the request'),
});
export const publicCreatedReply = z.object({
  code: z.string().describe('Code to follow the request; keep it'),
  url: z.string().describe('Link to follow the request'),
});
export const publicRequestReply = z.object({
  code: z.string().describe('The code'),
  state: z.enum(REQUEST_STATES).describe('State'),
  date: z.string().describe('Local date of the appointment'),
  start: z.string().describe('Start'),
  language: z.string().describe('Language'),
});

export const runBody = z
  .strictObject({
    from: localDate.describe('First day of the period'),
    to: localDate.describe('Last day of the period (at most 7 days)'),
  })
  .refine((b) => b.from <= b.to, { path: ['to'], message: 'to must not be before from' });
export const runCreatedReply = z.object({ id: z.string().describe('Run id; poll it') });

export const explanation = z
  .record(z.string(), z.unknown())
  .describe('Why this guide: language, travel minutes, same guide as before, workload');
export const runProposal = z.object({
  id: z.string().describe('Proposal id'),
  requestId: z.string().describe('Request'),
  guideId: z.string().describe('Guide'),
  guideName: z.string().describe('Guide’s name'),
  status: z.enum(PROPOSAL_STATES).describe('Status'),
  deadline: z.string().describe('Answer by'),
  explanation,
  alternatives: z
    .array(
      z.object({
        guideId: z.string().describe('Guide'),
        guideName: z.string().describe('Guide’s name'),
        travelMinutes: z.number().describe('Travel time from home, minutes'),
        sameGuideAsBefore: z.boolean().describe('Served this family before'),
      }),
    )
    .describe('Under review: the eligible guides who could take it instead, best first'),
});
export const unmatchedItem = z.object({
  requestId: z.string().describe('Request'),
  reasons: z.array(z.string()).describe('Why no guide fits'),
  help: z.array(z.record(z.string(), z.unknown())).describe('What would help'),
});
export const runReply = z.object({
  id: z.string().describe('Run id'),
  status: z.enum(RUN_STATES).describe('running, done or failed'),
  periodFrom: z.string().describe('Period start'),
  periodTo: z.string().describe('Period end'),
  requestId: z.string().nullable().describe('The urgent request, for a one-request run'),
  createdAt: z.string().describe('Started'),
  finishedAt: z.string().nullable().describe('Finished'),
  sentAt: z.string().nullable().describe('When the coordinator sent its proposals (null: under review)'),
  discardedAt: z.string().nullable().describe('When a newer run replaced it unsent'),
  inReview: z.boolean().describe('Its draft proposals can still be dropped, swapped and sent'),
  objective: z.number().nullable().describe('Objective value'),
  bound: z.number().nullable().describe('Proven lower bound'),
  gap: z.number().nullable().describe('Optimality gap'),
  seconds: z.number().nullable().describe('Solver time'),
  stats: z.record(z.string(), z.number()).describe('Counts'),
  proposals: z.array(runProposal).describe('Proposals made, with explanations'),
  unmatched: z.array(unmatchedItem).describe('Requests left open, with reasons'),
  suggestions: z.array(z.record(z.string(), z.unknown())).describe('What would help the network'),
});
export const runSummaryReply = runReply.omit({
  proposals: true,
  unmatched: true,
  suggestions: true,
  inReview: true,
});
export const runsReply = z.object({ items: z.array(runSummaryReply) });
export const currentRunsReply = z.object({
  review: runReply.nullable().describe('The newest run not yet sent (under review), if any'),
  lastSent: runSummaryReply.nullable().describe('The newest run whose proposals were sent'),
});
export const runProposalParams = z.strictObject({
  id: id.describe('Run id'),
  proposalId: id.describe('Proposal id'),
});
export const swapBody = z.strictObject({ guideId: id.describe('One of the proposal’s alternatives') });
export const swappedReply = z.object({
  id: z.string().describe('Proposal id'),
  guideId: z.string().describe('The guide now proposed'),
});
export const sentReply = z.object({
  sent: z.number().describe('Proposals sent to guides'),
  skipped: z.number().describe('Drafts dropped because their request was no longer open'),
});

export const assignBody = z.strictObject({ guideId: id.describe('The guide to confirm') });
export const assignedReply = z.object({ assignmentId: z.string().describe('The assignment') });
export const proposeReply = z.object({
  proposalId: z.string().nullable().describe('The proposal made, or null'),
  guideId: z.string().nullable().describe('The guide proposed'),
  reasons: z.array(z.string()).describe('Why no guide fits, when none does'),
});

export const declineBody = z.strictObject({
  reason: z.enum(DECLINE_REASONS).describe('Why the guide declines'),
});

/** What a guide sees of an appointment: only what it needs. */
export const guideAppointment = z.object({
  start: z.string().describe('Start'),
  end: z.string().describe('End'),
  address: z.string().nullable().describe('Address'),
  lat: z.number().describe('Latitude'),
  lon: z.number().describe('Longitude'),
  districtId: z.string().nullable().describe('Stadtbezirk'),
  language: z.string().describe('Language'),
  dialect: z.string().nullable().describe('Dialect'),
  topic: z.string().describe('Topic'),
  mode: z.string().describe('Mode'),
  newcomerFirstName: z.string().nullable().describe('First name of the newcomer'),
  contactOnDay: z.string().nullable().describe('Contact on the day'),
});
export const guideProposal = z.object({
  id: z.string().describe('Proposal id'),
  status: z.enum(PROPOSAL_STATES).describe('Status'),
  deadline: z.string().describe('Answer by'),
  explanation,
  appointment: guideAppointment,
});
export const guideProposalsReply = z.object({ items: z.array(guideProposal) });
export const guideAssignment = z.object({
  id: z.string().describe('Assignment id'),
  requestId: z.string().describe('Request id'),
  state: z.string().describe('confirmed, cancelled or done'),
  appointment: guideAppointment,
});
export const guideAssignmentsReply = z.object({ items: z.array(guideAssignment) });

export const feedReply = z.object({
  url: z.string().describe('Secret calendar link (iCalendar); anyone with it can read the calendar'),
});

export const recruitmentReply = z.object({
  since: z.string().describe('Counted since'),
  languages: z.array(
    z.object({
      language: z.string().describe('Language'),
      unmatched: z.number().describe('Requests left unmatched'),
      guides: z.number().describe('Matchable guides speaking it'),
    }),
  ),
  districts: z.array(
    z.object({
      districtId: z.string().describe('Stadtbezirk'),
      unmatched: z.number().describe('Requests left unmatched'),
      guides: z.number().describe('Matchable guides covering it'),
    }),
  ),
});
