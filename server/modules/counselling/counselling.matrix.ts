/**
 * The counselling module's rows of the role × route matrix (server/modules/platform/matrix.test.ts). The services,
 * their free slots, booking and the code's follow, cancel and move routes are public. Every case route is for the
 * counsellors only: the matrix's `clearing` (a caseworker of the Clearingstelle, an organisation of kind
 * "counselling", with the `counselling` scope); everyone else signed in gets 403 (schools, institutions, the KI's
 * caseworkers, coordinators, admins, the advice centre's counsellor), the anonymous visitor 401. The clinic's routes
 * are for the clinic's staff: the demo `institution` account belongs to the Schwerpunktambulanz (kind "clinic").
 * Break-glass is for counsellors (the demo Clearingstelle counsellor is a lead); its list for the admins (the DPO).
 */
import {
  ACTORS,
  type ActorName,
  EVERYONE,
  type MatrixBase,
  type ModuleMatrix,
} from '../../../test/matrix.ts';
import { newCode } from '../../core/codes.ts';
import { systemContext } from '../../core/context.ts';
import { book, codeHashOf } from './booking.service.ts';
import { openCase, refer } from './cases.service.ts';
import { findAccountByEmail } from '../platform/index.ts';
import { DEMO_CLEARING, DEMO_CLINIC, DEMO_MBE, DEMO_MBE_COUNSELLOR } from './counselling.demo.ts';
import * as repo from './counselling.repository.ts';
import { CODE_GROUPS } from './counselling.terms.ts';
import { seal } from './seal.ts';

const COUNSELLOR = ['clearing'] as const;
const CLINIC = ['institution'] as const;
/** The data-protection officer: the platform's admins. */
const PRIVACY = ['admin'] as const;
/** Figures: the KI's coordinators and the admins (aggregates only). */
const FIGURES = ['coordinator', 'admin'] as const;

type Fixtures = {
  /** One free slot per actor, to book. */
  slots: Record<ActorName, string>;
  /** One booking code per actor, to cancel. */
  cancelCodes: Record<ActorName, string>;
  /** One booking code per actor, to move, and the free slot to move it to. */
  moveCodes: Record<ActorName, string>;
  moveTargets: Record<ActorName, string>;
  /** A code to follow. */
  code: string;
  /** A case of the Clearingstelle. */
  caseId: string;
  /** A referral of that case to the clinic. */
  referralId: string;
  /** A case of the Migrationsberatung, which the Clearingstelle's lead counsellor opens by break-glass. */
  otherCaseId: string;
  /** A case of the Clearingstelle whose client asked for erasure. */
  eraseCaseId: string;
  /** A booking of the Clearingstelle whose client asked for a mediator (booked by one click). */
  mediatorBookingId: string;
  /** The Migrationsberatung's counsellor, named a lead here for the admin to remove. */
  leadId: string;
};

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const person = { name: 'Matrix Person', languages: ['ro'], noFixedAddress: true, household: [] };

