/**
 * Demo funding for Duisburg: two calls (the 2026 call decided and published, the 2027 call open) and 25
 * applications in every state by invented associations in the real Stadtbezirke. The coordinator and the admin
 * review; the decided call's applications are scored, approved, partly approved or rejected.
 */
import type { Ctx } from '../../core/context.ts';
import { addDays, localDate, zonedToUtc } from '../../core/time.ts';
import { ensureOrganisation, findAccountByEmail } from '../platform/index.ts';
import * as repo from './funding.repository.ts';
import type { ApplicationContent, Criterion } from './funding.tables.ts';
import type { ApplicationState, CostCategory, TargetGroup } from './funding.terms.ts';

/** Invented associations (migrant organisations and neighbourhood initiatives), one Stadtbezirk each. */
const ASSOCIATIONS = [
  { id: 'kulturbruecke-marxloh', name: 'Kulturbrücke Marxloh e. V. (Demo)', districtId: 'hamborn' },
  {
    id: 'frauencafe-hochheide',
    name: 'Frauencafé Hochheide e. V. (Demo)',
    districtId: 'homberg-ruhrort-baerl',
  },
  { id: 'elternnetz-hochfeld', name: 'Elternnetz Hochfeld e. V. (Demo)', districtId: 'mitte' },
  { id: 'jugend-bruckhausen', name: 'Jugendtreff Bruckhausen e. V. (Demo)', districtId: 'meiderich-beeck' },
  { id: 'nachbarn-walsum', name: 'Nachbarschaft Vierlinden e. V. (Demo)', districtId: 'walsum' },
  { id: 'romano-duisburg', name: 'Romano Drom Duisburg e. V. (Demo)', districtId: 'mitte' },
  {
    id: 'ukraine-rheinhausen',
    name: 'Ukrainischer Verein Rheinhausen e. V. (Demo)',
    districtId: 'rheinhausen',
  },
  { id: 'sportbund-wanheim', name: 'Sport verbindet Wanheim e. V. (Demo)', districtId: 'sued' },
  { id: 'syrisch-deutsch', name: 'Syrisch-Deutscher Kulturverein (Demo)', districtId: 'hamborn' },
  { id: 'chor-der-welt', name: 'Chor der Welt Duisburg e. V. (Demo)', districtId: 'sued' },
  {
    id: 'bulgarische-eltern',
    name: 'Bulgarische Eltern Duisburg e. V. (Demo)',
    districtId: 'meiderich-beeck',
  },
];

/** Projects: [title, summary, target groups, cost categories used]. */
const PROJECTS: [string, string, TargetGroup[], CostCategory[]][] = [
  [
    'Sprachcafé für Mütter',
    'Wöchentliches Treffen mit Kinderbetreuung, Deutsch im Alltag üben.',
    ['women', 'families'],
    ['fees', 'catering', 'material'],
  ],
  [
    'Nachbarschaftsfest der Kulturen',
    'Ein Straßenfest, das Nachbarn aus vielen Ländern zusammenbringt.',
    ['neighbourhood'],
    ['rent', 'catering', 'publicity'],
  ],
  [
    'Hausaufgabenhilfe mit Lotsen',
    'Ehrenamtliche helfen Kindern nach der Schule, in ihrer Sprache.',
    ['children'],
    ['fees', 'material'],
  ],
  [
    'Fußball ohne Grenzen',
    'Gemischte Mannschaften für Jugendliche aus dem Stadtteil.',
    ['youth'],
    ['equipment', 'travel', 'fees'],
  ],
  [
    'Erzählcafé für Ältere',
    'Ältere Menschen erzählen von ihrer Einwanderung nach Duisburg.',
    ['seniors'],
    ['catering', 'interpreting', 'material'],
  ],
  [
    'Willkommenspaten',
    'Neu Zugewanderte werden von Paten durch die ersten Monate begleitet.',
    ['newcomers'],
    ['fees', 'travel', 'interpreting'],
  ],
  [
    'Theater im Stadtteil',
    'Jugendliche schreiben und spielen ein Stück über ihr Viertel.',
    ['youth', 'neighbourhood'],
    ['fees', 'rent', 'material', 'publicity'],
  ],
  [
    'Nähwerkstatt',
    'Frauen nähen gemeinsam und lernen dabei Deutsch.',
    ['women'],
    ['equipment', 'material', 'rent'],
  ],
];

