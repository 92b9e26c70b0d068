import { todayInVietnam } from '../../core/dates.js';
import { requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import { notFound, validationError } from '../http/errors.js';
import { dateWithPrecision, optionalText } from './cadre-values.js';
import { presentQualification } from './cadres.presenter.js';
import { CadresRepository } from './cadres.repository.js';
import { SCALE_OF_KIND } from './qualification-scales.js';
import { type QualificationInput } from './cadres.shared.js';
import { CadreDesk } from './cadre-desk.js';

/** Qualifications declared or proven by a certificate. */
export class CadreQualificationsService {
  private readonly cadres: CadresRepository;
  private readonly desk: CadreDesk;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
    this.desk = new CadreDesk(this.cadres);
  }

  async addQualification(actor: Actor, id: string, input: QualificationInput) {
    requirePermission(actor, 'data.write');
    const scale = SCALE_OF_KIND[input.kind];
    if (!scale.isLevel(input.level)) {
      throw validationError([{ path: 'body.level', message: `Mức không có trên thang ${scale.nameVi}; chọn một trong: ${scale.codes.join(', ')}` }]);
    }
    const obtained = input.obtainedOn ? dateWithPrecision(input.obtainedOn) : null;
    return this.context.db.transaction().execute(async (trx) => {
      await this.desk.lockWritable(trx, actor, id);
      const qualification = {
        cadre_id: id,
        kind: input.kind,
        level: input.level,
        major: optionalText(input.major),
        institution: optionalText(input.institution),
        study_mode: input.studyMode ?? null,
        language: optionalText(input.language),
        obtained_on: obtained?.date ?? null,
        obtained_precision: obtained?.precision ?? null,
        source: input.source,
        source_ref: optionalText(input.sourceRef),
        note: optionalText(input.note),
      };
      const qualificationId = await this.cadres.insertQualification(trx, qualification);
      await writeAudit(trx, { actor, action: 'add_qualification', entity: 'cadre', entityId: id, after: { qualificationId, ...qualification } });
      return presentQualification({ id: qualificationId, ...qualification }, todayInVietnam());
    });
  }

  async deleteQualification(actor: Actor, id: string, qualificationId: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      await this.desk.lockWritable(trx, actor, id);
      const qualification = await this.cadres.findQualification(trx, id, qualificationId);
      if (!qualification) throw notFound();
      await this.cadres.deleteQualification(trx, qualificationId);
      await writeAudit(trx, { actor, action: 'delete_qualification', entity: 'cadre', entityId: id, before: qualification });
    });
  }
}
