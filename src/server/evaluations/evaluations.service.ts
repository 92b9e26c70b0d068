import {
  type DisciplineInYear,
  disciplineLabel,
  type EvaluationClass,
  evaluationLabel,
  evaluationProblems,
  excellentWithinCap,
  schemeForYear,
} from '../../core/evaluation.js';
import { todayInVietnam } from '../../core/dates.js';
import { normalizeText } from '../../core/text.js';
import { seesWholeCountry } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { can, checkAccess, requireAccess, requireCadreReach, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import { CadreDesk } from '../cadres/cadre-desk.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import type { AppContext } from '../context.js';
import { notFound, validationError } from '../http/errors.js';
import { childOfAsOf, unitNamesAsOf } from '../territory/territory.service.js';
import { EvaluationsRepository } from './evaluations.repository.js';
import type { DisciplineInput, EvaluationInput } from './evaluations.schema.js';

type Counts = Record<EvaluationClass, number>;
const emptyCounts = (): Counts => ({ hoan_thanh_xuat_sac: 0, hoan_thanh_tot: 0, hoan_thanh: 0, khong_hoan_thanh: 0 });

function optional(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

/**
 * Annual evaluation and discipline of a person (Decree 90/2020 as amended by
 * Decree 48/2023; Decree 335/2025 from 2026): each year's class is checked
 * against the scheme in force and the year's disciplines, in core.
 * Disciplines are personal data (Decree 13/2023): only those granted it see
 * and record them.
 */
export class EvaluationsService {
  private readonly evaluations = new EvaluationsRepository();
  private readonly cadres: CadresRepository;
  private readonly desk: CadreDesk;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
    this.desk = new CadreDesk(this.cadres);
  }

  async ofPerson(actor: Actor, cadreId: string) {
    const db = this.context.db;
    const reach = await requireCadreReach(db, actor, cadreId);
    const [evaluations, disciplines] = await Promise.all([this.evaluations.evaluationsOf(db, cadreId), this.evaluations.disciplinesOf(db, cadreId)]);
    // A former unit sees the years it evaluated; the unit managing the person sees them all.
    const inScope = await checkAccess(db, { actor, permission: 'unit.read', ids: evaluations.map((e) => e.unit_id) });
    const visible = reach === 'full' ? evaluations : evaluations.filter((e) => inScope.has(e.unit_id));
    const names = await unitNamesAsOf(
      db,
      visible.map((e) => e.unit_id),
    );
    const seesDisciplines = reach === 'full' && can(actor, 'personalData.read');
    const writes = reach === 'full' && can(actor, 'data.write');
    return {
      evaluations: visible.map((e) => {
        const scheme = schemeForYear(e.year);
        return {
          year: e.year,
          evaluationClass: { code: e.class, label: evaluationLabel(e.class).vi },
          points: e.points === null ? null : Number(e.points),
          unit: { id: e.unit_id, name: names.get(e.unit_id)?.name ?? e.unit_id },
          evaluatedBy: e.evaluated_by,
          note: e.note,
          scheme: { kind: scheme.kind, basis: scheme.basis },
        };
      }),
      disciplines: seesDisciplines
        ? disciplines.map((d) => ({
            id: d.id,
            form: { code: d.form, label: disciplineLabel(d.form).vi },
            decidedOn: d.decided_on,
            decidingBody: d.deciding_body,
            decisionNumber: d.decision_number,
            reason: d.reason,
            evaluationException: d.evaluation_exception,
          }))
        : [],
      disciplinesHidden: !seesDisciplines,
      abilities: { edit: writes, editDisciplines: writes && can(actor, 'personalData.read') },
    };
  }

  async setYear(actor: Actor, cadreId: string, year: number, input: EvaluationInput) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const person = await this.desk.lockWritable(trx, actor, cadreId);
      const unitId = input.unitId ?? (await this.evaluations.unitOfYear(trx, cadreId, year)) ?? person.owning_unit_id;
      if (input.unitId) await requireAccess(trx, { actor, permission: 'unit.read', ids: [input.unitId] });
      const disciplines = await this.evaluations.disciplinesOf(trx, cadreId);
      const problems = evaluationProblems({ year, evaluationClass: input.evaluationClass, points: input.points ?? null }, disciplines.map(disciplineInYear));
      if (problems.length > 0) {
        throw validationError(problems.map((problem) => ({ path: `body.${problem.field}`, message: problem.message, messageEn: problem.messageEn })));
      }
      const before = await this.evaluations.evaluationOf(trx, cadreId, year);
      const row = {
        cadre_id: cadreId,
        year,
        unit_id: unitId,
        class: input.evaluationClass,
        points: input.points ?? null,
        evaluated_by: optional(input.evaluatedBy),
        note: optional(input.note),
      };
      await this.evaluations.upsertEvaluation(trx, row);
      await writeAudit(trx, {
        actor,
        action: before ? 'update_evaluation' : 'add_evaluation',
        entity: 'cadre',
        entityId: cadreId,
        summary: `Xếp loại năm ${year}: ${evaluationLabel(input.evaluationClass).vi}`,
        before: before ?? null,
        after: row,
      });
    });
    return this.ofPerson(actor, cadreId);
  }

  async deleteYear(actor: Actor, cadreId: string, year: number) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      await this.desk.lockWritable(trx, actor, cadreId);
      const before = await this.evaluations.evaluationOf(trx, cadreId, year);
      if (!before) throw notFound();
      await this.evaluations.deleteEvaluation(trx, cadreId, year);
      await writeAudit(trx, { actor, action: 'delete_evaluation', entity: 'cadre', entityId: cadreId, before });
    });
    return this.ofPerson(actor, cadreId);
  }

  /** Records a discipline; refused when the year is already classed above "not completed" without an exception. */
  async addDiscipline(actor: Actor, cadreId: string, input: DisciplineInput) {
    requirePermission(actor, 'data.write');
    requirePermission(actor, 'personalData.read');
    await this.context.db.transaction().execute(async (trx) => {
      await this.desk.lockWritable(trx, actor, cadreId);
      const discipline = {
        cadre_id: cadreId,
        form: input.form,
        decided_on: input.decidedOn,
        deciding_body: normalizeText(input.decidingBody),
        decision_number: optional(input.decisionNumber),
        reason: optional(input.reason),
        evaluation_exception: input.evaluationException ?? null,
      };
      const year = Number(input.decidedOn.slice(0, 4));
      const evaluated = await this.evaluations.evaluationOf(trx, cadreId, year);
      if (evaluated) {
        const problems = evaluationProblems({ year, evaluationClass: evaluated.class, points: evaluated.points === null ? null : Number(evaluated.points) }, [
          disciplineInYear(discipline),
        ]).filter((problem) => problem.field === 'evaluationClass');
        if (problems.length > 0) {
          throw validationError([
            {
              path: 'body.decidedOn',
              message: `Năm ${year} đã xếp loại ${evaluationLabel(evaluated.class).vi}; người bị kỷ luật trong năm xếp loại Không hoàn thành nhiệm vụ (Nghị định 48/2023/NĐ-CP): hãy sửa xếp loại năm ${year} trước, hoặc ghi trường hợp ngoại lệ`,
              messageEn: `${year} is already classed "${evaluationLabel(evaluated.class).en}"; correct that class first or record the exception`,
            },
          ]);
        }
      }
      const id = await this.evaluations.insertDiscipline(trx, discipline);
      await writeAudit(trx, {
        actor,
        action: 'add_discipline',
        entity: 'cadre',
        entityId: cadreId,
        summary: `Kỷ luật ${disciplineLabel(input.form).vi.toLocaleLowerCase('vi')}`,
        after: { id, ...discipline },
      });
    });
    return this.ofPerson(actor, cadreId);
  }

  async deleteDiscipline(actor: Actor, cadreId: string, disciplineId: string) {
    requirePermission(actor, 'data.write');
    requirePermission(actor, 'personalData.read');
    await this.context.db.transaction().execute(async (trx) => {
      await this.desk.lockWritable(trx, actor, cadreId);
      const before = await this.evaluations.deleteDiscipline(trx, cadreId, disciplineId);
      if (!before) throw notFound();
      await writeAudit(trx, { actor, action: 'delete_discipline', entity: 'cadre', entityId: cadreId, before });
    });
    return this.ofPerson(actor, cadreId);
  }

  /** Counts by class for a unit and year, by the unit below, with the excellent share against its cap. */
  async summary(actor: Actor, query: { unitId?: string; year?: number }) {
    const db = this.context.db;
    const rootId = query.unitId ?? actor.unitId;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [rootId] });
    const root = seesWholeCountry(actor) && !query.unitId ? null : rootId;
    const years = await this.evaluations.evaluationYears(db, actor, root);
    const year = query.year ?? years[0] ?? Number(todayInVietnam().slice(0, 4)) - 1;
    const rows = await this.evaluations.countsByUnit(db, actor, root, year);
    const yearEnd = `${year}-12-31`;
    const childOf = await childOfAsOf(db, rootId, [...new Set(rows.map((row) => row.unit_id))], yearEnd);
    const counts = emptyCounts();
    const byChild = new Map<string, Counts>();
    for (const row of rows) {
      counts[row.class] += row.n;
      const child = childOf.get(row.unit_id);
      if (!child) continue;
      const entry = byChild.get(child) ?? emptyCounts();
      entry[row.class] += row.n;
      byChild.set(child, entry);
    }
    const names = await unitNamesAsOf(db, [rootId, ...byChild.keys()], yearEnd);
    const scheme = schemeForYear(year);
    const total = (c: Counts) => c.hoan_thanh_xuat_sac + c.hoan_thanh_tot + c.hoan_thanh + c.khong_hoan_thanh;
    return {
      year,
      years,
      unit: { id: rootId, name: names.get(rootId)?.name ?? rootId },
      scheme: { kind: scheme.kind, basis: scheme.basis, excellentShareCap: scheme.excellentShareCap },
      counts,
      total: total(counts),
      excellentCap: excellentWithinCap(counts, scheme),
      byChild: [...byChild]
        .map(([id, c]) => ({ id, name: names.get(id)?.name ?? id, counts: c, total: total(c) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    };
  }
}

function disciplineInYear(row: {
  form: DisciplineInYear['form'];
  decided_on: string;
  decision_number: string | null;
  evaluation_exception: DisciplineInYear['exception'];
}): DisciplineInYear {
  return { form: row.form, decidedOn: row.decided_on, decisionNumber: row.decision_number, exception: row.evaluation_exception };
}
