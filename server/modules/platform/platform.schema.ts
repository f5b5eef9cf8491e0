import { z } from 'zod';
import { page, pageOf } from '../../core/paging.ts';
import { ORGANISATION_KINDS, ROLES } from '../../core/roles.ts';
import { CONSENT_CHANNELS, SESSION_BROWSERS, SESSION_SYSTEMS } from './platform.terms.ts';

const email = z.string().trim().min(3).max(254).email().describe('E-mail address, used to sign in');
const password = z.string().min(10).max(200).describe('Password: at least 10 characters');
const locale = z
  .string()
  .regex(/^[a-z]{2,3}$/)
  .describe('UI language code, e.g. "de" or "ar"');
const id = z.uuid().describe('Record id (UUID)');

export const idParams = z.object({ id });

export const me = z.object({
  id: z.string().describe('User id'),
  email: z.string().describe('E-mail address'),
  displayName: z.string().describe('Name shown to others'),
  role: z.enum(ROLES).describe('Role'),
  organisationId: z.string().nullable().describe('Organisation the account acts for'),
  organisationName: z.string().nullable().describe('Name of that organisation'),
  organisationKind: z
    .enum(ORGANISATION_KINDS)
    .nullable()
    .describe('Kind of that organisation (e.g. "school", "clinic"): what the account can use depends on it'),
  locale: z.string().describe('Preferred UI language'),
});
export type Me = z.infer<typeof me>;

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1).max(200).describe('Password'),
});
export const sessionReply = z.object({ user: me.nullable().describe('The signed-in user, or null') });
export const userReply = z.object({ user: me });
export const csrfReply = z.object({ token: z.string().describe('Send it as the x-csrf-token header') });

export const updateMeBody = z.strictObject({
  locale: locale.optional(),
  displayName: z.string().trim().min(1).max(120).optional().describe('Name shown to others'),
});
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200).describe('The current password'),
  newPassword: password,
});
export const requestResetBody = z.strictObject({ email });

export const session = z.object({
  id: z.string().describe('Session id (to end it)'),
  createdAt: z.string().describe('Signed in at (ISO 8601)'),
  lastSeenAt: z.string().describe('Last used at, to within a few minutes (ISO 8601)'),
  browser: z
    .enum(SESSION_BROWSERS)
    .nullable()
    .describe('Browser family at sign-in, or null when not recognised'),
  system: z
    .enum(SESSION_SYSTEMS)
    .nullable()
    .describe('Operating system at sign-in, or null when not recognised'),
  current: z.boolean().describe('The session of this request'),
});
export const sessionsReply = z.object({
  items: z.array(session).describe("The account's live sessions, the most recently used first"),
});
export const sessionParams = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('Session id, as the list gives it'),
});
export const endedSessionsReply = z.object({
  ended: z.number().int().describe('How many sessions were ended'),
});
export const confirmResetBody = z.strictObject({
  token: z.string().min(20).max(200).describe('The token from the mailed link'),
  newPassword: password,
});

export const localesReply = z.object({
  items: z.array(
    z.object({
      code: z.string().describe('Language code'),
      nativeName: z.string().describe('Name of the language in itself'),
      direction: z.enum(['ltr', 'rtl']).describe('Writing direction'),
    }),
  ),
});

const point = z.object({ lat: z.number(), lon: z.number() });
const legalPageReply = z.object({
  url: z
    .string()
    .nullable()
    .describe("The city's own page (link out to it), or null: the text is in paragraphs"),
  paragraphs: z.array(z.string()).describe('The text (German, the legal language), paragraph by paragraph'),
});

export const cityReply = z.object({
  id: z.string().describe('City profile id'),
  name: z.string().describe('City name'),
  title: z.string().describe('Title of this Lotse installation'),
  centre: point.describe('Approximate city centre'),
  tileUrl: z.string().nullable().describe('Map tile URL template, or null for markers only'),
  timezone: z
    .string()
    .describe("The city's IANA time zone (e.g. Europe/Berlin): dates and times are entered and shown in it"),
  guideLanguages: z
    .array(z.string())
    .describe('ISO 639-3 codes of the languages the Lotsen network covers, in the profile order'),
  districts: z
    .array(
      z.object({
        id: z.string().describe('Stadtbezirk id'),
        name: z.string().describe('Stadtbezirk name'),
        centre: point.describe('Approximate centre of the Stadtbezirk'),
        ortsteile: z
          .array(
            z.object({
              id: z.string().describe('Ortsteil id'),
              name: z.string().describe('Ortsteil name'),
              centre: point.describe('Approximate centre of the Ortsteil'),
              postcodes: z.array(z.string()).describe('Postcodes within the Ortsteil'),
            }),
          )
          .describe('The Ortsteile of the Stadtbezirk'),
      }),
    )
    .describe('The Stadtbezirke with their Ortsteile'),
  contact: z
    .object({
      organisation: z.string().describe('Who runs this installation and answers questions (e.g. the KI)'),
      street: z.string().describe('Street and number'),
      postcode: z.string().describe('Postcode'),
      city: z.string().describe('City'),
      phone: z.string().describe('Phone number for questions'),
      email: z.string().describe('E-mail address for questions'),
      hours: z
        .array(
          z.object({
            days: z.array(z.string()).describe('Weekdays, MO … SU'),
            from: z.string().describe('Opens, HH:MM local time'),
            to: z.string().describe('Closes, HH:MM local time'),
          }),
        )
        .describe('When someone answers'),
    })
    .describe("The operator's contact, shown in every page's footer"),
  legal: z
    .object({
      demo: z.boolean().describe("The texts are the demo city's examples, not a real city's"),
      imprint: legalPageReply.describe('Impressum'),
      privacy: legalPageReply.describe('Datenschutzerklärung'),
      accessibility: legalPageReply.describe('Erklärung zur Barrierefreiheit (BITV 2.0)'),
    })
    .describe('The legal pages'),
});

