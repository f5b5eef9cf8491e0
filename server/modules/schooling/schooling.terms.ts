/**
 * The schooling module's fixed terms, shared by the server (tables, schemas, the placement contract) and the web
 * app (forms, labels). This file imports nothing, so the web bundle and the pure placement core can take it.
 */

/** School forms in NRW that a newly arrived child can be placed in. */
export const SCHOOL_FORMS = [
  'grundschule',
  'hauptschule',
  'realschule',
  'gesamtschule',
  'gymnasium',
  'berufskolleg',
] as const;
export type SchoolForm = (typeof SCHOOL_FORMS)[number];

/** `support`: a support class (Vorbereitungs-/Sprachförderklasse); `regular`: a regular class with support. */
export const SEAT_KINDS = ['support', 'regular'] as const;
export type SeatKind = (typeof SEAT_KINDS)[number];

/**
 * Where a child stands: registered (intake) → counselled → assessed → waiting (on the list for placement) →
 * proposed (in a placement run) → confirmed (by the caseworker, sent to the school) → accepted (by the school)
 * → attending (first school day recorded). A refusal puts the child back to waiting.
 */
export const CHILD_STATES = [
  'registered',
  'counselled',
  'assessed',
  'waiting',
  'proposed',
  'confirmed',
  'accepted',
  'attending',
] as const;
export type ChildState = (typeof CHILD_STATES)[number];

export const PLACEMENT_STATUSES = ['proposed', 'confirmed', 'accepted', 'refused', 'superseded'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const APPOINTMENT_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
