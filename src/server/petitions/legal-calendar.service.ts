import type { z } from 'zod';
import { addDays, formatVietnameseDate } from '../../core/dates.js';
import { LEGAL_PERIOD_CODES, PETITION_STAGE_LABELS, type LegalPeriodCode } from '../../core/petition-deadlines.js';
import { isWeekend } from '../../core/work-calendar.js';
import { normalizeText } from '../../core/text.js';
import type { Actor } from '../access/actor.js';
import { requirePermission } from '../access/policy.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { validationError } from '../http/errors.js';
import { loadLegalClock } from './legal-clock.js';
import { PetitionDesk } from './petition-desk.js';
import type { calendarDayBodySchema, legalPeriodBodySchema } from './petitions.schema.js';

const PERIOD_LABELS: Record<LegalPeriodCode, string> = {
  'complaint.acceptance': 'Thụ lý khiếu nại',
  'complaint.first.normal': 'Giải quyết khiếu nại lần đầu',
  'complaint.first.complex': 'Giải quyết khiếu nại lần đầu — vụ việc phức tạp',
  'complaint.first.remote': 'Giải quyết khiếu nại lần đầu — vùng sâu, vùng xa',
  'complaint.first.remote_complex': 'Giải quyết khiếu nại lần đầu — vùng sâu, vùng xa, phức tạp',
  'complaint.second.normal': 'Giải quyết khiếu nại lần hai',
  'complaint.second.complex': 'Giải quyết khiếu nại lần hai — vụ việc phức tạp',
  'complaint.second.remote': 'Giải quyết khiếu nại lần hai — vùng sâu, vùng xa',
  'complaint.second.remote_complex': 'Giải quyết khiếu nại lần hai — vùng sâu, vùng xa, phức tạp',
  'denunciation.screening': 'Tiếp nhận, kiểm tra điều kiện thụ lý tố cáo',
  'denunciation.screening_several_places': 'Kiểm tra điều kiện thụ lý tố cáo — xác minh ở nhiều nơi',
  'denunciation.settlement': 'Giải quyết tố cáo',
  'denunciation.extension': 'Mỗi lần gia hạn giải quyết tố cáo',
  'denunciation.extensions.complex': 'Số lần gia hạn — vụ việc phức tạp',
  'denunciation.extensions.especially_complex': 'Số lần gia hạn — vụ việc đặc biệt phức tạp',
  'petition.answer': 'Trả lời đơn kiến nghị, phản ánh, hướng dẫn công dân',
  'over_level.report_back': `${PETITION_STAGE_LABELS.report_back.vi} (đơn vượt cấp)`,
  'reception.commune.per_week': 'Chủ tịch UBND cấp xã tiếp công dân định kỳ (số ngày mỗi tuần)',
  'reception.district.per_month': 'Chủ tịch UBND cấp huyện tiếp công dân định kỳ (số ngày mỗi tháng)',
  'reception.province.per_month': 'Chủ tịch UBND cấp tỉnh tiếp công dân định kỳ (số ngày mỗi tháng)',
  'reception.deputy_allowed': 'Được ủy quyền cấp phó tiếp công dân định kỳ (1: được; 0: không)',
};

/**
 * The legal periods and the offices' calendar, edited by an administrator
 * when a law or a yearly notice comes out. Every open petition is re-timed in
 * the same transaction; closed stages keep the deadline they ran against.
 */
export class LegalCalendarService {
  private readonly desk: PetitionDesk;

  constructor(private readonly context: AppContext) {
    this.desk = new PetitionDesk(context);
  }

  async calendar(year: number) {
    const days = await this.context.db
      .selectFrom('work_calendar_day')
      .select(['day', 'kind', 'name', 'source'])
      .where('day', '>=', `${year}-01-01`)
      .where('day', '<=', `${year}-12-31`)
      .orderBy('day')
      .execute();
    return { year, days: days.map((day) => ({ date: day.day, kind: day.kind, name: day.name, source: day.source })) };
  }

