import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../core/context.ts';
import { requestContext } from '../../core/http.ts';
import * as counselling from './counselling.service.ts';
import * as figures from './figures.service.ts';
import * as intake from './intake.service.ts';
import { placementLetter } from './letter.service.ts';
import * as placement from './placement.service.ts';
import * as s from './schooling.schema.ts';
import * as seats from './seats.service.ts';

/** The schooling module's routes under /api/v1/schooling. */
export const schoolingRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (
  app,
  { services },
) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  const intakeTag = { tags: ['schooling: intake and counselling'] };
  const placesTag = { tags: ['schooling: school places and placement'] };
  const figuresTag = { tags: ['schooling: figures'] };

  // Intake --------------------------------------------------------------------------------------------------

  app.post(
    '/schooling/registrations',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' }, idempotent: true },
      schema: {
        ...intakeTag,
        summary: 'A family registers its children (public form); only a confirmation code comes back',
        body: s.registrationBody,
        response: { 201: s.registrationReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await intake.registerFromForm(ctx(request), request.body)),
  );

  app.get(
    '/schooling/children',
    {
      schema: {
        ...intakeTag,
        summary: 'Children (KI caseworkers; every child listed is an audited read)',
        querystring: s.childrenQuery,
        response: { 200: s.childrenReply },
      },
    },
    async (request) => intake.listChildren(ctx(request), request.query),
  );

  app.post(
    '/schooling/children',
    {
      schema: {
        ...intakeTag,
        summary: 'Enter a child, with the family’s consents (KI caseworkers)',
        body: s.createChildBody,
        response: { 201: s.createdChildReply },
      },
    },
    async (request, reply) => reply.status(201).send(await intake.createChild(ctx(request), request.body)),
  );

  app.get(
    '/schooling/children/:id',
    {
      schema: {
        ...intakeTag,
        summary: 'A child’s record (KI caseworkers; audited)',
        params: s.idParams,
        response: { 200: s.childRecord },
      },
    },
    async (request) => intake.getChild(ctx(request), request.params.id),
  );

  app.patch(
    '/schooling/children/:id',
    {
      schema: {
        ...intakeTag,
        summary: 'Correct a child’s data, or mark a registration as reviewed',
        params: s.idParams,
        body: s.updateChildBody,
        response: { 200: s.childRecord },
      },
    },
    async (request) => intake.updateChild(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/schooling/children/:id/appointments',
    {
      schema: {
        ...intakeTag,
        summary: 'Book a counselling appointment, noting a language mediator if needed',
        params: s.idParams,
        body: s.appointmentBody,
        response: { 201: s.appointmentReply },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await counselling.createAppointment(ctx(request), request.params.id, request.body)),
  );

  app.patch(
    '/schooling/appointments/:id',
    {
      schema: {
        ...intakeTag,
        summary: 'Mark an appointment as held or cancelled',
        params: s.idParams,
        body: s.appointmentStatusBody,
        response: { 200: s.appointmentReply },
      },
    },
    async (request) => counselling.setAppointmentStatus(ctx(request), request.params.id, request.body.status),
  );

  app.post(
    '/schooling/appointments/:id/mediator-request',
    {
      schema: {
        ...intakeTag,
        summary:
          'Book the language mediator the appointment needs (a prefilled request to the guides module)',
        params: s.idParams,
        response: { 201: s.mediatorRequestReply },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return counselling.bookMediator(ctx(request), request.params.id);
    },
  );

  app.put(
    '/schooling/children/:id/assessment',
    {
      schema: {
        ...intakeTag,
        summary: 'Record the assessment; the child goes onto the waiting list',
        params: s.idParams,
        body: s.assessmentBody,
        response: { 200: s.assessmentReply },
      },
    },
    async (request) => counselling.recordAssessment(ctx(request), request.params.id, request.body),
  );

  // School places ---------------------------------------------------------------------------------------------

  app.get(
    '/schooling/school-directory',
    {
      schema: {
        ...placesTag,
        summary: 'The schools by name and address (public: for the family’s wish on the form)',
        response: { 200: s.schoolDirectoryReply },
      },
    },
    async (request) => seats.listSchoolDirectory(ctx(request)),
  );

  app.get(
    '/schooling/schools',
    {
      schema: {
        ...placesTag,
        summary: 'Every school’s free places, and who last updated them when',
        response: { 200: s.schoolsReply },
      },
    },
    async (request) => seats.listSchoolSeats(ctx(request)),
  );

  app.get(
    '/schooling/schools/:schoolId/seats',
    {
      schema: {
        ...placesTag,
        summary: 'One school’s free places',
        params: s.schoolParams,
        response: { 200: s.schoolSeats },
      },
    },
    async (request) => seats.getSchoolSeats(ctx(request), request.params.schoolId),
  );

  app.put(
    '/schooling/schools/:schoolId/seats',
    {
      schema: {
        ...placesTag,
        summary: 'The school’s staff set its free places (the full list)',
        params: s.schoolParams,
        body: s.seatsBody,
        response: { 200: s.schoolSeats },
      },
    },
    async (request) => seats.updateSchoolSeats(ctx(request), request.params.schoolId, request.body),
  );

  app.get(
    '/schooling/schools/:schoolId/children',
    {
      schema: {
        ...placesTag,
        summary: 'Children sent to the school, where the family agreed to share (school staff; audited)',
        params: s.schoolParams,
        response: { 200: s.schoolChildrenReply },
      },
    },
    async (request) => placement.listSchoolChildren(ctx(request), request.params.schoolId),
  );

  // Placement -------------------------------------------------------------------------------------------------

  app.post(
    '/schooling/placement-runs',
    {
      schema: {
        ...placesTag,
        summary: 'Run the placement for every waiting child (optimal, explained)',
        response: { 201: s.runReply },
      },
    },
    async (request, reply) => reply.status(201).send(await placement.runPlacement(ctx(request))),
  );

  app.get(
    '/schooling/placement-runs/latest',
    {
      schema: { ...placesTag, summary: 'The latest placement run', response: { 200: s.runReply } },
    },
    async (request) => placement.getLatestRun(ctx(request)),
  );

  app.get(
    '/schooling/placement-runs/:id',
    {
      schema: { ...placesTag, summary: 'A placement run', params: s.idParams, response: { 200: s.runReply } },
    },
    async (request) => placement.getRun(ctx(request), request.params.id),
  );

  app.post(
    '/schooling/placement-runs/:id/confirm',
    {
      schema: {
        ...placesTag,
        summary: 'Confirm the run’s proposals (all, or the listed ones); they go to the schools',
        params: s.idParams,
        body: s.confirmBody.optional(),
        response: { 200: s.confirmReply },
      },
    },
    async (request) =>
      placement.confirmProposals(ctx(request), request.params.id, request.body?.placementIds),
  );

  app.post(
    '/schooling/placements/:id/confirm',
    {
      schema: {
        ...placesTag,
        summary: 'Confirm one proposal',
        params: s.idParams,
        response: { 200: s.confirmReply },
      },
    },
    async (request) => placement.confirmPlacement(ctx(request), request.params.id),
  );

  app.post(
    '/schooling/placements/:id/accept',
    {
      schema: {
        ...placesTag,
        summary: 'The school accepts the child from a start date',
        params: s.idParams,
        body: s.acceptBody,
        response: { 200: s.placementReply },
      },
    },
    async (request) => placement.acceptPlacement(ctx(request), request.params.id, request.body.startDate),
  );

  app.post(
    '/schooling/placements/:id/refuse',
    {
      schema: {
        ...placesTag,
        summary: 'The school refuses, with a reason; the child goes back to the list',
        params: s.idParams,
        body: s.refuseBody,
        response: { 200: s.placementReply },
      },
    },
    async (request) => placement.refusePlacement(ctx(request), request.params.id, request.body.reason),
  );

  app.post(
    '/schooling/placements/:id/first-day',
    {
      schema: {
        ...placesTag,
        summary: 'Record the first school day (school or caseworker); the waiting time ends',
        params: s.idParams,
        body: s.firstDayBody,
        response: { 200: s.placementReply },
      },
    },
    async (request) => placement.recordFirstDay(ctx(request), request.params.id, request.body.date),
  );

  app.get(
    '/schooling/placements/:id/letter.pdf',
    {
      schema: {
        ...placesTag,
        summary: 'The family’s letter (PDF, its language and German)',
        params: s.idParams,
        querystring: s.letterQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await placementLetter(ctx(request), request.params.id, request.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  // Figures ---------------------------------------------------------------------------------------------------

  app.get(
    '/schooling/figures',
    {
      schema: {
        ...figuresTag,
        summary: 'Waiting children, time to a place, free places, forecast (counts under 5 as "<5")',
        response: { 200: s.figuresReply },
      },
    },
    async (request) => figures.schoolingFigures(ctx(request)),
  );

  app.get(
    '/schooling/figures.csv',
    {
      schema: {
        ...figuresTag,
        summary: 'The figures as CSV (counts under 5 as "<5")',
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="schooling-figures.csv"')
        .send(await figures.schoolingFiguresCsv(ctx(request))),
  );
};
