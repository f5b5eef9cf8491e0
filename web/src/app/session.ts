import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as s from '../../../server/modules/platform/platform.schema.ts';
import { ROLES as ACCOUNT_ROLES } from '../../../server/core/roles.ts';
import { api, resetCsrfToken } from './api';
import type { Body, Reply } from './contract';
import { changeLanguage, i18next, isLanguage } from './i18n';

/** Every role the platform knows: the accounts' roles and `public`, the anonymous visitor (never from the server). */
export const ROLES = ['public', ...ACCOUNT_ROLES] as const;
export type Role = (typeof ROLES)[number];

/** The logged-in user as the session endpoint returns it. */
export type Me = Reply<typeof s.me>;

const SESSION_KEY = ['session'] as const;

/** The current user (null when anonymous); `isPending` until the first answer. */
export function useSession() {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => api<Reply<typeof s.sessionReply>>('/api/v1/auth/session'),
    staleTime: 60_000,
  });
  return { user: query.data?.user ?? null, isPending: query.isPending, error: query.error };
}

/** Logs in, then switches the UI to the user's saved language. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Body<typeof s.loginBody>) =>
      api<Reply<typeof s.userReply>>('/api/v1/auth/login', { method: 'POST', body: credentials }),
    onSuccess: async ({ user }) => {
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, { user });
      if (isLanguage(user.locale) && user.locale !== i18next.language) await changeLanguage(user.locale);
    },
  });
}

/** Logs out and forgets everything cached for the previous user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/auth/logout', { method: 'POST' }),
    onSuccess: () => {
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, { user: null });
    },
  });
}

/** Changes the user's own profile (name, language). */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Body<typeof s.updateMeBody>) =>
      api<Reply<typeof s.userReply>>('/api/v1/me', { method: 'PATCH', body: changes }),
    onSuccess: ({ user }) => queryClient.setQueryData(SESSION_KEY, { user }),
  });
}
