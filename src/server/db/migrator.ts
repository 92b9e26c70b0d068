import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { syncRetirementSchedule } from './retirement-schedule.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE = /^\d{14}_[a-z0-9_]+\.(ts|js)$/;

/** Reads migrations from source (.ts, under Vitest/tsx) or from the build (.js) alike. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of (await fs.readdir(MIGRATIONS_DIR)).sort()) {
      if (!MIGRATION_FILE.test(file)) continue;
      const module = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, file)).href)) as Migration;
      migrations[file.replace(/\.(ts|js)$/, '')] = module;
    }
    return migrations;
  }
}

export class MigrationFailedError extends Error {}

/** Vietnamese text, accent folding and ICU collation need a UTF8 database. */
async function assertUtf8(db: Kysely<any>): Promise<void> {
  const result = await sql<{ server_encoding: string }>`show server_encoding`.execute(db);
  const encoding = result.rows[0]?.server_encoding;
  if (encoding !== 'UTF8') {
    throw new MigrationFailedError(
      `Cơ sở dữ liệu đang dùng mã hóa ${encoding}; Cán bộ xã cần UTF8 (tạo lại bằng: create database ... encoding 'UTF8' template template0).`,
    );
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  await assertUtf8(db);
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? 'không xác định';
    throw new MigrationFailedError(`Cập nhật cấu trúc cơ sở dữ liệu thất bại ở bước "${name}": ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  await syncRetirementSchedule(db);
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

export async function latestMigrationName(db: Kysely<any>): Promise<string | undefined> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const migrations = await migrator.getMigrations();
  return migrations.filter((migration) => migration.executedAt).at(-1)?.name;
}

/** Brings an empty database to exactly the schema a backup was taken with. */
export async function migrateTo(db: Kysely<any>, migrationName: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const known = await migrator.getMigrations();
  if (!known.some((migration) => migration.name === migrationName)) {
    throw new MigrationFailedError(
      `Bản sao lưu có cấu trúc dữ liệu "${migrationName}" mà phiên bản phần mềm này không biết; hãy khôi phục bằng phiên bản mới hơn.`,
    );
  }
  const { error } = await migrator.migrateTo(migrationName);
  if (error) throw new MigrationFailedError(`Không tạo được cấu trúc dữ liệu "${migrationName}": ${String(error)}`, { cause: error });
}
