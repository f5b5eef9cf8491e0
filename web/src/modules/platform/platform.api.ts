import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Role } from '../../app/session';

/** A paginated list answer of the API. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

/** One audit log entry. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
}

/** The audit log filters; empty strings mean "any". */
export interface AuditFilter {
  q: string;
  action: string;
  actorId: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
  page: number;
}

/** A user account as admins see it. */
export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  locale: string;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** An organisation (school, authority, association …). */
export interface Organisation {
  id: string;
  name: string;
  kind: string;
  districtId: string | null;
}

/** A background job and its schedule. */
export interface Job {
  name: string;
  schedule: string;
  lastRunAt: string | null;
  lastStatus: string | null;
  nextRunAt: string | null;
}

export const AUDIT_PAGE_SIZE = 50;
export const USERS_PAGE_SIZE = 25;

/** Searches the audit log. */
export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['admin', 'audit', filter],
    queryFn: () =>
      api<Page<AuditEntry>>('/api/v1/admin/audit', {
        query: { ...filter, per_page: AUDIT_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
}

/** Searches user accounts. */
export function useUsers(q: string, page: number) {
  return useQuery({
    queryKey: ['admin', 'users', q, page],
    queryFn: () =>
      api<Page<AdminUser>>('/api/v1/admin/users', { query: { q, page, per_page: USERS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** Organisations to attach accounts to. */
export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<{ items: Organisation[] }>('/api/v1/organisations'),
    staleTime: 5 * 60_000,
  });
}

/** Creates an account; the person gets an invitation mail to set a password. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: {
      email: string;
      displayName: string;
      role: Role;
      organisationId: string | null;
      locale: string;
    }) => api<{ user: AdminUser }>('/api/v1/admin/users', { method: 'POST', body: user }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

/** Changes an account's role, organisation or disabled flag. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...changes
    }: {
      id: string;
      role?: Role;
      organisationId?: string | null;
      disabled?: boolean;
    }) =>
      api<{ user: AdminUser }>(`/api/v1/admin/users/${encodeURIComponent(id)}`, {
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
    queryFn: () => api<{ items: Job[] }>('/api/v1/admin/jobs'),
  });
}

/** Starts a job now. */
export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api<void>(`/api/v1/admin/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'jobs'] }),
  });
}

/** Changes the own password. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<void>('/api/v1/auth/password', { method: 'POST', body }),
  });
}

/** Asks for a password reset link (the answer never says whether the account exists). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) =>
      api<void>('/api/v1/auth/password-reset', { method: 'POST', body }),
  });
}

/** Sets a new password with the token from the mail. */
export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      api<void>('/api/v1/auth/password-reset/confirm', { method: 'POST', body }),
  });
}
