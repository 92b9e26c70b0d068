import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor.js';

/**
 * The policy's conditions in SQL, for list queries that filter by scope in
 * the database rather than asking about ids (see `policy.ts`). Territorial
 * scope is a unit subtree (province ⊃ district ⊃ commune) materialised, with
 * the lineage of merged units, in `unit_scope` by the territory feature.
 */

export function seesWholeCountry(actor: Pick<Actor, 'unitLevel'>): boolean {
  return actor.unitLevel === 'country';
}

/** A WHERE condition: the unit in `unitColumn` lies in the actor's scope. */
export function unitInScope(actor: Actor, unitColumn: string): RawBuilder<SqlBool> {
  if (seesWholeCountry(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(unitColumn)} in (select unit_scope.unit_id from unit_scope where unit_scope.root_id = ${actor.unitId})`;
}

/**
 * A WHERE condition for programmes and instructors, which a unit keeps for
 * itself and every unit below it: kept in the actor's scope, or by a unit above
 * the actor. The SQL form of the policy's 'catalogue.read'.
 */
export function catalogueInReach(actor: Actor, unitColumn: string): RawBuilder<SqlBool> {
  if (seesWholeCountry(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${unitInScope(actor, unitColumn)} or exists (select 1 from unit_scope up where up.root_id = ${sql.ref(unitColumn)} and up.unit_id = ${actor.unitId}))`;
}

/**
 * A WHERE condition: a denouncer's identity may be used (shown, searched) for
 * the petition in `petitionColumn` — by its assigned handlers and by
 * administrators. The SQL form of the policy's 'petition.identity.read'.
 */
export function petitionIdentityVisible(actor: Actor, petitionColumn: string): RawBuilder<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`true`;
  return sql<SqlBool>`exists (select 1 from petition_handler h where h.petition_id = ${sql.ref(petitionColumn)} and h.user_id = ${actor.userId})`;
}
