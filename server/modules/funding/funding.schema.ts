import { z } from 'zod';
import {
  APPLICATION_PARTS,
  APPLICATION_STATES,
  CALL_STATES,
  CLAIM_REASONS,
  COST_CATEGORIES,
  DECISIONS,
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  FUNDINGS,
  MAX_DOCUMENT_BYTES,
  MAX_SCORE,
  MAX_TRANCHES,
  TARGET_GROUPS,
} from './funding.terms.ts';

const id = z.uuid().describe('Id (UUID)');
export const idParams = z.object({ id });
const euros = (what: string) => z.number().int().min(0).max(10_000_000).describe(`${what}, whole euros`);
const language = z
  .string()
  .regex(/^[a-z]{2,3}$/)
  .describe('A language (ISO 639)');
const translated = (max: number, what: string) =>
  z
    .record(language, z.string().trim().min(1).max(max))
    .refine((texts) => !!texts.de, { message: 'de', path: ['de'] })
    .describe(`${what} by language; German (de) is required`);
const day = z.iso.date().describe('A calendar day, YYYY-MM-DD');

// ---------------------------------------------------------------------------------------------------------
// Calls

const criterionReply = z.object({
  key: z.string().describe('The criterion’s key (reviews name it)'),
  label: z.string().describe('The criterion in the reader’s language (German when not translated)'),
  weight: z.number().describe('Its weight in percent; a call’s weights add up to 100'),
});

export const callReply = z.object({
  id,
  title: z.string().describe('The call’s title in the reader’s language (German when not translated)'),
  text: z.string().describe('The call’s text in the reader’s language (German when not translated)'),
  language: z.string().describe('The language title and text are in'),
  state: z.enum(CALL_STATES).describe('draft, open (applications possible) or decided'),
  year: z.number().int().describe('The year the money is for'),
  budget: euros('The whole budget of the call'),
  maxPerProject: euros('The most one project can get'),
  categories: z.array(z.enum(COST_CATEGORIES)).describe('The eligible cost categories'),
  criteria: z.array(criterionReply).describe('How applications are scored'),
  requiredDocuments: z.array(z.enum(DOCUMENT_KINDS)).describe('Documents every application needs'),
  deadline: z.iso.datetime().describe('Applications are submitted before this instant'),
});
export const callsReply = z.object({
  items: z.array(callReply).describe('Open calls, nearest deadline first'),
});

export const callBody = z
  .object({
    title: translated(200, 'The title'),
    text: translated(8000, 'The text'),
    year: z.number().int().min(2000).max(2100).describe('The year the money is for'),
    budget: euros('The whole budget').refine((v) => v > 0, { message: 'positive' }),
    maxPerProject: euros('The most one project can get').refine((v) => v > 0, { message: 'positive' }),
    categories: z.array(z.enum(COST_CATEGORIES)).min(1).describe('The eligible cost categories'),
    criteria: z
      .array(
        z.object({
          key: z
            .string()
            .regex(/^[a-z][a-z_]{1,39}$/)
            .describe('Key, lower case'),
          label: translated(200, 'The criterion'),
          weight: z.number().int().min(1).max(100).describe('Weight in percent'),
        }),
      )
      .min(1)
      .max(12)
      .refine((list) => list.reduce((sum, c) => sum + c.weight, 0) === 100, { message: 'weights_100' })
      .describe('Criteria with weights adding up to 100'),
    requiredDocuments: z.array(z.enum(DOCUMENT_KINDS)).describe('Documents every application needs'),
    reviewerIds: z.array(z.uuid()).max(20).describe('The reviewers’ accounts'),
    deadline: z.iso.datetime().describe('The deadline (an instant)'),
    open: z.boolean().describe('Open for applications right away'),
  })
  .describe('A new call');
export type CallInput = z.infer<typeof callBody>;

export const deadlineBody = z
  .object({
    deadline: z.iso.datetime().describe('The new deadline (an instant), later than the one before'),
  })
  .describe('A later deadline for an open call');

// ---------------------------------------------------------------------------------------------------------
// Funded projects (open data)

