import { unitAbilities } from '../access/abilities.js';
import { seesWholeCountry } from '../access/access.js';
import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import { type LoadResult, loadOfficialSnapshot } from './territory-loader.js';
import { type ChangeForCorrection, TerritoryLoadRepository } from './territory-load.repository.js';
import {
  presentChange,
  presentChild,
  presentCounts,
  presentLineage,
  presentLoad,
  presentSearchItem,
  presentTreeItem,
  presentUnit,
  presentUnitRef,
  presentVersion,
} from './territory.presenter.js';
import { TerritoryRepository } from './territory.repository.js';
import type { ChangeDateSource, LineageKind, UnitLevel } from './territory.tables.js';
import { rebuildUnitScope } from './unit-scope.js';

export { ensureOfficialTerritoryLoaded, loadOfficialSnapshot, type TerritoryLog } from './territory-loader.js';
export { rebuildUnitScope } from './unit-scope.js';

// ---------------------------------------------------------------------------
// For other features: roll records forward to today's units, name units at a date.
// ---------------------------------------------------------------------------

export interface RolledUnit {
  unitId: string;
  /** 'whole': the old unit lies entirely inside this one; 'part': only part of it does. */
  share: 'whole' | 'part';
}

/**
 * For each unit, the unit(s) valid on `asOf` (default today) that it now lies in:
 * itself while it is valid; after it ended, its successors through lineage
 * (recursively: a 2023 commune merged in 2025-01 and again on 2025-07-01 ends
 * in a 2025 unit); with no lineage, the unit its parent became. A unit that did
 * not exist yet on `asOf` has none. Used by every report that compares periods.
 */
export async function rollForward(db: Db, unitIds: readonly string[], asOf: string = todayInVietnam()): Promise<Map<string, RolledUnit[]>> {
  const rows = await new TerritoryRepository(db).rollForward(unitIds, asOf);
  const result = new Map<string, RolledUnit[]>(unitIds.map((id) => [id, []]));
  for (const row of rows) {
    result.get(row.origin_id)?.push({ unitId: row.unit_id, share: row.whole ? 'whole' : 'part' });
  }
  return result;
}

export interface UnitNameAsOf {
  id: string;
  code: string;
  level: UnitLevel;
  name: string;
  type: string;
  validFrom: string | null;
  validTo: string | null;
  /** False when the unit did not exist on that date; the name is then its last (or first) one. */
  validOnDate: boolean;
}

/** The official name of each unit as of a date (default today); for a unit that no longer exists, its last name. */
export async function unitNamesAsOf(db: Db, unitIds: readonly string[], asOf: string = todayInVietnam()): Promise<Map<string, UnitNameAsOf>> {
  const rows = await new TerritoryRepository(db).namesAsOf([...new Set(unitIds)], asOf);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        code: row.code,
        level: row.level,
        name: row.name,
        type: row.type,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        validOnDate: (row.valid_from === null || row.valid_from <= asOf) && (row.valid_to === null || row.valid_to >= asOf),
      },
    ]),
  );
}

/**
 * Which of the units directly under `rootId` on `asOf` each unit falls
 * under: a unit valid on that day by its place in the tree then; one that
 * had ended by its successors (the first of them under the root). Reports
 * roll figures up to the units below with it, so that each record counts
 * once, where the territory put it on the day (unit_scope, which also
 * reaches predecessors of successors, is for access, not for sums). A unit
 * under none of them is left out.
 */
export async function childOfAsOf(db: Db, rootId: string, unitIds: readonly string[], asOf: string): Promise<Map<string, string>> {
  const tree = await new TerritoryRepository(db).tree(rootId, asOf, 3);
  const parentOf = new Map(tree.map((row) => [row.id, row.parent_id]));
  const childOf = (unitId: string): string | undefined => {
    let current = unitId;
    for (let parent = parentOf.get(current); parent !== undefined && parent !== rootId; parent = parentOf.get(current)) current = parent;
    return parentOf.get(current) === rootId ? current : undefined;
  };
  const result = new Map<string, string>();
  const ended: string[] = [];
  for (const unitId of new Set(unitIds)) {
    const child = childOf(unitId);
    if (child) result.set(unitId, child);
    else ended.push(unitId);
  }
  if (ended.length > 0) {
    for (const [unitId, successors] of await rollForward(db, ended, asOf)) {
      const child = successors.map((successor) => childOf(successor.unitId)).find((found) => found !== undefined);
      if (child) result.set(unitId, child);
    }
  }
  return result;
}

