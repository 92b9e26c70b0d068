import { type Selectable, type SqlBool, type Transaction, sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { catalogueInReach, unitInScope } from '../access/access.js';
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
export type ClassRow = Omit<TrainingClassTable, 'id' | 'created_at'> & {
  id: string;
  programme_name: string;
  programme_form: ProgrammeRow['form'];
  enrolled: number;
};
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

export interface RosterRow {
  enrolment_id: string;
  cadre_id: string;
  full_name: string;
  birth_date: string | null;
  birth_date_precision: 'day' | 'year' | null;
  owning_unit_id: string;
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
  class_unit_id: string;
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

export interface PlanCandidateRow {
  proposal_id: string;
  cadre_id: string;
  full_name: string;
  given_name: string;
  unit_id: string;
  title_codes: string[];
  reason_text: string;
}

export interface FulfilmentRow {
  course_type: string;
  /** The form of the class the places were taken up in; null for places not taken up. */
  form: ProgrammeRow['form'] | null;
  planned: number;
  enrolled: number;
  certified: number;
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
      .where(catalogueInReach(actor, 'training_programme.owning_unit_id'))
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
      .where(catalogueInReach(actor, 'training_programme.owning_unit_id'))
      .executeTakeFirst();
  }

  /** The programme of a class already found in scope (a commune sees the class though the programme is kept above it). */
  programmeById(db: Conn, id: string): Promise<ProgrammeRow> {
    return db.selectFrom('training_programme').select(PROGRAMME_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
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
        eb
          .or([
            eb.exists(eb.selectFrom('training_class').select('id').where('programme_id', '=', id)),
            eb.exists(eb.selectFrom('guidance_visit').select('id').where('programme_id', '=', id)),
          ])
          .as('used'),
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
      .where(catalogueInReach(actor, 'training_instructor.owning_unit_id'))
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
      .where(catalogueInReach(actor, 'training_instructor.owning_unit_id'))
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  async instructorNames(db: Conn, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('training_instructor')
      .select(['id', 'full_name'])
      .where('id', 'in', [...ids])
      .orderBy('id')
      .execute();
    return new Map(rows.map((row) => [row.id, row.full_name]));
  }

  async insertInstructor(db: Conn, values: Omit<InstructorRow, 'id'>): Promise<string> {
    const row = await db.insertInto('training_instructor').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Locked like a booking locks it, so that a removal and a new assignment cannot cross. */
  findInstructorForUpdate(db: Conn, actor: Actor, id: string): Promise<InstructorRow | undefined> {
    return db
      .selectFrom('training_instructor')
      .select(['id', 'owning_unit_id', 'full_name', 'work_unit', 'position'])
      .where('id', '=', id)
      .where(catalogueInReach(actor, 'training_instructor.owning_unit_id'))
      .forUpdate()
      .executeTakeFirst();
  }

  async updateInstructor(db: Conn, id: string, values: Omit<InstructorRow, 'id'>): Promise<void> {
    await db.updateTable('training_instructor').set(values).where('id', '=', id).execute();
  }

  async instructorInUse(db: Conn, id: string): Promise<boolean> {
    const row = await db
      .selectNoFrom((eb) => [
        eb
          .or([
            eb.exists(eb.selectFrom('training_session_instructor').select('session_id').where('instructor_id', '=', id)),
            eb.exists(eb.selectFrom('guidance_visit_officer').select('visit_id').where('instructor_id', '=', id)),
          ])
          .as('used'),
      ])
      .executeTakeFirstOrThrow();
    return Boolean(row.used);
  }

  async deleteInstructor(db: Conn, id: string): Promise<void> {
    await db.deleteFrom('training_instructor').where('id', '=', id).execute();
  }

  // --- Classes and sessions ------------------------------------------------------------

  async insertClass(db: Conn, values: NewClass): Promise<string> {
    const row = await db.insertInto('training_class').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  findClass(db: Conn, id: string): Promise<ClassRow | undefined> {
    return classQuery(db).where('c.id', '=', id).executeTakeFirst();
  }

  async lockClass(db: Conn, id: string): Promise<void> {
    await db.selectFrom('training_class').select('id').where('id', '=', id).forUpdate().execute();
  }

  listClasses(db: Conn, actor: Actor, filter: { unitId?: string; from?: string; to?: string; programmeId?: string }): Promise<ClassRow[]> {
    return classQuery(db)
      .where(unitInScope(actor, 'c.unit_id'))
      .$if(filter.unitId !== undefined, (qb) =>
        qb.where('c.unit_id', 'in', (eb) =>
          eb
            .selectFrom('unit_scope')
            .select('unit_id')
            .where('root_id', '=', filter.unitId as string),
        ),
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
        sql<
          string[]
        >`coalesce((select array_agg(si.instructor_id::text order by si.instructor_id) from training_session_instructor si where si.session_id = s.id), '{}')`.as(
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
  overlappingSessions(
    db: Conn,
    instructorIds: readonly string[],
    session: Pick<NewSession, 'session_date' | 'starts_at' | 'ends_at'>,
    exceptSessionId?: string,
  ): Promise<OverlapRow[]> {
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
      .$if(exceptSessionId !== undefined, (qb) => qb.where('s.id', '<>', exceptSessionId as string))
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .execute();
  }

  async updateClass(db: Conn, id: string, values: Omit<NewClass, 'programme_id' | 'unit_id'>): Promise<void> {
    await db.updateTable('training_class').set(values).where('id', '=', id).execute();
  }

  /** What a class has recorded about its learners, which deleting it would lose. */
  async classRecords(db: Conn, classId: string): Promise<{ attendance: number; scores: number; certificates: number }> {
    const result = await sql<{ attendance: number; scores: number; certificates: number }>`
      select
        (select count(*)::int from training_attendance a join training_session s on s.id = a.session_id where s.class_id = ${classId}) as attendance,
        (select count(*)::int from training_score sc join training_test t on t.id = sc.test_id where t.class_id = ${classId}) as scores,
        (select count(*)::int from training_certificate ct join training_enrolment e on e.id = ct.enrolment_id where e.class_id = ${classId}) as certificates
    `.execute(db);
    return result.rows[0] ?? { attendance: 0, scores: 0, certificates: 0 };
  }

  /** Sessions, tests and instructor bookings go with the class (cascade); enrolments are removed first. */
  async deleteClass(db: Conn, id: string): Promise<void> {
    await db.deleteFrom('training_enrolment').where('class_id', '=', id).execute();
    await db.deleteFrom('training_class').where('id', '=', id).execute();
  }

  async updateSession(db: Conn, sessionId: string, session: NewSession): Promise<void> {
    await db
      .updateTable('training_session')
      .set({ session_date: session.session_date, starts_at: session.starts_at, ends_at: session.ends_at, topic: session.topic })
      .where('id', '=', sessionId)
      .execute();
    await db.deleteFrom('training_session_instructor').where('session_id', '=', sessionId).execute();
    if (session.instructor_ids.length > 0) {
      await db
        .insertInto('training_session_instructor')
        .values(session.instructor_ids.map((instructorId) => ({ session_id: sessionId, instructor_id: instructorId })))
        .execute();
    }
  }

  async deleteSession(db: Conn, sessionId: string): Promise<void> {
    await db.deleteFrom('training_session').where('id', '=', sessionId).execute();
  }

  async insertTest(db: Conn, classId: string, test: { name: string; held_on: string | null }): Promise<string> {
    const row = await db
      .insertInto('training_test')
      .values({ class_id: classId, ...test })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async deleteTest(db: Conn, testId: string): Promise<void> {
    await db.deleteFrom('training_test').where('id', '=', testId).execute();
  }

  // --- Enrolments ----------------------------------------------------------------------

  /** The person's records in the class go with the enrolment; revoked certificates too (the audit log keeps them). */
  async deleteEnrolment(db: Conn, enrolmentId: string): Promise<void> {
    await db.deleteFrom('training_attendance').where('enrolment_id', '=', enrolmentId).execute();
    await db.deleteFrom('training_score').where('enrolment_id', '=', enrolmentId).execute();
    await db.deleteFrom('training_certificate').where('enrolment_id', '=', enrolmentId).execute();
    await db.deleteFrom('training_enrolment').where('id', '=', enrolmentId).execute();
  }

  /** An accepted place in an approved plan, with what an enrolment linked to it must match. */
  findPlanProposal(
    db: Conn,
    proposalId: string,
  ): Promise<{ id: string; cadre_id: string; course_type: string; year: number; status: string; decision: string } | undefined> {
    return db
      .selectFrom('training_proposal as p')
      .innerJoin('training_review as r', 'r.id', 'p.review_id')
      .select(['p.id', 'p.cadre_id', 'p.course_type', 'r.year', 'r.status', 'p.decision'])
      .where('p.id', '=', proposalId)
      .executeTakeFirst();
  }

  /**
   * Accepted places of course type `courseType` in the latest approved plan of each unit in the
   * class's subtree for the year, for people not yet enrolled in the class.
   */
  async planCandidates(db: Conn, classId: string, unitId: string, courseType: string, year: number): Promise<PlanCandidateRow[]> {
    const result = await sql<PlanCandidateRow>`
      with plan as (
        select distinct on (r.unit_id) r.id, r.status
        from training_review r
        where r.year = ${year} and r.status = 'approved'
          and r.unit_id in (select unit_id from unit_scope where root_id = ${unitId})
        order by r.unit_id, r.version desc
      )
      select p.id as proposal_id, p.cadre_id, c.full_name, c.given_name, p.unit_id, p.title_codes, p.reason_text
      from training_proposal p
      join plan on plan.id = p.review_id
      join cadre c on c.id = p.cadre_id
      where p.decision = 'accepted' and p.course_type = ${courseType}
        and not exists (select 1 from training_enrolment e where e.class_id = ${classId} and e.cadre_id = p.cadre_id)
      order by c.given_name collate "vi-VN-x-icu", c.full_name collate "vi-VN-x-icu", p.id
    `.execute(db);
    return result.rows;
  }

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

  /** Marks from an imported register: each (session, person) cell sets the status, or clears it when left empty. */
  async applyAttendanceMarks(db: Conn, marks: readonly { session_id: string; enrolment_id: string; status: AttendanceStatus | null }[]): Promise<void> {
    if (marks.length === 0) return;
    await sql`
      delete from training_attendance a
      using unnest(${marks.map((mark) => mark.session_id)}::bigint[], ${marks.map((mark) => mark.enrolment_id)}::bigint[]) as m(session_id, enrolment_id)
      where a.session_id = m.session_id and a.enrolment_id = m.enrolment_id
    `.execute(db);
    const kept = marks.filter((mark): mark is { session_id: string; enrolment_id: string; status: AttendanceStatus } => mark.status !== null);
    if (kept.length > 0) await db.insertInto('training_attendance').values(kept).execute();
  }

  /** The class's learners with what a printed roster shows of them. */
  rosterOf(db: Conn, classId: string): Promise<RosterRow[]> {
    return db
      .selectFrom('training_enrolment as e')
      .innerJoin('cadre as p', 'p.id', 'e.cadre_id')
      .select(['e.id as enrolment_id', 'e.cadre_id', 'p.full_name', 'p.birth_date', 'p.birth_date_precision', 'p.owning_unit_id'])
      .where('e.class_id', '=', classId)
      .orderBy(sql`p.given_name collate "vi-VN-x-icu"`)
      .orderBy(sql`p.full_name collate "vi-VN-x-icu"`)
      .orderBy('e.id')
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
    return db
      .selectFrom('training_test')
      .select(['id', 'class_id', 'name', 'held_on'])
      .where('class_id', '=', classId)
      .orderBy('held_on')
      .orderBy('id')
      .execute();
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

  /** A certificate with the unit of its class, locked for revocation. */
  findCertificateForUpdate(db: Conn, id: string): Promise<(CertificateRow & { class_unit_id: string }) | undefined> {
    return this.certificateQuery(db)
      .innerJoin('training_class as c', 'c.id', 'e.class_id')
      .select('c.unit_id as class_unit_id')
      .where('ct.id', '=', id)
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
        'c.unit_id as class_unit_id',
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
  /** Hours attended per year, in the given classes only when `classIds` is not null. */
  async hoursByYear(db: Conn, cadreId: string, classIds: readonly string[] | null): Promise<{ year: number; hours: string }[]> {
    const result = await sql<{ year: number; hours: string }>`
      select extract(year from s.session_date)::int as year,
        round(sum(extract(epoch from (s.ends_at - s.starts_at)) / 3600)::numeric, 2)::text as hours
      from training_attendance a
      join training_enrolment e on e.id = a.enrolment_id
      join training_session s on s.id = a.session_id
      where e.cadre_id = ${cadreId} and a.status = 'present'
        and (${classIds === null}::boolean or e.class_id = any(${classIds ?? []}::bigint[]))
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

  async updateVisit(db: Conn, id: string, values: NewVisit, officerIds: readonly string[], cadreIds: readonly string[]): Promise<void> {
    await db
      .updateTable('guidance_visit')
      .set({ ...values, fields: sql<string[]>`${values.fields}::text[]` })
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('guidance_visit_officer').where('visit_id', '=', id).execute();
    await db.deleteFrom('guidance_visit_cadre').where('visit_id', '=', id).execute();
    if (officerIds.length > 0)
      await db
        .insertInto('guidance_visit_officer')
        .values(officerIds.map((officer) => ({ visit_id: id, instructor_id: officer })))
        .execute();
    if (cadreIds.length > 0)
      await db
        .insertInto('guidance_visit_cadre')
        .values(cadreIds.map((cadre) => ({ visit_id: id, cadre_id: cadre })))
        .execute();
  }

  async deleteVisit(db: Conn, id: string): Promise<void> {
    await db.deleteFrom('guidance_visit').where('id', '=', id).execute();
  }

  async lockVisit(db: Conn, id: string): Promise<void> {
    await db.selectFrom('guidance_visit').select('id').where('id', '=', id).forUpdate().execute();
  }

  async insertVisit(db: Conn, values: NewVisit, officerIds: readonly string[], cadreIds: readonly string[]): Promise<string> {
    const row = await db
      .insertInto('guidance_visit')
      .values({ ...values, fields: sql<string[]>`${values.fields}::text[]` })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (officerIds.length > 0)
      await db
        .insertInto('guidance_visit_officer')
        .values(officerIds.map((id) => ({ visit_id: row.id, instructor_id: id })))
        .execute();
    if (cadreIds.length > 0)
      await db
        .insertInto('guidance_visit_cadre')
        .values(cadreIds.map((id) => ({ visit_id: row.id, cadre_id: id })))
        .execute();
    return row.id;
  }

  listVisits(
    db: Conn,
    /** Whose scope limits the list; null when the caller has already asked the access policy about the visit. */
    actor: Actor | null,
    filter: { id?: string; unitId?: string; officerId?: string; cadreId?: string; from?: string; to?: string },
  ): Promise<VisitRow[]> {
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
        sql<
          { id: string; full_name: string }[]
        >`coalesce((select json_agg(json_build_object('id', i.id::text, 'full_name', i.full_name) order by i.full_name collate "vi-VN-x-icu", i.id)
          from guidance_visit_officer o join training_instructor i on i.id = o.instructor_id where o.visit_id = v.id), '[]'::json)`.as('officers'),
        sql<
          { id: string; full_name: string }[]
        >`coalesce((select json_agg(json_build_object('id', c.id::text, 'full_name', c.full_name) order by c.given_name collate "vi-VN-x-icu", c.full_name collate "vi-VN-x-icu", c.id)
          from guidance_visit_cadre gc join cadre c on c.id = gc.cadre_id where gc.visit_id = v.id), '[]'::json)`.as('cadres'),
      ])
      .$if(actor !== null, (qb) => qb.where(unitInScope(actor!, 'v.commune_id')))
      .$if(filter.id !== undefined, (qb) => qb.where('v.id', '=', filter.id as string))
      .$if(filter.unitId !== undefined, (qb) =>
        qb.where('v.commune_id', 'in', (eb) =>
          eb
            .selectFrom('unit_scope')
            .select('unit_id')
            .where('root_id', '=', filter.unitId as string),
        ),
      )
      .$if(filter.officerId !== undefined, (qb) =>
        qb.where('v.id', 'in', (eb) =>
          eb
            .selectFrom('guidance_visit_officer')
            .select('visit_id')
            .where('instructor_id', '=', filter.officerId as string),
        ),
      )
      .$if(filter.cadreId !== undefined, (qb) =>
        qb.where('v.id', 'in', (eb) =>
          eb
            .selectFrom('guidance_visit_cadre')
            .select('visit_id')
            .where('cadre_id', '=', filter.cadreId as string),
        ),
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
   * year (or linked to the place explicitly), and how many earned a certificate still in force;
   * split by the form of the class each place was taken up in.
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
           -- A certificate in force wins over a mere enrolment: the place is fulfilled by whichever class completed it.
           order by exists (select 1 from training_certificate ct where ct.enrolment_id = e.id and ct.revoked_at is null) desc,
             (e.plan_proposal_id = p.id) desc nulls last, e.id
           limit 1) as enrolment_id
        from training_proposal p
        where p.review_id in (select id from plan) and p.decision = 'accepted'
      )
      select place.course_type, taken.form, count(*)::int as planned, count(place.enrolment_id)::int as enrolled,
        count(*) filter (where exists (select 1 from training_certificate ct where ct.enrolment_id = place.enrolment_id and ct.revoked_at is null))::int as certified
      from place
      left join lateral (
        select g.form from training_enrolment e join training_class c on c.id = e.class_id join training_programme g on g.id = c.programme_id
        where e.id = place.enrolment_id
      ) taken on true
      group by place.course_type, taken.form
      order by place.course_type, taken.form nulls first
    `.execute(db);
    return result.rows;
  }
}
