import { parse } from 'csv-parse/sync';
import { isValidIsoDate } from '../../core/dates.js';
import { normalizeText } from '../../core/text.js';
import { AppError } from '../http/errors.js';
import type { ChangeKind, LineageKind } from './territory.tables.js';

/**
 * Reads the official lists of administrative units, the old→new conversion
 * table and the table of known effective dates. Everything here is pure: a
 * file is either read whole or refused with a Vietnamese message naming the
 * file and line, before anything touches the database.
 */

export type ListLevel = 'province' | 'district' | 'commune';

export interface ListedUnit {
  level: ListLevel;
  code: string;
  name: string;
  type: string;
  /** Code of the parent unit at the level above; null for a province (its parent is the country). */
  parentCode: string | null;
  line: number;
}

export interface OfficialList {
  label: string;
  hasDistricts: boolean;
  units: ListedUnit[];
}

export interface ConversionRow {
  line: number;
  oldCode: string | null;
  newCode: string;
  note: string;
  oldDistrictCode: string | null;
  oldDistrictName: string | null;
  oldProvinceCode: string | null;
  oldNameAsPrinted: string | null;
}

export interface ConversionTable {
  label: string;
  rows: ConversionRow[];
}

export interface KnownChangeDate {
  line: number;
  level: ListLevel;
  code: string;
  change: ChangeKind;
  date: string;
  basis: string;
  note: string | null;
}

export const LIST_COLUMNS_WITH_DISTRICTS = [
  'province_code',
  'province_name',
  'district_code',
  'district_name',
  'district_type',
  'commune_code',
  'commune_name',
  'commune_type',
] as const;

export const LIST_COLUMNS_WITHOUT_DISTRICTS = ['province_code', 'province_name', 'commune_code', 'commune_name', 'commune_type'] as const;

const CONVERSION_REQUIRED = ['old_commune_code', 'new_commune_code', 'nso_note'] as const;
const CONVERSION_OPTIONAL = [
  'old_commune_name',
  'new_commune_name',
  'old_commune_name_nso',
  'old_district_code',
  'old_district_name',
  'old_province_code',
  'old_province_name',
  'new_province_code',
  'new_province_name',
  'correction',
] as const;

const KNOWN_DATES_REQUIRED = ['level', 'code', 'change', 'effective_date', 'basis'] as const;

const CODE_LENGTH: Record<ListLevel, number> = { province: 2, district: 3, commune: 5 };
const LEVEL_WORD: Record<ListLevel, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

export const PROVINCE_TYPES = ['Tỉnh', 'Thành phố'] as const;
export const DISTRICT_TYPES = ['Quận', 'Huyện', 'Thị xã', 'Thành phố'] as const;
export const COMMUNE_TYPES = ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'] as const;

export function listError(label: string, line: number, message: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: `Tệp ${label}, dòng ${line}: ${message}`,
    details: { file: label, line, problem: message },
  });
}

interface CsvRow {
  line: number;
  values: Map<string, string>;
}

function readCsv(text: string, label: string, required: readonly string[], optional: readonly string[] = []): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw listError(label, line, 'không đọc được dòng CSV (sai số cột hoặc dấu ngoặc kép không đóng)');
  }
  const header = records[0];
  if (!header) throw listError(label, 1, 'tệp rỗng, không có dòng tiêu đề');
  const columns = header.record.map((name) => name.trim());
  const expected = `${required.join(',')}${optional.length > 0 ? ` (có thể thêm: ${optional.join(', ')})` : ''}`;
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw listError(label, 1, `tiêu đề cột không đúng: thiếu cột ${missing.map((m) => `«${m}»`).join(', ')}. Cần các cột: ${expected}`);
  }
  const unknown = columns.filter((name) => !required.includes(name) && !optional.includes(name));
  if (unknown.length > 0) {
    throw listError(label, 1, `tiêu đề cột không đúng: cột ${unknown.map((u) => `«${u}»`).join(', ')} không được hỗ trợ. Cần các cột: ${expected}`);
  }
  const duplicated = columns.find((name, index) => columns.indexOf(name) !== index);
  if (duplicated) throw listError(label, 1, `cột «${duplicated}» xuất hiện hai lần`);
  return records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: new Map(columns.map((name, index) => [name, normalizeText(record[index] ?? '')])),
  }));
}

