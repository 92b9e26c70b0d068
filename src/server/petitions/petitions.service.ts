import type { z } from 'zod';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import type { Actor } from '../access/actor.js';
import { seesWholeCountry } from '../access/access.js';
import { checkAccess, requireAccess, requirePermission } from '../access/policy.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { validationError, type FieldProblem } from '../http/errors.js';
import { PetitionDesk } from './petition-desk.js';
import type { listPetitionsQuerySchema, petitionBodySchema, petitionOptionsQuerySchema } from './petitions.schema.js';

export type PetitionInput = z.output<typeof petitionBodySchema>;
export type PetitionListQuery = z.output<typeof listPetitionsQuerySchema>;

function optional(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value);
  return text === '' ? null : text;
}

/** The register of petitions (sổ tiếp nhận đơn): receiving, listing, opening a case. */
export class PetitionsService {
  private readonly desk: PetitionDesk;

  constructor(private readonly context: AppContext) {
    this.desk = new PetitionDesk(context);
  }

  async options(actor: Actor, query: z.output<typeof petitionOptionsQuerySchema>) {
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [unitId] });
    const [fields, users] = await Promise.all([this.desk.petitions.fields(this.context.db), this.desk.petitions.usersOfUnit(this.context.db, unitId)]);
    return {
      fields: fields.map((field) => ({ code: field.code, label: field.name })),
      handlers: users.map((user) => ({ id: user.id, fullName: user.full_name })),
    };
  }

  async register(actor: Actor, input: PetitionInput) {
    requirePermission(actor, 'data.write');
    const id = await this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'petition.receive', ids: [input.unitId] });
      const values = await this.checkedValues(trx, actor, input);
      const petitioners = input.anonymous ? [] : input.petitioners;
      const number = await this.desk.petitions.nextNumber(trx, input.unitId, Number(input.receivedOn.slice(0, 4)));
      const petitionId = await this.desk.petitions.insertPetition(trx, {
        ...values,
        number,
        petitioners_folded: foldVietnamese(petitioners.map((petitioner) => petitioner.fullName).join(' ')),
        processing_due_on: input.receivedOn,
        created_by: actor.userId,
      });
      await this.desk.petitions.insertPetitioners(
        trx,
        petitionId,
        petitioners.map((petitioner, index) => ({
          full_name: normalizeText(petitioner.fullName),
          address: optional(petitioner.address),
          phone: optional(petitioner.phone),
          personal_id: optional(petitioner.personalId),
          representative: petitioner.representative ?? (petitioners.length > 1 && index === 0),
        })),
      );
      await this.desk.petitions.replaceHandlers(trx, petitionId, await this.handlerIds(trx, actor, input));
      await this.desk.petitions.addEvent(trx, { petitionId, kind: 'received', on: input.receivedOn, userId: actor.userId });
      const [row] = await this.desk.petitions.findPetitions(trx, actor, [petitionId]);
      await this.desk.retime(trx, row!);
      // Who petitioned stays out of the audit log: it is read by administrators only, but a denouncer's name must not spread.
      await this.desk.audit(trx, actor, row!, 'create', `tiếp nhận đơn ngày ${formatVietnameseDate(input.receivedOn)}`, {
        ...values,
        content: undefined,
        search_folded: undefined,
        petitioners: petitioners.length,
      });
      return petitionId;
    });
    return this.desk.presentDetail(actor, id);
  }

  /** Checks what the form says against the territory and the law; all problems at once, by field. */
  private async checkedValues(trx: Db, actor: Actor, input: PetitionInput) {
    const problems: FieldProblem[] = [];
    if (input.receivedOn > todayInVietnam())
      problems.push({ path: 'receivedOn', message: 'Ngày nhận đơn chưa đến', messageEn: 'The date of receipt is in the future' });
    const receiving = await this.desk.petitions.unitLevelOn(trx, input.unitId, input.receivedOn);
    if (!receiving) {
      problems.push({ path: 'unitId', message: `Cơ quan nhận đơn không tồn tại vào ngày ${formatVietnameseDate(input.receivedOn)}` });
    }
    const communeId = input.communeId ?? (receiving?.level === 'commune' ? input.unitId : null);
    if (communeId) {
      const commune = await this.desk.petitions.unitLevelOn(trx, communeId, input.receivedOn);
      if (!commune || commune.level !== 'commune') {
        problems.push({
          path: 'communeId',
          message: `Xã, phường nơi phát sinh vụ việc không tồn tại vào ngày nhận đơn (${formatVietnameseDate(input.receivedOn)})`,
          messageEn: 'The commune did not exist on the date of receipt',
        });
      } else if (!(await this.withinReceiver(trx, input.unitId, communeId))) {
        problems.push({ path: 'communeId', message: 'Xã, phường nơi phát sinh vụ việc không thuộc địa bàn của cơ quan nhận đơn' });
      }
    }
    if (input.anonymous && input.petitioners.length > 0) problems.push({ path: 'petitioners', message: 'Đơn không ghi tên thì không nhập người đứng đơn' });
    if (!input.anonymous && input.petitioners.length === 0)
      problems.push({ path: 'petitioners', message: 'Nhập ít nhất một người đứng đơn, hoặc đánh dấu đơn không ghi tên' });
    if (input.overLevel && receiving?.level === 'commune') problems.push({ path: 'overLevel', message: 'Đơn gửi đến cấp xã không phải đơn vượt cấp' });
    const fields = await this.desk.petitions.fields(trx);
    if (!fields.some((field) => field.code === input.fieldCode))
      problems.push({ path: 'fieldCode', message: `Lĩnh vực "${input.fieldCode}" không có trong danh mục` });
    const linked = [input.duplicateOfId, input.previousId].filter((id): id is string => Boolean(id));
    const readable = await checkAccess(trx, { actor, permission: 'petition.read', ids: linked });
    if (input.duplicateOfId && !readable.has(input.duplicateOfId)) problems.push({ path: 'duplicateOfId', message: 'Không tìm thấy đơn trùng được chọn' });
    if (input.previousId && !readable.has(input.previousId)) problems.push({ path: 'previousId', message: 'Không tìm thấy đơn khiếu nại lần đầu được chọn' });
    else if (input.previousId) {
      const first = await trx
        .selectFrom('petition')
        .select(['type', 'settled_on', 'complaint_round'])
        .where('id', '=', input.previousId)
        .executeTakeFirstOrThrow();
      if (input.type !== 'khieu_nai' || first.type !== 'khieu_nai' || first.complaint_round !== 1 || first.settled_on === null) {
        problems.push({ path: 'previousId', message: 'Khiếu nại lần hai phải dẫn chiếu một khiếu nại lần đầu đã có quyết định giải quyết' });
      } else if (first.settled_on > input.receivedOn) {
        problems.push({
          path: 'receivedOn',
          message: `Khiếu nại lần hai không được nhận trước ngày giải quyết lần đầu (${formatVietnameseDate(first.settled_on)})`,
        });
      }
    }
    if (input.complaintRound === 2 && input.type !== 'khieu_nai')
      problems.push({ path: 'complaintRound', message: 'Chỉ đơn khiếu nại mới có khiếu nại lần hai' });
    if (input.receptionSessionId) problems.push(...(await this.receptionProblems(trx, input)));
    if (problems.length > 0) throw validationError(problems);

    const subject = normalizeText(input.subject);
    const content = normalizeText(input.content);
    const complaint = input.type === 'khieu_nai';
    const denunciation = input.type === 'to_cao';
    return {
      unit_id: input.unitId,
      commune_id: communeId,
      received_on: input.receivedOn,
      channel: input.channel,
      type: input.type,
      field_code: input.fieldCode,
      subject,
      content,
      search_folded: foldVietnamese(`${subject} ${content}`),
      anonymous: input.anonymous ?? false,
      against_party_member: denunciation && (input.againstPartyMember ?? false),
      complaint_round: complaint ? (input.previousId ? 2 : (input.complaintRound ?? 1)) : 1,
      complex: complaint && (input.complex ?? false),
      remote_area: complaint && (input.remoteArea ?? false),
      denunciation_complexity: denunciation ? (input.denunciationComplexity ?? 'normal') : 'normal',
      verified_at_several_places: denunciation && (input.verifiedAtSeveralPlaces ?? false),
      over_level: input.overLevel ?? false,
      duplicate_of_id: input.duplicateOfId ?? null,
      previous_id: input.previousId ?? null,
      reception_session_id: input.receptionSessionId ?? null,
    };
  }

  /** A petition taken at a reception day belongs to that day, at that unit, through that channel. */
  private async receptionProblems(trx: Db, input: PetitionInput): Promise<FieldProblem[]> {
    const session = await trx.selectFrom('reception_session').select(['unit_id', 'held_on']).where('id', '=', input.receptionSessionId!).executeTakeFirst();
    if (!session || session.unit_id !== input.unitId)
      return [{ path: 'receptionSessionId', message: 'Không tìm thấy buổi tiếp công dân của cơ quan nhận đơn' }];
    if (session.held_on !== input.receivedOn) {
      return [{ path: 'receivedOn', message: `Đơn nhận tại buổi tiếp công dân ngày ${formatVietnameseDate(session.held_on)} phải có ngày nhận là ngày đó` }];
    }
    if (input.channel !== 'reception') return [{ path: 'channel', message: 'Đơn nhận tại buổi tiếp công dân có nguồn "Tiếp công dân"' }];
    return [];
  }

  private async withinReceiver(trx: Db, receiverId: string, communeId: string): Promise<boolean> {
    const row = await trx.selectFrom('unit_scope').select('unit_id').where('root_id', '=', receiverId).where('unit_id', '=', communeId).executeTakeFirst();
    const receiver = await trx.selectFrom('admin_unit').select('level').where('id', '=', receiverId).executeTakeFirst();
    return row !== undefined || receiver?.level === 'country';
  }

  private async handlerIds(trx: Db, actor: Actor, input: PetitionInput): Promise<string[]> {
    const users = new Set((await this.desk.petitions.usersOfUnit(trx, input.unitId)).map((user) => user.id));
    const requested = [...new Set(input.handlerIds ?? (users.has(actor.userId) ? [actor.userId] : []))];
    const strangers = requested.filter((id) => !users.has(id));
    if (strangers.length > 0) throw validationError([{ path: 'handlerIds', message: 'Người xử lý phải là cán bộ của cơ quan nhận đơn' }]);
    return requested;
  }

  async list(actor: Actor, query: PetitionListQuery) {
    const unitId = query.unitId ?? actor.unitId;
    await requireAccess(this.context.db, { actor, permission: 'unit.read', ids: [unitId] });
    const asOf = query.asOf ?? todayInVietnam();
    const root = await this.context.db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirstOrThrow();
    const { total, rows } = await this.desk.petitions.listPetitions(this.context.db, actor, {
      scopeRootId: root.level === 'country' && seesWholeCountry(actor) ? null : unitId,
      status: query.status,
      asOf,
      type: query.type,
      overLevel: query.overLevel === undefined ? undefined : query.overLevel === 'true',
      from: query.from,
      to: query.to,
      folded: query.q ? foldVietnamese(query.q) : undefined,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { asOf, total, items: await this.desk.presentList(rows, asOf) };
  }

  detail(actor: Actor, id: string, asOf?: string) {
    return this.desk.presentDetail(actor, id, asOf);
  }
}
