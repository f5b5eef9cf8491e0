import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../test/config.ts';
import {
  type BrowserEnv,
  DESKTOP,
  describeViolations,
  type Lang,
  newContext,
  offScreen,
  open,
  PHONE,
  rawKeyIn,
  seriousViolations,
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

type Detail = {
  slug: string;
  name: { value: string };
  openingHours: { days: string[]; opens: string; closes: string }[];
};

const WEEKDAY_INDEX: Record<string, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
const ARABIC_WEEKDAY = /الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد/;

/** A weekday's name as a reader of `lang` expects it. */
const weekday = (lang: string, day: string) =>
  new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + (WEEKDAY_INDEX[day] ?? 0))),
  );

const resultLinks = (page: Page) => page.locator('.app-directory-results__list > li h3 a');

/** Waits until the result list shows the answer to the URL's current search. */
async function resultsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const count = document.querySelector('#directory-count')?.textContent ?? '';
    return count.trim() !== '' && !document.querySelector('main [role="status"].kern-body--muted');
  });
}

/** Does something that changes the search, and waits for the matching answer of the API. */
async function searchAfter(page: Page, action: () => Promise<unknown>, urlPart: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.url().includes(urlPart) && response.ok()),
    action(),
  ]);
  await page.waitForURL((url) => url.search.includes(urlPart));
  await resultsSettled(page);
}

