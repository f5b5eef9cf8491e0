import type { z } from 'zod';
import { audit, auditRead } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { findAccount } from '../platform/index.ts';
import * as repo from './guides.repository.ts';
import { dialectOf } from './workflow.ts';
import { profilesWithAccounts, withGuideAccounts } from './accounts.ts';
import type * as s from './guides.schema.ts';
import { ONBOARDING_STEPS, type OnboardingStep } from './guides.terms.ts';
import { mailStepExpiring } from './messages.ts';
import { guideSettings } from './settings.ts';
import { addDays, localDate } from '../../core/time.ts';

type ProfileFields = z.infer<typeof s.ownProfileBody>;
type StepStatus = 'valid' | 'expiring' | 'expired' | 'missing';

/** Onboarding as of a local day: each step's status, whether all required ones are valid, and until when. */
export function onboardingState(
  steps: repo.OnboardingRow[],
  input: { required: readonly OnboardingStep[]; today: string; reminderDays: number },
) {
  const byStep = new Map(steps.map((row) => [row.step, row]));
  const soon = addDays(input.today, input.reminderDays);
  const items = ONBOARDING_STEPS.map((step) => {
    const row = byStep.get(step);
    let status: StepStatus = 'missing';
    if (row) {
      if (row.expiresOn !== null && row.expiresOn < input.today) status = 'expired';
      else if (row.expiresOn !== null && row.expiresOn <= soon) status = 'expiring';
      else status = 'valid';
    }
    return { step, completedOn: row?.completedOn ?? null, expiresOn: row?.expiresOn ?? null, status };
  });
  const required = items.filter((item) => input.required.includes(item.step));
  const complete = required.every((item) => item.status !== 'missing');
  const expiries = required.flatMap((item) => (item.expiresOn ? [item.expiresOn] : [])).sort();
  const validUntil = expiries[0] ?? null;
  const valid = complete && required.every((item) => item.status !== 'expired');
  return { items, complete, valid, validUntil };
}

function today(ctx: Ctx): string {
  return localDate(ctx.now, ctx.city.profile.timezone);
}

function stateOf(ctx: Ctx, steps: repo.OnboardingRow[]) {
  const settings = guideSettings(ctx);
  return onboardingState(steps, {
    required: settings.requiredSteps,
    today: today(ctx),
    reminderDays: settings.onboardingReminderDays,
  });
}

function checkDistricts(ctx: Ctx, districts: string[], field: string): void {
  const known = new Set(ctx.city.districts.map((d) => d.id));
  const index = districts.findIndex((id) => !known.has(id));
  if (index >= 0) throw errors.invalid(`${field}.${index}`, 'validation.invalid_value');
}

function checkTopics(fields: ProfileFields): void {
  const both = fields.topicsAccepted.findIndex((topic) => fields.topicsRefused.includes(topic));
  if (both >= 0) throw errors.invalid(`body.topicsRefused`, 'validation.invalid_value');
}

function columns(fields: ProfileFields) {
  return {
    languages: fields.languages.map((l, i) => ({
      code: l.code,
      level: l.level,
      dialect: dialectOf(l.code, l.dialect, `body.languages.${i}.dialect`),
    })),
    topicsAccepted: fields.topicsAccepted,
    topicsRefused: fields.topicsRefused,
    districts: [...new Set(fields.districts)],
    travelMode: fields.travelMode,
    homeLat: fields.home.lat,
    homeLon: fields.home.lon,
    gender: fields.gender,
    weekly: fields.weekly,
    exceptions: fields.exceptions.map((e) => ({ from: e.from, to: e.to, note: e.note ?? null })),
    maxPerWeek: fields.maxPerWeek,
    privatePhone: fields.privatePhone,
    privateEmail: fields.privateEmail,
  };
}

