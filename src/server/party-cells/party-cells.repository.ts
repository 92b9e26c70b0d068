import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { CellAttendanceStatus } from '../../core/cell-attendance.js';
import type { Db } from '../db/database.js';
import type { PartyCellAssignmentTable, PartyCellMeetingTable } from './party-cells.tables.js';

/** Whether a party organisation row is in force on a day (no dates: always). */
function inForce(alias: string, on: string) {
  return sql<SqlBool>`(${sql.ref(`${alias}.valid_from`)} is null or ${sql.ref(`${alias}.valid_from`)} <= ${on})
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${on})`;
}

/** Months since January of year 0, as the core's `monthIndex`. */
function monthIndex(column: ReturnType<typeof sql>) {
  return sql<number>`(extract(year from ${column})::int * 12 + extract(month from ${column})::int - 1)`;
}

export interface CoverageRow {
  committee_id: string;
  name: string;
  commune_id: string;
  assigned: boolean;
  cells: number;
  cells_assigned: number;
  planned: number;
  done: number;
  idle_cells: number;
}

/** Assignments of standing members to party cells, cell meetings and who attended. Kysely only: the services ask the policy. */
export class PartyCellsRepository {
  committee(db: Db, id: string) {
    return db
      .selectFrom('party_organization as o')
      .select(['o.id', 'o.name', 'o.commune_id'])
      .where('o.id', '=', id)
      .where('o.kind', '=', 'dang_bo_co_so')
      .executeTakeFirst();
  }

  async lockCommittee(db: Db, id: string): Promise<void> {
    await db.selectFrom('party_organization').select('id').where('id', '=', id).forUpdate().execute();
  }

  /** The committee's cells in force at some time between the two days. */
  cellsOf(db: Db, committeeId: string, from: string, to: string) {
    return db
      .selectFrom('party_organization as c')
      .leftJoin('village as v', 'v.id', 'c.village_id')
      .select(['c.id', 'c.name', 'v.name as village_name'])
      .where('c.parent_id', '=', committeeId)
      .where('c.kind', '=', 'chi_bo')
      .where((eb) => eb.or([eb('c.valid_from', 'is', null), eb('c.valid_from', '<=', to)]))
      .where((eb) => eb.or([eb('c.valid_to', 'is', null), eb('c.valid_to', '>=', from)]))
      .orderBy(sql`c.name collate "vi-VN-x-icu"`)
      .execute();
  }

  /** Key posts of the commune held at some time between the two days: its standing members, with the periods. */
  standingPosts(db: Db, communeId: string, from: string, to: string, cadreIds?: readonly string[]) {
    let query = db
      .selectFrom('cadre_post as p')
      .innerJoin('cadre as c', 'c.id', 'p.cadre_id')
      .select(['c.id', 'c.full_name', 'p.title_code', 'p.start_date', 'p.end_date'])
      .where('p.unit_id', '=', communeId)
      .where('p.is_key', '=', true)
      .where('p.start_date', '<=', to)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', from)]));
    if (cadreIds) query = query.where('c.id', 'in', cadreIds.length > 0 ? [...cadreIds] : ['0']);
    return query.orderBy(sql`c.full_name collate "vi-VN-x-icu"`).orderBy('p.start_date').execute();
  }

  async cadreNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('cadre')
      .select(['id', 'full_name'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((row) => [row.id, row.full_name]));
  }

  frequencies(db: Db) {
    return db.selectFrom('party_cell_frequency').selectAll().orderBy('months').execute();
  }

  assignmentsOf(db: Db, committeeId: string, from: string, to: string) {
    return db
      .selectFrom('party_cell_assignment as a')
      .innerJoin('cadre as c', 'c.id', 'a.cadre_id')
      .selectAll('a')
      .select('c.full_name')
      .where('a.committee_id', '=', committeeId)
      .where('a.valid_from', '<=', to)
      .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', from)]))
      .orderBy('a.cell_id')
      .orderBy('a.valid_from')
      .execute();
  }

