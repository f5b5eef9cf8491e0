import { createECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
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
/** A push service for the test (the real protocol: the server encrypts and signs, this keeps what arrives). */
let pushService: Server;
let pushUrl: string;
const pushed: { path: string; body: Buffer }[] = [];
/** A LibreTranslate-compatible service for the test: "[<lang>] " before each text, translate="no" spans kept. */
let mtService: Server;
const mtAsked: { target: string; q: string[] }[] = [];
beforeAll(async () => {
  mtService = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const input = JSON.parse(body) as { target: string; q: string[] };
      mtAsked.push(input);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ translatedText: input.q.map((q) => `[${input.target}] ${q}`) }));
    });
  });
  await new Promise<void>((resolve) => mtService.listen(0, '127.0.0.1', resolve));
  const mtUrl = `http://127.0.0.1:${(mtService.address() as AddressInfo).port}`;
  pushService = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      pushed.push({ path: request.url ?? '', body: Buffer.concat(chunks) });
      response.statusCode = 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
  pushUrl = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
  // The local push service stands for the browser vendor's: the only private address the server may reach.
  env = await startBrowserEnv({ PRIVATE_FETCH_ALLOW: pushUrl, MT_URL: mtUrl });
});
afterAll(async () => {
  await env?.close();
  pushService?.close();
  mtService?.close();
});

const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt: (body: Buffer, params: { version: string; privateKey: unknown; authSecret: Buffer }) => Buffer;
};

type Spoken = { lang: string; text: string };

