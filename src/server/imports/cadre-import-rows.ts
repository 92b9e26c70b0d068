import { addMonths, compareIsoDates, type DatePrecision, formatVietnameseDate, parseVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { parseEthnicity } from '../../core/ethnicities.js';
import { parsePersonalId, personalIdMismatch } from '../../core/personal-id.js';
import { politicalTheory, professionalEducation, stateManagement } from '../../core/qualifications.js';
import { foldForMatching, normalizeText } from '../../core/text.js';
import { parseTitles, type TitleCode } from '../../core/titles.js';
import type { CellValue, SheetCell } from './xlsx-rows.js';
import { fullNameProblem, parsePhone, parseTerm, partyJoiningProblem } from '../../core/person-values.js';
import { type CadreColumnKey, columnForHeader, HEADER_OF, REQUIRED_COLUMNS, type SheetColumnKey } from '../cadres/cadres.sheet.js';
import type { Gender } from '../cadres/cadres.tables.js';

/** A problem in the file, where the user will look for it: Excel row number and column header. */
export interface ImportIssue {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface DateValue {
  date: string;
  precision: DatePrecision;
}

/** One data row, read and checked on its own. Fields that could not be read are null and have an issue. */
export interface ParsedRow {
  row: number;
  fullName: string | null;
  birth: DateValue | null;
  gender: Gender | null;
  ethnicityCode: string | null;
  personalId: string | null;
  /** The code as typed; `fromNumber` when Excel stored it as a number and may have dropped leading zeros. */
  unitCode: { text: string; fromNumber: boolean } | null;
  titles: TitleCode[];
  start: DateValue | null;
  term: string | null;
  professional: string | null;
  major: string | null;
  politicalTheory: string | null;
  stateManagement: string | null;
  partyJoined: DateValue | null;
  phone: string | null;
  /** The row has at least one error: it is reported but not planned. */
  invalid: boolean;
}

export type ColumnMap = Map<number, SheetColumnKey>;

const HEADER_SEARCH_ROWS = 30;
export const MAX_CELL_LENGTH = 2_000;
const MIN_POST_AGE_YEARS = 18;

/** The header row: the first row naming at least the required columns. */
export function matchHeader(cells: readonly (SheetCell | undefined)[]): ColumnMap | null {
  const columns: ColumnMap = new Map();
  const seen = new Set<SheetColumnKey>();
  cells.forEach((cell, index) => {
    if (!cell || typeof cell.value !== 'string') return;
    const key = columnForHeader(cell.value);
    if (key && !seen.has(key)) {
      seen.add(key);
      columns.set(index, key);
    }
  });
  return REQUIRED_COLUMNS.every((key) => seen.has(key)) ? columns : null;
}

export function canStillFindHeader(rowNumber: number): boolean {
  return rowNumber <= HEADER_SEARCH_ROWS;
}

/** The nearest filled header cell at or left of a column: a merged header keeps its text in its first cell only. */
function parentHeader(header: readonly (SheetCell | undefined)[], column: number): string | null {
  for (let i = column; i >= 0; i -= 1) {
    const value = header[i]?.value;
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

/**
 * A second header row under merged cells ("Trình độ" over "Chuyên môn | LLCT |
 * QLNN", "Ngày sinh" over "Nam | Nữ"): the columns it names, added to the
 * header's; null when the row is data.
 */
export function withSubHeader(header: readonly (SheetCell | undefined)[], cells: readonly (SheetCell | undefined)[], columns: ColumnMap): ColumnMap | null {
  const nameColumn = [...columns].find(([, key]) => key === 'fullName')?.[0];
  if (nameColumn !== undefined && plainText(cells[nameColumn]?.value ?? null) !== '') return null;
  const merged: ColumnMap = new Map(columns);
  const present = new Set(columns.values());
  let found = false;
  cells.forEach((cell, index) => {
    if (!cell || typeof cell.value !== 'string') return;
    const sex = parseGender(cell.value);
    if (sex) {
      const parent = parentHeader(header, index);
      if (parent && columnForHeader(parent) === 'birthDate') {
        merged.set(index, sex === 'nam' ? 'birthDateMale' : 'birthDateFemale');
        found = true;
      }
      return;
    }
    const key = columnForHeader(cell.value);
    if (key && !present.has(key)) {
      merged.set(index, key);
      present.add(key);
      found = true;
    }
  });
  return found ? merged : null;
}

/** Columns a list of posts needs besides the required ones; without them only personal data is imported. */
export function missingPostColumns(columns: ColumnMap): CadreColumnKey[] {
  const present = new Set(columns.values());
  return (['title', 'startDate'] as const).filter((key) => !present.has(key));
}

/** How a value is echoed back in a message: as the user typed or saw it. */
export function displayValue(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return formatVietnameseDate(value.toISOString().slice(0, 10));
  const text = String(value);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

// Exports prefix text that starts like a formula with an apostrophe; drop it on the way back in.
function plainText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return formatVietnameseDate(value.toISOString().slice(0, 10));
  const text = normalizeText(String(value));
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/**
 * A copy of a value that is kept until the import ends. Text read from the
 * sheet can be a slice of the parser's whole decoded chunk, and keeping the
 * slice would keep the chunk: for 50,000 rows that is most of the sheet.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

const COLUMN_NUMBERING = /^\(?\d{1,2}\)?$/;

/**
 * Rows that carry no person: blank rows, and the "(1) (2) (3)…" row many
 * offices put under the header.
 */
export function isEmptyOrNumberingRow(cells: ReadonlyMap<SheetColumnKey, SheetCell>): boolean {
  const filled = [...cells.entries()].filter(([, cell]) => cell.problem !== undefined || plainText(cell.value) !== '');
  if (filled.length === 0) return true;
  if (filled.every(([key]) => key === 'stt')) return true;
  return filled.length >= 3 && filled.every(([, cell]) => cell.problem === undefined && COLUMN_NUMBERING.test(plainText(cell.value)));
}

function dateValue(value: CellValue): { ok: true; value: DateValue | null } | { ok: false; message: string } {
  const input = typeof value === 'boolean' ? String(value) : value;
  const result = parseVietnameseDate(typeof input === 'string' ? plainText(input) : input);
  if (!result.ok) return result;
  return { ok: true, value: result.date === null ? null : { date: result.date, precision: result.precision } };
}

function parseGender(text: string): Gender | null | undefined {
  const key = foldForMatching(text);
  if (key === '') return null;
  if (['nam', 'm', 'male', 'trai'].includes(key)) return 'nam';
  if (['nu', 'f', 'female', 'gai'].includes(key)) return 'nu';
  return undefined;
}

/**
 * Reads one data row the way offices write it: NFD text and stray spaces,
 * abbreviations (ĐH, ThS, TC, CC, "PCT UBND"), Excel dates, dd/mm/yyyy,
 * d/m/yyyy or a bare year. Every problem is reported with its column, and
 * the rest of the row is still read so that one pass shows all mistakes.
 */
export function parseCadreRow(
  rowNumber: number,
  cells: ReadonlyMap<SheetColumnKey, SheetCell>,
): { parsed: ParsedRow; errors: ImportIssue[]; warnings: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const today = todayInVietnam();
  const raw = (key: SheetColumnKey): CellValue => cells.get(key)?.value ?? null;
  const text = (key: SheetColumnKey): string => plainText(raw(key));
  const fail = (key: SheetColumnKey, message: string) => errors.push({ row: rowNumber, column: HEADER_OF[key], value: displayValue(raw(key)), message });
  const warn = (key: SheetColumnKey, message: string) => warnings.push({ row: rowNumber, column: HEADER_OF[key], value: displayValue(raw(key)), message });

  for (const [key, cell] of cells) if (cell.problem) fail(key, cell.problem);
  const usable = (key: SheetColumnKey) => !cells.get(key)?.problem;

  const parsed: ParsedRow = {
    row: rowNumber,
    fullName: null,
    birth: null,
    gender: null,
    ethnicityCode: null,
    personalId: null,
    unitCode: null,
    titles: [],
    start: null,
    term: null,
    professional: null,
    major: null,
    politicalTheory: null,
    stateManagement: null,
    partyJoined: null,
    phone: null,
    invalid: false,
  };

  if (usable('fullName')) {
    const name = text('fullName');
    const problem = fullNameProblem(name);
    if (problem) fail('fullName', problem);
    else parsed.fullName = detached(name);
  }

  if (usable('birthDate')) {
    const birth = dateValue(raw('birthDate'));
    if (!birth.ok) fail('birthDate', birth.message);
    else if (birth.value && compareIsoDates(birth.value.date, today) > 0) fail('birthDate', 'Ngày sinh không được sau hôm nay.');
    else parsed.birth = birth.value;
  }

  if (usable('gender')) {
    const gender = parseGender(text('gender'));
    if (gender === undefined) fail('gender', `Giới tính «${text('gender')}» không hợp lệ; ghi Nam hoặc Nữ.`);
    else parsed.gender = gender;
  }

  // The old national form: the birth date written under "Nam" or under "Nữ" says the sex too.
  const genderedBirth = (['birthDateMale', 'birthDateFemale'] as const).filter((key) => usable(key) && text(key) !== '');
  if (genderedBirth.length > 1) {
    fail('birthDateFemale', 'Chỉ ghi ngày sinh vào một trong hai cột Nam hoặc Nữ.');
  } else if (genderedBirth.length === 1 && parsed.birth === null) {
    const key = genderedBirth[0]!;
    const sex = key === 'birthDateMale' ? 'nam' : 'nu';
    const birth = dateValue(raw(key));
    if (!birth.ok) fail(key, birth.message);
    else if (birth.value && compareIsoDates(birth.value.date, today) > 0) fail(key, 'Ngày sinh không được sau hôm nay.');
    else if (parsed.gender !== null && parsed.gender !== sex) fail(key, `Ngày sinh ghi ở cột ${sex === 'nam' ? 'Nam' : 'Nữ'} nhưng cột giới tính ghi khác.`);
    else {
      parsed.birth = birth.value;
      parsed.gender = sex;
    }
  }

  if (usable('ethnicity')) {
    const ethnicity = parseEthnicity(text('ethnicity'));
    if (!ethnicity.ok) fail('ethnicity', ethnicity.message);
    else parsed.ethnicityCode = ethnicity.ethnicity?.code ?? null;
  }

  if (usable('personalId')) {
    const value = raw('personalId');
    // Typed as a number, the id lost its leading zeros (every province code starts with 0).
    const typed = typeof value === 'number' && Number.isInteger(value) && value > 0 ? String(value).padStart(12, '0') : text('personalId');
    const id = parsePersonalId(typed);
    if (!id.ok) fail('personalId', id.message);
    else parsed.personalId = id.id === null ? null : detached(id.id);
  }

  if (usable('unitCode')) {
    const value = raw('unitCode');
    const code = typeof value === 'number' && Number.isInteger(value) ? String(value) : text('unitCode').replace(/\s/g, '');
    if (code === '') fail('unitCode', 'Thiếu mã đơn vị (mã đơn vị hành chính theo danh mục của Tổng cục Thống kê).');
    else parsed.unitCode = { text: detached(code), fromNumber: typeof value === 'number' };
  }

  if (usable('title')) {
    const titles = parseTitles(text('title'));
    if (!titles.ok) fail('title', titles.message);
    else parsed.titles = titles.titles;
  }

  if (usable('startDate')) {
    const start = dateValue(raw('startDate'));
    if (!start.ok) fail('startDate', start.message);
    else if (start.value && compareIsoDates(start.value.date, addMonths(today, 12)) > 0) fail('startDate', 'Ngày giữ chức vụ xa hơn một năm kể từ hôm nay.');
    else parsed.start = start.value;
  }
  if (parsed.titles.length > 0 && parsed.start === null && usable('startDate') && errors.every((e) => e.column !== HEADER_OF.startDate)) {
    fail('startDate', 'Thiếu ngày giữ chức vụ: cần để biết mã đơn vị thuộc thời kỳ nào và từ khi nào giữ chức vụ.');
  }
  if (parsed.titles.length === 0 && parsed.start !== null && text('title') === '') fail('title', 'Có ngày giữ chức vụ nhưng thiếu chức vụ.');
  if (parsed.birth && parsed.start && compareIsoDates(parsed.start.date, addMonths(parsed.birth.date, MIN_POST_AGE_YEARS * 12)) < 0) {
    fail(
      'startDate',
      `Ngày giữ chức vụ ${formatVietnameseDate(parsed.start.date, parsed.start.precision)} khi chưa đủ ${MIN_POST_AGE_YEARS} tuổi; kiểm tra lại ngày sinh hoặc ngày giữ chức vụ.`,
    );
  }

  if (usable('term')) {
    const term = parseTerm(text('term'));
    if (!term.ok) fail('term', term.message);
    else parsed.term = term.term;
  }

  const levelColumns = [
    ['professional', professionalEducation],
    ['politicalTheory', politicalTheory],
    ['stateManagement', stateManagement],
  ] as const;
  for (const [key, scale] of levelColumns) {
    if (!usable(key)) continue;
    const level = scale.parse(text(key));
    if (!level.ok) fail(key, level.message);
    else parsed[key] = level.level;
  }
  if (usable('major')) parsed.major = text('major') === '' ? null : detached(text('major'));

  if (usable('partyJoinedOn')) {
    const party = dateValue(raw('partyJoinedOn'));
    if (!party.ok) fail('partyJoinedOn', party.message);
    else if (party.value && compareIsoDates(party.value.date, today) > 0) fail('partyJoinedOn', 'Ngày vào Đảng không được sau hôm nay.');
    else if (party.value && parsed.birth && compareIsoDates(party.value.date, parsed.birth.date) <= 0)
      fail('partyJoinedOn', 'Ngày vào Đảng phải sau ngày sinh.');
    else {
      // The same rule as the form and the API (core/person-values.ts), where both dates are known to the day.
      const tooYoung = party.value?.precision === 'day' && parsed.birth?.precision === 'day' ? partyJoiningProblem(parsed.birth.date, party.value.date) : null;
      if (tooYoung) fail('partyJoinedOn', tooYoung);
      else parsed.partyJoined = party.value;
    }
  }

  if (usable('phone')) {
    const phone = parsePhone(typeof raw('phone') === 'number' ? (raw('phone') as number) : text('phone'));
    if (!phone.ok) fail('phone', phone.message);
    else {
      parsed.phone = phone.phone === null ? null : detached(phone.phone);
      if (phone.extra) warn('phone', `Ô có nhiều số điện thoại; chỉ lưu số đầu tiên ${phone.phone}.`);
    }
  }

  if (parsed.personalId) {
    const mismatch = personalIdMismatch(parsed.personalId, { gender: parsed.gender, birthYear: parsed.birth ? Number(parsed.birth.date.slice(0, 4)) : null });
    if (mismatch) warn('personalId', mismatch);
  }

  parsed.invalid = errors.length > 0;
  return { parsed, errors, warnings };
}

export function cellsByColumn(cells: readonly (SheetCell | undefined)[], columns: ColumnMap): Map<SheetColumnKey, SheetCell> {
  const byKey = new Map<SheetColumnKey, SheetCell>();
  for (const [index, key] of columns) {
    const cell = cells[index];
    if (cell) byKey.set(key, cell);
  }
  return byKey;
}

/** Names compared as written, ignoring only letter case: "Nguyễn Văn Á" and "Nguyễn Văn A" are different people. */
export function sameNameKey(fullName: string): string {
  return normalizeText(fullName).toLocaleLowerCase('vi');
}
