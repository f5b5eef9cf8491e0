/**
 * The network module's fixed terms, shared by the server and the web app (this file imports nothing, so the web
 * bundle can take it as it is). Topics and target groups are the directory's (directory.terms.ts).
 */

/** The kinds of actors in the network (the register's own list; the platform's organisation kind is coarser). */
export const ACTOR_KINDS = [
  'administration',
  'provider',
  'migrant_organisation',
  'association',
  'school',
  'kita',
  'religious',
  'initiative',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** The platform's organisation kind of each actor kind (an actor is the platform's organisation, one record). */
export const ORGANISATION_KIND_OF: Record<ActorKind, string> = {
  administration: 'authority',
  provider: 'provider',
  migrant_organisation: 'association',
  association: 'association',
  school: 'school',
  kita: 'provider',
  religious: 'association',
  initiative: 'association',
};

/** An actor entered by itself waits for the KI's approval; one entered by the KI is approved at once. */
export const ACTOR_STATUSES = ['pending', 'approved'] as const;
export type ActorStatus = (typeof ACTOR_STATUSES)[number];

export const ACTIVITY_KINDS = ['event', 'course', 'open_meeting', 'information_day', 'festival'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * A room booking's states. "requested" and "confirmed" hold the room (the exclusion constraint covers both: the
 * first request wins the slot until the house declines it); "declined" and "cancelled" free it.
 */
export const BOOKING_STATES = ['requested', 'confirmed', 'declined', 'cancelled'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
export const BOOKING_DECISIONS = ['confirmed', 'declined'] as const;
export type BookingDecision = (typeof BOOKING_DECISIONS)[number];

/** What a room of the meeting centre has (the city profile lists it per room). */
export const EQUIPMENT = [
  'projector',
  'kitchen',
  'step_free',
  'childcare_corner',
  'sound_system',
  'whiteboard',
  'sewing_machines',
  'computers',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** Frequencies a recurrence may have (RFC 5545 FREQ; times of day come from the activity, not the rule). */
export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;

/**
 * Why an actor's iCal feed was not imported on its last fetch: refused address (private, loopback), not reached,
 * too slow, an HTTP status other than 200, too large, too many redirects, or no iCalendar.
 */
export const FEED_PROBLEMS = [
  'address_refused',
  'unreachable',
  'timeout',
  'status',
  'too_large',
  'too_many_redirects',
  'malformed',
] as const;
export type FeedProblem = (typeof FEED_PROBLEMS)[number];

/** At most this many occurrences of one activity are stored (a daily activity over a year and a half). */
export const MAX_OCCURRENCES = 550;
/** The public calendar answers at most this many days at once. */
export const MAX_CALENDAR_DAYS = 42;
/** The gaps view answers at most this many weeks at once. */
export const MAX_GAP_WEEKS = 13;
