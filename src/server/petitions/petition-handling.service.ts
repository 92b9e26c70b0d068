import { checkedAttachmentType } from '../http/attachments.js';
import type { z } from 'zod';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { normalizeText } from '../../core/text.js';
import type { Actor } from '../access/actor.js';
import { requireAccess, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import { notFound, validationError } from '../http/errors.js';
import { PetitionDesk } from './petition-desk.js';
import { buildDecisionDocument, decisionDocumentName } from './petition-documents.js';
import { loadLegalClock } from './legal-clock.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { PETITION_TYPE_LABELS } from '../../core/petition-deadlines.js';
import { HANDLING_LABELS, OUTCOME_LABELS, presentClocks, statusOf } from './petitions.presenter.js';
import type {
  decisionBodySchema,
  extensionBodySchema,
  handlersBodySchema,
  referDownBodySchema,
  reportBackBodySchema,
  settlementBodySchema,
} from './petitions.schema.js';

function optional(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

/**
 * Handling a received petition (Circular 05/2021/TT-TTCP) and settling it:
 * each step one transaction that re-times the case and writes the timeline
 * and the audit log together.
 */
export class PetitionHandlingService {
  private readonly desk: PetitionDesk;

  constructor(private readonly context: AppContext) {
    this.desk = new PetitionDesk(context);
  }

  private get petitions() {
    return this.desk.petitions;
  }

  async decide(actor: Actor, id: string, input: z.output<typeof decisionBodySchema>) {
    requirePermission(actor, 'data.write');
    this.desk.assertNotFuture(input.on, 'on');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.desk.lockForHandling(trx, actor, id);
      if (row.handling !== null)
        throw this.desk.wrongStage(`Đơn đã được xử lý (${HANDLING_LABELS[row.handling]}) ngày ${formatVietnameseDate(row.decided_on!)}`);
      if (input.handling === 'accepted' && row.type === 'to_cao' && row.anonymous) {
        throw validationError([{ path: 'handling', message: 'Không thụ lý tố cáo không rõ họ tên, địa chỉ người tố cáo (Luật Tố cáo 2018, Điều 25)' }]);
      }
      if (input.handling === 'accepted' && row.type === 'to_cao' && row.against_party_member) {
        throw validationError([
          {
            path: 'handling',
            message: 'Tố cáo đảng viên được chuyển đến tổ chức đảng có thẩm quyền (Thông tư 05/2021/TT-TTCP); chọn "Chuyển cơ quan có thẩm quyền"',
          },
        ]);
      }
      if (input.handling === 'not_accepted' && row.type !== 'khieu_nai' && row.type !== 'to_cao') {
        throw validationError([{ path: 'handling', message: 'Chỉ đơn khiếu nại, tố cáo mới có quyết định không thụ lý' }]);
      }
      const transferredTo = optional(input.transferredTo);
      if (input.handling === 'transferred' && !transferredTo)
        throw validationError([{ path: 'transferredTo', message: 'Ghi cơ quan có thẩm quyền nhận đơn chuyển' }]);
      const values = {
        handling: input.handling,
        decided_on: input.on,
        decided_by: actor.userId,
        decision_note: optional(input.note),
        transferred_to: input.handling === 'transferred' ? transferredTo : null,
        accepted_on: input.handling === 'accepted' ? input.on : null,
      };
      // Checked and timed before anything is written: a date out of order is a clear message, not a constraint failure.
      await this.desk.retime(trx, { ...row, ...values });
      await this.petitions.updatePetition(trx, id, values);
      await this.petitions.addEvent(trx, {
        petitionId: id,
        kind: 'decided',
        on: input.on,
        userId: actor.userId,
        note: HANDLING_LABELS[input.handling] + (values.decision_note ? `: ${values.decision_note}` : ''),
      });
      await this.desk.audit(trx, actor, row, 'decide', HANDLING_LABELS[input.handling].toLowerCase(), values);
    });
    return this.desk.presentDetail(actor, id);
  }

  /**
   * "Vượt cấp" (Law on Citizen Reception 2013, art. 26): a district or the
   * province requires the competent commune to settle. The commune gets its
   * own case in its register, linked to this one, and must report back.
   */
  async referDown(actor: Actor, id: string, input: z.output<typeof referDownBodySchema>) {
    requirePermission(actor, 'data.write');
    this.desk.assertNotFuture(input.on, 'on');
    const childId = await this.context.db.transaction().execute(async (trx) => {
      const row = await this.desk.lockForHandling(trx, actor, id);
      if (row.handling !== null)
        throw this.desk.wrongStage(`Đơn đã được xử lý (${HANDLING_LABELS[row.handling]}) ngày ${formatVietnameseDate(row.decided_on!)}`);
      const communeId = input.communeId ?? row.commune_id;
      if (!communeId || communeId === row.unit_id) throw validationError([{ path: 'communeId', message: 'Chọn xã, phường có thẩm quyền giải quyết' }]);
      const commune = await this.petitions.unitLevelOn(trx, communeId, input.on);
      if (!commune || commune.level !== 'commune') {
        throw validationError([{ path: 'communeId', message: `Xã, phường nhận đơn không tồn tại vào ngày ${formatVietnameseDate(input.on)}` }]);
      }
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [communeId] });
      const note = optional(input.note);
      const parentValues = { handling: 'referred_down' as const, decided_on: input.on, decided_by: actor.userId, decision_note: note, over_level: true };
      // Checked and timed before anything is written: a date out of order is a clear message, not a constraint failure.
      await this.desk.retime(trx, { ...row, ...parentValues });
      await this.petitions.updatePetition(trx, id, parentValues);

      const petitioners = await this.petitions.petitioners(trx, [id]);
      const number = await this.petitions.nextNumber(trx, communeId, Number(input.on.slice(0, 4)));
      const newId = await this.petitions.insertPetition(trx, {
        unit_id: communeId,
        commune_id: communeId,
        number,
        received_on: input.on,
        channel: 'transferred',
        type: row.type,
        field_code: row.field_code,
        subject: row.subject,
        content: row.content,
        search_folded: row.search_folded,
        petitioners_folded: row.petitioners_folded,
        anonymous: row.anonymous,
        against_party_member: row.against_party_member,
        complaint_round: row.complaint_round,
        complex: row.complex,
        remote_area: row.remote_area,
        denunciation_complexity: row.denunciation_complexity,
        verified_at_several_places: row.verified_at_several_places,
        over_level: false,
        parent_id: id,
        processing_due_on: input.on,
        created_by: actor.userId,
      });
      await this.petitions.insertPetitioners(
        trx,
        newId,
        petitioners.map(({ full_name, address, phone, personal_id, representative }) => ({ full_name, address, phone, personal_id, representative })),
      );
      const [child] = await this.petitions.findPetitions(trx, actor, [newId]);
      await this.desk.retime(trx, child!);
      await this.petitions.addEvent(trx, {
        petitionId: id,
        kind: 'referred_down',
        on: input.on,
        userId: actor.userId,
        note: `Đơn số ${number}${note ? `: ${note}` : ''}`,
      });
      await this.petitions.addEvent(trx, {
        petitionId: newId,
        kind: 'received_from_higher_level',
        on: input.on,
        userId: actor.userId,
        note: `Đơn số ${row.number}${note ? `: ${note}` : ''}`,
      });
      await this.desk.audit(trx, actor, row, 'refer_down', `chuyển về xã giải quyết (đơn số ${number} của xã)`, { communeId, childId: newId });
      return newId;
    });
    return { ...(await this.desk.presentDetail(actor, id)), childId };
  }

  /** A written extension of a denunciation's settlement (Law on Denunciations 2018, art. 30). */
  async extend(actor: Actor, id: string, input: z.output<typeof extensionBodySchema>) {
    requirePermission(actor, 'data.write');
    this.desk.assertNotFuture(input.on, 'on');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.desk.lockForHandling(trx, actor, id);
      if (statusOf(row).code !== 'settling' || row.type !== 'to_cao') throw this.desk.wrongStage('Chỉ gia hạn được đơn tố cáo đang giải quyết');
      if (input.on < row.accepted_on!)
        throw validationError([{ path: 'on', message: `Ngày gia hạn không được trước ngày thụ lý (${formatVietnameseDate(row.accepted_on!)})` }]);
      const values = { extensions_used: row.extensions_used + 1 };
      // Checked and timed before anything is written: a date out of order is a clear message, not a constraint failure.
      await this.desk.retime(trx, { ...row, ...values });
      await this.petitions.updatePetition(trx, id, values);
      await this.petitions.addEvent(trx, {
        petitionId: id,
        kind: 'extended',
        on: input.on,
        userId: actor.userId,
        note: `Lần ${values.extensions_used}: ${normalizeText(input.note)}`,
      });
      await this.desk.audit(trx, actor, row, 'extend', `gia hạn giải quyết lần ${values.extensions_used}`, values);
    });
    return this.desk.presentDetail(actor, id);
  }

  async settle(actor: Actor, id: string, input: z.output<typeof settlementBodySchema>) {
    requirePermission(actor, 'data.write');
    this.desk.assertNotFuture(input.on, 'on');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.desk.lockForHandling(trx, actor, id);
      if (statusOf(row).code !== 'settling') throw this.desk.wrongStage('Chỉ ghi kết quả giải quyết cho đơn đã thụ lý và đang giải quyết');
      const judged = row.type === 'khieu_nai' || row.type === 'to_cao';
      if (judged === (input.outcome === 'answered')) {
        throw validationError([
          {
            path: 'outcome',
            message: judged ? 'Kết luận khiếu nại, tố cáo là đúng, đúng một phần hoặc sai' : 'Đơn kiến nghị, phản ánh được ghi kết quả "Đã trả lời"',
          },
        ]);
      }
      const values = { settled_on: input.on, outcome: input.outcome, agreed: input.agreed, settlement_note: optional(input.note) };
      // Checked and timed before anything is written: a date out of order is a clear message, not a constraint failure.
      await this.desk.retime(trx, { ...row, ...values });
      await this.petitions.updatePetition(trx, id, values);
      const summary = `${OUTCOME_LABELS[input.outcome]}${input.agreed ? ', người có đơn đồng thuận' : ', người có đơn chưa đồng thuận'}`;
      await this.petitions.addEvent(trx, { petitionId: id, kind: 'settled', on: input.on, userId: actor.userId, note: summary });
      if (row.parent_id)
        await this.petitions.addEvent(trx, {
          petitionId: row.parent_id,
          kind: 'child_settled',
          on: input.on,
          userId: actor.userId,
          note: `Đơn số ${row.number}: ${summary}`,
        });
      await this.desk.audit(trx, actor, row, 'settle', `giải quyết xong (${summary})`, values);
    });
    return this.desk.presentDetail(actor, id);
  }

  async reportBack(actor: Actor, id: string, input: z.output<typeof reportBackBodySchema>) {
    requirePermission(actor, 'data.write');
    this.desk.assertNotFuture(input.on, 'on');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.desk.lockForHandling(trx, actor, id);
      if (statusOf(row).code !== 'reporting') throw this.desk.wrongStage('Chỉ báo cáo kết quả lên cấp trên sau khi giải quyết đơn do cấp trên chuyển về');
      const values = { reported_back_on: input.on };
      // Checked and timed before anything is written: a date out of order is a clear message, not a constraint failure.
      await this.desk.retime(trx, { ...row, ...values });
      await this.petitions.updatePetition(trx, id, values);
      const note = optional(input.note);
      await this.petitions.addEvent(trx, { petitionId: id, kind: 'reported_back', on: input.on, userId: actor.userId, note });
      await this.petitions.addEvent(trx, {
        petitionId: row.parent_id!,
        kind: 'child_reported_back',
        on: input.on,
        userId: actor.userId,
        note: `Đơn số ${row.number}${note ? `: ${note}` : ''}`,
      });
      await this.desk.audit(trx, actor, row, 'report_back', 'báo cáo kết quả lên cấp trên', values);
    });
    return this.desk.presentDetail(actor, id);
  }

  async assignHandlers(actor: Actor, id: string, input: z.output<typeof handlersBodySchema>) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.desk.lockForHandling(trx, actor, id);
      const users = new Set((await this.petitions.usersOfUnit(trx, row.unit_id)).map((user) => user.id));
      const userIds = [...new Set(input.userIds)];
      if (userIds.some((userId) => !users.has(userId)))
        throw validationError([{ path: 'userIds', message: 'Người xử lý phải là cán bộ của cơ quan nhận đơn' }]);
      await this.petitions.replaceHandlers(trx, id, userIds);
      await this.petitions.addEvent(trx, { petitionId: id, kind: 'handlers_assigned', on: todayInVietnam(), userId: actor.userId });
      await this.desk.audit(trx, actor, row, 'assign_handlers', 'giao người xử lý', { userIds });
    });
    return this.desk.presentDetail(actor, id);
  }

  /** A scan or PDF kept in the database, so that backup and restore carry it. */
  async addAttachment(actor: Actor, id: string, file: { fileName: string; content: Buffer }) {
    requirePermission(actor, 'data.write');
    const contentType = checkedAttachmentType(file.content);
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.desk.lockForHandling(trx, actor, id);
      if (row.type === 'to_cao' && !row.identity_visible) throw notFound();
      const fileName = normalizeText(file.fileName).slice(0, 200) || 'tai-lieu';
      await this.petitions.insertAttachment(trx, {
        petition_id: id,
        file_name: fileName,
        content_type: contentType,
        size_bytes: file.content.length,
        content: file.content,
        uploaded_by: actor.userId,
      });
      await this.petitions.addEvent(trx, { petitionId: id, kind: 'attachment_added', on: todayInVietnam(), userId: actor.userId, note: fileName });
      await this.desk.audit(trx, actor, row, 'attach', `đính kèm "${fileName}"`);
    });
    return this.desk.presentDetail(actor, id);
  }

  /** The document the handling decision sends out, as .docx for the office to number, sign and stamp. */
  async decisionDocument(actor: Actor, id: string) {
    const db = this.context.db;
    await requireAccess(db, { actor, permission: 'petition.read', ids: [id] });
    const [row] = await this.petitions.findPetitions(db, actor, [id]);
    if (!row) throw notFound();
    if (row.handling === null || row.decided_on === null) throw this.desk.wrongStage('Đơn chưa được xử lý nên chưa có văn bản');
    const slip = SLIPS_TO_OTHER_BODIES.has(row.handling);
    const secret = row.type === 'to_cao';
    if (secret && !slip && !row.identity_visible) throw notFound();
    const [petitioners, names, clock] = await Promise.all([
      this.petitions.petitioners(db, [id]),
      unitNamesAsOf(db, [row.unit_id, ...(row.commune_id ? [row.commune_id] : [])], row.decided_on),
      loadLegalClock(db),
    ]);
    const first = [...petitioners].sort((a, b) => Number(b.representative) - Number(a.representative) || a.position - b.position)[0];
    const named = first && !(secret && slip) && !row.anonymous;
    if (named && secret) {
      await writeAudit(db, {
        actor,
        action: 'petition.identity.view',
        entity: 'petition',
        entityId: id,
        summary: `Tải văn bản xử lý đơn số ${row.number} có thông tin người tố cáo`,
      });
    }
    const unit = names.get(row.unit_id);
    const commune = row.commune_id ? names.get(row.commune_id) : undefined;
    const settlement = presentClocks(row, clock.rules, todayInVietnam()).find((stage) => stage.stage === 'settlement');
    const content = await buildDecisionDocument({
      unit: { name: unit?.name ?? '', type: unit?.type ?? '' },
      type: row.type,
      typeLabel: PETITION_TYPE_LABELS[row.type].vi,
      handling: row.handling,
      decidedOn: row.decided_on,
      receivedOn: row.received_on,
      subject: row.subject,
      petitioner: named ? { fullName: first.full_name, address: first.address } : null,
      transferredTo: row.transferred_to,
      note: row.decision_note,
      settlement: settlement && (row.type === 'khieu_nai' || row.type === 'to_cao') ? { basis: settlement.basis, dueOn: settlement.dueOn } : null,
      commune: commune && row.handling === 'referred_down' ? { name: commune.name, type: commune.type } : null,
    });
    return { fileName: decisionDocumentName(row.handling, row.number, row.decided_on), content };
  }

  /** A denunciation's scans show the denouncer's handwriting: only its handlers (and administrators) open them. */
  async attachmentContent(actor: Actor, id: string, attachmentId: string) {
    await requireAccess(this.context.db, { actor, permission: 'petition.read', ids: [id] });
    const [row] = await this.petitions.findPetitions(this.context.db, actor, [id]);
    if (!row || (row.type === 'to_cao' && !row.identity_visible)) throw notFound();
    const attachment = await this.petitions.attachment(this.context.db, id, attachmentId);
    if (!attachment) throw notFound();
    await writeAudit(this.context.db, {
      actor,
      action: 'petition.attachment.view',
      entity: 'petition',
      entityId: id,
      summary: `Mở tài liệu "${attachment.file_name}" của đơn số ${row.number}`,
    });
    return { fileName: attachment.file_name, contentType: attachment.content_type, content: attachment.content };
  }
}

/** Slips that go to another body: they never name a denouncer (Law on Denunciations 2018, art. 47). */
const SLIPS_TO_OTHER_BODIES = new Set(['transferred', 'referred_down', 'filed']);
