import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../../core/context.ts';
import { requestContext } from '../../core/http.ts';
import type { PersonalData } from '../../core/module.ts';
import * as admin from './admin.service.ts';
import * as auth from './auth.service.ts';
import { describeDevice } from './device.ts';
import * as s from './platform.schema.ts';
import * as privacy from './privacy.service.ts';
import * as sessions from './sessions.service.ts';
import * as users from './users.service.ts';

export const SESSION_COOKIE = 'lotse_session';

/**
 * Sets (or clears) the session cookie: HttpOnly, SameSite=Lax, and Secure when the public address is https (a
 * proxy in front may speak http to us without TRUST_PROXY) or the request came over https.
 */
function setSessionCookie(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string | null,
) {
  const options = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: services.config.publicUrl.startsWith('https:') || request.protocol === 'https',
  };
  if (token) reply.setCookie(SESSION_COOKIE, token, { ...options, maxAge: 12 * 60 * 60 });
  else reply.clearCookie(SESSION_COOKIE, options);
}

const noContent = { 204: z.null().describe('Done') };
const accepted = { 202: z.null().describe('Accepted') };

/** The platform's HTTP routes: thin — validate, call the service, reply. */
export function platformRoutes(
  personalData: () => PersonalData[],
): FastifyPluginAsyncZod<{ services: AppServices }> {
  return async (app, { services }) => {
    const ctx = (request: FastifyRequest) => requestContext(services, request);
    const rateLimited = { rateLimit: { max: 60, timeWindow: '1 minute' } };

    app.get(
      '/auth/csrf',
      {
        schema: {
          tags: ['auth'],
          summary: 'A CSRF token for state-changing requests',
          response: { 200: s.csrfReply },
        },
      },
      async (_request, reply) => ({
        token: reply.generateCsrf(),
      }),
    );

    app.get(
      '/auth/session',
      {
        schema: { tags: ['auth'], summary: 'The signed-in user, or null', response: { 200: s.sessionReply } },
      },
      async (request) => ({
        user: await auth.currentUser(ctx(request)),
      }),
    );

    app.post(
      '/auth/login',
      {
        config: rateLimited,
        schema: { tags: ['auth'], summary: 'Sign in', body: s.loginBody, response: { 200: s.userReply } },
      },
      async (request, reply) => {
        const { user, token } = await auth.logIn(ctx(request), {
          ...request.body,
          device: describeDevice(request.headers['user-agent']),
        });
        setSessionCookie(services, request, reply, token);
        return { user };
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'Sign out', response: noContent } },
      async (request, reply) => {
        await auth.logOut(ctx(request));
        setSessionCookie(services, request, reply, null);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password',
      {
        config: rateLimited,
        schema: {
          tags: ['auth'],
          summary: 'Change one’s password',
          body: s.changePasswordBody,
          response: noContent,
        },
      },
      async (request, reply) => {
        await auth.changePassword(ctx(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password-reset',
      {
        config: rateLimited,
        schema: {
          tags: ['auth'],
          summary: 'Mail a password-reset link',
          body: s.requestResetBody,
          response: accepted,
        },
      },
      async (request, reply) => {
        await auth.requestPasswordReset(ctx(request), request.body);
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config: rateLimited,
        schema: {
          tags: ['auth'],
          summary: 'Set a new password with a mailed token',
          body: s.confirmResetBody,
          response: noContent,
        },
      },
      async (request, reply) => {
        await auth.resetPassword(ctx(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      { schema: { tags: ['account'], summary: 'The signed-in user', response: { 200: s.userReply } } },
      async (request) => ({
        user: await auth.readMe(ctx(request)),
      }),
    );

    app.patch(
      '/me',
      {
        schema: {
          tags: ['account'],
          summary: 'Change one’s language or name',
          body: s.updateMeBody,
          response: { 200: s.userReply },
        },
      },
      async (request) => ({
        user: await users.updateMe(ctx(request), request.body),
      }),
    );

    app.get(
      '/me/sessions',
      {
        schema: {
          tags: ['account'],
          summary: 'One’s live sessions (where one is signed in)',
          response: { 200: s.sessionsReply },
        },
      },
      async (request) => ({
        items: await sessions.listSessions(ctx(request)),
      }),
    );

    app.delete(
      '/me/sessions/:id',
      {
        schema: {
          tags: ['account'],
          summary: 'End one of one’s sessions',
          params: s.sessionParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await sessions.endSession(ctx(request), request.params);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/me/sessions/end-others',
      {
        schema: {
          tags: ['account'],
          summary: 'Sign out everywhere else: end every session but this one',
          response: { 200: s.endedSessionsReply },
        },
      },
      async (request) => sessions.endOtherSessions(ctx(request)),
    );

    app.get(
      '/locales',
      { schema: { tags: ['city'], summary: 'UI languages', response: { 200: s.localesReply } } },
      async (request) => ({
        items: await admin.listLocales(ctx(request)),
      }),
    );

    app.get(
      '/city',
      {
        schema: {
          tags: ['city'],
          summary: 'City profile: time zone, guide languages, districts and Ortsteile',
          response: { 200: s.cityReply },
        },
      },
      async (request) => admin.cityProfile(ctx(request)),
    );

    app.get(
      '/organisations',
      { schema: { tags: ['city'], summary: 'Organisations', response: { 200: s.organisationsReply } } },
      async (request) => ({
        items: await admin.listOrganisations(ctx(request)),
      }),
    );

    app.get(
      '/admin/users',
      {
        schema: {
          tags: ['admin'],
          summary: 'Accounts',
          querystring: s.usersQuery,
          response: { 200: s.usersReply },
        },
      },
      async (request) => users.listUsers(ctx(request), request.query),
    );

    app.post(
      '/admin/users',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create an account and mail an invitation',
          body: s.createUserBody,
          response: { 201: s.adminUserReply },
        },
      },
      async (request, reply) => {
        const user = await users.createUser(ctx(request), request.body);
        return reply.status(201).send({ user });
      },
    );

    app.patch(
      '/admin/users/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'Change role, organisation or sign-in',
          params: s.idParams,
          body: s.updateUserBody,
          response: { 200: s.adminUserReply },
        },
      },
      async (request) => ({
        user: await users.updateUser(ctx(request), { id: request.params.id, ...request.body }),
      }),
    );

    app.get(
      '/admin/audit',
      {
        schema: {
          tags: ['admin'],
          summary: 'Search the audit log',
          querystring: s.auditQuery,
          response: { 200: s.auditReply },
        },
      },
      async (request) => admin.searchAudit(ctx(request), request.query),
    );

    app.get(
      '/admin/jobs',
      { schema: { tags: ['admin'], summary: 'Background jobs', response: { 200: s.jobsReply } } },
      async (request) => ({
        items: await admin.listJobs(ctx(request)),
      }),
    );

    app.post(
      '/admin/jobs/:name/run',
      { schema: { tags: ['admin'], summary: 'Run a job soon', params: s.jobParams, response: accepted } },
      async (request, reply) => {
        await admin.runJobSoon(ctx(request), request.params.name);
        return reply.status(202).send(null);
      },
    );

    app.get(
      '/admin/outbox',
      {
        schema: {
          tags: ['admin'],
          summary: 'Mail in the outbox',
          querystring: s.outboxQuery,
          response: { 200: s.outboxReply },
        },
      },
      async (request) => admin.listOutbox(ctx(request), request.query),
    );

    app.get(
      '/consents',
      {
        schema: {
          tags: ['privacy'],
          summary: 'A person’s consents',
          querystring: s.consentsQuery,
          response: { 200: s.consentsReply },
        },
      },
      async (request) => ({
        items: await privacy.listConsents(ctx(request), request.query),
      }),
    );

    app.post(
      '/consents',
      {
        schema: {
          tags: ['privacy'],
          summary: 'Record a consent',
          body: s.recordConsentBody,
          response: { 201: s.consent },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await privacy.recordConsent(ctx(request), request.body)),
    );

    app.post(
      '/consents/:id/withdraw',
      {
        schema: {
          tags: ['privacy'],
          summary: 'Withdraw a consent',
          params: s.idParams,
          response: { 200: s.consent },
        },
      },
      async (request) => privacy.withdrawConsent(ctx(request), { id: request.params.id }),
    );

    app.get(
      '/people/:id/export',
      {
        schema: {
          tags: ['privacy'],
          summary: 'Everything held about a person (JSON)',
          params: s.idParams,
          response: { 200: s.personExport },
        },
      },
      async (request) => privacy.exportPerson(ctx(request), personalData(), request.params.id),
    );

    app.post(
      '/people/:id/erase',
      {
        schema: {
          tags: ['privacy'],
          summary: 'Erase a person’s data',
          params: s.idParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await privacy.erasePerson(ctx(request), personalData(), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
