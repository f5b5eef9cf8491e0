/**
 * The counsellors' side: opening a case (only with the storage consent; without it an anonymous contact is
 * counted), the list of their service's cases, one case (every read audited, another service's case refused and
 * the attempt audited), the health-insurance checklist, outcomes and closure, sealed notes, and referrals with the
 * client's consent for each recipient.
 */
import type { z } from 'zod';
import { audit, auditRead } from '../../core/audit.ts';
import { type Ctx, inTransaction, SYSTEM_ACTOR } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, can, scopeOf } from '../../core/policy.ts';
import { zonedToUtc } from '../../core/time.ts';
import {
  accountNames,
  listOrganisationsOfKind,
  organisationNames,
  recordConsent,
} from '../platform/index.ts';
import * as repo from './counselling.repository.ts';
import type * as s from './counselling.schema.ts';
import {
  MAX_CONSENT_DAYS,
  REFERRAL_CONSENT,
  type SharedField,
  STORAGE_CONSENT,
  type Topic,
} from './counselling.terms.ts';
import type { BookingContact } from './booking.service.ts';
import { ANONYMOUS } from './retention.ts';
import { seal, unseal } from './seal.ts';

type CaseReply = z.infer<typeof s.caseReply>;
/** The sealed person of a case. */
export type Person = CaseReply['person'];

/** The sealed person opened; cases from before household members were kept have none. */
function personOf(ctx: Ctx, sealed: string): Person {
  const person = unseal<Person>(ctx.config, sealed);
  return { ...person, household: person.household ?? [] };
}

/** The end of a day in the city's zone: a consent "until" that day. */
const endOf = (ctx: Ctx, day: string) =>
  new Date(zonedToUtc(day, '00:00', ctx.city.profile.timezone).getTime() + 86_400_000 - 1000);

function consentExpiry(ctx: Ctx, day: string | null | undefined, field: string): Date {
  const latest = ctx.now.getTime() + MAX_CONSENT_DAYS * 86_400_000;
  const expires = day ? endOf(ctx, day) : new Date(latest);
  if (expires <= ctx.now || expires.getTime() > latest)
    throw new AppError('counselling.consent_expiry', { field });
  return expires;
}

/** Opens a case with the storage consent, or counts an anonymous contact without it. */
export async function openCase(ctx: Ctx, input: s.CaseInput) {
  authorize(ctx, 'counselling.staff');
  const service = await repo.findService(ctx.db, input.serviceId);
  if (!service) throw errors.invalid('body.serviceId', 'validation.invalid_value');
  authorize(ctx, 'counselling.case.write', service);
  const booking = input.bookingId ? await repo.findBooking(ctx.db, input.bookingId) : undefined;
  if (input.bookingId && (!booking || booking.organisationId !== service.organisationId))
    throw errors.invalid('body.bookingId', 'validation.invalid_value');
  if (input.districtId && !ctx.city.districts.some((d) => d.id === input.districtId))
    throw errors.invalid('body.districtId', 'validation.invalid_value');
  if (!input.consent.store) {
    // No consent to store: nothing personal is kept, only that someone was counselled (service, topics, language).
    await inTransaction(ctx, async (tx) => {
      await repo.insertContact(tx.db, {
        serviceId: service.id,
        topics: input.topics,
        language: input.language,
        districtId: input.districtId ?? null,
        at: tx.now,
      });
      if (booking) await repo.updateBooking(tx.db, booking.booking.id, { status: 'opened' });
    });
    return { id: null, counted: true };
  }
  const expiresAt = consentExpiry(ctx, input.consent.expiresOn, 'body.consent.expiresOn');
  return inTransaction(ctx, async (tx) => {
    const person: Person = {
      name: input.person.name,
      birthDate: input.person.birthDate ?? null,
      languages: input.person.languages,
      address: input.person.noFixedAddress ? null : (input.person.address ?? null),
      noFixedAddress: input.person.noFixedAddress,
      phone: input.person.phone ?? null,
      email: input.person.email ?? null,
      household: input.person.household.map((member) => ({
        name: member.name,
        relation: member.relation,
        birthDate: member.birthDate ?? null,
      })),
    };
    const row = await repo.insertCase(tx.db, {
      serviceId: service.id,
      organisationId: service.organisationId,
      sealedPerson: seal(tx.config, person),
      language: input.language,
      districtId: input.districtId ?? null,
      topics: input.topics,
      // Filled below, once the consent (whose subject is the case) exists.
      consentId: '00000000-0000-0000-0000-000000000000',
      consentExpiresAt: expiresAt,
      bookingId: booking?.booking.id ?? null,
      openedBy: tx.actor.id,
      openedAt: tx.now,
      updatedAt: tx.now,
    });
    const consent = await recordConsent(
      { ...tx, actor: SYSTEM_ACTOR },
      {
        subjectType: STORAGE_CONSENT.subjectType,
        subjectId: row.id,
        purpose: STORAGE_CONSENT.purpose,
        dataCategories: ['person', 'health_insurance', 'residence', 'notes'],
        expiresAt: expiresAt.toISOString(),
        channel: 'in_person',
      },
    );
    await repo.updateCase(tx.db, row.id, { consentId: consent.id });
    if (booking) await repo.updateBooking(tx.db, booking.booking.id, { status: 'opened', caseId: row.id });
    await audit(tx, { action: 'counselling.case.open', entityType: 'counselling_case', entityId: row.id });
    return { id: row.id, counted: false };
  });
}

