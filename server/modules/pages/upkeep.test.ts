/**
 * Pages' upkeep: machine translation through a LibreTranslate-compatible service (a local fake) with the glossary
 * applied, the review check that flags a glossary term written another way, XLIFF out and in per language, the
 * nightly link check against a local web server, the 6-month "still correct?" list, and news with their Atom feed
 * and web push to a local push endpoint (the real protocol: VAPID and aes128gcm, decrypted here).
 */
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { systemContext } from '../../core/context.ts';
import { checkLinks } from './checks.service.ts';
import { pagesModule } from './index.ts';
import { buildPage, buildVariant } from './pages.factories.ts';

type Editor = {
  id: string;
  slug: string;
  status: string;
  texts: { lang: string; field: string; value: string; status: string }[];
  glossaryFlags: { lang: string; field: string; source: string; expected: string }[];
};
type Checks = {
  reviewDue: { slug: string; lastCheckedAt: string | null }[];
  linkProblems: { slug: string; kind: string; target: string; httpStatus: number | null }[];
};
type ErrorBody = { error: { code: string; field?: string } };

/** What the fake translation service was asked. */
const asked: { target: string; format: string; q: string[] }[] = [];
/** A stand-in for LibreTranslate: marks the language and renders "Jobcenter" its own way, as an engine might. */
const WRONG = { ar: 'مركز التوظيف', tr: 'İş Merkezi', pl: 'Urząd Pracy' } as Record<string, string>;
let mtServer: Server;
/** A small web site for the link check: /ok answers 200, /gone 404, HEAD refused on /get-only. */
let site: Server;
let siteUrl: string;

/** A server on the "internal network": the link check must never reach it. */
let internal: Server;
let internalUrl: string;
const internalHits: string[] = [];

/** A push service for the test: keeps what it receives. */
let pushService: Server;
let pushUrl: string;
const pushed: { path: string; headers: Record<string, unknown>; body: Buffer }[] = [];

/** Answers the push service holds back (release them to answer). */
const slowPushes: (() => void)[] = [];
let flakyFailures = 0;

/** The operator's VAPID key pair, given as settings. */
const VAPID = webpush.generateVAPIDKeys();

let t: TestApp;
let coordinator: Client;
const reader = () => t.client('ar');

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  mtServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const input = JSON.parse(body) as { target: string; format: string; q: string[] };
      asked.push(input);
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          // Like LibreTranslate's HTML mode, text inside translate="no" stays as it is.
          translatedText: input.q.map(
            (q) =>
              `[${input.target}] ${q
                .split(/(<span translate="no">[^<]*<\/span>)/)
                .map((part) =>
                  part.startsWith('<span translate="no">')
                    ? part
                    : part.replaceAll('Jobcenter', WRONG[input.target] ?? 'Jobcenter'),
                )
                .join('')}`,
          ),
        }),
      );
    });
  });
  internal = createServer((request, response) => {
    internalHits.push(request.url ?? '');
    response.end('secret');
  });
  site = createServer((request, response) => {
    if (request.url === '/ok') response.statusCode = 200;
    else if (request.url === '/to-internal') {
      response.statusCode = 302;
      response.setHeader('location', `${internalUrl}/redirected`);
    } else if (request.url === '/get-only') response.statusCode = request.method === 'HEAD' ? 405 : 200;
    else response.statusCode = 404;
    response.end();
  });
  pushService = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      pushed.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      if (request.url === '/reader-slow') {
        // Answers only when the test says so: the publish must not wait for it.
        slowPushes.push(() => {
          response.statusCode = 201;
          response.end();
        });
        return;
      }
      // Down for its first message, then back.
      const down = request.url === '/reader-flaky' && flakyFailures++ === 0;
      response.statusCode = request.url === '/reader-gone' ? 410 : down ? 503 : 201;
      response.end();
    });
  });
  const [mtUrl, url, push, inside] = await Promise.all([mtServer, site, pushService, internal].map(listen));
  siteUrl = url as string;
  pushUrl = push as string;
  internalUrl = inside as string;
  // The local servers stand for the internet here; the SSRF test narrows this to the site alone.
  t = await createTestApp({
    MT_URL: mtUrl as string,
    PRIVATE_FETCH_ALLOW: '*',
    VAPID_PUBLIC_KEY: VAPID.publicKey,
    VAPID_PRIVATE_KEY: VAPID.privateKey,
    VAPID_SUBJECT: 'https://lotse.example/kontakt',
  });
  coordinator = await t.login('coordinator');
});
afterAll(async () => {
  await t?.close();
  mtServer?.close();
  pushService?.close();
  site?.close();
  internal?.close();
});

