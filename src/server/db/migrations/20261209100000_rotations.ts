import { type Kysely, sql } from 'kysely';

/*
 * Rotation (luân chuyển) and assignment (điều động) of cadres into commune
 * posts (Regulation 65-QĐ/TW, 2022; before it Regulation 98-QĐ/TW, 2017).
 * A rotation opens the destination post and ends the origin post (kept by
 * id, re-opened on return); the warnings the decision was taken despite are
 * kept with it. `rotation_rule` holds the regulation's figures by date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rotation_rule')
    .addColumn('valid_from', 'date', (col) => col.primaryKey())
    .addColumn('default_months', 'integer', (col) => col.notNull().check(sql`default_months > 0`))
    .addColumn('minimum_months', 'integer', (col) => col.notNull().check(sql`minimum_months > 0`))
    .addColumn('minimum_service_years', 'integer', (col) => col.notNull().check(sql`minimum_service_years >= 0`))
    .addColumn('basis', 'text', (col) => col.notNull())
    .execute();
  await db
    .insertInto('rotation_rule')
    .values([
      {
        valid_from: '2017-10-07',
        default_months: 36,
        minimum_months: 36,
        minimum_service_years: 10,
        basis: 'Quy định 98-QĐ/TW ngày 07/10/2017 của Bộ Chính trị về luân chuyển cán bộ (thời gian, tuổi: chưa đối chiếu văn bản gốc)',
      },
      {
        valid_from: '2022-04-28',
        default_months: 36,
        minimum_months: 36,
        minimum_service_years: 10,
        basis: 'Quy định 65-QĐ/TW ngày 28/4/2022 của Bộ Chính trị về luân chuyển cán bộ, Điều 5 (thời gian tối thiểu 36 tháng: chưa đối chiếu văn bản gốc)',
      },
    ])
    .execute();

  await db.schema
    .createTable('rotation')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('luan_chuyen', 'dieu_dong')`))
    .addColumn('direction', 'text', (col) => col.notNull().check(sql`direction in ('down', 'up', 'across')`))
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('strengthen_weak', 'training', 'other')`))
    .addColumn('purpose_note', 'text')
    .addColumn('origin_unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('origin_post_name', 'text', (col) => col.notNull())
    .addColumn('origin_post_id', 'bigint', (col) => col.references('cadre_post.id').onDelete('set null'))
    .addColumn('origin_owning_unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('destination_unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('destination_title_code', 'text', (col) => col.notNull())
    .addColumn('destination_post_id', 'bigint', (col) => col.references('cadre_post.id').onDelete('set null'))
    .addColumn('return_post_id', 'bigint', (col) => col.references('cadre_post.id').onDelete('set null'))
    .addColumn('decision_number', 'text', (col) => col.notNull())
    .addColumn('decision_date', 'date', (col) => col.notNull())
    .addColumn('decision_signer', 'text', (col) => col.notNull())
    .addColumn('decision_file', 'bytea')
    .addColumn('decision_file_name', 'text')
    .addColumn('decision_file_type', 'text', (col) => col.check(sql`decision_file_type in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('start_date', 'date', (col) => col.notNull())
    .addColumn('planned_end_date', 'date', (col) => col.notNull())
    .addColumn('end_date', 'date')
    .addColumn('midterm_evaluation', 'text')
    .addColumn('final_evaluation', 'text')
    .addColumn('placement', 'text', (col) => col.check(sql`placement in ('return', 'stay', 'other')`))
    .addColumn('placement_note', 'text')
    .addColumn('warnings', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('rotation_planned_after_start', sql`planned_end_date > start_date`)
    .addCheckConstraint('rotation_end_after_start', sql`end_date is null or end_date >= start_date`)
    .addCheckConstraint('rotation_ended_with_placement', sql`(end_date is null) = (placement is null)`)
    .addCheckConstraint('rotation_decided_before_start', sql`decision_date <= start_date`)
    .addCheckConstraint('rotation_file_complete', sql`(decision_file is null) = (decision_file_type is null)`)
    .execute();
  await db.schema.createIndex('rotation_cadre_idx').on('rotation').columns(['cadre_id', 'start_date']).execute();
  await db.schema.createIndex('rotation_destination_idx').on('rotation').columns(['destination_unit_id', 'start_date']).execute();
  await db.schema.createIndex('rotation_origin_idx').on('rotation').columns(['origin_unit_id', 'start_date']).execute();
  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rotation').execute();
  await db.schema.dropTable('rotation_rule').execute();
}
