import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserEnv,
  describeViolations,
  type Lang,
  open,
  PAGES,
  rawKeyIn,
  seriousViolations,
  startBrowserEnv,
  text,
  expectHeading,
} from '../browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

const LANGS: readonly Lang[] = ['de', 'ar'];

describe.each(LANGS)('axe (WCAG 2.1 AA) in %s', (lang) => {
  test.each(PAGES.map((page) => [page.name, page] as const))(
    '%s has no serious violations',
    async (_, pageCase) => {
      const context = await env.sharedContext({ lang, ...(pageCase.role ? { role: pageCase.role } : {}) });
      const page = await context.newPage();
      try {
        await open(page, pageCase.path);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await expectHeading(page, text(lang, pageCase.heading));
        expect(await rawKeyIn(page), 'an untranslated key is shown').toBeNull();
        const findings = await seriousViolations(page);
        expect(findings, `${pageCase.path} (${lang}):\n${describeViolations(findings)}`).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
