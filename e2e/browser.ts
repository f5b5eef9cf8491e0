import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, demoEmail, ROOT } from '../test/config.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

/** The running app on a real port and one headless Chromium for a whole spec file. */
export type BrowserEnv = {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /**
   * A context per language, role and viewport, made on first use and shared by tests that only look at pages
   * (axe, layout): it keeps its login and its HTTP cache, so each look costs one page load, not a cold start.
   * Tests that change anything (log in or out, switch language) take their own from `newContext`.
   */
  sharedContext(options?: ContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
};

/** The ten UI languages. */
export const LANGUAGE_CODES = ['de', 'en', 'tr', 'ar', 'bg', 'ro', 'uk', 'ru', 'pl', 'fa'] as const;
export type Lang = (typeof LANGUAGE_CODES)[number];

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** Starts the app on a free port (fresh database copy with demo data, settings as `settings`) and launches Chromium. */
export async function startBrowserEnv(settings: Record<string, string> = {}): Promise<BrowserEnv> {
  const t = await createTestApp(settings);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const shared = new Map<string, Promise<BrowserContext>>();
  const env: BrowserEnv = {
    t,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    sharedContext(options = {}) {
      const key = JSON.stringify([options.lang, options.role, options.viewport]);
      let context = shared.get(key);
      if (!context) {
        context = newContext(env, options);
        shared.set(key, context);
      }
      return context;
    },
    async close() {
      await Promise.allSettled([...shared.values()].map(async (context) => (await context).close()));
      await browser.close();
      await t.close();
    },
  };
  return env;
}

type ContextOptions = {
  /** The UI language, remembered the way the app remembers a choice (cookie and localStorage). */
  lang?: Lang;
  viewport?: { width: number; height: number };
  /** A demo role to sign in as, through the API. */
  role?: string;
};

/** A fresh browser context (own cookies and storage), optionally in a language and signed in. */
export async function newContext(env: BrowserEnv, options: ContextOptions = {}): Promise<BrowserContext> {
  const viewport = options.viewport ?? DESKTOP;
  const phone = viewport.width < 768;
  const context = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport,
    // A phone: touch, overlay scrollbars and the page's meta viewport, as on a real one.
    isMobile: phone,
    hasTouch: phone,
    locale: 'de-DE',
    reducedMotion: 'reduce',
  });
  if (options.lang) await setLanguage(context, env.baseUrl, options.lang);
  if (options.role) await apiLogin(context, options.role);
  return context;
}

/** Remembers a UI language in the context, as the switcher would: the `lotse_lang` cookie and localStorage. */
export async function setLanguage(context: BrowserContext, baseUrl: string, lang: Lang): Promise<void> {
  await context.addCookies([{ name: 'lotse_lang', value: lang, url: baseUrl, sameSite: 'Lax' }]);
  await context.addInitScript((code) => {
    if (!localStorage.getItem('lotse.lang')) localStorage.setItem('lotse.lang', code);
  }, lang);
}

/** Signs a context in through the API (CSRF token first); its pages share the session cookie. */
export async function apiLogin(context: BrowserContext, role: string): Promise<void> {
  const csrf = await context.request.get('/api/v1/auth/csrf');
  if (!csrf.ok()) throw new Error(`csrf: ${csrf.status()}`);
  const { token } = (await csrf.json()) as { token: string };
  const login = await context.request.post('/api/v1/auth/login', {
    headers: { 'x-csrf-token': token },
    data: { email: demoEmail(role), password: DEMO_PASSWORD },
  });
  if (!login.ok()) throw new Error(`login as ${role}: ${login.status()} ${await login.text()}`);
}

/** Opens a path and waits until the page has its heading, its data (no "loading" line) and its fonts. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

/** Waits for the current page to be ready for a user: heading shown, nothing loading, fonts in. */
export async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('main [role="status"].kern-body--muted'));
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/**
 * The page's main heading is this text. Waits for it: after a click the URL (and the old page) may stand for a
 * moment before the next page's code has loaded and replaced it.
 */
export async function expectHeading(page: Page, heading: string | null): Promise<void> {
  await expect.poll(() => page.locator('main h1').first().textContent(), { timeout: 20_000 }).toBe(heading);
}