function field(row: CsvRow, name: string): string {
  return row.values.get(name) ?? '';
}

function checkCode(label: string, line: number, level: ListLevel, code: string): void {
  if (!new RegExp(`^\\d{${CODE_LENGTH[level]}}$`).test(code)) {
    throw listError(label, line, `mã ${LEVEL_WORD[level]} «${code}» không hợp lệ: phải gồm đúng ${CODE_LENGTH[level]} chữ số`);
  }
}

function checkName(label: string, line: number, level: ListLevel, name: string, type: string): void {
  if (name === '') throw listError(label, line, `thiếu tên ${LEVEL_WORD[level]}`);
  if (!name.startsWith(`${type} `)) {
    throw listError(label, line, `tên «${name}» không bắt đầu bằng loại đơn vị «${type}»`);
  }
}

function provinceType(label: string, line: number, name: string): string {
  const type = PROVINCE_TYPES.find((candidate) => name.startsWith(`${candidate} `));
  if (!type) throw listError(label, line, `tên tỉnh «${name}» phải bắt đầu bằng «Tỉnh» hoặc «Thành phố»`);
  return type;
}

function checkType(label: string, line: number, level: ListLevel, type: string, allowed: readonly string[]): void {
  if (!allowed.includes(type)) {
    throw listError(label, line, `loại ${LEVEL_WORD[level]} «${type}» không hợp lệ: phải là ${allowed.map((a) => `«${a}»`).join(', ')}`);
  }
}

/** A list with district columns (2023, 2024 files) or without (2025 file and later). */
export function parseOfficialList(text: string, label: string): OfficialList {
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const hasDistricts = headerLine.split(',').some((name) => name.trim() === 'district_code');
  const rows = readCsv(text, label, hasDistricts ? LIST_COLUMNS_WITH_DISTRICTS : LIST_COLUMNS_WITHOUT_DISTRICTS);
  if (rows.length === 0) throw listError(label, 2, 'danh mục không có đơn vị nào');

  const units = new Map<string, ListedUnit>();
  const add = (unit: ListedUnit, sameAsBefore: (previous: ListedUnit) => boolean, conflictMessage: (previous: ListedUnit) => string) => {
    const key = `${unit.level}:${unit.code}`;
    const previous = units.get(key);
    if (!previous) {
      units.set(key, unit);
    } else if (!sameAsBefore(previous)) {
      throw listError(label, unit.line, conflictMessage(previous));
    }
  };

  for (const row of rows) {
    const line = row.line;
    const provinceCode = field(row, 'province_code');
    const provinceName = field(row, 'province_name');
    checkCode(label, line, 'province', provinceCode);
    if (provinceName === '') throw listError(label, line, 'thiếu tên tỉnh');
    const province: ListedUnit = {
      level: 'province',
      code: provinceCode,
      name: provinceName,
      type: provinceType(label, line, provinceName),
      parentCode: null,
      line,
    };
    add(
      province,
      (previous) => previous.name === province.name,
      (previous) => `tỉnh mã ${provinceCode} mang tên «${provinceName}», khác với «${previous.name}» ở dòng ${previous.line}`,
    );

    let communeParent = provinceCode;
    if (hasDistricts) {
      const districtCode = field(row, 'district_code');
      const districtName = field(row, 'district_name');
      const districtType = field(row, 'district_type');
      checkCode(label, line, 'district', districtCode);
      checkType(label, line, 'district', districtType, DISTRICT_TYPES);
      checkName(label, line, 'district', districtName, districtType);
      const district: ListedUnit = { level: 'district', code: districtCode, name: districtName, type: districtType, parentCode: provinceCode, line };
      add(
        district,
        (previous) => previous.name === district.name && previous.type === district.type && previous.parentCode === district.parentCode,
        (previous) =>
          `huyện mã ${districtCode} («${districtName}», tỉnh ${provinceCode}) khác với dòng ${previous.line} («${previous.name}», tỉnh ${previous.parentCode})`,
      );
      communeParent = districtCode;
    }

    const communeCode = field(row, 'commune_code');
    const communeName = field(row, 'commune_name');
    const communeType = field(row, 'commune_type');
    // A district without communes (the island districts) is a line with empty commune columns.
    if (hasDistricts && communeCode === '' && communeName === '' && communeType === '') continue;
    checkCode(label, line, 'commune', communeCode);
    checkType(label, line, 'commune', communeType, COMMUNE_TYPES);
    checkName(label, line, 'commune', communeName, communeType);
    add(
      { level: 'commune', code: communeCode, name: communeName, type: communeType, parentCode: communeParent, line },
      () => false,
      (previous) => `mã xã ${communeCode} trùng với dòng ${previous.line} («${previous.name}»): một mã chỉ được dùng cho một đơn vị tại cùng một ngày`,
    );
  }
  return { label, hasDistricts, units: [...units.values()] };
}

