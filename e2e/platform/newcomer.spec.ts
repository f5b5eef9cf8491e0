import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserEnv,
  expectHeading,
  LANGUAGE_CODES,
  newContext,
  open,
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

/** Waits until the directory's result list answers the URL's search. */
async function resultsSettled(page: import('playwright-core').Page): Promise<void> {
  await page.waitForFunction(() => {
    const count = document.querySelector('#directory-count')?.textContent ?? '';
    return count.trim() !== '' && !document.querySelector('main [role="status"].kern-body--muted');
  });
}

describe('back to search', () => {
  test('"Back to search" from an offer returns to the same results with every filter', async () => {
    const context = await newContext(env);
    try {
      const page = await context.newPage();
      const search = '?q=Deutsch&category=language_learning&district=hamborn&free=true';
      await open(page, `/angebote${search}`);
      await resultsSettled(page);
      await page.locator('.app-directory-results__list > li h3 a').first().click();
      await settle(page);
      await page.getByRole('link', { name: text('de', 'directory:detail.back') }).click();
      await settle(page);
      await resultsSettled(page);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/angebote');
      expect(Object.fromEntries(url.searchParams)).toEqual(Object.fromEntries(new URLSearchParams(search)));
    } finally {
      await context.close();
    }
  });
});

describe('language names', () => {
  test.each(LANGUAGE_CODES.map((lang) => [lang] as const))(
    'an offer in Romani names the language in %s, never the code "rom"',
    async (lang) => {
      const context = await newContext(env, { lang });
      try {
        const found = await context.request.get('/api/v1/directory/services?language=rom&per_page=1');
        const slug = ((await found.json()) as { items: { slug: string }[] }).items[0]?.slug;
        expect(slug, 'a demo offer in Romani').toBeTruthy();
        const page = await context.newPage();
        await open(page, `/angebote/${slug}`);
        const languages = page
          .locator('dt', { hasText: text(lang, 'directory:detail.languages') })
          .locator('xpath=following-sibling::dd[1]');
        const shown = (await languages.textContent()) ?? '';
        // Words, not \b: "română" must not count as the code.
        expect(shown.split(/[\s,;、،]+/u)).not.toContain('rom');
        expect(shown.length).toBeGreaterThan(10);
      } finally {
        await context.close();
      }
    },
  );
});

describe('menus by role', () => {
  const ROLES = [
    undefined,
    'resident',
    'guide',
    'institution',
    'schule',
    'association',
    'caseworker',
    'coordinator',
    'admin',
  ] as const;
  test.each(ROLES.map((role) => [role ?? 'anonymous', role] as const))(
    'every nav link of %s opens a page without an error',
    async (_, role) => {
      const context = await newContext(env, role ? { role } : {});
      try {
        const page = await context.newPage();
        await open(page, '/');
        const nav = page.getByRole('navigation', { name: text('de', 'common:nav.label') });
        const hrefs = await nav
          .locator('a')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
        expect(hrefs.length).toBeGreaterThan(1);
        for (const href of hrefs) {
          await open(page, href);
          const heading = (await page.locator('main h1').first().textContent()) ?? '';
          expect(heading, `${href}: no "no access" page`).not.toBe(text('de', 'platform:access.title'));
          expect(await page.locator('main [role="alert"]').count(), `${href}: no error`).toBe(0);
        }
      } finally {
        await context.close();
      }
    },
  );
});

describe('home page', () => {
  test('every card leads somewhere: each link opens a page, directory searches show offers', async () => {
    const context = await newContext(env);
    try {
      const page = await context.newPage();
      await open(page, '/');
      const cards = page.locator('.app-cards > li');
      const count = await cards.count();
      expect(count).toBe(9);
      for (let index = 0; index < count; index += 1) {
        await open(page, '/');
        const link = page.locator('.app-cards > li').nth(index).getByRole('link');
        expect(await link.count(), `card ${index + 1} is a link`).toBe(1);
        await link.click();
        await settle(page);
        if (new URL(page.url()).pathname === '/angebote') {
          await resultsSettled(page);
          const results = await page.locator('.app-directory-results__list > li').count();
          expect(results, `${page.url()} finds offers`).toBeGreaterThan(0);
        }
        expect(await page.locator('main h1').first().textContent()).not.toBe(
          text('de', 'platform:notFound.title'),
        );
      }
    } finally {
      await context.close();
    }
  });

  test('the footer links Impressum, Datenschutz, Barrierefreiheit and names the KI with its contact and hours', async () => {
    const context = await newContext(env);
    try {
      const page = await context.newPage();
      await open(page, '/');
      const footer = page.locator('footer');
      for (const key of ['common:footer.imprint', 'common:footer.privacy', 'common:footer.accessibility']) {
        const link = footer.getByRole('link', { name: text('de', key), exact: true });
        expect(await link.count(), key).toBe(1);
        await link.click();
        await settle(page);
        await expectHeading(page, text('de', key));
        expect(await page.locator('main').textContent()).toContain('Duisburg');
        await open(page, '/');
      }
      const contact = await footer.textContent();
      expect(contact).toContain('Kommunales Integrationszentrum');
      expect(await footer.locator('a[href^="mailto:"]').count()).toBe(1);
      expect(await footer.locator('a[href^="tel:"]').count()).toBe(1);
      expect(contact).toContain(text('de', 'common:footer.hours'));
      // The profile's hours, weekdays as the browser names them ("Mo" or "Mo.").
      expect(contact).toMatch(/Mo\.?–Fr\.? 08:30–12:00 und Do\.? 14:00–17:00/);
    } finally {
      await context.close();
    }
  });
});