async function noSidewaysScrolling(page: Page, where: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where} is ${width}px wide`).toBeLessThanOrEqual(PHONE.width);
  expect(await offScreen(page), `${where}: elements beyond the screen`).toEqual([]);
}

describe('a newcomer who reads Arabic finds a German course in Marxloh', () => {
  test.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('on a %s', async (device, viewport) => {
    const context = await newContext(env, { viewport });
    const phone = device === 'phone';
    try {
      const page = await context.newPage();
      await open(page, '/');

      // Arabic from the header's switcher; the page turns right-to-left.
      await page.getByLabel(text('de', 'common:language.label')).selectOption({ label: 'العربية' });
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');

      // "Find services" from the main navigation (behind the menu button on a phone).
      const nav = page.getByRole('navigation', { name: text('ar', 'common:nav.label') });
      if (phone) await nav.getByRole('button', { name: text('ar', 'common:nav.menu') }).click();
      await nav.getByRole('link', { name: text('ar', 'directory:nav.search'), exact: true }).click();
      await settle(page);
      await expectHeading(page, text('ar', 'directory:search.title'));

      // "German course" in Arabic words.
      await page.getByLabel(text('ar', 'directory:search.words')).fill('دورة ألمانية');
      await searchAfter(
        page,
        () => page.getByRole('button', { name: text('ar', 'directory:search.submit'), exact: true }).click(),
        'q=',
      );
      expect(await resultLinks(page).count()).toBeGreaterThan(0);

      // Marxloh, and only courses with free places.
      if (phone) {
        await page.getByRole('button', { name: new RegExp(text('ar', 'directory:filters.title')) }).click();
      }
      await searchAfter(
        page,
        () => page.getByLabel(text('ar', 'directory:filters.area')).selectOption({ label: 'Marxloh' }),
        'ortsteil=marxloh',
      );
      await searchAfter(
        page,
        () => page.getByLabel(text('ar', 'directory:filters.hasPlaces')).check(),
        'has_places=true',
      );
      const names = await resultLinks(page).allTextContents();
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toContain('Marxloh');
      expect(names.some((name) => name.includes('دورة اللغة الألمانية'))).toBe(true);
      // The literacy course has no free place left.
      expect(names.join('\n')).not.toContain('محو الأمية');
      expect(await page.locator('#directory-count').getAttribute('aria-live')).toBe('polite');
      if (phone) await noSidewaysScrolling(page, 'the results');

      // The first result, with its opening hours in Arabic weekday names and the times as given.
      await resultLinks(page).first().click();
      await settle(page);
      const slug = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      const detail = (await (
        await context.request.get(`/api/v1/directory/services/${slug}`, {
          headers: { 'accept-language': 'ar' },
        })
      ).json()) as Detail;
      await expectHeading(page, detail.name.value);
      const hours = page.locator('.app-directory-hours');
      await hours.waitFor();
      const hoursText = (await hours.textContent()) ?? '';
      expect(hoursText).toMatch(ARABIC_WEEKDAY);
      expect(detail.openingHours.length).toBeGreaterThan(0);
      for (const rule of detail.openingHours) {
        for (const day of rule.days) expect(hoursText).toContain(weekday('ar', day));
        expect(hoursText).toContain(rule.opens);
        expect(hoursText).toContain(rule.closes);
      }
      expect(await page.locator('main').textContent()).toContain(
        text('ar', 'directory:detail.hoursNote').split(' (')[0],
      );
      expect(await rawKeyIn(page), 'an untranslated key is shown').toBeNull();
      if (phone) {
        await noSidewaysScrolling(page, 'the offer');
        // The last things on the page can still be reached: the feedback form's button.
        const submit = page.getByRole('button', { name: text('ar', 'directory:feedback.submit') });
        await submit.scrollIntoViewIfNeeded();
        expect(await submit.isVisible()).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});

describe('an offer partly without text in the reader’s language', () => {
  test('shows a machine-made translation marked as such, and German (lang="de", marked) where a text is missing', async () => {
    const context = await env.sharedContext({ lang: 'ar' });
    const page = await context.newPage();
    try {
      await open(page, '/angebote/beratung-polnisch-arbeit');
      const heading = page.locator('main h1');
      expect(await heading.getAttribute('lang')).toBe('ar');
      expect(await heading.getAttribute('dir')).toBe('auto');
      expect(await page.getByText(text('ar', 'directory:machineMade')).first().isVisible()).toBe(true);
      // Who it is for exists only in German (and English and Turkish): German stands in, marked.
      const eligibility = page.getByText('Für Menschen aus Polen und ihre Familien.');
      expect(await eligibility.getAttribute('lang')).toBe('de');
      expect(await page.getByText(text('ar', 'directory:missing')).first().isVisible()).toBe(true);

      // In the result list, the machine-made title is marked, too.
      await open(page, '/angebote?q=Polnisch');
      await resultsSettled(page);
      const card = page.locator('.app-directory-result', {
        has: page.locator('a[href$="/beratung-polnisch-arbeit"]'),
      });
      expect(await card.getByText(text('ar', 'directory:machineMade')).isVisible()).toBe(true);
      expect(await card.locator('h3 a').getAttribute('lang')).toBe('ar');
    } finally {
      await page.close();
    }
  });
});

describe('offline', () => {
  /** The directory answers the service worker keeps, as URLs. */
  const savedUrls = (page: Page) =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith('lotse-data-')) continue;
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    });

  test('the last search and a viewed offer stay readable without a connection', async () => {
    const context: BrowserContext = await newContext(env, { lang: 'de' });
    try {
      const page = await context.newPage();
      const search = '/angebote?q=Deutschkurs&ortsteil=marxloh';
      // The first page of the visit loads before the worker takes over; it still keeps this search.
      await open(page, search);
      await resultsSettled(page);
      const listed = await resultLinks(page).allTextContents();
      expect(listed.length).toBeGreaterThan(0);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await expect
        .poll(async () => (await savedUrls(page)).some((url) => url.includes('q=Deutschkurs')))
        .toBe(true);

      await resultLinks(page).first().click();
      await settle(page);
      const name = await page.locator('main h1').textContent();
      const hours = await page.locator('.app-directory-hours').textContent();
      const slug = new URL(page.url()).pathname.split('/').pop() ?? '';
      await expect
        .poll(async () => (await savedUrls(page)).some((url) => url.endsWith(`/services/${slug}`)))
        .toBe(true);

      await context.setOffline(true);
      await page.reload();
      await settle(page);
      await expectHeading(page, name);
      expect(await page.locator('.app-directory-hours').textContent()).toBe(hours);
      expect(await page.getByText(text('de', 'directory:offline.title')).isVisible()).toBe(true);

      await page.goto(search);
      await settle(page);
      await resultsSettled(page);
      expect(await resultLinks(page).allTextContents()).toEqual(listed);
      expect(await page.getByText(text('de', 'directory:offline.title')).isVisible()).toBe(true);

      // Nothing personal is kept: only directory answers and the city profile.
      const urls = await savedUrls(page);
      for (const url of urls) expect(url).toMatch(/\/api\/v1\/(directory\/services|city)/);
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });
});

describe('axe (WCAG 2.1 AA)', () => {
  const LANGS: readonly Lang[] = ['de', 'ar'];
  const CASES = [
    ['search page with results and map', '/angebote?category=language_learning'],
    ['offer', '/angebote/deutschkurs-marxloh-vormittag'],
    ['offer missing in the language', '/angebote/beratung-polnisch-arbeit'],
  ] as const;
  describe.each(LANGS)('in %s', (lang) => {
    test.each(CASES)('%s has no serious violations', async (_, url) => {
      const context = await env.sharedContext({ lang });
      const page = await context.newPage();
      try {
        await open(page, url);
        if (url.includes('?')) {
          await resultsSettled(page);
          await page.locator('.app-directory-marker').first().waitFor();
        }
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await rawKeyIn(page), 'an untranslated key is shown').toBeNull();
        const findings = await seriousViolations(page);
        expect(findings, `${url} (${lang}):\n${describeViolations(findings)}`).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});

/** What has keyboard focus. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: typeof element.className === 'string' ? element.className : '',
      inList: Boolean(element.closest('.app-directory-results__list')),
      text: (element.textContent ?? '').trim(),
      ring:
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none',
    };
  });

type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;

async function tabTo(page: Page, match: (element: Focused) => boolean, max = 80): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (element) expect(element.ring, `no visible focus on ${element.tag}#${element.id}`).toBe(true);
    if (element && match(element)) return element;
  }
  throw new Error(`Tab did not reach the element in ${max} presses`);
}

