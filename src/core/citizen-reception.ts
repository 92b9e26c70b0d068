import { addDays, compareIsoDates, dayOfWeek, endOfMonth, formatVietnameseDate, type IsoDate, startOfMonth } from './dates.js';
import { type LegalPeriodRule, ruleInForce } from './petition-deadlines.js';
import { isWorkingDay, type WorkCalendar } from './work-calendar.js';

/**
 * How often a unit's head must hold citizen reception days, and whether a
 * deputy may hold them instead — both dated rules (Law on Citizen Reception
 * 2013, art. 12, 13, 15; Law 136/2025/QH15 from 2026-07-01).
 */

export type ReceivingLevel = 'commune' | 'district' | 'province';

export interface ReceptionGap {
  from: IsoDate;
  to: IsoDate;
  required: number;
  held: number;
  message: string;
}

function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/**
 * The weeks (commune) or months (district, province) within [from, to] in
 * which the head held fewer regular reception days than the rule in force at
 * the start of the week or month asks. A week with no working day (Tết) asks
 * for none; a period cut by `from` or `to` is judged only when whole.
 */
export function receptionGaps(input: {
  level: ReceivingLevel;
  from: IsoDate;
  to: IsoDate;
  regularSessions: readonly IsoDate[];
  rules: readonly LegalPeriodRule[];
  calendar: WorkCalendar;
}): ReceptionGap[] {
  const gaps: ReceptionGap[] = [];
  const heldBetween = (start: IsoDate, end: IsoDate) =>
    input.regularSessions.filter((date) => compareIsoDates(date, start) >= 0 && compareIsoDates(date, end) <= 0).length;
  if (input.level === 'commune') {
    for (let monday = mondayOf(input.from); compareIsoDates(monday, input.to) <= 0; monday = addDays(monday, 7)) {
      const sunday = addDays(monday, 6);
      if (compareIsoDates(monday, input.from) < 0 || compareIsoDates(sunday, input.to) > 0) continue;
      const workingDays = Array.from({ length: 7 }, (_, offset) => addDays(monday, offset)).filter((date) => isWorkingDay(date, input.calendar));
      if (workingDays.length === 0) continue;
      const required = Math.min(ruleInForce(input.rules, 'reception.commune.per_week', monday).amount, workingDays.length);
      const held = heldBetween(monday, sunday);
      if (held < required) {
        gaps.push({
          from: monday,
          to: sunday,
          required,
          held,
          message: `Tuần ${formatVietnameseDate(monday)} – ${formatVietnameseDate(sunday)} chưa có buổi tiếp công dân định kỳ`,
        });
      }
    }
    return gaps;
  }
  const code = input.level === 'district' ? 'reception.district.per_month' : 'reception.province.per_month';
  for (let first = startOfMonth(input.from); compareIsoDates(first, input.to) <= 0; first = addDays(endOfMonth(first), 1)) {
    const last = endOfMonth(first);
    if (compareIsoDates(first, input.from) < 0 || compareIsoDates(last, input.to) > 0) continue;
    const required = ruleInForce(input.rules, code, first).amount;
    const held = heldBetween(first, last);
    if (held < required) {
      gaps.push({
        from: first,
        to: last,
        required,
        held,
        message: `Tháng ${first.slice(5, 7)}/${first.slice(0, 4)}: ${held}/${required} ngày tiếp công dân định kỳ`,
      });
    }
  }
  return gaps;
}

/** Whether a deputy may hold the head's regular reception day on that date. */
export function deputyMayReceive(rules: readonly LegalPeriodRule[], on: IsoDate): boolean {
  return ruleInForce(rules, 'reception.deputy_allowed', on).amount > 0;
}
