import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { formatVietnameseDate, parseVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { foldForMatching, foldVietnamese, normalizeText } from '../../core/text.js';
import { type ImportColumn, type LineError, importFailed, readImportCsv } from './import-csv.js';
import { presentCommune, presentOrganization, presentVillage } from './villages.presenter.js';
import { type CommuneRow, type Period, VillagesRepository } from './villages.repository.js';
import type { PartyOrganizationKind, VillageKind } from './villages.tables.js';

/**
 * Villages and residential groups (thôn, tổ dân phố) and the party organisations of a
 * commune: its grassroots organisation (đảng bộ or chi bộ cơ sở) and the party cells
 * of a đảng bộ cơ sở, a cell optionally tied to a village. No official list exists,
 * so communes enter them; every row has a validity period inside its commune's.
 */

export interface VillageInput {
  communeId: string;
  kind: VillageKind;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
}

export interface OrganizationInput {
  communeId: string;
  kind: PartyOrganizationKind;
  name: string;
  parentId?: string | null;
  villageId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
}

const KIND_WORD: Record<VillageKind, string> = { thon: 'thôn', to_dan_pho: 'tổ dân phố' };
const GRASSROOTS_KINDS: readonly PartyOrganizationKind[] = ['dang_bo_co_so', 'chi_bo_co_so'];

const VILLAGE_KINDS: Record<string, VillageKind> = {
  thon: 'thon',
  lang: 'thon',
  xom: 'thon',
  ap: 'thon',
  ban: 'thon',
  buon: 'thon',
  plei: 'thon',
  phum: 'thon',
  soc: 'thon',
  'to dan pho': 'to_dan_pho',
  tdp: 'to_dan_pho',
  'khu pho': 'to_dan_pho',
  'khoi pho': 'to_dan_pho',
};

const ORGANIZATION_KINDS: Record<string, PartyOrganizationKind> = {
  'dang bo co so': 'dang_bo_co_so',
  'dang bo': 'dang_bo_co_so',
  dbcs: 'dang_bo_co_so',
  'chi bo co so': 'chi_bo_co_so',
  cbcs: 'chi_bo_co_so',
  'chi bo': 'chi_bo',
};

const VILLAGE_COLUMNS: ImportColumn[] = [
  { key: 'communeCode', header: 'Mã xã', required: true },
  { key: 'kind', header: 'Loại', required: true },
  { key: 'name', header: 'Tên', required: true },
  { key: 'validFrom', header: 'Từ ngày', required: false },
  { key: 'validTo', header: 'Đến ngày', required: false },
  { key: 'note', header: 'Ghi chú', required: false },
];

const ORGANIZATION_COLUMNS: ImportColumn[] = [
  { key: 'communeCode', header: 'Mã xã', required: true },
  { key: 'kind', header: 'Loại', required: true },
  { key: 'name', header: 'Tên', required: true },
  { key: 'parentName', header: 'Trực thuộc', required: false },
  { key: 'villageName', header: 'Thôn/Tổ dân phố', required: false },
  { key: 'validFrom', header: 'Từ ngày', required: false },
  { key: 'validTo', header: 'Đến ngày', required: false },
  { key: 'note', header: 'Ghi chú', required: false },
];

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message });
}

function conflict(message: string): AppError {
  return new AppError('CONFLICT', { message });
}

export function describePeriod(period: Period): string {
  const from = period.validFrom ? `từ ${formatVietnameseDate(period.validFrom)}` : 'từ trước (không rõ ngày)';
  const to = period.validTo ? `đến ${formatVietnameseDate(period.validTo)}` : 'đến nay';
  return `${from} ${to}`;
}

function within(inner: Period, outer: Period): boolean {
  const startsInside = outer.validFrom === null || (inner.validFrom !== null && inner.validFrom >= outer.validFrom);
  const endsInside = outer.validTo === null || (inner.validTo !== null && inner.validTo <= outer.validTo);
  return startsInside && endsInside;
}

function periodOf(row: { valid_from: string | null; valid_to: string | null }): Period {
  return { validFrom: row.valid_from, validTo: row.valid_to };
}

