import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEntrySchema } from '../../../server/audit/audit.schema';
import { apiFetch } from '../../app/api/api-client';
import type { Page } from '../../app/api/types';

export type AuditSnapshot = Record<string, unknown>;

export type AuditEntry = z.output<typeof auditEntrySchema>;

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
