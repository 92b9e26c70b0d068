import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  endOfMonth,
  formatVietnameseDate,
  isValidIsoDate,
  monthsBetween,
  parseVietnameseDate,
  startOfMonth,
  todayInVietnam,
} from './dates.js';

describe('todayInVietnam', () => {
  it('is already the next day in Vietnam from 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('crosses the new year at midnight Hanoi time', () => {
    expect(todayInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });

  it('returns an ISO date for the current moment', () => {
    expect(isValidIsoDate(todayInVietnam())).toBe(true);
  });
});

describe('isValidIsoDate', () => {
  it('accepts real calendar dates, including 29 February in leap years', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1961-10-31')).toBe(true);
  });

  it('rejects impossible dates and other shapes', () => {
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2024-04-31')).toBe(false);
    expect(isValidIsoDate('2024-13-01')).toBe(false);
    expect(isValidIsoDate('2024-00-10')).toBe(false);
    expect(isValidIsoDate('2024-1-5')).toBe(false);
    expect(isValidIsoDate('05/01/2024')).toBe(false);
    expect(isValidIsoDate('2024-01-05T00:00:00Z')).toBe(false);
    expect(isValidIsoDate(20240105)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });
});

describe('parseVietnameseDate: text', () => {
  it.each([
    ['05/09/1970', '1970-09-05'],
    ['5/9/1970', '1970-09-05'],
    ['05-09-1970', '1970-09-05'],
    ['05.09.1970', '1970-09-05'],
    ['1970-09-05', '1970-09-05'],
    ['1970-9-5', '1970-09-05'],
    ['  05 / 09 / 1970 ', '1970-09-05'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2025', '2025-12-31'],
    ['ngày 12 tháng 5 năm 1970', '1970-05-12'],
    ['Ngày 01 tháng 07 năm 2025', '2025-07-01'],
  ])('reads %j as %s with day precision', (input, date) => {
    expect(parseVietnameseDate(input)).toEqual({ ok: true, date, precision: 'day' });
  });

  it('ignores zero-width characters pasted with the date', () => {
    expect(parseVietnameseDate('\u200B05/09/1970\uFEFF')).toEqual({ ok: true, date: '1970-09-05', precision: 'day' });
  });

  it('reads NFD "ngày … tháng … năm …"', () => {
    expect(parseVietnameseDate('ngày 2 tháng 9 năm 1945'.normalize('NFD'))).toEqual({
      ok: true,
      date: '1945-09-02',
      precision: 'day',
    });
  });

  it('reads a bare year as 1 January with year precision', () => {
    expect(parseVietnameseDate('1965')).toEqual({ ok: true, date: '1965-01-01', precision: 'year' });
    expect(parseVietnameseDate(' 1975 ')).toEqual({ ok: true, date: '1975-01-01', precision: 'year' });
  });

  it('treats blank input as no date, not as an error', () => {
    expect(parseVietnameseDate('')).toEqual({ ok: true, date: null, precision: null });
    expect(parseVietnameseDate('  \u00A0 ')).toEqual({ ok: true, date: null, precision: null });
    expect(parseVietnameseDate(null)).toEqual({ ok: true, date: null, precision: null });
    expect(parseVietnameseDate(undefined)).toEqual({ ok: true, date: null, precision: null });
  });

  it('rejects 31/02/2024 saying how many days February 2024 has', () => {
    expect(parseVietnameseDate('31/02/2024')).toEqual({
      ok: false,
      message: 'Ngày «31/02/2024» không tồn tại: tháng 2/2024 chỉ có 29 ngày.',
    });
  });

  it('rejects 29/02 in a common year and 31 in a 30-day month', () => {
    const feb = parseVietnameseDate('29/02/2023');
    expect(feb.ok).toBe(false);
    if (!feb.ok) expect(feb.message).toContain('tháng 2/2023 chỉ có 28 ngày');
    const apr = parseVietnameseDate('31/04/2024');
    expect(apr.ok).toBe(false);
    if (!apr.ok) expect(apr.message).toContain('tháng 4/2024 chỉ có 30 ngày');
    expect(parseVietnameseDate('29/02/1900').ok).toBe(false);
    expect(parseVietnameseDate('29/02/2000').ok).toBe(true);
  });

  it('rejects month 13 and day 0', () => {
    const month = parseVietnameseDate('12/13/2024');
    expect(month.ok).toBe(false);
    if (!month.ok) expect(month.message).toContain('Tháng 13');
    expect(parseVietnameseDate('00/12/2024').ok).toBe(false);
  });

  it('rejects two-digit years instead of guessing the century', () => {
    const r = parseVietnameseDate('05/09/70');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('4 chữ số');
  });

  it('rejects month/year without a day, explaining that a bare year is allowed', () => {
    const r = parseVietnameseDate('tháng 5/1970');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('thiếu ngày');
    expect(parseVietnameseDate('05/1970').ok).toBe(false);
  });

  it('rejects years outside 1900–2100', () => {
    const r = parseVietnameseDate('01/01/1850');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('1900–2100');
    expect(parseVietnameseDate('2101').ok).toBe(false);
  });

  it('rejects text that is not a date, with the accepted forms', () => {
    const r = parseVietnameseDate('không rõ');
    expect(r).toEqual({
      ok: false,
      message: 'Không đọc được ngày «không rõ». Hãy ghi theo dạng dd/mm/yyyy (ví dụ 05/09/1970) hoặc chỉ ghi năm (ví dụ 1970) nếu không rõ ngày tháng.',
    });
  });
});

describe('parseVietnameseDate: spreadsheet cells', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [22501, '1961-08-08'],
    [45292, '2024-01-01'],
    [45351, '2024-02-29'],
    [45839, '2025-07-01'],
  ])('reads Excel serial %d as %s', (serial, date) => {
    expect(parseVietnameseDate(serial)).toEqual({ ok: true, date, precision: 'day' });
  });

  it('ignores the time of day in a serial', () => {
    expect(parseVietnameseDate(45292.99)).toEqual({ ok: true, date: '2024-01-01', precision: 'day' });
  });

  it('rejects Excel’s non-existent 29/02/1900 and non-positive serials', () => {
    expect(parseVietnameseDate(60).ok).toBe(false);
    expect(parseVietnameseDate(0).ok).toBe(false);
    expect(parseVietnameseDate(-5).ok).toBe(false);
    expect(parseVietnameseDate(Number.NaN).ok).toBe(false);
  });

  it('reads a whole number 1900–2100 as a year typed into a "Năm sinh" column', () => {
    expect(parseVietnameseDate(1970)).toEqual({ ok: true, date: '1970-01-01', precision: 'year' });
    expect(parseVietnameseDate(1900)).toEqual({ ok: true, date: '1900-01-01', precision: 'year' });
  });

  it('reads a Date by its UTC calendar day, as ExcelJS returns date cells', () => {
    expect(parseVietnameseDate(new Date(Date.UTC(1961, 9, 31)))).toEqual({
      ok: true,
      date: '1961-10-31',
      precision: 'day',
    });
    expect(parseVietnameseDate(new Date('2024-02-29T00:00:00Z'))).toEqual({
      ok: true,
      date: '2024-02-29',
      precision: 'day',
    });
  });

  it('rejects a Date outside 1900–2100, showing it as dd/mm/yyyy', () => {
    expect(parseVietnameseDate(new Date(Date.UTC(1850, 0, 1)))).toEqual({
      ok: false,
      message: 'Năm 1850 trong «01/01/1850» nằm ngoài khoảng 1900–2100.',
    });
  });

  it('rejects an invalid Date', () => {
    expect(parseVietnameseDate(new Date('nonsense')).ok).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-01-10', 90)).toBe('2025-04-10');
    expect(addDays('2025-01-10', 0)).toBe('2025-01-10');
  });

  it('throws on a malformed date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('10/01/2025', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month', () => {
    expect(addMonths('1961-10-15', 726)).toBe('2022-04-15');
    expect(addMonths('2025-07-01', 60)).toBe('2030-07-01');
    expect(addMonths('2025-11-20', 2)).toBe('2026-01-20');
    expect(addMonths('2025-01-20', -1)).toBe('2024-12-20');
  });

  it('moves a day missing in the target month to its last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
});

