import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { formatVietnameseDate } from '../../core/dates.js';
import { addTable, addTitle } from '../xlsx/sheet-tables.js';
import type { coverageSchema } from './party-cells.schema.js';

type Coverage = z.output<typeof coverageSchema>;
type Figures = Omit<Coverage['byChild'][number], 'id' | 'name'>;

const HEADERS = [
  'Đảng bộ cơ sở',
  'Có phân công',
  'Chi bộ',
  'Chi bộ được phân công',
  'Lượt dự theo kế hoạch',
  'Lượt đã dự',
  'Tỉ lệ',
  'Chi bộ lâu chưa có thường trực dự',
];
const WIDTHS = [40, 12, 10, 14, 14, 12, 10, 18];

const rate = (value: number | null) => (value === null ? '' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

function line(label: string, row: Figures) {
  return [label, `${row.committeesAssigned}/${row.committees}`, row.cells, row.cellsAssigned, row.planned, row.done, rate(row.rate), row.idleCells];
}

function printable(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' };
  sheet.headerFooter = { oddFooter: 'Trang &P/&N' };
}

/** The coverage of a unit and year: by unit below, by committee, the idle cells, and the sentence. */
export async function buildCoverageWorkbook(report: Coverage) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const title = ['THƯỜNG TRỰC ĐẢNG ỦY, HĐND, UBND DỰ SINH HOẠT CHI BỘ', report.unit.name, `Năm ${report.year} (đến ngày ${formatVietnameseDate(report.asOf)})`];
  const summary = workbook.addWorksheet('Tổng hợp');
  addTitle(summary, title);
  const rows =
    report.byChild.length > 0
      ? report.byChild.map((row) => line(row.name, row))
      : report.committeeRows.map((row) => line(`${row.name} (${row.commune.name})`, row));
  addTable(summary, [report.byChild.length > 0 ? 'Đơn vị' : HEADERS[0]!, ...HEADERS.slice(1)], [...rows, line('Tổng cộng', report)], WIDTHS);
  summary.addRow([]);
  const sentence = summary.addRow([report.sentence]);
  summary.mergeCells(sentence.number, 1, sentence.number, HEADERS.length);
  sentence.alignment = { wrapText: true, vertical: 'top' };
  sentence.height = Math.ceil(report.sentence.length / 110) * 16;
  printable(summary);
  if (report.byChild.length > 0 && report.committeeRows.length > 0) {
    const committees = workbook.addWorksheet('Theo đảng bộ');
    addTitle(committees, title);
    addTable(
      committees,
      HEADERS,
      report.committeeRows.map((row) => line(`${row.name} (${row.commune.name})`, row)),
      WIDTHS,
    );
    printable(committees);
  }
  const idle = workbook.addWorksheet('Chi bộ lâu chưa có người dự');
  addTitle(idle, [
    `CHI BỘ CHƯA CÓ THƯỜNG TRỰC DỰ SINH HOẠT TRONG ${report.idleMonths} THÁNG`,
    report.unit.name,
    `Đến ngày ${formatVietnameseDate(report.asOf)}`,
  ]);
  addTable(
    idle,
    ['STT', 'Chi bộ', 'Đảng bộ', 'Xã, phường', 'Lần dự gần nhất'],
    report.idle.map((row, index) => [
      index + 1,
      row.cell.name,
      row.committee.name,
      row.commune.name,
      row.lastVisit ? formatVietnameseDate(row.lastVisit) : 'Chưa có',
    ]),
    [6, 32, 32, 24, 16],
  );
  printable(idle);
  const fileName = `Dự sinh hoạt chi bộ - ${report.unit.name} - ${report.year}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
