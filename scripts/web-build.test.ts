import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webBuildFingerprint, webBuildInputs } from './web-build.ts';

// A small project: the web app imports a server file (without extension), which imports another one.
const root = mkdtempSync(path.join(os.tmpdir(), 'lotse-web-build-'));
const files: Record<string, string> = {
  'web/index.html': '<script type="module" src="/src/main.tsx"></script>',
  'web/src/main.tsx': "import { terms } from '../../server/modules/x/x.terms';\nimport './app.css';",
  'web/src/app.css': 'body { margin: 0; }',
  'web/dist/index.html': 'built',
  'locales/de/common.json': '{}',
  'server/modules/x/x.terms.ts': "import { zone } from '../../core/time.ts';\nexport const terms = [zone];",
  'server/core/time.ts': "export const zone = 'Europe/Berlin';",
  'server/app.ts': "import { terms } from './modules/x/x.terms.ts';",
  'package-lock.json': '{}',
};
for (const [file, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the web build fingerprint of npm start', () => {
  it('covers web/, locales/ and the server files the web app imports, not the rest of the server or web/dist', () => {
    const inputs = webBuildInputs(root).map((file) => path.relative(root, file));
    expect(inputs).toEqual([
      'locales/de/common.json',
      'package-lock.json',
      'server/core/time.ts',
      'server/modules/x/x.terms.ts',
      'web/index.html',
      'web/src/app.css',
      'web/src/main.tsx',
    ]);
  });

  it('changes when a shared server file changes, and not for a server-only file or a new web/dist', () => {
    const before = webBuildFingerprint(root);
    appendFileSync(path.join(root, 'server/app.ts'), '\n// server only');
    writeFileSync(path.join(root, 'web/dist/index.html'), 'built again');
    expect(webBuildFingerprint(root)).toBe(before);
    appendFileSync(path.join(root, 'server/core/time.ts'), "\nexport const other = 'UTC';");
    expect(webBuildFingerprint(root)).not.toBe(before);
  });
});
