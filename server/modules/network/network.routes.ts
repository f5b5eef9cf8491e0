import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { requestContext } from '../../core/http.ts';
import * as activities from './activities.service.ts';
import * as actors from './actors.service.ts';
import * as calendar from './calendar.service.ts';
import * as feeds from './feeds.service.ts';
import * as figures from './figures.service.ts';
import * as gaps from './gaps.service.ts';
import * as s from './network.schema.ts';
import * as rooms from './rooms.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A network staff route: the public gets 401 before its input is even looked at. */
    networkStaff?: boolean;
  }
}

const staff = { networkStaff: true };
const publicRead = { rateLimit: { max: 120, timeWindow: '1 minute' } };
const empty = z.null().describe('No content');

/** The network module's HTTP routes under /api/v1/network: thin — validate, call the service, reply. */
export const networkRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  const register = ['network: actors'];
  const planning = ['network: activities'];
  const open = ['network: public calendar'];
  const house = ['network: rooms'];

  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.networkStaff && request.actor.kind === 'public')
      throw errors.unauthenticated();
  });

  // Actors

  app.get(
    '/network/actors',
    {
      config: staff,
      schema: {
        tags: register,
        summary: 'The register of actors (approved; pending ones for the KI and their own organisation)',
        querystring: s.actorsQuery,
        response: { 200: s.actorsReply },
      },
    },
    async (request) => actors.listActors(ctx(request), request.query),
  );
  app.get(
    '/network/actors/me',
    {
      config: staff,
      schema: {
        tags: register,
        summary: 'The entry of the caller’s organisation, or null',
        response: { 200: s.myActorReply },
      },
    },
    async (request) => actors.myActor(ctx(request)),
  );
  app.get(
    '/network/actors/:id',
    {
      config: staff,
      schema: {
        tags: register,
        summary: 'One actor with its contact persons',
        params: s.idParams,
        response: { 200: s.actorReply },
      },
    },
    async (request) => actors.getActor(ctx(request), request.params.id),
  );
  app.post(
    '/network/actors',
    {
      config: staff,
      schema: {
        tags: register,
        summary:
          'Enter an actor: staff their own organisation (pending until the KI approves), the KI a new organisation (approved)',
        body: s.actorBody,
        response: { 201: s.actorReply },
      },
    },
    async (request, reply) => reply.status(201).send(await actors.createActor(ctx(request), request.body)),
  );
  app.patch(
    '/network/actors/:id',
    {
      config: staff,
      schema: {
        tags: register,
        summary: 'Change an actor’s entry (its own staff, or the KI)',
        params: s.idParams,
        body: s.actorUpdateBody,
        response: { 200: s.actorReply },
      },
    },
    async (request) => actors.updateActor(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/network/actors/:id/approve',
    {
      config: staff,
      schema: {
        tags: register,
        summary: 'The KI approves a new actor',
        params: s.idParams,
        response: { 200: s.actorReply },
      },
    },
    async (request) => actors.approveActor(ctx(request), request.params.id),
  );
  app.post(
    '/network/actors/:id/contacts',
    {
      config: staff,
      schema: {
        tags: register,
        summary: 'Add a contact person who agreed to be listed internally',
        params: s.idParams,
        body: s.newContactBody,
        response: { 201: s.actorReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await actors.addContact(ctx(request), request.params.id, request.body)),
  );
  app.delete(
    '/network/actors/:id/contacts/:contactId',
    {
      config: staff,
      schema: {
        tags: register,
        summary: 'Remove a contact person (also when they withdraw their consent)',
        params: s.contactParams,
        response: { 204: empty },
      },
    },
    async (request, reply) => {
      await actors.removeContact(ctx(request), request.params.id, request.params.contactId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/network/working-groups',
    {
      config: staff,
      schema: {
        tags: register,
        summary: 'Working groups (Arbeitskreise) with their member actors',
        response: { 200: s.workingGroupsReply },
      },
    },
    async (request) => actors.workingGroups(ctx(request)),
  );

  // Activities

  app.post(
    '/network/activities/check',
    {
      config: staff,
      schema: {
        tags: planning,
        summary:
          'Overlaps of a planned activity: other actors’ activities for the same target group in the same or a neighbouring Ortsteil at an overlapping time (recurrences expanded to the horizon)',
        body: s.checkBody,
        response: { 200: s.checkReply },
      },
    },
    async (request) => activities.checkOverlaps(ctx(request), request.body),
  );
  app.get(
    '/network/activities',
    {
      config: staff,
      schema: {
        tags: planning,
        summary: 'Activities: the KI all (or one actor’s), staff their own actor’s',
        querystring: s.activitiesQuery,
        response: { 200: s.activitiesReply },
      },
    },
    async (request) => activities.listActivities(ctx(request), request.query),
  );
  app.post(
    '/network/activities',
    {
      config: staff,
      schema: {
        tags: planning,
        summary: 'Save an activity (overlaps are answered, saving is allowed anyway)',
        body: s.activityBody,
        response: { 201: s.savedActivityReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await activities.createActivity(ctx(request), request.body)),
  );
  app.put(
    '/network/activities/:id',
    {
      config: staff,
      schema: {
        tags: planning,
        summary: 'Change an activity (all its fields); its occurrences are expanded again',
        params: s.idParams,
        body: s.activityBody,
        response: { 200: s.savedActivityReply },
      },
    },
    async (request) => activities.replaceActivity(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/network/activities/:id',
    {
      config: staff,
      schema: {
        tags: planning,
        summary: 'Delete an activity',
        params: s.idParams,
        response: { 204: empty },
      },
    },
    async (request, reply) => {
      await activities.deleteActivity(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // The public calendar

  app.get(
    '/network/gaps',
    {
      config: staff,
      schema: {
        tags: planning,
        summary: 'Gaps: per Ortsteil and week, how many activities serve a target group (0: nothing offered)',
        querystring: s.gapsQuery,
        response: { 200: s.gapsReply },
      },
    },
    async (request) => gaps.gaps(ctx(request), request.query),
  );
  app.get(
    '/network/figures',
    {
      config: staff,
      schema: {
        tags: planning,
        summary:
          'Figures: active actors by kind and Stadtbezirk, activities per month by Stadtbezirk and target group, the rooms’ use (counts under 5 as "<5"; coordinators)',
        response: { 200: s.figuresReply },
      },
    },
    async (request) => figures.networkFigures(ctx(request)),
  );
  app.get(
    '/network/calendar',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'The public calendar: occurrences of public activities between two days, with filters',
        querystring: s.calendarQuery,
        response: { 200: s.calendarReply },
      },
    },
    async (request) => calendar.calendar(ctx(request), request.query),
  );
  app.get(
    '/network/calendar.ics',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary:
          'iCalendar (RFC 5545) of the public activities, RRULEs kept: the whole city, or one actor’s, Ortsteil’s or target group’s',
        querystring: s.feedQuery,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="netzwerk.ics"')
        .send(await calendar.calendarFeed(ctx(request), request.query)),
  );
  app.get(
    '/network/rooms',
    {
      config: publicRead,
      schema: {
        tags: house,
        summary: 'The meeting centre (Begegnungszentrum) and its rooms: capacity, equipment',
        response: { 200: s.roomsReply },
      },
    },
    async (request) => calendar.rooms(ctx(request)),
  );

  // Rooms

  app.post(
    '/network/rooms/:roomId/bookings',
    {
      config: staff,
      schema: {
        tags: house,
        summary:
          'Request a room for a time (holds it until the house declines; an overlapping request gets 409)',
        params: s.roomParams,
        body: s.bookingBody,
        response: { 201: s.bookingReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rooms.bookRoom(ctx(request), request.params.roomId, request.body)),
  );
  app.get(
    '/network/bookings',
    {
      config: staff,
      schema: {
        tags: house,
        summary: 'Room bookings from today: the house staff and the KI all, an actor its own',
        querystring: s.bookingsQuery,
        response: { 200: s.bookingsReply },
      },
    },
    async (request) => rooms.listBookings(ctx(request), request.query),
  );
  app.post(
    '/network/bookings/:id/decision',
    {
      config: staff,
      schema: {
        tags: house,
        summary: 'The house staff confirm or decline a room request',
        params: s.idParams,
        body: s.decisionBody,
        response: { 200: s.bookingReply },
      },
    },
    async (request) => rooms.decideBooking(ctx(request), request.params.id, request.body.decision),
  );
  app.post(
    '/network/bookings/:id/cancel',
    {
      config: staff,
      schema: {
        tags: house,
        summary: 'The actor withdraws its room request or booking',
        params: s.idParams,
        response: { 200: s.bookingReply },
      },
    },
    async (request) => rooms.cancelBooking(ctx(request), request.params.id),
  );

  // An actor's own iCal feed

  app.get(
    '/network/actors/:id/feed',
    {
      config: staff,
      schema: {
        tags: planning,
        summary: 'The actor’s iCal feed: its address, the defaults of its events and how the last fetch went',
        params: s.idParams,
        response: { 200: s.feedReply },
      },
    },
    async (request) => feeds.getFeed(ctx(request), request.params.id),
  );
  app.put(
    '/network/actors/:id/feed',
    {
      config: staff,
      schema: {
        tags: planning,
        summary:
          'Set the actor’s iCal feed and import it now (kept in sync daily: changed events rewritten, deleted ones removed)',
        params: s.idParams,
        body: s.feedBody,
        response: { 200: s.feedReply },
      },
    },
    async (request) => feeds.setFeed(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/network/actors/:id/feed/sync',
    {
      config: staff,
      schema: {
        tags: planning,
        summary: 'Fetch the actor’s iCal feed now (as the daily job does)',
        params: s.idParams,
        response: { 200: s.feedReply },
      },
    },
    async (request) => feeds.syncFeedNow(ctx(request), request.params.id),
  );
  app.delete(
    '/network/actors/:id/feed',
    {
      config: staff,
      schema: {
        tags: planning,
        summary: 'Remove the actor’s iCal feed and the activities it brought in',
        params: s.idParams,
        response: { 204: empty },
      },
    },
    async (request, reply) => {
      await feeds.deleteFeed(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
