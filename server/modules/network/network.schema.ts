import { z } from 'zod';
import { CATEGORIES, TARGET_GROUPS } from '../directory/directory.terms.ts';
import {
  ACTIVITY_KINDS,
  ACTOR_KINDS,
  ACTOR_STATUSES,
  BOOKING_DECISIONS,
  BOOKING_STATES,
  EQUIPMENT,
  FEED_PROBLEMS,
  MAX_CALENDAR_DAYS,
  MAX_GAP_WEEKS,
} from './network.terms.ts';

const uuid = (what: string) => z.uuid().describe(what);
const day = z.iso.date().describe('A local date of the city, YYYY-MM-DD');
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
  .describe('A local time of the city, HH:MM (24 h)');
const instant = z.iso
  .datetime({ offset: true })
  .refine((v) => v >= '2000' && v < '2200', 'date out of range')
  .describe('Date and time, ISO 8601 with offset');
const slug = (what: string) =>
  z
    .string()
    .regex(/^[a-z0-9-]{2,80}$/)
    .describe(what);
const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
const languageCode = z
  .string()
  .regex(/^[a-z]{3}$/, 'ISO 639-3 code')
  .describe('Language, ISO 639-3 (e.g. tur, ara, ron)');
const targetGroups = z
  .array(z.enum(TARGET_GROUPS))
  .min(1)
  .max(TARGET_GROUPS.length)
  .describe('Target groups (the directory’s list)');

export const idParams = z.object({ id: uuid('Id (UUID)') });
export const contactParams = z.object({
  id: uuid('Actor id (UUID)'),
  contactId: uuid('Contact person id (UUID)'),
});
export const roomParams = z.object({ roomId: slug('Room id (from GET /api/v1/network/rooms)') });

// Actors

const contactBody = z
  .object({
    name: text(120, 'The contact person’s name'),
    role: z.string().trim().max(120).nullable().optional().describe('Their function, e.g. "Projektleitung"'),
    email: z.email().max(200).nullable().optional().describe('E-mail address'),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +()/-]{5,30}$/)
      .nullable()
      .optional()
      .describe('Telephone number'),
    consent: z
      .literal(true)
      .describe(
        'The person agreed to be listed to the network’s staff (internally, never in public): must be true',
      ),
  })
  .strict();
export const newContactBody = contactBody;

const actorFields = {
  kind: z.enum(ACTOR_KINDS).describe('Kind of actor'),
  description: z.string().trim().max(2000).nullable().optional().describe('What the actor does, briefly'),
  districts: z.array(slug('Stadtbezirk id')).min(1).max(10).describe('Stadtbezirke it is active in'),
  topics: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length).describe('Topics (the directory’s categories)'),
  languages: z.array(languageCode).max(20).describe('Languages it works in'),
  targetGroups: z
    .array(z.enum(TARGET_GROUPS))
    .max(TARGET_GROUPS.length)
    .describe('Target groups (the directory’s list)'),
  public: z
    .boolean()
    .describe(
      'Public profile: the actor is the directory’s organization (the same record) and its public activities are in the calendar',
    ),
};

export const actorBody = z
  .object({
    name: text(200, 'The organisation’s name (for a new organisation; staff enter their own organisation)'),
    ...actorFields,
    contacts: z.array(contactBody).max(10).default([]).describe('Contact persons (with their consent)'),
  })
  .strict();
export const actorUpdateBody = z.object(actorFields).partial().strict();

export const actorsQuery = z.object({
  kind: z.enum(ACTOR_KINDS).optional().describe('Only actors of this kind'),
  district: slug('Only actors active in this Stadtbezirk').optional(),
  topic: z.enum(CATEGORIES).optional().describe('Only actors with this topic'),
  targetGroup: z.enum(TARGET_GROUPS).optional().describe('Only actors for this target group'),
  status: z.enum(ACTOR_STATUSES).optional().describe('Only pending or only approved actors'),
});

