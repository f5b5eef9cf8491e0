/**
 * Demo courses for Duisburg: 42 invented courses of every kind in all seven Stadtbezirke (real Ortsteile, invented
 * places and people), each a directory offer; every third one full with a waiting list. Enrolments go through the
 * same service as the public form, so places and positions are the database's.
 */
import type { Ctx } from '../../core/context.ts';
import { translate } from '../../core/i18n.ts';
import { addDays, localDate } from '../../core/time.ts';
import { ensureOrganisation } from '../platform/index.ts';
import type { CourseInput, EnrolmentInput } from './courses.schema.ts';
import { createCourse } from './courses.service.ts';
import { COURSE_KINDS, type CourseKind } from './courses.terms.ts';
import { enrol } from './enrolment.service.ts';

/** Providers the demo adds (the platform's demo has the KI, schools, associations). */
const PROVIDERS = [
  { id: 'vhs-duisburg', name: 'Volkshochschule Duisburg (Demo)', kind: 'provider', districtId: 'mitte' },
  {
    id: 'familienbildung-nord',
    name: 'Familienbildungswerk Duisburg-Nord (Demo)',
    kind: 'provider',
    districtId: 'hamborn',
  },
];

/** [Ortsteil, place, street, organisation] — six per Stadtbezirk, plus Hochfeld's association. */
const PLACES: [string, string, string, string][] = [
  ['vierlinden', 'Grundschule Vierlinden', 'Schulstraße 12', 'vhs-duisburg'],
  ['aldenrade', 'Familienzentrum Aldenrade', 'Friedrich-Ebert-Straße 40', 'familienbildung-nord'],
  ['alt-walsum', 'Kita Rheinaue', 'Am Rheindeich 5', 'familienbildung-nord'],
  ['overbruch', 'Stadtteilbüro Overbruch', 'Kometenplatz 3', 'vhs-duisburg'],
  ['wehofen', 'Gemeindezentrum Wehofen', 'Dorfstraße 18', 'vhs-duisburg'],
  ['fahrn', 'Grundschule Fahrn', 'Fahrner Straße 90', 'familienbildung-nord'],
  ['marxloh', 'Grundschule am Pollmannkreuz', 'Pollmannstraße 22', 'grundschule-marxloh'],
  ['marxloh', 'Integratives Begegnungszentrum Marxloh', 'Weseler Straße 31', 'begegnungszentrum-marxloh'],
  ['obermarxloh', 'Kita Sonnenblume', 'Kaiser-Wilhelm-Straße 210', 'familienbildung-nord'],
  ['alt-hamborn', 'Familienzentrum Hamborn', 'Duisburger Straße 150', 'familienbildung-nord'],
  ['neumuehl', 'Bürgerhaus Neumühl', 'Lehrerstraße 8', 'vhs-duisburg'],
  ['roettgersbach', 'Grundschule Röttgersbach', 'Fiskusstraße 4', 'begegnungszentrum-marxloh'],
  ['bruckhausen', 'Stadtteilzentrum Bruckhausen', 'Dieselstraße 14', 'begegnungszentrum-marxloh'],
  ['beeck', 'Grundschule Beeck', 'Flottenstraße 60', 'elternverein-birlikte'],
  ['laar', 'Kita Laarer Spatzen', 'Deichstraße 9', 'elternverein-birlikte'],
  ['mittelmeiderich', 'Familienzentrum Meiderich', 'Von-der-Mark-Straße 71', 'elternverein-birlikte'],
  ['obermeiderich', 'Jugendzentrum Obermeiderich', 'Emilstraße 26', 'vhs-duisburg'],
  ['untermeiderich', 'Gemeindehaus Untermeiderich', 'Bahnhofstraße 15', 'elternverein-birlikte'],
  ['ruhrort', 'Grundschule Ruhrort', 'Landwehrstraße 30', 'vhs-duisburg'],
  ['hochheide', 'Familienzentrum Hochheide', 'Ottostraße 58', 'familienbildung-nord'],
  ['alt-homberg', 'Kita Rheinkiesel', 'Moerser Straße 120', 'familienbildung-nord'],
  ['baerl', 'Bürgertreff Baerl', 'Grafschafter Straße 7', 'vhs-duisburg'],
  ['hochheide', 'Stadtteilbüro Hochheide', 'Glückaufstraße 2', 'vhs-duisburg'],
  ['alt-homberg', 'Grundschule Homberg', 'Halener Straße 11', 'vhs-duisburg'],
  ['hochfeld', 'Gesamtschule Hochfeld am Rheinufer', 'Brückenstraße 45', 'gesamtschule-hochfeld'],
  ['hochfeld', 'Punte – Vereinsräume Hochfeld', 'Wanheimer Straße 95', 'punte-hochfeld'],
  ['hochfeld', 'Kita Hochfelder Rasselbande', 'Heerstraße 40', 'punte-hochfeld'],
  ['altstadt', 'Volkshochschule am König-Heinrich-Platz', 'Steinsche Gasse 26', 'vhs-duisburg'],
  ['wanheimerort', 'Familienzentrum Wanheimerort', 'Düsseldorfer Straße 300', 'familienbildung-nord'],
  ['neudorf-nord', 'Grundschule Neudorf', 'Oststraße 70', 'punte-hochfeld'],
  ['rheinhausen-mitte', 'Familienzentrum Rheinhausen', 'Krefelder Straße 50', 'rheinbruecke-sozialdienste'],
  ['hochemmerich', 'Grundschule Hochemmerich', 'Atroper Straße 20', 'rheinbruecke-sozialdienste'],
  ['bergheim', 'Kita Bergheimer Strolche', 'Schwarzer Weg 3', 'rheinbruecke-sozialdienste'],
  ['friemersheim', 'Gemeindezentrum Friemersheim', 'Kaiserstraße 101', 'vhs-duisburg'],
  ['rumeln-kaldenhausen', 'Bürgerhaus Rumeln', 'Schulallee 6', 'rheinbruecke-sozialdienste'],
  [
    'hochemmerich',
    'Rheinbrücke Beratungszentrum',
    'Friedrich-Alfred-Straße 12',
    'rheinbruecke-sozialdienste',
  ],
  ['wanheim-angerhausen', 'Grundschule Wanheim', 'Ehinger Straße 44', 'vhs-duisburg'],
  ['huckingen', 'Familienzentrum Huckingen', 'Angermunder Straße 16', 'familienbildung-nord'],
  ['buchholz', 'Kita Buchholzer Zwerge', 'Sittardsberger Allee 30', 'familienbildung-nord'],
  ['huettenheim', 'Begegnungsstätte Hüttenheim', 'Ehinger Straße 210', 'vhs-duisburg'],
  ['grossenbaum', 'Grundschule Großenbaum', 'Großenbaumer Allee 130', 'vhs-duisburg'],
  ['wedau', 'Gemeindezentrum Wedau', 'Am See 4', 'vhs-duisburg'],
];

