import type { Transaction } from 'kysely';
import { addDays, compareIsoDates, formatVietnameseDate } from '../../core/dates.js';
import { findRuleConflicts, validateStandardRule, type StandardRule } from '../../core/standards.js';
import { normalizeText } from '../../core/text.js';
import type { Actor } from '../access/actor.js';
import { requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { columnsOfRule, ruleOfRow, type StandardRuleRow } from './standard-rules.js';
import { presentRule, presentSet, snapshotOfRule } from './standards.presenter.js';
import { StandardsRepository } from './standards.repository.js';

/** What an administrator types for a rule; the set, scope and code come from elsewhere. */
export type RuleContent = Omit<StandardRule, 'id' | 'setCode' | 'scope' | 'validFrom'>;

export interface NewSetInput {
  code: string;
  nameVi: string;
  nameEn: string;
  scope: 'national' | 'provincial';
  legalBasis: string;
  confirmed: boolean;
  note: string;
}

function cleaned(content: RuleContent): RuleContent {
  return {
    ...content,
    professionalFields: content.professionalFields.map(normalizeText),
    legalBasis: normalizeText(content.legalBasis),
    note: normalizeText(content.note),
  };
}

function refuseInvalid(rule: StandardRule): void {
  const problems = validateStandardRule(rule);
  if (problems.length > 0)
    throw validationError(
      problems.map((message) => ({ path: 'body', message })),
      problems.join(' '),
    );
}

/** Conflicts the change would leave among the rules that judge (enabled sets and the set being edited). */
function refuseConflicts(rules: readonly StandardRule[], changedCodes: readonly string[]): void {
  const conflicts = findRuleConflicts(rules).filter((conflict) => conflict.ruleIds.some((id) => changedCodes.includes(id)));
  if (conflicts.length > 0) {
    throw new AppError('CONFLICT', { message: conflicts.map((conflict) => conflict.message).join(' '), details: { conflicts } });
  }
}

export class StandardsService {
  private readonly standards = new StandardsRepository();

  constructor(private readonly context: AppContext) {}

  /**
   * The rules a rule of `setCode` must not conflict with: those in force when
   * its set is on; only its own set's while it is off (turning it on checks
   * the rest).
   */
  private async rulesJudgingWith(trx: Transaction<Database>, setCode: string, setEnabled: boolean): Promise<StandardRuleRow[]> {
    const rules = await this.standards.applicableRules(trx, [setCode]);
    return setEnabled ? rules : rules.filter((rule) => rule.set_code === setCode);
  }

  async listSets() {
    return { items: (await this.standards.listSets(this.context.db)).map(presentSet) };
  }

  async listRules(query: { setCode?: string; code?: string; history: boolean }) {
    const rows = await this.standards.listRules(this.context.db, {
      setCode: query.setCode ?? null,
      code: query.code ?? null,
      withSuperseded: query.history,
    });
    return { items: rows.map(presentRule) };
  }

  /** A set off no longer judges anyone; turning one on is refused if its rules conflict with those in force. */
  async setEnabled(actor: Actor, code: string, enabled: boolean) {
    requirePermission(actor, 'standards.manage');
    return this.context.db.transaction().execute(async (trx) => {
      await this.standards.lock(trx);
      const set = await this.standards.findSet(trx, code);
      if (!set) throw notFound();
      if (set.enabled === enabled) return presentSet(set);
      if (enabled) {
        const rules = (await this.standards.applicableRules(trx, [code])).map(ruleOfRow);
        refuseConflicts(
          rules,
          rules.filter((rule) => rule.setCode === code).map((rule) => rule.id),
        );
      }
      await this.standards.setEnabled(trx, code, enabled);
      await writeAudit(trx, {
        actor,
        action: enabled ? 'enable' : 'disable',
        entity: 'standard_set',
        entityId: code,
        summary: `${enabled ? 'Bật' : 'Tắt'} bộ tiêu chuẩn ${set.name_vi}`,
        before: { enabled: set.enabled },
        after: { enabled },
      });
      return presentSet({ ...set, enabled });
    });
  }

  async createSet(actor: Actor, input: NewSetInput) {
    requirePermission(actor, 'standards.manage');
    return this.context.db.transaction().execute(async (trx) => {
      await this.standards.lock(trx);
      if (await this.standards.findSet(trx, input.code)) {
        throw new AppError('CONFLICT', { message: `Mã bộ tiêu chuẩn «${input.code}» đã được dùng` });
      }
      const values = {
        code: input.code,
        name_vi: normalizeText(input.nameVi),
        name_en: normalizeText(input.nameEn),
        scope: input.scope,
        legal_basis: normalizeText(input.legalBasis),
        confirmed: input.confirmed,
        note: normalizeText(input.note),
        // A new set judges nobody until its rules are written and an administrator turns it on.
        enabled: false,
      };
      await this.standards.insertSet(trx, values);
      await writeAudit(trx, { actor, action: 'create', entity: 'standard_set', entityId: input.code, after: values });
      return presentSet({ ...values, updated_at: new Date(), rule_count: 0 });
    });
  }

  /** A new rule of a set, version 1. */
  async addRule(actor: Actor, input: RuleContent & { setCode: string; code: string; validFrom: string; changeNote: string }) {
    requirePermission(actor, 'standards.manage');
    return this.context.db.transaction().execute(async (trx) => {
      await this.standards.lock(trx);
      const set = await this.standards.findSet(trx, input.setCode);
      if (!set) throw validationError([{ path: 'body.setCode', message: 'Không có bộ tiêu chuẩn này' }]);
      if (await this.standards.ruleCodeTaken(trx, input.code)) {
        throw new AppError('CONFLICT', { message: `Mã tiêu chuẩn «${input.code}» đã được dùng` });
      }
      const rule: StandardRule = { ...cleaned(input), id: input.code, setCode: set.code, scope: set.scope, validFrom: input.validFrom };
      refuseInvalid(rule);
      refuseConflicts([...(await this.rulesJudgingWith(trx, set.code, set.enabled)).map(ruleOfRow), rule], [rule.id]);
      const values = {
        ...columnsOfRule(rule),
        code: rule.id,
        version: 1,
        set_code: set.code,
        scope: set.scope,
        change_note: normalizeText(input.changeNote),
        created_by: actor.userId,
      };
      const id = await this.standards.insertVersion(trx, values);
      await writeAudit(trx, {
        actor,
        action: 'create',
        entity: 'standard_rule',
        entityId: rule.id,
        summary: `Thêm tiêu chuẩn ${rule.id}`,
        after: snapshotOfRule(values),
      });
      return presentRule({ ...values, id, superseded_at: null, created_at: new Date() });
    });
  }

  /**
   * A new version of a rule from `effectiveFrom`. The latest version ends the
   * day before (its figures keep judging the dates it covered); a version
   * starting the same day as the latest corrects it, which then stays in the
   * history as superseded. Nothing earlier can be changed.
   */
  async addVersion(actor: Actor, code: string, input: RuleContent & { effectiveFrom: string; changeNote: string }) {
    requirePermission(actor, 'standards.manage');
    return this.context.db.transaction().execute(async (trx) => {
      await this.standards.lock(trx);
      const versions = await this.standards.listRules(trx, { setCode: null, code, withSuperseded: true });
      const current = versions.filter((version) => version.superseded_at === null);
      const latest = current.reduce<StandardRuleRow | undefined>(
        (found, version) => (found === undefined || compareIsoDates(version.valid_from, found.valid_from) > 0 ? version : found),
        undefined,
      );
      if (!latest) throw notFound();
      const starts = compareIsoDates(input.effectiveFrom, latest.valid_from);
      if (starts < 0) {
        throw validationError([
          {
            path: 'body.effectiveFrom',
            message: `Phiên bản mới phải có hiệu lực từ ngày ${formatVietnameseDate(latest.valid_from)} (ngày bắt đầu của phiên bản hiện hành) trở đi`,
          },
        ]);
      }
      const corrects = starts === 0;
      const closesLatest = !corrects && (latest.valid_to === null || compareIsoDates(latest.valid_to, input.effectiveFrom) >= 0);
      const latestEnd = addDays(input.effectiveFrom, -1);

      const rule: StandardRule = { ...cleaned(input), id: code, setCode: latest.set_code, scope: latest.scope, validFrom: input.effectiveFrom };
      refuseInvalid(rule);
      const set = await this.standards.findSet(trx, latest.set_code);
      const others = (await this.rulesJudgingWith(trx, latest.set_code, set?.enabled ?? false)).filter((version) => version.id !== latest.id).map(ruleOfRow);
      const latestAfter = corrects ? [] : [{ ...ruleOfRow(latest), validTo: closesLatest ? latestEnd : latest.valid_to }];
      refuseConflicts([...others, ...latestAfter, rule], [code]);

      if (corrects) await this.standards.supersede(trx, latest.id);
      else if (closesLatest) await this.standards.closeVersion(trx, latest.id, latestEnd);
      const values = {
        ...columnsOfRule(rule),
        code,
        version: Math.max(...versions.map((version) => version.version)) + 1,
        set_code: latest.set_code,
        scope: latest.scope,
        change_note: normalizeText(input.changeNote),
        created_by: actor.userId,
      };
      const id = await this.standards.insertVersion(trx, values);
      await writeAudit(trx, {
        actor,
        action: 'new_version',
        entity: 'standard_rule',
        entityId: code,
        summary: corrects
          ? `Sửa tiêu chuẩn ${code} từ ngày ${formatVietnameseDate(input.effectiveFrom)} (phiên bản ${latest.version} được thay thế, vẫn lưu trong lịch sử)`
          : `Phiên bản ${values.version} của tiêu chuẩn ${code} có hiệu lực từ ngày ${formatVietnameseDate(input.effectiveFrom)}`,
        before: snapshotOfRule(latest),
        after: snapshotOfRule(values),
      });
      return presentRule({ ...values, id, superseded_at: null, created_at: new Date() });
    });
  }
}
