import type { Transaction } from 'kysely';
import { formatVietnameseDate } from '../../core/dates.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import { assertUnitsInScope, requireWriter } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import type { AppContext } from '../context.js';
import type { Database, Db } from '../db/database.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import {
  GRANTED_SCALE_OF,
  presentCadreTraining,
  presentCalendar,
  presentDiversity,
  presentFulfilment,
  presentVisit,
  presentCertificate,
  presentClass,
  presentClassDetail,
  presentInstructor,
  presentProgramme,
} from './training.presenter.js';
import { type ClassRow, type NewProgramme, type NewSession, type ProgrammeRow, TrainingRepository, type VisitRow } from './training.repository.js';
import type { AttendanceStatus, GrantedScale, ProgrammeForm, ProgrammeOutcome } from './training.tables.js';

type Conn = Db | Transaction<Database>;

export interface ProgrammeInput {
  owningUnitId: string;
  name: string;
  form: ProgrammeForm;
  organiser?: string | null;
  fields?: string[];
  hours?: number | null;
  outcome: ProgrammeOutcome;
  grants?: { scale: GrantedScale; level: string } | null;
  courseType?: string | null;
}

export interface SessionInput {
  date: string;
  startTime: string;
  endTime: string;
  topic?: string | null;
  instructorIds?: string[];
}

export interface ClassInput {
  programmeId: string;
  unitId: string;
  name: string;
  startDate: string;
  endDate: string;
  venue?: string | null;
  venueUnitId?: string | null;
  capacity: number;
  sessions?: SessionInput[];
  tests?: { name: string; heldOn?: string | null }[];
}

export interface VisitInput {
  communeId: string;
  visitedOn: string;
  programmeId?: string | null;
  officerIds: string[];
  cadreIds?: string[];
  fields?: string[];
  solved?: string | null;
  followUps?: string | null;
}

/** Forms whose delivery is a visit to the commune rather than a class. */
const VISIT_FORMS: readonly ProgrammeForm[] = ['field_guidance', 'on_the_job'];

/** Circular 01/2018/TT-BNV: a certificate needs every test scored at least this, out of 10. */
const PASS_SCORE = 5;

function optionalText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const normalized = normalizeText(value);
  return normalized === '' ? null : normalized;
}

function programmeValues(input: ProgrammeInput): NewProgramme {
  const grants = input.grants ?? null;
  if (input.outcome === 'qualification') {
    if (grants === null) throw validationError([{ path: 'grants', message: 'Chương trình cấp trình độ phải ghi rõ thang và mức trình độ được công nhận' }]);
    if (!GRANTED_SCALE_OF[grants.scale].isLevel(grants.level)) throw validationError([{ path: 'grants.level', message: `Mức trình độ "${grants.level}" không có trong thang` }]);
  } else if (grants !== null) {
    throw validationError([{ path: 'grants', message: 'Chỉ chương trình cấp trình độ mới ghi trình độ được công nhận' }]);
  }
  const name = normalizeText(input.name);
  return {
    owning_unit_id: input.owningUnitId,
    name,
    name_folded: foldVietnamese(name),
    form: input.form,
    organiser: optionalText(input.organiser),
    fields: (input.fields ?? []).map(normalizeText),
    hours: input.hours ?? null,
    outcome: input.outcome,
    outcome_scale: grants?.scale ?? null,
    outcome_level: grants?.level ?? null,
    course_type: input.courseType ?? null,
  };
}

function sessionValues(input: SessionInput): NewSession {
  return {
    session_date: input.date,
    starts_at: input.startTime,
    ends_at: input.endTime,
    topic: optionalText(input.topic),
    instructor_ids: [...new Set(input.instructorIds ?? [])],
  };
}

function timeRange(session: Pick<NewSession, 'session_date' | 'starts_at' | 'ends_at'>): string {
  return `ngày ${formatVietnameseDate(session.session_date)} từ ${session.starts_at} đến ${session.ends_at}`;
}

function assertOncePerPerson(cadreIds: readonly string[], path: string): void {
  const repeated = cadreIds.findIndex((id, index) => cadreIds.indexOf(id) !== index);
  if (repeated >= 0) throw validationError([{ path: `${path}.${repeated}.cadreId`, message: 'Một người được ghi hai lần trong cùng danh sách' }]);
}

