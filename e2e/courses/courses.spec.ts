import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../test/config.ts';
import { systemContext } from '../../server/core/context.ts';
import { buildCourse, buildEnrolment } from '../../server/modules/courses/courses.factories.ts';
import { createCourse } from '../../server/modules/courses/courses.service.ts';
import { cancel, enrol } from '../../server/modules/courses/enrolment.service.ts';
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
/** A Griffbereit group of one place and one childcare place (1–3 years), already taken. */
let courseId = '';
let courseName = '';
let holderCode = '';

beforeAll(async () => {
  env = await startBrowserEnv();
  const ctx = systemContext(env.t.services);
  const course = await createCourse(
    ctx,
    buildCourse({
      name: { de: 'Griffbereit Hochfeld am Freitag', bg: 'Griffbereit Хохфелд в петък' },
      organisationId: 'punte-hochfeld',
      capacity: 1,
      childcarePlaces: 1,
      childcareAgeMin: 1,
      childcareAgeMax: 3,
      startsOn: '2026-01-05',
      endsOn: '2099-06-30',
    }),
  );
  courseId = course.id;
  courseName = course.name;
  holderCode = (await enrol(ctx, course.id, buildEnrolment({ childcare: [2] }))).code;
});
afterAll(async () => {
  await env?.close();
});

