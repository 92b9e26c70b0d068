import { formatVietnameseDate } from '../../core/dates.js';
import { normalizeText } from '../../core/text.js';
import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import { notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { presentVisit } from './training.presenter.js';
import { buildVisitsWorkbook } from './training.export.js';
import { TrainingRepository, type VisitRow } from './training.repository.js';
import { type Conn, type VisitQuery, visitFilter, type VisitInput, VISIT_FORMS, optionalText, fileNameOf } from './training.shared.js';

/** Guidance visits to communes (hướng dẫn tại cơ sở, cầm tay chỉ việc). */
export class GuidanceVisitsService {
  private readonly training = new TrainingRepository();

  constructor(private readonly context: AppContext) {}

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

  async visitsXlsx(actor: Actor, query: VisitQuery) {
    const { items } = await this.listVisits(actor, query);
    return { fileName: fileNameOf('Hướng dẫn tại cơ sở'), content: await buildVisitsWorkbook(items) };
  }
}
