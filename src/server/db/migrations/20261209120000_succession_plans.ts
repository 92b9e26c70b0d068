import { type Kysely, sql } from 'kysely';

/*
 * Succession planning (quy hoạch, Regulation 50-QĐ/TW, then 377-QĐ/TW):
 * per unit, term and title, the people planned, each added and removed on a
 * day with a reason, so a yearly review keeps its history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('succession_plan')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('term', 'text', (col) => col.notNull().check(sql`term ~ '^[0-9]{4}-[0-9]{4}$'`))
    .addColumn('term_starts_on', 'date', (col) => col.notNull())
    .addColumn('title_code', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('succession_plan_unit_term_title', ['unit_id', 'term', 'title_code'])
    .execute();
  await db.schema
    .createTable('succession_plan_entry')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('plan_id', 'bigint', (col) => col.notNull().references('succession_plan.id').onDelete('cascade'))
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id').onDelete('cascade'))
    .addColumn('added_on', 'date', (col) => col.notNull())
    .addColumn('added_reason', 'text', (col) => col.notNull())
    .addColumn('removed_on', 'date')
    .addColumn('removed_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'succession_plan_entry_removed',
      sql`(removed_on is null) = (removed_reason is null) and (removed_on is null or removed_on >= added_on)`,
    )
    .execute();
  await sql`create unique index succession_plan_entry_active on succession_plan_entry (plan_id, cadre_id) where removed_on is null`.execute(db);
  await db.schema.createIndex('succession_plan_entry_cadre_idx').on('succession_plan_entry').column('cadre_id').execute();
  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('succession_plan_entry').execute();
  await db.schema.dropTable('succession_plan').execute();
}