const JOBCENTER = buildVariant({
  title: 'Termin im Jobcenter',
  summary: 'Was Sie zum ersten Termin im Jobcenter mitbringen.',
  body: '<p>Das <strong>Jobcenter</strong> zahlt das Bürgergeld.</p>',
  steps: [
    {
      title: 'Termin machen',
      text: 'Rufen Sie das Jobcenter an.',
      bring: ['Personalausweis', 'Mietvertrag'],
      costs: 'kostenlos',
      duration: '',
      offers: ['buergeramt-anmeldung-hamborn'],
    },
  ],
});

async function makePage(slug: string, variant = JOBCENTER) {
  const reply = await coordinator.post(
    '/api/v1/page-editor/pages',
    buildPage({ slug, variants: { de: variant } }),
  );
  expect(reply.status, reply.body).toBe(201);
  return reply.json<Editor>();
}
async function publish(id: string) {
  expect((await coordinator.post(`/api/v1/page-editor/pages/${id}/submit`)).status).toBe(200);
  expect((await coordinator.post(`/api/v1/page-editor/pages/${id}/publish`)).status).toBe(200);
}
const textOf = (page: Editor, lang: string, field: string) =>
  page.texts.find((text) => text.lang === lang && text.field === field);

describe('machine translation and the glossary', () => {
  it('writes the glossary’s term into the machine translation, marked machine-made, with nothing flagged', async () => {
    const saved = await coordinator.request('PUT', '/api/v1/page-editor/glossary/ar', {
      body: { terms: [{ source: 'Jobcenter', target: 'جوب سنتر' }] },
    });
    expect(saved.status, saved.body).toBe(200);
    expect(saved.json()).toEqual({ lang: 'ar', terms: [{ source: 'Jobcenter', target: 'جوب سنتر' }] });

    const page = await makePage('jobcenter-glossar');
    const reply = await coordinator.post(`/api/v1/page-editor/pages/${page.id}/translate`, { lang: 'ar' });
    expect(reply.status, reply.body).toBe(200);
    const translated = reply.json<Editor>();
    expect(textOf(translated, 'ar', 'title')).toMatchObject({
      value: '[ar] Termin im جوب سنتر',
      status: 'machine',
    });
    expect(textOf(translated, 'ar', 'body')?.value).toContain('جوب سنتر');
    const steps = JSON.parse(textOf(translated, 'ar', 'steps')?.value ?? '[]') as {
      text: string;
      bring: string[];
    }[];
    expect(steps[0]?.text).toBe('[ar] Rufen Sie das جوب سنتر an.');
    expect(steps[0]?.bring).toEqual(['[ar] Personalausweis', '[ar] Mietvertrag']);
    expect(translated.glossaryFlags).toEqual([]);
    // The service got the glossary's term protected from translation, never the German term.
    expect(asked.every((a) => a.format === 'html')).toBe(true);
    expect(asked.flatMap((a) => a.q).join(' ')).toContain('<span translate="no">جوب سنتر</span>');
    expect(asked.flatMap((a) => a.q).join(' ')).not.toContain('Jobcenter');
  });

  it('flags a glossary term the machine translated the wrong way, per language and field, until it is fixed', async () => {
    const page = await makePage('jobcenter-ohne-glossar');
    const translated = (
      await coordinator.post(`/api/v1/page-editor/pages/${page.id}/translate`, { lang: 'tr' })
    ).json<Editor>();
    expect(textOf(translated, 'tr', 'title')?.value).toBe('[tr] Termin im İş Merkezi');
    expect(translated.glossaryFlags).toEqual([]);

    // The glossary gets the term afterwards: the review check now flags every field that writes it otherwise.
    await coordinator.request('PUT', '/api/v1/page-editor/glossary/tr', {
      body: { terms: [{ source: 'Jobcenter', target: 'Jobcenter' }] },
    });
    const flagged = (await coordinator.get(`/api/v1/page-editor/pages/${page.id}`)).json<Editor>();
    expect(flagged.glossaryFlags.map((flag) => flag.field).sort()).toEqual([
      'body',
      'steps',
      'summary',
      'title',
    ]);
    expect(flagged.glossaryFlags[0]).toMatchObject({
      lang: 'tr',
      source: 'Jobcenter',
      expected: 'Jobcenter',
    });

    // Translated again (machine-made texts are pending), the glossary holds and the flags go.
    const again = (
      await coordinator.post(`/api/v1/page-editor/pages/${page.id}/translate`, { lang: 'tr' })
    ).json<Editor>();
    expect(textOf(again, 'tr', 'title')?.value).toBe('[tr] Termin im Jobcenter');
    expect(again.glossaryFlags).toEqual([]);
  });

  it('refuses Leichte Sprache and German as machine-translation targets with a 400 naming the field', async () => {
    const page = await makePage('jobcenter-leicht');
    for (const lang of ['de-x-ls', 'de']) {
      const reply = await coordinator.post(`/api/v1/page-editor/pages/${page.id}/translate`, { lang });
      expect(reply.status).toBe(400);
      expect(reply.json<ErrorBody>().error.field).toBe('body.lang');
    }
    const association = await t.login('association');
    expect((await association.get('/api/v1/page-editor/glossary/ar')).status).toBe(403);
  });
});

