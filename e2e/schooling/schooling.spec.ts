import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, ROOT } from '../../test/config.ts';
import {
  type BrowserEnv,
  DESKTOP,
  describeViolations,
  newContext,
  open,
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

/** The school of the story: a demo school with its own staff account in cities/duisburg/demo.json. */
const SCHOOL_ID = 'gesamtschule-hochfeld';
const SCHOOL_NAME = 'Gesamtschule Hochfeld am Rheinufer';

type Demo = { accounts: { email: string; role: string; organisationId: string | null }[] };

/** The e-mail address of the school's demo staff account. */
function schoolAccount(): string {
  const demo = JSON.parse(readFileSync(path.join(ROOT, 'cities', 'duisburg', 'demo.json'), 'utf8')) as Demo;
  const account = demo.accounts.find((a) => a.role === 'institution' && a.organisationId === SCHOOL_ID);
  if (!account) throw new Error(`cities/duisburg/demo.json has no staff account for ${SCHOOL_ID}`);
  return account.email;
}

/** Signs a context in with an e-mail address through the API, as the demo role logins do. */
async function loginAs(context: BrowserContext, email: string): Promise<void> {
  const csrf = await context.request.get('/api/v1/auth/csrf');
  const { token } = (await csrf.json()) as { token: string };
  const login = await context.request.post('/api/v1/auth/login', {
    headers: { 'x-csrf-token': token },
    data: { email, password: DEMO_PASSWORD },
  });
  if (!login.ok()) throw new Error(`login as ${email}: ${login.status()} ${await login.text()}`);
}

/** A German UI string with its ICU variables filled in (plain `{name}` placeholders only). */
const de = (key: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce(
    (message, [name, value]) => message.replaceAll(`{${name}}`, String(value)),
    text('de', key),
  );

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  const findings = await seriousViolations(page);
  expect(findings, `${where}:\n${describeViolations(findings)}`).toEqual([]);
  expect(await rawKeyIn(page), `${where}: an untranslated key is shown`).toBeNull();
}

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

const SIBLINGS = [
  { givenName: 'Samir', birthDate: '2010-03-14', arrivalDate: '2026-09-01' },
  { givenName: 'Leyla', birthDate: '2011-06-02', arrivalDate: '2026-09-01' },
] as const;
const FAMILY_NAME = 'Qasemi';
const fullName = (givenName: string) => `${givenName} ${FAMILY_NAME}`;

/** Fills one child's part of the registration form. */
async function fillChild(page: Page, index: number, child: (typeof SIBLINGS)[number]): Promise<void> {
  const prefix = `#child-${index}`;
  await page.locator(`${prefix}-givenName`).fill(child.givenName);
  await page.locator(`${prefix}-familyName`).fill(FAMILY_NAME);
  await page.locator(`${prefix}-birthDate`).fill(child.birthDate);
  await page.locator(`${prefix}-arrivalDate`).fill(child.arrivalDate);
  await page.locator(`${prefix}-language-ara`).check();
  await page.locator(`${prefix}-language-fas`).check();
  await page.locator(`${prefix}-schoolYears`).fill('8');
  await page.locator(`${prefix}-lastGrade`).selectOption('9');
  await page.locator(`${prefix}-literateLatin-no`).check();
}

/** On a child's record: grade 11, Gesamtschule (its upper school), support class. */
async function assess(page: Page): Promise<void> {
  await page.getByLabel(de('schooling:assessment.grade')).selectOption('11');
  await page.getByLabel(de('schooling:forms.gesamtschule'), { exact: true }).check();
  await page.getByLabel(de('schooling:kinds.support'), { exact: true }).check();
  await page.getByRole('button', { name: de('schooling:assessment.submit') }).click();
  await page.getByText(de('schooling:assessment.saved')).waitFor();
}

/** The result row of one child in the placement table. */
const runRow = (page: Page, name: string): Locator =>
  page.locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) });

