import { type SqlBool, sql } from 'kysely';
import type { Conn } from '../cadres/cadres.shared.js';

export class SuccessionRepository {
  async plansOf(db: Conn, unitId: string, term: string) {
    return db.selectFrom('succession_plan').selectAll().where('unit_id', '=', unitId).where('term', '=', term).execute();
  }

  async planFor(db: Conn, unitId: string, term: string, titleCode: string) {
    return db
      .selectFrom('succession_plan')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('term', '=', term)
      .where('title_code', '=', titleCode)
      .forUpdate()
      .executeTakeFirst();
  }

  async insertPlan(db: Conn, row: { unit_id: string; term: string; term_starts_on: string; title_code: string }): Promise<string> {
    return (await db.insertInto('succession_plan').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async entriesOf(db: Conn, planIds: readonly string[]) {
    if (planIds.length === 0) return [];
    return db
      .selectFrom('succession_plan_entry as e')
      .innerJoin('cadre as c', 'c.id', 'e.cadre_id')
      .select([
        'e.id',
        'e.plan_id',
        'e.cadre_id',
        'e.added_on',
        'e.added_reason',
        'e.removed_on',
        'e.removed_reason',
        'c.full_name',
        'c.gender',
        'c.birth_date',
        'c.ethnicity_code',
        'c.retires_from',
        sql<boolean>`exists (select 1 from cadre_discipline d where d.cadre_id = e.cadre_id and d.decided_on >= e.added_on)`.as('disciplined_since'),
      ])
      .where('e.plan_id', '=', sql<string>`any(${planIds}::bigint[])`)
      .orderBy('e.removed_on', 'desc')
      .orderBy(sql`c.full_name collate "vi-VN-x-icu"`)
      .execute();
  }

  async activeCount(db: Conn, planId: string): Promise<number> {
    const row = await db
      .selectFrom('succession_plan_entry')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('plan_id', '=', planId)
      .where('removed_on', 'is', null)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /** Titles the person is planned for in this term at units of this level, other than `exceptPlanId`. */
  async activeTitlesAtLevel(db: Conn, cadreId: string, term: string, level: string): Promise<{ plan_id: string; title_code: string }[]> {
    return db
      .selectFrom('succession_plan_entry as e')
      .innerJoin('succession_plan as p', 'p.id', 'e.plan_id')
      .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
      .select(['p.id as plan_id', 'p.title_code'])
      .where('e.cadre_id', '=', cadreId)
      .where('e.removed_on', 'is', null)
      .where('p.term', '=', term)
      .where('u.level', '=', level as never)
      .execute();
  }

  async insertEntry(db: Conn, row: { plan_id: string; cadre_id: string; added_on: string; added_reason: string }): Promise<string> {
    return (await db.insertInto('succession_plan_entry').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async entryById(db: Conn, id: string) {
    return db
      .selectFrom('succession_plan_entry as e')
      .innerJoin('succession_plan as p', 'p.id', 'e.plan_id')
      .select(['e.id', 'e.cadre_id', 'e.added_on', 'e.removed_on', 'p.unit_id', 'p.term', 'p.title_code'])
      .where('e.id', '=', id)
      .forUpdate('e')
      .executeTakeFirst();
  }

  async removeEntry(db: Conn, id: string, removedOn: string, reason: string): Promise<void> {
    await db.updateTable('succession_plan_entry').set({ removed_on: removedOn, removed_reason: reason }).where('id', '=', id).execute();
  }

  /** Whether the person was planned, on the day, for one of the titles of the unit (the rotation rule of Regulation 65-QĐ/TW). */
  async plannedOn(db: Conn, cadreId: string, unitId: string, titleCodes: readonly string[], date: string): Promise<boolean> {
    const row = await db
      .selectFrom('succession_plan_entry as e')
      .innerJoin('succession_plan as p', 'p.id', 'e.plan_id')
      .select('e.id')
      .where('e.cadre_id', '=', cadreId)
      .where('p.unit_id', '=', unitId)
      .where('p.title_code', '=', sql<string>`any(${titleCodes}::text[])`)
      .where('e.added_on', '<=', date)
      .where(sql<SqlBool>`(e.removed_on is null or e.removed_on > ${date})`)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
