import { newCode } from '../../core/codes.ts';
import { audit, auditRead } from '../../core/audit.ts';
import { type Ctx, inTransaction, SYSTEM_ACTOR } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { addMonths, daysBetween } from '../../core/time.ts';
import { listConsents, recordConsent } from '../platform/index.ts';
import {
  CONSENT_COUNSELLING,
  CONSENT_SHARE,
  CONSENT_SUBJECT,
  cityDay,
  placeOf,
  requireUiLanguage,
  weeksWaiting,
} from './common.ts';
import { explanationText } from './explain.ts';
import { appointmentOut } from './counselling.service.ts';
import * as repo from './schooling.repository.ts';
import type {
  ChildrenQuery,
  CreateChildBody,
  RegistrationBody,
  UpdateChildBody,
} from './schooling.schema.ts';
import type { ChildState } from './schooling.terms.ts';
import { listAppointments, placementsOfChild } from './views.ts';

type ChildFields = RegistrationBody['children'][number];
type Consents = CreateChildBody['consents'];

const DATA_CATEGORIES = ['identity', 'languages', 'schooling', 'address', 'special_needs', 'family_contact'];

/** A code the family quotes when calling the KI: two groups of four without look-alikes (`K7QP-2MXD`). */
function confirmationCode(): string {
  return newCode(2);
}

/** Dates that cannot be: born in the future or over 25 years ago, arrived before birth or after today. */
function checkDates(ctx: Ctx, child: { birthDate: string; arrivalDate: string }, field: string) {
  const today = cityDay(ctx);
  if (child.birthDate > today || child.birthDate < addMonths(today, -25 * 12))
    throw new AppError('schooling.date_order', { field: `${field}.birthDate` });
  if (child.arrivalDate > today || child.arrivalDate < child.birthDate)
    throw new AppError('schooling.date_order', { field: `${field}.arrivalDate` });
}

async function checkPreferredSchool(ctx: Ctx, schoolId: string | null, field: string) {
  if (!schoolId) return;
  if ((await repo.findOrganisationKind(ctx.db, schoolId)) !== 'school')
    throw new AppError('schooling.not_a_school', { field: `${field}.preferredSchoolId` });
}

/** The consents' end: the given day (end of it), or a year from today. */
function consentExpiry(ctx: Ctx, consents: Consents): string {
  const day = consents.expiresOn ?? addMonths(cityDay(ctx), 12);
  if (day <= cityDay(ctx))
    throw new AppError('validation.invalid_value', { field: 'body.consents.expiresOn' });
  return `${day}T23:59:59.000Z`;
}

/** Writes one child (of a known family) with the duplicate check and the consents given at intake. */
async function insertChildWithConsents(
  tx: Ctx,
  input: {
    child: ChildFields;
    familyId: string;
    consents: Consents;
    source: 'caseworker' | 'public_form';
    code: string | null;
  },
  field: string,
) {
  const { child } = input;
  const place = placeOf(tx, child.address, `${field}.address`);
  const duplicateOf = await repo.findSameIdentity(tx.db, child);
  const row = await repo.insertChild(tx.db, {
    familyId: input.familyId,
    givenName: child.givenName,
    familyName: child.familyName,
    birthDate: child.birthDate,
    languages: child.languages,
    schoolYears: child.schoolYears,
    lastGrade: child.lastGrade,
    literateLatin: child.literateLatin,
    arrivalDate: child.arrivalDate,
    registeredOn: cityDay(tx),
    street: child.address.street,
    postcode: child.address.postcode,
    ...place,
    specialNeeds: child.specialNeeds,
    preferredSchoolId: child.preferredSchoolId,
    state: 'registered',
    possibleDuplicateOf: duplicateOf ?? null,
    source: input.source,
    confirmationCode: input.code,
    reviewedAt: input.source === 'caseworker' ? tx.now : null,
    createdBy: tx.actor.id,
    createdAt: tx.now,
    updatedAt: tx.now,
  });
  // Consent is the family's; the public form records it as the system, a caseworker as themself.
  const consentCtx = input.source === 'public_form' ? { ...tx, actor: SYSTEM_ACTOR } : tx;
  const expiresAt = consentExpiry(tx, input.consents);
  const purposes = [CONSENT_COUNSELLING, ...(input.consents.shareWithSchool ? [CONSENT_SHARE] : [])];
  for (const purpose of purposes) {
    await recordConsent(consentCtx, {
      subjectType: CONSENT_SUBJECT,
      subjectId: row.id,
      purpose,
      dataCategories: DATA_CATEGORIES,
      expiresAt,
      // The family gives it on the form, or to the caseworker at the intake appointment.
      channel: input.source === 'public_form' ? 'online_form' : 'in_person',
    });
  }
  await audit(tx, {
    action: 'schooling.child.create',
    entityType: 'schooling_child',
    entityId: row.id,
    details: { source: input.source, possibleDuplicate: !!duplicateOf },
  });
  return row;
}

