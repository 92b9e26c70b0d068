import { createHash } from 'node:crypto';
import { type Transaction, sql } from 'kysely';
import { compareIsoDates, formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { formatCount } from '../../core/numbers.js';
import { isKeyTitle, type TitleCode } from '../../core/titles.js';
import { checkAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Database, Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { ImportsRepository } from './imports.repository.js';
import type { ImportStatus } from './imports.tables.js';
import { assertSafeXlsx } from './xlsx-guard.js';
import { readXlsxRows, type SheetRow } from './xlsx-rows.js';
import { ensureOfficialTerritoryLoaded, type TerritoryLog } from '../territory/territory.service.js';
import { nameColumns } from '../cadres/cadre-values.js';
import {
  canStillFindHeader,
  cellsByColumn,
  type ColumnMap,
  type DateValue,
  type ImportIssue,
  isEmptyOrNumberingRow,
  matchHeader,
  MAX_CELL_LENGTH,
  missingPostColumns,
  type ParsedRow,
  parseCadreRow,
  sameNameKey,
  withSubHeader,
} from './cadre-import-rows.js';
import {
  type CadreRow,
  CadresRepository,
  type CadreValues,
  type NewPost,
  type NewQualification,
  type PostRow,
  type QualificationRow,
  type UnitCodeRow,
} from '../cadres/cadres.repository.js';
import { CADRE_COLUMNS, HEADER_OF, MAX_IMPORT_DATA_ROWS } from '../cadres/cadres.sheet.js';
import { buildCadreTemplate } from '../cadres/cadres.template.js';
import type { QualificationKind } from '../cadres/cadres.tables.js';
import { describePeriod, endWithinUnit, type HeldPeriod, planNewPeriod } from '../cadres/post-periods.js';
import { SCALE_OF_KIND } from '../cadres/qualification-scales.js';

type Conn = Db | Transaction<Database>;

const MAX_REPORTED_ISSUES = 1_000;
/** From this many people an import is a bulk load: the planner's statistics are refreshed with it. */
const BULK_ROWS = 1_000;

// Serialises committing imports: two files naming the same new person must not both create them.
const IMPORT_LOCK = 7412101;

export interface CadreImportResult {
  importId: string;
  fileName: string;
  sha256: string;
  dryRun: boolean;
  /** True only when the changes were saved. */
  committed: boolean;
  /** Data rows read (blank rows and the column-numbering row are not counted). */
  rows: number;
  /** People not yet in the registry. */
  created: number;
  /** People matched to a record already in the registry (by personal id, else name + birth date + unit). */
  updated: number;
  /** Of `updated`, those for whom the file changes nothing. */
  unchanged: number;
  postsAdded: number;
  postsEnded: number;
  qualificationsAdded: number;
  errorCount: number;
  warningCount: number;
  /** The first 1,000 errors, in file order. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

interface SheetReading {
  rows: ParsedRow[];
  dataRows: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

interface PersonGroup {
  rows: ParsedRow[];
  existing: CadreRow | null;
}

/** A person to create; the id, and so the cadre_id of their posts and qualifications, is set when saving. */
interface NewPersonDraft {
  values: CadreValues;
  posts: NewPost[];
  qualifications: NewQualification[];
}

interface ImportPlan {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  newPeople: NewPersonDraft[];
  changedPeople: CadreValues[];
  matched: number;
  unchanged: number;
  postsForExisting: NewPost[];
  postUpdates: Map<string, { id: string; end_date: string | null; term: string | null }>;
  qualificationsForExisting: NewQualification[];
  majorUpdates: { id: string; major: string }[];
  postsAdded: number;
  postsEnded: number;
  qualificationsAdded: number;
}

/** A period being planned: one already stored, or one this import adds. */
interface PlannedPeriod extends HeldPeriod {
  stored: PostRow | null;
  draft: NewPost | null;
  row: number | null;
}

const LEVEL_COLUMNS = [
  ['professional', 'professional'],
  ['political_theory', 'politicalTheory'],
  ['state_management', 'stateManagement'],
] as const;

const LEVEL_PREFERENCE: Record<string, number> = { commune: 0, district: 1, province: 2 };

function issue(row: number, column: keyof typeof HEADER_OF | null, message: string, value: string | null = null): ImportIssue {
  return { row, column: column ? HEADER_OF[column] : null, value, message };
}

function byFileOrder(a: ImportIssue, b: ImportIssue): number {
  return a.row - b.row;
}

/** Codes typed as numbers lost their leading zeros: try the commune code (5 digits) first, then district (3), then province (2). */
function codeCandidates(code: { text: string; fromNumber: boolean }): string[] {
  if (!/^\d{1,4}$/.test(code.text)) return [code.text];
  const padded = [code.text.padStart(5, '0'), code.text.padStart(3, '0'), code.text.padStart(2, '0')];
  return [...new Set(code.fromNumber ? [...padded, code.text] : [code.text, ...padded])];
}

function validOn(unit: UnitCodeRow, date: string): boolean {
  return (unit.valid_from === null || unit.valid_from <= date) && (unit.valid_to === null || unit.valid_to >= date);
}

function sameBirth(a: DateValue | null, b: { date: string | null; precision: 'day' | 'year' | null }): boolean {
  if (a === null || b.date === null) return true;
  if (a.precision === 'year' || b.precision === 'year') return a.date.slice(0, 4) === b.date.slice(0, 4);
  return a.date === b.date;
}

function firstValue<T>(rows: readonly ParsedRow[], pick: (row: ParsedRow) => T | null): T | null {
  for (const row of rows) {
    const value = pick(row);
    if (value !== null) return value;
  }
  return null;
}

/**
 * Imports the cadre spreadsheet: reads it as a stream under strict limits,
 * checks every row, resolves unit codes as of each post's date, matches
 * people already in the registry, and plans the changes; a dry run reports
 * them, a real run saves all of them in one transaction or, if any row has
 * an error, none. Every attempt is kept in the import history.
 */
export class CadreImportService {
  private readonly cadres: CadresRepository;
  private readonly runs: ImportsRepository;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
    this.runs = new ImportsRepository(context.db);
  }

  /** `actor` null: the console operator (command line), acting for the whole country and recorded as the system. */
  async importFile(actor: Actor | null, file: { fileName: string; content: Buffer }, options: { dryRun: boolean }): Promise<CadreImportResult> {
    if (actor) requirePermission(actor, 'data.write');
    const db = this.context.db;
    const scope = actor ?? (await this.systemActor());
    const startedAt = new Date();
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const run = (status: ImportStatus, counts: Partial<CadreImportResult>, message: string | null = null) => ({
      kind: 'cadres',
      userId: actor?.userId ?? null,
      unitId: scope.unitId,
      startedAt,
      fileName: file.fileName,
      sha256,
      fileSize: file.content.length,
      dryRun: options.dryRun,
      status,
      rows: counts.rows ?? 0,
      created: counts.created ?? 0,
      updated: counts.updated ?? 0,
      errorCount: counts.errorCount ?? 0,
      warningCount: counts.warningCount ?? 0,
      message,
      errors: (counts.errors ?? []).slice(0, 200),
    });

    let sheet: SheetReading;
    try {
      await assertSafeXlsx(file.content);
      sheet = await readCadreSheet(file.content);
    } catch (error) {
      if (error instanceof AppError) await this.runs.insert(db, run('unreadable', {}, error.message));
      throw error;
    }

    const summarise = (plan: ImportPlan, committed: boolean): Omit<CadreImportResult, 'importId'> => ({
      fileName: file.fileName,
      sha256,
      dryRun: options.dryRun,
      committed,
      rows: sheet.dataRows,
      created: plan.newPeople.length,
      updated: plan.matched,
      unchanged: plan.unchanged,
      postsAdded: plan.postsAdded,
      postsEnded: plan.postsEnded,
      qualificationsAdded: plan.qualificationsAdded,
      errorCount: plan.errors.length,
      warningCount: plan.warnings.length,
      errors: plan.errors.slice(0, MAX_REPORTED_ISSUES),
      warnings: plan.warnings.slice(0, MAX_REPORTED_ISSUES),
    });

    if (options.dryRun || sheet.errors.length > 0) {
      const result = summarise(await this.plan(db, scope, sheet), false);
      return { importId: await this.runs.insert(db, run(options.dryRun ? 'checked' : 'rejected', result)), ...result };
    }

    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
      const plan = await this.plan(trx, scope, sheet);
      if (plan.errors.length > 0) {
        const result = summarise(plan, false);
        return { importId: await this.runs.insert(trx, run('rejected', result)), ...result };
      }
      // The parsed rows are no longer needed: let them go before the batched writes.
      sheet.rows.length = 0;
      const createdIds = await this.commit(trx, plan);
      const result = summarise(plan, true);
      const importId = await this.runs.insert(trx, run('committed', result));
      await writeAudit(trx, {
        actor,
        action: 'import',
        entity: 'cadre_import',
        entityId: importId,
        summary: `Nhập tệp «${file.fileName}»: ${formatCount(result.rows)} dòng, ${formatCount(result.created)} người mới, ${formatCount(result.updated)} người đã có`,
        after: {
          fileName: file.fileName,
          sha256,
          created: createdIds,
          updated: plan.changedPeople.map((person) => person.id),
          postsAdded: plan.postsAdded,
          postsEnded: plan.postsEnded,
          qualificationsAdded: plan.qualificationsAdded,
        },
      });
      return { importId, ...result };
    });
  }

  /** The empty list with its instructions sheet, for offices to fill in. */
  async template(): Promise<{ fileName: string; content: Buffer }> {
    return { fileName: 'mau-nhap-danh-sach-can-bo.xlsx', content: await buildCadreTemplate() };
  }

  /** Unit codes resolve against the official lists: a database that has none yet gets them, as the server would at start. */
  async ensureTerritory(log: TerritoryLog): Promise<void> {
    if (!(await this.cadres.hasSubnationalUnits(this.context.db))) await ensureOfficialTerritoryLoaded(this.context.db, log);
  }

  private async systemActor(): Promise<Actor> {
    const country = await this.context.db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow();
    return {
      userId: '',
      username: 'system',
      fullName: 'Dòng lệnh',
      role: 'admin',
      unitId: country.id,
      unitLevel: 'country',
      canViewSensitive: true,
      ip: null,
    };
  }

  // --- Planning -------------------------------------------------------------------------------

  private async plan(db: Conn, actor: Actor, sheet: SheetReading): Promise<ImportPlan> {
    const errors = [...sheet.errors];
    const warnings = [...sheet.warnings];
    const unitEnds = new Map<string, string | null>();
    const unitOf = await this.resolveUnits(db, actor, sheet.rows, errors, unitEnds);
    const planned = sheet.rows.filter((row) => !row.invalid && unitOf.has(row));
    const groups = groupRows(planned, unitOf, errors);
    await this.matchExisting(db, actor, groups, unitOf, errors);

    const matchedIds = groups.flatMap((group) => (group.existing ? [group.existing.id] : []));
    const [storedPosts, storedQualifications] = await Promise.all([this.cadres.postsOf(db, matchedIds), this.cadres.qualificationsOf(db, matchedIds)]);
    const postsByPerson = groupBy(storedPosts, (post) => post.cadre_id);
    const qualificationsByPerson = groupBy(storedQualifications, (q) => q.cadre_id);

    const plan: ImportPlan = {
      errors,
      warnings,
      newPeople: [],
      changedPeople: [],
      matched: 0,
      unchanged: 0,
      postsForExisting: [],
      postUpdates: new Map(),
      qualificationsForExisting: [],
      majorUpdates: [],
      postsAdded: 0,
      postsEnded: 0,
      qualificationsAdded: 0,
    };
    const today = todayInVietnam();
    for (const group of groups) {
      const existing = group.existing;
      const changesBefore = plan.postsAdded + plan.postsEnded + plan.postUpdates.size + plan.qualificationsAdded + plan.majorUpdates.length;
      const cadreId = existing?.id ?? '';
      const posts = this.planPosts(group, cadreId, existing ? (postsByPerson.get(existing.id) ?? []) : [], unitOf, unitEnds, plan);
      const qualifications = this.planQualifications(group, cadreId, existing ? (qualificationsByPerson.get(existing.id) ?? []) : [], today, plan);
      if (!existing) {
        plan.newPeople.push({ values: newPersonValues(group, unitOf), posts, qualifications });
        continue;
      }
      plan.matched += 1;
      plan.postsForExisting.push(...posts);
      plan.qualificationsForExisting.push(...qualifications);
      const merged = mergedPersonValues(existing, group);
      if (merged) plan.changedPeople.push(merged);
      const changesAfter = plan.postsAdded + plan.postsEnded + plan.postUpdates.size + plan.qualificationsAdded + plan.majorUpdates.length;
      if (!merged && changesAfter === changesBefore) plan.unchanged += 1;
    }
    errors.sort(byFileOrder);
    warnings.sort(byFileOrder);
    return plan;
  }

  /** Each row's unit code, resolved as of the date the post was taken (today for rows without a post), within the actor's scope. */
  private async resolveUnits(
    db: Conn,
    actor: Actor,
    rows: readonly ParsedRow[],
    errors: ImportIssue[],
    unitEnds: Map<string, string | null>,
  ): Promise<Map<ParsedRow, string>> {
    const today = todayInVietnam();
    // A post whose date could not be read has no date to resolve its code on; that row already has its error.
    const withCode = rows.filter((row) => row.unitCode !== null && !(row.titles.length > 0 && row.start === null));
    const units = await this.cadres.unitsByCodes(
      db,
      withCode.flatMap((row) => codeCandidates(row.unitCode!)),
    );
    const byCode = groupBy(units, (unit) => unit.code);
    const resolved = new Map<ParsedRow, string>();
    for (const row of withCode) {
      const date = row.start?.date ?? today;
      const candidates = codeCandidates(row.unitCode!);
      let found: UnitCodeRow | undefined;
      for (const code of candidates) {
        const valid = (byCode.get(code) ?? []).filter((unit) => validOn(unit, date));
        valid.sort((a, b) => (LEVEL_PREFERENCE[a.level] ?? 9) - (LEVEL_PREFERENCE[b.level] ?? 9));
        found = valid[0];
        if (found) break;
      }
      if (found) {
        resolved.set(row, found.id);
        unitEnds.set(found.id, found.valid_to);
        continue;
      }
      const otherPeriods = candidates.flatMap((code) => byCode.get(code) ?? []);
      const when = row.start ? `ngày ${formatVietnameseDate(row.start.date, row.start.precision)} (ngày giữ chức vụ)` : 'hôm nay';
      const hint =
        otherPeriods.length > 0
          ? ` Mã này chỉ có hiệu lực ${otherPeriods
              .map((unit) =>
                `${unit.valid_from ? `từ ${formatVietnameseDate(unit.valid_from)}` : ''}${unit.valid_to ? ` đến ${formatVietnameseDate(unit.valid_to)}` : ' đến nay'}`.trim(),
              )
              .join('; ')}.`
          : '';
      errors.push(issue(row.row, 'unitCode', `Không có đơn vị hành chính mã «${row.unitCode!.text}» có hiệu lực vào ${when}.${hint}`, row.unitCode!.text));
    }
    const visible = await checkAccess(db, { actor, permission: 'unit.write', ids: [...resolved.values()] });
    for (const [row, unitId] of resolved) {
      if (!visible.has(unitId)) {
        errors.push(issue(row.row, 'unitCode', `Đơn vị mã «${row.unitCode!.text}» nằm ngoài phạm vi quản lý của tài khoản này.`, row.unitCode!.text));
        resolved.delete(row);
      }
    }
    return resolved;
  }

  /** Finds each group's record: by personal id, else by name, birth date and one of the group's units among people without an id. */
  private async matchExisting(db: Conn, actor: Actor, groups: PersonGroup[], unitOf: Map<ParsedRow, string>, errors: ImportIssue[]): Promise<void> {
    const personalIds = groups.flatMap((group) => (group.rows[0]!.personalId ? [group.rows[0]!.personalId] : []));
    const byPersonalId = new Map((await this.cadres.findByPersonalIds(db, personalIds)).map((person) => [person.personal_id!, person]));

    const identified = [...byPersonalId.values()];
    const storedPosts = await this.cadres.postsOf(
      db,
      identified.map((person) => person.id),
    );
    const unitsOfPerson = groupBy(storedPosts, (post) => post.cadre_id);
    const visibleUnits = await checkAccess(db, {
      actor,
      permission: 'unit.read',
      ids: [...identified.map((person) => person.owning_unit_id), ...storedPosts.map((post) => post.unit_id)],
    });

    const unmatched: PersonGroup[] = [];
    for (const group of groups) {
      const first = group.rows[0]!;
      const person = first.personalId ? byPersonalId.get(first.personalId) : undefined;
      if (!person) {
        unmatched.push(group);
        continue;
      }
      const unitIds = [person.owning_unit_id, ...(unitsOfPerson.get(person.id) ?? []).map((post) => post.unit_id)];
      if (!unitIds.some((unitId) => visibleUnits.has(unitId))) {
        errors.push(
          issue(
            first.row,
            'personalId',
            'Số định danh cá nhân này đã có trong hồ sơ do đơn vị khác quản lý; đề nghị đơn vị đó hoặc cấp trên chuyển hồ sơ.',
            first.personalId,
          ),
        );
        group.rows = [];
        continue;
      }
      group.existing = person;
    }

    // A row with an id can only be someone recorded without one; a row without an id can be anyone of that name.
    const foldedNames = (groups: PersonGroup[]) => [...new Set(groups.map((group) => nameColumns(group.rows[0]!.fullName!).name_folded))];
    const [forRowsWithId, forRowsWithoutId] = await Promise.all([
      this.cadres.findByFoldedNames(db, foldedNames(unmatched.filter((g) => g.rows[0]!.personalId !== null)), { withoutPersonalId: true }),
      this.cadres.findByFoldedNames(db, foldedNames(unmatched.filter((g) => g.rows[0]!.personalId === null)), { withoutPersonalId: false }),
    ]);
    const candidatesForRowsWithId = groupBy(forRowsWithId, (person) => sameNameKey(person.full_name));
    const candidatesForRowsWithoutId = groupBy(forRowsWithoutId, (person) => sameNameKey(person.full_name));
    const claimed = new Map<string, PersonGroup>(groups.flatMap((group) => (group.existing ? [[group.existing.id, group] as const] : [])));
    for (const group of unmatched) {
      const first = group.rows[0]!;
      const groupUnits = new Set(group.rows.map((row) => unitOf.get(row)!));
      const candidates = (first.personalId !== null ? candidatesForRowsWithId : candidatesForRowsWithoutId).get(sameNameKey(first.fullName!)) ?? [];
      const matches = candidates.filter(
        (person) =>
          sameBirth(first.birth, { date: person.birth_date, precision: person.birth_date_precision }) &&
          (groupUnits.has(person.owning_unit_id) || person.unit_ids.some((unitId) => groupUnits.has(unitId))),
      );
      if (matches.length > 1) {
        errors.push(
          issue(
            first.row,
            'fullName',
            `Có ${matches.length} hồ sơ cùng họ tên, ngày sinh và đơn vị với dòng này; hãy ghi số định danh cá nhân để xác định đúng người.`,
            first.fullName,
          ),
        );
        group.rows = [];
        continue;
      }
      const person = matches[0];
      if (!person) continue;
      const earlier = claimed.get(person.id);
      if (earlier) {
        // Two groups of the file (one with an id, one without) are the same stored person: one set of changes.
        earlier.rows.push(...group.rows);
        group.rows = [];
        continue;
      }
      claimed.set(person.id, group);
      group.existing = person;
    }
    // A unit changes only the people it manages today; a former unit's rows would rewrite someone now kept elsewhere.
    const matched = groups.filter((group) => group.existing && group.rows.length > 0);
    const writable = await checkAccess(db, { actor, permission: 'cadre.write', ids: matched.map((group) => group.existing!.id) });
    for (const group of matched) {
      if (writable.has(group.existing!.id)) continue;
      const first = group.rows[0]!;
      errors.push(
        issue(
          first.row,
          'fullName',
          'Người này hiện do đơn vị khác quản lý; đơn vị cũ không cập nhật được hồ sơ. Đề nghị đơn vị đang quản lý hoặc cấp trên cập nhật.',
          first.fullName,
        ),
      );
      group.rows = [];
    }
    const emptied = groups.filter((group) => group.rows.length === 0);
    for (const group of emptied) groups.splice(groups.indexOf(group), 1);
  }

  /** New periods for the group's rows, in date order; history is never rewritten (see planNewPeriod). */
  private planPosts(
    group: PersonGroup,
    cadreId: string,
    stored: readonly PostRow[],
    unitOf: Map<ParsedRow, string>,
    unitEnds: Map<string, string | null>,
    plan: ImportPlan,
  ): NewPost[] {
    const periods = new Map<string, PlannedPeriod[]>();
    for (const post of stored) {
      periods.set(post.title_code, [
        ...(periods.get(post.title_code) ?? []),
        { id: post.id, unitId: post.unit_id, startDate: post.start_date, endDate: post.end_date, stored: post, draft: null, row: null },
      ]);
    }
    const wanted = group.rows
      .flatMap((row) => row.titles.map((title, index) => ({ row, title, concurrent: index > 0, unitId: unitOf.get(row)!, start: row.start! })))
      .sort((a, b) => compareIsoDates(a.start.date, b.start.date) || a.row.row - b.row.row);

    const drafts: NewPost[] = [];
    for (const want of wanted) {
      const list = periods.get(want.title) ?? [];
      const decision = planNewPeriod(list, want.unitId, want.start.date, null);
      if (decision.kind === 'same') {
        const same = decision.existing as PlannedPeriod;
        if (same.draft) {
          plan.warnings.push(issue(want.row.row, 'title', `Trùng với dòng ${same.row} (cùng người, chức vụ, đơn vị và ngày giữ chức vụ); chỉ ghi một lần.`));
        } else if (same.stored && want.row.term && want.row.term !== same.stored.term) {
          const update = plan.postUpdates.get(same.id) ?? { id: same.id, end_date: same.stored.end_date, term: same.stored.term };
          update.term = want.row.term;
          plan.postUpdates.set(same.id, update);
        }
        continue;
      }
      if (decision.kind === 'overlap') {
        const where = decision.conflicting as PlannedPeriod;
        plan.errors.push(
          issue(
            want.row.row,
            'startDate',
            `Chức vụ trùng thời gian với giai đoạn ${describePeriod(where)} của cùng chức vụ${where.row ? ` ở dòng ${where.row}` : ' đã có trong hồ sơ'}.`,
            formatVietnameseDate(want.start.date, want.start.precision),
          ),
        );
        continue;
      }
      if (decision.close) {
        const closing = decision.close.period as PlannedPeriod;
        closing.endDate = decision.close.endDate;
        if (closing.draft) {
          closing.draft.end_date = decision.close.endDate;
        } else if (closing.stored) {
          const update = plan.postUpdates.get(closing.id) ?? { id: closing.id, end_date: closing.stored.end_date, term: closing.stored.term };
          update.end_date = decision.close.endDate;
          plan.postUpdates.set(closing.id, update);
          plan.postsEnded += 1;
        }
      }
      // A post in a commune that has since been merged away ends with it.
      const endDate = endWithinUnit(decision.endDate, { validFrom: null, validTo: unitEnds.get(want.unitId) ?? null });
      const draft: NewPost = {
        cadre_id: cadreId,
        unit_id: want.unitId,
        title_code: want.title,
        is_key: isKeyTitle(want.title as TitleCode),
        start_date: want.start.date,
        start_date_precision: want.start.precision,
        end_date: endDate,
        term: want.row.term,
        how_obtained: null,
        concurrent: want.concurrent,
        note: null,
      };
      list.push({ id: `new-${want.row.row}-${want.title}`, unitId: want.unitId, startDate: want.start.date, endDate, stored: null, draft, row: want.row.row });
      periods.set(want.title, list);
      drafts.push(draft);
      plan.postsAdded += 1;
    }
    return drafts;
  }

  /** A level higher than the recorded one is added as declared (date unknown); a lower one is kept out with a warning. */
  private planQualifications(group: PersonGroup, cadreId: string, stored: readonly QualificationRow[], today: string, plan: ImportPlan): NewQualification[] {
    const added: NewQualification[] = [];
    for (const [kind, field] of LEVEL_COLUMNS) {
      const scale = SCALE_OF_KIND[kind as QualificationKind];
      const fileLevel = scale.highestLevel(group.rows.map((row) => row[field]));
      if (fileLevel === null) continue;
      const levelRow = group.rows.find((row) => row[field] === fileLevel)!;
      const major = kind === 'professional' ? (levelRow.major ?? firstValue(group.rows, (row) => row.major)) : null;
      const held = stored.filter((q) => q.kind === kind && scale.isLevel(q.level) && (q.obtained_on === null || q.obtained_on <= today));
      const best = held.reduce<QualificationRow | null>((top, q) => (top === null || scale.compareLevel(q.level, top.level) > 0 ? q : top), null);
      if (best === null || scale.compareLevel(fileLevel, best.level) > 0) {
        added.push({
          cadre_id: cadreId,
          kind: kind as QualificationKind,
          level: fileLevel,
          major,
          institution: null,
          study_mode: null,
          language: null,
          obtained_on: null,
          obtained_precision: null,
          source: 'declared',
          source_ref: null,
          note: null,
        });
        plan.qualificationsAdded += 1;
      } else if (scale.compareLevel(fileLevel, best.level) === 0) {
        if (major && major !== best.major) plan.majorUpdates.push({ id: best.id, major });
      } else {
        plan.warnings.push(
          issue(
            levelRow.row,
            field,
            `${scale.labelVi(fileLevel)} thấp hơn ${scale.nameVi} đã có trong hồ sơ (${scale.labelVi(best.level)}); giữ nguyên mức cao hơn.`,
            scale.labelVi(fileLevel),
          ),
        );
      }
    }
    return added;
  }

  // --- Saving ---------------------------------------------------------------------------------

  /** Batched statements, a thousand rows each: no round trip per row. */
  private async commit(trx: Conn, plan: ImportPlan): Promise<string[]> {
    const ids = await this.cadres.allocateCadreIds(trx, plan.newPeople.length);
    plan.newPeople.forEach((person, i) => {
      const id = ids[i]!;
      person.values.id = id;
      for (const post of person.posts) post.cadre_id = id;
      for (const qualification of person.qualifications) qualification.cadre_id = id;
    });
    await this.cadres.insertCadres(
      trx,
      plan.newPeople.map((person) => person.values),
    );
    try {
      await this.cadres.updateCadres(trx, plan.changedPeople);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new AppError('CADRE_PERSONAL_ID_TAKEN', {
          message: 'Một số định danh cá nhân trong tệp vừa được ghi cho hồ sơ khác; hãy nhập lại tệp.',
          cause: error,
        });
      }
      throw error;
    }
    await this.cadres.updatePostEndsAndTerms(trx, [...plan.postUpdates.values()]);
    await this.cadres.insertPosts(trx, [...plan.postsForExisting, ...plan.newPeople.flatMap((person) => person.posts)]);
    await this.cadres.insertQualifications(trx, [...plan.qualificationsForExisting, ...plan.newPeople.flatMap((person) => person.qualifications)]);
    await this.cadres.updateQualificationMajors(trx, plan.majorUpdates);
    if (plan.newPeople.length + plan.changedPeople.length >= BULK_ROWS) await this.cadres.refreshStatistics(trx);
    return ids;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Rows of one person: the same personal id, or — for rows without one — the
 * same name, birth date and unit (joining the id's rows when those match).
 * Rows sharing an id must agree on name, birth date and sex.
 */
function groupRows(rows: readonly ParsedRow[], unitOf: Map<ParsedRow, string>, errors: ImportIssue[]): PersonGroup[] {
  const groups: PersonGroup[] = [];
  const byId = new Map<string, PersonGroup>();
  const byName = new Map<string, PersonGroup>();
  const nameKey = (row: ParsedRow) => `${sameNameKey(row.fullName!)}|${row.birth?.date ?? ''}|${unitOf.get(row)}`;

  for (const row of rows.filter((r) => r.personalId !== null)) {
    const group = byId.get(row.personalId!);
    if (!group) {
      const created: PersonGroup = { rows: [row], existing: null };
      byId.set(row.personalId!, created);
      groups.push(created);
      byName.set(nameKey(row), created);
      continue;
    }
    const first = group.rows[0]!;
    const conflicts = [
      sameNameKey(row.fullName!) !== sameNameKey(first.fullName!) ? 'họ tên' : null,
      row.birth && first.birth && row.birth.date !== first.birth.date ? 'ngày sinh' : null,
      row.gender && first.gender && row.gender !== first.gender ? 'giới tính' : null,
    ].filter((x) => x !== null);
    if (conflicts.length > 0) {
      errors.push(issue(row.row, 'personalId', `Cùng số định danh cá nhân với dòng ${first.row} nhưng khác ${conflicts.join(', ')}.`, row.personalId));
      continue;
    }
    group.rows.push(row);
    byName.set(nameKey(row), group);
  }
  for (const row of rows.filter((r) => r.personalId === null)) {
    const group = byName.get(nameKey(row));
    if (group) {
      group.rows.push(row);
      continue;
    }
    const created: PersonGroup = { rows: [row], existing: null };
    byName.set(nameKey(row), created);
    groups.push(created);
  }
  for (const group of groups) group.rows.sort((a, b) => a.row - b.row);
  return groups.sort((a, b) => a.rows[0]!.row - b.rows[0]!.row);
}

function newPersonValues(group: PersonGroup, unitOf: Map<ParsedRow, string>): CadreValues {
  const rows = group.rows;
  const latest = [...rows].sort((a, b) => compareIsoDates(b.start?.date ?? '1900-01-01', a.start?.date ?? '1900-01-01'))[0]!;
  const birth = firstValue(rows, (row) => row.birth);
  const party = firstValue(rows, (row) => row.partyJoined);
  return {
    id: '',
    ...nameColumns(rows[0]!.fullName!),
    gender: firstValue(rows, (row) => row.gender),
    birth_date: birth?.date ?? null,
    birth_date_precision: birth?.precision ?? null,
    ethnicity_code: firstValue(rows, (row) => row.ethnicityCode),
    religion: null,
    home_town: null,
    personal_id: firstValue(rows, (row) => row.personalId),
    party_joined_on: party?.date ?? null,
    party_joined_precision: party?.precision ?? null,
    phone: firstValue(rows, (row) => row.phone),
    email: null,
    discipline: null,
    owning_unit_id: unitOf.get(latest)!,
  };
}

/** The stored person with the file's non-blank values, or null when the file changes nothing. Blank cells never erase. */
function mergedPersonValues(existing: CadreRow, group: PersonGroup): CadreValues | null {
  const rows = group.rows;
  const birth = firstValue(rows, (row) => row.birth);
  const party = firstValue(rows, (row) => row.partyJoined);
  // A bare year in the file does not overwrite a full date of the same year.
  const keepDate = (file: DateValue | null, date: string | null, precision: 'day' | 'year' | null) =>
    file === null || (file.precision === 'year' && precision === 'day' && date?.slice(0, 4) === file.date.slice(0, 4))
      ? { date, precision }
      : { date: file.date, precision: file.precision };
  const mergedBirth = keepDate(birth, existing.birth_date, existing.birth_date_precision);
  const mergedParty = keepDate(party, existing.party_joined_on, existing.party_joined_precision);
  const names = nameColumns(rows[0]!.fullName!);
  const merged: CadreValues = {
    id: existing.id,
    ...names,
    gender: firstValue(rows, (row) => row.gender) ?? existing.gender,
    birth_date: mergedBirth.date,
    birth_date_precision: mergedBirth.precision,
    ethnicity_code: firstValue(rows, (row) => row.ethnicityCode) ?? existing.ethnicity_code,
    religion: existing.religion,
    home_town: existing.home_town,
    personal_id: firstValue(rows, (row) => row.personalId) ?? existing.personal_id,
    party_joined_on: mergedParty.date,
    party_joined_precision: mergedParty.precision,
    phone: firstValue(rows, (row) => row.phone) ?? existing.phone,
    email: existing.email,
    discipline: existing.discipline,
    owning_unit_id: existing.owning_unit_id,
  };
  const changed =
    merged.full_name !== existing.full_name ||
    merged.gender !== existing.gender ||
    merged.birth_date !== existing.birth_date ||
    merged.birth_date_precision !== existing.birth_date_precision ||
    merged.ethnicity_code !== existing.ethnicity_code ||
    merged.personal_id !== existing.personal_id ||
    merged.party_joined_on !== existing.party_joined_on ||
    merged.party_joined_precision !== existing.party_joined_precision ||
    merged.phone !== existing.phone;
  return changed ? merged : null;
}

/** Streams the first visible sheet that has the list's header row and parses every data row under it. */
export async function readCadreSheet(content: Buffer): Promise<SheetReading> {
  const reading: SheetReading = { rows: [], dataRows: 0, errors: [], warnings: [] };
  let columns: ColumnMap | null = null;
  let header: SheetRow | null = null;
  for await (const row of readXlsxRows(content, { maxCellLength: MAX_CELL_LENGTH })) {
    if (columns === null || header === null) {
      if (!canStillFindHeader(row.number)) continue;
      columns = matchHeader(row.cells);
      if (columns) header = row;
      continue;
    }
    if (row.sheetIndex !== header.sheetIndex) break;
    if (row.number === header.number + 1) {
      const merged = withSubHeader(header.cells, row.cells, columns);
      if (merged) {
        columns = merged;
        continue;
      }
    }
    const cells = cellsByColumn(row.cells, columns);
    if (isEmptyOrNumberingRow(cells)) continue;
    reading.dataRows += 1;
    if (reading.dataRows > MAX_IMPORT_DATA_ROWS) {
      throw new AppError('IMPORT_TOO_MANY_ROWS', {
        message: `Tệp có hơn ${formatCount(MAX_IMPORT_DATA_ROWS)} dòng dữ liệu; hãy chia thành nhiều tệp, mỗi tệp không quá ${formatCount(MAX_IMPORT_DATA_ROWS)} dòng.`,
      });
    }
    const { parsed, errors, warnings } = parseCadreRow(row.number, cells);
    reading.rows.push(parsed);
    reading.errors.push(...errors);
    reading.warnings.push(...warnings);
  }
  if (columns === null || header === null) {
    throw new AppError('IMPORT_NO_HEADER', {
      message: `Không tìm thấy dòng tiêu đề trong 30 dòng đầu của các trang tính: cần ít nhất các cột «${HEADER_OF.fullName}» và «${HEADER_OF.unitCode}». Các cột của mẫu: ${CADRE_COLUMNS.map((c) => c.header).join(', ')}.`,
    });
  }
  for (const key of missingPostColumns(columns)) {
    reading.warnings.unshift(issue(header.number, key, `Không có cột «${HEADER_OF[key]}»: chỉ nhập được thông tin cá nhân, không nhập chức vụ.`));
  }
  return reading;
}
