import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The dependency rules of ARCHITECTURE.md, read from the import lines of the server's files (no TypeScript needed):
// core depends on no module, and a module reaches another module only through that module's index.ts.

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER = path.join(ROOT, 'server');
const CORE = path.join(SERVER, 'core');
const MODULES = path.join(SERVER, 'modules');

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const PATTERNS = [
  // import … from '…', export … from '…', import type … from '…' (over several lines)
  /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"\n]+)['"]/gm,
  // import '…' (side effects only)
  /^\s*import\s*['"]([^'"\n]+)['"]/gm,
  // import('…')
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(file);
    return SOURCE.test(entry.name) ? [file] : [];
  });
}

/** The files a source file imports, as absolute paths; packages are left out. */
function importsOf(file: string, text: string): string[] {
  const specifiers = PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? ''));
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

/** The module a file belongs to (`guides` for server/modules/guides/after/x.ts); null outside a module folder. */
function moduleOf(file: string): string | null {
  const parts = path.relative(MODULES, file).split(path.sep);
  return parts.length > 1 && parts[0] !== '..' ? (parts[0] ?? null) : null;
}

const isTables = (file: string) => file.endsWith('.tables.ts');
const isTerms = (file: string) => file.endsWith('.terms.ts');
// Tests and their helpers set up data across modules on purpose.
const isTestSupport = (file: string) => /\.(test|unit\.test|spec|testkit|matrix|factories)\.ts$/.test(file);

/** Every import that breaks a rule, as "file → imported file" (paths from the repository root). */
function violations(files: string[], read: (file: string) => string): string[] {
  const found: string[] = [];
  const show = (file: string, target: string, rule: string) =>
    `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}: ${rule}`;
  for (const file of files) {
    const from = moduleOf(file);
    for (const target of importsOf(file, read(file))) {
      const inCore = file.startsWith(CORE + path.sep);
      if (inCore && target.startsWith(MODULES + path.sep)) {
        found.push(show(file, target, 'core depends on no module'));
        continue;
      }
      const to = moduleOf(target);
      if (from === null || to === null || from === to || isTestSupport(file)) continue;
      if (target === path.join(MODULES, to, 'index.ts') || isTerms(target)) continue;
      if (isTables(target)) {
        if (isTables(file)) continue; // a foreign key to another module's table
        found.push(show(file, target, `only the exported functions of ${to} (its index.ts) read its tables`));
        continue;
      }
      found.push(show(file, target, `use ${to} through server/modules/${to}/index.ts`));
    }
  }
  return found;
}

describe('the import rules', () => {
  it('core depends on no module, and modules reach each other only through index.ts', () => {
    const files = sourceFiles(SERVER);
    expect(violations(files, (file) => readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('reads every form of import, and names the file and the import that break a rule', () => {
    const file = (name: string) => path.join(SERVER, name);
    const sources: Record<string, string> = {
      [file('core/a.ts')]: "import type { Role } from '../modules/platform/platform.tables.ts';",
      [file('modules/guides/g.repository.ts')]: [
        'import {',
        '  users,',
        "} from '../platform/platform.tables.ts';",
        "export { x } from '../schooling/schooling.repository.ts';",
        "const m = await import('../directory/records.ts');",
        "import { ok } from '../platform/index.ts';",
        "import { TERMS } from '../directory/directory.terms.ts';",
        "import { own } from './after/after.tables.ts';",
      ].join('\n'),
      [file('modules/guides/guides.tables.ts')]: "import { users } from '../platform/platform.tables.ts';",
      [file('modules/guides/guides.testkit.ts')]: "import { users } from '../platform/platform.tables.ts';",
    };
    expect(violations(Object.keys(sources), (f) => sources[f] ?? '')).toEqual([
      'server/core/a.ts imports server/modules/platform/platform.tables.ts: core depends on no module',
      'server/modules/guides/g.repository.ts imports server/modules/platform/platform.tables.ts: only the exported functions of platform (its index.ts) read its tables',
      'server/modules/guides/g.repository.ts imports server/modules/schooling/schooling.repository.ts: use schooling through server/modules/schooling/index.ts',
      'server/modules/guides/g.repository.ts imports server/modules/directory/records.ts: use directory through server/modules/directory/index.ts',
    ]);
  });
});
