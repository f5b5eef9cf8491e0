import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { purgeCss } from './scripts/css-purge.ts';

const root = fileURLToPath(new URL('./web', import.meta.url));
const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://localhost:3000';

/**
 * Emits web/src/app/sw.js as /sw.js with this build's scripts and styles to precache (fonts and images are
 * kept once used) and a version that changes with them, so a new build replaces the old worker and caches.
 */
function serviceWorker(): Plugin {
  return {
    name: 'lotse-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const precache = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/') && /\.(js|css)$/.test(file))
        .map((file) => `/${file}`)
        .sort();
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(fileURLToPath(new URL('./web/src/app/sw.js', import.meta.url)), 'utf8')
        .replace('__VERSION__', version)
        .replace("'__PRECACHE__'", JSON.stringify(JSON.stringify(precache)));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every text asset of the build, once, at the highest
 * settings; the server sends them as they are (@fastify/static `preCompressed`) to browsers that accept them.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'lotse-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter(
          (entry) => entry.isFile() && COMPRESSIBLE.test(entry.name) && !entry.parentPath.includes('.vite'),
        )
        .map((entry) => path.join(entry.parentPath, entry.name));
      for (const file of files) {
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(source, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

/** KERN classes the code builds at run time (`kern-badge--${variant}`, `kern-icon--${icon}`): kept whole. */
const KERN_DYNAMIC = ['kern-alert--', 'kern-badge--', 'kern-icon--', 'kern-btn--'];

/**
 * Keeps only the KERN UX rules whose classes the web app uses: the classes named in web/src, plus the families
 * it builds at run time. KERN ships every component, grid and utility in one stylesheet.
 */
function kernUsedOnly(): Plugin {
  let used = new Set<string>();
  return {
    name: 'lotse-kern-used-only',
    apply: 'build',
    buildStart() {
      const sources = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(?:tsx?|css)$/.test(entry.name))
        .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
      used = new Set(sources.flatMap((source) => source.match(/kern-[A-Za-z0-9_-]+/g) ?? []));
    },
    transform(code, id) {
      if (!/@kern-ux\/native\/dist\/kern(?:\.min)?\.css$/.test(id)) return null;
      const isUsed = (name: string) =>
        used.has(name) || KERN_DYNAMIC.some((family) => name.startsWith(family));
      return { code: purgeCss(code, 'kern-', isUsed), map: null };
    },
  };
}

/** The web app lives in web/; its locale files are read from ../locales, which the dev server must be allowed to serve. */
export default defineConfig({
  root,
  plugins: [react(), kernUsedOnly(), serviceWorker(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: what each page loads, for the first-load budget (scripts/web-budget.test.ts).
    manifest: true,
  },
  server: {
    fs: { allow: [projectRoot] },
    proxy: {
      '/api': apiServer,
      '/health': apiServer,
      '/ready': apiServer,
    },
  },
});
