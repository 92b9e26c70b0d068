import { type Kysely, sql } from 'kysely';

/*
 * The register of grassroots problems (vấn đề cần tập trung lãnh đạo, chỉ
 * đạo): each commune registers its problems for a year, a standing member in
 * charge of each, follows them with dated progress updates, and closes them
 * resolved, partly resolved or not resolved — or carries them into the next
 * year, keeping the history through `carried_from_id`. Problems link to the
 * petitions and dialogues that raised or settled them. Fields are the same
 * list as petitions' (`petition_field`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grassroots_problem')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(title) between 1 and 500`))
    .addColumn('title_folded', 'text', (col) => col.notNull())
    .addColumn('field_code', 'text', (col) => col.notNull().references('petition_field.code'))
    .addColumn('lead_cadre_id', 'bigint', (col) => col.notNull().references('cadre.id'))
    .addColumn('registered_on', 'date', (col) => col.notNull())
    .addColumn('target_on', 'date', (col) => col.notNull())
    // The commune's resolution or plan adopted for it (nghị quyết, kế hoạch).
    .addColumn('resolution', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('registered', 'in_progress', 'resolved', 'partly_resolved', 'not_resolved', 'carried_over')`),
    )
    .addColumn('closed_on', 'date')
    .addColumn('carried_from_id', 'bigint', (col) => col.references('grassroots_problem.id').unique())
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('grassroots_problem_dates', sql`target_on >= registered_on and (closed_on is null or closed_on >= registered_on)`)
    .addCheckConstraint('grassroots_problem_closed', sql`(status in ('resolved', 'partly_resolved', 'not_resolved', 'carried_over')) = (closed_on is not null)`)
    .execute();
  await db.schema.createIndex('grassroots_problem_commune_idx').on('grassroots_problem').columns(['commune_id', 'year']).execute();
  await db.schema.createIndex('grassroots_problem_year_idx').on('grassroots_problem').columns(['year']).execute();
  await db.schema.createIndex('grassroots_problem_lead_idx').on('grassroots_problem').column('lead_cadre_id').execute();

  await db.schema
    .createTable('grassroots_problem_village')
    .addColumn('problem_id', 'bigint', (col) => col.notNull().references('grassroots_problem.id').onDelete('cascade'))
    .addColumn('village_id', 'bigint', (col) => col.notNull().references('village.id'))
    .addPrimaryKeyConstraint('grassroots_problem_village_pk', ['problem_id', 'village_id'])
    .execute();

  await db.schema
    .createTable('grassroots_problem_update')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('problem_id', 'bigint', (col) => col.notNull().references('grassroots_problem.id').onDelete('cascade'))
    .addColumn('occurred_on', 'date', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().check(sql`length(note) between 1 and 4000`))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('grassroots_problem_update_problem_idx').on('grassroots_problem_update').columns(['problem_id', 'occurred_on']).execute();

  await db.schema
    .createTable('grassroots_problem_attachment')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('problem_id', 'bigint', (col) => col.notNull().references('grassroots_problem.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull().check(sql`content_type in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('size_bytes', 'integer', (col) => col.notNull().check(sql`size_bytes between 1 and 10485760`))
    .addColumn('content', 'bytea', (col) => col.notNull())
    .addColumn('uploaded_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('grassroots_problem_attachment_problem_idx').on('grassroots_problem_attachment').column('problem_id').execute();

  for (const [table, column, target] of [
    ['grassroots_problem_petition', 'petition_id', 'petition'],
    ['grassroots_problem_dialogue', 'dialogue_id', 'dialogue'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('problem_id', 'bigint', (col) => col.notNull().references('grassroots_problem.id').onDelete('cascade'))
      .addColumn(column, 'bigint', (col) => col.notNull().references(`${target}.id`).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['problem_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
  }

  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'grassroots_problem_dialogue',
    'grassroots_problem_petition',
    'grassroots_problem_attachment',
    'grassroots_problem_update',
    'grassroots_problem_village',
    'grassroots_problem',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