describe('arriving in Duisburg: information pages', () => {
  test('an Arabic reader on a 360 px phone opens "Anmeldung", ticks two things to bring, finds the emergency numbers, listens, stores Arabic and reads another page offline', async () => {
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

      // She keeps Arabic on her phone, goes offline and reads another page.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await open(page, '/seiten');
      await page.locator('.app-pages-offline .kern-btn--secondary').click();
      await page
        .getByTestId('pages-offline-status')
        .getByText(/^تم الحفظ: \d+ صفحة/)
        .waitFor();
      await page
        .getByTestId('pages-offline-status')
        .getByText(/^المساحة المستخدمة على هذا الجهاز/)
        .waitFor();
      await context.setOffline(true);
      await page.getByRole('link', { name: 'فتح حساب بنكي' }).click();
      await expectHeading(page, 'فتح حساب بنكي');
    } finally {
      await context.setOffline(false);
      await context.close();
    }
  });

  test('an Arabic reader subscribes to news about offices without an account, gets the next one in Arabic as a notification, and unsubscribes in one click', async () => {
    const context = await newContext(env, { lang: 'ar' });
    await context.grantPermissions(['notifications'], { origin: env.baseUrl });
    // Headless Chromium reaches no browser vendor's push service: the subscription is made here as the browser
    // would (a P-256 key pair and an auth secret) and points at the test's push service.
    await context.addInitScript((endpoint: string) => {
      const b64 = (bytes: ArrayBuffer | Uint8Array) =>
        btoa(String.fromCharCode(...new Uint8Array(bytes)))
          .replaceAll('+', '-')
          .replaceAll('/', '_')
          .replace(/=+$/, '');
      const asSubscription = (saved: { p256dh: string; auth: string }) => ({
        endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true },
        getKey: () => null,
        toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: saved.p256dh, auth: saved.auth } }),
        unsubscribe: async () => {
          localStorage.removeItem('test-push');
          return true;
        },
      });
      PushManager.prototype.getSubscription = async () => {
        const saved = localStorage.getItem('test-push');
        return (saved ? asSubscription(JSON.parse(saved)) : null) as unknown as PushSubscription;
      };
      PushManager.prototype.subscribe = async () => {
        const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
          'deriveBits',
        ]);
        const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
        const saved = {
          p256dh: b64(await crypto.subtle.exportKey('raw', pair.publicKey)),
          auth: b64(crypto.getRandomValues(new Uint8Array(16))),
          d: jwk.d as string,
        };
        localStorage.setItem('test-push', JSON.stringify(saved));
        return asSubscription(saved) as unknown as PushSubscription;
      };
    }, `${pushUrl}/reader-ar`);
    try {
      const page = await context.newPage();
      await open(page, '/seiten');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.getByLabel(text('ar', 'pages:news.topics.authorities')).check();
      await page.getByLabel('Hamborn', { exact: true }).check();
      await page.getByRole('button', { name: text('ar', 'pages:news.subscribe') }).click();
      await page.getByText(text('ar', 'pages:news.subscribed')).waitFor();

      // A coordinator writes a closure in Hamborn, in German and Arabic, and publishes it, by keyboard; the push
      // service receives it encrypted for this browser.
      const staff = await newContext(env, { lang: 'de', role: 'coordinator' });
      try {
        const editor = await staff.newPage();
        await open(editor, '/seiten-editor/nachrichten');
        await expectHeading(editor, text('de', 'pages:newsEditor.title'));
        await editor.selectOption('#news-district', 'hamborn');
        await editor.locator('#news-de-text').fill('Bitte gehen Sie nach Walsum.');
        await editor.getByText('Übersetzung: Arabisch').click();
        await editor.locator('#news-ar-title').fill('مكتب المواطنين في هامبورن مغلق يوم الجمعة');
        await editor.locator('#news-ar-text').fill('يرجى الذهاب إلى فالزوم.');
        await editor.locator('#news-de-title').fill('Bürgeramt Hamborn am Freitag geschlossen');
        await editor.keyboard.press('Enter');
        await editor.getByText(text('de', 'pages:newsEditor.created')).waitFor();
        const publish = editor.getByRole('button', {
          name: `${text('de', 'pages:newsEditor.publish')} – Bürgeramt Hamborn am Freitag geschlossen`,
        });
        await publish.focus();
        await editor.keyboard.press('Enter');
        await editor.getByText('Veröffentlicht und per Push verschickt (Abos: 1).').waitFor();
        await expectAccessible(editor, 'news editor (de)');
      } finally {
        await staff.close();
      }
      const coordinator = await env.t.login('coordinator');
      // Sent right after the publish's answer.
      await env.t.services.jobRunner.idle();
      const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('test-push'))) ?? '{}') as {
        auth: string;
        d: string;
      };
      const browserKey = createECDH('prime256v1');
      browserKey.setPrivateKey(Buffer.from(saved.d, 'base64url'));
      const message = ece.decrypt(pushed.find((p) => p.path === '/reader-ar')?.body ?? Buffer.alloc(0), {
        version: 'aes128gcm',
        privateKey: browserKey,
        authSecret: Buffer.from(saved.auth, 'base64url'),
      });

      // The browser hands the decrypted message to the service worker, which shows it in Arabic, right to left.
      const cdp = await context.newCDPSession(page);
      const registrationId = new Promise<string>((resolve) =>
        cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
          const mine = registrations.find((r: { scopeURL: string }) => r.scopeURL.startsWith(env.baseUrl));
          if (mine) resolve(mine.registrationId);
        }),
      );
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: env.baseUrl,
        registrationId: await registrationId,
        data: message.toString('utf8'),
      });
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const shown = await (await navigator.serviceWorker.ready).getNotifications();
            return shown.map((n) => ({ title: n.title, body: n.body, lang: n.lang, dir: n.dir }));
          }),
        )
        .toEqual([
          {
            title: 'مكتب المواطنين في هامبورن مغلق يوم الجمعة',
            body: 'يرجى الذهاب إلى فالزوم.',
            lang: 'ar',
            dir: 'rtl',
          },
        ]);

      // One click, and the next item reaches nobody.
      await page.getByRole('button', { name: text('ar', 'pages:news.unsubscribe') }).click();
      await page.getByText(text('ar', 'pages:news.removed')).waitFor();
      const next = await coordinator.post('/api/v1/page-editor/news', {
        topic: 'authorities',
        texts: { de: { title: 'Neue Sprechzeiten', text: '' } },
        endsOn: '2099-12-31',
      });
      const again = await coordinator.post(
        `/api/v1/page-editor/news/${next.json<{ id: string }>().id}/publish`,
      );
      expect(again.json<{ pushed: number }>().pushed).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('an editor writes a page in German, sees its readability score and the hard sentence, machine-translates it with a glossary term, publishes it, and sees a glossary term translated another way flagged', async () => {
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
      const editorUrl = new URL(page.url()).pathname;

      // The English glossary: "Wohngeld" is written with its explanation. Typed, then saved by keyboard.
      await open(page, '/seiten-editor/glossar');
      await expectHeading(page, text('de', 'pages:glossary.title'));
      await page.locator('#glossary-terms').fill('Wohngeld = Wohngeld (housing benefit)');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText(/^Glossar für Englisch gespeichert \(Begriffe: 1\)/).waitFor();
      await expectAccessible(page, 'glossary (de)');

      // Machine translation into English: the glossary's term goes as it is, the texts are marked machine-made.
      await open(page, editorUrl);
      await expectHeading(page, text('de', 'pages:editor.editTitle'));
      await page.selectOption('#mt-lang', 'en');
      await page.getByRole('button', { name: text('de', 'pages:work.machine') }).click();
      await page.getByText(/^Maschinell übersetzt \(Englisch\)/).waitFor();
      expect(mtAsked.flatMap((asked) => asked.q).join(' ')).toContain(
        '<span translate="no">Wohngeld (housing benefit)</span> beantragen',
      );
      const english = page
        .locator('.app-pages-work tbody tr')
        .filter({ has: page.getByRole('rowheader', { name: 'Englisch', exact: true }) });
      expect(await english.locator('td').first().getAttribute('data-state')).toBe('machine');
      expect(await page.getByTestId('glossary-flags').count()).toBe(0);
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
      // English readers get the machine's text with the glossary's term, marked machine-made.
      const inEnglish = await page.evaluate(async () => {
        const reply = await fetch('/api/v1/pages/wohngeld?lang=en');
        return (await reply.json()) as { title: string; translationState: { title: string } };
      });
      expect(inEnglish.title).toBe('[en] Wohngeld (housing benefit) beantragen');
      expect(inEnglish.translationState.title).toBe('machine');

      // The glossary says "Anmeldung" stays German in English; the demo's English writes "Registration": flagged.
      const anmeldung = await page.evaluate(async () => {
        const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
        await fetch('/api/v1/page-editor/glossary/en', {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ terms: [{ source: 'Anmeldung', target: 'Anmeldung' }] }),
        });
        const list = (await (await fetch('/api/v1/page-editor/pages')).json()) as {
          items: { id: string; slug: string }[];
        };
        return list.items.find((item) => item.slug === 'anmeldung')?.id;
      });
      await open(page, `/seiten-editor/${anmeldung}`);
      await page.getByTestId('glossary-flags').getByText(text('de', 'pages:work.flagsTitle')).waitFor();
      await page.getByRole('heading', { name: text('de', 'pages:work.history') }).waitFor();
      await expectAccessible(page, 'page editor with translations, glossary flags and history (de)');

      const arabic = await newContext(env, { lang: 'ar', role: 'coordinator' });
      try {
        const staff = await arabic.newPage();
        await open(staff, `/seiten-editor/${anmeldung}`);
        await staff.getByRole('heading', { name: text('ar', 'pages:work.translations') }).waitFor();
        await staff.getByTestId('glossary-flags').waitFor();
        await expectAccessible(staff, 'page editor with translations, glossary flags and history (ar)');
      } finally {
        await arabic.close();
      }
    } finally {
      await context.close();
    }
    // The longest walk (writing, glossary, machine translation, publishing, review in two languages).
  }, 150_000);
});