async function setup({ t }: MatrixBase): Promise<Fixtures> {
  const system = systemContext(t.services);
  const free = await repo.listFreeSlots(
    system.db,
    DEMO_CLEARING,
    new Date(Date.now() + 86_400_000),
    new Date(Date.now() + 27 * 86_400_000),
  );
  if (free.length < 4 * ACTORS.length + 2) throw new Error('counselling fixture: too few free slots');
  const booking = (slotId: string) =>
    book(system, {
      slotId,
      name: 'Matrix Client',
      phone: '0203 999999',
      email: null,
      language: 'ro',
      topic: 'health_insurance',
      mediator: false,
      privacy: true,
    });
  const slots = {} as Record<ActorName, string>;
  const cancelCodes = {} as Record<ActorName, string>;
  for (const [i, actor] of ACTORS.entries()) {
    slots[actor] = free[i]?.id as string;
    cancelCodes[actor] = (await booking(free[ACTORS.length + i]?.id as string)).code;
  }
  const moveCodes = {} as Record<ActorName, string>;
  const moveTargets = {} as Record<ActorName, string>;
  // Inserted in one statement: the matrix's set-up is shared by every module and must stay quick.
  const toMove = ACTORS.map((actor, i) => {
    moveCodes[actor] = newCode(CODE_GROUPS);
    moveTargets[actor] = free[3 * ACTORS.length + 2 + i]?.id as string;
    return {
      slotId: free[2 * ACTORS.length + 2 + i]?.id as string,
      serviceId: DEMO_CLEARING,
      codeHash: codeHashOf(moveCodes[actor]),
      sealedContact: seal(system.config, { name: 'Matrix Client', phone: '0203 999999', email: null }),
      language: 'ro',
      topic: 'health_insurance',
      createdAt: system.now,
    };
  });
  await repo.insertBookings(system.db, toMove);
  const code = (await booking(free[2 * ACTORS.length]?.id as string)).code;
  const withMediator = await book(system, {
    slotId: free[2 * ACTORS.length + 1]?.id as string,
    name: 'Matrix Client',
    phone: '0203 999999',
    email: null,
    language: 'ro',
    topic: 'health_insurance',
    mediator: true,
    privacy: true,
  });
  const mediatorBooking = await repo.findBookingByCodeHash(system.db, codeHashOf(withMediator.code));
  const opened = await openCase(system, {
    serviceId: DEMO_CLEARING,
    person,
    language: 'ro',
    topics: ['health_insurance'],
    consent: { store: true, expiresOn: inAMonth() },
  });
  const caseId = opened.id as string;
  const referred = await refer(system, caseId, {
    recipientId: DEMO_CLINIC,
    purpose: 'Behandlung',
    fields: ['name'],
    consentExpiresOn: inAMonth(),
  });
  const other = await openCase(system, {
    serviceId: DEMO_MBE,
    person,
    language: 'uk',
    topics: ['residence'],
    consent: { store: true, expiresOn: inAMonth() },
  });
  const toErase = await openCase(system, {
    serviceId: DEMO_CLEARING,
    person,
    language: 'ro',
    topics: ['health_insurance'],
    consent: { store: true, expiresOn: inAMonth() },
  });
  const mbeCounsellor = await findAccountByEmail(system.db, DEMO_MBE_COUNSELLOR);
  if (!mbeCounsellor?.organisationId)
    throw new Error('counselling fixture: no Migrationsberatung counsellor');
  await repo.insertLead(system.db, {
    userId: mbeCounsellor.id,
    organisationId: mbeCounsellor.organisationId,
    appointedAt: new Date(),
  });
  return {
    leadId: mbeCounsellor.id,
    eraseCaseId: toErase.id as string,
    slots,
    cancelCodes,
    moveCodes,
    moveTargets,
    code,
    caseId,
    referralId: referred.referrals[0]?.id as string,
    otherCaseId: other.id as string,
    mediatorBookingId: mediatorBooking?.booking.id as string,
  };
}

const base = '/api/v1/counselling';

