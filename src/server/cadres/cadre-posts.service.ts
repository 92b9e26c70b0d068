import { compareIsoDates, formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { isKeyTitle, type TitleCode } from '../../core/titles.js';
import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import { AppError, validationError } from '../http/errors.js';
import { dateWithPrecision, optionalText } from './cadre-values.js';
import { auditSnapshotOfPost } from './cadres.presenter.js';
import { CadresRepository, type PostRow } from './cadres.repository.js';
import { endWithinUnit, overlappingPeriods, planNewPeriod, unitExistsOn } from './post-periods.js';
import { type PostInput, type PostChanges, assertEndWithinUnit, assertFirstTermFitsTitle, heldPeriod, overlapError } from './cadres.shared.js';
import { CadreDesk } from './cadre-desk.js';

/** Periods in post: added, corrected, ended, removed when entered by mistake; history is never rewritten. */
export class CadrePostsService {
  private readonly cadres: CadresRepository;
  private readonly desk: CadreDesk;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
    this.desk = new CadreDesk(this.cadres);
  }

  /**
   * Adds a period. Starting a title the person already holds (re-election,
   * a move to another commune) ends the open period the day before; history
   * is never rewritten.
   */
  async addPost(actor: Actor, id: string, input: PostInput) {
    requirePermission(actor, 'data.write');
    const start = dateWithPrecision(input.startDate);
    const endDate = input.endDate ?? null;
    if (endDate !== null && compareIsoDates(endDate, start.date) < 0) {
      throw validationError([{ path: 'body.endDate', message: 'Ngày thôi giữ chức vụ phải từ ngày bắt đầu trở đi' }]);
    }
    assertFirstTermFitsTitle(input.titleCode, input.firstTermInPartyCommittee ?? false);
    return this.context.db.transaction().execute(async (trx) => {
      await this.desk.lockWritable(trx, actor, id);
      await requireAccess(trx, { actor, permission: 'unit.write', ids: [input.unitId] });
      const unit = await this.cadres.unitPeriod(trx, input.unitId);
      if (!unit || !unitExistsOn(unit, start.date)) {
        throw validationError([
          { path: 'body.unitId', message: `Đơn vị này không tồn tại vào ngày ${formatVietnameseDate(start.date)} (ngày bắt đầu giữ chức vụ)` },
        ]);
      }
      assertEndWithinUnit(unit, endDate, { openAllowed: true });
      const sameTitle = (await this.cadres.postsOf(trx, [id])).filter((post) => post.title_code === input.titleCode);
      const plan = planNewPeriod(sameTitle.map(heldPeriod), input.unitId, start.date, endDate);
      if (plan.kind === 'same') throw new AppError('CONFLICT', { message: 'Giai đoạn giữ chức vụ này đã được ghi (cùng đơn vị, cùng ngày bắt đầu)' });
      if (plan.kind === 'overlap') throw overlapError(plan.conflicting);
      if (plan.close) {
        await this.cadres.updatePost(trx, plan.close.period.id, { end_date: plan.close.endDate });
        await writeAudit(trx, {
          actor,
          action: 'end_post',
          entity: 'cadre',
          entityId: id,
          summary: 'Kết thúc giai đoạn trước khi bắt đầu giai đoạn mới của cùng chức vụ',
          after: { postId: plan.close.period.id, endDate: plan.close.endDate },
        });
      }
      const post = {
        cadre_id: id,
        unit_id: input.unitId,
        title_code: input.titleCode,
        is_key: isKeyTitle(input.titleCode as TitleCode),
        start_date: start.date,
        start_date_precision: start.precision,
        end_date: endWithinUnit(plan.endDate, unit),
        term: input.term ?? null,
        how_obtained: input.howObtained ?? null,
        concurrent: input.concurrent,
        note: optionalText(input.note),
        first_party_committee_term: input.firstTermInPartyCommittee ?? false,
      };
      const postId = await this.cadres.insertPost(trx, post);
      await writeAudit(trx, { actor, action: 'add_post', entity: 'cadre', entityId: id, after: { postId, ...auditSnapshotOfPost(post) } });
      return this.desk.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  /** Ends a period on a date: the post itself stays in the history. */
  async endPost(actor: Actor, id: string, postId: string, input: { endDate: string; note?: string | null }) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const post = await this.desk.visiblePost(trx, actor, id, postId);
      if (post.end_date !== null) throw new AppError('CADRE_POST_ALREADY_ENDED');
      if (compareIsoDates(input.endDate, post.start_date) < 0) {
        throw validationError([
          { path: 'body.endDate', message: `Ngày thôi giữ chức vụ phải từ ngày bắt đầu (${formatVietnameseDate(post.start_date)}) trở đi` },
        ]);
      }
      assertEndWithinUnit((await this.cadres.unitPeriod(trx, post.unit_id))!, input.endDate, { openAllowed: false });
      const note = input.note === undefined ? post.note : optionalText(input.note);
      await this.cadres.updatePost(trx, postId, { end_date: input.endDate, note });
      await writeAudit(trx, {
        actor,
        action: 'end_post',
        entity: 'cadre',
        entityId: id,
        before: { postId, ...auditSnapshotOfPost(post) },
        after: { postId, ...auditSnapshotOfPost({ ...post, end_date: input.endDate, note }) },
      });
      return this.desk.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  /** Corrects a period's own data (dates, term, how obtained…); unit and title are a different period. */
  async updatePost(actor: Actor, id: string, postId: string, changes: PostChanges) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const post = await this.desk.visiblePost(trx, actor, id, postId);
      const start = changes.startDate ? dateWithPrecision(changes.startDate) : { date: post.start_date, precision: post.start_date_precision };
      const endDate = changes.endDate === undefined ? post.end_date : changes.endDate;
      if (endDate !== null && compareIsoDates(endDate, start.date) < 0) {
        throw validationError([{ path: 'body.endDate', message: 'Ngày thôi giữ chức vụ phải từ ngày bắt đầu trở đi' }]);
      }
      const unit = (await this.cadres.unitPeriod(trx, post.unit_id))!;
      if (!unitExistsOn(unit, start.date)) {
        throw validationError([{ path: 'body.startDate', message: `Đơn vị không tồn tại vào ngày ${formatVietnameseDate(start.date)}` }]);
      }
      assertEndWithinUnit(unit, endDate, { openAllowed: false });
      const others = (await this.cadres.postsOf(trx, [id])).filter((p) => p.title_code === post.title_code && p.id !== postId);
      const clash = overlappingPeriods(others.map(heldPeriod), start.date, endDate)[0];
      if (clash) throw overlapError(clash);
      const updated: PostRow = {
        ...post,
        start_date: start.date,
        start_date_precision: start.precision,
        end_date: endDate,
        term: changes.term === undefined ? post.term : changes.term,
        how_obtained: changes.howObtained === undefined ? post.how_obtained : changes.howObtained,
        concurrent: changes.concurrent ?? post.concurrent,
        note: changes.note === undefined ? post.note : optionalText(changes.note),
        first_party_committee_term: changes.firstTermInPartyCommittee ?? post.first_party_committee_term,
      };
      assertFirstTermFitsTitle(post.title_code, updated.first_party_committee_term);
      await this.cadres.updatePost(trx, postId, {
        start_date: updated.start_date,
        start_date_precision: updated.start_date_precision,
        end_date: updated.end_date,
        term: updated.term,
        how_obtained: updated.how_obtained,
        concurrent: updated.concurrent,
        note: updated.note,
        first_party_committee_term: updated.first_party_committee_term,
      });
      await writeAudit(trx, {
        actor,
        action: 'update_post',
        entity: 'cadre',
        entityId: id,
        before: { postId, ...auditSnapshotOfPost(post) },
        after: { postId, ...auditSnapshotOfPost(updated) },
      });
      return this.desk.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }

  /** Removes a period entered by mistake (not a change of post: that is ending it). */
  async deletePost(actor: Actor, id: string, postId: string) {
    requirePermission(actor, 'data.write');
    return this.context.db.transaction().execute(async (trx) => {
      const post = await this.desk.visiblePost(trx, actor, id, postId);
      await this.cadres.deletePost(trx, postId);
      await writeAudit(trx, { actor, action: 'delete_post', entity: 'cadre', entityId: id, before: { postId, ...auditSnapshotOfPost(post) } });
      return this.desk.loadProfile(trx, actor, id, todayInVietnam(), 'full');
    });
  }
}
