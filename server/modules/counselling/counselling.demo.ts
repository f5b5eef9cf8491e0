/**
 * Demo data on the first start: two invented counselling services — the Clearingstelle (health insurance) and
 * migration counselling for adults — each with a counsellor account, opening hours and slots; 60 invented cases in
 * every state over the last year (open and closed, with checklists, outcomes, notes, referrals to the clinic and
 * its visits), some booked appointments, and anonymous contacts (people who did not consent to storing).
 */
import type { Ctx } from '../../core/context.ts';
import { addDays, localDate } from '../../core/time.ts';
import { ensureDemoAccounts, ensureOrganisation, findAccountByEmail } from '../platform/index.ts';
import { book } from './booking.service.ts';
import { addNote, breakGlass, openCase, refer, updateCase } from './cases.service.ts';
import { recordVisit } from './clinic.service.ts';
import * as repo from './counselling.repository.ts';
import { DOCUMENTS, HEALTH_CHECKS, HEALTH_OUTCOMES, type Topic, TOPICS } from './counselling.terms.ts';
import { extendSlots } from './slots.ts';

export const DEMO_CLEARING_ORG = 'clearingstelle-duisburg';
export const DEMO_MBE_ORG = 'migrationsberatung-duisburg';
export const DEMO_CLEARING = 'clearingstelle';
export const DEMO_MBE = 'migrationsberatung';
export const DEMO_CLEARING_COUNSELLOR = 'clearingstelle@demo.lotse.example';
export const DEMO_MBE_COUNSELLOR = 'migrationsberatung@demo.lotse.example';
export const DEMO_CLINIC = 'schwerpunktambulanz';

