import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Small facts about this installation (demo loaded, bootstrap done), kept in the database itself. */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  async get(key: string, db: Db = this.db): Promise<string | undefined> {
    const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string, db: Db = this.db): Promise<void> {
    await db
      .insertInto('app_setting')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql<Date>`now()` }))
      .execute();
  }
}
