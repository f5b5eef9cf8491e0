// The home page's first load on a phone: what index.html makes the browser fetch before any font, compressed as
// the server sends it. Reads the last build (npm test builds web/dist before Vitest runs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

  it('fetches only the Latin subset of the typeface for a German page (about 50 KiB instead of 260 KiB)', () => {
    const text = germanUiText();
    const faces = fontFaces().filter((face) => face.family === 'Fira Sans' && face.style === 'normal');
    const fetched = faces.filter(
      (face) => (face.weight === '400' || face.weight === '600') && [...text].some((ch) => face.covers(ch)),
    );
    const bytes = fetched.reduce((sum, face) => sum + statSync(path.join(DIST, face.woff2)).size, 0);
    const list = fetched.map((face) => `${face.weight} ${face.woff2}`).join('\n');
    expect(fetched.length, list).toBeGreaterThanOrEqual(2);
    expect(bytes, `fonts a German page fetches:\n${list}`).toBeLessThanOrEqual(80 * 1024);
  });
});

/** Every character of the German interface texts. */
function germanUiText(): string {
  const dir = path.resolve(import.meta.dirname, '..', 'locales', 'de');
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const file of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  return strings.join('');
}

/** The built stylesheets' @font-face rules: family, weight, style, woff2 file and which characters they cover. */
function fontFaces() {
  const assets = path.join(DIST, 'assets');
  const css = readdirSync(assets)
    .filter((file) => file.endsWith('.css'))
    .map((file) => readFileSync(path.join(assets, file), 'utf8'))
    .join('\n');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((match) => {
    const body = match[1] ?? '';
    const prop = (name: string) => body.match(new RegExp(`${name}:\\s*([^;]+)`))?.[1]?.trim() ?? '';
    const ranges = prop('unicode-range')
      .split(',')
      .map((part) => part.trim().replace(/^U\+/i, ''))
      .filter(Boolean)
      .map((part) => {
        const [from = '0', to = from] = part.split('-');
        return [Number.parseInt(from, 16), Number.parseInt(to, 16)] as const;
      });
    return {
      family: prop('font-family').replace(/["']/g, ''),
      weight: prop('font-weight'),
      style: prop('font-style'),
      woff2: body.match(/url\(\/?([^)]+\.woff2)\)/)?.[1] ?? '',
      /** A face without unicode-range covers every character. */
      covers: (ch: string) => {
        const code = ch.codePointAt(0) ?? 0;
        return ranges.length === 0 || ranges.some(([from, to]) => code >= from && code <= to);
      },
    };
  });
}
