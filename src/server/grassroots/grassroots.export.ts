import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { formatVietnameseDate } from '../../core/dates.js';
import { addTable, addTitle } from '../xlsx/sheet-tables.js';
import type { problemListSchema, problemReportSchema } from './grassroots.schema.js';

type ProblemList = z.output<typeof problemListSchema>;
type ProblemReport = z.output<typeof problemReportSchema>;

function fileName(...parts: (string | number)[]): string {
  return `${parts.join(' - ').replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}

function printable(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
  sheet.headerFooter = { oddFooter: 'Trang &P/&N' };
}

const rate = (value: number | null) => (value === null ? '' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

/** The register as the commune keeps it: problem, field, who leads it, dates, outcome. */
export async function buildProblemRegisterWorkbook(list: ProblemList, heading: { unitName: string; year: number | undefined }) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const sheet = workbook.addWorksheet('Sổ đăng ký vấn đề');
  addTitle(sheet, ['SỔ ĐĂNG KÝ VẤN ĐỀ CẦN TẬP TRUNG LÃNH ĐẠO, CHỈ ĐẠO', heading.unitName, heading.year ? `Năm ${heading.year}` : 'Các năm']);
  addTable(
    sheet,
    ['STT', 'Năm', 'Xã, phường', 'Vấn đề', 'Lĩnh vực', 'Người phụ trách', 'Ngày đăng ký', 'Thời hạn', 'Tình trạng', 'Ngày kết thúc', 'Ghi chú'],
    list.items.map((item, index) => [
      index + 1,
      item.year,
      item.commune.name,
      item.title,
      item.field.label,
      item.lead.name,
      formatVietnameseDate(item.registeredOn),
      formatVietnameseDate(item.targetOn),
      item.status.label,
      item.closedOn ? formatVietnameseDate(item.closedOn) : '',
      [item.late ? 'Chậm so với thời hạn' : '', item.carriedFrom ? `Chuyển từ năm ${item.carriedFrom.year}` : ''].filter(Boolean).join('; '),
    ]),
    [6, 7, 22, 48, 24, 24, 12, 12, 20, 12, 26],
  );
  printable(sheet, 5);
  return { fileName: fileName('Sổ đăng ký vấn đề', heading.unitName, heading.year ?? 'các năm'), content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** The year's rates by field and by unit below, with the sentence. */
export async function buildProblemRatesWorkbook(report: ProblemReport) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const headers = ['', 'Đăng ký', 'Đã giải quyết', 'Một phần', 'Không giải quyết', 'Chuyển năm sau', 'Đang giải quyết', 'Tỉ lệ giải quyết'];
  const line = (label: string, row: Omit<ProblemReport, 'unit' | 'year' | 'byField' | 'byChild' | 'sentence'>) => [
    label,
    row.registered,
    row.resolved,
    row.partlyResolved,
    row.notResolved,
    row.carriedOver,
    row.open,
    rate(row.rate),
  ];
  const sheet = workbook.addWorksheet('Tỉ lệ giải quyết');
  addTitle(sheet, ['KẾT QUẢ GIẢI QUYẾT VẤN ĐỀ CẦN TẬP TRUNG LÃNH ĐẠO, CHỈ ĐẠO', report.unit.name, `Năm ${report.year}`]);
  addTable(
    sheet,
    ['Lĩnh vực', ...headers.slice(1)],
    [...report.byField.map((row) => line(row.label, row)), line('Tổng cộng', report)],
    [34, 10, 14, 10, 16, 16, 16, 16],
  );
  sheet.addRow([]);
  const sentence = sheet.addRow([report.sentence]);
  sheet.mergeCells(sentence.number, 1, sentence.number, 8);
  sentence.alignment = { wrapText: true, vertical: 'top' };
  sentence.height = Math.ceil(report.sentence.length / 110) * 16;
  printable(sheet, 5);
  if (report.byChild.length > 0) {
    const children = workbook.addWorksheet('Đơn vị trực thuộc');
    addTitle(children, ['KẾT QUẢ THEO ĐƠN VỊ TRỰC THUỘC', report.unit.name, `Năm ${report.year}`]);
    addTable(
      children,
      ['Đơn vị', ...headers.slice(1)],
      report.byChild.map((row) => line(row.name, row)),
      [34, 10, 14, 10, 16, 16, 16, 16],
    );
    printable(children, 5);
  }
  return { fileName: fileName('Kết quả giải quyết vấn đề', report.unit.name, report.year), content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
