import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ReceptionSessionTable } from './petitions.tables.js';

export type ReceptionSessionRow = Awaited<ReturnType<ReceptionRepository['byIds']>>[number];

/** Citizen reception days and the petitions taken at them. Kysely only. */
export class ReceptionRepository {
  async insert(db: Db, values: Insertable<ReceptionSessionTable>): Promise<string> {
    return (await db.insertInto('reception_session').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }

  async update(db: Db, id: string, values: Updateable<ReceptionSessionTable>): Promise<void> {
    await db.updateTable('reception_session').set(values).where('id', '=', id).execute();
  }

  async remove(db: Db, id: string): Promise<void> {
    await db.deleteFrom('reception_session').where('id', '=', id).execute();
  }

  async lock(db: Db, id: string): Promise<void> {
    await db.selectFrom('reception_session').select('id').where('id', '=', id).forUpdate().execute();
  }

  byIds(db: Db, ids: readonly string[]) {
    return db
      .selectFrom('reception_session')
      .selectAll()
      .where('id', 'in', ids.length > 0 ? ids : ['0'])
      .orderBy('held_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** One unit's own reception days (the head's duty is the unit's, not its subtree's), newest first. */
  list(db: Db, unitId: string, from: string, to: string) {
    return db
      .selectFrom('reception_session')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .orderBy('held_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async takenPetitions(db: Db, sessionIds: readonly string[]): Promise<{ reception_session_id: string | null; id: string }[]> {
    if (sessionIds.length === 0) return [];
    return db.selectFrom('petition').select(['reception_session_id', 'id']).where('reception_session_id', 'in', sessionIds).orderBy('id').execute();
  }

  async hasPetitions(db: Db, sessionId: string): Promise<boolean> {
    return (await db.selectFrom('petition').select('id').where('reception_session_id', '=', sessionId).executeTakeFirst()) !== undefined;
  }
}
