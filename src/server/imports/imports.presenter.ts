import type { ImportRunRow } from './imports.repository.js';

export function presentImportRun(row: ImportRunRow) {
  return {
    id: row.id,
    at: row.started_at.toISOString(),
    user: row.user_id && row.username ? { id: row.user_id, username: row.username, fullName: row.user_full_name ?? row.username } : null,
    fileName: row.file_name,
    sha256: row.file_sha256,
    fileSize: Number(row.file_size),
    dryRun: row.dry_run,
    status: row.status,
    rows: row.rows,
    created: row.created,
    updated: row.updated,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    message: row.message,
  };
}