async function profileReply(ctx: Ctx, userId: string) {
  const profile = await repo.findProfile(ctx.db, userId);
  const account = await findAccount(ctx.db, userId);
  if (!profile || !account) throw errors.notFound();
  const onboarding = stateOf(ctx, await repo.listOnboarding(ctx.db, [userId]));
  return {
    userId,
    displayName: account.displayName,
    email: account.email,
    kind: profile.kind as 'volunteer' | 'mediator',
    active: profile.active,
    languages: profile.languages,
    topicsAccepted: profile.topicsAccepted,
    topicsRefused: profile.topicsRefused,
    districts: profile.districts,
    travelMode: profile.travelMode,
    home: { lat: profile.homeLat, lon: profile.homeLon },
    gender: profile.gender,
    weekly: profile.weekly,
    exceptions: profile.exceptions,
    maxPerWeek: profile.maxPerWeek,
    privatePhone: profile.privatePhone,
    privateEmail: profile.privateEmail,
    onboarding: onboarding.items,
    matchable: profile.active && onboarding.valid,
  };
}

/** The signed-in guide's own profile. */
export async function getOwnProfile(ctx: Ctx) {
  authorize(ctx, 'guides.profile.own');
  const id = ctx.actor.id as string;
  if (!(await repo.findProfile(ctx.db, id))) throw new AppError('guides.no_profile');
  return profileReply(ctx, id);
}

/** The guide edits their languages, topics, districts, availability and private contacts. */
export async function updateOwnProfile(ctx: Ctx, input: ProfileFields) {
  authorize(ctx, 'guides.profile.own');
  const id = ctx.actor.id as string;
  if (!(await repo.findProfile(ctx.db, id))) throw new AppError('guides.no_profile');
  checkDistricts(ctx, input.districts, 'body.districts');
  checkTopics(input);
  await inTransaction(ctx, async (tx) => {
    await repo.updateProfile(tx.db, id, { ...columns(input), updatedAt: tx.now });
    await audit(tx, { action: 'guide_profile.update', entityType: 'guide_profile', entityId: id });
  });
  return profileReply(ctx, id);
}

/** Every guide with languages, districts and whether they can be matched (coordinators; the read is audited). */
export async function listProfiles(ctx: Ctx, query: z.infer<typeof s.profilesQuery>) {
  authorize(ctx, 'guides.profiles.manage');
  const rows = await profilesWithAccounts(ctx.db);
  const onboarding = await repo.listOnboarding(ctx.db);
  const stepsOf = new Map<string, repo.OnboardingRow[]>();
  for (const row of onboarding) stepsOf.set(row.guideId, [...(stepsOf.get(row.guideId) ?? []), row]);
  const items = rows
    .map(({ profile, account }) => {
      const state = stateOf(ctx, stepsOf.get(profile.userId) ?? []);
      return {
        userId: profile.userId,
        displayName: account.displayName,
        kind: profile.kind as 'volunteer' | 'mediator',
        active: profile.active,
        languages: profile.languages.map((l) => l.code),
        districts: profile.districts,
        matchable: profile.active && state.valid,
        nextExpiry: state.validUntil,
      };
    })
    .filter(
      (item) =>
        (!query.language || item.languages.includes(query.language)) &&
        (!query.district || item.districts.includes(query.district)) &&
        (!query.matchable || String(item.matchable) === query.matchable),
    );
  await audit(ctx, { action: 'read', entityType: 'guide_profile.list', details: { count: items.length } });
  return { items };
}

/** One guide's profile with private contacts and onboarding (coordinators; audited). */
export async function getProfile(ctx: Ctx, id: string) {
  authorize(ctx, 'guides.profiles.manage');
  const reply = await profileReply(ctx, id);
  await auditRead(ctx, 'guide_profile', id);
  return reply;
}

