import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { unitInScope } from '../access/access.js';
import type { Db } from '../db/database.js';
import type { AreaFlag, WeakField } from '../../core/commune-profile.js';

export interface CommuneRow {
  id: string;
  code: string;
  level: string;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  type: string;
}

export interface AreaClassRow {
  id: string;
  commune_id: string;
  flags: AreaFlag[];
  valid_from: string | null;
  valid_to: string | null;
  basis: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface WeakDesignationRow {
  id: string;
  commune_id: string;
  commune_code: string;
  commune_name: string;
  commune_type: string;
  year: number;
  fields: WeakField[];
  reasons: string;
  decision: string | null;
  decided_on: string | null;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface CommuneClassRow extends CommuneRow {
  class_id: string | null;
  flags: AreaFlag[] | null;
  class_from: string | null;
  class_to: string | null;
  basis: string | null;
}

function validOn(alias: string, date: string): RawBuilder<boolean> {
  return sql<boolean>`((${sql.ref(`${alias}.valid_from`)} is null or ${sql.ref(`${alias}.valid_from`)} <= ${date}::date)
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${date}::date))`;
}

/** The commune's name as of a date, or its last one. */
function communeName(communeColumn: string, date: string) {
  return sql`lateral (
    select v.name, v.type from admin_unit_version v where v.unit_id = ${sql.ref(communeColumn)}
    order by (coalesce(v.valid_from, '-infinity'::date) <= ${date}::date) desc, v.valid_from desc nulls last limit 1
  )`;
}

export class CommuneProfileRepository {
  constructor(private readonly db: Db) {}

  async commune(db: Db, id: string, asOf: string): Promise<CommuneRow | undefined> {
    const result = await sql<CommuneRow>`
      select u.id, u.code, u.level, u.valid_from, u.valid_to, n.name, n.type
      from admin_unit u cross join ${communeName('u.id', asOf)} n
      where u.id = ${id}
    `.execute(db);
    return result.rows[0];
  }

  // ---- area classes ----

  /** Oldest first; `lock` when the caller is about to rearrange the periods. */
  async areaClasses(db: Db, communeId: string, lock: boolean): Promise<AreaClassRow[]> {
    return db
      .selectFrom('commune_area_class')
      .selectAll()
      .where('commune_id', '=', communeId)
      .orderBy(sql`valid_from asc nulls first`)
      .orderBy('id')
      .$if(lock, (qb) => qb.forUpdate())
      .execute() as Promise<AreaClassRow[]>;
  }

  async areaClass(db: Db, id: string): Promise<AreaClassRow | undefined> {
    return db.selectFrom('commune_area_class as c').selectAll('c').where('c.id', '=', id).executeTakeFirst() as Promise<AreaClassRow | undefined>;
  }

  /** A first area class for each commune that has none (an administrator's own entries are kept): the demo's and a bulk load's. */
  async insertFirstAreaClasses(db: Db, rows: readonly { communeId: string; flags: readonly AreaFlag[]; basis: string | null }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await sql`
      insert into commune_area_class (commune_id, flags, basis)
      select v.commune_id, string_to_array(v.flags, ','), v.basis
      from unnest(${rows.map((r) => r.communeId)}::bigint[], ${rows.map((r) => r.flags.join(','))}::text[], ${rows.map((r) => r.basis)}::text[])
        as v(commune_id, flags, basis)
      where not exists (select 1 from commune_area_class a where a.commune_id = v.commune_id)
    `.execute(db);
    return Number(result.numAffectedRows ?? 0);
  }

  async insertAreaClass(
    db: Db,
    row: { communeId: string; flags: AreaFlag[]; validFrom: string | null; validTo: string | null; basis: string | null; note: string | null },
  ): Promise<string> {
    const inserted = await db
      .insertInto('commune_area_class')
      .values({ commune_id: row.communeId, flags: row.flags, valid_from: row.validFrom, valid_to: row.validTo, basis: row.basis, note: row.note })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  async updateAreaClass(db: Db, id: string, row: { flags: AreaFlag[]; validTo: string | null; basis: string | null; note: string | null }): Promise<void> {
    await db
      .updateTable('commune_area_class')
      .set({ flags: row.flags, valid_to: row.validTo, basis: row.basis, note: row.note, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async setAreaClassEnd(db: Db, id: string, validTo: string | null): Promise<void> {
    await db.updateTable('commune_area_class').set({ valid_to: validTo, updated_at: new Date() }).where('id', '=', id).execute();
  }

  async deleteAreaClass(db: Db, id: string): Promise<void> {
    await db.deleteFrom('commune_area_class').where('id', '=', id).execute();
  }

  /** Communes valid on `asOf` under `rootId` (any depth), with their class that day. */
  async communeClasses(actor: Actor, rootId: string, asOf: string): Promise<CommuneClassRow[]> {
    const result = await sql<CommuneClassRow>`
      with recursive below(unit_id) as (
        select v.unit_id from admin_unit_version v where v.parent_id = ${rootId} and ${validOn('v', asOf)}
        union all
        select v.unit_id from below b join admin_unit_version v on v.parent_id = b.unit_id and ${validOn('v', asOf)}
      )
      select u.id, u.code, u.level, u.valid_from, u.valid_to, v.name, v.type,
        c.id as class_id, c.flags, c.valid_from as class_from, c.valid_to as class_to, c.basis
      from below b
      join admin_unit u on u.id = b.unit_id and u.level = 'commune'
      join admin_unit_version v on v.unit_id = u.id and ${validOn('v', asOf)}
      left join commune_area_class c on c.commune_id = u.id and ${validOn('c', asOf)}
      where ${unitInScope(actor, 'u.id')}
      order by substr(v.name, char_length(v.type) + 2) collate "vi-VN-x-icu", v.type collate "vi-VN-x-icu", u.code
    `.execute(this.db);
    return result.rows;
  }

  async classesOn(communeIds: readonly string[], asOf: string): Promise<{ commune_id: string; flags: AreaFlag[] }[]> {
    if (communeIds.length === 0) return [];
    const result = await sql<{ commune_id: string; flags: AreaFlag[] }>`
      select c.commune_id, c.flags from commune_area_class c
      where c.commune_id = any(${[...communeIds]}::bigint[]) and ${validOn('c', asOf)}
      order by c.commune_id
    `.execute(this.db);
    return result.rows;
  }

  // ---- weak-unit designations ----

  async designations(
    db: Db,
    /** Whose scope limits the list; null when the caller has already asked the access policy about the record. */
    actor: Actor | null,
    filter: { id: string | null; communeId: string | null; year: number | null; asOf: string | null; rootId: string | null; nameDate: string },
  ): Promise<WeakDesignationRow[]> {
    const result = await sql<WeakDesignationRow>`
      select w.*, u.code as commune_code, n.name as commune_name, n.type as commune_type
      from weak_unit_designation w
      join admin_unit u on u.id = w.commune_id
      cross join ${communeName('w.commune_id', filter.nameDate)} n
      where ${actor === null ? sql`true` : unitInScope(actor, 'w.commune_id')}
        ${filter.id === null ? sql`` : sql`and w.id = ${filter.id}`}
        ${filter.communeId === null ? sql`` : sql`and w.commune_id = ${filter.communeId}`}
        ${filter.year === null ? sql`` : sql`and w.year = ${filter.year}`}
        ${filter.asOf === null ? sql`` : sql`and ${validOn('w', filter.asOf)}`}
        ${filter.rootId === null ? sql`` : sql`and w.commune_id in (select unit_id from unit_scope where root_id = ${filter.rootId})`}
      order by w.year desc, substr(n.name, char_length(n.type) + 2) collate "vi-VN-x-icu", u.code, w.id
    `.execute(db);
    return result.rows;
  }

  async designationOfYear(db: Db, communeId: string, year: number, exceptId: string | null) {
    return db
      .selectFrom('weak_unit_designation')
      .select('id')
      .where('commune_id', '=', communeId)
      .where('year', '=', year)
      .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
      .executeTakeFirst();
  }

  async insertDesignation(
    db: Db,
    row: {
      communeId: string;
      year: number;
      fields: WeakField[];
      reasons: string;
      decision: string | null;
      decidedOn: string | null;
      validFrom: string;
      validTo: string | null;
      note: string | null;
    },
  ): Promise<string> {
    const inserted = await db
      .insertInto('weak_unit_designation')
      .values({
        commune_id: row.communeId,
        year: row.year,
        fields: row.fields,
        reasons: row.reasons,
        decision: row.decision,
        decided_on: row.decidedOn,
        valid_from: row.validFrom,
        valid_to: row.validTo,
        note: row.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  async updateDesignation(
    db: Db,
    id: string,
    row: {
      year: number;
      fields: WeakField[];
      reasons: string;
      decision: string | null;
      decidedOn: string | null;
      validFrom: string;
      validTo: string | null;
      note: string | null;
    },
  ): Promise<void> {
    await db
      .updateTable('weak_unit_designation')
      .set({
        year: row.year,
        fields: row.fields,
        reasons: row.reasons,
        decision: row.decision,
        decided_on: row.decidedOn,
        valid_from: row.validFrom,
        valid_to: row.validTo,
        note: row.note,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  }

  async deleteDesignation(db: Db, id: string): Promise<void> {
    await db.deleteFrom('weak_unit_designation').where('id', '=', id).execute();
  }

  async weakOn(
    asOf: string,
    communeIds: readonly string[] | null,
  ): Promise<{ id: string; commune_id: string; year: number; fields: WeakField[]; reasons: string }[]> {
    const result = await sql<{ id: string; commune_id: string; year: number; fields: WeakField[]; reasons: string }>`
      select w.id, w.commune_id, w.year, w.fields, w.reasons
      from weak_unit_designation w
      where ${validOn('w', asOf)} ${communeIds === null ? sql`` : sql`and w.commune_id = any(${[...communeIds]}::bigint[])`}
      order by w.commune_id, w.year desc, w.id
    `.execute(this.db);
    return result.rows;
  }
}
