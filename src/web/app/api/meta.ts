import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './api-client';

export interface ServerMeta {
  demo: boolean;
  version: string;
}

export const metaQueryKey = ['meta'] as const;

export function useServerMeta() {
  return useQuery({
    queryKey: metaQueryKey,
    queryFn: ({ signal }) => apiFetch<ServerMeta>('/api/meta', { signal }),
    staleTime: Infinity,
  });
}
