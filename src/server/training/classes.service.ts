import { normalizeText } from '../../core/text.js';
import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { presentCalendar, presentClass } from './training.presenter.js';
import { type NewSession, TrainingRepository } from './training.repository.js';
import { type Conn, type SessionInput, type ClassInput, type ClassUpdateInput, optionalText, sessionValues, timeRange } from './training.shared.js';
import { ClassDesk } from './class-desk.js';

/** Classes with their sessions and tests, their schedule, and the calendar. */
export class TrainingClassesService {
  private readonly training = new TrainingRepository();
  private readonly desk: ClassDesk;

  constructor(private readonly context: AppContext) {
    this.desk = new ClassDesk(context);
  }

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
      return this.desk.detail(trx, actor, id);
    });
  }

  async addSessions(actor: Actor, classId: string, input: { sessions: SessionInput[] }) {
    return this.desk.changeClass(actor, classId, async (trx, found) => {
      const sessions = input.sessions.map(sessionValues);
      await this.scheduleSessions(trx, actor, found, classId, sessions);
      await this.desk.assertCertificatesHold(trx, found, `thêm ${sessions.length} buổi học`);
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
    return this.desk.changeClass(actor, classId, async (trx, before) => {
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
      const before = await this.desk.lockedClass(trx, actor, classId);
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
    return this.desk.changeClass(actor, classId, async (trx, klass) => {
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
    return this.desk.changeClass(actor, classId, async (trx, klass) => {
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
    return this.desk.changeClass(actor, classId, async (trx, klass) => {
      const test = { name: normalizeText(input.name), held_on: input.heldOn ?? null };
      const id = await this.training.insertTest(trx, classId, test);
      await this.desk.assertCertificatesHold(trx, klass, `thêm bài kiểm tra "${test.name}"`);
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
    return this.desk.changeClass(actor, classId, async (trx, klass) => {
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
    return this.desk.detail(this.context.db, actor, id);
  }

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
}