/** The public form: a family registers its children; only a confirmation code comes back. */
export async function registerFromForm(ctx: Ctx, body: RegistrationBody) {
  authorize(ctx, 'schooling.register');
  requireUiLanguage(ctx, body.contact.letterLanguage, 'body.contact.letterLanguage');
  for (const [i, child] of body.children.entries()) {
    checkDates(ctx, child, `body.children.${i}`);
    await checkPreferredSchool(ctx, child.preferredSchoolId, `body.children.${i}`);
  }
  consentExpiry(ctx, body.consents);
  const code = confirmationCode();
  await inTransaction(ctx, async (tx) => {
    const family = await repo.insertFamily(tx.db, { ...body.contact, createdAt: tx.now });
    for (const [i, child] of body.children.entries()) {
      await insertChildWithConsents(
        tx,
        { child, familyId: family.id, consents: body.consents, source: 'public_form', code },
        `body.children.${i}`,
      );
    }
  });
  return { confirmationCode: code, children: body.children.length };
}

/** A caseworker enters a child, into a new family or next to a registered sibling. */
export async function createChild(ctx: Ctx, body: CreateChildBody) {
  authorize(ctx, 'schooling.children.write');
  checkDates(ctx, body, 'body');
  await checkPreferredSchool(ctx, body.preferredSchoolId, 'body');
  if (body.familyId) {
    const family = await repo.findFamily(ctx.db, body.familyId);
    if (!family || family.anonymisedAt) throw errors.invalid('body.familyId', 'validation.invalid_value');
  } else if (!body.contact) {
    throw new AppError('schooling.contact_required', { field: 'body.contact' });
  } else {
    requireUiLanguage(ctx, body.contact.letterLanguage, 'body.contact.letterLanguage');
  }
  consentExpiry(ctx, body.consents);
  return inTransaction(ctx, async (tx) => {
    const familyId =
      body.familyId ??
      (
        await repo.insertFamily(tx.db, {
          ...(body.contact as NonNullable<typeof body.contact>),
          createdAt: tx.now,
        })
      ).id;
    const row = await insertChildWithConsents(
      tx,
      { child: body, familyId, consents: body.consents, source: 'caseworker', code: null },
      'body',
    );
    return { id: row.id, familyId, possibleDuplicateOf: row.possibleDuplicateOf };
  });
}

function toSummary(ctx: Ctx, row: repo.ChildRow) {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    birthDate: row.birthDate,
    languages: row.languages,
    districtId: row.districtId,
    state: row.state as ChildState,
    familyId: row.familyId,
    registeredOn: row.registeredOn,
    source: row.source as 'caseworker' | 'public_form',
    reviewed: row.reviewedAt !== null,
    possibleDuplicateOf: row.possibleDuplicateOf,
    weeksWaiting: weeksWaiting(ctx, row),
  };
}

/** The caseworkers' list of children; every child shown is an audited read. */
export async function listChildren(ctx: Ctx, query: ChildrenQuery) {
  authorize(ctx, 'schooling.children.read');
  if (query.district && !ctx.city.districts.some((d) => d.id === query.district))
    throw errors.invalid('query.district', 'validation.invalid_value');
  const filter = {
    ...(query.state ? { state: query.state } : {}),
    ...(query.q ? { q: query.q } : {}),
    duplicates: query.duplicates === 'true',
    ...(query.district ? { districtId: query.district } : {}),
    ...(query.min_weeks ? { minWeeks: { weeks: query.min_weeks, today: cityDay(ctx) } } : {}),
  };
  const [rows, total] = await Promise.all([
    repo.listChildren(ctx.db, {
      ...filter,
      limit: query.per_page,
      offset: (query.page - 1) * query.per_page,
    }),
    repo.countChildren(ctx.db, filter),
  ]);
  for (const row of rows) await auditRead(ctx, 'schooling_child', row.id);
  return { items: rows.map((row) => toSummary(ctx, row)), total, page: query.page, perPage: query.per_page };
}