/** What each kind of course is like: who, level, languages, size, childcare, sessions. */
const SHAPE: Record<
  CourseKind,
  Omit<
    CourseInput,
    'organisationId' | 'name' | 'description' | 'kind' | 'place' | 'startsOn' | 'endsOn' | 'enrolment'
  >
> = {
  german_children: {
    level: 'grades_1_4',
    targetGroup: 'children',
    ageMin: 6,
    ageMax: 10,
    instructionLanguages: ['deu'],
    supportLanguages: ['tur', 'ara'],
    sessions: [
      { day: 'TU', from: '14:00', to: '15:30' },
      { day: 'TH', from: '14:00', to: '15:30' },
    ],
    capacity: 12,
    childcarePlaces: 0,
    costCents: 0,
  },
  rucksack_schule: {
    level: 'a1',
    targetGroup: 'parents',
    instructionLanguages: ['deu'],
    supportLanguages: ['tur', 'bul', 'ron'],
    sessions: [{ day: 'WE', from: '08:30', to: '10:30' }],
    capacity: 14,
    childcarePlaces: 4,
    childcareAgeMin: 0,
    childcareAgeMax: 5,
    costCents: 0,
  },
  rucksack_kita: {
    level: 'a0',
    targetGroup: 'parents',
    instructionLanguages: ['deu'],
    supportLanguages: ['ara', 'bul'],
    sessions: [{ day: 'MO', from: '09:00', to: '11:00' }],
    capacity: 12,
    childcarePlaces: 6,
    childcareAgeMin: 0,
    childcareAgeMax: 3,
    costCents: 0,
  },
  griffbereit: {
    level: 'mixed',
    targetGroup: 'parents',
    instructionLanguages: ['deu'],
    supportLanguages: ['bul', 'ron', 'tur'],
    sessions: [{ day: 'FR', from: '09:30', to: '11:00' }],
    capacity: 10,
    childcarePlaces: 4,
    childcareAgeMin: 1,
    childcareAgeMax: 3,
    costCents: 0,
  },
  hsu: {
    level: 'grades_5_10',
    targetGroup: 'children',
    ageMin: 10,
    ageMax: 16,
    instructionLanguages: ['tur'],
    supportLanguages: [],
    sessions: [{ day: 'MO', from: '14:30', to: '16:00' }],
    capacity: 18,
    childcarePlaces: 0,
    costCents: 0,
  },
  integration: {
    level: 'a2',
    targetGroup: 'adults',
    instructionLanguages: ['deu'],
    supportLanguages: [],
    sessions: ['MO', 'TU', 'WE', 'TH'].map((day) => ({ day: day as 'MO', from: '08:30', to: '12:45' })),
    capacity: 20,
    childcarePlaces: 0,
    costCents: 0,
  },
  literacy: {
    level: 'a0',
    targetGroup: 'adults',
    instructionLanguages: ['deu'],
    supportLanguages: ['ara', 'fas', 'kmr'],
    sessions: [
      { day: 'TU', from: '17:30', to: '19:30' },
      { day: 'TH', from: '17:30', to: '19:30' },
    ],
    capacity: 10,
    childcarePlaces: 0,
    costCents: 2500,
  },
  women: {
    level: 'a1',
    targetGroup: 'women',
    instructionLanguages: ['deu'],
    supportLanguages: ['ara', 'ukr', 'rus'],
    sessions: [{ day: 'WE', from: '09:00', to: '11:30' }],
    capacity: 12,
    childcarePlaces: 5,
    childcareAgeMin: 0,
    childcareAgeMax: 6,
    costCents: 0,
  },
};

