/**
 * Funding: the public contract (open calls, funded projects), who may read an application, the budget plan's
 * rules, the completeness check, submitting and versions after a change request, documents by content, reviews
 * with conflicts of interest and the coordinator's score table.
 */
import { eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import { systemContext } from '../../core/context.ts';
import { auditLog } from '../../core/core.tables.ts';
import { createCall } from './calls.service.ts';
import { buildCall, completeContent, insertApplicationIn, TINY_PDF } from './funding.factories.ts';
import { fundingApplications } from './funding.tables.ts';

let t: TestApp;
let coordinator: Client;
let association: Client;
let callId: string;
let reviewerA: Client;
let reviewerB: Client;
/** A reviewer of the call who belongs to the demo association (punte-hochfeld), without its applicant role. */
let conflicted: Client;

type ErrorBody = { error: { code: string; message: string; field?: string } };
type Application = {
  id: string;
  state: string;
  version: number;
  missing: string[];
  content: ReturnType<typeof completeContent>;
};

const me = async (client: Client) => (await client.get('/api/v1/me')).json<{ user: { id: string } }>().user;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
  association = await t.login('association');
  reviewerA = await signInStaff(t, {
    role: 'institution',
    organisationId: 'funding-jury-a',
    kind: 'authority',
  });
  reviewerB = await signInStaff(t, {
    role: 'institution',
    organisationId: 'funding-jury-b',
    kind: 'authority',
  });
  conflicted = await signInStaff(t, {
    role: 'institution',
    organisationId: 'punte-hochfeld',
    kind: 'association',
  });
  const reviewerIds = await Promise.all(
    [reviewerA, reviewerB, conflicted].map(async (c) => (await me(c)).id),
  );
  callId = (await createCall(systemContext(t.services), buildCall({ reviewerIds }))).id;
});
afterAll(async () => t?.close());

async function start(client = association, call = callId): Promise<Application> {
  const reply = await client.post('/api/v1/funding/applications', { callId: call });
  expect(reply.status, reply.body).toBe(201);
  return reply.json<Application>();
}
async function save(id: string, body: object, status = 200, client = association) {
  const reply = await client.patch(`/api/v1/funding/applications/${id}`, body);
  expect(reply.status, reply.body).toBe(status);
  return reply;
}
async function submitted(call = callId): Promise<Application> {
  const application = await start(association, call);
  await save(application.id, completeContent());
  const upload = await association.post(`/api/v1/funding/applications/${application.id}/documents`, {
    kind: 'statutes',
    fileName: 'satzung.pdf',
    content: TINY_PDF,
  });
  expect(upload.status, upload.body).toBe(201);
  const reply = await association.post(`/api/v1/funding/applications/${application.id}/submit`);
  expect(reply.status, reply.body).toBe(200);
  return reply.json<Application>();
}

