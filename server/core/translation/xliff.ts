import { createHash } from 'node:crypto';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../errors.ts';

/**
 * XLIFF 1.2, the one file format translation agencies read and write: every module that exports its texts for
 * translation (the directory's offers, the information pages) builds and reads it here. A file's `original`
 * attribute names the module that exported it, so one module's file is refused by another.
 */

export type XliffUnit = {
  id: string;
  source: string;
  target: string;
  state: 'new' | 'needs-review-translation' | 'translated';
};

/** A short fingerprint of the German source, so an import knows whether the German changed since the export. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/**
 * XLIFF 1.2: one trans-unit per text (id e.g. "service/<id>/<field>"), the German source and the current target;
 * `original` names the exporting module (e.g. "lotse-directory").
 */
export function buildXliff(original: string, targetLanguage: string, units: XliffUnit[]): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    format: true,
    suppressEmptyNode: false,
  });
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    xliff: {
      '@version': '1.2',
      '@xmlns': 'urn:oasis:names:tc:xliff:document:1.2',
      file: {
        '@original': original,
        '@source-language': 'de',
        '@target-language': targetLanguage,
        '@datatype': 'plaintext',
        body: {
          'trans-unit': units.map((unit) => ({
            '@id': unit.id,
            '@resname': sourceHash(unit.source),
            source: unit.source,
            target: { '@state': unit.state, '#text': unit.target },
          })),
        },
      },
    },
  };
  return builder.build(document) as string;
}

type ParsedUnit = { '@id'?: unknown; '@resname'?: unknown; source?: unknown; target?: unknown };

const textOf = (node: unknown): string => {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node)
    return String((node as { '#text': unknown })['#text']);
  return '';
};

const DONE_STATES = new Set(['translated', 'final', 'signed-off']);

/**
 * What an import may hold, checked by one linear pass before the XML parser sees the file (fast-xml-parser throws a
 * plain error on deep nesting, and its time grows faster than the file with many attributes: 200,000 attributes in
 * 2.3 MB took seconds). Our export nests 5 deep (xliff/file/body/trans-unit/target) and writes per text three
 * elements and three attributes; translation tools add inline markup (<g>, <x/>, <mrk>) and a few attributes.
 * - depth 32: room for inline markup within markup, far below what makes a parser recurse deeply;
 * - 32 attributes per element: XLIFF 1.2 defines about 25 optional ones on a trans-unit, plus xml:space/xml:lang;
 * - 60,000 elements and 80,000 attributes: 20,000 texts, i.e. 4,000 offers with every text field pending in one
 *   language — far more than a city's backlog — while an import stays within seconds.
 */
export const XLIFF_LIMITS = { depth: 32, attributesPerElement: 32, elements: 60_000, attributes: 80_000 };

function tooComplex(): AppError {
  return new AppError('xliff.too_complex', { field: 'body', params: { ...XLIFF_LIMITS } });
}

/** Counts nesting, elements and attributes in one pass (quotes respected); refuses the file beyond the limits. */
export function checkXliffLimits(xml: string): void {
  let depth = 0;
  let elements = 0;
  let attributes = 0;
  let at = 0;
  const skipTo = (end: string, from: number) => {
    const found = xml.indexOf(end, from);
    return found < 0 ? xml.length : found + end.length;
  };
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    if (open < 0) break;
    if (xml.startsWith('<!--', open)) at = skipTo('-->', open + 4);
    else if (xml.startsWith('<![CDATA[', open)) at = skipTo(']]>', open + 9);
    else if (xml[open + 1] === '?' || xml[open + 1] === '!') at = skipTo('>', open + 2);
    else if (xml[open + 1] === '/') {
      depth--;
      at = skipTo('>', open + 2);
    } else {
      let quote = '';
      let own = 0;
      let end = open + 1;
      for (; end < xml.length; end++) {
        const c = xml[end];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '=' && ++own > XLIFF_LIMITS.attributesPerElement) throw tooComplex();
        else if (c === '>') break;
      }
      elements++;
      attributes += own;
      if (xml[end - 1] !== '/') depth++;
      if (
        depth > XLIFF_LIMITS.depth ||
        elements > XLIFF_LIMITS.elements ||
        attributes > XLIFF_LIMITS.attributes
      )
        throw tooComplex();
      at = end + 1;
    }
  }
}

/**
 * Reads an XLIFF 1.2 file exported by the module named `original`; refuses anything else with a reason. Returns the
 * units the translator finished (state translated, final or signed-off, or no state on a non-empty target).
 */
export function parseXliff(
  xml: string,
  original: string,
  expectedLanguage: string,
): { id: string; target: string; sourceHash: string }[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new AppError('xliff.malformed', { field: 'body', params: { reason: 'DOCTYPE' } });
  checkXliffLimits(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new AppError('xliff.malformed', { field: 'body', params: { reason: `line ${valid.err.line}` } });
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'trans-unit' || name === 'file',
  }).parse(xml) as {
    xliff?: {
      '@version'?: string;
      file?: {
        '@original'?: string;
        '@source-language'?: string;
        '@target-language'?: string;
        body?: { 'trans-unit'?: ParsedUnit[] };
      }[];
    };
  };
  const files = parsed.xliff?.file;
  if (!parsed.xliff || !files || files.length !== 1)
    throw new AppError('xliff.malformed', { field: 'body', params: { reason: 'xliff/file' } });
  const file = files[0] ?? {};
  if (file['@original'] !== original || file['@source-language'] !== 'de')
    throw new AppError('xliff.foreign', { field: 'body' });
  const target = String(file['@target-language'] ?? '');
  if (target !== expectedLanguage)
    throw new AppError('xliff.wrong_language', { field: 'body', params: { found: target.slice(0, 20) } });
  return (file.body?.['trans-unit'] ?? []).flatMap((unit) => {
    const target = textOf(unit.target).trim();
    const state =
      unit.target && typeof unit.target === 'object'
        ? (unit.target as { '@state'?: string })['@state']
        : undefined;
    if (!target || (state !== undefined && !DONE_STATES.has(state))) return [];
    return [{ id: String(unit['@id'] ?? ''), target, sourceHash: String(unit['@resname'] ?? '') }];
  });
}
