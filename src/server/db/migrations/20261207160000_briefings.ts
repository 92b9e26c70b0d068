import { type Kysely, sql } from 'kysely';

/*
 * Briefings (giao ban) of a commune's leaders with village and residential
 * group cadres: who chaired, who came, and the issues raised — each of which
 * can be registered as a grassroots problem in one action, the link kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('briefing')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('held_on', 'date', (col) => col.notNull())
    .addColumn('chair_cadre_id', 'bigint', (col) => col.notNull().references('cadre.id'))
    .addColumn('attendees', 'text', (col) => col.notNull().check(sql`length(attendees) between 1 and 2000`))
    .addColumn('participants', 'integer', (col) => col.check(sql`participants between 0 and 10000`))
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('briefing_commune_idx').on('briefing').columns(['commune_id', 'held_on']).execute();
  await db.schema.createIndex('briefing_chair_idx').on('briefing').column('chair_cadre_id').execute();

  await db.schema
    .createTable('briefing_issue')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('briefing_id', 'bigint', (col) => col.notNull().references('briefing.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull().check(sql`length(content) between 1 and 2000`))
    // Set when the issue was registered as a problem of the commune.
    .addColumn('problem_id', 'bigint', (col) => col.references('grassroots_problem.id').unique())
    .addUniqueConstraint('briefing_issue_position', ['briefing_id', 'position'])
    .execute();

  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('briefing_issue').execute();
  await db.schema.dropTable('briefing').execute();
}
