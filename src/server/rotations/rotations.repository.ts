import { type Insertable, type Selectable, type SqlBool, type Updateable, sql } from 'kysely';
import type { RotationRule } from '../../core/rotation.js';
import type { Actor } from '../access/actor.js';
import { unitInScope } from '../access/access.js';
import type { Conn } from '../cadres/cadres.shared.js';
import type { RotationTable } from './rotations.tables.js';

export type RotationRow = Omit<Selectable<RotationTable>, 'decision_file'> & {
  full_name: string;
  gender: 'nam' | 'nu' | null;
  birth_date: string | null;
  has_file: boolean;
};

export interface RotationFilter {
  /** Rotations into or out of the units under this root (unit_scope); null: the actor's whole scope. */
  rootId: string | null;
  cadreId: string | null;
  from: string | null;
  to: string | null;
  status: 'running' | 'ended' | 'all';
  kind: string | null;
}

const ROW_COLUMNS = [
  'r.id',
  'r.cadre_id',
  'r.kind',
  'r.direction',
  'r.purpose',
  'r.purpose_note',
  'r.origin_unit_id',
  'r.origin_post_name',
  'r.origin_post_id',
  'r.origin_owning_unit_id',
  'r.destination_unit_id',
  'r.destination_title_code',
  'r.destination_post_id',
  'r.return_post_id',
  'r.decision_number',
  'r.decision_date',
  'r.decision_signer',
  'r.decision_file_name',
  'r.decision_file_type',
  'r.start_date',
  'r.planned_end_date',
  'r.end_date',
  'r.midterm_evaluation',
  'r.final_evaluation',
  'r.placement',
  'r.placement_note',
  'r.warnings',
  'r.created_at',
  'r.updated_at',
  'c.full_name',
  'c.gender',
  'c.birth_date',
] as const;

export class RotationsRepository {
  /** The regulation's figures in force on a day; before the first, the first. */
  async ruleOn(db: Conn, date: string): Promise<RotationRule> {
    const row =
      (await db.selectFrom('rotation_rule').selectAll().where('valid_from', '<=', date).orderBy('valid_from', 'desc').limit(1).executeTakeFirst()) ??
      (await db.selectFrom('rotation_rule').selectAll().orderBy('valid_from').limit(1).executeTakeFirstOrThrow());
    return {
      validFrom: row.valid_from,
      defaultMonths: row.default_months,
      minimumMonths: row.minimum_months,
      minimumServiceYears: row.minimum_service_years,
      basis: row.basis,
    };
  }

  /** Who else holds a title in a unit on a day. */
  async holders(db: Conn, unitId: string, titleCode: string, date: string, exceptCadreId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('cadre_post as p')
      .innerJoin('cadre as c', 'c.id', 'p.cadre_id')
      .select('c.full_name')
      .where('p.unit_id', '=', unitId)
      .where('p.title_code', '=', titleCode)
      .where('p.start_date', '<=', date)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', date)]))
      .where('p.cadre_id', '<>', exceptCadreId)
      .orderBy(sql`c.full_name collate "vi-VN-x-icu"`)
      .execute();
    return rows.map((row) => row.full_name);
  }

  /** The person's rotations sharing a day with [start, end]; a running one lasts until it is ended. */
  async overlapping(
    db: Conn,
    cadreId: string,
    startDate: string,
    endDate: string | null,
    exceptId: string | null,
  ): Promise<{ id: string; start_date: string }[]> {
    return db
      .selectFrom('rotation')
      .select(['id', 'start_date'])
      .where('cadre_id', '=', cadreId)
      .where(sql<SqlBool>`daterange(start_date, end_date, '[]') && daterange(${startDate}::date, ${endDate}::date, '[]')`)
      .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
      .execute();
  }

