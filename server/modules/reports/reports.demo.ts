/**
 * Demo data on the first start: an invented advice centre with one counsellor account, and 80 invented reports
 * spread over the two years before today (real Ortsteile of the city), some with messages and in handling, so
 * the case list, a case page, the follow page and the statistics show something real.
 */
import type { Ctx } from '../../core/context.ts';
import { newCode } from '../../core/codes.ts';
import { ensureDemoAccounts, ensureOrganisation, findAccountByEmail } from '../platform/index.ts';
import { codeHashOf } from './reporting.service.ts';
import * as repo from './reports.repository.ts';
import {
  ACTIONS,
  AFFECTED,
  CODE_GROUPS,
  EXTREMIST_KINDS,
  GROUNDS,
  POLICE,
  REPORT_STATUSES,
  SETTINGS,
} from './reports.terms.ts';

export const DEMO_ADVICE_CENTRE = 'adb-duisburg';
export const DEMO_COUNSELLOR = 'beratung@demo.lotse.example';

const DESCRIPTIONS = [
  'Bei der Wohnungsbesichtigung wurde mir gesagt, an „Ausländer“ werde nicht vermietet.',
  'Im Bus wurde meine Tochter wegen ihres Kopftuchs beschimpft, niemand hat geholfen.',
  'An der Haltestelle hat jemand Hakenkreuze an die Wand gesprüht.',
  'Beim Amt wurde ich nicht bedient, weil mein Deutsch nicht gut genug sei.',
  'Mein Kollege macht seit Wochen Witze über meine Herkunft, der Chef lacht mit.',
  'Im Laden durfte ich mit Rollstuhl nicht hinein, „zu eng“.',
  'Online-Kommentare unter einem Artikel über unser Vereinsfest mit Drohungen.',
  'In der Kita wurde unserem Sohn gesagt, er solle „seine Sprache“ nicht sprechen.',
  'Am Einlass des Clubs wurden nur meine Freunde mit dunkler Haut abgewiesen.',
  'Flugblätter mit Hetze gegen Geflüchtete im Briefkasten.',
];
const MESSAGES = [
  'Danke für Ihre Meldung. Möchten Sie eine Beratung? Sie können uns hier antworten.',
  'Wissen Sie noch, wie die Wohnungsgesellschaft hieß?',
];

/** A small seeded generator, so every demo start makes the same reports. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedReportsDemo(ctx: Ctx): Promise<void> {
  await ensureOrganisation(ctx, {
    id: DEMO_ADVICE_CENTRE,
    name: 'Antidiskriminierungsberatung Duisburg (Demo)',
    kind: 'advice',
    districtId: 'mitte',
  });
  await ensureDemoAccounts(ctx, [
    {
      email: DEMO_COUNSELLOR,
      displayName: 'Derya Aksoy',
      role: 'caseworker',
      organisationId: DEMO_ADVICE_CENTRE,
      locale: 'de',
    },
  ]);
  const counsellor = await findAccountByEmail(ctx.db, DEMO_COUNSELLOR);
  const random = seeded(16);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const ortsteile = ctx.city.districts.flatMap((d) =>
    d.ortsteile.map((o) => ({ districtId: d.id, id: o.id })),
  );
  const DAY = 86_400_000;
  for (let i = 0; i < 80; i++) {
    const receivedAt = new Date(ctx.now.getTime() - Math.floor(random() * 730 + 1) * DAY);
    const occurredOn = new Date(receivedAt.getTime() - Math.floor(random() * 20) * DAY)
      .toISOString()
      .slice(0, 10);
    const place = random();
    const ortsteil = pick(ortsteile);
    const grounds = [pick(GROUNDS.slice(0, 3)), ...(random() < 0.35 ? [pick(GROUNDS)] : [])];
    const status =
      receivedAt.getTime() < ctx.now.getTime() - 120 * DAY
        ? pick(REPORT_STATUSES.slice(1))
        : pick(REPORT_STATUSES);
    const row = await repo.insertReport(ctx.db, {
      codeHash: codeHashOf(newCode(CODE_GROUPS)),
      source: random() < 0.8 ? 'online' : 'phone',
      status,
      description: random() < 0.7 ? pick(DESCRIPTIONS) : null,
      occurredOn: random() < 0.8 ? occurredOn : null,
      occurredAbout: null,
      placeKind: place < 0.8 ? 'ortsteil' : place < 0.93 ? 'online' : 'outside',
      ortsteilId: place < 0.8 ? ortsteil.id : null,
      districtId: place < 0.8 ? ortsteil.districtId : null,
      setting: place >= 0.8 && place < 0.93 ? 'online' : pick(SETTINGS),
      grounds: [...new Set(grounds)],
      violence: random() < 0.15,
      police: pick(POLICE),
      extremist: random() < 0.12 ? [pick(EXTREMIST_KINDS)] : [],
      affected: pick(AFFECTED),
      actions: status === 'new' ? [] : [pick(ACTIONS)],
      assignedTo: status === 'new' ? null : (counsellor?.id ?? null),
      receivedAt,
      updatedAt: receivedAt,
      closedAt: status === 'closed' ? new Date(receivedAt.getTime() + 30 * DAY) : null,
    });
    if (status !== 'new' && counsellor && random() < 0.5) {
      await repo.insertMessage(ctx.db, {
        reportId: row.id,
        author: 'staff',
        authorId: counsellor.id,
        body: pick(MESSAGES),
        createdAt: new Date(receivedAt.getTime() + DAY),
      });
    }
  }
}
