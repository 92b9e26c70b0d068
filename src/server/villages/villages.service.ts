import { requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { todayInVietnam } from '../../core/dates.js';
import { foldForMatching } from '../../core/text.js';
import { type ImportColumn, readImportCsv } from './import-csv.js';
import { presentCommune, presentVillage } from './villages.presenter.js';
import { type CommuneRow, VillagesRepository } from './villages.repository.js';
import type { VillageKind } from './villages.tables.js';
import { CommuneRecordDesk, cleanName, cleanNote, conflict, describePeriod, invalid, periodOf, readPeriod, resolvePeriod, within } from './commune-records.js';

/**
 * Villages and residential groups (thôn, tổ dân phố) of a commune. No official
 * list exists, so communes enter them; every row has a validity period inside
 * its commune's.
 */

export interface VillageInput {
  communeId: string;
  kind: VillageKind;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
}

const KIND_WORD: Record<VillageKind, string> = { thon: 'thôn', to_dan_pho: 'tổ dân phố' };
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

const VILLAGE_COLUMNS: ImportColumn[] = [
  { key: 'communeCode', header: 'Mã xã', required: true },
  { key: 'kind', header: 'Loại', required: true },
  { key: 'name', header: 'Tên', required: true },
  { key: 'validFrom', header: 'Từ ngày', required: false },
  { key: 'validTo', header: 'Đến ngày', required: false },
  { key: 'note', header: 'Ghi chú', required: false },
];

export class VillagesService {
  private readonly repository: VillagesRepository;
  private readonly desk: CommuneRecordDesk;

  constructor(private readonly context: AppContext) {
    this.repository = new VillagesRepository(context.db);
    this.desk = new CommuneRecordDesk(context, this.repository);
  }

  async listVillages(actor: Actor, query: { communeId: string; asOf?: string; all: boolean }) {
    const asOf = query.all ? null : (query.asOf ?? todayInVietnam());
    const commune = await this.desk.communeToRead(actor, query.communeId, asOf ?? todayInVietnam());
    const rows = await this.repository.listVillages(commune.id, asOf);
    return { commune: presentCommune(commune), asOf, items: rows.map(presentVillage) };
  }

  async getVillage(actor: Actor, id: string) {
    return presentVillage(await this.desk.readable(this.context.db, actor, await this.repository.village(this.context.db, id)));
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
    return this.desk.transaction(async (trx) => {
      const commune = await this.desk.communeToWrite(trx, actor, input.communeId);
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
    return this.desk.transaction(async (trx) => {
      const before = await this.desk.readable(trx, actor, await this.repository.village(trx, id));
      await this.repository.villageForUpdate(trx, id);
      const commune = await this.desk.communeToWrite(trx, actor, before.commune_id);
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
    await this.desk.transaction(async (trx) => {
      const before = await this.desk.readable(trx, actor, await this.repository.village(trx, id));
      await this.desk.communeToWrite(trx, actor, before.commune_id);
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
    return this.desk.runImport(dryRun, async (trx, errors) => {
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
          const commune = await this.desk.communeForLine(trx, actor, line.values.communeCode ?? '', period.validFrom ?? todayInVietnam());
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
}
