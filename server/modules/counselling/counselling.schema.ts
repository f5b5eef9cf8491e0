import { z } from 'zod';
import { page, pageOf } from '../../core/paging.ts';
import {
  BOOKING_STATUSES,
  CASE_STATUSES,
  DOCUMENTS,
  HEALTH_CHECKS,
  HEALTH_OUTCOMES,
  HOUSEHOLD_RELATIONS,
  MAX_HOUSEHOLD,
  MAX_NOTE_LENGTH,
  RECIPIENT_STATUSES,
  REFERRAL_STATUSES,
  SERVICE_KINDS,
  SHARED_FIELDS,
  TOPICS,
} from './counselling.terms.ts';

const id = z.uuid().describe('Id (UUID)');
export const idParams = z.object({ id });
export const serviceParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .describe('Service id (e.g. clearingstelle)'),
});
export const codeParams = z.object({
  code: z
    .string()
    .min(1)
    .max(64)
    .describe('The booking code from the confirmation (e.g. K7QP-2MXD-9RTA-HN4C; any case, dashes optional)'),
});

const day = z.iso.date().describe('A calendar day, YYYY-MM-DD');
const instant = z.iso.datetime().describe('A point in time (ISO 8601, UTC)');
const language = z
  .string()
  .regex(/^[a-z]{2,3}$/)
  .describe('A language (ISO 639)');
const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
const optionalText = (max: number, what: string) =>
  z.string().trim().max(max).nullable().optional().describe(what);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()/-]{6,30}$/)
  .describe('A phone number (digits, spaces, + ( ) / -)');

const service = z.object({
  id: z.string().describe('Service id'),
  kind: z
    .enum(SERVICE_KINDS)
    .describe('Clearingstelle, migration counselling for adults or young people, clinic'),
  name: z.string().describe('The service’s name'),
  organisationName: z.string().describe('Who runs it'),
  languages: z.array(z.string()).describe('Languages counselling is offered in besides German (ISO 639)'),
  openingHours: z
    .array(
      z.object({
        weekday: z.number().int().min(1).max(7).describe('1 Monday … 7 Sunday'),
        from: z.string().describe('Opens, HH:MM'),
        to: z.string().describe('Closes, HH:MM'),
      }),
    )
    .describe('Weekly opening hours'),
  address: z.string().describe('Where it is'),
});
export const servicesReply = z.object({ items: z.array(service).describe('The counselling services') });

export const slotsQuery = z.object({
  from: day.optional().describe('First day (default: today)'),
  days: z.coerce.number().int().min(1).max(60).default(21).describe('How many days from the first, 1–60'),
});
export const slotsReply = z.object({
  items: z
    .array(
      z.object({
        id: z.uuid().describe('Slot id, for the booking'),
        startsAt: instant,
        endsAt: instant,
      }),
    )
    .describe('Free slots, soonest first'),
});

/** The public booking form (and staff booking for a client). */
export const bookingBody = z
  .object({
    slotId: z.uuid().describe('The free slot (GET …/services/{id}/slots)'),
    name: text(200, 'The client’s name'),
    phone,
    email: z.email().max(200).nullable().optional().describe('Optional: an e-mail address for the reminder'),
    language: language.describe('The language the client wants counselling in'),
    topic: z.enum(TOPICS).describe('What it is about'),
    mediator: z.boolean().default(false).describe('Whether the client wants a language mediator'),
    privacy: z
      .literal(true)
      .describe(
        'The client read the purpose: the name and phone are kept to hold the appointment and to remind them',
      ),
  })
  .strict();
export type BookingInput = z.infer<typeof bookingBody>;

export const bookedReply = z.object({
  code: z.string().describe('The booking code, shown this once: to follow, cancel or move the appointment'),
});

export const moveBody = z
  .object({
    slotId: z.uuid().describe('A free slot of the same service (GET …/services/{id}/slots)'),
  })
  .strict();

