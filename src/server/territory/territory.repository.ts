import { escapeLike } from '../db/like.js';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ChangeDateSource, ChangeKind, LineageKind, UnitLevel } from './territory.tables.js';

/** Reads of the unit tree at a date. A unit is valid on D when one of its versions is. */

function validOn(alias: string, date: string): RawBuilder<boolean> {
  return sql<boolean>`((${sql.ref(`${alias}.valid_from`)} is null or ${sql.ref(`${alias}.valid_from`)} <= ${date}::date)
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${date}::date))`;
}

/**
 * The unit's two nearest ancestors as named on `dateSql`, for a path such as
 * "Tỉnh Bắc Giang › Huyện Lạng Giang" (the country is left out by the presenter).
 */
function ancestorJoins(parentColumn: RawBuilder<unknown>, dateSql: RawBuilder<unknown>) {
  return sql`
    left join lateral (
      select pu.level as p1_level, pv.name as p1_name, pv.parent_id as p1_parent
      from admin_unit_version pv join admin_unit pu on pu.id = pv.unit_id
      where pv.unit_id = ${parentColumn} and coalesce(pv.valid_from, '-infinity'::date) <= ${dateSql}
      order by pv.valid_from desc nulls last limit 1
    ) p1 on true
    left join lateral (
      select pu.level as p2_level, pv.name as p2_name
      from admin_unit_version pv join admin_unit pu on pu.id = pv.unit_id
      where pv.unit_id = p1.p1_parent and coalesce(pv.valid_from, '-infinity'::date) <= ${dateSql}
      order by pv.valid_from desc nulls last limit 1
    ) p2 on true`;
}

export interface AncestorColumns {
  p1_level: UnitLevel | null;
  p1_name: string | null;
  p2_level: UnitLevel | null;
  p2_name: string | null;
}

export interface UnitRow extends AncestorColumns {
  id: string;
  code: string;
  level: UnitLevel;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  type: string;
  parent_id: string | null;
}

export interface ChildRow extends UnitRow {
  child_count: number;
}

export interface SearchRow extends UnitRow {
  rank: number;
}

export interface TreeRow {
  id: string;
  code: string;
  level: UnitLevel;
  name: string;
  type: string;
  parent_id: string;
  depth: number;
}

export interface VersionRow {
  id: string;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  type: string;
  source: string;
  parent_id: string | null;
  parent_code: string | null;
  parent_level: UnitLevel | null;
  parent_name: string | null;
  parent_type: string | null;
}

export interface ChangeRow {
  id: string;
  unit_id: string;
  unit_code: string;
  unit_level: UnitLevel;
  unit_name: string;
  unit_type: string;
  kind: ChangeKind;
  effective_date: string;
  original_date: string;
  date_source: ChangeDateSource;
  date_basis: string;
  version_id: string | null;
  details: unknown;
  load_id: string | null;
  corrected_at: Date | null;
}

export interface LineageRow {
  id: string;
  direction: 'predecessor' | 'successor';
  generation: number;
  effective_date: string;
  kind: LineageKind;
  note: string | null;
  source: string;
  via_id: string;
  unit_id: string;
  code: string;
  level: UnitLevel;
  name: string;
  type: string;
}

export interface CountRow {
  level: UnitLevel;
  type: string;
  direct: boolean;
  count: number;
}

export interface RolledRow {
  origin_id: string;
  unit_id: string;
  whole: boolean;
}

export interface NameRow {
  id: string;
  code: string;
  level: UnitLevel;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  type: string;
}

/** Official lists are read by the name after the type: "Tỉnh An Giang" before "Thành phố Cần Thơ". */
function byProperName(alias: string): RawBuilder<unknown> {
  const name = sql.ref(`${alias}.name`);
  const type = sql.ref(`${alias}.type`);
  return sql`substr(${name}, char_length(${type}) + 2) collate "vi-VN-x-icu", ${type} collate "vi-VN-x-icu"`;
}

/** Versions ranked for "the unit as of D": the one valid on D, else the latest before D, else the first after. */
const RANK_AS_OF = (date: string) => sql`
  case when ${validOn('v', date)} then 0 when coalesce(v.valid_from, '-infinity'::date) <= ${date}::date then 1 else 2 end,
  case when coalesce(v.valid_from, '-infinity'::date) <= ${date}::date then v.valid_from end desc nulls last,
  v.valid_from asc`;

// In the lineage query the date to name a linked unit by is a column, not a parameter.
const RANK_AS_OF_COLUMN = sql`
  case when (v.valid_from is null or v.valid_from <= k.name_date) and (v.valid_to is null or v.valid_to >= k.name_date) then 0
       when coalesce(v.valid_from, '-infinity'::date) <= k.name_date then 1 else 2 end,
  case when coalesce(v.valid_from, '-infinity'::date) <= k.name_date then v.valid_from end desc nulls last,
  v.valid_from asc`;

