import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { writeAudit } from '../audit/audit.writer.js';
import { withStartupLock } from '../bootstrap.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import type { Db } from '../db/database.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { DEMO_ACCOUNTS, DEMO_DATASET_LABELS, DEMO_PASSWORD, isDemoDataset, type DemoDataset } from './demo.accounts.js';
import { DemoRepository, type InsertedCounts } from './demo.repository.js';
import { insertNationalTraining, type NationalTrainingCounts } from './demo.national-training.js';
import { insertNationalPetitions, type NationalPetitionCounts } from './demo.national-petitions.js';
import { insertNationalGrassroots, type NationalProblemCounts } from './demo.national-grassroots.js';
import { insertPetitionsDemo } from './demo.petitions.js';
import { insertGrassrootsDemo } from './demo.grassroots.js';
import { insertPartyCellsDemo, type PartyCellDemoCounts } from './demo.party-cells.js';
import { insertReviewDemo } from './demo.review.js';
import { insertRotationsDemo } from './demo.rotations.js';
import { insertEvaluationsDemo } from './demo.evaluations.js';
import { insertTrainingDemo } from './demo.training.js';
import { NATIONAL_DEMO, nationalCommuneStaff, nationalQuotas, type NationalCommune } from './national-demo.js';
import { generateProvinceDemo, PROVINCE_DEMO } from './province-demo.js';
import type { DemoPerson } from './staff.js';

/*
 * Loading the demo: the province (Bắc Giang, 2021) at the first start of an
 * empty system or by `canboxa seed-demo`; the national set (2025) by
 * `canboxa seed-demo --scale national` and by the benchmark. Each load is one
 * transaction, serialised with the other start-up work, and recorded in the
 * audit log; `demo_loaded` in app_setting makes the web app show its banner.
 */

const DEMO_LOADED = 'demo_loaded';
const DEMO_DATASET = 'demo_dataset';
const DEMO_PASSWORD_HASH = 'demo_password_hash';

export type DemoSkipReason = 'already_loaded' | 'not_empty' | 'has_users' | 'no_territory';

export const DEMO_SKIP_MESSAGES: Readonly<Record<DemoSkipReason, string>> = {
  already_loaded: 'Cơ sở dữ liệu đã có dữ liệu minh họa; không nạp lại.',
  not_empty: 'Cơ sở dữ liệu đã có hồ sơ cán bộ; dữ liệu minh họa chỉ nạp vào cơ sở dữ liệu chưa có hồ sơ nào.',
  has_users: 'Hệ thống đã có tài khoản người dùng, không phải lần khởi động đầu tiên; không nạp dữ liệu minh họa.',
  no_territory: 'Chưa có danh mục đơn vị hành chính cần cho dữ liệu minh họa (danh mục 2023 cho tỉnh Bắc Giang, danh mục 2025 cho toàn quốc); không nạp.',
};

export interface DemoLoaded {
  status: 'loaded';
  dataset: DemoDataset;
  keyCadres: number;
  otherStaff: number;
  counts: InsertedCounts;
  areaClasses: number;
  /** Accounts created; an existing account of the same name is left as it is. */
  accounts: string[];
  seconds: number;
}

export type DemoLoadResult = DemoLoaded | { status: 'skipped'; reason: DemoSkipReason };

const repository = new DemoRepository();

async function emptiness(trx: Db, requireNoUsers: boolean): Promise<DemoSkipReason | null> {
  if ((await new SettingsRepository(trx).get(DEMO_LOADED, trx)) === 'true') return 'already_loaded';
  if (requireNoUsers && (await repository.hasUsers(trx))) return 'has_users';
  if (await repository.hasCadres(trx)) return 'not_empty';
  return null;
}

