import { describe, expect, it } from 'vitest';
import {
  calendarDaysPeriodEnd,
  EMPTY_WORK_CALENDAR,
  isWorkingDay,
  statutoryDaysOff,
  workCalendarOf,
  workingDaysBetween,
  workingDaysPeriodEnd,
} from './work-calendar.js';

// Days off of 2024 as announced: Tết 8–14/2, Giỗ Tổ 18/4, 29/4 swapped for Saturday 4/5, 2–3/9.
const CALENDAR_2024 = workCalendarOf([
  ...[
    '2024-01-01',
    '2024-02-08',
    '2024-02-09',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-04-18',
    '2024-04-29',
    '2024-04-30',
    '2024-05-01',
    '2024-09-02',
    '2024-09-03',
  ].map((date) => ({ date, kind: 'day_off' as const, name: '' })),
  { date: '2024-05-04', kind: 'working_day', name: 'Làm bù' },
]);

describe('working days', () => {
  it('knows weekends, days off and Saturdays worked in a swap', () => {
    expect(isWorkingDay('2024-02-07', CALENDAR_2024)).toBe(true);
    expect(isWorkingDay('2024-02-08', CALENDAR_2024)).toBe(false);
    expect(isWorkingDay('2024-02-10', CALENDAR_2024)).toBe(false);
    expect(isWorkingDay('2024-05-04', CALENDAR_2024)).toBe(true);
  });

  it('counts working days after the event, skipping Tết', () => {
    // Received Wednesday 7/2/2024, the eve of the Tết break: 5 working days end on 21/2.
    expect(workingDaysPeriodEnd('2024-02-07', 5, CALENDAR_2024)).toBe('2024-02-21');
    expect(workingDaysBetween('2024-02-07', '2024-02-21', CALENDAR_2024)).toBe(5);
    expect(workingDaysPeriodEnd('2024-02-07', 5, EMPTY_WORK_CALENDAR)).toBe('2024-02-14');
  });

  it('moves a calendar-day period ending on a day off to the next working day (Civil Code 2015, art. 148)', () => {
    expect(calendarDaysPeriodEnd('2024-02-01', 10, CALENDAR_2024)).toBe('2024-02-15');
    expect(calendarDaysPeriodEnd('2024-02-01', 10, EMPTY_WORK_CALENDAR)).toBe('2024-02-12');
    expect(calendarDaysPeriodEnd('2024-03-01', 10, CALENDAR_2024)).toBe('2024-03-11');
  });
});

describe('statutory days off (Labour Code 2019, art. 112)', () => {
  it('lays out 2026: Tết 16–20/2, Giỗ Tổ on a Sunday given back on Monday 27/4, 2/9 with 3/9', () => {
    expect(statutoryDaysOff(2026).map((day) => `${day.date} ${day.name}`)).toEqual([
      '2026-01-01 Tết Dương lịch',
      '2026-02-16 Tết Nguyên đán',
      '2026-02-17 Tết Nguyên đán',
      '2026-02-18 Tết Nguyên đán',
      '2026-02-19 Tết Nguyên đán',
      '2026-02-20 Tết Nguyên đán',
      '2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương',
      '2026-04-30 Ngày Chiến thắng',
      '2026-05-01 Ngày Quốc tế Lao động',
      '2026-09-02 Quốc khánh',
      '2026-09-03 Quốc khánh',
    ]);
  });

  it('gives back holidays that fall on a weekend, one working day each, after the break', () => {
    // 2028: Tết 26/1 (Wednesday); 30/4 Sunday → Tuesday 2/5 (1/5 is Monday); 2/9 Saturday with 1/9 → Monday 4/9.
    const days = statutoryDaysOff(2028).map((day) => day.date);
    expect(days).toContain('2028-05-02');
    expect(days).toContain('2028-09-01');
    expect(days).toContain('2028-09-04');
    expect(days.every((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()))).toBe(true);
  });
});