export const followReply = z.object({
  status: z.enum(BOOKING_STATUSES).describe('Booked, cancelled, or taken into a case'),
  serviceId: z.string().describe('The service’s id (its free slots, to move the appointment)'),
  serviceName: z.string().describe('The service'),
  address: z.string().describe('Where to go'),
  startsAt: instant,
  endsAt: instant,
  language: z.string().describe('The language the client asked for'),
  mediator: z.boolean().describe('Whether a language mediator was asked for'),
  documents: z.array(z.enum(DOCUMENTS)).describe('Documents to bring (from the case, once it is open)'),
});

const appointment = z.object({
  id: z.uuid().describe('Booking id'),
  serviceName: z.string().describe('The service'),
  startsAt: instant,
  name: z.string().describe('The client’s name'),
  phone: z.string().describe('The client’s phone'),
  language: z.string().describe('Language asked for'),
  topic: z.enum(TOPICS).describe('What it is about'),
  mediator: z.boolean().describe('Whether a language mediator was asked for'),
  mediatorRequest: z
    .object({
      id: z.uuid().describe('The request in the guides module'),
      state: z
        .string()
        .describe('Where that request stands (open, proposed, confirmed, done, cancelled, no_show)'),
    })
    .nullable()
    .describe('The mediator booked through the guides module; null while none is booked'),
});
export const appointmentsReply = z.object({
  items: z.array(appointment).describe('Booked appointments of the counsellor’s services from today on'),
});
export const mediatorBookedReply = z.object({
  requestId: z.uuid().describe('The request in the guides module'),
  code: z.string().describe('The request’s code in the guides module'),
});

const person = z
  .object({
    name: text(200, 'Name'),
    birthDate: day.nullable().optional().describe('Birth date'),
    languages: z.array(language).max(10).default([]).describe('Languages the client speaks'),
    address: optionalText(300, 'Address'),
    noFixedAddress: z.boolean().default(false).describe('Whether the client has no fixed address'),
    phone: phone.nullable().optional(),
    email: z.email().max(200).nullable().optional().describe('E-mail'),
    household: z
      .array(
        z
          .object({
            name: text(200, 'The member’s name'),
            relation: z.enum(HOUSEHOLD_RELATIONS).describe('How they are related to the client'),
            birthDate: day.nullable().optional().describe('Birth date'),
          })
          .strict(),
      )
      .max(MAX_HOUSEHOLD)
      .default([])
      .describe('The people living with the client (stored encrypted with the case)'),
  })
  .strict()
  .describe('The client (stored encrypted)');
export type PersonInput = z.infer<typeof person>;

/** Opening a case: from a booking, or for a walk-in. */
export const caseBody = z
  .object({
    serviceId: serviceParams.shape.id,
    bookingId: z.uuid().nullable().optional().describe('The booking the case comes from, if any'),
    person,
    language: language.describe('The language counselling is in'),
    districtId: z
      .string()
      .max(80)
      .nullable()
      .optional()
      .describe('The Stadtbezirk the client lives in, if known'),
    topics: z.array(z.enum(TOPICS)).min(1).max(TOPICS.length).describe('The topics'),
    consent: z
      .object({
        store: z.boolean().describe('Whether the client consents to storing the case (purpose: counselling)'),
        expiresOn: day
          .nullable()
          .optional()
          .describe('Until when the storage consent holds (at most 3 years)'),
      })
      .strict()
      .describe('The storage consent: without it only an anonymous contact is counted'),
  })
  .strict();
export type CaseInput = z.infer<typeof caseBody>;

export const caseCreatedReply = z.object({
  id: z.uuid().nullable().describe('The new case; null when no storage consent was given'),
  counted: z.boolean().describe('True when only an anonymous contact was counted'),
});

export const casesQuery = z.object({
  status: z.enum(CASE_STATUSES).optional().describe('Only open or only closed cases'),
  ...page,
});
const caseItem = z.object({
  id: z.uuid().describe('Case id'),
  name: z.string().describe('The client’s name'),
  serviceName: z.string().describe('The service'),
  status: z.enum(CASE_STATUSES).describe('Open or closed'),
  topics: z.array(z.enum(TOPICS)).describe('The topics'),
  language: z.string().describe('The language counselling is in'),
  openedAt: instant,
});
export const casesReply = pageOf(caseItem);