  async setDay(actor: Actor, date: string, input: z.output<typeof calendarDayBodySchema>) {
    requirePermission(actor, 'legal.calendar.manage');
    if (input.kind === 'day_off' && isWeekend(date))
      throw validationError([{ path: 'date', message: `${formatVietnameseDate(date)} là ngày nghỉ cuối tuần; chỉ ghi ngày nghỉ vào ngày làm việc` }]);
    if (input.kind === 'working_day' && !isWeekend(date))
      throw validationError([{ path: 'date', message: `${formatVietnameseDate(date)} đã là ngày làm việc; chỉ ghi ngày làm bù vào thứ Bảy, Chủ nhật` }]);
    await this.context.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('work_calendar_day').selectAll().where('day', '=', date).executeTakeFirst();
      const values = { day: date, kind: input.kind, name: normalizeText(input.name), source: 'admin' as const, updated_at: new Date() };
      await trx
        .insertInto('work_calendar_day')
        .values(values)
        .onConflict((conflict) => conflict.column('day').doUpdateSet({ kind: values.kind, name: values.name, source: 'admin', updated_at: values.updated_at }))
        .execute();
      const retimed = await this.retimeOpenPetitions(trx, actor);
      await writeAudit(trx, {
        actor,
        action: 'legal_calendar.set_day',
        entity: 'work_calendar_day',
        entityId: date,
        summary: `${input.kind === 'day_off' ? 'Ngày nghỉ' : 'Ngày làm bù'} ${formatVietnameseDate(date)}: ${values.name}; tính lại thời hạn ${retimed} đơn đang giải quyết`,
        before,
        after: values,
      });
    });
    return this.calendar(Number(date.slice(0, 4)));
  }

  async removeDay(actor: Actor, date: string) {
    requirePermission(actor, 'legal.calendar.manage');
    await this.context.db.transaction().execute(async (trx) => {
      const before = await trx.deleteFrom('work_calendar_day').where('day', '=', date).returningAll().executeTakeFirst();
      const retimed = await this.retimeOpenPetitions(trx, actor);
      await writeAudit(trx, {
        actor,
        action: 'legal_calendar.remove_day',
        entity: 'work_calendar_day',
        entityId: date,
        summary: `Bỏ ${formatVietnameseDate(date)} khỏi lịch ngày nghỉ; tính lại thời hạn ${retimed} đơn đang giải quyết`,
        before,
      });
    });
    return this.calendar(Number(date.slice(0, 4)));
  }

  async periods() {
    const rows = await this.context.db.selectFrom('legal_period').selectAll().orderBy('code').orderBy('valid_from').execute();
    return {
      items: rows.map((row) => ({
        id: row.id,
        code: row.code,
        label: PERIOD_LABELS[row.code as LegalPeriodCode] ?? row.code,
        amount: row.amount,
        unit: row.unit,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        basis: row.basis,
      })),
    };
  }

  /** A new version of a period from a date: the version in force until then ends the day before. */
  async addPeriodVersion(actor: Actor, input: z.output<typeof legalPeriodBodySchema>) {
    requirePermission(actor, 'legal.calendar.manage');
    if (!(LEGAL_PERIOD_CODES as readonly string[]).includes(input.code))
      throw validationError([{ path: 'code', message: `Không có loại thời hạn "${input.code}"` }]);
    const countsTimes = input.code.startsWith('denunciation.extensions.') || input.code.startsWith('reception.');
    if (countsTimes !== (input.unit === 'times')) {
      throw validationError([
        { path: 'unit', message: countsTimes ? 'Số lần gia hạn được tính bằng "lần"' : 'Thời hạn được tính bằng ngày hoặc ngày làm việc' },
      ]);
    }
    await this.context.db.transaction().execute(async (trx) => {
      await trx.selectFrom('legal_period').select('id').where('code', '=', input.code).forUpdate().execute();
      const later = await trx
        .selectFrom('legal_period')
        .select('valid_from')
        .where('code', '=', input.code)
        .where('valid_from', '>=', input.validFrom)
        .executeTakeFirst();
      if (later) {
        throw validationError([
          { path: 'validFrom', message: `Đã có quy định áp dụng từ ngày ${formatVietnameseDate(later.valid_from)}; phiên bản mới phải bắt đầu sau ngày đó` },
        ]);
      }
      await trx
        .updateTable('legal_period')
        .set({ valid_to: addDays(input.validFrom, -1), updated_at: new Date() })
        .where('code', '=', input.code)
        .where('valid_to', 'is', null)
        .execute();
      const values = { code: input.code, amount: input.amount, unit: input.unit, valid_from: input.validFrom, basis: normalizeText(input.basis) };
      await trx.insertInto('legal_period').values(values).execute();
      const retimed = await this.retimeOpenPetitions(trx, actor);
      await writeAudit(trx, {
        actor,
        action: 'legal_period.add_version',
        entity: 'legal_period',
        entityId: input.code,
        summary: `Thời hạn "${PERIOD_LABELS[input.code as LegalPeriodCode]}" từ ngày ${formatVietnameseDate(input.validFrom)}: ${input.amount}; tính lại ${retimed} đơn đang giải quyết`,
        after: values,
      });
    });
    return this.periods();
  }

  private async retimeOpenPetitions(trx: Db, actor: Actor): Promise<number> {
    const clock = await loadLegalClock(trx);
    const ids = await this.desk.petitions.openPetitionIds(trx);
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await this.desk.petitions.findPetitions(trx, actor, ids.slice(start, start + 500));
      for (const row of rows) await this.desk.retime(trx, row, clock);
    }
    return ids.length;
  }
}
