/**
 * Translating pages: a language's pending texts as XLIFF for an agency and back, machine translation of one page
 * (through core's LibreTranslate hook, the language's glossary applied first), and the glossary per language.
 * The working copy changes; readers see it after review and publishing, as with any save.
 */
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { machineTranslate } from '../../core/translation/machine.ts';
import { buildXliff, parseXliff, sourceHash, type XliffUnit } from '../../core/translation/xliff.ts';
import { editablePage, loadForEdit, recordTranslation } from './editing.service.ts';
import * as repo from './pages.repository.ts';
import type * as s from './pages.schema.ts';
import type { MtLang } from './pages.terms.ts';
import { sanitizeBody } from './sanitize.ts';

/** The `original` attribute that marks XLIFF files exported by the pages module. */
export const PAGES_XLIFF_ORIGINAL = 'lotse-pages';

type Text = { pageId: string; lang: string; field: string; value: string; status: string };
type Step = Record<string, unknown>;
/** A translatable string of a page: its unit id after "page/<id>/" (e.g. "title", "steps/0/bring/1"). */
type Piece = { path: string; source: string };

const STEP_STRINGS = ['title', 'text', 'costs', 'duration'] as const;

const parseSteps = (value: string | undefined): Step[] => {
  if (!value) return [];
  try {
    const steps = JSON.parse(value) as unknown;
    return Array.isArray(steps) ? (steps as Step[]) : [];
  } catch {
    return [];
  }
};

/** The strings of German steps, each with its path ("steps/<i>/<key>" or "steps/<i>/bring/<j>"). */
function stepPieces(value: string): Piece[] {
  return parseSteps(value).flatMap((step, i) => [
    ...STEP_STRINGS.flatMap((key) =>
      typeof step[key] === 'string' && step[key]
        ? [{ path: `steps/${i}/${key}`, source: step[key] as string }]
        : [],
    ),
    ...(Array.isArray(step.bring) ? (step.bring as unknown[]) : []).flatMap((item, j) =>
      typeof item === 'string' && item ? [{ path: `steps/${i}/bring/${j}`, source: item }] : [],
    ),
  ]);
}

