import { type Selectable, type SqlBool, type Transaction, sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { seesWholeCountry, unitInScope } from '../access/access.js';
import type { Database, Db } from '../db/database.js';
import type {
  AttendanceStatus,
  GrantedScale,
  TrainingClassTable,
  TrainingInstructorTable,
  TrainingProgrammeTable,
  TrainingSessionTable,
} from './training.tables.js';

type Conn = Db | Transaction<Database>;

export type ProgrammeRow = Selectable<TrainingProgrammeTable>;
export type InstructorRow = Omit<TrainingInstructorTable, 'id' | 'created_at'> & { id: string };
export type ClassRow = Omit<TrainingClassTable, 'id' | 'created_at'> & { id: string; programme_name: string; programme_form: ProgrammeRow['form']; enrolled: number };
export type SessionRow = Omit<TrainingSessionTable, 'id'> & { id: string; instructor_ids: string[] };
export type NewProgramme = Omit<ProgrammeRow, 'id' | 'created_at' | 'updated_at'>;
export type NewClass = Omit<TrainingClassTable, 'id' | 'created_at'>;
export interface NewSession {
  session_date: string;
  starts_at: string;
  ends_at: string;
  topic: string | null;
  instructor_ids: string[];
}

export interface EnrolmentRow {
  id: string;
  class_id: string;
  cadre_id: string;
  full_name: string;
  plan_proposal_id: string | null;
}

export interface AttendanceRow {
  session_id: string;
  enrolment_id: string;
  status: AttendanceStatus;
}

export interface ScoreRow {
  test_id: string;
  enrolment_id: string;
  score: string;
}

export interface TestRow {
  id: string;
  class_id: string;
  name: string;
  held_on: string | null;
}

export interface CertificateRow {
  id: string;
  enrolment_id: string;
  class_id: string;
  cadre_id: string;
  full_name: string;
  number: string;
  issued_on: string;
  revoked_at: Date | null;
  revoke_reason: string | null;
}

export interface OverlapRow {
  instructor_name: string;
  class_name: string;
  session_date: string;
  starts_at: string;
  ends_at: string;
}

export interface HistoryRow {
  enrolment_id: string;
  class_id: string;
  class_name: string;
  start_date: string;
  end_date: string;
  programme_id: string;
  programme_name: string;
  form: ProgrammeRow['form'];
  outcome: ProgrammeRow['outcome'];
  sessions: number;
  present: number;
  certificate_id: string | null;
  certificate_number: string | null;
  certificate_issued_on: string | null;
}

export interface VisitRow {
  id: string;
  commune_id: string;
  programme_id: string | null;
  programme_name: string | null;
  visited_on: string;
  fields: string[];
  solved: string | null;
  follow_ups: string | null;
  officers: { id: string; full_name: string }[];
  cadres: { id: string; full_name: string }[];
}

export interface NewVisit {
  commune_id: string;
  programme_id: string | null;
  visited_on: string;
  fields: string[];
  solved: string | null;
  follow_ups: string | null;
}

export interface FormCountRow {
  form: ProgrammeRow['form'];
  classes: number;
  participants: number;
  visits: number;
}

export interface FulfilmentRow {
  course_type: string;
  planned: number;
  enrolled: number;
  certified: number;
}

/** Programmes and instructors are kept by a unit for itself and every unit below it. */
function keptForActor(actor: Actor, column: string) {
  if (seesWholeCountry(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${unitInScope(actor, column)} or exists (select 1 from unit_scope up where up.root_id = ${sql.ref(column)} and up.unit_id = ${actor.unitId}))`;
}

const PROGRAMME_COLUMNS = [
  'id',
  'owning_unit_id',
  'name',
  'name_folded',
  'form',
  'organiser',
  'fields',
  'hours',
  'outcome',
  'outcome_scale',
  'outcome_level',
  'course_type',
  'created_at',
  'updated_at',
] as const;

function classQuery(db: Conn) {
  return db
    .selectFrom('training_class as c')
    .innerJoin('training_programme as p', 'p.id', 'c.programme_id')
    .select([
      'c.id',
      'c.programme_id',
      'c.unit_id',
      'c.name',
      'c.start_date',
      'c.end_date',
      'c.venue',
      'c.venue_unit_id',
      'c.capacity',
      'p.name as programme_name',
      'p.form as programme_form',
      sql<number>`(select count(*)::int from training_enrolment e where e.class_id = c.id)`.as('enrolled'),
    ]);
}

export class TrainingRepository {
  // --- Programmes ----------------------------------------------------------------------

  listProgrammes(db: Conn, actor: Actor, filter: { form?: string; search?: string }): Promise<ProgrammeRow[]> {
    return db
      .selectFrom('training_programme')
      .select(PROGRAMME_COLUMNS)
      .where(keptForActor(actor, 'training_programme.owning_unit_id'))
      .$if(filter.form !== undefined, (qb) => qb.where('form', '=', filter.form as ProgrammeRow['form']))
      .$if(filter.search !== undefined, (qb) => qb.where('name_folded', 'like', `%${filter.search}%`))
      .orderBy(sql`name collate "vi-VN-x-icu"`)
      .orderBy('id')
      .execute();
  }

  findProgramme(db: Conn, actor: Actor, id: string): Promise<ProgrammeRow | undefined> {
    return db
      .selectFrom('training_programme')
      .select(PROGRAMME_COLUMNS)
      .where('id', '=', id)
      .where(keptForActor(actor, 'training_programme.owning_unit_id'))
      .executeTakeFirst();
  }

  async insertProgramme(db: Conn, values: NewProgramme): Promise<string> {
    const row = await db
      .insertInto('training_programme')
      .values({ ...values, fields: sql<string[]>`${values.fields}::text[]` })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateProgramme(db: Conn, id: string, values: NewProgramme): Promise<void> {
    await db
      .updateTable('training_programme')
      .set({ ...values, fields: sql<string[]>`${values.fields}::text[]`, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async programmeInUse(db: Conn, id: string): Promise<boolean> {
    const row = await db
      .selectNoFrom((eb) => [
        eb.or([eb.exists(eb.selectFrom('training_class').select('id').where('programme_id', '=', id)), eb.exists(eb.selectFrom('guidance_visit').select('id').where('programme_id', '=', id))]).as('used'),
      ])
      .executeTakeFirstOrThrow();
    return Boolean(row.used);
  }

  async deleteProgramme(db: Conn, id: string): Promise<void> {
    await db.deleteFrom('training_programme').where('id', '=', id).execute();
  }

  // --- Instructors ---------------------------------------------------------------------

  listInstructors(db: Conn, actor: Actor): Promise<InstructorRow[]> {
    return db
      .selectFrom('training_instructor')
      .select(['id', 'owning_unit_id', 'full_name', 'work_unit', 'position'])
      .where(keptForActor(actor, 'training_instructor.owning_unit_id'))
      .orderBy(sql`full_name collate "vi-VN-x-icu"`)
      .orderBy('id')
      .execute();
  }

  /** The visible instructors among `ids`, locked so that two schedules cannot book one person at once. */
  instructorsForUpdate(db: Conn, actor: Actor, ids: readonly string[]): Promise<InstructorRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('training_instructor')
      .select(['id', 'owning_unit_id', 'full_name', 'work_unit', 'position'])
      .where('id', 'in', [...ids])
      .where(keptForActor(actor, 'training_instructor.owning_unit_id'))
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  async instructorNames(db: Conn, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('training_instructor').select(['id', 'full_name']).where('id', 'in', [...ids]).orderBy('id').execute();
    return new Map(rows.map((row) => [row.id, row.full_name]));
  }

  async insertInstructor(db: Conn, values: Omit<InstructorRow, 'id'>): Promise<string> {
    const row = await db.insertInto('training_instructor').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  // --- Classes and sessions ------------------------------------------------------------

  async insertClass(db: Conn, values: NewClass): Promise<string> {
    const row = await db.insertInto('training_class').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  findClass(db: Conn, actor: Actor, id: string): Promise<ClassRow | undefined> {
    return classQuery(db).where('c.id', '=', id).where(unitInScope(actor, 'c.unit_id')).executeTakeFirst();
  }

  async lockClass(db: Conn, id: string): Promise<void> {
    await db.selectFrom('training_class').select('id').where('id', '=', id).forUpdate().execute();
  }

  listClasses(db: Conn, actor: Actor, filter: { unitId?: string; from?: string; to?: string; programmeId?: string }): Promise<ClassRow[]> {
    return classQuery(db)
      .where(unitInScope(actor, 'c.unit_id'))
      .$if(filter.unitId !== undefined, (qb) =>
        qb.where('c.unit_id', 'in', (eb) => eb.selectFrom('unit_scope').select('unit_id').where('root_id', '=', filter.unitId as string)),
      )
      .$if(filter.programmeId !== undefined, (qb) => qb.where('c.programme_id', '=', filter.programmeId as string))
      .$if(filter.from !== undefined, (qb) => qb.where('c.end_date', '>=', filter.from as string))
      .$if(filter.to !== undefined, (qb) => qb.where('c.start_date', '<=', filter.to as string))
      .orderBy('c.start_date')
      .orderBy('c.id')
      .execute();
  }

  async insertSessions(db: Conn, classId: string, sessions: readonly NewSession[]): Promise<void> {
    for (const session of sessions) {
      const row = await db
        .insertInto('training_session')
        .values({ class_id: classId, session_date: session.session_date, starts_at: session.starts_at, ends_at: session.ends_at, topic: session.topic })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (session.instructor_ids.length > 0) {
        await db
          .insertInto('training_session_instructor')
          .values(session.instructor_ids.map((instructorId) => ({ session_id: row.id, instructor_id: instructorId })))
          .execute();
      }
    }
  }

  sessionsOf(db: Conn, classId: string): Promise<SessionRow[]> {
    return db
      .selectFrom('training_session as s')
      .select([
        's.id',
        's.class_id',
        's.session_date',
        sql<string>`to_char(s.starts_at, 'HH24:MI')`.as('starts_at'),
        sql<string>`to_char(s.ends_at, 'HH24:MI')`.as('ends_at'),
        's.topic',
        sql<string[]>`coalesce((select array_agg(si.instructor_id::text order by si.instructor_id) from training_session_instructor si where si.session_id = s.id), '{}')`.as(
          'instructor_ids',
        ),
      ])
      .where('s.class_id', '=', classId)
      .orderBy('s.session_date')
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .execute();
  }

  /** Sessions already booked for any of the instructors that overlap the given time on that day. */
  overlappingSessions(db: Conn, instructorIds: readonly string[], session: Pick<NewSession, 'session_date' | 'starts_at' | 'ends_at'>): Promise<OverlapRow[]> {
    if (instructorIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('training_session as s')
      .innerJoin('training_session_instructor as si', 'si.session_id', 's.id')
      .innerJoin('training_instructor as i', 'i.id', 'si.instructor_id')
      .innerJoin('training_class as c', 'c.id', 's.class_id')
      .select([
        'i.full_name as instructor_name',
        'c.name as class_name',
        's.session_date',
        sql<string>`to_char(s.starts_at, 'HH24:MI')`.as('starts_at'),
        sql<string>`to_char(s.ends_at, 'HH24:MI')`.as('ends_at'),
      ])
      .where('si.instructor_id', 'in', [...instructorIds])
      .where('s.session_date', '=', session.session_date)
      .where(sql<SqlBool>`s.starts_at < ${session.ends_at}::time and s.ends_at > ${session.starts_at}::time`)
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .execute();
  }

  // --- Enrolments ----------------------------------------------------------------------

  enrolmentsOf(db: Conn, classId: string): Promise<EnrolmentRow[]> {
    return db
      .selectFrom('training_enrolment as e')
      .innerJoin('cadre as p', 'p.id', 'e.cadre_id')
      .select(['e.id', 'e.class_id', 'e.cadre_id', 'p.full_name', 'e.plan_proposal_id'])
      .where('e.class_id', '=', classId)
      .orderBy(sql`p.given_name collate "vi-VN-x-icu"`)
      .orderBy(sql`p.full_name collate "vi-VN-x-icu"`)
      .orderBy('e.id')
      .execute();
  }

  async insertEnrolments(db: Conn, classId: string, rows: readonly { cadre_id: string; plan_proposal_id: string | null }[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('training_enrolment')
      .values(rows.map((row) => ({ class_id: classId, ...row })))
      .execute();
  }

  // --- Attendance, tests, scores -------------------------------------------------------

  attendanceOf(db: Conn, classId: string): Promise<AttendanceRow[]> {
    return db
      .selectFrom('training_attendance as a')
      .innerJoin('training_session as s', 's.id', 'a.session_id')
      .select(['a.session_id', 'a.enrolment_id', 'a.status'])
      .where('s.class_id', '=', classId)
      .orderBy('s.session_date')
      .orderBy('a.session_id')
      .orderBy('a.enrolment_id')
      .execute();
  }

  /** The session's register as sent replaces the one kept: whoever is left out is no longer marked. */
  async replaceAttendance(db: Conn, sessionId: string, rows: readonly { enrolment_id: string; status: AttendanceStatus }[]): Promise<void> {
    await db.deleteFrom('training_attendance').where('session_id', '=', sessionId).execute();
    if (rows.length === 0) return;
    await db
      .insertInto('training_attendance')
      .values(rows.map((row) => ({ session_id: sessionId, ...row })))
      .execute();
  }

  testsOf(db: Conn, classId: string): Promise<TestRow[]> {
    return db.selectFrom('training_test').select(['id', 'class_id', 'name', 'held_on']).where('class_id', '=', classId).orderBy('held_on').orderBy('id').execute();
  }

  async insertTests(db: Conn, classId: string, tests: readonly { name: string; held_on: string | null }[]): Promise<void> {
    if (tests.length === 0) return;
    await db
      .insertInto('training_test')
      .values(tests.map((test) => ({ class_id: classId, ...test })))
      .execute();
  }

  scoresOf(db: Conn, classId: string): Promise<ScoreRow[]> {
    return db
      .selectFrom('training_score as sc')
      .innerJoin('training_test as t', 't.id', 'sc.test_id')
      .select(['sc.test_id', 'sc.enrolment_id', 'sc.score'])
      .where('t.class_id', '=', classId)
      .orderBy('sc.test_id')
      .orderBy('sc.enrolment_id')
      .execute();
  }

  /** The test's score sheet as sent replaces the one kept. */
  async replaceScores(db: Conn, testId: string, rows: readonly { enrolment_id: string; score: number }[]): Promise<void> {
    await db.deleteFrom('training_score').where('test_id', '=', testId).execute();
    if (rows.length === 0) return;
    await db
      .insertInto('training_score')
      .values(rows.map((row) => ({ test_id: testId, ...row })))
      .execute();
  }

  // --- Certificates --------------------------------------------------------------------

  private certificateQuery(db: Conn) {
    return db
      .selectFrom('training_certificate as ct')
      .innerJoin('training_enrolment as e', 'e.id', 'ct.enrolment_id')
      .innerJoin('cadre as p', 'p.id', 'e.cadre_id')
      .select(['ct.id', 'ct.enrolment_id', 'e.class_id', 'e.cadre_id', 'p.full_name', 'ct.number', 'ct.issued_on', 'ct.revoked_at', 'ct.revoke_reason']);
  }

  certificatesOf(db: Conn, classId: string): Promise<CertificateRow[]> {
    return this.certificateQuery(db).where('e.class_id', '=', classId).orderBy('ct.issued_on').orderBy('ct.id').execute();
  }

  /** A certificate of a class in the actor's scope, locked for revocation. */
  findCertificateForUpdate(db: Conn, actor: Actor, id: string): Promise<CertificateRow | undefined> {
    return this.certificateQuery(db)
      .innerJoin('training_class as c', 'c.id', 'e.class_id')
      .where('ct.id', '=', id)
      .where(unitInScope(actor, 'c.unit_id'))
      .forUpdate(['ct'])
      .executeTakeFirst();
  }

  async insertCertificate(db: Conn, values: { enrolment_id: string; number: string; issued_on: string; issued_by: string | null }): Promise<string> {
    const row = await db.insertInto('training_certificate').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async revokeCertificate(db: Conn, id: string, userId: string | null, reason: string): Promise<void> {
    await db.updateTable('training_certificate').set({ revoked_at: new Date(), revoked_by: userId, revoke_reason: reason }).where('id', '=', id).execute();
  }

  /** The qualification a certificate grants in the cadre registry, traced back to it by source_ref. */
  async insertCourseQualification(
    db: Conn,
    values: { cadre_id: string; kind: GrantedScale; level: string; institution: string | null; obtained_on: string; certificate_id: string; note: string },
  ): Promise<string> {
    const row = await db
      .insertInto('cadre_qualification')
      .values({
        cadre_id: values.cadre_id,
        kind: values.kind,
        level: values.level,
        institution: values.institution,
        obtained_on: values.obtained_on,
        obtained_precision: 'day',
        source: 'course',
        source_ref: values.certificate_id,
        note: values.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async deleteCourseQualifications(db: Conn, certificateId: string): Promise<void> {
    await db.deleteFrom('cadre_qualification').where('source', '=', 'course').where('source_ref', '=', certificateId).execute();
  }

  // --- A person's history --------------------------------------------------------------

  historyOf(db: Conn, cadreId: string): Promise<HistoryRow[]> {
    return db
      .selectFrom('training_enrolment as e')
      .innerJoin('training_class as c', 'c.id', 'e.class_id')
      .innerJoin('training_programme as p', 'p.id', 'c.programme_id')
      .leftJoin('training_certificate as ct', (join) => join.onRef('ct.enrolment_id', '=', 'e.id').on('ct.revoked_at', 'is', null))
      .select([
        'e.id as enrolment_id',
        'c.id as class_id',
        'c.name as class_name',
        'c.start_date',
        'c.end_date',
        'p.id as programme_id',
        'p.name as programme_name',
        'p.form',
        'p.outcome',
        sql<number>`(select count(*)::int from training_session s where s.class_id = c.id)`.as('sessions'),
        sql<number>`(select count(*)::int from training_attendance a where a.enrolment_id = e.id and a.status = 'present')`.as('present'),
        'ct.id as certificate_id',
        'ct.number as certificate_number',
        'ct.issued_on as certificate_issued_on',
      ])
      .where('e.cadre_id', '=', cadreId)
      .orderBy('c.start_date', 'desc')
      .orderBy('c.id', 'desc')
      .execute();
  }

  /** Hours actually sat (sessions marked present), per calendar year of the session. */
  async hoursByYear(db: Conn, cadreId: string): Promise<{ year: number; hours: string }[]> {
    const result = await sql<{ year: number; hours: string }>`
      select extract(year from s.session_date)::int as year,
        round(sum(extract(epoch from (s.ends_at - s.starts_at)) / 3600)::numeric, 2)::text as hours
      from training_attendance a
      join training_enrolment e on e.id = a.enrolment_id
      join training_session s on s.id = a.session_id
      where e.cadre_id = ${cadreId} and a.status = 'present'
      group by 1
      order by 1
    `.execute(db);
    return result.rows;
  }

  // --- Guidance visits -----------------------------------------------------------------

  async unitLevel(db: Conn, unitId: string): Promise<string | undefined> {
    const row = await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirst();
    return row?.level;
  }

  async insertVisit(db: Conn, values: NewVisit, officerIds: readonly string[], cadreIds: readonly string[]): Promise<string> {
    const row = await db
      .insertInto('guidance_visit')
      .values({ ...values, fields: sql<string[]>`${values.fields}::text[]` })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (officerIds.length > 0) await db.insertInto('guidance_visit_officer').values(officerIds.map((id) => ({ visit_id: row.id, instructor_id: id }))).execute();
    if (cadreIds.length > 0) await db.insertInto('guidance_visit_cadre').values(cadreIds.map((id) => ({ visit_id: row.id, cadre_id: id }))).execute();
    return row.id;
  }

  listVisits(db: Conn, actor: Actor, filter: { id?: string; unitId?: string; officerId?: string; cadreId?: string; from?: string; to?: string }): Promise<VisitRow[]> {
    return db
      .selectFrom('guidance_visit as v')
      .leftJoin('training_programme as p', 'p.id', 'v.programme_id')
      .select([
        'v.id',
        'v.commune_id',
        'v.programme_id',
        'p.name as programme_name',
        'v.visited_on',
        'v.fields',
        'v.solved',
        'v.follow_ups',
        sql<{ id: string; full_name: string }[]>`coalesce((select json_agg(json_build_object('id', i.id::text, 'full_name', i.full_name) order by i.full_name collate "vi-VN-x-icu", i.id)
          from guidance_visit_officer o join training_instructor i on i.id = o.instructor_id where o.visit_id = v.id), '[]'::json)`.as('officers'),
        sql<{ id: string; full_name: string }[]>`coalesce((select json_agg(json_build_object('id', c.id::text, 'full_name', c.full_name) order by c.given_name collate "vi-VN-x-icu", c.full_name collate "vi-VN-x-icu", c.id)
          from guidance_visit_cadre gc join cadre c on c.id = gc.cadre_id where gc.visit_id = v.id), '[]'::json)`.as('cadres'),
      ])
      .where(unitInScope(actor, 'v.commune_id'))
      .$if(filter.id !== undefined, (qb) => qb.where('v.id', '=', filter.id as string))
      .$if(filter.unitId !== undefined, (qb) =>
        qb.where('v.commune_id', 'in', (eb) => eb.selectFrom('unit_scope').select('unit_id').where('root_id', '=', filter.unitId as string)),
      )
      .$if(filter.officerId !== undefined, (qb) =>
        qb.where('v.id', 'in', (eb) => eb.selectFrom('guidance_visit_officer').select('visit_id').where('instructor_id', '=', filter.officerId as string)),
      )
      .$if(filter.cadreId !== undefined, (qb) =>
        qb.where('v.id', 'in', (eb) => eb.selectFrom('guidance_visit_cadre').select('visit_id').where('cadre_id', '=', filter.cadreId as string)),
      )
      .$if(filter.from !== undefined, (qb) => qb.where('v.visited_on', '>=', filter.from as string))
      .$if(filter.to !== undefined, (qb) => qb.where('v.visited_on', '<=', filter.to as string))
      .orderBy('v.visited_on', 'desc')
      .orderBy('v.id', 'desc')
      .execute();
  }

  // --- Reports -------------------------------------------------------------------------

  /** Classes (by start date) and visits held in the unit's subtree during the year, by form. */
  async countsByForm(db: Conn, unitId: string, year: number): Promise<FormCountRow[]> {
    const result = await sql<FormCountRow>`
      with sub as (select unit_id from unit_scope where root_id = ${unitId}),
      classes as (
        select p.form, count(distinct c.id)::int as classes, count(e.id)::int as participants
        from training_class c
        join training_programme p on p.id = c.programme_id
        left join training_enrolment e on e.class_id = c.id
        where c.unit_id in (select unit_id from sub) and extract(year from c.start_date) = ${year}
        group by p.form
      ),
      visits as (
        select coalesce(p.form, 'field_guidance') as form, count(distinct v.id)::int as visits,
          count(gc.cadre_id)::int as participants
        from guidance_visit v
        left join training_programme p on p.id = v.programme_id
        left join guidance_visit_cadre gc on gc.visit_id = v.id
        where v.commune_id in (select unit_id from sub) and extract(year from v.visited_on) = ${year}
        group by 1
      )
      select coalesce(classes.form, visits.form) as form, coalesce(classes.classes, 0) as classes,
        (coalesce(classes.participants, 0) + coalesce(visits.participants, 0))::int as participants, coalesce(visits.visits, 0) as visits
      from classes full join visits on visits.form = classes.form
      order by 1
    `.execute(db);
    return result.rows;
  }

  /**
   * The year's approved plans (the latest approved version of each unit's review) in the subtree:
   * accepted places per course type, how many were enrolled in a class of that course type in the
   * year (or linked to the place explicitly), and how many earned a certificate still in force.
   */
  async planFulfilment(db: Conn, unitId: string, year: number): Promise<FulfilmentRow[]> {
    const result = await sql<FulfilmentRow>`
      with plan as (
        select distinct on (r.unit_id) r.id
        from training_review r
        where r.status = 'approved' and r.year = ${year}
          and r.unit_id in (select unit_id from unit_scope where root_id = ${unitId})
        order by r.unit_id, r.version desc
      ),
      place as (
        select p.id, p.cadre_id, p.course_type,
          (select e.id from training_enrolment e
             join training_class c on c.id = e.class_id
             join training_programme g on g.id = c.programme_id
           where e.plan_proposal_id = p.id
              or (e.cadre_id = p.cadre_id and g.course_type = p.course_type and extract(year from c.start_date) = ${year})
           order by (e.plan_proposal_id = p.id) desc nulls last, e.id
           limit 1) as enrolment_id
        from training_proposal p
        where p.review_id in (select id from plan) and p.decision = 'accepted'
      )
      select place.course_type, count(*)::int as planned, count(place.enrolment_id)::int as enrolled,
        count(*) filter (where exists (select 1 from training_certificate ct where ct.enrolment_id = place.enrolment_id and ct.revoked_at is null))::int as certified
      from place
      group by place.course_type
      order by place.course_type
    `.execute(db);
    return result.rows;
  }
}