/** One child's whole record (audited): family, consents, counselling, assessment, placements. */
export async function getChild(ctx: Ctx, id: string) {
  authorize(ctx, 'schooling.children.read');
  const row = await repo.findChild(ctx.db, id);
  if (!row) throw errors.notFound();
  await auditRead(ctx, 'schooling_child', id);
  const [family, siblings, consents, appointments, assessment, placements] = await Promise.all([
    repo.findFamily(ctx.db, row.familyId),
    repo.siblingsOf(ctx.db, row.familyId, id),
    listConsents(ctx, { subjectType: CONSENT_SUBJECT, subjectId: id }),
    listAppointments(ctx.db, id),
    repo.findAssessment(ctx.db, id),
    placementsOfChild(ctx.db, id),
  ]);
  const nextWithMediator = appointments.find(
    (a) => a.status === 'planned' && a.mediatorNeeded && a.mediatorLanguage,
  );
  const placementsOut = [];
  for (const { placement, schoolName } of placements) {
    placementsOut.push({
      id: placement.id,
      schoolId: placement.schoolId,
      schoolName,
      runId: placement.runId,
      status: placement.status as 'proposed',
      refusalReason: placement.refusalReason,
      startDate: placement.startDate,
      firstSchoolDay: placement.firstSchoolDay,
      proposedAt: placement.proposedAt.toISOString(),
      explanation: placement.runId ? await explanationText(ctx, placement.runId, id) : null,
    });
  }
  return {
    ...toSummary(ctx, row),
    schoolYears: row.schoolYears,
    lastGrade: row.lastGrade,
    literateLatin: row.literateLatin,
    arrivalDate: row.arrivalDate,
    address: {
      street: row.street,
      postcode: row.postcode,
      ortsteilId: row.ortsteilId,
      lat: row.lat,
      lon: row.lon,
    },
    specialNeeds: row.specialNeeds,
    preferredSchoolId: row.preferredSchoolId,
    firstSchoolDay: row.firstSchoolDay,
    waitingDays: row.firstSchoolDay ? daysBetween(row.registeredOn, row.firstSchoolDay) : null,
    family: {
      id: row.familyId,
      guardianName: family?.guardianName ?? '',
      email: family?.email ?? null,
      phone: family?.phone ?? null,
      letterLanguage: family?.letterLanguage ?? 'de',
      siblings: siblings.map((s) => ({ ...s, state: s.state as ChildState })),
    },
    consents: [CONSENT_COUNSELLING, CONSENT_SHARE].map((purpose) => {
      const latest = consents.find((c) => c.purpose === purpose);
      return { purpose, valid: latest?.valid ?? false, expiresAt: latest?.expiresAt ?? null };
    }),
    mediator: nextWithMediator
      ? {
          language: nextWithMediator.mediatorLanguage as string,
          appointmentId: nextWithMediator.id,
          startsAt: nextWithMediator.startsAt.toISOString(),
        }
      : null,
    appointments: appointments.map(appointmentOut),
    assessment: assessment
      ? {
          grade: assessment.grade,
          forms: assessment.forms as ('grundschule' | 'gesamtschule')[],
          kind: assessment.kind as 'support' | 'regular',
          assessedAt: assessment.assessedAt.toISOString(),
        }
      : null,
    placements: placementsOut,
  };
}

/** Corrects a child's data, or marks a registration from the public form as reviewed. */
export async function updateChild(ctx: Ctx, id: string, body: UpdateChildBody) {
  authorize(ctx, 'schooling.children.write');
  const row = await repo.findChild(ctx.db, id);
  if (!row) throw errors.notFound();
  const merged = {
    givenName: body.givenName ?? row.givenName,
    familyName: body.familyName ?? row.familyName,
    birthDate: body.birthDate ?? row.birthDate,
  };
  checkDates(ctx, { birthDate: merged.birthDate, arrivalDate: row.arrivalDate }, 'body');
  if (body.preferredSchoolId !== undefined) await checkPreferredSchool(ctx, body.preferredSchoolId, 'body');
  const place = body.address ? placeOf(ctx, body.address, 'body.address') : null;
  return inTransaction(ctx, async (tx) => {
    const duplicateOf = await repo.findSameIdentity(tx.db, { ...merged, exceptId: id });
    const { address, reviewed, ...fields } = body;
    await repo.updateChild(tx.db, id, {
      ...fields,
      ...(address && place ? { street: address.street, postcode: address.postcode, ...place } : {}),
      possibleDuplicateOf: duplicateOf ?? null,
      ...(reviewed ? { reviewedAt: row.reviewedAt ?? tx.now } : {}),
      updatedAt: tx.now,
    });
    await audit(tx, {
      action: 'schooling.child.update',
      entityType: 'schooling_child',
      entityId: id,
      details: { fields: Object.keys(body).join(',') },
    });
    return getChild(tx, id);
  });
}
