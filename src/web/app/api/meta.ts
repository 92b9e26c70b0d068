import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { metaResponseSchema } from '../../../server/health/health.schema';
import { apiFetch } from './api-client';

export type ServerMeta = z.output<typeof metaResponseSchema>;

export const metaQueryKey = ['meta'] as const;

export function useServerMeta() {
  return useQuery({
    queryKey: metaQueryKey,
    queryFn: ({ signal }) => apiFetch<ServerMeta>('/api/meta', { signal }),
    staleTime: Infinity,
  });
}
