import type { z } from 'zod';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { normalizeText } from '../../core/text.js';
import type { Actor } from '../access/actor.js';
import { checkAccess, requireAccess, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { type FieldProblem, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import { DialoguesRepository, type DialogueRow } from './dialogues.repository.js';
import type { commitmentDoneBodySchema, dialogueBodySchema, listDialoguesQuerySchema } from './petitions.schema.js';

type DialogueInput = z.output<typeof dialogueBodySchema>;

const KIND_LABELS = { dialogue: 'Đối thoại', meeting: 'Tiếp xúc' } as const;

function optional(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

/**
 * Dialogues and meetings with citizens (đối thoại, tiếp xúc) held by the
 * standing members of a commune, the petitions they took up, and the
 * commitments made there, followed until done.
 */
export class DialoguesService {
  private readonly dialogues = new DialoguesRepository();

  constructor(private readonly context: AppContext) {}

  async list(actor: Actor, query: z.output<typeof listDialoguesQuerySchema>) {
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [unitId] });
    const level = (await this.context.db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirstOrThrow()).level;
    const rows = await this.dialogues.list(this.context.db, { scopeRootId: level === 'country' ? null : unitId, from: query.from, to: query.to });
    return { items: await this.present(actor, rows, query.asOf ?? todayInVietnam()) };
  }

  async create(actor: Actor, input: DialogueInput) {
    requirePermission(actor, 'data.write');
    const id = await this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [input.communeId] });
      const values = await this.checkedValues(trx, actor, input);
      const dialogueId = await this.dialogues.insert(trx, { ...values, created_by: actor.userId });
      await this.dialogues.replaceLinks(trx, dialogueId, [...new Set(input.petitionIds ?? [])], commitmentsOf(input));
      await writeAudit(trx, {
        actor,
        action: 'dialogue.create',
        entity: 'dialogue',
        entityId: dialogueId,
        summary: `Ghi nhận cuộc ${KIND_LABELS[input.kind].toLowerCase()} ngày ${formatVietnameseDate(input.heldOn)}`,
        after: { ...values, petitionIds: input.petitionIds ?? [], commitments: input.commitments?.length ?? 0 },
      });
      return dialogueId;
    });
    return this.one(actor, id);
  }

  async update(actor: Actor, id: string, input: DialogueInput) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.locked(trx, actor, id);
      await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [input.communeId] });
      const values = await this.checkedValues(trx, actor, input);
      await this.dialogues.update(trx, id, values);
      await this.dialogues.replaceLinks(trx, id, [...new Set(input.petitionIds ?? [])], commitmentsOf(input));
      await writeAudit(trx, {
        actor,
        action: 'dialogue.update',
        entity: 'dialogue',
        entityId: id,
        summary: `Sửa cuộc ${KIND_LABELS[input.kind].toLowerCase()} ngày ${formatVietnameseDate(input.heldOn)}`,
        before,
        after: values,
      });
    });
    return this.one(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.locked(trx, actor, id);
      await this.dialogues.remove(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'dialogue.delete',
        entity: 'dialogue',
        entityId: id,
        summary: `Xóa cuộc đối thoại ngày ${formatVietnameseDate(before.held_on)}`,
        before,
      });
    });
  }

  async markCommitment(actor: Actor, id: string, commitmentId: string, input: z.output<typeof commitmentDoneBodySchema>) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const dialogue = await this.locked(trx, actor, id);
      const commitment = await this.dialogues.commitment(trx, id, commitmentId);
      if (!commitment) throw notFound();
      if (input.doneOn !== null && input.doneOn < dialogue.held_on) {
        throw validationError([{ path: 'doneOn', message: `Ngày hoàn thành không được trước ngày đối thoại (${formatVietnameseDate(dialogue.held_on)})` }]);
      }
      if (input.doneOn !== null && input.doneOn > todayInVietnam()) throw validationError([{ path: 'doneOn', message: 'Ngày hoàn thành chưa đến' }]);
      const values = { done_on: input.doneOn, note: optional(input.note) ?? commitment.note };
      await this.dialogues.updateCommitment(trx, commitmentId, values);
      await writeAudit(trx, {
        actor,
        action: 'dialogue.commitment',
        entity: 'dialogue',
        entityId: id,
        summary: input.doneOn
          ? `Cam kết "${commitment.action}" hoàn thành ngày ${formatVietnameseDate(input.doneOn)}`
          : `Cam kết "${commitment.action}" chưa hoàn thành`,
        before: commitment,
        after: values,
      });
    });
    return this.one(actor, id);
  }

  private async locked(trx: Db, actor: Actor, id: string): Promise<DialogueRow> {
    await this.dialogues.lock(trx, id);
    const [row] = await this.dialogues.byIds(trx, [id]);
    if (!row) throw notFound();
    await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [row.commune_id] });
    return row;
  }

  private async checkedValues(trx: Db, actor: Actor, input: DialogueInput) {
    const problems: FieldProblem[] = [];
    if (input.heldOn > todayInVietnam()) problems.push({ path: 'heldOn', message: 'Ngày đối thoại chưa đến' });
    const commune = await trx
      .selectFrom('admin_unit')
      .select('level')
      .where('id', '=', input.communeId)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', input.heldOn)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', input.heldOn)]))
      .executeTakeFirst();
    if (!commune || commune.level !== 'commune') {
      problems.push({ path: 'communeId', message: `Xã, phường không tồn tại vào ngày ${formatVietnameseDate(input.heldOn)}` });
    }
    const petitionIds = [...new Set(input.petitionIds ?? [])];
    const readable = await checkAccess(trx, { actor, permission: 'petition.read', ids: petitionIds });
    petitionIds.forEach((petitionId, index) => {
      if (!readable.has(petitionId)) problems.push({ path: `petitionIds.${index}`, message: 'Không tìm thấy đơn được chọn' });
    });
    (input.commitments ?? []).forEach((commitment, index) => {
      if (commitment.dueOn < input.heldOn)
        problems.push({ path: `commitments.${index}.dueOn`, message: 'Hạn thực hiện cam kết không được trước ngày đối thoại' });
      if (commitment.doneOn && commitment.doneOn < input.heldOn)
        problems.push({ path: `commitments.${index}.doneOn`, message: 'Ngày hoàn thành không được trước ngày đối thoại' });
    });
    if (input.chairCadreId) {
      const post = await trx
        .selectFrom('cadre_post')
        .select('id')
        .where('cadre_id', '=', input.chairCadreId)
        .where('unit_id', '=', input.communeId)
        .where('is_key', '=', true)
        .where('start_date', '<=', input.heldOn)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', input.heldOn)]))
        .executeTakeFirst();
      if (!post) {
        problems.push({
          path: 'chairCadreId',
          message: `Người chủ trì phải là thành viên thường trực (Đảng ủy, HĐND, UBND) của xã vào ngày ${formatVietnameseDate(input.heldOn)}`,
          messageEn: 'The chair must be a standing member of the commune on that day',
        });
      }
    }
    if (problems.length > 0) throw validationError(problems);
    return {
      commune_id: input.communeId,
      held_on: input.heldOn,
      kind: input.kind,
      topic: normalizeText(input.topic),
      place: optional(input.place),
      organisers: normalizeText(input.organisers),
      chair_cadre_id: input.chairCadreId ?? null,
      participants: input.participants ?? null,
      outcome: optional(input.outcome),
      agreed: input.agreed ?? null,
    };
  }

  private async one(actor: Actor, id: string) {
    const rows = await this.dialogues.byIds(this.context.db, [id]);
    if (!rows[0]) throw notFound();
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [rows[0].commune_id] });
    const [presented] = await this.present(actor, rows, todayInVietnam());
    return presented!;
  }

  private async present(actor: Actor, rows: readonly DialogueRow[], asOf: string) {
    const db = this.context.db;
    const ids = rows.map((row) => row.id);
    const chairIds = [...new Set(rows.flatMap((row) => (row.chair_cadre_id ? [row.chair_cadre_id] : [])))];
    const [petitions, commitments, names, writable, chairs] = await Promise.all([
      this.dialogues.petitionsOf(db, ids),
      this.dialogues.commitmentsOf(db, ids),
      unitNamesAsOf(
        db,
        rows.map((row) => row.commune_id),
        asOf,
      ),
      checkAccess(db, { actor, permission: 'commune.records.write', ids: rows.map((row) => row.commune_id) }),
      this.dialogues.cadreNames(db, chairIds),
    ]);
    return rows.map((row) => ({
      id: row.id,
      commune: { id: row.commune_id, name: names.get(row.commune_id)?.name ?? '' },
      heldOn: row.held_on,
      kind: { code: row.kind, label: KIND_LABELS[row.kind] },
      topic: row.topic,
      place: row.place,
      organisers: row.organisers,
      chair: row.chair_cadre_id ? { id: row.chair_cadre_id, name: chairs.get(row.chair_cadre_id) ?? '' } : null,
      participants: row.participants,
      outcome: row.outcome,
      agreed: row.agreed,
      petitions: petitions
        .filter((petition) => petition.dialogue_id === row.id)
        .map((petition) => ({ id: petition.id, number: petition.number, subject: petition.subject })),
      commitments: commitments
        .filter((commitment) => commitment.dialogue_id === row.id)
        .map((commitment) => ({
          id: commitment.id,
          action: commitment.action,
          responsible: commitment.responsible,
          dueOn: commitment.due_on,
          doneOn: commitment.done_on,
          note: commitment.note,
          state: commitmentState(commitment, asOf),
        })),
      abilities: { edit: writable.has(row.commune_id) },
    }));
  }
}

function commitmentsOf(input: DialogueInput) {
  return (input.commitments ?? []).map((commitment) => ({
    action: normalizeText(commitment.action),
    responsible: normalizeText(commitment.responsible),
    due_on: commitment.dueOn,
    done_on: commitment.doneOn ?? null,
    note: optional(commitment.note),
  }));
}

export function commitmentState(commitment: { due_on: string; done_on: string | null }, asOf: string): 'open' | 'overdue' | 'done' | 'done_late' {
  if (commitment.done_on !== null && commitment.done_on <= asOf) return commitment.done_on <= commitment.due_on ? 'done' : 'done_late';
  return commitment.due_on < asOf ? 'overdue' : 'open';
}
