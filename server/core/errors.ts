/** Every error code the API answers with, and its HTTP status. The web app translates by code (locales/<lang>/errors.json). */
export const ERROR_STATUS = {
  'validation.field': 400,
  'validation.required': 400,
  'validation.invalid_type': 400,
  'validation.too_short': 400,
  'validation.too_long': 400,
  'validation.too_small': 400,
  'validation.too_big': 400,
  'validation.invalid_format': 400,
  'validation.invalid_value': 400,
  'validation.unrecognized_key': 400,
  'validation.body_malformed': 400,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'auth.invalid_credentials': 401,
  'auth.rate_limited': 429,
  'auth.csrf_invalid': 403,
  'auth.token_invalid': 400,
  'auth.wrong_password': 400,
  'auth.password_personal': 400,
  'auth.password_pattern': 400,
  'auth.password_common': 400,
  'auth.account_disabled': 403,
  not_found: 404,
  route_not_found: 404,
  'conflict.exists': 409,
  'consent.required': 409,
  'consent.withdrawn': 409,
  'xliff.malformed': 400,
  'xliff.foreign': 400,
  'xliff.wrong_language': 400,
  'xliff.unknown_unit': 400,
  'xliff.too_complex': 400,
  'feature.disabled': 409,
  'schooling.address_unknown': 400,
  'schooling.ortsteil_required': 400,
  'schooling.contact_required': 400,
  'schooling.not_a_school': 400,
  'schooling.not_a_caseworker': 400,
  'schooling.grade_band': 400,
  'schooling.band_twice': 400,
  'schooling.date_order': 400,
  'schooling.wrong_state': 409,
  'schooling.nothing_to_place': 409,
  'schooling.letter_not_ready': 409,
  'guides.double_booking': 409,
  'guides.request_not_open': 409,
  'guides.proposal_closed': 409,
  'guides.not_a_guide': 400,
  'guides.no_profile': 409,
  'guides.period_too_long': 400,
  'guides.in_the_past': 400,
  'guides.guide_unfit': 409,
  'guides.too_early': 409,
  'guides.nothing_logged': 409,
  'guides.run_not_in_review': 409,
  'pages.wrong_state': 409,
  'mt.failed': 502,
  'reports.photo_type': 400,
  'reports.photo_too_large': 413,
  'reports.photo_count': 409,
  'network.no_actor': 409,
  'network.actor_pending': 409,
  'network.ortsteil_unknown': 400,
  'network.district_unknown': 400,
  'network.time_order': 400,
  'network.date_order': 400,
  'network.rrule_invalid': 400,
  'network.too_many_occurrences': 400,
  'network.no_occurrences': 400,
  'network.period_too_long': 400,
  'network.outside_horizon': 400,
  'network.in_the_past': 400,
  'network.booking_too_long': 400,
  'network.room_taken': 409,
  'network.booking_decided': 409,
  'network.feed_url': 400,
  'courses.contact_required': 400,
  'courses.childcare_age': 400,
  'courses.no_childcare': 400,
  'courses.date_order': 400,
  'courses.age_order': 400,
  'courses.enrol_elsewhere': 409,
  'courses.ended': 409,
  'courses.no_offer': 409,
  'courses.no_question': 409,
  'courses.no_session': 400,
  'courses.not_completed': 409,
  'counselling.slot_taken': 409,
  'counselling.slot_past': 409,
  'counselling.booking_closed': 409,
  'counselling.case_closed': 409,
  'counselling.outcome_required': 400,
  'counselling.consent_expiry': 400,
  'counselling.unknown_recipient': 400,
  'counselling.break_glass_own': 409,
  'funding.category_not_eligible': 400,
  'funding.over_maximum': 400,
  'funding.budget_sums': 400,
  'funding.minimum_invalid': 400,
  'funding.district_unknown': 400,
  'funding.date_order': 400,
  'funding.document_type': 400,
  'funding.document_too_large': 413,
  'funding.criterion_unknown': 400,
  'funding.amount_invalid': 400,
  'funding.proof_lines': 400,
  'funding.incomplete': 409,
  'funding.wrong_state': 409,
  'funding.deadline_passed': 409,
  'funding.undecided': 409,
  'funding.tranches_sum': 400,
  'funding.claim_over_paid': 400,
  'funding.tranche_paid': 409,
  'funding.already_paid': 409,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'idempotency.key_reused': 422,
  'idempotency.in_progress': 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  busy: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorParams = Record<string, string | number>;

/** The one error type of the application: a stable code, an HTTP status, and the field it is about. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, options: { field?: string; params?: ErrorParams; cause?: unknown } = {}) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.field = options.field;
    this.params = { ...(options.field ? { field: options.field } : {}), ...options.params };
  }
}

/** Factories for the errors services raise most often. */
export const errors = {
  unauthenticated: () => new AppError('auth.unauthenticated'),
  forbidden: () => new AppError('auth.forbidden'),
  notFound: (what?: string) => new AppError('not_found', what ? { params: { what } } : {}),
  invalid: (field: string, code: ErrorCode = 'validation.field', params: ErrorParams = {}) =>
    new AppError(code, { field, params }),
  exists: (field: string) => new AppError('conflict.exists', { field }),
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
