/**
 * The role × route matrix: every API route against every role, with a valid request each time.
 * Allowed → 2xx; signed in but not allowed → 403 auth.forbidden; anonymous where login is needed → 401
 * auth.unauthenticated. The expectations are written out here by hand (not read from the policies), and a
 * test fails when the app has a route this table does not cover.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../../test/config.ts';
import { type Client, createTestApp } from '../../../test/harness.ts';
import {
  ACTORS,
  type ActorName,
  byActor,
  EVERYONE,
  type MatrixBase,
  type MatrixRow,
  type ModuleMatrix,
  type Role,
  roleOf,
  SCOPED,
  type ScopedActor,
  SIGNED_IN,
  STAFF_ACTORS,
} from '../../../test/matrix.ts';
import { outbox } from '../../core/core.tables.ts';
import { hashPassword, newToken, tokenHash } from '../../core/passwords.ts';
import { sessions, users } from './platform.tables.ts';

/** Organisations of the demo profile, for throwaway staff accounts. */
const ORGANISATION: Partial<Record<Role, string>> = {
  institution: 'schwerpunktambulanz',
  association: 'punte-hochfeld',
  caseworker: 'ki-duisburg',
  counsellor: SCOPED.counsellor.organisationId,
  clearing: SCOPED.clearing.organisationId,
};
/** The demo account of a signed-in actor. */
const emailOf = (actor: Role) => (actor in SCOPED ? SCOPED[actor as ScopedActor].email : demoEmail(actor));
const THROWAWAY_PASSWORD = 'matrix-throwaway-1';
const NEW_PASSWORD = 'Rheinufer-Abendlicht-7';
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

/** Real ids and records the cells use; the state-changing cells get one record per actor. */
type Fixtures = MatrixBase & {
  /** Someone else: a throwaway resident whose record the consent and export cells use. */
  subjectId: string;
  /** A throwaway account the admin may change. */
  updateTargetId: string;
  /** One consent per actor on the subject's record, to withdraw. */
  otherConsents: Record<ActorName, string>;
  /** One consent per role on that role's own record, to withdraw. */
  ownConsents: Record<Role, string>;
  /** One throwaway account per actor, to erase. */
  eraseTargets: Record<ActorName, string>;
  /** One mailed password token per actor (the invitation of a throwaway account). */
  resetTokens: Record<ActorName, string>;
  /** One throwaway account per role with THROWAWAY_PASSWORD, to change the password of. */
  passwordAccounts: Record<Role, string>;
  /** One throwaway account id per role, to sign out everywhere else. */
  sessionAccounts: Record<Role, string>;
};

type Row = MatrixRow<Fixtures>;

const freshClientFor = (actor: ActorName, f: Fixtures) =>
  actor === 'anonymous' ? f.t.client() : f.t.login(emailOf(actor));

/** The organisation an actor edits for: its own where it has one, else the KI (only coordinators may). */
const ownOrganisation = (actor: ActorName) =>
  actor === 'institution'
    ? 'schwerpunktambulanz'
    : actor === 'association'
      ? 'punte-hochfeld'
      : 'ki-duisburg';
/** A demo offer of that organisation (cities/duisburg/directory-demo.json). */
const OWN_OFFER: Record<string, string> = {
  schwerpunktambulanz: 'schwerpunktambulanz-allgemein',
  'punte-hochfeld': 'punte-beratung',
  'ki-duisburg': 'seiteneinsteiger-sprechstunde-hamborn',
};
const ownOffer = (actor: ActorName) => OWN_OFFER[ownOrganisation(actor)];
const editorOffer = (organisationId: string) => ({
  organisationId,
  categories: ['counselling'],
  languages: ['deu'],
  free: true,
  texts: { name: { de: 'Matrix-Sprechstunde' }, description: { de: 'Beratung.' } },
  location: {
    name: 'Raum 1',
    address: 'Musterstraße 1',
    postcode: '47053',
    ortsteilId: 'hochfeld',
    lat: 51.418,
    lon: 6.76,
    accessible: true,
  },
  schedule: [{ days: ['MO'], opens: '09:00', closes: '12:00' }],
});
let coordinatorSession: Awaited<ReturnType<Fixtures['t']['login']>> | undefined;
/** A fresh draft of the actor's organisation, made by a coordinator. */
async function newDraft(f: Fixtures, actor: ActorName): Promise<string> {
  // One coordinator session for every draft (a login per row would run into the login rate limit).
  coordinatorSession ??= await f.t.login('coordinator');
  const coordinator = coordinatorSession;
  const reply = await coordinator.post(
    '/api/v1/directory/editor/services',
    editorOffer(ownOrganisation(actor)),
  );
  return reply.json<{ slug: string }>().slug;
}

