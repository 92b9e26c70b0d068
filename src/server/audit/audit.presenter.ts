import type { AuditRow } from './audit.repository.js';

export function presentAuditEntry(row: AuditRow) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    user: row.user_id ? { id: row.user_id, username: row.user_username!, fullName: row.user_full_name! } : null,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    summary: row.summary,
    before: (row.before ?? null) as Record<string, unknown> | null,
    after: (row.after ?? null) as Record<string, unknown> | null,
    ip: row.ip,
  };
}
