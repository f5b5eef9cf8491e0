import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as after from '../../../../server/modules/guides/after/after.schema.ts';
import type * as s from '../../../../server/modules/guides/guides.schema.ts';
import type * as platform from '../../../../server/modules/platform/platform.schema.ts';
import { api, apiWithHeaders } from '../../app/api';
import type { Body, Query, Reply } from '../../app/contract';
import type { OnboardingStep } from '../../../../server/modules/guides/guides.terms.ts';

const BASE = '/api/v1/guides';
const KEY = ['guides'] as const;
const enc = encodeURIComponent;

/** What the public form sends. */
export type RequestInput = Body<typeof s.publicRequestBody>;
/** What the booking form of institutions and caseworkers sends. */
export type BookingInput = Body<typeof s.requestBody>;
export type RequestEvent = Reply<typeof s.requestEvent>;
/** A request as its organisation (or a coordinator) sees it; the list leaves out the events. */
export type GuideRequest = Reply<typeof s.requestReply>;
export type GuideRequestItem = Reply<typeof s.requestsReply>['items'][number];
/** What the public follow page shows. */
export type PublicRequest = Reply<typeof s.publicRequestReply>;
/** The time the guide logged, and whether the requester confirmed it; who gave feedback. */
export type AfterState = Reply<typeof after.afterReply>;
export type FeedbackInput = Body<typeof after.feedbackBody>;
/** What a guide sees of an appointment. */
export type Appointment = Reply<typeof s.guideAppointment>;
export type Explanation = Reply<typeof s.explanation>;
export type GuideProposal = Reply<typeof s.guideProposal>;
export type GuideAssignment = Reply<typeof s.guideAssignment>;
export type OnboardingItem = Reply<typeof s.onboardingItem>;
export type GuideProfile = Reply<typeof s.profileReply>;
/** What a guide may change of their own profile. */
export type OwnProfileInput = Body<typeof s.ownProfileBody>;
export type GuideSummary = Reply<typeof s.profileSummary>;
export type MatchingRun = Reply<typeof s.runReply>;
export type RunProposal = MatchingRun['proposals'][number];
export type Recruitment = Reply<typeof s.recruitmentReply>;
export type StatementSummary = Reply<typeof after.statementSummary>;
export type StatementTotals = StatementSummary['totals'];
export type StatementDetail = Reply<typeof after.statementReply>;
export type FeedbackItem = Reply<typeof after.feedbackItem>;
/** The city's Stadtbezirke and Ortsteile (for the place of an appointment and a guide's districts). */
export type City = Reply<typeof platform.cityReply>;

// Public: the request form and the follow page.

export function useCreatePublicRequest() {
  return useMutation({
    mutationFn: (body: RequestInput) =>
      api<Reply<typeof s.publicCreatedReply>>(`${BASE}/public/requests`, { method: 'POST', body }),
  });
}

export function usePublicRequest(code: string) {
  return useQuery({
    queryKey: [...KEY, 'public', code],
    queryFn: () => api<Reply<typeof s.publicRequestReply>>(`${BASE}/public/requests/${enc(code)}`),
    retry: false,
  });
}

export function useCancelPublicRequest(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<Reply<typeof s.publicRequestReply>>(`${BASE}/public/requests/${enc(code)}/cancel`, {
        method: 'POST',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'public', code] }),
  });
}

export function usePublicAfter(code: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'public', code, 'after'],
    enabled,
    queryFn: () => api<Reply<typeof after.afterReply>>(`${BASE}/public/requests/${enc(code)}/after`),
    retry: false,
  });
}

