import { audit } from '../../core/audit.ts';
import type { Ctx } from '../../core/context.ts';
import type { CityProfile } from '../../core/city.ts';
import { errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import * as repo from './platform.repository.ts';

/** The UI languages, in the profile's order. */
export async function listLocales(ctx: Ctx) {
  authorize(ctx, 'locales.list');
  const rows = await repo.listLocales(ctx.db);
  return rows.map((row) => ({
    code: row.code,
    nativeName: row.nativeName,
    direction: row.direction as 'ltr' | 'rtl',
  }));
}

/** The city's name, time zone, guide languages, districts and Ortsteile, contact and legal pages: forms, dates, maps, footer. */
export function cityProfile(ctx: Ctx) {
  authorize(ctx, 'city.read');
  const { profile, districts } = ctx.city;
  return {
    id: profile.id,
    name: profile.name,
    title: profile.branding.title,
    centre: profile.centre,
    tileUrl: ctx.config.tileUrl,
    timezone: profile.timezone,
    guideLanguages: profile.guideLanguages,
    districts: districts.map(({ id, name, centre, ortsteile }) => ({ id, name, centre, ortsteile })),
    contact: profile.contact,
    legal: {
      demo: profile.legal.demo,
      imprint: legalPage(profile.legal.imprint),
      privacy: legalPage(profile.legal.privacy),
      accessibility: legalPage(profile.legal.accessibility),
    },
  };
}

function legalPage(page: CityProfile['legal']['imprint']) {
  return { url: page.url ?? null, paragraphs: page.paragraphs };
}

export async function listOrganisations(ctx: Ctx) {
  authorize(ctx, 'organisations.list');
  return repo.listOrganisations(ctx.db);
}

/** Admin: searches the audit log (the search itself is audited). */
export async function searchAudit(
  ctx: Ctx,
  input: Omit<repo.AuditFilter, 'limit' | 'offset' | 'from' | 'to'> & {
    from?: string;
    to?: string;
    page: number;
    per_page: number;
  },
) {
  authorize(ctx, 'audit.search');
  const { page, per_page, from, to, ...filter } = input;
  const result = await repo.searchAudit(ctx.db, {
    ...filter,
    ...(from ? { from: new Date(from) } : {}),
    // A bare day includes the whole day.
    ...(to ? { to: to.length === 10 ? new Date(new Date(to).getTime() + 86_399_999) : new Date(to) } : {}),
    limit: per_page,
    offset: (page - 1) * per_page,
  });
  await audit(ctx, { action: 'audit.search', details: { results: result.items.length } });
  return {
    items: result.items.map((row) => ({
      ...row,
      at: row.at.toISOString(),
      details: row.details as Record<string, unknown>,
    })),
    total: result.total,
    page,
    perPage: per_page,
  };
}

/** Admin: the background jobs and when they last ran. */
export async function listJobs(ctx: Ctx) {
  authorize(ctx, 'jobs.list');
  const rows = await repo.listJobs(ctx.db);
  return rows.map((row) => ({
    name: row.name,
    intervalSeconds: row.intervalSeconds,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    lastStatus: row.lastStatus,
    nextRunAt: row.nextRunAt.toISOString(),
  }));
}

/** Admin: makes a job due now; the next poll of any server runs it. */
export async function runJobSoon(ctx: Ctx, name: string): Promise<void> {
  authorize(ctx, 'jobs.run');
  if (!(await ctx.jobRunner.runSoon(name))) throw errors.notFound();
  await audit(ctx, { action: 'job.run_requested', entityType: 'job', entityId: name });
}

/** A link's secret (token, code, key) and any long random string, as "…": an admin reads mail, not secrets. */
export function maskSecrets(text: string): string {
  return text.replace(/([?&](?:token|code|key|secret)=)[^\s&#]+/gi, '$1…').replace(/[\w-]{32,}/g, '…');
}

/** Admin: mail waiting in or sent from the outbox (addresses are personal data: audited). */
export async function listOutbox(ctx: Ctx, input: { page: number; per_page: number }) {
  authorize(ctx, 'outbox.list');
  const { items, total } = await repo.listOutbox(ctx.db, input.per_page, (input.page - 1) * input.per_page);
  await audit(ctx, { action: 'outbox.list', details: { count: items.length } });
  return {
    items: items.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      toAddress: row.toAddress,
      subject: row.subject,
      textBody: maskSecrets(row.textBody),
      status: row.status,
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
    total,
    page: input.page,
    perPage: input.per_page,
  };
}
