import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, resetCsrfToken } from './api';
import { changeLanguage, i18next, isLanguage } from './i18n';

/** Every role the platform knows; `public` is the anonymous visitor and never comes back from the server. */
export const ROLES = [
  'public',
  'resident',
  'guide',
  'institution',
  'association',
  'caseworker',
  'coordinator',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** The logged-in user as the session endpoint returns it. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  locale: string;
}

const SESSION_KEY = ['session'] as const;

/** The current user (null when anonymous); `isPending` until the first answer. */
export function useSession() {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => api<{ user: Me | null }>('/api/v1/auth/session'),
    staleTime: 60_000,
  });
  return { user: query.data?.user ?? null, isPending: query.isPending, error: query.error };
}

/** Logs in, then switches the UI to the user's saved language. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api<{ user: Me }>('/api/v1/auth/login', { method: 'POST', body: credentials }),
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
    mutationFn: (changes: { locale?: string; displayName?: string }) =>
      api<{ user: Me }>('/api/v1/me', { method: 'PATCH', body: changes }),
    onSuccess: ({ user }) => queryClient.setQueryData(SESSION_KEY, { user }),
  });
}
