import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import type { Actor } from './actor.js';

/**
 * The one place that decides what an actor may see and do. Territorial scope
 * is a unit subtree (province ⊃ district ⊃ commune) materialised, with the
 * lineage of merged units, in `unit_scope` by the territory feature. Anything
 * outside it is reported as "not found" so that its existence is not revealed.
 */

export function seesWholeCountry(actor: Actor): boolean {
  return actor.unitLevel === 'country';
}

/** A WHERE condition: the unit in `unitColumn` lies in the actor's scope. */
export function unitInScope(actor: Actor, unitColumn: string): RawBuilder<SqlBool> {
  if (seesWholeCountry(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(unitColumn)} in (select unit_scope.unit_id from unit_scope where unit_scope.root_id = ${actor.unitId})`;
}

/** Of the given units, those the actor may see: one query for the whole batch. */
export async function unitsInScope(db: Db, actor: Actor, unitIds: readonly string[]): Promise<Set<string>> {
  const distinct = [...new Set(unitIds)];
  if (distinct.length === 0) return new Set();
  if (seesWholeCountry(actor)) {
    const rows = await db.selectFrom('admin_unit').select('id').where('id', 'in', distinct).execute();
    return new Set(rows.map((row) => row.id));
  }
  const rows = await db
    .selectFrom('unit_scope')
    .select('unit_id')
    .where('root_id', '=', actor.unitId)
    .where('unit_id', 'in', distinct)
    .execute();
  return new Set(rows.map((row) => row.unit_id));
}

export async function assertUnitsInScope(db: Db, actor: Actor, unitIds: readonly string[]): Promise<void> {
  const visible = await unitsInScope(db, actor, unitIds);
  if (unitIds.some((id) => !visible.has(id))) throw notFound();
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

/** Viewers read; every other role writes within its scope. */
export function requireWriter(actor: Actor): void {
  if (actor.role === 'viewer') throw new AppError('FORBIDDEN');
}

export function canViewSensitive(actor: Actor): boolean {
  return actor.role === 'admin' || actor.canViewSensitive;
}
