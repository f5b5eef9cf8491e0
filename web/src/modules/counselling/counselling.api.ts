import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../../server/modules/counselling/counselling.schema.ts';
import { api } from '../../app/api';
import type { Body, Reply } from '../../app/contract';

export {
  DOCUMENTS,
  HEALTH_CHECKS,
  HEALTH_OUTCOMES,
  HOUSEHOLD_RELATIONS,
  MAX_HOUSEHOLD,
  SHARED_FIELDS,
  TOPICS,
} from '../../../../server/modules/counselling/counselling.terms.ts';
export type {
  DocumentKind,
  HealthCheck,
  HealthOutcome,
  HouseholdRelation,
  SharedField,
  Topic,
} from '../../../../server/modules/counselling/counselling.terms.ts';

export type Service = Reply<typeof s.servicesReply>['items'][number];
export type Slot = Reply<typeof s.slotsReply>['items'][number];
export type BookingInput = Body<typeof s.bookingBody>;
export type Follow = Reply<typeof s.followReply>;
export type Appointment = Reply<typeof s.appointmentsReply>['items'][number];
export type CaseInput = Body<typeof s.caseBody>;
export type CaseItem = Reply<typeof s.casesReply>['items'][number];
export type Case = Reply<typeof s.caseReply>;
export type CaseUpdate = Body<typeof s.caseUpdateBody>;
export type ReferralInput = Body<typeof s.referralBody>;
export type SharedReferral = Reply<typeof s.recipientReferralReply>;
export type BreakGlassList = Reply<typeof s.breakGlassReply>;
export type Leads = Reply<typeof s.leadsReply>;
export type Figures = Reply<typeof s.figuresReply>;
/** A published count: a number, or "<5" where a small count is suppressed. */
export type Count = Figures['mediatorBookings'];

const BASE = '/api/v1/counselling';
const enc = encodeURIComponent;

export const paths = {
  services: `${BASE}/services`,
  slots: (id: string) => `${BASE}/services/${enc(id)}/slots`,
  bookings: `${BASE}/bookings`,
  follow: (code: string) => `${BASE}/bookings/${enc(code)}`,
  cancel: (code: string) => `${BASE}/bookings/${enc(code)}/cancel`,
  move: (code: string) => `${BASE}/bookings/${enc(code)}/move`,
  appointments: `${BASE}/appointments`,
  mediator: (id: string) => `${BASE}/appointments/${enc(id)}/mediator`,
  cases: `${BASE}/cases`,
  case: (id: string) => `${BASE}/cases/${enc(id)}`,
  notes: (id: string) => `${BASE}/cases/${enc(id)}/notes`,
  referrals: (id: string) => `${BASE}/cases/${enc(id)}/referrals`,
  breakGlass: (id: string) => `${BASE}/cases/${enc(id)}/break-glass`,
  breakGlassList: `${BASE}/break-glass`,
  leads: `${BASE}/leads`,
  lead: (id: string) => `${BASE}/leads/${enc(id)}`,
  figures: `${BASE}/figures`,
  figuresCsv: `${BASE}/figures.csv`,
  export: (id: string) => `${BASE}/cases/${enc(id)}/export`,
  erase: (id: string) => `${BASE}/cases/${enc(id)}/erase`,
  clinic: `${BASE}/clinic/referrals`,
  clinicReferral: (id: string) => `${BASE}/clinic/referrals/${enc(id)}`,
  visits: (id: string) => `${BASE}/clinic/referrals/${enc(id)}/visits`,
} as const;

export function useServices() {
  return useQuery({
    queryKey: ['counselling', 'services'],
    queryFn: () => api<Reply<typeof s.servicesReply>>(paths.services),
  });
}

export function useSlots(serviceId: string) {
  return useQuery({
    queryKey: ['counselling', 'slots', serviceId],
    queryFn: () => api<Reply<typeof s.slotsReply>>(paths.slots(serviceId), { query: { days: 21 } }),
    enabled: serviceId !== '',
  });
}

export function useBook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BookingInput) =>
      api<Reply<typeof s.bookedReply>>(paths.bookings, { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['counselling', 'slots'] }),
  });
}

export function useFollow(code: string) {
  return useQuery({
    queryKey: ['counselling', 'follow', code],
    queryFn: () => api<Follow>(paths.follow(code)),
  });
}

