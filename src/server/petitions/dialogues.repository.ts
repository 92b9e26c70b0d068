import { type Insertable, type Updateable, sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { DialogueCommitmentTable, DialogueTable } from './petitions.tables.js';

export type DialogueRow = Awaited<ReturnType<DialoguesRepository['byIds']>>[number];

type NewCommitment = Omit<Insertable<DialogueCommitmentTable>, 'dialogue_id'>;

/** Dialogues, the petitions they took up and their commitments. Kysely only. */
export class DialoguesRepository {
  async insert(db: Db, values: Insertable<DialogueTable>): Promise<string> {
    return (await db.insertInto('dialogue').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(db: Db, id: string, values: Updateable<DialogueTable>): Promise<void> {
    await db.updateTable('dialogue').set(values).where('id', '=', id).execute();
  }

  async remove(db: Db, id: string): Promise<void> {
    await db.deleteFrom('dialogue').where('id', '=', id).execute();
  }

  async lock(db: Db, id: string): Promise<void> {
    await db.selectFrom('dialogue').select('id').where('id', '=', id).forUpdate().execute();
  }

  async replaceLinks(db: Db, dialogueId: string, petitionIds: readonly string[], commitments: readonly NewCommitment[]): Promise<void> {
    await db.deleteFrom('dialogue_petition').where('dialogue_id', '=', dialogueId).execute();
    await db.deleteFrom('dialogue_commitment').where('dialogue_id', '=', dialogueId).execute();
    if (petitionIds.length > 0) {
      await db
        .insertInto('dialogue_petition')
        .values(petitionIds.map((petitionId) => ({ dialogue_id: dialogueId, petition_id: petitionId })))
        .execute();
    }
    if (commitments.length > 0) {
      await db
        .insertInto('dialogue_commitment')
        .values(commitments.map((commitment) => ({ ...commitment, dialogue_id: dialogueId })))
        .execute();
    }
  }

  /** The dialogues a person chaired, newest first: part of their practical record. */
  chairedBy(db: Db, cadreId: string) {
    return db
      .selectFrom('dialogue')
      .select(['id', 'commune_id', 'held_on', 'topic', 'agreed'])
      .where('chair_cadre_id', '=', cadreId)
      .orderBy('held_on', 'desc')
      .orderBy('id')
      .execute();
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

  byIds(db: Db, ids: readonly string[]) {
    return db
      .selectFrom('dialogue')
      .selectAll()
      .where('id', 'in', ids.length > 0 ? ids : ['0'])
      .orderBy('held_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** Dialogues in communes of a unit's subtree (null: the whole country), newest first. */
  list(db: Db, filter: { scopeRootId: string | null; from?: string; to?: string }) {
    let query = db.selectFrom('dialogue as d').selectAll('d');
    if (filter.scopeRootId !== null) {
      const root = filter.scopeRootId;
      query = query.where('d.commune_id', 'in', (eb) => eb.selectFrom('unit_scope').select('unit_id').where('root_id', '=', root));
    }
    if (filter.from) query = query.where('d.held_on', '>=', filter.from);
    if (filter.to) query = query.where('d.held_on', '<=', filter.to);
    return query.orderBy('d.held_on', 'desc').orderBy('d.id', 'desc').limit(500).execute();
  }

  petitionsOf(db: Db, dialogueIds: readonly string[]) {
    if (dialogueIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('dialogue_petition as dp')
      .innerJoin('petition as p', 'p.id', 'dp.petition_id')
      .select(['dp.dialogue_id', 'p.id', 'p.number', 'p.subject'])
      .where('dp.dialogue_id', 'in', dialogueIds)
      .orderBy('p.received_on')
      .orderBy('p.id')
      .execute();
  }

  commitmentsOf(db: Db, dialogueIds: readonly string[]) {
    if (dialogueIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('dialogue_commitment').selectAll().where('dialogue_id', 'in', dialogueIds).orderBy('due_on').orderBy(sql`id`).execute();
  }

  commitment(db: Db, dialogueId: string, commitmentId: string) {
    return db.selectFrom('dialogue_commitment').selectAll().where('dialogue_id', '=', dialogueId).where('id', '=', commitmentId).executeTakeFirst();
  }

  async updateCommitment(db: Db, id: string, values: Updateable<DialogueCommitmentTable>): Promise<void> {
    await db.updateTable('dialogue_commitment').set(values).where('id', '=', id).execute();
  }
}
