/**
 * Funding after the decision: the payment plan (tranches planned and paid, once), repayment claims (never more than
 * was paid, repaid once) and the reminders before each due day — a call's deadline 14 and 3 days before to the member
 * who started a draft, the proof of use and a claim to the association, a tranche to the coordinator who decided —
 * through a real SMTP server, in the recipient's language, each once.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { startSmtpServer } from '../../../test/smtp.ts';
import { signInStaff } from '../../../test/staff.ts';
import { systemContext } from '../../core/context.ts';
import { deliverPendingMail } from '../../core/mail.ts';
import { users } from '../platform/platform.tables.ts';
import { createCall } from './calls.service.ts';
import { buildCall, insertApplicationIn, TINY_PDF } from './funding.factories.ts';
import { updateApplication } from './funding.repository.ts';
import { sendFundingReminders } from './reminders.service.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let coordinator: Client;
let member: Client;
let memberEmail: string;
let memberId: string;
let coordinatorEmail: string;
let callId: string;

type ErrorBody = { error: { code: string; message: string; field?: string } };
type Payments = {
  granted: number;
  proofDueOn: string | null;
  tranches: { number: number; amount: number; dueOn: string; paidOn: string | null }[];
  claims: { id: string; amount: number; reason: string; dueOn: string; paidOn: string | null }[];
  paid: number;
  claimed: number;
  repaid: number;
};

const ORGANISATION = 'verein-kultur-brucke';
/** 1 March 2027, 09:00 in Duisburg; the call's deadline is 31 March 2027, 23:59. */
const MARCH_1 = new Date('2027-03-01T08:00:00Z');
const day = (date: string) => new Date(`${date}T08:00:00Z`);

async function me(client: Client) {
  return (await client.get('/api/v1/me')).json<{ user: { id: string; email: string } }>().user;
}

/** An application of the member's association, submitted and decided as given (its starter: the member). */
async function decided(amount: number, outcome: 'approved' | 'partly' = 'approved') {
  const ctx = systemContext(t.services);
  const row = await insertApplicationIn(ctx, { callId, organisationId: ORGANISATION, state: 'submitted' });
  await updateApplication(t.services.database.db, row.id, { createdBy: memberId });
  const reply = await coordinator.post(`/api/v1/funding/applications/${row.id}/decision`, {
    outcome,
    amount,
    reason: 'Überzeugendes Konzept.',
    conditions: '',
  });
  expect(reply.status, reply.body).toBe(200);
  return row.id;
}

