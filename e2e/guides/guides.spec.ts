import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox } from '../../server/core/core.tables.ts';
import { buildRequest } from '../../server/modules/guides/guides.factories.ts';
import { ROOT } from '../../test/config.ts';
import {
  type BrowserEnv,
  DESKTOP,
  expectAccessible,
  newContext,
  offScreen,
  open,
  PHONE,
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

const GUIDE_EMAIL = 'guide@demo.lotse.example';
const INSTITUTION_EMAIL = 'institution@demo.lotse.example';

/** Wednesday of next week in Duisburg ("YYYY-MM-DD"): inside the demo mediator's weekly hours. */
function nextWednesday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const noon = new Date(`${today}T12:00:00Z`);
  const weekday = (noon.getUTCDay() + 6) % 7;
  noon.setUTCDate(noon.getUTCDate() + 7 - weekday + 2);
  return noon.toISOString().slice(0, 10);
}

describe('an Arabic mediator for a clinic appointment, from booking to reminder', () => {
  const day = nextWednesday();
  let requestUrl = '';

  test('1. the clinic books an Arabic (Levantine) mediator', async () => {
    const context = await newContext(env, { role: 'institution' });
    try {
      const page = await context.newPage();
      await open(page, '/guides/requests/new');
      await expectHeading(page, text('de', 'guides:book.title'));
      await expectAccessible(page, 'booking form');
      await page.selectOption('#request-language', 'ara');
      // The dialects of Arabic, by name in the reader's language; Levantine is "شامي" for an Arabic reader.
      expect(await page.locator('#request-dialect option').allTextContents()).toContain(
        text('de', 'guides:dialects.levantine'),
      );
      await page.selectOption('#request-dialect', { label: text('de', 'guides:dialects.levantine') });
      await page.fill('#request-date', day);
      await page.fill('#request-time', '10:00');
      await page.selectOption('#request-duration', '60');
      await page.selectOption('#request-topic', 'health');
      await page.fill('#request-address', 'Duisburger Straße 213, 47166 Duisburg');
      await page.selectOption('#request-ortsteilId', 'marxloh');
      await page.fill('#request-newcomerFirstName', 'Amal');
      await page.fill('#request-contactOnDay', '0203 555 0199');
      await page.fill('#request-requesterEmail', INSTITUTION_EMAIL);
      await page.getByRole('button', { name: text('de', 'guides:form.submitBooking') }).click();
      await page.getByText(text('de', 'guides:book.sent')).waitFor();
      await page.getByRole('link', { name: text('de', 'guides:book.open') }).click();
      await page.waitForURL(/\/guides\/requests\/[0-9a-f-]{36}$/);
      await settle(page);
      requestUrl = new URL(page.url()).pathname;
      await expect
        .poll(() => page.locator('main .kern-badge').first().textContent())
        .toBe(text('de', 'guides:states.open'));
      await expectAccessible(page, 'request page');
    } finally {
      await context.close();
    }
  });

  test('2. the coordinator runs the matching, reads why this mediator, drops one proposal and sends the rest', async () => {
    // A second Arabic request that afternoon: its proposal is the one the coordinator drops.
    const institution = await env.t.login('institution');
    const extra = await institution.post(
      '/api/v1/guides/requests',
      buildRequest(new Date(`${day}T15:00:00+01:00`), {
        language: 'ara',
        topic: 'authorities',
        newcomerFirstName: 'Samir',
      }),
    );
    expect(extra.status, extra.body).toBe(201);
    const context = await newContext(env, { role: 'coordinator' });
    try {
      const page = await context.newPage();
      await open(page, '/guides/matching');
      await page.fill('#matching-from', day);
      await page.fill('#matching-to', day);
      await page.getByRole('button', { name: text('de', 'guides:matching.run') }).click();
      const result = page.getByTestId('matching-result');
      await result.waitFor({ timeout: 30_000 });
      await settle(page);
      // Under review: not sent yet, and said so.
      expect(await page.locator('#result-heading').textContent()).toBe(text('de', 'guides:review.title'));
      // The clinic's request went to the only Levantine Arabic speaker, with reasons a coordinator can check.
      const proposal = result
        .getByTestId('proposal')
        .filter({ hasText: 'Mihaela' })
        .filter({ hasText: '10:00' });
      await expect.poll(() => proposal.count()).toBe(1);
      const why = await proposal.first().getByTestId('explanation').textContent();
      expect(why).toContain('Spricht Arabisch (fließend).');
      // The dialect by its name, never its code.
      expect(why).toContain(`Dialekt: ${text('de', 'guides:dialects.levantine')}.`);
      expect(why).toMatch(/Weg: etwa \d+ Minuten/);
      expect(why).toMatch(/Ihr 1\. Einsatz in diesem Zeitraum/);
      await expectAccessible(page, 'matching result under review');
      mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
      await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
      // The result with its first proposals and their reasons, below the page's heading and period form.
      const top = await page
        .locator('#result-heading')
        .evaluate((heading) => heading.getBoundingClientRect().top);
      await page.screenshot({
        path: path.join(ROOT, 'docs', 'screenshot-guides.png'),
        fullPage: true,
        clip: { x: 0, y: Math.max(0, top - 16), width: DESKTOP.width, height: DESKTOP.height },
      });

      // Drop the afternoon's proposal, by keyboard.
      const afternoon = result.getByTestId('proposal').filter({ hasText: '15:00' });
      await expect.poll(() => afternoon.count()).toBe(1);
      await afternoon.getByRole('button', { name: text('de', 'guides:review.drop') }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => afternoon.count(), { timeout: 15_000 }).toBe(0);
      await expect
        .poll(() => page.getByTestId('review-status').textContent(), { timeout: 15_000 })
        .toContain('gestrichen');

      // After a reload the run is still there, from the server: the morning's proposal, not the dropped one.
      await page.reload();
      await page.getByTestId('matching-result').waitFor({ timeout: 15_000 });
      await settle(page);
      await expect.poll(() => proposal.count(), { timeout: 15_000 }).toBe(1);
      expect(await result.getByTestId('proposal').filter({ hasText: '15:00' }).count()).toBe(0);

      // Send: the guides get their proposals now.
      const sendButton = result.getByRole('button', { name: /verschicken$/ });
      await sendButton.click();
      await expect
        .poll(() => page.getByTestId('review-status').textContent(), { timeout: 15_000 })
        .toMatch(/verschickt\.$/);
      await expect.poll(() => page.getByTestId('last-sent').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.getByRole('button', { name: /verschicken$/ }).count()).toBe(0);
      await expectAccessible(page, 'matching result after sending');
    } finally {
      await context.close();
    }
  }, 120_000);

  test('3. the mediator accepts on a 360 px phone', async () => {
    const context = await newContext(env, { role: 'guide', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/guides/proposals');
      const card = page.locator('.app-guides-item', { hasText: 'Amal' });
      await card.waitFor();
      expect(await card.textContent()).toContain('Duisburger Straße 213');
      await expectAccessible(page, 'proposals on a phone');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      expect(await offScreen(page)).toEqual([]);
      await card.getByRole('button', { name: text('de', 'guides:proposals.accept') }).click();
      await page.getByText(text('de', 'guides:proposals.accepted')).waitFor();
      await open(page, '/guides/assignments');
      const appointment = page.locator('.app-guides-item', { hasText: 'Arabisch' }).first();
      await appointment.waitFor();
      // "Add to calendar": one appointment's .ics file.
      const download = page.waitForEvent('download');
      await appointment.getByRole('link', { name: text('de', 'guides:calendar.add') }).click();
      const file = await download;
      const ics = await readFile((await file.path()) ?? '', 'utf8');
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(ics).toContain('Amal');
      expect(ics).not.toContain('0203 555 0199');
      // The calendar link: a copy button that says it copied, and the webcal:// link beside the https one.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: text('de', 'guides:feed.create') }).click();
      const url = await page.locator('#feed-url').inputValue();
      expect(url).toMatch(/^https?:\/\//);
      const webcal = page.getByRole('link', { name: text('de', 'guides:feed.subscribe') });
      expect(await webcal.getAttribute('href')).toBe(url.replace(/^https?:\/\//, 'webcal://'));
      await page.getByRole('button', { name: text('de', 'guides:feed.copy') }).click();
      await expect
        .poll(() => page.getByTestId('feed-copied').textContent())
        .toBe(text('de', 'guides:feed.copied'));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
      const assignmentsWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(assignmentsWidth).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, 'assignments on a phone');
    } finally {
      await context.close();
    }
  });

  test('4. the clinic sees the confirmation with the mediator’s first name only', async () => {
    const context = await newContext(env, { role: 'institution' });
    try {
      const page = await context.newPage();
      await open(page, requestUrl);
      const confirmation = page.getByTestId('confirmation');
      await confirmation.waitFor();
      expect(await confirmation.textContent()).toMatch(/^Mihaela begleitet den Termin am /);
      expect(await page.locator('main').textContent()).not.toContain('Dumitrescu');
      await expectAccessible(page, 'confirmed request');
    } finally {
      await context.close();
    }
  });

  test('5. a day before, the reminder mail goes out to the mediator and the clinic', async () => {
    const start = new Date(`${day}T10:00:00+01:00`);
    env.t.services.clock.set(new Date(start.getTime() - 20 * 3_600_000));
    expect(await env.t.services.jobRunner.runSoon('guides.reminders')).toBe(true);
    expect(await env.t.services.jobRunner.tick()).toContain('guides.reminders');
    const reminders = await env.t.services.database.db
      .select({ to: outbox.toAddress, subject: outbox.subject })
      .from(outbox)
      .where(and(like(outbox.subject, 'Lotse: Erinnerung an den Termin am %')));
    expect(reminders.map((mail) => mail.to).sort()).toEqual(
      expect.arrayContaining([GUIDE_EMAIL, INSTITUTION_EMAIL]),
    );
    const toGuide = await env.t.services.database.db
      .select({ body: outbox.textBody })
      .from(outbox)
      .where(and(eq(outbox.toAddress, GUIDE_EMAIL), like(outbox.subject, 'Lotse: Erinnerung%')));
    expect(toGuide[0]?.body).toContain('Duisburger Straße 213');
  });
});

describe('the public form, in Arabic on a phone', () => {
  test('a newcomer asks for a Lotse without an account and follows the request by its code', async () => {
    const context = await newContext(env, { lang: 'ar', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/guides/request');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectHeading(page, text('ar', 'guides:public.title'));
      await expectAccessible(page, 'public form (ar)');
      await page.selectOption('#request-language', 'ara');
      await page.fill('#request-date', nextWednesday());
      await page.fill('#request-time', '13:30');
      await page.selectOption('#request-topic', 'authorities');
      await page.fill('#request-address', 'Sonnenwall 77, 47051 Duisburg');
      await page.selectOption('#request-ortsteilId', 'altstadt');
      await page.fill('#request-newcomerFirstName', 'خالد');
      await page.getByRole('button', { name: text('ar', 'guides:form.submitPublic') }).click();
      const code = page.getByTestId('request-code');
      await code.waitFor();
      // Read aloud: three groups of four, no look-alikes.
      const shown = (await code.textContent()) ?? '';
      expect(shown).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      expect(await offScreen(page)).toEqual([]);
      await page.getByRole('link', { name: text('ar', 'guides:public.followLink') }).click();
      await page.waitForURL(/\/guides\/follow\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await settle(page);
      expect(await page.getByTestId('follow-state').textContent()).toBe(
        text('ar', 'guides:follow.text.open'),
      );
      await expectAccessible(page, 'follow page (ar)');
      // Typed back in small letters with spaces instead of dashes, the code still opens the request.
      await open(page, '/guides/request');
      await page.fill('#follow-code', shown.toLowerCase().replace(/-/g, ' '));
      await page.getByRole('button', { name: text('ar', 'guides:public.follow') }).click();
      await page.waitForURL(`**/guides/follow/${shown}`);
      await page.getByTestId('follow-state').waitFor();
      expect(await page.getByTestId('follow-state').textContent()).toBe(
        text('ar', 'guides:follow.text.open'),
      );
    } finally {
      await context.close();
    }
  });

  test('the form names the missing fields before sending', async () => {
    const context = await newContext(env, { viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await open(page, '/guides/request');
      await page.getByRole('button', { name: text('de', 'guides:form.submitPublic') }).click();
      await page.getByText(text('de', 'guides:form.fixFields')).waitFor();
      expect(await page.locator('#request-language-error').textContent()).toBe(
        text('de', 'guides:form.required'),
      );
      await expectAccessible(page, 'public form with errors');
    } finally {
      await context.close();
    }
  });
});