export class TerritoryRepository {
  constructor(private readonly db: Db) {}

  async children(parentId: string, asOf: string, scopeRoot: string | null): Promise<ChildRow[]> {
    const result = await sql<ChildRow>`
      select u.id, u.code, u.level, u.valid_from, u.valid_to, v.name, v.type, v.parent_id,
        (select count(*)::int from admin_unit_version c where c.parent_id = u.id and ${validOn('c', asOf)}) as child_count,
        p1.*, p2.*
      from admin_unit_version v
      join admin_unit u on u.id = v.unit_id
      ${ancestorJoins(sql`v.parent_id`, sql`${asOf}::date`)}
      where v.parent_id = ${parentId} and ${validOn('v', asOf)}
        ${scopeRoot === null ? sql`` : sql`and u.id in (select unit_id from unit_scope where root_id = ${scopeRoot})`}
      order by ${byProperName('v')}, u.code, u.id
    `.execute(this.db);
    return result.rows;
  }

  async unitAsOf(id: string, asOf: string): Promise<UnitRow | undefined> {
    const result = await sql<UnitRow>`
      select u.id, u.code, u.level, u.valid_from, u.valid_to, x.name, x.type, x.parent_id, p1.*, p2.*
      from admin_unit u
      cross join lateral (
        select v.name, v.type, v.parent_id, v.valid_from, v.valid_to from admin_unit_version v where v.unit_id = u.id
        order by ${RANK_AS_OF(asOf)} limit 1
      ) x
      ${ancestorJoins(sql`x.parent_id`, sql`least(greatest(${asOf}::date, coalesce(x.valid_from, ${asOf}::date)), coalesce(x.valid_to, 'infinity'::date))`)}
      where u.id = ${id}
    `.execute(this.db);
    return result.rows[0];
  }

  async byCode(code: string, asOf: string, level: UnitLevel | null): Promise<UnitRow | undefined> {
    const result = await sql<{ id: string }>`
      select u.id from admin_unit u
      join admin_unit_version v on v.unit_id = u.id
      where u.code = ${code} and ${validOn('v', asOf)} ${level === null ? sql`` : sql`and u.level = ${level}`}
      order by array_position(array['country', 'province', 'district', 'commune'], u.level), u.id
      limit 1
    `.execute(this.db);
    const found = result.rows[0];
    return found ? this.unitAsOf(found.id, asOf) : undefined;
  }

  async search(filter: { folded: string; digits: boolean; asOf: string | null; today: string; limit: number; scopeRoot: string | null }): Promise<SearchRow[]> {
    const pattern = `%${escapeLike(filter.folded)}%`;
    const prefix = `${escapeLike(filter.folded)}%`;
    const pathDate = sql`coalesce(${filter.asOf}::date, case when m.version_to < ${filter.today}::date then m.version_to
      when m.version_from > ${filter.today}::date then m.version_from else ${filter.today}::date end)`;
    const result = await sql<SearchRow>`
      with matches as (
        select distinct on (v.unit_id) v.unit_id, v.name, v.type, v.parent_id, v.valid_from as version_from, v.valid_to as version_to,
          case
            when fold_vi(substr(v.name, char_length(v.type) + 2)) = ${filter.folded} or v.name_folded = ${filter.folded} or u.code = ${filter.folded} then 0
            when fold_vi(substr(v.name, char_length(v.type) + 2)) like ${prefix} escape '\\' then 1
            else 2
          end as rank
        from admin_unit_version v
        join admin_unit u on u.id = v.unit_id
        where u.level <> 'country'
          and (v.name_folded like ${pattern} escape '\\' ${filter.digits ? sql`or u.code like ${prefix} escape '\\'` : sql``})
          ${filter.asOf === null ? sql`` : sql`and ${validOn('v', filter.asOf)}`}
          ${filter.scopeRoot === null ? sql`` : sql`and u.id in (select unit_id from unit_scope where root_id = ${filter.scopeRoot})`}
        order by v.unit_id, v.valid_from desc nulls last
      )
      select u.id, u.code, u.level, u.valid_from, u.valid_to, m.name, m.type, m.parent_id, m.rank, p1.*, p2.*
      from matches m
      join admin_unit u on u.id = m.unit_id
      ${ancestorJoins(sql`m.parent_id`, pathDate)}
      order by m.rank,
        (u.valid_to is null or u.valid_to >= ${filter.today}::date) desc,
        array_position(array['province', 'district', 'commune'], u.level),
        ${byProperName('m')}, u.code, u.id
      limit ${filter.limit}
    `.execute(this.db);
    return result.rows;
  }

