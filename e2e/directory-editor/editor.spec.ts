import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BrowserEnv,
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

const de = (key: string) => text('de', `directory-editor:${key}`);

/** Puts focus on an input and types into it, as a keyboard user would. */
async function typeInto(page: Page, field: Locator, value: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

/** Whether the element has keyboard focus. */
const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

type City = { districts: { ortsteile: { id: string; postcodes: string[] }[] }[] };

describe('editing an offer', () => {
  test('an association writes an offer with the keyboard, fixes a wrong phone number and submits it; the coordinator publishes it', async () => {
    const name = `Nähcafé für Mütter ${Date.now().toString(36)}`;
    const editor = await newContext(env, { role: 'association' });
    const coordinator = await newContext(env, { role: 'coordinator' });
    try {
      const page = await editor.newPage();
      const city = (await (await page.request.get('/api/v1/city')).json()) as City;
      const ortsteil = city.districts[0]?.ortsteile[0];
      if (!ortsteil) throw new Error('no Ortsteil in the city profile');

      await open(page, '/editor');
      await expectHeading(page, de('list.title'));
      const newLink = page.getByRole('link', { name: de('list.new') });
      await newLink.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/editor/new');
      // The router keeps the old page on screen while the form's code loads: wait for the new heading.
      await page.locator('main h1', { hasText: de('edit.newTitle') }).waitFor();
      await settle(page);

      // An association writes for its own organisation: no choice offered.
      expect(await page.locator('#svc-organisationId').count()).toBe(0);
      await typeInto(page, page.getByLabel(de('fields.name'), { exact: true }), name);
      await page.keyboard.press('Tab');
      expect(await hasFocus(page.getByLabel(de('fields.description'), { exact: true }))).toBe(true);
      await page.keyboard.type('Gemeinsam nähen und Deutsch sprechen, mit Kinderbetreuung.');
      // The category labels are the public directory's (one map for server, search page and editor).
      await page.getByLabel(text('de', 'directory:categories.family')).focus();
      await page.keyboard.press('Space');
      await page.getByLabel(de('targetGroups.women')).focus();
      await page.keyboard.press('Space');
      await typeInto(page, page.getByLabel(de('fields.phone')), '0203 abc');
      await typeInto(page, page.getByLabel(de('fields.locationName')), 'Stadtteilladen');
      await typeInto(page, page.getByLabel(de('fields.address')), 'Musterstraße 1');
      await typeInto(page, page.getByLabel(de('fields.postcode')), ortsteil.postcodes[0] ?? '47051');
      const ortsteilSelect = page.getByLabel(de('fields.ortsteil'), { exact: true });
      await ortsteilSelect.focus();
      await ortsteilSelect.selectOption(ortsteil.id);
      // The coordinates come from the Ortsteil's centre.
      expect(await page.getByLabel(de('fields.lat')).inputValue()).not.toBe('');

      const addHours = page.getByRole('button', { name: de('schedule.add') });
      await addHours.focus();
      await page.keyboard.press('Enter');
      const weekdays = page.getByRole('group', { name: de('schedule.days') });
      await weekdays.getByRole('checkbox').first().focus();
      await page.keyboard.press('Space');
      expect(await weekdays.getByRole('checkbox').first().isChecked()).toBe(true);

      // Translations open per language; each input says its language and direction.
      const arabic = page.locator('#svc-texts-name-ar');
      expect(await arabic.getAttribute('lang')).toBe('ar');
      expect(await arabic.getAttribute('dir')).toBe('rtl');

      const save = page.getByRole('button', { name: de('form.create') });
      await save.focus();
      await page.keyboard.press('Enter');

      // The server refuses the phone number: the summary takes focus and names it, the field shows it.
      const summary = page.getByRole('alert').filter({ hasText: de('form.errorSummary') });
      await summary.waitFor();
      await expect.poll(() => hasFocus(summary)).toBe(true);
      expect(await summary.textContent()).toContain(de('fields.phone'));
      const phone = page.getByLabel(de('fields.phone'));
      expect(await phone.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#svc-phone-error').textContent()).toContain(de('fields.phone'));
      // The link in the summary leads to the field.
      await summary.getByRole('link').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => hasFocus(phone)).toBe(true);

      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('+49 203 283 4444');
      await save.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => /^\/editor\/[0-9a-f-]{36}$/.test(url.pathname));
      await settle(page);
      await page
        .getByRole('status')
        .filter({ hasText: de('edit.created') })
        .waitFor();

      const submit = page.getByRole('button', { name: de('list.submit') });
      await submit.focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: de('list.submitted').replace('{name}', name) })
        .waitFor();

      // Not public yet.
      const before = await page.request.get(`/api/v1/directory/services?q=${encodeURIComponent(name)}`);
      const beforeNames = ((await before.json()) as { items: { name: { value: string } }[] }).items.map(
        (item) => item.name.value,
      );
      expect(beforeNames).not.toContain(name);

      // The coordinator finds it in the review queue and publishes it.
      const review = await coordinator.newPage();
      await open(review, '/editor');
      const queue = review.getByRole('region', { name: de('review.title') });
      await queue.getByRole('link', { name, exact: true }).waitFor();
      await queue.getByRole('button', { name: de('review.publishFor').replace('{name}', name) }).click();
      await review
        .getByRole('status')
        .filter({ hasText: de('review.published').replace('{name}', name) })
        .waitFor();

      const after = await review.request.get(`/api/v1/directory/services?q=${encodeURIComponent(name)}`);
      expect(after.ok()).toBe(true);
      const afterNames = ((await after.json()) as { items: { name: { value: string } }[] }).items.map(
        (item) => item.name.value,
      );
      expect(afterNames).toContain(name);
    } finally {
      await editor.close();
      await coordinator.close();
    }
  });

  test('an editor changes a published offer (it waits for review); the coordinator sends it back only with a reason', async () => {
    const editor = await newContext(env, { role: 'association' });
    const coordinator = await newContext(env, { role: 'coordinator' });
    try {
      const own = (await (
        await editor.request.get('/api/v1/directory/editor/services?status=published')
      ).json()) as { items: { id: string; name: string }[] };
      const target = own.items[0];
      if (!target) throw new Error('the association has no published offer');

      const page = await editor.newPage();
      await open(page, `/editor/${target.id}`);
      await typeInto(page, page.getByLabel(de('fields.locationName')), 'Neuer Treffpunkt');
      await page.getByRole('button', { name: de('form.save') }).click();
      await page
        .getByRole('status')
        .filter({ hasText: de('edit.pending') })
        .waitFor();

      const review = await coordinator.newPage();
      await open(review, '/editor');
      const queue = review.getByRole('region', { name: de('review.title') });
      await queue
        .getByRole('button', { name: de('review.rejectFor').replace('{name}', target.name) })
        .click();
      await queue.getByRole('button', { name: de('review.rejectConfirm') }).click();
      const reason = queue.getByLabel(de('review.reasonFor').replace('{name}', target.name));
      expect(await reason.getAttribute('aria-invalid')).toBe('true');
      expect(await hasFocus(reason)).toBe(true);
      await reason.fill('Bitte die Adresse prüfen.');
      await queue.getByRole('button', { name: de('review.rejectConfirm') }).click();
      await review
        .getByRole('status')
        .filter({ hasText: de('review.rejected').replace('{name}', target.name) })
        .waitFor();
    } finally {
      await editor.close();
      await coordinator.close();
    }
  });
});

