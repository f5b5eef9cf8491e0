import path from 'node:path';
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

type Spoken = { lang: string; text: string };

describe('arriving in Duisburg: information pages', () => {
  test('an Arabic reader on a 360 px phone opens "Anmeldung", ticks two things to bring, finds the emergency numbers and listens', async () => {
    const context = await newContext(env, { lang: 'ar', viewport: PHONE });
    // Headless Chromium has no voices: the page's speechSynthesis is only wrapped to record what it was asked.
    await context.addInitScript(() => {
      const spoken: { lang: string; text: string }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      const synth = window.speechSynthesis;
      if (!synth) return;
      const speak = synth.speak.bind(synth);
      synth.speak = (utterance: SpeechSynthesisUtterance) => {
        spoken.push({ lang: utterance.lang, text: utterance.text });
        speak(utterance);
      };
    });
    try {
      const page = await context.newPage();
      // The home page leads into the pages.
      await open(page, '/');
      await page.getByRole('link', { name: text('ar', 'common:home.cards.pages.title') }).click();
      await expectHeading(page, text('ar', 'pages:index.title'));
      await page.getByRole('link', { name: 'تسجيل السكن في مكتب المواطنين (Bürgeramt)' }).waitFor();
      await expectAccessible(page, 'pages index (ar, phone)');

      await page.getByRole('link', { name: 'تسجيل السكن في مكتب المواطنين (Bürgeramt)' }).click();
      await expectHeading(page, 'تسجيل السكن في مكتب المواطنين (Bürgeramt)');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await page.locator('article').getAttribute('dir')).toBe('rtl');
      await page.getByText(text('ar', 'pages:page.machine')).waitFor();
      // The Bürgeramt from the directory, where the step is done.
      await page.getByRole('link', { name: 'تسجيل السكن (Anmeldung) مع دعم لغوي' }).waitFor();

      // She ticks two things she already has; they stay ticked on her phone.
      await page.getByLabel('جواز السفر أو الهوية (لكل شخص)').check();
      await page.getByLabel('تأكيد المؤجر', { exact: true }).check();
      await page.getByText('تم 2 من 5').waitFor();
      await page.reload();
      await expectHeading(page, 'تسجيل السكن في مكتب المواطنين (Bürgeramt)');
      expect(await page.getByLabel('جواز السفر أو الهوية (لكل شخص)').isChecked()).toBe(true);
      expect(await page.getByLabel('تأكيد المؤجر', { exact: true }).isChecked()).toBe(true);

      // Emergency numbers: one tap opens them, the second would call.
      await page.getByText(text('ar', 'pages:emergency.button')).click();
      expect(await page.locator('a[href="tel:112"]').isVisible()).toBe(true);
      expect(await page.locator('a[href="tel:110"]').isVisible()).toBe(true);

      expect(await offScreen(page), 'nothing sticks out sideways on 360 px').toEqual([]);
      await expectAccessible(page, 'Anmeldung (ar, phone)');

      // She listens: the browser is asked to speak Arabic.
      await page.getByRole('button', { name: text('ar', 'pages:read.start') }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.length))
        .toBeGreaterThan(0);
      const spoken = await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);
      expect(spoken[0]?.lang).toBe('ar');
      expect(spoken[0]?.text).toContain('تسجيل السكن');
      // The screenshot: the emergency panel closed again, the ticked checklist in view.
      await page.getByText(text('ar', 'pages:emergency.button')).click();
      await page.locator('#step3-0').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -260));
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-pages.png') });
    } finally {
      await context.close();
    }
  });

  test('an editor writes a page in German, sees its readability score and the hard sentence, and publishes it', async () => {
    const context = await newContext(env, { lang: 'de', role: 'coordinator' });
    try {
      const page = await context.newPage();
      await open(page, '/seiten-editor');
      await expectHeading(page, text('de', 'pages:editor.listTitle'));
      await expectAccessible(page, 'page editor list (de)');
      await page.getByRole('link', { name: text('de', 'pages:editor.new') }).click();
      await expectHeading(page, text('de', 'pages:editor.newTitle'));

      await page.locator('#title').fill('Wohngeld beantragen');
      await page.locator('#slug').fill('wohngeld');
      await page.selectOption('#parentId', { label: 'Wohnen und Alltag' });
      await page.locator('#summary').fill('Mit wenig Geld hilft die Stadt bei der Miete.');
      await page
        .locator('#body')
        .fill(
          '<p>Das Wohngeld hilft bei der Miete. Sie stellen den Antrag bei der Stadt.</p><p>Die Bewilligung wird nach abschließender Prüfung sämtlicher eingereichten Einkommensnachweise durch die Wohngeldstelle schriftlich mitgeteilt.</p><script>alert(1)</script>',
        );
      await page.getByRole('button', { name: text('de', 'pages:editor.addStep') }).click();
      await page.locator('#step-0-title').fill('Antrag stellen');
      await page.locator('#step-0-bring').fill('Mietvertrag\nEinkommensnachweise');

      // The score is shown while writing, and the long sentence is marked as the one that pulls it down.
      const score = page.locator('.app-pages-readability__score');
      await score.waitFor();
      expect(Number(await score.getAttribute('data-score'))).toBeGreaterThan(0);
      await page
        .locator('.app-pages-readability mark')
        .filter({ hasText: 'Die Bewilligung wird nach abschließender Prüfung' })
        .waitFor();
      await expectAccessible(page, 'page editor with readability (de)');

      await page.getByRole('button', { name: text('de', 'pages:editor.save') }).click();
      await page.getByText('Gespeichert (Fassung 1).').waitFor();
      await page.waitForURL(/\/seiten-editor\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: text('de', 'pages:editor.submit') }).click();
      await page.getByText(text('de', 'pages:editor.submitted')).waitFor();
      await page.getByRole('button', { name: text('de', 'pages:editor.publish') }).click();
      await page.getByText(text('de', 'pages:editor.publishedNow')).waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-pages-editor.png'), fullPage: true });

      // Readers see it, without the script.
      await open(page, '/seiten/wohngeld');
      await expectHeading(page, 'Wohngeld beantragen');
      expect(await page.locator('.app-pages-body script').count()).toBe(0);
      await page.getByLabel('Mietvertrag').waitFor();
      await expectAccessible(page, 'new page as readers see it (de)');
    } finally {
      await context.close();
    }
  });
});
