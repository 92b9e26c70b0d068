import { foldHeader } from '../../core/text.js';

/**
 * The columns of the cadre spreadsheet, shared by the import template, the
 * export (so that an export re-imports) and the import's header matching.
 * One row per person and post.
 */
export const CADRE_COLUMNS = [
  { key: 'stt', header: 'STT', width: 6, aliases: ['TT', 'Số TT', 'Số thứ tự'] },
  { key: 'fullName', header: 'Họ và tên', width: 26, aliases: ['Họ tên', 'Họ và tên khai sinh', 'Họ, tên'] },
  { key: 'birthDate', header: 'Ngày sinh', width: 13, aliases: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Năm sinh', 'Sinh ngày'] },
  { key: 'gender', header: 'Giới tính', width: 9, aliases: ['Nam/Nữ', 'Giới'] },
  { key: 'ethnicity', header: 'Dân tộc', width: 10, aliases: [] },
  {
    key: 'personalId',
    header: 'Số định danh cá nhân',
    width: 17,
    aliases: [
      'Số định danh',
      'Mã định danh',
      'Mã định danh cá nhân',
      'Số CCCD',
      'CCCD',
      'Căn cước công dân',
      'Số căn cước công dân',
      'Số căn cước',
      'CCCD/CMND',
    ],
  },
  { key: 'unitCode', header: 'Mã đơn vị', width: 10, aliases: ['Mã ĐVHC', 'Mã đơn vị hành chính', 'Mã xã', 'Mã đơn vị công tác'] },
  { key: 'title', header: 'Chức vụ', width: 22, aliases: ['Chức danh', 'Chức vụ hiện tại', 'Chức vụ, chức danh', 'Chức vụ/chức danh'] },
  {
    key: 'startDate',
    header: 'Ngày giữ chức vụ',
    width: 14,
    aliases: ['Ngày bắt đầu giữ chức vụ', 'Thời điểm giữ chức vụ', 'Ngày bổ nhiệm', 'Ngày bầu', 'Ngày nhận chức', 'Giữ chức vụ từ ngày'],
  },
  { key: 'term', header: 'Nhiệm kỳ', width: 11, aliases: ['NK'] },
  { key: 'professional', header: 'Trình độ chuyên môn', width: 16, aliases: ['Chuyên môn', 'Trình độ CM', 'Trình độ chuyên môn nghiệp vụ', 'TĐCM'] },
  { key: 'major', header: 'Chuyên ngành', width: 20, aliases: ['Ngành', 'Chuyên ngành đào tạo', 'Ngành đào tạo'] },
  { key: 'politicalTheory', header: 'Lý luận chính trị', width: 14, aliases: ['LLCT', 'Trình độ LLCT', 'Trình độ lý luận chính trị', 'Lý luận CT'] },
  { key: 'stateManagement', header: 'Quản lý nhà nước', width: 16, aliases: ['QLNN', 'Trình độ QLNN', 'Trình độ quản lý nhà nước'] },
  { key: 'partyJoinedOn', header: 'Ngày vào Đảng', width: 13, aliases: ['Ngày vào Đảng CSVN', 'Ngày vào đảng chính thức'] },
  { key: 'phone', header: 'Số điện thoại', width: 13, aliases: ['Điện thoại', 'SĐT', 'ĐT', 'Số ĐT', 'Điện thoại di động'] },
] as const;

export type CadreColumnKey = (typeof CADRE_COLUMNS)[number]['key'];

/** A file may hold at most this many data rows: enough for a province, bounded for the server. */
export const MAX_IMPORT_DATA_ROWS = 100_000;

export const REQUIRED_COLUMNS: readonly CadreColumnKey[] = ['fullName', 'unitCode'];

/**
 * Columns some lists have instead of the template's: the old national form
 * writes the birth date under "Nam" or "Nữ", sub-headers of "Ngày sinh".
 */
export type SheetColumnKey = CadreColumnKey | 'birthDateMale' | 'birthDateFemale';

export const HEADER_OF: Readonly<Record<SheetColumnKey, string>> = {
  ...(Object.fromEntries(CADRE_COLUMNS.map((c) => [c.key, c.header])) as Record<CadreColumnKey, string>),
  birthDateMale: 'Ngày sinh (Nam)',
  birthDateFemale: 'Ngày sinh (Nữ)',
};

/** Header text without notes in brackets ("Ngày sinh (dd/mm/yyyy)"), case, diacritics, spacing or punctuation. */
export function headerKey(text: string): string {
  return foldHeader(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
}

const COLUMN_BY_HEADER = new Map<string, CadreColumnKey>();
for (const column of CADRE_COLUMNS) {
  for (const name of [column.header, ...column.aliases]) COLUMN_BY_HEADER.set(headerKey(name), column.key);
}

export function columnForHeader(text: string): CadreColumnKey | undefined {
  return COLUMN_BY_HEADER.get(headerKey(text));
}
