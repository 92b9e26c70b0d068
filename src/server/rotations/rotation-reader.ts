import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { formatCount, formatPercent } from '../../core/numbers.js';
import { monthsServed, type RotationWarning } from '../../core/rotation.js';
import { type TitleCode, titleByCode } from '../../core/titles.js';
import type { Actor } from '../access/actor.js';
import { seesWholeCountry } from '../access/access.js';
import { checkAccess, requireAccess } from '../access/policy.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import type { RotationRow, RotationFilter } from './rotations.repository.js';
import { RotationsRepository } from './rotations.repository.js';

type UnitNames = Awaited<ReturnType<typeof unitNamesAsOf>>;

function statusOf(row: Pick<RotationRow, 'start_date' | 'end_date' | 'planned_end_date'>, today: string) {
  if (row.end_date !== null && row.end_date < today) return 'ended' as const;
  if (row.start_date > today) return 'planned' as const;
  return row.end_date === null && row.planned_end_date < today ? ('overdue' as const) : ('active' as const);
}

function unitRef(names: UnitNames, id: string) {
  return { id, name: names.get(id)?.name ?? id };
}

/** Reading rotations: one record, the register with the article's figure, the weak communes of a year. */
export class RotationReader {
  private readonly rotations = new RotationsRepository();

  constructor(private readonly context: AppContext) {}

  async detail(actor: Actor, id: string) {
    const db = this.context.db;
    const row = await this.rotations.byId(db, id);
    if (!row) throw notFound();
    const readable = await checkAccess(db, { actor, permission: 'unit.read', ids: [row.origin_unit_id, row.destination_unit_id] });
    if (readable.size === 0) throw notFound();
    return (await this.present(actor, [row], todayInVietnam()))[0]!;
  }

  /** Rows as the API shows them, with status and months served on `onDate`. */
  private async present(actor: Actor, rows: readonly RotationRow[], onDate: string) {
    const db = this.context.db;
    const today = todayInVietnam();
    const unitIds = rows.flatMap((row) => [row.origin_unit_id, row.destination_unit_id]);
    const [names, writable] = await Promise.all([unitNamesAsOf(db, unitIds, today), checkAccess(db, { actor, permission: 'rotation.write', ids: unitIds })]);
    return rows.map((row) => {
      const edit = writable.has(row.origin_unit_id) && writable.has(row.destination_unit_id);
      const title = titleByCode(row.destination_title_code as TitleCode);
      return {
        id: row.id,
        cadre: { id: row.cadre_id, fullName: row.full_name, gender: row.gender, birthDate: row.birth_date },
        kind: row.kind,
        direction: row.direction,
        purpose: row.purpose,
        purposeNote: row.purpose_note,
        origin: { unit: unitRef(names, row.origin_unit_id), postName: row.origin_post_name, postId: row.origin_post_id },
        destination: {
          unit: unitRef(names, row.destination_unit_id),
          titleCode: row.destination_title_code,
          titleName: title.nameVi,
          postId: row.destination_post_id,
        },
        decision: { number: row.decision_number, date: row.decision_date, signer: row.decision_signer, fileName: row.has_file ? row.decision_file_name : null },
        startDate: row.start_date,
        plannedEndDate: row.planned_end_date,
        endDate: row.end_date,
        status: statusOf(row, onDate),
        monthsServed: monthsServed(row.start_date, row.end_date, onDate),
        midtermEvaluation: row.midterm_evaluation,
        finalEvaluation: row.final_evaluation,
        placement: row.placement,
        placementNote: row.placement_note,
        warnings: row.warnings as RotationWarning[],
        abilities: { edit, end: edit && row.end_date === null, delete: edit && row.end_date === null },
      };
    });
  }

