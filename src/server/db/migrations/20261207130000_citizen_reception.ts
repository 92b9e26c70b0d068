import { type Kysely, sql } from 'kysely';

/*
 * Citizen reception days (tiếp công dân): the sessions a unit's head held,
 * by whom, how many citizens came, and the petitions taken there. How often
 * the head must receive, and whether a deputy may stand in, are dated rules
 * beside the petition periods: Law on Citizen Reception 2013 (art. 12, 13,
 * 15) until Law 136/2025/QH15, from 2026-07-01, forbids handing it over.
 */
const RULES: ReadonlyArray<readonly [string, number, string, string | null, string]> = [
  ['reception.commune.per_week', 1, '2014-07-01', null, 'Luật Tiếp công dân 2013, Điều 15'],
  ['reception.district.per_month', 2, '2014-07-01', null, 'Luật Tiếp công dân 2013, Điều 13'],
  ['reception.province.per_month', 1, '2014-07-01', null, 'Luật Tiếp công dân 2013, Điều 12'],
  // 1: the head may authorise a deputy to receive in their place; 0: may not.
  ['reception.deputy_allowed', 1, '2014-07-01', '2026-06-30', 'Luật Tiếp công dân 2013, Điều 12, 13, 15'],
  ['reception.deputy_allowed', 0, '2026-07-01', null, 'Luật số 136/2025/QH15 (người đứng đầu không ủy quyền tiếp công dân định kỳ)'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('legal_period')
    .values(RULES.map(([code, amount, validFrom, validTo, basis]) => ({ code, amount, unit: 'times', valid_from: validFrom, valid_to: validTo, basis })))
    .execute();

  await db.schema
    .createTable('reception_session')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('held_on', 'date', (col) => col.notNull())
    // regular: the head's scheduled day; ad_hoc: a case that could not wait (art. 18).
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('regular', 'ad_hoc')`))
    .addColumn('host_name', 'text', (col) => col.notNull().check(sql`length(host_name) between 1 and 200`))
    .addColumn('host_role', 'text', (col) => col.notNull().check(sql`host_role in ('head', 'deputy', 'officer')`))
    .addColumn('citizens', 'integer', (col) => col.notNull().check(sql`citizens between 0 and 10000`))
    .addColumn('note', 'text')
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('reception_session_unit_idx').on('reception_session').columns(['unit_id', 'held_on']).execute();

  await db.schema
    .alterTable('petition')
    .addColumn('reception_session_id', 'bigint', (col) => col.references('reception_session.id'))
    .execute();
  await db.schema
    .createIndex('petition_reception_session_idx')
    .on('petition')
    .column('reception_session_id')
    .where(sql.ref('reception_session_id'), 'is not', null)
    .execute();

  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('petition').dropColumn('reception_session_id').execute();
  await db.schema.dropTable('reception_session').execute();
  await db.deleteFrom('legal_period').where('code', 'like', 'reception.%').execute();
}
