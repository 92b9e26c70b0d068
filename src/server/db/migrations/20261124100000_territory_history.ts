import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per official list applied, so that a restart never loads a file twice.
  await db.schema
    .createTable('territory_load')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('official', 'update')`))
    .addColumn('file_hash', 'text', (col) => col.notNull())
    .addColumn('list_date', 'date', (col) => col.notNull())
    .addColumn('open_start', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('replaces_all', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('summary', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('loaded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('loaded_by', 'bigint', (col) => col.references('app_user.id'))
    .execute();
  await sql`create unique index territory_load_official_name on territory_load (name) where kind = 'official'`.execute(db);

  // A dated change between two lists. Lists rarely say when a change took effect, so the date is
  // recorded with where it came from and an administrator can correct it.
  await db.schema
    .createTable('admin_unit_change')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('established', 'changed', 'ended')`))
    .addColumn('effective_date', 'date', (col) => col.notNull())
    .addColumn('original_date', 'date', (col) => col.notNull())
    .addColumn('date_source', 'text', (col) => col.notNull().check(sql`date_source in ('list', 'known', 'cascade', 'decree', 'admin')`))
    .addColumn('date_basis', 'text', (col) => col.notNull())
    .addColumn('version_id', 'bigint', (col) => col.references('admin_unit_version.id').onDelete('cascade'))
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('load_id', 'bigint', (col) => col.references('territory_load.id'))
    .addColumn('corrected_at', 'timestamptz')
    .addColumn('corrected_by', 'bigint', (col) => col.references('app_user.id'))
    .execute();
  await db.schema.createIndex('admin_unit_change_unit_idx').on('admin_unit_change').columns(['unit_id', 'effective_date']).execute();
  await db.schema.createIndex('admin_unit_change_load_idx').on('admin_unit_change').columns(['load_id', 'effective_date']).execute();
  await db.schema.createIndex('admin_unit_version_folded_idx').on('admin_unit_version').column('name_folded').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('admin_unit_version_folded_idx').execute();
  await db.schema.dropTable('admin_unit_change').execute();
  await db.schema.dropTable('territory_load').execute();
}
