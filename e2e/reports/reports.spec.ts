import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../test/config.ts';
import {
  type BrowserEnv,
  expectAccessible,
  expectHeading,
  newContext,
  offScreen,
  open,
  PHONE,
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

/** Presses Tab (nothing else) until the target has the focus; fails when the page's tab order never reaches it. */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < 150; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reaches ${what}`);
}

/** This year's total on the public statistics page, as the reader sees it. */
async function publishedTotal(page: Page): Promise<string> {
  await open(page, '/melden/statistik');
  const line = page.getByTestId('report-total');
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

/** Where the main navigation leads, as the signed-in user sees it. */
async function navTargets(page: Page): Promise<string[]> {
  return page.locator('nav.app-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('a Persian-speaking woman reports discrimination at a housing company from her phone', () => {
  let code = '';
  let totalBefore = '';
  /** Her case's page, as the counsellor opened it. */
  let casePath = '';

  test('1. she fills in the form in Persian on a 360 px phone; the draft survives a lost connection; she adds a photo and gets her code', async () => {
    const context = await newContext(env, { lang: 'fa', viewport: PHONE });
    try {
      const page = await context.newPage();
      // No request leaves the city's server on these pages (no fonts, maps or charts from elsewhere).
      const elsewhere: string[] = [];
      context.on('request', (request) => {
        if (!request.url().startsWith(env.baseUrl) && !request.url().startsWith('data:'))
          elsewhere.push(request.url());
      });
      totalBefore = await publishedTotal(page);
      // The figures as charts (an image named by its caption, pointing to the table with the same numbers).
      const chart = page.getByTestId('report-grounds-chart').locator('svg[role="img"]');
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toContain(text('fa', 'reports:statistics.byGround'));
      expect(await chart.getAttribute('aria-describedby')).toBe('report-grounds-caption');
      expect(await offScreen(page), 'the charts fit a 360 px phone').toEqual([]);
      await expectAccessible(page, 'statistics page (fa, phone)');

      await open(page, '/melden');
      await expectHeading(page, text('fa', 'reports:form.title'));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectAccessible(page, 'report form, step 1 (fa, phone)');
      await page.fill('#report-description', 'شرکت مسکن گفت به خارجی‌ها خانه اجاره نمی‌دهد.');
      await page.fill('#report-date', '2026-11-20');
      await page.getByRole('button', { name: text('fa', 'reports:form.next') }).click();

      await page.selectOption('#report-ortsteil', 'hochfeld');
      await page.getByLabel(text('fa', 'reports:setting.housing')).check();
      await expectAccessible(page, 'report form, step 2 (fa, phone)');
      await page.getByRole('button', { name: text('fa', 'reports:form.next') }).click();

      // Without a ground she cannot go on, and is told why.
      await page.getByRole('button', { name: text('fa', 'reports:form.next') }).click();
      await page.getByText(text('fa', 'reports:form.groundsRequired')).waitFor();
      await page.getByLabel(text('fa', 'reports:ground.racism')).check();
      await page.getByLabel(text('fa', 'reports:ground.religion')).check();
      await page.locator('#report-violence-no').check();
      await page.locator('#report-police-no').check();
      await page.locator('#report-affected-me').check();
      await expectAccessible(page, 'report form, step 3 (fa, phone)');
      await page.getByRole('button', { name: text('fa', 'reports:form.next') }).click();

      await page.getByLabel(text('fa', 'reports:form.wantsContact')).check();
      await page.fill('#report-contact-value', 'maryam.r@example.org');
      expect(await offScreen(page), 'nothing sticks out sideways on 360 px').toEqual([]);
      await expectAccessible(page, 'report form, step 4 (fa, phone)');

      // The connection drops as she sends, and she closes the page.
      await context.setOffline(true);
      await page.getByRole('button', { name: text('fa', 'reports:form.send') }).click();
      await page.close();
      await context.setOffline(false);
      // Back online, the form opens again at the step she left, with what she typed.
      const again = await context.newPage();
      await open(again, '/melden');
      await expectHeading(again, text('fa', 'reports:form.title'));
      expect(await again.inputValue('#report-contact-value')).toBe('maryam.r@example.org');
      // She adds a photo of the rejection letter (photos are not part of the draft: chosen just before sending).
      const letter = await sharp({
        create: { width: 120, height: 160, channels: 3, background: { r: 240, g: 236, b: 220 } },
      })
        .jpeg()
        .toBuffer();
      await again.setInputFiles('#report-photos', {
        name: 'absage.jpg',
        mimeType: 'image/jpeg',
        buffer: letter,
      });
      await again.getByTestId('report-photos-chosen').waitFor();
      await again.getByRole('button', { name: text('fa', 'reports:form.send') }).click();

      const shown = again.getByTestId('report-code');
      await shown.waitFor();
      code = ((await shown.textContent()) ?? '').trim();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      expect(await again.evaluate(() => localStorage.getItem('lotse.reports.draft'))).toBeNull();
      await expectAccessible(again, 'code shown (fa, phone)');
      expect(elsewhere).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('2. a counsellor takes the case, sees her contact and her photo, and asks a question', async () => {
    const context = await newContext(env, { role: 'beratung' });
    try {
      const page = await context.newPage();
      await open(page, '/reports');
      await expectHeading(page, text('de', 'reports:cases.title'));
      await expectAccessible(page, 'case list (de)');
      // The reports scope: the counsellor's navigation leads to the cases, not to a caseworker's other pages.
      const targets = await navTargets(page);
      expect(targets).toContain('/reports');
      expect(targets.filter((to) => to.startsWith('/guides') || to.startsWith('/schooling'))).toEqual([]);
      await page.locator('main table a').first().click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      await settle(page);
      await expectHeading(page, text('de', 'reports:case.title'));
      await page.getByText(text('de', 'reports:case.contactHidden')).waitFor();
      casePath = new URL(page.url()).pathname;
      await page.getByRole('button', { name: text('de', 'reports:case.take') }).click();
      await expect
        .poll(() => page.getByTestId('case-contact').textContent())
        .toContain('maryam.r@example.org');
      // Her photo is shown to the counsellor who took the case.
      const photo = page.getByTestId('case-photo');
      await photo.waitFor();
      await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(120);
      await page.fill(
        '#case-message',
        'Wie heißt die Wohnungsgesellschaft, und haben Sie die Absage schriftlich?',
      );
      await page.getByRole('button', { name: text('de', 'reports:case.sendMessage') }).click();
      await page.getByText('Wie heißt die Wohnungsgesellschaft').first().waitFor();
      await expectAccessible(page, 'case page (de)');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-reports.png') });
    } finally {
      await context.close();
    }
  });

  test('3. she reads the question with her code, answers, and removes her contact details', async () => {
    const context = await newContext(env, { lang: 'fa', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/melden');
      await page.fill('#report-follow-code', code.replaceAll('-', '').toLowerCase());
      await page.getByRole('button', { name: text('fa', 'reports:follow.open') }).click();
      await page.waitForURL(/\/melden\/code\//);
      await settle(page);
      await expectHeading(page, text('fa', 'reports:follow.title'));
      await page.getByText('Wie heißt die Wohnungsgesellschaft').waitFor();
      expect(await page.locator('main').textContent()).not.toContain('maryam');
      await expectAccessible(page, 'follow page (fa, phone)');
      await page.fill('#report-answer', 'Rheinblick Wohnen. بله، نامه را دارم.');
      await page.getByRole('button', { name: text('fa', 'reports:follow.send') }).click();
      await page.getByText('Rheinblick Wohnen').first().waitFor();

      // She no longer wants to be contacted: she removes her contact details, still without an account.
      await page.getByText(text('fa', 'reports:follow.contactKept')).waitFor();
      await page.getByRole('button', { name: text('fa', 'reports:follow.removeContact') }).click();
      await page.getByText(text('fa', 'reports:follow.contactRemoved')).waitFor();
      expect(await offScreen(page), 'the follow page fits a 360 px phone').toEqual([]);
      await expectAccessible(page, 'follow page, contact removed (fa, phone)');
      // Opened again, the page offers nothing to remove any more.
      await open(page, `/melden/code/${code}`);
      await page.getByText('Rheinblick Wohnen').first().waitFor();
      expect(await page.getByText(text('fa', 'reports:follow.removeContact')).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('4. the counsellor reads the answer, no longer sees her contact, and closes the case; she sees it closed, and the statistics changed', async () => {
    const context = await newContext(env, { role: 'beratung' });
    try {
      const page = await context.newPage();
      await open(page, '/reports');
      await page.locator('main table a').first().click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      await settle(page);
      await page.getByText('Rheinblick Wohnen').first().waitFor();
      // Her contact details are gone, for the counsellor of the case too.
      expect(await page.locator('main').textContent()).not.toContain('maryam.r@example.org');
      expect(await page.getByTestId('case-contact').count()).toBe(0);
      await page.selectOption('#case-status', 'closed');
      await page.locator('#case-action-counselling').check();
      await page.getByRole('button', { name: text('de', 'reports:case.save'), exact: true }).click();
      await expect
        .poll(() => page.getByTestId('case-status').textContent())
        .toBe(text('de', 'reports:status.closed'));
    } finally {
      await context.close();
    }
    const reader = await newContext(env, { lang: 'fa', viewport: PHONE });
    try {
      const page = await reader.newPage();
      await open(page, `/melden/code/${code}`);
      await expect
        .poll(() => page.getByTestId('report-status').textContent())
        .toBe(text('fa', 'reports:status.closed'));
      const totalAfter = await publishedTotal(page);
      expect(totalAfter).not.toBe(totalBefore);
    } finally {
      await reader.close();
    }
  });

  test('5. a witness calls the advice centre about the same incident: the counsellor takes the report by phone and merges it into her case; the caller’s code opens it too', async () => {
    const context = await newContext(env, { role: 'beratung' });
    let phoneCode = '';
    try {
      const page = await context.newPage();
      await open(page, '/reports');
      await page.getByRole('link', { name: text('de', 'reports:cases.intake') }).click();
      await expectHeading(page, text('de', 'reports:intake.title'));
      await page.locator('#intake-source-phone').check();
      // Saving without the required answers names what is missing.
      await page.getByRole('button', { name: text('de', 'reports:intake.save') }).click();
      await page.getByText(text('de', 'reports:intake.incomplete')).waitFor();
      await page.fill(
        '#report-description',
        'Zeuge: Die Absage der Rheinblick Wohnen an die Familie gehört.',
      );
      await page.fill('#report-date', '2026-11-20');
      await page.selectOption('#report-ortsteil', 'hochfeld');
      await page.getByLabel(text('de', 'reports:setting.housing')).check();
      await page.getByLabel(text('de', 'reports:ground.racism')).check();
      await page.locator('#report-violence-no').check();
      await page.locator('#report-police-no').check();
      await page.locator('#report-affected-someone_else').check();
      await expectAccessible(page, 'report taken by phone (de)');
      await page.getByRole('button', { name: text('de', 'reports:intake.save') }).click();
      const shown = page.getByTestId('intake-code');
      await shown.waitFor();
      phoneCode = ((await shown.textContent()) ?? '').trim();
      expect(phoneCode).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      await page.getByRole('link', { name: text('de', 'reports:intake.openCase') }).click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      await settle(page);
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain(text('de', 'reports:source.phone'));
      await page.selectOption('#case-merge-into', casePath.split('/').pop() as string);
      await page.getByRole('button', { name: text('de', 'reports:case.merge'), exact: true }).click();
      await page.waitForURL((url) => url.pathname === casePath);
      await page.getByText('Zeuge: Die Absage').first().waitFor();
    } finally {
      await context.close();
    }
    // Both codes open the case: the caller's shows its status and the counsellor's question, and hers still works.
    const reader = await newContext(env, { lang: 'fa', viewport: PHONE });
    try {
      const page = await reader.newPage();
      for (const each of [phoneCode, code]) {
        await open(page, `/melden/code/${each}`);
        await page.getByText('Wie heißt die Wohnungsgesellschaft').first().waitFor();
        await expect
          .poll(() => page.getByTestId('report-status').textContent())
          .toBe(text('fa', 'reports:status.closed'));
      }
    } finally {
      await reader.close();
    }
  });

  test('a KI caseworker does not see the reports in the navigation, and gets no access to them', async () => {
    const context = await newContext(env, { role: 'caseworker' });
    try {
      const page = await context.newPage();
      await open(page, '/');
      expect(await navTargets(page)).not.toContain('/reports');
      await open(page, '/reports');
      expect(await page.locator('main').textContent()).not.toContain(text('de', 'reports:cases.intake'));
    } finally {
      await context.close();
    }
  });

  test('a counsellor working in Arabic on a 360 px phone takes a call by keyboard alone: the intake form and the case page pass axe and fit the screen', async () => {
    const context = await newContext(env, { role: 'beratung', lang: 'ar', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/reports/new');
      await expectHeading(page, text('ar', 'reports:intake.title'));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await offScreen(page), 'the intake form fits a 360 px phone').toEqual([]);
      await expectAccessible(page, 'report taken by phone (ar, phone)');

      // Tab to each field, Space to choose, typing for text; the phone is the source already chosen.
      expect(await page.locator('#intake-source-phone').isChecked()).toBe(true);
      await tabTo(page, page.locator('#report-description'), 'what happened');
      await page.keyboard.type('موظف في المكتب رفض مساعدتي بسبب لغتي.');
      await tabTo(page, page.locator('#report-ortsteil'), 'the Ortsteil');
      await page.keyboard.type('Hochfeld');
      expect(await page.inputValue('#report-ortsteil')).toBe('hochfeld');
      for (const [selector, what] of [
        ['#report-setting-authority', 'the setting'],
        ['#report-ground-racism', 'a ground'],
        ['#report-violence-yes', 'violence'],
        ['#report-police-yes', 'police'],
        ['#report-affected-me', 'who was affected'],
        ['#report-wants-contact', 'the wish for counselling'],
      ] as const) {
        await tabTo(page, page.locator(selector), what);
        await page.keyboard.press('Space');
        expect(await page.locator(selector).isChecked(), what).toBe(true);
      }
      await tabTo(page, page.locator('#report-contact-value'), 'the contact');
      await page.keyboard.type('karim.h@example.org');
      expect(await offScreen(page), 'the filled-in form fits a 360 px phone').toEqual([]);
      await tabTo(page, page.getByRole('button', { name: text('ar', 'reports:intake.save') }), 'save');
      await page.keyboard.press('Enter');

      const shown = page.getByTestId('intake-code');
      await shown.waitFor();
      expect(((await shown.textContent()) ?? '').trim()).toMatch(
        /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/,
      );
      await expectAccessible(page, 'code to read out (ar, phone)');
      await tabTo(page, page.getByRole('link', { name: text('ar', 'reports:intake.openCase') }), 'the case');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      await settle(page);
      await expectHeading(page, text('ar', 'reports:case.title'));
      await expect.poll(() => page.locator('main').textContent()).toContain('موظف في المكتب');
      expect(await offScreen(page), 'the case page fits a 360 px phone').toEqual([]);
      await expectAccessible(page, 'case page (ar, phone)');
      // Taking the case by keyboard shows the caller's contact.
      await tabTo(page, page.getByRole('button', { name: text('ar', 'reports:case.take') }), 'take the case');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId('case-contact').textContent())
        .toContain('karim.h@example.org');
      expect(await offScreen(page), 'the taken case fits a 360 px phone').toEqual([]);
      await expectAccessible(page, 'case page, taken (ar, phone)');
    } finally {
      await context.close();
    }
  });

  test('the counsellors’ list passes axe in Arabic', async () => {
    const context = await newContext(env, { role: 'beratung', lang: 'ar' });
    try {
      const page = await context.newPage();
      await open(page, '/reports');
      await expectHeading(page, text('ar', 'reports:cases.title'));
      await expectAccessible(page, 'case list (ar)');
    } finally {
      await context.close();
    }
  });
});
