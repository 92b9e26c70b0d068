import type { AuditSnapshot } from './audit.api';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Every field present on either side, in a stable order; a field missing on one side counts as changed. */
export function compareSnapshots(before: AuditSnapshot | null, after: AuditSnapshot | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return fields.map((field) => {
    const beforeValue = before?.[field];
    const afterValue = after?.[field];
    return { field, before: beforeValue, after: afterValue, changed: JSON.stringify(beforeValue) !== JSON.stringify(afterValue) };
  });
}
