// Value lists of the reports module, shared by tables, schemas, statistics and the web app (imports nothing).

/** Where it happened: an Ortsteil of the city, online, or outside the city. */
export const PLACE_KINDS = ['ortsteil', 'online', 'outside'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** The setting (Lebensbereich), in the categories advice centres publish. */
export const SETTINGS = [
  'authority',
  'police',
  'housing',
  'work',
  'education',
  'health',
  'services',
  'public_space',
  'transport',
  'online',
  'neighbourhood',
] as const;
export type Setting = (typeof SETTINGS)[number];

/** The grounds (AGG and the categories advice centres publish); several per report. */
export const GROUNDS = [
  'racism',
  'antisemitism',
  'antiziganism',
  'religion',
  'gender',
  'sexual_identity',
  'disability',
  'age',
  'social_status',
  'language',
  'residence_status',
  'other',
] as const;
export type Ground = (typeof GROUNDS)[number];

/** What makes it an extremist incident; none: not one. */
export const EXTREMIST_KINDS = ['symbols', 'propaganda', 'attack'] as const;
export type ExtremistKind = (typeof EXTREMIST_KINDS)[number];

/** Who was affected. */
export const AFFECTED = ['me', 'someone_else', 'group'] as const;
export type Affected = (typeof AFFECTED)[number];

/** Whether it was reported to the police. */
export const POLICE = ['yes', 'no', 'unknown'] as const;
export type Police = (typeof POLICE)[number];

/** The case's state in the advice centre. */
export const REPORT_STATUSES = ['new', 'counselling', 'documented', 'referred', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What the advice centre did. */
export const ACTIONS = ['counselling', 'letter', 'mediation', 'referral', 'statement'] as const;
export type ReportAction = (typeof ACTIONS)[number];

/** How the report came in: the public form, or staff entering a call or a visit. */
export const SOURCES = ['online', 'phone', 'in_person'] as const;
export type Source = (typeof SOURCES)[number];
/** How staff received a report they enter themselves. */
export const STAFF_SOURCES = ['phone', 'in_person'] as const satisfies readonly Source[];

/** How a reporter who wants counselling can be reached. */
export const CONTACT_KINDS = ['phone', 'email'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Who wrote a message on a case. */
export const MESSAGE_AUTHORS = ['reporter', 'staff'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** Counts below this leave the module as the string "<5". */
export const SMALL_COUNT = 5;
/** A published count. */
export type Count = number | '<5';

/** The follow code: four groups of four characters (about 78 bits). */
export const CODE_GROUPS = 4;
/** Wrong codes allowed per address (and per first group of the code) within the window; more answer 429. */
export const WRONG_CODE_LIMIT = 20;
export const WRONG_CODE_WINDOW_MS = 10 * 60_000;

/** Photos a reporter may add to a report: JPEG, PNG or WebP, recognised by their first bytes. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
/** At most this many photos per report, each at most this large (before cleaning). */
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/**
 * The optional contact is kept with the reporter's consent, recorded through the platform's consents (subject
 * "report", the report's id): for counselling, for a year; without a valid consent the contact is not shown.
 */
export const CONTACT_CONSENT = { subjectType: 'report', purpose: 'reports.counselling', days: 365 } as const;