export async function listCases(
  ctx: Ctx,
  query: { status?: 'open' | 'closed' | undefined; page: number; per_page: number },
) {
  authorize(ctx, 'counselling.staff');
  const scope = scopeOf(ctx, 'counselling.cases.list');
  const { rows, total } = await repo.listCases(
    ctx.db,
    scope,
    query.status,
    query.per_page,
    (query.page - 1) * query.per_page,
  );
  const services = new Map((await repo.listServices(ctx.db)).map((service) => [service.id, service.name]));
  await audit(ctx, { action: 'counselling.cases.read', details: { count: rows.length } });
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: unseal<Person>(ctx.config, row.sealedPerson).name,
      serviceName: services.get(row.serviceId) ?? '',
      status: row.status as 'open' | 'closed',
      topics: row.topics as Topic[],
      language: row.language,
      openedAt: row.openedAt.toISOString(),
    })),
    total,
    page: query.page,
    perPage: query.per_page,
  };
}

/** A case the actor may read; a case of another service is refused (403) and the attempt audited. */
async function readable(ctx: Ctx, id: string, action: 'counselling.case.read' | 'counselling.case.write') {
  authorize(ctx, 'counselling.staff');
  const row = await repo.findCase(ctx.db, id);
  if (!row) throw errors.notFound('case');
  if (!can(ctx.actor, action, row)) {
    await audit(ctx, {
      action: 'counselling.case.refused',
      entityType: 'counselling_case',
      entityId: row.id,
      details: { organisationId: ctx.actor.organisationId },
    });
  }
  authorize(ctx, action, row);
  return row;
}

