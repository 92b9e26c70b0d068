import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { isEthnicMinority } from '../../core/ethnicities.js';
import { isYoungAt, planningProblems, planningRuleOn, structureAgainstTargets } from '../../core/succession-planning.js';
import { normalizeText } from '../../core/text.js';
import { COMMUNE_TITLES, type TitleCode, titleByCode } from '../../core/titles.js';
import type { Actor } from '../access/actor.js';
import { checkAccess, requireAccess, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import type { AppContext } from '../context.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import type { AddEntryInput } from './succession.schema.js';
import { SuccessionRepository } from './succession.repository.js';

const KEY_TITLES = COMMUNE_TITLES.filter((title) => title.isKey);

/**
 * Succession plans of a unit for a term: who is planned for each key title,
 * the caps and the working-time condition of the rules in force on the
 * term's start (core), the people to take out at the yearly review, and the
 * structure against its targets.
 */
export class SuccessionService {
  private readonly plans = new SuccessionRepository();
  private readonly cadres: CadresRepository;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
  }

  async forUnit(actor: Actor, query: { unitId: string; term: string }) {
    const db = this.context.db;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [query.unitId] });
    const plans = await this.plans.plansOf(db, query.unitId, query.term);
    const termStartsOn = plans[0]?.term_starts_on ?? `${query.term.slice(0, 4)}-01-01`;
    const rule = planningRuleOn(termStartsOn);
    const [entries, names, writable] = await Promise.all([
      this.plans.entriesOf(
        db,
        plans.map((plan) => plan.id),
      ),
      unitNamesAsOf(db, [query.unitId], termStartsOn),
      checkAccess(db, { actor, permission: 'succession.plan.write', ids: [query.unitId] }),
    ]);
    const today = todayInVietnam();
    const titles = KEY_TITLES.map((title) => {
      const plan = plans.find((p) => p.title_code === title.code);
      const own = plan ? entries.filter((entry) => entry.plan_id === plan.id) : [];
      return {
        titleCode: title.code,
        titleName: title.nameVi,
        gap: own.filter((entry) => entry.removed_on === null).length < rule.usualPerTitle,
        entries: own.map((entry) => {
          const flags: { code: 'over_age' | 'disciplined'; message: string }[] = [];
          if (entry.removed_on === null && entry.retires_from !== null && entry.retires_from <= today) {
            flags.push({ code: 'over_age', message: `Đã hết tuổi công tác từ ${formatVietnameseDate(entry.retires_from)}: đưa ra khỏi quy hoạch` });
          }
          if (entry.removed_on === null && entry.disciplined_since) {
            flags.push({ code: 'disciplined', message: 'Bị kỷ luật sau khi được đưa vào quy hoạch: xem xét đưa ra khỏi quy hoạch' });
          }
          return {
            id: entry.id,
            cadre: { id: entry.cadre_id, fullName: entry.full_name, gender: entry.gender, birthDate: entry.birth_date },
            addedOn: entry.added_on,
            addedReason: entry.added_reason,
            removedOn: entry.removed_on,
            removedReason: entry.removed_reason,
            flags,
          };
        }),
      };
    });
    // Structure counts each person once, among those planned now.
    const people = new Map(entries.filter((entry) => entry.removed_on === null).map((entry) => [entry.cadre_id, entry]));
    const figures = {
      people: people.size,
      women: [...people.values()].filter((p) => p.gender === 'nu').length,
      young: [...people.values()].filter((p) => p.birth_date !== null && isYoungAt(p.birth_date, termStartsOn, rule)).length,
      ethnicMinority: [...people.values()].filter((p) => p.ethnicity_code !== null && isEthnicMinority(p.ethnicity_code)).length,
    };
    const { validFrom: _validFrom, ...ruleFigures } = rule;
    return {
      unit: { id: query.unitId, name: names.get(query.unitId)?.name ?? query.unitId },
      term: query.term,
      termStartsOn,
      rule: ruleFigures,
      titles,
      structure: { ...figures, ...structureAgainstTargets(figures, rule) },
      abilities: { edit: writable.has(query.unitId) },
    };
  }

  async addEntry(actor: Actor, input: AddEntryInput) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'succession.plan.write', ids: [input.unitId] });
      await requireAccess(trx, { actor, permission: 'cadre.read', ids: [input.cadreId] });
      const level = await this.cadres.unitLevel(trx, input.unitId);
      if (!level) throw notFound();
      let plan = await this.plans.planFor(trx, input.unitId, input.term, input.titleCode);
      const existing = (await this.plans.plansOf(trx, input.unitId, input.term))[0];
      const termStartsOn = plan?.term_starts_on ?? existing?.term_starts_on ?? input.termStartsOn ?? `${input.term.slice(0, 4)}-01-01`;
      const rule = planningRuleOn(termStartsOn);
      const person = await this.cadres.findById(trx, input.cadreId, { forUpdate: true });
      if (!person) throw notFound();
      const title = titleByCode(input.titleCode as TitleCode).nameVi;
      const problems = planningProblems(
        { sex: person.gender === 'nam' ? 'male' : person.gender === 'nu' ? 'female' : null, birthDate: person.birth_date },
        termStartsOn,
        rule,
      );
      if (problems.length > 0)
        throw validationError(problems.map((problem) => ({ path: 'body.cadreId', message: problem.message, messageEn: problem.messageEn })));
      if (plan && (await this.plans.activeCount(trx, plan.id)) >= rule.maxPerTitle) {
        throw validationError([
          {
            path: 'body.titleCode',
            message: `Chức danh ${title} nhiệm kỳ ${input.term} đã có ${rule.maxPerTitle} người trong quy hoạch, là số tối đa (${rule.basis})`,
            messageEn: `${rule.maxPerTitle} people are already planned for this title, the most allowed`,
          },
        ]);
      }
      const titles = await this.plans.activeTitlesAtLevel(trx, input.cadreId, input.term, level);
      if (titles.some((t) => t.plan_id === plan?.id)) {
        throw new AppError('CONFLICT', { message: `${person.full_name} đã có trong quy hoạch chức danh ${title} nhiệm kỳ ${input.term}` });
      }
      if (titles.length >= rule.maxTitlesPerPerson) {
        throw validationError([
          {
            path: 'body.cadreId',
            message: `${person.full_name} đã được quy hoạch ${titles.length} chức danh ở cùng cấp trong nhiệm kỳ ${input.term}, là số tối đa (${rule.basis})`,
            messageEn: `This person is already planned for ${titles.length} titles at this level, the most allowed`,
          },
        ]);
      }
      if (!plan) {
        const id = await this.plans.insertPlan(trx, { unit_id: input.unitId, term: input.term, term_starts_on: termStartsOn, title_code: input.titleCode });
        plan = { id, unit_id: input.unitId, term: input.term, term_starts_on: termStartsOn, title_code: input.titleCode, created_at: new Date() };
      }
      const entryId = await this.plans.insertEntry(trx, {
        plan_id: plan.id,
        cadre_id: input.cadreId,
        added_on: input.addedOn,
        added_reason: normalizeText(input.reason),
      });
      await writeAudit(trx, {
        actor,
        action: 'plan_add',
        entity: 'succession_plan',
        entityId: plan.id,
        summary: `Đưa ${person.full_name} vào quy hoạch ${title} nhiệm kỳ ${input.term}`,
        after: { entryId, cadreId: input.cadreId, addedOn: input.addedOn },
      });
    });
    return this.forUnit(actor, { unitId: input.unitId, term: input.term });
  }

  async removeEntry(actor: Actor, id: string, input: { removedOn: string; reason: string }) {
    requirePermission(actor, 'data.write');
    const entry = await this.context.db.transaction().execute(async (trx) => {
      const found = await this.plans.entryById(trx, id);
      if (!found) throw notFound();
      await requireAccess(trx, { actor, permission: 'succession.plan.write', ids: [found.unit_id] });
      if (found.removed_on !== null) throw new AppError('CONFLICT', { message: 'Người này đã được đưa ra khỏi quy hoạch' });
      if (input.removedOn < found.added_on) {
        throw validationError([
          {
            path: 'body.removedOn',
            message: `Ngày đưa ra khỏi quy hoạch phải từ ngày đưa vào (${formatVietnameseDate(found.added_on)}) trở đi`,
            messageEn: 'Removal must not precede the addition',
          },
        ]);
      }
      await this.plans.removeEntry(trx, id, input.removedOn, normalizeText(input.reason));
      await writeAudit(trx, { actor, action: 'plan_remove', entity: 'succession_plan', entityId: id, after: input });
      return found;
    });
    return this.forUnit(actor, { unitId: entry.unit_id, term: entry.term });
  }
}