const HSU_LANGUAGES = ['tur', 'ara', 'bul', 'ron', 'pol', 'rus', 'ukr', 'fas'];
const NAMES = [
  'Aylin',
  'Mariya',
  'Elena',
  'Fatima',
  'Ioana',
  'Olena',
  'Zeynep',
  'Nadia',
  'Petya',
  'Amira',
  'Darya',
  'Halyna',
  'Rania',
  'Ana',
  'Svetlana',
  'Leyla',
  'Milena',
  'Yasmin',
  'Gergana',
  'Sara',
];
const FAMILY = [
  'Yılmaz',
  'Petrova',
  'Popescu',
  'Haddad',
  'Ionescu',
  'Kovalenko',
  'Demir',
  'Georgieva',
  'Rahimi',
  'Nowak',
];
const UI = ['tr', 'bg', 'ro', 'ar', 'uk', 'ru', 'fa', 'pl', 'de', 'en'];

const KIND_LABEL: Record<CourseKind, string> = {
  german_children: 'courses:kinds.german_children',
  rucksack_schule: 'courses:kinds.rucksack_schule',
  rucksack_kita: 'courses:kinds.rucksack_kita',
  griffbereit: 'courses:kinds.griffbereit',
  hsu: 'courses:kinds.hsu',
  integration: 'courses:kinds.integration',
  literacy: 'courses:kinds.literacy',
  women: 'courses:kinds.women',
};