const CRITERIA: Criterion[] = [
  {
    key: 'exchange',
    label: { de: 'Interkultureller Austausch', en: 'Intercultural exchange', tr: 'Kültürlerarası etkileşim' },
    weight: 30,
  },
  {
    key: 'priority_districts',
    label: {
      de: 'Reichweite in Schwerpunktstadtteilen',
      en: 'Reach in priority districts',
      tr: 'Öncelikli semtlerde erişim',
    },
    weight: 20,
  },
  {
    key: 'volunteers',
    label: { de: 'Beteiligung Ehrenamtlicher', en: 'Volunteers involved', tr: 'Gönüllü katılımı' },
    weight: 20,
  },
  {
    key: 'sustainability',
    label: { de: 'Nachhaltigkeit', en: 'Sustainability', tr: 'Sürdürülebilirlik' },
    weight: 15,
  },
  {
    key: 'new_organisation',
    label: { de: 'Neue Organisation', en: 'New organisation', tr: 'Yeni kuruluş' },
    weight: 15,
  },
];

const TEXT = {
  de: 'Die Stadt Duisburg fördert Vereine und Initiativen, die zur interkulturellen Verständigung beitragen. Gefördert werden Projekte in den Stadtteilen mit bis zu 5.000 Euro. Migrantenorganisationen und kleine, ehrenamtlich geführte Vereine sind besonders eingeladen.',
  en: 'The City of Duisburg funds associations and initiatives that contribute to intercultural understanding. Projects in the neighbourhoods receive up to 5,000 euros. Migrant organisations and small volunteer-run associations are especially welcome.',
  tr: 'Duisburg Belediyesi, kültürlerarası anlayışa katkıda bulunan dernek ve girişimleri destekler. Mahallelerdeki projeler 5.000 avroya kadar desteklenir. Göçmen örgütleri ve gönüllülerce yürütülen küçük dernekler özellikle davetlidir.',
};

/** The states of the open call's 13 applications and the decided call's 12. */
const OPEN_STATES: ApplicationState[] = [
  'draft',
  'draft',
  'draft',
  'submitted',
  'submitted',
  'submitted',
  'submitted',
  'submitted',
  'submitted',
  'changes_requested',
  'changes_requested',
  'withdrawn',
  'submitted',
];
const DECIDED_STATES: ApplicationState[] = [
  'approved',
  'approved',
  'approved',
  'approved',
  'partly',
  'partly',
  'rejected',
  'rejected',
  'approved',
  'partly',
  'rejected',
  'approved',
];

function contentOf(i: number, districtId: string, complete: boolean): ApplicationContent {
  const [title, summary, targetGroups, categories] = PROJECTS[
    i % PROJECTS.length
  ] as (typeof PROJECTS)[number];
  const costs = categories.map((category, j) => ({
    category,
    description: `${title}: ${category}`,
    amount: 400 + ((i * 7 + j * 3) % 9) * 150,
  }));
  const total = costs.reduce((sum, c) => sum + c.amount, 0);
  const own = Math.round(total * 0.1);
  const requested = total - own;
  return {
    project: { title, summary: complete ? summary : '' },
    goals: complete ? 'Begegnung, Sprache, Zusammenhalt im Stadtteil.' : '',
    targetGroups,
    districts: [districtId],
    timeline: complete ? { from: '2027-03-01', to: '2027-11-30' } : null,
    budget: {
      costs: complete ? costs : [],
      ownContribution: complete ? own : 0,
      otherFunding: 0,
      requested: complete ? requested : 0,
      minimum: complete && i % 3 === 0 ? Math.round(requested * 0.7) : null,
    },
    declaration: complete,
  };
}

