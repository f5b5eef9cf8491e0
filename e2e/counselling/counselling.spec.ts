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
/** The Clearingstelle's counsellor (a caseworker of a counselling organisation): demoEmail('clearingstelle'). */
const COUNSELLOR = 'clearingstelle';
const NAME = 'Costel Bălan';

beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

/** The figures the walk changes, as the coordinator reads them on the figures page. */
async function readFigures() {
  const context = await newContext(env, { role: 'coordinator' });
  try {
    const page = await context.newPage();
    await open(page, '/counselling/figures');
    const value = async (id: string) => {
      await page.getByTestId(id).waitFor();
      return ((await page.getByTestId(id).textContent()) ?? '').trim();
    };
    return {
      closedWithOutcome: await value('figures-closed-with-outcome'),
      clinicVisits: await value('figures-clinic-visits'),
    };
  } finally {
    await context.close();
  }
}

describe('a Romanian-speaking man without working health insurance books the Clearingstelle, and his case is cleared', () => {
  let code = '';
  let caseUrl = '';
  let before: Awaited<ReturnType<typeof readFigures>>;

  beforeAll(async () => {
    before = await readFigures();
  }, 120_000);

  test('1. on a 360 px phone in Romanian he books an appointment with a language mediator; the send fails once and what he typed is kept; on his link he moves it', async () => {
    const context = await newContext(env, { lang: 'ro', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/beratung');
      await expectHeading(page, text('ro', 'counselling:book.title'));
      await page.locator('#book-service-clearingstelle').check();
      await page.locator('#book-slot option:nth-child(2)').waitFor({ state: 'attached' });
      await page.selectOption('#book-slot', { index: 1 });
      await page.fill('#book-name', NAME);
      await page.fill('#book-phone', '+49 176 5550123');
      expect(await page.inputValue('#book-language')).toBe('ro');
      await page.selectOption('#book-topic', 'health_insurance');
      await page.getByLabel(text('ro', 'counselling:book.mediator')).check();
      await page.getByLabel(text('ro', 'counselling:book.privacy')).check();
      await expectAccessible(page, 'booking form (ro, phone)');
      expect(await offScreen(page), 'the form fits a 360 px phone').toEqual([]);

      await context.setOffline(true);
      await page.getByRole('button', { name: text('ro', 'counselling:book.submit') }).click();
      await page.close();
      await context.setOffline(false);

      const again = await context.newPage();
      await open(again, '/beratung');
      expect(await again.inputValue('#book-name')).toBe(NAME);
      await again.locator('#book-slot option:nth-child(2)').waitFor({ state: 'attached' });
      await again.getByRole('button', { name: text('ro', 'counselling:book.submit') }).click();
      const shown = again.getByTestId('booking-code');
      await shown.waitFor();
      code = ((await shown.textContent()) ?? '').trim();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      expect(await again.evaluate(() => localStorage.getItem('lotse.counselling.draft'))).toBeNull();

      // On his link he moves the appointment to another free time.
      await again.getByRole('link', { name: text('ro', 'counselling:done.followLink') }).click();
      await expectHeading(again, text('ro', 'counselling:follow.title'));
      const when = again.getByTestId('follow-when');
      const booked = ((await when.textContent()) ?? '').trim();
      await again.locator('#follow-slot option:nth-child(2)').waitFor({ state: 'attached' });
      await again.selectOption('#follow-slot', { index: 1 });
      const chosen = ((await again.locator('#follow-slot option:checked').textContent()) ?? '').trim();
      expect(chosen).not.toBe(booked);
      await again.getByRole('button', { name: text('ro', 'counselling:follow.moveButton') }).click();
      await again.getByTestId('follow-when').getByText(chosen).waitFor();
      await expectAccessible(again, 'follow page with moving (ro, phone)');
      expect(await offScreen(again), 'the follow page fits a 360 px phone').toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  test('2. the counsellor books the mediator he asked for with one click, opens a case from his appointment with his consent and his daughter as household member, works the health-insurance checklist and refers him to the clinic with his consent', async () => {
    const context = await newContext(env, { role: COUNSELLOR });
    try {
      const page = await context.newPage();
      await open(page, '/counselling');
      await expectHeading(page, text('de', 'counselling:cases.title'));
      await expectAccessible(page, 'the counsellor’s appointments and cases (de)');
      // He asked for a mediator: one click books one through the guides module.
      const row = page.locator('tr', { hasText: NAME });
      await row.getByRole('button', { name: text('de', 'counselling:cases.bookMediator') }).click();
      await row.getByTestId('mediator-requested').waitFor();
      await row.getByRole('link', { name: text('de', 'counselling:cases.openCase') }).click();
      await expectHeading(page, text('de', 'counselling:open.title'));
      await page.locator('#case-name').waitFor();
      expect(await page.inputValue('#case-name')).toBe(NAME);
      await page.selectOption('#case-service', 'clearingstelle');
      await page.fill('#case-birth', '1985-04-02');
      await page.getByLabel(text('de', 'counselling:open.noFixedAddress')).check();
      // His daughter lives with him.
      await page.getByRole('button', { name: text('de', 'counselling:open.addMember') }).click();
      await page.fill('#case-member-1-name', 'Ana Bălan');
      await page.selectOption('#case-member-1-relation', 'child');
      await page.locator('#case-consent-yes').check();
      await expectAccessible(page, 'opening a case (de)');
      await page.getByRole('button', { name: text('de', 'counselling:open.submit') }).click();
      await expectHeading(page, NAME);
      caseUrl = new URL(page.url()).pathname;
      await page.getByTestId('case-household').getByText('Ana Bălan').waitFor();

      await page.selectOption('#check-ehic_valid', 'no');
      await page.selectOption('#check-employed', 'yes');
      await page.getByLabel(text('de', 'counselling:documents.employment_contract')).check();
      await page.getByRole('button', { name: text('de', 'counselling:case.saveChecklist') }).click();
      await page.getByText(text('de', 'counselling:case.saved')).first().waitFor();

      await page.selectOption('#refer-recipient', 'schwerpunktambulanz');
      await page.fill('#refer-purpose', 'Behandlung bis zur Klärung der Versicherung');
      await page.getByLabel(text('de', 'counselling:fields.languages')).check();
      const until = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      await page.fill('#refer-until', until);
      await page.locator('#refer-consent').check();
      await page.getByRole('button', { name: text('de', 'counselling:case.send') }).click();
      await page.getByTestId('referrals').getByText(text('de', 'counselling:status.sent')).waitFor();
      await expectAccessible(page, 'the case with its checklist and referral (de)');
    } finally {
      await context.close();
    }
  }, 240_000);

  test('3. on his link he sees, in Romanian, the documents to bring', async () => {
    const context = await newContext(env, { lang: 'ro', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, `/beratung/code/${code}`);
      await expectHeading(page, text('ro', 'counselling:follow.title'));
      await page
        .getByTestId('follow-documents')
        .getByText(text('ro', 'counselling:documents.employment_contract'))
        .waitFor();
      await expectAccessible(page, 'follow page (ro, phone)');
    } finally {
      await context.close();
    }
  }, 120_000);

  test('4. the clinic sees only what he agreed to share, accepts and records the visit without a diagnosis', async () => {
    const context = await newContext(env, { role: 'institution' });
    try {
      const page = await context.newPage();
      await open(page, '/counselling/clinic');
      await expectHeading(page, text('de', 'counselling:clinic.title'));
      const card = page.locator('.app-counselling__card', { has: page.getByRole('heading', { name: NAME }) });
      await card.waitFor();
      expect(await card.textContent()).not.toContain('1985');
      await card.getByRole('button', { name: text('de', 'counselling:clinic.accept') }).click();
      await card.getByText(text('de', 'counselling:status.accepted')).waitFor();
      await card.getByRole('button', { name: text('de', 'counselling:clinic.recordVisit') }).click();
      await card
        .getByText(text('de', 'counselling:case.visit').split('{')[0] as string)
        .first()
        .waitFor();
      await expectAccessible(page, 'the clinic’s referrals (de)');
    } finally {
      await context.close();
    }
  }, 240_000);

  test('5. the counsellor sees the clinic’s step and closes the case with “insured via work”', async () => {
    const context = await newContext(env, { role: COUNSELLOR });
    try {
      const page = await context.newPage();
      await open(page, caseUrl);
      await expectHeading(page, NAME);
      await page.getByTestId('referrals').getByText(text('de', 'counselling:status.accepted')).waitFor();
      await page.selectOption('#close-outcome', 'work');
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-counselling.png'), fullPage: true });
      await page.getByRole('button', { name: text('de', 'counselling:case.closeCase') }).click();
      await expect
        .poll(() => page.getByTestId('case-status').textContent())
        .toContain(text('de', 'counselling:status.closed'));
    } finally {
      await context.close();
    }
  }, 240_000);

  test('6. in Arabic on a phone the counsellor’s pages read right to left and pass axe', async () => {
    const context = await newContext(env, { role: COUNSELLOR, lang: 'ar', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/counselling');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectAccessible(page, 'cases (ar, phone)');
      expect(await offScreen(page)).toEqual([]);
      await open(page, caseUrl);
      await expectAccessible(page, 'a closed case (ar, phone)');
      expect(await offScreen(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  test('7. the figures show it: the coordinator sees his case as one more case cleared and one more clinic visit, this month’s closed cases and the clearing, in German and Arabic; the data-protection officer sees the break-glass list and the lead counsellors', async () => {
    const context = await newContext(env, { role: 'coordinator' });
    try {
      const page = await context.newPage();
      await open(page, '/counselling/figures');
      await expectHeading(page, text('de', 'counselling:figures.title'));
      const thisMonth = page.locator('[data-testid^="figures-months-"][data-testid$="-closed"]').last();
      await thisMonth.waitFor();
      expect(await thisMonth.textContent()).not.toBe('0');
      // His case is one more health-insurance case closed with an outcome, and the clinic's visit one more visit
      // (the demo's counts are 5 and more, so they are shown as numbers, not "<5").
      const plusOne = (value: string) => String(Number.parseInt(value, 10) + 1);
      expect(before.closedWithOutcome).toMatch(/^\d+$/);
      expect(before.clinicVisits).toMatch(/^\d+$/);
      expect((await page.getByTestId('figures-closed-with-outcome').textContent())?.trim()).toBe(
        plusOne(before.closedWithOutcome),
      );
      expect((await page.getByTestId('figures-clinic-visits').textContent())?.trim()).toBe(
        plusOne(before.clinicVisits),
      );
      await page
        .getByTestId('figures-clearing')
        .getByText(text('de', 'counselling:figures.medianDays'))
        .waitFor();
      expect(await page.textContent('main')).not.toContain(NAME);
      await expectAccessible(page, 'counselling figures (de)');
    } finally {
      await context.close();
    }
    const arabic = await newContext(env, { role: 'coordinator', lang: 'ar' });
    try {
      const page = await arabic.newPage();
      await open(page, '/counselling/figures');
      await expectHeading(page, text('ar', 'counselling:figures.title'));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectAccessible(page, 'counselling figures (ar)');
    } finally {
      await arabic.close();
    }
    // The data-protection officer's list of break-glass accesses (the demo has one).
    const officer = await newContext(env, { role: 'admin' });
    try {
      const page = await officer.newPage();
      await open(page, '/counselling/break-glass');
      await expectHeading(page, text('de', 'counselling:breakGlass.title'));
      await page.getByTestId('break-glass-list').getByText('Ioana Mureșan').first().waitFor();
      await expectAccessible(page, 'break-glass accesses (de)');
      // Who may break the glass: the admin names the lead counsellors (the demo's Clearingstelle counsellor is one).
      await open(page, '/counselling/leads');
      await expectHeading(page, text('de', 'counselling:leads.title'));
      await page
        .getByTestId('leads-list')
        .getByRole('cell', { name: 'Ioana Mureșan', exact: true })
        .waitFor();
      await expectAccessible(page, 'lead counsellors (de)');
    } finally {
      await officer.close();
    }
    const officerAr = await newContext(env, { role: 'admin', lang: 'ar', viewport: PHONE });
    try {
      const page = await officerAr.newPage();
      await open(page, '/counselling/leads');
      await expectHeading(page, text('ar', 'counselling:leads.title'));
      await page
        .getByTestId('leads-list')
        .getByRole('cell', { name: 'Ioana Mureșan', exact: true })
        .waitFor();
      await expectAccessible(page, 'lead counsellors (ar, phone)');
      expect(await offScreen(page)).toEqual([]);
    } finally {
      await officerAr.close();
    }
  }, 120_000);
});
