import { formatVietnameseDate } from '../../core/dates.js';
import { normalizeText } from '../../core/text.js';
import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../http/errors.js';
import { presentCertificate } from './training.presenter.js';
import { TrainingRepository } from './training.repository.js';
import { ClassDesk } from './class-desk.js';

/** Certificates issued under Circular 01/2018/TT-BNV, which raise the holder's qualification from their date, and their revocation. */
export class CertificatesService {
  private readonly training = new TrainingRepository();
  private readonly cadres: CadresRepository;
  private readonly desk: ClassDesk;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
    this.desk = new ClassDesk(context);
  }

  async issueCertificate(actor: Actor, classId: string, input: { cadreId: string; number: string; issuedOn: string }) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const klass = await this.desk.lockedClass(trx, actor, classId);
      const programme = await this.training.findProgramme(trx, actor, klass.programme_id);
      if (!programme) throw notFound();
      if (programme.outcome === 'none') throw new AppError('BAD_REQUEST', { message: `Chương trình "${programme.name}" không cấp chứng chỉ` });
      const enrolmentId = (await this.desk.enrolmentIds(trx, actor, klass, [input.cadreId])).get(input.cadreId) ?? '';
      const enrolment = (await this.training.enrolmentsOf(trx, classId)).find((row) => row.id === enrolmentId);
      const fullName = enrolment?.full_name ?? '';
      const certificates = await this.training.certificatesOf(trx, classId);
      const inForce = certificates.find((row) => row.enrolment_id === enrolmentId && row.revoked_at === null);
      if (inForce) {
        throw new AppError('TRAINING_CERTIFICATE_ALREADY_ISSUED', {
          message: `${fullName} đã được cấp chứng chỉ số ${inForce.number} ngày ${formatVietnameseDate(inForce.issued_on)} của lớp "${klass.name}"; chứng chỉ chỉ cấp một lần`,
        });
      }
      const shortfalls = await this.desk.shortfalls(trx, classId, enrolmentId);
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
}