/** A period given by the user, with what is left out taken from the enclosing unit. */
function resolvePeriod(given: { validFrom?: string | null; validTo?: string | null }, defaults: Period): Period {
  const period = {
    validFrom: given.validFrom === undefined ? defaults.validFrom : given.validFrom,
    validTo: given.validTo === undefined ? defaults.validTo : given.validTo,
  };
  if (period.validFrom && period.validTo && period.validTo < period.validFrom) {
    throw invalid(`Ngày kết thúc ${formatVietnameseDate(period.validTo)} phải sau ngày bắt đầu ${formatVietnameseDate(period.validFrom)}`);
  }
  return period;
}

function cleanNote(note: string | null | undefined): string | null {
  const cleaned = note ? normalizeText(note) : '';
  return cleaned === '' ? null : cleaned;
}

function cleanName(name: string, what: string): { name: string; folded: string } {
  const cleaned = normalizeText(name);
  if (cleaned === '') throw invalid(`Cần nhập tên ${what}`);
  if (cleaned.length > 200) throw invalid(`Tên ${what} dài quá 200 ký tự`);
  return { name: cleaned, folded: foldVietnamese(cleaned) };
}

class ImportRollback extends Error {
  constructor(readonly result: unknown) {
    super('import dry run');
  }
}

export class VillagesService {
  private readonly repository: VillagesRepository;

  constructor(private readonly context: AppContext) {
    this.repository = new VillagesRepository(context.db);
  }

  // ---- access ----