/** The pages every check walks through, with the role that can open them. */
export type PageCase = { name: string; path: string; role?: string; heading: string };
export const PAGES: readonly PageCase[] = [
  { name: 'home', path: '/', heading: 'common:home.title' },
  { name: 'login', path: '/login', heading: 'platform:login.title' },
  { name: 'password reset request', path: '/password-reset', heading: 'platform:reset.title' },
  {
    name: 'password reset confirm',
    path: '/password-reset/confirm?token=dummy-token-for-tests',
    heading: 'platform:reset.confirmTitle',
  },
  { name: 'account', path: '/account', role: 'admin', heading: 'platform:account.title' },
  { name: 'admin audit', path: '/admin/audit', role: 'admin', heading: 'platform:audit.title' },
  { name: 'admin users', path: '/admin/users', role: 'admin', heading: 'platform:users.title' },
  { name: 'admin jobs', path: '/admin/jobs', role: 'admin', heading: 'platform:jobs.title' },
  { name: 'not found', path: '/does-not-exist', heading: 'platform:notFound.title' },
  { name: 'no access', path: '/admin/users', role: 'guide', heading: 'platform:access.title' },
  { name: 'guides: ask for a Lotse', path: '/guides/request', heading: 'guides:public.title' },
  {
    name: 'guides: bookings',
    path: '/guides/requests',
    role: 'institution',
    heading: 'guides:requests.title',
  },
  { name: 'guides: proposals', path: '/guides/proposals', role: 'guide', heading: 'guides:proposals.title' },
  { name: 'guides: guide profile', path: '/guides/profile', role: 'guide', heading: 'guides:profile.title' },
  {
    name: 'guides: statements',
    path: '/guides/statements',
    role: 'guide',
    heading: 'guides:statements.title',
  },
  { name: 'guides: pool', path: '/guides/pool', role: 'coordinator', heading: 'guides:pool.title' },
  {
    name: 'guides: matching',
    path: '/guides/matching',
    role: 'coordinator',
    heading: 'guides:matching.title',
  },
  {
    name: 'pages: still correct and links',
    path: '/seiten-editor/pruefen',
    role: 'coordinator',
    heading: 'pages:checks.title',
  },
  {
    name: 'pages: glossary',
    path: '/seiten-editor/glossar',
    role: 'coordinator',
    heading: 'pages:glossary.title',
  },
  {
    name: 'pages: news',
    path: '/seiten-editor/nachrichten',
    role: 'coordinator',
    heading: 'pages:newsEditor.title',
  },
  { name: 'school registration', path: '/schulanmeldung', heading: 'schooling:register.title' },
  {
    name: 'schooling children',
    path: '/schooling/children',
    role: 'caseworker',
    heading: 'schooling:children.title',
  },
  {
    name: 'schooling new child',
    path: '/schooling/children/new',
    role: 'caseworker',
    heading: 'schooling:register.caseworkerTitle',
  },
  {
    name: 'schooling placement',
    path: '/schooling/placement',
    role: 'caseworker',
    heading: 'schooling:placement.title',
  },
  { name: 'school places', path: '/schooling/school', role: 'schule', heading: 'schooling:school.title' },
  {
    name: 'schooling figures',
    path: '/schooling/figures',
    role: 'coordinator',
    heading: 'schooling:figures.title',
  },
];

const bundles = new Map<string, Record<string, unknown>>();

/** A UI string as the locale files have it (`platform:login.title` in `ar`); plain strings only, no ICU. */
export function text(lang: Lang, key: string): string {
  const [namespace, dotted] = key.split(':') as [string, string];
  const file = `${lang}/${namespace}`;
  let bundle = bundles.get(file);
  if (!bundle) {
    bundle = JSON.parse(readFileSync(path.join(ROOT, 'locales', `${file}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    bundles.set(file, bundle);
  }
  let value: unknown = bundle;
  for (const part of dotted.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== 'string') throw new Error(`no string ${key} in ${lang}`);
  return value;
}

/**
 * Visible elements that stick out of the viewport sideways, outside areas that scroll by design (wide tables).
 * `scrollWidth` alone cannot tell: html and body clip sideways overflow, which hides content instead.
 */
export function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.left >= -1 && box.right <= width + 1) continue;
      // Inside a container that scrolls or clips by design (wide tables), or moved off-screen on purpose.
      let parent = element.parentElement;
      let contained = false;
      while (parent && parent !== document.body) {
        const overflow = getComputedStyle(parent).overflowX;
        const frame = parent.getBoundingClientRect();
        if (overflow !== 'visible' && frame.left >= -1 && frame.right <= width + 1) contained = true;
        parent = parent.parentElement;
      }
      if (contained || getComputedStyle(element).transform !== 'none') continue;
      const name = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
      found.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
    }
    return found.slice(0, 10);
  });
}

export type AxeFinding = { id: string; impact: string; help: string; targets: string[] };

/** Runs axe (WCAG 2.0/2.1 A and AA) and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** One line per violation: its id, impact and the elements it was found on. */
export function describeViolations(findings: AxeFinding[]): string {
  return findings
    .map((finding) => `${finding.id} (${finding.impact}): ${finding.help} → ${finding.targets.join(', ')}`)
    .join('\n');
}

/** Fails the test, naming the page, when axe finds a serious or critical violation on it. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const findings = await seriousViolations(page);
  expect(findings, `${where}:\n${describeViolations(findings)}`).toEqual([]);
}

/**
 * Text that looks like an i18n key left untranslated: with its namespace (`platform:login.title`) or
 * without, as i18next shows a missing key (`login.title`, `home.cards.offers.text`).
 */
export const RAW_KEY = /\b[a-z]+:[a-z][A-Za-z]*\.[A-Za-z.]+|\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*\b/;

/**
 * The UI's own visible text checked for raw i18n keys; returns the first one found, or null. Data is left
 * out: tables and codes (audit actions such as `auth.login`), e-mail addresses, and text marked
 * `translate="no"` (web addresses, phone numbers).
 */
export async function rawKeyIn(page: Page): Promise<string | null> {
  const uiText = await page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('table, .app-code, [translate="no"], script, style')) continue;
      if (!parent.checkVisibility()) continue;
      parts.push(node.textContent ?? '');
    }
    return parts.join('\n');
  });
  return RAW_KEY.exec(uiText.replace(/\S+@\S+/g, ''))?.[0] ?? null;
}
