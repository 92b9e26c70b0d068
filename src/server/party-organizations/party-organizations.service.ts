import { requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { foldForMatching, foldVietnamese } from '../../core/text.js';
import { type ImportColumn, readImportCsv } from '../villages/import-csv.js';
import { presentCommune } from '../villages/villages.presenter.js';
import { presentOrganization } from './party-organizations.presenter.js';
import { type CommuneRow, type Period, VillagesRepository } from '../villages/villages.repository.js';
import { PartyOrganizationsRepository } from './party-organizations.repository.js';
import type { PartyOrganizationKind } from './party-organizations.tables.js';
import {
  CommuneRecordDesk,
  cleanName,
  cleanNote,
  conflict,
  describePeriod,
  invalid,
  periodOf,
  readPeriod,
  resolvePeriod,
  within,
} from '../villages/commune-records.js';

/**
 * The party organisations of a commune: its grassroots organisation (đảng bộ
 * or chi bộ cơ sở) and the party cells of a đảng bộ cơ sở, a cell optionally
 * tied to a village. Communes enter them; every row has a validity period
 * inside its commune's.
 */

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

const GRASSROOTS_KINDS: readonly PartyOrganizationKind[] = ['dang_bo_co_so', 'chi_bo_co_so'];

const ORGANIZATION_KINDS: Record<string, PartyOrganizationKind> = {
  'dang bo co so': 'dang_bo_co_so',
  'dang bo': 'dang_bo_co_so',
  dbcs: 'dang_bo_co_so',
  'chi bo co so': 'chi_bo_co_so',
  cbcs: 'chi_bo_co_so',
  'chi bo': 'chi_bo',
};

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

export class PartyOrganizationsService {
  private readonly repository: VillagesRepository;
  private readonly organizations: PartyOrganizationsRepository;
  private readonly desk: CommuneRecordDesk;

  constructor(private readonly context: AppContext) {
    this.repository = new VillagesRepository(context.db);
    this.organizations = new PartyOrganizationsRepository(context.db);
    this.desk = new CommuneRecordDesk(context, this.repository);
  }

  async listOrganizations(actor: Actor, query: { communeId: string; asOf?: string; all: boolean }) {
    const asOf = query.all ? null : (query.asOf ?? todayInVietnam());
    const commune = await this.desk.communeToRead(actor, query.communeId, asOf ?? todayInVietnam());
    const rows = await this.organizations.listOrganizations(commune.id, asOf);
    return { commune: presentCommune(commune), asOf, items: rows.map(presentOrganization) };
  }

  async getOrganization(actor: Actor, id: string) {
    const row = await this.desk.readable(this.context.db, actor, await this.organizations.organization(this.context.db, id));
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
      const parent = await this.organizations.organizationForUpdate(trx, input.parentId);
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
      const other = await this.organizations.otherGrassroots(trx, commune.id, period, exceptId);
      if (other) {
        throw conflict(`${commune.name} đã có ${other.name} (${describePeriod(periodOf(other))}): mỗi xã chỉ có một tổ chức cơ sở đảng tại một thời điểm`);
      }
    }
    const twin = await this.organizations.sameNameOrganization(trx, commune.id, folded, period, exceptId);
    if (twin) throw conflict(`${commune.name} đã có ${twin.name} trong thời gian trùng với thời gian nhập`);
    return { communeId: commune.id, kind: input.kind, parentId, villageId, name, folded, note: cleanNote(input.note), ...period };
  }

  async createOrganization(actor: Actor, input: OrganizationInput) {
    requirePermission(actor, 'data.write');
    return this.desk.transaction(async (trx) => {
      const commune = await this.desk.communeToWrite(trx, actor, input.communeId);
      const values = await this.prepareOrganization(trx, commune, input, null);
      const id = await this.organizations.insertOrganization(trx, values);
      const created = (await this.organizations.organization(trx, id))!;
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
    return this.desk.transaction(async (trx) => {
      const before = await this.desk.readable(trx, actor, await this.organizations.organization(trx, id));
      await this.organizations.organizationForUpdate(trx, id);
      const commune = await this.desk.communeToWrite(trx, actor, before.commune_id);
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
        if (kind === 'chi_bo_co_so' && (await this.organizations.countCells(trx, id)) > 0) {
          throw conflict(`${before.name} còn chi bộ trực thuộc nên không chuyển thành chi bộ cơ sở được`);
        }
        const stranded = await this.organizations.cellsOutsideParent(trx, id, values);
        if (stranded.length > 0) {
          throw conflict(
            `Chi bộ ${stranded.map((cell) => cell.name).join(', ')} có thời gian nằm ngoài thời gian mới của ${before.name}; hãy sửa chi bộ trước`,
          );
        }
      }
      await this.organizations.updateOrganization(trx, id, values);
      const after = (await this.organizations.organization(trx, id))!;
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
    await this.desk.transaction(async (trx) => {
      const before = await this.desk.readable(trx, actor, await this.organizations.organization(trx, id));
      await this.desk.communeToWrite(trx, actor, before.commune_id);
      const cells = await this.organizations.countCells(trx, id);
      if (cells > 0) throw conflict(`Không xóa được ${before.name}: còn ${cells} chi bộ trực thuộc. Hãy ghi ngày kết thúc thay vì xóa`);
      await this.organizations.deleteOrganization(trx, id);
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
    return this.desk.runImport(dryRun, async (trx, errors) => {
      const created: { line: number; communeCode: string; communeName: string; kind: PartyOrganizationKind; name: string; parentName: string | null }[] = [];
      for (const line of ordered) {
        try {
          if (!line.kind) throw invalid(`loại «${line.values.kind}» không hợp lệ: ghi «Đảng bộ cơ sở», «Chi bộ cơ sở» hoặc «Chi bộ»`);
          const period = readPeriod(line.values);
          const on = period.validFrom ?? null;
          const commune = await this.desk.communeForLine(trx, actor, line.values.communeCode ?? '', on ?? todayInVietnam());
          let parentId: string | null = null;
          let parentName: string | null = null;
          let villageId: string | null = null;
          if (line.kind === 'chi_bo') {
            const wanted = line.values.parentName ? foldVietnamese(line.values.parentName) : null;
            const candidates = (await this.organizations.grassrootsOn(trx, commune.id, on)).filter(
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
          await this.organizations.insertOrganization(trx, values);
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
}
