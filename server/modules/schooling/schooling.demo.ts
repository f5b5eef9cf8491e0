/**
 * Demo data on the first start: the schools of cities/<CITY>/schooling-demo.json with their free places and one
 * staff account each (its `schoolAccounts`), and about 60 invented children (siblings among them) who wait with an assessment, so a placement run shows
 * proposals, siblings kept together and children without a place; a few already attend school (for the figures).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { addDays, addMonths } from '../../core/time.ts';
import { ensureDemoAccounts, ensureOrganisation, recordConsent } from '../platform/index.ts';
import { CONSENT_COUNSELLING, CONSENT_SHARE, CONSENT_SUBJECT, cityDay, placeOf } from './common.ts';
import { buildChild, seededRandom } from './schooling.factories.ts';
import * as repo from './schooling.repository.ts';
import type { schoolingFamilies } from './schooling.tables.ts';
import { SCHOOL_FORMS, SEAT_KINDS, type SchoolForm } from './schooling.terms.ts';
import { listSchools } from './views.ts';

const demoSchema = z.object({
  /** One account per school that offers places: `{id}` and `{name}` in the templates are the school's. */
  schoolAccounts: z
    .object({ email: z.string().includes('{id}'), displayName: z.string().includes('{name}') })
    .optional(),
  schools: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      districtId: z.string(),
      ortsteilId: z.string(),
      street: z.string(),
      postcode: z.string(),
      lat: z.number(),
      lon: z.number(),
      seats: z.array(
        z.object({
          form: z.enum(SCHOOL_FORMS),
          gradeFrom: z.number().int(),
          gradeTo: z.number().int(),
          kind: z.enum(SEAT_KINDS),
          free: z.number().int(),
        }),
      ),
    }),
  ),
});

type DemoSchool = z.infer<typeof demoSchema>['schools'][number];
/** Invented names per main language, and the UI language the family reads. */
const PEOPLE = [
  {
    language: 'ara',
    letter: 'ar',
    family: ['Haddad', 'Khalil', 'Najjar', 'Saleh', 'Darwish'],
    given: ['Omar', 'Lina', 'Yusuf', 'Maya', 'Karim', 'Nour', 'Hadi', 'Rania'],
    guardian: ['Samira', 'Ahmad', 'Fatima', 'Khaled'],
  },
  {
    language: 'ron',
    letter: 'ro',
    family: ['Popescu', 'Ionescu', 'Dumitru', 'Stan'],
    given: ['Andrei', 'Ioana', 'Mihai', 'Elena', 'Vlad', 'Daria'],
    guardian: ['Maria', 'Gheorghe', 'Ana'],
  },
  {
    language: 'bul',
    letter: 'bg',
    family: ['Ivanov', 'Petrova', 'Georgiev', 'Dimitrova'],
    given: ['Nikolai', 'Desislava', 'Boris', 'Yana', 'Emil'],
    guardian: ['Stefka', 'Ivan', 'Radka'],
  },
  {
    language: 'ukr',
    letter: 'uk',
    family: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Melnyk'],
    given: ['Olena', 'Taras', 'Sofiia', 'Maksym', 'Iryna', 'Danylo'],
    guardian: ['Oksana', 'Andrii', 'Natalia'],
  },
  {
    language: 'fas',
    letter: 'fa',
    family: ['Ahmadi', 'Karimi', 'Hosseini'],
    given: ['Arash', 'Shirin', 'Dariush', 'Parisa', 'Navid'],
    guardian: ['Mahnaz', 'Reza', 'Leila'],
  },
  {
    language: 'tur',
    letter: 'tr',
    family: ['Yılmaz', 'Demir', 'Kaya'],
    given: ['Emre', 'Elif', 'Can', 'Zeynep'],
    guardian: ['Ayşe', 'Mehmet'],
  },
  {
    language: 'kmr',
    letter: 'ar',
    family: ['Xelîl', 'Bozan'],
    given: ['Rojda', 'Berxwedan', 'Dilan'],
    guardian: ['Şirîn', 'Azad'],
  },
] as const;
const STREETS = [
  'Kaiser-Wilhelm-Straße',
  'Hauptstraße',
  'Lindenstraße',
  'Gartenstraße',
  'Schulstraße',
  'Bergstraße',
];
/** Where the demo families live: mostly the northern districts and Hochfeld, where most newcomers live. */
const HOMES = [
  'marxloh',
  'marxloh',
  'obermarxloh',
  'alt-hamborn',
  'neumuehl',
  'hochfeld',
  'hochfeld',
  'dellviertel',
  'bruckhausen',
  'laar',
  'mittelmeiderich',
  'hochheide',
  'rheinhausen-mitte',
  'vierlinden',
  'wanheimerort',
  'huettenheim',
  'friemersheim',
  'beeck',
];
const SECONDARY: SchoolForm[] = ['gesamtschule', 'hauptschule', 'realschule', 'gymnasium'];