describe('monthsBetween', () => {
  it('counts whole months, rounding down', () => {
    expect(monthsBetween('2025-01-15', '2025-02-14')).toBe(0);
    expect(monthsBetween('2025-01-15', '2025-02-15')).toBe(1);
    expect(monthsBetween('2025-07-01', '2030-07-01')).toBe(60);
    expect(monthsBetween('2025-07-01', '2030-06-30')).toBe(59);
    expect(monthsBetween('2025-07-15', '2029-08-01')).toBe(48);
    expect(monthsBetween('2025-01-01', '2025-01-01')).toBe(0);
  });

  it('agrees with addMonths at the ends of months', () => {
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2023-01-31', '2023-02-28')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(monthsBetween('2024-02-29', '2025-02-28')).toBe(12);
    for (const start of ['2024-01-31', '2023-03-31', '2024-02-29', '2025-08-30']) {
      for (const n of [0, 1, 2, 11, 12, 13, 48, 60]) {
        expect(monthsBetween(start, addMonths(start, n))).toBe(n);
      }
    }
  });

  it('is negative when the second date comes first', () => {
    expect(monthsBetween('2025-03-15', '2025-01-15')).toBe(-2);
    expect(monthsBetween('2025-03-15', '2025-01-16')).toBe(-1);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, negative backwards', () => {
    expect(daysBetween('2025-03-01', '2025-03-11')).toBe(10);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-11', '2025-03-01')).toBe(-10);
    expect(daysBetween('2025-03-11', '2025-03-11')).toBe(0);
  });
});