export function usePublicConfirmTime(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<Reply<typeof after.afterReply>>(`${BASE}/public/requests/${enc(code)}/time/confirm`, {
        method: 'POST',
      }),
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

export function useRequests(query: Query<typeof s.requestsQuery> = {}) {
  return useQuery({
    queryKey: [...KEY, 'requests', query],
    queryFn: () => api<Reply<typeof s.requestsReply>>(`${BASE}/requests`, { query }),
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: [...KEY, 'requests', id],
    queryFn: () => api<Reply<typeof s.requestReply>>(`${BASE}/requests/${enc(id)}`),
  });
}

export function useCreateRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BookingInput) =>
      api<Reply<typeof s.createdRequestReply>>(`${BASE}/requests`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'requests'] }),
  });
}

export function useCancelRequest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<Reply<typeof s.requestReply>>(`${BASE}/requests/${enc(id)}/cancel`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'requests'] }),
  });
}

export function useNoShow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (who: Body<typeof s.noShowBody>['who']) =>
      api<void>(`${BASE}/requests/${enc(id)}/no-show`, {
        method: 'POST',
        body: { who } satisfies Body<typeof s.noShowBody>,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

// After the appointment: the guide by assignment, the requesting organisation by request.

export function useGuideAfter(assignmentId: string) {
  return useQuery({
    queryKey: [...KEY, 'after', 'assignment', assignmentId],
    queryFn: () => api<Reply<typeof after.afterReply>>(`${BASE}/assignments/${enc(assignmentId)}/after`),
  });
}

export function useRequesterAfter(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'after', 'request', requestId],
    enabled,
    queryFn: () => api<Reply<typeof after.afterReply>>(`${BASE}/requests/${enc(requestId)}/after`),
    retry: false,
  });
}

export function useLogTime(assignmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof after.timeBody>) =>
      api<Reply<typeof after.afterReply>>(`${BASE}/assignments/${enc(assignmentId)}/time`, {
        method: 'PUT',
        body,
      }),
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
    mutationFn: () =>
      api<Reply<typeof after.afterReply>>(`${BASE}/requests/${enc(requestId)}/time/confirm`, {
        method: 'POST',
      }),
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
    queryFn: () => api<Reply<typeof after.feedbackReply>>(`${BASE}/feedback`),
  });
}

// Guides: proposals, assignments, own profile.

export function useOwnProposals() {
  return useQuery({
    queryKey: [...KEY, 'proposals'],
    queryFn: () => api<Reply<typeof s.guideProposalsReply>>(`${BASE}/me/proposals`),
  });
}

export function useAcceptProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Reply<typeof s.assignedReply>>(`${BASE}/proposals/${enc(id)}/accept`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeclineProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: Body<typeof s.declineBody> & { id: string }) =>
      api<void>(`${BASE}/proposals/${enc(id)}/decline`, {
        method: 'POST',
        body: { reason } satisfies Body<typeof s.declineBody>,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useOwnAssignments() {
  return useQuery({
    queryKey: [...KEY, 'assignments'],
    queryFn: () => api<Reply<typeof s.guideAssignmentsReply>>(`${BASE}/me/assignments`),
  });
}

export function useOwnProfile() {
  return useQuery({
    queryKey: [...KEY, 'profile'],
    queryFn: () => api<Reply<typeof s.profileReply>>(`${BASE}/me/profile`),
    retry: false,
  });
}

export function useSaveOwnProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OwnProfileInput) =>
      api<Reply<typeof s.profileReply>>(`${BASE}/me/profile`, { method: 'PUT', body }),
    onSuccess: (profile) => client.setQueryData([...KEY, 'profile'], profile),
  });
}

/** A secret calendar link: the guide's own, or the organisation's. */
export function useFeedLink(owner: 'guide' | 'organisation') {
  return useMutation({
    mutationFn: () =>
      api<Reply<typeof s.feedReply>>(owner === 'guide' ? `${BASE}/me/feed` : `${BASE}/organisation/feed`, {
        method: 'POST',
      }),
  });
}

// Coordinators: the pool, matching, recruitment, statements.

export function useGuides() {
  return useQuery({
    queryKey: [...KEY, 'pool'],
    queryFn: () => api<Reply<typeof s.profilesReply>>(`${BASE}/profiles`),
  });
}

