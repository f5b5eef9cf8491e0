// The web app's build (Vite) for `npm start` and `npm run build`. `npm start` rebuilds web/dist only when one of
// its inputs changed since the last build: the fingerprint of the inputs is kept in web/dist.fingerprint, next to
// web/dist and not in it (the server serves web/dist, and Vite empties it on every build).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const WEB_DIST = path.join(ROOT, 'web', 'dist');
const FINGERPRINT_FILE = path.join(ROOT, 'web', 'dist.fingerprint');

// Conservative: every file under these folders and these files (a change to one that the build does not read
// costs one needless build), plus the files outside them that the web app imports, found by following imports.
const INPUT_DIRS = ['web', 'locales'];
const INPUT_FILES = ['vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const NOT_INPUTS = ['web/dist', 'web/dist.fingerprint'];
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.\.?\/[^'"]+)['"]/g;
const SOURCE = /\.(?:[cm]?[jt]sx?|css)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '/index.ts', '/index.tsx', '/index.js'];

/** The file an import names, as Vite resolves it (with or without extension), or null. */
function resolveImport(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier.replace(/[?#].*$/, ''));
  for (const extension of EXTENSIONS) {
    const file = base + extension;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

function filesUnder(dir: string, skip: Set<string>): string[] {
  if (skip.has(dir) || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(file, skip);
    return entry.isFile() && !skip.has(file) ? [file] : [];
  });
}

/** The files a change of which changes the web build (absolute paths, sorted) in the project at root. */
export function webBuildInputs(root = ROOT): string[] {
  const skip = new Set(NOT_INPUTS.map((file) => path.join(root, file)));
  const inputs = new Set([
    ...INPUT_DIRS.flatMap((dir) => filesUnder(path.join(root, dir), skip)),
    ...INPUT_FILES.map((file) => path.join(root, file)).filter((file) => existsSync(file)),
  ]);
  // The server files the web app shares (terms, time), and what they import in turn.
  const queue = [...inputs].filter((file) => SOURCE.test(file));
  for (let file = queue.pop(); file; file = queue.pop()) {
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolveImport(file, specifier);
      if (!target || inputs.has(target)) continue;
      inputs.add(target);
      if (SOURCE.test(target)) queue.push(target);
    }
  }
  return [...inputs].sort();
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** One hash over the inputs' paths and contents. */
export function webBuildFingerprint(root = ROOT): string {
  const hash = createHash('sha256');
  for (const file of webBuildInputs(root)) {
    hash.update(`${path.relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

// The record also names the index.html it was made with (its script names carry Vite's content hashes), so a
// web/dist replaced by a plain `vite build` of other sources is not taken for this one.
type BuildRecord = { inputs: string; index: string | null };

function readRecord(): BuildRecord | null {
  try {
    return JSON.parse(readFileSync(FINGERPRINT_FILE, 'utf8')) as BuildRecord;
  } catch {
    return null;
  }
}

function indexHash(): string | null {
  const index = path.join(WEB_DIST, 'index.html');
  return existsSync(index) ? sha256(readFileSync(index)) : null;
}

/** Builds the web app with vite.config.ts into outDir (web/dist unless given); throws when Vite fails. */
export function buildWeb(outDir = WEB_DIST): void {
  // In a process of its own: Vite sets NODE_ENV=production in the process it builds in, which would make the
  // server that `npm start` runs next refuse the development settings; and a start that skips the build never
  // loads Vite.
  const vite = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (vite.status !== 0)
    throw new Error(`the web app's build (vite build) failed with exit code ${vite.status}`);
}

/** Builds web/dist when it is missing or its inputs changed since its build; says which happened. */
export function ensureWebBuild(): 'built' | 'unchanged' {
  const inputs = webBuildFingerprint();
  const record = readRecord();
  if (record?.inputs === inputs && record.index === indexHash()) return 'unchanged';
  buildWeb();
  // Taken before the build: a file edited while Vite ran makes the next start build again.
  writeFileSync(
    FINGERPRINT_FILE,
    `${JSON.stringify({ inputs, index: indexHash() } satisfies BuildRecord)}\n`,
  );
  return 'built';
}
