/** Label keys of the schooling module's fixed values, written out in full so the i18n check sees them. */

import type {
  AppointmentStatus,
  ChildState,
  PlacementStatus,
  SchoolForm,
  SeatKind,
} from '../../../../server/modules/schooling/schooling.terms.ts';

// The values are the server's terms (one list for tables, schemas, the placement contract and forms).
export {
  SCHOOL_FORMS,
  type SchoolForm,
  SEAT_KINDS,
  type SeatKind,
} from '../../../../server/modules/schooling/schooling.terms.ts';

/** Whether a string from the API is one of a list's terms. */
export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return (list as readonly (string | null | undefined)[]).includes(value);
}

export const FORM_LABEL: Record<SchoolForm, string> = {
  grundschule: 'schooling:forms.grundschule',
  hauptschule: 'schooling:forms.hauptschule',
  realschule: 'schooling:forms.realschule',
  gesamtschule: 'schooling:forms.gesamtschule',
  gymnasium: 'schooling:forms.gymnasium',
  berufskolleg: 'schooling:forms.berufskolleg',
};

export const KIND_LABEL: Record<SeatKind, string> = {
  support: 'schooling:kinds.support',
  regular: 'schooling:kinds.regular',
};

/** Grades a child can be assessed for (Grundschule 1 up to Berufskolleg 13). */
export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;

export const STATE_LABEL: Record<ChildState, string> = {
  registered: 'schooling:states.registered',
  counselled: 'schooling:states.counselled',
  assessed: 'schooling:states.assessed',
  waiting: 'schooling:states.waiting',
  proposed: 'schooling:states.proposed',
  confirmed: 'schooling:states.confirmed',
  accepted: 'schooling:states.accepted',
  attending: 'schooling:states.attending',
};

export const STATE_BADGE = {
  registered: 'info',
  counselled: 'info',
  assessed: 'info',
  waiting: 'warning',
  proposed: 'info',
  confirmed: 'info',
  accepted: 'success',
  attending: 'success',
} as const satisfies Record<ChildState, string>;

export const PLACEMENT_LABEL: Record<PlacementStatus, string> = {
  proposed: 'schooling:placementStatus.proposed',
  confirmed: 'schooling:placementStatus.confirmed',
  accepted: 'schooling:placementStatus.accepted',
  refused: 'schooling:placementStatus.refused',
  superseded: 'schooling:placementStatus.superseded',
};

export const APPOINTMENT_LABEL: Record<AppointmentStatus, string> = {
  planned: 'schooling:appointment.planned',
  held: 'schooling:appointment.held',
  cancelled: 'schooling:appointment.cancelled',
};

/** Consent purposes the intake records; others are shown by their code. */
export const CONSENT_LABEL: Record<string, string> = {
  'schooling.counselling': 'schooling:consent.counselling',
  'schooling.share_with_school': 'schooling:consent.shareWithSchool',
};
