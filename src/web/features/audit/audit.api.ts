import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { Page } from '../../app/api/types';

export type AuditSnapshot = Record<string, unknown>;

export interface AuditEntry {
  id: string;
  at: string;
  /** Null for actions the system took on its own. */
  user: { id: string; username: string; fullName: string } | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string | null;
  before: AuditSnapshot | null;
  after: AuditSnapshot | null;
  ip: string | null;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  userId?: string;
  action?: string;
  /** `YYYY-MM-DD`, both ends included. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => apiFetch<Page<AuditEntry>>('/api/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
