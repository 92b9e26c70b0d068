import { checkedAttachmentType } from '../http/attachments.js';
import type { z } from 'zod';
import { compareIsoDates, formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { isOpenProblem, PROBLEM_STATUS_LABELS, type ProblemStatus, problemDateProblems } from '../../core/grassroots-problems.js';
import { isTitleCode, titleByCode } from '../../core/titles.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import type { Actor } from '../access/actor.js';
import { checkAccess, requireAccess, requireCadreReach, requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, type FieldProblem, notFound, validationError } from '../http/errors.js';
import { unitNamesAsOf } from '../territory/territory.service.js';
import type { carryOverBodySchema, listProblemsQuerySchema, problemBodySchema, problemOptionsQuerySchema, progressBodySchema } from './grassroots.schema.js';
import { cellVisitsOf } from '../party-cells/party-cells.service.js';
import { DialoguesRepository } from '../petitions/dialogues.repository.js';
import { GrassrootsRepository, type ProblemRow } from './grassroots.repository.js';

type ProblemInput = z.output<typeof problemBodySchema>;

function optional(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

function statusLabel(status: ProblemStatus) {
  return { code: status, label: PROBLEM_STATUS_LABELS[status].vi };
}

/**
 * The register of grassroots problems (vấn đề cần tập trung lãnh đạo, chỉ
 * đạo): a commune registers its year's problems, each with a standing member
 * in charge and a target, records progress with evidence, closes them, or
 * carries an unresolved one into the next year with its history.
 */
export class GrassrootsService {
  private readonly problems = new GrassrootsRepository();

  constructor(private readonly context: AppContext) {}

  async options(actor: Actor, query: z.output<typeof problemOptionsQuerySchema>) {
    const db = this.context.db;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [query.communeId] });
    const [fields, leads, villages] = await Promise.all([
      db.selectFrom('petition_field').select(['code', 'name']).orderBy('position').execute(),
      this.problems.standingMembers(db, query.communeId, query.on),
      this.problems.villagesOf(db, query.communeId),
    ]);
    return {
      fields: fields.map((field) => ({ code: field.code, label: field.name })),
      leads: leads.map((lead) => ({
        id: lead.id,
        fullName: lead.full_name,
        title: isTitleCode(lead.title_code) ? titleByCode(lead.title_code).shortNameVi : lead.title_code,
      })),
      villages: villages.map((village) => ({ id: village.id, name: village.name })),
    };
  }

  async register(actor: Actor, input: ProblemInput) {
    requirePermission(actor, 'data.write');
    const id = await this.context.db.transaction().execute((trx) => this.registerIn(trx, actor, input));
    return this.detail(actor, id);
  }

  /** Registers a problem inside the caller's transaction (a briefing's issue becomes one with its link in the same commit). */
  async registerIn(trx: Db, actor: Actor, input: ProblemInput): Promise<string> {
    await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [input.communeId] });
    const values = await this.checkedValues(trx, actor, input);
    const problemId = await this.problems.insert(trx, { ...values.problem, status: 'registered', created_by: actor.userId });
    await this.problems.replaceLinks(trx, problemId, values.links);
    await this.audit(trx, actor, problemId, 'create', `Đăng ký vấn đề "${values.problem.title}" năm ${input.year}`, { ...values.problem, ...values.links });
    return problemId;
  }

  async edit(actor: Actor, id: string, input: ProblemInput) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await this.locked(trx, actor, id);
      if (!isOpenProblem(before.status)) throw this.closed(before);
      if (input.communeId !== before.commune_id || input.year !== before.year) {
        throw validationError([{ path: 'communeId', message: 'Không chuyển vấn đề sang xã hoặc năm khác; hãy chuyển sang năm sau nếu chưa giải quyết xong' }]);
      }
      const values = await this.checkedValues(trx, actor, input);
      await this.problems.update(trx, id, values.problem);
      await this.problems.replaceLinks(trx, id, values.links);
      await this.audit(trx, actor, id, 'update', `Sửa vấn đề "${values.problem.title}"`, { ...values.problem, ...values.links }, before);
    });
    return this.detail(actor, id);
  }

  /** A dated progress note; a closing status ends the problem on that date. */
  async progress(actor: Actor, id: string, input: z.output<typeof progressBodySchema>) {
    requirePermission(actor, 'data.write');
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.locked(trx, actor, id);
      if (!isOpenProblem(row.status)) throw this.closed(row);
      this.checkDay(row, input.on);
      const closing = input.status !== 'in_progress';
      await this.problems.update(trx, id, { status: input.status, closed_on: closing ? input.on : null });
      await this.problems.addUpdate(trx, { problemId: id, on: input.on, status: input.status, note: normalizeText(input.note), userId: actor.userId });
      await this.audit(trx, actor, id, 'progress', `${PROBLEM_STATUS_LABELS[input.status].vi} (${formatVietnameseDate(input.on)})`, input);
    });
    return this.detail(actor, id);
  }

  /** An unresolved problem ends its year carried over and opens again in the next, with the same lead, villages and links. */
  async carryOver(actor: Actor, id: string, input: z.output<typeof carryOverBodySchema>) {
    requirePermission(actor, 'data.write');
    const nextId = await this.context.db.transaction().execute(async (trx) => {
      const row = await this.locked(trx, actor, id);
      if (!isOpenProblem(row.status)) throw this.closed(row);
      this.checkDay(row, input.on);
      const nextYear = row.year + 1;
      const problems: FieldProblem[] = [];
      if (Number(input.on.slice(0, 4)) < row.year) problems.push({ path: 'on', message: `Chỉ chuyển sang năm sau trong năm ${row.year} hoặc sau đó` });
      problems.push(
        ...problemDateProblems({ year: nextYear, registeredOn: input.on, targetOn: input.targetOn }).map((problem) => ({
          path: problem.field === 'targetOn' ? 'targetOn' : 'on',
          message: problem.message,
          messageEn: problem.messageEn,
        })),
      );
      if (Number(input.targetOn.slice(0, 4)) !== nextYear) problems.push({ path: 'targetOn', message: `Thời hạn mới phải trong năm ${nextYear}` });
      if (problems.length > 0) throw validationError(problems);
      const note = normalizeText(input.note);
      await this.problems.update(trx, id, { status: 'carried_over', closed_on: input.on });
      await this.problems.addUpdate(trx, { problemId: id, on: input.on, status: 'carried_over', note, userId: actor.userId });
      const links = await this.problems.links(trx, id);
      const created = await this.problems.insert(trx, {
        commune_id: row.commune_id,
        year: nextYear,
        title: row.title,
        title_folded: row.title_folded,
        field_code: row.field_code,
        lead_cadre_id: row.lead_cadre_id,
        registered_on: input.on,
        target_on: input.targetOn,
        resolution: row.resolution,
        status: 'registered',
        carried_from_id: id,
        created_by: actor.userId,
      });
      await this.problems.replaceLinks(trx, created, {
        villageIds: links.villages.map((village) => village.id),
        petitionIds: links.petitions.map((petition) => petition.id),
        dialogueIds: links.dialogues.map((dialogue) => dialogue.id),
      });
      await this.problems.addUpdate(trx, {
        problemId: created,
        on: input.on,
        status: 'registered',
        note: `Chuyển tiếp từ năm ${row.year}: ${note}`,
        userId: actor.userId,
      });
      await this.audit(trx, actor, id, 'carry_over', `Chuyển vấn đề "${row.title}" sang năm ${nextYear}`, { nextId: created, ...input });
      return created;
    });
    return { ...(await this.detail(actor, id)), nextId };
  }

  async addAttachment(actor: Actor, id: string, file: { fileName: string; content: Buffer }) {
    requirePermission(actor, 'data.write');
    const contentType = checkedAttachmentType(file.content);
    await this.context.db.transaction().execute(async (trx) => {
      const row = await this.locked(trx, actor, id);
      const fileName = normalizeText(file.fileName).slice(0, 200) || 'minh-chung';
      await this.problems.insertAttachment(trx, {
        problem_id: id,
        file_name: fileName,
        content_type: contentType,
        size_bytes: file.content.length,
        content: file.content,
        uploaded_by: actor.userId,
      });
      await this.audit(trx, actor, id, 'attach', `Đính kèm minh chứng "${fileName}" cho vấn đề "${row.title}"`);
    });
    return this.detail(actor, id);
  }

  async attachmentContent(actor: Actor, id: string, attachmentId: string) {
    const [row] = await this.problems.byIds(this.context.db, [id]);
    if (!row) throw notFound();
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [row.commune_id] });
    const attachment = await this.problems.attachment(this.context.db, id, attachmentId);
    if (!attachment) throw notFound();
    return { fileName: attachment.file_name, contentType: attachment.content_type, content: attachment.content };
  }

  async list(actor: Actor, query: z.output<typeof listProblemsQuerySchema>) {
    const db = this.context.db;
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(db, { actor, permission: 'unit.read', ids: [unitId] });
    const level = (await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirstOrThrow()).level;
    const asOf = query.asOf ?? todayInVietnam();
    const { total, rows } = await this.problems.list(db, {
      scopeRootId: level === 'country' ? null : unitId,
      year: query.year,
      status: query.status,
      fieldCode: query.fieldCode,
      folded: query.q ? foldVietnamese(query.q) : undefined,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { asOf, total, items: await this.present(rows, asOf) };
  }

  async detail(actor: Actor, id: string) {
    const db = this.context.db;
    const [row] = await this.problems.byIds(db, [id]);
    if (!row) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [row.commune_id] });
    const today = todayInVietnam();
    const [[listed], links, updates, attachments, writable, readablePetitions] = await Promise.all([
      this.present([row], today),
      this.problems.links(db, id),
      this.problems.updates(db, id),
      this.problems.attachments(db, id),
      checkAccess(db, { actor, permission: 'commune.records.write', ids: [row.commune_id] }),
      this.problems.links(db, id).then((found) => checkAccess(db, { actor, permission: 'petition.read', ids: found.petitions.map((petition) => petition.id) })),
    ]);
    const edit = writable.has(row.commune_id);
    const open = isOpenProblem(row.status);
    return {
      ...listed!,
      resolution: row.resolution,
      villages: links.villages,
      updates: updates.map((update) => ({ on: update.occurred_on, status: statusLabel(update.status), note: update.note, by: update.full_name })),
      // A petition the caller may not open is not named here either.
      petitions: links.petitions
        .filter((petition) => readablePetitions.has(petition.id))
        .map((petition) => ({ id: petition.id, number: petition.number, subject: petition.subject })),
      dialogues: links.dialogues.map((dialogue) => ({ id: dialogue.id, heldOn: dialogue.held_on, topic: dialogue.topic })),
      attachments: attachments.map((attachment) => ({ id: attachment.id, fileName: attachment.file_name, sizeBytes: attachment.size_bytes })),
      carriedTo: row.carried_to_id ? { id: row.carried_to_id, year: row.carried_to_year! } : null,
      abilities: { edit: edit && open, update: edit && open, carryOver: edit && open, attach: edit },
    };
  }

  /**
   * A person's practical record ("rèn luyện qua thực tiễn"): the problems they
   * led and how each ended, the briefings they chaired. A unit that only held
   * the person in the past sees what happened in its own communes.
   */
  async practice(actor: Actor, cadreId: string) {
    const db = this.context.db;
    const reach = await requireCadreReach(db, actor, cadreId);
    const [record, cellVisits, chaired] = await Promise.all([
      this.problems.practiceOf(db, cadreId),
      cellVisitsOf(db, cadreId),
      new DialoguesRepository().chairedBy(db, cadreId),
    ]);
    const communes = [
      ...record.problems.map((row) => row.commune_id),
      ...record.briefings.map((row) => row.commune_id),
      ...cellVisits.map((row) => row.communeId),
      ...chaired.map((row) => row.commune_id),
    ];
    const visible = reach === 'full' ? null : await checkAccess(db, { actor, permission: 'unit.read', ids: communes });
    const shown = <T extends { commune_id: string }>(rows: readonly T[]) => (visible === null ? [...rows] : rows.filter((row) => visible.has(row.commune_id)));
    const problems = await this.present(shown(record.problems), todayInVietnam());
    const briefings = shown(record.briefings);
    const cells = cellVisits.filter((row) => visible === null || visible.has(row.communeId));
    const dialogues = shown(chaired);
    const names = await unitNamesAsOf(db, [
      ...briefings.map((row) => row.commune_id),
      ...cells.map((row) => row.communeId),
      ...dialogues.map((row) => row.commune_id),
    ]);
    const resolved = problems.filter((problem) => problem.status.code === 'resolved');
    return {
      problems,
      briefings: briefings.map((row) => ({
        id: row.id,
        commune: { id: row.commune_id, name: names.get(row.commune_id)?.name ?? '' },
        heldOn: row.held_on,
        issues: row.issues,
      })),
      dialogues: dialogues.map((row) => ({
        id: row.id,
        commune: { id: row.commune_id, name: names.get(row.commune_id)?.name ?? '' },
        heldOn: row.held_on,
        topic: row.topic,
        agreed: row.agreed,
      })),
      cells: cells.map(({ communeId, ...row }) => ({ ...row, commune: { id: communeId, name: names.get(communeId)?.name ?? '' } })),
      summary: {
        led: problems.length,
        resolved: resolved.length,
        resolvedOnTime: resolved.filter((problem) => !problem.late).length,
        briefings: briefings.length,
        dialogues: dialogues.length,
        cellMeetings: cells.reduce((sum, row) => sum + row.attended, 0),
      },
    };
  }

  private async present(rows: readonly ProblemRow[], asOf: string) {
    const names = await unitNamesAsOf(
      this.context.db,
      rows.map((row) => row.commune_id),
      asOf,
    );
    return rows.map((row) => ({
      id: row.id,
      commune: { id: row.commune_id, name: names.get(row.commune_id)?.name ?? '' },
      year: row.year,
      title: row.title,
      field: { code: row.field_code, label: row.field_name },
      lead: { id: row.lead_cadre_id, name: row.lead_name },
      registeredOn: row.registered_on,
      targetOn: row.target_on,
      status: statusLabel(row.status),
      closedOn: row.closed_on,
      late: compareIsoDates(row.closed_on ?? asOf, row.target_on) > 0 && row.status !== 'carried_over',
      carriedFrom: row.carried_from_id ? { id: row.carried_from_id, year: row.carried_from_year! } : null,
    }));
  }

  private async locked(trx: Db, actor: Actor, id: string): Promise<ProblemRow> {
    await this.problems.lock(trx, id);
    const [row] = await this.problems.byIds(trx, [id]);
    if (!row) throw notFound();
    await requireAccess(trx, { actor, permission: 'commune.records.write', ids: [row.commune_id] });
    return row;
  }

  private closed(row: ProblemRow): AppError {
    return new AppError('PETITION_WRONG_STAGE', {
      message: `Vấn đề đã kết thúc (${PROBLEM_STATUS_LABELS[row.status].vi}${row.closed_on ? `, ngày ${formatVietnameseDate(row.closed_on)}` : ''}); không cập nhật thêm`,
      messageEn: 'The problem is closed; it takes no further updates',
    });
  }

  private checkDay(row: ProblemRow, on: string): void {
    if (on < row.registered_on)
      throw validationError([{ path: 'on', message: `Ngày cập nhật không được trước ngày đăng ký (${formatVietnameseDate(row.registered_on)})` }]);
    if (on > todayInVietnam()) throw validationError([{ path: 'on', message: 'Ngày cập nhật chưa đến' }]);
  }

  /** The commune, dates, the standing member in charge, and links the caller may use; every problem at once, by field. */
  private async checkedValues(trx: Db, actor: Actor, input: ProblemInput) {
    const problems: FieldProblem[] = problemDateProblems(input).map((problem) => ({
      path: problem.field,
      message: problem.message,
      messageEn: problem.messageEn,
    }));
    if (input.registeredOn > todayInVietnam()) problems.push({ path: 'registeredOn', message: 'Ngày đăng ký chưa đến' });
    const commune = await trx
      .selectFrom('admin_unit')
      .select('level')
      .where('id', '=', input.communeId)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', input.registeredOn)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', input.registeredOn)]))
      .executeTakeFirst();
    if (!commune || commune.level !== 'commune') {
      problems.push({ path: 'communeId', message: `Xã, phường không tồn tại vào ngày đăng ký (${formatVietnameseDate(input.registeredOn)})` });
    }
    const leads = await this.problems.standingMembers(trx, input.communeId, input.registeredOn);
    if (!leads.some((lead) => lead.id === input.leadCadreId)) {
      problems.push({
        path: 'leadCadreId',
        message: `Người phụ trách phải là thành viên thường trực (giữ chức vụ chủ chốt) của xã vào ngày ${formatVietnameseDate(input.registeredOn)}`,
      });
    }
    const field = await trx.selectFrom('petition_field').select('code').where('code', '=', input.fieldCode).executeTakeFirst();
    if (!field) problems.push({ path: 'fieldCode', message: `Lĩnh vực "${input.fieldCode}" không có trong danh mục` });
    const villageIds = [...new Set(input.villageIds ?? [])];
    const villages = new Set((await this.problems.villagesOf(trx, input.communeId)).map((village) => village.id));
    villageIds.forEach((villageId, index) => {
      if (!villages.has(villageId)) problems.push({ path: `villageIds.${index}`, message: 'Thôn, tổ dân phố không thuộc xã này' });
    });
    const petitionIds = [...new Set(input.petitionIds ?? [])];
    const readable = await checkAccess(trx, { actor, permission: 'petition.read', ids: petitionIds });
    petitionIds.forEach((petitionId, index) => {
      if (!readable.has(petitionId)) problems.push({ path: `petitionIds.${index}`, message: 'Không tìm thấy đơn được chọn' });
    });
    const dialogueIds = [...new Set(input.dialogueIds ?? [])];
    const dialogues = dialogueIds.length ? await trx.selectFrom('dialogue').select(['id', 'commune_id']).where('id', 'in', dialogueIds).execute() : [];
    const dialogueUnits = await checkAccess(trx, { actor, permission: 'unit.read', ids: dialogues.map((dialogue) => dialogue.commune_id) });
    dialogueIds.forEach((dialogueId, index) => {
      const dialogue = dialogues.find((candidate) => candidate.id === dialogueId);
      if (!dialogue || !dialogueUnits.has(dialogue.commune_id))
        problems.push({ path: `dialogueIds.${index}`, message: 'Không tìm thấy cuộc đối thoại được chọn' });
    });
    if (problems.length > 0) throw validationError(problems);
    const title = normalizeText(input.title);
    return {
      problem: {
        commune_id: input.communeId,
        year: input.year,
        title,
        title_folded: foldVietnamese(title),
        field_code: input.fieldCode,
        lead_cadre_id: input.leadCadreId,
        registered_on: input.registeredOn,
        target_on: input.targetOn,
        resolution: optional(input.resolution),
      },
      links: { villageIds, petitionIds, dialogueIds },
    };
  }

  private async audit(trx: Db, actor: Actor, id: string, action: string, summary: string, after?: unknown, before?: unknown): Promise<void> {
    await writeAudit(trx, { actor, action: `grassroots_problem.${action}`, entity: 'grassroots_problem', entityId: id, summary, before, after });
  }
}