  async insert(db: Conn, values: Insertable<RotationTable>): Promise<string> {
    return (await db.insertInto('rotation').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(db: Conn, id: string, changes: Updateable<RotationTable>): Promise<void> {
    await db
      .updateTable('rotation')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  async delete(db: Conn, id: string): Promise<void> {
    await db.deleteFrom('rotation').where('id', '=', id).execute();
  }

  async byId(db: Conn, id: string, options: { forUpdate?: boolean } = {}): Promise<RotationRow | undefined> {
    return db
      .selectFrom('rotation as r')
      .innerJoin('cadre as c', 'c.id', 'r.cadre_id')
      .select([...ROW_COLUMNS, sql<boolean>`r.decision_file is not null`.as('has_file')])
      .where('r.id', '=', id)
      .$if(options.forUpdate === true, (qb) => qb.forUpdate('r'))
      .executeTakeFirst();
  }

  async file(db: Conn, id: string) {
    return db.selectFrom('rotation').select(['decision_file', 'decision_file_name', 'decision_file_type']).where('id', '=', id).executeTakeFirst();
  }

  private conditions(actor: Actor, filter: RotationFilter, today: string) {
    const conditions = [sql<SqlBool>`(${unitInScope(actor, 'r.destination_unit_id')} or ${unitInScope(actor, 'r.origin_unit_id')})`];
    if (filter.rootId) {
      conditions.push(
        sql<SqlBool>`(r.destination_unit_id in (select s.unit_id from unit_scope s where s.root_id = ${filter.rootId})
          or r.origin_unit_id in (select s.unit_id from unit_scope s where s.root_id = ${filter.rootId}))`,
      );
    }
    if (filter.cadreId) conditions.push(sql<SqlBool>`r.cadre_id = ${filter.cadreId}`);
    if (filter.from) conditions.push(sql<SqlBool>`r.start_date >= ${filter.from}`);
    if (filter.to) conditions.push(sql<SqlBool>`r.start_date <= ${filter.to}`);
    if (filter.kind) conditions.push(sql<SqlBool>`r.kind = ${filter.kind}`);
    if (filter.status === 'running') conditions.push(sql<SqlBool>`r.start_date <= ${today} and (r.end_date is null or r.end_date >= ${today})`);
    if (filter.status === 'ended') conditions.push(sql<SqlBool>`r.end_date < ${today}`);
    return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
  }

  async page(db: Conn, actor: Actor, filter: RotationFilter, today: string, paging: { offset: number; limit: number }) {
    const where = this.conditions(actor, filter, today);
    const [rows, total] = await Promise.all([
      db
        .selectFrom('rotation as r')
        .innerJoin('cadre as c', 'c.id', 'r.cadre_id')
        .select([...ROW_COLUMNS, sql<boolean>`r.decision_file is not null`.as('has_file')])
        .where(where)
        .orderBy('r.start_date', 'desc')
        .orderBy(sql`c.full_name collate "vi-VN-x-icu"`)
        .orderBy('r.id')
        .offset(paging.offset)
        .limit(paging.limit)
        .execute(),
      db.selectFrom('rotation as r').select(sql<number>`count(*)::int`.as('n')).where(where).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: total.n };
  }

  /** People moved in the filter, those from district or province units, those into a commune designated weak in the year they started, those running today. */
  async summary(db: Conn, actor: Actor, filter: RotationFilter, today: string) {
    const where = this.conditions(actor, filter, today);
    const result = await sql<{ people: number; from_higher: number; into_weak: number; running: number }>`
      select count(distinct r.cadre_id)::int as people,
        count(distinct r.cadre_id) filter (where o.level in ('district', 'province'))::int as from_higher,
        count(distinct r.cadre_id) filter (where exists (
          select 1 from weak_unit_designation w
          where w.commune_id = r.destination_unit_id and w.year between extract(year from r.start_date)::int - 1 and extract(year from r.start_date)::int))::int as into_weak,
        count(distinct r.cadre_id) filter (where r.start_date <= ${today} and (r.end_date is null or r.end_date >= ${today}))::int as running
      from rotation r
      join admin_unit o on o.id = r.origin_unit_id
      where ${where}`.execute(db);
    return result.rows[0]!;
  }

  /**
   * Each rotation of the filter into a commune designated weak the year it
   * began or the year before, with the commune before and after: the year it
   * left the list (the first later year in which lists were made without it),
   * its key cadres rated good or better, and its grassroots problems resolved,
   * in the start year and in the year the rotation ended (or the day viewed).
   */
  async outcomes(db: Conn, actor: Actor, filter: RotationFilter, onDate: string) {
    const where = this.conditions(actor, filter, onDate);
    const result = await sql<{
      id: string;
      cadre_id: string;
      full_name: string;
      destination_unit_id: string;
      destination_title_code: string;
      start_date: string;
      end_date: string | null;
      first_year: number;
      last_year: number;
      weak_year: number;
      left_in: number | null;
      good_before: number;
      rated_before: number;
      good_after: number;
      rated_after: number;
      resolved_before: number;
      registered_before: number;
      resolved_after: number;
      registered_after: number;
    }>`
      with chosen as (
        select r.id, r.cadre_id, c.full_name, r.destination_unit_id, r.destination_title_code, r.start_date, r.end_date,
          extract(year from r.start_date)::int as first_year,
          extract(year from least(coalesce(r.end_date, ${onDate}::date), ${onDate}::date))::int as last_year
        from rotation r join cadre c on c.id = r.cadre_id
        where ${where}
      ),
      weak as (
        select ch.*, (select min(w.year) from weak_unit_designation w
                      where w.commune_id = ch.destination_unit_id and w.year between ch.first_year - 1 and ch.first_year) as weak_year
        from chosen ch
      )
      select w.*,
        (select min(y.year) from (select distinct year from weak_unit_designation) y
          where y.year > w.first_year
            and not exists (select 1 from weak_unit_designation d where d.commune_id = w.destination_unit_id and d.year = y.year)) as left_in,
        coalesce(e0.good, 0) as good_before, coalesce(e0.rated, 0) as rated_before,
        coalesce(e1.good, 0) as good_after, coalesce(e1.rated, 0) as rated_after,
        coalesce(p0.resolved, 0) as resolved_before, coalesce(p0.registered, 0) as registered_before,
        coalesce(p1.resolved, 0) as resolved_after, coalesce(p1.registered, 0) as registered_after
      from weak w
      left join lateral (
        select count(*) filter (where e.class in ('hoan_thanh_xuat_sac', 'hoan_thanh_tot'))::int as good, count(*)::int as rated
        from cadre_evaluation e where e.unit_id = w.destination_unit_id and e.year = w.first_year) e0 on true
      left join lateral (
        select count(*) filter (where e.class in ('hoan_thanh_xuat_sac', 'hoan_thanh_tot'))::int as good, count(*)::int as rated
        from cadre_evaluation e where e.unit_id = w.destination_unit_id and e.year = w.last_year) e1 on true
      left join lateral (
        select count(*) filter (where g.status = 'resolved')::int as resolved, count(*)::int as registered
        from grassroots_problem g where g.commune_id = w.destination_unit_id and g.year = w.first_year) p0 on true
      left join lateral (
        select count(*) filter (where g.status = 'resolved')::int as resolved, count(*)::int as registered
        from grassroots_problem g where g.commune_id = w.destination_unit_id and g.year = w.last_year) p1 on true
      where w.weak_year is not null
      order by w.start_date, w.full_name collate "vi-VN-x-icu", w.id`.execute(db);
    return result.rows;
  }

  /** Posts obtained by rotation or assignment in these communes, with the person's sex and birth date: what the demo turns into rotation records. */
  async movedPostsIn(db: Conn, communeIds: readonly string[]) {
    return db
      .selectFrom('cadre_post as p')
      .innerJoin('cadre as c', 'c.id', 'p.cadre_id')
      .select([
        'p.id',
        'p.cadre_id',
        'p.unit_id',
        'p.title_code',
        'p.start_date',
        'p.end_date',
        'p.how_obtained',
        'p.note',
        'c.gender',
        'c.birth_date',
        'c.full_name',
      ])
      .where('p.unit_id', '=', sql<string>`any(${communeIds}::bigint[])`)
      .where('p.how_obtained', 'in', ['luan_chuyen', 'dieu_dong'])
      .orderBy('p.start_date')
      .orderBy('p.id')
      .execute();
  }

  /** Weak-commune designations of a year under a root, in the actor's scope, by name. */
  async weakDesignations(db: Conn, actor: Actor, rootId: string | null, year: number) {
    return db
      .selectFrom('weak_unit_designation as w')
      .select(['w.commune_id', 'w.fields', 'w.reasons', 'w.decision'])
      .where('w.year', '=', year)
      .where(unitInScope(actor, 'w.commune_id'))
      .$if(rootId !== null, (qb) => qb.where(sql<SqlBool>`w.commune_id in (select s.unit_id from unit_scope s where s.root_id = ${rootId})`))
      .execute();
  }

  /** Years with weak-commune designations under a root, latest first. */
  async designationYears(db: Conn, actor: Actor, rootId: string | null): Promise<number[]> {
    const rows = await db
      .selectFrom('weak_unit_designation as w')
      .select('w.year')
      .distinct()
      .where(unitInScope(actor, 'w.commune_id'))
      .$if(rootId !== null, (qb) => qb.where(sql<SqlBool>`w.commune_id in (select s.unit_id from unit_scope s where s.root_id = ${rootId})`))
      .orderBy('w.year', 'desc')
      .execute();
    return rows.map((row) => row.year);
  }

  /** Rotations into the communes that ran on some day of the year. */
  async into(db: Conn, communeIds: readonly string[], year: number) {
    if (communeIds.length === 0) return [];
    return db
      .selectFrom('rotation as r')
      .innerJoin('cadre as c', 'c.id', 'r.cadre_id')
      .select(['r.id', 'r.destination_unit_id', 'r.destination_title_code', 'r.start_date', 'r.end_date', 'r.cadre_id', 'c.full_name'])
      .where('r.destination_unit_id', '=', sql<string>`any(${communeIds}::bigint[])`)
      .where('r.start_date', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('r.end_date', 'is', null), eb('r.end_date', '>=', `${year}-01-01`)]))
      .orderBy('r.start_date')
      .execute();
  }
}
