import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { connectDatabase } from '../db/database.js';
import { migrateTo, migrateToLatest } from '../db/migrator.js';
import { BackupFormatError, copyIntoTable, openBackup, quoteIdent, tablesInDependencyOrder } from './backup.js';

export class RestoreRefusedError extends Error {}

async function hasUserData(db: Kysely<any>): Promise<boolean> {
  const migrated = await sql<{ exists: boolean }>`select to_regclass('public.kysely_migration') is not null as exists`.execute(db);
  if (!migrated.rows[0]?.exists) return false;
  const users = await sql<{ any: boolean }>`select exists (select 1 from app_user) as any`.execute(db);
  return users.rows[0]?.any === true;
}

async function resetIdentitySequences(client: pg.ClientBase): Promise<void> {
  const identities = await client.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and is_identity = 'YES'`,
  );
  for (const { table_name, column_name } of identities.rows) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quoteIdent(column_name)}) from ${quoteIdent(table_name)}), 0) + 1, false)`,
      [quoteIdent(table_name), column_name],
    );
  }
}

/**
 * Loads a backup into an empty database (or, with force, one whose data is
 * thrown away first): schema up to the backup's version, every row through
 * COPY in one transaction, counts checked, then the remaining migrations.
 */
export async function restoreBackup(connectionString: string, file: string, options: { force: boolean }): Promise<Record<string, number>> {
  const backup = await openBackup(file);
  const handle = connectDatabase(connectionString, { maxConnections: 2 });
  try {
    if (await hasUserData(handle.db)) {
      if (!options.force) {
        throw new RestoreRefusedError('Cơ sở dữ liệu đích đã có dữ liệu. Dùng --force để xóa toàn bộ dữ liệu hiện có và khôi phục.');
      }
      await sql`drop schema public cascade`.execute(handle.db);
      await sql`create schema public`.execute(handle.db);
    }
    await migrateTo(handle.db, backup.header.schemaVersion);
  } finally {
    await handle.destroy();
  }

  const client = new pg.Client({ connectionString });
  await client.connect();
  let loaded: Record<string, number> = {};
  try {
    await client.query('begin');
    const tables = await tablesInDependencyOrder(client);
    await client.query(`truncate ${tables.map((table) => quoteIdent(table.name)).join(', ')} restart identity cascade`);
    const counts: Record<string, number> = {};
    const expected = await backup.forEachTable(async (table, data) => {
      counts[table.name] = await copyIntoTable(client, table, data);
    });
    for (const [table, count] of Object.entries(expected)) {
      const actual = await client.query<{ count: number }>(`select count(*)::int as count from ${quoteIdent(table)}`);
      if (actual.rows[0]?.count !== count || counts[table] !== count) {
        throw new BackupFormatError(`Số dòng bảng ${table} sau khôi phục (${actual.rows[0]?.count}) khác bản sao lưu (${count})`);
      }
    }
    await resetIdentitySequences(client);
    await client.query('commit');
    loaded = counts;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }

  const after = connectDatabase(connectionString, { maxConnections: 2 });
  try {
    await migrateToLatest(after.db);
  } finally {
    await after.destroy();
  }
  return loaded;
}