describe('XLIFF per language', () => {
  it('exports a page’s pending Polish texts with its steps, and imports the filled file into the working copy', async () => {
    const page = await makePage('jobcenter-xliff');
    const exported = await coordinator.get('/api/v1/page-editor/translations/pl/xliff');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('application/xliff+xml');
    expect(exported.body).toContain('original="lotse-pages"');
    expect(exported.body).toContain(`id="page/${page.id}/steps/0/bring/1"`);

    // An agency fills this page's units: the body with a hostile addition, the rest as they are.
    let file = exported.body.replace(/<trans-unit id="page\/[^"]*"[\s\S]*?<\/trans-unit>/g, (unit) =>
      unit.includes(`page/${page.id}/`) ? unit : '',
    );
    file = file.replace(
      /<source>([^<]*)<\/source>(\s*)<target state="new"><\/target>/g,
      (_whole, source: string, space: string) =>
        `<source>${source}</source>${space}<target state="translated">PL ${source}</target>`,
    );
    file = file.replace(
      '&lt;strong&gt;Jobcenter&lt;/strong&gt;',
      '&lt;strong onclick="x()"&gt;Jobcenter&lt;/strong&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    const imported = await coordinator.post('/api/v1/page-editor/translations/pl/xliff', file, {
      headers: { 'content-type': 'application/xliff+xml' },
    });
    expect(imported.status, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 8, outdated: 0 });

    const after = (await coordinator.get(`/api/v1/page-editor/pages/${page.id}`)).json<Editor>();
    expect(textOf(after, 'pl', 'title')).toMatchObject({
      value: 'PL Termin im Jobcenter',
      status: 'up_to_date',
    });
    expect(textOf(after, 'pl', 'body')?.value).not.toMatch(/script|onclick/);
    const steps = JSON.parse(textOf(after, 'pl', 'steps')?.value ?? '[]') as Record<string, unknown>[];
    expect(steps[0]).toEqual({
      title: 'PL Termin machen',
      text: 'PL Rufen Sie das Jobcenter an.',
      bring: ['PL Personalausweis', 'PL Mietvertrag'],
      costs: 'PL kostenlos',
      duration: '',
    });
    // Nothing of the page is pending in Polish any more.
    const next = (await coordinator.get('/api/v1/page-editor/translations/pl/xliff')).body;
    expect(next).not.toContain(`page/${page.id}/`);
  });

  it('refuses the directory’s file and a unit it does not know, and keeps nothing of them', async () => {
    const exported = (await coordinator.get('/api/v1/page-editor/translations/bg/xliff')).body;
    const cases: [string, string][] = [
      [exported.replace('original="lotse-pages"', 'original="lotse-directory"'), 'xliff.foreign'],
      [
        exported.replace(
          '</body>',
          '<trans-unit id="page/00000000-0000-0000-0000-000000000000/title" resname="x"><source>x</source><target>y</target></trans-unit></body>',
        ),
        'xliff.unknown_unit',
      ],
    ];
    for (const [body, code] of cases) {
      const reply = await coordinator.post('/api/v1/page-editor/translations/bg/xliff', body, {
        headers: { 'content-type': 'application/xliff+xml' },
      });
      expect(reply.status).toBe(400);
      expect(reply.json<ErrorBody>().error).toMatchObject({ code, field: 'body' });
    }
    expect((await coordinator.get('/api/v1/page-editor/translations/bg/xliff')).body).toBe(exported);
  });
});

