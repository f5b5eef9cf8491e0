import { createHash } from 'node:crypto';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../core/errors.ts';

/** The `original` attribute that marks files exported by this directory. */
export const XLIFF_ORIGINAL = 'lotse-directory';

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

/** XLIFF 1.2: one trans-unit per text (id "service/<id>/<field>"), the German source and the current target. */
export function buildXliff(targetLanguage: string, units: XliffUnit[]): string {
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
        '@original': XLIFF_ORIGINAL,
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
 * Reads an XLIFF 1.2 file exported by this directory; refuses anything else with a reason. Returns the units the
 * translator finished (state translated, final or signed-off, or no state on a non-empty target).
 */
export function parseXliff(
  xml: string,
  expectedLanguage: string,
): { id: string; target: string; sourceHash: string }[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new AppError('xliff.malformed', { field: 'body', params: { reason: 'DOCTYPE' } });
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
  if (file['@original'] !== XLIFF_ORIGINAL || file['@source-language'] !== 'de')
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