const contactReply = z.object({
  id: uuid('Contact person id'),
  name: z.string().describe('Name'),
  role: z.string().nullable().describe('Function'),
  email: z.string().nullable().describe('E-mail address'),
  phone: z.string().nullable().describe('Telephone number'),
  consentAt: z.string().describe('When they agreed to be listed'),
});

export const actorReply = z.object({
  id: uuid('Actor id'),
  organisationId: z.string().describe('The platform organisation (the directory’s organization when public)'),
  name: z.string().describe('The organisation’s name'),
  kind: z.enum(ACTOR_KINDS).describe('Kind of actor'),
  status: z.enum(ACTOR_STATUSES).describe('Pending until the KI approves it'),
  description: z.string().nullable().describe('What the actor does'),
  districts: z.array(z.string()).describe('Stadtbezirke'),
  topics: z.array(z.enum(CATEGORIES)).describe('Topics (directory categories)'),
  languages: z.array(z.string()).describe('Languages (ISO 639-3)'),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).describe('Target groups'),
  public: z.boolean().describe('Public profile'),
  contacts: z.array(contactReply).describe('Contact persons who agreed to be listed internally'),
  updatedAt: z.string().describe('Last change'),
});
export const actorsReply = z.object({ items: z.array(actorReply).describe('The register, pending first') });
export const myActorReply = z.object({
  actor: actorReply.nullable().describe('The caller’s organisation’s entry, or null when it has none yet'),
});

// Activities

/** When an activity takes place: a first day and a time of day, or a recurrence. */
const when = {
  date: day.describe('The (first) day, local date YYYY-MM-DD'),
  from: clock.describe('Starts at (local time HH:MM)'),
  to: clock.describe('Ends at (local time HH:MM, the same day, after "from")'),
  rrule: z
    .string()
    .trim()
    .min(6)
    .max(300)
    .nullable()
    .optional()
    .describe(
      'Recurrence: an RFC 5545 RRULE without DTSTART and without times of day, e.g. "FREQ=WEEKLY;BYDAY=TU"; null or absent for one date',
    ),
  exceptions: z.array(day).max(200).default([]).describe('Days it does not take place (local dates)'),
  skipSchoolHolidays: z
    .boolean()
    .default(false)
    .describe('Not in the school holidays of the city profile (NRW in Duisburg)'),
};

export const checkBody = z
  .object({
    actorId: uuid(
      'For whom it is planned (coordinators; staff plan for their own actor, which is left out of the check)',
    )
      .nullable()
      .optional(),
    activityId: uuid('The activity being changed (left out of the check)').nullable().optional(),
    ...when,
    ortsteilId: slug('The Ortsteil (id from GET /api/v1/city)'),
    targetGroups,
  })
  .strict();

export const activityBody = z
  .object({
    actorId: uuid('The actor it belongs to (coordinators; staff enter their own actor’s)')
      .nullable()
      .optional(),
    title: text(160, 'Title, e.g. "Frauencafé"'),
    description: z.string().trim().max(4000).nullable().optional().describe('What happens, for whom'),
    kind: z.enum(ACTIVITY_KINDS).describe('Kind of activity'),
    ...when,
    ortsteilId: slug('The Ortsteil (id from GET /api/v1/city)'),
    place: z.string().trim().max(300).nullable().optional().describe('Where: address or name of the place'),
    roomId: slug('A room of the meeting centre (GET /api/v1/network/rooms)').nullable().optional(),
    targetGroups,
    languages: z.array(languageCode).min(1).max(12).describe('Languages spoken there'),
    public: z.boolean().describe('In the public calendar and feeds (otherwise for the network only)'),
  })
  .strict();