/** A coordinator creates the profile of an account with role guide. */
export async function createProfile(ctx: Ctx, input: z.infer<typeof s.profileCreateBody>) {
  authorize(ctx, 'guides.profiles.manage');
  const account = await findAccount(ctx.db, input.userId);
  if (account?.role !== 'guide') throw new AppError('guides.not_a_guide', { field: 'body.userId' });
  if (await repo.findProfile(ctx.db, input.userId)) throw errors.exists('body.userId');
  checkDistricts(ctx, input.districts, 'body.districts');
  checkTopics(input);
  await inTransaction(ctx, async (tx) => {
    await repo.insertProfile(tx.db, {
      userId: input.userId,
      kind: input.kind,
      ...columns(input),
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await audit(tx, { action: 'guide_profile.create', entityType: 'guide_profile', entityId: input.userId });
  });
  return profileReply(ctx, input.userId);
}

/** A coordinator edits any profile, including kind and pause. */
export async function updateProfile(ctx: Ctx, id: string, input: z.infer<typeof s.profileUpdateBody>) {
  authorize(ctx, 'guides.profiles.manage');
  if (!(await repo.findProfile(ctx.db, id))) throw errors.notFound();
  checkDistricts(ctx, input.districts, 'body.districts');
  checkTopics(input);
  await inTransaction(ctx, async (tx) => {
    await repo.updateProfile(tx.db, id, {
      ...columns(input),
      kind: input.kind,
      active: input.active,
      updatedAt: tx.now,
    });
    await audit(tx, { action: 'guide_profile.update', entityType: 'guide_profile', entityId: id });
  });
  return profileReply(ctx, id);
}

/** A coordinator records an onboarding step with its completion day and expiry. */
export async function setOnboardingStep(
  ctx: Ctx,
  input: { id: string; step: OnboardingStep; completedOn: string; expiresOn: string | null },
) {
  authorize(ctx, 'guides.profiles.manage');
  if (!(await repo.findProfile(ctx.db, input.id))) throw errors.notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.upsertOnboardingStep(tx.db, {
      guideId: input.id,
      step: input.step,
      completedOn: input.completedOn,
      expiresOn: input.expiresOn,
      recordedBy: tx.actor.id,
      recordedAt: tx.now,
    });
    await audit(tx, {
      action: 'guide_onboarding.set',
      entityType: 'guide_profile',
      entityId: input.id,
      details: { step: input.step },
    });
  });
  return profileReply(ctx, input.id);
}

/** Daily job: a reminder mail when a step expires within the lead days; once per step and expiry. */
export async function remindExpiringSteps(ctx: Ctx): Promise<Record<string, number>> {
  authorize(ctx, 'guides.jobs');
  const settings = guideSettings(ctx);
  const from = today(ctx);
  const steps = await repo.listStepsToRemind(ctx.db, from, addDays(from, settings.onboardingReminderDays));
  const due = await withGuideAccounts(ctx.db, steps, (step) => step.guideId);
  let sent = 0;
  for (const { guide: account, ...step } of due) {
    if (account.disabled) continue;
    if (!step.expiresOn) continue;
    const expiresOn = step.expiresOn;
    await inTransaction(ctx, async (tx) => {
      await repo.markStepReminded(tx.db, step.guideId, step.step, expiresOn);
      await mailStepExpiring(
        tx,
        { email: account.email, locale: account.locale, name: account.displayName },
        step.step,
        expiresOn,
      );
    });
    sent++;
  }
  return { reminded: sent };
}

/** Where the network is thin: unmatched requests of the last 90 days by language and district. */
export async function recruitment(ctx: Ctx) {
  authorize(ctx, 'guides.recruitment');
  const since = new Date(ctx.now.getTime() - 90 * 86_400_000);
  const [byLanguage, byDistrict, profiles, onboarding] = await Promise.all([
    repo.unmatchedByLanguage(ctx.db, since),
    repo.unmatchedByDistrict(ctx.db, since),
    profilesWithAccounts(ctx.db),
    repo.listOnboarding(ctx.db),
  ]);
  const stepsOf = new Map<string, repo.OnboardingRow[]>();
  for (const row of onboarding) stepsOf.set(row.guideId, [...(stepsOf.get(row.guideId) ?? []), row]);
  const matchable = profiles
    .map((p) => p.profile)
    .filter((p) => p.active && stateOf(ctx, stepsOf.get(p.userId) ?? []).valid);
  return {
    since: since.toISOString(),
    languages: byLanguage
      .map((row) => ({
        language: row.language,
        unmatched: row.n,
        guides: matchable.filter((p) => p.languages.some((l) => l.code === row.language)).length,
      }))
      .sort((a, b) => b.unmatched - a.unmatched),
    districts: byDistrict
      .filter((row) => row.districtId !== null)
      .map((row) => ({
        districtId: row.districtId as string,
        unmatched: row.n,
        guides: matchable.filter((p) => p.districts.includes(row.districtId as string)).length,
      }))
      .sort((a, b) => b.unmatched - a.unmatched),
  };
}