  private async communeToRead(actor: Actor, communeId: string, asOf: string): Promise<CommuneRow> {
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [communeId] });
    const commune = await this.repository.commune(this.context.db, communeId, asOf);
    if (!commune || commune.level !== 'commune') throw notFound();
    return commune;
  }

  /** A record of a commune the actor may read, or "not found". */
  private async readable<Row extends { commune_id: string }>(db: Db, actor: Actor, row: Row | undefined): Promise<Row> {
    if (!row) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [row.commune_id] });
    return row;
  }

  /** Commune officers write their own commune only; higher levels write within their scope; viewers read. */
  private async communeToWrite(trx: Db, actor: Actor, communeId: string): Promise<CommuneRow> {
    requirePermission(actor, 'data.write');
    await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [communeId] });
    const commune = await this.repository.commune(trx, communeId, todayInVietnam());
    if (!commune || commune.level !== 'commune') throw notFound();
    return commune;
  }

  private transaction<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return this.context.db.transaction().execute(work);
  }

  // ---- villages ----

  async listVillages(actor: Actor, query: { communeId: string; asOf?: string; all: boolean }) {
    const asOf = query.all ? null : (query.asOf ?? todayInVietnam());
    const commune = await this.communeToRead(actor, query.communeId, asOf ?? todayInVietnam());
    const rows = await this.repository.listVillages(commune.id, asOf);
    return { commune: presentCommune(commune), asOf, items: rows.map(presentVillage) };
  }

  async getVillage(actor: Actor, id: string) {
    return presentVillage(await this.readable(this.context.db, actor, await this.repository.village(this.context.db, id)));
  }

  private async prepareVillage(trx: Db, commune: CommuneRow, input: Omit<VillageInput, 'communeId'>, exceptId: string | null) {
    const { name, folded } = cleanName(input.name, KIND_WORD[input.kind]);
    const period = resolvePeriod(input, periodOf(commune));
    if (!within(period, periodOf(commune))) {
      throw invalid(
        `Thời gian ${describePeriod(period)} của ${name} phải nằm trong thời gian tồn tại của ${commune.name} (${describePeriod(periodOf(commune))})`,
      );
    }
    const twin = await this.repository.sameNameVillage(trx, commune.id, folded, period, exceptId);
    if (twin) throw conflict(`${commune.name} đã có ${twin.name} trong thời gian ${describePeriod(periodOf(twin))}, trùng với thời gian nhập`);
    return { communeId: commune.id, kind: input.kind, name, folded, note: cleanNote(input.note), ...period };
  }

  async createVillage(actor: Actor, input: VillageInput) {
    requirePermission(actor, 'data.write');
    return this.transaction(async (trx) => {
      const commune = await this.communeToWrite(trx, actor, input.communeId);
      const values = await this.prepareVillage(trx, commune, input, null);
      const id = await this.repository.insertVillage(trx, values);
      const created = (await this.repository.village(trx, id))!;
      await writeAudit(trx, {
        actor,
        action: 'create',
        entity: 'village',
        entityId: id,
        summary: `${values.name} (${commune.name})`,
        after: presentVillage(created),
      });
      return presentVillage(created);
    });
  }

  async updateVillage(actor: Actor, id: string, changes: Partial<Omit<VillageInput, 'communeId'>>) {
    requirePermission(actor, 'data.write');
    return this.transaction(async (trx) => {
      const before = await this.readable(trx, actor, await this.repository.village(trx, id));
      await this.repository.villageForUpdate(trx, id);
      const commune = await this.communeToWrite(trx, actor, before.commune_id);
      const values = await this.prepareVillage(
        trx,
        commune,
        {
          kind: changes.kind ?? before.kind,
          name: changes.name ?? before.name,
          validFrom: changes.validFrom === undefined ? before.valid_from : changes.validFrom,
          validTo: changes.validTo === undefined ? before.valid_to : changes.validTo,
          note: changes.note === undefined ? before.note : changes.note,
        },
        id,
      );
      const stranded = await this.repository.cellsOutsideVillage(trx, id, values);
      if (stranded.length > 0) {
        throw conflict(
          `Chi bộ ${stranded.map((cell) => cell.name).join(', ')} gắn với ${before.name} có thời gian nằm ngoài thời gian mới; hãy sửa chi bộ trước`,
        );
      }
      await this.repository.updateVillage(trx, id, values);
      const after = (await this.repository.village(trx, id))!;
      await writeAudit(trx, { actor, action: 'update', entity: 'village', entityId: id, before: presentVillage(before), after: presentVillage(after) });
      return presentVillage(after);
    });
  }

  async deleteVillage(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.transaction(async (trx) => {
      const before = await this.readable(trx, actor, await this.repository.village(trx, id));
      await this.communeToWrite(trx, actor, before.commune_id);
      if (before.cell_count > 0) {
        throw conflict(
          `Không xóa được ${before.name}: có ${before.cell_count} chi bộ gắn với ${KIND_WORD[before.kind]} này. Hãy ghi ngày kết thúc thay vì xóa`,
        );
      }
      await this.repository.deleteVillage(trx, id);
      await writeAudit(trx, { actor, action: 'delete', entity: 'village', entityId: id, before: presentVillage(before) });
    });
  }

  /** All or nothing: every line is checked (against the database and the lines above it) before anything is kept. */
  async importVillages(actor: Actor, csv: string, dryRun: boolean) {
    requirePermission(actor, 'data.write');
    const lines = readImportCsv(csv, VILLAGE_COLUMNS);
    return this.runImport(dryRun, async (trx, errors) => {
      const created: {
        line: number;
        communeCode: string;
        communeName: string;
        kind: VillageKind;
        name: string;
        validFrom: string | null;
        validTo: string | null;
      }[] = [];
      for (const line of lines) {
        try {
          const kind = VILLAGE_KINDS[foldForMatching(line.values.kind ?? '')];
          if (!kind) throw invalid(`loại «${line.values.kind}» không hợp lệ: ghi «Thôn» hoặc «Tổ dân phố»`);
          const period = readPeriod(line.values);
          const commune = await this.communeForLine(trx, actor, line.values.communeCode ?? '', period.validFrom ?? todayInVietnam());
          const values = await this.prepareVillage(trx, commune, { kind, name: line.values.name ?? '', ...period, note: line.values.note }, null);
          await this.repository.insertVillage(trx, values);
          created.push({
            line: line.line,
            communeCode: commune.code,
            communeName: commune.name,
            kind,
            name: values.name,
            validFrom: values.validFrom,
            validTo: values.validTo,
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.push({ line: line.line, message: error.message });
        }
      }
      if (errors.length === 0) {
        await writeAudit(trx, { actor, action: 'import', entity: 'village', summary: `Nhập ${created.length} thôn, tổ dân phố từ tệp CSV`, after: created });
      }
      return { dryRun, created: created.length, items: created };
    });
  }

  // ---- party organisations ----

  async listOrganizations(actor: Actor, query: { communeId: string; asOf?: string; all: boolean }) {
    const asOf = query.all ? null : (query.asOf ?? todayInVietnam());
    const commune = await this.communeToRead(actor, query.communeId, asOf ?? todayInVietnam());
    const rows = await this.repository.listOrganizations(commune.id, asOf);
    return { commune: presentCommune(commune), asOf, items: rows.map(presentOrganization) };
  }

  async getOrganization(actor: Actor, id: string) {
    const row = await this.readable(this.context.db, actor, await this.repository.organization(this.context.db, id));
    return presentOrganization(row);
  }

  private async prepareOrganization(trx: Db, commune: CommuneRow, input: Omit<OrganizationInput, 'communeId'>, exceptId: string | null) {
    const { name, folded } = cleanName(input.name, input.kind === 'chi_bo' ? 'chi bộ' : 'tổ chức cơ sở đảng');
    const communePeriod = periodOf(commune);
    let defaults = communePeriod;
    let parentId: string | null = null;
    let villageId: string | null = null;
    let parentPeriod: Period | null = null;
    let villagePeriod: { name: string; period: Period } | null = null;

    if (GRASSROOTS_KINDS.includes(input.kind)) {
      if (input.parentId || input.villageId) throw invalid('Tổ chức cơ sở đảng của xã không có cấp trên trong xã và không gắn với thôn, tổ dân phố');
    } else {
      if (!input.parentId) throw invalid(`${name} phải trực thuộc đảng bộ cơ sở của xã`);
      const parent = await this.repository.organizationForUpdate(trx, input.parentId);
      if (!parent || parent.commune_id !== commune.id) throw invalid(`Không tìm thấy đảng bộ cơ sở mà ${name} trực thuộc trong ${commune.name}`);
      if (parent.kind !== 'dang_bo_co_so') throw invalid(`${parent.name} là chi bộ cơ sở nên không có chi bộ trực thuộc`);
      parentId = parent.id;
      parentPeriod = periodOf(parent);
      defaults = parentPeriod;
      if (input.villageId) {
        const village = await this.repository.villageForUpdate(trx, input.villageId);
        if (!village || village.commune_id !== commune.id) throw invalid(`Không tìm thấy thôn, tổ dân phố của ${name} trong ${commune.name}`);
        villageId = village.id;
        villagePeriod = { name: village.name, period: periodOf(village) };
      }
    }

    const period = resolvePeriod(input, defaults);
    if (!within(period, communePeriod)) {
      throw invalid(`Thời gian ${describePeriod(period)} của ${name} phải nằm trong thời gian tồn tại của ${commune.name} (${describePeriod(communePeriod)})`);
    }
    if (parentPeriod && !within(period, parentPeriod)) {
      throw invalid(`Thời gian ${describePeriod(period)} của ${name} phải nằm trong thời gian của đảng bộ cơ sở (${describePeriod(parentPeriod)})`);
    }
    if (villagePeriod && !within(period, villagePeriod.period)) {
      throw invalid(
        `Thời gian ${describePeriod(period)} của ${name} phải nằm trong thời gian của ${villagePeriod.name} (${describePeriod(villagePeriod.period)})`,
      );
    }
    if (GRASSROOTS_KINDS.includes(input.kind)) {
      const other = await this.repository.otherGrassroots(trx, commune.id, period, exceptId);
      if (other) {
        throw conflict(`${commune.name} đã có ${other.name} (${describePeriod(periodOf(other))}): mỗi xã chỉ có một tổ chức cơ sở đảng tại một thời điểm`);
      }
    }
    const twin = await this.repository.sameNameOrganization(trx, commune.id, folded, period, exceptId);
    if (twin) throw conflict(`${commune.name} đã có ${twin.name} trong thời gian trùng với thời gian nhập`);
    return { communeId: commune.id, kind: input.kind, parentId, villageId, name, folded, note: cleanNote(input.note), ...period };
  }

  async createOrganization(actor: Actor, input: OrganizationInput) {
    requirePermission(actor, 'data.write');
    return this.transaction(async (trx) => {
      const commune = await this.communeToWrite(trx, actor, input.communeId);
      const values = await this.prepareOrganization(trx, commune, input, null);
      const id = await this.repository.insertOrganization(trx, values);
      const created = (await this.repository.organization(trx, id))!;
      await writeAudit(trx, {
        actor,
        action: 'create',
        entity: 'party_organization',
        entityId: id,
        summary: `${values.name} (${commune.name})`,
        after: presentOrganization(created),
      });
      return presentOrganization(created);
    });
  }

  async updateOrganization(actor: Actor, id: string, changes: Partial<Omit<OrganizationInput, 'communeId'>>) {
    requirePermission(actor, 'data.write');
    return this.transaction(async (trx) => {
      const before = await this.readable(trx, actor, await this.repository.organization(trx, id));
      await this.repository.organizationForUpdate(trx, id);
      const commune = await this.communeToWrite(trx, actor, before.commune_id);
      const kind = changes.kind ?? before.kind;
      if ((kind === 'chi_bo') !== (before.kind === 'chi_bo')) {
        throw invalid('Không đổi được chi bộ thành tổ chức cơ sở đảng hoặc ngược lại; hãy tạo mới');
      }
      const values = await this.prepareOrganization(
        trx,
        commune,
        {
          kind,
          name: changes.name ?? before.name,
          parentId: changes.parentId === undefined ? before.parent_id : changes.parentId,
          villageId: changes.villageId === undefined ? before.village_id : changes.villageId,
          validFrom: changes.validFrom === undefined ? before.valid_from : changes.validFrom,
          validTo: changes.validTo === undefined ? before.valid_to : changes.validTo,
          note: changes.note === undefined ? before.note : changes.note,
        },
        id,
      );
      if (kind !== 'chi_bo') {
        if (kind === 'chi_bo_co_so' && (await this.repository.countCells(trx, id)) > 0) {
          throw conflict(`${before.name} còn chi bộ trực thuộc nên không chuyển thành chi bộ cơ sở được`);
        }
        const stranded = await this.repository.cellsOutsideParent(trx, id, values);
        if (stranded.length > 0) {
          throw conflict(
            `Chi bộ ${stranded.map((cell) => cell.name).join(', ')} có thời gian nằm ngoài thời gian mới của ${before.name}; hãy sửa chi bộ trước`,
          );
        }
      }
      await this.repository.updateOrganization(trx, id, values);
      const after = (await this.repository.organization(trx, id))!;
      await writeAudit(trx, {
        actor,
        action: 'update',
        entity: 'party_organization',
        entityId: id,
        before: presentOrganization(before),
        after: presentOrganization(after),
      });
      return presentOrganization(after);
    });
  }

  async deleteOrganization(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.transaction(async (trx) => {
      const before = await this.readable(trx, actor, await this.repository.organization(trx, id));
      await this.communeToWrite(trx, actor, before.commune_id);
      const cells = await this.repository.countCells(trx, id);
      if (cells > 0) throw conflict(`Không xóa được ${before.name}: còn ${cells} chi bộ trực thuộc. Hãy ghi ngày kết thúc thay vì xóa`);
      await this.repository.deleteOrganization(trx, id);
      await writeAudit(trx, { actor, action: 'delete', entity: 'party_organization', entityId: id, before: presentOrganization(before) });
    });
  }

  /**
   * Grassroots organisations first, then cells, so a cell may name an organisation
   * created further down the same file. A cell without «Trực thuộc» belongs to the
   * grassroots organisation of its commune on its first day.
   */
  async importOrganizations(actor: Actor, csv: string, dryRun: boolean) {
    requirePermission(actor, 'data.write');
    const lines = readImportCsv(csv, ORGANIZATION_COLUMNS).map((line) => ({
      ...line,
      kind: ORGANIZATION_KINDS[foldForMatching(line.values.kind ?? '')],
    }));
    const ordered = [...lines.filter((line) => line.kind !== 'chi_bo'), ...lines.filter((line) => line.kind === 'chi_bo')];
    return this.runImport(dryRun, async (trx, errors) => {
      const created: { line: number; communeCode: string; communeName: string; kind: PartyOrganizationKind; name: string; parentName: string | null }[] = [];
      for (const line of ordered) {
        try {
          if (!line.kind) throw invalid(`loại «${line.values.kind}» không hợp lệ: ghi «Đảng bộ cơ sở», «Chi bộ cơ sở» hoặc «Chi bộ»`);
          const period = readPeriod(line.values);
          const on = period.validFrom ?? null;
          const commune = await this.communeForLine(trx, actor, line.values.communeCode ?? '', on ?? todayInVietnam());
          let parentId: string | null = null;
          let parentName: string | null = null;
          let villageId: string | null = null;
          if (line.kind === 'chi_bo') {
            const wanted = line.values.parentName ? foldVietnamese(line.values.parentName) : null;
            const candidates = (await this.repository.grassrootsOn(trx, commune.id, on)).filter(
              (candidate) => wanted === null || foldVietnamese(candidate.name) === wanted,
            );
            const parent = candidates[0];
            if (!parent) {
              throw invalid(
                wanted
                  ? `không tìm thấy «${line.values.parentName}» trong ${commune.name}`
                  : `${commune.name} chưa có đảng bộ cơ sở${on ? ` vào ngày ${formatVietnameseDate(on)}` : ''}; hãy thêm dòng đảng bộ cơ sở hoặc ghi cột «Trực thuộc»`,
              );
            }
            parentId = parent.id;
            parentName = parent.name;
            if (line.values.villageName) {
              const village = (await this.repository.villageByName(trx, commune.id, foldVietnamese(line.values.villageName), on))[0];
              if (!village) throw invalid(`không tìm thấy «${line.values.villageName}» trong ${commune.name}`);
              villageId = village.id;
            }
          } else if (line.values.parentName || line.values.villageName) {
            throw invalid('tổ chức cơ sở đảng không ghi cột «Trực thuộc» và «Thôn/Tổ dân phố»');
          }
          const values = await this.prepareOrganization(
            trx,
            commune,
            { kind: line.kind, name: line.values.name ?? '', parentId, villageId, ...period, note: line.values.note },
            null,
          );
          await this.repository.insertOrganization(trx, values);
          created.push({ line: line.line, communeCode: commune.code, communeName: commune.name, kind: line.kind, name: values.name, parentName });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.push({ line: line.line, message: error.message });
        }
      }
      if (errors.length === 0) {
        await writeAudit(trx, {
          actor,
          action: 'import',
          entity: 'party_organization',
          summary: `Nhập ${created.length} tổ chức đảng từ tệp CSV`,
          after: created,
        });
      }
      created.sort((a, b) => a.line - b.line);
      return { dryRun, created: created.length, items: created };
    });
  }

  // ---- import helpers ----

  private async communeForLine(trx: Db, actor: Actor, code: string, on: string): Promise<CommuneRow> {
    if (!/^\d{5}$/.test(code)) throw invalid(`mã xã «${code}» không hợp lệ: phải gồm 5 chữ số`);
    const found = await this.repository.communeByCode(trx, code, on);
    if (!found) throw invalid(`không tìm thấy xã mã ${code} có hiệu lực ngày ${formatVietnameseDate(on)} trong phạm vi quản lý`);
    try {
      return await this.communeToWrite(trx, actor, found.id);
    } catch (error) {
      if (error instanceof AppError && error.id === 'NOT_FOUND') {
        throw invalid(`không tìm thấy xã mã ${code} có hiệu lực ngày ${formatVietnameseDate(on)} trong phạm vi quản lý`);
      }
      throw error;
    }
  }

  private async runImport<T>(dryRun: boolean, work: (trx: Db, errors: LineError[]) => Promise<T>): Promise<T> {
    try {
      return await this.transaction(async (trx) => {
        const errors: LineError[] = [];
        const result = await work(trx, errors);
        if (errors.length > 0) throw importFailed(errors.sort((a, b) => a.line - b.line));
        if (dryRun) throw new ImportRollback(result);
        return result;
      });
    } catch (error) {
      if (error instanceof ImportRollback) return error.result as T;
      throw error;
    }
  }
}

function readPeriod(values: Record<string, string>): { validFrom?: string | null; validTo?: string | null } {
  const read = (text: string | undefined, label: string): string | undefined => {
    if (!text) return undefined;
    const parsed = parseVietnameseDate(text);
    if (!parsed.ok) throw invalid(`${label}: ${parsed.message}`);
    return parsed.date ?? undefined;
  };
  const validFrom = read(values.validFrom, 'Từ ngày');
  const validTo = read(values.validTo, 'Đến ngày');
  return { ...(validFrom !== undefined && { validFrom }), ...(validTo !== undefined && { validTo }) };
}