describe('keeping pages correct', () => {
  it('lists dead links and linked offers no longer published after the nightly check, and not the links that work', async () => {
    const page = await makePage(
      'jobcenter-links',
      buildVariant({
        body: [
          `<p><a href="${siteUrl}/ok">gut</a> <a href="${siteUrl}/gone">weg</a>`,
          `<a href="${siteUrl}/get-only">nur GET</a> <a href="http://127.0.0.1:1/">niemand</a>`,
          '<a href="/seiten/notruf">Notruf</a></p>',
        ].join(' '),
        steps: [
          {
            title: 'Hingehen',
            text: '',
            bring: [],
            costs: '',
            duration: '',
            offers: ['buergeramt-anmeldung-hamborn', 'angebot-gibt-es-nicht-mehr'],
          },
        ],
      }),
    );
    await publish(page.id);
    const counts = await checkLinks(systemContext(t.services));
    expect(counts.problems).toBeGreaterThanOrEqual(3);
    const checks = (await coordinator.get('/api/v1/page-editor/checks')).json<Checks>();
    const mine = checks.linkProblems.filter((p) => p.slug === 'jobcenter-links');
    expect(mine).toEqual([
      { ...mine[0], kind: 'unpublished_offer', target: 'angebot-gibt-es-nicht-mehr', httpStatus: null },
      { ...mine[1], kind: 'dead_link', target: 'http://127.0.0.1:1/', httpStatus: null },
      { ...mine[2], kind: 'dead_link', target: `${siteUrl}/gone`, httpStatus: 404 },
    ]);
  });

  it('lists links to 127.0.0.1, 10.x, [::1], localhost or redirected to 127.0.0.1 as refused, without asking them', async () => {
    const port = new URL(internalUrl).port;
    const targets = [
      `${internalUrl}/direct`,
      'http://10.0.0.1/intranet',
      `http://[::1]:${port}/ipv6`,
      `http://[::ffff:127.0.0.1]:${port}/mapped`,
      `http://localhost:${port}/by-name`,
      `${siteUrl}/to-internal`,
    ];
    const page = await makePage(
      'jobcenter-intern',
      buildVariant({
        body: `<p>${targets.map((href, i) => `<a href="${href}">${i}</a>`).join(' ')} <a href="${siteUrl}/ok">ok</a></p>`,
        steps: [],
      }),
    );
    await publish(page.id);
    // As in production, except that the local site stands for a public web site.
    const ctx = systemContext(t.services);
    await checkLinks({ ...ctx, config: { ...ctx.config, privateFetchAllow: [siteUrl] } });
    expect(internalHits).toEqual([]);
    const checks = (await coordinator.get('/api/v1/page-editor/checks')).json<Checks>();
    const mine = checks.linkProblems.filter((p) => p.slug === 'jobcenter-intern');
    expect(mine.map((p) => [p.target, p.kind, p.httpStatus])).toEqual(
      [...targets].sort().map((target) => [target, 'refused_link', null]),
    );
  });

  it('puts a published page on the “still correct?” list after six months, and takes it off when confirmed', async () => {
    const page = await makePage('jobcenter-pruefen');
    await publish(page.id);
    const due = async (client: Client) =>
      (await client.get('/api/v1/page-editor/checks')).json<Checks>().reviewDue.map((p) => p.slug);
    expect(await due(coordinator)).not.toContain('jobcenter-pruefen');
    const now = t.services.clock.now();
    t.services.clock.set(new Date(now.getTime() + 190 * 86_400_000));
    try {
      const later = await t.login('coordinator');
      expect(await due(later)).toContain('jobcenter-pruefen');
      const confirmed = await later.post(`/api/v1/page-editor/pages/${page.id}/confirm`);
      expect(confirmed.status, confirmed.body).toBe(200);
      expect(await due(later)).not.toContain('jobcenter-pruefen');
      expect((await (await t.login('guide')).get('/api/v1/page-editor/checks')).status).toBe(403);
    } finally {
      t.services.clock.set(now);
    }
  });
});

type NewsReply = { lang: string; items: { id: string; title: string; lang: string }[] };
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt: (body: Buffer, params: { version: string; privateKey: unknown; authSecret: Buffer }) => Buffer;
};

