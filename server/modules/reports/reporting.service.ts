/**
 * The reporter's side: the public form (and staff entering a call), the follow page by code, answers through the
 * code. Nothing identifying is kept: the context's address is used only, in memory, to limit code guessing
 * (guesses.ts); no audit row is written for public actions (an audit row keeps the caller's address).
 */
import { newCode, normaliseCode } from '../../core/codes.ts';
import { type Ctx, inTransaction, SYSTEM_ACTOR } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { tokenHash } from '../../core/passwords.ts';
import { authorize } from '../../core/policy.ts';
import { localDate } from '../../core/time.ts';
import { audit } from '../../core/audit.ts';
import { listConsents, recordConsent, withdrawConsent } from '../platform/index.ts';
import { countWrongCode, refuseWhenGuessing } from './guesses.ts';
import * as repo from './reports.repository.ts';
import type { ReportInput } from './reports.schema.ts';
import { CODE_GROUPS, CONTACT_CONSENT, MAX_PHOTOS, type Source } from './reports.terms.ts';
import { cleanPhoto } from './photos.ts';
import { seal, sealBytes } from './seal.ts';

/** What the database keeps of a follow code. */
export const codeHashOf = (code: string) => tokenHash(normaliseCode(code));

/** The district of an Ortsteil of the city; 400 naming the field when the city has no such Ortsteil. */
function placeOf(ctx: Ctx, where: ReportInput['where']) {
  if (where.kind !== 'ortsteil') return { placeKind: where.kind, ortsteilId: null, districtId: null };
  const district = ctx.city.districts.find((d) => d.ortsteile.some((o) => o.id === where.ortsteilId));
  if (!district) throw new AppError('validation.invalid_value', { field: 'body.where.ortsteilId' });
  return { placeKind: where.kind, ortsteilId: where.ortsteilId as string, districtId: district.id };
}

/** The report's row from the form: no name, no address, no IP address or user agent. */
function rowOf(ctx: Ctx, input: ReportInput, source: Source): Omit<repo.NewReport, 'codeHash'> {
  const date = input.when.date ?? null;
  if (date && date > localDate(ctx.now, ctx.city.profile.timezone))
    throw new AppError('validation.invalid_value', { field: 'body.when.date' });
  return {
    source,
    status: 'new',
    description: input.description?.trim() || null,
    occurredOn: date,
    occurredAbout: date ? null : input.when.about?.trim() || null,
    ...placeOf(ctx, input.where),
    setting: input.setting,
    grounds: [...new Set(input.grounds)],
    violence: input.violence,
    police: input.police,
    extremist: [...new Set(input.extremist)],
    affected: input.affected,
    receivedAt: ctx.now,
    updatedAt: ctx.now,
  };
}

async function insertWithCode(tx: Ctx, input: ReportInput, source: Source) {
  const code = newCode(CODE_GROUPS);
  const row = await repo.insertReport(tx.db, { ...rowOf(tx, input, source), codeHash: codeHashOf(code) });
  if (input.contact) {
    await repo.insertContact(tx.db, {
      reportId: row.id,
      sealed: seal(tx.config, input.contact),
      createdAt: tx.now,
    });
    // The reporter's consent, given on the form or to the counsellor on the phone. Recorded as the system and
    // without the caller's address (its audit row would otherwise keep the reporter's IP address).
    await recordConsent(
      { ...tx, actor: SYSTEM_ACTOR, ip: null },
      {
        subjectType: CONTACT_CONSENT.subjectType,
        subjectId: row.id,
        purpose: CONTACT_CONSENT.purpose,
        dataCategories: ['contact'],
        expiresAt: new Date(tx.now.getTime() + CONTACT_CONSENT.days * 86_400_000).toISOString(),
        channel: source === 'online' ? 'online_form' : source,
      },
    );
  }
  return { code, row };
}

/** The public form: anyone, without an account; answers with the follow code, shown this once. */
export async function submitReport(ctx: Ctx, input: ReportInput): Promise<{ code: string }> {
  authorize(ctx, 'reports.submit');
  const { code } = await inTransaction(ctx, (tx) => insertWithCode(tx, input, 'online'));
  return { code };
}

