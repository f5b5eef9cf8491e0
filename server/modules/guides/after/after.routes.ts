import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../../../core/context.ts';
import { requestContext } from '../../../core/http.ts';
import * as s from './after.schema.ts';
import * as after from './after.service.ts';
import * as statements from './statement.service.ts';

const tags = ['guides: after the appointment'];
const byCode = { rateLimit: { max: 20, timeWindow: '1 minute' } };
const asIs = (payload: unknown) => payload as string;
const created = { 201: z.null().describe('Saved') };

/** After the appointment: time and travel, the requester's confirmation, feedback, monthly statements. */
export const afterRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);

  app.get(
    '/guides/assignments/:id/after',
    {
      schema: {
        tags,
        summary: 'The guide’s view after the appointment: logged time, its confirmation, feedback given',
        params: s.assignmentParams,
        response: { 200: s.afterReply },
      },
    },
    async (request) => after.getAfterForGuide(ctx(request), request.params.id),
  );

  app.get(
    '/guides/requests/:id/after',
    {
      schema: {
        tags,
        summary:
          'The requesting organisation’s view after the appointment: the time to confirm, feedback given',
        params: s.requestParams,
        response: { 200: s.afterReply },
      },
    },
    async (request) => after.getAfterForRequester(ctx(request), request.params.id),
  );

  app.put(
    '/guides/assignments/:id/time',
    {
      schema: {
        tags,
        summary: 'The guide logs actual time and travel (again: the requester confirms anew)',
        params: s.assignmentParams,
        body: s.timeBody,
        response: { 200: s.afterReply },
      },
    },
    async (request) => after.logTime(ctx(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/guides/requests/:id/time/confirm',
    {
      schema: {
        tags,
        summary: 'The requesting organisation (or a coordinator) confirms the time the guide logged',
        params: s.requestParams,
        response: { 200: s.afterReply },
      },
    },
    async (request) => after.confirmTime(ctx(request), request.params.id),
  );

  app.post(
    '/guides/assignments/:id/feedback',
    {
      schema: {
        tags,
        summary: 'The guide’s feedback on the appointment: 1–5 and a comment',
        description: 'Only coordinators read feedback; each side gives it once.',
        params: s.assignmentParams,
        body: s.feedbackBody,
        response: created,
      },
    },
    async (request, reply) => {
      await after.giveGuideFeedback(ctx(request), { id: request.params.id, ...request.body });
      return reply.status(201).send(null);
    },
  );

  app.post(
    '/guides/requests/:id/feedback',
    {
      schema: {
        tags,
        summary: 'The requesting organisation’s feedback on the guide’s work: 1–5 and a comment',
        description: 'Only coordinators read feedback; each side gives it once.',
        params: s.requestParams,
        body: s.feedbackBody,
        response: created,
      },
    },
    async (request, reply) => {
      await after.giveRequesterFeedback(ctx(request), { requestId: request.params.id, ...request.body });
      return reply.status(201).send(null);
    },
  );

  app.get(
    '/guides/public/requests/:code/after',
    {
      config: byCode,
      schema: {
        tags,
        summary: 'The newcomer’s view after the appointment, by the request’s code',
        params: s.codeParams,
        response: { 200: s.afterReply },
      },
    },
    async (request) => after.getAfterStateByCode(ctx(request), request.params.code),
  );

  app.post(
    '/guides/public/requests/:code/time/confirm',
    {
      config: byCode,
      schema: {
        tags,
        summary: 'The newcomer confirms the logged time, by the request’s code',
        params: s.codeParams,
        response: { 200: s.afterReply },
      },
    },
    async (request) => after.confirmTimeByCode(ctx(request), request.params.code),
  );

  app.post(
    '/guides/public/requests/:code/feedback',
    {
      config: { ...byCode, idempotent: true },
      schema: {
        tags,
        summary: 'The newcomer’s feedback 1–5 and a comment, by the request’s code',
        params: s.codeParams,
        body: s.feedbackBody,
        response: created,
      },
    },
    async (request, reply) => {
      await after.giveFeedbackByCode(ctx(request), { code: request.params.code, ...request.body });
      return reply.status(201).send(null);
    },
  );

  app.get(
    '/guides/feedback',
    {
      schema: {
        tags,
        summary: 'Feedback from both sides (coordinators only)',
        querystring: s.feedbackQuery,
        response: { 200: s.feedbackReply },
      },
    },
    async (request) => ({ items: await after.listFeedback(ctx(request), request.query) }),
  );

  app.get(
    '/guides/statements',
    {
      schema: {
        tags,
        summary: 'Monthly statements: one’s own (guide) or every guide’s (coordinators)',
        querystring: s.statementsQuery,
        response: { 200: s.statementsReply },
      },
    },
    async (request) => ({ items: await statements.listStatements(ctx(request), request.query) }),
  );

  app.get(
    '/guides/statements/:guideId/:month',
    {
      schema: {
        tags,
        summary: 'One guide’s statement of a month, line by line',
        params: s.statementParams,
        response: { 200: s.statementReply },
      },
    },
    async (request) => statements.statementJson(ctx(request), request.params),
  );

  app.get(
    '/guides/statements/:guideId/:month/statement.csv',
    {
      schema: {
        tags,
        summary: 'The statement as CSV (UTF-8 with BOM, header row, totals row) for payroll',
        params: s.statementParams,
        response: { 200: z.string().describe('text/csv, RFC 4180') },
      },
    },
    async (request, reply) => {
      const { fileName, body } = await statements.statementCsvFile(ctx(request), request.params);
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .serializer(asIs)
        .send(body);
    },
  );

  app.get(
    '/guides/statements/:guideId/:month/statement.pdf',
    {
      schema: {
        tags,
        summary: 'The statement as PDF (A4, in the reader’s language) for payroll and allowances',
        params: s.statementParams,
        response: { 200: z.unknown().describe('application/pdf') },
      },
    },
    async (request, reply) => {
      const { fileName, body } = await statements.statementPdfFile(ctx(request), request.params);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );
};