describe('the public contract', () => {
  it('lists the open calls but not the decided one, and the funded projects without anything undecided', async () => {
    const visitor = t.client('de');
    const calls = (await visitor.get('/api/v1/funding/calls')).json<{
      items: { title: string; state: string }[];
    }>();
    expect(calls.items.map((c) => c.title)).toContain('Interkulturelle Projekte 2027');
    expect(calls.items.map((c) => c.title)).not.toContain('Interkulturelle Projekte 2026');
    expect(calls.items.every((c) => c.state === 'open')).toBe(true);

    const reply = await visitor.get('/api/v1/funding/funded');
    expect(reply.status).toBe(200);
    const funded = reply.json<{ items: Record<string, unknown>[] }>().items;
    // The demo's decided call: 6 approved and 3 partly approved; the open call's submitted ones are not there.
    expect(funded).toHaveLength(9);
    for (const project of funded) {
      expect(Object.keys(project)).toEqual(
        expect.arrayContaining(['organisation', 'title', 'amount', 'year', 'district']),
      );
      expect(project.year).toBe(2026);
      expect(project.amount).toBeGreaterThan(0);
    }
  });

  it('shows a call in Turkish where it is translated', async () => {
    const reply = await t.client('tr').get(`/api/v1/funding/calls/${callId}`);
    expect(reply.json()).toMatchObject({ title: 'Test programı Buluşma', language: 'tr' });
  });

  it('answers 401 to anonymous callers and 403 to an association reading another association’s application', async () => {
    const application = await start();
    const anonymous = t.client('de');
    expect((await anonymous.get('/api/v1/funding/applications')).status).toBe(401);
    expect((await anonymous.get(`/api/v1/funding/applications/${application.id}`)).status).toBe(401);
    const other = await signInStaff(t, {
      role: 'association',
      organisationId: 'other-verein',
      kind: 'association',
    });
    const reply = await other.get(`/api/v1/funding/applications/${application.id}`);
    expect(reply.status).toBe(403);
    expect((await other.patch(`/api/v1/funding/applications/${application.id}`, { goals: 'x' })).status).toBe(
      403,
    );
    const list = (await other.get('/api/v1/funding/applications')).json<{ items: unknown[] }>();
    expect(list.items).toEqual([]);
  });
});

describe('the budget plan', () => {
  it('refuses a cost category the call does not fund, naming the line', async () => {
    const { id } = await start();
    const budget = completeContent().budget;
    const reply = await save(
      id,
      {
        budget: {
          ...budget,
          costs: [...budget.costs.slice(0, 1), { category: 'rent', description: 'Saal', amount: 1000 }],
        },
      },
      400,
    );
    expect(reply.json<ErrorBody>().error).toMatchObject({
      code: 'funding.category_not_eligible',
      field: 'body.budget.costs.1.category',
    });
  });

  it('refuses a request over the call’s maximum and sums that do not add up, in the caller’s language', async () => {
    const { id } = await start();
    const costs = [{ category: 'fees', description: 'Honorare', amount: 6_000 }];
    const over = await save(
      id,
      { budget: { costs, ownContribution: 0, otherFunding: 0, requested: 6_000, minimum: null } },
      400,
    );
    expect(over.json<ErrorBody>().error).toMatchObject({
      code: 'funding.over_maximum',
      field: 'body.budget.requested',
    });
    expect(over.json<ErrorBody>().error.message).toContain('5000');
    const sums = await save(
      id,
      { budget: { costs, ownContribution: 500, otherFunding: 0, requested: 5_000, minimum: null } },
      400,
    );
    expect(sums.json<ErrorBody>().error).toMatchObject({
      code: 'funding.budget_sums',
      field: 'body.budget.requested',
    });
    const minimum = await save(
      id,
      { budget: { costs, ownContribution: 1_000, otherFunding: 0, requested: 5_000, minimum: 5_500 } },
      400,
    );
    expect(minimum.json<ErrorBody>().error.field).toBe('body.budget.minimum');
    await save(id, {
      budget: { costs, ownContribution: 1_000, otherFunding: 0, requested: 5_000, minimum: 4_000 },
    });
  });
});

