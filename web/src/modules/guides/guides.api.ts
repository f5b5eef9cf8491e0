import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiWithHeaders } from '../../app/api';
import type { DeclineReason, Gender, Mode, RequestState, Topic } from './labels';

const BASE = '/api/v1/guides';
const KEY = ['guides'] as const;
const enc = encodeURIComponent;

/** A place: an address and its Ortsteil (whose centre stands for the coordinates). */
export interface PlaceInput {
  address: string;
  ortsteilId?: string;
}

/** What the booking form and the public form send. */
export interface RequestInput {
  language: string;
  dialect: string | null;
  start: string;
  durationMinutes: number;
  place: PlaceInput;
  topic: Topic;
  mode: Mode;
  genderRequired: Gender | null;
  urgency: number;
  notes: string | null;
  newcomerFirstName: string | null;
  contactOnDay: string | null;
  requesterEmail: string | null;
}

export interface BookingInput extends RequestInput {
  caseRef: string | null;
}

export interface RequestEvent {
  at: string;
  actorRole: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
}

/** A request as its organisation (or a coordinator) sees it. */
export interface GuideRequest {
  id: string;
  code: string;
  source: 'institution' | 'public' | 'caseworker';
  organisationId: string | null;
  language: string;
  dialect: string | null;
  start: string;
  end: string;
  durationMinutes: number;
  place: { address: string | null; lat: number; lon: number; districtId: string | null };
  topic: string;
  mode: string;
  genderRequired: string | null;
  urgency: number;
  notes: string | null;
  caseRef: string | null;
  newcomerFirstName: string | null;
  contactOnDay: string | null;
  requesterEmail: string | null;
  state: RequestState;
  unmatchedReasons: string[];
  lateCancellation: boolean;
  noShowBy: string | null;
  guide: { firstName: string; languages: string[] } | null;
  events?: RequestEvent[];
  createdAt: string;
}

/** What the public follow page shows. */
export interface PublicRequest {
  code: string;
  state: RequestState;
  date: string;
  start: string;
  language: string;
}

/** The time the guide logged, and whether the requester confirmed it; who gave feedback. */
export interface AfterState {
  assignmentId: string;
  start: string;
  canLog: boolean;
  time: { minutes: number; travelKm: number; loggedAt: string; confirmedAt: string | null } | null;
  feedbackGiven: { guide: boolean; requester: boolean };
}

export interface FeedbackInput {
  rating: number;
  comment: string | null;
}

/** What a guide sees of an appointment. */
export interface Appointment {
  start: string;
  end: string;
  address: string | null;
  lat: number;
  lon: number;
  districtId: string | null;
  language: string;
  dialect: string | null;
  topic: string;
  mode: string;
  newcomerFirstName: string | null;
  contactOnDay: string | null;
}

export type Explanation = Record<string, unknown>;

export interface GuideProposal {
  id: string;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  deadline: string;
  explanation: Explanation;
  appointment: Appointment;
}

export interface GuideAssignment {
  id: string;
  requestId: string;
  state: 'confirmed' | 'cancelled' | 'done';
  appointment: Appointment;
}

export interface OnboardingItem {
  step: string;
  completedOn: string | null;
  expiresOn: string | null;
  status: 'valid' | 'expiring' | 'expired' | 'missing';
}

export interface GuideProfile {
  userId: string;
  displayName: string;
  email: string;
  kind: 'volunteer' | 'mediator';
  active: boolean;
  languages: { code: string; level: string; dialect: string | null }[];
  topicsAccepted: string[];
  topicsRefused: string[];
  districts: string[];
  travelMode: string;
  home: { lat: number; lon: number };
  gender: string | null;
  weekly: { weekday: number; from: string; to: string }[];
  exceptions: { from: string; to: string; note: string | null }[];
  maxPerWeek: number;
  privatePhone: string | null;
  privateEmail: string | null;
  onboarding: OnboardingItem[];
  matchable: boolean;
}

/** What a guide may change of their own profile. */
export type OwnProfileInput = Omit<
  GuideProfile,
  'userId' | 'displayName' | 'email' | 'kind' | 'active' | 'onboarding' | 'matchable'
>;

export interface GuideSummary {
  userId: string;
  displayName: string;
  kind: 'volunteer' | 'mediator';
  active: boolean;
  languages: string[];
  districts: string[];
  matchable: boolean;
  nextExpiry: string | null;
}

export interface RunProposal {
  id: string;
  requestId: string;
  guideId: string;
  guideName: string;
  status: string;
  deadline: string;
  explanation: Explanation;
}

export interface MatchingRun {
  id: string;
  status: 'running' | 'done' | 'failed';
  periodFrom: string;
  periodTo: string;
  requestId: string | null;
  createdAt: string;
  finishedAt: string | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number | null;
  stats: Record<string, number>;
  proposals: RunProposal[];
  unmatched: { requestId: string; reasons: string[]; help: Record<string, unknown>[] }[];
  suggestions: Record<string, unknown>[];
}