const visit = z.object({
  visitedOn: day,
  referredToClearing: z.boolean().describe('Whether the clinic referred the person to the Clearingstelle'),
  clinicName: z.string().describe('The clinic'),
});
const referral = z.object({
  id: z.uuid().describe('Referral id'),
  recipientId: z.string().describe('The recipient organisation'),
  recipientName: z.string().describe('The recipient’s name'),
  purpose: z.string().describe('What the referral is for'),
  fields: z.array(z.enum(SHARED_FIELDS)).describe('What was shared'),
  status: z.enum(REFERRAL_STATUSES).describe('Sent, accepted, declined or done'),
  consentExpiresAt: instant.describe('Until when the recipient may see what was shared'),
  createdAt: instant,
  visits: z.array(visit).describe('The clinic’s visits recorded for this referral'),
});

export const caseReply = z.object({
  id: z.uuid().describe('Case id'),
  serviceId: z.string().describe('The service'),
  serviceName: z.string().describe('The service’s name'),
  status: z.enum(CASE_STATUSES).describe('Open or closed'),
  person: z.object({
    name: z.string().describe('Name'),
    birthDate: day.nullable().describe('Birth date'),
    languages: z.array(z.string()).describe('Languages spoken'),
    address: z.string().nullable().describe('Address'),
    noFixedAddress: z.boolean().describe('No fixed address'),
    phone: z.string().nullable().describe('Phone'),
    email: z.string().nullable().describe('E-mail'),
    household: z
      .array(
        z.object({
          name: z.string().describe('Name'),
          relation: z.enum(HOUSEHOLD_RELATIONS).describe('How they are related to the client'),
          birthDate: day.nullable().describe('Birth date'),
        }),
      )
      .describe('The people living with the client'),
  }),
  language: z.string().describe('The language counselling is in'),
  districtId: z.string().nullable().describe('The Stadtbezirk'),
  topics: z.array(z.enum(TOPICS)).describe('The topics'),
  consentExpiresAt: instant.describe('Until when the storage consent holds'),
  checklist: z
    .partialRecord(z.enum(HEALTH_CHECKS), z.boolean())
    .describe('The health-insurance checklist: yes or no per question; missing: not asked yet'),
  missingDocuments: z.array(z.enum(DOCUMENTS)).describe('Documents the client still has to bring'),
  outcomes: z
    .object({ health_insurance: z.enum(HEALTH_OUTCOMES).optional().describe('Health-insurance outcome') })
    .describe('The outcome per topic'),
  notes: z
    .array(
      z.object({
        body: z.string().describe('The note'),
        at: instant,
        author: z.string().describe('Who wrote it'),
      }),
    )
    .describe('Notes, oldest first (decrypted for the reader)'),
  referrals: z.array(referral).describe('Referrals with their state'),
  recipients: z
    .array(z.object({ id: z.string().describe('Organisation id'), name: z.string().describe('Name') }))
    .describe('Where a referral can go'),
  breakGlass: z
    .array(
      z.object({
        at: instant,
        by: z
          .string()
          .describe('The lead counsellor who opened the case (empty when the account was erased)'),
        organisationName: z.string().describe('The lead counsellor’s organisation'),
        reason: z.string().describe('The reason they gave'),
      }),
    )
    .describe('Break-glass accesses by lead counsellors of other services, newest first'),
  openedAt: instant,
  closedAt: instant.nullable().describe('When it was closed'),
});

export const caseUpdateBody = z
  .object({
    topics: z.array(z.enum(TOPICS)).min(1).max(TOPICS.length).optional().describe('The topics'),
    checklist: z
      .partialRecord(z.enum(HEALTH_CHECKS), z.boolean())
      .optional()
      .describe('Answers of the health-insurance checklist'),
    missingDocuments: z
      .array(z.enum(DOCUMENTS))
      .max(DOCUMENTS.length)
      .optional()
      .describe('Documents still missing'),
    outcomes: z
      .object({ health_insurance: z.enum(HEALTH_OUTCOMES).optional().describe('Health-insurance outcome') })
      .strict()
      .optional()
      .describe('Outcomes per topic'),
    status: z.enum(CASE_STATUSES).optional().describe('Close (or reopen) the case'),
  })
  .strict();
