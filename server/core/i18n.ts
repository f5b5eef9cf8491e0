import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');
export const SOURCE_LOCALE = 'de';

type Messages = Record<string, unknown>;
const catalogs = new Map<string, Messages>();
const compiled = new Map<string, IntlMessageFormat>();

function catalog(locale: string, namespace: string): Messages {
  const key = `${locale}/${namespace}`;
  let messages = catalogs.get(key);
  if (!messages) {
    const file = path.join(LOCALES_DIR, locale, `${namespace}.json`);
    messages = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Messages) : {};
    catalogs.set(key, messages);
  }
  return messages;
}

function lookup(messages: Messages, dotted: string): string | undefined {
  let node: unknown = messages;
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Messages)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The UI languages that have locale files. */
export function availableLocales(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** Translates `namespace:key` into the locale, falling back to German, then to the key itself. */
export function translate(locale: string, fullKey: string, params: Record<string, unknown> = {}): string {
  const [namespace, key] = fullKey.includes(':')
    ? (fullKey.split(':', 2) as [string, string])
    : ['common', fullKey];
  for (const candidate of [locale, SOURCE_LOCALE]) {
    const message = lookup(catalog(candidate, namespace), key);
    if (message === undefined) continue;
    const cacheKey = `${candidate}/${namespace}:${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(message, candidate);
      compiled.set(cacheKey, format);
    }
    try {
      return String(format.format(params as Record<string, string>));
    } catch {
      return message;
    }
  }
  return fullKey;
}

/** Picks the caller's language: the lotse_lang cookie, then Accept-Language, then German. */
export function pickLocale(
  supported: readonly string[],
  cookie: string | undefined,
  acceptLanguage: string | undefined,
) {
  if (cookie && supported.includes(cookie)) return cookie;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const base = tag.split('-')[0] ?? '';
    if (supported.includes(base)) return base;
  }
  return SOURCE_LOCALE;
}