export const fundedReply = z.object({
  items: z
    .array(
      z.object({
        organisation: z.string().describe('The funded organisation'),
        title: z.string().describe('The project’s title'),
        amount: euros('The amount granted'),
        year: z.number().int().describe('The year of the call'),
        district: z.string().nullable().describe('The Stadtbezirk the project is in (id), first of several'),
        call: z.string().describe('The call’s title in the reader’s language'),
      }),
    )
    .describe('Funded projects of decided calls (approved or partly approved)'),
});

// ---------------------------------------------------------------------------------------------------------
// Applications

const costLine = z.object({
  category: z.enum(COST_CATEGORIES).describe('The cost category (the call names the eligible ones)'),
  description: z.string().trim().min(1).max(200).describe('What the money is for'),
  amount: euros('The cost'),
});
const budget = z.object({
  costs: z.array(costLine).max(50).describe('Cost lines'),
  ownContribution: euros('The association’s own money'),
  otherFunding: euros('Money from others'),
  requested: euros('The amount requested; costs = own contribution + other funding + requested'),
  minimum: euros(
    'The least amount the association accepts (a cut), or null for the full amount only',
  ).nullable(),
});
const contentFields = {
  project: z
    .object({
      title: z.string().trim().max(200).describe('The project’s title (German)'),
      summary: z.string().trim().max(4000).describe('What happens in the project (German)'),
    })
    .describe('Step 1: the project'),
  goals: z.string().trim().max(4000).describe('Step 2: goals (German)'),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).describe('Step 3: who it is for'),
  districts: z.array(z.string().max(80)).max(10).describe('Step 3: Stadtbezirke (ids from GET /api/v1/city)'),
  timeline: z
    .object({ from: day.describe('First day'), to: day.describe('Last day') })
    .nullable()
    .describe('Step 4: when'),
  budget: budget.describe('Step 5: the budget plan'),
  declaration: z.boolean().describe('Step 7: the declaration is confirmed'),
};
export const contentReply = z.object(contentFields);
export type ContentReply = z.infer<typeof contentReply>;
/** A step saved: any of the parts, each replacing what was saved before. */
export const stepBody = z.object(contentFields).partial().describe('The parts of the application to save');
export type StepInput = z.infer<typeof stepBody>;

export const startBody = z.object({ callId: id.describe('The call applied to') });

const documentReply = z.object({
  id,
  kind: z.enum(DOCUMENT_KINDS).describe('What the document is'),
  fileName: z.string().describe('The name it was uploaded with'),
  mediaType: z.enum(DOCUMENT_TYPES).describe('Its type, read from its content'),
  size: z.number().int().describe('Bytes'),
});

const decisionReply = z
  .object({
    outcome: z.enum(DECISIONS).describe('approved, partly or rejected'),
    amount: euros('The amount granted (0 when rejected)'),
    reason: z.string().describe('The reason'),
    conditions: z.string().describe('Conditions of the grant'),
  })
  .nullable()
  .describe('The decision, once made');

export const applicationReply = z.object({
  id,
  callId: id.describe('The call'),
  organisationId: z.string().describe('The applying organisation'),
  organisation: z.string().describe('Its name'),
  state: z.enum(APPLICATION_STATES).describe('Where the application stands'),
  version: z.number().int().describe('The version being written or last submitted'),
  firstTime: z.boolean().describe('The organisation has not been funded before'),
  content: contentReply.describe('The working version'),
  missing: z.array(z.enum(APPLICATION_PARTS)).describe('What is still missing before it can be submitted'),
  changeNote: z.string().nullable().describe('What the KI asked to change'),
  documents: z.array(documentReply).describe('Uploaded documents'),
  decision: decisionReply,
  submittedAt: z.iso.datetime().nullable().describe('When it was last submitted'),
});
export const applicationsReply = z.object({
  items: z
    .array(
      z.object({
        id,
        callId: id.describe('The call'),
        organisation: z.string().describe('The applying organisation’s name'),
        title: z.string().describe('The project’s title'),
        state: z.enum(APPLICATION_STATES).describe('Where it stands'),
        requested: euros('The amount requested'),
        version: z.number().int().describe('Version'),
      }),
    )
    .describe('Applications, newest first'),
});