type PageCase = { name: string; path: string; role: string; heading: string };
const PAGES: readonly PageCase[] = [
  { name: 'my offers', path: '/editor', role: 'association', heading: 'directory-editor:list.title' },
  {
    name: 'all offers and review queue',
    path: '/editor',
    role: 'coordinator',
    heading: 'directory-editor:list.titleAll',
  },
  {
    name: 'new offer form',
    path: '/editor/new',
    role: 'coordinator',
    heading: 'directory-editor:edit.newTitle',
  },
  {
    name: 'translations',
    path: '/translations',
    role: 'coordinator',
    heading: 'directory-editor:translations.title',
  },
  {
    name: 'unmet searches',
    path: '/unmet-searches',
    role: 'coordinator',
    heading: 'directory-editor:unmet.title',
  },
];
const LANGS: readonly Lang[] = ['de', 'ar'];

describe.each(LANGS)('axe (WCAG 2.1 AA) in %s', (lang) => {
  test.each(PAGES.map((page) => [page.name, page] as const))(
    '%s has no serious violations',
    async (_, pageCase) => {
      const context = await env.sharedContext({ lang, role: pageCase.role });
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

  test('the form with its translations open fits a 360 px phone without sideways scrolling', async () => {
    const context = await env.sharedContext({ lang, role: 'association', viewport: PHONE });
    const page = await context.newPage();
    try {
      await open(page, '/editor/new');
      await page.getByRole('button', { name: text(lang, 'directory-editor:schedule.add') }).click();
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await offScreen(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