export const organisationsReply = z.object({
  items: z.array(
    z.object({
      id: z.string().describe('Organisation id'),
      name: z.string().describe('Organisation name'),
      kind: z.string().describe('ki, authority, school, clinic, provider or association'),
      districtId: z.string().nullable().describe('Stadtbezirk'),
    }),
  ),
});

export const adminUser = me.extend({
  disabled: z.boolean().describe('Disabled accounts cannot sign in'),
  createdAt: z.string().describe('When the account was created (ISO 8601)'),
  lastLoginAt: z.string().nullable().describe('Last sign-in (ISO 8601)'),
});
export const usersQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Part of a name or e-mail address'),
  role: z.enum(ROLES).optional().describe('Only this role'),
  ...page,
});
export const createUserBody = z.strictObject({
  email,
  displayName: z.string().trim().min(1).max(120).describe('Name shown to others'),
  role: z.enum(ROLES).describe('Role'),
  organisationId: z
    .string()
    .max(100)
    .nullable()
    .default(null)
    .describe('Organisation (needed for institution, association, caseworker)'),
  locale: locale.default('de'),
});
export const updateUserBody = z.strictObject({
  role: z.enum(ROLES).optional().describe('New role'),
  organisationId: z.string().max(100).nullable().optional().describe('New organisation'),
  disabled: z.boolean().optional().describe('Disable or enable sign-in'),
});
export const adminUserReply = z.object({ user: adminUser });
export const usersReply = pageOf(adminUser);

const isoDate = z.iso
  .datetime({ offset: true })
  .refine((v) => !v.startsWith('0000'), 'year out of range')
  .describe('Date and time, ISO 8601');
const isoDay = z.iso.date().refine((v) => !v.startsWith('0000'), 'year out of range');
export const auditQuery = z.object({
  action: z.string().max(100).optional().describe('Action, e.g. auth.login or read'),
  actorId: id.optional().describe('Who acted'),
  entityType: z.string().max(100).optional().describe('Kind of record, e.g. user'),
  entityId: z.string().max(100).optional().describe('Record id'),
  from: z.union([isoDay, isoDate]).optional().describe('From this day (YYYY-MM-DD) or moment (ISO 8601)'),
  to: z.union([isoDay, isoDate]).optional().describe('Up to and including this day, or up to this moment'),
  ...page,
});
export const auditEntry = z.object({
  id: z.number().int().describe('Entry number'),
  at: z.string().describe('When (ISO 8601)'),
  actorId: z.string().nullable().describe('Who acted; null for the public or the system'),
  actorRole: z.string().describe('The role they acted in'),
  action: z.string().describe('What was done'),
  entityType: z.string().nullable().describe('Kind of record'),
  entityId: z.string().nullable().describe('Record id'),
  ip: z.string().nullable().describe('Address the request came from'),
  requestId: z.string().nullable().describe('Request id'),
  details: z.record(z.string(), z.unknown()).describe('Ids and counts'),
});
export const auditReply = pageOf(auditEntry);

export const jobsReply = z.object({
  items: z.array(
    z.object({
      name: z.string().describe('Job name'),
      intervalSeconds: z.number().int().describe('How often it runs'),
      lastRunAt: z.string().nullable().describe('Last run (ISO 8601)'),
      lastStatus: z.string().nullable().describe('ok or error'),
      nextRunAt: z.string().describe('Next run (ISO 8601)'),
    }),
  ),
});
export const jobParams = z.object({ name: z.string().max(100).describe('Job name') });

export const outboxItem = z.object({
  id: z.string(),
  createdAt: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  status: z.string(),
  sentAt: z.string().nullable(),
});
export const outboxReply = pageOf(outboxItem);
export const outboxQuery = z.object({ ...page });

const subjectType = z.enum(['user', 'child', 'family', 'request']).describe('Kind of person record');
export const consentsQuery = z.object({
  subjectType,
  subjectId: z.string().min(1).max(100).describe('Id of the person record'),
});
export const recordConsentBody = z.strictObject({
  subjectType,
  subjectId: z.string().min(1).max(100).describe('Id of the person record'),
  purpose: z
    .string()
    .regex(/^[a-z][a-z0-9_.]{2,80}$/)
    .describe('Purpose code, e.g. schooling.counselling'),
  dataCategories: z
    .array(z.string().regex(/^[a-z][a-z0-9_]{1,60}$/))
    .min(1)
    .max(30)
    .describe('What data it covers'),
  expiresAt: isoDate.describe('When the consent ends'),
  channel: z
    .enum(CONSENT_CHANNELS)
    .optional()
    .describe(
      'How the person gave it: required when a caseworker records someone else’s consent (in_person, on_paper, phone); "self" for one’s own',
    ),
});
export const consent = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  purpose: z.string(),
  dataCategories: z.array(z.string()),
  givenAt: z.string(),
  expiresAt: z.string(),
  withdrawnAt: z.string().nullable(),
  channel: z.enum(CONSENT_CHANNELS).describe('How it was given'),
  valid: z.boolean().describe('Given, not withdrawn, not expired'),
});
export const consentsReply = z.object({ items: z.array(consent) });
export const personExport = z.record(z.string(), z.unknown());