/** The dataset's accounts that do not exist yet, all with the published demo password and no forced change. */
async function createAccounts(trx: Db, dataset: DemoDataset, asOf: string): Promise<string[]> {
  const accounts = DEMO_ACCOUNTS[dataset];
  const existing = await repository.existingUsernames(
    trx,
    accounts.map((a) => a.username),
  );
  const users = new UsersRepository(trx);
  const settings = new SettingsRepository(trx);
  // One hash for all: they share the published password anyway. It is kept because every
  // password change stores a new salt: an account still has the published password exactly
  // while its hash is this one, which each start checks without running scrypt.
  const passwordHash = (await settings.get(DEMO_PASSWORD_HASH, trx)) ?? (await hashPassword(DEMO_PASSWORD));
  await settings.set(DEMO_PASSWORD_HASH, passwordHash, trx);
  const created: string[] = [];
  for (const account of accounts) {
    if (existing.has(account.username)) continue;
    const unitId = await repository.unitId(trx, account.unit.level, account.unit.code, asOf);
    if (!unitId) throw new Error(`Không tìm thấy đơn vị ${account.unit.code ?? 'cả nước'} cho tài khoản minh họa ${account.username}`);
    const id = await users.insert(trx, {
      username: account.username,
      fullName: account.fullName,
      role: account.role,
      unitId,
      passwordHash,
      mustChangePassword: false,
      canViewSensitive: account.canViewSensitive,
    });
    await writeAudit(trx, { actor: null, action: 'create', entity: 'user', entityId: id, summary: 'Tài khoản minh họa' });
    created.push(account.username);
  }
  return created;
}

async function markLoaded(trx: Db, dataset: DemoDataset, summary: Omit<DemoLoaded, 'status' | 'seconds'>): Promise<void> {
  const settings = new SettingsRepository(trx);
  await settings.set(DEMO_LOADED, 'true', trx);
  await settings.set(DEMO_DATASET, dataset, trx);
  await writeAudit(trx, {
    actor: null,
    action: 'create',
    entity: 'demo',
    entityId: dataset,
    summary: `Nạp dữ liệu minh họa: ${DEMO_DATASET_LABELS[dataset]}`,
    after: summary,
  });
}

/**
 * The Bắc Giang demo (2023 units, as of 31/12/2021). `first-start` loads it
 * only into a system with no users and no cadres; `command` also into one
 * with users. A database that already has it, or has cadre records, is left
 * untouched: loading is idempotent.
 */
export async function loadProvinceDemo(db: Db, options: { mode: 'first-start' | 'command' }): Promise<DemoLoadResult> {
  const started = performance.now();
  return withStartupLock(db, async (trx) => {
    const skip = await emptiness(trx, options.mode === 'first-start');
    if (skip) return { status: 'skipped', reason: skip };
    const territory = await repository.provinceTerritory(trx, PROVINCE_DEMO.provinceCode, PROVINCE_DEMO.asOf);
    if (!territory) return { status: 'skipped', reason: 'no_territory' };
    const demo = generateProvinceDemo(territory);
    const counts = await repository.insertPeople(trx, demo.people);
    const areaClasses = await repository.insertAreaClasses(trx, demo.areaClasses);
    await insertTrainingDemo(trx, territory);
    const accounts = await createAccounts(trx, 'bac-giang-2021', PROVINCE_DEMO.asOf);
    await insertReviewDemo(trx, territory);
    const keyedBy = await repository.accountsByUnit(
      trx,
      DEMO_ACCOUNTS['bac-giang-2021'].map((account) => account.username),
    );
    await insertPetitionsDemo(trx, territory, keyedBy);
    await insertGrassrootsDemo(trx, territory, keyedBy);
    await insertRotationsDemo(trx, territory);
    await insertEvaluationsDemo(trx, territory);
    await insertPartyCellsDemo(
      trx,
      territory.districts.flatMap((district) => district.communes).filter((commune) => commune.validTo === null || commune.validTo >= PROVINCE_DEMO.asOf),
      { seed: 'bac-giang-2021:party-cells', from: '2021-01-01', to: PROVINCE_DEMO.asOf, createdBy: keyedBy.fallback, villages: [8, 14], weakShare: 0.1 },
    );
    const summary = { dataset: 'bac-giang-2021' as const, keyCadres: demo.keyPeople, otherStaff: demo.otherPeople, counts, areaClasses, accounts };
    await markLoaded(trx, 'bac-giang-2021', summary);
    return { status: 'loaded', ...summary, seconds: (performance.now() - started) / 1000 };
  });
}

