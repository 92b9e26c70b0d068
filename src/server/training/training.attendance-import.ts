import { formatVietnameseDate, parseVietnameseDate } from '../../core/dates.js';
import { formatCount } from '../../core/numbers.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import { AppError } from '../http/errors.js';
import { assertSafeXlsx } from '../imports/xlsx-guard.js';
import { type CellValue, readXlsxRows, type SheetCell } from '../imports/xlsx-rows.js';
import { ATTENDANCE_FIXED_HEADERS, type SheetSession, sessionHeader } from './training.export.js';
import type { AttendanceStatus } from './training.tables.js';

const MAX_CELL_LENGTH = 500;
/** A class holds at most 10,000 learners (the capacity limit); a register longer than that is not one class. */
const MAX_DATA_ROWS = 10_000;

export interface AttendanceIssue {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface RegisterPerson {
  enrolmentId: string;
  fullName: string;
  birthDate: string | null;
}

export interface AttendanceMark {
  sessionId: string;
  enrolmentId: string;
  /** null: the cell was left empty, so the person is no longer marked for that session. */
  status: AttendanceStatus | null;
}

export interface AttendanceReading {
  rows: number;
  marks: AttendanceMark[];
  errors: AttendanceIssue[];
}

/** What officers type, folded: the words in full, the shorthands of paper registers, with or without diacritics. */
const STATUS_OF_TEXT: ReadonlyMap<string, AttendanceStatus> = new Map([
  ['co mat', 'present'],
  ['x', 'present'],
  ['vang co phep', 'excused'],
  ['p', 'excused'],
  ['vang', 'absent'],
  ['v', 'absent'],
]);

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function shown(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return formatVietnameseDate(value.toISOString().slice(0, 10));
  return String(value);
}

function textOf(cell: SheetCell | undefined): string {
  const value = cell?.value ?? null;
  return value === null ? '' : normalizeText(shown(value) ?? '');
}

/**
 * Reads a class register filled in from the sheet `GET …/attendance.xlsx` gives. People are
 * found by name and birth date, sessions by their heading; every problem is reported with its
 * row and column, and nothing is kept unless the whole file is right.
 */
export async function readAttendanceSheet(content: Buffer, sessions: readonly SheetSession[], people: readonly RegisterPerson[]): Promise<AttendanceReading> {
  await assertSafeXlsx(content);
  const errors: AttendanceIssue[] = [];
  const marks: AttendanceMark[] = [];
  const sessionOfHeader = new Map(sessions.map((session) => [foldVietnamese(sessionHeader(session)), session]));
  let columns: Map<number, SheetSession> | null = null;
  let dataRows = 0;
  const seen = new Map<string, number>();

  for await (const row of readXlsxRows(content, { maxCellLength: MAX_CELL_LENGTH })) {
    if (row.sheetIndex !== 1) break;
    if (columns === null) {
      if (foldVietnamese(textOf(row.cells[1])) !== 'stt' || foldVietnamese(textOf(row.cells[2])) !== foldVietnamese(ATTENDANCE_FIXED_HEADERS[1])) continue;
      columns = new Map();
      for (let column = ATTENDANCE_FIXED_HEADERS.length + 1; column < row.cells.length; column += 1) {
        const heading = textOf(row.cells[column]);
        if (heading === '') continue;
        const session = sessionOfHeader.get(foldVietnamese(heading));
        if (session) columns.set(column, session);
        else
          errors.push({
            row: row.number,
            column: columnLetter(column),
            value: heading,
            message: `Cột "${heading}" không phải buổi học nào của lớp (tiêu đề cột buổi học có dạng "dd/mm/yyyy HH:MM-HH:MM")`,
          });
      }
      continue;
    }
    const fullName = textOf(row.cells[2]);
    const anyValue = row.cells.some((cell, column) => column > 1 && cell !== undefined && cell.value !== null);
    if (!anyValue) continue;
    dataRows += 1;
    if (dataRows > MAX_DATA_ROWS) {
      throw new AppError('IMPORT_TOO_MANY_ROWS', { message: `Tệp điểm danh có hơn ${formatCount(MAX_DATA_ROWS)} dòng học viên` });
    }
    const person = findPerson(row.number, fullName, row.cells[3], people, errors);
    if (person) {
      const earlier = seen.get(person.enrolmentId);
      if (earlier !== undefined) {
        errors.push({ row: row.number, column: 'B', value: fullName, message: `${person.fullName} đã có ở dòng ${earlier}` });
        continue;
      }
      seen.set(person.enrolmentId, row.number);
    }
    for (const [column, session] of columns) {
      const cell = row.cells[column];
      if (cell?.problem) {
        errors.push({ row: row.number, column: columnLetter(column), value: null, message: cell.problem });
        continue;
      }
      const typed = textOf(cell);
      const status = typed === '' ? null : STATUS_OF_TEXT.get(foldVietnamese(typed));
      if (status === undefined) {
        errors.push({
          row: row.number,
          column: columnLetter(column),
          value: typed,
          message: `Buổi ${sessionHeader(session)}: "${typed}" không phải trạng thái điểm danh; ghi "Có mặt", "Vắng có phép" hoặc "Vắng" (x / P / V), hoặc để trống`,
        });
        continue;
      }
      if (person) marks.push({ sessionId: session.id, enrolmentId: person.enrolmentId, status });
    }
  }
  if (columns === null) {
    throw new AppError('IMPORT_NO_HEADER', {
      message: 'Không tìm thấy dòng tiêu đề của bảng điểm danh (dòng có cột "STT" và "Họ và tên") ở trang tính đầu tiên',
    });
  }
  return { rows: dataRows, marks, errors };
}

function findPerson(
  rowNumber: number,
  fullName: string,
  birthCell: SheetCell | undefined,
  people: readonly RegisterPerson[],
  errors: AttendanceIssue[],
): RegisterPerson | null {
  if (fullName === '') {
    errors.push({ row: rowNumber, column: 'B', value: null, message: 'Thiếu họ và tên học viên' });
    return null;
  }
  const named = people.filter((person) => foldVietnamese(person.fullName) === foldVietnamese(fullName));
  if (named.length === 0) {
    errors.push({ row: rowNumber, column: 'B', value: fullName, message: `${fullName} không có trong danh sách học viên của lớp` });
    return null;
  }
  const birthValue = birthCell?.value ?? null;
  const birth = parseVietnameseDate(typeof birthValue === 'boolean' ? null : birthValue);
  if (!birth.ok) {
    errors.push({ row: rowNumber, column: 'C', value: shown(birthValue), message: birth.message });
    return null;
  }
  const sameBirth = (person: RegisterPerson) =>
    birth.precision === 'year' ? person.birthDate?.slice(0, 4) === birth.date?.slice(0, 4) : person.birthDate === birth.date;
  const matching = birth.date === null ? named : named.filter(sameBirth);
  if (matching.length === 1) return matching[0] ?? null;
  if (matching.length === 0) {
    errors.push({ row: rowNumber, column: 'C', value: shown(birthValue), message: `Ngày sinh không khớp với ${fullName} trong danh sách học viên của lớp` });
  } else {
    errors.push({
      row: rowNumber,
      column: 'C',
      value: shown(birthValue),
      message: `Lớp có ${matching.length} học viên tên ${fullName}; hãy ghi ngày sinh để phân biệt`,
    });
  }
  return null;
}
