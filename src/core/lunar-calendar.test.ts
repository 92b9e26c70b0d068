import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar.js';
import { addDays } from './dates.js';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it('puts Tết on the days Vietnam celebrated it, not China', () => {
    // 1985 and 2007: the new moon fell before midnight at UTC+7 and after it at UTC+8.
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(lunarNewYear(2030)).toBe('2030-02-02');
  });

  it('finds Tết of 2020–2029 as officially announced', () => {
    expect([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029].map(lunarNewYear)).toEqual([
      '2020-01-25',
      '2021-02-12',
      '2022-02-01',
      '2023-01-22',
      '2024-02-10',
      '2025-01-29',
      '2026-02-17',
      '2027-02-06',
      '2028-01-26',
      '2029-02-13',
    ]);
  });

  it('finds Giỗ Tổ Hùng Vương (10/3 âm lịch), including years with a leap month before it', () => {
    const gioTo = (year: number) => lunarToSolar({ year, month: 3, day: 10, leap: false });
    // 2023 had a leap second month: Giỗ Tổ fell on 29/4, with the 30/4 holiday.
    expect([2020, 2021, 2022, 2023, 2024, 2025, 2026].map(gioTo)).toEqual([
      '2020-04-02',
      '2021-04-21',
      '2022-04-10',
      '2023-04-29',
      '2024-04-18',
      '2025-04-07',
      '2026-04-26',
    ]);
  });

  it('names leap months', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(() => lunarToSolar({ year: 2024, month: 6, day: 1, leap: true })).toThrow(RangeError);
  });

  it('knows the years whose last month has 29 days (no "30 Tết" in 2025 and 2026)', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(solarToLunar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false });
  });

  it('converts back and forth over two centuries', () => {
    for (let date = '1900-03-01'; date < '2100-01-01'; date = addDays(date, 97)) {
      expect(lunarToSolar(solarToLunar(date))).toBe(date);
    }
  });
});
