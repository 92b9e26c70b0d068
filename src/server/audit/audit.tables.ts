import type { ColumnType, Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<string>;
  at: ColumnType<Date, never, never>;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
