import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, isoWeekday, localDate } from '../../server/core/time.ts';
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
  // The actor's own calendar in step 6 is an address of this test server (a private address otherwise refused).
  env = await startBrowserEnv({ PRIVATE_FETCH_ALLOW: '*' });
});
afterAll(async () => {
  await env?.close();
});

/** The next local date (from tomorrow) on an ISO weekday (1 Monday … 7 Sunday). */
function nextDay(weekday: number): string {
  const tomorrow = addDays(localDate(new Date(), 'Europe/Berlin'), 1);
  return addDays(tomorrow, (weekday - isoWeekday(tomorrow) + 7) % 7);
}
const WEDNESDAY = nextDay(3);
const THURSDAY = nextDay(4);

/** Fills the plan form up to the point where the overlap check answers. */
async function plan(page: Page, input: { title: string; date: string; from: string; to: string }) {
  await page.fill('#title', input.title);
  await page.fill('#date', input.date);
  await page.fill('#from', input.from);
  await page.fill('#to', input.to);
  await page.selectOption('#ortsteilId', 'marxloh');
  const women = page.locator('#group-women');
  if (!(await women.isChecked())) await women.check();
}

describe('a migrant organisation plans a weekly women’s café in Marxloh', () => {
  test('1. it is warned of another actor’s café on Wednesdays, moves it to Thursday morning, saves it and requests a room', async () => {
    const context = await newContext(env, { role: 'association' });
    try {
      const page = await context.newPage();
      await open(page, '/network/plan');
      await expectHeading(page, text('de', 'network:plan.pageTitle'));
      await expectAccessible(page, 'plan page (de)');
      await plan(page, { title: 'Frauencafé', date: WEDNESDAY, from: '15:30', to: '17:30' });
      // Before saving: the other actor's café in Obermarxloh (a neighbour) is named.
      const warning = page.locator('.kern-alert--warning');
      await warning.getByText('Frauencafé Birlikte').waitFor();
      await expect.poll(() => warning.textContent()).toContain('Elternverein');
      await expectAccessible(page, 'plan page with the overlap warning (de)');
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-network.png'), fullPage: true });

      // She moves it to Thursday morning: no overlap any more.
      await page.fill('#date', THURSDAY);
      await page.fill('#from', '10:00');
      await page.fill('#to', '12:00');
      await page.getByText(/^Keine Überschneidung mit anderen Akteuren bis/).waitFor();
      expect(await warning.count()).toBe(0);
      await page.getByRole('button', { name: text('de', 'network:plan.save'), exact: true }).click();
      await expectHeading(page, text('de', 'network:plan.savedTitle'));

      // A room in the Begegnungszentrum for the first Thursday.
      await page.selectOption('#roomId', 'cafe');
      expect(await page.inputValue('#room-date')).toBe(THURSDAY);
      await expectAccessible(page, 'room request (de)');
      await page.getByRole('button', { name: text('de', 'network:room.request') }).click();
      await page.getByText(/Begegnungscafé ist für .* angefragt\./).waitFor();
    } finally {
      await context.close();
    }
  });

  test('2. the planning page and the rooms work in Arabic, right to left, on a phone', async () => {
    const context = await newContext(env, { role: 'association', lang: 'ar', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/network/plan');
      await expectHeading(page, text('ar', 'network:plan.pageTitle'));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await plan(page, { title: 'مقهى النساء', date: WEDNESDAY, from: '15:30', to: '17:30' });
      await page.locator('.kern-alert--warning').getByText('Frauencafé Birlikte').waitFor();
      expect(await offScreen(page), 'nothing sticks out sideways on 360 px').toEqual([]);
      await expectAccessible(page, 'plan page with the overlap warning (ar, phone)');
      await open(page, '/network/rooms');
      await expectHeading(page, text('ar', 'network:bookings.title'));
      await expectAccessible(page, 'bookings (ar, phone)');
    } finally {
      await context.close();
    }
  });

  test('3. the house staff of the Begegnungszentrum confirm the request', async () => {
    const context = await newContext(env, { role: 'haus' });
    try {
      const page = await context.newPage();
      await open(page, '/network/rooms');
      await expectHeading(page, text('de', 'network:bookings.title'));
      await expectAccessible(page, 'bookings (de)');
      const row = page.locator('tr', { hasText: 'Frauencafé' }).filter({ hasText: 'Begegnungscafé' });
      await row.getByRole('button', { name: /^Bestätigen: Begegnungscafé/ }).click();
      await row.getByText(text('de', 'network:booking.state.confirmed')).waitFor();
    } finally {
      await context.close();
    }
  });

  test('4. a visitor finds the café in the public calendar in Turkish, and in the city’s iCal feed', async () => {
    const context = await newContext(env, { lang: 'tr' });
    try {
      const page = await context.newPage();
      await open(page, '/netzwerk/kalender');
      await expectHeading(page, text('tr', 'network:calendar.title'));
      await page.fill('#calendar-from', THURSDAY);
      await page.selectOption('#calendar-ortsteil', 'marxloh');
      const item = page.locator('li', { hasText: 'Frauencafé' }).first();
      await item.waitFor();
      expect(await item.textContent()).toContain('Punte');
      expect(await item.textContent()).toContain(text('tr', 'network:calendar.recurring'));
      await expectAccessible(page, 'public calendar (tr)');

      const feed = await context.request.get('/api/v1/network/calendar.ics');
      expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
      const body = (await feed.text()).replace(/\r\n[ \t]/g, '');
      const event = body
        .split('BEGIN:VEVENT')
        .find((e) => e.includes('SUMMARY:Frauencafé\r\n') && e.includes('DESCRIPTION:Punte'));
      expect(event).toContain('RRULE:FREQ=WEEKLY;BYDAY=TH');
      expect(event).toContain(`DTSTART;TZID=Europe/Berlin:${THURSDAY.replaceAll('-', '')}T100000`);
    } finally {
      await context.close();
    }
  });

  test('5. a coordinator sees the gaps view: the café fills its week in Marxloh, the empty weeks say "gap"', async () => {
    const context = await newContext(env, { role: 'coordinator' });
    try {
      const page = await context.newPage();
      await open(page, '/network/gaps');
      await expectHeading(page, text('de', 'network:gaps.title'));
      await page.selectOption('#gaps-district', 'hamborn');
      // The previous answer stays shown, marked busy, until Hamborn's arrives.
      await page.locator('table.app-gaps-table[aria-busy="false"]').waitFor();
      const monday = addDays(THURSDAY, 1 - isoWeekday(THURSDAY));
      const cell = page.getByTestId(`gap-marxloh-${monday}`);
      await expect.poll(async () => Number(await cell.textContent())).toBeGreaterThanOrEqual(1);
      const gaps = page.locator('td.app-gap');
      const count = await gaps.count();
      for (const text of await gaps.allTextContents()) expect(text).toBe('Lücke');
      await expect.poll(() => page.getByTestId('gaps-summary').textContent()).toContain(`${count}`);
      await expectAccessible(page, 'gaps (de)');
    } finally {
      await context.close();
    }
    const phone = await newContext(env, { role: 'coordinator', lang: 'ar', viewport: PHONE });
    try {
      const page = await phone.newPage();
      await open(page, '/network/gaps');
      await expectHeading(page, text('ar', 'network:gaps.title'));
      await page.getByTestId('gaps-summary').waitFor();
      expect(await offScreen(page), 'the table scrolls inside itself, the page does not').toEqual([]);
      await expectAccessible(page, 'gaps (ar, phone)');
    } finally {
      await phone.close();
    }
  });

  test('6. it gives the address of its own calendar, in Arabic, and is told why it could not be read', async () => {
    const context = await newContext(env, { role: 'association', lang: 'ar' });
    try {
      const page = await context.newPage();
      await open(page, '/network/plan');
      await page.getByRole('heading', { name: text('ar', 'network:feed.title') }).waitFor();
      await page.fill('#feed-url', `${env.baseUrl}/api/v1/network/kein-kalender.ics`);
      await page.selectOption('#feed-ortsteilId', 'marxloh');
      await page.locator('#feed-group-women').check();
      await page.getByRole('button', { name: text('ar', 'network:feed.save') }).click();
      const status = page.getByTestId('feed-status');
      await status.getByText(text('ar', 'errors:network.feed_problem.status')).waitFor();
      expect(await page.inputValue('#feed-url')).toContain('kein-kalender.ics');
      await page.getByRole('button', { name: text('ar', 'network:feed.syncNow') }).click();
      await status.getByText(text('ar', 'network:feed.problem')).waitFor();
      await expectAccessible(page, 'plan page with the calendar form (ar)');
    } finally {
      await context.close();
    }
  });
  test('7. the coordinator approves a waiting entry and enters a new actor', async () => {
    const context = await newContext(env, { role: 'coordinator' });
    try {
      const page = await context.newPage();
      await open(page, '/network/register');
      await expectHeading(page, text('de', 'network:register.pageTitle'));
      const pending = page.locator('section', { has: page.locator('#pending-title') }).locator('li');
      await pending.first().waitFor();
      const waiting = await pending.count();
      const name = String(await pending.first().locator('strong').textContent());
      await expectAccessible(page, 'register with entries waiting (de)');
      const button = pending.first().getByRole('button');
      expect(await button.getAttribute('aria-label')).toBe(`${name} freigeben`);
      await button.click();
      await page.getByText(`${name} ist freigegeben.`).waitFor();
      await expect.poll(() => pending.count()).toBe(waiting - 1);
      await page.locator('#register-caption').waitFor();
      await page.locator('table').getByRole('cell', { name, exact: true }).waitFor();

      // A new actor entered by the KI is approved at once; a missing district is named first.
      await page.fill('#actor-name', 'Nachbarschaftsinitiative Beeck');
      await page.selectOption('#actor-kind', 'initiative');
      await page.getByRole('button', { name: text('de', 'network:register.enter') }).click();
      await page.locator('.kern-alert--danger').getByText(text('de', 'network:register.districts')).waitFor();
      await page.locator('#district-meiderich-beeck').check();
      await page.locator('#actor-group-youth').check();
      await page.getByRole('button', { name: text('de', 'network:register.enter') }).click();
      await page.getByText('Nachbarschaftsinitiative Beeck ist eingetragen und freigegeben.').waitFor();
      await page.locator('table').getByRole('cell', { name: 'Nachbarschaftsinitiative Beeck' }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  test('8. the register works in Arabic on a phone', async () => {
    const phone = await newContext(env, { role: 'coordinator', lang: 'ar', viewport: PHONE });
    try {
      const page = await phone.newPage();
      await open(page, '/network/register');
      await expectHeading(page, text('ar', 'network:register.pageTitle'));
      await page.locator('#register-caption').waitFor();
      expect(await offScreen(page), 'the register fits 360 px').toEqual([]);
      await expectAccessible(page, 'register (ar, phone)');
    } finally {
      await phone.close();
    }
  }, 120_000);
});
