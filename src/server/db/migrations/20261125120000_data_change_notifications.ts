import { type Kysely, sql } from 'kysely';

/**
 * Every committed write announces its table on `canboxa_data_changed`, so
 * that each running instance drops cached answers and sessions computed from
 * older rows (src/server/cache/). NOTIFY is delivered on commit only: a
 * rolled-back write announces nothing. Statement-level triggers cost one
 * notification per statement, not per row, and PostgreSQL folds duplicates
 * within a transaction.
 *
 * `canboxa_watch_tables()` attaches the trigger to every table of the schema
 * that lacks it, except those no cached answer reads. A migration that creates
 * a table ends with `select canboxa_watch_tables()`; a test fails otherwise.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function canboxa_notify_data_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('canboxa_data_changed', tg_table_name);
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create function canboxa_watch_tables() returns void language plpgsql as $$
    declare
      unwatched record;
    begin
      for unwatched in
        select c.relname from pg_class c
        where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
          and c.relname not in ('audit_log', 'import_run', 'kysely_migration', 'kysely_migration_lock')
          and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'canboxa_data_changed')
      loop
        execute format(
          'create trigger canboxa_data_changed after insert or update or delete or truncate on %I for each statement execute function canboxa_notify_data_changed()',
          unwatched.relname
        );
      end loop;
    end
    $$
  `.execute(db);
  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const watched = await sql<{ table_name: string }>`
    select c.relname as table_name from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'canboxa_data_changed'
  `.execute(db);
  for (const { table_name } of watched.rows) await sql`drop trigger canboxa_data_changed on ${sql.table(table_name)}`.execute(db);
  await sql`drop function canboxa_watch_tables()`.execute(db);
  await sql`drop function canboxa_notify_data_changed()`.execute(db);
}
