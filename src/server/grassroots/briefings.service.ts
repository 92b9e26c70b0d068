import type { z } from 'zod';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { PROBLEM_STATUS_LABELS } from '../../core/grassroots-problems.js';
import { normalizeText } from '../../core/text.js';
import type { Actor } from '../access/actor.js';
import { checkAccess, requireAccess, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, type FieldProblem, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { type BriefingRow, BriefingsRepository } from './briefings.repository.js';
import type { briefingBodySchema, briefingUpdateBodySchema, issueToProblemBodySchema, listBriefingsQuerySchema } from './grassroots.schema.js';
import { GrassrootsRepository } from './grassroots.repository.js';
import { GrassrootsService } from './grassroots.service.js';

/**
 * Briefings (giao ban) of the commune's leaders with village and residential
 * group cadres, and the issues raised there; an issue becomes a registered
 * problem in one action, in the same transaction as its link.
 */
export class BriefingsService {
  private readonly problems = new GrassrootsRepository();
  private readonly briefings = new BriefingsRepository();
  private readonly register: GrassrootsService;

  constructor(private readonly context: AppContext) {
    this.register = new GrassrootsService(context);
  }

  async list(actor: Actor, query: z.output<typeof listBriefingsQuerySchema>) {
    const db = this.context.db;
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [unitId] });
    const level = (await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirstOrThrow()).level;
    const rows = await this.briefings.list(db, { scopeRootId: level === 'country' ? null : unitId, from: query.from, to: query.to });
    return { items: await this.present(actor, rows) };
  }

  async create(actor: Actor, input: z.output<typeof briefingBodySchema>) {
    requirePermission(actor, 'data.write');
    const id = await this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [input.communeId] });
      const problems: FieldProblem[] = [];
      if (input.heldOn > todayInVietnam()) problems.push({ path: 'heldOn', message: 'Ngày giao ban chưa đến' });
      const members = await this.problems.standingMembers(trx, input.communeId, input.heldOn);
      if (!members.some((member) => member.id === input.chairCadreId)) {
        problems.push({ path: 'chairCadreId', message: `Người chủ trì phải là thành viên thường trực của xã vào ngày ${formatVietnameseDate(input.heldOn)}` });
      }
      if (problems.length > 0) throw validationError(problems);
      const values = {
        commune_id: input.communeId,
        held_on: input.heldOn,
        chair_cadre_id: input.chairCadreId,
        attendees: normalizeText(input.attendees),
        participants: input.participants ?? null,
        created_by: actor.userId,
      };
      const issues = input.issues.map(normalizeText).filter((issue) => issue !== '');
      const briefingId = await this.briefings.insert(trx, values, issues);
      await writeAudit(trx, {
        actor,
        action: 'briefing.create',
        entity: 'briefing',
        entityId: briefingId,
        summary: `Giao ban ngày ${formatVietnameseDate(input.heldOn)}`,
        after: { ...values, issues },
      });
      return briefingId;
    });
    return this.one(actor, id);
  }

  /**
   * Day, chair, attendees and the issues not yet registered. Once an issue is
   * a problem, registered on the briefing's day, that day stays.
   */
  async update(actor: Actor, id: string, input: z.output<typeof briefingUpdateBodySchema>) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const briefing = await this.locked(trx, actor, id);
      const problems: FieldProblem[] = [];
      if (input.heldOn > todayInVietnam()) problems.push({ path: 'heldOn', message: 'Ngày giao ban chưa đến' });
      if (input.heldOn !== briefing.held_on && (await this.briefings.hasRegisteredIssue(trx, id))) {
        problems.push({
          path: 'heldOn',
          message: `Đã có ý kiến của buổi giao ban được đăng ký thành vấn đề từ ngày ${formatVietnameseDate(briefing.held_on)}; không sửa ngày giao ban được`,
          messageEn: 'An issue of this briefing was registered as a problem on its day; the day cannot change',
        });
      }
      const members = await this.problems.standingMembers(trx, briefing.commune_id, input.heldOn);
      if (!members.some((member) => member.id === input.chairCadreId)) {
        problems.push({ path: 'chairCadreId', message: `Người chủ trì phải là thành viên thường trực của xã vào ngày ${formatVietnameseDate(input.heldOn)}` });
      }
      if (problems.length > 0) throw validationError(problems);
      const values = {
        held_on: input.heldOn,
        chair_cadre_id: input.chairCadreId,
        attendees: normalizeText(input.attendees),
        participants: input.participants ?? null,
      };
      const issues = input.issues.map(normalizeText).filter((issue) => issue !== '');
      await this.briefings.update(trx, id, values);
      await this.briefings.replaceOpenIssues(trx, id, issues);
      await writeAudit(trx, {
        actor,
        action: 'briefing.update',
        entity: 'briefing',
        entityId: id,
        summary: `Sửa giao ban ngày ${formatVietnameseDate(input.heldOn)}`,
        before: briefing,
        after: { ...values, issues },
      });
    });
    return this.one(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const briefing = await this.locked(trx, actor, id);
      if (await this.briefings.hasRegisteredIssue(trx, id)) {
        throw new AppError('PETITION_WRONG_STAGE', {
          message: 'Buổi giao ban có vấn đề đã được đăng ký theo dõi, không xóa được',
          messageEn: 'An issue of this briefing was registered as a problem; it cannot be deleted',
        });
      }
      await this.briefings.remove(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'briefing.delete',
        entity: 'briefing',
        entityId: id,
        summary: `Xóa giao ban ngày ${formatVietnameseDate(briefing.held_on)}`,
        before: briefing,
      });
    });
  }

  /** The issue becomes a problem of the briefing's commune, registered on the briefing's day, led by its chair unless said otherwise. */
  async issueToProblem(actor: Actor, id: string, issueId: string, input: z.output<typeof issueToProblemBodySchema>) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const briefing = await this.locked(trx, actor, id);
      const issue = await this.briefings.lockedIssue(trx, id, issueId);
      if (!issue) throw notFound();
      if (issue.problem_id)
        throw new AppError('PETITION_WRONG_STAGE', {
          message: 'Ý kiến này đã được đăng ký thành vấn đề',
          messageEn: 'This issue is already registered as a problem',
        });
      const problemId = await this.register.registerIn(trx, actor, {
        communeId: briefing.commune_id,
        year: input.year,
        title: issue.content.slice(0, 500),
        fieldCode: input.fieldCode,
        leadCadreId: input.leadCadreId ?? briefing.chair_cadre_id,
        registeredOn: briefing.held_on,
        targetOn: input.targetOn,
        resolution: `Nêu tại giao ban ngày ${formatVietnameseDate(briefing.held_on)}`,
      });
      await this.briefings.linkProblem(trx, issueId, problemId);
    });
    return this.one(actor, id);
  }

  private async locked(trx: Db, actor: Actor, id: string): Promise<BriefingRow> {
    await this.briefings.lock(trx, id);
    const [briefing] = await this.briefings.byIds(trx, [id]);
    if (!briefing) throw notFound();
    await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [briefing.commune_id] });
    return briefing;
  }

  private async one(actor: Actor, id: string) {
    const db = this.context.db;
    const [row] = await this.briefings.byIds(db, [id]);
    if (!row) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [row.commune_id] });
    const [presented] = await this.present(actor, [row]);
    return presented!;
  }

  private async present(actor: Actor, rows: readonly BriefingRow[]) {
    const db = this.context.db;
    const [issues, names, writable] = await Promise.all([
      this.briefings.issuesOf(
        db,
        rows.map((row) => row.id),
      ),
      unitNamesAsOf(
        db,
        rows.map((row) => row.commune_id),
      ),
      checkAccess(db, { actor, permission: 'commune.records.write', ids: rows.map((row) => row.commune_id) }),
    ]);
    return rows.map((row) => ({
      id: row.id,
      commune: { id: row.commune_id, name: names.get(row.commune_id)?.name ?? '' },
      heldOn: row.held_on,
      chair: { id: row.chair_cadre_id, name: row.chair_name },
      attendees: row.attendees,
      participants: row.participants,
      issues: issues
        .filter((issue) => issue.briefing_id === row.id)
        .map((issue) => ({
          id: issue.id,
          content: issue.content,
          problem:
            issue.problem_id && issue.status ? { id: issue.problem_id, status: { code: issue.status, label: PROBLEM_STATUS_LABELS[issue.status].vi } } : null,
        })),
      abilities: { edit: writable.has(row.commune_id) },
    }));
  }
}
