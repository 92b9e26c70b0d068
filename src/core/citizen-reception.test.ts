import { describe, expect, it } from 'vitest';
import { deputyMayReceive, receptionGaps } from './citizen-reception.js';
import type { LegalPeriodRule } from './petition-deadlines.js';
import { workCalendarOf } from './work-calendar.js';

const rule = (code: LegalPeriodRule['code'], amount: number, validFrom: string, validTo: string | null = null): LegalPeriodRule => ({
  code,
  amount,
  unit: 'times',
  validFrom,
  validTo,
  basis: 'Luật Tiếp công dân 2013',
});

const RULES = [
  rule('reception.commune.per_week', 1, '2014-07-01'),
  rule('reception.district.per_month', 2, '2014-07-01'),
  rule('reception.province.per_month', 1, '2014-07-01'),
  rule('reception.deputy_allowed', 1, '2014-07-01', '2026-06-30'),
  rule('reception.deputy_allowed', 0, '2026-07-01'),
];

// Tết Ất Tỵ: offices closed Monday 27/1 to Friday 31/1/2025.
const CALENDAR = workCalendarOf(
  ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date) => ({ date, kind: 'day_off' as const, name: 'Tết' })),
);

describe('citizen reception days (Law on Citizen Reception 2013)', () => {
  it('asks a commune chair for one day a week, not in the week of Tết, and names the week missed', () => {
    const gaps = receptionGaps({
      level: 'commune',
      from: '2025-01-13',
      to: '2025-02-09',
      regularSessions: ['2025-01-14', '2025-02-04'],
      rules: RULES,
      calendar: CALENDAR,
    });
    expect(gaps.map((gap) => gap.message)).toEqual(['Tuần 20/01/2025 – 26/01/2025 chưa có buổi tiếp công dân định kỳ']);
  });

  it('judges only whole weeks inside the period', () => {
    expect(receptionGaps({ level: 'commune', from: '2025-03-05', to: '2025-03-09', regularSessions: [], rules: RULES, calendar: CALENDAR })).toEqual([]);
  });

  it('asks a district chair for two days a month and a province chair for one', () => {
    const district = receptionGaps({
      level: 'district',
      from: '2025-03-01',
      to: '2025-04-30',
      regularSessions: ['2025-03-10', '2025-03-24', '2025-04-14'],
      rules: RULES,
      calendar: CALENDAR,
    });
    expect(district.map((gap) => gap.message)).toEqual(['Tháng 04/2025: 1/2 ngày tiếp công dân định kỳ']);
    expect(
      receptionGaps({ level: 'province', from: '2025-03-01', to: '2025-03-31', regularSessions: ['2025-03-15'], rules: RULES, calendar: CALENDAR }),
    ).toEqual([]);
  });

  it('lets a deputy stand in until 30/6/2026 and not from 1/7/2026 (Law 136/2025/QH15)', () => {
    expect(deputyMayReceive(RULES, '2026-06-30')).toBe(true);
    expect(deputyMayReceive(RULES, '2026-07-01')).toBe(false);
  });
});