export class TrainingService {
  private readonly training = new TrainingRepository();
  private readonly cadres: CadresRepository;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
  }

  // --- Programmes ----------------------------------------------------------------------

  async listProgrammes(actor: Actor, query: { form?: ProgrammeForm; q?: string }) {
    const search = query.q === undefined ? undefined : foldVietnamese(query.q);
    const rows = await this.training.listProgrammes(this.context.db, actor, { form: query.form, search: search === '' ? undefined : search });
    return { items: rows.map(presentProgramme) };
  }

  async getProgramme(actor: Actor, id: string) {
    const row = await this.training.findProgramme(this.context.db, actor, id);
    if (!row) throw notFound();
    return presentProgramme(row);
  }

  async createProgramme(actor: Actor, input: ProgrammeInput) {
    requireWriter(actor);
    const values = programmeValues(input);
    return this.context.db.transaction().execute(async (trx) => {
      await assertUnitsInScope(trx, actor, [values.owning_unit_id]);
      const id = await this.training.insertProgramme(trx, values);
      const created = await this.writableProgramme(trx, actor, id);
      await writeAudit(trx, { actor, action: 'training_programme.create', entity: 'training_programme', entityId: id, summary: `Thêm chương trình "${values.name}"`, after: created });
      return presentProgramme(created);
    });
  }

  async updateProgramme(actor: Actor, id: string, input: ProgrammeInput) {
    requireWriter(actor);
    const values = programmeValues(input);
    return this.context.db.transaction().execute(async (trx) => {
      const before = await this.writableProgramme(trx, actor, id);
      await assertUnitsInScope(trx, actor, [values.owning_unit_id]);
      await this.training.updateProgramme(trx, id, values);
      const after = await this.writableProgramme(trx, actor, id);
      await writeAudit(trx, { actor, action: 'training_programme.update', entity: 'training_programme', entityId: id, summary: `Sửa chương trình "${after.name}"`, before, after });
      return presentProgramme(after);
    });
  }

  async deleteProgramme(actor: Actor, id: string): Promise<void> {
    requireWriter(actor);
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.writableProgramme(trx, actor, id);
      if (await this.training.programmeInUse(trx, id)) {
        throw new AppError('CONFLICT', { message: `Chương trình "${before.name}" đã có lớp học hoặc chuyến hướng dẫn, không thể xóa` });
      }
      await this.training.deleteProgramme(trx, id);
      await writeAudit(trx, { actor, action: 'training_programme.delete', entity: 'training_programme', entityId: id, summary: `Xóa chương trình "${before.name}"`, before });
    });
  }

  /** A programme the actor may change: kept by a unit in their scope (a commune only reads the province's catalogue). */
  private async writableProgramme(db: Conn, actor: Actor, id: string): Promise<ProgrammeRow> {
    const row = await this.training.findProgramme(db, actor, id);
    if (!row) throw notFound();
    await assertUnitsInScope(db, actor, [row.owning_unit_id]).catch(() => {
      throw new AppError('FORBIDDEN');
    });
    return row;
  }

  // --- Instructors ---------------------------------------------------------------------

  async listInstructors(actor: Actor) {
    const rows = await this.training.listInstructors(this.context.db, actor);
    return { items: rows.map(presentInstructor) };
  }

  async createInstructor(actor: Actor, input: { owningUnitId: string; fullName: string; workUnit?: string | null; position?: string | null }) {
    requireWriter(actor);
    const values = { owning_unit_id: input.owningUnitId, full_name: normalizeText(input.fullName), work_unit: optionalText(input.workUnit), position: optionalText(input.position) };
    return this.context.db.transaction().execute(async (trx) => {
      await assertUnitsInScope(trx, actor, [values.owning_unit_id]);
      const id = await this.training.insertInstructor(trx, values);
      await writeAudit(trx, { actor, action: 'training_instructor.create', entity: 'training_instructor', entityId: id, summary: `Thêm giảng viên, báo cáo viên ${values.full_name}`, after: values });
      return presentInstructor({ id, ...values });
    });
  }

  // --- Classes -------------------------------------------------------------------------

  async createClass(actor: Actor, input: ClassInput) {
    requireWriter(actor);
    return this.context.db.transaction().execute(async (trx) => {
      const programme = await this.training.findProgramme(trx, actor, input.programmeId);
      if (!programme) throw notFound();
      await assertUnitsInScope(trx, actor, input.venueUnitId ? [input.unitId, input.venueUnitId] : [input.unitId]);
      const values = {
        programme_id: programme.id,
        unit_id: input.unitId,
        name: normalizeText(input.name),
        start_date: input.startDate,
        end_date: input.endDate,
        venue: optionalText(input.venue),
        venue_unit_id: input.venueUnitId ?? null,
        capacity: input.capacity,
      };
      const id = await this.training.insertClass(trx, values);
      const sessions = (input.sessions ?? []).map(sessionValues);
      await this.scheduleSessions(trx, actor, values, id, sessions);
      await this.training.insertTests(trx, id, (input.tests ?? []).map((test) => ({ name: normalizeText(test.name), held_on: test.heldOn ?? null })));
      await writeAudit(trx, {
        actor,
        action: 'training_class.create',
        entity: 'training_class',
        entityId: id,
        summary: `Mở lớp "${values.name}" (${programme.name})`,
        after: { ...values, sessions, tests: input.tests ?? [] },
      });
      return this.detail(trx, actor, id);
    });
  }

  async addSessions(actor: Actor, classId: string, input: { sessions: SessionInput[] }) {
    requireWriter(actor);
    return this.context.db.transaction().execute(async (trx) => {
      const found = await this.lockedClass(trx, actor, classId);
      const sessions = input.sessions.map(sessionValues);
      await this.scheduleSessions(trx, actor, found, classId, sessions);
      await writeAudit(trx, { actor, action: 'training_class.add_sessions', entity: 'training_class', entityId: classId, summary: `Thêm ${sessions.length} buổi học cho lớp "${found.name}"`, after: sessions });
      return this.detail(trx, actor, classId);
    });
  }

  /** Stores sessions after checking they fall within the class and no instructor is booked twice at once. */
  private async scheduleSessions(trx: Conn, actor: Actor, klass: { start_date: string; end_date: string }, classId: string, sessions: readonly NewSession[]): Promise<void> {
    const instructorIds = [...new Set(sessions.flatMap((session) => session.instructor_ids))];
    const instructors = await this.training.instructorsForUpdate(trx, actor, instructorIds);
    if (instructors.length !== instructorIds.length) throw notFound();
    const nameOf = new Map(instructors.map((row) => [row.id, row.full_name]));
    sessions.forEach((session, index) => {
      if (session.session_date < klass.start_date || session.session_date > klass.end_date) {
        throw validationError([{ path: `sessions.${index}.date`, message: `Buổi học ${timeRange(session)} nằm ngoài thời gian của lớp` }]);
      }
    });
    for (const [index, session] of sessions.entries()) {
      const booked = await this.training.overlappingSessions(trx, session.instructor_ids, session);
      const clash = booked[0];
      if (clash) {
        throw new AppError('TRAINING_INSTRUCTOR_OVERLAP', {
          message: `Giảng viên ${clash.instructor_name} đã có buổi giảng ở lớp "${clash.class_name}" ${timeRange(clash)}, trùng với buổi ${timeRange(session)}`,
          details: { session: index },
        });
      }
      const earlier = sessions
        .slice(0, index)
        .find((other) => other.session_date === session.session_date && other.starts_at < session.ends_at && other.ends_at > session.starts_at && other.instructor_ids.some((id) => session.instructor_ids.includes(id)));
      if (earlier) {
        const shared = earlier.instructor_ids.find((id) => session.instructor_ids.includes(id)) ?? '';
        throw new AppError('TRAINING_INSTRUCTOR_OVERLAP', {
          message: `Giảng viên ${nameOf.get(shared) ?? ''} được xếp hai buổi trùng thời gian: ${timeRange(earlier)} và ${timeRange(session)}`,
          details: { session: index },
        });
      }
    }
    await this.training.insertSessions(trx, classId, sessions);
  }

  async listClasses(actor: Actor, query: { unitId?: string; programmeId?: string; from?: string; to?: string }) {
    if (query.unitId !== undefined) await assertUnitsInScope(this.context.db, actor, [query.unitId]);
    const rows = await this.training.listClasses(this.context.db, actor, query);
    return { items: rows.map(presentClass) };
  }

  getClass(actor: Actor, id: string) {
    return this.detail(this.context.db, actor, id);
  }

  private async detail(db: Conn, actor: Actor, id: string) {
    const row = await this.training.findClass(db, actor, id);
    if (!row) throw notFound();
    const [sessions, tests, enrolments, attendance, scores, certificates] = await Promise.all([
      this.training.sessionsOf(db, id),
      this.training.testsOf(db, id),
      this.training.enrolmentsOf(db, id),
      this.training.attendanceOf(db, id),
      this.training.scoresOf(db, id),
      this.training.certificatesOf(db, id),
    ]);
    const instructors = await this.training.instructorNames(db, [...new Set(sessions.flatMap((session) => session.instructor_ids))]);
    return presentClassDetail(row, { sessions, instructors, tests, enrolments, attendance, scores, certificates });
  }

  private async lockedClass(trx: Conn, actor: Actor, id: string): Promise<ClassRow> {
    await this.training.lockClass(trx, id);
    const row = await this.training.findClass(trx, actor, id);
    if (!row) throw notFound();
    return row;
  }

  // --- Enrolment, attendance, scores ---------------------------------------------------

  async enrol(actor: Actor, classId: string, input: { people: { cadreId: string; planProposalId?: string | null }[] }) {
    requireWriter(actor);
    return this.context.db.transaction().execute(async (trx) => {
      const klass = await this.lockedClass(trx, actor, classId);
      const enrolled = new Set((await this.training.enrolmentsOf(trx, classId)).map((row) => row.cadre_id));
      const seen = new Set<string>();
      const rows: { cadre_id: string; plan_proposal_id: string | null }[] = [];
      for (const person of input.people) {
        const cadre = await this.cadres.findVisible(trx, actor, person.cadreId);
        if (!cadre) throw notFound();
        if (enrolled.has(person.cadreId) || seen.has(person.cadreId)) {
          throw new AppError('CONFLICT', { message: `${cadre.full_name} đã có trong danh sách học viên của lớp "${klass.name}"` });
        }
        seen.add(person.cadreId);
        rows.push({ cadre_id: person.cadreId, plan_proposal_id: person.planProposalId ?? null });
      }
      if (enrolled.size + rows.length > klass.capacity) {
        throw new AppError('TRAINING_CLASS_FULL', {
          message: `Lớp "${klass.name}" chỉ nhận tối đa ${klass.capacity} học viên, đã có ${enrolled.size}; không thể ghi danh thêm ${rows.length} người`,
        });
      }
      await this.training.insertEnrolments(trx, classId, rows);
      await writeAudit(trx, { actor, action: 'training_class.enrol', entity: 'training_class', entityId: classId, summary: `Ghi danh ${rows.length} học viên vào lớp "${klass.name}"`, after: rows });
      return this.detail(trx, actor, classId);
    });
  }

  /** Enrolment ids of the given people; anyone not enrolled is named in the error. */
  private async enrolmentIds(trx: Conn, actor: Actor, klass: ClassRow, cadreIds: readonly string[]): Promise<Map<string, string>> {
    const enrolments = await this.training.enrolmentsOf(trx, klass.id);
    const byCadre = new Map(enrolments.map((row) => [row.cadre_id, row.id]));
    for (const cadreId of cadreIds) {
      if (byCadre.has(cadreId)) continue;
      const cadre = await this.cadres.findVisible(trx, actor, cadreId);
      const who = cadre ? cadre.full_name : `Người có mã ${cadreId}`;
      throw new AppError('TRAINING_NOT_ENROLLED', { message: `${who} không có trong danh sách học viên của lớp "${klass.name}"`, details: { cadreId } });
    }
    return byCadre;
  }

  async recordAttendance(actor: Actor, classId: string, sessionId: string, input: { records: { cadreId: string; status: AttendanceStatus }[] }) {
    requireWriter(actor);
    return this.context.db.transaction().execute(async (trx) => {
      const klass = await this.lockedClass(trx, actor, classId);
      const session = (await this.training.sessionsOf(trx, classId)).find((row) => row.id === sessionId);
      if (!session) throw notFound();
      assertOncePerPerson(input.records.map((record) => record.cadreId), 'records');
      const byCadre = await this.enrolmentIds(trx, actor, klass, input.records.map((record) => record.cadreId));
      const rows = input.records.map((record) => ({ enrolment_id: byCadre.get(record.cadreId) ?? '', status: record.status }));
      await this.training.replaceAttendance(trx, sessionId, rows);
      await writeAudit(trx, {
        actor,
        action: 'training_class.attendance',
        entity: 'training_class',
        entityId: classId,
        summary: `Điểm danh buổi ${timeRange(session)} của lớp "${klass.name}"`,
        after: { sessionId, records: input.records },
      });
      return this.detail(trx, actor, classId);
    });
  }

  async recordScores(actor: Actor, classId: string, testId: string, input: { scores: { cadreId: string; score: number }[] }) {
    requireWriter(actor);
    return this.context.db.transaction().execute(async (trx) => {
      const klass = await this.lockedClass(trx, actor, classId);
      const test = (await this.training.testsOf(trx, classId)).find((row) => row.id === testId);
      if (!test) throw notFound();
      assertOncePerPerson(input.scores.map((row) => row.cadreId), 'scores');
      const byCadre = await this.enrolmentIds(trx, actor, klass, input.scores.map((row) => row.cadreId));
      await this.training.replaceScores(trx, testId, input.scores.map((row) => ({ enrolment_id: byCadre.get(row.cadreId) ?? '', score: row.score })));
      await writeAudit(trx, { actor, action: 'training_class.scores', entity: 'training_class', entityId: classId, summary: `Nhập điểm "${test.name}" của lớp "${klass.name}"`, after: { testId, scores: input.scores } });
      return this.detail(trx, actor, classId);
    });
  }

  // --- Certificates (Circular 01/2018/TT-BNV) -------------------------------------------

  async issueCertificate(actor: Actor, classId: string, input: { cadreId: string; number: string; issuedOn: string }) {
    requireWriter(actor);
    return this.context.db.transaction().execute(async (trx) => {
      const klass = await this.lockedClass(trx, actor, classId);
      const programme = await this.training.findProgramme(trx, actor, klass.programme_id);
      if (!programme) throw notFound();
      if (programme.outcome === 'none') throw new AppError('BAD_REQUEST', { message: `Chương trình "${programme.name}" không cấp chứng chỉ` });
      const enrolmentId = (await this.enrolmentIds(trx, actor, klass, [input.cadreId])).get(input.cadreId) ?? '';
      const enrolment = (await this.training.enrolmentsOf(trx, classId)).find((row) => row.id === enrolmentId);
      const fullName = enrolment?.full_name ?? '';
      const certificates = await this.training.certificatesOf(trx, classId);
      const inForce = certificates.find((row) => row.enrolment_id === enrolmentId && row.revoked_at === null);
      if (inForce) {
        throw new AppError('TRAINING_CERTIFICATE_ALREADY_ISSUED', {
          message: `${fullName} đã được cấp chứng chỉ số ${inForce.number} ngày ${formatVietnameseDate(inForce.issued_on)} của lớp "${klass.name}"; chứng chỉ chỉ cấp một lần`,
        });
      }
      const shortfalls = await this.shortfalls(trx, classId, enrolmentId);
      if (shortfalls.length > 0) {
        throw new AppError('TRAINING_CERTIFICATE_NOT_ELIGIBLE', {
          message: `Chưa đủ điều kiện cấp chứng chỉ cho ${fullName} (Thông tư 01/2018/TT-BNV): ${shortfalls.join('; ')}`,
          details: { shortfalls },
        });
      }
      const number = normalizeText(input.number);
      const id = await this.training.insertCertificate(trx, { enrolment_id: enrolmentId, number, issued_on: input.issuedOn, issued_by: actor.userId });
      let qualificationId: string | null = null;
      if (programme.outcome === 'qualification' && programme.outcome_scale !== null && programme.outcome_level !== null) {
        qualificationId = await this.training.insertCourseQualification(trx, {
          cadre_id: input.cadreId,
          kind: programme.outcome_scale,
          level: programme.outcome_level,
          institution: programme.organiser,
          obtained_on: input.issuedOn,
          certificate_id: id,
          note: `Chứng chỉ số ${number}, lớp "${klass.name}"`,
        });
      }
      await writeAudit(trx, {
        actor,
        action: 'training_certificate.issue',
        entity: 'training_certificate',
        entityId: id,
        summary: `Cấp chứng chỉ số ${number} cho ${fullName}, lớp "${klass.name}"`,
        after: { classId, cadreId: input.cadreId, number, issuedOn: input.issuedOn, qualificationId },
      });
      const issued = (await this.training.certificatesOf(trx, classId)).find((row) => row.id === id);
      if (!issued) throw notFound();
      return presentCertificate(issued);
    });
  }

  /**
   * What keeps a person from a certificate. Full attendance means present at
   * every session: the circular makes no exception, so an excused absence
   * does not count as attended.
   */
  private async shortfalls(trx: Conn, classId: string, enrolmentId: string): Promise<string[]> {
    const [sessions, attendance, tests, scores] = await Promise.all([
      this.training.sessionsOf(trx, classId),
      this.training.attendanceOf(trx, classId),
      this.training.testsOf(trx, classId),
      this.training.scoresOf(trx, classId),
    ]);
    const problems: string[] = [];
    if (sessions.length === 0) problems.push('lớp chưa có buổi học nào');
    for (const session of sessions) {
      const status = attendance.find((row) => row.session_id === session.id && row.enrolment_id === enrolmentId)?.status;
      if (status === 'present') continue;
      const what = status === 'absent' ? 'vắng mặt' : status === 'excused' ? 'vắng có phép' : 'chưa được điểm danh';
      problems.push(`${what} buổi ${timeRange(session)}${session.topic ? ` (${session.topic})` : ''}`);
    }
    for (const test of tests) {
      const score = scores.find((row) => row.test_id === test.id && row.enrolment_id === enrolmentId)?.score;
      if (score === undefined) problems.push(`chưa có điểm "${test.name}"`);
      else if (Number(score) < PASS_SCORE) problems.push(`điểm "${test.name}" là ${Number(score)}/10, dưới ${PASS_SCORE}/10`);
    }
    return problems;
  }

  async revokeCertificate(actor: Actor, id: string, input: { reason: string }) {
    requireWriter(actor);
    return this.context.db.transaction().execute(async (trx) => {
      const certificate = await this.training.findCertificateForUpdate(trx, actor, id);
      if (!certificate) throw notFound();
      if (certificate.revoked_at !== null) throw new AppError('CONFLICT', { message: `Chứng chỉ số ${certificate.number} đã bị thu hồi trước đó` });
      const reason = normalizeText(input.reason);
      const qualifications = await this.cadres.qualificationsFromSource(trx, 'course', id);
      await this.training.deleteCourseQualifications(trx, id);
      await this.training.revokeCertificate(trx, id, actor.userId, reason);
      await writeAudit(trx, {
        actor,
        action: 'training_certificate.revoke',
        entity: 'training_certificate',
        entityId: id,
        summary: `Thu hồi chứng chỉ số ${certificate.number} của ${certificate.full_name}: ${reason}`,
        before: { certificate, qualifications },
        after: { reason },
      });
      const after = await this.training.findCertificateForUpdate(trx, actor, id);
      if (!after) throw notFound();
      return presentCertificate(after);
    });
  }

  // --- A person's training -------------------------------------------------------------

  async cadreTraining(actor: Actor, cadreId: string) {
    const db = this.context.db;
    if (!(await this.cadres.findVisible(db, actor, cadreId))) throw notFound();
    const [history, hours] = await Promise.all([this.training.historyOf(db, cadreId), this.training.hoursByYear(db, cadreId)]);
    return presentCadreTraining(cadreId, history, hours);
  }

  // --- Guidance visits -----------------------------------------------------------------

  async createVisit(actor: Actor, input: VisitInput) {
    requireWriter(actor);
    const id = await this.context.db.transaction().execute(async (trx) => {
      await assertUnitsInScope(trx, actor, [input.communeId]);
      if ((await this.training.unitLevel(trx, input.communeId)) !== 'commune') {
        throw validationError([{ path: 'communeId', message: 'Chuyến hướng dẫn phải ghi về một xã, phường, thị trấn' }]);
      }
      if (input.programmeId) {
        const programme = await this.training.findProgramme(trx, actor, input.programmeId);
        if (!programme) throw notFound();
        if (!VISIT_FORMS.includes(programme.form)) {
          throw validationError([{ path: 'programmeId', message: `Chương trình "${programme.name}" không phải hình thức hướng dẫn tại cơ sở hoặc cầm tay chỉ việc` }]);
        }
      }
      const officerIds = [...new Set(input.officerIds)];
      const cadreIds = [...new Set(input.cadreIds ?? [])];
      if ((await this.training.instructorsForUpdate(trx, actor, officerIds)).length !== officerIds.length) throw notFound();
      for (const cadreId of cadreIds) {
        if (!(await this.cadres.findVisible(trx, actor, cadreId))) throw notFound();
      }
      const values = {
        commune_id: input.communeId,
        programme_id: input.programmeId ?? null,
        visited_on: input.visitedOn,
        fields: (input.fields ?? []).map(normalizeText),
        solved: optionalText(input.solved),
        follow_ups: optionalText(input.followUps),
      };
      const visitId = await this.training.insertVisit(trx, values, officerIds, cadreIds);
      await writeAudit(trx, {
        actor,
        action: 'guidance_visit.create',
        entity: 'guidance_visit',
        entityId: visitId,
        summary: `Ghi nhận chuyến hướng dẫn tại cơ sở ngày ${formatVietnameseDate(values.visited_on)}`,
        after: { ...values, officerIds, cadreIds },
      });
      return visitId;
    });
    const [presented] = await this.presentVisits(await this.training.listVisits(this.context.db, actor, { id }));
    if (!presented) throw notFound();
    return presented;
  }

  /** Visits in scope, by commune (unitId: a commune or any unit above it) and/or by officer. */
  async listVisits(actor: Actor, query: { unitId?: string; officerId?: string; cadreId?: string; from?: string; to?: string }) {
    if (query.unitId !== undefined) await assertUnitsInScope(this.context.db, actor, [query.unitId]);
    const rows = await this.training.listVisits(this.context.db, actor, query);
    return { items: await this.presentVisits(rows) };
  }

  private async presentVisits(rows: readonly VisitRow[]) {
    const names = await unitNamesAsOf(this.context.db, rows.map((row) => row.commune_id));
    return rows.map((row) => presentVisit(row, names.get(row.commune_id)?.name ?? ''));
  }

  // --- Views ---------------------------------------------------------------------------

  async calendar(actor: Actor, query: { unitId?: string; from: string; to: string }) {
    if (query.unitId !== undefined) await assertUnitsInScope(this.context.db, actor, [query.unitId]);
    const [classes, visits] = await Promise.all([this.training.listClasses(this.context.db, actor, query), this.training.listVisits(this.context.db, actor, query)]);
    const names = await unitNamesAsOf(this.context.db, visits.map((row) => row.commune_id));
    return presentCalendar(classes, visits, new Map([...names].map(([id, unit]) => [id, unit.name])));
  }

  async diversity(actor: Actor, query: { unitId: string; year: number }) {
    await assertUnitsInScope(this.context.db, actor, [query.unitId]);
    return presentDiversity(query.unitId, query.year, await this.training.countsByForm(this.context.db, query.unitId, query.year));
  }

  async planFulfilment(actor: Actor, query: { unitId: string; year: number }) {
    await assertUnitsInScope(this.context.db, actor, [query.unitId]);
    return presentFulfilment(query.unitId, query.year, await this.training.planFulfilment(this.context.db, query.unitId, query.year));
  }
}