export function useCancel(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<Follow>(paths.cancel(code), { method: 'POST' }),
    onSuccess: (data) => client.setQueryData(['counselling', 'follow', code], data),
  });
}

/** Moves the booking to another free slot of its service; the follow page shows the new time. */
export function useMove(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (slotId: string) => api<Follow>(paths.move(code), { method: 'POST', body: { slotId } }),
    onSuccess: (data) => {
      client.setQueryData(['counselling', 'follow', code], data);
      void client.invalidateQueries({ queryKey: ['counselling', 'slots'] });
    },
  });
}

export function useAppointments() {
  return useQuery({
    queryKey: ['counselling', 'appointments'],
    queryFn: () => api<Reply<typeof s.appointmentsReply>>(paths.appointments),
  });
}

/** One click: a language mediator for the appointment, booked through the guides module. */
export function useBookMediator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Reply<typeof s.mediatorBookedReply>>(paths.mediator(id), { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['counselling', 'appointments'] }),
  });
}

export function useCases(status: 'open' | 'closed') {
  return useQuery({
    queryKey: ['counselling', 'cases', status],
    queryFn: () => api<Reply<typeof s.casesReply>>(paths.cases, { query: { status, per_page: 200 } }),
  });
}

export function useOpenCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseInput) =>
      api<Reply<typeof s.caseCreatedReply>>(paths.cases, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['counselling'] }),
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['counselling', 'case', id], queryFn: () => api<Case>(paths.case(id)) });
}

/** Every change to a case answers with the whole case: it replaces the cached one. */
function useCaseChange<T>(id: string, send: (body: T) => Promise<Case>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (data) => {
      client.setQueryData(['counselling', 'case', id], data);
      void client.invalidateQueries({ queryKey: ['counselling', 'cases'] });
    },
  });
}

export const useUpdateCase = (id: string) =>
  useCaseChange(id, (body: CaseUpdate) => api<Case>(paths.case(id), { method: 'PATCH', body }));
export const useAddNote = (id: string) =>
  useCaseChange(id, (body: { body: string }) => api<Case>(paths.notes(id), { method: 'POST', body }));
export const useEraseCase = (id: string) =>
  useCaseChange(id, (body: Body<typeof s.caseEraseBody>) =>
    api<Case>(paths.erase(id), { method: 'POST', body }),
  );
export const useRefer = (id: string) =>
  useCaseChange(id, (body: ReferralInput) => api<Case>(paths.referrals(id), { method: 'POST', body }));

export function useClinicReferrals() {
  return useQuery({
    queryKey: ['counselling', 'clinic'],
    queryFn: () => api<Reply<typeof s.recipientReferralsReply>>(paths.clinic),
  });
}

export function useReferralStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'accepted' | 'declined' | 'done' }) =>
      api<SharedReferral>(paths.clinicReferral(id), { method: 'PATCH', body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['counselling', 'clinic'] }),
  });
}

export function useRecordVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; visitedOn: string; referredToClearing: boolean }) =>
      api<SharedReferral>(paths.visits(id), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['counselling', 'clinic'] }),
  });
}

/** Break-glass: the case, opened this once (not cached: the next look needs another reason). */
export function useBreakGlass(id: string) {
  return useMutation({
    mutationFn: (body: Body<typeof s.breakGlassBody>) =>
      api<Case>(paths.breakGlass(id), { method: 'POST', body }),
  });
}

export function useBreakGlassList(page: number) {
  return useQuery({
    queryKey: ['counselling', 'break-glass', page],
    queryFn: () => api<BreakGlassList>(paths.breakGlassList, { query: { page, per_page: 50 } }),
  });
}

export function useFigures() {
  return useQuery({ queryKey: ['counselling', 'figures'], queryFn: () => api<Figures>(paths.figures) });
}

/** The lead counsellors (admins). */
export function useLeads() {
  return useQuery({ queryKey: ['counselling', 'leads'], queryFn: () => api<Leads>(paths.leads) });
}

export function useNameLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof s.leadBody>) => api<Leads>(paths.leads, { method: 'POST', body }),
    onSuccess: (data) => client.setQueryData(['counselling', 'leads'], data),
  });
}

export function useRemoveLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<Leads>(paths.lead(userId), { method: 'DELETE' }),
    onSuccess: (data) => client.setQueryData(['counselling', 'leads'], data),
  });
}