export function parseConversionTable(text: string, label: string): ConversionTable {
  const rows = readCsv(text, label, CONVERSION_REQUIRED, CONVERSION_OPTIONAL);
  const seen = new Map<string, number>();
  const parsed = rows.map((row): ConversionRow => {
    const oldCode = field(row, 'old_commune_code');
    const newCode = field(row, 'new_commune_code');
    if (oldCode !== '') checkCode(label, row.line, 'commune', oldCode);
    checkCode(label, row.line, 'commune', newCode);
    const oldDistrictCode = field(row, 'old_district_code');
    if (oldCode === '' && oldDistrictCode === '') {
      throw listError(label, row.line, 'thiếu mã xã cũ (hoặc mã huyện cũ khi cả huyện được sắp xếp)');
    }
    const pair = `${oldCode || `huyện ${oldDistrictCode}`}→${newCode}`;
    const previous = seen.get(pair);
    if (previous !== undefined) throw listError(label, row.line, `cặp ${pair} trùng với dòng ${previous}`);
    seen.set(pair, row.line);
    return {
      line: row.line,
      oldCode: oldCode === '' ? null : oldCode,
      newCode,
      note: field(row, 'nso_note'),
      oldDistrictCode: oldDistrictCode === '' ? null : oldDistrictCode,
      oldDistrictName: field(row, 'old_district_name') || null,
      oldProvinceCode: field(row, 'old_province_code') || null,
      oldNameAsPrinted: field(row, 'old_commune_name_nso') || null,
    };
  });
  return { label, rows: parsed };
}

export function parseKnownChangeDates(text: string, label: string): KnownChangeDate[] {
  return readCsv(text, label, KNOWN_DATES_REQUIRED, ['note']).map((row) => {
    const level = field(row, 'level');
    if (level !== 'province' && level !== 'district' && level !== 'commune') {
      throw listError(label, row.line, `cấp «${level}» không hợp lệ: phải là province, district hoặc commune`);
    }
    const code = field(row, 'code');
    checkCode(label, row.line, level, code);
    const change = field(row, 'change');
    if (change !== 'established' && change !== 'changed' && change !== 'ended') {
      throw listError(label, row.line, `loại thay đổi «${change}» không hợp lệ: phải là established, changed hoặc ended`);
    }
    const date = field(row, 'effective_date');
    if (!isValidIsoDate(date)) throw listError(label, row.line, `ngày hiệu lực «${date}» không hợp lệ (cần dạng YYYY-MM-DD)`);
    const basis = field(row, 'basis');
    if (basis === '') throw listError(label, row.line, 'thiếu căn cứ (văn bản quy định ngày hiệu lực)');
    return { line: row.line, level, code, change, date, basis, note: field(row, 'note') || null };
  });
}

/** The NSO table says in words how an old commune went into a new one. */
export function lineageKindFromNote(note: string): LineageKind {
  const lower = note.toLowerCase();
  if (lower.includes('một phần') || lower.includes('phần còn lại')) return 'part';
  if (/^(giữ nguyên|đổi tên|đổi loại hình)/.test(lower)) return 'unchanged';
  return 'whole';
}

/** The part of an official name after its type: "Xã Quỳnh Sơn" → "Quỳnh Sơn". */
export function properName(name: string, type: string): string {
  return name.startsWith(`${type} `) ? name.slice(type.length + 1) : name;
}