const FIRST = [
  'Ion',
  'Maria',
  'Elena',
  'Gheorghe',
  'Ivan',
  'Petya',
  'Dimitar',
  'Andreea',
  'Vasile',
  'Yordanka',
  'Mihai',
  'Stoyan',
];
const LAST = [
  'Popa',
  'Ionescu',
  'Dumitru',
  'Petrov',
  'Georgieva',
  'Stan',
  'Dimitrov',
  'Marin',
  'Todorova',
  'Lungu',
];
const NOTES = [
  'EHIC abgelaufen, Kopie des Arbeitsvertrags angefragt.',
  'Termin bei der AOK vereinbart, Dolmetscherin kommt mit.',
  'S1-Formular aus Rumänien beantragt, Rückmeldung in zwei Wochen.',
  'Familie lebt bei Verwandten in Marxloh, Meldebescheinigung fehlt.',
];

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedCounsellingDemo(ctx: Ctx): Promise<void> {
  if ((await repo.countServices(ctx.db)) > 0) return;
  await ensureOrganisation(ctx, {
    id: DEMO_CLEARING_ORG,
    name: 'Clearingstelle Gesundheit Duisburg (Demo)',
    kind: 'counselling',
    districtId: 'mitte',
  });
  await ensureOrganisation(ctx, {
    id: DEMO_MBE_ORG,
    name: 'Migrationsberatung für Erwachsene Hamborn (Demo)',
    kind: 'counselling',
    districtId: 'hamborn',
  });
  await ensureDemoAccounts(ctx, [
    {
      email: DEMO_CLEARING_COUNSELLOR,
      displayName: 'Ioana Mureșan',
      role: 'caseworker',
      organisationId: DEMO_CLEARING_ORG,
      locale: 'de',
    },
    {
      email: DEMO_MBE_COUNSELLOR,
      displayName: 'Kerem Yıldız',
      role: 'caseworker',
      organisationId: DEMO_MBE_ORG,
      locale: 'de',
    },
  ]);
  // The Clearingstelle's counsellor is its lead counsellor (break-glass).
  const lead = await findAccountByEmail(ctx.db, DEMO_CLEARING_COUNSELLOR);
  if (lead)
    await repo.insertLead(ctx.db, {
      userId: lead.id,
      organisationId: DEMO_CLEARING_ORG,
      appointedAt: ctx.now,
    });
  const morning = (weekday: number) => ({ weekday, from: '09:00', to: '12:00' });
  await repo.upsertService(ctx.db, {
    id: DEMO_CLEARING,
    organisationId: DEMO_CLEARING_ORG,
    kind: 'clearing',
    name: 'Clearingstelle Gesundheit',
    languages: ['ro', 'bg', 'en', 'tr'],
    openingHours: [1, 2, 3, 4, 5].map(morning),
    address: 'Musterstraße 12, 47051 Duisburg',
    districtId: 'mitte',
  });
  await repo.upsertService(ctx.db, {
    id: DEMO_MBE,
    organisationId: DEMO_MBE_ORG,
    kind: 'mbe',
    name: 'Migrationsberatung für Erwachsene',
    languages: ['ar', 'tr', 'ru', 'uk', 'bg'],
    openingHours: [
      { weekday: 2, from: '13:00', to: '16:00' },
      { weekday: 4, from: '13:00', to: '16:00' },
    ],
    address: 'Beispielweg 3, 47166 Duisburg',
    districtId: 'hamborn',
  });
  await extendSlots(ctx);

  const random = seeded(15);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const zone = ctx.city.profile.timezone;
  const today = localDate(ctx.now, zone);
  const districts = ctx.city.districts.map((d) => d.id);
  const clinic = { ...ctx };

  for (let i = 0; i < 60; i++) {
    const clearing = i % 3 !== 2;
    const daysAgo = 5 + Math.floor(random() * 340);
    const at = new Date(ctx.now.getTime() - daysAgo * 86_400_000);
    const when = { ...ctx, now: at };
    const language = clearing ? pick(['ro', 'ro', 'bg', 'bg', 'en']) : pick(['ar', 'tr', 'uk', 'ru', 'fa']);
    const topics: Topic[] = clearing
      ? ['health_insurance', ...(random() < 0.3 ? (['work'] as const) : [])]
      : [
          pick(TOPICS.filter((t) => t !== 'health_insurance')),
          ...(random() < 0.3 ? (['housing'] as const) : []),
        ];
    const consented = i % 10 !== 9;
    const opened = await openCase(when, {
      serviceId: clearing ? DEMO_CLEARING : DEMO_MBE,
      person: {
        name: `${pick(FIRST)} ${pick(LAST)}`,
        birthDate: addDays('1960-01-01', Math.floor(random() * 16000)),
        languages: [language],
        address: random() < 0.2 ? null : `Demostraße ${1 + Math.floor(random() * 90)}, Duisburg`,
        noFixedAddress: random() < 0.15,
        phone: `0176 ${String(1000000 + Math.floor(random() * 8999999))}`,
        email: null,
        // Every third client lives with a child (no random draw: the rest of the demo stays as it was).
        household:
          i % 3 === 0
            ? [
                {
                  name: `${FIRST[(i * 7) % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`,
                  relation: 'child' as const,
                  birthDate: addDays('2012-01-01', (i * 97) % 3000),
                },
              ]
            : [],
      },
      language,
      districtId: pick(districts),
      topics,
      consent: { store: consented, expiresOn: addDays(today, 700) },
    });
    if (!opened.id) continue;
    const id = opened.id;
    const later = { ...ctx, now: new Date(at.getTime() + 3 * 86_400_000) };
    if (clearing) {
      const checklist = Object.fromEntries(
        HEALTH_CHECKS.filter(() => random() < 0.6).map((c) => [c, random() < 0.5]),
      );
      await updateCase(later, id, {
        checklist,
        missingDocuments: DOCUMENTS.filter(() => random() < 0.25),
      });
    }
    if (random() < 0.5) await addNote(later, id, pick(NOTES));
    if (clearing && random() < 0.35) {
      const reply = await refer(later, id, {
        recipientId: DEMO_CLINIC,
        purpose: 'Behandlung ohne Krankenversicherung',
        fields: ['name', 'birthDate', 'languages', 'insurance'],
        consentExpiresOn: addDays(today, 180),
      });
      const referralId = reply.referrals[0]?.id;
      if (referralId && random() < 0.7)
        await recordVisit({ ...clinic, now: new Date(at.getTime() + 6 * 86_400_000) }, referralId, {
          visitedOn: localDate(new Date(at.getTime() + 6 * 86_400_000), zone),
          referredToClearing: false,
        });
    }
    if (daysAgo > 40 && random() < 0.7) {
      const closedAt = {
        ...ctx,
        now: new Date(at.getTime() + (10 + Math.floor(random() * 30)) * 86_400_000),
      };
      await updateCase(closedAt, id, {
        status: 'closed',
        outcomes: clearing ? { health_insurance: pick(HEALTH_OUTCOMES) } : {},
      });
    }
  }

  // One break-glass access: the Clearingstelle's lead opened a migration-counselling case (the DPO's list shows it).
  const [mbeCase] = (await repo.listCases(ctx.db, { organisationId: DEMO_MBE_ORG }, 'open', 1, 0)).rows;
  if (lead && mbeCase)
    await breakGlass(
      {
        ...ctx,
        now: new Date(ctx.now.getTime() - 2 * 86_400_000),
        actor: {
          kind: 'user',
          role: 'caseworker',
          id: lead.id,
          organisationId: DEMO_CLEARING_ORG,
          organisationKind: 'counselling',
          sessionId: null,
        },
      },
      mbeCase.id,
      'Klient in der Clearingstelle, akute Behandlung: Aufenthaltsstatus aus der Migrationsberatung nötig.',
    );

  // A few appointments booked for the coming days (the appointments list shows them).
  for (const [serviceId, name, language] of [
    [DEMO_CLEARING, 'Florin Radu', 'ro'],
    [DEMO_CLEARING, 'Rositsa Ivanova', 'bg'],
    [DEMO_MBE, 'Olena Kovalenko', 'uk'],
  ] as const) {
    const slots = await repo.listFreeSlots(
      ctx.db,
      serviceId,
      new Date(ctx.now.getTime() + 86_400_000),
      new Date(ctx.now.getTime() + 14 * 86_400_000),
    );
    const slot = slots[Math.floor(random() * Math.min(10, slots.length))];
    if (!slot) continue;
    await book(ctx, {
      slotId: slot.id,
      name,
      phone: '0203 1234567',
      email: null,
      language,
      topic: serviceId === DEMO_CLEARING ? 'health_insurance' : 'residence',
      mediator: language !== 'uk',
      privacy: true,
    });
  }
}