/** The hourly job's run, then the outbox sent to the SMTP server (directly: no other job's first run). */
async function remind() {
  await sendFundingReminders(systemContext(t.services));
  await deliverPendingMail(t.services);
}
const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url });
  expect(t.services.jobRunner.definitions.map((job) => job.name)).toContain('funding.reminders');
  t.services.clock.set(MARCH_1);
  coordinator = await t.login('coordinator');
  member = await signInStaff(t, { role: 'association', organisationId: ORGANISATION, kind: 'association' });
  const account = await me(member);
  memberEmail = account.email;
  memberId = account.id;
  // The volunteer reads Lotse in Turkish: her reminders come in Turkish.
  await t.services.database.db.update(users).set({ locale: 'tr' }).where(eq(users.id, account.id));
  coordinatorEmail = (await me(coordinator)).email;
  callId = (await createCall(systemContext(t.services), buildCall())).id;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('the payment plan', () => {
  it('takes tranches adding up to the grant, shows them to the association, and pays each once', async () => {
    const id = await decided(2_700);
    const url = `/api/v1/funding/applications/${id}/payments`;
    const wrong = await coordinator.request('PUT', url, {
      body: { tranches: [{ amount: 1_000, dueOn: '2027-04-01' }], proofDueOn: '2028-01-31' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json<ErrorBody>().error).toMatchObject({
      code: 'funding.tranches_sum',
      field: 'body.tranches',
    });
    expect(wrong.json<ErrorBody>().error.message).toContain('2700');

    const plan = {
      tranches: [
        { amount: 1_700, dueOn: '2027-04-01' },
        { amount: 1_000, dueOn: '2027-09-01' },
      ],
      proofDueOn: '2028-01-31',
    };
    expect((await member.request('PUT', url, { body: plan })).status).toBe(403);
    const planned = await coordinator.request('PUT', url, { body: plan });
    expect(planned.status, planned.body).toBe(200);
    const seen = (await member.get(url)).json<Payments>();
    expect(seen).toMatchObject({ granted: 2_700, proofDueOn: '2028-01-31', paid: 0 });
    expect(seen.tranches.map((x) => [x.number, x.amount, x.dueOn, x.paidOn])).toEqual([
      [1, 1_700, '2027-04-01', null],
      [2, 1_000, '2027-09-01', null],
    ]);

    // Two coordinators book the first tranche at the same moment: the database lets one win.
    const paid = `/api/v1/funding/applications/${id}/tranches/1/paid`;
    const both = await Promise.all([
      coordinator.post(paid, { paidOn: '2027-04-02' }),
      coordinator.post(paid, { paidOn: '2027-04-03' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)?.json<ErrorBody>().error.code).toBe('funding.already_paid');
    const after = (await member.get(url)).json<Payments>();
    expect(after.paid).toBe(1_700);
    expect(after.tranches[0]?.paidOn).toMatch(/^2027-04-0[23]$/);
    // Once money went out the plan stays.
    const replan = await coordinator.request('PUT', url, { body: plan });
    expect(replan.status).toBe(409);
    expect(replan.json<ErrorBody>().error.code).toBe('funding.tranche_paid');
    expect(
      (await coordinator.post(`/api/v1/funding/applications/${id}/tranches/3/paid`, { paidOn: '2027-04-02' }))
        .status,
    ).toBe(404);
  });

  it('refuses a plan before the decision and shows another association nothing', async () => {
    const ctx = systemContext(t.services);
    const { id } = await insertApplicationIn(ctx, {
      callId,
      organisationId: ORGANISATION,
      state: 'submitted',
    });
    const early = await coordinator.request('PUT', `/api/v1/funding/applications/${id}/payments`, {
      body: { tranches: [{ amount: 100, dueOn: '2027-04-01' }], proofDueOn: null },
    });
    expect(early.status).toBe(409);
    const other = await signInStaff(t, {
      role: 'association',
      organisationId: 'other-verein',
      kind: 'association',
    });
    expect((await other.get(`/api/v1/funding/applications/${id}/payments`)).status).toBe(403);
  });
});

describe('repayment claims', () => {
  it('claims back at most what was paid, and records the repayment once', async () => {
    const id = await decided(2_000, 'partly');
    await coordinator.request('PUT', `/api/v1/funding/applications/${id}/payments`, {
      body: { tranches: [{ amount: 2_000, dueOn: '2027-04-01' }], proofDueOn: null },
    });
    const claims = `/api/v1/funding/applications/${id}/claims`;
    const claim = { amount: 500, reason: 'not_needed', note: 'Catering günstiger.', dueOn: '2027-12-01' };
    const beforePaid = await coordinator.post(claims, claim);
    expect(beforePaid.status).toBe(400);
    expect(beforePaid.json<ErrorBody>().error).toMatchObject({
      code: 'funding.claim_over_paid',
      field: 'body.amount',
    });

    await coordinator.post(`/api/v1/funding/applications/${id}/tranches/1/paid`, { paidOn: '2027-04-01' });
    const recorded = await coordinator.post(claims, claim);
    expect(recorded.status, recorded.body).toBe(200);
    const over = await coordinator.post(claims, { ...claim, amount: 1_501 });
    expect(over.status).toBe(400);
    expect(over.json<ErrorBody>().error.message).toContain('1500');
    expect((await member.post(claims, claim)).status).toBe(403);

    const seen = (await member.get(`/api/v1/funding/applications/${id}/payments`)).json<Payments>();
    expect(seen).toMatchObject({ paid: 2_000, claimed: 500, repaid: 0 });
    const claimId = seen.claims[0]?.id;
    expect(seen.claims[0]).toMatchObject({
      amount: 500,
      reason: 'not_needed',
      dueOn: '2027-12-01',
      paidOn: null,
    });
    const repaid = await coordinator.post(`${claims}/${claimId}/paid`, { paidOn: '2027-11-20' });
    expect(repaid.json<Payments>()).toMatchObject({ repaid: 500 });
    expect((await coordinator.post(`${claims}/${claimId}/paid`, { paidOn: '2027-11-21' })).status).toBe(409);
  });
});

describe('receipts on the proof of use', () => {
  it('attaches a receipt that is a PDF by its content, refuses an HTML page named .pdf, and lists it with the proof', async () => {
    const id = await decided(2_700);
    const url = `/api/v1/funding/applications/${id}/receipts`;
    const fake = await member.post(url, {
      fileName: 'quittung.pdf',
      content: Buffer.from('<html>Quittung</html>').toString('base64'),
    });
    expect(fake.status).toBe(400);
    expect(fake.json<ErrorBody>().error).toMatchObject({
      code: 'funding.document_type',
      field: 'body.content',
    });
    const added = await member.post(url, { fileName: 'quittung-honorar.pdf', content: TINY_PDF });
    expect(added.status, added.body).toBe(201);
    const proof = (await coordinator.get(`/api/v1/funding/applications/${id}/proof`)).json<{
      receipts: { fileName: string; mediaType: string }[];
    }>();
    expect(proof.receipts).toEqual([
      expect.objectContaining({ fileName: 'quittung-honorar.pdf', mediaType: 'application/pdf' }),
    ]);
    // A receipt is not one of the application's documents.
    const application = (await member.get(`/api/v1/funding/applications/${id}`)).json<{
      documents: unknown[];
    }>();
    expect(application.documents).toEqual([]);
    expect((await coordinator.post(url, { fileName: 'x.pdf', content: TINY_PDF })).status).toBe(403);
  });
});

describe('reminders before each due day', () => {
  it('reminds the coordinator of a tranche and the association of the proof of use and a repayment, each due day once', async () => {
    t.services.clock.set(MARCH_1);
    const id = await decided(1_200, 'partly');
    await coordinator.request('PUT', `/api/v1/funding/applications/${id}/payments`, {
      body: {
        tranches: [
          { amount: 600, dueOn: '2027-03-10' },
          { amount: 600, dueOn: '2027-08-01' },
        ],
        proofDueOn: '2027-03-12',
      },
    });
    await coordinator.post(`/api/v1/funding/applications/${id}/tranches/1/paid`, { paidOn: '2027-03-01' });
    await coordinator.post(`/api/v1/funding/applications/${id}/claims`, {
      amount: 200,
      reason: 'not_proven',
      note: '',
      dueOn: '2027-03-13',
    });
    const before = { coordinator: mailsTo(coordinatorEmail).length, member: mailsTo(memberEmail).length };
    await remind();
    await remind();
    // The first tranche is paid: nothing about it. The proof (11 days) and the claim (12 days) are within 14 days.
    const toMember = mailsTo(memberEmail).slice(before.member);
    expect(toMember.map((m) => m.subject).sort()).toEqual([
      'Lotse: “Sprachcafé im Stadtteil” için harcama belgesi son tarihi 12 Mart 2027',
      'Lotse: “Sprachcafé im Stadtteil” için €200 geri ödeme, son tarih 13 Mart 2027',
    ]);
    expect(mailsTo(coordinatorEmail).slice(before.coordinator)).toHaveLength(0);

    t.services.clock.set(day('2027-07-20'));
    await remind();
    const toCoordinator = mailsTo(coordinatorEmail).slice(before.coordinator);
    expect(toCoordinator.map((m) => m.subject)).toEqual([
      'Lotse: Auszahlung von 600\u00a0€ für „Sprachcafé im Stadtteil“ am 1. August 2027 fällig',
    ]);
  });

  it('reminds the author of a draft 14 and 3 days before the deadline, once each, in Turkish', async () => {
    t.services.clock.set(MARCH_1);
    const draft = await member.post('/api/v1/funding/applications', { callId });
    expect(draft.status, draft.body).toBe(201);
    t.services.clock.set(day('2027-03-16'));
    await remind();
    expect(mailsTo(memberEmail).filter((m) => m.subject.includes('Testprogramm'))).toHaveLength(0);

    t.services.clock.set(day('2027-03-17'));
    await remind();
    await remind();
    const first = mailsTo(memberEmail).filter((m) => m.subject.includes('Test programı Buluşma'));
    expect(first).toHaveLength(1);
    expect(first[0]?.subject).toBe('Lotse: “Test programı Buluşma” için son başvuru tarihi 31 Mart 2027');
    expect(first[0]?.text).toContain(`/funding/${draft.json<{ id: string }>().id}`);

    t.services.clock.set(day('2027-03-28'));
    await remind();
    await remind();
    expect(mailsTo(memberEmail).filter((m) => m.subject.includes('Test programı Buluşma'))).toHaveLength(2);
  });
});

describe('figures', () => {
  type Group = {
    key: string;
    organisations: number | '<5';
    applications: number | '<5';
    approved: number;
    paid: number;
    repaid: number;
  };
  it('sums requested, approved, paid and repaid by call, district and kind, with counts of organisations under 5 as "<5", also in CSV', async () => {
    t.services.clock.set(MARCH_1);
    expect((await member.get('/api/v1/funding/figures')).status).toBe(403);
    const reply = await coordinator.get('/api/v1/funding/figures');
    expect(reply.status, reply.body).toBe(200);
    const figures = reply.json<{
      total: Group;
      byCall: Group[];
      byDistrict: Group[];
      byKind: Group[];
      firstTime: Group;
      daysToDecision: { decided: number | '<5'; medianDays: number | null };
    }>();
    // This file's call: one association, four funded applications, 4,300 € paid in tranches, 500 € repaid.
    expect(figures.byCall.find((g) => g.key === callId)).toMatchObject({
      organisations: '<5',
      approved: 8_600,
      paid: 4_300,
      repaid: 500,
    });
    // The demo's eleven associations over seven Stadtbezirke: some districts have fewer than five.
    expect(typeof figures.total.organisations).toBe('number');
    expect(figures.byDistrict.some((g) => g.organisations === '<5')).toBe(true);
    expect(figures.byKind.map((g) => g.key)).toContain('association');
    expect(typeof figures.daysToDecision.decided).toBe('number');
    expect(figures.daysToDecision.medianDays).not.toBeNull();

    const csv = await coordinator.get('/api/v1/funding/figures.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`by_call,${callId},<5,`);
    expect(csv.body.split('\n')[0]).toBe(
      'figure,key,organisations,first_time_organisations,applications,requested,approved,paid,repaid',
    );
  });
});
