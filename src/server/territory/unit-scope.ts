import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Refills `unit_scope`: for every unit R, the units a user bound to R may see.
 * Starting from R, repeatedly add
 * - every unit that was ever a child of a unit in the set (any version), and
 * - every predecessor (through lineage) of a unit in the set: for a commune
 *   through any lineage, whole or part, because the officer of a merged
 *   commune inherits the records of every commune that went into it; for a
 *   district or province only through 'whole'/'unchanged' lineage, because a
 *   province that received part of an old province must not see the rest of it.
 * One recursive statement for all roots at once; call it in the transaction
 * that changed the territory.
 */
export async function rebuildUnitScope(db: Db): Promise<{ added: number; removed: number }> {
  if (!db.isTransaction) return db.transaction().execute((trx) => rebuildUnitScope(trx));
  // The wanted rows go to a temporary table first: with real statistics the planner
  // compares them to unit_scope with a hash join instead of guessing the size of a
  // recursive query. Only the difference is written, so a rebuild after a date
  // correction touches no rows.
  await sql`create temp table if not exists unit_scope_next (root_id bigint not null, unit_id bigint not null) on commit drop`.execute(db);
  await sql`truncate unit_scope_next`.execute(db);
  await sql`
    insert into unit_scope_next (root_id, unit_id)
    with recursive edge(from_id, to_id) as materialized (
      select parent_id, unit_id from admin_unit_version where parent_id is not null
      union
      select l.successor_id, l.predecessor_id
      from admin_unit_lineage l
      join admin_unit p on p.id = l.predecessor_id
      where l.kind <> 'part' or p.level = 'commune'
    ),
    reach(root_id, unit_id) as (
      select id, id from admin_unit
      union
      select r.root_id, e.to_id from reach r join edge e on e.from_id = r.unit_id
    )
    select root_id, unit_id from reach
  `.execute(db);
  await sql`analyze unit_scope_next`.execute(db);
  const removed = await sql`
    delete from unit_scope s
    where not exists (select 1 from unit_scope_next n where n.root_id = s.root_id and n.unit_id = s.unit_id)
  `.execute(db);
  const added = await sql`
    insert into unit_scope (root_id, unit_id)
    select n.root_id, n.unit_id from unit_scope_next n
    where not exists (select 1 from unit_scope s where s.root_id = n.root_id and s.unit_id = n.unit_id)
  `.execute(db);
  return { added: Number(added.numAffectedRows ?? 0), removed: Number(removed.numAffectedRows ?? 0) };
}