/** The course's name in every UI language: its kind and its place. */
function nameOf(ctx: Ctx, kind: CourseKind, place: string, extra = '') {
  return Object.fromEntries(
    ctx.city.profile.languages.map((l) => [
      l.code,
      `${translate(l.code, KIND_LABEL[kind])}${extra} – ${place}`,
    ]),
  );
}

function person(i: number, course: CourseInput): EnrolmentInput {
  const children = course.kind === 'german_children' || course.kind === 'hsu';
  const needsChildcare = course.childcarePlaces > 0 && i % 3 === 0;
  return {
    participant: {
      name: `${NAMES[i % NAMES.length]} ${FAMILY[(i * 7) % FAMILY.length]}`,
      kind: children ? 'child' : 'adult',
      age: children ? (course.ageMin ?? 6) + (i % 3) : null,
    },
    contact: { phone: `+49 203 555 ${String(1000 + i).slice(-4)}`, email: null },
    language: UI[i % UI.length],
    languages: [course.supportLanguages[i % Math.max(1, course.supportLanguages.length)] ?? 'deu'],
    germanLevel: (['none', 'words', 'introduce', 'everyday'] as const)[i % 4] ?? 'none',
    childcare: needsChildcare ? [Math.max(course.childcareAgeMin ?? 0, 1 + (i % 3))] : [],
    womenOnly: course.kind === 'women',
    evening: false,
  };
}

/** 42 courses over the seven Stadtbezirke, and their enrolments (every third course full, with a waiting list). */
export async function seedCoursesDemo(ctx: Ctx): Promise<void> {
  for (const provider of PROVIDERS) await ensureOrganisation(ctx, provider);
  const today = localDate(ctx.now, ctx.city.profile.timezone);
  let people = 0;
  for (const [i, [ortsteilId, placeName, street, organisationId]] of PLACES.entries()) {
    const district = ctx.city.districts.find((d) => d.ortsteile.some((o) => o.id === ortsteilId));
    const ortsteil = district?.ortsteile.find((o) => o.id === ortsteilId);
    if (!district || !ortsteil) continue;
    const kind = COURSE_KINDS[i % COURSE_KINDS.length] as CourseKind;
    const shape = SHAPE[kind];
    const hsuLanguage = HSU_LANGUAGES[i % HSU_LANGUAGES.length] ?? 'tur';
    const input: CourseInput = {
      ...shape,
      ...(kind === 'hsu' ? { instructionLanguages: [hsuLanguage] } : {}),
      organisationId,
      kind,
      name: nameOf(ctx, kind, placeName),
      description: Object.fromEntries(
        ctx.city.profile.languages.map((l) => [
          l.code,
          translate(l.code, 'courses:offer.description', {
            kind: translate(l.code, KIND_LABEL[kind]),
            ortsteil: ortsteil.name,
          }),
        ]),
      ),
      place: {
        name: placeName,
        address: street,
        postcode: ortsteil.postcodes[0] ?? '47051',
        ortsteilId,
        // A little apart from the Ortsteil's centre, so places do not sit on one point on the map.
        lat: ortsteil.centre.lat + ((i % 5) - 2) * 0.0012,
        lon: ortsteil.centre.lon + ((i % 7) - 3) * 0.0012,
        accessible: i % 2 === 0,
      },
      startsOn: addDays(today, -21 + (i % 6) * 7),
      endsOn: addDays(today, 90 + (i % 4) * 30),
      enrolment: kind === 'integration' ? 'external' : 'here',
      externalUrl:
        kind === 'integration'
          ? 'https://www.bamf.de/DE/Themen/Integration/ZugewanderteTeilnehmende/Integrationskurse/integrationskurse-node.html'
          : null,
    };
    const course = await createCourse(ctx, input);
    if (input.enrolment !== 'here') continue;
    // Every third course is full with 3–8 waiting (of every kind); the others are about half full.
    const full = i % 3 === 1;
    const count = full ? input.capacity + 3 + (i % 6) : Math.floor(input.capacity / 2);
    for (let n = 0; n < count; n++) {
      await enrol(ctx, course.id, person(people++, input));
    }
  }
}
