import { type Kysely, sql } from 'kysely';

/*
 * Training delivery: the catalogue of programmes, the classes that run them
 * (sessions, instructors, enrolments, attendance, tests and scores), the
 * certificates of Circular 01/2018/TT-BNV, and the log of guidance visits
 * ("cầm tay chỉ việc", district staff sent down to communes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_programme')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    // The unit that keeps the programme in its catalogue; units below it see it too.
    .addColumn('owning_unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(name) between 1 and 300`))
    .addColumn('name_folded', 'text', (col) => col.notNull())
    .addColumn('form', 'text', (col) =>
      col.notNull().check(sql`form in ('formal_degree', 'short_course', 'on_the_job', 'field_guidance', 'briefing', 'online', 'study_tour')`),
    )
    .addColumn('organiser', 'text')
    .addColumn('fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('hours', 'integer', (col) => col.check(sql`hours between 0 and 10000`))
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('none', 'certificate', 'qualification')`))
    .addColumn('outcome_scale', 'text', (col) => col.check(sql`outcome_scale in ('professional', 'political_theory', 'state_management')`))
    .addColumn('outcome_level', 'text')
    .addColumn('course_type', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // A qualification-granting programme names the scale and level it grants; no other programme does.
    .addCheckConstraint(
      'training_programme_outcome_level',
      sql`(outcome = 'qualification') = (outcome_scale is not null and outcome_level is not null) and (outcome = 'qualification' or (outcome_scale is null and outcome_level is null))`,
    )
    .execute();
  await db.schema.createIndex('training_programme_unit_idx').on('training_programme').column('owning_unit_id').execute();

  // District and provincial staff who teach or guide; they need not be cadres in the registry.
  await db.schema
    .createTable('training_instructor')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('owning_unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('full_name', 'text', (col) => col.notNull().check(sql`length(full_name) between 1 and 200`))
    .addColumn('work_unit', 'text')
    .addColumn('position', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('training_instructor_unit_idx').on('training_instructor').column('owning_unit_id').execute();

  await db.schema
    .createTable('training_class')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('programme_id', 'bigint', (col) => col.notNull().references('training_programme.id'))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(name) between 1 and 300`))
    .addColumn('start_date', 'date', (col) => col.notNull())
    .addColumn('end_date', 'date', (col) => col.notNull())
    .addColumn('venue', 'text')
    // Guidance held in a commune rather than at a school.
    .addColumn('venue_unit_id', 'bigint', (col) => col.references('admin_unit.id'))
    .addColumn('capacity', 'integer', (col) => col.notNull().check(sql`capacity between 1 and 10000`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('training_class_dates', sql`end_date >= start_date`)
    .execute();
  await db.schema.createIndex('training_class_unit_idx').on('training_class').columns(['unit_id', 'start_date']).execute();
  await db.schema.createIndex('training_class_programme_idx').on('training_class').column('programme_id').execute();

  await db.schema
    .createTable('training_session')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('class_id', 'bigint', (col) => col.notNull().references('training_class.id').onDelete('cascade'))
    .addColumn('session_date', 'date', (col) => col.notNull())
    .addColumn('starts_at', 'time', (col) => col.notNull())
    .addColumn('ends_at', 'time', (col) => col.notNull())
    .addColumn('topic', 'text')
    .addCheckConstraint('training_session_times', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('training_session_class_idx').on('training_session').columns(['class_id', 'session_date']).execute();

  await db.schema
    .createTable('training_session_instructor')
    .addColumn('session_id', 'bigint', (col) => col.notNull().references('training_session.id').onDelete('cascade'))
    .addColumn('instructor_id', 'bigint', (col) => col.notNull().references('training_instructor.id'))
    .addPrimaryKeyConstraint('training_session_instructor_pk', ['session_id', 'instructor_id'])
    .execute();
  await db.schema.createIndex('training_session_instructor_idx').on('training_session_instructor').column('instructor_id').execute();

  await db.schema
    .createTable('training_enrolment')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('class_id', 'bigint', (col) => col.notNull().references('training_class.id'))
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id'))
    // The approved plan's place this enrolment fills; deliberately no foreign key, the plan is another feature's.
    .addColumn('plan_proposal_id', 'bigint')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('training_enrolment_class_cadre', ['class_id', 'cadre_id'])
    .execute();
  await db.schema.createIndex('training_enrolment_cadre_idx').on('training_enrolment').column('cadre_id').execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'bigint', (col) => col.notNull().references('training_session.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'bigint', (col) => col.notNull().references('training_enrolment.id'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('present', 'excused', 'absent')`))
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'enrolment_id'])
    .execute();

  await db.schema
    .createTable('training_test')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('class_id', 'bigint', (col) => col.notNull().references('training_class.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('held_on', 'date')
    .execute();

  await db.schema
    .createTable('training_score')
    .addColumn('test_id', 'bigint', (col) => col.notNull().references('training_test.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'bigint', (col) => col.notNull().references('training_enrolment.id'))
    .addColumn('score', sql`numeric(4,2)`, (col) => col.notNull().check(sql`score between 0 and 10`))
    .addPrimaryKeyConstraint('training_score_pk', ['test_id', 'enrolment_id'])
    .execute();

  await db.schema
    .createTable('training_certificate')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('enrolment_id', 'bigint', (col) => col.notNull().references('training_enrolment.id'))
    .addColumn('number', 'text', (col) => col.notNull().check(sql`length(number) between 1 and 100`))
    .addColumn('issued_on', 'date', (col) => col.notNull())
    .addColumn('issued_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'bigint', (col) => col.references('app_user.id'))
    .addColumn('revoke_reason', 'text')
    .addCheckConstraint('training_certificate_revocation', sql`(revoked_at is null) = (revoke_reason is null)`)
    .execute();
  // Issued once: at most one certificate in force per enrolment (a revoked one may be reissued).
  await sql`create unique index training_certificate_once_idx on training_certificate (enrolment_id) where revoked_at is null`.execute(db);

  await db.schema
    .createTable('guidance_visit')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('programme_id', 'bigint', (col) => col.references('training_programme.id'))
    .addColumn('visited_on', 'date', (col) => col.notNull())
    .addColumn('fields', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('solved', 'text')
    .addColumn('follow_ups', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('guidance_visit_commune_idx').on('guidance_visit').columns(['commune_id', 'visited_on']).execute();

  await db.schema
    .createTable('guidance_visit_officer')
    .addColumn('visit_id', 'bigint', (col) => col.notNull().references('guidance_visit.id').onDelete('cascade'))
    .addColumn('instructor_id', 'bigint', (col) => col.notNull().references('training_instructor.id'))
    .addPrimaryKeyConstraint('guidance_visit_officer_pk', ['visit_id', 'instructor_id'])
    .execute();
  await db.schema.createIndex('guidance_visit_officer_idx').on('guidance_visit_officer').column('instructor_id').execute();

  await db.schema
    .createTable('guidance_visit_cadre')
    .addColumn('visit_id', 'bigint', (col) => col.notNull().references('guidance_visit.id').onDelete('cascade'))
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id'))
    .addPrimaryKeyConstraint('guidance_visit_cadre_pk', ['visit_id', 'cadre_id'])
    .execute();
  await db.schema.createIndex('guidance_visit_cadre_idx').on('guidance_visit_cadre').column('cadre_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'guidance_visit_cadre',
    'guidance_visit_officer',
    'guidance_visit',
    'training_certificate',
    'training_score',
    'training_test',
    'training_attendance',
    'training_enrolment',
    'training_session_instructor',
    'training_session',
    'training_class',
    'training_instructor',
    'training_programme',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
