import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { type AreaFlag, type WeakField, isDisadvantagedArea } from '../../core/commune-profile.js';
import { addDays, formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { normalizeText } from '../../core/text.js';
import { presentAreaClass, presentCommuneClass, presentDesignation } from './commune-profile.presenter.js';
import { type AreaClassRow, CommuneProfileRepository, type CommuneRow } from './commune-profile.repository.js';

/**
 * What the standards and rotation rules need to know about a commune, with history:
 * its area class (plains, or mountainous / border / island / ethnic-minority /
 * especially disadvantaged, where the province may relax the professional standard)
 * and whether it was designated "có mặt hạn chế, yếu kém" in a year.
 */

export interface AreaClassAsOf {
  flags: AreaFlag[];
  disadvantaged: boolean;
}

/** Area class of each commune on a date (default today); communes without a class are absent. */
export async function areaClassesAsOf(db: Db, communeIds: readonly string[], asOf: string = todayInVietnam()): Promise<Map<string, AreaClassAsOf>> {
  const rows = await new CommuneProfileRepository(db).classesOn([...new Set(communeIds)], asOf);
  return new Map(rows.map((row) => [row.commune_id, { flags: row.flags, disadvantaged: isDisadvantagedArea(row.flags) }]));
}

export interface WeakDesignationAsOf {
  designationId: string;
  year: number;
  fields: WeakField[];
  reasons: string;
}

/** Communes designated weak on a date (default today), optionally among given communes. */
export async function weakCommunesAsOf(db: Db, asOf: string = todayInVietnam(), communeIds?: readonly string[]): Promise<Map<string, WeakDesignationAsOf>> {
  const rows = await new CommuneProfileRepository(db).weakOn(asOf, communeIds ?? null);
  const result = new Map<string, WeakDesignationAsOf>();
  for (const row of rows) {
    if (!result.has(row.commune_id)) result.set(row.commune_id, { designationId: row.id, year: row.year, fields: row.fields, reasons: row.reasons });
  }
  return result;
}

export interface AreaClassInput {
  flags: AreaFlag[];
  validFrom: string | null;
  validTo?: string | null;
  basis?: string | null;
  note?: string | null;
}

export interface WeakDesignationInput {
  communeId: string;
  year: number;
  fields: WeakField[];
  reasons: string;
  decision?: string | null;
  decidedOn?: string | null;
  validFrom?: string;
  validTo?: string | null;
  note?: string | null;
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message });
}

function conflict(message: string): AppError {
  return new AppError('CONFLICT', { message });
}

function describePeriod(from: string | null, to: string | null): string {
  return `${from ? `từ ${formatVietnameseDate(from)}` : 'từ trước'} ${to ? `đến ${formatVietnameseDate(to)}` : 'đến nay'}`;
}

function optionalText(value: string | null | undefined): string | null {
  const cleaned = value ? normalizeText(value) : '';
  return cleaned === '' ? null : cleaned;
}

function checkFlags(flags: AreaFlag[]): AreaFlag[] {
  const unique = [...new Set(flags)];
  if (unique.length === 0) throw invalid('Cần chọn ít nhất một loại địa bàn');
  if (unique.includes('dong_bang') && unique.length > 1) {
    throw invalid('«Đồng bằng» không đi cùng các loại địa bàn miền núi, biên giới, hải đảo, dân tộc thiểu số, đặc biệt khó khăn');
  }
  return unique;
}

function checkInsideCommune(commune: CommuneRow, from: string | null, to: string | null, what: string): void {
  if (from && to && to < from) throw invalid(`Ngày kết thúc ${formatVietnameseDate(to)} phải sau ngày bắt đầu ${formatVietnameseDate(from)}`);
  const startsInside = commune.valid_from === null || (from !== null && from >= commune.valid_from);
  const endsInside = commune.valid_to === null || (to !== null && to <= commune.valid_to);
  if (!startsInside || !endsInside) {
    throw invalid(
      `Thời gian ${describePeriod(from, to)} của ${what} phải nằm trong thời gian tồn tại của ${commune.name} (${describePeriod(commune.valid_from, commune.valid_to)})`,
    );
  }
}

export class CommuneProfileService {
  private readonly repository: CommuneProfileRepository;

  constructor(private readonly context: AppContext) {
    this.repository = new CommuneProfileRepository(context.db);
  }

  private async communeToRead(db: Db, actor: Actor, communeId: string): Promise<CommuneRow> {
    await requireAccess(db, { actor, permission: 'unit.read', ids: [communeId] });
    const commune = await this.repository.commune(db, communeId, todayInVietnam());
    if (!commune || commune.level !== 'commune') throw notFound();
    return commune;
  }

  /** Area classes and weak-commune lists are decided above the commune: district, province, administrators. */
  private async communeToEdit(db: Db, actor: Actor, communeId: string): Promise<CommuneRow> {
    requirePermission(actor, 'data.write');
    await requireAccess(db, { actor, permission: 'commune.classification.write', ids: [communeId] });
    return this.communeToRead(db, actor, communeId);
  }

  // ---- area classes ----

