/**
 * The rules of an application, pure (no database): the budget plan's rules, the completeness check, a document's
 * type by its content, and a reviewer's weighted score.
 */
import { AppError } from '../../core/errors.ts';
import type { ApplicationContent, Criterion } from './funding.tables.ts';
import { type ApplicationPart, type DocumentType, MAX_SCORE } from './funding.terms.ts';

/** An empty application: every step still to write. */
export function emptyContent(): ApplicationContent {
  return {
    project: { title: '', summary: '' },
    goals: '',
    targetGroups: [],
    districts: [],
    timeline: null,
    budget: { costs: [], ownContribution: 0, otherFunding: 0, requested: 0, minimum: null },
    declaration: false,
  };
}

/**
 * The budget plan's rules against its call: every cost line in an eligible category, the request within the
 * call's maximum, costs = own contribution + other funding + requested, a minimum between 1 and the request.
 * Throws naming the first wrong field (`body.budget.…`).
 */
export function checkBudget(
  budget: ApplicationContent['budget'],
  call: { categories: readonly string[]; maxPerProject: number },
): void {
  budget.costs.forEach((line, i) => {
    if (!call.categories.includes(line.category))
      throw new AppError('funding.category_not_eligible', {
        field: `body.budget.costs.${i}.category`,
        params: { category: line.category },
      });
  });
  if (budget.requested > call.maxPerProject)
    throw new AppError('funding.over_maximum', {
      field: 'body.budget.requested',
      params: { max: call.maxPerProject },
    });
  const costs = budget.costs.reduce((sum, line) => sum + line.amount, 0);
  const covered = budget.ownContribution + budget.otherFunding + budget.requested;
  if (costs !== covered)
    throw new AppError('funding.budget_sums', {
      field: 'body.budget.requested',
      params: { costs, covered },
    });
  if (budget.minimum !== null && (budget.minimum < 1 || budget.minimum > budget.requested))
    throw new AppError('funding.minimum_invalid', {
      field: 'body.budget.minimum',
      params: { requested: budget.requested },
    });
}

/** Every part still missing before the application can be submitted (empty: complete). */
export function missingParts(
  content: ApplicationContent,
  documentKinds: readonly string[],
  requiredDocuments: readonly string[],
): ApplicationPart[] {
  const missing: ApplicationPart[] = [];
  if (!content.project.title.trim()) missing.push('project.title');
  if (!content.project.summary.trim()) missing.push('project.summary');
  if (!content.goals.trim()) missing.push('goals');
  if (content.targetGroups.length === 0) missing.push('targetGroups');
  if (content.districts.length === 0) missing.push('districts');
  if (!content.timeline) missing.push('timeline');
  if (content.budget.costs.length === 0) missing.push('budget.costs');
  if (content.budget.requested <= 0) missing.push('budget.requested');
  if (requiredDocuments.some((kind) => !documentKinds.includes(kind))) missing.push('documents');
  if (!content.declaration) missing.push('declaration');
  return missing;
}

/** A document's type from its first bytes; null for anything else (a text file named .pdf, an SVG, a ZIP …). */
export function documentTypeOf(bytes: Uint8Array): DocumentType | null {
  const b = bytes;
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((value, i) => b[i] === value))
    return 'image/png';
  return null;
}

/** One reviewer's weighted score (0–100) when they scored every criterion, else null. */
export function weightedScore(
  criteria: readonly Criterion[],
  scores: ReadonlyMap<string, number>,
): number | null {
  let total = 0;
  for (const criterion of criteria) {
    const score = scores.get(criterion.key);
    if (score === undefined) return null;
    total += (criterion.weight * score) / MAX_SCORE;
  }
  return Math.round(total * 100) / 100;
}

/** A line's cost may deviate from the plan by this share before it is flagged. */
export const DEVIATION_LIMIT = 0.2;

/**
 * The proof of use against the plan: per line the deviation ((actual − planned) / planned) and whether it is over
 * 20 % either way (or money spent on a line planned at 0); the totals; and what of the grant the actual cost, less
 * own contribution and other funding, does not cover (a possible repayment claim).
 */
export function compareToPlan(
  lines: readonly { category: string; description: string; planned: number; actual: number }[],
  money: { granted: number; ownContribution: number; otherFunding: number },
) {
  const compared = lines.map((line) => {
    const deviation =
      line.planned > 0 ? Math.round(((line.actual - line.planned) / line.planned) * 1000) / 1000 : null;
    return {
      ...line,
      deviation,
      flagged: deviation === null ? line.actual > 0 : Math.abs(deviation) > DEVIATION_LIMIT,
    };
  });
  const planned = lines.reduce((sum, l) => sum + l.planned, 0);
  const actual = lines.reduce((sum, l) => sum + l.actual, 0);
  const covered = Math.max(0, actual - money.ownContribution - money.otherFunding);
  return {
    lines: compared,
    planned,
    actual,
    granted: money.granted,
    repayable: Math.max(0, money.granted - covered),
  };
}
