import { QueryClient } from '@tanstack/react-query';
import { ApiError, NETWORK_ERROR_ID } from './api/api-client';

const MAX_RETRIES = 2;

/** Retrying only helps when the server or the network stumbled; a 4xx answer will not change. */
function isWorthRetrying(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof ApiError)) return false;
  return error.id === NETWORK_ERROR_ID || error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: isWorthRetrying, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