/** A string of steps by its path ("steps/0/bring/1"), or undefined. */
function stepString(steps: Step[], path: string): string | undefined {
  const [, i, key, j] = path.split('/');
  const step = steps[Number(i)];
  if (!step || !key) return undefined;
  const value = key === 'bring' ? (step.bring as unknown[] | undefined)?.[Number(j)] : step[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A language's steps: the German steps' shape (offers only in German), each string translated where `given` has
 * it, else the language's earlier translation at the same place, else German.
 */
function translatedSteps(german: string, earlier: string | undefined, given: Map<string, string>): string {
  const old = parseSteps(earlier);
  const steps = parseSteps(german).map(({ offers: _offers, ...step }, i) => {
    const pick = (path: string, fallback: string) => given.get(path) ?? stepString(old, path) ?? fallback;
    const out: Step = { ...step };
    for (const key of STEP_STRINGS)
      if (typeof step[key] === 'string' && step[key])
        out[key] = pick(`steps/${i}/${key}`, step[key] as string);
    if (Array.isArray(step.bring))
      out.bring = (step.bring as unknown[]).map((item, j) =>
        typeof item === 'string' ? pick(`steps/${i}/bring/${j}`, item) : item,
      );
    return out;
  });
  return steps.length ? JSON.stringify(steps) : '';
}

/** The German pieces of a page's fields that a language lacks or has outdated or machine-made. */
function pendingPieces(texts: Text[], pageId: string, lang: string, includeMachine: boolean) {
  const mine = texts.filter((t) => t.pageId === pageId);
  return mine
    .filter((t) => t.lang === 'de' && t.value)
    .flatMap((german) => {
      const current = mine.find((t) => t.lang === lang && t.field === german.field);
      const pending =
        !current || current.status === 'outdated' || (includeMachine && current.status === 'machine');
      if (!pending) return [];
      const pieces =
        german.field === 'steps' ? stepPieces(german.value) : [{ path: german.field, source: german.value }];
      const earlier = german.field === 'steps' ? parseSteps(current?.value) : [];
      return pieces.map((piece) => ({
        ...piece,
        field: german.field,
        current:
          german.field === 'steps' ? (stepString(earlier, piece.path) ?? null) : (current?.value ?? null),
        status: current ? current.status : 'missing',
      }));
    });
}

/** XLIFF 1.2 of every page's pending texts in a language (working copies), for a translation agency. */
export async function exportPagesXliff(ctx: Ctx, lang: MtLang): Promise<string> {
  authorize(ctx, 'pages.translate');
  const texts = await repo.draftTextsIn(ctx.db, ['de', lang]);
  const pageIds = [...new Set(texts.map((t) => t.pageId))].sort();
  const units: XliffUnit[] = pageIds.flatMap((pageId) =>
    pendingPieces(texts, pageId, lang, true).map((piece) => ({
      id: `page/${pageId}/${piece.path}`,
      source: piece.source,
      target: piece.current ?? '',
      state: piece.status === 'missing' ? 'new' : 'needs-review-translation',
    })),
  );
  await audit(ctx, { action: 'pages.xliff_export', details: { lang, units: units.length } });
  return buildXliff(PAGES_XLIFF_ORIGINAL, lang, units);
}

/**
 * Imports a translated XLIFF file into the working copies: every unit is checked first, one unknown unit refuses
 * the whole file; a unit whose German changed since the export is stored as outdated. Bodies are sanitised.
 */
export async function importPagesXliff(
  ctx: Ctx,
  lang: MtLang,
  xml: string,
): Promise<z.infer<typeof s.xliffImportReply>> {
  authorize(ctx, 'pages.translate');
  const units = parseXliff(xml, PAGES_XLIFF_ORIGINAL, lang);
  const texts = await repo.draftTextsIn(ctx.db, ['de', lang]);
  const sources = new Map<string, string>();
  for (const german of texts.filter((t) => t.lang === 'de')) {
    const pieces =
      german.field === 'steps' ? stepPieces(german.value) : [{ path: german.field, source: german.value }];
    for (const piece of pieces) sources.set(`page/${german.pageId}/${piece.path}`, piece.source);
  }
  const unknown = units.find((unit) => !sources.has(unit.id));
  if (unknown)
    throw new AppError('xliff.unknown_unit', { field: 'body', params: { unit: unknown.id.slice(0, 120) } });
  // Per page and field: the translated strings by path, and whether any was made from an older German.
  const byField = new Map<string, { given: Map<string, string>; outdated: boolean }>();
  let outdated = 0;
  for (const unit of units) {
    const [, pageId = '', ...path] = unit.id.split('/');
    const field = path[0] ?? '';
    const current = sourceHash(sources.get(unit.id) ?? '') === unit.sourceHash;
    if (!current) outdated++;
    const key = `${pageId}/${field}`;
    const entry = byField.get(key) ?? { given: new Map<string, string>(), outdated: false };
    entry.given.set(path.join('/'), unit.target);
    entry.outdated ||= !current;
    byField.set(key, entry);
  }
  await inTransaction(ctx, async (tx) => {
    const pageIds = [...new Set([...byField.keys()].map((key) => key.split('/')[0] ?? ''))].sort();
    for (const pageId of pageIds) {
      await repo.lockPage(tx.db, pageId);
      for (const [key, entry] of byField) {
        const [owner, field = ''] = key.split('/');
        if (owner !== pageId) continue;
        const german = texts.find((t) => t.pageId === pageId && t.lang === 'de' && t.field === field);
        const earlier = texts.find((t) => t.pageId === pageId && t.lang === lang && t.field === field);
        const given = entry.given.get(field) ?? '';
        const value =
          field === 'steps'
            ? translatedSteps(german?.value ?? '', earlier?.value, entry.given)
            : field === 'body'
              ? sanitizeBody(given)
              : given;
        await repo.upsertDraftText(
          tx.db,
          pageId,
          { lang, field, value, status: entry.outdated ? 'outdated' : 'up_to_date' },
          tx.now,
        );
      }
      await recordTranslation(tx, pageId, 'translated');
    }
    await audit(tx, { action: 'pages.xliff_import', details: { lang, units: units.length, outdated } });
  });
  return { imported: units.length, outdated };
}

/**
 * Machine-translates one page's working copy into a language: the fields that are missing, outdated or machine-made
 * there (a person's up-to-date translation stays), with the language's glossary applied; stored as machine-made.
 */
export async function translatePage(
  ctx: Ctx,
  id: string,
  input: { lang: MtLang },
): Promise<z.infer<typeof s.editorPage>> {
  const page = await loadForEdit(ctx, id);
  const { lang } = input;
  const [texts, glossary] = await Promise.all([
    repo.draftTextsIn(ctx.db, ['de', lang]),
    repo.glossaryOf(ctx.db, [lang]),
  ]);
  const pieces = pendingPieces(texts, page.id, lang, true);
  const html = pieces.filter((p) => p.field === 'body');
  const plain = pieces.filter((p) => p.field !== 'body');
  const [plainOut, htmlOut] = await Promise.all([
    machineTranslate(ctx, { target: lang, texts: plain.map((p) => p.source), glossary }),
    machineTranslate(ctx, { target: lang, format: 'html', texts: html.map((p) => p.source), glossary }),
  ]);
  const translated = new Map<string, string>();
  for (const [i, piece] of plain.entries()) translated.set(piece.path, plainOut[i] ?? '');
  for (const [i, piece] of html.entries()) translated.set(piece.path, sanitizeBody(htmlOut[i] ?? ''));
  return inTransaction(ctx, async (tx) => {
    await repo.lockPage(tx.db, page.id);
    for (const field of new Set(pieces.map((p) => p.field))) {
      const german = texts.find((t) => t.pageId === page.id && t.lang === 'de' && t.field === field);
      const earlier = texts.find((t) => t.pageId === page.id && t.lang === lang && t.field === field);
      const value =
        field === 'steps'
          ? translatedSteps(german?.value ?? '', earlier?.value, translated)
          : (translated.get(field) ?? '');
      await repo.upsertDraftText(tx.db, page.id, { lang, field, value, status: 'machine' }, tx.now);
    }
    await audit(tx, {
      action: 'pages.machine_translate',
      entityType: 'page',
      entityId: page.id,
      details: { lang, texts: pieces.length },
    });
    return pieces.length ? recordTranslation(tx, page.id, 'machine_translated') : editablePage(tx, page.id);
  });
}

/** A language's glossary. */
export async function glossary(ctx: Ctx, lang: MtLang): Promise<z.infer<typeof s.glossaryReply>> {
  authorize(ctx, 'pages.translate');
  return {
    lang,
    terms: (await repo.glossaryOf(ctx.db, [lang])).map(({ source, target }) => ({ source, target })),
  };
}

/** Replaces a language's glossary (a German term once; the first of two spellings wins). */
export async function saveGlossary(
  ctx: Ctx,
  lang: MtLang,
  input: z.infer<typeof s.glossaryBody>,
): Promise<z.infer<typeof s.glossaryReply>> {
  authorize(ctx, 'pages.translate');
  const seen = new Set<string>();
  const terms = input.terms.filter((term) => !seen.has(term.source) && seen.add(term.source));
  await inTransaction(ctx, async (tx) => {
    await repo.deleteGlossary(tx.db, lang);
    await repo.insertGlossary(tx.db, lang, terms, tx.now);
    await audit(tx, { action: 'pages.glossary', details: { lang, terms: terms.length } });
  });
  return glossary(ctx, lang);
}
