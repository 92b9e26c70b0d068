import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { addDays, formatVietnameseDate, isValidIsoDate } from '../../core/dates.js';
import {
  type ConversionTable,
  DISTRICT_TYPES,
  type KnownChangeDate,
  type OfficialList,
  parseConversionTable,
  parseKnownChangeDates,
  parseOfficialList,
} from './official-lists.js';
import { TerritoryLoadRepository } from './territory-load.repository.js';
import { type TransitionSummary, planTransition } from './territory-plan.js';
import { rebuildUnitScope } from './unit-scope.js';

export const TERRITORY_RESOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/territory');

export interface TerritoryLog {
  info: (message: string) => void;
  warn: (message: string) => void;
}

export interface LoadListOptions {
  /** Name shown in history and used in messages; defaults to "danh mục <date>". */
  label?: string;
  description?: string;
  /** Old→new conversion table (columns of vn-admin-merge-2025.csv; at least old_commune_code,new_commune_code,nso_note). */
  conversionCsv?: string;
  conversionLabel?: string;
  /** The list replaces every unit (as on 2025-07-01): all current units end, all listed units are new. */
  replacesAll?: boolean;
  decreeBasis?: string;
  knownDates?: KnownChangeDate[];
  actor?: Actor | null;
  dryRun?: boolean;
  kind?: 'official' | 'update';
  fileHash?: string;
  /**
   * For the first list (no effective date): the date the list describes, kept in the load
   * history; a later list must take effect after it. Without it the first list counts as very old.
   */
  listDate?: string;
  /** Set when several lists are loaded in one transaction and the scope is rebuilt once at the end. */
  deferScopeRebuild?: boolean;
}

export interface LoadResult {
  loadId: string | null;
  label: string;
  listDate: string;
  dryRun: boolean;
  summary: TransitionSummary;
}

const repository = new TerritoryLoadRepository();

class DryRunRollback extends Error {
  constructor(readonly result: LoadResult) {
    super('dry run');
  }
}

function sha256(...texts: string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\u0000');
  return hash.digest('hex');
}

async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Applies one official list (CSV with the columns of vn-admin-units-2025.csv, or of the
 * 2023/2024 files with districts) taking effect on `effectiveDate`, in one transaction:
 * either the whole file is applied, the territory checked and the access scope rebuilt,
 * or nothing is kept. Pass `null` as the date only for the very first list.
 */
export async function loadOfficialSnapshot(db: Db, csv: string, effectiveDate: string | null, options: LoadListOptions = {}): Promise<LoadResult> {
  if (effectiveDate !== null && !isValidIsoDate(effectiveDate)) {
    throw new AppError('VALIDATION_FAILED', { message: `Ngày hiệu lực «${effectiveDate}» không hợp lệ (cần dạng YYYY-MM-DD)` });
  }
  const label = options.label ?? `danh mục ${effectiveDate ? formatVietnameseDate(effectiveDate) : 'đầu tiên'}`;
  const list = parseOfficialList(csv, label);
  const conversion = options.conversionCsv ? parseConversionTable(options.conversionCsv, options.conversionLabel ?? `bảng chuyển đổi kèm ${label}`) : null;
  return applyList(db, list, conversion, effectiveDate, { ...options, label, fileHash: options.fileHash ?? sha256(csv, options.conversionCsv ?? '') });
}