  async areaClassHistory(actor: Actor, communeId: string, query: { asOf?: string }) {
    const asOf = query.asOf ?? todayInVietnam();
    const commune = await this.communeToRead(this.context.db, actor, communeId);
    const history = await this.repository.areaClasses(this.context.db, communeId, false);
    const current = history.find((row) => (row.valid_from === null || row.valid_from <= asOf) && (row.valid_to === null || row.valid_to >= asOf));
    return {
      commune: { id: commune.id, code: commune.code, name: commune.name, type: commune.type },
      asOf,
      current: current ? presentAreaClass(current) : null,
      history: history.map(presentAreaClass),
    };
  }

  /** A new period from `validFrom`; the period it follows ends the day before. */
  async addAreaClass(actor: Actor, communeId: string, input: AreaClassInput) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const commune = await this.communeToEdit(trx, actor, communeId);
      const flags = checkFlags(input.flags);
      const periods = await this.repository.areaClasses(trx, communeId, true);
      const later = periods.find((p) => input.validFrom === null || (p.valid_from !== null && p.valid_from >= input.validFrom));
      if (later) {
        throw conflict(
          `${commune.name} đã có phân loại ${describePeriod(later.valid_from, later.valid_to)} không trước ngày bắt đầu mới; hãy sửa hoặc xóa phân loại đó`,
        );
      }
      const validTo = input.validTo === undefined ? commune.valid_to : input.validTo;
      checkInsideCommune(commune, input.validFrom, validTo, 'phân loại địa bàn');
      const previous = periods.at(-1);
      if (previous && input.validFrom && (previous.valid_to === null || previous.valid_to >= input.validFrom)) {
        await this.repository.setAreaClassEnd(trx, previous.id, addDays(input.validFrom, -1));
      }
      const id = await this.repository.insertAreaClass(trx, {
        communeId,
        flags,
        validFrom: input.validFrom,
        validTo,
        basis: optionalText(input.basis),
        note: optionalText(input.note),
      });
      const created = (await this.repository.areaClass(trx, id))!;
      await writeAudit(trx, {
        actor,
        action: 'create',
        entity: 'commune_area_class',
        entityId: id,
        summary: commune.name,
        before: previous ? presentAreaClass(previous) : null,
        after: presentAreaClass(created),
      });
      return presentAreaClass(created);
    });
  }

  async updateAreaClass(actor: Actor, id: string, changes: { flags?: AreaFlag[]; validTo?: string | null; basis?: string | null; note?: string | null }) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const before = await this.readable(trx, actor, await this.repository.areaClass(trx, id));
      const commune = await this.communeToEdit(trx, actor, before.commune_id);
      const periods = await this.repository.areaClasses(trx, before.commune_id, true);
      const validTo = changes.validTo === undefined ? before.valid_to : changes.validTo;
      checkInsideCommune(commune, before.valid_from, validTo, 'phân loại địa bàn');
      const next = periods.find((p) => p.id !== id && p.valid_from !== null && (before.valid_from === null || p.valid_from > before.valid_from));
      if (next && (validTo === null || validTo >= next.valid_from!)) {
        throw conflict(`Phân loại phải kết thúc trước ngày ${formatVietnameseDate(next.valid_from!)}, ngày bắt đầu của phân loại sau`);
      }
      await this.repository.updateAreaClass(trx, id, {
        flags: changes.flags ? checkFlags(changes.flags) : before.flags,
        validTo,
        basis: changes.basis === undefined ? before.basis : optionalText(changes.basis),
        note: changes.note === undefined ? before.note : optionalText(changes.note),
      });
      const after = (await this.repository.areaClass(trx, id))!;
      await writeAudit(trx, {
        actor,
        action: 'update',
        entity: 'commune_area_class',
        entityId: id,
        before: presentAreaClass(before),
        after: presentAreaClass(after),
      });
      return presentAreaClass(after);
    });
  }

  /** Removes a period entered by mistake; if it was the latest, the one before it runs on again. */
  async deleteAreaClass(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.readable(trx, actor, await this.repository.areaClass(trx, id));
      await this.communeToEdit(trx, actor, row.commune_id);
      const periods = await this.repository.areaClasses(trx, row.commune_id, true);
      const index = periods.findIndex((p) => p.id === id);
      const previous: AreaClassRow | undefined = index > 0 ? periods[index - 1] : undefined;
      const isLatest = index === periods.length - 1;
      if (isLatest && previous && row.valid_from && previous.valid_to === addDays(row.valid_from, -1)) {
        await this.repository.setAreaClassEnd(trx, previous.id, row.valid_to);
      }
      await this.repository.deleteAreaClass(trx, id);
      await writeAudit(trx, { actor, action: 'delete', entity: 'commune_area_class', entityId: id, before: presentAreaClass(row) });
    });
  }

  async listAreaClasses(actor: Actor, query: { unitId?: string; asOf?: string }) {
    const asOf = query.asOf ?? todayInVietnam();
    const rootId = query.unitId ?? actor.unitId;
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [rootId] });
    const rows = await this.repository.communeClasses(actor, rootId, asOf);
    return { asOf, items: rows.map(presentCommuneClass) };
  }

  // ---- weak-unit designations ----

  async listWeak(actor: Actor, query: { year?: number; asOf?: string; unitId?: string }) {
    if (query.unitId) await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    const rows = await this.repository.designations(this.context.db, actor, {
      id: null,
      communeId: null,
      year: query.year ?? null,
      asOf: query.asOf ?? null,
      rootId: query.unitId ?? null,
      nameDate: query.asOf ?? (query.year ? `${query.year}-12-31` : todayInVietnam()),
    });
    return { items: rows.map(presentDesignation) };
  }

  async weakHistory(actor: Actor, communeId: string) {
    const commune = await this.communeToRead(this.context.db, actor, communeId);
    const rows = await this.repository.designations(this.context.db, actor, {
      id: null,
      communeId,
      year: null,
      asOf: null,
      rootId: null,
      nameDate: todayInVietnam(),
    });
    return { commune: { id: commune.id, code: commune.code, name: commune.name, type: commune.type }, items: rows.map(presentDesignation) };
  }

  private async designation(db: Db, id: string) {
    const [row] = await this.repository.designations(db, null, { id, communeId: null, year: null, asOf: null, rootId: null, nameDate: todayInVietnam() });
    return row;
  }

  /** A record of a commune the actor may read, or "not found". */
  private async readable<Row extends { commune_id: string }>(db: Db, actor: Actor, row: Row | undefined): Promise<Row> {
    if (!row) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [row.commune_id] });
    return row;
  }

  private prepareDesignation(commune: CommuneRow, input: Omit<WeakDesignationInput, 'communeId'>) {
    const fields = [...new Set(input.fields)];
    if (fields.length === 0) throw invalid('Cần chọn ít nhất một lĩnh vực hạn chế, yếu kém');
    const reasons = normalizeText(input.reasons);
    if (reasons === '') throw invalid('Cần ghi rõ những mặt hạn chế, yếu kém');
    const yearEnd = `${input.year}-12-31`;
    const validFrom = input.validFrom ?? input.decidedOn ?? `${input.year}-01-01`;
    const validTo = input.validTo === undefined ? (commune.valid_to !== null && commune.valid_to < yearEnd ? commune.valid_to : yearEnd) : input.validTo;
    checkInsideCommune(commune, validFrom, validTo, `việc xác định xã yếu kém năm ${input.year}`);
    return {
      year: input.year,
      fields,
      reasons,
      decision: optionalText(input.decision),
      decidedOn: input.decidedOn ?? null,
      validFrom,
      validTo,
      note: optionalText(input.note),
    };
  }

  async createWeak(actor: Actor, input: WeakDesignationInput) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const commune = await this.communeToEdit(trx, actor, input.communeId);
      const values = this.prepareDesignation(commune, input);
      if (await this.repository.designationOfYear(trx, commune.id, values.year, null)) {
        throw conflict(`${commune.name} đã được xác định là xã có mặt hạn chế, yếu kém năm ${values.year}; hãy sửa bản ghi đó`);
      }
      const id = await this.repository.insertDesignation(trx, { communeId: commune.id, ...values });
      const created = (await this.designation(trx, id))!;
      await writeAudit(trx, {
        actor,
        action: 'create',
        entity: 'weak_unit_designation',
        entityId: id,
        summary: `${commune.name} – ${values.year}`,
        after: presentDesignation(created),
      });
      return presentDesignation(created);
    });
  }

  async updateWeak(actor: Actor, id: string, changes: Partial<Omit<WeakDesignationInput, 'communeId'>>) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const before = await this.readable(trx, actor, await this.designation(trx, id));
      const commune = await this.communeToEdit(trx, actor, before.commune_id);
      const values = this.prepareDesignation(commune, {
        year: changes.year ?? before.year,
        fields: changes.fields ?? before.fields,
        reasons: changes.reasons ?? before.reasons,
        decision: changes.decision === undefined ? before.decision : changes.decision,
        decidedOn: changes.decidedOn === undefined ? before.decided_on : changes.decidedOn,
        validFrom: changes.validFrom ?? before.valid_from,
        validTo: changes.validTo === undefined ? before.valid_to : changes.validTo,
        note: changes.note === undefined ? before.note : changes.note,
      });
      if (await this.repository.designationOfYear(trx, commune.id, values.year, id)) {
        throw conflict(`${commune.name} đã được xác định là xã có mặt hạn chế, yếu kém năm ${values.year}; hãy sửa bản ghi đó`);
      }
      await this.repository.updateDesignation(trx, id, values);
      const after = (await this.designation(trx, id))!;
      await writeAudit(trx, {
        actor,
        action: 'update',
        entity: 'weak_unit_designation',
        entityId: id,
        before: presentDesignation(before),
        after: presentDesignation(after),
      });
      return presentDesignation(after);
    });
  }

  async deleteWeak(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.readable(trx, actor, await this.designation(trx, id));
      await this.communeToEdit(trx, actor, before.commune_id);
      await this.repository.deleteDesignation(trx, id);
      await writeAudit(trx, { actor, action: 'delete', entity: 'weak_unit_designation', entityId: id, before: presentDesignation(before) });
    });
  }
}