export const documentBody = z.object({
  kind: z.enum(DOCUMENT_KINDS).describe('What the document is'),
  fileName: z.string().trim().min(1).max(200).describe('The file’s name (its type is read from the content)'),
  content: z
    .base64()
    .describe(
      `The bytes, base64: PDF, JPEG or PNG (recognised by the content, not the name), at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
    ),
});
export const documentReplyOne = documentReply;

export const changesBody = z.object({
  note: z.string().trim().min(1).max(2000).describe('What should change (the association sees it)'),
});

export const decisionBody = z.object({
  outcome: z.enum(DECISIONS).describe('approved, partly or rejected'),
  amount: euros('The amount granted; the full request when approved, less when partly, 0 when rejected'),
  reason: z.string().trim().min(1).max(2000).describe('The reason (in the notice)'),
  conditions: z.string().trim().max(2000).default('').describe('Conditions (in the notice)'),
});

// ---------------------------------------------------------------------------------------------------------
// Reviews

export const reviewBody = z.object({
  scores: z
    .array(
      z.object({
        criterion: z.string().max(40).describe('The criterion’s key'),
        score: z.number().int().min(0).max(MAX_SCORE).describe(`0 … ${MAX_SCORE}`),
        reason: z.string().trim().min(1).max(2000).describe('Why'),
      }),
    )
    .min(1)
    .max(12)
    .describe('One score per criterion, each with a reason'),
});
export const reviewReply = z.object({
  scores: z
    .array(
      z.object({
        criterion: z.string().describe('The criterion’s key'),
        score: z.number().int().describe('The score'),
        reason: z.string().describe('Why'),
      }),
    )
    .describe('The reviewer’s scores of this application'),
});
export const reviewListReply = z.object({
  items: z
    .array(
      z.object({
        id,
        callId: id.describe('The call'),
        title: z.string().describe('The project’s title'),
        organisation: z.string().describe('The applying organisation'),
        scored: z.boolean().describe('The reviewer has scored every criterion'),
      }),
    )
    .describe('Submitted applications of the calls the caller reviews, without conflicts of interest'),
});

export const scoresReply = z.object({
  budget: euros('The call’s budget'),
  requested: euros('The sum requested by the submitted applications'),
  items: z
    .array(
      z.object({
        id,
        title: z.string().describe('The project’s title'),
        organisation: z.string().describe('The applying organisation'),
        requested: euros('Requested'),
        minimum: euros('The least amount accepted').nullable(),
        reviewers: z.number().int().describe('How many reviewers scored it completely'),
        score: z.number().nullable().describe('The weighted score (0–100), mean over reviewers'),
        spread: z
          .number()
          .nullable()
          .describe('The largest difference between two reviewers’ weighted scores'),
        state: z.enum(APPLICATION_STATES).describe('Where it stands'),
      }),
    )
    .describe('Submitted and decided applications, best score first'),
});

export const versionsReply = z.object({
  items: z
    .array(
      z.object({
        version: z.number().int().describe('The version'),
        submittedAt: z.iso.datetime().describe('When it was submitted'),
        content: contentReply.describe('What was submitted'),
      }),
    )
    .describe('Submitted versions, oldest first'),
});

// ---------------------------------------------------------------------------------------------------------
// The allocation proposal

export const allocationBody = z.object({
  perDistrict: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(0)
    .describe('Floor: at least this many funded projects in each Stadtbezirk that has applications'),
  firstTimeShare: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('Floor: at least this share (0–1) of the budget to first-time applicants'),
  explain: id
    .optional()
    .describe('An application whose decision to flip: what changes if it is funded (or left out) instead'),
});
export type AllocationInput = z.infer<typeof allocationBody>;

const funding = z.enum(FUNDINGS).describe('full (the request), cut (the least amount accepted) or none');

export const allocationReply = z.object({
  status: z
    .enum(['optimal', 'time_limit', 'infeasible'])
    .describe(
      'optimal (proven), time_limit (best found with a proven bound) or infeasible (floors cannot be met)',
    ),
  objective: z.number().describe('The total weighted score of the proposal'),
  bound: z.number().describe('A proven upper bound of the best total'),
  gap: z.number().describe('(bound − objective) / bound; 0 when optimal'),
  seconds: z.number().describe('The solver’s time in seconds'),
  budget: euros('The budget left for the proposal: the call’s budget less amounts already decided'),
  spent: euros('What the proposal spends'),
  unscored: z
    .number()
    .int()
    .describe('Submitted applications left out because no reviewer has scored them fully'),
  items: z
    .array(
      z.object({
        id,
        title: z.string().describe('The project’s title'),
        organisation: z.string().describe('The applying organisation'),
        district: z.string().describe('The Stadtbezirk (first named in the application)'),
        firstTime: z.boolean().describe('No earlier funding from the city'),
        score: z.number().describe('The weighted score (0–100), mean over reviewers'),
        requested: euros('Requested'),
        minimum: euros('The least amount accepted').nullable(),
        funding,
        amount: euros('The amount proposed'),
      }),
    )
    .describe('The submitted and scored applications with the proposal, best score first'),
  flip: z
    .object({
      id,
      from: funding.describe('The proposal’s decision'),
      to: funding.describe('How it is funded with the flip'),
      status: z.enum(['optimal', 'time_limit', 'infeasible']).describe('infeasible: the flip breaks a floor'),
      objective: z.number().describe('The best total with the flip'),
      loss: z.number().describe('How much less than the proposal'),
      changes: z
        .array(z.object({ id, from: funding, to: funding }))
        .describe('The other applications whose funding changes'),
    })
    .nullable()
    .describe('What changes when the decision on `explain` is flipped (null without `explain`)'),
});

// ---------------------------------------------------------------------------------------------------------
// After the decision: the proof of use

export const proofBody = z.object({
  lines: z
    .array(z.object({ actual: euros('The actual cost of the budget plan’s line') }))
    .max(50)
    .describe('The actual cost per line of the budget plan, in the plan’s order (one per line)'),
  participants: z.number().int().min(0).max(1_000_000).describe('How many people the project reached'),
  report: z.string().trim().min(1).max(4000).describe('A short report: what happened, what came of it'),
});

export const proofReply = z.object({
  proof: z
    .object({
      filedAt: z.iso.datetime().describe('When it was filed (last)'),
      participants: z.number().int().describe('People reached'),
      report: z.string().describe('The short report'),
      lines: z
        .array(
          z.object({
            category: z.enum(COST_CATEGORIES).describe('The cost category'),
            description: z.string().describe('The line as planned'),
            planned: euros('Planned'),
            actual: euros('Actual'),
            deviation: z
              .number()
              .nullable()
              .describe('(actual − planned) / planned; null when nothing was planned'),
            flagged: z
              .boolean()
              .describe('The deviation is over 20 % (or money spent on a line planned at 0)'),
          }),
        )
        .describe('The comparison to the plan, per line'),
      planned: euros('The plan’s total cost'),
      actual: euros('The actual total cost'),
      granted: euros('The amount granted'),
      repayable: euros(
        'What the grant exceeds of the actual cost less own contribution and other funding (a possible repayment claim)',
      ),
    })
    .nullable()
    .describe('The proof of use; null until filed'),
  receipts: z
    .array(
      z.object({
        id,
        fileName: z.string().describe('The file’s name as uploaded'),
        mediaType: z.enum(DOCUMENT_TYPES).describe('The type read from the content'),
        size: z.number().int().describe('Bytes'),
      }),
    )
    .describe('The receipts attached to the proof of use, oldest first'),
});

export const receiptBody = z.object({
  fileName: z.string().trim().min(1).max(200).describe('The file’s name (its type is read from the content)'),
  content: z
    .base64()
    .describe(
      `The receipt's bytes, base64: PDF, JPEG or PNG (recognised by the content), at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
    ),
});