  async filterOf(
    actor: Actor,
    query: { unitId?: string; cadreId?: string; from?: string; to?: string; status: RotationFilter['status']; kind?: string },
  ): Promise<RotationFilter> {
    if (query.unitId) await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [query.unitId] });
    if (query.cadreId) await requireAccess(this.context.db, { actor, permission: 'cadre.history.read', ids: [query.cadreId] });
    return {
      rootId: query.unitId ?? null,
      cadreId: query.cadreId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      status: query.status,
      kind: query.kind ?? null,
    };
  }

  async list(
    actor: Actor,
    query: { unitId?: string; cadreId?: string; from?: string; to?: string; status: RotationFilter['status']; kind?: string; page: number; pageSize: number },
  ) {
    const db = this.context.db;
    const filter = await this.filterOf(actor, query);
    const onDate = dayViewed(filter);
    const [{ rows, total }, summary, scopeName] = await Promise.all([
      this.rotations.page(db, actor, filter, onDate, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
      this.rotations.summary(db, actor, filter, onDate),
      this.scopeName(actor, query.unitId),
    ]);
    return {
      items: await this.present(actor, rows, onDate),
      total,
      page: query.page,
      pageSize: query.pageSize,
      summary: {
        people: summary.people,
        fromHigherLevels: summary.from_higher,
        intoWeakCommunes: summary.into_weak,
        running: summary.running,
        sentence: rotationSentence(scopeName, filter, summary, onDate),
      },
    };
  }

  /** Every row of the filter, for the export. */
  async all(actor: Actor, query: { unitId?: string; cadreId?: string; from?: string; to?: string; status: RotationFilter['status']; kind?: string }) {
    const filter = await this.filterOf(actor, query);
    const onDate = dayViewed(filter);
    const { rows } = await this.rotations.page(this.context.db, actor, filter, onDate, { offset: 0, limit: 100_000 });
    return { items: await this.present(actor, rows, onDate), scopeName: await this.scopeName(actor, query.unitId), filter };
  }

  private async scopeName(actor: Actor, unitId: string | undefined): Promise<string> {
    const id = unitId ?? actor.unitId;
    return (await unitNamesAsOf(this.context.db, [id])).get(id)?.name ?? '';
  }

  async decisionFile(actor: Actor, id: string) {
    await this.detail(actor, id);
    const file = await this.rotations.file(this.context.db, id);
    if (!file?.decision_file || !file.decision_file_type) throw notFound();
    return { content: file.decision_file, fileName: file.decision_file_name ?? 'quyet-dinh', contentType: file.decision_file_type };
  }

  /** Whether rotation helped: each rotation into a weak commune with the commune before and after, and the sentence for a report. */
  async outcomes(actor: Actor, query: { unitId?: string; from?: string; to?: string; status: RotationFilter['status']; kind?: string }) {
    const db = this.context.db;
    const filter = await this.filterOf(actor, query);
    const onDate = dayViewed(filter);
    const rows = await this.rotations.outcomes(db, actor, filter, onDate);
    const [names, scopeName] = await Promise.all([
      unitNamesAsOf(
        db,
        rows.map((row) => row.destination_unit_id),
        onDate,
      ),
      this.scopeName(actor, query.unitId),
    ]);
    const communes = new Set(rows.map((row) => row.destination_unit_id));
    const left = new Set(rows.filter((row) => row.left_in !== null).map((row) => row.destination_unit_id));
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const before = { good: sum((row) => row.good_before), rated: sum((row) => row.rated_before) };
    const after = { good: sum((row) => row.good_after), rated: sum((row) => row.rated_after) };
    const percent = (part: number, whole: number) => (whole === 0 ? 'chưa có số liệu' : formatPercent(part / whole, 1));
    const sentence =
      rows.length === 0
        ? `${scopeName} chưa có đợt luân chuyển, điều động nào về xã có mặt hạn chế, yếu kém trong thời gian đã chọn.`
        : `${formatCount(rows.length)} đợt luân chuyển, điều động về ${formatCount(communes.size)} xã có mặt hạn chế, yếu kém của ${scopeName}: ` +
          `${formatCount(left.size)} xã đã ra khỏi danh sách yếu kém; cán bộ chủ chốt của các xã này được xếp loại hoàn thành tốt nhiệm vụ trở lên ` +
          `${percent(before.good, before.rated)} năm bắt đầu luân chuyển, ${percent(after.good, after.rated)} năm kết thúc.`;
    return {
      items: rows.map((row) => ({
        rotationId: row.id,
        cadre: { id: row.cadre_id, fullName: row.full_name },
        commune: unitRef(names, row.destination_unit_id),
        titleName: titleByCode(row.destination_title_code as TitleCode).nameVi,
        startDate: row.start_date,
        endDate: row.end_date,
        weakYear: row.weak_year,
        leftWeakListIn: row.left_in,
        ratedGoodBefore: { year: row.first_year, count: row.good_before, of: row.rated_before },
        ratedGoodAfter: { year: row.last_year, count: row.good_after, of: row.rated_after },
        problemsResolvedBefore: { year: row.first_year, count: row.resolved_before, of: row.registered_before },
        problemsResolvedAfter: { year: row.last_year, count: row.resolved_after, of: row.registered_after },
      })),
      summary: { rotations: rows.length, communes: communes.size, leftWeakList: left.size, sentence },
    };
  }

  /** The weak communes of a year and the rotated cadres each received (any day of the year), or none. */
  async weakCommunes(actor: Actor, query: { unitId?: string; year?: number }) {
    const db = this.context.db;
    const rootId = query.unitId ?? actor.unitId;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [rootId] });
    const root = seesWholeCountry(actor) && !query.unitId ? null : rootId;
    const years = await this.rotations.designationYears(db, actor, root);
    const year = query.year ?? years[0] ?? Number(todayInVietnam().slice(0, 4)) - 1;
    const designations = await this.rotations.weakDesignations(db, actor, root, year);
    const into = await this.rotations.into(
      db,
      designations.map((d) => d.commune_id),
      year,
    );
    const yearEnd = `${year}-12-31`;
    const names = await unitNamesAsOf(db, [rootId, ...designations.map((d) => d.commune_id)], yearEnd);
    const communes = designations
      .map((designation) => ({
        commune: unitRef(names, designation.commune_id),
        fields: designation.fields,
        reasons: designation.reasons,
        decision: designation.decision,
        rotations: into
          .filter((r) => r.destination_unit_id === designation.commune_id)
          .map((r) => ({
            id: r.id,
            cadre: { id: r.cadre_id, fullName: r.full_name },
            titleName: titleByCode(r.destination_title_code as TitleCode).nameVi,
            startDate: r.start_date,
            endDate: r.end_date,
            monthsServed: monthsServed(r.start_date, r.end_date, yearEnd < todayInVietnam() ? yearEnd : todayInVietnam()),
          })),
      }))
      .sort((a, b) => a.commune.name.localeCompare(b.commune.name, 'vi'));
    return {
      year,
      years,
      unit: unitRef(names, rootId),
      weak: communes.length,
      received: communes.filter((c) => c.rotations.length > 0).length,
      communes,
    };
  }
}