  assignment(db: Db, id: string) {
    return db.selectFrom('party_cell_assignment').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** Another assignment of the same person to the same cell overlapping the period. */
  overlapping(db: Db, values: { cellId: string; cadreId: string; validFrom: string; validTo: string | null; exceptId?: string }) {
    let query = db
      .selectFrom('party_cell_assignment')
      .select(['id', 'valid_from', 'valid_to'])
      .where('cell_id', '=', values.cellId)
      .where('cadre_id', '=', values.cadreId)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', values.validFrom)]));
    if (values.validTo !== null) query = query.where('valid_from', '<=', values.validTo);
    if (values.exceptId) query = query.where('id', '!=', values.exceptId);
    return query.executeTakeFirst();
  }

  async insertAssignment(db: Db, values: Insertable<PartyCellAssignmentTable>): Promise<string> {
    return (await db.insertInto('party_cell_assignment').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateAssignment(db: Db, id: string, values: Updateable<PartyCellAssignmentTable>): Promise<void> {
    await db
      .updateTable('party_cell_assignment')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async deleteAssignment(db: Db, id: string): Promise<void> {
    await db.deleteFrom('party_cell_assignment').where('id', '=', id).execute();
  }

  meetingsOf(db: Db, committeeId: string, from: string, to: string, cellIds?: readonly string[]) {
    let query = db.selectFrom('party_cell_meeting').selectAll().where('committee_id', '=', committeeId).where('held_on', '>=', from).where('held_on', '<=', to);
    if (cellIds) query = query.where('cell_id', 'in', cellIds.length > 0 ? [...cellIds] : ['0']);
    return query.orderBy('held_on').orderBy('id').execute();
  }

  attendanceOf(db: Db, meetingIds: readonly string[]) {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('party_cell_attendance as t')
      .innerJoin('cadre as c', 'c.id', 't.cadre_id')
      .select(['t.meeting_id', 't.cadre_id', 't.status', 'c.full_name'])
      .where('t.meeting_id', 'in', [...meetingIds])
      .orderBy(sql`c.full_name collate "vi-VN-x-icu"`)
      .execute();
  }

  meeting(db: Db, id: string) {
    return db.selectFrom('party_cell_meeting').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async insertMeeting(db: Db, values: Insertable<PartyCellMeetingTable>): Promise<string> {
    return (await db.insertInto('party_cell_meeting').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateMeeting(db: Db, id: string, values: Updateable<PartyCellMeetingTable>): Promise<void> {
    await db
      .updateTable('party_cell_meeting')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async deleteMeetings(db: Db, ids: readonly string[]): Promise<void> {
    if (ids.length > 0)
      await db
        .deleteFrom('party_cell_meeting')
        .where('id', 'in', [...ids])
        .execute();
  }

  async setAttendance(
    db: Db,
    rows: readonly { meeting_id: string; committee_id: string; cell_id: string; held_on: string; cadre_id: string; status: CellAttendanceStatus }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('party_cell_attendance')
      .values([...rows])
      .onConflict((oc) => oc.columns(['meeting_id', 'cadre_id']).doUpdateSet((eb) => ({ status: eb.ref('excluded.status') })))
      .execute();
  }

  async clearAttendance(db: Db, rows: readonly { meeting_id: string; cadre_id: string }[]): Promise<number> {
    let cleared = 0;
    for (const row of rows) {
      const result = await db
        .deleteFrom('party_cell_attendance')
        .where('meeting_id', '=', row.meeting_id)
        .where('cadre_id', '=', row.cadre_id)
        .executeTakeFirst();
      cleared += Number(result.numDeletedRows);
    }
    return cleared;
  }

  /** Of the meetings, those with no attendance and nothing written: entered on the grid and cleared there. */
  async emptyMeetings(db: Db, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('party_cell_meeting as m')
      .select('m.id')
      .where('m.id', 'in', [...ids])
      .where('m.issues_raised', 'is', null)
      .where('m.follow_up', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('party_cell_attendance as t').select('t.meeting_id').whereRef('t.meeting_id', '=', 'm.id'))),
      )
      .execute();
    return rows.map((row) => row.id);
  }

  /** The day of the month most meetings of the committee fall on. */
  async usualMeetingDay(db: Db, committeeId: string, before: string): Promise<number | null> {
    const row = await sql<{ day: number }>`
      select extract(day from held_on)::int as day from (
        select held_on from party_cell_meeting where committee_id = ${committeeId} and held_on <= ${before}
        order by held_on desc limit 200) recent
      group by 1 order by count(*) desc, 1 limit 1`.execute(db);
    return row.rows[0]?.day ?? null;
  }

  /**
   * Coverage of the grassroots party committees in force on `asOf` in a
   * subtree (null: the country), committee by committee. Visits are counted as the core's
   * `countVisits` counts them (the unit test there states the rule); idle
   * cells had no visit by a standing member since `idleSince`.
   */
  async coverage(db: Db, query: { scopeRootId: string | null; from: string; asOf: string; idleSince: string }) {
    const { from, asOf, idleSince } = query;
    const scope =
      query.scopeRootId === null
        ? sql<SqlBool>`true`
        : sql<SqlBool>`o.commune_id = any(array(select s.unit_id from unit_scope s where s.root_id = ${query.scopeRootId}))`;
    const result = await sql<CoverageRow>`
      with committees as materialized (
        select o.id as committee_id, o.name, o.commune_id from party_organization o
        join admin_unit u on u.id = o.commune_id and (u.valid_from is null or u.valid_from <= ${asOf}) and (u.valid_to is null or u.valid_to >= ${asOf})
        where o.kind = 'dang_bo_co_so' and ${scope} and ${inForce('o', asOf)}
      ),
      cells as materialized (
        select c.id, c.parent_id as committee_id from party_organization c
        where c.kind = 'chi_bo' and c.parent_id in (select committee_id from committees) and ${inForce('c', asOf)}
      ),
      assignments as materialized (
        select a.id, a.committee_id, a.cell_id, a.cadre_id, a.frequency_months as f, a.valid_from, a.valid_to
        from party_cell_assignment a
        where a.committee_id in (select committee_id from committees) and a.valid_from <= ${asOf} and (a.valid_to is null or a.valid_to >= ${from})
      ),
      assigned_cells as (
        select distinct cell_id, committee_id from assignments where valid_to is null or valid_to >= ${asOf}
      ),
      windows as materialized (
        select id, committee_id, cell_id, cadre_id, f, s, e,
          ${monthIndex(sql`s`)} / f + case when extract(day from s) = 1 and ${monthIndex(sql`s`)} % f = 0 then 0 else 1 end as first_w,
          ${monthIndex(sql`e`)} / f as last_w,
          ${monthIndex(sql`(${asOf}::date + 1)`)} / f - 1 as last_ended
        from (
          select id, committee_id, cell_id, cadre_id, f, greatest(valid_from, ${from}::date) as s, least(coalesce(valid_to, ${asOf}::date), ${asOf}::date) as e
          from assignments
        ) p
        where e >= s
      ),
      -- Standing members present at the committees' meetings of the period: read once by committee, then matched to the windows.
      present as materialized (
        select t.cell_id, t.cadre_id, t.held_on from party_cell_attendance t
        where t.committee_id in (select committee_id from committees) and t.status = 'present'
          and t.held_on between least(${from}::date, ${idleSince}::date) and ${asOf}
      ),
      visited as (
        select w.id, count(distinct ${monthIndex(sql`p.held_on`)} / w.f)::int as done,
          bool_or(${monthIndex(sql`p.held_on`)} / w.f = w.last_w) as visited_last
        from windows w
        join present p on p.cell_id = w.cell_id and p.cadre_id = w.cadre_id and p.held_on between w.s and w.e
        where ${monthIndex(sql`p.held_on`)} / w.f between w.first_w and w.last_w
        group by w.id
      ),
      visits as (
        select w.committee_id,
          sum(greatest(0, least(w.last_w, w.last_ended) - w.first_w + 1)
            + case when w.last_w > w.last_ended and coalesce(v.visited_last, false) then 1 else 0 end) as planned,
          sum(coalesce(v.done, 0)) as done
        from windows w left join visited v on v.id = w.id
        group by w.committee_id
      ),
      recently_visited as (
        select distinct cell_id from present where held_on > ${idleSince}
      ),
      cell_counts as (
        select cl.committee_id, count(*) as cells,
          count(ac.cell_id) as cells_assigned,
          count(*) filter (where rv.cell_id is null) as idle_cells
        from cells cl
        left join assigned_cells ac on ac.cell_id = cl.id
        left join recently_visited rv on rv.cell_id = cl.id
        group by cl.committee_id
      )
      select k.committee_id, k.name, k.commune_id,
        k.committee_id in (select committee_id from assigned_cells) as assigned,
        coalesce(c.cells, 0)::int as cells,
        coalesce(c.cells_assigned, 0)::int as cells_assigned,
        coalesce(v.planned, 0)::int as planned,
        coalesce(v.done, 0)::int as done,
        coalesce(c.idle_cells, 0)::int as idle_cells
      from committees k
      left join cell_counts c on c.committee_id = k.committee_id
      left join visits v on v.committee_id = k.committee_id
      order by k.name collate "vi-VN-x-icu"`.execute(db);
    return result.rows;
  }

  /** Cells in force on `asOf` under the subtree's committees with no standing member's visit since `idleSince`, the longest first. */
  async idleCells(db: Db, query: { scopeRootId: string | null; asOf: string; idleSince: string; limit: number }) {
    const scope =
      query.scopeRootId === null
        ? sql<SqlBool>`true`
        : sql<SqlBool>`k.commune_id = any(array(select s.unit_id from unit_scope s where s.root_id = ${query.scopeRootId}))`;
    const result = await sql<{
      cell_id: string;
      cell_name: string;
      committee_id: string;
      committee_name: string;
      commune_id: string;
      last_visit: string | null;
    }>`
      with committees as materialized (
        select k.id, k.name, k.commune_id from party_organization k
        join admin_unit u on u.id = k.commune_id and (u.valid_from is null or u.valid_from <= ${query.asOf}) and (u.valid_to is null or u.valid_to >= ${query.asOf})
        where k.kind = 'dang_bo_co_so' and ${scope} and ${inForce('k', query.asOf)}
      ),
      recent as (
        select distinct t.cell_id from party_cell_attendance t
        where t.committee_id in (select id from committees) and t.status = 'present' and t.held_on > ${query.idleSince} and t.held_on <= ${query.asOf}
      ),
      idle as materialized (
        select c.id, c.name, c.parent_id from party_organization c
        where c.kind = 'chi_bo' and c.parent_id in (select id from committees) and ${inForce('c', query.asOf)}
          and c.id not in (select cell_id from recent)
      )
      select c.id as cell_id, c.name as cell_name, k.id as committee_id, k.name as committee_name, k.commune_id, last.held_on as last_visit
      from idle c
      join committees k on k.id = c.parent_id
      left join lateral (
        select max(t.held_on) as held_on from party_cell_attendance t
        where t.cell_id = c.id and t.status = 'present' and t.held_on <= ${query.idleSince}
      ) last on true
      order by last.held_on nulls first, k.name collate "vi-VN-x-icu", c.name collate "vi-VN-x-icu"
      limit ${query.limit}`.execute(db);
    return result.rows;
  }

  /** A person's assignments, each with the days they attended that cell while assigned. */
  async cadreAssignments(db: Db, cadreId: string) {
    const assignments = await db
      .selectFrom('party_cell_assignment as a')
      .innerJoin('party_organization as c', 'c.id', 'a.cell_id')
      .innerJoin('party_cell_frequency as f', 'f.months', 'a.frequency_months')
      .select(['a.id', 'a.cell_id', 'c.name as cell_name', 'a.commune_id', 'a.frequency_months', 'f.name as frequency', 'a.valid_from', 'a.valid_to'])
      .where('a.cadre_id', '=', cadreId)
      .orderBy('a.valid_from', 'desc')
      .execute();
    const visits = await db
      .selectFrom('party_cell_attendance')
      .select(['cell_id', 'held_on'])
      .where('cadre_id', '=', cadreId)
      .where('status', '=', 'present')
      .orderBy('held_on')
      .execute();
    return { assignments, visits };
  }
}
