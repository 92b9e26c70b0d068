import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { Page } from '../../app/api/types';
import type { z } from 'zod';
import type { cadreImportResultSchema, importIssueSchema, importRunSchema } from '../../../server/imports/imports.schema';

/** Shapes exactly as the server's schemas describe them. */
export type ImportIssue = z.output<typeof importIssueSchema>;
export type CadreImportResult = z.output<typeof cadreImportResultSchema>;
export type ImportRun = z.output<typeof importRunSchema>;
export type ImportStatus = ImportRun['status'];

export const CADRE_IMPORT_PATH = '/api/imports/cadres';
export const CADRE_TEMPLATE_PATH = '/api/imports/cadres/template';

/** Under the cadres root, so that whatever changes people also refreshes the history. */
export const importHistoryQueryRoot = ['cadres', 'import-history'] as const;

export function useCadreImportHistory(paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...importHistoryQueryRoot, paging],
    queryFn: ({ signal }) => apiFetch<Page<ImportRun>>(`${CADRE_IMPORT_PATH}/history`, { query: paging, signal }),
    placeholderData: keepPreviousData,
  });
}
