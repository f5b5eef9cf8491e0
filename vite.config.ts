import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

/** The web app lives in web/; its locale files are read from ../locales, which the dev server must be allowed to serve. */
export default defineConfig({
  root,
  plugins: [react(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
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
