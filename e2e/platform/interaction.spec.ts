import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../test/config.ts';
import {
  type BrowserEnv,
  type Lang,
  newContext,
  open,
  settle,
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

/** What the focused element is and whether a focus indicator (outline or box-shadow) is drawn. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: typeof element.className === 'string' ? element.className : '',
      text: (element.textContent ?? '').trim(),
      ring: outline || style.boxShadow !== 'none',
    };
  });

/** Presses Tab until `match` says the focused element is the one wanted; fails after `max` presses. */
async function tabTo(
  page: Page,
  match: (el: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean,
  max = 40,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (element)
      expect(element.ring, `no visible focus on ${element.tag}#${element.id} "${element.text}"`).toBe(true);
    if (element && match(element)) return element;
  }
  throw new Error(`Tab did not reach the element in ${max} presses`);
}

const navOf = (page: Page, lang: Lang = 'de') =>
  page.getByRole('navigation', { name: text(lang, 'common:nav.label') });
const navNames = async (nav: Locator) =>
  (await nav.locator('.app-nav__link').allInnerTexts()).map((name) => name.trim());

describe('keyboard', () => {
  test('the first Tab reaches the skip link, shown and with a focus ring; Enter moves focus to main', async () => {
    const context = await newContext(env);
    try {
      const page = await context.newPage();
      await open(page, '/login');
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first).toMatchObject({ tag: 'a', text: text('de', 'common:skipLink'), ring: true });
      const box = await page.locator('.app-skip-link').boundingBox();
      expect(box && box.y >= 0 && box.y < 100, 'the skip link is shown on screen when focused').toBe(true);

      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused(page))?.id).toBe('main');
      // The next Tab goes on from there: to the form's first field, past the header and its nav.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ id: 'login-email', ring: true });
    } finally {
      await context.close();
    }
  });

  test('logging in with the keyboard only reaches "My account"; every stop shows focus', async () => {
    const context = await newContext(env);
    try {
      const page = await context.newPage();
      await open(page, '/');
      await tabTo(page, (el) => el.tag === 'a' && el.text === text('de', 'common:nav.login'));
      await page.keyboard.press('Enter');
      await settle(page);
      await expectHeading(page, text('de', 'platform:login.title'));

      await tabTo(page, (el) => el.id === 'login-email');
      await page.keyboard.type(demoEmail('guide'));
      await page.keyboard.press('Tab');
      expect((await focused(page))?.id).toBe('login-password');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');

      const nav = navOf(page);
      const account = nav.getByRole('link', { name: text('de', 'common:nav.account'), exact: true });
      await account.waitFor();
      await page.locator('body').focus();
      await tabTo(page, (el) => el.tag === 'a' && el.text === text('de', 'common:nav.account'));
      await page.keyboard.press('Enter');
      await settle(page);
      await expectHeading(page, text('de', 'platform:account.title'));
      expect(new URL(page.url()).pathname).toBe('/account');
      // After client-side navigation focus lands on the new page's heading for screen readers.
      await expect.poll(async () => (await focused(page))?.tag).toBe('h1');
    } finally {
      await context.close();
    }
  });
});

