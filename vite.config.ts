import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./web', import.meta.url));
const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://localhost:3000';

/** The web app lives in web/; its locale files are read from ../locales, which the dev server must be allowed to serve. */
export default defineConfig({
  root,
  plugins: [react()],
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
