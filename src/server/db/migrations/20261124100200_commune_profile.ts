import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Area class of a commune over time: decides whether the relaxed standards for
  // mountainous, border, island, ethnic-minority and especially disadvantaged areas apply.
  await db.schema
    .createTable('commune_area_class')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('flags', sql`text[]`, (col) =>
      col
        .notNull()
        .check(sql`cardinality(flags) > 0 and flags <@ array['dong_bang', 'mien_nui', 'bien_gioi', 'hai_dao', 'dan_toc', 'dac_biet_kho_khan']::text[]`),
    )
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addColumn('basis', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('commune_area_class_period', sql`valid_to is null or valid_from is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('commune_area_class_commune_idx').on('commune_area_class').columns(['commune_id', 'valid_from']).execute();

  // "Xã có mặt hạn chế, yếu kém": designated per year; rotation of cadres targets these communes.
  await db.schema
    .createTable('weak_unit_designation')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year between 1990 and 2100`))
    .addColumn('fields', sql`text[]`, (col) => col.notNull().check(sql`cardinality(fields) > 0`))
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_on', 'date')
    .addColumn('valid_from', 'date', (col) => col.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('weak_unit_designation_period', sql`valid_to is null or valid_to >= valid_from`)
    .addUniqueConstraint('weak_unit_designation_commune_year', ['commune_id', 'year'])
    .execute();
  await db.schema.createIndex('weak_unit_designation_year_idx').on('weak_unit_designation').columns(['year', 'commune_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('weak_unit_designation').execute();
  await db.schema.dropTable('commune_area_class').execute();
}