describe('navigation by role', () => {
  // What anyone sees without an account: the offers, the forms that need no account (a counselling appointment
  // among them), the calendar, the funding programmes, and the login.
  const ANONYMOUS_NAV = [
    'common:nav.home',
    'pages:nav.pages',
    'directory:nav.search',
    'courses:nav.courses',
    'schooling:nav.register',
    'guides:nav.request',
    'reports:nav.report',
    'network:nav.calendar',
    'counselling:nav.book',
    'funding:nav.calls',
    'common:nav.login',
  ].map((key) => text('de', key));
  const admin = ['common:nav.audit', 'common:nav.users', 'common:nav.jobs'].map((key) => text('de', key));

  test('anonymous: Login, no account and no admin links', async () => {
    const context = await newContext(env);
    try {
      const page = await context.newPage();
      await open(page, '/');
      const names = await navNames(navOf(page));
      expect(names).toEqual(ANONYMOUS_NAV);
    } finally {
      await context.close();
    }
  });

  test('guide: My account and Logout, no Login and no admin links', async () => {
    const context = await newContext(env, { role: 'guide' });
    try {
      const page = await context.newPage();
      await open(page, '/');
      // The signed-in entries appear once the session has loaded; read the nav after that.
      await expect.poll(() => navNames(navOf(page))).toContain(text('de', 'common:nav.account'));
      const names = await navNames(navOf(page));
      expect(names).toContain(text('de', 'common:nav.account'));
      expect(names).toContain(text('de', 'common:nav.logout'));
      expect(names).not.toContain(text('de', 'common:nav.login'));
      for (const name of admin) expect(names).not.toContain(name);
    } finally {
      await context.close();
    }
  });

  test('admin: Audit log, Users, Jobs; Logout returns to the anonymous navigation', async () => {
    const context = await newContext(env, { role: 'admin' });
    try {
      const page = await context.newPage();
      await open(page, '/admin/jobs');
      const nav = navOf(page);
      const names = await navNames(nav);
      for (const name of admin) expect(names).toContain(name);
      const current = nav.locator('[aria-current="page"]');
      expect(await current.textContent()).toBe(text('de', 'common:nav.jobs'));

      await nav.getByRole('button', { name: text('de', 'common:nav.logout') }).click();
      const done = page.getByRole('status').filter({ hasText: text('de', 'platform:logout.done') });
      await done.waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await navNames(nav)).toEqual(ANONYMOUS_NAV);
      const session = await context.request.get('/api/v1/auth/session');
      expect(await session.json()).toEqual({ user: null });

      // The admin pages are closed again: the guard sends the visitor to the login page.
      await page.goto('/admin/users');
      await settle(page);
      expect(new URL(page.url()).pathname).toBe('/login');
      await expectHeading(page, text('de', 'platform:login.title'));
    } finally {
      await context.close();
    }
  });

  test('a page that needs login sends to the login form and back after it', async () => {
    const context = await newContext(env);
    try {
      const page = await context.newPage();
      await open(page, '/account');
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByText(text('de', 'platform:login.required')).waitFor();
      await page.getByLabel(text('de', 'platform:login.email')).fill(demoEmail('coordinator'));
      await page.getByLabel(text('de', 'platform:login.password')).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: text('de', 'platform:login.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/account');
      // The URL changes before the account page's code has loaded and replaced the login form: wait for it.
      await expect
        .poll(() => page.locator('main h1').textContent(), { timeout: 20_000 })
        .toBe(text('de', 'platform:account.title'));
      await settle(page);
    } finally {
      await context.close();
    }
  });
});

describe('errors', () => {
  test.each(['de', 'ar'] as const)(
    'a wrong password shows the translated message in an alert (%s)',
    async (lang) => {
      const context = await newContext(env, { lang });
      try {
        const page = await context.newPage();
        await open(page, '/login');
        await page.getByLabel(text(lang, 'platform:login.email')).fill(demoEmail('guide'));
        await page.getByLabel(text(lang, 'platform:login.password')).fill('not-the-password');
        await page.getByRole('button', { name: text(lang, 'platform:login.submit') }).click();

        const alert = page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain(text(lang, 'errors:auth.invalid_credentials'));
        expect(await alert.textContent()).toContain(text(lang, 'common:error.title'));
        // Focus moves to the message so keyboard and screen-reader users learn of it.
        expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(new URL(page.url()).pathname).toBe('/login');
      } finally {
        await context.close();
      }
    },
  );
});

describe('sessions', () => {
  test('signed in on two devices, the account lists both; "sign out everywhere else" signs the other one out', async () => {
    const elsewhere = await newContext(env, { role: 'caseworker' });
    const here = await newContext(env);
    try {
      const page = await here.newPage();
      await open(page, '/login');
      await page.getByLabel(text('de', 'platform:login.email')).fill(demoEmail('caseworker'));
      await page.getByLabel(text('de', 'platform:login.password')).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: text('de', 'platform:login.submit') }).click();
      await navOf(page)
        .getByRole('link', { name: text('de', 'common:nav.account'), exact: true })
        .click();
      await settle(page);

      const table = page.getByRole('table', { name: text('de', 'platform:sessions.caption') });
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      const current = table.locator('tbody tr[data-session="current"]');
      expect(await current.textContent()).toContain(text('de', 'platform:sessions.current'));
      // The browser's own User-Agent, read coarsely: Chromium on Linux.
      expect(await current.textContent()).toContain('Chrome');
      expect(await current.textContent()).toContain('Linux');
      expect((await elsewhere.request.get('/api/v1/me')).status()).toBe(200);

      await page.getByRole('button', { name: text('de', 'platform:sessions.endOthers') }).click();
      await page
        .getByRole('status')
        .filter({ hasText: text('de', 'platform:sessions.endedOthers') })
        .waitFor();
      await expect.poll(() => rows.count()).toBe(1);
      expect(await page.getByText(text('de', 'platform:sessions.onlyThis')).isVisible()).toBe(true);

      // The other device is signed out: its next page asks it to log in.
      expect((await elsewhere.request.get('/api/v1/me')).status()).toBe(401);
      const other = await elsewhere.newPage();
      await open(other, '/account');
      expect(await other.locator('main h1').textContent()).toBe(text('de', 'platform:login.title'));
      // This device is still signed in.
      expect((await here.request.get('/api/v1/me')).status()).toBe(200);
    } finally {
      await Promise.all([here.close(), elsewhere.close()]);
    }
  });
});
