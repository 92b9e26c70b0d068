import ExcelJS from 'exceljs';
import { formatVietnameseDate } from '../../core/dates.js';
import { ratio } from '../../core/numbers.js';
import { politicalTheory, professionalEducation, type QualificationScale } from '../../core/qualifications.js';
import { neutraliseFormula } from '../xlsx/sheet-tables.js';
import type { ComplianceService } from '../compliance/compliance.service.js';

export type DashboardSummary = Awaited<ReturnType<ComplianceService['summary']>>;
interface LevelCount {
  level: string | null;
  count: number;
}

export const DASHBOARD_SHEETS = ['Tổng hợp', 'Chuyên môn', 'Lý luận chính trị', 'Đơn vị trực thuộc'] as const;

// Excel shows these with the reader's own separators: 1.219 and 99,4% on a Vietnamese system.
const COUNT_FORMAT = '#,##0';
const SHARE_FORMAT = '0.0%';
const NOT_RECORDED = 'Chưa có thông tin';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };

type Cell = string | number | null;

function text(value: string): string {
  return neutraliseFormula(value);
}

/** Title, date and scope over every sheet, so that a sheet printed alone still says what it counts. */
function addSheet(workbook: ExcelJS.Workbook, name: (typeof DASHBOARD_SHEETS)[number], summary: DashboardSummary, widths: number[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.columns = widths.map((width) => ({ width }));
  const people = summary.scope === 'key' ? 'cán bộ chủ chốt cấp xã' : 'cán bộ cấp xã (mọi chức danh)';
  const title = sheet.addRow([text(`${name} — ${people} — ${summary.unit.name}`)]);
  title.font = { bold: true, size: 13 };
  sheet.addRow([`Số liệu tính đến ngày ${formatVietnameseDate(summary.asOf)}`]).font = { italic: true };
  sheet.addRow([]);
  return sheet;
}

function addHeader(sheet: ExcelJS.Worksheet, labels: string[]) {
  const header = sheet.addRow(labels);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

/** Writes a data row; `formats` gives each column's number format (undefined: text). */
function addValues(sheet: ExcelJS.Worksheet, values: Cell[], formats: (string | undefined)[]) {
  const row = sheet.addRow(values.map((value) => (typeof value === 'string' ? text(value) : value)));
  formats.forEach((format, index) => {
    if (format) row.getCell(index + 1).numFmt = format;
  });
  return row;
}

function levelName(scale: QualificationScale<string>, level: string | null): string {
  return level !== null && scale.isLevel(level) ? scale.labelVi(level) : NOT_RECORDED;
}

function addDistribution(
  workbook: ExcelJS.Workbook,
  name: (typeof DASHBOARD_SHEETS)[number],
  summary: DashboardSummary,
  rows: LevelCount[],
  scale: QualificationScale<string>,
) {
  const sheet = addSheet(workbook, name, summary, [36, 14, 14]);
  addHeader(sheet, ['Trình độ', 'Số người', 'Tỷ lệ']);
  for (const row of rows)
    addValues(sheet, [levelName(scale, row.level), row.count, ratio(row.count, summary.totalPeople)], [undefined, COUNT_FORMAT, SHARE_FORMAT]);
  addValues(sheet, ['Tổng số', summary.totalPeople, null], [undefined, COUNT_FORMAT]).font = { bold: true };
}

/**
 * Every table of the overview dashboard in one workbook, from the same
 * summary the page shows: the figures, the two distributions of levels and
 * the units of the next level down.
 */
export async function buildDashboardWorkbook(summary: DashboardSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';

  const figures = addSheet(workbook, 'Tổng hợp', summary, [52, 14, 14]);
  addHeader(figures, ['Chỉ tiêu', 'Số người', 'Tỷ lệ']);
  const share = (part: number) => ratio(part, summary.totalPeople);
  const lines: [string, number, number | null][] = [
    [summary.scope === 'key' ? 'Cán bộ chủ chốt' : 'Cán bộ', summary.totalPeople, null],
    ['Đạt chuẩn', summary.meeting, summary.meetingShare],
    ['Chưa đạt chuẩn', summary.notMeeting, share(summary.notMeeting)],
    ['Chưa có tiêu chuẩn áp dụng', summary.withoutStandard, share(summary.withoutStandard)],
    ['Trình độ chuyên môn từ đại học trở lên', summary.universityOrHigher, share(summary.universityOrHigher)],
    ['Trong đó: thạc sĩ, tiến sĩ', summary.postgraduate, share(summary.postgraduate)],
    ['Cao cấp, cử nhân lý luận chính trị', summary.advancedPoliticalTheory, share(summary.advancedPoliticalTheory)],
  ];
  for (const line of lines) addValues(figures, line, [undefined, COUNT_FORMAT, SHARE_FORMAT]);
  figures.addRow([]);
  const sentence = figures.addRow([text(summary.sentence)]);
  figures.mergeCells(sentence.number, 1, sentence.number, 3);
  sentence.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  sentence.height = 48;

  addDistribution(workbook, 'Chuyên môn', summary, summary.professional, professionalEducation as QualificationScale<string>);
  addDistribution(workbook, 'Lý luận chính trị', summary, summary.politicalTheory, politicalTheory as QualificationScale<string>);

  const children = addSheet(workbook, 'Đơn vị trực thuộc', summary, [6, 10, 34, 12, 12, 12, 12, 14, 14, 16]);
  addHeader(children, [
    'STT',
    'Mã',
    'Đơn vị',
    'Số người',
    'Đạt chuẩn',
    'Tỷ lệ đạt chuẩn',
    'Chưa đạt chuẩn',
    'Đại học trở lên',
    'Thạc sĩ, tiến sĩ',
    'Cao cấp, cử nhân LLCT',
  ]);
  const childFormats = [undefined, undefined, undefined, COUNT_FORMAT, COUNT_FORMAT, SHARE_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT];
  summary.children.forEach((child, index) => {
    addValues(
      children,
      [
        index + 1,
        child.unit.code,
        child.unit.name,
        child.totalPeople,
        child.meeting,
        child.meetingShare,
        child.notMeeting,
        child.universityOrHigher,
        child.postgraduate,
        child.advancedPoliticalTheory,
      ],
      childFormats,
    );
  });
  if (summary.children.length === 0) children.addRow(['', '', 'Không có đơn vị trực thuộc']);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