export interface Recruitment {
  since: string;
  languages: { language: string; unmatched: number; guides: number }[];
  districts: { districtId: string; unmatched: number; guides: number }[];
}

export interface StatementTotals {
  assignments: number;
  paidMinutes: number;
  km: number;
  payCents: number;
  travelCents: number;
  allowanceCents: number;
  totalCents: number;
}

export interface StatementSummary {
  guideId: string;
  guideName: string;
  kind: 'mediator' | 'volunteer';
  month: string;
  currency: string;
  totals: StatementTotals;
  unconfirmed: number;
  unlogged: number;
}

export interface StatementDetail extends StatementSummary {
  lines: {
    assignmentId: string;
    start: string;
    language: string;
    topic: string;
    outcome: string;
    bookedMinutes: number;
    loggedMinutes: number | null;
    paidMinutes: number;
    km: number;
    payCents: number;
    travelCents: number;
    allowanceCents: number;
    confirmed: boolean;
  }[];
  cap: { annualCents: number; usedBeforeCents: number; cutCents: number } | null;
}

export interface FeedbackItem {
  id: string;
  assignmentId: string;
  side: 'guide' | 'requester';
  rating: number;
  comment: string | null;
  createdAt: string;
  guideId: string;
  guideName: string;
  start: string;
  language: string;
  topic: string;
}

// Public: the request form and the follow page.

export function useCreatePublicRequest() {
  return useMutation({
    mutationFn: (body: RequestInput) =>
      api<{ code: string; url: string }>(`${BASE}/public/requests`, { method: 'POST', body }),
  });
}

export function usePublicRequest(code: string) {
  return useQuery({
    queryKey: [...KEY, 'public', code],
    queryFn: () => api<PublicRequest>(`${BASE}/public/requests/${enc(code)}`),
    retry: false,
  });
}

export function useCancelPublicRequest(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<PublicRequest>(`${BASE}/public/requests/${enc(code)}/cancel`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'public', code] }),
  });
}

export function usePublicAfter(code: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'public', code, 'after'],
    enabled,
    queryFn: () => api<AfterState>(`${BASE}/public/requests/${enc(code)}/after`),
    retry: false,
  });
}

export function usePublicConfirmTime(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<AfterState>(`${BASE}/public/requests/${enc(code)}/time/confirm`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'public', code] }),
  });
}

export function usePublicFeedback(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackInput) =>
      api<null>(`${BASE}/public/requests/${enc(code)}/feedback`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'public', code] }),
  });
}

// Institutions, caseworkers, coordinators: requests.

/** Requests per page on the requests page (the server allows up to 200). */
export const REQUESTS_PAGE_SIZE = 50;

export function useRequests(
  query: { state?: string; from?: string; to?: string; page?: number; per_page?: number } = {},
) {
  return useQuery({
    queryKey: [...KEY, 'requests', query],
    queryFn: () =>
      api<{ items: GuideRequest[]; total: number; page: number; perPage: number }>(`${BASE}/requests`, {
        query,
      }),
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: [...KEY, 'requests', id],
    queryFn: () => api<GuideRequest>(`${BASE}/requests/${enc(id)}`),
  });
}

export function useCreateRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BookingInput) =>
      api<{ id: string; code: string; url: string }>(`${BASE}/requests`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'requests'] }),
  });
}

export function useCancelRequest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>(`${BASE}/requests/${enc(id)}/cancel`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'requests'] }),
  });
}

export function useNoShow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (who: 'newcomer' | 'guide') =>
      api<null>(`${BASE}/requests/${enc(id)}/no-show`, { method: 'POST', body: { who } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

// After the appointment: the guide by assignment, the requesting organisation by request.

export function useGuideAfter(assignmentId: string) {
  return useQuery({
    queryKey: [...KEY, 'after', 'assignment', assignmentId],
    queryFn: () => api<AfterState>(`${BASE}/assignments/${enc(assignmentId)}/after`),
  });
}

export function useRequesterAfter(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'after', 'request', requestId],
    enabled,
    queryFn: () => api<AfterState>(`${BASE}/requests/${enc(requestId)}/after`),
    retry: false,
  });
}

export function useLogTime(assignmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { minutes: number; travelKm: number }) =>
      api<AfterState>(`${BASE}/assignments/${enc(assignmentId)}/time`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useGuideFeedback(assignmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackInput) =>
      api<null>(`${BASE}/assignments/${enc(assignmentId)}/feedback`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'after'] }),
  });
}

export function useConfirmTime(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<AfterState>(`${BASE}/requests/${enc(requestId)}/time/confirm`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'after'] }),
  });
}