/** The units directly under a unit on a date (a province's districts, or after 2025 its communes), in official name order. */
export async function childUnitsAsOf(db: Db, parentId: string, asOf: string): Promise<{ id: string; name: string; level: UnitLevel }[]> {
  const rows = await new TerritoryRepository(db).children(parentId, asOf, null);
  return rows.map((row) => ({ id: row.id, name: row.name, level: row.level }));
}

// ---------------------------------------------------------------------------
// The API.
// ---------------------------------------------------------------------------

type Scope = 'all' | 'mine';

function scopeRoot(actor: Actor, scope: Scope): string | null {
  return scope === 'mine' && !seesWholeCountry(actor) ? actor.unitId : null;
}

export class TerritoryService {
  private readonly units: TerritoryRepository;
  private readonly writes = new TerritoryLoadRepository();

  constructor(private readonly context: AppContext) {
    this.units = new TerritoryRepository(context.db);
  }

  private async countryId(): Promise<string> {
    return this.writes.countryId(this.context.db);
  }

  async children(actor: Actor, query: { parentId?: string; asOf?: string; scope: Scope }) {
    const asOf = query.asOf ?? todayInVietnam();
    const parentId = query.parentId ?? (await this.countryId());
    const parent = query.parentId ? await this.units.unitAsOf(query.parentId, asOf) : undefined;
    if (query.parentId && !parent) throw notFound();
    const rows = await this.units.children(parentId, asOf, scopeRoot(actor, query.scope));
    return { asOf, parent: parent && parent.level !== 'country' ? presentUnit(parent) : null, items: rows.map(presentChild) };
  }

  async search(actor: Actor, query: { q: string; asOf?: string; limit: number; scope: Scope }) {
    const folded = foldVietnamese(query.q);
    if (folded === '') return { items: [] };
    const rows = await this.units.search({
      folded,
      digits: /^\d+$/.test(folded),
      asOf: query.asOf ?? null,
      today: todayInVietnam(),
      limit: query.limit,
      scopeRoot: scopeRoot(actor, query.scope),
    });
    return { items: rows.map(presentSearchItem) };
  }

  async tree(query: { rootId?: string; asOf?: string; maxDepth: number }) {
    const asOf = query.asOf ?? todayInVietnam();
    const rootId = query.rootId ?? (await this.countryId());
    if (query.rootId && !(await this.units.unitExists(query.rootId))) throw notFound();
    const rows = await this.units.tree(rootId, asOf, query.maxDepth);
    return { asOf, rootId, items: rows.map(presentTreeItem) };
  }

  async byCode(query: { code: string; asOf?: string; level?: UnitLevel }) {
    const asOf = query.asOf ?? todayInVietnam();
    const row = await this.units.byCode(query.code, asOf, query.level ?? null);
    if (!row) throw notFound();
    return { asOf, ...presentUnit(row) };
  }

  /** Official territory is public to every signed-in user; what the caller may change on it comes with it as abilities. */
  async detail(actor: Actor, id: string, query: { asOf?: string }) {
    const asOf = query.asOf ?? todayInVietnam();
    const row = await this.units.unitAsOf(id, asOf);
    if (!row || row.level === 'country') throw notFound();
    const [versions, changes, abilities] = await Promise.all([
      this.units.versions(id),
      this.units.changesOfUnit(id),
      unitAbilities(this.context.db, actor, { id, level: row.level }),
    ]);
    return {
      abilities,
      asOf,
      ...presentUnit(row),
      validOnDate: (row.valid_from === null || row.valid_from <= asOf) && (row.valid_to === null || row.valid_to >= asOf),
      versions: versions.map(presentVersion),
      changes: changes.map(presentChange),
    };
  }

  async lineage(id: string) {
    const row = await this.units.unitAsOf(id, todayInVietnam());
    if (!row || row.level === 'country') throw notFound();
    return { unit: { ...presentUnitRef(row), validFrom: row.valid_from, validTo: row.valid_to }, ...presentLineage(await this.units.lineage(id)) };
  }

