import { foldVietnamese } from '../../core/text.js';
import { requireAccess, requirePermission, checkAccess } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../http/errors.js';
import { presentInstructor, presentProgramme } from './training.presenter.js';
import { type InstructorRow, type ProgrammeRow, TrainingRepository } from './training.repository.js';
import type { ProgrammeForm } from './training.tables.js';
import { type Conn, type ProgrammeInput, type InstructorInput, instructorValues, programmeValues, keptInScope } from './training.shared.js';

/** Programmes and instructors, which a unit keeps for itself and every unit below it. */
export class TrainingCatalogueService {
  private readonly training = new TrainingRepository();

  constructor(private readonly context: AppContext) {}

  async listProgrammes(actor: Actor, query: { form?: ProgrammeForm; q?: string }) {
    const search = query.q === undefined ? undefined : foldVietnamese(query.q);
    const rows = await this.training.listProgrammes(this.context.db, actor, { form: query.form, search: search === '' ? undefined : search });
    const editable = await this.editableUnits(actor, rows);
    return { items: rows.map((row) => presentProgramme(row, editable.has(row.owning_unit_id))) };
  }

  async getProgramme(actor: Actor, id: string) {
    const row = await this.training.findProgramme(this.context.db, actor, id);
    if (!row) throw notFound();
    return presentProgramme(row, (await this.editableUnits(actor, [row])).has(row.owning_unit_id));
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
      return presentProgramme(created, true);
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
      return presentProgramme(after, true);
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
  /** Of the units keeping these rows, those whose programmes and instructors the caller may change. */
  private editableUnits(actor: Actor, rows: readonly { owning_unit_id: string }[]): Promise<Set<string>> {
    return checkAccess(this.context.db, { actor, permission: 'catalogue.write', ids: rows.map((row) => row.owning_unit_id) });
  }

  private async writableProgramme(db: Conn, actor: Actor, id: string): Promise<ProgrammeRow> {
    return keptInScope(db, actor, await this.training.findProgramme(db, actor, id));
  }

  async listInstructors(actor: Actor) {
    const rows = await this.training.listInstructors(this.context.db, actor);
    const editable = await this.editableUnits(actor, rows);
    return { items: rows.map((row) => presentInstructor(row, editable.has(row.owning_unit_id))) };
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
      return presentInstructor({ id, ...values }, true);
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
      return presentInstructor({ id, ...values }, true);
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
}
