/**
 * News: coordinators publish short items (German with translations, by topic and district, with an end date);
 * readers see the current ones in their language and as an Atom feed, and may subscribe without an account to web
 * push (VAPID through the `web-push` package; the keys come from the settings VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, or
 * are made on the first start and kept in app_meta).
 */
import webpush from 'web-push';
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { checkOutsideUrl, guardedFetch, RefusedAddressError } from '../../core/net-guard.ts';
import { authorize } from '../../core/policy.ts';
import type { RetentionHandler } from '../../core/module.ts';
import { localDate } from '../../core/time.ts';
import * as repo from './pages.repository.ts';
import type * as s from './pages.schema.ts';
import { type NewsTopic, UI_LANGS } from './pages.terms.ts';

type NewsItem = z.infer<typeof s.newsItem>;
type UiLang = (typeof UI_LANGS)[number];
const VAPID_KEY = 'pages.vapid_keys';
/** How long a push service keeps an undelivered message (seconds): news are of the day. */
const PUSH_TTL = 24 * 3600;

const uiLang = (ctx: Ctx, lang: UiLang | undefined): UiLang =>
  lang ?? ((UI_LANGS as readonly string[]).includes(ctx.locale) ? (ctx.locale as UiLang) : 'de');

function shownNews(row: repo.NewsRow, lang: string): NewsItem {
  const own = row.texts[lang];
  const text = own ?? row.texts.de ?? { title: '', text: '' };
  return {
    id: row.id,
    topic: row.topic as NewsTopic,
    district: row.district,
    title: text.title,
    text: text.text,
    lang: own ? lang : 'de',
    endsOn: row.endsOn,
    publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
  };
}

/** The current news in a language (German where an item has none). */
export async function currentNews(
  ctx: Ctx,
  query: { lang?: UiLang | undefined; district?: string | undefined },
) {
  authorize(ctx, 'pages.read');
  const lang = uiLang(ctx, query.lang);
  const rows = await repo.currentNews(ctx.db, localDate(ctx.now, ctx.city.profile.timezone), query.district);
  return { lang, items: rows.map((row) => shownNews(row, lang)) };
}

