import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../core/context.ts';
import { requestContext } from '../../core/http.ts';
import * as s from './courses.schema.ts';
import * as attendance from './attendance.service.ts';
import * as courses from './courses.service.ts';
import * as demand from './demand.service.ts';
import * as enrolment from './enrolment.service.ts';

// Generous per address: a school or a counselling centre enrols many families from one address, and the race
// (200 at once) must be decided by the database, not refused at the door. The code (78 bits) is not guessable.
const publicForm = { rateLimit: { max: 1000, timeWindow: '1 minute' } };
const publicRead = { rateLimit: { max: 1000, timeWindow: '1 minute' } };

/** The courses module's HTTP routes under /api/v1/courses: thin — validate, call the service, reply. */
export const coursesRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  const offers = ['courses: courses'];
  const enrolling = ['courses: enrolment'];
  const providers = ['courses: providers'];
  const planning = ['courses: planning'];

  app.get(
    '/courses',
    {
      config: publicRead,
      schema: {
        tags: offers,
        summary: 'Language courses not yet ended, with free places and childcare places, soonest first',
        querystring: s.listQuery,
        response: { 200: s.coursesReply },
      },
    },
    async (request) => courses.listCourses(ctx(request), request.query),
  );
  app.get(
    '/courses/managed',
    {
      schema: {
        tags: providers,
        summary:
          'The courses the caller keeps: a provider’s own organisation’s, every course for coordinators',
        response: { 200: s.managedReply },
      },
    },
    async (request) => courses.listManagedCourses(ctx(request)),
  );
  app.get(
    '/courses/demand',
    {
      schema: {
        tags: planning,
        summary:
          'Coordinators: waiting persons by Ortsteil, kind, support language and childcare need (small counts "<5")',
        response: { 200: s.demandReply },
      },
    },
    async (request) => demand.readDemand(ctx(request)),
  );
  app.post(
    '/courses/planner',
    {
      schema: {
        tags: planning,
        summary:
          'Coordinators: where to open the budget’s new groups so the most waiting persons get a place within their travel limit (exact)',
        body: s.plannerBody,
        response: { 200: s.plannerReply },
      },
    },
    async (request) => demand.runPlanner(ctx(request), request.body),
  );
  app.post(
    '/courses',
    {
      schema: {
        tags: providers,
        summary: 'Open a course (also a directory offer, found in the directory’s search)',
        body: s.courseBody,
        response: { 201: s.courseReply },
      },
    },
    async (request, reply) => reply.status(201).send(await courses.createCourse(ctx(request), request.body)),
  );
  app.get(
    '/courses/:id',
    {
      config: publicRead,
      schema: {
        tags: offers,
        summary: 'One course with its free places and childcare places',
        params: s.idParams,
        response: { 200: s.courseReply },
      },
    },
    async (request) => courses.readCourse(ctx(request), request.params.id),
  );
  app.get(
    '/courses/:id/enrolments',
    {
      schema: {
        tags: providers,
        summary:
          'A course’s enrolments, waiting list and every move (its provider and coordinators; audited)',
        params: s.idParams,
        response: { 200: s.enrolmentsReply },
      },
    },
    async (request) => courses.courseEnrolments(ctx(request), request.params.id),
  );
  app.put(
    '/courses/:id/capacity',
    {
      schema: {
        tags: providers,
        summary:
          'Change a course’s places and childcare places; raised, the first waiting get offers in order of arrival',
        params: s.idParams,
        body: s.capacityBody,
        response: { 200: s.courseReply },
      },
    },
    async (request) => enrolment.changeCapacity(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/courses/:id/attendance',
    {
      schema: {
        tags: providers,
        summary: 'A session day’s attendance list with each person’s sessions and hours so far',
        params: s.idParams,
        querystring: s.attendanceQuery,
        response: { 200: s.attendanceReply },
      },
    },
    async (request) => attendance.readAttendance(ctx(request), request.params.id, request.query.day),
  );
  app.put(
    '/courses/:id/attendance',
    {
      schema: {
        tags: providers,
        summary: 'Take a session day’s attendance: present, absent or excused per enrolled person',
        params: s.idParams,
        body: s.attendanceBody,
        response: { 200: s.attendanceReply },
      },
    },
    async (request) => attendance.recordAttendance(ctx(request), request.params.id, request.body),
  );
  app.put(
    '/courses/:id/enrolments/:enrolmentId/completion',
    {
      schema: {
        tags: providers,
        summary: 'Mark the course completed (or not) for an enrolled person',
        params: s.enrolmentParams,
        body: s.completionBody,
        response: { 200: s.attendanceReply },
      },
    },
    async (request) =>
      attendance.setCompletion(
        ctx(request),
        request.params.id,
        request.params.enrolmentId,
        request.body.completed,
      ),
  );
  app.get(
    '/courses/:id/enrolments/:enrolmentId/certificate.pdf',
    {
      schema: {
        tags: providers,
        summary: 'The certificate of attendance (PDF, the person’s language and German), once completed',
        params: s.enrolmentParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await attendance.certificate(
        ctx(request),
        request.params.id,
        request.params.enrolmentId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  app.post(
    '/courses/:id/enrolments',
    {
      // Not `idempotent`: a replayed answer would keep the code in plain text (it is kept only as its hash).
      config: publicForm,
      schema: {
        tags: enrolling,
        summary:
          'Enrol without an account: a place when one (and the childcare needed) is free, else the waiting list with its position; returns the code (once)',
        params: s.idParams,
        body: s.enrolmentBody,
        response: { 201: s.enrolledReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await enrolment.enrol(ctx(request), request.params.id, request.body)),
  );
  app.get(
    '/courses/enrolments/:code',
    {
      config: publicRead,
      schema: {
        tags: enrolling,
        summary:
          'An enrolment by its code: status, waiting position or offer with deadline, other waiting places',
        params: s.codeParams,
        response: { 200: s.followReply },
      },
    },
    async (request) => enrolment.follow(ctx(request), request.params.code),
  );
  app.patch(
    '/courses/enrolments/:code',
    {
      config: publicForm,
      schema: {
        tags: enrolling,
        summary:
          'Change an enrolment by its code: contact, languages, needs, children in childcare (a held place needs free childcare places for more)',
        params: s.codeParams,
        body: s.enrolmentChangeBody,
        response: { 200: s.followReply },
      },
    },
    async (request) => enrolment.change(ctx(request), request.params.code, request.body),
  );
  app.post(
    '/courses/enrolments/:code/cancel',
    {
      config: publicForm,
      schema: {
        tags: enrolling,
        summary: 'Cancel an enrolment or leave the waiting list; a freed place is offered to the next',
        params: s.codeParams,
        response: { 200: s.followReply },
      },
    },
    async (request) => enrolment.cancel(ctx(request), request.params.code),
  );
  app.post(
    '/courses/enrolments/:code/accept',
    {
      config: publicForm,
      schema: {
        tags: enrolling,
        summary: 'Accept the offered place before its deadline',
        params: s.codeParams,
        response: { 200: s.followReply },
      },
    },
    async (request) => enrolment.accept(ctx(request), request.params.code),
  );
  app.post(
    '/courses/enrolments/:code/decline',
    {
      config: publicForm,
      schema: {
        tags: enrolling,
        summary: 'Decline the offered place; it goes to the next on the waiting list',
        params: s.codeParams,
        response: { 200: s.followReply },
      },
    },
    async (request) => enrolment.decline(ctx(request), request.params.code),
  );
  app.post(
    '/courses/enrolments/:code/others',
    {
      config: publicForm,
      schema: {
        tags: enrolling,
        summary: 'After getting a place: keep or leave the other waiting places (asked once)',
        params: s.codeParams,
        body: s.othersBody,
        response: { 200: s.followReply },
      },
    },
    async (request) => enrolment.answerOthers(ctx(request), request.params.code, request.body),
  );
};
