// The home page's first load on a phone: what index.html makes the browser fetch before any font, compressed as
// the server sends it. Reads the last build (npm test builds web/dist before Vitest runs).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '..', 'web', 'dist');
const BUDGET = 250 * 1024;

type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };

/** The scripts and styles the home page loads at once: index.html's own, and everything its entry imports statically. */
function initialAssets(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = new Set(
    [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map(
      (match) => match[1] ?? '',
    ),
  );
  const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const queue = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const seen = new Set<string>();
  for (let key = queue.pop(); key; key = queue.pop()) {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) continue;
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    queue.push(...(chunk.imports ?? []));
  }
  return [...files].sort();
}

describe('the first load of the home page', () => {
  it('is built (npm test builds web/dist first)', () => {
    expect(existsSync(path.join(DIST, 'index.html')), 'run `npx vite build` first').toBe(true);
  });

  it('has every script and style precompressed (brotli and gzip) for the server to send as they are', () => {
    const assets = initialAssets();
    expect(assets.length).toBeGreaterThan(1);
    for (const file of assets) {
      for (const suffix of ['.br', '.gz']) {
        expect(existsSync(path.join(DIST, file + suffix)), `${file}${suffix}`).toBe(true);
      }
    }
  });

  it('stays within 250 KiB of compressed scripts and styles before fonts', () => {
    const sizes = initialAssets().map((file) => {
      const compressed = path.join(DIST, `${file}.br`);
      return { file, bytes: statSync(existsSync(compressed) ? compressed : path.join(DIST, file)).size };
    });
    const total = sizes.reduce((sum, entry) => sum + entry.bytes, 0);
    const list = sizes.map((entry) => `${entry.file}: ${(entry.bytes / 1024).toFixed(1)} KiB`).join('\n');
    expect(total, `home page, compressed:\n${list}`).toBeLessThanOrEqual(BUDGET);
  });

  it('has a favicon, so no page logs a 404 for it', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const icon = html.match(/<link\b[^>]*rel="icon"[^>]*href="\/([^"]+)"/)?.[1];
    expect(icon, 'a <link rel="icon"> in index.html').toBeDefined();
    expect(existsSync(path.join(DIST, icon ?? 'missing'))).toBe(true);
  });
});