const xml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The current news as an Atom 1.0 feed in a language. */
export async function newsFeed(ctx: Ctx, query: { lang?: UiLang | undefined }): Promise<string> {
  const { lang, items } = await currentNews(ctx, query);
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const self = `${base}/api/v1/news/feed.atom?lang=${lang}`;
  const updated = items[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = items.map(
    (item) => `  <entry>
    <id>urn:uuid:${item.id}</id>
    <title xml:lang="${item.lang}">${xml(item.title)}</title>
    <updated>${item.publishedAt}</updated>
    <link href="${xml(`${base}/?news=${item.id}`)}"/>
    <category term="${item.topic}"/>
    <content type="text" xml:lang="${item.lang}">${xml(item.text)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${xml(self)}</id>
  <title>${xml(`${ctx.city.profile.name} – Lotse`)}</title>
  <updated>${updated}</updated>
  <link rel="self" href="${xml(self)}"/>
  <link href="${xml(`${base}/`)}"/>
${entries.join('\n')}
</feed>
`;
}

/**
 * The VAPID keys: from the settings (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY); without them made once (the first
 * server to ask keeps them in app_meta), then read.
 */
async function vapidKeys(ctx: Ctx): Promise<{ publicKey: string; privateKey: string }> {
  if (ctx.config.vapid) return ctx.config.vapid;
  const stored = (await repo.readMeta(ctx.db, VAPID_KEY)) as
    | { publicKey: string; privateKey: string }
    | undefined;
  if (stored) return stored;
  await repo.insertMetaOnce(ctx.db, VAPID_KEY, webpush.generateVAPIDKeys());
  return (await repo.readMeta(ctx.db, VAPID_KEY)) as { publicKey: string; privateKey: string };
}

/** The public key a browser subscribes with. */
export async function pushKey(ctx: Ctx) {
  authorize(ctx, 'pages.read');
  return { publicKey: (await vapidKeys(ctx)).publicKey };
}

/** A reader subscribes (or changes the choice): only the endpoint, its keys and the choice are kept. */
export async function subscribe(ctx: Ctx, input: z.infer<typeof s.subscriptionBody>): Promise<void> {
  authorize(ctx, 'pages.read');
  const known = new Set(ctx.city.districts.map((d) => d.id));
  const unknown = input.districts.findIndex((d) => !known.has(d));
  if (unknown >= 0) throw errors.invalid(`body.districts.${unknown}`);
  // A push service is on the internet: an endpoint naming a private address is refused (SSRF).
  try {
    checkOutsideUrl(input.endpoint, ctx.config.privateFetchAllow);
  } catch {
    throw errors.invalid('body.endpoint');
  }
  await repo.upsertSubscription(ctx.db, {
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    lang: input.lang,
    topics: [...new Set(input.topics)],
    districts: [...new Set(input.districts)],
    createdAt: ctx.now,
    lastUsedAt: ctx.now,
    expiresAt: input.expirationTime ? new Date(input.expirationTime) : null,
  });
}

/** One click: the subscription is gone (an unknown endpoint is gone already). */
export async function unsubscribe(ctx: Ctx, input: { endpoint: string }): Promise<void> {
  authorize(ctx, 'pages.read');
  await repo.deleteSubscription(ctx.db, input.endpoint);
}

function editorItem(row: repo.NewsRow, pushed = 0): z.infer<typeof s.editorNewsItem> {
  return {
    id: row.id,
    status: row.status as 'draft' | 'published',
    topic: row.topic as NewsTopic,
    district: row.district,
    texts: row.texts,
    endsOn: row.endsOn,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    pushed,
  };
}

/** Every news item for the coordinators, newest first. */
export async function listNews(ctx: Ctx) {
  authorize(ctx, 'pages.news');
  return { items: (await repo.allNews(ctx.db)).map((row) => editorItem(row)) };
}

/** A new news item, a draft. German is required; the end date may not lie in the past. */
export async function createNews(ctx: Ctx, input: z.infer<typeof s.newsBody>) {
  authorize(ctx, 'pages.news');
  if (!input.texts.de) throw errors.invalid('body.texts.de', 'validation.required');
  if (input.district && !ctx.city.districts.some((d) => d.id === input.district))
    throw errors.invalid('body.district');
  if (input.endsOn < localDate(ctx.now, ctx.city.profile.timezone)) throw errors.invalid('body.endsOn');
  const texts = Object.fromEntries(Object.entries(input.texts).filter(([, text]) => text)) as Record<
    string,
    { title: string; text: string }
  >;
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertNews(tx.db, {
      topic: input.topic,
      district: input.district,
      texts,
      endsOn: input.endsOn,
      status: 'draft',
      createdAt: tx.now,
    });
    await audit(tx, { action: 'pages.news_create', entityType: 'page_news', entityId: row.id });
    return editorItem(row);
  });
}

/**
 * Publishes a draft and queues it for every subscription of its topic (and district), in the same transaction; the
 * sending starts right after the answer (sendDuePushes) and the job pages.push_send retries what failed. Returns
 * how many subscriptions it was queued for.
 */
export async function publishNews(ctx: Ctx, id: string) {
  authorize(ctx, 'pages.news');
  const found = await repo.findNews(ctx.db, id);
  if (!found) throw errors.notFound('news');
  const { row, queued } = await inTransaction(ctx, async (tx) => {
    const published = await repo.publishNews(tx.db, id, tx.now);
    if (!published) throw new AppError('pages.wrong_state', { params: { status: found.status } });
    const queued = await repo.queueDeliveries(tx.db, published, tx.now);
    await audit(tx, { action: 'pages.news_publish', entityType: 'page_news', entityId: id });
    return { row: published, queued };
  });
  if (queued) ctx.jobRunner.defer('pages.push_send', async () => void (await sendDuePushes(ctx)));
  return editorItem(row, queued);
}

/** How many deliveries a sender claims at once, and how many it sends side by side. */
const PUSH_BATCH = 64;
const PUSH_PARALLEL = 8;
/** A claimed delivery is another sender's again after this long (a sender that died). */
const PUSH_LEASE_MS = 5 * 60_000;
/** Attempts before a delivery is given up: 1, 2, 4, 8 minutes apart, then dropped. */
export const PUSH_ATTEMPTS = 5;
const retryAfterMs = (attempts: number) => 60_000 * 2 ** attempts;

