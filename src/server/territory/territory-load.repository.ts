import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { CurrentUnit, TransitionPlan, UnitRef } from './territory-plan.js';

/** Writes to the territory: whole official lists (arrays in, one statement per kind of row), date corrections, lineage. */

// Serialises territory loads and corrections across processes (two app instances starting at once).
const TERRITORY_LOCK_KEY = 7_245_001;

export interface LoadRecord {
  id: string;
  name: string;
  kind: 'official' | 'update';
  file_hash: string;
  list_date: string;
  open_start: boolean;
  replaces_all: boolean;
  description: string;
  summary: unknown;
  loaded_at: Date;
  loaded_by: string | null;
}

export interface ChangeForCorrection {
  id: string;
  unit_id: string;
  kind: 'established' | 'changed' | 'ended';
  effective_date: string;
  date_source: string;
  date_basis: string;
  load_id: string | null;
  version_id: string | null;
  level: string;
  code: string;
  version_from: string | null;
  version_to: string | null;
  previous_version_id: string | null;
  previous_version_from: string | null;
}

export class TerritoryLoadRepository {
  async lock(trx: Db): Promise<void> {
    await sql`select pg_advisory_xact_lock(${TERRITORY_LOCK_KEY})`.execute(trx);
  }

  async countryId(db: Db): Promise<string> {
    const row = await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').orderBy('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async hasSubnationalUnits(db: Db): Promise<boolean> {
    const row = await db.selectFrom('admin_unit').select('id').where('level', '<>', 'country').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  loads(db: Db): Promise<LoadRecord[]> {
    return db.selectFrom('territory_load').selectAll().orderBy('list_date').orderBy('id').execute() as Promise<LoadRecord[]>;
  }

  async latestListDate(db: Db): Promise<string | null> {
    const row = await db
      .selectFrom('territory_load')
      .select((eb) => eb.fn.max('list_date').as('latest'))
      .executeTakeFirst();
    return (row?.latest as string | null | undefined) ?? null;
  }

  /** Every unit below the country valid on `date`, with the version valid that day. */
  async unitsValidOn(db: Db, date: string): Promise<CurrentUnit[]> {
    const result = await sql<{
      id: string;
      level: CurrentUnit['level'];
      code: string;
      name: string;
      type: string;
      parent_id: string;
      version_id: string;
      version_from: string | null;
    }>`
      select u.id, u.level, u.code, v.name, v.type, v.parent_id, v.id as version_id, v.valid_from as version_from
      from admin_unit u
      join admin_unit_version v on v.unit_id = u.id
      where u.level <> 'country'
        and (v.valid_from is null or v.valid_from <= ${date}::date)
        and (v.valid_to is null or v.valid_to >= ${date}::date)
      order by u.level, u.code
    `.execute(db);
    return result.rows.map((row) => ({
      id: row.id,
      level: row.level,
      code: row.code,
      name: row.name,
      type: row.type,
      parentId: row.parent_id,
      versionId: row.version_id,
      versionFrom: row.version_from,
    }));
  }

  async lineagePairs(db: Db): Promise<{ predecessorId: string; successorId: string }[]> {
    const rows = await db.selectFrom('admin_unit_lineage').select(['predecessor_id', 'successor_id']).execute();
    return rows.map((row) => ({ predecessorId: row.predecessor_id, successorId: row.successor_id }));
  }

  async insertLoad(
    db: Db,
    load: {
      name: string;
      kind: 'official' | 'update';
      fileHash: string;
      listDate: string;
      openStart: boolean;
      replacesAll: boolean;
      description: string;
      loadedBy: string | null;
    },
  ): Promise<string> {
    const row = await db
      .insertInto('territory_load')
      .values({
        name: load.name,
        kind: load.kind,
        file_hash: load.fileHash,
        list_date: load.listDate,
        open_start: load.openStart,
        replaces_all: load.replacesAll,
        description: load.description,
        loaded_by: load.loadedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async saveLoadSummary(db: Db, loadId: string, summary: unknown): Promise<void> {
    await db
      .updateTable('territory_load')
      .set({ summary: JSON.stringify(summary) })
      .where('id', '=', loadId)
      .execute();
  }

  async applyPlan(db: Db, plan: TransitionPlan, loadId: string | null, source: string): Promise<void> {
    const ids = new Map<UnitRef, string>();
    if (plan.newUnits.length > 0) {
      const inserted = await sql<{ id: string; level: string; code: string }>`
        insert into admin_unit (level, code, valid_from)
        select level, code, valid_from
        from unnest(${plan.newUnits.map((u) => u.level)}::text[], ${plan.newUnits.map((u) => u.code)}::text[], ${plan.newUnits.map((u) => u.validFrom)}::date[])
          as x(level, code, valid_from)
        returning id, level, code
      `.execute(db);
      for (const row of inserted.rows) ids.set(`new:${row.level}:${row.code}`, row.id);
    }
    const resolve = (ref: UnitRef): string => {
      if (!ref.startsWith('new:')) return ref;
      const id = ids.get(ref);
      if (!id) throw new Error(`unresolved unit reference ${ref}`);
      return id;
    };

    if (plan.closedVersions.length > 0) {
      await sql`
        update admin_unit_version v set valid_to = x.valid_to
        from unnest(${plan.closedVersions.map((c) => c.versionId)}::bigint[], ${plan.closedVersions.map((c) => c.validTo)}::date[]) as x(id, valid_to)
        where v.id = x.id
      `.execute(db);
    }
    if (plan.endedUnits.length > 0) {
      await sql`
        update admin_unit u set valid_to = x.valid_to
        from unnest(${plan.endedUnits.map((e) => e.unitId)}::bigint[], ${plan.endedUnits.map((e) => e.validTo)}::date[]) as x(id, valid_to)
        where u.id = x.id
      `.execute(db);
    }

    const versionOfUnit = new Map<string, string>();
    if (plan.newVersions.length > 0) {
      const inserted = await sql<{ id: string; unit_id: string }>`
        insert into admin_unit_version (unit_id, valid_from, name, name_folded, type, parent_id, source)
        select unit_id, valid_from, name, fold_vi(name), type, parent_id, ${source}
        from unnest(
          ${plan.newVersions.map((v) => resolve(v.unitRef))}::bigint[],
          ${plan.newVersions.map((v) => v.validFrom)}::date[],
          ${plan.newVersions.map((v) => v.name)}::text[],
          ${plan.newVersions.map((v) => v.type)}::text[],
          ${plan.newVersions.map((v) => resolve(v.parentRef))}::bigint[]
        ) as x(unit_id, valid_from, name, type, parent_id)
        returning id, unit_id
      `.execute(db);
      for (const row of inserted.rows) versionOfUnit.set(row.unit_id, row.id);
    }

    if (plan.lineage.length > 0) {
      await sql`
        insert into admin_unit_lineage (predecessor_id, successor_id, effective_date, kind, note, source)
        select * from unnest(
          ${plan.lineage.map((l) => resolve(l.predecessorRef))}::bigint[],
          ${plan.lineage.map((l) => resolve(l.successorRef))}::bigint[],
          ${plan.lineage.map((l) => l.effectiveDate)}::date[],
          ${plan.lineage.map((l) => l.kind)}::text[],
          ${plan.lineage.map((l) => l.note)}::text[],
          ${plan.lineage.map((l) => l.source)}::text[]
        )
      `.execute(db);
    }

    if (plan.changes.length > 0) {
      const unitIds = plan.changes.map((c) => resolve(c.unitRef));
      await sql`
        insert into admin_unit_change (unit_id, kind, effective_date, original_date, date_source, date_basis, version_id, details, load_id)
        select unit_id, kind, effective_date, effective_date, date_source, date_basis, version_id, details, ${loadId}::bigint
        from unnest(
          ${unitIds}::bigint[],
          ${plan.changes.map((c) => c.kind)}::text[],
          ${plan.changes.map((c) => c.effectiveDate)}::date[],
          ${plan.changes.map((c) => c.dateSource)}::text[],
          ${plan.changes.map((c) => c.dateBasis)}::text[],
          ${plan.changes.map((c, i) => c.closedVersionId ?? versionOfUnit.get(unitIds[i]!) ?? null)}::bigint[],
          ${plan.changes.map((c) => JSON.stringify(c.details))}::jsonb[]
        ) as x(unit_id, kind, effective_date, date_source, date_basis, version_id, details)
      `.execute(db);
    }
  }

  async changeForCorrection(db: Db, id: string): Promise<ChangeForCorrection | undefined> {
    const result = await sql<ChangeForCorrection>`
      select c.id, c.unit_id, c.kind, c.effective_date, c.date_source, c.date_basis, c.load_id, c.version_id,
        u.level, u.code,
        v.valid_from as version_from, v.valid_to as version_to,
        prev.id as previous_version_id, prev.valid_from as previous_version_from
      from admin_unit_change c
      join admin_unit u on u.id = c.unit_id
      left join admin_unit_version v on v.id = c.version_id
      left join admin_unit_version prev on c.kind = 'changed' and prev.unit_id = c.unit_id and prev.valid_to = c.effective_date - 1
      where c.id = ${id}
      for update of c
    `.execute(db);
    return result.rows[0];
  }

  /**
   * Changes that happened because of this one, in the same load and on the same day:
   * the moves and ends of the children of a dissolved unit, the moves into and
   * establishments inside a new one. Correcting the date of the cause moves them too.
   */
  async dependentChangeIds(db: Db, change: ChangeForCorrection): Promise<string[]> {
    if (change.kind === 'changed') return [];
    const result =
      change.kind === 'ended'
        ? await sql<{ id: string }>`
            select distinct c.id from admin_unit_change c
            join admin_unit_version v on v.unit_id = c.unit_id
            where v.parent_id = ${change.unit_id} and v.valid_to = ${change.effective_date}::date - 1
              and c.kind in ('changed', 'ended') and c.effective_date = ${change.effective_date}::date
              and c.load_id is not distinct from ${change.load_id}::bigint and c.id <> ${change.id}
            order by c.id`.execute(db)
        : await sql<{ id: string }>`
            select distinct c.id from admin_unit_change c
            join admin_unit_version v on v.unit_id = c.unit_id
            where v.parent_id = ${change.unit_id} and v.valid_from = ${change.effective_date}::date
              and c.kind in ('changed', 'established') and c.effective_date = ${change.effective_date}::date
              and c.load_id is not distinct from ${change.load_id}::bigint and c.id <> ${change.id}
            order by c.id`.execute(db);
    return result.rows.map((row) => row.id);
  }

  /** Moves one change to `date`: the version boundary, the unit's start or end, and its lineage. */
  async moveChange(db: Db, change: ChangeForCorrection, date: string, correction: { basis: string; userId: string | null }): Promise<void> {
    if (change.kind === 'changed') {
      await sql`update admin_unit_version set valid_from = ${date}::date where id = ${change.version_id}`.execute(db);
      if (change.previous_version_id) {
        await sql`update admin_unit_version set valid_to = ${date}::date - 1 where id = ${change.previous_version_id}`.execute(db);
      }
    } else if (change.kind === 'ended') {
      await sql`update admin_unit set valid_to = ${date}::date - 1 where id = ${change.unit_id}`.execute(db);
      await sql`update admin_unit_version set valid_to = ${date}::date - 1 where id = ${change.version_id}`.execute(db);
      await sql`update admin_unit_lineage set effective_date = ${date}::date
        where predecessor_id = ${change.unit_id} and effective_date = ${change.effective_date}::date`.execute(db);
    } else {
      await sql`update admin_unit set valid_from = ${date}::date where id = ${change.unit_id}`.execute(db);
      await sql`update admin_unit_version set valid_from = ${date}::date where id = ${change.version_id}`.execute(db);
      await sql`update admin_unit_lineage set effective_date = ${date}::date
        where successor_id = ${change.unit_id} and effective_date = ${change.effective_date}::date`.execute(db);
    }
    await db
      .updateTable('admin_unit_change')
      .set({ effective_date: date, date_source: 'admin', date_basis: correction.basis, corrected_at: new Date(), corrected_by: correction.userId })
      .where('id', '=', change.id)
      .execute();
  }

  async insertLineage(
    db: Db,
    link: { predecessorId: string; successorId: string; effectiveDate: string; kind: string; note: string | null; source: string },
  ): Promise<string | undefined> {
    const row = await db
      .insertInto('admin_unit_lineage')
      .values({
        predecessor_id: link.predecessorId,
        successor_id: link.successorId,
        effective_date: link.effectiveDate,
        kind: link.kind,
        note: link.note,
        source: link.source,
      })
      .onConflict((oc) => oc.constraint('admin_unit_lineage_pair').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  async deleteLineage(db: Db, id: string) {
    return db.deleteFrom('admin_unit_lineage').where('id', '=', id).returningAll().executeTakeFirst();
  }

  /**
   * Gives the planner the real size of the tables a list was just written to. After a
   * refused load autovacuum records them as nearly empty (every row it saw was dead); the
   * checks below then join tens of thousands of fresh rows with nested loops and run for
   * many minutes. Uncommitted rows of this transaction are counted.
   */
  async refreshStatistics(db: Db): Promise<void> {
    await sql`analyze admin_unit, admin_unit_version, admin_unit_lineage, admin_unit_change`.execute(db);
  }

  /**
   * The invariants every load and correction must keep, checked set-based in the same
   * transaction; returns a Vietnamese description of the first violation.
   */
  async findInconsistency(db: Db): Promise<string | null> {
    const duplicate = await sql<{ level: string; code: string; a_from: string | null; b_from: string | null }>`
      select a.level, a.code, a.valid_from as a_from, b.valid_from as b_from
      from admin_unit a
      join admin_unit b on b.level = a.level and b.code = a.code and b.id > a.id
      where coalesce(a.valid_from, '-infinity'::date) <= coalesce(b.valid_to, 'infinity'::date)
        and coalesce(b.valid_from, '-infinity'::date) <= coalesce(a.valid_to, 'infinity'::date)
      limit 1
    `.execute(db);
    const dup = duplicate.rows[0];
    if (dup) return `Mã ${dup.code} được dùng cho hai đơn vị cùng cấp có hiệu lực trùng nhau: một mã chỉ xác định một đơn vị tại một ngày`;

    const overlapping = await sql<{ code: string; name: string }>`
      select u.code, a.name
      from admin_unit_version a
      join admin_unit_version b on b.unit_id = a.unit_id and b.id > a.id
      join admin_unit u on u.id = a.unit_id
      where coalesce(a.valid_from, '-infinity'::date) <= coalesce(b.valid_to, 'infinity'::date)
        and coalesce(b.valid_from, '-infinity'::date) <= coalesce(a.valid_to, 'infinity'::date)
      limit 1
    `.execute(db);
    const overlap = overlapping.rows[0];
    if (overlap) return `${overlap.name} (mã ${overlap.code}) có hai trạng thái cùng hiệu lực một lúc`;

    const outside = await sql<{ code: string; name: string }>`
      select u.code, v.name
      from admin_unit_version v
      join admin_unit u on u.id = v.unit_id
      where (u.valid_from is not null and (v.valid_from is null or v.valid_from < u.valid_from))
         or (u.valid_to is not null and (v.valid_to is null or v.valid_to > u.valid_to))
      limit 1
    `.execute(db);
    const out = outside.rows[0];
    if (out) return `${out.name} (mã ${out.code}) có trạng thái nằm ngoài thời gian tồn tại của đơn vị`;

    const orphan = await sql<{ code: string; name: string; parent_code: string }>`
      select u.code, v.name, p.code as parent_code
      from admin_unit_version v
      join admin_unit u on u.id = v.unit_id
      join admin_unit p on p.id = v.parent_id
      where array_position(array['country', 'province', 'district', 'commune'], p.level)
              >= array_position(array['country', 'province', 'district', 'commune'], u.level)
         or coalesce(p.valid_from, '-infinity'::date) > coalesce(v.valid_from, '-infinity'::date)
         or coalesce(p.valid_to, 'infinity'::date) < coalesce(v.valid_to, 'infinity'::date)
      limit 1
    `.execute(db);
    const bad = orphan.rows[0];
    if (bad) return `${bad.name} (mã ${bad.code}) thuộc đơn vị cấp trên mã ${bad.parent_code} trong thời gian đơn vị đó không tồn tại hoặc không phải cấp trên`;

    const cycle = await sql<{ code: string }>`
      with recursive walk(start_id, node_id, depth) as (
        select predecessor_id, successor_id, 1 from admin_unit_lineage
        union all
        select w.start_id, l.successor_id, w.depth + 1
        from walk w
        join admin_unit_lineage l on l.predecessor_id = w.node_id
        where w.node_id <> w.start_id and w.depth < 30
      )
      select u.code from walk w join admin_unit u on u.id = w.start_id where w.node_id = w.start_id limit 1
    `.execute(db);
    const loop = cycle.rows[0];
    if (loop) return `Quan hệ kế thừa tạo vòng lặp qua đơn vị mã ${loop.code}`;
    return null;
  }
}
