import { addDays, compareIsoDates, formatVietnameseDate } from '../../core/dates.js';
import { type RotationWarning, defaultPlannedEnd, rotationWarnings } from '../../core/rotation.js';
import { normalizeText } from '../../core/text.js';
import { COMMUNE_TITLES, compareTitles, isKeyTitle, type TitleCode, titleByCode } from '../../core/titles.js';
import { SuccessionRepository } from '../succession/succession.repository.js';
import type { Actor } from '../access/actor.js';
import { checkAccess, requireAccess, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import { CadreDesk } from '../cadres/cadre-desk.js';
import { CadresRepository } from '../cadres/cadres.repository.js';
import { type Conn, heldPeriod, overlapError } from '../cadres/cadres.shared.js';
import { planNewPeriod, unitExistsOn } from '../cadres/post-periods.js';
import type { AppContext } from '../context.js';
import { checkedAttachmentType } from '../http/attachments.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import type { RotationChanges, RotationCommand, RotationEnd } from './rotations.schema.js';
import { RotationReader } from './rotation-reader.js';
import type { RotationRow } from './rotations.repository.js';
import { RotationsRepository } from './rotations.repository.js';

function optional(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

/**
 * Rotations and assignments into commune posts (Regulation 65-QĐ/TW): one
 * command per write, each in one transaction with its audit. Recording a
 * rotation opens the destination post and ends the origin post, so that the
 * destination commune manages the person while it runs and the origin keeps
 * its history (the access policy follows the posts); ending it does the
 * reverse as decided.
 */
export class RotationsService {
  private readonly rotations = new RotationsRepository();
  private readonly succession = new SuccessionRepository();
  private readonly cadres: CadresRepository;
  private readonly desk: CadreDesk;
  private readonly reader: RotationReader;

  constructor(private readonly context: AppContext) {
    this.cadres = new CadresRepository(context.db);
    this.desk = new CadreDesk(this.cadres);
    this.reader = new RotationReader(context);
  }

  /** The warnings a decision would be recorded with, before it is: the form shows them. */
  async check(actor: Actor, input: RotationCommand) {
    requirePermission(actor, 'rotation.decide');
    const db = this.context.db;
    await requireAccess(db, { actor, permission: 'cadre.read', ids: [input.cadreId] });
    return this.assess(db, input);
  }

  private async assess(db: Conn, input: RotationCommand) {
    const person = await this.cadres.findById(db, input.cadreId);
    if (!person) throw notFound();
    const rule = await this.rotations.ruleOn(db, input.startDate);
    const plannedEndDate = input.plannedEndDate ?? defaultPlannedEnd(input.startDate, rule);
    const destinationHolders = await this.rotations.holders(db, input.destinationUnitId, input.destinationTitleCode, input.startDate, input.cadreId);
    // The destination title or a higher one (protocol order), in the destination unit's plan.
    const titlesAtOrAbove = COMMUNE_TITLES.map((title) => title.code).filter((code) => compareTitles(code, input.destinationTitleCode as TitleCode) <= 0);
    const inSuccessionPlan = await this.succession.plannedOn(db, input.cadreId, input.destinationUnitId, titlesAtOrAbove, input.startDate);
    const warnings = rotationWarnings({
      startDate: input.startDate,
      plannedEndDate,
      person: { sex: person.gender === 'nam' ? 'male' : person.gender === 'nu' ? 'female' : null, birthDate: person.birth_date },
      destinationHolders,
      inSuccessionPlan,
      rule,
    });
    return { warnings, plannedEndDate, rule, destinationHolders, person };
  }

  async create(actor: Actor, input: RotationCommand) {
    requirePermission(actor, 'data.write');
    requirePermission(actor, 'rotation.decide');
    assertDates(input.decisionDate, input.startDate, input.plannedEndDate ?? null);
    const id = await this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'rotation.write', ids: [input.originUnitId, input.destinationUnitId] });
      const person = await this.desk.lockWritable(trx, actor, input.cadreId);
      await this.assertDestination(trx, input.destinationUnitId, input.startDate);
      const originPost = input.originPostId ? await this.openOriginPost(trx, input.cadreId, input.originPostId, input.startDate) : null;
      const { warnings, plannedEndDate } = await this.assess(trx, input);
      if (compareIsoDates(plannedEndDate, input.startDate) <= 0) {
        throw validationError([
          { path: 'body.plannedEndDate', message: 'Ngày kết thúc dự kiến phải sau ngày bắt đầu', messageEn: 'The planned end must come after the start' },
        ]);
      }
      const clash = (await this.rotations.overlapping(trx, input.cadreId, input.startDate, null, null))[0];
      if (clash) throw overlapOf(clash.start_date);
      const unaccepted = warnings.filter((warning) => !input.acceptedWarnings.includes(warning.code));
      if (unaccepted.length > 0) {
        throw new AppError('ROTATION_WARNINGS_NOT_ACCEPTED', {
          message: `Quyết định chưa đáp ứng: ${unaccepted.map((w) => `${w.message} (${w.basis})`).join('; ')}. Hãy xác nhận các cảnh báo trước khi ghi.`,
          messageEn: `Rules not met: ${unaccepted.map((w) => w.messageEn).join('; ')}. Confirm the warnings before recording.`,
          details: { warnings: unaccepted },
        });
      }

      if (originPost) {
        await this.cadres.updatePost(trx, originPost.id, { end_date: addDays(input.startDate, -1) });
      }
      const sameTitle = (await this.cadres.postsOf(trx, [input.cadreId])).filter((post) => post.title_code === input.destinationTitleCode);
      const plan = planNewPeriod(sameTitle.map(heldPeriod), input.destinationUnitId, input.startDate, null);
      if (plan.kind === 'overlap') throw overlapError(plan.conflicting);
      if (plan.kind === 'same') throw new AppError('CONFLICT', { message: 'Người này đã giữ chức danh này ở xã nơi đến từ ngày bắt đầu' });
      const decision = `Quyết định số ${normalizeText(input.decisionNumber)} ngày ${formatVietnameseDate(input.decisionDate)}`;
      const destinationPostId = await this.cadres.insertPost(trx, {
        cadre_id: input.cadreId,
        unit_id: input.destinationUnitId,
        title_code: input.destinationTitleCode,
        is_key: isKeyTitle(input.destinationTitleCode as TitleCode),
        start_date: input.startDate,
        start_date_precision: 'day',
        end_date: null,
        term: null,
        how_obtained: input.kind,
        concurrent: false,
        note: `${input.kind === 'luan_chuyen' ? 'Luân chuyển' : 'Điều động'} từ ${normalizeText(input.originPostName)} (${decision})`,
      });
      await this.cadres.updateCadre(trx, input.cadreId, { owning_unit_id: input.destinationUnitId });
      const rotationId = await this.rotations.insert(trx, {
        cadre_id: input.cadreId,
        kind: input.kind,
        direction: input.direction,
        purpose: input.purpose,
        purpose_note: optional(input.purposeNote),
        origin_unit_id: input.originUnitId,
        origin_post_name: normalizeText(input.originPostName),
        origin_post_id: originPost?.id ?? null,
        origin_owning_unit_id: person.owning_unit_id,
        destination_unit_id: input.destinationUnitId,
        destination_title_code: input.destinationTitleCode,
        destination_post_id: destinationPostId,
        decision_number: normalizeText(input.decisionNumber),
        decision_date: input.decisionDate,
        decision_signer: normalizeText(input.decisionSigner),
        start_date: input.startDate,
        planned_end_date: plannedEndDate,
        midterm_evaluation: optional(input.midtermEvaluation),
        warnings: JSON.stringify(warnings),
      });
      await writeAudit(trx, {
        actor,
        action: 'create',
        entity: 'rotation',
        entityId: rotationId,
        summary: `${input.kind === 'luan_chuyen' ? 'Luân chuyển' : 'Điều động'} ${person.full_name} về ${titleByCode(input.destinationTitleCode as TitleCode).nameVi} (${decision})`,
        after: { ...input, plannedEndDate, destinationPostId, warnings: warnings.map((w) => w.code) },
      });
      return rotationId;
    });
    return this.reader.detail(actor, id);
  }

  async update(actor: Actor, id: string, changes: RotationChanges) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.lockedForDecision(trx, actor, id);
      const decisionDate = changes.decisionDate ?? row.decision_date;
      const plannedEndDate = changes.plannedEndDate ?? row.planned_end_date;
      assertDates(decisionDate, row.start_date, plannedEndDate);
      if (changes.finalEvaluation !== undefined && row.end_date === null && changes.finalEvaluation !== null) {
        throw validationError([
          {
            path: 'body.finalEvaluation',
            message: 'Nhận xét, đánh giá khi kết thúc được ghi khi kết thúc đợt luân chuyển',
            messageEn: 'The final evaluation is recorded when the rotation ends',
          },
        ]);
      }
      const after = {
        purpose: changes.purpose ?? row.purpose,
        purpose_note: changes.purposeNote === undefined ? row.purpose_note : optional(changes.purposeNote),
        origin_post_name: changes.originPostName === undefined ? row.origin_post_name : normalizeText(changes.originPostName),
        decision_number: changes.decisionNumber === undefined ? row.decision_number : normalizeText(changes.decisionNumber),
        decision_date: decisionDate,
        decision_signer: changes.decisionSigner === undefined ? row.decision_signer : normalizeText(changes.decisionSigner),
        planned_end_date: plannedEndDate,
        midterm_evaluation: changes.midtermEvaluation === undefined ? row.midterm_evaluation : optional(changes.midtermEvaluation),
        final_evaluation: changes.finalEvaluation === undefined ? row.final_evaluation : optional(changes.finalEvaluation),
        placement_note: changes.placementNote === undefined ? row.placement_note : optional(changes.placementNote),
      };
      await this.rotations.update(trx, id, after);
      await writeAudit(trx, { actor, action: 'update', entity: 'rotation', entityId: id, before: snapshot(row), after });
    });
    return this.reader.detail(actor, id);
  }

  /**
   * Ends a rotation with its placement: back to the origin (the destination
   * post ends, the origin post is re-opened the next day and the origin keeps
   * the record again), staying (the destination post continues), or another
   * placement (the destination post ends; the new post is recorded as usual).
   */
  async end(actor: Actor, id: string, input: RotationEnd) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.lockedForDecision(trx, actor, id);
      if (row.end_date !== null) throw new AppError('ROTATION_ALREADY_ENDED');
      if (compareIsoDates(input.endDate, row.start_date) < 0) {
        throw validationError([
          {
            path: 'body.endDate',
            message: `Ngày kết thúc phải từ ngày bắt đầu luân chuyển (${formatVietnameseDate(row.start_date)}) trở đi`,
            messageEn: `The end must be on or after the start (${row.start_date})`,
          },
        ]);
      }
      await this.desk.lockWritable(trx, actor, row.cadre_id);
      const destination = row.destination_post_id ? await this.cadres.findPost(trx, row.cadre_id, row.destination_post_id, { forUpdate: true }) : undefined;
      let returnPostId: string | null = null;
      if (input.placement !== 'stay' && destination && (destination.end_date === null || destination.end_date > input.endDate)) {
        await this.cadres.updatePost(trx, destination.id, { end_date: input.endDate });
      }
      if (input.placement === 'return') {
        const origin = row.origin_post_id ? await this.cadres.findPost(trx, row.cadre_id, row.origin_post_id) : undefined;
        if (origin) {
          const start = addDays(input.endDate, 1);
          const sameTitle = (await this.cadres.postsOf(trx, [row.cadre_id])).filter((post) => post.title_code === origin.title_code);
          const plan = planNewPeriod(sameTitle.map(heldPeriod), origin.unit_id, start, null);
          if (plan.kind === 'overlap') throw overlapError(plan.conflicting);
          returnPostId = await this.cadres.insertPost(trx, {
            cadre_id: row.cadre_id,
            unit_id: origin.unit_id,
            title_code: origin.title_code,
            is_key: origin.is_key,
            start_date: start,
            start_date_precision: 'day',
            end_date: null,
            term: origin.term,
            how_obtained: 'dieu_dong',
            concurrent: origin.concurrent,
            note: `Trở lại sau luân chuyển (Quyết định số ${row.decision_number})`,
          });
        }
        await this.cadres.updateCadre(trx, row.cadre_id, { owning_unit_id: row.origin_owning_unit_id });
      }
      const after = {
        end_date: input.endDate,
        placement: input.placement,
        final_evaluation: input.finalEvaluation === undefined ? row.final_evaluation : optional(input.finalEvaluation),
        placement_note: input.placementNote === undefined ? row.placement_note : optional(input.placementNote),
        return_post_id: returnPostId,
      };
      await this.rotations.update(trx, id, after);
      await writeAudit(trx, { actor, action: 'end', entity: 'rotation', entityId: id, before: snapshot(row), after });
    });
    return this.reader.detail(actor, id);
  }

  /** Removes a rotation recorded by mistake, before it ends: the destination post goes, the origin post and record return as they were. */
  async delete(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.lockedForDecision(trx, actor, id);
      if (row.end_date !== null) {
        throw new AppError('ROTATION_ALREADY_ENDED', {
          message: 'Đợt luân chuyển đã kết thúc là một phần của quá trình công tác, không xóa được',
          messageEn: 'An ended rotation is part of the record and cannot be deleted',
        });
      }
      await this.desk.lockWritable(trx, actor, row.cadre_id);
      await this.rotations.delete(trx, id);
      if (row.destination_post_id) await this.cadres.deletePost(trx, row.destination_post_id);
      if (row.origin_post_id) await this.cadres.updatePost(trx, row.origin_post_id, { end_date: null });
      await this.cadres.updateCadre(trx, row.cadre_id, { owning_unit_id: row.origin_owning_unit_id });
      await writeAudit(trx, { actor, action: 'delete', entity: 'rotation', entityId: id, before: snapshot(row) });
    });
  }

  async attachDecision(actor: Actor, id: string, file: { fileName: string; content: Buffer }) {
    requirePermission(actor, 'data.write');
    const type = checkedAttachmentType(file.content);
    await this.context.db.transaction().execute(async (trx) => {
      await this.lockedForDecision(trx, actor, id);
      const fileName = normalizeText(file.fileName).slice(0, 200) || 'quyet-dinh';
      await this.rotations.update(trx, id, { decision_file: file.content, decision_file_name: fileName, decision_file_type: type });
      await writeAudit(trx, { actor, action: 'attach', entity: 'rotation', entityId: id, summary: `Đính kèm quyết định "${fileName}"` });
    });
    return this.reader.detail(actor, id);
  }

  private async lockedForDecision(trx: Conn, actor: Actor, id: string): Promise<RotationRow> {
    const row = await this.rotations.byId(trx, id, { forUpdate: true });
    if (!row) throw notFound();
    const readable = await checkAccess(trx, { actor, permission: 'unit.read', ids: [row.origin_unit_id, row.destination_unit_id] });
    if (readable.size === 0) throw notFound();
    requirePermission(actor, 'rotation.decide');
    await requireAccess(trx, { actor, permission: 'rotation.write', ids: [row.origin_unit_id, row.destination_unit_id] });
    return row;
  }

  private async assertDestination(db: Conn, unitId: string, startDate: string): Promise<void> {
    const [level, period] = await Promise.all([this.cadres.unitLevel(db, unitId), this.cadres.unitPeriod(db, unitId)]);
    if (level !== 'commune') {
      throw validationError([
        { path: 'body.destinationUnitId', message: 'Nơi đến phải là một xã, phường, thị trấn', messageEn: 'The destination must be a commune' },
      ]);
    }
    if (!period || !unitExistsOn(period, startDate)) {
      throw validationError([
        {
          path: 'body.destinationUnitId',
          message: `Xã nơi đến không tồn tại vào ngày ${formatVietnameseDate(startDate)} (ngày bắt đầu)`,
          messageEn: `The destination commune did not exist on ${startDate}`,
        },
      ]);
    }
  }

  private async openOriginPost(db: Conn, cadreId: string, postId: string, startDate: string) {
    const post = await this.cadres.findPost(db, cadreId, postId, { forUpdate: true });
    if (!post || post.end_date !== null || compareIsoDates(post.start_date, startDate) >= 0) {
      throw validationError([
        {
          path: 'body.originPostId',
          message: `Chức vụ nơi đi phải là chức vụ người này đang giữ trước ngày ${formatVietnameseDate(startDate)}`,
          messageEn: 'The origin post must be one the person holds before the start',
        },
      ]);
    }
    return post;
  }
}

