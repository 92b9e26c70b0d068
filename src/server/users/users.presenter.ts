import { sessionAbilities } from '../access/abilities.js';
import type { UserRow } from './users.repository.js';

export function presentUnitSummary(row: Pick<UserRow, 'unit_id' | 'unit_code' | 'unit_name' | 'unit_level'>) {
  return { id: row.unit_id, code: row.unit_code, name: row.unit_name ?? row.unit_code, level: row.unit_level };
}

export function presentCurrentUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    unit: presentUnitSummary(row),
    mustChangePassword: row.must_change_password,
    /** What the screens may offer this user, from the access policy. */
    abilities: sessionAbilities({ role: row.role, unitLevel: row.unit_level, unitId: row.unit_id, canViewSensitive: row.can_view_sensitive }),
  };
}

export function presentManagedUser(row: UserRow) {
  return {
    ...presentCurrentUser(row),
    disabled: row.disabled,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** What the audit log keeps of a user: never the password hash. */
export function auditSnapshotOfUser(row: UserRow) {
  return {
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    unitId: row.unit_id,
    canViewSensitive: row.can_view_sensitive,
    disabled: row.disabled,
  };
}
