// What the funding module's replies show: texts in the reader's language, names other modules own.
import type { Ctx } from '../../core/context.ts';
import type { CallRow, ApplicationRow } from './funding.repository.ts';
import type { ApplicationState, CostCategory, DocumentKind, DocumentType } from './funding.terms.ts';

/** A text in the reader's language, German when it has no translation. */
export function inLanguage(ctx: Pick<Ctx, 'locale'>, texts: Record<string, string>): string {
  return texts[ctx.locale] ?? texts.de ?? '';
}

export function callView(ctx: Ctx, row: CallRow) {
  const translated = !!row.title[ctx.locale] && !!row.text[ctx.locale];
  return {
    id: row.id,
    title: inLanguage(ctx, row.title),
    text: inLanguage(ctx, row.text),
    language: translated ? ctx.locale : 'de',
    state: row.state as 'draft' | 'open' | 'decided',
    year: row.year,
    budget: row.budget,
    maxPerProject: row.maxPerProject,
    categories: row.categories as CostCategory[],
    criteria: row.criteria.map((c) => ({ key: c.key, label: inLanguage(ctx, c.label), weight: c.weight })),
    requiredDocuments: row.requiredDocuments as DocumentKind[],
    deadline: row.deadline.toISOString(),
  };
}

export type DocumentMeta = { id: string; kind: string; fileName: string; mediaType: string; size: number };

export function documentView(document: DocumentMeta) {
  return {
    ...document,
    kind: document.kind as DocumentKind,
    mediaType: document.mediaType as DocumentType,
  };
}

export function summaryView(row: ApplicationRow, organisation: string) {
  return {
    id: row.id,
    callId: row.callId,
    organisation,
    title: row.content.project.title,
    state: row.state as ApplicationState,
    requested: row.content.budget.requested,
    version: row.version,
  };
}
