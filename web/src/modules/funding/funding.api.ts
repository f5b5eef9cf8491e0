import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../../server/modules/funding/funding.schema.ts';
import { api } from '../../app/api';
import type { Body, Reply } from '../../app/contract';

export {
  APPLICATION_PARTS,
  COST_CATEGORIES,
  DECISIONS,
  DOCUMENT_KINDS,
  EDITABLE_STATES,
  FUNDINGS,
  MAX_SCORE,
  TARGET_GROUPS,
} from '../../../../server/modules/funding/funding.terms.ts';
export type {
  ApplicationPart,
  ApplicationState,
  CostCategory,
  Decision,
  DocumentKind,
  FundingChoice,
  TargetGroup,
} from '../../../../server/modules/funding/funding.terms.ts';

export type Call = Reply<typeof s.callReply>;
export type Application = Reply<typeof s.applicationReply>;
export type Content = Reply<typeof s.contentReply>;
export type StepInput = Body<typeof s.stepBody>;
export type ReviewInput = Body<typeof s.reviewBody>;
export type DecisionInput = Body<typeof s.decisionBody>;
export type Scores = Reply<typeof s.scoresReply>;
export type Allocation = Reply<typeof s.allocationReply>;
export type AllocationInput = Body<typeof s.allocationBody>;
export type Proof = Reply<typeof s.proofReply>;

const BASE = '/api/v1/funding';
const enc = encodeURIComponent;

/** The API's paths, in one place. */
export const paths = {
  calls: `${BASE}/calls`,
  call: (id: string) => `${BASE}/calls/${enc(id)}`,
  scores: (id: string) => `${BASE}/calls/${enc(id)}/scores`,
  deadline: (id: string) => `${BASE}/calls/${enc(id)}/deadline`,
  deadlineIcs: (id: string) => `${BASE}/calls/${enc(id)}/deadline.ics`,
  publish: (id: string) => `${BASE}/calls/${enc(id)}/publish`,
  changes: (id: string) => `${BASE}/applications/${enc(id)}/changes`,
  allocation: (id: string) => `${BASE}/calls/${enc(id)}/allocation`,
  applications: `${BASE}/applications`,
  application: (id: string) => `${BASE}/applications/${enc(id)}`,
  documents: (id: string) => `${BASE}/applications/${enc(id)}/documents`,
  submit: (id: string) => `${BASE}/applications/${enc(id)}/submit`,
  decision: (id: string) => `${BASE}/applications/${enc(id)}/decision`,
  notice: (id: string) => `${BASE}/applications/${enc(id)}/notice.pdf`,
  proof: (id: string) => `${BASE}/applications/${enc(id)}/proof`,
  review: (id: string) => `${BASE}/applications/${enc(id)}/review`,
  reviews: `${BASE}/reviews`,
} as const;

const keys = {
  calls: ['funding', 'calls'] as const,
  call: (id: string) => ['funding', 'call', id] as const,
  scores: (id: string) => ['funding', 'scores', id] as const,
  applications: ['funding', 'applications'] as const,
  application: (id: string) => ['funding', 'application', id] as const,
  review: (id: string) => ['funding', 'review', id] as const,
  proof: (id: string) => ['funding', 'proof', id] as const,
  reviews: ['funding', 'reviews'] as const,
};

export function useCalls() {
  return useQuery({ queryKey: keys.calls, queryFn: () => api<Reply<typeof s.callsReply>>(paths.calls) });
}

export function useCall(id: string) {
  return useQuery({ queryKey: keys.call(id), queryFn: () => api<Call>(paths.call(id)), enabled: id !== '' });
}

export function useApplications() {
  return useQuery({
    queryKey: keys.applications,
    queryFn: () => api<Reply<typeof s.applicationsReply>>(paths.applications),
  });
}

export function useReviews() {
  return useQuery({
    queryKey: keys.reviews,
    queryFn: () => api<Reply<typeof s.reviewListReply>>(paths.reviews),
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: keys.application(id), queryFn: () => api<Application>(paths.application(id)) });
}

export function useStart() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (callId: string) =>
      api<Application>(paths.applications, {
        method: 'POST',
        body: { callId } satisfies Body<typeof s.startBody>,
      }),
    onSuccess: (data) => {
      client.setQueryData(keys.application(data.id), data);
      return client.invalidateQueries({ queryKey: keys.applications });
    },
  });
}

/** Save steps, add a document or submit: each answers the application, which replaces the cached one. */
export function useApplicationAction(id: string) {
  const client = useQueryClient();
  const done = (data: Application) => {
    client.setQueryData(keys.application(id), data);
    return client.invalidateQueries({ queryKey: keys.applications });
  };
  const save = useMutation({
    mutationFn: (body: StepInput) => api<Application>(paths.application(id), { method: 'PATCH', body }),
    onSuccess: done,
  });
  const submit = useMutation({
    mutationFn: () => api<Application>(paths.submit(id), { method: 'POST' }),
    onSuccess: done,
  });
  const upload = useMutation({
    mutationFn: (body: Body<typeof s.documentBody>) => api(paths.documents(id), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.application(id) }),
  });
  return { save, submit, upload };
}

