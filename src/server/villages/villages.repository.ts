import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { VillageKind } from './villages.tables.js';

export interface CommuneRow {
  id: string;
  code: string;
  level: string;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  type: string;
}

export interface VillageRow {
  id: string;
  commune_id: string;
  kind: VillageKind;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  cell_count: number;
}

export interface Period {
  validFrom: string | null;
  validTo: string | null;
}

/** Two periods share at least one day; null ends are open. */
export function overlaps(alias: string, period: Period): RawBuilder<boolean> {
  return sql<boolean>`(coalesce(${sql.ref(`${alias}.valid_from`)}, '-infinity'::date) <= coalesce(${period.validTo}::date, 'infinity'::date)
    and coalesce(${period.validFrom}::date, '-infinity'::date) <= coalesce(${sql.ref(`${alias}.valid_to`)}, 'infinity'::date))`;
}

export function validOn(alias: string, date: string): RawBuilder<boolean> {
  return sql<boolean>`((${sql.ref(`${alias}.valid_from`)} is null or ${sql.ref(`${alias}.valid_from`)} <= ${date}::date)
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${date}::date))`;
}

export class VillagesRepository {
  constructor(private readonly db: Db) {}

  /** The unit and its name as of `asOf` (or its last name if it no longer exists). */
  async commune(db: Db, id: string, asOf: string): Promise<CommuneRow | undefined> {
    const result = await sql<CommuneRow>`
      select u.id, u.code, u.level, u.valid_from, u.valid_to, v.name, v.type
      from admin_unit u
      cross join lateral (
        select v.name, v.type from admin_unit_version v where v.unit_id = u.id
        order by (coalesce(v.valid_from, '-infinity'::date) <= ${asOf}::date) desc, v.valid_from desc nulls last limit 1
      ) v
      where u.id = ${id}
    `.execute(db);
    return result.rows[0];
  }

  async communeByCode(db: Db, code: string, asOf: string): Promise<CommuneRow | undefined> {
    const result = await sql<CommuneRow>`
      select u.id, u.code, u.level, u.valid_from, u.valid_to, v.name, v.type
      from admin_unit u join admin_unit_version v on v.unit_id = u.id
      where u.code = ${code} and u.level = 'commune' and ${validOn('v', asOf)}
      limit 1
    `.execute(db);
    return result.rows[0];
  }

  private villageQuery(db: Db) {
    return db
      .selectFrom('village as v')
      .select((eb) => [
        'v.id',
        'v.commune_id',
        'v.kind',
        'v.name',
        'v.valid_from',
        'v.valid_to',
        'v.note',
        'v.created_at',
        'v.updated_at',
        eb.selectFrom('party_organization as o').select(sql<number>`count(*)::int`.as('n')).whereRef('o.village_id', '=', 'v.id').as('cell_count'),
      ]);
  }

  async listVillages(communeId: string, asOf: string | null): Promise<VillageRow[]> {
    return (await this.villageQuery(this.db)
      .where('v.commune_id', '=', communeId)
      .$if(asOf !== null, (qb) => qb.where(validOn('v', asOf!)))
      .orderBy(sql`v.name collate "vi-VN-x-icu"`)
      .orderBy('v.valid_from')
      .orderBy('v.id')
      .execute()) as VillageRow[];
  }

  async village(db: Db, id: string): Promise<VillageRow | undefined> {
    return (await this.villageQuery(db).where('v.id', '=', id).executeTakeFirst()) as VillageRow | undefined;
  }

  async sameNameVillage(db: Db, communeId: string, folded: string, period: Period, exceptId: string | null) {
    return db
      .selectFrom('village as v')
      .select(['v.id', 'v.name', 'v.valid_from', 'v.valid_to'])
      .where('v.commune_id', '=', communeId)
      .where('v.name_folded', '=', folded)
      .where(overlaps('v', period))
      .$if(exceptId !== null, (qb) => qb.where('v.id', '<>', exceptId!))
      .orderBy('v.id')
      .executeTakeFirst();
  }

  async villageByName(db: Db, communeId: string, folded: string, on: string | null) {
    return db
      .selectFrom('village as v')
      .select(['v.id', 'v.name', 'v.valid_from', 'v.valid_to'])
      .where('v.commune_id', '=', communeId)
      .where('v.name_folded', '=', folded)
      .$if(on !== null, (qb) => qb.where(validOn('v', on!)))
      .orderBy('v.valid_from', 'desc')
      .orderBy('v.id', 'desc')
      .execute();
  }

  async insertVillage(db: Db, row: { communeId: string; kind: VillageKind; name: string; folded: string } & Period & { note: string | null }): Promise<string> {
    const inserted = await db
      .insertInto('village')
      .values({
        commune_id: row.communeId,
        kind: row.kind,
        name: row.name,
        name_folded: row.folded,
        valid_from: row.validFrom,
        valid_to: row.validTo,
        note: row.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  async updateVillage(db: Db, id: string, row: { kind: VillageKind; name: string; folded: string; note: string | null } & Period): Promise<void> {
    await db
      .updateTable('village')
      .set({
        kind: row.kind,
        name: row.name,
        name_folded: row.folded,
        valid_from: row.validFrom,
        valid_to: row.validTo,
        note: row.note,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  }

  async deleteVillage(db: Db, id: string): Promise<void> {
    await db.deleteFrom('village').where('id', '=', id).execute();
  }

  /** Cells tied to the village whose period would no longer fit inside `period`. */
  async cellsOutsideVillage(db: Db, villageId: string, period: Period) {
    return db
      .selectFrom('party_organization as o')
      .select(['o.id', 'o.name'])
      .where('o.village_id', '=', villageId)
      .where(outside('o', period))
      .orderBy('o.id')
      .execute();
  }

  async villageForUpdate(db: Db, id: string) {
    return db.selectFrom('village').select(['id', 'commune_id', 'valid_from', 'valid_to', 'name']).where('id', '=', id).forUpdate().executeTakeFirst();
  }
}

/** The row's period is not inside `period`. */
export function outside(alias: string, period: Period): RawBuilder<boolean> {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<boolean>`(coalesce(${from}, '-infinity'::date) < coalesce(${period.validFrom}::date, '-infinity'::date)
    or coalesce(${to}, 'infinity'::date) > coalesce(${period.validTo}::date, 'infinity'::date))`;
}