// ---------------------------------------------------------------------------------------------------------
// After the decision: payments and repayment claims

export const trancheParams = z.object({
  id,
  number: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_TRANCHES)
    .describe('The tranche’s number in the plan (from 1)'),
});
export const claimParams = z.object({ id, claimId: id.describe('The repayment claim’s id') });

export const paymentsBody = z.object({
  tranches: z
    .array(
      z.object({
        amount: euros('The tranche').min(1),
        dueOn: day.describe('The day it is to be paid'),
      }),
    )
    .min(1)
    .max(MAX_TRANCHES)
    .describe('The tranches in the order they are paid; together exactly the amount granted'),
  proofDueOn: day.nullable().describe('The day the proof of use is due (null: not set)'),
});

export const paidBody = z.object({ paidOn: day.describe('The day the money was paid') });

export const claimBody = z.object({
  amount: euros('The amount claimed back').min(1),
  reason: z.enum(CLAIM_REASONS).describe('not_needed (the actual cost did not need it) or not_proven'),
  note: z.string().trim().max(2000).default('').describe('What the claim is based on'),
  dueOn: day.describe('The day the repayment is due'),
});

export const paymentsReply = z.object({
  granted: euros('The amount granted'),
  proofDueOn: day.nullable().describe('The day the proof of use is due (null: not set)'),
  tranches: z
    .array(
      z.object({
        number: z.number().int().describe('The tranche’s number (from 1)'),
        amount: euros('The tranche'),
        dueOn: day.describe('Planned for this day'),
        paidOn: day.nullable().describe('Paid on this day (null: not yet)'),
      }),
    )
    .describe('The payment plan'),
  claims: z
    .array(
      z.object({
        id,
        amount: euros('Claimed back'),
        reason: z.enum(CLAIM_REASONS).describe('not_needed or not_proven'),
        note: z.string().describe('What the claim is based on'),
        dueOn: day.describe('Due on this day'),
        paidOn: day.nullable().describe('Repaid on this day (null: not yet)'),
      }),
    )
    .describe('The repayment claims, oldest first'),
  paid: euros('What was paid so far'),
  claimed: euros('What is claimed back in all'),
  repaid: euros('What was repaid so far'),
  notNeeded: euros('What the proof of use shows the grant was not needed for (0 without a proof)'),
});

