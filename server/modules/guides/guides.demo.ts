/** Demo data on the first start: the demo guide's profile, ~40 invented guides, open requests next week. */
import type { Ctx } from '../../core/context.ts';
import { buildGuideProfile, type ProfileInput } from './guides.factories.ts';
import { createAccount, findAccountByEmail } from '../platform/index.ts';
import { guideOnboarding, guideProfiles, guideRequestEvents, guideRequests } from './guides.tables.ts';
import { ONBOARDING_STEPS } from './guides.terms.ts';
import { addDays, localDate, weekStart, zonedToUtc } from '../../core/time.ts';
import { newRequestCode } from './workflow.ts';

const DEMO_GUIDE = 'guide@demo.lotse.example';
const DEMO_INSTITUTION = 'institution@demo.lotse.example';

/** Invented names; none belongs to a real person. */
const NAMES = [
  'Samira Aydın',
  'Yusuf Haddad',
  'Elena Popescu',
  'Ivan Petrov',
  'Oksana Kovalenko',
  'Piotr Nowak',
  'Leyla Karimi',
  'Mehmet Yıldız',
  'Rana Al-Khatib',
  'Daria Smirnova',
  'Georgi Dimitrov',
  'Ana Munteanu',
  'Hassan Omar',
  'Zeynep Çelik',
  'Olena Shevchenko',
  'Kasia Wiśniewska',
  'Reza Ahmadi',
  'Dilan Aslan',
  'Nour Saleh',
  'Bogdan Ionescu',
  'Marta Kowalczyk',
  'Andrii Bondarenko',
  'Fatma Öztürk',
  'Mariam Jaber',
  'Stefan Georgiev',
  'Ioana Radu',
  'Tetiana Melnyk',
  'Ali Rezaei',
  'Berivan Doğan',
  'Sergei Volkov',
  'Jana Zielińska',
  'Karim Mansour',
  'Emine Kaya',
  'Vasile Stan',
  'Milena Ivanova',
  'Omid Hosseini',
  'Rojda Tekin',
  'Anna Lewandowska',
  'Tarek Nasser',
  'Sofia Lungu',
];

/** A deterministic pseudo-random sequence, so every demo start looks the same. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Profile columns from factory input (the same mapping as the services). */
function columns(input: ProfileInput) {
  return {
    kind: input.kind ?? 'volunteer',
    languages: input.languages.map((l) => ({ code: l.code, level: l.level, dialect: l.dialect ?? null })),
    topicsAccepted: input.topicsAccepted,
    topicsRefused: input.topicsRefused,
    districts: input.districts,
    travelMode: input.travelMode,
    homeLat: input.home.lat,
    homeLon: input.home.lon,
    gender: input.gender,
    weekly: input.weekly,
    exceptions: (input.exceptions ?? []).map((e) => ({ from: e.from, to: e.to, note: e.note ?? null })),
    maxPerWeek: input.maxPerWeek,
    privatePhone: input.privatePhone,
    privateEmail: input.privateEmail,
  };
}

