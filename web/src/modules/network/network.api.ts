import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../../server/modules/network/network.schema.ts';
import { api } from '../../app/api';
import type { Body, Query, Reply } from '../../app/contract';

export { TARGET_GROUPS, type TargetGroup } from '../../../../server/modules/directory/directory.terms.ts';
export {
  ACTIVITY_KINDS,
  ACTOR_KINDS,
  type ActivityKind,
  type ActorKind,
  type BookingState,
  type Equipment,
} from '../../../../server/modules/network/network.terms.ts';

export type CheckInput = Body<typeof s.checkBody>;
export type CheckResult = Reply<typeof s.checkReply>;
export type ActivityInput = Body<typeof s.activityBody>;
export type Saved = Reply<typeof s.savedActivityReply>;
export type CalendarQuery = Query<typeof s.calendarQuery>;
export type GapsQuery = Query<typeof s.gapsQuery>;
export type Gaps = Reply<typeof s.gapsReply>;
export type CalendarItem = Reply<typeof s.calendarItem>;
export type Rooms = Reply<typeof s.roomsReply>;
export type Booking = Reply<typeof s.bookingReply>;
export type BookingInput = Body<typeof s.bookingBody>;
export type ActorInput = Body<typeof s.actorBody>;
export type ActorsQuery = Query<typeof s.actorsQuery>;
export type ActorView = Reply<typeof s.actorReply>;
export type FeedInput = Body<typeof s.feedBody>;
export type Feed = Reply<typeof s.feedReply>;

const BASE = '/api/v1/network';
const enc = encodeURIComponent;

/** The API's paths, in one place. */
export const paths = {
  check: `${BASE}/activities/check`,
  activities: `${BASE}/activities`,
  calendar: `${BASE}/calendar`,
  gaps: `${BASE}/gaps`,
  feed: `${BASE}/calendar.ics`,
  rooms: `${BASE}/rooms`,
  book: (roomId: string) => `${BASE}/rooms/${enc(roomId)}/bookings`,
  bookings: `${BASE}/bookings`,
  decide: (id: string) => `${BASE}/bookings/${enc(id)}/decision`,
  me: `${BASE}/actors/me`,
  actors: `${BASE}/actors`,
  approve: (id: string) => `${BASE}/actors/${enc(id)}/approve`,
  workingGroups: `${BASE}/working-groups`,
  actorFeed: (actorId: string) => `${BASE}/actors/${enc(actorId)}/feed`,
  syncFeed: (actorId: string) => `${BASE}/actors/${enc(actorId)}/feed/sync`,
} as const;

/** The overlap check of a planned activity; null input: nothing to check yet. Keeps the last answer while typing. */
export function useOverlapCheck(input: CheckInput | null) {
  return useQuery({
    queryKey: ['network', 'check', input],
    queryFn: () => api<CheckResult>(paths.check, { method: 'POST', body: input }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useMyActor() {
  return useQuery({
    queryKey: ['network', 'me'],
    queryFn: () => api<Reply<typeof s.myActorReply>>(paths.me),
  });
}

export function useSaveActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityInput) => api<Saved>(paths.activities, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['network'] }),
  });
}

export function useCalendar(query: CalendarQuery) {
  return useQuery({
    queryKey: ['network', 'calendar', query],
    queryFn: () => api<Reply<typeof s.calendarReply>>(paths.calendar, { query }),
    placeholderData: keepPreviousData,
  });
}

/** The gaps view: per Ortsteil and week, how many activities serve the target group. */
export function useGaps(query: GapsQuery) {
  return useQuery({
    queryKey: ['network', 'gaps', query],
    queryFn: () => api<Gaps>(paths.gaps, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useRooms() {
  return useQuery({ queryKey: ['network', 'rooms'], queryFn: () => api<Rooms>(paths.rooms) });
}

export function useBookRoom() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ roomId, body }: { roomId: string; body: BookingInput }) =>
      api<Booking>(paths.book(roomId), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['network', 'bookings'] }),
  });
}

export function useBookings() {
  return useQuery({
    queryKey: ['network', 'bookings'],
    queryFn: () => api<Reply<typeof s.bookingsReply>>(paths.bookings),
  });
}

export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Body<typeof s.decisionBody> }) =>
      api<Booking>(paths.decide(id), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['network', 'bookings'] }),
  });
}

/** An actor's own iCal feed: its address, defaults and the last fetch. */
export function useActorFeed(actorId: string | undefined) {
  return useQuery({
    queryKey: ['network', 'feed', actorId],
    queryFn: () => api<Feed>(paths.actorFeed(actorId ?? '')),
    enabled: Boolean(actorId),
  });
}

/** Sets the feed (imported at once) or fetches it now; the answer is the feed as it now stands. */
export function useFeedChange(actorId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedInput | 'sync') =>
      body === 'sync'
        ? api<Feed>(paths.syncFeed(actorId ?? ''), { method: 'POST' })
        : api<Feed>(paths.actorFeed(actorId ?? ''), { method: 'PUT', body }),
    onSuccess: (feed) => {
      client.setQueryData(['network', 'feed', actorId], feed);
      return client.invalidateQueries({ queryKey: ['network', 'check'] });
    },
  });
}

/** The register: approved actors, and the pending ones the caller may see (the KI: all). */
export function useActors(query: ActorsQuery) {
  return useQuery({
    queryKey: ['network', 'actors', query],
    queryFn: () => api<Reply<typeof s.actorsReply>>(paths.actors, { query }),
  });
}

/** A new entry: staff register their own organisation (pending); the KI enters one, approved at once. */
export function useCreateActor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActorInput) => api<ActorView>(paths.actors, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['network'] }),
  });
}

export function useApproveActor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ActorView>(paths.approve(id), { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['network'] }),
  });
}

export function useWorkingGroups() {
  return useQuery({
    queryKey: ['network', 'working-groups'],
    queryFn: () => api<Reply<typeof s.workingGroupsReply>>(paths.workingGroups),
  });
}
