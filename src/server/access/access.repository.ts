import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';
import { seesWholeCountry } from './access.js';

/** How much of a person's record an actor reaches: all of it, only the periods spent in the actor's units, or nothing. */
export type CadreReach = 'full' | 'history';

export interface PetitionFact {
  /** The body that received the petition. */
  unitId: string;
  handledByActor: boolean;
}

/**
 * The queries behind the policy: each answers for a whole batch of ids in one
 * statement. Nothing here decides; `policy.ts` does, from these facts.
 */
export class AccessRepository {
  /** Of the given units, those in the actor's subtree (its own unit, the units under it, and the units merged into them). */
  async unitsInScope(db: Db, actor: Actor, unitIds: readonly string[]): Promise<Set<string>> {
    const distinct = [...new Set(unitIds)].filter((id) => /^\d{1,18}$/.test(id));
    if (distinct.length === 0) return new Set();
    if (seesWholeCountry(actor)) {
      const rows = await db.selectFrom('admin_unit').select('id').where('id', 'in', distinct).execute();
      return new Set(rows.map((row) => row.id));
    }
    const rows = await db.selectFrom('unit_scope').select('unit_id').where('root_id', '=', actor.unitId).where('unit_id', 'in', distinct).execute();
    return new Set(rows.map((row) => row.unit_id));
  }

  /** Of the given units, those the actor's own unit lies under (a province's programmes serve its communes). */
  async unitsAboveActor(db: Db, actor: Actor, unitIds: readonly string[]): Promise<Set<string>> {
    const distinct = [...new Set(unitIds)].filter((id) => /^\d{1,18}$/.test(id));
    if (distinct.length === 0) return new Set();
    const rows = await db.selectFrom('unit_scope').select('root_id').where('unit_id', '=', actor.unitId).where('root_id', 'in', distinct).execute();
    return new Set(rows.map((row) => row.root_id));
  }

  /** Of the given petitions, those received by a unit in the actor's scope, with the receiving unit and whether the actor is assigned to handle it. */
  async petitionFacts(db: Db, actor: Actor, petitionIds: readonly string[]): Promise<Map<string, PetitionFact>> {
    const distinct = [...new Set(petitionIds)].filter((id) => /^\d{1,18}$/.test(id));
    if (distinct.length === 0) return new Map();
    let query = db
      .selectFrom('petition as p')
      .select((eb) => [
        'p.id',
        'p.unit_id',
        eb
          .exists(eb.selectFrom('petition_handler as h').select('h.user_id').whereRef('h.petition_id', '=', 'p.id').where('h.user_id', '=', actor.userId))
          .as('handler'),
      ])
      .where('p.id', 'in', distinct);
    if (!seesWholeCountry(actor)) {
      query = query.where('p.unit_id', 'in', (eb) => eb.selectFrom('unit_scope').select('unit_id').where('root_id', '=', actor.unitId));
    }
    const rows = await query.execute();
    return new Map(rows.map((row) => [row.id, { unitId: row.unit_id, handledByActor: Boolean(row.handler) }]));
  }

  /**
   * Per person: 'full' when a unit managing the person today lies in the
   * actor's scope — the units of the posts held today, or, holding none, the
   * owning unit; 'history' when the actor's scope only holds past (or future)
   * posts of the person, or owns a record whose holder now works elsewhere.
   */
  async cadreReach(db: Db, actor: Actor, cadreIds: readonly string[], today: string): Promise<Map<string, CadreReach>> {
    const distinct = [...new Set(cadreIds)].filter((id) => /^\d{1,18}$/.test(id));
    if (distinct.length === 0) return new Map();
    if (seesWholeCountry(actor)) {
      const rows = await db.selectFrom('cadre').select('id').where('id', 'in', distinct).execute();
      return new Map(rows.map((row) => [row.id, 'full' as const]));
    }
    const rows = await sql<{ id: string; manages: boolean; saw: boolean }>`
      select c.id,
        exists (select 1 from unit_scope s where s.root_id = ${actor.unitId} and s.unit_id = any(managing.units)) as manages,
        (exists (select 1 from unit_scope s where s.root_id = ${actor.unitId} and s.unit_id = c.owning_unit_id)
          or exists (select 1 from cadre_post p join unit_scope s on s.unit_id = p.unit_id and s.root_id = ${actor.unitId}
                     where p.cadre_id = c.id)) as saw
      from cadre c
      cross join lateral (
        select coalesce(
          array_agg(p.unit_id) filter (where p.start_date <= ${today} and (p.end_date is null or p.end_date >= ${today})),
          array[c.owning_unit_id]) as units
        from cadre_post p where p.cadre_id = c.id
      ) managing
      where c.id = any(${distinct}::bigint[])`.execute(db);
    const reach = new Map<string, CadreReach>();
    for (const row of rows.rows) {
      if (row.manages) reach.set(row.id, 'full');
      else if (row.saw) reach.set(row.id, 'history');
    }
    return reach;
  }
}
