import type { z } from 'zod';
import { deputyMayReceive, type ReceivingLevel, receptionGaps } from '../../core/citizen-reception.js';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { MissingLegalPeriodError } from '../../core/petition-deadlines.js';
import { normalizeText } from '../../core/text.js';
import type { Actor } from '../access/actor.js';
import { checkAccess, requireAccess, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, type FieldProblem, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { loadLegalClock } from './legal-clock.js';
import { PetitionDesk } from './petition-desk.js';
import type { listReceptionQuerySchema, receptionSessionBodySchema } from './petitions.schema.js';
import { ReceptionRepository, type ReceptionSessionRow } from './reception.repository.js';

type SessionInput = z.output<typeof receptionSessionBodySchema>;

const KIND_LABELS = { regular: 'Định kỳ', ad_hoc: 'Đột xuất' } as const;
const ROLE_LABELS = { head: 'Người đứng đầu', deputy: 'Cấp phó được ủy quyền', officer: 'Công chức tiếp công dân' } as const;

function optional(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

/**
 * Citizen reception days (tiếp công dân): each unit's head receives citizens
 * on a schedule the law sets; the register shows the sessions held, who held
 * them, the citizens received and the petitions taken, and says which weeks
 * or months fell short.
 */
export class ReceptionService {
  private readonly sessions = new ReceptionRepository();
  private readonly desk: PetitionDesk;

  constructor(private readonly context: AppContext) {
    this.desk = new PetitionDesk(context);
  }

  async list(actor: Actor, query: z.output<typeof listReceptionQuerySchema>) {
    if (query.to < query.from) throw validationError([{ path: 'to', message: 'Ngày kết thúc không được trước ngày bắt đầu' }]);
    const db = this.context.db;
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [unitId] });
    const [rows, names, clock, record] = await Promise.all([
      this.sessions.list(db, unitId, query.from, query.to),
      unitNamesAsOf(db, [unitId], query.to),
      loadLegalClock(db),
      checkAccess(db, { actor, permission: 'petition.receive', ids: [unitId] }),
    ]);
    const unit = names.get(unitId);
    const level = unit?.level;
    let gaps: ReturnType<typeof receptionGaps> = [];
    if (level === 'commune' || level === 'district' || level === 'province') {
      try {
        gaps = receptionGaps({
          level: level as ReceivingLevel,
          from: query.from,
          // Only days already past can have been missed.
          to: query.to < todayInVietnam() ? query.to : todayInVietnam(),
          regularSessions: rows.filter((row) => row.kind === 'regular').map((row) => row.held_on),
          rules: clock.rules,
          calendar: clock.calendar,
        });
      } catch (error) {
        if (!(error instanceof MissingLegalPeriodError)) throw error;
      }
    }
    return {
      unit: { id: unitId, name: unit?.name ?? '', level: level ?? '' },
      from: query.from,
      to: query.to,
      items: await this.present(actor, rows),
      gaps,
      abilities: { record: record.has(unitId) },
    };
  }

  async create(actor: Actor, input: SessionInput) {
    requirePermission(actor, 'data.write');
    const id = await this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'petition.receive', ids: [input.unitId] });
      const values = await this.checkedValues(trx, input);
      const sessionId = await this.sessions.insert(trx, { ...values, created_by: actor.userId });
      await this.audit(trx, actor, sessionId, 'create', `Ghi nhận buổi tiếp công dân ngày ${formatVietnameseDate(values.held_on)}`, values);
      return sessionId;
    });
    return this.one(actor, id);
  }

  async update(actor: Actor, id: string, input: SessionInput) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.locked(trx, actor, id);
      if (input.unitId !== before.unit_id) throw validationError([{ path: 'unitId', message: 'Không chuyển buổi tiếp công dân sang đơn vị khác' }]);
      const values = await this.checkedValues(trx, input);
      if (values.held_on !== before.held_on && (await this.sessions.hasPetitions(trx, id))) {
        throw validationError([{ path: 'heldOn', message: 'Buổi tiếp đã có đơn tiếp nhận; ngày nhận đơn đi theo ngày tiếp, không sửa được ngày' }]);
      }
      await this.sessions.update(trx, id, values);
      await this.audit(trx, actor, id, 'update', `Sửa buổi tiếp công dân ngày ${formatVietnameseDate(values.held_on)}`, values, before);
    });
    return this.one(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.locked(trx, actor, id);
      if (await this.sessions.hasPetitions(trx, id)) {
        throw new AppError('PETITION_WRONG_STAGE', {
          message: 'Buổi tiếp đã có đơn tiếp nhận, không xóa được',
          messageEn: 'Petitions were taken at this session; it cannot be deleted',
        });
      }
      await this.sessions.remove(trx, id);
      await this.audit(trx, actor, id, 'delete', `Xóa buổi tiếp công dân ngày ${formatVietnameseDate(before.held_on)}`, undefined, before);
    });
  }

  private async audit(trx: Db, actor: Actor, id: string, action: string, summary: string, after?: unknown, before?: unknown): Promise<void> {
    await writeAudit(trx, { actor, action: `reception_session.${action}`, entity: 'reception_session', entityId: id, summary, before, after });
  }

  private async locked(trx: Db, actor: Actor, id: string): Promise<ReceptionSessionRow> {
    await this.sessions.lock(trx, id);
    const [row] = await this.sessions.byIds(trx, [id]);
    if (!row) throw notFound();
    await requireAccess(trx, { actor, permission: 'petition.receive', ids: [row.unit_id] });
    return row;
  }

  /** A deputy may not hold the head's regular day once the law forbids it; nothing is held in the future. */
  private async checkedValues(trx: Db, input: SessionInput) {
    const problems: FieldProblem[] = [];
    if (input.heldOn > todayInVietnam()) problems.push({ path: 'heldOn', message: 'Ngày tiếp công dân chưa đến', messageEn: 'The date is in the future' });
    const clock = await loadLegalClock(trx);
    if (input.kind === 'regular' && input.hostRole !== 'head') {
      let allowed = true;
      try {
        allowed = deputyMayReceive(clock.rules, input.heldOn);
      } catch (error) {
        if (!(error instanceof MissingLegalPeriodError)) throw error;
      }
      if (!allowed) {
        problems.push({
          path: 'hostRole',
          message: `Từ ngày 01/07/2026, người đứng đầu trực tiếp tiếp công dân định kỳ, không ủy quyền cho cấp phó (Luật số 136/2025/QH15)`,
          messageEn: 'From 1 July 2026 the head receives citizens in person on the regular day and may not delegate (Law 136/2025/QH15)',
        });
      }
    }
    if (problems.length > 0) throw validationError(problems);
    return {
      unit_id: input.unitId,
      held_on: input.heldOn,
      kind: input.kind,
      host_name: normalizeText(input.hostName),
      host_role: input.hostRole,
      citizens: input.citizens,
      note: optional(input.note),
    };
  }

  private async one(actor: Actor, id: string) {
    const [row] = await this.sessions.byIds(this.context.db, [id]);
    if (!row) throw notFound();
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [row.unit_id] });
    const [presented] = await this.present(actor, [row]);
    return presented!;
  }

  private async present(actor: Actor, rows: readonly ReceptionSessionRow[]) {
    const db = this.context.db;
    const taken = await this.sessions.takenPetitions(
      db,
      rows.map((row) => row.id),
    );
    const petitions = await this.desk.petitions.findPetitions(
      db,
      actor,
      taken.map((petition) => petition.id),
    );
    const listed = new Map((await this.desk.presentList(petitions, todayInVietnam())).map((item) => [item.id, item]));
    const names = await unitNamesAsOf(
      db,
      rows.map((row) => row.unit_id),
    );
    const writable = await checkAccess(db, { actor, permission: 'petition.receive', ids: rows.map((row) => row.unit_id) });
    return rows.map((row) => ({
      id: row.id,
      unit: { id: row.unit_id, name: names.get(row.unit_id)?.name ?? '' },
      heldOn: row.held_on,
      kind: { code: row.kind, label: KIND_LABELS[row.kind] },
      hostName: row.host_name,
      hostRole: { code: row.host_role, label: ROLE_LABELS[row.host_role] },
      citizens: row.citizens,
      note: row.note,
      petitions: taken
        .filter((petition) => petition.reception_session_id === row.id)
        .flatMap((petition) => {
          const item = listed.get(petition.id);
          return item
            ? [{ id: item.id, number: item.number, subject: item.subject, petitioner: item.petitioner, type: item.type.label, status: item.status.label }]
            : [];
        }),
      abilities: { edit: writable.has(row.unit_id) },
    }));
  }
}
