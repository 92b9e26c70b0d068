import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, languageHeaders, NETWORK_ERROR_ID, UNEXPECTED_RESPONSE_ID } from '../../app/api/api-client';
import { sessionQueryKey, type Session } from '../../app/auth/session';

/**
 * `apiFetch` speaks JSON only. Spreadsheets, Word files and photos travel
 * here, with the same CSRF header, the same `ApiError` on failure and the
 * same return to the login page when the session has expired.
 */

type QueryValue = string | number | boolean | null | undefined;

function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { id?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (typeof error?.id !== 'string') return new ApiError(status, UNEXPECTED_RESPONSE_ID, '');
  return new ApiError(status, error.id, typeof error.message === 'string' ? error.message : '', error.details);
}

/** The UTF-8 name of RFC 6266 (`filename*=UTF-8''…`) when given, else the plain one. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name falls through to the ASCII one.
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function useExpiredSessionHandler(): () => void {
  const queryClient = useQueryClient();
  // Asking again for the session drops it, and the login page follows.
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: sessionQueryKey }), [queryClient]);
}

/** Downloads a file the server builds (Excel export, template, Word résumé) and saves it under the server's name. */
export function useFileDownload(): (path: string, query?: Record<string, QueryValue>, fallbackName?: string) => Promise<void> {
  const onExpired = useExpiredSessionHandler();
  return useCallback(
    async (path, query, fallbackName = 'tep-tai-ve') => {
      let response: Response;
      try {
        response = await fetch(withQuery(path, query), { credentials: 'same-origin', headers: languageHeaders() });
      } catch {
        throw new ApiError(0, NETWORK_ERROR_ID, '');
      }
      if (response.status === 401) onExpired();
      if (!response.ok) throw errorFromBody(response.status, await response.json().catch(() => null));
      saveBlob(await response.blob(), fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName));
    },
    [onExpired],
  );
}

export interface UploadOptions {
  method?: 'POST' | 'PUT';
  query?: Record<string, QueryValue>;
  /** Share of the file sent so far, 0–1; the server's own work comes after 1. */
  onProgress?: (sent: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends one file as the multipart field «file». XMLHttpRequest rather than
 * fetch because only it reports upload progress, which a large spreadsheet on
 * a commune's connection needs.
 */
export function useFileUpload(): <T>(path: string, file: File, options?: UploadOptions) => Promise<T> {
  const queryClient = useQueryClient();
  const onExpired = useExpiredSessionHandler();
  return useCallback(
    <T>(path: string, file: File, options: UploadOptions = {}) =>
      new Promise<T>((resolve, reject) => {
        const session = queryClient.getQueryData<Session | null>(sessionQueryKey);
        const request = new XMLHttpRequest();
        request.open(options.method ?? 'POST', withQuery(path, options.query));
        request.setRequestHeader('Accept', 'application/json');
        if (session) request.setRequestHeader('X-CSRF-Token', session.csrfToken);
        request.withCredentials = true;
        request.upload.onprogress = (event) => {
          if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
        };
        request.upload.onload = () => options.onProgress?.(1);
        request.onerror = () => reject(new ApiError(0, NETWORK_ERROR_ID, ''));
        request.onabort = () => reject(new DOMException('Đã hủy', 'AbortError'));
        request.onload = () => {
          let body: unknown = null;
          try {
            body = request.responseText ? JSON.parse(request.responseText) : null;
          } catch {
            body = null;
          }
          if (request.status === 401) onExpired();
          if (request.status >= 200 && request.status < 300) resolve(body as T);
          else reject(errorFromBody(request.status, body));
        };
        options.signal?.addEventListener('abort', () => request.abort(), { once: true });
        const form = new FormData();
        form.append('file', file, file.name);
        request.send(form);
      }),
    [queryClient, onExpired],
  );
}