export type CaseUpdate = z.infer<typeof caseUpdateBody>;

export const noteBody = z.object({ body: text(MAX_NOTE_LENGTH, 'The note (stored encrypted)') }).strict();

export const referralBody = z
  .object({
    recipientId: z
      .string()
      .min(1)
      .max(80)
      .describe('The recipient organisation (from the case’s recipients)'),
    purpose: text(300, 'What the referral is for'),
    fields: z.array(z.enum(SHARED_FIELDS)).min(1).max(SHARED_FIELDS.length).describe('What is shared'),
    consentExpiresOn: day.describe('The client’s consent for this recipient holds until this day'),
  })
  .strict();
export type ReferralInput = z.infer<typeof referralBody>;

const sharedItem = z.object({
  id: z.uuid().describe('Referral id'),
  fromService: z.string().describe('The service that referred'),
  purpose: z.string().describe('What the referral is for'),
  status: z.enum(REFERRAL_STATUSES).describe('Sent, accepted, declined or done'),
  shared: z
    .object({
      name: z.string().optional().describe('Name, if shared'),
      birthDate: z.string().nullable().optional().describe('Birth date, if shared'),
      languages: z.array(z.string()).optional().describe('Languages, if shared'),
      phone: z.string().nullable().optional().describe('Phone, if shared'),
      topics: z.array(z.enum(TOPICS)).optional().describe('Topics, if shared'),
      insurance: z.enum(HEALTH_OUTCOMES).nullable().optional().describe('Insurance state, if shared'),
    })
    .describe('Only what the client agreed to share with this recipient'),
  consentExpiresAt: instant.describe('The recipient sees this until then'),
  createdAt: instant,
  visits: z.array(visit).describe('Visits recorded'),
});
export const recipientReferralsReply = z.object({
  items: z.array(sharedItem).describe('Referrals to the caller’s organisation whose consent holds'),
});
export const recipientReferralReply = sharedItem;

export const referralStatusBody = z
  .object({ status: z.enum(RECIPIENT_STATUSES).describe('Accept, decline or mark done') })
  .strict();

export const visitBody = z
  .object({
    visitedOn: day.describe('The day the person was treated'),
    referredToClearing: z.boolean().describe('Whether the clinic referred the person to the Clearingstelle'),
  })
  .strict();

export const breakGlassBody = z
  .object({
    reason: z
      .string()
      .trim()
      .min(10)
      .max(1000)
      .describe(
        'Why the case must be opened now, without a referral (10–1,000 characters; shown to the data-protection officer and to the case’s counsellors)',
      ),
  })
  .strict();

export const breakGlassQuery = z.object(page);

export const leadsReply = z.object({
  items: z
    .array(
      z.object({
        userId: id.describe('The lead counsellor’s account'),
        name: z.string().describe('Their name'),
        organisationName: z.string().describe('The counselling service’s organisation they lead for'),
        appointedAt: instant.describe('When they were named'),
      }),
    )
    .describe('Lead counsellors: they may open another service’s case by break-glass'),
});
export const leadBody = z
  .object({
    email: z
      .email()
      .max(254)
      .describe('The e-mail address of a counsellor (a caseworker of a counselling organisation)'),
  })
  .strict();

const breakGlassItem = z.object({
  id,
  at: instant,
  caseId: id.describe('The case opened'),
  serviceName: z.string().describe('The service the case belongs to'),
  caseOrganisationName: z.string().describe('The organisation running that service'),
  by: z.string().describe('The lead counsellor who opened it (empty when the account was erased)'),
  organisationName: z.string().describe('The lead counsellor’s organisation'),
  reason: z.string().describe('The reason given'),
});
export const breakGlassReply = pageOf(breakGlassItem).describe(
  'Break-glass accesses to counselling cases, newest first, for the data-protection officer',
);