async function applyList(
  db: Db,
  list: OfficialList,
  conversion: ConversionTable | null,
  effectiveDate: string | null,
  options: LoadListOptions & { label: string; fileHash: string },
): Promise<LoadResult> {
  if (options.dryRun && db.isTransaction) throw new Error('a dry run needs its own transaction');
  try {
    return await inTransaction(db, async (trx) => {
      await repository.lock(trx);
      const previousListDate = await repository.latestListDate(trx);
      const openStart = effectiveDate === null;
      if (openStart && (await repository.hasSubnationalUnits(trx))) {
        throw new AppError('CONFLICT', { message: 'Đã có danh mục đơn vị hành chính; danh mục mới phải có ngày hiệu lực' });
      }
      if (!openStart && previousListDate !== null && effectiveDate <= previousListDate) {
        throw new AppError('VALIDATION_FAILED', {
          message: `Ngày hiệu lực ${formatVietnameseDate(effectiveDate)} phải sau ngày của danh mục đã nạp gần nhất (${formatVietnameseDate(previousListDate)})`,
        });
      }
      const countryId = await repository.countryId(trx);
      const current = openStart ? [] : await repository.unitsValidOn(trx, addDays(effectiveDate, -1));
      const plan = planTransition({
        current,
        countryId,
        list,
        effectiveDate,
        previousListDate,
        replacesAll: options.replacesAll ?? false,
        knownDates: options.knownDates ?? [],
        conversion,
        existingLineage: openStart ? [] : await repository.lineagePairs(trx),
        decreeBasis: options.decreeBasis ?? null,
      });
      const listDate = effectiveDate ?? options.listDate ?? '1900-01-01';
      const loadId = await repository.insertLoad(trx, {
        name: options.label,
        kind: options.kind ?? 'update',
        fileHash: options.fileHash,
        listDate,
        openStart,
        replacesAll: options.replacesAll ?? false,
        description: options.description ?? options.label,
        loadedBy: options.actor?.userId ?? null,
      });
      await repository.applyPlan(trx, plan, loadId, options.label);
      await repository.refreshStatistics(trx);
      const problem = await repository.findInconsistency(trx);
      if (problem) throw new AppError('VALIDATION_FAILED', { message: `Danh mục ${options.label} không được nạp: ${problem}` });
      await repository.saveLoadSummary(trx, loadId, plan.summary);
      if (!options.deferScopeRebuild) await rebuildUnitScope(trx);
      await writeAudit(trx, {
        actor: options.actor ?? null,
        action: 'load',
        entity: 'territory_load',
        entityId: loadId,
        summary: `Nạp ${options.label}`,
        after: { listDate, replacesAll: options.replacesAll ?? false, summary: plan.summary },
      });
      const result: LoadResult = { loadId, label: options.label, listDate, dryRun: options.dryRun ?? false, summary: plan.summary };
      if (options.dryRun) throw new DryRunRollback({ ...result, loadId: null });
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

const REFORM_BASIS =
  'Nghị quyết 202/2025/QH15 (sắp xếp ĐVHC cấp tỉnh), Luật Tổ chức chính quyền địa phương 2025 (không tổ chức cấp huyện), ' +
  'các nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã năm 2025; danh mục theo Quyết định 19/2025/QĐ-TTg; hiệu lực 01/07/2025';

const OFFICIAL_FILES = {
  units2023: 'vn-admin-units-2023.csv',
  units2024: 'vn-admin-units-2024.csv',
  units2025: 'vn-admin-units-2025.csv',
  merge2025: 'vn-admin-merge-2025.csv',
  knownDates: 'known-change-dates.csv',
} as const;

interface OfficialStep {
  name: string;
  hash: string;
  apply: (trx: Db) => Promise<LoadResult>;
}

/**
 * The districts without communes (the island districts) have no line in the lists; the
 * conversion table names them where it turns them into special zones.
 */
function withDistrictsWithoutCommunes(list: OfficialList, conversion: ConversionTable): OfficialList {
  const listed = new Set(list.units.map((unit) => `${unit.level}:${unit.code}`));
  const added = new Map<string, OfficialList['units'][number]>();
  for (const row of conversion.rows) {
    if (row.oldCode !== null || !row.oldDistrictCode || !row.oldDistrictName || !row.oldProvinceCode) continue;
    if (listed.has(`district:${row.oldDistrictCode}`) || !listed.has(`province:${row.oldProvinceCode}`)) continue;
    const type = DISTRICT_TYPES.find((candidate) => row.oldDistrictName!.startsWith(`${candidate} `));
    if (!type) continue;
    added.set(row.oldDistrictCode, {
      level: 'district',
      code: row.oldDistrictCode,
      name: row.oldDistrictName,
      type,
      parentCode: row.oldProvinceCode,
      line: row.line,
    });
  }
  return { ...list, units: [...list.units, ...added.values()] };
}

function officialSteps(resourceDir: string): OfficialStep[] {
  const read = (name: string) => readFileSync(path.join(resourceDir, name), 'utf8');
  const texts = Object.fromEntries(Object.entries(OFFICIAL_FILES).map(([key, name]) => [key, read(name)])) as Record<keyof typeof OFFICIAL_FILES, string>;
  // Parsed only when a step is applied: a restart with everything loaded just hashes the files.
  let parsedMerge: ConversionTable | undefined;
  const merge = () => (parsedMerge ??= parseConversionTable(texts.merge2025, OFFICIAL_FILES.merge2025));
  const common = { kind: 'official' as const, deferScopeRebuild: true };
  const hashes = {
    units2023: sha256(texts.units2023, texts.merge2025),
    units2024: sha256(texts.units2024, texts.merge2025, texts.knownDates),
    units2025: sha256(texts.units2025, texts.merge2025),
  };
  return [
    {
      name: OFFICIAL_FILES.units2023,
      hash: hashes.units2023,
      apply: (trx) =>
        applyList(trx, withDistrictsWithoutCommunes(parseOfficialList(texts.units2023, OFFICIAL_FILES.units2023), merge()), null, null, {
          ...common,
          label: OFFICIAL_FILES.units2023,
          fileHash: hashes.units2023,
          listDate: '2023-04-10',
          description:
            'Danh mục ĐVHC của Tổng cục Thống kê xuất ngày 15/04/2023 (trạng thái từ 10/04/2023). Là danh mục sớm nhất trong hệ thống: ' +
            'các đơn vị được coi là đã có từ trước (ngày bắt đầu để trống) và là địa bàn của nhiệm kỳ 2020–2025. ' +
            '5 huyện đảo không có xã lấy tên từ bảng chuyển đổi 2025.',
        }),
    },
    {
      name: OFFICIAL_FILES.units2024,
      hash: hashes.units2024,
      apply: (trx) =>
        applyList(trx, withDistrictsWithoutCommunes(parseOfficialList(texts.units2024, OFFICIAL_FILES.units2024), merge()), null, '2025-03-01', {
          ...common,
          label: OFFICIAL_FILES.units2024,
          fileHash: hashes.units2024,
          knownDates: parseKnownChangeDates(texts.knownDates, OFFICIAL_FILES.knownDates),
          description:
            'Trạng thái cuối cùng trước cải cách (hiệu lực 01/03/2025–30/06/2025, sau Nghị quyết 1365/NQ-UBTVQH15). ' +
            'Thay đổi so với danh mục 2023 lấy ngày theo known-change-dates.csv nếu có, nếu không lấy ngày 01/03/2025 ' +
            'và chờ quản trị viên đối chiếu nghị quyết.',
        }),
    },
    {
      name: OFFICIAL_FILES.units2025,
      hash: hashes.units2025,
      apply: (trx) =>
        applyList(trx, parseOfficialList(texts.units2025, OFFICIAL_FILES.units2025), merge(), '2025-07-01', {
          ...common,
          label: OFFICIAL_FILES.units2025,
          fileHash: hashes.units2025,
          replacesAll: true,
          decreeBasis: REFORM_BASIS,
          description:
            '34 tỉnh, 3.321 đơn vị cấp xã từ 01/07/2025 (Quyết định 19/2025/QĐ-TTg), không còn cấp huyện. Mọi đơn vị cũ kết thúc ngày 30/06/2025; ' +
            'quan hệ kế thừa theo bảng chuyển đổi của Cục Thống kê (vn-admin-merge-2025.csv, GPL-3.0-or-later).',
        }),
    },
  ];
}

/**
 * Loads the official lists shipped in resources/territory that this database does not
 * have yet, all in one transaction (a process killed mid-load leaves nothing behind),
 * and records each in territory_load with its file hash so that a restart does nothing.
 */
export async function ensureOfficialTerritoryLoaded(db: Db, log: TerritoryLog, resourceDir: string = TERRITORY_RESOURCE_DIR): Promise<{ loaded: string[] }> {
  const steps = officialSteps(resourceDir);
  const pendingIn = async (trx: Db, warn: boolean) => {
    const recorded = new Map((await repository.loads(trx)).filter((load) => load.kind === 'official').map((load) => [load.name, load]));
    return steps.filter((step) => {
      const load = recorded.get(step.name);
      if (warn && load && load.file_hash !== step.hash) {
        log.warn(
          `Tệp ${step.name} khác với bản đã nạp ngày ${load.loaded_at.toISOString().slice(0, 10)}; không nạp lại tự động để giữ nguyên mã đơn vị đang dùng`,
        );
      }
      return !load;
    });
  };
  if ((await pendingIn(db, true)).length === 0) return { loaded: [] };
  const started = Date.now();
  const loaded = await db.transaction().execute(async (trx) => {
    await repository.lock(trx);
    const pending = await pendingIn(trx, false);
    for (const step of pending) await step.apply(trx);
    if (pending.length > 0) await rebuildUnitScope(trx);
    return pending.map((step) => step.name);
  });
  if (loaded.length > 0) log.info(`Đã nạp danh mục đơn vị hành chính: ${loaded.join(', ')} (${Date.now() - started} ms)`);
  return { loaded };
}
