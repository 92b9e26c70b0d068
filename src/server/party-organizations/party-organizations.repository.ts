import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { outside, overlaps, type Period, validOn } from '../villages/villages.repository.js';
import type { PartyOrganizationKind } from './party-organizations.tables.js';

export interface PartyOrganizationRow {
  id: string;
  commune_id: string;
  kind: PartyOrganizationKind;
  parent_id: string | null;
  parent_name: string | null;
  village_id: string | null;
  village_name: string | null;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

const ORGANIZATION_ORDER = sql`array_position(array['dang_bo_co_so', 'chi_bo_co_so', 'chi_bo'], o.kind)`;

export class PartyOrganizationsRepository {
  constructor(private readonly db: Db) {}

  private organizationQuery(db: Db) {
    return db
      .selectFrom('party_organization as o')
      .leftJoin('party_organization as parent', 'parent.id', 'o.parent_id')
      .leftJoin('village as village', 'village.id', 'o.village_id')
      .select([
        'o.id',
        'o.commune_id',
        'o.kind',
        'o.parent_id',
        'parent.name as parent_name',
        'o.village_id',
        'village.name as village_name',
        'o.name',
        'o.valid_from',
        'o.valid_to',
        'o.note',
        'o.created_at',
        'o.updated_at',
      ]);
  }

  async listOrganizations(communeId: string, asOf: string | null): Promise<PartyOrganizationRow[]> {
    return (await this.organizationQuery(this.db)
      .where('o.commune_id', '=', communeId)
      .$if(asOf !== null, (qb) => qb.where(validOn('o', asOf!)))
      .orderBy(ORGANIZATION_ORDER)
      .orderBy(sql`o.name collate "vi-VN-x-icu"`)
      .orderBy('o.valid_from')
      .orderBy('o.id')
      .execute()) as PartyOrganizationRow[];
  }

  async organization(db: Db, id: string): Promise<PartyOrganizationRow | undefined> {
    return (await this.organizationQuery(db).where('o.id', '=', id).executeTakeFirst()) as PartyOrganizationRow | undefined;
  }

  async sameNameOrganization(db: Db, communeId: string, folded: string, period: Period, exceptId: string | null) {
    return db
      .selectFrom('party_organization as o')
      .select(['o.id', 'o.name'])
      .where('o.commune_id', '=', communeId)
      .where('o.name_folded', '=', folded)
      .where(overlaps('o', period))
      .$if(exceptId !== null, (qb) => qb.where('o.id', '<>', exceptId!))
      .orderBy('o.id')
      .executeTakeFirst();
  }

  /** Another grassroots organisation of the commune during the period: a commune has one at a time. */
  async otherGrassroots(db: Db, communeId: string, period: Period, exceptId: string | null) {
    return db
      .selectFrom('party_organization as o')
      .select(['o.id', 'o.name', 'o.valid_from', 'o.valid_to'])
      .where('o.commune_id', '=', communeId)
      .where('o.kind', '<>', 'chi_bo')
      .where(overlaps('o', period))
      .$if(exceptId !== null, (qb) => qb.where('o.id', '<>', exceptId!))
      .orderBy('o.id')
      .executeTakeFirst();
  }

  async grassrootsOn(db: Db, communeId: string, on: string | null) {
    return db
      .selectFrom('party_organization as o')
      .select(['o.id', 'o.name', 'o.kind', 'o.valid_from', 'o.valid_to'])
      .where('o.commune_id', '=', communeId)
      .where('o.kind', '<>', 'chi_bo')
      .$if(on !== null, (qb) => qb.where(validOn('o', on!)))
      .orderBy('o.valid_from', 'desc')
      .orderBy('o.id', 'desc')
      .execute();
  }

  async organizationForUpdate(db: Db, id: string) {
    return db
      .selectFrom('party_organization')
      .select(['id', 'commune_id', 'kind', 'valid_from', 'valid_to', 'name'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async cellsOutsideParent(db: Db, parentId: string, period: Period) {
    return db
      .selectFrom('party_organization as o')
      .select(['o.id', 'o.name'])
      .where('o.parent_id', '=', parentId)
      .where(outside('o', period))
      .orderBy('o.id')
      .execute();
  }

  async countCells(db: Db, parentId: string): Promise<number> {
    const row = await db
      .selectFrom('party_organization')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('parent_id', '=', parentId)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async insertOrganization(
    db: Db,
    row: {
      communeId: string;
      kind: PartyOrganizationKind;
      parentId: string | null;
      villageId: string | null;
      name: string;
      folded: string;
      note: string | null;
    } & Period,
  ): Promise<string> {
    const inserted = await db
      .insertInto('party_organization')
      .values({
        commune_id: row.communeId,
        kind: row.kind,
        parent_id: row.parentId,
        village_id: row.villageId,
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

  async updateOrganization(
    db: Db,
    id: string,
    row: { kind: PartyOrganizationKind; parentId: string | null; villageId: string | null; name: string; folded: string; note: string | null } & Period,
  ): Promise<void> {
    await db
      .updateTable('party_organization')
      .set({
        kind: row.kind,
        parent_id: row.parentId,
        village_id: row.villageId,
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

  async deleteOrganization(db: Db, id: string): Promise<void> {
    await db.deleteFrom('party_organization').where('id', '=', id).execute();
  }
}