/** The day a list is seen on: the end of its period when that is past, else today. */
function dayViewed(filter: RotationFilter): string {
  const today = todayInVietnam();
  return filter.to && filter.to < today ? filter.to : today;
}

/** "Từ 01/01/2020 đến 08/12/2026, Tỉnh Bắc Giang có 72 cán bộ cấp huyện, cấp tỉnh được luân chuyển, điều động về xã (…)". */
function rotationSentence(
  scopeName: string,
  filter: RotationFilter,
  summary: { people: number; from_higher: number; into_weak: number; running: number },
  onDate: string,
): string {
  const from = filter.from ? `Từ ${formatVietnameseDate(filter.from)}` : 'Từ trước đến nay';
  const to = filter.from ? ` đến ${formatVietnameseDate(onDate)}` : '';
  return (
    `${from}${to}, ${scopeName} có ${formatCount(summary.people)} cán bộ được luân chuyển, điều động về giữ chức danh ở xã, phường, thị trấn, ` +
    `trong đó ${formatCount(summary.from_higher)} người từ cấp huyện, cấp tỉnh và ${formatCount(summary.into_weak)} người về các xã có mặt hạn chế, yếu kém; ` +
    `ngày ${formatVietnameseDate(onDate)} có ${formatCount(summary.running)} người đang trong thời gian luân chuyển.`
  );
}
