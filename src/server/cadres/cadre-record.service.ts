import { compareIsoDates, formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { foldVietnamese } from '../../core/text.js';
import { requireAccess, requireCadreReach, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { fullNameProblem, parsePhone, partyJoiningProblem } from '../../core/person-values.js';
import { dateWithPrecision, nameColumns, optionalText } from './cadre-values.js';
import { auditSnapshotOfCadre } from './cadres.presenter.js';
import { CadresRepository, type NewCadre } from './cadres.repository.js';
import { buildResume } from './cadres.resume.js';
import { type Conn, type CadreInput, SENSITIVE_FIELDS, isUniqueViolation, storedDateOrYear, photoMediaType } from './cadres.shared.js';
import { CadreDesk } from './cadre-desk.js';

/** A person's own record: reading it (audited), the résumé, the photo, creating and correcting it. */
export class CadreRecordService {
  private readonly cadres: CadresRepository;
  private readonly desk: CadreDesk;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
    this.desk = new CadreDesk(this.cadres);
  }

  /** A person's full record as of a date. Every view is written to the audit log (personal data law). */
  async profile(actor: Actor, id: string, asOfQuery: string | undefined) {
    const asOf = asOfQuery ?? todayInVietnam();
    return this.context.db.transaction().execute(async (trx) => {
      const reach = await requireCadreReach(trx, actor, id);
      const profile = await this.desk.loadProfile(trx, actor, id, asOf, reach);
      await writeAudit(trx, {
        actor,
        action: 'view',
        entity: 'cadre',
        entityId: id,
        summary: `Xem hồ sơ tính đến ${formatVietnameseDate(asOf)}${reach === 'history' ? ' (quá trình công tác tại đơn vị)' : ''}`,
      });
      return profile;
    });
  }

  /** Sơ yếu lý lịch (form 2C layout) as a Word document; a view of the full record, so audited as one. */
  async resume(actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
    const asOf = todayInVietnam();
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'cadre.read', ids: [id] });
      const profile = await this.desk.loadProfile(trx, actor, id, asOf, 'full');
      const photo = profile.hasPhoto ? await this.cadres.photo(trx, id) : undefined;
      await writeAudit(trx, { actor, action: 'view', entity: 'cadre', entityId: id, summary: 'Tải sơ yếu lý lịch (.docx)' });
      const content = await buildResume(profile, photo ? { content: photo.content, mediaType: photo.media_type } : null);
      return { fileName: `so-yeu-ly-lich-${foldVietnamese(profile.fullName).replace(/[^a-z0-9]+/g, '-')}.docx`, content };
    });
  }

  async photo(actor: Actor, id: string) {
    await requireAccess(this.context.db, { actor, permission: 'cadre.read', ids: [id] });
    const photo = await this.cadres.photo(this.context.db, id);
    if (!photo) throw notFound();
    return { content: photo.content, mediaType: photo.media_type };
  }

  async create(actor: Actor, input: CadreInput) {
    requirePermission(actor, 'data.write');
    const values = this.cadreValues(input);
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'unit.write', ids: [values.owning_unit_id] });
      await this.assertPersonalIdFree(trx, values.personal_id, null);
      const id = await this.insertCadre(trx, values);
      await writeAudit(trx, { actor, action: 'create', entity: 'cadre', entityId: id, after: auditSnapshotOfCadre(values) });
      return this.desk.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  async update(actor: Actor, id: string, changes: Partial<CadreInput>) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'cadre.write', ids: [id] });
      const before = await this.cadres.findById(trx, id, { forUpdate: true });
      if (!before) throw notFound();
      const merged = this.cadreValues({
        fullName: changes.fullName ?? before.full_name,
        gender: changes.gender === undefined ? before.gender : changes.gender,
        birthDate: changes.birthDate === undefined ? storedDateOrYear(before.birth_date, before.birth_date_precision) : changes.birthDate,
        ethnicityCode: changes.ethnicityCode === undefined ? before.ethnicity_code : changes.ethnicityCode,
        religion: changes.religion === undefined ? before.religion : changes.religion,
        homeTown: changes.homeTown === undefined ? before.home_town : changes.homeTown,
        personalId: changes.personalId === undefined ? before.personal_id : changes.personalId,
        partyJoinedOn: changes.partyJoinedOn === undefined ? storedDateOrYear(before.party_joined_on, before.party_joined_precision) : changes.partyJoinedOn,
        phone: changes.phone === undefined ? before.phone : changes.phone,
        email: changes.email === undefined ? before.email : changes.email,
        discipline: changes.discipline === undefined ? before.discipline : changes.discipline,
        owningUnitId: changes.owningUnitId ?? before.owning_unit_id,
      });
      if (merged.owning_unit_id !== before.owning_unit_id) await requireAccess(trx, { actor, permission: 'unit.write', ids: [merged.owning_unit_id] });
      await this.assertPersonalIdFree(trx, merged.personal_id, id);
      try {
        await this.cadres.updateCadre(trx, id, merged);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CADRE_PERSONAL_ID_TAKEN', { cause: error });
        throw error;
      }
      await writeAudit(trx, {
        actor,
        action: 'update',
        entity: 'cadre',
        entityId: id,
        before: auditSnapshotOfCadre(before),
        after: {
          ...auditSnapshotOfCadre(merged),
          sensitiveFieldsChanged: SENSITIVE_FIELDS.filter((field) => before[field] !== merged[field]),
        },
      });
      return this.desk.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  async savePhoto(actor: Actor, id: string, content: Buffer) {
    requirePermission(actor, 'data.write');
    const mediaType = photoMediaType(content);
    await this.context.db.transaction().execute(async (trx) => {
      await this.desk.lockWritable(trx, actor, id);
      await this.cadres.savePhoto(trx, id, content, mediaType);
      await writeAudit(trx, { actor, action: 'update_photo', entity: 'cadre', entityId: id, after: { mediaType, byteSize: content.length } });
    });
  }

  async deletePhoto(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      await this.desk.lockWritable(trx, actor, id);
      if (!(await this.cadres.deletePhoto(trx, id))) throw notFound();
      await writeAudit(trx, { actor, action: 'delete_photo', entity: 'cadre', entityId: id });
    });
  }

  private cadreValues(input: CadreInput): NewCadre {
    const names = nameColumns(input.fullName);
    const nameProblem = fullNameProblem(names.full_name);
    if (nameProblem) throw validationError([{ path: 'body.fullName', message: nameProblem }]);
    const phone = parsePhone(input.phone ?? null);
    if (!phone.ok) throw validationError([{ path: 'body.phone', message: phone.message }]);
    const birth = input.birthDate ? dateWithPrecision(input.birthDate) : null;
    if (birth && compareIsoDates(birth.date, todayInVietnam()) > 0) {
      throw validationError([{ path: 'body.birthDate', message: 'Ngày sinh không được sau hôm nay' }]);
    }
    const party = input.partyJoinedOn ? dateWithPrecision(input.partyJoinedOn) : null;
    const partyProblem = partyJoiningProblem(birth?.precision === 'day' ? birth.date : null, party?.precision === 'day' ? party.date : null);
    if (partyProblem) throw validationError([{ path: 'body.partyJoinedOn', message: partyProblem }]);
    return {
      ...names,
      gender: input.gender ?? null,
      birth_date: birth?.date ?? null,
      birth_date_precision: birth?.precision ?? null,
      ethnicity_code: input.ethnicityCode ?? null,
      religion: optionalText(input.religion),
      home_town: optionalText(input.homeTown),
      personal_id: input.personalId ? input.personalId.replace(/[\s.-]/g, '') : null,
      party_joined_on: party?.date ?? null,
      party_joined_precision: party?.precision ?? null,
      phone: phone.phone,
      email: optionalText(input.email)?.toLowerCase() ?? null,
      discipline: optionalText(input.discipline),
      owning_unit_id: input.owningUnitId,
    };
  }

  private async insertCadre(trx: Conn, values: NewCadre): Promise<string> {
    try {
      return await this.cadres.insertCadre(trx, values);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CADRE_PERSONAL_ID_TAKEN', { cause: error });
      throw error;
    }
  }

  private async assertPersonalIdFree(db: Conn, personalId: string | null, ownId: string | null): Promise<void> {
    if (personalId === null) return;
    const owner = await this.cadres.personalIdOwner(db, personalId);
    if (owner !== undefined && owner !== ownId) throw new AppError('CADRE_PERSONAL_ID_TAKEN');
  }
}
