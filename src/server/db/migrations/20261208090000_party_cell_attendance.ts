import { type Kysely, sql } from 'kysely';

/*
 * Standing members at party-cell meetings: the grassroots party committee's
 * assignments of its standing members to cells, at a frequency kept as data,
 * and each cell meeting with who of them attended, the issues raised and the
 * follow-up. Commune and committee are kept on each row so that the coverage
 * of a province is read from indexes, not through the organisation tree.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('party_cell_frequency')
    .addColumn('months', 'smallint', (col) => col.primaryKey().check(sql`months between 1 and 12 and 12 % months = 0`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .execute();
  await db
    .insertInto('party_cell_frequency')
    .values([
      // Party Statute art. 24: a cell meets every month, so a monthly visit is the default.
      { months: 1, name: 'Hằng tháng', name_en: 'Monthly' },
      { months: 2, name: 'Hai tháng một lần', name_en: 'Every two months' },
      { months: 3, name: 'Hằng quý', name_en: 'Quarterly' },
      { months: 6, name: 'Sáu tháng một lần', name_en: 'Every six months' },
    ])
    .execute();

  await db.schema
    .createTable('party_cell_assignment')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('committee_id', 'bigint', (col) => col.notNull().references('party_organization.id'))
    .addColumn('cell_id', 'bigint', (col) => col.notNull().references('party_organization.id'))
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id'))
    .addColumn('frequency_months', 'smallint', (col) => col.notNull().defaultTo(1).references('party_cell_frequency.months'))
    .addColumn('valid_from', 'date', (col) => col.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('decision', 'text', (col) => col.check(sql`length(decision) between 1 and 200`))
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('party_cell_assignment_period', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('party_cell_assignment_commune_idx').on('party_cell_assignment').columns(['commune_id', 'valid_from']).execute();
  await db.schema.createIndex('party_cell_assignment_committee_idx').on('party_cell_assignment').column('committee_id').execute();
  await db.schema.createIndex('party_cell_assignment_cell_idx').on('party_cell_assignment').column('cell_id').execute();
  await db.schema.createIndex('party_cell_assignment_cadre_idx').on('party_cell_assignment').column('cadre_id').execute();

  await db.schema
    .createTable('party_cell_meeting')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('admin_unit.id'))
    .addColumn('committee_id', 'bigint', (col) => col.notNull().references('party_organization.id'))
    .addColumn('cell_id', 'bigint', (col) => col.notNull().references('party_organization.id'))
    .addColumn('held_on', 'date', (col) => col.notNull())
    .addColumn('issues_raised', 'text', (col) => col.check(sql`length(issues_raised) between 1 and 4000`))
    .addColumn('follow_up', 'text', (col) => col.check(sql`length(follow_up) between 1 and 4000`))
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('party_cell_meeting_day', ['cell_id', 'held_on'])
    // The target of the attendance rows' copy of committee, cell and day (below).
    .addUniqueConstraint('party_cell_meeting_copied', ['id', 'committee_id', 'cell_id', 'held_on'])
    .execute();
  await db.schema.createIndex('party_cell_meeting_commune_idx').on('party_cell_meeting').columns(['commune_id', 'held_on']).execute();
  await db.schema.createIndex('party_cell_meeting_committee_idx').on('party_cell_meeting').columns(['committee_id', 'held_on']).execute();

  // Each row copies its meeting's committee, cell and day, kept equal by the foreign key (a meeting moved to
  // another day moves its rows): the coverage of a province reads who was present from one index.
  await db.schema
    .createTable('party_cell_attendance')
    .addColumn('meeting_id', 'bigint', (col) => col.notNull())
    .addColumn('committee_id', 'bigint', (col) => col.notNull())
    .addColumn('cell_id', 'bigint', (col) => col.notNull())
    .addColumn('held_on', 'date', (col) => col.notNull())
    .addColumn('cadre_id', 'bigint', (col) => col.notNull().references('cadre.id'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('present', 'excused', 'absent')`))
    .addPrimaryKeyConstraint('party_cell_attendance_pk', ['meeting_id', 'cadre_id'])
    .addForeignKeyConstraint(
      'party_cell_attendance_meeting',
      ['meeting_id', 'committee_id', 'cell_id', 'held_on'],
      'party_cell_meeting',
      ['id', 'committee_id', 'cell_id', 'held_on'],
      (fk) => fk.onDelete('cascade').onUpdate('cascade'),
    )
    .execute();
  await db.schema.createIndex('party_cell_attendance_cadre_idx').on('party_cell_attendance').column('cadre_id').execute();
  await sql`create index party_cell_attendance_present_idx on party_cell_attendance (committee_id, held_on) include (cell_id, cadre_id) where status = 'present'`.execute(
    db,
  );
  // A cell's last visit, for the cells found idle.
  await sql`create index party_cell_attendance_cell_visit_idx on party_cell_attendance (cell_id, held_on) where status = 'present'`.execute(db);

  await sql`select canboxa_watch_tables()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_cell_attendance').execute();
  await db.schema.dropTable('party_cell_meeting').execute();
  await db.schema.dropTable('party_cell_assignment').execute();
  await db.schema.dropTable('party_cell_frequency').execute();
}