/** Staff enter a report taken by phone or in person; the code is read out to the reporter. */
export async function enterReport(
  ctx: Ctx,
  input: ReportInput & { source: Exclude<Source, 'online'> },
): Promise<{ code: string; id: string }> {
  authorize(ctx, 'reports.intake');
  return inTransaction(ctx, async (tx) => {
    const { code, row } = await insertWithCode(tx, input, input.source);
    await audit(tx, { action: 'reports.intake', entityType: 'report', entityId: row.id });
    return { code, id: row.id };
  });
}

/**
 * The report a follow code opens (a merged duplicate opens the case it was merged into), or 404; wrong codes are
 * counted per address and per first group, and beyond the limit every lookup answers 429.
 */
async function reportOfCode(ctx: Ctx, code: string) {
  const typed = normaliseCode(code);
  refuseWhenGuessing(ctx, typed);
  const found = await repo.findReportByCodeHash(ctx.db, tokenHash(typed));
  if (!found) {
    countWrongCode(ctx, typed);
    throw new AppError('not_found');
  }
  const target = found.mergedInto ? await repo.findReport(ctx.db, found.mergedInto) : found;
  return { own: found, target: target ?? found };
}

/** The follow page: the case's status and the messages, never the contact, notes or who handles it. */
export async function followReport(ctx: Ctx, code: string) {
  authorize(ctx, 'reports.follow');
  const { own, target } = await reportOfCode(ctx, code);
  const duplicates = await repo.listDuplicates(ctx.db, target.id);
  const messages = await repo.listMessages(ctx.db, [target.id, ...duplicates.map((d) => d.id)]);
  const contact = await repo.findContact(ctx.db, own.id);
  return {
    contactKept: contact !== undefined,
    status: target.status as 'new',
    receivedAt: target.receivedAt.toISOString(),
    messages: messages.map((m) => ({
      from: m.author as 'reporter' | 'staff',
      body: m.body,
      at: m.createdAt.toISOString(),
    })),
  };
}

/**
 * The reporter removes the contact details they left, without an account: their consent is withdrawn through the
 * platform (as the system and without the caller's address, as it was recorded) and the sealed contact deleted at
 * once. Nothing to remove is no error: the follow page simply shows no contact kept.
 */
export async function removeContact(ctx: Ctx, code: string) {
  authorize(ctx, 'reports.follow');
  const { own } = await reportOfCode(ctx, code);
  await inTransaction(ctx, async (tx) => {
    const system = { ...tx, actor: SYSTEM_ACTOR, ip: null };
    const given = await listConsents(system, { subjectType: CONTACT_CONSENT.subjectType, subjectId: own.id });
    for (const consent of given)
      if (consent.purpose === CONTACT_CONSENT.purpose && !consent.withdrawnAt)
        await withdrawConsent(system, { id: consent.id });
    await repo.deleteContact(tx.db, own.id);
  });
  return followReport(ctx, code);
}

/** The reporter answers or adds information through the code. */
export async function answerReport(ctx: Ctx, code: string, input: { body: string }) {
  authorize(ctx, 'reports.follow');
  const { own, target } = await reportOfCode(ctx, code);
  await repo.insertMessage(ctx.db, {
    reportId: own.id,
    author: 'reporter',
    authorId: null,
    body: input.body,
    createdAt: ctx.now,
  });
  await repo.updateReport(ctx.db, target.id, { updatedAt: ctx.now });
  return followReport(ctx, code);
}

/**
 * The reporter adds a photo through the code (the form sends its photos right after the report): checked by its
 * content, cleaned of all metadata, then stored with the reporter's own report. Nothing about it is logged.
 */
export async function addPhoto(ctx: Ctx, code: string, input: { photo: string }) {
  authorize(ctx, 'reports.follow');
  const { own } = await reportOfCode(ctx, code);
  const photo = await cleanPhoto(Buffer.from(input.photo, 'base64'), 'body.photo');
  return inTransaction(ctx, async (tx) => {
    const before = await repo.countPhotos(tx.db, own.id);
    if (before >= MAX_PHOTOS)
      throw new AppError('reports.photo_count', { field: 'body.photo', params: { max: MAX_PHOTOS } });
    await repo.insertPhoto(tx.db, {
      reportId: own.id,
      type: photo.type,
      size: photo.bytes.length,
      bytes: sealBytes(tx.config, photo.bytes),
      createdAt: tx.now,
    });
    return { photos: before + 1 };
  });
}