type PushOutcome = 'sent' | 'gone' | 'retry';

/**
 * Sends every due delivery, each subscription in its language; one that fails waits for its next attempt and
 * does not hold up the others. The job pages.push_send runs it every minute; publishNews right after its answer.
 */
export async function sendDuePushes(ctx: Ctx): Promise<Record<string, number>> {
  const counts = { sent: 0, gone: 0, retried: 0, dropped: 0 };
  const keys = await vapidKeys(ctx);
  const contact = ctx.config.mailFrom.match(/[^<\s]+@[^>\s]+/)?.[0] ?? 'lotse@example.org';
  const subject = ctx.config.vapidSubject ?? `mailto:${contact}`;
  for (let round = 0; round < 100; round++) {
    const due = await repo.claimDueDeliveries(
      ctx.db,
      ctx.now,
      new Date(ctx.now.getTime() + PUSH_LEASE_MS),
      PUSH_BATCH,
    );
    if (!due.length) break;
    const news = new Map(
      (await repo.newsByIds(ctx.db, [...new Set(due.map((d) => d.newsId))])).map((n) => [n.id, n]),
    );
    const delivered: string[] = [];
    for (let at = 0; at < due.length; at += PUSH_PARALLEL) {
      await Promise.all(
        due.slice(at, at + PUSH_PARALLEL).map(async (delivery) => {
          const row = news.get(delivery.newsId);
          const outcome = row ? await pushOne(ctx, row, delivery, { ...keys, subject }) : 'gone';
          if (outcome === 'sent') {
            counts.sent++;
            delivered.push(delivery.endpoint);
            await repo.deleteDelivery(ctx.db, delivery.newsId, delivery.endpoint);
          } else if (outcome === 'gone') {
            counts.gone++;
            // The subscription goes, and its deliveries with it.
            await repo.deleteSubscription(ctx.db, delivery.endpoint);
          } else if (delivery.attempts + 1 >= PUSH_ATTEMPTS) {
            counts.dropped++;
            await repo.deleteDelivery(ctx.db, delivery.newsId, delivery.endpoint);
          } else {
            counts.retried++;
            const next = new Date(ctx.now.getTime() + retryAfterMs(delivery.attempts));
            await repo.retryDelivery(ctx.db, delivery.newsId, delivery.endpoint, next);
          }
        }),
      );
    }
    await repo.touchSubscriptions(ctx.db, delivered, ctx.now);
  }
  return counts;
}

/** One message to one subscription: sent, gone (404/410, or an address the guard refuses), or to try again. */
async function pushOne(
  ctx: Ctx,
  row: repo.NewsRow,
  subscription: repo.DueDelivery,
  vapid: { publicKey: string; privateKey: string; subject: string },
): Promise<PushOutcome> {
  const item = shownNews(row, subscription.lang);
  const payload = JSON.stringify({ id: item.id, title: item.title, body: item.text, lang: item.lang });
  try {
    const request = webpush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      payload,
      {
        TTL: PUSH_TTL,
        vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
      },
    );
    const response = await guardedFetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: new Uint8Array(request.body),
      timeoutMs: 10_000,
      allowPrivate: ctx.config.privateFetchAllow,
      maxRedirects: 0,
    });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) return 'gone';
    if (response.ok) return 'sent';
    ctx.logger.warn({ status: response.status }, 'push service refused a news message');
    return 'retry';
  } catch (error) {
    // An endpoint on a private network is never asked (SSRF) and never will be: the subscription goes.
    if (error instanceof RefusedAddressError) return 'gone';
    // No answer, or keys the encryption cannot use: tried again later; the others are sent meanwhile.
    ctx.logger.warn('a news message could not be pushed');
    return 'retry';
  }
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** The pages module's retention rules, by their key in the city profile. */
export const pagesRetention: Record<string, RetentionHandler> = {
  // Push subscriptions neither renewed by the reader nor delivered to for the rule's days, or past their end.
  'pages.push_subscriptions': (ctx, rule) =>
    repo.deleteStaleSubscriptions(ctx.db, daysBefore(ctx.now, rule.days), ctx.now),
};