export const caseExportReply = z
  .object({
    exportedAt: instant.describe('When this export was made'),
    case: caseReply
      .omit({ recipients: true })
      .describe('The case: the person, topics, checklist, outcomes, notes, referrals, emergency accesses'),
    shared: z
      .array(
        z.object({
          referralId: id.describe('The referral'),
          recipientName: z.string().describe('Who received it'),
          values: z
            .record(z.string(), z.unknown())
            .describe('The values shared with that recipient, as they were sent'),
        }),
      )
      .describe('What each recipient was given'),
    bookings: z
      .array(
        z.object({
          startsAt: instant.describe('The appointment'),
          status: z.string().describe('booked, opened or cancelled'),
          language: z.string().describe('The language asked for'),
          topic: z.string().describe('The topic given'),
          mediator: z.boolean().describe('Whether a language mediator was asked for'),
          contact: z
            .object({
              name: z.string().describe('Name as booked'),
              phone: z.string().describe('Phone'),
              email: z.string().nullable().describe('E-mail'),
            })
            .describe('The contact given when booking'),
        }),
      )
      .describe('Appointments booked for the case'),
  })
  .describe('Everything the counselling module holds about the client of a case (Art. 15 GDPR)');

export const caseEraseBody = z
  .object({
    confirm: z
      .literal(true)
      .describe('Confirms that the client asked for erasure and no law keeps the record (Art. 17 GDPR)'),
  })
  .strict();

export const suppressedCount = z
  .union([z.number().int(), z.literal('<5')])
  .describe('A number of people or cases; 1–4 are shown as "<5"');
const bucket = z.object({
  key: z.string().describe('What is counted (a topic, a Stadtbezirk id, a language code …)'),
  count: suppressedCount,
});
const openedClosed = z.object({
  key: z.string().describe('A topic or a Stadtbezirk id ("" when none was given)'),
  opened: suppressedCount.describe('Cases and anonymous contacts opened in the twelve months'),
  closed: suppressedCount.describe('Cases closed in the twelve months'),
});

export const figuresReply = z
  .object({
    asOf: z.string().describe('The day the figures were made (the city’s date)'),
    from: z.string().describe('The first month counted ("2026-01"); twelve months to the current one'),
    months: z
      .array(
        z.object({
          month: z.string().describe('The month ("2026-12")'),
          opened: suppressedCount.describe('Cases and anonymous contacts opened'),
          closed: suppressedCount.describe('Cases closed'),
        }),
      )
      .describe('Opened and closed per month, oldest first'),
    byTopic: z.array(openedClosed).describe('Opened and closed by topic'),
    byDistrict: z.array(openedClosed).describe('Opened and closed by Stadtbezirk'),
    clearing: z
      .object({
        closedWithOutcome: suppressedCount.describe('Health-insurance cases closed with an outcome'),
        medianDays: z
          .number()
          .nullable()
          .describe('Median days from opening to closing those cases; null under 5'),
        shareInsured: z
          .number()
          .nullable()
          .describe('Share (0–1) of them now insured (home country, work, family, Jobcenter); null under 5'),
      })
      .describe('The Clearingstelle’s health-insurance clearing'),
    clinicVisits: z
      .object({
        total: suppressedCount.describe('Visits of uninsured persons recorded by the clinic'),
        referredToClearing: suppressedCount.describe('Of them referred on to the Clearingstelle'),
      })
      .describe('The clinic’s visits'),
    languages: z.array(bucket).describe('Languages of cases, contacts and bookings, most first'),
    mediatorBookings: suppressedCount.describe('Bookings that asked for a language mediator'),
    referrals: z
      .array(
        z.object({
          recipient: z.string().describe('The recipient organisation'),
          status: z.enum(REFERRAL_STATUSES).describe('The referral’s state'),
          count: suppressedCount,
        }),
      )
      .describe('Referrals by recipient and state'),
  })
  .describe('Aggregated figures of the counselling services (counts under 5 as "<5")');
export type Figures = z.infer<typeof figuresReply>;
