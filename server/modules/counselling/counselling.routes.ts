import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { requestContext } from '../../core/http.ts';
import { can } from '../../core/policy.ts';
import * as booking from './booking.service.ts';
import * as breakGlass from './break-glass.service.ts';
import * as cases from './cases.service.ts';
import * as clinic from './clinic.service.ts';
import * as figures from './figures.service.ts';
import * as leads from './leads.service.ts';
import * as s from './counselling.schema.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may reach a route before its input is looked at: the counsellors (`cases`), the clinic's staff
     * (`clinic`), the data-protection officer (`privacy`: the platform's admins) or coordinators (`figures`). The public gets 401, anyone else 403, whatever they send.
     */
    counsellingStaff?: 'cases' | 'clinic' | 'privacy' | 'figures';
  }
}

const publicForm = { rateLimit: { max: 1000, timeWindow: '1 minute' } };
const publicRead = { rateLimit: { max: 1000, timeWindow: '1 minute' } };
const counsellors = { counsellingStaff: 'cases' } as const;
const clinicStaff = { counsellingStaff: 'clinic' } as const;
const privacyOfficer = { counsellingStaff: 'privacy' } as const;
const coordinators = { counsellingStaff: 'figures' } as const;

/** The counselling module's HTTP routes under /api/v1/counselling: thin — validate, call the service, reply. */
export const counsellingRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (
  app,
  { services },
) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  const booking_ = ['counselling: booking'];
  const caseTags = ['counselling: cases'];
  const clinicTags = ['counselling: clinic'];

  app.addHook('preValidation', async (request) => {
    const staff = request.routeOptions.config.counsellingStaff;
    if (!staff) return;
    if (request.actor.kind === 'public') throw errors.unauthenticated();
    const allowed =
      staff === 'cases'
        ? can(request.actor, 'counselling.staff')
        : staff === 'clinic'
          ? can(request.actor, 'counselling.clinic')
          : staff === 'figures'
            ? can(request.actor, 'counselling.figures')
            : can(request.actor, 'counselling.break_glass.list');
    if (!allowed) throw errors.forbidden();
  });

  app.get(
    '/counselling/services',
    {
      config: publicRead,
      schema: {
        tags: booking_,
        summary:
          'The counselling services: Clearingstelle, migration counselling, with languages and opening hours',
        response: { 200: s.servicesReply },
      },
    },
    async (request) => booking.listServices(ctx(request)),
  );
  app.get(
    '/counselling/services/:id/slots',
    {
      config: publicRead,
      schema: {
        tags: booking_,
        summary: 'A service’s free appointment slots',
        params: s.serviceParams,
        querystring: s.slotsQuery,
        response: { 200: s.slotsReply },
      },
    },
    async (request) => booking.freeSlots(ctx(request), request.params.id, request.query),
  );
  app.post(
    '/counselling/bookings',
    {
      config: publicForm,
      schema: {
        tags: booking_,
        summary:
          'Book a free slot (no account needed); returns the code once; a slot taken meanwhile answers 409',
        body: s.bookingBody,
        response: { 201: s.bookedReply },
      },
    },
    async (request, reply) => reply.status(201).send(await booking.book(ctx(request), request.body)),
  );
  app.get(
    '/counselling/bookings/:code',
    {
      config: publicRead,
      schema: {
        tags: booking_,
        summary: 'Follow a booking by its code: when and where, and the documents to bring',
        params: s.codeParams,
        response: { 200: s.followReply },
      },
    },
    async (request) => booking.follow(ctx(request), request.params.code),
  );
  app.post(
    '/counselling/bookings/:code/cancel',
    {
      config: publicForm,
      schema: {
        tags: booking_,
        summary: 'Cancel a booking by its code; the slot is free again',
        params: s.codeParams,
        response: { 200: s.followReply },
      },
    },
    async (request) => booking.cancel(ctx(request), request.params.code),
  );
  app.post(
    '/counselling/bookings/:code/move',
    {
      config: publicForm,
      schema: {
        tags: booking_,
        summary:
          'Move a booking by its code to another free slot of the same service; a slot taken meanwhile answers 409',
        params: s.codeParams,
        body: s.moveBody,
        response: { 200: s.followReply },
      },
    },
    async (request) => booking.move(ctx(request), request.params.code, request.body.slotId),
  );

  app.get(
    '/counselling/appointments',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary: 'The booked appointments of the counsellor’s services from today on',
        response: { 200: s.appointmentsReply },
      },
    },
    async (request) => booking.appointments(ctx(request)),
  );
  app.post(
    '/counselling/appointments/:id/mediator',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary:
          'Book the language mediator an appointment needs, with one click (a prefilled request to the guides module)',
        params: s.idParams,
        response: { 201: s.mediatorBookedReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await booking.bookMediator(ctx(request), request.params.id)),
  );
  app.get(
    '/counselling/cases',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary: 'The cases of the counsellor’s services, most recently changed first',
        querystring: s.casesQuery,
        response: { 200: s.casesReply },
      },
    },
    async (request) => cases.listCases(ctx(request), request.query),
  );
  app.post(
    '/counselling/cases',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary:
          'Open a case (from a booking or for a walk-in); without the storage consent only a contact is counted',
        body: s.caseBody,
        response: { 201: s.caseCreatedReply },
      },
    },
    async (request, reply) => reply.status(201).send(await cases.openCase(ctx(request), request.body)),
  );
  app.get(
    '/counselling/cases/:id',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary: 'One case of the counsellor’s service (the read is audited)',
        params: s.idParams,
        response: { 200: s.caseReply },
      },
    },
    async (request) => cases.readCase(ctx(request), request.params.id),
  );
  app.patch(
    '/counselling/cases/:id',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary: 'Work a case: checklist, documents still missing, topics, outcomes, closure',
        params: s.idParams,
        body: s.caseUpdateBody,
        response: { 200: s.caseReply },
      },
    },
    async (request) => cases.updateCase(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/counselling/cases/:id/notes',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary: 'Add a note to a case (stored encrypted)',
        params: s.idParams,
        body: s.noteBody,
        response: { 201: s.caseReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.addNote(ctx(request), request.params.id, request.body.body)),
  );
  app.post(
    '/counselling/cases/:id/referrals',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary:
          'Refer the client to a recipient, with their consent for that recipient and the fields shared',
        params: s.idParams,
        body: s.referralBody,
        response: { 201: s.caseReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.refer(ctx(request), request.params.id, request.body)),
  );
  app.post(
    '/counselling/cases/:id/break-glass',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary:
          'Break-glass: a lead counsellor opens another service’s case with a reason (stored, audited, listed for the data-protection officer, shown to the case’s counsellors)',
        params: s.idParams,
        body: s.breakGlassBody,
        response: { 201: s.caseReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.breakGlass(ctx(request), request.params.id, request.body.reason)),
  );
  app.get(
    '/counselling/cases/:id/export',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary:
          'The client’s data as JSON (Art. 15 GDPR), on their request to the service: every sealed value opened (audited)',
        params: s.idParams,
        response: { 200: s.caseExportReply },
      },
    },
    async (request) => cases.exportCase(ctx(request), request.params.id),
  );
  app.post(
    '/counselling/cases/:id/erase',
    {
      config: counsellors,
      schema: {
        tags: caseTags,
        summary:
          'Erase the client’s data on their request (Art. 17 GDPR): person, notes, referrals, bookings go; the anonymous counts stay',
        params: s.idParams,
        body: s.caseEraseBody,
        response: { 200: s.caseReply },
      },
    },
    async (request) => cases.eraseCase(ctx(request), request.params.id),
  );
  app.get(
    '/counselling/break-glass',
    {
      config: privacyOfficer,
      schema: {
        tags: caseTags,
        summary: 'For the data-protection officer: every break-glass access to a case, newest first',
        querystring: s.breakGlassQuery,
        response: { 200: s.breakGlassReply },
      },
    },
    async (request) => breakGlass.listBreakGlass(ctx(request), request.query),
  );
  app.get(
    '/counselling/leads',
    {
      config: privacyOfficer,
      schema: {
        tags: caseTags,
        summary: 'The lead counsellors, who may open another service’s case by break-glass (admins)',
        response: { 200: s.leadsReply },
      },
    },
    async (request) => leads.listLeads(ctx(request)),
  );
  app.post(
    '/counselling/leads',
    {
      config: privacyOfficer,
      schema: {
        tags: caseTags,
        summary: 'Name a counsellor (by e-mail) a lead of their service (admins; audited)',
        body: s.leadBody,
        response: { 201: s.leadsReply },
      },
    },
    async (request, reply) => reply.status(201).send(await leads.nameLead(ctx(request), request.body.email)),
  );
  app.delete(
    '/counselling/leads/:id',
    {
      config: privacyOfficer,
      schema: {
        tags: caseTags,
        summary: 'Remove a lead counsellor (admins; audited)',
        params: s.idParams,
        response: { 200: s.leadsReply },
      },
    },
    async (request) => leads.removeLead(ctx(request), request.params.id),
  );

  app.get(
    '/counselling/figures',
    {
      config: coordinators,
      schema: {
        tags: ['counselling: figures'],
        summary:
          'Cases opened and closed per month, by topic and district, clearing time and outcome, clinic visits, languages, mediators, referrals (counts under 5 as "<5")',
        response: { 200: s.figuresReply },
      },
    },
    async (request) => figures.counsellingFigures(ctx(request)),
  );
  app.get(
    '/counselling/figures.csv',
    {
      config: coordinators,
      schema: {
        tags: ['counselling: figures'],
        summary: 'The figures as CSV (counts under 5 as "<5")',
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="counselling-figures.csv"')
        .send(await figures.counsellingFiguresCsv(ctx(request))),
  );

  app.get(
    '/counselling/clinic/referrals',
    {
      config: clinicStaff,
      schema: {
        tags: clinicTags,
        summary: 'Referrals to the caller’s clinic: only what was shared, only while the consent holds',
        response: { 200: s.recipientReferralsReply },
      },
    },
    async (request) => clinic.recipientReferrals(ctx(request)),
  );
  app.patch(
    '/counselling/clinic/referrals/:id',
    {
      config: clinicStaff,
      schema: {
        tags: clinicTags,
        summary: 'Accept, decline or mark done a referral to the caller’s clinic',
        params: s.idParams,
        body: s.referralStatusBody,
        response: { 200: s.recipientReferralReply },
      },
    },
    async (request) => clinic.setReferralStatus(ctx(request), request.params.id, request.body.status),
  );
  app.post(
    '/counselling/clinic/referrals/:id/visits',
    {
      config: clinicStaff,
      schema: {
        tags: clinicTags,
        summary: 'Record that the referred person was treated: a date, referred on yes/no, never a diagnosis',
        params: s.idParams,
        body: s.visitBody,
        response: { 201: s.recipientReferralReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await clinic.recordVisit(ctx(request), request.params.id, request.body)),
  );
};
