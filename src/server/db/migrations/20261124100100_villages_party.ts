import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // No official list exists for villages and residential groups: communes enter them.
  await db.schema
    .createTable('village')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('thon', 'to_dan_pho')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_folded', 'text', (col) => col.notNull())
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('village_period', sql`valid_to is null or valid_from is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('village_commune_idx').on('village').columns(['commune_id', 'valid_from']).execute();

  // The grassroots party organisation of a commune and the party cells under it.
  await db.schema
    .createTable('party_organization')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('dang_bo_co_so', 'chi_bo_co_so', 'chi_bo')`))
    .addColumn('parent_id', 'bigint', (col) => col.references('party_organization.id'))
    .addColumn('village_id', 'bigint', (col) => col.references('village.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_folded', 'text', (col) => col.notNull())
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('party_organization_period', sql`valid_to is null or valid_from is null or valid_to >= valid_from`)
    .addCheckConstraint('party_organization_cell_has_parent', sql`(kind = 'chi_bo') = (parent_id is not null)`)
    .addCheckConstraint('party_organization_village_only_for_cells', sql`village_id is null or kind = 'chi_bo'`)
    .execute();
  await db.schema.createIndex('party_organization_commune_idx').on('party_organization').columns(['commune_id', 'valid_from']).execute();
  await db.schema.createIndex('party_organization_parent_idx').on('party_organization').column('parent_id').execute();
  await db.schema.createIndex('party_organization_village_idx').on('party_organization').column('village_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_organization').execute();
  await db.schema.dropTable('village').execute();
}