/** The demo guides and requests (first start in demo mode only). */
export async function seedGuidesDemo(ctx: Ctx): Promise<void> {
  const tz = ctx.city.profile.timezone;
  const today = localDate(ctx.now, tz);
  const onboarded = (guideId: string) =>
    ONBOARDING_STEPS.map((step) => ({
      guideId,
      step,
      completedOn: addDays(today, -60),
      expiresOn:
        step === 'police_clearance'
          ? addDays(today, 3 * 365)
          : step === 'training'
            ? addDays(today, 2 * 365)
            : null,
      recordedAt: ctx.now,
    }));

  const profiles: (typeof guideProfiles.$inferInsert)[] = [];
  const steps: (typeof guideOnboarding.$inferInsert)[] = [];
  const demoGuide = await findAccountByEmail(ctx.db, DEMO_GUIDE);
  if (demoGuide) {
    const hamborn = ctx.city.districts.find((d) => d.id === 'hamborn')?.centre ?? ctx.city.profile.centre;
    profiles.push({
      userId: demoGuide.id,
      ...columns(
        buildGuideProfile({
          kind: 'mediator',
          languages: [
            { code: 'ara', level: 'fluent', dialect: 'levantine' },
            { code: 'ron', level: 'native', dialect: null },
          ],
          districts: ['hamborn', 'mitte'],
          home: hamborn,
          gender: 'f',
          privatePhone: '+49 203 555 0142',
          privateEmail: 'mihaela.privat@example.org',
        }),
      ),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    steps.push(...onboarded(demoGuide.id));
  }

  const random = sequence(4711);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const languages = ctx.city.profile.guideLanguages.filter((code) => code !== 'deu');
  const districts = ctx.city.districts;
  for (const [index, name] of NAMES.entries()) {
    const email = `lotse-${String(index + 1).padStart(2, '0')}@guides.demo.lotse.example`;
    if (await findAccountByEmail(ctx.db, email)) continue;
    const userId = await createAccount(ctx.db, {
      email,
      displayName: name,
      role: 'guide',
      locale: 'de',
      createdAt: ctx.now,
    });
    const district = districts[index % districts.length] ?? districts[0];
    const home =
      district?.ortsteile[index % Math.max(1, district.ortsteile.length)]?.centre ?? ctx.city.profile.centre;
    const first = languages[index % languages.length] ?? 'ara';
    const second = random() < 0.4 ? pick(languages) : null;
    const days = [1, 2, 3, 4, 5, 6].filter(() => random() < 0.6);
    const from = pick(['08:00', '09:00', '10:00', '13:00']);
    const to = from < '12:00' ? pick(['13:00', '15:00', '17:00']) : '19:00';
    profiles.push({
      userId,
      ...columns(
        buildGuideProfile({
          kind: index % 3 === 0 ? 'mediator' : 'volunteer',
          languages: [
            { code: first, level: 'native', dialect: null },
            ...(second && second !== first
              ? [{ code: second, level: 'fluent' as const, dialect: null }]
              : []),
            { code: 'deu', level: 'fluent', dialect: null },
          ],
          districts: [district?.id ?? 'mitte'],
          topicsRefused: index % 5 === 0 ? ['psychiatric'] : index % 7 === 0 ? ['court'] : [],
          topicsAccepted: [],
          home,
          gender: index % 2 === 0 ? 'f' : 'm',
          weekly: (days.length ? days : [2, 4]).map((weekday) => ({ weekday, from, to })),
          maxPerWeek: 2 + Math.floor(random() * 4),
          privatePhone: null,
          privateEmail: null,
        }),
      ),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    steps.push(...onboarded(userId));
  }
  if (profiles.length) await ctx.db.insert(guideProfiles).values(profiles).onConflictDoNothing();
  if (steps.length) await ctx.db.insert(guideOnboarding).values(steps).onConflictDoNothing();

  // Open requests next week: the clinic's appointments and newcomers' own requests.
  const institution = await findAccountByEmail(ctx.db, DEMO_INSTITUTION);
  const nextMonday = addDays(weekStart(today), 7);
  const clinic = {
    address: 'Duisburger Straße 213, 47166 Duisburg',
    lat: 51.4946,
    lon: 6.7701,
    districtId: 'hamborn',
  };
  const plans: {
    day: number;
    time: string;
    language: string;
    topic: string;
    source: 'institution' | 'public';
    name: string;
  }[] = [
    { day: 0, time: '09:30', language: 'ara', topic: 'health', source: 'institution', name: 'Amal' },
    { day: 0, time: '11:00', language: 'ron', topic: 'health', source: 'institution', name: 'Ionuț' },
    { day: 1, time: '10:00', language: 'bul', topic: 'health', source: 'institution', name: 'Desislava' },
    { day: 2, time: '14:00', language: 'tur', topic: 'health', source: 'institution', name: 'Emre' },
    { day: 3, time: '09:00', language: 'ukr', topic: 'health', source: 'institution', name: 'Iryna' },
    { day: 1, time: '13:30', language: 'ara', topic: 'authorities', source: 'public', name: 'Khaled' },
    { day: 2, time: '10:30', language: 'fas', topic: 'school', source: 'public', name: 'Parisa' },
    { day: 4, time: '11:00', language: 'kmr', topic: 'housing', source: 'public', name: 'Rojin' },
  ];
  for (const plan of plans) {
    const startsAt = zonedToUtc(addDays(nextMonday, plan.day), plan.time, tz);
    const fromClinic = plan.source === 'institution';
    const place = fromClinic
      ? clinic
      : {
          address: 'Friedrich-Wilhelm-Straße 96, 47051 Duisburg',
          lat: 51.4305,
          lon: 6.7717,
          districtId: 'mitte',
        };
    const [row] = await ctx.db
      .insert(guideRequests)
      .values({
        code: newRequestCode(),
        source: plan.source,
        organisationId: fromClinic ? 'schwerpunktambulanz' : null,
        createdBy: fromClinic ? (institution?.id ?? null) : null,
        language: plan.language,
        startsAt,
        durationMinutes: fromClinic ? 60 : 90,
        placeAddress: place.address,
        placeLat: place.lat,
        placeLon: place.lon,
        districtId: place.districtId,
        topic: plan.topic,
        mode: 'on_site',
        newcomerFirstName: plan.name,
        requesterEmail: fromClinic ? DEMO_INSTITUTION : null,
        requesterLocale: 'de',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: guideRequests.id });
    if (row) {
      await ctx.db.insert(guideRequestEvents).values({
        requestId: row.id,
        at: ctx.now,
        actorId: null,
        actorRole: 'system',
        fromState: null,
        toState: 'open',
      });
    }
  }
}
