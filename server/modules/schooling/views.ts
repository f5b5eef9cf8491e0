// The module's rows with what other modules own (names of schools and accounts, states of mediator requests):
// one query for the rows, then one batched lookup per other module, through that module's index.ts.
import type { Tx } from '../../core/db.ts';
import type { Scope } from '../../core/policy.ts';
import { guideRequestStates } from '../guides/index.ts';
import { accountNames, listOrganisationsOfKind, organisationNames } from '../platform/index.ts';
import * as repo from './schooling.repository.ts';

/** Every organisation of kind school (by name), with its address when the module knows it. */
export async function listSchools(db: Tx, schoolId?: string) {
  const [schools, addresses] = await Promise.all([
    listOrganisationsOfKind(db, { kind: 'school', id: schoolId }),
    repo.listSchoolAddresses(db, schoolId),
  ]);
  const addressOf = new Map(addresses.map((address) => [address.organisationId, address]));
  return schools.map((school) => {
    const address = addressOf.get(school.id);
    return {
      id: school.id,
      name: school.name,
      orgDistrictId: school.districtId,
      street: address?.street ?? null,
      postcode: address?.postcode ?? null,
      districtId: address?.districtId ?? null,
      ortsteilId: address?.ortsteilId ?? null,
      lat: address?.lat ?? null,
      lon: address?.lon ?? null,
    };
  });
}

/** Seat groups with the name of who changed them last. */
export async function listSeatGroups(db: Tx, scope: Scope) {
  const groups = await repo.listSeatGroupRows(db, scope);
  const names = await accountNames(
    db,
    groups.flatMap((group) => (group.updatedBy ? [group.updatedBy] : [])),
  );
  return groups.map((group) => ({
    ...group,
    updatedBy: group.updatedBy ? (names.get(group.updatedBy) ?? null) : null,
  }));
}

/** A child's appointments with the caseworker's name and the state of the mediator request, if one was made. */
export async function listAppointments(db: Tx, childId: string) {
  const appointments = await repo.listAppointmentRows(db, childId);
  const [names, states] = await Promise.all([
    accountNames(
      db,
      appointments.map((a) => a.caseworkerId),
    ),
    guideRequestStates(
      db,
      appointments.flatMap((a) => (a.guideRequestId ? [a.guideRequestId] : [])),
    ),
  ]);
  return appointments.map((a) => ({
    ...a,
    caseworkerName: names.get(a.caseworkerId) ?? '',
    guideRequestState: a.guideRequestId ? (states.get(a.guideRequestId) ?? null) : null,
  }));
}

/** A child's placements (not superseded), newest first, with the school's name. */
export async function placementsOfChild(db: Tx, childId: string) {
  const placements = await repo.placementRowsOfChild(db, childId);
  const names = await organisationNames(
    db,
    placements.map((p) => p.schoolId),
  );
  return placements.map((placement) => ({ placement, schoolName: names.get(placement.schoolId) ?? '' }));
}