async function replyOf(ctx: Ctx, row: repo.CaseRow): Promise<CaseReply> {
  const [service, notes, referrals, clinics, authorities, breakGlass] = await Promise.all([
    repo.findService(ctx.db, row.serviceId),
    repo.listNotes(ctx.db, row.id),
    repo.listReferralsOfCase(ctx.db, row.id),
    listOrganisationsOfKind(ctx.db, { kind: 'clinic' }),
    listOrganisationsOfKind(ctx.db, { kind: 'authority' }),
    repo.listBreakGlassOfCase(ctx.db, row.id),
  ]);
  const visits = await repo.listVisits(
    ctx.db,
    referrals.map((r) => r.id),
  );
  const [authors, orgNames] = await Promise.all([
    accountNames(
      ctx.db,
      [...notes.map((n) => n.authorId), ...breakGlass.map((b) => b.userId)].flatMap((id) => (id ? [id] : [])),
    ),
    organisationNames(ctx.db, [
      ...referrals.map((r) => r.recipientId),
      ...visits.map((v) => v.clinicId),
      ...breakGlass.map((b) => b.organisationId),
    ]),
  ]);
  return {
    id: row.id,
    serviceId: row.serviceId,
    serviceName: service?.name ?? '',
    status: row.status as CaseReply['status'],
    person: personOf(ctx, row.sealedPerson),
    language: row.language,
    districtId: row.districtId,
    topics: row.topics as Topic[],
    consentExpiresAt: row.consentExpiresAt.toISOString(),
    checklist: row.checklist as CaseReply['checklist'],
    missingDocuments: row.missingDocuments as CaseReply['missingDocuments'],
    outcomes: row.outcomes as CaseReply['outcomes'],
    notes: notes.map((note) => ({
      body: unseal<string>(ctx.config, note.sealed),
      at: note.createdAt.toISOString(),
      author: (note.authorId && authors.get(note.authorId)) || '',
    })),
    referrals: referrals.map((referral) => ({
      id: referral.id,
      recipientId: referral.recipientId,
      recipientName: orgNames.get(referral.recipientId) ?? '',
      purpose: referral.purpose,
      fields: referral.fields as SharedField[],
      status: referral.status as CaseReply['referrals'][number]['status'],
      consentExpiresAt: referral.consentExpiresAt.toISOString(),
      createdAt: referral.createdAt.toISOString(),
      visits: visits
        .filter((v) => v.referralId === referral.id)
        .map((v) => ({
          visitedOn: v.visitedOn,
          referredToClearing: v.referredToClearing,
          clinicName: orgNames.get(v.clinicId) ?? '',
        })),
    })),
    recipients: [...clinics, ...authorities].map((o) => ({ id: o.id, name: o.name })),
    breakGlass: breakGlass.map((b) => ({
      at: b.at.toISOString(),
      by: (b.userId && authors.get(b.userId)) || '',
      organisationName: orgNames.get(b.organisationId) ?? '',
      reason: unseal<string>(ctx.config, b.sealedReason),
    })),
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

/** One case, its notes decrypted; the read is audited. */
export async function readCase(ctx: Ctx, id: string) {
  const row = await readable(ctx, id, 'counselling.case.read');
  await auditRead(ctx, 'counselling_case', row.id);
  return replyOf(ctx, row);
}

/**
 * Break-glass: a lead counsellor opens a case of another service without a referral, giving a reason. The access is
 * stored (listed for the data-protection officer, shown on the case to its own counsellors) and audited; it opens
 * the case this once, to read: the next look needs another reason. A counsellor who is not a lead gets 403 (the
 * attempt audited); a case of the counsellor's own service needs no break-glass (409).
 */
export async function breakGlass(ctx: Ctx, id: string, reason: string) {
  authorize(ctx, 'counselling.staff');
  const row = await repo.findCase(ctx.db, id);
  if (!row) throw errors.notFound('case');
  if (can(ctx.actor, 'counselling.case.read', row)) throw new AppError('counselling.break_glass_own');
  const lead =
    ctx.actor.kind === 'user' && ctx.actor.organisationId
      ? await repo.isLead(ctx.db, ctx.actor.id, ctx.actor.organisationId)
      : false;
  const target = { organisationId: row.organisationId, lead };
  if (!can(ctx.actor, 'counselling.break_glass', target)) {
    await audit(ctx, {
      action: 'counselling.break_glass.refused',
      entityType: 'counselling_case',
      entityId: row.id,
      details: { organisationId: ctx.actor.organisationId },
    });
  }
  authorize(ctx, 'counselling.break_glass', target);
  await inTransaction(ctx, async (tx) => {
    const access = await repo.insertBreakGlass(tx.db, {
      caseId: row.id,
      userId: tx.actor.id,
      organisationId: tx.actor.organisationId as string,
      sealedReason: seal(tx.config, reason),
      at: tx.now,
    });
    await audit(tx, {
      action: 'counselling.case.break_glass',
      entityType: 'counselling_case',
      entityId: row.id,
      details: { breakGlassId: access.id, organisationId: tx.actor.organisationId },
    });
  });
  await auditRead(ctx, 'counselling_case', row.id);
  return replyOf(ctx, row);
}

/** Checklist, documents, topics, outcomes, closure. */
export async function updateCase(ctx: Ctx, id: string, input: s.CaseUpdate) {
  const row = await readable(ctx, id, 'counselling.case.write');
  if (row.status === 'closed' && input.status !== 'open') throw new AppError('counselling.case_closed');
  const closing = input.status === 'closed' && row.status === 'open';
  if (
    closing &&
    row.topics.includes('health_insurance') &&
    !(input.outcomes ?? row.outcomes).health_insurance
  )
    throw new AppError('counselling.outcome_required', { field: 'body.outcomes.health_insurance' });
  const updated = await inTransaction(ctx, async (tx) => {
    const next = await repo.updateCase(tx.db, row.id, {
      ...(input.topics ? { topics: input.topics } : {}),
      ...(input.checklist ? { checklist: { ...row.checklist, ...input.checklist } } : {}),
      ...(input.missingDocuments ? { missingDocuments: input.missingDocuments } : {}),
      ...(input.outcomes ? { outcomes: { ...row.outcomes, ...input.outcomes } } : {}),
      ...(input.status ? { status: input.status, closedAt: input.status === 'closed' ? tx.now : null } : {}),
      updatedAt: tx.now,
    });
    await audit(tx, {
      action: closing ? 'counselling.case.close' : 'counselling.case.update',
      entityType: 'counselling_case',
      entityId: row.id,
    });
    return next;
  });
  return replyOf(ctx, updated);
}

/** A note, sealed before it is stored. */
export async function addNote(ctx: Ctx, id: string, body: string) {
  const row = await readable(ctx, id, 'counselling.case.write');
  await inTransaction(ctx, async (tx) => {
    const note = await repo.insertNote(tx.db, {
      caseId: row.id,
      authorId: tx.actor.id,
      sealed: seal(tx.config, body),
      createdAt: tx.now,
    });
    await repo.updateCase(tx.db, row.id, { updatedAt: tx.now });
    await audit(tx, { action: 'counselling.note.add', entityType: 'counselling_note', entityId: note.id });
  });
  return replyOf(ctx, row);
}

/** What a referral shares: only the chosen fields, copied (and sealed) at the time of the referral. */
function sharedOf(row: repo.CaseRow, person: Person, fields: readonly SharedField[]) {
  const all = {
    name: person.name,
    birthDate: person.birthDate,
    languages: person.languages,
    phone: person.phone,
    topics: row.topics,
    insurance: row.outcomes.health_insurance ?? null,
  };
  return Object.fromEntries(fields.map((field) => [field, all[field]]));
}

/** A referral to a recipient, with the client's consent for that recipient and purpose. */
export async function refer(ctx: Ctx, id: string, input: s.ReferralInput) {
  const row = await readable(ctx, id, 'counselling.case.write');
  if (row.status === 'closed') throw new AppError('counselling.case_closed');
  const [clinics, authorities] = await Promise.all([
    listOrganisationsOfKind(ctx.db, { kind: 'clinic', id: input.recipientId }),
    listOrganisationsOfKind(ctx.db, { kind: 'authority', id: input.recipientId }),
  ]);
  if (clinics.length + authorities.length === 0)
    throw new AppError('counselling.unknown_recipient', { field: 'body.recipientId' });
  const expiresAt = consentExpiry(ctx, input.consentExpiresOn, 'body.consentExpiresOn');
  if (expiresAt > row.consentExpiresAt)
    throw new AppError('counselling.consent_expiry', { field: 'body.consentExpiresOn' });
  const person = personOf(ctx, row.sealedPerson);
  await inTransaction(ctx, async (tx) => {
    const referral = await repo.insertReferral(tx.db, {
      caseId: row.id,
      recipientId: input.recipientId,
      purpose: input.purpose,
      fields: input.fields,
      sealedShared: seal(tx.config, sharedOf(row, person, input.fields)),
      consentId: '00000000-0000-0000-0000-000000000000',
      consentExpiresAt: expiresAt,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    const consent = await recordConsent(
      { ...tx, actor: SYSTEM_ACTOR },
      {
        subjectType: REFERRAL_CONSENT.subjectType,
        subjectId: referral.id,
        purpose: `${REFERRAL_CONSENT.purpose}:${input.recipientId}`,
        dataCategories: [...input.fields],
        expiresAt: expiresAt.toISOString(),
        channel: 'in_person',
      },
    );
    await repo.updateReferral(tx.db, referral.id, { consentId: consent.id });
    await repo.updateCase(tx.db, row.id, { updatedAt: tx.now });
    await audit(tx, {
      action: 'counselling.referral.send',
      entityType: 'counselling_referral',
      entityId: referral.id,
      details: { recipientId: input.recipientId },
    });
  });
  return replyOf(ctx, row);
}

/**
 * The client's data (Art. 15 GDPR): the client has no account, so they ask the service (in person, with the code
 * of their booking or their ID) and a counsellor of that service exports the case: the person, notes, referrals with
 * what each recipient was given, emergency accesses and the bookings, every sealed value opened. Audited.
 */
export async function exportCase(ctx: Ctx, id: string) {
  const row = await readable(ctx, id, 'counselling.case.write');
  const [reply, referrals, bookings] = await Promise.all([
    replyOf(ctx, row),
    repo.listReferralsOfCase(ctx.db, row.id),
    repo.listBookingsOfCase(ctx.db, row.id, row.bookingId),
  ]);
  const { recipients: _recipients, ...caseData } = reply;
  await audit(ctx, { action: 'counselling.case.export', entityType: 'counselling_case', entityId: row.id });
  return {
    exportedAt: ctx.now.toISOString(),
    case: caseData,
    shared: referrals.map((referral) => ({
      referralId: referral.id,
      recipientName: reply.referrals.find((r) => r.id === referral.id)?.recipientName ?? '',
      values: unseal<Record<string, unknown>>(ctx.config, referral.sealedShared),
    })),
    bookings: bookings.map(({ booking, slot }) => ({
      startsAt: slot.startsAt.toISOString(),
      status: booking.status,
      language: booking.language,
      topic: booking.topic,
      mediator: booking.mediator,
      contact: unseal<BookingContact>(ctx.config, booking.sealedContact),
    })),
  };
}

/**
 * Erasure on the client's request (Art. 17 GDPR), by a counsellor of the case's service: the sealed person is
 * replaced by an empty one, notes, referrals (with what they shared, and the clinic's visits on them), the bookings
 * (sealed contact) and the emergency accesses' reasons are deleted; the case is closed. What identifies no one stays
 * for the figures (service, topics, language, district, dates, outcomes). Audited with ids only.
 */
export async function eraseCase(ctx: Ctx, id: string) {
  const row = await readable(ctx, id, 'counselling.case.write');
  const bookings = await repo.listBookingsOfCase(ctx.db, row.id, row.bookingId);
  const updated = await inTransaction(ctx, async (tx) => {
    await repo.anonymiseCase(tx.db, row.id, seal(tx.config, ANONYMOUS), tx.now);
    await repo.deleteBookings(
      tx.db,
      bookings.map((b) => b.booking.id),
    );
    await repo.deleteBreakGlassOfCase(tx.db, row.id);
    const next = await repo.updateCase(tx.db, row.id, {
      status: 'closed',
      closedAt: row.closedAt ?? tx.now,
      bookingId: null,
      updatedAt: tx.now,
    });
    await audit(tx, { action: 'counselling.case.erase', entityType: 'counselling_case', entityId: row.id });
    return next;
  });
  return replyOf(ctx, updated);
}