describe('two siblings get places at the same school', () => {
  test('register, assess, place, confirm, accept, letter', async () => {
    const school = await newContext(env, { lang: 'de', viewport: DESKTOP });
    const caseworker = await newContext(env, { lang: 'de', viewport: DESKTOP, role: 'caseworker' });
    try {
      await loginAs(school, schoolAccount());
      const schoolPage = await school.newPage();
      const page = await caseworker.newPage();

      // The school's staff report two free places in their upper school's support class (grades 11–13).
      await open(schoolPage, '/schooling/school');
      expect(await schoolPage.locator('main h1').textContent()).toBe(de('schooling:school.title'));
      expect(await schoolPage.locator('#school-name').textContent()).toBe(SCHOOL_NAME);
      await noSeriousViolations(schoolPage, 'school places');
      const groups = schoolPage.locator('.app-schooling__seat-row');
      const before = await groups.count();
      await schoolPage.getByRole('button', { name: de('schooling:seats.add') }).click();
      const added = groups.nth(before);
      await added.getByLabel(de('schooling:seats.form')).selectOption('gesamtschule');
      await added.getByLabel(de('schooling:seats.gradeFrom')).selectOption('11');
      await added.getByLabel(de('schooling:seats.gradeTo')).selectOption('13');
      await added.getByLabel(de('schooling:seats.kind')).selectOption('support');
      await added.getByLabel(de('schooling:seats.free')).fill('2');
      await schoolPage.getByRole('button', { name: de('schooling:seats.save') }).click();
      await schoolPage.getByText(de('schooling:seats.saved')).waitFor();
      expect(await schoolPage.locator('#seats-updated').textContent()).toContain(
        de('schooling:seats.lastUpdate').split(' {date}')[0],
      );

      // 1. A caseworker registers two siblings.
      await open(page, '/schooling/children/new');
      await noSeriousViolations(page, 'register a child');
      await fillChild(page, 0, SIBLINGS[0]);
      await page.getByRole('button', { name: de('schooling:register.addSibling') }).click();
      await fillChild(page, 1, SIBLINGS[1]);
      await page.getByLabel(de('schooling:family.guardianName')).fill('Maryam Qasemi');
      await page.getByLabel(de('schooling:family.phone')).fill('+49 203 555 0199');
      await page.getByLabel(de('schooling:family.letterLanguage')).selectOption('ar');
      await page.getByLabel(de('schooling:family.street')).fill('Wanheimer Straße 20');
      await page.getByLabel(de('schooling:family.postcode')).fill('47055');
      // A postcode of one Ortsteil preselects it; 47053 spans Dellviertel and Hochfeld: the caseworker chooses.
      const ortsteil = page.getByLabel(de('schooling:family.ortsteil'));
      expect(await ortsteil.inputValue()).toBe('wanheimerort');
      await page.getByLabel(de('schooling:family.postcode')).fill('47053');
      expect(await ortsteil.inputValue()).toBe('');
      expect(await ortsteil.locator('option').allTextContents()).toEqual([
        de('schooling:family.ortsteilChoose'),
        'Dellviertel',
        'Hochfeld',
      ]);
      await ortsteil.selectOption('hochfeld');
      await page.getByLabel(de('schooling:consent.counselling')).check();
      await page.getByLabel(de('schooling:consent.shareWithSchool')).check();
      await page.getByRole('button', { name: de('schooling:register.submitCaseworker') }).click();
      await page.waitForURL(/\/schooling\/children\/[0-9a-f-]{36}$/);
      // The URL changes before the record's page has loaded and replaced the form: wait for its heading.
      await expect
        .poll(() => page.locator('main h1').textContent(), { timeout: 20_000 })
        .toBe(fullName(SIBLINGS[0].givenName));
      await settle(page);
      await noSeriousViolations(page, 'child record');

      // Both are assessed: grade 11, Gesamtschule, support class; then they wait for a place.
      await assess(page);
      await page.getByRole('link', { name: SIBLINGS[1].givenName, exact: true }).click();
      await page.waitForFunction(
        (name) => document.querySelector('main h1')?.textContent === name,
        fullName(SIBLINGS[1].givenName),
      );
      await settle(page);
      await assess(page);
      const siblingUrl = page.url();

      // 2. The placement proposes the same school for both, and says so.
      await open(page, '/schooling/placement');
      await page.getByRole('button', { name: de('schooling:placement.run') }).click();
      const rows = SIBLINGS.map((child) => runRow(page, fullName(child.givenName)));
      for (const row of rows) await row.waitFor();
      for (const row of rows) {
        const cells = row.locator('td');
        expect(await cells.nth(0).textContent()).toContain(SCHOOL_NAME);
        expect(await cells.nth(1).textContent()).toContain(
          text('de', 'schooling-server:explain.siblings_together'),
        );
      }
      await noSeriousViolations(page, 'placement result');

      // 3. The caseworker confirms both proposals.
      for (const child of SIBLINGS) {
        const name = fullName(child.givenName);
        await page.getByRole('button', { name: de('schooling:placement.confirmFor', { name }) }).click();
        await expect
          .poll(() => runRow(page, name).textContent())
          .toContain(de('schooling:placementStatus.confirmed'));
      }
      mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
      await runRow(page, fullName(SIBLINGS[0].givenName)).scrollIntoViewIfNeeded();
      await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-schooling.png') });

      // 4. The school sees both (the family consented to sharing) and accepts them.
      const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await open(schoolPage, '/schooling/school');
      for (const child of SIBLINGS) {
        const name = fullName(child.givenName);
        const item = schoolPage.locator('.app-schooling__item', {
          has: schoolPage.getByRole('heading', { name }),
        });
        await item.waitFor();
        // A start two weeks ahead: never before the child's registration (today in the city).
        await item.getByLabel(de('schooling:school.startDate')).fill(inTwoWeeks);
        await item.getByRole('button', { name: de('schooling:school.acceptFor', { name }) }).click();
        await expect.poll(() => item.textContent()).toContain(de('schooling:placementStatus.accepted'));
      }
      await noSeriousViolations(schoolPage, 'school proposals');

      // 5. The family's letter downloads as a PDF with the school's name.
      await page.goto(siblingUrl);
      await settle(page);
      const name = fullName(SIBLINGS[1].givenName);
      const link = page.getByRole('link', { name: de('schooling:letter.downloadFor', { name }) });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const file = await download.path();
      const bytes = new Uint8Array(readFileSync(file));
      expect(bytes.length).toBeGreaterThan(1000);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(await pdfText(bytes)).toContain(SCHOOL_NAME);
      await noSeriousViolations(page, 'child record with letter');
    } finally {
      await Promise.allSettled([school.close(), caseworker.close()]);
    }
  }, 300_000);
});