describe('a Bulgarian-speaking mother enrols in a parents’ course with childcare from her phone', () => {
  let code = '';

  test('1. on a 360 px phone in Bulgarian she enrols with childcare for her 2-year-old; the send fails once and what she typed is kept; she lands on the waiting list', async () => {
    const context = await newContext(env, { lang: 'bg', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/kurse');
      await expectHeading(page, text('bg', 'courses:list.title'));
      await expectAccessible(page, 'course list (bg, phone)');
      expect(await offScreen(page), 'nothing sticks out sideways on 360 px').toEqual([]);

      await open(page, `/kurse/${courseId}`);
      await expectHeading(page, 'Griffbereit Хохфелд в петък');
      await page.locator('#enrol-kind-adult').check();
      await page.fill('#enrol-name', 'Мария Петрова');
      await page.fill('#enrol-phone', '+49 170 5550199');
      await page.selectOption('#enrol-language', 'bul');
      await page.locator('#enrol-german-words').check();
      await page.getByLabel(text('bg', 'courses:enrol.childcareNeeded')).check();
      await page.fill('#enrol-child-0', '2');
      await expectAccessible(page, 'enrol form (bg, phone)');
      expect(await offScreen(page), 'the form fits a 360 px phone').toEqual([]);

      // The connection drops as she sends; she closes the page.
      await context.setOffline(true);
      await page.getByRole('button', { name: text('bg', 'courses:enrol.send') }).click();
      await page.close();
      await context.setOffline(false);

      // Back online, the form has what she typed.
      const again = await context.newPage();
      await open(again, `/kurse/${courseId}`);
      expect(await again.inputValue('#enrol-name')).toBe('Мария Петрова');
      expect(await again.inputValue('#enrol-child-0')).toBe('2');
      await again.getByRole('button', { name: text('bg', 'courses:enrol.send') }).click();
      const result = again.getByTestId('enrol-result');
      await result.waitFor();
      expect(await result.textContent()).toContain('1');
      code = ((await again.getByTestId('enrol-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      expect(
        await again.evaluate((id) => localStorage.getItem(`lotse.courses.draft.${id}`), courseId),
      ).toBeNull();
      await expectAccessible(again, 'enrolment sent (bg, phone)');
    } finally {
      await context.close();
    }
  }, 240_000);

  test('2. a place frees; she opens her link, sees the offer with its deadline and accepts it', async () => {
    await cancel(systemContext(env.t.services), holderCode);
    const context = await newContext(env, { lang: 'bg', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, `/kurse/code/${code}`);
      await expectHeading(page, text('bg', 'courses:follow.title'));
      expect(await page.getByTestId('follow-status').textContent()).toBe(
        text('bg', 'courses:status.offered'),
      );
      await expectAccessible(page, 'follow page with an offer (bg, phone)');
      await page.getByRole('button', { name: text('bg', 'courses:follow.accept') }).click();
      await expect
        .poll(() => page.getByTestId('follow-status').textContent())
        .toBe(text('bg', 'courses:status.enrolled'));
      // She adds her e-mail address by the same link; her place stays.
      await page.fill('#change-email', 'maria.petrova@example.org');
      await page.getByRole('button', { name: text('bg', 'courses:follow.save') }).click();
      await page.getByText(text('bg', 'courses:follow.saved')).waitFor();
      expect(await page.getByTestId('follow-status').textContent()).toBe(
        text('bg', 'courses:status.enrolled'),
      );
      await expectAccessible(page, 'follow page after a change (bg, phone)');
      expect(await offScreen(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  test('3. the provider sees the course with her enrolment and every move of the waiting list', async () => {
    const context = await newContext(env, { role: 'association' });
    try {
      const page = await context.newPage();
      await open(page, '/courses');
      await expectHeading(page, text('de', 'courses:manage.title'));
      await expectAccessible(page, 'provider’s courses (de)');
      await page.getByRole('link', { name: courseName }).click();
      await expectHeading(page, courseName);
      await page.getByText('Мария Петрова').first().waitFor();
      await page.getByText(text('de', 'courses:reasons.accepted')).waitFor();
      await expectAccessible(page, 'a course’s enrolments and moves (de)');
      // She came to the latest session: the provider takes attendance.
      await page
        .getByRole('radio', { name: text('de', 'courses:attendance.present') })
        .first()
        .check();
      await page.getByRole('button', { name: text('de', 'courses:attendance.save') }).click();
      await page.getByText(text('de', 'courses:attendance.saved')).waitFor();
      await page.getByRole('cell', { name: /1 Termin, 1[.,]5 Std\./ }).waitFor();
      await expectAccessible(page, 'attendance taken (de)');
      // Another mother waits; the provider raises the places by keyboard and she gets the offer.
      await enrol(
        systemContext(env.t.services),
        courseId,
        buildEnrolment({ participant: { name: 'Elena Popescu', kind: 'adult', age: null } }),
      );
      await page.reload();
      await page.getByText('Elena Popescu').first().waitFor();
      await page.fill('#capacity-places', '2');
      await page.focus('#capacity-places');
      await page.keyboard.press('Enter');
      await page.getByText(text('de', 'courses:manage.capacitySaved')).waitFor();
      await page.getByRole('cell', { name: text('de', 'courses:reasons.capacity_raised') }).waitFor();
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot-courses.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 240_000);

  test('4. the coordinator sees who waits where and lets the planner say where new groups should open', async () => {
    for (const lang of ['de', 'ar'] as const) {
      const context = await newContext(env, { role: 'coordinator', lang });
      try {
        const page = await context.newPage();
        await open(page, '/courses/demand');
        await expectHeading(page, text(lang, 'courses:demand.title'));
        await page.getByTestId('demand-total').waitFor();
        await expectAccessible(page, `demand view (${lang})`);
        await page.fill('#planner-groups', '3');
        await page.getByRole('button', { name: text(lang, 'courses:planner.run'), exact: true }).click();
        await page.getByTestId('plan-summary').waitFor();
        await expectAccessible(page, `the planner's proposals (${lang})`);
        if (lang === 'de') {
          // Fix the first proposal's place and plan again: it stays in the plan, marked as fixed.
          await page.locator('.app-courses__proposal button').first().click();
          await page.getByRole('list', { name: text('de', 'courses:planner.choices') }).waitFor();
          await page.getByTestId('plan-summary').waitFor();
        }
      } finally {
        await context.close();
      }
    }
  }, 240_000);

  test('5. the provider’s pages in Arabic on a 360 px phone read right to left and pass axe', async () => {
    const context = await newContext(env, { role: 'association', lang: 'ar', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/courses');
      await expectHeading(page, text('ar', 'courses:manage.title'));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectAccessible(page, 'provider’s courses (ar, phone)');
      expect(await offScreen(page)).toEqual([]);
      await open(page, `/courses/${courseId}`);
      await expectHeading(page, courseName);
      await page.getByText('Мария Петрова').first().waitFor();
      await expectAccessible(page, 'a course’s enrolments, places and attendance (ar, phone)');
      expect(await offScreen(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  test('6. in Arabic the list and a course read right to left and pass axe', async () => {
    const context = await newContext(env, { lang: 'ar', viewport: PHONE });
    try {
      const page = await context.newPage();
      await open(page, '/kurse');
      await expectHeading(page, text('ar', 'courses:list.title'));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectAccessible(page, 'course list (ar, phone)');
      await open(page, `/kurse/${courseId}`);
      await expectAccessible(page, 'a course with the enrol form (ar, phone)');
      expect(await offScreen(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