describe('keyboard', () => {
  test('search, filter, open a result, and open an offer from its map marker – keys only', async () => {
    const context = await newContext(env, { lang: 'de' });
    try {
      const page = await context.newPage();
      await open(page, '/angebote');
      await resultsSettled(page);

      await tabTo(page, (el) => el.id === 'directory-q');
      await page.keyboard.type('Deutschkurs');
      await searchAfter(page, () => page.keyboard.press('Enter'), 'q=Deutschkurs');

      await tabTo(page, (el) => el.id === 'directory-area');
      // A closed select changes its choice with the arrow keys; pick Hamborn as a whole.
      await searchAfter(
        page,
        async () => {
          await page.keyboard.press('ArrowDown');
        },
        'district=',
      );

      await tabTo(page, (el) => el.id === 'directory-hasPlaces');
      await searchAfter(page, () => page.keyboard.press('Space'), 'has_places=true');
      expect(await page.locator('#directory-hasPlaces').isChecked()).toBe(true);

      const first = await tabTo(page, (el) => el.tag === 'a' && el.inList);
      await page.keyboard.press('Enter');
      // The router changes the page after the key press: wait for the offer's heading, not the old one.
      await page.waitForURL(/\/angebote\/[^/?]+$/);
      // Under load the offer may still be loading: the heading becomes the offer's name once it is there.
      await expect.poll(() => page.locator('main h1').textContent(), { timeout: 20_000 }).toBe(first.text);
      await settle(page);

      // Back to the same search (the filters are in the URL), then to a marker on the map.
      await page.goBack();
      await page.waitForURL(/\/angebote\?/);
      await settle(page);
      await resultsSettled(page);
      expect(new URL(page.url()).searchParams.get('has_places')).toBe('true');
      await page.locator('#directory-q').focus();
      const marker = await tabTo(page, (el) => el.className.includes('app-directory-marker'));
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused(page))?.tag).toBe('a');
      const link = await focused(page);
      expect(marker.text).not.toBe('');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/angebote\/[^/?]+$/);
      await expect
        .poll(async () => link?.text.includes((await page.locator('main h1').textContent()) ?? '-'), {
          timeout: 20_000,
        })
        .toBe(true);
      await settle(page);
      expect(new URL(page.url()).pathname).toMatch(/^\/angebote\/[a-z0-9-]+$/);
    } finally {
      await context.close();
    }
  });

  test('the feedback form works with the keyboard and thanks the reader', async () => {
    const context = await newContext(env, { lang: 'de' });
    try {
      const page = await context.newPage();
      await open(page, '/angebote/deutschkurs-marxloh-vormittag');
      await tabTo(page, (el) => el.id === 'feedback-helpful');
      await page.keyboard.press('Space');
      await tabTo(page, (el) => el.id === 'feedback-comment');
      await page.keyboard.type('Sehr freundlich, danke.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText(text('de', 'directory:feedback.thanks')).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('README screenshot', () => {
  test('docs/screenshot-directory.png: search results with the map, German, 1280×800', async () => {
    mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    const context = await newContext(env, { lang: 'de', viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await open(page, '/angebote?category=language_learning&district=mitte');
      await resultsSettled(page);
      await page.locator('.app-directory-marker').first().waitFor();
      await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
      const png = await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-directory.png') });
      expect(png.readUInt32BE(16)).toBe(DESKTOP.width);
      expect(png.readUInt32BE(20)).toBe(DESKTOP.height);
    } finally {
      await context.close();
    }
  });
});
