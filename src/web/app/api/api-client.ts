/**
 * The one way the web app talks to the server: JSON in and out, the CSRF
 * header on every mutation, and every failure turned into an `ApiError`.
 */

export interface FieldProblem {
  path: string;
  message: string;
}

/** Ids the client itself produces when the server never answered with `{ error }`. */
export const NETWORK_ERROR_ID = 'NETWORK_ERROR';
export const UNEXPECTED_RESPONSE_ID = 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  readonly id: string;
  readonly details: unknown;

  /** `message` is the server's Vietnamese text, empty when the server gave none. */
  constructor(status: number, id: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.id = id;
    this.details = details;
  }

  get fieldProblems(): FieldProblem[] {
    const fields = (this.details as { fields?: unknown } | null | undefined)?.fields;
    return Array.isArray(fields) ? fields.filter(isFieldProblem) : [];
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  const candidate = value as Partial<FieldProblem> | null;
  return typeof candidate?.path === 'string' && typeof candidate.message === 'string';
}

type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Login, logout and the session probe get 401 as an answer, not as a sign that the session expired. */
  expectUnauthorized?: boolean;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any unexpected 401 so the app can drop the session and show the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function withQuery(path: string, query: ApiRequest['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { id?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (typeof error?.id !== 'string') return new ApiError(response.status, UNEXPECTED_RESPONSE_ID, '');
  return new ApiError(response.status, error.id, typeof error.message === 'string' ? error.message : '', error.details);
}

/** The language the screens are in (set on <html lang> by the i18n provider), so that the server answers errors in it. */
export function languageHeaders(): { 'Accept-Language': string } {
  return { 'Accept-Language': document.documentElement.lang === 'en' ? 'en' : 'vi' };
}

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...languageHeaders() };
  // No Content-Type without a body: the server rejects an empty JSON body.
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, request.query), {
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'same-origin',
      signal: request.signal,
    });
  } catch (cause) {
    // A cancelled query must stay a cancellation so TanStack Query ignores it.
    if (request.signal?.aborted) throw cause;
    throw new ApiError(0, NETWORK_ERROR_ID, '');
  }

  if (response.status === 401 && !request.expectUnauthorized) unauthorizedHandler?.();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