export const overlapItem = z.object({
  activityId: uuid('The other activity'),
  actorName: z.string().describe('The other actor’s name'),
  title: z.string().describe('The other activity’s title'),
  ortsteilId: z.string().describe('Its Ortsteil'),
  start: z.string().describe('Its first overlapping occurrence: start (ISO 8601, UTC)'),
  end: z.string().describe('… and end'),
  occurrences: z.number().int().describe('How many of its occurrences overlap in the horizon'),
});
export const checkReply = z.object({
  overlaps: z
    .array(overlapItem)
    .describe(
      'Other actors’ activities for one of the target groups, in the Ortsteil or a neighbouring one, at an overlapping time (at most 50)',
    ),
  horizon: z
    .object({ from: z.string().describe('First day checked'), to: z.string().describe('Last day checked') })
    .describe('The days the recurrences were expanded for'),
  occurrences: z.number().int().describe('How many occurrences of the planned activity were checked'),
});

export const activityReply = z.object({
  id: uuid('Activity id'),
  actorId: uuid('The actor'),
  actorName: z.string().describe('The actor’s name'),
  title: z.string().describe('Title'),
  description: z.string().nullable().describe('Description'),
  kind: z.enum(ACTIVITY_KINDS).describe('Kind'),
  date: z.string().describe('First day'),
  from: z.string().describe('Starts at (local HH:MM)'),
  to: z.string().describe('Ends at (local HH:MM)'),
  rrule: z.string().nullable().describe('Recurrence (RRULE), or null'),
  exceptions: z.array(z.string()).describe('Days left out'),
  skipSchoolHolidays: z.boolean().describe('Not in school holidays'),
  ortsteilId: z.string().describe('Ortsteil'),
  districtId: z.string().describe('Stadtbezirk'),
  place: z.string().nullable().describe('Place'),
  roomId: z.string().nullable().describe('Room of the meeting centre'),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).describe('Target groups'),
  languages: z.array(z.string()).describe('Languages'),
  public: z.boolean().describe('Public'),
});
export const savedActivityReply = z.object({
  activity: activityReply,
  overlaps: z.array(overlapItem).describe('Overlaps at the time of saving (saving is allowed anyway)'),
  occurrences: z.number().int().describe('Occurrences stored within the horizon'),
});
export const activitiesQuery = z.object({
  actorId: uuid('Only this actor’s activities (coordinators; staff see their own)').optional(),
});
export const activitiesReply = z.object({
  items: z.array(activityReply).describe('Activities, soonest first'),
});

// The public calendar

export const calendarQuery = z.object({
  from: day.describe('First day'),
  to: day.describe(`Last day (at most ${MAX_CALENDAR_DAYS} days after "from")`),
  districtId: slug('Only in this Stadtbezirk').optional(),
  ortsteilId: slug('Only in this Ortsteil').optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional().describe('Only for this target group'),
  language: languageCode.optional().describe('Only in this language'),
});
export const calendarItem = z.object({
  activityId: uuid('The activity'),
  title: z.string().describe('Title'),
  description: z.string().nullable().describe('Description'),
  actorName: z.string().describe('Who offers it'),
  start: z.string().describe('Start (ISO 8601, UTC)'),
  end: z.string().describe('End'),
  ortsteilId: z.string().describe('Ortsteil'),
  districtId: z.string().describe('Stadtbezirk'),
  place: z.string().nullable().describe('Place'),
  roomName: z.string().nullable().describe('Room of the meeting centre'),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).describe('Target groups'),
  languages: z.array(z.string()).describe('Languages'),
  recurring: z.boolean().describe('Part of a recurring activity'),
});
export const calendarReply = z.object({
  items: z.array(calendarItem).describe('Occurrences in the window, by start (at most 1,000)'),
});
export const feedQuery = z.object({
  actorId: uuid('Only this actor’s activities').optional(),
  ortsteilId: slug('Only in this Ortsteil').optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional().describe('Only for this target group'),
});

// The gaps view