export async function seedFundingDemo(ctx: Ctx): Promise<void> {
  for (const association of ASSOCIATIONS)
    await ensureOrganisation(ctx, { ...association, kind: 'association' });
  const reviewers = (
    await Promise.all(
      ['coordinator@demo.lotse.example', 'admin@demo.lotse.example'].map((e) =>
        findAccountByEmail(ctx.db, e),
      ),
    )
  ).flatMap((a) => (a ? [a.id] : []));
  const zone = ctx.city.profile.timezone;
  const today = localDate(ctx.now, zone);
  const base = {
    budget: 60_000,
    maxPerProject: 5_000,
    categories: ['fees', 'material', 'rent', 'travel', 'catering', 'publicity', 'interpreting', 'equipment'],
    criteria: CRITERIA,
    requiredDocuments: ['statutes', 'register'],
    reviewerIds: reviewers,
    createdAt: ctx.now,
  };
  const decided = await repo.insertCall(ctx.db, {
    ...base,
    title: {
      de: 'Interkulturelle Projekte 2026',
      en: 'Intercultural projects 2026',
      tr: 'Kültürlerarası projeler 2026',
    },
    text: TEXT,
    state: 'decided',
    year: 2026,
    deadline: zonedToUtc(addDays(today, -200), '23:59', zone),
  });
  const open = await repo.insertCall(ctx.db, {
    ...base,
    title: {
      de: 'Interkulturelle Projekte 2027',
      en: 'Intercultural projects 2027',
      tr: 'Kültürlerarası projeler 2027',
    },
    text: TEXT,
    state: 'open',
    year: 2027,
    deadline: zonedToUtc(addDays(today, 42), '23:59', zone),
  });
  const funded = new Set<string>();
  const plan = [
    ...DECIDED_STATES.map((state) => ({ call: decided, state })),
    ...OPEN_STATES.map((state) => ({ call: open, state })),
  ];
  for (const [i, { call, state }] of plan.entries()) {
    const association = ASSOCIATIONS[i % ASSOCIATIONS.length] as (typeof ASSOCIATIONS)[number];
    const content = contentOf(i, association.districtId, state !== 'draft' || i % 2 === 0);
    const requested = content.budget.requested;
    const amount = state === 'approved' ? requested : state === 'partly' ? Math.round(requested * 0.7) : 0;
    const decidedState = state === 'approved' || state === 'partly' || state === 'rejected';
    const row = await repo.insertApplication(ctx.db, {
      callId: call.id,
      organisationId: association.id,
      state,
      version: state === 'changes_requested' ? 2 : 1,
      content,
      firstTime: !funded.has(association.id),
      changeNote:
        state === 'changes_requested' ? 'Bitte die Honorare genauer aufschlüsseln (Stunden × Satz).' : null,
      decision: decidedState
        ? {
            outcome: state,
            amount,
            reason:
              state === 'rejected'
                ? 'Die Mittel reichten nicht für alle gut bewerteten Anträge.'
                : 'Der Antrag erfüllt die Kriterien des Förderprogramms.',
            conditions: state === 'rejected' ? '' : 'Verwendungsnachweis bis drei Monate nach Projektende.',
            decidedBy: reviewers[0] ?? 'system',
          }
        : null,
      submittedAt: state === 'draft' ? null : addMs(call.deadline, -(i + 3) * 86_400_000),
      decidedAt: decidedState ? addMs(call.deadline, 30 * 86_400_000) : null,
      createdAt: addMs(call.deadline, -(i + 20) * 86_400_000),
      updatedAt: ctx.now,
    });
    if (state === 'approved' || state === 'partly') funded.add(association.id);
    if (state !== 'draft' && state !== 'withdrawn')
      await repo.insertVersion(ctx.db, {
        applicationId: row.id,
        version: 1,
        content,
        submittedAt: row.submittedAt ?? ctx.now,
      });
    if (state !== 'draft' && state !== 'withdrawn' && state !== 'changes_requested')
      await repo.upsertReviews(
        ctx.db,
        reviewers.flatMap((reviewerId, r) =>
          CRITERIA.map((criterion, c) => ({
            applicationId: row.id,
            reviewerId,
            criterion: criterion.key,
            score: (i * 3 + c * 2 + r * 5) % 11,
            reason: 'Nach Aktenlage bewertet (Demo).',
            updatedAt: ctx.now,
          })),
        ),
      );
  }
}

const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
