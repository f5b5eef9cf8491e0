import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../../core/context.ts';
import { requestContext } from '../../core/http.ts';
import * as feeds from './feeds.service.ts';
import * as s from './guides.schema.ts';
import * as matching from './matching.service.ts';
import * as profiles from './profiles.service.ts';
import * as proposals from './proposals.service.ts';
import * as requests from './requests.service.ts';

const done = { 204: z.null().describe('Done') };
const publicForm = { rateLimit: { max: 10, timeWindow: '1 minute' } };
/** A public form that creates a record: a retry with the same Idempotency-Key gets the first answer. */
const publicCreate = { ...publicForm, idempotent: true };
const publicRead = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/** One appointment as a downloaded .ics file. */
const sendIcs = (reply: FastifyReply, body: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', 'attachment; filename="termin.ics"')
    .header('cache-control', 'private, no-store')
    .serializer((payload: unknown) => payload as string)
    .send(body);

/** The guides module's HTTP routes under /api/v1/guides: thin — validate, call the service, reply. */
export const guidesRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  const mine = ['guides: own'];
  const pool = ['guides: pool'];
  const booking = ['guides: requests'];
  const match = ['guides: matching'];

  // The guide's own profile, proposals, appointments and calendar link.
  app.get(
    '/guides/me/profile',
    { schema: { tags: mine, summary: 'My guide profile', response: { 200: s.profileReply } } },
    async (request) => profiles.getOwnProfile(ctx(request)),
  );
  app.put(
    '/guides/me/profile',
    {
      schema: {
        tags: mine,
        summary: 'Edit my languages, topics, districts, availability and private contacts',
        body: s.ownProfileBody,
        response: { 200: s.profileReply },
      },
    },
    async (request) => profiles.updateOwnProfile(ctx(request), request.body),
  );
  app.get(
    '/guides/me/proposals',
    {
      schema: {
        tags: mine,
        summary: 'My open proposals (only what the appointment needs)',
        response: { 200: s.guideProposalsReply },
      },
    },
    async (request) => proposals.listOwnProposals(ctx(request)),
  );
  app.get(
    '/guides/me/assignments',
    {
      schema: {
        tags: mine,
        summary: 'My appointments, until 30 days after each',
        response: { 200: s.guideAssignmentsReply },
      },
    },
    async (request) => proposals.listOwnAssignments(ctx(request)),
  );
  app.get(
    '/guides/me/assignments/:id/calendar.ics',
    {
      schema: {
        tags: mine,
        summary: 'One of my appointments as an iCalendar file (Add to calendar)',
        params: s.idParams,
        response: { 200: z.string().describe('text/calendar') },
      },
    },
    async (request, reply) => sendIcs(reply, await feeds.assignmentCalendar(ctx(request), request.params.id)),
  );
  app.post(
    '/guides/me/feed',
    {
      schema: {
        tags: mine,
        summary: 'A new secret calendar link for my appointments (the old one stops working)',
        response: { 201: s.feedReply },
      },
    },
    async (request, reply) => reply.status(201).send(await feeds.createGuideFeed(ctx(request))),
  );
  app.post(
    '/guides/proposals/:id/accept',
    {
      schema: {
        tags: mine,
        summary: 'Accept a proposal (409 guides.double_booking when it would overlap)',
        params: s.idParams,
        response: { 200: s.assignedReply },
      },
    },
    async (request) => proposals.acceptProposal(ctx(request), request.params.id),
  );
  app.post(
    '/guides/proposals/:id/decline',
    {
      schema: {
        tags: mine,
        summary: 'Decline a proposal with a reason; the next best guide is asked',
        params: s.idParams,
        body: s.declineBody,
        response: done,
      },
    },
    async (request, reply) => {
      await proposals.declineProposal(ctx(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  // The pool: coordinators.
  app.get(
    '/guides/profiles',
    {
      schema: {
        tags: pool,
        summary: 'Every guide, with whether they can be matched',
        querystring: s.profilesQuery,
        response: { 200: s.profilesReply },
      },
    },
    async (request) => profiles.listProfiles(ctx(request), request.query),
  );
  app.post(
    '/guides/profiles',
    {
      schema: {
        tags: pool,
        summary: 'Create the profile of an account with role guide',
        body: s.profileCreateBody,
        response: { 201: s.profileReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await profiles.createProfile(ctx(request), request.body)),
  );
  app.get(
    '/guides/profiles/:id',
    {
      schema: {
        tags: pool,
        summary: 'One guide’s profile with private contacts (audited)',
        params: s.idParams,
        response: { 200: s.profileReply },
      },
    },
    async (request) => profiles.getProfile(ctx(request), request.params.id),
  );
  app.put(
    '/guides/profiles/:id',
    {
      schema: {
        tags: pool,
        summary: 'Edit a guide’s profile',
        params: s.idParams,
        body: s.profileUpdateBody,
        response: { 200: s.profileReply },
      },
    },
    async (request) => profiles.updateProfile(ctx(request), request.params.id, request.body),
  );
  app.put(
    '/guides/profiles/:id/onboarding/:step',
    {
      schema: {
        tags: pool,
        summary: 'Record an onboarding step with its date and expiry',
        params: s.stepParams,
        body: s.onboardingBody,
        response: { 200: s.profileReply },
      },
    },
    async (request) => profiles.setOnboardingStep(ctx(request), { ...request.params, ...request.body }),
  );
  app.get(
    '/guides/recruitment',
    {
      schema: {
        tags: pool,
        summary: 'Where the network is thin: unmatched requests by language and district',
        response: { 200: s.recruitmentReply },
      },
    },
    async (request) => profiles.recruitment(ctx(request)),
  );

  // Requests: institutions, caseworkers, coordinators.
  app.post(
    '/guides/requests',
    {
      schema: {
        tags: booking,
        summary: 'Book a guide for an appointment, or ask on a newcomer’s behalf',
        body: s.requestBody,
        response: { 201: s.createdRequestReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requests.createRequest(ctx(request), request.body)),
  );
  app.get(
    '/guides/requests',
    {
      schema: {
        tags: booking,
        summary: 'Requests of my organisation (coordinators: all)',
        querystring: s.requestsQuery,
        response: { 200: s.requestsReply },
      },
    },
    async (request) => requests.listRequests(ctx(request), request.query),
  );
  app.get(
    '/guides/requests/:id',
    {
      schema: {
        tags: booking,
        summary: 'One request with its history and the confirmed guide’s first name',
        params: s.idParams,
        response: { 200: s.requestReply },
      },
    },
    async (request) => requests.getRequest(ctx(request), request.params.id),
  );
  app.patch(
    '/guides/requests/:id',
    {
      schema: {
        tags: booking,
        summary: 'Change time, place or notes (the guide is told)',
        params: s.idParams,
        body: s.changeRequestBody,
        response: { 200: s.requestReply },
      },
    },
    async (request) => requests.changeRequest(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/guides/requests/:id/cancel',
    {
      schema: {
        tags: booking,
        summary: 'Cancel (recorded as late less than 24 h before the start)',
        params: s.idParams,
        response: { 200: s.requestReply },
      },
    },
    async (request) => requests.cancelRequest(ctx(request), request.params.id),
  );
  app.post(
    '/guides/requests/:id/no-show',
    {
      schema: {
        tags: booking,
        summary: 'Record that the newcomer or the guide did not come',
        params: s.idParams,
        body: s.noShowBody,
        response: done,
      },
    },
    async (request, reply) => {
      await requests.recordNoShow(ctx(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/guides/organisation/feed',
    {
      schema: {
        tags: booking,
        summary: 'A new secret calendar link for my organisation’s booked appointments',
        response: { 201: s.feedReply },
      },
    },
    async (request, reply) => reply.status(201).send(await feeds.createOrganisationFeed(ctx(request))),
  );

  // The public form: no account.
  app.post(
    '/guides/public/requests',
    {
      config: publicCreate,
      schema: {
        tags: booking,
        summary: 'Ask for a Lotse without an account; returns a code to follow the request',
        body: s.publicRequestBody,
        response: { 201: s.publicCreatedReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requests.createPublicRequest(ctx(request), request.body)),
  );
  app.get(
    '/guides/public/requests/:code',
    {
      config: publicRead,
      schema: {
        tags: booking,
        summary: 'Follow a request by its code: state, date and language only',
        params: s.codeParams,
        response: { 200: s.publicRequestReply },
      },
    },
    async (request) => requests.getPublicRequest(ctx(request), request.params.code),
  );
  app.post(
    '/guides/public/requests/:code/cancel',
    {
      config: publicForm,
      schema: {
        tags: booking,
        summary: 'Cancel a request by its code',
        params: s.codeParams,
        response: { 200: s.publicRequestReply },
      },
    },
    async (request) => requests.cancelPublicRequest(ctx(request), request.params.code),
  );
  app.get(
    '/guides/requests/:id/calendar.ics',
    {
      schema: {
        tags: booking,
        summary: 'The request’s appointment as an iCalendar file (Add to calendar)',
        params: s.idParams,
        response: { 200: z.string().describe('text/calendar') },
      },
    },
    async (request, reply) => sendIcs(reply, await feeds.requestCalendar(ctx(request), request.params.id)),
  );
  app.get(
    '/guides/feeds/:token/calendar.ics',
    {
      config: publicRead,
      schema: {
        tags: booking,
        summary: 'iCalendar feed behind a secret link (guide or organisation)',
        params: s.tokenParams,
        response: { 200: z.string().describe('text/calendar') },
      },
    },
    async (request, reply) => {
      const body = await feeds.readFeed(ctx(request), request.params.token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .serializer((payload: unknown) => payload as string)
        .send(body);
    },
  );

  // Matching: coordinators.
  app.post(
    '/guides/matching/runs',
    {
      schema: {
        tags: match,
        summary: 'Match every open request of a period (at most a week); runs in a worker',
        body: s.runBody,
        response: { 202: s.runCreatedReply },
      },
    },
    async (request, reply) => reply.status(202).send(await matching.startRun(ctx(request), request.body)),
  );
  app.get(
    '/guides/matching/runs',
    { schema: { tags: match, summary: 'Matching runs, newest first', response: { 200: s.runsReply } } },
    async (request) => matching.listRuns(ctx(request)),
  );
  app.get(
    '/guides/matching/runs/:id',
    {
      schema: {
        tags: match,
        summary:
          'A run: proposals with why this guide, unmatched requests with why nobody and what would help',
        params: s.idParams,
        response: { 200: s.runReply },
      },
    },
    async (request) => matching.getRun(ctx(request), request.params.id),
  );
  app.get(
    '/guides/matching/current',
    {
      schema: {
        tags: match,
        summary: 'The run under review (proposals not yet sent) and the last sent run',
        response: { 200: s.currentRunsReply },
      },
    },
    async (request) => matching.currentRuns(ctx(request)),
  );
  app.post(
    '/guides/matching/runs/:id/send',
    {
      schema: {
        tags: match,
        summary: 'Send the reviewed proposals to the guides (mails, their lists)',
        params: s.idParams,
        response: { 200: s.sentReply },
      },
    },
    async (request) => matching.sendRun(ctx(request), request.params.id),
  );
  app.delete(
    '/guides/matching/runs/:id/proposals/:proposalId',
    {
      schema: {
        tags: match,
        summary: 'Drop a proposal under review (the request stays open)',
        params: s.runProposalParams,
        response: done,
      },
    },
    async (request, reply) => {
      await matching.dropProposal(ctx(request), request.params.id, request.params.proposalId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/guides/matching/runs/:id/proposals/:proposalId/swap',
    {
      schema: {
        tags: match,
        summary: 'Give a proposal under review to one of its eligible alternatives',
        params: s.runProposalParams,
        body: s.swapBody,
        response: { 200: s.swappedReply },
      },
    },
    async (request) =>
      matching.swapProposal(ctx(request), request.params.id, request.params.proposalId, request.body.guideId),
  );
  app.post(
    '/guides/requests/:id/propose',
    {
      schema: {
        tags: match,
        summary: 'Propose one urgent request to the best guide now',
        params: s.idParams,
        response: { 200: s.proposeReply },
      },
    },
    async (request) => matching.proposeUrgent(ctx(request), request.params.id),
  );
  app.post(
    '/guides/requests/:id/assign',
    {
      schema: {
        tags: match,
        summary: 'Confirm a guide directly (409 guides.double_booking when it would overlap)',
        params: s.idParams,
        body: s.assignBody,
        response: { 200: s.assignedReply },
      },
    },
    async (request) => matching.assignGuide(ctx(request), request.params.id, request.body.guideId),
  );
};