describe('dayOfWeek', () => {
  it('numbers days from Sunday = 0', () => {
    expect(dayOfWeek('2025-07-01')).toBe(2);
    expect(dayOfWeek('2025-09-02')).toBe(2);
    expect(dayOfWeek('2025-03-08')).toBe(6);
    expect(dayOfWeek('2025-03-09')).toBe(0);
    expect(dayOfWeek('2024-02-29')).toBe(4);
  });
});

describe('compareIsoDates', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2024-02-29', '2024-03-01')).toBe(-1);
    expect(compareIsoDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(compareIsoDates('2025-01-01', '2025-01-01')).toBe(0);
    expect(['2025-01-02', '1961-10-31', '2024-02-29'].sort(compareIsoDates)).toEqual(['1961-10-31', '2024-02-29', '2025-01-02']);
  });
});

describe('startOfMonth / endOfMonth', () => {
  it('finds the first and last day of the month', () => {
    expect(startOfMonth('2024-02-17')).toBe('2024-02-01');
    expect(endOfMonth('2024-02-17')).toBe('2024-02-29');
    expect(endOfMonth('2023-02-01')).toBe('2023-02-28');
    expect(endOfMonth('2025-12-05')).toBe('2025-12-31');
    expect(endOfMonth('2025-04-30')).toBe('2025-04-30');
  });
});

describe('formatVietnameseDate', () => {
  it('writes dd/mm/yyyy with leading zeros', () => {
    expect(formatVietnameseDate('1970-09-05')).toBe('05/09/1970');
    expect(formatVietnameseDate('2025-12-31')).toBe('31/12/2025');
  });

  it('writes only the year when only the year is known', () => {
    expect(formatVietnameseDate('1965-01-01', 'year')).toBe('1965');
  });

  it('round-trips through parseVietnameseDate', () => {
    for (const iso of ['1961-10-31', '2024-02-29', '1900-01-01', '2100-12-31']) {
      expect(parseVietnameseDate(formatVietnameseDate(iso))).toEqual({ ok: true, date: iso, precision: 'day' });
    }
  });
});