export function useReview(id: string) {
  return useQuery({
    queryKey: keys.review(id),
    queryFn: () => api<Reply<typeof s.reviewReply>>(paths.review(id)),
  });
}

export function useSaveReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewInput) =>
      api<Reply<typeof s.reviewReply>>(paths.review(id), { method: 'PUT', body }),
    onSuccess: (data) => {
      client.setQueryData(keys.review(id), data);
      return client.invalidateQueries({ queryKey: keys.reviews });
    },
  });
}

export function useScores(callId: string) {
  return useQuery({ queryKey: keys.scores(callId), queryFn: () => api<Scores>(paths.scores(callId)) });
}

export function useDecide(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecisionInput }) =>
      api<Application>(paths.decision(id), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.scores(callId) }),
  });
}

/** A coordinator's changes to a call: a later deadline, closing it (its funded projects published). */
export function useCallActions(callId: string) {
  const client = useQueryClient();
  const refresh = (data: Call) => {
    client.setQueryData(keys.call(callId), data);
    return client.invalidateQueries({ queryKey: keys.scores(callId) });
  };
  return {
    extend: useMutation({
      mutationFn: (deadline: string) =>
        api<Call>(paths.deadline(callId), { method: 'POST', body: { deadline } }),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: () => api<Call>(paths.publish(callId), { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}

/** The KI asks the association for changes to a submitted application (it writes the next version). */
export function useRequestChanges(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api<Application>(paths.changes(id), { method: 'POST', body: { note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.scores(callId) }),
  });
}

/** Runs the allocation proposal (a computation: nothing is stored; the committee decides with useDecide). */
export function useAllocation(callId: string) {
  return useMutation({
    mutationFn: (body: AllocationInput) =>
      api<Allocation>(paths.allocation(callId), { method: 'POST', body }),
  });
}

/** The proof of use of a funded application (null until filed). */
export function useProof(id: string) {
  return useQuery({ queryKey: keys.proof(id), queryFn: () => api<Proof>(paths.proof(id)) });
}

/** Attaches a receipt to the proof of use; the answer replaces the cached proof. */
export function useAddReceipt(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof s.receiptBody>) =>
      api<Proof>(`${BASE}/applications/${enc(id)}/receipts`, { method: 'POST', body }),
    onSuccess: (data) => client.setQueryData(keys.proof(id), data),
  });
}

/** Files the proof of use; the answer (with the comparison to the plan) replaces the cached one. */
export function useFileProof(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof s.proofBody>) => api<Proof>(paths.proof(id), { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(keys.proof(id), data),
  });
}

export type Payments = Reply<typeof s.paymentsReply>;
export type PaymentsInput = Body<typeof s.paymentsBody>;
export type ClaimInput = Body<typeof s.claimBody>;
export { CLAIM_REASONS } from '../../../../server/modules/funding/funding.terms.ts';
export type { ClaimReason } from '../../../../server/modules/funding/funding.terms.ts';

const payments = (id: string) => `${BASE}/applications/${enc(id)}/payments`;
const paymentsKey = (id: string) => ['funding', 'payments', id] as const;

/** The payment plan and the repayment claims of a funded application. */
export function usePayments(id: string) {
  return useQuery({ queryKey: paymentsKey(id), queryFn: () => api<Payments>(payments(id)) });
}

/** The coordinators' changes to payments: each answer replaces the cached payments. */
export function usePaymentActions(id: string) {
  const client = useQueryClient();
  const onSuccess = (data: Payments) => client.setQueryData(paymentsKey(id), data);
  return {
    plan: useMutation({
      mutationFn: (body: PaymentsInput) => api<Payments>(payments(id), { method: 'PUT', body }),
      onSuccess,
    }),
    payTranche: useMutation({
      mutationFn: ({ number, paidOn }: { number: number; paidOn: string }) =>
        api<Payments>(`${BASE}/applications/${enc(id)}/tranches/${number}/paid`, {
          method: 'POST',
          body: { paidOn } satisfies Body<typeof s.paidBody>,
        }),
      onSuccess,
    }),
    claim: useMutation({
      mutationFn: (body: ClaimInput) =>
        api<Payments>(`${BASE}/applications/${enc(id)}/claims`, { method: 'POST', body }),
      onSuccess,
    }),
    repaid: useMutation({
      mutationFn: ({ claimId, paidOn }: { claimId: string; paidOn: string }) =>
        api<Payments>(`${BASE}/applications/${enc(id)}/claims/${enc(claimId)}/paid`, {
          method: 'POST',
          body: { paidOn } satisfies Body<typeof s.paidBody>,
        }),
      onSuccess,
    }),
  };
}

export type Figures = Reply<typeof s.figuresReply>;
export const figuresCsv = `${BASE}/figures.csv`;

/** The figures (coordinators): money by call, Stadtbezirk and kind of organisation. */
export function useFundingFigures() {
  return useQuery({ queryKey: ['funding', 'figures'], queryFn: () => api<Figures>(`${BASE}/figures`) });
}
