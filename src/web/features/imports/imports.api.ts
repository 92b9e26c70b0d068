import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { Page } from '../../app/api/types';

/** Shapes exactly as `src/server/imports/imports.schema.ts` returns them. */

export interface ImportIssue {
  /** Row number in the spreadsheet, as Excel shows it. */
  row: number;
  /** The column's header in the template, null for a problem of the whole row. */
  column: string | null;
  value: string | null;
  message: string;
}

export interface CadreImportResult {
  importId: string;
  fileName: string;
  sha256: string;
  dryRun: boolean;
  /** True only when the changes were saved. */
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  postsAdded: number;
  postsEnded: number;
  qualificationsAdded: number;
  errorCount: number;
  warningCount: number;
  /** The first 1,000, in file order. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export type ImportStatus = 'checked' | 'committed' | 'rejected' | 'unreadable';

export interface ImportRun {
  id: string;
  at: string;
  user: { id: string; username: string; fullName: string } | null;
  fileName: string;
  sha256: string;
  fileSize: number;
  dryRun: boolean;
  status: ImportStatus;
  rows: number;
  created: number;
  updated: number;
  errorCount: number;
  warningCount: number;
  message: string | null;
}

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
