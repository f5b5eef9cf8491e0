import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../../server/modules/platform/platform.schema.ts';
import { api } from '../../app/api';
import type { Body, Query, Reply } from '../../app/contract';

/** One audit log entry. */
export type AuditEntry = Reply<typeof s.auditEntry>;

/** The audit log filters as the page holds them; empty strings mean "any". */
export type AuditFilter = Record<'action' | 'actorId' | 'entityType' | 'entityId' | 'from' | 'to', string> & {
  page: number;
};

/** A user account as admins see it. */
export type AdminUser = Reply<typeof s.adminUser>;

/** An organisation (school, authority, association …). */
export type Organisation = Reply<typeof s.organisationsReply>['items'][number];

/** A background job and when it runs. */
export type Job = Reply<typeof s.jobsReply>['items'][number];

export const AUDIT_PAGE_SIZE = 50;
export const USERS_PAGE_SIZE = 25;

/** Searches the audit log. */
export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['admin', 'audit', filter],
    queryFn: () =>
      api<Reply<typeof s.auditReply>>('/api/v1/admin/audit', {
        query: { ...filter, per_page: AUDIT_PAGE_SIZE } satisfies Query<typeof s.auditQuery>,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Searches user accounts. */
export function useUsers(q: string, page: number) {
  return useQuery({
    queryKey: ['admin', 'users', q, page],
    queryFn: () =>
      api<Reply<typeof s.usersReply>>('/api/v1/admin/users', {
        query: { q, page, per_page: USERS_PAGE_SIZE } satisfies Query<typeof s.usersQuery>,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Organisations to attach accounts to. */
export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<Reply<typeof s.organisationsReply>>('/api/v1/organisations'),
    staleTime: 5 * 60_000,
  });
}

/** Creates an account; the person gets an invitation mail to set a password. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: Body<typeof s.createUserBody>) =>
      api<Reply<typeof s.adminUserReply>>('/api/v1/admin/users', { method: 'POST', body: user }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

/** Changes an account's role, organisation or disabled flag. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: Body<typeof s.updateUserBody> & { id: string }) =>
      api<Reply<typeof s.adminUserReply>>(`/api/v1/admin/users/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: changes,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

/** The background jobs. */
export function useJobs() {
  return useQuery({
    queryKey: ['admin', 'jobs'],
    queryFn: () => api<Reply<typeof s.jobsReply>>('/api/v1/admin/jobs'),
  });
}

/** Starts a job now (202, no body). */
export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api<void>(`/api/v1/admin/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'jobs'] }),
  });
}

/** Changes the own password (204); the other sessions end with it. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<typeof s.changePasswordBody>) =>
      api<void>('/api/v1/auth/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
}

/** Asks for a password reset link (202; the answer never says whether the account exists). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: Body<typeof s.requestResetBody>) =>
      api<void>('/api/v1/auth/password-reset', { method: 'POST', body }),
  });
}

/** Sets a new password with the token from the mail (204). */
export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: Body<typeof s.confirmResetBody>) =>
      api<void>('/api/v1/auth/password-reset/confirm', { method: 'POST', body }),
  });
}

/** One of the signed-in user's sessions. */
export type AccountSession = Reply<typeof s.session>;

/** The signed-in user's live sessions (where they are signed in). */
export function useSessions() {
  return useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: () => api<Reply<typeof s.sessionsReply>>('/api/v1/me/sessions'),
  });
}

/** Ends one of the own sessions (204). */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/v1/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
}

/** "Sign out everywhere else": ends every own session but this one. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<Reply<typeof s.endedSessionsReply>>('/api/v1/me/sessions/end-others', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
}
