/**
 * Machine translation through a LibreTranslate-compatible service (MT_URL, MT_API_KEY), and the glossary it must
 * respect: terms of a language that are translated one way only ("Jobcenter" stays "Jobcenter", "Bürgeramt" becomes
 * "Bürgeramt (…)"). The directory and the information pages both translate through here.
 */
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';

/** A glossary entry: the German term and the one way it is written in the target language. */
export type GlossaryTerm = { source: string; target: string };

/** A term a translation does not carry the glossary's way: the German term and what the translation lacks. */
export type GlossaryFlag = { source: string; expected: string };

type MtAnswer = { translatedText?: string | string[] };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The German term as a whole word (letters and digits may not touch it; "Jobcenter-Termin" still has it). */
const termPattern = (term: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term.trim())}(?![\\p{L}\\p{N}])`, 'giu');

/** Applies `change` to the text between HTML tags only (attributes such as links stay as they are). */
function outsideTags(text: string, change: (part: string) => string): string {
  return text
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : change(part)))
    .join('');
}

/**
 * Writes the glossary's target terms into the German HTML before it is sent, longest terms first, each in a
 * `<span translate="no">` (the HTML attribute LibreTranslate's HTML mode leaves untranslated), so a term to be kept
 * as it is ("Jobcenter") is not translated after all.
 */
export function applyGlossary(html: string, glossary: GlossaryTerm[]): string {
  const terms = [...glossary].sort((a, b) => b.source.length - a.source.length);
  const marked = terms.map((term, i) => ({ term, mark: `\uE000${i}\uE000` }));
  const withMarks = outsideTags(html, (part) =>
    marked.reduce((out, { term, mark }) => out.replace(termPattern(term.source), mark), part),
  );
  return withMarks.replace(/\uE000(\d+)\uE000/g, (_whole, i: string) => {
    const target = marked[Number(i)]?.term.target ?? '';
    return `<span translate="no">${escapeHtml(target)}</span>`;
  });
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const unescapeHtml = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&amp;', '&');
/** The glossary's spans taken out of a translation again (their text stays). */
const unwrapTerms = (html: string) => html.replace(/<span translate="no">([\s\S]*?)<\/span>/g, '$1');

/** Text without tags and entities, lower-cased: what the glossary check compares. */
const plain = (text: string) =>
  text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .toLocaleLowerCase();

/**
 * The review check: every glossary term the German text uses must appear in the translation the glossary's way.
 * Returns the terms translated another way (each once).
 */
export function glossaryFlags(german: string, translated: string, glossary: GlossaryTerm[]): GlossaryFlag[] {
  const source = plain(german);
  const target = plain(translated);
  const flags: GlossaryFlag[] = [];
  for (const term of glossary) {
    if (!term.source.trim() || !termPattern(term.source.toLocaleLowerCase()).test(source)) continue;
    if (target.includes(term.target.trim().toLocaleLowerCase())) continue;
    if (!flags.some((f) => f.source === term.source))
      flags.push({ source: term.source, expected: term.target });
  }
  return flags;
}

/**
 * Translates German texts into `target` in one request (LibreTranslate's POST /translate with a list), the glossary
 * applied first (as protected spans). `format: 'html'` keeps the markup. Refuses with `feature.disabled` when no service is set, and
 * `mt.failed` (502) when it does not answer or answers something else than one text per text sent.
 */
export async function machineTranslate(
  ctx: Ctx,
  input: { target: string; texts: string[]; format?: 'text' | 'html'; glossary?: GlossaryTerm[] },
): Promise<string[]> {
  if (!ctx.config.mtUrl) throw new AppError('feature.disabled');
  if (!input.texts.length) return [];
  const glossary = input.glossary ?? [];
  // With a glossary, plain texts go as HTML too (escaped), so the terms' spans protect them; they come back plain.
  const html = input.format === 'html' || glossary.length > 0;
  const q = input.texts.map((text) => {
    const source = input.format === 'html' ? text : html ? escapeHtml(text) : text;
    return glossary.length ? applyGlossary(source, glossary) : source;
  });
  let answer: MtAnswer;
  try {
    const response = await fetch(`${ctx.config.mtUrl}/translate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        q,
        source: 'de',
        target: input.target,
        format: html ? 'html' : 'text',
        ...(ctx.config.mtApiKey ? { api_key: ctx.config.mtApiKey } : {}),
      }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    answer = (await response.json()) as MtAnswer;
  } catch (error) {
    throw new AppError('mt.failed', { cause: error });
  }
  const texts = Array.isArray(answer.translatedText) ? answer.translatedText : [answer.translatedText];
  if (texts.length !== input.texts.length || texts.some((t) => typeof t !== 'string'))
    throw new AppError('mt.failed');
  return (texts as string[]).map((text) => {
    if (!html) return text;
    const unwrapped = unwrapTerms(text);
    return input.format === 'html' ? unwrapped : unescapeHtml(unwrapped);
  });
}