describe('completeness, submission and versions', () => {
  it('names every missing part, then submits once they are there and freezes the application', async () => {
    const { id, missing } = await start();
    expect(missing).toEqual([
      'project.title',
      'project.summary',
      'goals',
      'targetGroups',
      'districts',
      'timeline',
      'budget.costs',
      'budget.requested',
      'documents',
      'declaration',
    ]);
    await save(id, { project: completeContent().project, budget: completeContent().budget });
    const refused = await association.post(`/api/v1/funding/applications/${id}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.json<ErrorBody>().error.code).toBe('funding.incomplete');
    expect(refused.json<ErrorBody>().error.message).toContain(
      'goals, targetGroups, districts, timeline, documents, declaration',
    );

    await save(id, { ...completeContent(), project: undefined });
    await association.post(`/api/v1/funding/applications/${id}/documents`, {
      kind: 'statutes',
      fileName: 'satzung.pdf',
      content: TINY_PDF,
    });
    const reply = await association.post(`/api/v1/funding/applications/${id}/submit`);
    expect(reply.status, reply.body).toBe(200);
    expect(reply.json<Application>()).toMatchObject({ state: 'submitted', version: 1, missing: [] });
    const frozen = await save(id, { goals: 'Nachträglich geändert' }, 409);
    expect(frozen.json<ErrorBody>().error.code).toBe('funding.wrong_state');
  });

  it('after a change request the association writes version 2 while version 1 stays as submitted', async () => {
    const { id } = await submitted();
    const asked = await coordinator.post(`/api/v1/funding/applications/${id}/changes`, {
      note: 'Bitte die Honorare aufschlüsseln.',
    });
    expect(asked.json<Application>()).toMatchObject({ state: 'changes_requested', version: 2 });
    await save(id, { goals: 'Begegnung, Sprache und ein Fest am Ende.' });
    const again = await association.post(`/api/v1/funding/applications/${id}/submit`);
    expect(again.json<Application>()).toMatchObject({ state: 'submitted', version: 2 });
    const versions = (await association.get(`/api/v1/funding/applications/${id}/versions`)).json<{
      items: { version: number; content: { goals: string } }[];
    }>();
    expect(versions.items.map((v) => [v.version, v.content.goals])).toEqual([
      [1, 'Begegnung und Sprache.'],
      [2, 'Begegnung, Sprache und ein Fest am Ende.'],
    ]);
  });

  it('refuses a document named .pdf whose content is not a PDF', async () => {
    const { id } = await start();
    const reply = await association.post(`/api/v1/funding/applications/${id}/documents`, {
      kind: 'statutes',
      fileName: 'satzung.pdf',
      content: Buffer.from('<html>Satzung</html>').toString('base64'),
    });
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorBody>().error).toMatchObject({
      code: 'funding.document_type',
      field: 'body.content',
    });
    const application = (await association.get(`/api/v1/funding/applications/${id}`)).json<{
      documents: unknown[];
    }>();
    expect(application.documents).toEqual([]);
  });
});

describe('the deadline', () => {
  it('refuses a submission after it until a coordinator extends it (only later); the call’s deadline as iCal', async () => {
    // Close enough that moving the clock past it keeps everyone signed in.
    const deadline = new Date(Date.now() + 60_000);
    const call = await createCall(
      systemContext(t.services),
      buildCall({ reviewerIds: [], deadline: deadline.toISOString() }),
    );
    const { id } = await start(association, call.id);
    await save(id, completeContent());
    await association.post(`/api/v1/funding/applications/${id}/documents`, {
      kind: 'statutes',
      fileName: 'satzung.pdf',
      content: TINY_PDF,
    });
    t.services.clock.set(new Date(deadline.getTime() + 60_000));
    try {
      const late = await association.post(`/api/v1/funding/applications/${id}/submit`);
      expect(late.status).toBe(409);
      expect(late.json<ErrorBody>().error.code).toBe('funding.deadline_passed');
      const notTheirs = await association.post(`/api/v1/funding/calls/${call.id}/deadline`, {
        deadline: '2099-01-01T00:00:00Z',
      });
      expect(notTheirs.status).toBe(403);
      const earlier = await coordinator.post(`/api/v1/funding/calls/${call.id}/deadline`, {
        deadline: new Date(deadline.getTime() - 60_000).toISOString(),
      });
      expect(earlier.status).toBe(400);
      expect(earlier.json<ErrorBody>().error).toMatchObject({
        code: 'funding.deadline_earlier',
        field: 'body.deadline',
      });
      const extended = new Date(deadline.getTime() + 7 * 86_400_000 + 123_000);
      const moved = await coordinator.post(`/api/v1/funding/calls/${call.id}/deadline`, {
        deadline: extended.toISOString(),
      });
      expect(moved.status, moved.body).toBe(200);
      expect(moved.json<{ deadline: string }>().deadline).toBe(extended.toISOString());
      const onTime = await association.post(`/api/v1/funding/applications/${id}/submit`);
      expect(onTime.status, onTime.body).toBe(200);

      const ics = await t.client('tr').get(`/api/v1/funding/calls/${call.id}/deadline.ics`);
      expect(ics.status).toBe(200);
      expect(ics.headers['content-type']).toContain('text/calendar');
      const stamp = extended
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
      expect(ics.body).toContain(`DTSTART:${stamp}\r\n`);
      expect(ics.body).toContain('SUMMARY:Başvuru son tarihi: Test programı Buluşma');
      expect(ics.body).toContain('TRIGGER:-P14D');
      expect(ics.body).toContain('TRIGGER:-P3D');
      expect(ics.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    } finally {
      t.services.clock.set(new Date());
    }
  });
});

describe('review', () => {
  it('keeps the application from a reviewer of the same association; the coordinator sees both scores’ spread', async () => {
    const { id } = await submitted();
    const listed = (await conflicted.get('/api/v1/funding/reviews')).json<{ items: { id: string }[] }>();
    expect(listed.items.map((i) => i.id)).not.toContain(id);
    expect((await conflicted.get(`/api/v1/funding/applications/${id}`)).status).toBe(403);
    const scoring = await conflicted.request('PUT', `/api/v1/funding/applications/${id}/review`, {
      body: {
        scores: [{ criterion: 'exchange', score: 10, reason: 'Unser eigener Antrag.' }],
      },
    });
    expect(scoring.status).toBe(403);

    expect(
      (await reviewerA.get('/api/v1/funding/reviews'))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id),
    ).toContain(id);
    const score = (client: Client, exchange: number, volunteers: number) =>
      client.request('PUT', `/api/v1/funding/applications/${id}/review`, {
        body: {
          scores: [
            { criterion: 'exchange', score: exchange, reason: 'Begegnung jede Woche.' },
            { criterion: 'volunteers', score: volunteers, reason: 'Fünf Ehrenamtliche.' },
          ],
        },
      });
    expect((await score(reviewerA, 8, 5)).status).toBe(200);
    expect((await score(reviewerB, 4, 5)).status).toBe(200);
    const unknown = await reviewerA.request('PUT', `/api/v1/funding/applications/${id}/review`, {
      body: {
        scores: [{ criterion: 'beauty', score: 3, reason: 'x' }],
      },
    });
    expect(unknown.json<ErrorBody>().error.field).toBe('body.scores.0.criterion');

    const table = (await coordinator.get(`/api/v1/funding/calls/${callId}/scores`)).json<{
      budget: number;
      items: { id: string; reviewers: number; score: number; spread: number }[];
    }>();
    expect(table.budget).toBe(20_000);
    // A: 0.6·80 + 0.4·50 = 68; B: 0.6·40 + 0.4·50 = 44.
    expect(table.items.find((i) => i.id === id)).toMatchObject({ reviewers: 2, score: 56, spread: 24 });
  });
});

describe('the allocation proposal', () => {
  type Proposal = {
    status: string;
    budget: number;
    spent: number;
    items: { id: string; funding: string; amount: number }[];
    flip: {
      id: string;
      to: string;
      loss: number;
      changes: { id: string; from: string; to: string }[];
    } | null;
  };

  it('funds the best within the budget, meets the district floor when asked, and says what a flip would change', async () => {
    const ctx = systemContext(t.services);
    const call = await createCall(ctx, buildCall({ budget: 5_000, reviewerIds: [(await me(reviewerA)).id] }));
    const budget = (requested: number, minimum: number | null) => ({
      costs: [{ category: 'fees', description: 'Honorare', amount: requested }],
      ownContribution: 0,
      otherFunding: 0,
      requested,
      minimum,
    });
    const apply = async (district: string, minimum: number | null, score: number) => {
      const row = await insertApplicationIn(ctx, {
        callId: call.id,
        organisationId: 'elternverein-birlikte',
        state: 'submitted',
        content: completeContent({ districts: [district], budget: budget(2_700, minimum) }),
      });
      const scored = await reviewerA.request('PUT', `/api/v1/funding/applications/${row.id}/review`, {
        body: {
          scores: [
            { criterion: 'exchange', score, reason: 'Begegnung.' },
            { criterion: 'volunteers', score, reason: 'Ehrenamt.' },
          ],
        },
      });
      expect(scored.status, scored.body).toBe(200);
      return row.id;
    };
    const best = await apply('hamborn', 2_000, 10);
    const second = await apply('hamborn', 2_000, 8);
    const mitte = await apply('mitte', null, 2);
    const propose = async (body: object) => {
      const reply = await coordinator.post(`/api/v1/funding/calls/${call.id}/allocation`, body);
      expect(reply.status, reply.body).toBe(200);
      return reply.json<Proposal>();
    };
    const funding = (p: Proposal) => Object.fromEntries(p.items.map((i) => [i.id, [i.funding, i.amount]]));

    const plain = await propose({});
    expect(plain).toMatchObject({ status: 'optimal', budget: 5_000, spent: 4_700, flip: null });
    expect(funding(plain)).toEqual({
      [best]: ['full', 2_700],
      [second]: ['cut', 2_000],
      [mitte]: ['none', 0],
    });

    const floored = await propose({ perDistrict: 1, explain: second });
    expect(funding(floored)).toEqual({
      [best]: ['cut', 2_000],
      [second]: ['none', 0],
      [mitte]: ['full', 2_700],
    });
    // Funding the second Hamborn project instead: it is cut, and the best one drops out (Mitte keeps its floor).
    expect(floored.flip).toMatchObject({
      id: second,
      to: 'cut',
      changes: [{ id: best, from: 'cut', to: 'none' }],
    });
    expect(floored.flip?.loss).toBeCloseTo(14.81, 2);

    const wrong = await coordinator.post(`/api/v1/funding/calls/${call.id}/allocation`, {
      explain: callId,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json<ErrorBody>().error.field).toBe('body.explain');
    expect((await association.post(`/api/v1/funding/calls/${call.id}/allocation`, {})).status).toBe(403);
  });
});

describe('the call’s budget', () => {
  it('lets two approvals at once take no more than the budget: one 200, the other 409 naming the amount and what is left', async () => {
    const small = await createCall(
      systemContext(t.services),
      buildCall({ budget: 4_000, maxPerProject: 4_000, reviewerIds: [] }),
    );
    const [a, b] = [await submitted(small.id), await submitted(small.id)];
    const approve = (id: string) =>
      coordinator.post(`/api/v1/funding/applications/${id}/decision`, {
        outcome: 'approved',
        amount: 2_700,
        reason: 'Überzeugend.',
      });
    const replies = await Promise.all([approve(a.id), approve(b.id)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = replies.find((r) => r.status === 409);
    expect(refused?.json<ErrorBody>().error).toMatchObject({
      code: 'funding.over_budget',
      field: 'body.amount',
    });
    expect(refused?.json<ErrorBody>().error.message).toMatch(/1\.?300 €/);
    // What is left can still be granted, and a rejection needs no money.
    const loser = replies[0]?.status === 409 ? a : b;
    const partly = await coordinator.post(`/api/v1/funding/applications/${loser.id}/decision`, {
      outcome: 'partly',
      amount: 1_300,
      reason: 'Nur ein Teil passt ins Budget.',
    });
    expect(partly.status, partly.body).toBe(200);
    const third = await submitted(small.id);
    const more = await coordinator.post(`/api/v1/funding/applications/${third.id}/decision`, {
      outcome: 'partly',
      amount: 1,
      reason: 'Budget aufgebraucht.',
    });
    expect(more.status).toBe(409);
    const rejected = await coordinator.post(`/api/v1/funding/applications/${third.id}/decision`, {
      outcome: 'rejected',
      amount: 0,
      reason: 'Budget aufgebraucht.',
    });
    expect(rejected.status, rejected.body).toBe(200);
  });
});

describe('the notice letter', () => {
  /** The text of every page of a PDF, as pdf.js extracts it, spaces normalised. */
  async function pdfText(bytes: Uint8Array): Promise<string> {
    const document = await getDocument({ data: bytes, useSystemFonts: false }).promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return pages.join('\n').replace(/\s+/g, ' ');
  }

  it('downloads as a German PDF with the project, the amount and the conditions once decided, and only then', async () => {
    const { id } = await submitted();
    const early = await association.get(`/api/v1/funding/applications/${id}/notice.pdf`);
    expect(early.status).toBe(409);
    expect(early.json<ErrorBody>().error.code).toBe('funding.wrong_state');
    const decided = await coordinator.post(`/api/v1/funding/applications/${id}/decision`, {
      outcome: 'partly',
      amount: 2_000,
      reason: 'Die Mittel reichen nicht für alle Honorare.',
      conditions: 'Das Fest wird öffentlich angekündigt.',
    });
    expect(decided.status, decided.body).toBe(200);
    const reply = await association.get(`/api/v1/funding/applications/${id}/notice.pdf`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="zuwendungsbescheid-/);
    const bytes = new Uint8Array(reply.raw);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Zuwendungsbescheid');
    expect(text).toContain('Sprachcafé im Stadtteil');
    expect(text).toContain('2.000 €');
    expect(text).toContain('Beantragt waren 2.700 €');
    expect(text).toContain('Das Fest wird öffentlich angekündigt.');
    const other = await signInStaff(t, {
      role: 'association',
      organisationId: 'other-verein',
      kind: 'association',
    });
    expect((await other.get(`/api/v1/funding/applications/${id}/notice.pdf`)).status).toBe(403);
  });
});

describe('the proof of use', () => {
  type Proof = {
    proof: {
      participants: number;
      lines: { planned: number; actual: number; deviation: number | null; flagged: boolean }[];
      actual: number;
      granted: number;
      repayable: number;
    } | null;
  };

  it('compares the actual costs to the plan, flags a line over 20 % and shows what of the grant was not needed', async () => {
    const { id } = await submitted();
    const body = {
      lines: [{ actual: 2_100 }, { actual: 600 }],
      participants: 48,
      report: 'Zwölf Abende, 48 Frauen.',
    };
    const early = await association.request('PUT', `/api/v1/funding/applications/${id}/proof`, { body });
    expect(early.status).toBe(409);
    await coordinator.post(`/api/v1/funding/applications/${id}/decision`, {
      outcome: 'approved',
      amount: 2_700,
      reason: 'Überzeugend.',
    });
    const wrong = await association.request('PUT', `/api/v1/funding/applications/${id}/proof`, {
      body: { ...body, lines: [{ actual: 2_100 }] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json<ErrorBody>().error).toMatchObject({ code: 'funding.proof_lines', field: 'body.lines' });
    expect(wrong.json<ErrorBody>().error.message).toContain('2');

    const filed = await association.request('PUT', `/api/v1/funding/applications/${id}/proof`, { body });
    expect(filed.status, filed.body).toBe(200);
    const { proof } = filed.json<Proof>();
    // Fees 2,000 → 2,100 (+5 %), catering 1,000 → 600 (−40 %, flagged).
    expect(proof?.lines.map((l) => [l.planned, l.actual, l.deviation, l.flagged])).toEqual([
      [2_000, 2_100, 0.05, false],
      [1_000, 600, -0.4, true],
    ]);
    // 2,700 actual less 300 own money: 2,400 of the 2,700 granted were needed.
    expect(proof).toMatchObject({ participants: 48, actual: 2_700, granted: 2_700, repayable: 300 });
    const read = await coordinator.get(`/api/v1/funding/applications/${id}/proof`);
    expect(read.json<Proof>().proof?.repayable).toBe(300);
    const other = await signInStaff(t, {
      role: 'association',
      organisationId: 'other-verein',
      kind: 'association',
    });
    expect((await other.get(`/api/v1/funding/applications/${id}/proof`)).status).toBe(403);
  });
});

describe('a person’s data and retention', () => {
  it('exports the applications a member started and the scores a reviewer gave; erasure leaves the organisation’s application', async () => {
    const demoMember = association;
    association = await signInStaff(t, {
      role: 'association',
      organisationId: 'punte-hochfeld',
      kind: 'association',
    });
    const application = await submitted();
    await reviewerA.request('PUT', `/api/v1/funding/applications/${application.id}/review`, {
      body: { scores: [{ criterion: 'exchange', score: 7, reason: 'Jede Woche Begegnung.' }] },
    });
    const memberId = (await me(association)).id;
    const reviewerId = (await me(reviewerA)).id;
    const started = (await coordinator.get(`/api/v1/people/${memberId}/export`)).json<{
      fundingApplicationsStarted: { id: string; title: string }[];
    }>();
    expect(started.fundingApplicationsStarted).toContainEqual(
      expect.objectContaining({ id: application.id, title: 'Sprachcafé im Stadtteil' }),
    );
    const reviewed = (await coordinator.get(`/api/v1/people/${reviewerId}/export`)).json<{
      fundingReviews: { applicationId: string; reason: string }[];
    }>();
    expect(reviewed.fundingReviews).toContainEqual(
      expect.objectContaining({ applicationId: application.id, reason: 'Jede Woche Begegnung.' }),
    );

    expect((await coordinator.post(`/api/v1/people/${memberId}/erase`)).status).toBe(204);
    const after = await coordinator.get(`/api/v1/people/${memberId}/export`);
    expect(after.json()).not.toHaveProperty('fundingApplicationsStarted');
    const kept = await coordinator.get(`/api/v1/funding/applications/${application.id}`);
    expect(kept.json<Application>()).toMatchObject({ state: 'submitted', version: 1 });
    association = demoMember;
  });

  it('the daily retention job deletes drafts untouched for a year and applications decided ten years ago, nothing newer', async () => {
    const db = t.services.database.db;
    const stale = await start();
    const fresh = await start();
    const old = await submitted();
    await coordinator.post(`/api/v1/funding/applications/${old.id}/decision`, {
      outcome: 'rejected',
      amount: 0,
      reason: 'Außerhalb des Förderzwecks.',
      conditions: '',
    });
    const yearsAgo = (years: number) => new Date(Date.now() - years * 366 * 86_400_000);
    await db
      .update(fundingApplications)
      .set({ updatedAt: yearsAgo(1) })
      .where(eq(fundingApplications.id, stale.id));
    await db
      .update(fundingApplications)
      .set({ decidedAt: yearsAgo(10) })
      .where(eq(fundingApplications.id, old.id));

    await t.services.jobRunner.runSoon('retention.daily');
    expect(await t.services.jobRunner.tick()).toContain('retention.daily');

    expect((await coordinator.get(`/api/v1/funding/applications/${stale.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/v1/funding/applications/${old.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/v1/funding/applications/${fresh.id}`)).status).toBe(200);
    // The demo's decided call stays published.
    expect(
      (await t.client('de').get('/api/v1/funding/funded')).json<{ items: unknown[] }>().items,
    ).toHaveLength(9);
    const [summary] = await db.select().from(auditLog).where(eq(auditLog.action, 'retention.run'));
    expect(summary?.details).toMatchObject({ 'funding.drafts': 1, 'funding.applications': 1 });
  });
});
