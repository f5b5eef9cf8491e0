/**
 * Checks the UI strings in locales/: every language has exactly the German keys, every message is valid ICU
 * with the same variables as the German one, review.json covers every translation, and every German key is
 * used somewhere in web/src or server. Prints one line per problem and exits 1, or one OK line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

type MessageFormatElement = ReturnType<IntlMessageFormat['getAst']>[number];
// Element kinds of the ICU syntax tree (see @formatjs/icu-messageformat-parser TYPE): text, `#`, <tag>.
const LITERAL = 0;
const POUND = 7;
const TAG = 8;

const ROOT = path.resolve(import.meta.dirname, '..');
const LOCALES = path.join(ROOT, 'locales');
const SOURCE = 'de';
const CODE_DIRS = ['web/src', 'server'];
const REVIEW_STATUSES = new Set(['machine', 'reviewed']);

const problems: string[] = [];
const report = (line: string) => problems.push(line);

type Messages = Map<string, string>;

/** Flattens nested JSON into dot paths; anything but strings and objects is a problem. */
function flatten(node: unknown, prefix: string, out: Messages, file: string): Messages {
  if (typeof node === 'string') {
    out.set(prefix, node);
  } else if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node))
      flatten(value, prefix ? `${prefix}.${key}` : key, out, file);
  } else {
    report(`${file}: ${prefix || '(root)'} is neither a string nor an object`);
  }
  return out;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    report(`${path.relative(ROOT, file)}: invalid JSON (${(error as Error).message})`);
    return undefined;
  }
}

/** The variable names an ICU message uses, including plural/select arguments and nested ones. */
function variables(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === LITERAL || element.type === POUND) continue;
    if (element.type === TAG && 'children' in element) {
      variables(element.children, into);
      continue;
    }
    if ('value' in element && typeof element.value === 'string') into.add(element.value);
    if ('options' in element) {
      for (const option of Object.values(element.options)) variables(option.value, into);
    }
  }
  return into;
}

function parseMessage(message: string, language: string, where: string): Set<string> | undefined {
  try {
    return variables(
      new IntlMessageFormat(message, language, undefined, { requiresOtherClause: true }).getAst(),
    );
  } catch (error) {
    report(`${where}: not a valid ICU message (${(error as Error).message})`);
    return undefined;
  }
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

function sourceFiles(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const languages = readdirSync(LOCALES).filter((name) => statSync(path.join(LOCALES, name)).isDirectory());
const namespaces = readdirSync(path.join(LOCALES, SOURCE))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length));

const load = (language: string, namespace: string): Messages | undefined => {
  const file = path.join(LOCALES, language, `${namespace}.json`);
  const relative = path.relative(ROOT, file);
  try {
    statSync(file);
  } catch {
    report(`${relative}: missing`);
    return undefined;
  }
  const json = readJson(file);
  return json === undefined ? undefined : flatten(json, '', new Map(), relative);
};

let keyCount = 0;
const sourceKeys: { namespace: string; key: string }[] = [];

for (const namespace of namespaces) {
  const source = load(SOURCE, namespace);
  if (!source) continue;
  const sourceVariables = new Map<string, Set<string> | undefined>();
  for (const [key, message] of source) {
    sourceVariables.set(key, parseMessage(message, SOURCE, `${SOURCE}/${namespace}.json: ${key}`));
    sourceKeys.push({ namespace, key });
  }
  keyCount += source.size;

  for (const language of languages.filter((l) => l !== SOURCE)) {
    const messages = load(language, namespace);
    if (!messages) continue;
    for (const key of source.keys()) {
      if (!messages.has(key)) report(`${language}/${namespace}.json: missing key ${key}`);
    }
    for (const [key, message] of messages) {
      const where = `${language}/${namespace}.json: ${key}`;
      if (!source.has(key)) {
        report(`${where}: extra key (not in ${SOURCE})`);
        continue;
      }
      const used = parseMessage(message, language, where);
      const expected = sourceVariables.get(key);
      if (used && expected && !sameSet(used, expected)) {
        report(
          `${where}: variables {${[...used].join(', ')}} differ from ${SOURCE} {${[...expected].join(', ')}}`,
        );
      }
    }
  }
}

for (const language of languages) {
  const extra = readdirSync(path.join(LOCALES, language)).filter(
    (name) => name.endsWith('.json') && !namespaces.includes(name.slice(0, -'.json'.length)),
  );
  for (const name of extra) report(`${language}/${name}: namespace not in ${SOURCE}`);
}

const review = readJson(path.join(LOCALES, 'review.json')) as Record<string, unknown> | undefined;
if (review) {
  if (typeof review._note !== 'string') report('review.json: "_note" is missing');
  for (const language of languages.filter((l) => l !== SOURCE)) {
    const entry = review[language] as Record<string, unknown> | undefined;
    for (const namespace of namespaces) {
      const status = entry?.[namespace];
      if (typeof status !== 'string' || !REVIEW_STATUSES.has(status)) {
        report(`review.json: ${language}.${namespace} needs a status ("machine" or "reviewed")`);
      }
    }
  }
}

const code = CODE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
for (const { namespace, key } of sourceKeys) {
  const used = [`${namespace}:${key}`, `'${key}'`, `"${key}"`, `\`${key}\``].some((needle) =>
    code.includes(needle),
  );
  if (!used) report(`${SOURCE}/${namespace}.json: ${key} is not used in ${CODE_DIRS.join(' or ')}`);
}

if (problems.length > 0) {
  for (const line of problems) console.log(line);
  process.exit(1);
}
console.log(
  `i18n OK: ${languages.length} languages × ${namespaces.length} namespaces, ${keyCount} keys, all used and translated`,
);
