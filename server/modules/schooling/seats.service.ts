import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import * as repo from './schooling.repository.ts';
import type { SeatsBody } from './schooling.schema.ts';
import type { SchoolForm, SeatKind } from './schooling.terms.ts';
import { listSchools, listSeatGroups } from './views.ts';

type SchoolRow = Awaited<ReturnType<typeof listSchools>>[number];
type GroupRow = Awaited<ReturnType<typeof listSeatGroups>>[number];

function toSchoolSeats(school: SchoolRow, groups: GroupRow[]) {
  const latest = groups.reduce<GroupRow | null>((a, g) => (!a || g.updatedAt > a.updatedAt ? g : a), null);
  return {
    schoolId: school.id,
    name: school.name,
    districtId: school.districtId ?? school.orgDistrictId ?? '',
    address: school.street ? `${school.street}, ${school.postcode}` : null,
    groups: groups.map((g) => ({
      id: g.id,
      form: g.form as SchoolForm,
      gradeFrom: g.gradeFrom,
      gradeTo: g.gradeTo,
      kind: g.kind as SeatKind,
      free: g.free,
      updatedAt: g.updatedAt.toISOString(),
      updatedBy: g.updatedBy,
    })),
    lastUpdatedAt: latest?.updatedAt.toISOString() ?? null,
    lastUpdatedBy: latest?.updatedBy ?? null,
  };
}

/** Every school's free places, and who last changed them when (KI staff). */
export async function listSchoolSeats(ctx: Ctx) {
  const scope = scopeOf(ctx, 'schooling.seats.list');
  const [schools, groups] = await Promise.all([listSchools(ctx.db), listSeatGroups(ctx.db, scope)]);
  return {
    items: schools.map((school) =>
      toSchoolSeats(
        school,
        groups.filter((g) => g.schoolId === school.id),
      ),
    ),
  };
}

/** One school's free places (its staff, or KI staff). */
export async function getSchoolSeats(ctx: Ctx, schoolId: string) {
  const scope = scopeOf(ctx, 'schooling.seats.read', { schoolId });
  const [school] = await listSchools(ctx.db, schoolId);
  if (!school) throw errors.notFound();
  return toSchoolSeats(school, await listSeatGroups(ctx.db, scope));
}

/** The school's staff set its free places: the full list of groups (groups left out are removed). */
export async function updateSchoolSeats(ctx: Ctx, schoolId: string, body: SeatsBody) {
  authorize(ctx, 'schooling.seats.update', { schoolId });
  const [school] = await listSchools(ctx.db, schoolId);
  if (!school) throw errors.notFound();
  const seen = new Set<string>();
  for (const [i, group] of body.groups.entries()) {
    if (group.gradeFrom > group.gradeTo)
      throw new AppError('schooling.grade_band', { field: `body.groups.${i}.gradeTo` });
    const key = `${group.form}/${group.gradeFrom}/${group.gradeTo}/${group.kind}`;
    if (seen.has(key)) throw new AppError('schooling.band_twice', { field: `body.groups.${i}` });
    seen.add(key);
  }
  await inTransaction(ctx, async (tx) => {
    // Saving the list confirms every group as current: each gets this editor and time.
    const keep: string[] = [];
    for (const group of body.groups) {
      keep.push(
        await repo.upsertSeatGroup(tx.db, { schoolId, ...group, updatedBy: tx.actor.id, updatedAt: tx.now }),
      );
    }
    await repo.deleteSeatGroupsExcept(tx.db, schoolId, keep);
    await audit(tx, {
      action: 'schooling.seats.update',
      entityType: 'organisation',
      entityId: schoolId,
      details: { groups: body.groups.length, free: body.groups.reduce((sum, g) => sum + g.free, 0) },
    });
  });
  return getSchoolSeats(ctx, schoolId);
}

/** The schools by name and address, for the family's wish on the public form (no numbers of places). */
export async function listSchoolDirectory(ctx: Ctx) {
  const scope = scopeOf(ctx, 'schooling.schools.directory');
  const [schools, groups] = await Promise.all([listSchools(ctx.db), listSeatGroups(ctx.db, scope)]);
  return {
    items: schools.map((school) => ({
      id: school.id,
      name: school.name,
      districtId: school.districtId ?? school.orgDistrictId ?? '',
      address: school.street ? `${school.street}, ${school.postcode}` : null,
      forms: [...new Set(groups.filter((g) => g.schoolId === school.id).map((g) => g.form as SchoolForm))],
    })),
  };
}
