/** Label keys of the schooling module's fixed values, written out in full so the i18n check sees them. */

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

export const FORM_LABEL = {
  grundschule: 'schooling:forms.grundschule',
  hauptschule: 'schooling:forms.hauptschule',
  realschule: 'schooling:forms.realschule',
  gesamtschule: 'schooling:forms.gesamtschule',
  gymnasium: 'schooling:forms.gymnasium',
  berufskolleg: 'schooling:forms.berufskolleg',
} as const satisfies Record<SchoolForm, string>;

export const KIND_LABEL = {
  support: 'schooling:kinds.support',
  regular: 'schooling:kinds.regular',
} as const satisfies Record<SeatKind, string>;

/** Grades a child can be assessed for (Grundschule 1 up to Berufskolleg 13). */
export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;

export const STATE_LABEL = {
  registered: 'schooling:states.registered',
  counselled: 'schooling:states.counselled',
  assessed: 'schooling:states.assessed',
  waiting: 'schooling:states.waiting',
  proposed: 'schooling:states.proposed',
  confirmed: 'schooling:states.confirmed',
  accepted: 'schooling:states.accepted',
  attending: 'schooling:states.attending',
} as const;

export const STATE_BADGE = {
  registered: 'info',
  counselled: 'info',
  assessed: 'info',
  waiting: 'warning',
  proposed: 'info',
  confirmed: 'info',
  accepted: 'success',
  attending: 'success',
} as const;

export const PLACEMENT_LABEL = {
  proposed: 'schooling:placementStatus.proposed',
  confirmed: 'schooling:placementStatus.confirmed',
  accepted: 'schooling:placementStatus.accepted',
  refused: 'schooling:placementStatus.refused',
  superseded: 'schooling:placementStatus.superseded',
} as const;

export const APPOINTMENT_LABEL = {
  planned: 'schooling:appointment.planned',
  held: 'schooling:appointment.held',
  cancelled: 'schooling:appointment.cancelled',
} as const;

/** Consent purposes the intake records; others are shown by their code. */
export const CONSENT_LABEL: Record<string, string> = {
  'schooling.counselling': 'schooling:consent.counselling',
  'schooling.share_with_school': 'schooling:consent.shareWithSchool',
};
