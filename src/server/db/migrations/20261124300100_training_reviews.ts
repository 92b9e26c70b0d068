import { type Kysely, sql } from 'kysely';

/*
 * The annual training-needs review (rà soát): per unit and year, proposals of
 * who attends which course, decided by the unit, approved by the province.
 * An approved review is the year's plan and is frozen by the database itself;
 * a later change is a new version (a copy as a new draft).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The fields the province names as the year's focus, with the posts that need them.
  await db.schema
    .createTable('training_focus')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('field_code', 'text', (col) => col.notNull().check(sql`field_code in ('xay_dung_dang', 'tai_chinh', 'dat_dai', 'tu_phap', 'ldtbxh')`))
    .addColumn('course_type', 'text', (col) => col.notNull())
    .addColumn('title_codes', sql`text[]`, (col) => col.notNull().check(sql`cardinality(title_codes) > 0`))
    .addColumn('updated_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('training_focus_unit_year_field', ['unit_id', 'year', 'field_code'])
    .execute();
  await db.schema.createIndex('training_focus_year_idx').on('training_focus').columns(['year', 'unit_id']).execute();

  await db.schema
    .createTable('training_review')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('as_of', 'date', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn('previous_id', 'bigint', (col) => col.references('training_review.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft').check(sql`status in ('draft', 'submitted', 'approved')`))
    // The focus fields in force when the proposals were made, kept with the plan.
    .addColumn('focus_fields', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('note', 'text')
    .addColumn('returned_note', 'text')
    .addColumn('created_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('approved_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('approved_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('training_review_unit_year_version', ['unit_id', 'year', 'version'])
    .addCheckConstraint('training_review_approval', sql`(status = 'approved') = (approved_at is not null)`)
    .execute();
  // At most one review of a unit and year is being worked on at a time.
  await sql`create unique index training_review_open_idx on training_review (unit_id, year) where status <> 'approved'`.execute(db);
  await db.schema.createIndex('training_review_year_idx').on('training_review').columns(['year', 'unit_id']).execute();

  await db.schema
    .createTable('training_proposal')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('review_id', 'bigint', (col) => col.notNull().references('training_review.id'))
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id'))
    // The unit the place is counted in (the commune of the post that calls for the course).
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('course_type', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull().check(sql`reason in ('gap', 'first_term', 'focus_field', 'added')`))
    .addColumn('reason_text', 'text', (col) => col.notNull())
    .addColumn('reason_text_en', 'text', (col) => col.notNull())
    .addColumn('priority', 'smallint', (col) => col.notNull().check(sql`priority between 1 and 4`))
    .addColumn('title_codes', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('decision', 'text', (col) => col.notNull().defaultTo('pending').check(sql`decision in ('pending', 'accepted', 'rejected')`))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('added_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('training_proposal_person_course', ['review_id', 'cadre_id', 'course_type'])
    .addCheckConstraint('training_proposal_rejection_reason', sql`decision <> 'rejected' or decision_reason is not null`)
    .execute();
  await db.schema.createIndex('training_proposal_cadre_idx').on('training_proposal').column('cadre_id').execute();

  // Updates and deletes only: a restore COPYs approved plans back in.
  await sql`
    create function training_review_frozen() returns trigger language plpgsql as $$
    begin
      if old.status = 'approved' then
        raise exception 'Kế hoạch đào tạo % đã được phê duyệt, không được sửa', old.id;
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end $$
  `.execute(db);
  await sql`create trigger training_review_frozen before update or delete on training_review for each row execute function training_review_frozen()`.execute(
    db,
  );
  await sql`
    create function training_proposal_frozen() returns trigger language plpgsql as $$
    declare
      review_status text;
    begin
      select status into review_status from training_review where id = old.review_id;
      if review_status = 'approved' then
        raise exception 'Kế hoạch đào tạo đã được phê duyệt, không được sửa danh sách';
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end $$
  `.execute(db);
  await sql`
    create trigger training_proposal_frozen before update or delete on training_proposal
    for each row execute function training_proposal_frozen()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_proposal').execute();
  await sql`drop function training_proposal_frozen`.execute(db);
  await db.schema.dropTable('training_review').execute();
  await sql`drop function training_review_frozen`.execute(db);
  await db.schema.dropTable('training_focus').execute();
}
