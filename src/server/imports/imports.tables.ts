import type { ColumnType, Generated } from 'kysely';

export type ImportStatus = 'checked' | 'committed' | 'rejected' | 'unreadable';

export interface ImportRunTable {
  id: Generated<string>;
  kind: string;
  user_id: string | null;
  unit_id: string;
  started_at: ColumnType<Date, Date, never>;
  finished_at: ColumnType<Date, Date | undefined, never>;
  file_name: string;
  file_sha256: string;
  file_size: number;
  dry_run: boolean;
  status: ImportStatus;
  rows: number;
  created: number;
  updated: number;
  error_count: number;
  warning_count: number;
  message: string | null;
  errors: ColumnType<unknown, string, never>;
}

export interface ImportsTables {
  import_run: ImportRunTable;
}