  async tree(rootId: string, asOf: string, maxDepth: number): Promise<TreeRow[]> {
    const result = await sql<TreeRow>`
      with recursive valid_version as materialized (
        select v.unit_id, v.parent_id, v.name, v.type from admin_unit_version v where ${validOn('v', asOf)}
      ),
      tree(unit_id, parent_id, name, type, depth) as (
        select unit_id, parent_id, name, type, 1 from valid_version where parent_id = ${rootId}
        union all
        select c.unit_id, c.parent_id, c.name, c.type, t.depth + 1
        from tree t join valid_version c on c.parent_id = t.unit_id
        where t.depth < ${maxDepth}
      )
      select u.id, u.code, u.level, t.name, t.type, t.parent_id, t.depth
      from tree t join admin_unit u on u.id = t.unit_id
      order by t.depth, ${byProperName('t')}, u.code, u.id
    `.execute(this.db);
    return result.rows;
  }

  async versions(unitId: string): Promise<VersionRow[]> {
    const result = await sql<VersionRow>`
      select v.id, v.valid_from, v.valid_to, v.name, v.type, v.source, v.parent_id,
        pu.code as parent_code, pu.level as parent_level, pn.name as parent_name, pn.type as parent_type
      from admin_unit_version v
      left join admin_unit pu on pu.id = v.parent_id
      left join lateral (
        select pv.name, pv.type from admin_unit_version pv
        where pv.unit_id = v.parent_id and coalesce(pv.valid_from, '-infinity'::date) <= coalesce(v.valid_to, 'infinity'::date)
        order by pv.valid_from desc nulls last limit 1
      ) pn on true
      where v.unit_id = ${unitId}
      order by v.valid_from asc nulls first, v.id
    `.execute(this.db);
    return result.rows;
  }

  async changesOfUnit(unitId: string): Promise<ChangeRow[]> {
    return this.changes({ unitId, ids: null, withinRoot: null, dateSource: null, from: null, to: null, offset: 0, limit: 1000 }).then((r) => r.rows);
  }

  async changes(filter: {
    unitId: string | null;
    ids: string[] | null;
    withinRoot: string | null;
    dateSource: ChangeDateSource | null;
    from: string | null;
    to: string | null;
    offset: number;
    limit: number;
  }): Promise<{ rows: ChangeRow[]; total: number }> {
    const where = sql`true
      ${filter.unitId === null ? sql`` : sql`and c.unit_id = ${filter.unitId}`}
      ${filter.ids === null ? sql`` : sql`and c.id = any(${filter.ids}::bigint[])`}
      ${filter.withinRoot === null ? sql`` : sql`and c.unit_id in (select unit_id from unit_scope where root_id = ${filter.withinRoot})`}
      ${filter.dateSource === null ? sql`` : sql`and c.date_source = ${filter.dateSource}`}
      ${filter.from === null ? sql`` : sql`and c.effective_date >= ${filter.from}::date`}
      ${filter.to === null ? sql`` : sql`and c.effective_date <= ${filter.to}::date`}`;
    const [rows, total] = await Promise.all([
      sql<ChangeRow>`
        select c.id, c.unit_id, u.code as unit_code, u.level as unit_level, n.name as unit_name, n.type as unit_type,
          c.kind, c.effective_date, c.original_date, c.date_source, c.date_basis, c.version_id, c.details, c.load_id, c.corrected_at
        from admin_unit_change c
        join admin_unit u on u.id = c.unit_id
        cross join lateral (
          select v.name, v.type from admin_unit_version v where v.unit_id = c.unit_id
          order by (coalesce(v.valid_from, '-infinity'::date) <= c.effective_date) desc, v.valid_from desc nulls last limit 1
        ) n
        where ${where}
        order by c.effective_date, array_position(array['province', 'district', 'commune'], u.level), n.name collate "vi-VN-x-icu", c.id
        offset ${filter.offset} limit ${filter.limit}
      `.execute(this.db),
      sql<{ total: number }>`select count(*)::int as total from admin_unit_change c where ${where}`.execute(this.db),
    ]);
    return { rows: rows.rows, total: total.rows[0]?.total ?? 0 };
  }