const matrix: ModuleMatrix<Fixtures> = {
  setup,
  rows: [
    {
      method: 'GET',
      path: `${base}/services`,
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: `${base}/services` }),
    },
    {
      method: 'GET',
      path: `${base}/services/:id/slots`,
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: `${base}/services/${DEMO_CLEARING}/slots` }),
    },
    {
      method: 'POST',
      path: `${base}/bookings`,
      allowed: EVERYONE,
      status: 201,
      request: (actor, f) => ({
        url: `${base}/bookings`,
        body: {
          slotId: f.slots[actor],
          name: 'Ion Popa',
          phone: '0176 1234567',
          language: 'ro',
          topic: 'health_insurance',
          mediator: true,
          privacy: true,
        },
      }),
    },
    {
      method: 'GET',
      path: `${base}/bookings/:code`,
      allowed: EVERYONE,
      status: 200,
      request: (_actor, f) => ({ url: `${base}/bookings/${f.code}` }),
    },
    {
      method: 'POST',
      path: `${base}/bookings/:code/cancel`,
      allowed: EVERYONE,
      status: 200,
      request: (actor, f) => ({ url: `${base}/bookings/${f.cancelCodes[actor]}/cancel` }),
    },
    {
      method: 'POST',
      path: `${base}/bookings/:code/move`,
      allowed: EVERYONE,
      status: 200,
      request: (actor, f) => ({
        url: `${base}/bookings/${f.moveCodes[actor]}/move`,
        body: { slotId: f.moveTargets[actor] },
      }),
    },
    {
      method: 'GET',
      path: `${base}/appointments`,
      allowed: COUNSELLOR,
      status: 200,
      request: () => ({ url: `${base}/appointments` }),
    },
    {
      method: 'POST',
      path: `${base}/appointments/:id/mediator`,
      allowed: COUNSELLOR,
      status: 201,
      request: (_actor, f) => ({ url: `${base}/appointments/${f.mediatorBookingId}/mediator` }),
    },
    {
      method: 'GET',
      path: `${base}/cases`,
      allowed: COUNSELLOR,
      status: 200,
      request: () => ({ url: `${base}/cases` }),
    },
    {
      method: 'POST',
      path: `${base}/cases`,
      allowed: COUNSELLOR,
      status: 201,
      request: () => ({
        url: `${base}/cases`,
        body: {
          serviceId: DEMO_CLEARING,
          person,
          language: 'ro',
          topics: ['health_insurance'],
          consent: { store: true, expiresOn: inAMonth() },
        },
      }),
    },
    {
      method: 'GET',
      path: `${base}/cases/:id`,
      allowed: COUNSELLOR,
      status: 200,
      request: (_actor, f) => ({ url: `${base}/cases/${f.caseId}` }),
    },
    {
      method: 'PATCH',
      path: `${base}/cases/:id`,
      allowed: COUNSELLOR,
      status: 200,
      request: (_actor, f) => ({
        url: `${base}/cases/${f.caseId}`,
        body: { checklist: { ehic_valid: false } },
      }),
    },
    {
      method: 'POST',
      path: `${base}/cases/:id/notes`,
      allowed: COUNSELLOR,
      status: 201,
      request: (_actor, f) => ({
        url: `${base}/cases/${f.caseId}/notes`,
        body: { body: 'Rückruf vereinbart.' },
      }),
    },
    {
      method: 'POST',
      path: `${base}/cases/:id/referrals`,
      allowed: COUNSELLOR,
      status: 201,
      request: (_actor, f) => ({
        url: `${base}/cases/${f.caseId}/referrals`,
        body: {
          recipientId: DEMO_CLINIC,
          purpose: 'Behandlung',
          fields: ['name'],
          consentExpiresOn: inAMonth(),
        },
      }),
    },
    {
      method: 'POST',
      path: `${base}/cases/:id/break-glass`,
      allowed: COUNSELLOR,
      status: 201,
      request: (_actor, f) => ({
        url: `${base}/cases/${f.otherCaseId}/break-glass`,
        body: { reason: 'Akute Behandlung, Status aus der Migrationsberatung nötig.' },
      }),
    },
    {
      method: 'GET',
      path: `${base}/cases/:id/export`,
      allowed: COUNSELLOR,
      status: 200,
      request: (_actor, f) => ({ url: `${base}/cases/${f.caseId}/export` }),
    },
    {
      method: 'POST',
      path: `${base}/cases/:id/erase`,
      allowed: COUNSELLOR,
      status: 200,
      request: (_actor, f) => ({ url: `${base}/cases/${f.eraseCaseId}/erase`, body: { confirm: true } }),
    },
    {
      method: 'GET',
      path: `${base}/figures`,
      allowed: FIGURES,
      status: 200,
      request: () => ({ url: `${base}/figures` }),
    },
    {
      method: 'GET',
      path: `${base}/figures.csv`,
      allowed: FIGURES,
      status: 200,
      request: () => ({ url: `${base}/figures.csv` }),
    },
    {
      method: 'GET',
      path: `${base}/break-glass`,
      allowed: PRIVACY,
      status: 200,
      request: () => ({ url: `${base}/break-glass` }),
    },
    {
      method: 'GET',
      path: `${base}/leads`,
      allowed: PRIVACY,
      status: 200,
      request: () => ({ url: `${base}/leads` }),
    },
    {
      method: 'POST',
      path: `${base}/leads`,
      allowed: PRIVACY,
      status: 201,
      request: () => ({ url: `${base}/leads`, body: { email: DEMO_MBE_COUNSELLOR } }),
    },
    {
      method: 'DELETE',
      path: `${base}/leads/:id`,
      allowed: PRIVACY,
      status: 200,
      request: (_actor, f) => ({ url: `${base}/leads/${f.leadId}` }),
    },
    {
      method: 'GET',
      path: `${base}/clinic/referrals`,
      allowed: CLINIC,
      status: 200,
      request: () => ({ url: `${base}/clinic/referrals` }),
    },
    {
      method: 'PATCH',
      path: `${base}/clinic/referrals/:id`,
      allowed: CLINIC,
      status: 200,
      request: (_actor, f) => ({
        url: `${base}/clinic/referrals/${f.referralId}`,
        body: { status: 'accepted' },
      }),
    },
    {
      method: 'POST',
      path: `${base}/clinic/referrals/:id/visits`,
      allowed: CLINIC,
      status: 201,
      request: (_actor, f) => ({
        url: `${base}/clinic/referrals/${f.referralId}/visits`,
        body: { visitedOn: new Date().toISOString().slice(0, 10), referredToClearing: false },
      }),
    },
  ],
};

export default matrix;