  async counts(id: string, query: { asOf?: string }) {
    const asOf = query.asOf ?? todayInVietnam();
    const row = await this.units.unitAsOf(id, asOf);
    if (!row) throw notFound();
    return { asOf, unit: presentUnitRef(row), ...presentCounts(await this.units.counts(id, asOf)) };
  }

  async current(id: string, query: { asOf?: string }) {
    const asOf = query.asOf ?? todayInVietnam();
    const row = await this.units.unitAsOf(id, asOf);
    if (!row || row.level === 'country') throw notFound();
    const rolled = (await rollForward(this.context.db, [id], asOf)).get(id) ?? [];
    const currentRows = await Promise.all(rolled.map((entry) => this.units.unitAsOf(entry.unitId, asOf)));
    return {
      asOf,
      unit: { ...presentUnitRef(row), validFrom: row.valid_from, validTo: row.valid_to },
      current: rolled.map((entry, index) => ({ ...presentUnit(currentRows[index]!), share: entry.share })),
    };
  }

  async listChanges(query: {
    unitId?: string;
    withinUnitId?: string;
    dateSource?: ChangeDateSource;
    from?: string;
    to?: string;
    page: number;
    pageSize: number;
  }) {
    const { rows, total } = await this.units.changes({
      unitId: query.unitId ?? null,
      ids: null,
      withinRoot: query.withinUnitId ?? null,
      dateSource: query.dateSource ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: rows.map(presentChange), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Sets the effective date of a change the lists could only date approximately. The
   * changes it caused (the communes of a dissolved district) move with it; the territory
   * is re-checked and nothing is kept if the new date contradicts another fact.
   */
  async correctChangeDate(actor: Actor, changeId: string, input: { effectiveDate: string; basis: string }) {
    requirePermission(actor, 'territory.manage');
    const basis = normalizeText(input.basis);
    const db = this.context.db;
    const changedIds = await db.transaction().execute(async (trx) => {
      await this.writes.lock(trx);
      const change = await this.writes.changeForCorrection(trx, changeId);
      if (!change) throw notFound();
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [change.unit_id] });
      const affected: ChangeForCorrection[] = [change];
      const seen = new Set([change.id]);
      for (let index = 0; index < affected.length; index += 1) {
        for (const id of await this.writes.dependentChangeIds(trx, affected[index]!)) {
          if (seen.has(id)) continue;
          seen.add(id);
          affected.push((await this.writes.changeForCorrection(trx, id))!);
        }
      }
      for (const item of affected) {
        assertDateFits(item, input.effectiveDate);
        await this.writes.moveChange(trx, item, input.effectiveDate, { basis, userId: actor.userId });
      }
      const problem = await this.writes.findInconsistency(trx);
      if (problem) {
        throw new AppError('CONFLICT', { message: `Không thể đổi ngày hiệu lực thành ${formatVietnameseDate(input.effectiveDate)}: ${problem}` });
      }
      await rebuildUnitScope(trx);
      await writeAudit(trx, {
        actor,
        action: 'correct_date',
        entity: 'admin_unit_change',
        entityId: changeId,
        summary: `Đổi ngày hiệu lực thay đổi của đơn vị mã ${change.code} (kèm ${affected.length - 1} thay đổi phụ thuộc)`,
        before: affected.map((item) => ({ changeId: item.id, effectiveDate: item.effective_date, dateSource: item.date_source, dateBasis: item.date_basis })),
        after: { effectiveDate: input.effectiveDate, dateSource: 'admin', dateBasis: basis, changeIds: affected.map((item) => item.id) },
      });
      return affected.map((item) => item.id);
    });
    const { rows } = await this.units.changes({
      unitId: null,
      ids: changedIds,
      withinRoot: null,
      dateSource: null,
      from: null,
      to: null,
      offset: 0,
      limit: changedIds.length,
    });
    return { items: rows.map(presentChange) };
  }

  async addLineage(actor: Actor, input: { predecessorId: string; successorId: string; effectiveDate: string; kind: LineageKind; note?: string }) {
    requirePermission(actor, 'territory.manage');
    if (input.predecessorId === input.successorId) {
      throw validationError([{ path: 'body.successorId', message: 'Đơn vị kế thừa phải khác đơn vị tiền thân' }]);
    }
    const db = this.context.db;
    const id = await db.transaction().execute(async (trx) => {
      await this.writes.lock(trx);
      const [predecessor, successor] = await Promise.all([this.units.unitExists(input.predecessorId, trx), this.units.unitExists(input.successorId, trx)]);
      if (!predecessor || !successor) throw notFound();
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [predecessor.id, successor.id] });
      const date = input.effectiveDate;
      if ((successor.valid_from !== null && successor.valid_from > date) || (successor.valid_to !== null && successor.valid_to < date)) {
        throw validationError([{ path: 'body.effectiveDate', message: `Đơn vị kế thừa không có hiệu lực ngày ${formatVietnameseDate(date)}` }]);
      }
      if (predecessor.valid_from !== null && predecessor.valid_from >= date) {
        throw validationError([{ path: 'body.effectiveDate', message: `Đơn vị tiền thân chưa tồn tại trước ngày ${formatVietnameseDate(date)}` }]);
      }
      const lineageId = await this.writes.insertLineage(trx, {
        predecessorId: predecessor.id,
        successorId: successor.id,
        effectiveDate: date,
        kind: input.kind,
        note: input.note ? normalizeText(input.note) : null,
        source: `admin:${actor.username}`,
      });
      if (!lineageId) throw new AppError('CONFLICT', { message: 'Quan hệ kế thừa này đã có' });
      const problem = await this.writes.findInconsistency(trx);
      if (problem) throw new AppError('CONFLICT', { message: `Không thể thêm quan hệ kế thừa: ${problem}` });
      await rebuildUnitScope(trx);
      await writeAudit(trx, { actor, action: 'create', entity: 'admin_unit_lineage', entityId: lineageId, after: input });
      return lineageId;
    });
    return this.lineage(input.successorId).then((result) => ({ ...result, createdLineageId: id }));
  }

  async removeLineage(actor: Actor, lineageId: string): Promise<void> {
    requirePermission(actor, 'territory.manage');
    await this.context.db.transaction().execute(async (trx) => {
      await this.writes.lock(trx);
      const existing = await this.units.lineageById(lineageId, trx);
      if (!existing) throw notFound();
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [existing.predecessor_id, existing.successor_id] });
      await this.writes.deleteLineage(trx, lineageId);
      await rebuildUnitScope(trx);
      await writeAudit(trx, { actor, action: 'delete', entity: 'admin_unit_lineage', entityId: lineageId, before: existing });
    });
  }

  async loads(actor: Actor) {
    requirePermission(actor, 'territory.manage');
    return { items: (await this.writes.loads(this.context.db)).map(presentLoad) };
  }

  /** A later official list (same columns as vn-admin-units-2025.csv), optionally with its conversion table. */
  async loadList(
    actor: Actor,
    input: { csv: string; effectiveDate: string; conversionCsv?: string; replacesAll: boolean; label?: string; dryRun: boolean },
  ): Promise<LoadResult> {
    requirePermission(actor, 'territory.load');
    return loadOfficialSnapshot(this.context.db, input.csv, input.effectiveDate, {
      label: input.label ? normalizeText(input.label) : undefined,
      conversionCsv: input.conversionCsv,
      replacesAll: input.replacesAll,
      actor,
      dryRun: input.dryRun,
      kind: 'update',
    });
  }
}

function assertDateFits(change: ChangeForCorrection, date: string): void {
  const fail = (message: string) => {
    throw new AppError('CONFLICT', {
      message: `Không thể đổi ngày hiệu lực thay đổi của đơn vị mã ${change.code} thành ${formatVietnameseDate(date)}: ${message}`,
    });
  };
  if (change.kind === 'changed') {
    if (change.previous_version_from !== null && date <= change.previous_version_from) {
      fail(`trạng thái trước đó bắt đầu từ ${formatVietnameseDate(change.previous_version_from)}`);
    }
    if (change.version_to !== null && date > change.version_to) fail(`trạng thái mới đã kết thúc ngày ${formatVietnameseDate(change.version_to)}`);
  } else if (change.kind === 'ended') {
    if (change.version_from !== null && date <= change.version_from) fail(`trạng thái cuối bắt đầu từ ${formatVietnameseDate(change.version_from)}`);
  } else if (change.version_to !== null && date > change.version_to) {
    fail(`trạng thái đầu tiên kết thúc ngày ${formatVietnameseDate(change.version_to)}`);
  }
}