export function useGuide(id: string) {
  return useQuery({
    queryKey: [...KEY, 'pool', id],
    queryFn: () => api<Reply<typeof s.profileReply>>(`${BASE}/profiles/${enc(id)}`),
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'matching'] }),
    // 202 Accepted with the run's id: `api` drops 202 bodies, so read it with the headers variant.
    mutationFn: async (body: Body<typeof s.runBody>) =>
      (
        await apiWithHeaders<Reply<typeof s.runCreatedReply>>(`${BASE}/matching/runs`, {
          method: 'POST',
          body,
        })
      ).data,
  });
}

export type CurrentRuns = Reply<typeof s.currentRunsReply>;

/**
 * What the matching page shows, from the server (so a reload keeps it): the run under review and the last sent
 * run; polled every second while the run computes.
 */
export function useCurrentRuns() {
  return useQuery({
    queryKey: [...KEY, 'matching', 'current'],
    queryFn: () => api<CurrentRuns>(`${BASE}/matching/current`),
    refetchInterval: (query) => (query.state.data?.review?.status === 'running' ? 1000 : false),
  });
}

/** Drop a proposal under review. */
export function useDropProposal(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (proposalId: string) =>
      api<null>(`${BASE}/matching/runs/${enc(runId)}/proposals/${enc(proposalId)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'matching'] }),
  });
}

/** Give a proposal under review to one of its alternatives. */
export function useSwapProposal(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { proposalId: string } & Body<typeof s.swapBody>) =>
      api<Reply<typeof s.swappedReply>>(
        `${BASE}/matching/runs/${enc(runId)}/proposals/${enc(input.proposalId)}/swap`,
        { method: 'POST', body: { guideId: input.guideId } },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'matching'] }),
  });
}

/** Send the reviewed proposals to the guides. */
export function useSendRun(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<Reply<typeof s.sentReply>>(`${BASE}/matching/runs/${enc(runId)}/send`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** The download links of one appointment as an .ics file (Add to calendar). */
export const calendarFile = {
  assignment: (assignmentId: string) => `${BASE}/me/assignments/${enc(assignmentId)}/calendar.ics`,
  request: (requestId: string) => `${BASE}/requests/${enc(requestId)}/calendar.ics`,
};

export function useRecruitment() {
  return useQuery({
    queryKey: [...KEY, 'recruitment'],
    queryFn: () => api<Reply<typeof s.recruitmentReply>>(`${BASE}/recruitment`),
  });
}

export function useStatements(month: string) {
  return useQuery({
    queryKey: [...KEY, 'statements', month],
    queryFn: () =>
      api<Reply<typeof after.statementsReply>>(`${BASE}/statements`, {
        query: { month } satisfies Query<typeof after.statementsQuery>,
      }),
  });
}

export function useStatement(guideId: string, month: string) {
  return useQuery({
    queryKey: [...KEY, 'statements', guideId, month],
    queryFn: () =>
      api<Reply<typeof after.statementReply>>(`${BASE}/statements/${enc(guideId)}/${enc(month)}`),
  });
}

/** Where the statement files are downloaded. */
export const statementFile = (guideId: string, month: string, format: 'csv' | 'pdf') =>
  `${BASE}/statements/${enc(guideId)}/${enc(month)}/statement.${format}`;

/** A coordinator records an onboarding step with its date and expiry. */
export function useRecordStep(guideId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      step,
      completedOn,
      expiresOn,
    }: Body<typeof s.onboardingBody> & { step: OnboardingStep }) =>
      api<Reply<typeof s.profileReply>>(`${BASE}/profiles/${enc(guideId)}/onboarding/${enc(step)}`, {
        method: 'PUT',
        body: { completedOn, expiresOn },
      }),
    onSuccess: (profile) => client.setQueryData([...KEY, 'pool', guideId], profile),
  });
}
