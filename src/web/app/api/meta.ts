import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './api-client';

export interface ServerMeta {
  demo: boolean;
  /** The demo's reference date while it is loaded; the dashboard opens on it. */
  demoAsOf: string | null;
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
