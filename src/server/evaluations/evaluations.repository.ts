import { type Insertable, type SqlBool, sql } from 'kysely';
import type { EvaluationClass } from '../../core/evaluation.js';
import type { Actor } from '../access/actor.js';
import { unitInScope } from '../access/access.js';
import type { Conn } from '../cadres/cadres.shared.js';
import type { CadreDisciplineTable, CadreEvaluationTable } from './evaluations.tables.js';

export class EvaluationsRepository {
  async evaluationsOf(db: Conn, cadreId: string) {
    return db.selectFrom('cadre_evaluation').selectAll().where('cadre_id', '=', cadreId).orderBy('year', 'desc').execute();
  }

  async disciplinesOf(db: Conn, cadreId: string) {
    return db.selectFrom('cadre_discipline').selectAll().where('cadre_id', '=', cadreId).orderBy('decided_on', 'desc').orderBy('id').execute();
  }

  async evaluationOf(db: Conn, cadreId: string, year: number) {
    return db.selectFrom('cadre_evaluation').selectAll().where('cadre_id', '=', cadreId).where('year', '=', year).executeTakeFirst();
  }

  /** Writes the year's evaluation, replacing one already recorded. */
  async upsertEvaluation(db: Conn, row: Insertable<CadreEvaluationTable>): Promise<void> {
    await db
      .insertInto('cadre_evaluation')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['cadre_id', 'year']).doUpdateSet({
          unit_id: row.unit_id,
          class: row.class,
          points: row.points ?? null,
          evaluated_by: row.evaluated_by ?? null,
          note: row.note ?? null,
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  }

  async deleteEvaluation(db: Conn, cadreId: string, year: number): Promise<boolean> {
    const result = await db.deleteFrom('cadre_evaluation').where('cadre_id', '=', cadreId).where('year', '=', year).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async insertDiscipline(db: Conn, row: Insertable<CadreDisciplineTable>): Promise<string> {
    return (await db.insertInto('cadre_discipline').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async deleteDiscipline(db: Conn, cadreId: string, id: string) {
    return db.deleteFrom('cadre_discipline').where('cadre_id', '=', cadreId).where('id', '=', id).returningAll().executeTakeFirst();
  }

  /** The unit of the post the person held at the end of the year, else the last post begun in it. */
  async unitOfYear(db: Conn, cadreId: string, year: number): Promise<string | undefined> {
    const row = await db
      .selectFrom('cadre_post')
      .select('unit_id')
      .where('cadre_id', '=', cadreId)
      .where('start_date', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', `${year}-01-01`)]))
      .orderBy(sql`coalesce(end_date, 'infinity'::date)`, 'desc')
      .orderBy('is_key', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.unit_id;
  }

  /** Who held a key post in these communes at the end of each year, and where: what the demo evaluates. */
  async keyHoldersAtYearEnds(db: Conn, communeIds: readonly string[], years: readonly number[]) {
    return sql<{ cadre_id: string; unit_id: string; year: number }>`
      select distinct on (p.cadre_id, y.year) p.cadre_id, p.unit_id, y.year
      from unnest(${years}::int[]) as y(year)
      join cadre_post p on p.is_key and p.unit_id = any(${communeIds}::bigint[])
        and p.start_date <= make_date(y.year, 12, 31) and (p.end_date is null or p.end_date >= make_date(y.year, 12, 31))
      order by p.cadre_id, y.year, p.unit_id`
      .execute(db)
      .then((result) => result.rows);
  }

  async insertEvaluations(db: Conn, rows: readonly Insertable<CadreEvaluationTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000)
      await db
        .insertInto('cadre_evaluation')
        .values(rows.slice(i, i + 2000))
        .execute();
  }

  async evaluationYears(db: Conn, actor: Actor, rootId: string | null): Promise<number[]> {
    const rows = await db
      .selectFrom('cadre_evaluation as e')
      .select('e.year')
      .distinct()
      .where(unitInScope(actor, 'e.unit_id'))
      .$if(rootId !== null, (qb) => qb.where(sql<SqlBool>`e.unit_id in (select s.unit_id from unit_scope s where s.root_id = ${rootId})`))
      .orderBy('e.year', 'desc')
      .execute();
    return rows.map((row) => row.year);
  }

  /** Evaluations of a year by the unit they were made in, within the actor's scope and under the root (null: everywhere). */
  async countsByUnit(db: Conn, actor: Actor, rootId: string | null, year: number): Promise<{ unit_id: string; class: EvaluationClass; n: number }[]> {
    return db
      .selectFrom('cadre_evaluation as e')
      .select(['e.unit_id', 'e.class', sql<number>`count(*)::int`.as('n')])
      .where('e.year', '=', year)
      .where(unitInScope(actor, 'e.unit_id'))
      .$if(rootId !== null, (qb) => qb.where(sql<SqlBool>`e.unit_id in (select s.unit_id from unit_scope s where s.root_id = ${rootId})`))
      .groupBy(['e.unit_id', 'e.class'])
      .execute();
  }
}
