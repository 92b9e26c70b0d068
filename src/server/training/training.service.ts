import type { Transaction } from 'kysely';
import { formatVietnameseDate } from '../../core/dates.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import { checkAccess, requireAccess, requireCadreReach, requirePermission } from '../access/policy.js';
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
  presentPlanCandidates,
  presentCertificate,
  presentClass,
  presentClassDetail,
  presentInstructor,
  presentProgramme,
} from './training.presenter.js';
import { type AttendanceIssue, readAttendanceSheet } from './training.attendance-import.js';
import {
  buildAttendanceWorkbook,
  buildDiversityWorkbook,
  buildFulfilmentWorkbook,
  buildResultsWorkbook,
  buildVisitsWorkbook,
  type RosterPerson,
} from './training.export.js';
import {
  type ClassRow,
  type InstructorRow,
  type NewProgramme,
  type NewSession,
  type ProgrammeRow,
  TrainingRepository,
  type VisitRow,
} from './training.repository.js';
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

export interface InstructorInput {
  owningUnitId: string;
  fullName: string;
  workUnit?: string | null;
  position?: string | null;
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

export interface VisitQuery {
  unitId?: string;
  communeId?: string;
  officerId?: string;
  instructorId?: string;
  cadreId?: string;
  from?: string;
  to?: string;
}

/** The commune's and the officer's pages name their filters communeId and instructorId; both mean what unitId and officerId mean. */
function visitFilter(query: VisitQuery) {
  if (query.unitId !== undefined && query.communeId !== undefined && query.unitId !== query.communeId) {
    throw validationError([{ path: 'communeId', message: 'Chỉ chọn một xã (communeId) hoặc một đơn vị (unitId)' }]);
  }
  if (query.officerId !== undefined && query.instructorId !== undefined && query.officerId !== query.instructorId) {
    throw validationError([{ path: 'instructorId', message: 'Chỉ chọn một cán bộ hướng dẫn (instructorId hoặc officerId)' }]);
  }
  return { unitId: query.unitId ?? query.communeId, officerId: query.officerId ?? query.instructorId, cadreId: query.cadreId, from: query.from, to: query.to };
}

export type ClassUpdateInput = Omit<ClassInput, 'programmeId' | 'unitId' | 'sessions' | 'tests'>;

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

function instructorValues(input: InstructorInput): Omit<InstructorRow, 'id'> {
  return {
    owning_unit_id: input.owningUnitId,
    full_name: normalizeText(input.fullName),
    work_unit: optionalText(input.workUnit),
    position: optionalText(input.position),
  };
}

function programmeValues(input: ProgrammeInput): NewProgramme {
  const grants = input.grants ?? null;
  if (input.outcome === 'qualification') {
    if (grants === null) throw validationError([{ path: 'grants', message: 'Chương trình cấp trình độ phải ghi rõ thang và mức trình độ được công nhận' }]);
    if (!GRANTED_SCALE_OF[grants.scale].isLevel(grants.level))
      throw validationError([{ path: 'grants.level', message: `Mức trình độ "${grants.level}" không có trong thang` }]);
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

/** Thrown inside the transaction of a dry run so that everything checked is rolled back. */
class DryRunRollback extends Error {}

/** A download's name without the characters file systems refuse; attachmentHeader adds the ASCII fallback. */
function fileNameOf(...parts: (string | number)[]): string {
  return `${parts.join(' - ').replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}

function assertOncePerPerson(cadreIds: readonly string[], path: string): void {
  const repeated = cadreIds.findIndex((id, index) => cadreIds.indexOf(id) !== index);
  if (repeated >= 0) throw validationError([{ path: `${path}.${repeated}.cadreId`, message: 'Một người được ghi hai lần trong cùng danh sách' }]);
}

/** A programme or instructor: one the actor cannot see is not found; one it only uses (kept above it) is forbidden. */
async function keptInScope<Row extends { owning_unit_id: string }>(db: Conn, actor: Actor, row: Row | undefined): Promise<Row> {
  if (!row) throw notFound();
  await requireAccess(db, { actor, permission: 'catalogue.write', ids: [row.owning_unit_id] });
  return row;
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
    requirePermission(actor, 'data.write');
    const values = programmeValues(input);
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [values.owning_unit_id] });
      const id = await this.training.insertProgramme(trx, values);
      const created = await this.writableProgramme(trx, actor, id);
      await writeAudit(trx, {
        actor,
        action: 'training_programme.create',
        entity: 'training_programme',
        entityId: id,
        summary: `Thêm chương trình "${values.name}"`,
        after: created,
      });
      return presentProgramme(created);
    });
  }

  async updateProgramme(actor: Actor, id: string, input: ProgrammeInput) {
    requirePermission(actor, 'data.write');
    const values = programmeValues(input);
    return this.context.db.transaction().execute(async (trx) => {
      const before = await this.writableProgramme(trx, actor, id);
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [values.owning_unit_id] });
      await this.training.updateProgramme(trx, id, values);
      const after = await this.writableProgramme(trx, actor, id);
      await writeAudit(trx, {
        actor,
        action: 'training_programme.update',
        entity: 'training_programme',
        entityId: id,
        summary: `Sửa chương trình "${after.name}"`,
        before,
        after,
      });
      return presentProgramme(after);
    });
  }

  async deleteProgramme(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.writableProgramme(trx, actor, id);
      if (await this.training.programmeInUse(trx, id)) {
        throw new AppError('CONFLICT', { message: `Chương trình "${before.name}" đã có lớp học hoặc chuyến hướng dẫn, không thể xóa` });
      }
      await this.training.deleteProgramme(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'training_programme.delete',
        entity: 'training_programme',
        entityId: id,
        summary: `Xóa chương trình "${before.name}"`,
        before,
      });
    });
  }

  /** A programme the actor may change: kept by a unit in their scope (a commune only reads the province's catalogue). */
  private async writableProgramme(db: Conn, actor: Actor, id: string): Promise<ProgrammeRow> {
    return keptInScope(db, actor, await this.training.findProgramme(db, actor, id));
  }

  // --- Instructors ---------------------------------------------------------------------

  async listInstructors(actor: Actor) {
    const rows = await this.training.listInstructors(this.context.db, actor);
    return { items: rows.map(presentInstructor) };
  }

  async createInstructor(actor: Actor, input: InstructorInput) {
    requirePermission(actor, 'data.write');
    const values = instructorValues(input);
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [values.owning_unit_id] });
      const id = await this.training.insertInstructor(trx, values);
      await writeAudit(trx, {
        actor,
        action: 'training_instructor.create',
        entity: 'training_instructor',
        entityId: id,
        summary: `Thêm giảng viên, báo cáo viên ${values.full_name}`,
        after: values,
      });
      return presentInstructor({ id, ...values });
    });
  }

  async updateInstructor(actor: Actor, id: string, input: InstructorInput) {
    requirePermission(actor, 'data.write');
    const values = instructorValues(input);
    return this.context.db.transaction().execute(async (trx) => {
      const before = await this.writableInstructor(trx, actor, id);
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [values.owning_unit_id] });
      await this.training.updateInstructor(trx, id, values);
      await writeAudit(trx, {
        actor,
        action: 'training_instructor.update',
        entity: 'training_instructor',
        entityId: id,
        summary: `Sửa giảng viên, báo cáo viên ${values.full_name}`,
        before,
        after: values,
      });
      return presentInstructor({ id, ...values });
    });
  }

  async deleteInstructor(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.writableInstructor(trx, actor, id);
      if (await this.training.instructorInUse(trx, id)) {
        throw new AppError('TRAINING_INSTRUCTOR_IN_USE', {
          message: `${before.full_name} đã được phân công giảng dạy hoặc đi hướng dẫn nghiệp vụ, không thể xóa khỏi danh sách`,
        });
      }
      await this.training.deleteInstructor(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'training_instructor.delete',
        entity: 'training_instructor',
        entityId: id,
        summary: `Xóa giảng viên, báo cáo viên ${before.full_name}`,
        before,
      });
    });
  }

  /** An instructor the actor may change: kept by a unit in their scope (a commune only reads the province's register). */
  private async writableInstructor(db: Conn, actor: Actor, id: string): Promise<InstructorRow> {
    return keptInScope(db, actor, await this.training.findInstructorForUpdate(db, actor, id));
  }

  // --- Classes -------------------------------------------------------------------------

  async createClass(actor: Actor, input: ClassInput) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const programme = await this.training.findProgramme(trx, actor, input.programmeId);
      if (!programme) throw notFound();
      await requireAccess(trx, { actor, permission: 'unit.write', ids: input.venueUnitId ? [input.unitId, input.venueUnitId] : [input.unitId] });
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
      await this.training.insertTests(
        trx,
        id,
        (input.tests ?? []).map((test) => ({ name: normalizeText(test.name), held_on: test.heldOn ?? null })),
      );
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
    return this.changeClass(actor, classId, async (trx, found) => {
      const sessions = input.sessions.map(sessionValues);
      await this.scheduleSessions(trx, actor, found, classId, sessions);
      await this.assertCertificatesHold(trx, found, `thêm ${sessions.length} buổi học`);
      await writeAudit(trx, {
        actor,
        action: 'training_class.add_sessions',
        entity: 'training_class',
        entityId: classId,
        summary: `Thêm ${sessions.length} buổi học cho lớp "${found.name}"`,
        after: sessions,
      });
    });
  }

  async updateClass(actor: Actor, classId: string, input: ClassUpdateInput) {
    return this.changeClass(actor, classId, async (trx, before) => {
      if (input.venueUnitId) await requireAccess(trx, { actor, permission: 'unit.read', ids: [input.venueUnitId] });
      const values = {
        name: normalizeText(input.name),
        start_date: input.startDate,
        end_date: input.endDate,
        venue: optionalText(input.venue),
        venue_unit_id: input.venueUnitId ?? null,
        capacity: input.capacity,
      };
      const outside = (await this.training.sessionsOf(trx, classId)).find(
        (session) => session.session_date < values.start_date || session.session_date > values.end_date,
      );
      if (outside) {
        throw validationError([
          { path: 'startDate', message: `Lớp đã có buổi học ${timeRange(outside)}, nằm ngoài thời gian mới của lớp; hãy chuyển hoặc xóa buổi học đó trước` },
        ]);
      }
      if (before.enrolled > values.capacity) {
        throw validationError([
          { path: 'capacity', message: `Lớp đã có ${before.enrolled} học viên, không thể giảm số học viên tối đa xuống ${values.capacity}` },
        ]);
      }
      await this.training.updateClass(trx, classId, values);
      await writeAudit(trx, {
        actor,
        action: 'training_class.update',
        entity: 'training_class',
        entityId: classId,
        summary: `Sửa lớp "${values.name}"`,
        before,
        after: values,
      });
    });
  }

  async deleteClass(actor: Actor, classId: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.lockedClass(trx, actor, classId);
      const records = await this.training.classRecords(trx, classId);
      if (records.attendance + records.scores + records.certificates > 0) {
        const kept = [
          records.attendance > 0 ? `${records.attendance} lượt điểm danh` : null,
          records.scores > 0 ? `${records.scores} điểm kiểm tra` : null,
          records.certificates > 0 ? `${records.certificates} chứng chỉ` : null,
        ].filter((part) => part !== null);
        throw new AppError('TRAINING_CLASS_HAS_RECORDS', { message: `Lớp "${before.name}" đã có ${kept.join(', ')}; không thể xóa lớp` });
      }
      await this.training.deleteClass(trx, classId);
      await writeAudit(trx, {
        actor,
        action: 'training_class.delete',
        entity: 'training_class',
        entityId: classId,
        summary: `Xóa lớp "${before.name}"`,
        before,
      });
    });
  }

  async updateSession(actor: Actor, classId: string, sessionId: string, input: SessionInput) {
    return this.changeClass(actor, classId, async (trx, klass) => {
      const before = (await this.training.sessionsOf(trx, classId)).find((row) => row.id === sessionId);
      if (!before) throw notFound();
      const session = sessionValues(input);
      await this.checkSchedule(trx, actor, klass, [session], sessionId);
      await this.training.updateSession(trx, sessionId, session);
      await writeAudit(trx, {
        actor,
        action: 'training_class.update_session',
        entity: 'training_class',
        entityId: classId,
        summary: `Sửa buổi học ${timeRange(session)} của lớp "${klass.name}"`,
        before,
        after: session,
      });
    });
  }

  async deleteSession(actor: Actor, classId: string, sessionId: string) {
    return this.changeClass(actor, classId, async (trx, klass) => {
      const session = (await this.training.sessionsOf(trx, classId)).find((row) => row.id === sessionId);
      if (!session) throw notFound();
      const marked = (await this.training.attendanceOf(trx, classId)).filter((row) => row.session_id === sessionId).length;
      if (marked > 0) {
        throw new AppError('TRAINING_SESSION_HAS_ATTENDANCE', {
          message: `Buổi học ${timeRange(session)} của lớp "${klass.name}" đã được điểm danh (${marked} học viên); không thể xóa`,
        });
      }
      await this.training.deleteSession(trx, sessionId);
      await writeAudit(trx, {
        actor,
        action: 'training_class.delete_session',
        entity: 'training_class',
        entityId: classId,
        summary: `Xóa buổi học ${timeRange(session)} của lớp "${klass.name}"`,
        before: session,
      });
    });
  }

  async addTest(actor: Actor, classId: string, input: { name: string; heldOn?: string | null }) {
    return this.changeClass(actor, classId, async (trx, klass) => {
      const test = { name: normalizeText(input.name), held_on: input.heldOn ?? null };
      const id = await this.training.insertTest(trx, classId, test);
      await this.assertCertificatesHold(trx, klass, `thêm bài kiểm tra "${test.name}"`);
      await writeAudit(trx, {
        actor,
        action: 'training_class.add_test',
        entity: 'training_class',
        entityId: classId,
        summary: `Thêm bài kiểm tra "${test.name}" cho lớp "${klass.name}"`,
        after: { id, ...test },
      });
    });
  }

  async deleteTest(actor: Actor, classId: string, testId: string) {
    return this.changeClass(actor, classId, async (trx, klass) => {
      const test = (await this.training.testsOf(trx, classId)).find((row) => row.id === testId);
      if (!test) throw notFound();
      const scored = (await this.training.scoresOf(trx, classId)).filter((row) => row.test_id === testId).length;
      if (scored > 0) {
        throw new AppError('TRAINING_TEST_HAS_SCORES', {
          message: `Bài kiểm tra "${test.name}" của lớp "${klass.name}" đã có điểm của ${scored} học viên; không thể xóa`,
        });
      }
      await this.training.deleteTest(trx, testId);
      await writeAudit(trx, {
        actor,
        action: 'training_class.delete_test',
        entity: 'training_class',
        entityId: classId,
        summary: `Xóa bài kiểm tra "${test.name}" của lớp "${klass.name}"`,
        before: test,
      });
    });
  }

  /** Stores sessions after checking they fall within the class and no instructor is booked twice at once. */
  private async scheduleSessions(
    trx: Conn,
    actor: Actor,
    klass: { start_date: string; end_date: string },
    classId: string,
    sessions: readonly NewSession[],
  ): Promise<void> {
    await this.checkSchedule(trx, actor, klass, sessions);
    await this.training.insertSessions(trx, classId, sessions);
  }

  /** Sessions must fall within the class, and no instructor may be booked twice at once (`exceptSessionId`: the session being moved). */
  private async checkSchedule(
    trx: Conn,
    actor: Actor,
    klass: { start_date: string; end_date: string },
    sessions: readonly NewSession[],
    exceptSessionId?: string,
  ): Promise<void> {
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
      const booked = await this.training.overlappingSessions(trx, session.instructor_ids, session, exceptSessionId);
      const clash = booked[0];
      if (clash) {
        throw new AppError('TRAINING_INSTRUCTOR_OVERLAP', {
          message: `Giảng viên ${clash.instructor_name} đã có buổi giảng ở lớp "${clash.class_name}" ${timeRange(clash)}, trùng với buổi ${timeRange(session)}`,
          details: { session: index },
        });
      }
      const earlier = sessions
        .slice(0, index)
        .find(
          (other) =>
            other.session_date === session.session_date &&
            other.starts_at < session.ends_at &&
            other.ends_at > session.starts_at &&
            other.instructor_ids.some((id) => session.instructor_ids.includes(id)),
        );
      if (earlier) {
        const shared = earlier.instructor_ids.find((id) => session.instructor_ids.includes(id)) ?? '';
        throw new AppError('TRAINING_INSTRUCTOR_OVERLAP', {
          message: `Giảng viên ${nameOf.get(shared) ?? ''} được xếp hai buổi trùng thời gian: ${timeRange(earlier)} và ${timeRange(session)}`,
          details: { session: index },
        });
      }
    }
  }

  async listClasses(actor: Actor, query: { unitId?: string; programmeId?: string; from?: string; to?: string }) {
    if (query.unitId !== undefined) await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    const rows = await this.training.listClasses(this.context.db, actor, query);
    return { items: rows.map(presentClass) };
  }

  getClass(actor: Actor, id: string) {
    return this.detail(this.context.db, actor, id);
  }

  private async detail(db: Conn, actor: Actor, id: string) {
    const row = await this.visibleClass(db, actor, id);
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

  /** A change to one class: by a writer, on the class locked within scope, answered with its detail as the same transaction sees it. */
  private async changeClass(actor: Actor, classId: string, change: (trx: Conn, klass: ClassRow) => Promise<void>) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      await change(trx, await this.lockedClass(trx, actor, classId));
      return this.detail(trx, actor, classId);
    });
  }

  /** A class outside the actor's scope reads as not found. */
  private async visibleClass(db: Conn, actor: Actor, id: string): Promise<ClassRow> {
    const row = await this.training.findClass(db, id);
    if (!row) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [row.unit_id] });
    return row;
  }

  private async lockedClass(trx: Conn, actor: Actor, id: string): Promise<ClassRow> {
    await this.training.lockClass(trx, id);
    return this.visibleClass(trx, actor, id);
  }

  // --- Enrolment, attendance, scores ---------------------------------------------------

  async enrol(actor: Actor, classId: string, input: { people: { cadreId: string; planProposalId?: string | null }[] }) {
    return this.changeClass(actor, classId, async (trx, klass) => {
      const enrolled = new Set((await this.training.enrolmentsOf(trx, classId)).map((row) => row.cadre_id));
      const seen = new Set<string>();
      const rows: { cadre_id: string; plan_proposal_id: string | null }[] = [];
      for (const [index, person] of input.people.entries()) {
        await requireAccess(trx, { actor, permission: 'cadre.write', ids: [person.cadreId] });
        const cadre = await this.cadres.findById(trx, person.cadreId);
        if (!cadre) throw notFound();
        if (enrolled.has(person.cadreId) || seen.has(person.cadreId)) {
          throw new AppError('CONFLICT', { message: `${cadre.full_name} đã có trong danh sách học viên của lớp "${klass.name}"` });
        }
        seen.add(person.cadreId);
        if (person.planProposalId) await this.assertPlanPlace(trx, klass, index, cadre.full_name, person.cadreId, person.planProposalId);
        rows.push({ cadre_id: person.cadreId, plan_proposal_id: person.planProposalId ?? null });
      }
      if (enrolled.size + rows.length > klass.capacity) {
        throw new AppError('TRAINING_CLASS_FULL', {
          message: `Lớp "${klass.name}" chỉ nhận tối đa ${klass.capacity} học viên, đã có ${enrolled.size}; không thể ghi danh thêm ${rows.length} người`,
        });
      }
      await this.training.insertEnrolments(trx, classId, rows);
      await writeAudit(trx, {
        actor,
        action: 'training_class.enrol',
        entity: 'training_class',
        entityId: classId,
        summary: `Ghi danh ${rows.length} học viên vào lớp "${klass.name}"`,
        after: rows,
      });
    });
  }

  /** A place linked to an enrolment must be this person's accepted place, of this course type, in an approved plan of the class's year. */
  private async assertPlanPlace(trx: Conn, klass: ClassRow, index: number, fullName: string, cadreId: string, proposalId: string): Promise<void> {
    const [proposal, programme] = await Promise.all([this.training.findPlanProposal(trx, proposalId), this.training.programmeById(trx, klass.programme_id)]);
    const path = `people.${index}.planProposalId`;
    if (!proposal) throw validationError([{ path, message: `Không tìm thấy đề xuất trong kế hoạch đào tạo được ghi cho ${fullName}` }]);
    if (proposal.cadre_id !== cadreId) throw validationError([{ path, message: `Đề xuất trong kế hoạch được ghi cho ${fullName} là của người khác` }]);
    if (proposal.status !== 'approved' || proposal.decision !== 'accepted') {
      throw validationError([{ path, message: `Đề xuất cử ${fullName} đi học chưa thuộc kế hoạch đã phê duyệt` }]);
    }
    if (proposal.year !== Number(klass.start_date.slice(0, 4)) || proposal.course_type !== programme.course_type) {
      throw validationError([
        { path, message: `Đề xuất cử ${fullName} đi học thuộc kế hoạch năm ${proposal.year} cho loại khóa học khác với lớp "${klass.name}"` },
      ]);
    }
  }

  async unenrol(actor: Actor, classId: string, cadreId: string) {
    return this.changeClass(actor, classId, async (trx, klass) => {
      const enrolment = (await this.training.enrolmentsOf(trx, classId)).find((row) => row.cadre_id === cadreId);
      if (!enrolment) throw notFound();
      const certificates = (await this.training.certificatesOf(trx, classId)).filter((row) => row.enrolment_id === enrolment.id);
      const inForce = certificates.find((row) => row.revoked_at === null);
      if (inForce) {
        throw new AppError('TRAINING_CERTIFICATE_IN_FORCE', {
          message: `${enrolment.full_name} đã được cấp chứng chỉ số ${inForce.number} ngày ${formatVietnameseDate(inForce.issued_on)} của lớp "${klass.name}"; hãy thu hồi chứng chỉ trước khi xóa khỏi danh sách học viên`,
        });
      }
      const [attendance, scores] = await Promise.all([this.training.attendanceOf(trx, classId), this.training.scoresOf(trx, classId)]);
      const before = {
        enrolment,
        attendance: attendance.filter((row) => row.enrolment_id === enrolment.id),
        scores: scores.filter((row) => row.enrolment_id === enrolment.id),
        certificates,
      };
      await this.training.deleteEnrolment(trx, enrolment.id);
      await writeAudit(trx, {
        actor,
        action: 'training_class.unenrol',
        entity: 'training_class',
        entityId: classId,
        summary: `Xóa ${enrolment.full_name} khỏi danh sách học viên lớp "${klass.name}"`,
        before,
      });
    });
  }

  /** Accepted places of the approved plans for the class's year and course type, not yet enrolled. */
  async planCandidates(actor: Actor, classId: string) {
    const db = this.context.db;
    const klass = await this.visibleClass(db, actor, classId);
    const programme = await this.training.programmeById(db, klass.programme_id);
    if (programme.course_type === null) return { items: [] };
    const rows = await this.training.planCandidates(db, classId, klass.unit_id, programme.course_type, Number(klass.start_date.slice(0, 4)));
    const names = await unitNamesAsOf(
      db,
      rows.map((row) => row.unit_id),
    );
    return presentPlanCandidates(rows, names);
  }

  /**
   * A certificate in force must keep meeting Circular 01/2018/TT-BNV: a change that would
   * leave a holder short of it is refused until the certificate is revoked.
   */
  private async assertCertificatesHold(trx: Conn, klass: ClassRow, change: string): Promise<void> {
    const inForce = (await this.training.certificatesOf(trx, klass.id)).filter((row) => row.revoked_at === null);
    for (const certificate of inForce) {
      const shortfalls = await this.shortfalls(trx, klass.id, certificate.enrolment_id);
      if (shortfalls.length === 0) continue;
      throw new AppError('TRAINING_CERTIFICATE_IN_FORCE', {
        message: `Không thể ${change}: ${certificate.full_name} đã được cấp chứng chỉ số ${certificate.number} ngày ${formatVietnameseDate(certificate.issued_on)} của lớp "${klass.name}" và sẽ không còn đủ điều kiện (${shortfalls.join('; ')}). Hãy thu hồi chứng chỉ trước.`,
        details: { cadreId: certificate.cadre_id, certificateId: certificate.id, shortfalls },
      });
    }
  }

  /** Enrolment ids of the given people; anyone not enrolled is named in the error. */
  private async enrolmentIds(trx: Conn, actor: Actor, klass: ClassRow, cadreIds: readonly string[]): Promise<Map<string, string>> {
    const enrolments = await this.training.enrolmentsOf(trx, klass.id);
    const byCadre = new Map(enrolments.map((row) => [row.cadre_id, row.id]));
    for (const cadreId of cadreIds) {
      if (byCadre.has(cadreId)) continue;
      const readable = (await checkAccess(trx, { actor, permission: 'cadre.history.read', ids: [cadreId] })).has(cadreId);
      const cadre = readable ? await this.cadres.findById(trx, cadreId) : undefined;
      const who = cadre ? cadre.full_name : `Người có mã ${cadreId}`;
      throw new AppError('TRAINING_NOT_ENROLLED', { message: `${who} không có trong danh sách học viên của lớp "${klass.name}"`, details: { cadreId } });
    }
    return byCadre;
  }

  async recordAttendance(actor: Actor, classId: string, sessionId: string, input: { records: { cadreId: string; status: AttendanceStatus }[] }) {
    return this.changeClass(actor, classId, async (trx, klass) => {
      const session = (await this.training.sessionsOf(trx, classId)).find((row) => row.id === sessionId);
      if (!session) throw notFound();
      assertOncePerPerson(
        input.records.map((record) => record.cadreId),
        'records',
      );
      const byCadre = await this.enrolmentIds(
        trx,
        actor,
        klass,
        input.records.map((record) => record.cadreId),
      );
      const rows = input.records.map((record) => ({ enrolment_id: byCadre.get(record.cadreId) ?? '', status: record.status }));
      await this.training.replaceAttendance(trx, sessionId, rows);
      await this.assertCertificatesHold(trx, klass, `sửa điểm danh buổi ${timeRange(session)}`);
      await writeAudit(trx, {
        actor,
        action: 'training_class.attendance',
        entity: 'training_class',
        entityId: classId,
        summary: `Điểm danh buổi ${timeRange(session)} của lớp "${klass.name}"`,
        after: { sessionId, records: input.records },
      });
    });
  }

  async recordScores(actor: Actor, classId: string, testId: string, input: { scores: { cadreId: string; score: number }[] }) {
    return this.changeClass(actor, classId, async (trx, klass) => {
      const test = (await this.training.testsOf(trx, classId)).find((row) => row.id === testId);
      if (!test) throw notFound();
      assertOncePerPerson(
        input.scores.map((row) => row.cadreId),
        'scores',
      );
      const byCadre = await this.enrolmentIds(
        trx,
        actor,
        klass,
        input.scores.map((row) => row.cadreId),
      );
      await this.training.replaceScores(
        trx,
        testId,
        input.scores.map((row) => ({ enrolment_id: byCadre.get(row.cadreId) ?? '', score: row.score })),
      );
      await this.assertCertificatesHold(trx, klass, `sửa điểm "${test.name}"`);
      await writeAudit(trx, {
        actor,
        action: 'training_class.scores',
        entity: 'training_class',
        entityId: classId,
        summary: `Nhập điểm "${test.name}" của lớp "${klass.name}"`,
        after: { testId, scores: input.scores },
      });
    });
  }

  // --- Certificates (Circular 01/2018/TT-BNV) -------------------------------------------

  async issueCertificate(actor: Actor, classId: string, input: { cadreId: string; number: string; issuedOn: string }) {
    requirePermission(actor, 'data.write');
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
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const certificate = await this.training.findCertificateForUpdate(trx, id);
      if (!certificate) throw notFound();
      await requireAccess(trx, { actor, permission: 'unit.write', ids: [certificate.class_unit_id] });
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
      return presentCertificate((await this.training.findCertificateForUpdate(trx, id))!);
    });
  }

  // --- A person's training -------------------------------------------------------------

  async cadreTraining(actor: Actor, cadreId: string) {
    const db = this.context.db;
    const reach = await requireCadreReach(db, actor, cadreId);
    const everything = await this.training.historyOf(db, cadreId);
    // A former unit sees the classes its own units ran, not the person's later training.
    const ownUnits = reach === 'full' ? null : await checkAccess(db, { actor, permission: 'unit.read', ids: everything.map((row) => row.class_unit_id) });
    const history = ownUnits === null ? everything : everything.filter((row) => ownUnits.has(row.class_unit_id));
    const hours = await this.training.hoursByYear(db, cadreId, ownUnits === null ? null : history.map((row) => row.class_id));
    return presentCadreTraining(cadreId, history, hours);
  }

  // --- Guidance visits -----------------------------------------------------------------

  async createVisit(actor: Actor, input: VisitInput) {
    requirePermission(actor, 'data.write');
    const id = await this.context.db.transaction().execute(async (trx) => {
      const { values, officerIds, cadreIds } = await this.visitValues(trx, actor, input);
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
    return this.visit(actor, id);
  }

  async updateVisit(actor: Actor, id: string, input: VisitInput) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.lockedVisit(trx, actor, id);
      const { values, officerIds, cadreIds } = await this.visitValues(trx, actor, input);
      await this.training.updateVisit(trx, id, values, officerIds, cadreIds);
      await writeAudit(trx, {
        actor,
        action: 'guidance_visit.update',
        entity: 'guidance_visit',
        entityId: id,
        summary: `Sửa chuyến hướng dẫn tại cơ sở ngày ${formatVietnameseDate(values.visited_on)}`,
        before,
        after: { ...values, officerIds, cadreIds },
      });
    });
    return this.visit(actor, id);
  }

  async deleteVisit(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.lockedVisit(trx, actor, id);
      await this.training.deleteVisit(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'guidance_visit.delete',
        entity: 'guidance_visit',
        entityId: id,
        summary: `Xóa chuyến hướng dẫn tại cơ sở ngày ${formatVietnameseDate(before.visited_on)}`,
        before,
      });
    });
  }

  private async lockedVisit(trx: Conn, actor: Actor, id: string): Promise<VisitRow> {
    await this.training.lockVisit(trx, id);
    const [row] = await this.training.listVisits(trx, null, { id });
    if (!row) throw notFound();
    await requireAccess(trx, { actor, permission: 'unit.write', ids: [row.commune_id] });
    return row;
  }

  private async visit(actor: Actor, id: string) {
    const [row] = await this.training.listVisits(this.context.db, null, { id });
    if (!row) throw notFound();
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [row.commune_id] });
    const [presented] = await this.presentVisits([row]);
    return presented!;
  }

  /** A visit goes to one commune in scope, by officers from the register, guiding people the actor can see. */
  private async visitValues(trx: Conn, actor: Actor, input: VisitInput) {
    await requireAccess(trx, { actor, permission: 'unit.read', ids: [input.communeId] });
    if ((await this.training.unitLevel(trx, input.communeId)) !== 'commune') {
      throw validationError([{ path: 'communeId', message: 'Chuyến hướng dẫn phải ghi về một xã, phường, thị trấn' }]);
    }
    if (input.programmeId) {
      const programme = await this.training.findProgramme(trx, actor, input.programmeId);
      if (!programme) throw notFound();
      if (!VISIT_FORMS.includes(programme.form)) {
        throw validationError([
          { path: 'programmeId', message: `Chương trình "${programme.name}" không phải hình thức hướng dẫn tại cơ sở hoặc cầm tay chỉ việc` },
        ]);
      }
    }
    const officerIds = [...new Set(input.officerIds)];
    const cadreIds = [...new Set(input.cadreIds ?? [])];
    if ((await this.training.instructorsForUpdate(trx, actor, officerIds)).length !== officerIds.length) throw notFound();
    await requireAccess(trx, { actor, permission: 'cadre.read', ids: cadreIds });
    const values = {
      commune_id: input.communeId,
      programme_id: input.programmeId ?? null,
      visited_on: input.visitedOn,
      fields: (input.fields ?? []).map(normalizeText),
      solved: optionalText(input.solved),
      follow_ups: optionalText(input.followUps),
    };
    return { values, officerIds, cadreIds };
  }

  /** Visits in scope, by commune (unitId: a commune or any unit above it) and/or by officer. */
  async listVisits(actor: Actor, query: VisitQuery) {
    const filter = visitFilter(query);
    if (filter.unitId !== undefined) await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [filter.unitId] });
    const rows = await this.training.listVisits(this.context.db, actor, filter);
    return { items: await this.presentVisits(rows) };
  }

  private async presentVisits(rows: readonly VisitRow[]) {
    const names = await unitNamesAsOf(
      this.context.db,
      rows.map((row) => row.commune_id),
    );
    return rows.map((row) => presentVisit(row, names.get(row.commune_id)?.name ?? ''));
  }

  // --- Views ---------------------------------------------------------------------------

  async calendar(actor: Actor, query: { unitId?: string; from: string; to: string }) {
    if (query.unitId !== undefined) await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    const [classes, visits] = await Promise.all([
      this.training.listClasses(this.context.db, actor, query),
      this.training.listVisits(this.context.db, actor, query),
    ]);
    const names = await unitNamesAsOf(
      this.context.db,
      visits.map((row) => row.commune_id),
    );
    return presentCalendar(classes, visits, new Map([...names].map(([id, unit]) => [id, unit.name])));
  }

  async diversity(actor: Actor, query: { unitId: string; year: number }) {
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    return presentDiversity(query.unitId, query.year, await this.training.countsByForm(this.context.db, query.unitId, query.year));
  }

  async planFulfilment(actor: Actor, query: { unitId: string; year: number }) {
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    return presentFulfilment(query.unitId, query.year, await this.training.planFulfilment(this.context.db, query.unitId, query.year));
  }

  // --- Spreadsheets --------------------------------------------------------------------

  private async roster(db: Conn, classId: string): Promise<(RosterPerson & { enrolmentId: string; cadreId: string; birthIso: string | null })[]> {
    const rows = await this.training.rosterOf(db, classId);
    const names = await unitNamesAsOf(
      this.context.db,
      rows.map((row) => row.owning_unit_id),
    );
    return rows.map((row) => ({
      enrolmentId: row.enrolment_id,
      cadreId: row.cadre_id,
      fullName: row.full_name,
      birthIso: row.birth_date,
      birthDate: row.birth_date === null ? null : formatVietnameseDate(row.birth_date, row.birth_date_precision ?? 'day'),
      unitName: names.get(row.owning_unit_id)?.name ?? '',
    }));
  }

  /** The class register as a sheet: the same file, filled in, comes back through importAttendance. */
  async attendanceXlsx(actor: Actor, classId: string) {
    const db = this.context.db;
    const klass = await this.visibleClass(db, actor, classId);
    const [sessions, attendance, people] = await Promise.all([
      this.training.sessionsOf(db, classId),
      this.training.attendanceOf(db, classId),
      this.roster(db, classId),
    ]);
    const content = await buildAttendanceWorkbook({
      className: klass.name,
      sessions: sessions.map((session) => ({ id: session.id, date: session.session_date, startTime: session.starts_at, endTime: session.ends_at })),
      people: people.map((person) => ({
        ...person,
        attendance: new Map(attendance.filter((row) => row.enrolment_id === person.enrolmentId).map((row) => [row.session_id, row.status])),
      })),
    });
    return { fileName: fileNameOf('Điểm danh', klass.name), content };
  }

  async importAttendance(actor: Actor, classId: string, file: { fileName: string; content: Buffer }, options: { dryRun: boolean }) {
    requirePermission(actor, 'data.write');
    let checked: { dryRun: boolean; rows: number; recorded: number; errors: AttendanceIssue[] } | null = null;
    try {
      return await this.context.db.transaction().execute(async (trx) => {
        const klass = await this.lockedClass(trx, actor, classId);
        const [sessions, people] = await Promise.all([this.training.sessionsOf(trx, classId), this.roster(trx, classId)]);
        const reading = await readAttendanceSheet(
          file.content,
          sessions.map((session) => ({ id: session.id, date: session.session_date, startTime: session.starts_at, endTime: session.ends_at })),
          people.map((person) => ({ enrolmentId: person.enrolmentId, fullName: person.fullName, birthDate: person.birthIso })),
        );
        const recorded = reading.marks.filter((mark) => mark.status !== null).length;
        const result = { dryRun: options.dryRun, rows: reading.rows, recorded: 0, errors: reading.errors.slice(0, 200) };
        if (reading.errors.length > 0) return result;
        await this.training.applyAttendanceMarks(
          trx,
          reading.marks.map((mark) => ({ session_id: mark.sessionId, enrolment_id: mark.enrolmentId, status: mark.status })),
        );
        await this.assertCertificatesHold(trx, klass, 'nhập điểm danh từ tệp');
        if (options.dryRun) {
          checked = { ...result, recorded };
          throw new DryRunRollback();
        }
        await writeAudit(trx, {
          actor,
          action: 'training_class.attendance_import',
          entity: 'training_class',
          entityId: classId,
          summary: `Nhập điểm danh lớp "${klass.name}" từ tệp ${file.fileName}: ${reading.rows} học viên, ${recorded} lượt`,
          after: { fileName: file.fileName, marks: reading.marks },
        });
        return { ...result, recorded };
      });
    } catch (error) {
      // A dry run checked everything, certificates in force included, then rolled back.
      if (error instanceof DryRunRollback && checked !== null) return checked;
      throw error;
    }
  }

  async resultsXlsx(actor: Actor, classId: string) {
    const db = this.context.db;
    const klass = await this.visibleClass(db, actor, classId);
    const [sessions, attendance, tests, scores, certificates, people] = await Promise.all([
      this.training.sessionsOf(db, classId),
      this.training.attendanceOf(db, classId),
      this.training.testsOf(db, classId),
      this.training.scoresOf(db, classId),
      this.training.certificatesOf(db, classId),
      this.roster(db, classId),
    ]);
    const content = await buildResultsWorkbook({
      className: klass.name,
      programmeName: klass.programme_name,
      period: `${formatVietnameseDate(klass.start_date)} - ${formatVietnameseDate(klass.end_date)}`,
      tests: tests.map((test) => ({ id: test.id, name: test.name })),
      people: people.map((person) => {
        const marks = attendance.filter((row) => row.enrolment_id === person.enrolmentId);
        const count = (status: AttendanceStatus) => marks.filter((row) => row.status === status).length;
        // The certificate in force, or else the latest revoked one, so that a revocation shows.
        const own = certificates.filter((row) => row.enrolment_id === person.enrolmentId);
        const certificate = own.find((row) => row.revoked_at === null) ?? own.at(-1) ?? null;
        return {
          ...person,
          present: count('present'),
          excused: count('excused'),
          absent: count('absent'),
          unmarked: sessions.length - marks.length,
          scores: new Map(scores.filter((row) => row.enrolment_id === person.enrolmentId).map((row) => [row.test_id, Number(row.score)])),
          certificate: certificate === null ? null : { number: certificate.number, issuedOn: certificate.issued_on, revoked: certificate.revoked_at !== null },
        };
      }),
    });
    return { fileName: fileNameOf('Kết quả học tập', klass.name), content };
  }

  private async unitName(unitId: string): Promise<string> {
    return (await unitNamesAsOf(this.context.db, [unitId])).get(unitId)?.name ?? '';
  }

  async planFulfilmentXlsx(actor: Actor, query: { unitId: string; year: number }) {
    const view = await this.planFulfilment(actor, query);
    const content = await buildFulfilmentWorkbook({
      unitName: await this.unitName(query.unitId),
      year: query.year,
      rows: view.byCourseType,
      byField: view.byField,
      byForm: view.byForm.map((row) => ({ label: row.form.label, enrolled: row.enrolled, certified: row.certified })),
      total: view.total,
    });
    return { fileName: fileNameOf('Thực hiện kế hoạch đào tạo', query.year), content };
  }

  async diversityXlsx(actor: Actor, query: { unitId: string; year: number }) {
    const view = await this.diversity(actor, query);
    const content = await buildDiversityWorkbook({
      unitName: await this.unitName(query.unitId),
      year: query.year,
      rows: view.byForm.map((row) => ({ label: row.form.label, classes: row.classes, visits: row.visits, participants: row.participants })),
      formsUsed: view.formsUsed,
    });
    return { fileName: fileNameOf('Hình thức đào tạo, bồi dưỡng', query.year), content };
  }

  async visitsXlsx(actor: Actor, query: VisitQuery) {
    const { items } = await this.listVisits(actor, query);
    return { fileName: fileNameOf('Hướng dẫn tại cơ sở'), content: await buildVisitsWorkbook(items) };
  }
}