export function useRequesterFeedback(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackInput) =>
      api<null>(`${BASE}/requests/${enc(requestId)}/feedback`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'after'] }),
  });
}

export function useFeedbackList() {
  return useQuery({
    queryKey: [...KEY, 'feedback'],
    queryFn: () => api<{ items: FeedbackItem[] }>(`${BASE}/feedback`),
  });
}

// Guides: proposals, assignments, own profile.

export function useOwnProposals() {
  return useQuery({
    queryKey: [...KEY, 'proposals'],
    queryFn: () => api<{ items: GuideProposal[] }>(`${BASE}/me/proposals`),
  });
}

export function useAcceptProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`${BASE}/proposals/${enc(id)}/accept`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeclineProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: DeclineReason }) =>
      api<unknown>(`${BASE}/proposals/${enc(id)}/decline`, { method: 'POST', body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useOwnAssignments() {
  return useQuery({
    queryKey: [...KEY, 'assignments'],
    queryFn: () => api<{ items: GuideAssignment[] }>(`${BASE}/me/assignments`),
  });
}

export function useOwnProfile() {
  return useQuery({
    queryKey: [...KEY, 'profile'],
    queryFn: () => api<GuideProfile>(`${BASE}/me/profile`),
    retry: false,
  });
}

export function useSaveOwnProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OwnProfileInput) => api<GuideProfile>(`${BASE}/me/profile`, { method: 'PUT', body }),
    onSuccess: (profile) => client.setQueryData([...KEY, 'profile'], profile),
  });
}

/** A secret calendar link: the guide's own, or the organisation's. */
export function useFeedLink(owner: 'guide' | 'organisation') {
  return useMutation({
    mutationFn: () =>
      api<{ url: string }>(owner === 'guide' ? `${BASE}/me/feed` : `${BASE}/organisation/feed`, {
        method: 'POST',
      }),
  });
}

// Coordinators: the pool, matching, recruitment, statements.

export function useGuides() {
  return useQuery({
    queryKey: [...KEY, 'pool'],
    queryFn: () => api<{ items: GuideSummary[] }>(`${BASE}/profiles`),
  });
}

export function useGuide(id: string) {
  return useQuery({
    queryKey: [...KEY, 'pool', id],
    queryFn: () => api<GuideProfile>(`${BASE}/profiles/${enc(id)}`),
  });
}

export function useStartRun() {
  return useMutation({
    // 202 Accepted with the run's id: `api` drops 202 bodies, so read it with the headers variant.
    mutationFn: async (body: { from: string; to: string }) =>
      (await apiWithHeaders<{ id: string }>(`${BASE}/matching/runs`, { method: 'POST', body })).data,
  });
}

/** A matching run, polled every second while it runs. */
export function useRun(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'runs', id],
    enabled: id !== null,
    queryFn: () => api<MatchingRun>(`${BASE}/matching/runs/${enc(id ?? '')}`),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}

export function useRecruitment() {
  return useQuery({
    queryKey: [...KEY, 'recruitment'],
    queryFn: () => api<Recruitment>(`${BASE}/recruitment`),
  });
}

export function useStatements(month: string) {
  return useQuery({
    queryKey: [...KEY, 'statements', month],
    queryFn: () => api<{ items: StatementSummary[] }>(`${BASE}/statements`, { query: { month } }),
  });
}

export function useStatement(guideId: string, month: string) {
  return useQuery({
    queryKey: [...KEY, 'statements', guideId, month],
    queryFn: () => api<StatementDetail>(`${BASE}/statements/${enc(guideId)}/${enc(month)}`),
  });
}

/** Where the statement files are downloaded. */
export const statementFile = (guideId: string, month: string, format: 'csv' | 'pdf') =>
  `${BASE}/statements/${enc(guideId)}/${enc(month)}/statement.${format}`;

/** The city's Stadtbezirke and Ortsteile (for the place of an appointment and a guide's districts). */
export interface City {
  districts: {
    id: string;
    name: string;
    centre: { lat: number; lon: number };
    ortsteile: { id: string; name: string; centre: { lat: number; lon: number } }[];
  }[];
}

export function useCity() {
  return useQuery({
    queryKey: ['city'],
    queryFn: () => api<City>('/api/v1/city'),
    staleTime: 60 * 60_000,
  });
}

/** A coordinator records an onboarding step with its date and expiry. */
export function useRecordStep(guideId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      step,
      completedOn,
      expiresOn,
    }: {
      step: string;
      completedOn: string;
      expiresOn: string | null;
    }) =>
      api<GuideProfile>(`${BASE}/profiles/${enc(guideId)}/onboarding/${enc(step)}`, {
        method: 'PUT',
        body: { completedOn, expiresOn },
      }),
    onSuccess: (profile) => client.setQueryData([...KEY, 'pool', guideId], profile),
  });
}