export const gapsQuery = z.object({
  targetGroup: z.enum(TARGET_GROUPS).describe('The target group to look at'),
  from: day.optional().describe('A day in the first week (default: this week); weeks start on Monday'),
  weeks: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_GAP_WEEKS)
    .default(8)
    .describe(`How many weeks, 1–${MAX_GAP_WEEKS} (default 8)`),
  districtId: slug('Only the Ortsteile of this Stadtbezirk').optional(),
});
export const gapsReply = z.object({
  targetGroup: z.enum(TARGET_GROUPS).describe('The target group looked at'),
  weeks: z.array(day).describe('The Monday of each week, in order'),
  rows: z
    .array(
      z.object({
        ortsteilId: z.string().describe('Ortsteil'),
        districtId: z.string().describe('Its Stadtbezirk'),
        counts: z
          .array(z.number().int())
          .describe(
            'Per week (same order as "weeks"): how many activities for the target group run there; 0 is a gap',
          ),
      }),
    )
    .describe('One row per Ortsteil, in the city profile’s order'),
  gaps: z.number().int().describe('How many Ortsteil × week cells have nothing for the target group'),
});

// Figures

const count = z.union([z.number().int(), z.literal('<5')]).describe('A count; "<5" when between 1 and 4');
export const figuresReply = z.object({
  actors: z.object({
    total: count.describe('Approved actors ("<5" when between 1 and 4)'),
    byKindAndDistrict: z
      .array(
        z.object({
          kind: z.enum(ACTOR_KINDS).describe('Kind of actor'),
          districtId: z
            .string()
            .describe('Stadtbezirk it is active in (one actor counts in each of its own)'),
          count,
        }),
      )
      .describe('Approved actors per kind and Stadtbezirk'),
  }),
  activities: z.object({
    months: z.array(z.string()).describe('The months covered (YYYY-MM): this one and the next five'),
    byMonth: z
      .array(
        z.object({
          month: z.string().describe('Month, YYYY-MM'),
          districtId: z.string().describe('Stadtbezirk'),
          targetGroup: z.enum(TARGET_GROUPS).describe('Target group'),
          count: count.describe('Activities of approved actors meeting that month (each once)'),
        }),
      )
      .describe('Activities per month, Stadtbezirk and target group (only combinations with any)'),
  }),
  rooms: z.object({
    from: day.describe('First day counted'),
    to: day.describe('Last day counted'),
    days: z.number().int().describe('Days counted'),
    items: z
      .array(
        z.object({
          roomId: z.string().describe('Room id'),
          name: z.string().describe('Name'),
          bookings: count.describe('Confirmed bookings'),
          hours: z.number().describe('Hours booked (confirmed)'),
          daysInUse: z.number().int().describe('Days with at least one confirmed booking'),
          rate: z.number().describe('Use rate: days in use ÷ days counted (0–1)'),
        }),
      )
      .describe('Per room of the meeting centre: its use in the last four weeks'),
  }),
});

// Rooms

const roomReply = z.object({
  id: z.string().describe('Room id'),
  name: z.string().describe('Name'),
  capacity: z.number().int().describe('Places'),
  equipment: z.array(z.enum(EQUIPMENT)).describe('Equipment'),
});
export const roomsReply = z.object({
  centre: z
    .object({
      id: z.string().describe('Centre id'),
      name: z.string().describe('Name'),
      organisationId: z
        .string()
        .describe('The organisation that runs the house (its staff decide on requests)'),
      address: z.string().describe('Address'),
      ortsteilId: z.string().describe('Ortsteil'),
    })
    .describe('The meeting centre'),
  rooms: z.array(roomReply).describe('Its rooms'),
});

export const bookingBody = z
  .object({
    actorId: uuid('For which actor (coordinators; staff book for their own)').nullable().optional(),
    activityId: uuid('The activity the room is for').nullable().optional(),
    start: instant.describe('From (ISO 8601 with offset)'),
    end: instant.describe('Until (ISO 8601 with offset, after "start", the same day)'),
    note: z.string().trim().max(1000).nullable().optional().describe('A note to the house'),
  })
  .strict();
export const decisionBody = z
  .object({ decision: z.enum(BOOKING_DECISIONS).describe('Confirm or decline the request') })
  .strict();
