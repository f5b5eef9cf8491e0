/**
 * Every page of the app in German and Arabic, each opened once: on a 360 px phone it does not scroll sideways and
 * nothing lies beyond the screen's edges; then, widened to a desktop window, it shows its heading in the reader's
 * language with no raw i18n key, and axe (WCAG 2.1 AA) finds nothing serious or critical. Also the phone's menu
 * button, and the README's screenshots.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../test/config.ts';
import {
  type BrowserEnv,
  DESKTOP,
  describeViolations,
  expectHeading,
  type Lang,
  newContext,
  offScreen,
  open,
  PAGES,
  PHONE,
  rawKeyIn,
  seriousViolations,
  settle,
  startBrowserEnv,
  text,
} from '../browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

const LANGS: readonly Lang[] = ['de', 'ar'];

describe.each(LANGS)('in %s', (lang) => {
  test.each(PAGES.map((page) => [page.name, page] as const))(
    '%s: fits a 360 px phone, and axe finds no serious violations',
    async (_, pageCase) => {
      const context = await env.sharedContext({
        lang,
        viewport: PHONE,
        ...(pageCase.role ? { role: pageCase.role } : {}),
      });
      const page = await context.newPage();
      try {
        await open(page, pageCase.path);
        const widths = await page.evaluate(() => ({
          document: document.documentElement.scrollWidth,
          body: document.body.scrollWidth,
        }));
        expect(widths.document, `${pageCase.path} is ${widths.document}px wide`).toBeLessThanOrEqual(
          PHONE.width,
        );
        expect(widths.body).toBeLessThanOrEqual(PHONE.width);
        // html and body clip sideways overflow, so also check that nothing is cut off at the screen's edges.
        expect(await offScreen(page), `${pageCase.path}: elements beyond the screen`).toEqual([]);

        // The same page in a desktop window: the wide layout (full navigation) is what axe checks.
        await page.setViewportSize(DESKTOP);
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

  test.each([
    ['anonymous', undefined, ['common:nav.home', 'common:nav.login']],
    ['admin', 'admin', ['common:nav.home', 'common:nav.account', 'common:nav.audit', 'common:nav.users']],
  ] as const)('the menu button opens the nav for %s, and its links work', async (_, role, keys) => {
    const context = await newContext(env, { lang, viewport: PHONE, ...(role ? { role } : {}) });
    try {
      const page = await context.newPage();
      await open(page, '/');
      const nav = page.getByRole('navigation', { name: text(lang, 'common:nav.label') });
      const toggle = nav.getByRole('button', { name: text(lang, 'common:nav.menu') });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.getByRole('link').count(), 'links are hidden while the menu is closed').toBe(0);

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      for (const key of keys) {
        const link = nav.getByRole('link', { name: text(lang, key), exact: true });
        expect(await link.isVisible(), `${key} visible`).toBe(true);
        const box = await link.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${key} within the screen`).toBe(true);
      }

      const target = keys[keys.length - 1] as string;
      await nav.getByRole('link', { name: text(lang, target), exact: true }).click();
      await settle(page);
      const heading = target === 'common:nav.login' ? 'platform:login.title' : 'platform:users.title';
      await expectHeading(page, text(lang, heading));
      // The menu closes in an effect after the new page renders: wait for it rather than read it once.
      await expect
        .poll(() => toggle.getAttribute('aria-expanded'), { message: 'the menu closes after navigating' })
        .toBe('false');
    } finally {
      await context.close();
    }
  });
});

describe('README screenshots', () => {
  const docs = path.join(ROOT, 'docs');
  mkdirSync(docs, { recursive: true });

  test('docs/screenshot.png: the home page in German at 1280×800, logged out', async () => {
    const context = await newContext(env, { lang: 'de', viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await open(page, '/');
      // As on a desktop with overlay scrollbars: no empty scrollbar gutter at the right edge of the picture.
      await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
      const file = path.join(docs, 'screenshot.png');
      const png = await page.screenshot({ path: file });
      expect(png.readUInt32BE(16)).toBe(DESKTOP.width);
      expect(png.readUInt32BE(20)).toBe(DESKTOP.height);
    } finally {
      await context.close();
    }
  });

  test('docs/screenshot-ar.png: the home page in Arabic at 360×740', async () => {
    const context = await newContext(env, { lang: 'ar', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/');
      const file = path.join(docs, 'screenshot-ar.png');
      const png = await page.screenshot({ path: file });
      expect(png.readUInt32BE(16)).toBe(PHONE.width);
      expect(png.readUInt32BE(20)).toBe(PHONE.height);
    } finally {
      await context.close();
    }
  });
});