// ---------------------------------------------------------------------------------------------------------
// Figures

const suppressedCount = z
  .union([z.number().int(), z.literal('<5')])
  .describe('A count; "<5" when between 1 and 4');
const figuresGroup = z.object({
  key: z.string().describe('The group: a call’s id, a Stadtbezirk’s id, a kind of organisation'),
  label: z.string().describe('The call’s title in the reader’s language (other groups: empty or the key)'),
  organisations: suppressedCount.describe('Applying organisations ("<5" when between 1 and 4)'),
  firstTimeOrganisations: suppressedCount.describe('Of them applying for the first time ("<5" when 1–4)'),
  applications: suppressedCount.describe('Submitted applications ("<5" when between 1 and 4)'),
  requested: euros('Requested'),
  approved: euros('Approved (full and partly)'),
  paid: euros('Paid (tranches booked as paid)'),
  repaid: euros('Repaid (claims booked as repaid)'),
});
export const figuresReply = z.object({
  asOf: day.describe('The day the figures are for'),
  total: figuresGroup.describe('Every submitted application'),
  byCall: z.array(figuresGroup).describe('Per call, most requested first'),
  byDistrict: z.array(figuresGroup).describe('Per Stadtbezirk (the first an application names)'),
  byKind: z.array(figuresGroup).describe('Per kind of organisation'),
  firstTime: figuresGroup.describe('First-time applicants only'),
  daysToDecision: z
    .object({
      decided: suppressedCount.describe('Decided applications'),
      medianDays: z
        .number()
        .nullable()
        .describe('Median days from submission to decision (null under 5 decided)'),
    })
    .describe('Time from submission to decision'),
});
