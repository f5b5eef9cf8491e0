/**
 * Demo data on the first start, from cities/<CITY>/network-demo.json: 60 actors (the demo organisations and 50
 * invented ones in real Ortsteile, three waiting for approval), 400 activities (most of them recurring), the house
 * account of the Begegnungszentrum, a few room bookings, three working groups. Seeded, so every first start makes
 * the same data (relative to the day of the start).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { addDays, isoWeekday, localDate, zonedToUtc } from '../../core/time.ts';
import { CATEGORIES, TARGET_GROUPS } from '../directory/index.ts';
import { ensureDemoAccounts, ensureOrganisation } from '../platform/index.ts';
import * as repo from './network.repository.ts';
import { ACTIVITY_KINDS, ACTOR_KINDS, type ActorKind, ORGANISATION_KIND_OF } from './network.terms.ts';
import { expand } from './recurrence.ts';
import { networkSettings } from './settings.ts';

export const DEMO_HOUSE_ACCOUNT = 'haus@demo.lotse.example';
export const DEMO_ACTORS = 60;
export const DEMO_ACTIVITIES = 400;
const PENDING = 3;

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const weekday = z.enum(WEEKDAYS);
const targetGroup = z.enum(TARGET_GROUPS);
const demoSchema = z.object({
  houseAccount: z.object({
    email: z.string(),
    displayName: z.string(),
    role: z.string(),
    organisationId: z.string(),
    locale: z.string(),
  }),
  existing: z.array(
    z.object({
      organisationId: z.string(),
      kind: z.enum(ACTOR_KINDS),
      public: z.boolean(),
      topics: z.array(z.enum(CATEGORIES)),
      targetGroups: z.array(targetGroup),
      languages: z.array(z.string()),
    }),
  ),
  fixedActivities: z.array(
    z.object({
      organisationId: z.string(),
      title: z.string(),
      description: z.string(),
      kind: z.enum(ACTIVITY_KINDS),
      weekday,
      from: z.string(),
      to: z.string(),
      ortsteilId: z.string(),
      place: z.string(),
      targetGroups: z.array(targetGroup),
      languages: z.array(z.string()),
      public: z.boolean(),
    }),
  ),
  quietSlots: z.array(z.object({ ortsteile: z.array(z.string()), weekday, targetGroup })),
  names: z.partialRecord(z.enum(ACTOR_KINDS), z.array(z.string()).min(1)),
  kindTopics: z.record(z.enum(ACTOR_KINDS), z.array(z.enum(CATEGORIES)).min(1)),
  contactNames: z.array(z.string()).min(1),
  activities: z.array(
    z.object({
      title: z.string(),
      kind: z.enum(ACTIVITY_KINDS),
      targetGroups: z.array(targetGroup).min(1),
      minutes: z.number().int().positive(),
      topic: z.enum(CATEGORIES),
      schoolTerm: z.boolean().optional(),
      once: z.boolean().optional(),
    }),
  ),
  workingGroups: z.array(z.object({ name: z.string(), topic: z.enum(CATEGORIES), size: z.number().int() })),
});
type Demo = z.infer<typeof demoSchema>;

function readDemo(ctx: Ctx): Demo {
  const file = path.join(ctx.config.cityDir, 'network-demo.json');
  return demoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A small seeded random source (a linear congruential generator), so every first start makes the same data. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const some = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0] as T);
    return out;
  };
  return { next, pick, some };
}

const LANGUAGES = ['deu', 'tur', 'ara', 'ron', 'bul', 'rom', 'ukr', 'rus', 'pol', 'fas', 'kmr', 'eng'];
const STARTS = ['09:00', '09:30', '10:00', '11:00', '14:00', '15:00', '15:30', '16:00', '17:00', '18:00'];
/**
 * The kinds of the invented actors, in turn. No invented schools: a platform organisation of kind school is a school
 * of the schooling module too (its lists and placement); the demo's schools are the demo organisations'.
 */
const KIND_MIX: ActorKind[] = [
  'provider',
  'provider',
  'migrant_organisation',
  'migrant_organisation',
  'migrant_organisation',
  'association',
  'association',
  'kita',
  'kita',
  'religious',
  'initiative',
  'initiative',
  'administration',
];

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70);
const minutesToTime = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const plus = (time: string, minutes: number) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return minutesToTime(Math.min(h * 60 + m + minutes, 22 * 60));
};
/** The first day on or after `date` that falls on the weekday. */
const onOrAfter = (date: string, day: (typeof WEEKDAYS)[number]) =>
  addDays(date, (WEEKDAYS.indexOf(day) + 1 - isoWeekday(date) + 7) % 7);

/** The meeting centre's rooms from the city profile, written at every start (reference data). */
export async function seedRooms(ctx: Ctx): Promise<void> {
  const { centre } = networkSettings(ctx);
  for (const room of centre.rooms) await repo.upsertRoom(ctx.db, { ...room, centreId: centre.id });
}