function assertDates(decisionDate: string, startDate: string, plannedEndDate: string | null): void {
  if (compareIsoDates(decisionDate, startDate) > 0) {
    throw validationError([
      {
        path: 'body.decisionDate',
        message: 'Ngày quyết định phải trước hoặc trùng ngày bắt đầu luân chuyển',
        messageEn: 'The decision must be dated on or before the start',
      },
    ]);
  }
  if (plannedEndDate !== null && compareIsoDates(plannedEndDate, startDate) <= 0) {
    throw validationError([
      { path: 'body.plannedEndDate', message: 'Ngày kết thúc dự kiến phải sau ngày bắt đầu', messageEn: 'The planned end must come after the start' },
    ]);
  }
}

function overlapOf(startDate: string): AppError {
  return new AppError('ROTATION_OVERLAP', {
    message: `Người này đang có đợt luân chuyển, điều động bắt đầu ngày ${formatVietnameseDate(startDate)} chưa kết thúc hoặc trùng thời gian; hãy kết thúc đợt đó trước`,
    messageEn: `This person has a rotation from ${startDate} that has not ended or overlaps; end it first`,
  });
}

function snapshot(row: RotationRow): Record<string, unknown> {
  const { warnings, full_name, gender, birth_date, has_file, created_at, updated_at, ...rest } = row;
  return { ...rest, warnings: (warnings as RotationWarning[]).map((w) => w.code) };
}
