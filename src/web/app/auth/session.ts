import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiFetch, ApiError, setCsrfToken } from '../api/api-client';
import { useApiErrorNotice } from '../api/api-errors';
import { metaQueryKey } from '../api/meta';
import type { CurrentUser } from '../api/types';

export interface Session {
  user: CurrentUser;
  csrfToken: string;
}

export interface Credentials {
  username: string;
  password: string;
}

export const sessionQueryKey = ['auth', 'session'] as const;

/** Queries that do not depend on who is signed in survive the loss of a session. */
const userIndependentQueryRoots = new Set<unknown>([sessionQueryKey[0], metaQueryKey[0]]);

function rememberSession(queryClient: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Drops an expired session and everything fetched on its behalf, so whoever signs in next never sees it. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => !userIndependentQueryRoots.has(query.queryKey[0]) });
  queryClient.setQueryData(sessionQueryKey, null);
}

async function fetchSession(signal: AbortSignal): Promise<Session | null> {
  try {
    const session = await apiFetch<Session>('/api/auth/me', { signal, expectUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** `data` is the session, `null` when nobody is signed in, `undefined` while still asking the server. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
}

/** Only for components rendered behind `RequireAuth`, where a session is guaranteed. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser is used outside RequireAuth');
  return data.user;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => apiFetch<Session>('/api/auth/login', { method: 'POST', body: credentials, expectUnauthorized: true }),
    onSuccess: (session) => rememberSession(queryClient, session),
  });
}

async function signOut(): Promise<void> {
  try {
    await apiFetch<void>('/api/auth/logout', { method: 'POST', expectUnauthorized: true });
  } catch (error) {
    // An expired session is already signed out, which is what the user asked for.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
}

export function useSignOut() {
  const notifyError = useApiErrorNotice();
  return useMutation({
    mutationFn: signOut,
    // A full page load wipes every trace of the user's data from memory (caches, form state)
    // and starts the next user on a clean login page.
    onSuccess: () => window.location.replace('/login'),
    // The server still holds the session, so pretending to be signed out would mislead the user.
    onError: notifyError,
  });
}

/** Re-reads the session after something that changes it, e.g. a password change. */
export function useReloadSession(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sessionQueryKey });
}
