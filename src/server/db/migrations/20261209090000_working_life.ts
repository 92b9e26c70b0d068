import { type Kysely, sql } from 'kysely';

/*
 * The working-life clock in SQL: `cadre.retires_from` is the first day out
 * of service (Labour Code 2019 art. 169, Decree 135/2020/NĐ-CP art. 3), kept
 * by a trigger from `retirement_month`, one row per sex and month of birth.
 * The rows are not written here: `syncRetirementSchedule` fills them from
 * core's schedule after every migration run, so the law lives once (in
 * `src/core/retirement.ts`) and a change to it reaches the stored dates on
 * the next start. The column lets the cadre list filter "retires within
 * 24 months" through an index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retirement_month')
    .addColumn('gender', 'text', (col) => col.notNull().check(sql`gender in ('nam', 'nu')`))
    // year × 12 + (month − 1): only the month of birth matters (Decree 135/2020, Appendix I).
    .addColumn('birth_month', 'integer', (col) => col.notNull())
    .addColumn('retires_from', 'date', (col) => col.notNull())
    .addPrimaryKeyConstraint('retirement_month_pkey', ['gender', 'birth_month'])
    .execute();
  await db.schema.alterTable('cadre').addColumn('retires_from', 'date').execute();
  await sql`
    create function cadre_set_retires_from() returns trigger language plpgsql as $$
    begin
      new.retires_from := (
        select r.retires_from from retirement_month r
        where r.gender = new.gender
          and r.birth_month = extract(year from new.birth_date)::int * 12 + extract(month from new.birth_date)::int - 1);
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create trigger cadre_retires_from before insert or update of gender, birth_date on cadre
    for each row execute function cadre_set_retires_from()
  `.execute(db);
  await db.schema.createIndex('cadre_retires_from_idx').on('cadre').column('retires_from').execute();
  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger cadre_retires_from on cadre`.execute(db);
  await sql`drop function cadre_set_retires_from()`.execute(db);
  await db.schema.alterTable('cadre').dropColumn('retires_from').execute();
  await db.schema.dropTable('retirement_month').execute();
}
