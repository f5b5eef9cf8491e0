import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserEnv,
  LANGUAGE_CODES,
  newContext,
  open,
  PHONE,
  rawKeyIn,
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

const htmlLangDir = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** The font families Chromium really drew an element's text with (not just what CSS asked for). */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => font.familyName);
  } finally {
    await cdp.detach();
  }
}

describe('right-to-left languages', () => {
  test('Arabic: <html lang="ar" dir="rtl">, the layout mirrors, text is drawn in Noto Sans Arabic', async () => {
    const context = await newContext(env, { lang: 'ar' });
    try {
      const page = await context.newPage();
      await open(page, '/');
      expect(await htmlLangDir(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      await expectHeading(page, text('ar', 'common:home.title'));

      // The header's first nav item (home) sits to the right of the next one (the nav may wrap to a second row).
      const links = page.locator('nav .app-nav__link');
      const first = await links.first().boundingBox();
      const last = await links.nth(1).boundingBox();
      expect(first && last).toBeTruthy();
      if (!first || !last) return;
      expect(first.x).toBeGreaterThan(last.x + last.width - 1);

      // The heading's text starts at the right edge of the content column.
      const edges = await page.evaluate(() => {
        const heading = document.querySelector('main h1');
        const column = document.querySelector('main .kern-container');
        if (!heading?.firstChild || !column) return null;
        const range = document.createRange();
        range.selectNodeContents(heading);
        const textBox = range.getBoundingClientRect();
        const columnBox = column.getBoundingClientRect();
        const padding = Number.parseFloat(getComputedStyle(column).paddingInlineStart);
        return { textRight: textBox.right, textLeft: textBox.left, columnRight: columnBox.right - padding };
      });
      expect(edges).not.toBeNull();
      if (!edges) return;
      expect(Math.abs(edges.columnRight - edges.textRight)).toBeLessThan(4);

      // The language choice's chevron sits at the end of the field, on the left (KERN places it physically).
      const chevron = await page.locator('header .kern-form-input__select-wrapper').evaluate((wrapper) => {
        const after = getComputedStyle(wrapper, '::after');
        return {
          left: after.left,
          right: after.right,
          padding: getComputedStyle(wrapper.firstElementChild as Element).paddingLeft,
        };
      });
      expect(chevron.left).toBe('16px');
      expect(chevron.padding, 'room for the chevron on the left').toBe('40px');

      // The bundled Arabic font, asked for by CSS, loaded, and really used to draw the heading.
      const fontFamily = await page.locator('main h1').evaluate((el) => getComputedStyle(el).fontFamily);
      expect(fontFamily).toMatch(/^"?Noto Sans Arabic Variable"?/);
      const loaded = await page.evaluate(() =>
        [...document.fonts].some(
          (face) => face.family.includes('Noto Sans Arabic') && face.status === 'loaded',
        ),
      );
      expect(loaded, 'the Noto Sans Arabic web font was not loaded').toBe(true);
      expect(
        await page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic Variable"', 'مرحبا')),
      ).toBe(true);
      expect(await renderedFonts(page, 'main h1')).toEqual(
        expect.arrayContaining([expect.stringMatching(/Noto Sans Arabic/)]),
      );
    } finally {
      await context.close();
    }
  });

  test('Persian: <html lang="fa" dir="rtl"> with Persian text in the Arabic script font', async () => {
    const context = await newContext(env, { lang: 'fa', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/login');
      expect(await htmlLangDir(page)).toEqual({ lang: 'fa', dir: 'rtl' });
      await expectHeading(page, text('fa', 'platform:login.title'));
      expect(await renderedFonts(page, 'main h1')).toEqual(
        expect.arrayContaining([expect.stringMatching(/Noto Sans Arabic/)]),
      );
    } finally {
      await context.close();
    }
  });

  test('the server sends lang and dir for the first paint already', async () => {
    const context = await newContext(env, { lang: 'ar' });
    try {
      const response = await context.request.get('/login', { headers: { accept: 'text/html' } });
      expect(await response.text()).toContain('<html lang="ar" dir="rtl">');
    } finally {
      await context.close();
    }
  });
});

describe('language switcher', () => {
  test('choosing Türkçe turns the UI Turkish, and the choice survives a reload', async () => {
    const context = await newContext(env);
    try {
      const page = await context.newPage();
      await open(page, '/');
      expect(await htmlLangDir(page)).toEqual({ lang: 'de', dir: 'ltr' });
      const switcher = page.getByLabel(text('de', 'common:language.label'));
      await switcher.selectOption({ label: 'Türkçe' });

      const heading = page.locator('main h1');
      await expect.poll(() => heading.textContent()).toBe(text('tr', 'common:home.title'));
      expect(await htmlLangDir(page)).toEqual({ lang: 'tr', dir: 'ltr' });
      const nav = page.getByRole('navigation', { name: text('tr', 'common:nav.label') });
      await nav.getByRole('link', { name: text('tr', 'common:nav.login') }).waitFor();
      expect(await page.title()).toContain(text('tr', 'common:home.title'));

      await page.reload();
      await expect.poll(() => heading.textContent()).toBe(text('tr', 'common:home.title'));
      expect(await htmlLangDir(page)).toEqual({ lang: 'tr', dir: 'ltr' });
      expect(await page.getByLabel(text('tr', 'common:language.label')).inputValue()).toBe('tr');
    } finally {
      await context.close();
    }
  });

  test('the language follows a signed-in user to the server: the account keeps the choice', async () => {
    const context = await newContext(env, { role: 'guide' });
    try {
      const page = await context.newPage();
      await open(page, '/account');
      await page.locator('header').getByLabel(text('de', 'common:language.label')).selectOption('pl');
      await expect
        .poll(() => page.locator('main h1').textContent())
        .toBe(text('pl', 'platform:account.title'));
      await expect
        .poll(
          async () =>
            ((await (await context.request.get('/api/v1/auth/session')).json()) as SessionReply).user?.locale,
        )
        .toBe('pl');
    } finally {
      await context.close();
    }
  });
});

type SessionReply = { user: { locale: string } | null };

describe('every UI language renders the home page', () => {
  const headings = new Map<string, string>();
  test.each(LANGUAGE_CODES)('%s: own heading, own nav, no raw keys', async (lang) => {
    const context = await newContext(env, { lang });
    try {
      const page = await context.newPage();
      await open(page, '/');
      const heading = (await page.locator('main h1').textContent()) ?? '';
      expect(heading).toBe(text(lang, 'common:home.title'));
      if (lang !== 'de') expect(heading).not.toBe(text('de', 'common:home.title'));
      expect([...headings.values()], 'two languages share one heading').not.toContain(heading);
      headings.set(lang, heading);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await page.getByRole('link', { name: text(lang, 'common:nav.login'), exact: true }).waitFor();
      expect(await rawKeyIn(page), 'an untranslated key is shown').toBeNull();
    } finally {
      await context.close();
    }
  });
});