export interface NationalSeedResult {
  communes: number;
  keyCadres: number;
  otherStaff: number;
  counts: InsertedCounts;
  training: NationalTrainingCounts;
  /** Null when no administrator exists yet to have keyed them in. */
  petitions: NationalPetitionCounts | null;
  /** Null, as the petitions, when no administrator exists yet to have keyed them in. */
  grassroots: NationalProblemCounts | null;
  partyCells: PartyCellDemoCounts | null;
  seconds: number;
}

const COMMUNES_PER_BATCH = 150;

async function insertNational(trx: Db, scale: number): Promise<NationalSeedResult> {
  const started = performance.now();
  const communes = await repository.nationalCommunes(trx, NATIONAL_DEMO.asOf);
  if (communes.length === 0) throw new Error('Chưa có danh mục đơn vị hành chính năm 2025 để nạp dữ liệu minh họa toàn quốc');
  const byProvince = new Map<string, NationalCommune[]>();
  for (const commune of communes) {
    const list = byProvince.get(commune.provinceCode) ?? [];
    list.push(commune);
    byProvince.set(commune.provinceCode, list);
  }
  const quotas = nationalQuotas(communes, scale);
  const counts: InsertedCounts = { cadres: 0, posts: 0, qualifications: 0 };
  for (let i = 0; i < quotas.length; i += COMMUNES_PER_BATCH) {
    const people: DemoPerson[] = quotas
      .slice(i, i + COMMUNES_PER_BATCH)
      .flatMap((quota) => nationalCommuneStaff(quota, byProvince.get(quota.commune.provinceCode)!));
    const inserted = await repository.insertPeople(trx, people);
    counts.cadres += inserted.cadres;
    counts.posts += inserted.posts;
    counts.qualifications += inserted.qualifications;
  }
  await new CadresRepository(trx).refreshStatistics(trx);
  const training = await insertNationalTraining(
    trx,
    quotas.map((quota) => quota.commune),
  );
  const keyedBy = await repository.firstAdministrator(trx);
  const petitions = keyedBy
    ? await insertNationalPetitions(
        trx,
        quotas.map((quota) => quota.commune),
        keyedBy,
      )
    : null;
  const grassroots = keyedBy
    ? await insertNationalGrassroots(
        trx,
        quotas.map((quota) => quota.commune),
        keyedBy,
        NATIONAL_DEMO.asOf,
      )
    : null;
  const partyCells = keyedBy
    ? await insertPartyCellsDemo(
        trx,
        quotas.map((quota) => quota.commune),
        { seed: 'toan-quoc-2025:party-cells', from: '2025-07-01', to: NATIONAL_DEMO.asOf, createdBy: keyedBy, villages: [18, 28], weakShare: 0.1 },
      )
    : null;
  return {
    communes: quotas.length,
    keyCadres: quotas.reduce((sum, q) => sum + q.keyPeople, 0),
    otherStaff: quotas.reduce((sum, q) => sum + q.otherPeople, 0),
    counts,
    training,
    petitions,
    grassroots,
    partyCells,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Commune staff of the whole country on the 2025 units (about 50,000 key
 * cadres and 150,000 others at scale 1) and each province's training of
 * them, in one transaction, into whatever
 * the database already holds: the benchmark's primitive. `scale` < 1 takes
 * that share of the communes (0.01 for a smoke test).
 */
export async function seedNationalDemo(db: Db, options: { scale?: number } = {}): Promise<NationalSeedResult> {
  const scale = options.scale ?? 1;
  if (db.isTransaction) return insertNational(db, scale);
  return db.transaction().execute((trx) => insertNational(trx, scale));
}

/** `canboxa seed-demo --scale national`: the national set with its accounts, only into a database without cadres. */
export async function loadNationalDemo(db: Db, options: { scale?: number } = {}): Promise<DemoLoadResult> {
  const started = performance.now();
  return withStartupLock(db, async (trx) => {
    const skip = await emptiness(trx, false);
    if (skip) return { status: 'skipped', reason: skip };
    if ((await repository.nationalCommunes(trx, NATIONAL_DEMO.asOf)).length === 0) return { status: 'skipped', reason: 'no_territory' };
    // The accounts first: the demo's administrator keys in its petitions.
    const accounts = await createAccounts(trx, 'toan-quoc-2025', NATIONAL_DEMO.asOf);
    const seeded = await insertNational(trx, options.scale ?? 1);
    const summary = {
      dataset: 'toan-quoc-2025' as const,
      keyCadres: seeded.keyCadres,
      otherStaff: seeded.otherStaff,
      counts: seeded.counts,
      areaClasses: 0,
      accounts,
    };
    await markLoaded(trx, 'toan-quoc-2025', summary);
    return { status: 'loaded', ...summary, seconds: (performance.now() - started) / 1000 };
  });
}

export interface DemoLogin {
  username: string;
  role: string;
  unitName: string | null;
}

export interface DemoLogins {
  dataset: DemoDataset;
  password: string;
  accounts: DemoLogin[];
}

/**
 * While demo data is present: its accounts that still sign in with the
 * published password (one whose password was changed, or that was disabled,
 * is no longer listed).
 */
export async function demoLogins(db: Db): Promise<DemoLogins | null> {
  const settings = new SettingsRepository(db);
  if ((await settings.get(DEMO_LOADED)) !== 'true') return null;
  const stored = await settings.get(DEMO_DATASET);
  const dataset: DemoDataset = isDemoDataset(stored) ? stored : 'bac-giang-2021';
  const asOf = dataset === 'bac-giang-2021' ? PROVINCE_DEMO.asOf : NATIONAL_DEMO.asOf;
  const order = DEMO_ACCOUNTS[dataset].map((a) => a.username);
  const rows = await repository.enabledUsers(db, order, asOf);
  const demoHashes = await publishedPasswordHashes(
    rows.map((row) => row.password_hash),
    await settings.get(DEMO_PASSWORD_HASH),
  );
  const accounts = rows
    .filter((row) => demoHashes.has(row.password_hash))
    .sort((a, b) => order.indexOf(a.username) - order.indexOf(b.username))
    .map((row) => ({ username: row.username, role: row.role, unitName: row.unit_name }));
  return { dataset, password: DEMO_PASSWORD, accounts };
}

/** The hashes among `hashes` that are of the published demo password. */
async function publishedPasswordHashes(hashes: readonly string[], keptHash: string | undefined): Promise<Set<string>> {
  if (keptHash !== undefined) return new Set([keptHash]);
  // Demo loaded before its hash was kept: scrypt once per distinct hash (the unchanged accounts share one).
  const distinct = [...new Set(hashes)];
  const verified = await Promise.all(distinct.map((hash) => verifyPassword(DEMO_PASSWORD, hash)));
  return new Set(distinct.filter((_, index) => verified[index]));
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: 'quản trị',
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
  viewer: 'chỉ xem',
};

/** The lines of the start message and of `seed-demo`. */
export function describeDemoLogins(logins: DemoLogins): string[] {
  if (logins.accounts.length === 0) return [`Dữ liệu minh họa: ${DEMO_DATASET_LABELS[logins.dataset]}.`];
  const width = Math.max(...logins.accounts.map((a) => a.username.length));
  return [
    `Dữ liệu minh họa: ${DEMO_DATASET_LABELS[logins.dataset]}.`,
    `Tài khoản minh họa (mật khẩu chung: ${logins.password}):`,
    ...logins.accounts.map((a) => `  ${a.username.padEnd(width)}  ${ROLE_LABELS[a.role] ?? a.role}${a.unitName ? ` — ${a.unitName}` : ''}`),
  ];
}
