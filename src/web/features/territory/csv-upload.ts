import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, languageHeaders, NETWORK_ERROR_ID, UNEXPECTED_RESPONSE_ID } from '../../app/api/api-client';
import { sessionQueryKey, type Session } from '../../app/auth/session';

/**
 * `apiFetch` speaks JSON only; the import endpoints take the CSV as the
 * multipart field «file». Same CSRF header and the same `ApiError` on failure.
 */
export function useCsvUpload(): (path: string, file: File, dryRun: boolean) => Promise<unknown> {
  const queryClient = useQueryClient();
  return useCallback(
    async (path: string, file: File, dryRun: boolean) => {
      const session = queryClient.getQueryData<Session | null>(sessionQueryKey);
      const form = new FormData();
      form.append('file', file, file.name);
      let response: Response;
      try {
        response = await fetch(`${path}?dryRun=${dryRun ? 'true' : 'false'}`, {
          method: 'POST',
          headers: { Accept: 'application/json', ...languageHeaders(), ...(session ? { 'X-CSRF-Token': session.csrfToken } : {}) },
          body: form,
          credentials: 'same-origin',
        });
      } catch {
        throw new ApiError(0, NETWORK_ERROR_ID, '');
      }
      // An expired session: asking again for it drops it and the login page follows.
      if (response.status === 401) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) return body;
      const error = (body as { error?: { id?: unknown; message?: unknown; details?: unknown } } | null)?.error;
      if (typeof error?.id !== 'string') throw new ApiError(response.status, UNEXPECTED_RESPONSE_ID, '');
      throw new ApiError(response.status, error.id, typeof error.message === 'string' ? error.message : '', error.details);
    },
    [queryClient],
  );
}