/** THE MATRIX: route → who may call it, and how to build a valid request. */
const MATRIX: Row[] = [
  {
    method: 'GET',
    path: '/api/openapi.json',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/openapi.json' }),
  },
  {
    method: 'GET',
    path: '/api/v1/auth/csrf',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/auth/csrf' }),
  },
  {
    method: 'GET',
    path: '/api/v1/auth/session',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/auth/session' }),
  },
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    allowed: EVERYONE,
    status: 200,
    // Signed-in actors sign in again as themselves; the anonymous one on a fresh client as the guide.
    request: (actor, f) => ({
      url: '/api/v1/auth/login',
      body: { email: actor === 'anonymous' ? demoEmail('guide') : emailOf(actor), password: DEMO_PASSWORD },
      ...(actor === 'anonymous' ? { client: f.t.client() } : {}),
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/auth/logout',
    allowed: SIGNED_IN,
    status: 204,
    request: async (actor, f) => ({ url: '/api/v1/auth/logout', client: await freshClientFor(actor, f) }),
  },
  {
    method: 'POST',
    path: '/api/v1/auth/password',
    allowed: SIGNED_IN,
    status: 204,
    request: async (actor, f) => ({
      url: '/api/v1/auth/password',
      body: { currentPassword: THROWAWAY_PASSWORD, newPassword: NEW_PASSWORD },
      client:
        actor === 'anonymous' ? f.t.client() : await f.t.login(f.passwordAccounts[actor], THROWAWAY_PASSWORD),
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/auth/password-reset',
    allowed: EVERYONE,
    status: 202,
    request: () => ({ url: '/api/v1/auth/password-reset', body: { email: demoEmail('guide') } }),
  },
  {
    method: 'POST',
    path: '/api/v1/auth/password-reset/confirm',
    allowed: EVERYONE,
    status: 204,
    request: (actor, f) => ({
      url: '/api/v1/auth/password-reset/confirm',
      body: { token: f.resetTokens[actor], newPassword: NEW_PASSWORD },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/me',
    allowed: SIGNED_IN,
    status: 200,
    request: () => ({ url: '/api/v1/me' }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/me',
    allowed: SIGNED_IN,
    status: 200,
    request: (actor) => ({ url: '/api/v1/me', body: { displayName: `Matrix ${actor}`, locale: 'de' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/me/sessions',
    allowed: SIGNED_IN,
    status: 200,
    request: () => ({ url: '/api/v1/me/sessions' }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/me/sessions/:id',
    allowed: SIGNED_IN,
    status: 204,
    // Another session of the actor's own account (made in the database: the login route's rate limit is for
    // people); the anonymous visitor names any id.
    request: async (actor, f) => {
      if (actor === 'anonymous') return { url: `/api/v1/me/sessions/${'0'.repeat(64)}` };
      const { id } = await addSession(f, f.userIds[actor]);
      return { url: `/api/v1/me/sessions/${id}` };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/me/sessions/end-others',
    allowed: SIGNED_IN,
    status: 200,
    // A throwaway account per role, so no other cell's session of the demo account ends.
    request: async (actor, f) => {
      if (actor === 'anonymous') return { url: '/api/v1/me/sessions/end-others', client: f.t.client() };
      const { token } = await addSession(f, f.sessionAccounts[actor]);
      const client = f.t.client();
      client.setCookie('lotse_session', token);
      return { url: '/api/v1/me/sessions/end-others', client };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/locales',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/locales' }),
  },
  {
    method: 'GET',
    path: '/api/v1/city',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/city' }),
  },
  {
    method: 'GET',
    path: '/api/v1/organisations',
    allowed: ['institution', 'association', 'caseworker', 'coordinator', 'admin'],
    status: 200,
    request: () => ({ url: '/api/v1/organisations' }),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/users',
    allowed: ['admin'],
    status: 200,
    request: () => ({ url: '/api/v1/admin/users?q=demo&role=guide&page=1&per_page=10' }),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/users',
    allowed: ['admin'],
    status: 201,
    request: (actor) => ({
      url: '/api/v1/admin/users',
      body: {
        email: `matrix-created-by-${actor}@example.org`,
        displayName: `Created by ${actor}`,
        role: 'caseworker',
        organisationId: 'ki-duisburg',
        locale: 'tr',
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/admin/users/:id',
    allowed: ['admin'],
    status: 200,
    request: (_actor, f) => ({
      url: `/api/v1/admin/users/${f.updateTargetId}`,
      body: { role: 'guide', organisationId: null, disabled: false },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/audit',
    allowed: ['admin'],
    status: 200,
    request: (_actor, f) => ({
      url: `/api/v1/admin/audit?action=auth.login&actorId=${f.userIds.guide}&entityType=user&from=2020-01-01&to=2099-12-31&page=1&per_page=20`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/jobs',
    allowed: ['admin'],
    status: 200,
    request: () => ({ url: '/api/v1/admin/jobs' }),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/jobs/:name/run',
    allowed: ['admin'],
    status: 202,
    request: () => ({ url: '/api/v1/admin/jobs/mail.deliver/run' }),
  },
  {
    method: 'GET',
    path: '/api/v1/admin/outbox',
    allowed: ['admin'],
    status: 200,
    request: () => ({ url: '/api/v1/admin/outbox?page=1&per_page=5' }),
  },
  {
    method: 'GET',
    path: '/api/v1/consents',
    variant: 'someone else’s record',
    allowed: ['caseworker', 'coordinator', 'admin'],
    status: 200,
    request: (_actor, f) => ({ url: `/api/v1/consents?subjectType=user&subjectId=${f.subjectId}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/consents',
    variant: 'one’s own record',
    allowed: SIGNED_IN,
    status: 200,
    request: (actor, f) => ({
      url: `/api/v1/consents?subjectType=user&subjectId=${actor === 'anonymous' ? f.subjectId : f.userIds[actor]}`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/consents',
    variant: 'someone else’s record (the counselling KI caseworker records it)',
    allowed: ['caseworker'],
    status: 201,
    request: (_actor, f) => ({
      url: '/api/v1/consents',
      body: {
        subjectType: 'user',
        subjectId: f.subjectId,
        purpose: 'guides.accompaniment',
        dataCategories: ['contact', 'languages'],
        expiresAt: inAYear(),
        channel: 'in_person',
      },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/consents',
    variant: 'one’s own record',
    allowed: SIGNED_IN,
    status: 201,
    request: (actor, f) => ({
      url: '/api/v1/consents',
      body: {
        subjectType: 'user',
        subjectId: actor === 'anonymous' ? f.subjectId : f.userIds[actor],
        purpose: 'platform.reminders',
        dataCategories: ['contact'],
        expiresAt: inAYear(),
      },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/consents/:id/withdraw',
    variant: 'someone else’s consent',
    allowed: ['caseworker', 'coordinator', 'admin'],
    status: 200,
    request: (actor, f) => ({ url: `/api/v1/consents/${f.otherConsents[actor]}/withdraw` }),
  },
  {
    method: 'POST',
    path: '/api/v1/consents/:id/withdraw',
    variant: 'one’s own consent',
    allowed: SIGNED_IN,
    status: 200,
    request: (actor, f) => ({
      url: `/api/v1/consents/${actor === 'anonymous' ? f.otherConsents.anonymous : f.ownConsents[actor]}/withdraw`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/people/:id/export',
    allowed: ['coordinator', 'admin'],
    status: 200,
    request: (_actor, f) => ({ url: `/api/v1/people/${f.subjectId}/export` }),
  },
  {
    method: 'POST',
    path: '/api/v1/people/:id/erase',
    allowed: ['coordinator', 'admin'],
    status: 204,
    request: (actor, f) => ({ url: `/api/v1/people/${f.eraseTargets[actor]}/erase` }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/services',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/directory/services?q=deutschkurs&ortsteil=marxloh' }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/services/:id',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/directory/services/deutschkurs-marxloh-abend' }),
  },
  {
    method: 'POST',
    path: '/api/v1/directory/services/:id/feedback',
    allowed: EVERYONE,
    status: 201,
    request: () => ({
      url: '/api/v1/directory/services/deutschkurs-marxloh-abend/feedback',
      body: { kind: 'helpful' },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/unmet-searches',
    allowed: ['coordinator', 'admin'],
    status: 200,
    request: () => ({ url: '/api/v1/directory/unmet-searches' }),
  },
  // Directory editing: associations and institutions for their own organisation, coordinators for all.
  {
    method: 'GET',
    path: '/api/v1/directory/editor/services',
    allowed: ['institution', 'association', 'coordinator', 'admin'],
    status: 200,
    request: () => ({ url: '/api/v1/directory/editor/services' }),
  },
  {
    method: 'POST',
    path: '/api/v1/directory/editor/services',
    allowed: ['institution', 'association', 'coordinator', 'admin'],
    status: 201,
    request: (actor) => ({
      url: '/api/v1/directory/editor/services',
      body: editorOffer(ownOrganisation(actor)),
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/editor/services/:id',
    allowed: ['institution', 'association', 'coordinator', 'admin'],
    status: 200,
    request: (actor) => ({ url: `/api/v1/directory/editor/services/${ownOffer(actor)}` }),
  },
  {
    method: 'PUT',
    path: '/api/v1/directory/editor/services/:id',
    allowed: ['institution', 'association', 'coordinator', 'admin'],
    status: 200,
    request: (actor) => ({
      url: `/api/v1/directory/editor/services/${ownOffer(actor)}`,
      body: editorOffer(ownOrganisation(actor)),
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/directory/editor/services/:id/submit',
    allowed: ['institution', 'association', 'coordinator', 'admin'],
    status: 204,
    request: async (actor, f) => ({
      url: `/api/v1/directory/editor/services/${await newDraft(f, actor)}/submit`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/directory/editor/services/:id/publish',
    allowed: ['coordinator', 'admin'],
    status: 204,
    request: async (actor, f) => ({
      url: `/api/v1/directory/editor/services/${await newDraft(f, actor)}/publish`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/directory/editor/services/:id/reject',
    allowed: ['coordinator', 'admin'],
    status: 204,
    request: async (actor, f) => {
      const slug = await newDraft(f, actor);
      await f.clients.coordinator.post(`/api/v1/directory/editor/services/${slug}/submit`);
      return {
        url: `/api/v1/directory/editor/services/${slug}/reject`,
        body: { reason: 'Bitte Öffnungszeiten ergänzen.' },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/directory/editor/services/:id/checked',
    allowed: ['institution', 'association', 'coordinator', 'admin'],
    status: 204,
    request: (actor) => ({ url: `/api/v1/directory/editor/services/${ownOffer(actor)}/checked` }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/editor/services/:id/history',
    allowed: ['institution', 'association', 'coordinator', 'admin'],
    status: 200,
    request: (actor) => ({ url: `/api/v1/directory/editor/services/${ownOffer(actor)}/history` }),
  },
  // Directory translation work: coordinators.
  {
    method: 'GET',
    path: '/api/v1/directory/translations',
    allowed: ['coordinator', 'admin'],
    status: 200,
    request: () => ({ url: '/api/v1/directory/translations' }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/translations/:lang',
    allowed: ['coordinator', 'admin'],
    status: 200,
    request: () => ({ url: '/api/v1/directory/translations/ar' }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/translations/:lang/xliff',
    allowed: ['coordinator', 'admin'],
    status: 200,
    request: () => ({ url: '/api/v1/directory/translations/ar/xliff' }),
  },
  {
    method: 'POST',
    path: '/api/v1/directory/translations/:lang/xliff',
    allowed: ['coordinator', 'admin'],
    status: 200,
    request: () => ({
      url: '/api/v1/directory/translations/tr/xliff',
      body: '<xliff version="1.2"><file original="lotse-directory" source-language="de" target-language="tr"><body></body></file></xliff>',
      headers: { 'content-type': 'application/xliff+xml' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/directory/translations/:lang/machine',
    allowed: ['coordinator', 'admin'],
    // Past the access check, the answer is that machine translation is off (MT_URL unset in tests).
    status: 409,
    request: () => ({ url: '/api/v1/directory/translations/uk/machine' }),
  },
  // Open interfaces of the directory: the HSDS 3.0 API, the open data exports and an offer's calendar are public.
  {
    method: 'GET',
    path: '/api/hsds',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds' }),
  },
  {
    method: 'GET',
    path: '/api/hsds/',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds/' }),
  },
  {
    method: 'GET',
    path: '/api/hsds/services',
    allowed: EVERYONE,
    status: 200,
    request: () => ({
      url: '/api/hsds/services?search=deutsch&taxonomy_term_id=language_learning&postcode=47169&proximity=3&page=1&per_page=5',
    }),
  },
  {
    method: 'GET',
    path: '/api/hsds/services/:id',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds/services/deutschkurs-marxloh-abend' }),
  },
  {
    method: 'GET',
    path: '/api/hsds/service_at_locations',
    allowed: EVERYONE,
    status: 200,
    request: () => ({
      url: '/api/hsds/service_at_locations?organization_id=begegnungszentrum-marxloh&format=ndjson',
    }),
  },
  {
    method: 'GET',
    path: '/api/hsds/service_at_locations/:id',
    allowed: EVERYONE,
    status: 200,
    request: async (_actor, f) => {
      const list = await f.clients.anonymous.get('/api/hsds/service_at_locations?per_page=1');
      return {
        url: `/api/hsds/service_at_locations/${list.json<{ contents: { id: string }[] }>().contents[0]?.id}`,
      };
    },
  },
  {
    method: 'GET',
    path: '/api/hsds/organizations',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds/organizations?search=marxloh' }),
  },
  {
    method: 'GET',
    path: '/api/hsds/organizations/:id',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds/organizations/begegnungszentrum-marxloh' }),
  },
  {
    method: 'GET',
    path: '/api/hsds/taxonomies',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds/taxonomies' }),
  },
  {
    method: 'GET',
    path: '/api/hsds/taxonomies/:id',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds/taxonomies/lotse-categories' }),
  },
  {
    method: 'GET',
    path: '/api/hsds/taxonomy_terms',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds/taxonomy_terms?search=gesundheit' }),
  },
  {
    method: 'GET',
    path: '/api/hsds/taxonomy_terms/:id',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/hsds/taxonomy_terms/health' }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/export.json',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/directory/export.json' }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/export.csv',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/directory/export.csv?lang=tr' }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/dcat.json',
    allowed: EVERYONE,
    status: 200,
    request: () => ({ url: '/api/v1/directory/dcat.json' }),
  },
  {
    method: 'GET',
    path: '/api/v1/directory/services/:id/calendar.ics',
    allowed: EVERYONE,
    status: 200,
    request: () => ({
      url: '/api/v1/directory/services/deutschkurs-marxloh-abend/calendar.ics?opening_hours=true',
    }),
  },
];

/** The other modules' parts of the matrix: server/modules/<name>/<name>.matrix.ts. */
const MODULES_DIR = path.resolve(import.meta.dirname, '..');
const moduleMatrices: { name: string; matrix: ModuleMatrix<unknown> }[] = [];
for (const name of readdirSync(MODULES_DIR).sort()) {
  const file = path.join(MODULES_DIR, name, `${name}.matrix.ts`);
  if (!existsSync(file)) continue;
  const loaded = (await import(file)) as { default: ModuleMatrix<unknown> };
  moduleMatrices.push({ name, matrix: loaded.default });
}
const moduleFixtures = new Map<string, unknown>();
for (const { name, matrix } of moduleMatrices) {
  for (const row of matrix.rows) {
    MATRIX.push({
      ...row,
      request: (actor, f) => row.request(actor, { ...f, ...(moduleFixtures.get(name) as object) }),
    });
  }
}

/** Routes the matrix leaves out on purpose: the Swagger UI's static pages. */
const NOT_API = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');

/** Every route the app serves under /api/ (HEAD left out: Fastify adds it to each GET), as "METHOD /path". */
function apiRoutes(app: FastifyInstance): string[] {
  const found = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    stack.length = (match[1] ?? '').length / 4;
    stack.push(match[2] ?? '');
    const path = stack.join('');
    if (!path.startsWith('/api/') || NOT_API(path)) continue;
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') found.add(`${method} ${path}`);
  }
  return [...found].sort();
}

let f: Fixtures;

async function createAccount(
  admin: Client,
  role: Role,
  label: string,
): Promise<{ id: string; email: string }> {
  const email = `matrix-${label}@example.org`;
  const reply = await admin.post('/api/v1/admin/users', {
    email,
    displayName: `Matrix ${label}`,
    role: roleOf(role),
    organisationId: ORGANISATION[role] ?? null,
  });
  if (reply.status !== 201) throw new Error(`creating ${email} failed: ${reply.status} ${reply.body}`);
  return { id: reply.json<{ user: { id: string } }>().user.id, email };
}

/** A live session of an account, made in the database: its id and the cookie's token. */
async function addSession(f: Fixtures, userId: string): Promise<{ id: string; token: string }> {
  const token = newToken();
  const now = new Date();
  await f.t.services.database.db.insert(sessions).values({
    id: tokenHash(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  return { id: tokenHash(token), token };
}

/** A consent, given by the person themself (client of the subject) or recorded on paper by a KI caseworker. */
async function recordConsent(client: Client, subjectId: string, own = false): Promise<string> {
  const reply = await client.post('/api/v1/consents', {
    subjectType: 'user',
    subjectId,
    purpose: 'platform.matrix',
    dataCategories: ['contact'],
    expiresAt: inAYear(),
    ...(own ? {} : { channel: 'on_paper' }),
  });
  if (reply.status !== 201) throw new Error(`recording a consent failed: ${reply.status} ${reply.body}`);
  return reply.json<{ id: string }>().id;
}

beforeAll(async () => {
  const t = await createTestApp();
  const clients = { anonymous: t.client() } as Record<ActorName, Client>;
  for (const role of STAFF_ACTORS) clients[role] = await t.login(emailOf(role));
  const admin = clients.admin;

  // Each role's demo account by its own address (the demo has many more accounts: schools, Lotsen).
  const userIds = {} as Record<Role, string>;
  for (const role of STAFF_ACTORS) {
    const list = await admin.get(`/api/v1/admin/users?q=${encodeURIComponent(emailOf(role))}`);
    const items = list.json<{ items: { id: string; email: string }[] }>().items;
    userIds[role] = items.find((u) => u.email === emailOf(role))?.id as string;
  }
  expect(Object.values(userIds).every(Boolean)).toBe(true);

  const subjectId = (await createAccount(admin, 'resident', 'subject')).id;
  const updateTargetId = (await createAccount(admin, 'resident', 'update-target')).id;
  const eraseTargets = await byActor(
    ACTORS,
    async (actor) => (await createAccount(admin, 'resident', `erase-${actor}`)).id,
  );

  // Invitations carry a one-time token, like a reset mail: one per actor for the confirm cells.
  const db = t.services.database.db;
  const resetTokens = await byActor(ACTORS, async (actor) => {
    const { email } = await createAccount(admin, 'resident', `reset-${actor}`);
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, email));
    const token = mail?.textBody.match(/token=([\w-]+)/)?.[1];
    if (!token) throw new Error(`no invitation token for ${email}`);
    return token;
  });

  const passwordHash = await hashPassword(THROWAWAY_PASSWORD);
  const passwordAccounts = {} as Record<Role, string>;
  for (const role of STAFF_ACTORS) {
    const { id, email } = await createAccount(admin, role, `password-${role}`);
    await db.update(users).set({ passwordHash }).where(eq(users.id, id));
    passwordAccounts[role] = email;
  }
  const sessionAccounts = {} as Record<Role, string>;
  for (const role of STAFF_ACTORS)
    sessionAccounts[role] = (await createAccount(admin, role, `sessions-${role}`)).id;

  const otherConsents = await byActor(ACTORS, () => recordConsent(clients.caseworker, subjectId));
  const ownConsents = {} as Record<Role, string>;
  for (const role of STAFF_ACTORS)
    ownConsents[role] = await recordConsent(clients[role], userIds[role], true);

  for (const { name, matrix } of moduleMatrices) {
    moduleFixtures.set(name, await matrix.setup({ t, clients, userIds }));
  }

  f = {
    t,
    clients,
    userIds,
    subjectId,
    updateTargetId,
    otherConsents,
    ownConsents,
    eraseTargets,
    resetTokens,
    passwordAccounts,
    sessionAccounts,
  };
});

afterAll(async () => {
  await f?.t.close();
});

const routeKey = (row: Pick<Row, 'method' | 'path'>) => `${row.method} ${row.path}`;

describe('the matrix', () => {
  it('covers every API route the app serves, and only those', () => {
    const served = apiRoutes(f.t.app);
    // The route list is read from the router; the OpenAPI document is a cross-check that it is complete.
    const documented = Object.entries((f.t.app.swagger() as { paths: Record<string, object> }).paths).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(served).toEqual(expect.arrayContaining(documented));
    const covered = new Set(MATRIX.map(routeKey));
    expect(
      served.filter((route) => !covered.has(route)),
      'routes missing from the matrix',
    ).toEqual([]);
    expect(
      [...covered].filter((route) => !served.includes(route)),
      'matrix rows for no route',
    ).toEqual([]);
  });
});

/** The outcome each actor should get for a row, as the test's name says it. */
const expectedFor = (row: Row, actor: ActorName): string =>
  row.allowed.includes(actor)
    ? `allowed, ${row.status}`
    : actor === 'anonymous'
      ? '401 auth.unauthenticated'
      : '403 auth.forbidden';

describe.each(
  MATRIX.map((row) => [`${routeKey(row)}${row.variant ? ` (${row.variant})` : ''}`, row] as const),
)('%s', (_name, row) => {
  it.each(ACTORS.map((actor) => [actor, expectedFor(row, actor)] as const))('%s → %s', async (actor) => {
    const { url, body, headers, client = f.clients[actor] } = await row.request(actor, f);
    const reply = await client.request(row.method, url, {
      ...(body === undefined ? {} : { body }),
      ...(headers ? { headers } : {}),
    });
    if (row.allowed.includes(actor)) {
      expect(reply.status, reply.body).toBe(row.status);
      return;
    }
    const error = reply.json<{ error?: { code?: string } }>().error;
    expect({ status: reply.status, code: error?.code }, reply.body).toEqual(
      actor === 'anonymous'
        ? { status: 401, code: 'auth.unauthenticated' }
        : { status: 403, code: 'auth.forbidden' },
    );
  });
});
