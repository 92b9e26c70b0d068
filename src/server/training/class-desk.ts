import { formatVietnameseDate } from '../../core/dates.js';
import { checkAccess, requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../http/errors.js';
import { presentClassDetail } from './training.presenter.js';
import { type ClassRow, TrainingRepository } from './training.repository.js';
import { type Conn, timeRange } from './training.shared.js';
import { certificateShortfalls, PASS_SCORE } from '../../core/certificate-eligibility.js';

/**
 * What every command on a class shares: reading it within the caller's scope,
 * changing it under a lock and answering with its detail, finding enrolments,
 * and keeping certificates true to Circular 01/2018/TT-BNV when attendance or
 * scores change.
 */
export class ClassDesk {
  private readonly training = new TrainingRepository();
  private readonly cadres: CadresRepository;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
  }

  async detail(db: Conn, actor: Actor, id: string) {
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
  async changeClass(actor: Actor, classId: string, change: (trx: Conn, klass: ClassRow) => Promise<void>) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      await change(trx, await this.lockedClass(trx, actor, classId));
      return this.detail(trx, actor, classId);
    });
  }

  /** A class outside the actor's scope reads as not found. */
  async visibleClass(db: Conn, actor: Actor, id: string): Promise<ClassRow> {
    const row = await this.training.findClass(db, id);
    if (!row) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [row.unit_id] });
    return row;
  }

  async lockedClass(trx: Conn, actor: Actor, id: string): Promise<ClassRow> {
    await this.training.lockClass(trx, id);
    return this.visibleClass(trx, actor, id);
  }

  /**
   * A certificate in force must keep meeting Circular 01/2018/TT-BNV: a change that would
   * leave a holder short of it is refused until the certificate is revoked.
   */
  async assertCertificatesHold(trx: Conn, klass: ClassRow, change: string): Promise<void> {
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

  /**
   * What keeps a person from a certificate. Full attendance means present at
   * every session: the circular makes no exception, so an excused absence
   * does not count as attended.
   */
  /** What keeps the learner from the certificate (Circular 01/2018/TT-BNV, in core), in the words the clerk reads. */
  async shortfalls(trx: Conn, classId: string, enrolmentId: string): Promise<string[]> {
    const [sessions, attendance, tests, scores] = await Promise.all([
      this.training.sessionsOf(trx, classId),
      this.training.attendanceOf(trx, classId),
      this.training.testsOf(trx, classId),
      this.training.scoresOf(trx, classId),
    ]);
    const shortfalls = certificateShortfalls({
      sessions: sessions.map((session) => ({ id: session.id, date: session.session_date })),
      tests,
      attendanceOf: (sessionId) => attendance.find((row) => row.session_id === sessionId && row.enrolment_id === enrolmentId)?.status ?? null,
      scoreOf: (testId) => {
        const score = scores.find((row) => row.test_id === testId && row.enrolment_id === enrolmentId)?.score;
        return score === undefined ? null : Number(score);
      },
    });
    return shortfalls.map((shortfall) => {
      switch (shortfall.kind) {
        case 'noSessions':
          return 'lớp chưa có buổi học nào';
        case 'attendance': {
          const session = sessions.find((row) => row.id === shortfall.sessionId)!;
          const what = shortfall.status === 'absent' ? 'vắng mặt' : shortfall.status === 'excused' ? 'vắng có phép' : 'chưa được điểm danh';
          return `${what} buổi ${timeRange(session)}${session.topic ? ` (${session.topic})` : ''}`;
        }
        case 'score':
          return shortfall.score === null ? `chưa có điểm "${shortfall.test}"` : `điểm "${shortfall.test}" là ${shortfall.score}/10, dưới ${PASS_SCORE}/10`;
      }
    });
  }

  /** Enrolment ids of the given people; anyone not enrolled is named in the error. */
  async enrolmentIds(trx: Conn, actor: Actor, klass: ClassRow, cadreIds: readonly string[]): Promise<Map<string, string>> {
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
}
