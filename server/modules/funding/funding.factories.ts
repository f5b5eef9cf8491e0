import type { Ctx } from '../../core/context.ts';
import * as repo from './funding.repository.ts';
import type { CallInput } from './funding.schema.ts';
import type { ApplicationContent } from './funding.tables.ts';
import type { ApplicationState } from './funding.terms.ts';

/** A valid open call: 20,000 € budget, at most 5,000 € per project, two criteria, statutes required. */
export function buildCall(overrides: Partial<CallInput> = {}): CallInput {
  return {
    title: { de: 'Testprogramm Begegnung', tr: 'Test programı Buluşma' },
    text: { de: 'Gefördert werden Begegnungsprojekte.', tr: 'Buluşma projeleri desteklenir.' },
    year: 2027,
    budget: 20_000,
    maxPerProject: 5_000,
    categories: ['fees', 'material', 'catering'],
    criteria: [
      { key: 'exchange', label: { de: 'Austausch' }, weight: 60 },
      { key: 'volunteers', label: { de: 'Ehrenamt' }, weight: 40 },
    ],
    requiredDocuments: ['statutes'],
    reviewerIds: [],
    deadline: '2027-03-31T21:59:00Z',
    open: true,
    ...overrides,
  };
}

/** A complete application's content: 3,000 € of costs, 300 € own money, 2,700 € requested. */
export function completeContent(overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return {
    project: { title: 'Sprachcafé im Stadtteil', summary: 'Jeden Dienstag Deutsch im Alltag.' },
    goals: 'Begegnung und Sprache.',
    targetGroups: ['women'],
    districts: ['hamborn'],
    timeline: { from: '2027-04-01', to: '2027-10-31' },
    budget: {
      costs: [
        { category: 'fees', description: 'Honorar Sprachbegleitung', amount: 2_000 },
        { category: 'catering', description: 'Tee und Gebäck', amount: 1_000 },
      ],
      ownContribution: 300,
      otherFunding: 0,
      requested: 2_700,
      minimum: 2_000,
    },
    declaration: true,
    ...overrides,
  };
}

/** An application row in the given state (for fixtures: no steps, no documents). */
export async function insertApplicationIn(
  ctx: Ctx,
  input: { callId: string; organisationId: string; state: ApplicationState; content?: ApplicationContent },
) {
  return repo.insertApplication(ctx.db, {
    callId: input.callId,
    organisationId: input.organisationId,
    state: input.state,
    content: input.content ?? completeContent(),
    firstTime: true,
    submittedAt: input.state === 'draft' ? null : ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
}

/** The smallest PDF a reader accepts (the content is what counts). */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
).toString('base64');
