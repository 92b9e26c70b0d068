import { formatVietnameseDate } from '../../core/dates.js';
import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import type { AppContext } from '../context.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { presentPlanCandidates } from './training.presenter.js';
import { type AttendanceIssue, readAttendanceSheet } from './training.attendance-import.js';
import { buildAttendanceWorkbook, buildResultsWorkbook, type RosterPerson } from './training.export.js';
import { type ClassRow, TrainingRepository } from './training.repository.js';
import type { AttendanceStatus } from './training.tables.js';
import { type Conn, timeRange, DryRunRollback, fileNameOf, assertOncePerPerson } from './training.shared.js';
import { ClassDesk } from './class-desk.js';

/** Who takes a class (from the approved plan or by name), their attendance and scores, typed in or imported from the class sheet. */
export class EnrolmentService {
  private readonly training = new TrainingRepository();
  private readonly cadres: CadresRepository;
  private readonly desk: ClassDesk;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
    this.desk = new ClassDesk(context);
  }

  async enrol(actor: Actor, classId: string, input: { people: { cadreId: string; planProposalId?: string | null }[] }) {
    return this.desk.changeClass(actor, classId, async (trx, klass) => {
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
    return this.desk.changeClass(actor, classId, async (trx, klass) => {
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
    const klass = await this.desk.visibleClass(db, actor, classId);
    const programme = await this.training.programmeById(db, klass.programme_id);
    if (programme.course_type === null) return { items: [] };
    const rows = await this.training.planCandidates(db, classId, klass.unit_id, programme.course_type, Number(klass.start_date.slice(0, 4)));
    const names = await unitNamesAsOf(
      db,
      rows.map((row) => row.unit_id),
    );
    return presentPlanCandidates(rows, names);
  }

  async recordAttendance(actor: Actor, classId: string, sessionId: string, input: { records: { cadreId: string; status: AttendanceStatus }[] }) {
    return this.desk.changeClass(actor, classId, async (trx, klass) => {
      const session = (await this.training.sessionsOf(trx, classId)).find((row) => row.id === sessionId);
      if (!session) throw notFound();
      assertOncePerPerson(
        input.records.map((record) => record.cadreId),
        'records',
      );
      const byCadre = await this.desk.enrolmentIds(
        trx,
        actor,
        klass,
        input.records.map((record) => record.cadreId),
      );
      const rows = input.records.map((record) => ({ enrolment_id: byCadre.get(record.cadreId) ?? '', status: record.status }));
      await this.training.replaceAttendance(trx, sessionId, rows);
      await this.desk.assertCertificatesHold(trx, klass, `sửa điểm danh buổi ${timeRange(session)}`);
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
    return this.desk.changeClass(actor, classId, async (trx, klass) => {
      const test = (await this.training.testsOf(trx, classId)).find((row) => row.id === testId);
      if (!test) throw notFound();
      assertOncePerPerson(
        input.scores.map((row) => row.cadreId),
        'scores',
      );
      const byCadre = await this.desk.enrolmentIds(
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
      await this.desk.assertCertificatesHold(trx, klass, `sửa điểm "${test.name}"`);
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
    const klass = await this.desk.visibleClass(db, actor, classId);
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
        const klass = await this.desk.lockedClass(trx, actor, classId);
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
        await this.desk.assertCertificatesHold(trx, klass, 'nhập điểm danh từ tệp');
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
    const klass = await this.desk.visibleClass(db, actor, classId);
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
}
