/**
 * Keeping pages correct: the "still correct?" review every REVIEW_MONTHS months, and the nightly link check (external
 * links that do not answer or answer with an error, linked directory offers that are no longer published), both
 * listed for editors.
 */
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { inTransaction } from '../../core/context.ts';
import { guardedFetch, RefusedAddressError } from '../../core/net-guard.ts';
import { scopeOf } from '../../core/policy.ts';
import { addMonths, localDate } from '../../core/time.ts';
import { publishedOffersBySlug } from '../directory/index.ts';
import { loadForEdit } from './editing.service.ts';
import * as repo from './pages.repository.ts';
import type * as s from './pages.schema.ts';
import { type LinkProblem, REVIEW_MONTHS } from './pages.terms.ts';

/** How long one link may take to answer, and how many are asked at once. */
const LINK_TIMEOUT_MS = 10_000;
const LINKS_AT_ONCE = 8;

/** What editors should look at: pages due for the "still correct?" review, and the link check's findings. */
export async function listChecks(ctx: Ctx): Promise<z.infer<typeof s.checksReply>> {
  const scope = scopeOf(ctx, 'pages.checks');
  const today = localDate(ctx.now, ctx.city.profile.timezone);
  const [due, problems] = await Promise.all([
    repo.reviewDuePages(ctx.db, scope, addMonths(today, -REVIEW_MONTHS)),
    repo.linkProblemsIn(ctx.db, scope),
  ]);
  const titles = await repo.draftTitles(ctx.db, [...new Set([...due, ...problems].map((p) => p.id))]);
  const titleOf = (id: string, slug: string) =>
    titles.find((t) => t.pageId === id && t.lang === 'de')?.value ?? slug;
  return {
    reviewDue: due.map((page) => ({ ...page, title: titleOf(page.id, page.slug) })),
    linkProblems: problems.map((problem) => ({
      ...problem,
      kind: problem.kind as LinkProblem,
      title: titleOf(problem.id, problem.slug),
      checkedAt: problem.checkedAt.toISOString(),
    })),
  };
}

/** An editor confirms that a page is still correct: it leaves the review list for REVIEW_MONTHS months. */
export async function confirmPage(ctx: Ctx, id: string): Promise<z.infer<typeof s.confirmReply>> {
  const page = await loadForEdit(ctx, id);
  const today = localDate(ctx.now, ctx.city.profile.timezone);
  await inTransaction(ctx, async (tx) => {
    await repo.setLastChecked(tx.db, page.id, today);
    await audit(tx, { action: 'pages.confirm', entityType: 'page', entityId: page.id });
  });
  return { lastCheckedAt: today };
}

/** The absolute http(s) links of a sanitised body (relative links point into Lotse itself). */
export function externalLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/<a\s[^>]*href="([^"]+)"/gi)) {
    const href = (match[1] ?? '').replaceAll('&amp;', '&');
    if (/^https?:\/\//i.test(href)) links.add(href);
  }
  return [...links];
}

/** Whether a link answers: HEAD first, GET where HEAD is not allowed; the status, null for no answer, or refused. */
async function linkStatus(ctx: Ctx, url: string): Promise<number | null | 'refused'> {
  try {
    const ask = (method: string) =>
      guardedFetch(url, { method, timeoutMs: LINK_TIMEOUT_MS, allowPrivate: ctx.config.privateFetchAllow });
    let response = await ask('HEAD');
    if (response.status === 405 || response.status === 501) {
      response = await ask('GET');
      await response.body?.cancel();
    }
    return response.status;
  } catch (error) {
    return error instanceof RefusedAddressError ? 'refused' : null;
  }
}

/**
 * The nightly link check (job `pages.link_check`): every published German page's external links and linked offers;
 * the findings replace the last night's list. Links are asked through guardedFetch: one to a private address (or
 * redirected there) is not fetched and is listed as `refused_link`.
 */
export async function checkLinks(ctx: Ctx): Promise<Record<string, number>> {
  const texts = await repo.publishedGermanLinks(ctx.db);
  const links = new Map<string, Set<string>>();
  const offers = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, pageId: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(pageId));
  for (const text of texts) {
    if (text.field === 'body') for (const url of externalLinks(text.value)) add(links, url, text.pageId);
    if (text.field === 'steps') {
      try {
        for (const step of JSON.parse(text.value) as { offers?: string[] }[])
          for (const slug of step.offers ?? []) add(offers, slug, text.pageId);
      } catch {
        // A steps text that is not JSON links no offers.
      }
    }
  }
  const problems: { pageId: string; kind: LinkProblem; target: string; httpStatus: number | null }[] = [];
  const urls = [...links.keys()];
  for (let at = 0; at < urls.length; at += LINKS_AT_ONCE) {
    const batch = urls.slice(at, at + LINKS_AT_ONCE);
    const statuses = await Promise.all(batch.map((url) => linkStatus(ctx, url)));
    for (const [i, url] of batch.entries()) {
      const status = statuses[i] ?? null;
      if (typeof status === 'number' && status < 400) continue;
      // A link to the server's own network is not asked (SSRF), and listed as refused.
      const problem =
        status === 'refused'
          ? ({ kind: 'refused_link', httpStatus: null } as const)
          : ({ kind: 'dead_link', httpStatus: status } as const);
      for (const pageId of links.get(url) ?? []) problems.push({ pageId, target: url, ...problem });
    }
  }
  const published = new Set(
    (await publishedOffersBySlug(ctx.db, [...offers.keys()], 'de')).map((offer) => offer.slug),
  );
  for (const [slug, pageIds] of offers) {
    if (published.has(slug)) continue;
    for (const pageId of pageIds)
      problems.push({ pageId, kind: 'unpublished_offer', target: slug, httpStatus: null });
  }
  await inTransaction(ctx, async (tx) => {
    await repo.deleteLinkProblems(tx.db);
    await repo.insertLinkProblems(
      tx.db,
      problems.map((problem) => ({ ...problem, checkedAt: tx.now })),
    );
  });
  return { links: urls.length, offers: offers.size, problems: problems.length };
}