  async lineage(unitId: string): Promise<LineageRow[]> {
    const result = await sql<LineageRow>`
      with recursive back(unit_id, lineage_id, generation) as (
        select l.predecessor_id, l.id, 1 from admin_unit_lineage l where l.successor_id = ${unitId}
        union
        select l.predecessor_id, l.id, b.generation + 1
        from back b join admin_unit_lineage l on l.successor_id = b.unit_id
        where b.generation < 10
      ),
      forth(unit_id, lineage_id, generation) as (
        select l.successor_id, l.id, 1 from admin_unit_lineage l where l.predecessor_id = ${unitId}
        union
        select l.successor_id, l.id, f.generation + 1
        from forth f join admin_unit_lineage l on l.predecessor_id = f.unit_id
        where f.generation < 10
      ),
      links as (
        select 'predecessor' as direction, b.generation, l.*, l.successor_id as via_id, b.unit_id as linked_id,
          (l.effective_date - 1) as name_date
        from back b join admin_unit_lineage l on l.id = b.lineage_id
        union all
        select 'successor', f.generation, l.*, l.predecessor_id, f.unit_id, l.effective_date
        from forth f join admin_unit_lineage l on l.id = f.lineage_id
      )
      select k.id, k.direction, k.generation, k.effective_date, k.kind, k.note, k.source, k.via_id,
        u.id as unit_id, u.code, u.level, n.name, n.type
      from links k
      join admin_unit u on u.id = k.linked_id
      cross join lateral (
        select v.name, v.type from admin_unit_version v where v.unit_id = u.id
        order by ${RANK_AS_OF_COLUMN}
        limit 1
      ) n
      order by k.direction, k.generation, k.effective_date, n.name collate "vi-VN-x-icu", u.code, k.id
    `.execute(this.db);
    return result.rows;
  }

  async lineageById(id: string, db: Db = this.db) {
    return db.selectFrom('admin_unit_lineage').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async counts(unitId: string, asOf: string): Promise<CountRow[]> {
    const result = await sql<CountRow>`
      with recursive valid_version as materialized (
        select v.unit_id, v.parent_id, v.type from admin_unit_version v where ${validOn('v', asOf)}
      ),
      below(unit_id, type, depth) as (
        select unit_id, type, 1 from valid_version where parent_id = ${unitId}
        union all
        select c.unit_id, c.type, b.depth + 1 from below b join valid_version c on c.parent_id = b.unit_id where b.depth < 5
      )
      select u.level, b.type, b.depth = 1 as direct, count(*)::int as count
      from below b join admin_unit u on u.id = b.unit_id
      group by u.level, b.type, b.depth = 1
      order by array_position(array['province', 'district', 'commune'], u.level), b.type collate "vi-VN-x-icu", direct desc
    `.execute(this.db);
    return result.rows;
  }

  /** For each unit, the units valid on `asOf` that it now lies in (see rollForward in the service). */
  async rollForward(unitIds: readonly string[], asOf: string): Promise<RolledRow[]> {
    if (unitIds.length === 0) return [];
    const result = await sql<RolledRow>`
      with recursive walk(origin_id, unit_id, whole, depth) as (
        select u.id, u.id, true, 0 from admin_unit u where u.id = any(${[...unitIds]}::bigint[])
        union
        select w.origin_id, nxt.unit_id, w.whole and nxt.whole, w.depth + 1
        from walk w
        join admin_unit u on u.id = w.unit_id
        cross join lateral (
          select l.successor_id as unit_id, l.kind <> 'part' as whole
          from admin_unit_lineage l where l.predecessor_id = u.id
          union all
          select v.parent_id, true
          from admin_unit_version v
          where v.unit_id = u.id and v.valid_to = u.valid_to and v.parent_id is not null
            and not exists (select 1 from admin_unit_lineage l2 where l2.predecessor_id = u.id)
        ) nxt
        where u.valid_to is not null and u.valid_to < ${asOf}::date and w.depth < 20
      )
      select w.origin_id, w.unit_id, bool_or(w.whole) as whole
      from walk w join admin_unit u on u.id = w.unit_id
      where ${validOn('u', asOf)}
      group by w.origin_id, w.unit_id
      order by w.origin_id, w.unit_id
    `.execute(this.db);
    return result.rows;
  }

  async namesAsOf(unitIds: readonly string[], asOf: string): Promise<NameRow[]> {
    if (unitIds.length === 0) return [];
    const result = await sql<NameRow>`
      select distinct on (v.unit_id) u.id, u.code, u.level, u.valid_from, u.valid_to, v.name, v.type
      from admin_unit_version v join admin_unit u on u.id = v.unit_id
      where v.unit_id = any(${[...unitIds]}::bigint[])
      order by v.unit_id, ${RANK_AS_OF(asOf)}
    `.execute(this.db);
    return result.rows;
  }

  async unitExists(id: string, db: Db = this.db): Promise<{ id: string; level: UnitLevel; valid_from: string | null; valid_to: string | null } | undefined> {
    return db.selectFrom('admin_unit').select(['id', 'level', 'valid_from', 'valid_to']).where('id', '=', id).executeTakeFirst();
  }
}
