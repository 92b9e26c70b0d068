import { type Insertable, type SqlBool, type Updateable, sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { petitionIdentityVisible } from '../access/access.js';
import type { Db } from '../db/database.js';
import { escapeLike } from '../db/like.js';
import type { PetitionTable, PetitionPetitionerTable } from './petitions.tables.js';

export type PetitionRow = Awaited<ReturnType<PetitionsRepository['findPetitions']>>[number];

export interface PetitionListFilter {
  /** Units whose received petitions are listed: this unit's subtree; null for the whole country. */
  scopeRootId: string | null;
  status: 'open' | 'overdue' | 'closed' | 'all';
  asOf: string;
  type?: string;
  overLevel?: boolean;
  from?: string;
  to?: string;
  folded?: string;
  limit: number;
  offset: number;
}

/**
 * Receiving units in a subtree, as an array the planner matches against an
 * index (a semi-join on unit_scope was planned as a scan of every petition).
 */
export function receivedWithin(rootId: string, column = 'p.unit_id') {
  return sql<SqlBool>`${sql.ref(column)} = any(array(select s.unit_id from unit_scope s where s.root_id = ${rootId}))`;
}

/** The deadline of the stage running now; null when nothing is running. */
const RUNNING_DUE = sql<string | null>`case
  when p.handling is null then p.processing_due_on
  when p.handling = 'accepted' and p.settled_on is null then p.settlement_due_on
  when p.settled_on is not null and p.report_due_on is not null and p.reported_back_on is null then p.report_due_on
end`;

/** Keep in step with the predicate of the index petition_open_unit_idx. */
const IS_OPEN = sql<SqlBool>`(p.handling is null or (p.handling = 'accepted' and p.settled_on is null) or (p.report_due_on is not null and p.reported_back_on is null))`;

/** Petitions, their petitioners, handlers and timeline. Kysely only: the policy is asked by the services. */
export class PetitionsRepository {
  async insertPetition(db: Db, values: Insertable<PetitionTable>): Promise<string> {
    const row = await db.insertInto('petition').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updatePetition(db: Db, id: string, values: Updateable<PetitionTable>): Promise<void> {
    await db
      .updateTable('petition')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async insertPetitioners(
    db: Db,
    petitionId: string,
    petitioners: readonly Omit<Insertable<PetitionPetitionerTable>, 'petition_id' | 'position'>[],
  ): Promise<void> {
    if (petitioners.length === 0) return;
    await db
      .insertInto('petition_petitioner')
      .values(petitioners.map((petitioner, position) => ({ ...petitioner, petition_id: petitionId, position })))
      .execute();
  }

  async petitioners(db: Db, petitionIds: readonly string[]) {
    if (petitionIds.length === 0) return [];
    return db.selectFrom('petition_petitioner').selectAll().where('petition_id', 'in', petitionIds).orderBy('petition_id').orderBy('position').execute();
  }

  async replaceHandlers(db: Db, petitionId: string, userIds: readonly string[]): Promise<void> {
    await db.deleteFrom('petition_handler').where('petition_id', '=', petitionId).execute();
    if (userIds.length > 0) {
      await db
        .insertInto('petition_handler')
        .values(userIds.map((userId) => ({ petition_id: petitionId, user_id: userId })))
        .execute();
    }
  }

  async handlers(db: Db, petitionId: string) {
    return db
      .selectFrom('petition_handler as h')
      .innerJoin('app_user as u', 'u.id', 'h.user_id')
      .select(['u.id', 'u.full_name'])
      .where('h.petition_id', '=', petitionId)
      .orderBy(sql`u.full_name collate "vi-VN-x-icu"`)
      .execute();
  }

  /** Active users of a unit who may be assigned a case. */
  async usersOfUnit(db: Db, unitId: string) {
    return db
      .selectFrom('app_user')
      .select(['id', 'full_name'])
      .where('unit_id', '=', unitId)
      .where('disabled', '=', false)
      .where('role', '!=', 'viewer')
      .orderBy(sql`full_name collate "vi-VN-x-icu"`)
      .execute();
  }

  async addEvent(db: Db, event: { petitionId: string; kind: string; on: string; userId: string | null; note?: string | null }): Promise<void> {
    await db
      .insertInto('petition_event')
      .values({ petition_id: event.petitionId, kind: event.kind, occurred_on: event.on, user_id: event.userId, note: event.note ?? null })
      .execute();
  }

  async events(db: Db, petitionId: string) {
    return db
      .selectFrom('petition_event as e')
      .leftJoin('app_user as u', 'u.id', 'e.user_id')
      .select(['e.kind', 'e.occurred_on', 'e.note', 'u.full_name'])
      .where('e.petition_id', '=', petitionId)
      .orderBy('e.occurred_on')
      .orderBy('e.id')
      .execute();
  }

  async lockPetition(db: Db, id: string): Promise<void> {
    await db.selectFrom('petition').select('id').where('id', '=', id).forUpdate().execute();
  }

  /** The next number of the unit's register for the year: "15/2025". Serialised per unit by an advisory lock held to the end of the transaction. */
  async nextNumber(db: Db, unitId: string, year: number): Promise<string> {
    await sql`select pg_advisory_xact_lock(hashtext('petition_number'), ${Number(unitId) % 2_000_000_000})`.execute(db);
    const row = await db
      .selectFrom('petition')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('unit_id', '=', unitId)
      .where('received_on', '>=', `${year}-01-01`)
      .where('received_on', '<=', `${year}-12-31`)
      .executeTakeFirstOrThrow();
    let next = row.count + 1;
    // A number taken by a petition whose date was later corrected stays taken.
    while (await db.selectFrom('petition').select('id').where('unit_id', '=', unitId).where('number', '=', `${next}/${year}`).executeTakeFirst()) next += 1;
    return `${next}/${year}`;
  }

  /**
   * Petitions with what every list and page shows: the first petitioner and
   * how many more, and whether the actor may see a denouncer's identity.
   */
  findPetitions(db: Db, actor: Actor, ids: readonly string[]) {
    return this.selectPetitions(db, actor)
      .where('p.id', 'in', ids.length > 0 ? ids : ['0'])
      .execute();
  }

  private selectPetitions(db: Db, actor: Actor) {
    return db
      .selectFrom('petition as p')
      .selectAll('p')
      .select([
        sql<
          string | null
        >`(select pp.full_name from petition_petitioner pp where pp.petition_id = p.id order by pp.representative desc, pp.position limit 1)`.as(
          'first_petitioner',
        ),
        sql<number>`(select count(*)::int from petition_petitioner pp where pp.petition_id = p.id)`.as('petitioner_count'),
        sql<boolean>`${petitionIdentityVisible(actor, 'p.id')}`.as('identity_visible'),
        sql<boolean>`exists (select 1 from petition c where c.parent_id = p.id)`.as('has_child'),
      ]);
  }

  async listPetitions(db: Db, actor: Actor, filter: PetitionListFilter): Promise<{ total: number; rows: PetitionRow[] }> {
    const conditions = this.listConditions(actor, filter);
    const where = sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
    const [total, rows] = await Promise.all([
      db.selectFrom('petition as p').select(sql<number>`count(*)::int`.as('count')).where(where).executeTakeFirstOrThrow(),
      this.selectPetitions(db, actor)
        .where(where)
        .orderBy(sql`${IS_OPEN} desc`)
        .orderBy(sql`${RUNNING_DUE} asc nulls last`)
        .orderBy('p.received_on', 'desc')
        .orderBy('p.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
    ]);
    return { total: total.count, rows };
  }

  private listConditions(actor: Actor, filter: PetitionListFilter) {
    const conditions = [sql<SqlBool>`true`];
    if (filter.scopeRootId !== null) conditions.push(receivedWithin(filter.scopeRootId));
    if (filter.status === 'open') conditions.push(IS_OPEN);
    if (filter.status === 'closed') conditions.push(sql<SqlBool>`not ${IS_OPEN}`);
    if (filter.status === 'overdue') conditions.push(sql<SqlBool>`${RUNNING_DUE} < ${filter.asOf}`);
    if (filter.type) conditions.push(sql<SqlBool>`p.type = ${filter.type}`);
    if (filter.overLevel !== undefined) conditions.push(sql<SqlBool>`p.over_level = ${filter.overLevel}`);
    if (filter.from) conditions.push(sql<SqlBool>`p.received_on >= ${filter.from}`);
    if (filter.to) conditions.push(sql<SqlBool>`p.received_on <= ${filter.to}`);
    if (filter.folded) {
      const pattern = `%${escapeLike(filter.folded)}%`;
      // A denouncer's name is searched only by those who may see it: a match must not reveal who denounced.
      conditions.push(
        sql<SqlBool>`(p.search_folded like ${pattern} or p.number = ${filter.folded}
          or (p.petitioners_folded like ${pattern} and (p.type <> 'to_cao' or ${petitionIdentityVisible(actor, 'p.id')})))`,
      );
    }
    return conditions;
  }

  async childOf(db: Db, parentId: string) {
    return db.selectFrom('petition').select('id').where('parent_id', '=', parentId).orderBy('id').executeTakeFirst();
  }

  async attachments(db: Db, petitionId: string) {
    return db
      .selectFrom('petition_attachment')
      .select(['id', 'file_name', 'content_type', 'size_bytes'])
      .where('petition_id', '=', petitionId)
      .orderBy('id')
      .execute();
  }

  async attachment(db: Db, petitionId: string, attachmentId: string) {
    return db.selectFrom('petition_attachment').selectAll().where('petition_id', '=', petitionId).where('id', '=', attachmentId).executeTakeFirst();
  }

  async insertAttachment(
    db: Db,
    values: {
      petition_id: string;
      file_name: string;
      content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
      size_bytes: number;
      content: Buffer;
      uploaded_by: string;
    },
  ) {
    const row = await db.insertInto('petition_attachment').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async dialoguesOfPetition(db: Db, petitionId: string) {
    return db
      .selectFrom('dialogue_petition as dp')
      .innerJoin('dialogue as d', 'd.id', 'dp.dialogue_id')
      .select(['d.id', 'd.held_on', 'd.topic'])
      .where('dp.petition_id', '=', petitionId)
      .orderBy('d.held_on')
      .execute();
  }

  async fields(db: Db) {
    return db.selectFrom('petition_field').select(['code', 'name']).orderBy('position').execute();
  }

  async unitLevelOn(db: Db, unitId: string, on: string) {
    return db
      .selectFrom('admin_unit')
      .select(['id', 'level'])
      .where('id', '=', unitId)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', on)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]))
      .executeTakeFirst();
  }

  /** Open petitions whose running deadline a change of rules or calendar may move. */
  async openPetitionIds(db: Db): Promise<string[]> {
    const rows = await db.selectFrom('petition as p').select('p.id').where(IS_OPEN).orderBy('p.id').execute();
    return rows.map((row) => row.id);
  }
}
