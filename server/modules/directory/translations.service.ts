import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import * as repo from './directory.repository.ts';
import { refreshSearchWords } from './records.ts';
import { machineTranslate as translateTexts } from '../../core/translation/machine.ts';
import { buildXliff, parseXliff, sourceHash, type XliffUnit } from '../../core/translation/xliff.ts';

/** The `original` attribute that marks XLIFF files exported by this directory. */
export const XLIFF_ORIGINAL = 'lotse-directory';

export type PendingText = {
  entityType: string;
  entityId: string;
  field: string;
  source: string;
  current: string | null;
  status: 'missing' | 'outdated' | 'machine';
};

function checkLanguage(ctx: Ctx, lang: string): void {
  if (lang === 'de' || !ctx.city.profile.languages.some((l) => l.code === lang)) {
    throw new AppError('validation.invalid_value', { field: 'params.lang' });
  }
}

/** Per UI language: how many texts of published offers are up to date, outdated, machine-made or missing. */
export async function translationOverview(ctx: Ctx) {
  authorize(ctx, 'directory.translate');
  const counts = await repo.translationCounts(ctx.db);
  const german = counts.find((c) => c.lang === 'de')?.total ?? 0;
  return ctx.city.profile.languages
    .filter((l) => l.code !== 'de')
    .map(({ code }) => {
      const of = (status: string) => counts.find((c) => c.lang === code && c.status === status)?.total ?? 0;
      const present = of('up_to_date') + of('outdated') + of('machine');
      return {
        lang: code,
        total: german,
        upToDate: of('up_to_date'),
        outdated: of('outdated'),
        machine: of('machine'),
        missing: german - present,
      };
    });
}

/** The texts of published offers that a language lacks, or has outdated or machine-made. */
export async function pendingTexts(ctx: Ctx, lang: string): Promise<PendingText[]> {
  authorize(ctx, 'directory.translate');
  checkLanguage(ctx, lang);
  return repo.pendingTexts(ctx.db, lang);
}

const unitId = (t: { entityType: string; entityId: string; field: string }) =>
  `${t.entityType}/${t.entityId}/${t.field}`;

/** XLIFF 1.2 of a language's pending texts, for a translation agency. */
export async function exportXliff(ctx: Ctx, lang: string): Promise<string> {
  const pending = await pendingTexts(ctx, lang);
  const units: XliffUnit[] = pending.map((t) => ({
    id: unitId(t),
    source: t.source,
    target: t.current ?? '',
    state: t.status === 'missing' ? 'new' : 'needs-review-translation',
  }));
  await audit(ctx, { action: 'directory.xliff_export', details: { lang, units: units.length } });
  return buildXliff(XLIFF_ORIGINAL, lang, units);
}

/**
 * Imports a translated XLIFF file: every unit is checked first; one wrong unit refuses the whole file.
 * A unit whose German source changed since the export is imported as outdated.
 */
export async function importXliff(
  ctx: Ctx,
  lang: string,
  xml: string,
): Promise<{ imported: number; outdated: number }> {
  authorize(ctx, 'directory.translate');
  checkLanguage(ctx, lang);
  const units = parseXliff(xml, XLIFF_ORIGINAL, lang).filter((unit) => unit.target !== '');
  const sources = await repo.germanSources(
    ctx.db,
    units.map((unit) => unit.id.split('/')),
  );
  const byId = new Map(sources.map((s) => [unitId(s), s.value]));
  const unknown = units.find((unit) => !byId.has(unit.id));
  if (unknown)
    throw new AppError('xliff.unknown_unit', { field: 'body', params: { unit: unknown.id.slice(0, 120) } });
  let outdated = 0;
  await inTransaction(ctx, async (tx) => {
    for (const unit of units) {
      const [entityType = '', entityId = '', field = ''] = unit.id.split('/');
      const current = sourceHash(byId.get(unit.id) ?? '') === unit.sourceHash;
      if (!current) outdated++;
      await repo.upsertText(tx.db, {
        entityType,
        entityId,
        field,
        lang,
        value: unit.target,
        status: current ? 'up_to_date' : 'outdated',
        updatedAt: tx.now,
      });
    }
    for (const serviceId of new Set(units.map((unit) => unit.id.split('/')[1] ?? '')))
      await refreshSearchWords(tx, serviceId);
    await audit(tx, { action: 'directory.xliff_import', details: { lang, units: units.length, outdated } });
  });
  return { imported: units.length, outdated };
}

/** Machine-translates a language's missing and outdated texts (LibreTranslate API); the results are marked machine-made. */
export async function machineTranslate(ctx: Ctx, lang: string, limit = 100): Promise<{ translated: number }> {
  authorize(ctx, 'directory.translate');
  checkLanguage(ctx, lang);
  if (!ctx.config.mtUrl) throw new AppError('feature.disabled');
  const pending = (await repo.pendingTexts(ctx.db, lang))
    .filter((t) => t.status !== 'machine')
    .slice(0, limit);
  if (!pending.length) return { translated: 0 };
  const texts = await translateTexts(ctx, { target: lang, texts: pending.map((t) => t.source) });
  await inTransaction(ctx, async (tx) => {
    for (const [i, text] of pending.entries()) {
      const { entityType, entityId, field } = text;
      await repo.upsertText(tx.db, {
        entityType,
        entityId,
        field,
        lang,
        value: texts[i] ?? '',
        status: 'machine',
        updatedAt: tx.now,
      });
    }
    for (const serviceId of new Set(pending.map((text) => text.entityId)))
      await refreshSearchWords(tx, serviceId);
    await audit(tx, { action: 'directory.machine_translate', details: { lang, texts: pending.length } });
  });
  return { translated: pending.length };
}
