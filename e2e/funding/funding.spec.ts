import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemContext } from '../../server/core/context.ts';
import { createCall } from '../../server/modules/funding/calls.service.ts';
import { buildCall } from '../../server/modules/funding/funding.factories.ts';
import { ROOT } from '../../test/config.ts';
import {
  type BrowserEnv,
  DESKTOP,
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
let callId = '';
let applicationId = '';
const TITLE = 'Sprachcafé für Nachbarinnen';

/** The smallest PDF a reader accepts, as a file the volunteer picks on her phone. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The text of every page of a PDF, pages joined, whitespace collapsed. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

/** The application form's fields that have no help text (an aria-describedby pointing at a hint); ids. */
const withoutHelp = (page: Page) =>
  page.$$eval(
    'main form input:not([type="checkbox"]), main form select, main form textarea, main form fieldset.kern-fieldset, main form input[type="checkbox"]:not(fieldset.kern-fieldset input)',
    (fields) =>
      fields
        .filter(
          (field) =>
            !(field.getAttribute('aria-describedby') ?? '')
              .split(' ')
              .some((id) => document.getElementById(id)?.classList.contains('kern-hint')),
        )
        .map((field) => field.id || field.tagName),
  );

beforeAll(async () => {
  env = await startBrowserEnv();
  // Two reviewers (four eyes): the institution's and the coordinator's demo accounts, neither a member of the
  // applying association.
  const reviewerIds: string[] = [];
  for (const role of ['institution', 'coordinator']) {
    const reviewer = await newContext(env, { role });
    const me = (await (await reviewer.request.get('/api/v1/me')).json()) as { user: { id: string } };
    await reviewer.close();
    reviewerIds.push(me.user.id);
  }
  const call = await createCall(
    systemContext(env.t.services),
    buildCall({
      title: { de: 'Begegnung im Quartier', tr: 'Mahallede Buluşma' },
      text: { de: 'Gefördert werden Begegnungsprojekte.', tr: 'Buluşma projeleri desteklenir.' },
      reviewerIds,
      deadline: '2099-03-31T21:59:00Z',
    }),
  );
  callId = call.id;
});
afterAll(async () => {
  await env?.close();
});

describe('an association applies for funding, a reviewer scores, the coordinator runs the allocation and decides', () => {
  test('1. a volunteer on a 360 px phone with the UI in Turkish fills the application, keeps what she typed over a reload, is told what is missing, completes it and submits', async () => {
    const context = await newContext(env, { lang: 'tr', viewport: PHONE, role: 'association' });
    try {
      const page = await context.newPage();
      await open(page, '/foerderung');
      await expectHeading(page, text('tr', 'funding:calls.title'));
      await page.locator(`a[href="/foerderung/${callId}"]`).click();
      await expectHeading(page, 'Mahallede Buluşma');
      await page.getByRole('button', { name: text('tr', 'funding:call.apply') }).click();
      await page.waitForURL(/\/funding\/[0-9a-f-]{36}$/);
      applicationId = page.url().split('/').at(-1) ?? '';
      const missing = page.getByTestId('funding-missing');
      await expect.poll(() => missing.textContent()).toContain(text('tr', 'funding:missing.projectTitle'));
      expect(await missing.textContent()).toContain(text('tr', 'funding:missing.declaration'));

      // Step 1: the project, in German, with Turkish help texts.
      expect(await page.locator('#funding-title-hint').textContent()).toBe(
        text('tr', 'funding:apply.germanHint'),
      );
      await page.fill('#funding-title', TITLE);
      await page.fill('#funding-summary', 'Jeden Dienstag Deutsch im Alltag, mit Kinderbetreuung.');
      await page.fill('#funding-goals', 'Frauen aus der Nachbarschaft lernen sich kennen.');
      await page.locator('#funding-group-women').check();
      await page.locator('#funding-district-hamborn').check();
      await page.fill('#funding-from', '2027-04-01');
      await page.fill('#funding-to', '2027-10-31');
      expect(await offScreen(page), 'the form fits a 360 px phone').toEqual([]);
      expect(await withoutHelp(page), 'every field of step 1 has a help text').toEqual([]);
      expect(await page.locator('#funding-districts-hint').textContent()).toBe(
        text('tr', 'funding:apply.districtsHint'),
      );
      await expectAccessible(page, 'application, step 1 (tr, phone)');
      // The page is closed before saving: what she typed is still there on her phone.
      await page.reload();
      await page.locator('#funding-title').waitFor();
      expect(await page.inputValue('#funding-title')).toBe(TITLE);
      expect(await page.locator('#funding-group-women').isChecked()).toBe(true);
      await page.getByRole('button', { name: text('tr', 'funding:apply.save') }).click();
      await expect
        .poll(() => missing.textContent())
        .not.toContain(text('tr', 'funding:missing.projectTitle'));
      expect(await missing.textContent()).toContain(text('tr', 'funding:missing.budgetCosts'));

      // Step 2: the budget plan — one line, own money, the request follows.
      await page.getByRole('button', { name: text('tr', 'funding:apply.addLine') }).click();
      await page.selectOption('#funding-line-0-category', 'fees');
      await page.fill('#funding-line-0-description', 'Honorar Sprachbegleitung');
      await page.fill('#funding-line-0-amount', '2000');
      await page.fill('#funding-own', '200');
      expect(await withoutHelp(page), 'every field of the budget plan has a help text').toEqual([]);
      expect(await page.getByTestId('funding-requested').textContent()).toMatch(/1[.,]?800/);
      await page.getByRole('button', { name: text('tr', 'funding:apply.save') }).click();
      await expect.poll(() => missing.textContent()).not.toContain(text('tr', 'funding:missing.budgetCosts'));

      // Step 3: the statutes (a PDF by its content).
      await page.selectOption('#funding-document-kind', 'statutes');
      await page
        .locator('#funding-file')
        .setInputFiles({ name: 'satzung.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expect.poll(() => missing.textContent()).not.toContain(text('tr', 'funding:missing.documents'));
      await page.getByRole('button', { name: text('tr', 'funding:apply.next') }).click();

      // Step 4: the declaration; then nothing is missing and she submits.
      await page.locator('#funding-declaration').check();
      expect(await withoutHelp(page), 'the declaration has a help text').toEqual([]);
      await page.getByRole('button', { name: text('tr', 'funding:apply.save') }).click();
      await page.getByText(text('tr', 'funding:apply.completeTitle')).waitFor();
      await page.getByRole('button', { name: text('tr', 'funding:apply.submit') }).click();
      await expect
        .poll(() => page.getByTestId('funding-state').textContent())
        .toBe(text('tr', 'funding:states.submitted'));
      expect(await page.getByText(text('tr', 'funding:apply.frozenTitle')).count()).toBe(1);
      await expectAccessible(page, 'application submitted (tr, phone)');
    } finally {
      await context.close();
    }
  }, 120_000);

  test('2. two reviewers score each criterion with a reason: the institution’s finds it through the navigation, then the coordinator', async () => {
    const reviews = [
      { role: 'institution', exchange: '8', volunteers: '6' },
      { role: 'coordinator', exchange: '6', volunteers: '4' },
    ];
    for (const review of reviews) {
      const context = await newContext(env, { lang: 'de', viewport: DESKTOP, role: review.role });
      try {
        const page = await context.newPage();
        await open(page, '/');
        const nav = review.role === 'institution' ? 'funding:nav.reviews' : 'funding:nav.funding';
        await page
          .getByRole('navigation')
          .getByRole('link', { name: text('de', nav) })
          .first()
          .click();
        await page.locator(`a[href="/funding/${applicationId}/review"]`).click();
        await expectHeading(page, text('de', 'funding:review.title'));
        await page.selectOption('#review-exchange-score', review.exchange);
        await page.fill('#review-exchange-reason', 'Viele Begegnungen im Stadtteil.');
        await page.selectOption('#review-volunteers-score', review.volunteers);
        await page.fill('#review-volunteers-reason', 'Zwei Ehrenamtliche tragen das Projekt.');
        if (review.role === 'institution') await expectAccessible(page, 'review page (de)');
        await page.getByRole('button', { name: text('de', 'funding:review.save') }).click();
        await page.getByText(text('de', 'funding:review.saved')).waitFor();
      } finally {
        await context.close();
      }
    }
  }, 90_000);

  test('3. the coordinator sees the score table, runs the allocation proposal, asks what a flip would change and approves as proposed', async () => {
    const context = await newContext(env, { lang: 'de', viewport: DESKTOP, role: 'coordinator' });
    try {
      const page = await context.newPage();
      await open(page, `/funding/calls/${callId}/scores`);
      await expectHeading(page, text('de', 'funding:scores.title'));
      const scoreRow = page.getByTestId('funding-score-row').filter({ hasText: TITLE });
      // 8 × 60 % + 6 × 40 % = 72 and 6 × 60 % + 4 × 40 % = 52 on a scale of 100: the mean 62, the spread 20.
      const cells = scoreRow.locator('td');
      expect(await cells.nth(1).textContent()).toBe('62');
      expect(await cells.nth(2).textContent()).toBe('20');
      expect(await cells.nth(3).textContent()).toBe('2');
      expect(await page.getByTestId('funding-budget').textContent()).toContain('20.000');
      await expectAccessible(page, 'score table (de)');
      // The committee gives associations a month more: the deadline moves (only later is possible).
      await page.fill('#funding-deadline', '2099-04-30');
      await page.getByRole('button', { name: text('de', 'funding:scores.extend') }).click();
      await page.getByText(text('de', 'funding:scores.extended')).waitFor();

      await page.getByRole('link', { name: text('de', 'funding:allocation.open') }).click();
      await expectHeading(page, text('de', 'funding:allocation.title'));
      await page.fill('#allocation-per-district', '1');
      await page.getByRole('button', { name: text('de', 'funding:allocation.run') }).click();
      const row = page.getByTestId('allocation-row').filter({ hasText: TITLE });
      await row.getByText(text('de', 'funding:allocation.full')).waitFor();
      expect(await row.textContent()).toMatch(/1\.800/);
      expect(await page.getByTestId('allocation-summary').textContent()).toMatch(/1\.800.*20\.000/);

      // What if it were left out: Hamborn's only application, so the floor of one project per Stadtbezirk breaks.
      await row
        .getByRole('button', { name: text('de', 'funding:allocation.explain').replace('{title}', TITLE) })
        .click();
      await page.getByText(text('de', 'funding:allocation.flipInfeasible')).waitFor();
      await expectAccessible(page, 'allocation proposal (de)');

      await row
        .getByRole('button', { name: text('de', 'funding:allocation.decide').replace('{title}', TITLE) })
        .click();
      expect(await page.inputValue('#funding-outcome')).toBe('approved');
      expect(await page.inputValue('#funding-amount')).toBe('1800');
      await page.fill('#funding-reason', 'Überzeugendes Konzept, gut im Stadtteil verankert.');
      await expectAccessible(page, 'decision form (de)');
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-funding.png'), fullPage: true });
      await page.getByRole('button', { name: text('de', 'funding:scores.send') }).click();
      await expect.poll(() => row.textContent()).toContain(text('de', 'funding:allocation.decided'));

      await page.getByRole('link', { name: text('de', 'funding:allocation.back') }).click();
      await expect.poll(() => scoreRow.textContent()).toContain(text('de', 'funding:states.approved'));
    } finally {
      await context.close();
    }
  }, 120_000);

  test('4. in Arabic the score table and the allocation proposal read right to left without accessibility faults', async () => {
    const context = await newContext(env, { lang: 'ar', viewport: PHONE, role: 'coordinator' });
    try {
      const page = await context.newPage();
      await open(page, `/funding/calls/${callId}/scores`);
      await expectHeading(page, text('ar', 'funding:scores.title'));
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expectAccessible(page, 'score table (ar, phone)');
      await open(page, `/funding/calls/${callId}/allocation`);
      await expectHeading(page, text('ar', 'funding:allocation.title'));
      await page.getByRole('button', { name: text('ar', 'funding:allocation.run') }).click();
      // The application is decided by now: the proposal has nothing left to fund and says so.
      await page.getByTestId('allocation-summary').locator('p').waitFor();
      await expectAccessible(page, 'allocation proposal (ar, phone)');
    } finally {
      await context.close();
    }
  }, 60_000);

  test('5. the association downloads the notice letter (a PDF in German with the project’s title and the amount) and files its proof of use with a receipt, a deviation over 20 % flagged', async () => {
    const context = await newContext(env, { lang: 'tr', viewport: PHONE, role: 'association' });
    try {
      const page = await context.newPage();
      await open(page, `/funding/${applicationId}`);
      const link = page.getByRole('link', { name: text('tr', 'funding:apply.notice') });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const bytes = new Uint8Array(readFileSync(await download.path()));
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const letter = await pdfText(bytes);
      expect(letter).toContain('Zuwendungsbescheid');
      expect(letter).toContain(TITLE);
      expect(letter).toContain('1.800 €');

      // After the project: the proof of use. The fees cost 2,500 € instead of 2,000 € (+25 %): flagged.
      await page.fill('#proof-line-0', '2500');
      await page.fill('#proof-participants', '40');
      await page.fill('#proof-report', 'Zwölf Abende mit 40 Frauen aus Hamborn; das Sprachcafé geht weiter.');
      await page.getByRole('button', { name: text('tr', 'funding:proof.send') }).click();
      const line = page.getByTestId('funding-proof-line').first();
      await line.getByText(text('tr', 'funding:proof.flagged')).waitFor();
      expect(await line.textContent()).toMatch(/2[.,]?500/);
      // The fee's receipt, a PDF from her phone, goes with the proof.
      await page
        .locator('#proof-receipt')
        .setInputFiles({ name: 'quittung-honorar.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('funding-receipts').getByText('quittung-honorar.pdf').waitFor();
      await expectAccessible(page, 'proof of use (tr, phone)');
    } finally {
      await context.close();
    }
  }, 60_000);
  test('6. in Arabic on a phone the coordinator plans the payment, books the first tranche as paid and records a repayment claim', async () => {
    const context = await newContext(env, { lang: 'ar', viewport: PHONE, role: 'coordinator' });
    try {
      const page = await context.newPage();
      await open(page, `/funding/${applicationId}`);
      await page.locator('#payments-proof-due').waitFor();
      // One tranche of the whole grant, prefilled; the day and the proof's due day are set.
      expect(await page.inputValue('#tranche-0-amount')).toBe('1800');
      await page.fill('#tranche-0-due', '2027-05-01');
      await page.fill('#payments-proof-due', '2027-12-31');
      await page.getByRole('button', { name: text('ar', 'funding:payments.savePlan') }).click();
      const tranche = page.getByTestId('funding-tranche');
      await tranche.getByRole('button').click();
      await expect.poll(() => tranche.getByRole('button').count()).toBe(0);
      await page.fill('#claim-amount', '100');
      await page.fill('#claim-due', '2028-02-01');
      await page.getByRole('button', { name: text('ar', 'funding:payments.recordClaim') }).click();
      await page.getByTestId('funding-claim').waitFor();
      expect(await page.getByTestId('funding-claim').textContent()).toContain(
        text('ar', 'funding:payments.reasons.not_needed'),
      );
      expect(await offScreen(page), 'the payments fit a 360 px phone').toEqual([]);
      await expectAccessible(page, 'payments (ar, phone)');
    } finally {
      await context.close();
    }
  }, 60_000);
  test('7. the coordinator reads the figures in German and in Arabic, small counts of organisations as "<5", without accessibility faults', async () => {
    for (const lang of ['de', 'ar'] as const) {
      const context = await newContext(env, {
        lang,
        viewport: lang === 'ar' ? PHONE : DESKTOP,
        role: 'coordinator',
      });
      try {
        const page = await context.newPage();
        await open(page, '/funding/figures');
        await expectHeading(page, text(lang, 'funding:figures.title'));
        const calls = page.getByTestId('funding-figures-calls-row');
        await expect.poll(() => calls.filter({ hasText: 'Begegnung im Quartier' }).count()).toBe(1);
        // The walk's call: one association applied.
        expect(await calls.filter({ hasText: 'Begegnung im Quartier' }).textContent()).toContain('<5');
        await expectAccessible(page, `funding figures (${lang})`);
      } finally {
        await context.close();
      }
    }
  }, 60_000);
});
