// `npm run build [-- --out DIR]`: the production build in DIR (default dist/), run by `npm run start:prod`
// (node dist/server/main.js start) without tsx or Vite. DIR mirrors the project, because the server finds its
// files relative to its own: DIR/server (compiled by tsc, tsconfig.build.json), the solvers' worker entries,
// DIR/locales, DIR/db/migrations, DIR/vendor/fonts and DIR/web/dist (a fresh Vite build). Packages stay in
// node_modules (found from DIR's parent folders), and cities/ is read from the working directory as always.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildWeb } from './web-build.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out);
const started = Date.now();

// A folder is emptied only when it is empty or an earlier build: `--out .` or `--out server` must not wipe sources.
if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(path.join(out, 'server', 'main.js'))) {
  console.error(`Build stopped: ${out} is neither empty nor an earlier build; choose another --out folder.`);
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// Node reads DIR/**/*.js as ES modules wherever DIR is put, not only under this package.json.
writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ type: 'module' })}\n`);

// Emit only (noCheck in tsconfig.build.json), as tsx runs the sources: types are checked by `npm run typecheck`
// and `npm test`, and a build that checked them again would take ten times as long.
const tsc = spawnSync(
  process.execPath,
  [
    path.join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    path.join(ROOT, 'tsconfig.build.json'),
    '--outDir',
    out,
  ],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) {
  console.error('Build failed: the server does not compile (see above).');
  process.exit(1);
}

// The worker entries are plain JavaScript (*.mjs) that tsc does not copy; in DIR they load the compiled solvers.
const serverDir = path.join(ROOT, 'server');
for (const file of readdirSync(serverDir, { recursive: true, encoding: 'utf8' })) {
  if (file.endsWith('.mjs')) cpSync(path.join(serverDir, file), path.join(out, 'server', file));
}
for (const dir of ['locales', 'db/migrations', 'vendor/fonts']) {
  cpSync(path.join(ROOT, dir), path.join(out, dir), { recursive: true });
}
buildWeb(path.join(out, 'web', 'dist'));

const relative = path.relative(process.cwd(), out) || '.';
console.log(
  `Built ${relative} in ${((Date.now() - started) / 1000).toFixed(1)} s; start it with: node ${path.join(relative, 'server', 'main.js')} start`,
);