function readDemo(ctx: Ctx) {
  const file = path.join(ctx.config.cityDir, 'schooling-demo.json');
  if (!existsSync(file)) return null;
  return demoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The demo schools, their addresses and free places. */
async function seedSchools(ctx: Ctx, schools: DemoSchool[]) {
  for (const school of schools) {
    await ensureOrganisation(ctx, {
      id: school.id,
      name: school.name,
      kind: 'school',
      districtId: school.districtId,
    });
    await repo.upsertSchool(ctx.db, {
      organisationId: school.id,
      street: school.street,
      postcode: school.postcode,
      districtId: school.districtId,
      ortsteilId: school.ortsteilId,
      lat: school.lat,
      lon: school.lon,
    });
    for (const seat of school.seats) {
      await repo.upsertSeatGroup(ctx.db, {
        schoolId: school.id,
        ...seat,
        updatedBy: null,
        updatedAt: ctx.now,
      });
    }
  }
}

/**
 * One staff account (role institution) for every school that offers places, so each school's page can be tried;
 * a school that already has one in demo.json (the Gesamtschule Hochfeld's schule@…) gets no second.
 */
async function seedSchoolAccounts(
  ctx: Ctx,
  schools: DemoSchool[],
  template: NonNullable<z.infer<typeof demoSchema>['schoolAccounts']>,
) {
  const staffed = new Set(
    ctx.city.demo.accounts.filter((a) => a.role === 'institution').map((a) => a.organisationId),
  );
  await ensureDemoAccounts(
    ctx,
    schools
      .filter((school) => school.seats.length > 0 && !staffed.has(school.id))
      .map((school) => ({
        email: template.email.replaceAll('{id}', school.id),
        displayName: template.displayName.replaceAll('{name}', school.name),
        role: 'institution',
        organisationId: school.id,
        locale: 'de',
      })),
  );
}

/** The forms that fit a grade: Grundschule up to 4, Berufskolleg from 11, else one to three secondary forms. */
function formsFor(grade: number, random: () => number): SchoolForm[] {
  if (grade <= 4) return ['grundschule'];
  if (grade >= 11) return ['berufskolleg'];
  const first =
    random() < 0.6 ? 'gesamtschule' : (SECONDARY[Math.floor(random() * SECONDARY.length)] as SchoolForm);
  const more = SECONDARY.filter((f) => f !== first && f !== 'gymnasium' && random() < 0.45);
  return [first, ...more];
}

/**
 * About 60 children in families of one to three, registered weeks ago, counselled and assessed: written in a few
 * bulk inserts (the first start stays quick), with the family's consents through the platform.
 */
async function seedChildren(ctx: Ctx) {
  const random = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const today = cityDay(ctx);
  const ortsteile = new Map(ctx.city.districts.flatMap((d) => d.ortsteile.map((o) => [o.id, o] as const)));
  const families: (typeof schoolingFamilies.$inferInsert)[] = [];
  const planned: {
    family: number;
    child: ReturnType<typeof buildChild>;
    registeredOn: string;
    share: boolean;
    assessment: { grade: number; forms: SchoolForm[]; kind: 'support' | 'regular' };
  }[] = [];
  for (let familyNo = 0; planned.length < 60; familyNo++) {
    const people = pick(PEOPLE);
    const familyName = pick(people.family);
    const home = ortsteile.get(pick(HOMES));
    if (!home) continue;
    families.push({
      guardianName: `${pick(people.guardian)} ${familyName}`,
      email: `familie-${familyNo}@example.org`,
      phone: `+49 203 555 ${String(1000 + familyNo).slice(-4)}`,
      letterLanguage: people.letter,
      createdAt: ctx.now,
    });
    const size = random() < 0.55 ? 1 : random() < 0.75 ? 2 : 3;
    const registeredDaysAgo = 7 + Math.floor(random() * 200);
    const street = `${pick(STREETS)} ${1 + Math.floor(random() * 120)}`;
    const lat = home.centre.lat + (random() - 0.5) * 0.01;
    const lon = home.centre.lon + (random() - 0.5) * 0.014;
    for (let i = 0; i < size; i++) {
      const age = 6 + Math.floor(random() * 12);
      const grade = Math.min(13, Math.max(1, age - 5 - (random() < 0.4 ? 1 : 0)));
      const literateLatin = random() < 0.35;
      planned.push({
        family: families.length - 1,
        registeredOn: addDays(today, -registeredDaysAgo),
        share: random() < 0.9,
        child: buildChild({
          givenName: pick(people.given),
          familyName,
          birthDate: addDays(today, -(age * 365 + Math.floor(random() * 300))),
          languages: random() < 0.3 ? [people.language, 'eng'] : [people.language],
          schoolYears: Math.max(0, age - 6 - Math.floor(random() * 3)),
          lastGrade: age > 7 ? Math.max(1, grade - 1) : null,
          literateLatin,
          arrivalDate: addDays(today, -(registeredDaysAgo + 10 + Math.floor(random() * 40))),
          address: { street, postcode: home.postcodes[0] ?? '47051', ortsteilId: home.id, lat, lon },
        }),
        assessment: {
          grade,
          forms: formsFor(grade, random),
          kind: literateLatin && random() < 0.5 ? 'regular' : 'support',
        },
      });
    }
  }
  const familyIds = await repo.insertFamilies(ctx.db, families);
  const childIds = await repo.insertChildren(
    ctx.db,
    planned.map(({ family, child, registeredOn }) => {
      const { address, ...fields } = child;
      return {
        ...fields,
        familyId: familyIds[family]?.id as string,
        street: address.street,
        postcode: address.postcode,
        ...placeOf(ctx, address, 'demo'),
        registeredOn,
        state: 'waiting',
        source: 'caseworker',
        reviewedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
    }),
  );
  await repo.insertAssessments(
    ctx.db,
    planned.map(({ assessment }, i) => ({
      childId: childIds[i]?.id as string,
      ...assessment,
      assessedAt: ctx.now,
    })),
  );
  const expiresAt = `${addMonths(today, 12)}T23:59:59.000Z`;
  for (const [i, { share }] of planned.entries()) {
    for (const purpose of share ? [CONSENT_COUNSELLING, CONSENT_SHARE] : [CONSENT_COUNSELLING]) {
      await recordConsent(ctx, {
        subjectType: CONSENT_SUBJECT,
        subjectId: childIds[i]?.id as string,
        purpose,
        dataCategories: ['identity', 'languages', 'schooling', 'address', 'family_contact'],
        expiresAt,
        channel: 'in_person',
      });
    }
  }
}

/** Six children who already attend school, for the waiting-time figures. */
async function seedAttending(ctx: Ctx) {
  const today = cityDay(ctx);
  const rows = await repo.listChildren(ctx.db, { state: 'waiting', limit: 6, offset: 0 });
  const [school] = await listSchools(ctx.db, 'gesamtschule-hochfeld');
  if (!school) return;
  for (const [i, row] of rows.entries()) {
    const firstDay = addDays(today, -(20 + i * 9));
    const registeredOn = addDays(firstDay, -(50 + i * 17));
    await repo.insertPlacements(ctx.db, [
      {
        childId: row.id,
        schoolId: school.id,
        status: 'accepted',
        startDate: firstDay,
        firstSchoolDay: firstDay,
        proposedAt: new Date(`${registeredOn}T09:00:00Z`),
      },
    ]);
    await repo.updateChild(ctx.db, row.id, { registeredOn, firstSchoolDay: firstDay, state: 'attending' });
  }
}

/** The schooling module's demo data (first start in demo mode). */
export async function seedSchoolingDemo(ctx: Ctx): Promise<void> {
  const demo = readDemo(ctx);
  if (!demo) return;
  await seedSchools(ctx, demo.schools);
  if (demo.schoolAccounts) await seedSchoolAccounts(ctx, demo.schools, demo.schoolAccounts);
  await seedChildren(ctx);
  await seedAttending(ctx);
}