describe('a family registers in Arabic', () => {
  test('the public form reads right to left and answers a confirmation code', async () => {
    const context = await newContext(env, { lang: 'ar', viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await open(page, '/schulanmeldung');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectHeading(page, text('ar', 'schooling:register.title'));
      await noSeriousViolations(page, 'public registration (ar)');
      await page.locator('#child-0-givenName').fill('Rami');
      await page.locator('#child-0-familyName').fill('Haddad');
      await page.locator('#child-0-birthDate').fill('2016-04-10');
      await page.locator('#child-0-arrivalDate').fill('2026-10-01');
      await page.locator('#child-0-language-ara').check();
      await page.locator('#child-0-schoolYears').fill('3');
      await page.locator('#child-0-literateLatin-no').check();
      await page.getByLabel(text('ar', 'schooling:family.guardianName')).fill('Samira Haddad');
      await page.getByLabel(text('ar', 'schooling:family.street')).fill('Kaiser-Wilhelm-Straße 5');
      await page.getByLabel(text('ar', 'schooling:family.postcode')).fill('47169');
      await page.getByLabel(text('ar', 'schooling:consent.counselling')).check();
      // 47169 spans Fahrn, Marxloh and Obermarxloh: nothing is guessed, the form asks for the Ortsteil.
      await page.getByRole('button', { name: text('ar', 'schooling:register.submitFamily') }).click();
      const ortsteil = page.getByLabel(text('ar', 'schooling:family.ortsteil'));
      await page.waitForFunction(
        () => document.querySelector('#ortsteilId')?.getAttribute('aria-invalid') === 'true',
      );
      expect(await ortsteil.locator('option').allTextContents()).toEqual([
        text('ar', 'schooling:family.ortsteilChoose'),
        'Fahrn',
        'Marxloh',
        'Obermarxloh',
      ]);
      await ortsteil.selectOption('marxloh');
      await page.getByRole('button', { name: text('ar', 'schooling:register.submitFamily') }).click();
      const code = page.getByTestId('confirmation-code');
      await code.waitFor();
      expect((await code.textContent())?.trim()).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      await expectHeading(page, text('ar', 'schooling:register.doneTitle'));
      await noSeriousViolations(page, 'registration received (ar)');
    } finally {
      await context.close();
    }
  });
});
