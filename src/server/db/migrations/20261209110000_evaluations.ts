import { type Kysely, sql } from 'kysely';

/*
 * Annual evaluation (đánh giá, xếp loại) per person and year, and discipline
 * as records (form, date, deciding body, decision) instead of the free text
 * `cadre.discipline`. The text is parsed where it names a form and a year
 * ("Khiển trách năm 2019", "cảnh cáo 12/03/2020"); what does not parse stays
 * in the text for an officer to record properly.
 */
const FORMS: readonly [string, string][] = [
  ['khien_trach', 'khiển trách'],
  ['canh_cao', 'cảnh cáo'],
  ['ha_bac_luong', 'hạ bậc lương'],
  ['giang_chuc', 'giáng chức'],
  ['cach_chuc', 'cách chức'],
  ['bai_nhiem', 'bãi nhiệm'],
  ['buoc_thoi_viec', 'buộc thôi việc'],
  ['khai_tru', 'khai trừ'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cadre_discipline')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id').onDelete('cascade'))
    .addColumn('form', 'text', (col) => col.notNull().check(sql`form in (${sql.join(FORMS.map(([code]) => sql.lit(code)))})`))
    .addColumn('decided_on', 'date', (col) => col.notNull())
    .addColumn('deciding_body', 'text', (col) => col.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('reason', 'text')
    .addColumn('evaluation_exception', 'text', (col) => col.check(sql`evaluation_exception in ('counted_previous_year', 'unrelated_to_duties')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('cadre_discipline_cadre_idx').on('cadre_discipline').columns(['cadre_id', 'decided_on']).execute();

  await db.schema
    .createTable('cadre_evaluation')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id').onDelete('cascade'))
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year between 1990 and 2100`))
    /** The unit whose body evaluated the person that year (their post's unit): counts roll up by it. */
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('class', 'text', (col) => col.notNull().check(sql`class in ('hoan_thanh_xuat_sac', 'hoan_thanh_tot', 'hoan_thanh', 'khong_hoan_thanh')`))
    .addColumn('points', 'numeric(5, 2)', (col) => col.check(sql`points between 0 and 100`))
    .addColumn('evaluated_by', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('cadre_evaluation_once_a_year', ['cadre_id', 'year'])
    .execute();
  await db.schema.createIndex('cadre_evaluation_unit_year_idx').on('cadre_evaluation').columns(['year', 'unit_id']).execute();

  // The free text, where it parses: a form and a day (dd/mm/yyyy) or a year.
  for (const [code, words] of FORMS) {
    await sql`
      insert into cadre_discipline (cadre_id, form, decided_on, deciding_body, reason)
      select c.id, ${code},
        coalesce(
          to_date(substring(c.discipline from '(\\d{1,2}/\\d{1,2}/\\d{4})'), 'DD/MM/YYYY'),
          make_date(substring(c.discipline from '((?:19|20)\\d{2})')::int, 12, 31)),
        'Chưa rõ (chuyển từ ghi chú kỷ luật cũ)', c.discipline
      from cadre c
      where lower(c.discipline) like ${`%${words}%`}
        and c.discipline ~ '(19|20)\\d{2}'`.execute(db);
  }
  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cadre_evaluation').execute();
  await db.schema.dropTable('cadre_discipline').execute();
}
