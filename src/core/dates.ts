import { foldVietnamese, normalizeText } from './text.js';

/**
 * A calendar date 'YYYY-MM-DD' with no time and no time zone. A plain string
 * alias so that values from PostgreSQL `date` columns, Zod schemas and JSON
 * flow through unchanged; every function here rejects a malformed value with
 * a RangeError.
 */
export type IsoDate = string;

/** 'year' means only the year was known; the date is then 1 January of it. */
export type DatePrecision = 'day' | 'year';

export type DateParseResult =
  | { ok: true; date: IsoDate; precision: DatePrecision }
  | { ok: true; date: null; precision: null }
  | { ok: false; message: string };

const MS_PER_DAY = 86_400_000;
// Vietnam has kept UTC+7 without daylight saving since 1975.
const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates typed into the product (births, appointments, petitions) fall in this range. */
export const MIN_ACCEPTED_YEAR = 1900;
export const MAX_ACCEPTED_YEAR = 2100;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utcMidnight(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Year, month (1–12) and day of an ISO date; throws RangeError on a malformed one. */
export function splitIsoDate(date: IsoDate): CalendarDate {
  const m = ISO_DATE.exec(date);
  const parts = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!parts || !isRealDate(parts.year, parts.month, parts.day)) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return parts;
}

function fromCalendarDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromEpochMs(ms: number): IsoDate {
  const d = new Date(ms);
  return fromCalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function toEpochMs(date: IsoDate): number {
  const { year, month, day } = splitIsoDate(date);
  return utcMidnight(year, month, day);
}

export function todayInVietnam(now: Date = new Date()): IsoDate {
  return fromEpochMs(now.getTime() + VIETNAM_UTC_OFFSET_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochMs(toEpochMs(date) + days * MS_PER_DAY);
}

/**
 * Same day `months` later; a day missing in the target month becomes its last
 * day (31/01 + 1 month = 28/02 or 29/02), as the Civil Code counts periods
 * in months (art. 148).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return fromCalendarDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * Whole months from `from` to `to`: the largest n with addMonths(from, n) ≤ to.
 * Negative (by the same rule, reversed) when `to` is before `from`.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (compareIsoDates(to, from) < 0) return -monthsBetween(to, from);
  const a = splitIsoDate(from);
  const b = splitIsoDate(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return compareIsoDates(addMonths(from, months), to) > 0 ? months - 1 : months;
}

/** Days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toEpochMs(to) - toEpochMs(from)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toEpochMs(date)).getUTCDay();
}

export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toEpochMs(a) - toEpochMs(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function startOfMonth(date: IsoDate): IsoDate {
  const { year, month } = splitIsoDate(date);
  return fromCalendarDate(year, month, 1);
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = splitIsoDate(date);
  return fromCalendarDate(year, month, daysInMonth(year, month));
}

/** 'dd/mm/yyyy', or just 'yyyy' when only the year is known. */
export function formatVietnameseDate(date: IsoDate, precision: DatePrecision = 'day'): string {
  const { year, month, day } = splitIsoDate(date);
  const yyyy = String(year).padStart(4, '0');
  if (precision === 'year') return yyyy;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${yyyy}`;
}

// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the
// 29/02/1900 that Lotus 1-2-3 invented; from serial 61 on, serial 0 would be
// 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_FAKE_LEAP_DAY = 60;

const FORMAT_HINT = 'Hãy ghi theo dạng dd/mm/yyyy (ví dụ 05/09/1970) hoặc chỉ ghi năm (ví dụ 1970) nếu không rõ ngày tháng.';

function yearOutOfRange(year: number, typed: string): DateParseResult | null {
  if (year >= MIN_ACCEPTED_YEAR && year <= MAX_ACCEPTED_YEAR) return null;
  return { ok: false, message: `Năm ${year} trong «${typed}» nằm ngoài khoảng ${MIN_ACCEPTED_YEAR}–${MAX_ACCEPTED_YEAR}.` };
}

function checkedDate(year: number, month: number, day: number, typed: string): DateParseResult {
  const badYear = yearOutOfRange(year, typed);
  if (badYear) return badYear;
  if (month < 1 || month > 12) {
    return { ok: false, message: `Tháng ${month} trong «${typed}» không hợp lệ: tháng phải từ 1 đến 12.` };
  }
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return {
      ok: false,
      message: `Ngày «${typed}» không tồn tại: tháng ${month}/${year} chỉ có ${lastDay} ngày.`,
    };
  }
  return { ok: true, date: fromCalendarDate(year, month, day), precision: 'day' };
}

function yearOnly(year: number, typed: string): DateParseResult {
  return yearOutOfRange(year, typed) ?? { ok: true, date: fromCalendarDate(year, 1, 1), precision: 'year' };
}

function parseExcelNumber(value: number): DateParseResult {
  const typed = String(value);
  if (!Number.isFinite(value)) return { ok: false, message: `Không đọc được ngày «${typed}». ${FORMAT_HINT}` };
  // A "Năm sinh" column is usually typed as a number; serials 1900–2100
  // would be dates in 1905, which this product never meets.
  if (Number.isInteger(value) && value >= MIN_ACCEPTED_YEAR && value <= MAX_ACCEPTED_YEAR) {
    return yearOnly(value, typed);
  }
  const serial = Math.floor(value);
  if (serial === EXCEL_FAKE_LEAP_DAY) {
    return { ok: false, message: 'Ngày 29/02/1900 không tồn tại (lỗi lịch của Excel).' };
  }
  if (serial < 1) return { ok: false, message: `Số ngày Excel «${typed}» không hợp lệ. ${FORMAT_HINT}` };
  const ms = EXCEL_EPOCH_MS + (serial < EXCEL_FAKE_LEAP_DAY ? serial + 1 : serial) * MS_PER_DAY;
  const d = new Date(ms);
  return checkedDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), typed);
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/;
const YEAR_MONTH_DAY = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const WRITTEN_OUT = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/;
const YEAR = /^\d{4}$/;
const MONTH_YEAR = /^(?:thang )?\d{1,2}[/.-]\d{4}$/;

function parseDateText(raw: string): DateParseResult {
  const typed = normalizeText(raw);
  if (typed === '') return { ok: true, date: null, precision: null };
  const s = foldVietnamese(typed).replace(/\s*([/.-])\s*/g, '$1');

  if (YEAR.test(s)) return yearOnly(Number(s), typed);

  let m = YEAR_MONTH_DAY.exec(s);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]), typed);

  m = DAY_MONTH_YEAR.exec(s) ?? WRITTEN_OUT.exec(s);
  if (m) {
    if (m[3]?.length !== 4) {
      return { ok: false, message: `Năm trong «${typed}» phải ghi đủ 4 chữ số. ${FORMAT_HINT}` };
    }
    return checkedDate(Number(m[3]), Number(m[2]), Number(m[1]), typed);
  }

  if (MONTH_YEAR.test(s)) {
    return { ok: false, message: `«${typed}» thiếu ngày. ${FORMAT_HINT}` };
  }
  return { ok: false, message: `Không đọc được ngày «${typed}». ${FORMAT_HINT}` };
}

/**
 * Reads a date as offices type it, or as a spreadsheet cell holds it.
 * Date objects are taken by their UTC calendar date, which is how ExcelJS
 * returns date cells (UTC midnight); the local time zone never shifts the day.
 */
export function parseVietnameseDate(input: string | number | Date | null | undefined): DateParseResult {
  if (input === null || input === undefined) return { ok: true, date: null, precision: null };
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, message: `Ngày không hợp lệ. ${FORMAT_HINT}` };
    const typed = formatVietnameseDate(fromEpochMs(input.getTime()));
    return checkedDate(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate(), typed);
  }
  if (typeof input === 'number') return parseExcelNumber(input);
  return parseDateText(input);
}