export async function seedNetworkDemo(ctx: Ctx): Promise<void> {
  if ((await repo.countActors(ctx.db)) > 0) return;
  const demo = readDemo(ctx);
  const random = randomSource(18);
  const settings = networkSettings(ctx);
  const timeZone = ctx.city.profile.timezone;
  const today = localDate(ctx.now, timeZone);
  const ortsteile = ctx.city.districts.flatMap((d) =>
    d.ortsteile.map((o) => ({ id: o.id, name: o.name, districtId: d.id, district: d.name })),
  );
  await ensureDemoAccounts(ctx, [demo.houseAccount]);

  // Actors: the demo organisations, then invented ones in real Ortsteile.
  type Made = {
    id: string;
    organisationId: string;
    home: (typeof ortsteile)[number];
    topics: string[];
    public: boolean;
    approved: boolean;
  };
  const made: Made[] = [];
  const homeOf = (districtId: string | null) =>
    random.pick(ortsteile.filter((o) => !districtId || o.districtId === districtId));
  const orgDistricts = new Map(ctx.city.demo.organisations.map((o) => [o.id, o.districtId]));
  for (const entry of demo.existing) {
    const home = homeOf(orgDistricts.get(entry.organisationId) ?? null);
    const actor = await repo.insertActor(ctx.db, {
      organisationId: entry.organisationId,
      kind: entry.kind,
      status: 'approved',
      districts: [home.districtId],
      topics: entry.topics,
      languages: entry.languages,
      targetGroups: entry.targetGroups,
      public: entry.public,
      approvedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    made.push({
      id: actor.id,
      organisationId: entry.organisationId,
      home,
      topics: entry.topics,
      public: entry.public,
      approved: true,
    });
  }
  const names = new Set<string>();
  let invented = 0;
  while (made.length < DEMO_ACTORS) {
    const kind = KIND_MIX[invented % KIND_MIX.length] as ActorKind;
    const home = random.pick(ortsteile);
    const name = random
      .pick(demo.names[kind] ?? [])
      .replace('{ortsteil}', home.name)
      .replace('{district}', home.district);
    if (names.has(name)) continue;
    names.add(name);
    invented++;
    const organisationId = `netz-${slug(name)}`;
    await ensureOrganisation(ctx, {
      id: organisationId,
      name,
      kind: ORGANISATION_KIND_OF[kind],
      districtId: home.districtId,
    });
    const approved = made.length < DEMO_ACTORS - PENDING;
    const topics = random.some(demo.kindTopics[kind] ?? [], 2);
    const actor = await repo.insertActor(ctx.db, {
      organisationId,
      kind,
      status: approved ? 'approved' : 'pending',
      districts: [...new Set([home.districtId, random.pick(ortsteile).districtId])],
      topics,
      languages: ['deu', ...random.some(LANGUAGES.slice(1), 1 + Math.floor(random.next() * 3))],
      targetGroups: random.some(TARGET_GROUPS, 2 + Math.floor(random.next() * 3)),
      public: random.next() < 0.8,
      approvedAt: approved ? ctx.now : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const contact = random.pick(demo.contactNames);
    await repo.insertContact(ctx.db, {
      actorId: actor.id,
      name: contact,
      role: 'Ansprechperson',
      email: `${slug(contact).replace(/-/g, '.')}@${organisationId.slice(5, 30)}.example.org`,
      phone: `0203 ${String(100000 + Math.floor(random.next() * 800000))}`,
      consentAt: ctx.now,
      createdAt: ctx.now,
    });
    made.push({ id: actor.id, organisationId, home, topics, public: actor.public, approved });
  }

  // Activities: the fixed ones, then invented ones from the templates.
  const window = {
    fromDate: addDays(today, -42),
    toDate: addDays(today, settings.horizonDays),
    timeZone,
    holidays: settings.schoolHolidays,
  };
  const first = addDays(today, -28);
  const save = async (actor: Made, input: Omit<repo.NewActivity, 'actorId' | 'createdAt' | 'updatedAt'>) => {
    const row = await repo.insertActivity(ctx.db, {
      ...input,
      actorId: actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const { occurrences } = expand(
      {
        date: row.startDate,
        from: row.startTime,
        to: row.endTime,
        rrule: row.rrule,
        exceptions: row.exceptions,
        skipSchoolHolidays: row.skipSchoolHolidays,
      },
      window,
      600,
    );
    await repo.insertOccurrences(
      ctx.db,
      {
        activityId: row.id,
        actorId: row.actorId,
        ortsteilId: row.ortsteilId,
        targetGroups: row.targetGroups,
        public: row.public,
      },
      occurrences,
    );
    return row;
  };
  const byOrganisation = new Map(made.map((m) => [m.organisationId, m]));
  let count = 0;
  for (const fixed of demo.fixedActivities) {
    const actor = byOrganisation.get(fixed.organisationId);
    if (!actor) continue;
    const district = ortsteile.find((o) => o.id === fixed.ortsteilId)?.districtId ?? actor.home.districtId;
    await save(actor, {
      title: fixed.title,
      description: fixed.description,
      kind: fixed.kind,
      startDate: onOrAfter(first, fixed.weekday),
      startTime: fixed.from,
      endTime: fixed.to,
      rrule: `FREQ=WEEKLY;BYDAY=${fixed.weekday}`,
      exceptions: [],
      skipSchoolHolidays: false,
      ortsteilId: fixed.ortsteilId,
      districtId: district,
      place: fixed.place,
      roomId: null,
      targetGroups: fixed.targetGroups,
      languages: fixed.languages,
      public: fixed.public,
    });
    count++;
  }
  const quiet = (ortsteilId: string, day: string, groups: readonly string[]) =>
    demo.quietSlots.some(
      (q) => q.weekday === day && q.ortsteile.includes(ortsteilId) && groups.includes(q.targetGroup),
    );
  const approvedActors = made.filter((m) => m.approved);
  const roomIds = settings.centre.rooms.map((r) => r.id);
  const roomActivities: repo.ActivityRow[] = [];
  while (count < DEMO_ACTIVITIES) {
    const actor = approvedActors[count % approvedActors.length] as Made;
    const fitting = demo.activities.filter((a) => actor.topics.includes(a.topic));
    const template = random.pick(fitting.length && random.next() < 0.7 ? fitting : demo.activities);
    const inCentre = random.next() < 0.12;
    const place = inCentre
      ? (ortsteile.find((o) => o.id === settings.centre.ortsteilId) ?? actor.home)
      : random.next() < 0.75
        ? actor.home
        : random.pick(ortsteile.filter((o) => o.districtId === actor.home.districtId));
    let day: (typeof WEEKDAYS)[number] = random.pick(WEEKDAYS.slice(0, 6));
    if (quiet(place.id, day, template.targetGroups)) day = 'FR';
    const from = random.pick(STARTS);
    const shape = template.once ? 1 : random.next();
    let date = onOrAfter(first, day);
    let rrule: string | null = null;
    if (shape < 0.55) rrule = `FREQ=WEEKLY;BYDAY=${day}`;
    else if (shape < 0.7) rrule = `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
    else if (shape < 0.85) rrule = `FREQ=MONTHLY;BYDAY=1${day}`;
    else {
      date = onOrAfter(addDays(today, Math.floor(random.next() * 56)), day);
    }
    const exceptions =
      rrule?.startsWith('FREQ=WEEKLY;BYDAY') && random.next() < 0.2
        ? [addDays(onOrAfter(today, day), 21)]
        : [];
    const row = await save(actor, {
      title: template.title,
      description: null,
      kind: template.kind,
      startDate: date,
      startTime: from,
      endTime: plus(from, template.minutes),
      rrule,
      exceptions,
      skipSchoolHolidays: !!template.schoolTerm,
      ortsteilId: place.id,
      districtId: place.districtId,
      place: inCentre
        ? settings.centre.name
        : `${place.name}, Treffpunkt ${1 + Math.floor(random.next() * 40)}`,
      roomId: inCentre ? random.pick(roomIds) : null,
      targetGroups: template.targetGroups,
      languages: ['deu', ...random.some(LANGUAGES.slice(1), 1 + Math.floor(random.next() * 2))],
      public: actor.public && random.next() < 0.85,
    });
    if (row.roomId) roomActivities.push(row);
    count++;
  }

  // A few room bookings in the coming weeks (not the café on Thursdays: the demo walk books that).
  const bookable = roomActivities.filter((a) => a.roomId !== 'cafe').slice(0, 8);
  for (const [i, activity] of bookable.entries()) {
    const day = addDays(today, 2 + i * 3);
    await repo.insertBooking(ctx.db, {
      roomId: activity.roomId as string,
      actorId: activity.actorId,
      organisationId: made.find((m) => m.id === activity.actorId)?.organisationId as string,
      activityId: activity.id,
      startsAt: zonedToUtc(day, activity.startTime, timeZone),
      endsAt: zonedToUtc(day, activity.endTime, timeZone),
      state: i < 5 ? 'confirmed' : 'requested',
      createdAt: ctx.now,
    });
  }

  // Working groups with members.
  for (const group of demo.workingGroups) {
    const row = await repo.insertWorkingGroup(ctx.db, {
      name: group.name,
      topic: group.topic,
      createdAt: ctx.now,
    });
    if (!row) continue;
    const members = approvedActors.filter((a) => a.topics.includes(group.topic));
    await repo.insertWorkingGroupMembers(
      ctx.db,
      row.id,
      random.some(members.length >= group.size ? members : approvedActors, group.size).map((m) => m.id),
    );
  }
}