export const bookingsQuery = z.object({
  state: z
    .enum(BOOKING_STATES)
    .optional()
    .describe('Only bookings in this state (default: all but cancelled)'),
});
export const bookingReply = z.object({
  id: uuid('Booking id'),
  roomId: z.string().describe('Room'),
  roomName: z.string().describe('Room name'),
  actorId: uuid('The actor'),
  actorName: z.string().describe('The actor’s name'),
  activityId: z.string().nullable().describe('The activity'),
  activityTitle: z.string().nullable().describe('The activity’s title'),
  start: z.string().describe('From'),
  end: z.string().describe('Until'),
  state: z.enum(BOOKING_STATES).describe('Requested, confirmed, declined or cancelled'),
  note: z.string().nullable().describe('Note to the house'),
});
export const bookingsReply = z.object({
  items: z.array(bookingReply).describe('Bookings from today, soonest first'),
});

export const workingGroupsReply = z.object({
  items: z
    .array(
      z.object({
        id: uuid('Working group id'),
        name: z.string().describe('Name'),
        topic: z.enum(CATEGORIES).describe('Topic'),
        members: z
          .array(z.object({ actorId: uuid('Actor'), name: z.string().describe('Actor’s name') }))
          .describe('Member actors'),
      }),
    )
    .describe('Working groups'),
});

export type ActivityBody = z.infer<typeof activityBody>;
export type CheckBody = z.infer<typeof checkBody>;
export type ActorBody = z.infer<typeof actorBody>;

// An actor's iCal feed

export const feedBody = z
  .object({
    url: z
      .string()
      .trim()
      .min(8)
      .max(2000)
      .describe(
        'The address of the actor’s own calendar (an iCalendar feed): http(s):// or webcal://, on the internet',
      ),
    kind: z.enum(ACTIVITY_KINDS).describe('Kind of activity its events become'),
    ortsteilId: slug('The Ortsteil its events take place in (id from GET /api/v1/city)'),
    targetGroups,
    languages: z.array(languageCode).min(1).max(12).describe('Languages spoken at its events'),
    public: z.boolean().describe('Its events are in the public calendar and feeds'),
  })
  .strict();
export type FeedBody = z.infer<typeof feedBody>;

export const feedReply = z.object({
  feed: z
    .object({
      url: z.string().describe('The calendar’s address'),
      kind: z.enum(ACTIVITY_KINDS).describe('Kind of activity its events become'),
      ortsteilId: z.string().describe('The Ortsteil of its events'),
      targetGroups: z.array(z.enum(TARGET_GROUPS)).describe('Target groups of its events'),
      languages: z.array(z.string()).describe('Languages of its events (ISO 639-3)'),
      public: z.boolean().describe('Its events are public'),
      syncedAt: z.string().nullable().describe('The last fetch (ISO 8601), null before the first'),
      okAt: z.string().nullable().describe('The last fetch that was imported'),
      problem: z
        .object({
          code: z.enum(FEED_PROBLEMS).describe('Why the last fetch was not imported'),
          message: z.string().describe('The same in the reader’s language'),
        })
        .nullable()
        .describe('The problem of the last fetch, or null when it was imported'),
      counts: z
        .object({
          created: z.number().int().describe('Events new in the feed, created as activities'),
          updated: z
            .number()
            .int()
            .describe('Changed events (SEQUENCE, LAST-MODIFIED or contents), rewritten'),
          deleted: z.number().int().describe('Events gone from the feed, deleted'),
          unchanged: z.number().int().describe('Events left as they were'),
          skipped: z
            .number()
            .int()
            .describe('Events not imported: cancelled, past, without title, times of day in the rule …'),
        })
        .nullable()
        .describe('What the last imported fetch did'),
      activities: z.number().int().describe('How many activities came from the feed'),
    })
    .nullable()
    .describe('The actor’s feed, or null when it has none'),
});