describe('news and web push', () => {
  it('sends a published news item to the subscriptions of its topic, in their language, and shows it in the feed', async () => {
    // A browser's subscription: its key pair and auth secret, as PushManager.subscribe would make them.
    const browser = createECDH('prime256v1');
    browser.generateKeys();
    const authSecret = randomBytes(16);
    const keys = { p256dh: browser.getPublicKey('base64url'), auth: authSecret.toString('base64url') };
    const key = (await reader().get('/api/v1/news/push-key')).json<{ publicKey: string }>().publicKey;
    expect(key).toBe(VAPID.publicKey);
    const subscribe = (path: string, body: Record<string, unknown>) =>
      reader().post('/api/v1/news/subscriptions', { endpoint: `${pushUrl}${path}`, keys, ...body });
    expect((await subscribe('/reader-ar', { lang: 'ar', topics: ['authorities'] })).status).toBe(204);
    expect((await subscribe('/reader-school', { lang: 'tr', topics: ['school'] })).status).toBe(204);
    expect((await subscribe('/reader-gone', { lang: 'de', topics: ['authorities'] })).status).toBe(204);
    expect((await subscribe('/reader-left', { lang: 'de', topics: ['authorities'] })).status).toBe(204);
    // One click: unsubscribed, nothing is sent there.
    const left = await reader().post('/api/v1/news/subscriptions/remove', {
      endpoint: `${pushUrl}/reader-left`,
    });
    expect(left.status).toBe(204);
    const wrongDistrict = await subscribe('/x', { lang: 'de', topics: ['school'], districts: ['atlantis'] });
    expect(wrongDistrict.json<ErrorBody>().error.field).toBe('body.districts.0');

    const created = await coordinator.post('/api/v1/page-editor/news', {
      topic: 'authorities',
      texts: {
        de: { title: 'Bürgeramt Hamborn am Freitag geschlossen', text: 'Bitte gehen Sie nach Walsum.' },
        ar: { title: 'مكتب المواطنين في هامبورن مغلق يوم الجمعة', text: 'يرجى الذهاب إلى فالزوم.' },
      },
      endsOn: '2099-12-31',
    });
    expect(created.status, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(
      (await reader().get('/api/v1/news?lang=ar')).json<NewsReply>().items.map((i) => i.id),
    ).not.toContain(id);

    const published = await coordinator.post(`/api/v1/page-editor/news/${id}/publish`);
    expect(published.status, published.body).toBe(200);
    expect(published.json<{ pushed: number }>().pushed).toBe(2);
    // Sent right after the answer.
    await t.services.jobRunner.idle();
    expect(pushed.map((p) => p.path).sort()).toEqual(['/reader-ar', '/reader-gone']);
    const message = pushed.find((p) => p.path === '/reader-ar');
    expect(message?.headers['content-encoding']).toBe('aes128gcm');
    // Signed with the key pair and subject from the settings.
    const authorization = String(message?.headers.authorization);
    expect(authorization).toContain(`k=${VAPID.publicKey}`);
    const jwt = /t=([^,\s]+)/.exec(authorization)?.[1] ?? '';
    expect(JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({
      sub: 'https://lotse.example/kontakt',
    });
    const plain = ece.decrypt(message?.body ?? Buffer.alloc(0), {
      version: 'aes128gcm',
      privateKey: browser,
      authSecret,
    });
    expect(JSON.parse(plain.toString('utf8'))).toMatchObject({
      id,
      title: 'مكتب المواطنين في هامبورن مغلق يوم الجمعة',
      lang: 'ar',
    });
    expect((await coordinator.post(`/api/v1/page-editor/news/${id}/publish`)).status).toBe(409);
    // The push service said the other subscription is gone: the next item goes to the Arabic reader only.
    const second = await coordinator.post('/api/v1/page-editor/news', {
      topic: 'authorities',
      texts: { de: { title: 'Neue Sprechzeiten', text: '' } },
      endsOn: '2099-12-31',
    });
    pushed.length = 0;
    await coordinator.post(`/api/v1/page-editor/news/${second.json<{ id: string }>().id}/publish`);
    await t.services.jobRunner.idle();
    expect(pushed.map((p) => p.path)).toEqual(['/reader-ar']);

    const news = (await reader().get('/api/v1/news?lang=tr')).json<NewsReply>();
    expect(news.items.find((i) => i.id === id)).toMatchObject({
      lang: 'de',
      title: 'Bürgeramt Hamborn am Freitag geschlossen',
    });
    const feed = await reader().get('/api/v1/news/feed.atom?lang=ar');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">');
    expect(feed.body).toContain(`<id>urn:uuid:${id}</id>`);
    expect(feed.body).toContain('مكتب المواطنين في هامبورن مغلق يوم الجمعة');
  });

  it('shows a reader the news for her Stadtbezirk and the whole city, and an item no more after its end date', async () => {
    const write = async (title: string, district: string | null, endsOn: string) => {
      const created = await coordinator.post('/api/v1/page-editor/news', {
        topic: 'events',
        district,
        texts: { de: { title, text: '' }, en: { title: `${title} (en)`, text: '' } },
        endsOn,
      });
      const id = created.json<{ id: string }>().id;
      expect((await coordinator.post(`/api/v1/page-editor/news/${id}/publish`)).status).toBe(200);
      return id;
    };
    const now = t.services.clock.now();
    const inTenDays = new Date(now.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const walsum = await write('Straßenfest in Walsum', 'walsum', '2099-12-31');
    const mitte = await write('Fest in der Mitte', 'mitte', '2099-12-31');
    const soon = await write('Sprechstunde nur noch kurz', null, inTenDays);
    const shown = async (query: string) =>
      (await reader().get(`/api/v1/news?lang=en${query}`)).json<NewsReply>().items;
    const forWalsum = await shown('&district=walsum');
    expect(forWalsum.map((i) => i.id)).toEqual(expect.arrayContaining([walsum, soon]));
    expect(forWalsum.map((i) => i.id)).not.toContain(mitte);
    expect(forWalsum.find((i) => i.id === walsum)).toMatchObject({
      lang: 'en',
      title: 'Straßenfest in Walsum (en)',
    });
    expect((await shown('')).map((i) => i.id)).toEqual(expect.arrayContaining([walsum, mitte, soon]));
    try {
      // Eleven days later the short one has ended: neither the list nor the feed shows it.
      t.services.clock.set(new Date(now.getTime() + 11 * 86_400_000));
      expect((await shown('&district=walsum')).map((i) => i.id)).toEqual(expect.arrayContaining([walsum]));
      expect((await shown('')).map((i) => i.id)).not.toContain(soon);
      expect((await reader().get('/api/v1/news/feed.atom?lang=en')).body).not.toContain(soon);
    } finally {
      t.services.clock.set(now);
    }
    const unknown = await reader().get(`/api/v1/news?district=${'x'.repeat(61)}`);
    expect(unknown.status).toBe(400);
    expect(unknown.json<ErrorBody>().error.field).toBe('query.district');
  });
});

describe('sending news as a job', () => {
  it('answers the publish while a push service has not answered, sends the others, and tries a failed one again later', async () => {
    const browser = createECDH('prime256v1');
    browser.generateKeys();
    const keys = { p256dh: browser.getPublicKey('base64url'), auth: randomBytes(16).toString('base64url') };
    for (const path of ['/reader-slow', '/reader-flaky', '/reader-fine'])
      expect(
        (
          await reader().post('/api/v1/news/subscriptions', {
            endpoint: `${pushUrl}${path}`,
            keys,
            lang: 'uk',
            topics: ['health'],
          })
        ).status,
      ).toBe(204);
    const created = await coordinator.post('/api/v1/page-editor/news', {
      topic: 'health',
      texts: { de: { title: 'Impftag im Gesundheitsamt', text: 'Am Samstag ohne Termin.' } },
      endsOn: '2099-12-31',
    });
    pushed.length = 0;
    const published = await coordinator.post(
      `/api/v1/page-editor/news/${created.json<{ id: string }>().id}/publish`,
    );
    // The slow push service has not answered, yet the publish has.
    expect(published.status, published.body).toBe(200);
    expect(published.json<{ pushed: number }>().pushed).toBe(3);
    await expect.poll(() => slowPushes.length).toBe(1);
    for (const release of slowPushes.splice(0)) release();
    await t.services.jobRunner.idle();
    // The fine one got it; the flaky one was asked once and failed: it waits for its next attempt.
    expect(pushed.map((p) => p.path).sort()).toEqual(['/reader-fine', '/reader-flaky', '/reader-slow']);
    const job = pagesModule.jobs?.find((j) => j.name === 'pages.push_send');
    pushed.length = 0;
    expect(await job?.run(systemContext(t.services))).toEqual({ sent: 0, gone: 0, retried: 0, dropped: 0 });
    expect(pushed).toEqual([]);
    // A minute later the job tries again, and only there.
    const later = new Date(t.services.clock.now().getTime() + 61_000);
    expect(await job?.run(systemContext(t.services, later))).toEqual({
      sent: 1,
      gone: 0,
      retried: 0,
      dropped: 0,
    });
    expect(pushed.map((p) => p.path)).toEqual(['/reader-flaky']);
  });
});

describe('privacy of push subscriptions', () => {
  it('forgets a subscription unused for 180 days or past its end, and keeps the one its reader renewed', async () => {
    const keys = {
      p256dh: createECDH('prime256v1').generateKeys('base64url'),
      auth: randomBytes(16).toString('base64url'),
    };
    const start = t.services.clock.now();
    const day = (n: number) => new Date(start.getTime() + n * 86_400_000);
    const subscribe = (path: string, extra: Record<string, unknown> = {}) =>
      reader().post('/api/v1/news/subscriptions', {
        endpoint: `${pushUrl}${path}`,
        keys,
        lang: 'de',
        topics: ['housing'],
        ...extra,
      });
    try {
      const badKey = await subscribe('/housing-bad', { keys: { ...keys, auth: 'c2hvcnQ' } });
      expect(badKey.json<ErrorBody>().error.field).toBe('body.keys.auth');
      expect((await subscribe('/housing-quiet')).status).toBe(204);
      expect((await subscribe('/housing-renewed')).status).toBe(204);
      expect((await subscribe('/housing-ending', { expirationTime: day(30).getTime() })).status).toBe(204);
      t.services.clock.set(day(150));
      // The reader opened Lotse again: the web app sends the subscription once more.
      expect((await subscribe('/housing-renewed')).status).toBe(204);
      t.services.clock.set(day(181));
      const rule = t.services.city.profile.retention['pages.push_subscriptions'];
      const handler = pagesModule.retention?.['pages.push_subscriptions'];
      expect(rule?.days).toBe(180);
      expect(
        await handler?.(systemContext(t.services), rule as NonNullable<typeof rule>),
      ).toBeGreaterThanOrEqual(2);
      const editor = await t.login('coordinator');
      const created = await editor.post('/api/v1/page-editor/news', {
        topic: 'housing',
        texts: { de: { title: 'Neue Sprechstunde der Wohnungsberatung', text: '' } },
        endsOn: '2099-12-31',
      });
      expect(created.status, created.body).toBe(201);
      pushed.length = 0;
      const published = await editor.post(
        `/api/v1/page-editor/news/${created.json<{ id: string }>().id}/publish`,
      );
      expect(published.status, published.body).toBe(200);
      expect(published.json<{ pushed: number }>().pushed).toBe(1);
      await t.services.jobRunner.idle();
      expect(pushed.map((p) => p.path)).toEqual(['/housing-renewed']);
    } finally {
      t.services.clock.set(start);
    }
  });
});

describe('offline package', () => {
  it('packs the Arabic tree and every published page with its offers, small enough for 2,000 pages in 5 MB', async () => {
    const reply = await reader().get('/api/v1/page-packages/ar');
    expect(reply.status, reply.body.slice(0, 200)).toBe(200);
    const pack = reply.json<{
      lang: string;
      tree: { items: { slug: string }[] };
      pages: { slug: string; dir: string; steps: { where: { slug: string }[] }[] }[];
    }>();
    expect(pack.lang).toBe('ar');
    expect(pack.pages.map((p) => p.slug)).toEqual(pack.tree.items.map((i) => i.slug));
    const anmeldung = pack.pages.find((p) => p.slug === 'anmeldung');
    expect(anmeldung?.dir).toBe('rtl');
    expect(anmeldung?.steps.flatMap((step) => step.where.map((w) => w.slug))).toContain(
      'buergeramt-anmeldung-hamborn',
    );
    // The demo's pages are full-length: per page compressed, 2,000 of them stay within the issue's 5 MB.
    const perPage = gzipSync(reply.body).length / pack.pages.length;
    expect(perPage * 2000).toBeLessThan(5 * 1024 * 1024);
  });
});
