import ExcelJS from 'exceljs';
import { formatVietnameseDate } from '../../core/dates.js';
import { addTable, addTitle } from '../xlsx/sheet-tables.js';
import type { PetitionListItem, PetitionReport, ReceptionList } from './petitions.shared.js';

function fileName(...parts: string[]): string {
  return `${parts.join(' - ').replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}

async function finish(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function printable(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
  sheet.headerFooter = { oddFooter: 'Trang &P/&N' };
}

/**
 * The register of received petitions (sổ tiếp nhận, xử lý đơn), in the order
 * of the register kept under Circular 05/2021/TT-TTCP: date, petitioner,
 * summary, kind, handling, deadline. A denouncer is named only when the
 * exporting user handles the case, as on the screen.
 */
export async function buildPetitionRegisterWorkbook(list: { asOf: string; items: readonly PetitionListItem[] }) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const sheet = workbook.addWorksheet('Sổ tiếp nhận đơn');
  const unitNames = [...new Set(list.items.map((item) => item.unit.name))];
  addTitle(sheet, [
    'SỔ TIẾP NHẬN, XỬ LÝ ĐƠN',
    unitNames.length === 1 ? unitNames[0]! : 'Các đơn vị',
    `Thời hạn tính đến ngày ${formatVietnameseDate(list.asOf)}`,
  ]);
  addTable(
    sheet,
    [
      'STT',
      'Số đơn',
      'Ngày nhận',
      'Cơ quan nhận',
      'Người đứng đơn',
      'Trích yếu nội dung',
      'Loại đơn',
      'Lĩnh vực',
      'Xã, phường nơi phát sinh',
      'Vượt cấp',
      'Tình trạng',
      'Bước đang tính hạn',
      'Hạn',
      'Thời hạn',
    ],
    list.items.map((item, index) => [
      index + 1,
      item.number,
      formatVietnameseDate(item.receivedOn),
      item.unit.name,
      item.petitioner,
      item.subject,
      item.type.label,
      item.field.label,
      item.commune?.name ?? '',
      item.overLevel ? 'Có' : '',
      item.status.label,
      item.clock?.label ?? '',
      item.clock ? formatVietnameseDate(item.clock.dueOn) : '',
      item.clock?.text ?? '',
    ]),
    [6, 10, 12, 24, 26, 48, 12, 24, 24, 9, 20, 22, 12, 16],
  );
  printable(sheet, 5);
  return { fileName: fileName('Sổ tiếp nhận đơn', list.asOf), content: await finish(workbook) };
}

export async function buildPetitionReportWorkbook(report: PetitionReport) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const period = `Từ ngày ${formatVietnameseDate(report.from)} đến ngày ${formatVietnameseDate(report.to)}`;
  const summary = workbook.addWorksheet('Tổng hợp');
  addTitle(summary, ['KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT ĐƠN VÀ ĐỐI THOẠI', report.unit.name, period]);
  addTable(
    summary,
    ['Chỉ tiêu', 'Số lượng'],
    [
      ['Đơn tiếp nhận', report.received],
      ['Đơn thuộc thẩm quyền, được thụ lý', report.withinAuthority],
      ['Đơn đã giải quyết trong kỳ', report.settled],
      ['— trong đó đúng hạn', report.settledOnTime],
      ['— trong đó người có đơn đồng thuận', report.settledAgreed],
      ['Đơn quá hạn chưa giải quyết', report.overdueOpen],
      ['Đơn vượt cấp về địa bàn', report.overLevel],
      ['Cuộc tiếp xúc, đối thoại', report.dialogues],
      ['Cam kết tại đối thoại', report.commitments.total],
      ['— đã thực hiện', report.commitments.done],
      ['— trong đó thực hiện chậm so với hạn', report.commitments.doneLate],
      ['— quá hạn chưa thực hiện', report.commitments.overdue],
    ],
    [48, 14],
  );
  summary.addRow([]);
  const sentence = summary.addRow([report.sentence]);
  summary.mergeCells(sentence.number, 1, sentence.number, 2);
  sentence.alignment = { wrapText: true, vertical: 'top' };
  // A merged row does not grow with wrapped text: give it the height of its lines (about 70 characters a line at this width).
  sentence.height = Math.ceil(report.sentence.length / 70) * 16;
  printable(summary, 5);

  const breakdown = workbook.addWorksheet('Phân loại');
  addTitle(breakdown, ['ĐƠN TIẾP NHẬN THEO LOẠI, LĨNH VỰC, NGUỒN', report.unit.name, period]);
  addTable(
    breakdown,
    ['Nhóm', 'Phân loại', 'Số đơn'],
    [
      ...report.byType.map((row) => ['Loại đơn', row.label, row.count]),
      ...report.byField.map((row) => ['Lĩnh vực', row.label, row.count]),
      ...report.byChannel.map((row) => ['Nguồn đơn', row.label, row.count]),
    ],
    [16, 40, 10],
  );
  printable(breakdown, 5);

  const overLevel = workbook.addWorksheet('Đơn vượt cấp');
  addTitle(overLevel, ['ĐƠN VƯỢT CẤP THEO XÃ, PHƯỜNG', report.unit.name, period]);
  addTable(
    overLevel,
    ['Xã, phường', 'Số đơn'],
    report.overLevelByCommune.map((row) => [row.name, row.count]),
    [40, 10],
  );
  printable(overLevel, 5);
  return { fileName: fileName('Kết quả giải quyết đơn', report.unit.name, report.from, report.to), content: await finish(workbook) };
}

/**
 * The register of citizen reception (sổ tiếp công dân) in the order of the
 * register kept under Circular 04/2021/TT-TTCP: date, who received, the
 * citizen, the matter, its kind, how it was handled; a session where no
 * petition was taken is still a line, with the number of citizens received.
 */
export async function buildReceptionRegisterWorkbook(list: ReceptionList) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const sheet = workbook.addWorksheet('Sổ tiếp công dân');
  addTitle(sheet, ['SỔ TIẾP CÔNG DÂN', list.unit.name, `Từ ngày ${formatVietnameseDate(list.from)} đến ngày ${formatVietnameseDate(list.to)}`]);
  const rows = [...list.items]
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
    .flatMap((session) => {
      const received = `${session.hostName} (${session.hostRole.label}) — ${session.kind.label}`;
      if (session.petitions.length === 0) {
        return [[formatVietnameseDate(session.heldOn), received, `${session.citizens} công dân`, session.note ?? '', '', '', '']];
      }
      return session.petitions.map((petition) => [
        formatVietnameseDate(session.heldOn),
        received,
        petition.petitioner,
        petition.subject,
        petition.type,
        `Đơn số ${petition.number}: ${petition.status}`,
        session.note ?? '',
      ]);
    });
  addTable(
    sheet,
    ['STT', 'Ngày tiếp', 'Người tiếp', 'Họ tên người được tiếp', 'Nội dung vụ việc', 'Phân loại', 'Hướng xử lý, theo dõi kết quả', 'Ghi chú'],
    rows.map((row, index) => [index + 1, ...row]),
    [6, 12, 30, 26, 48, 12, 30, 24],
  );
  printable(sheet, 5);
  return { fileName: fileName('Sổ tiếp công dân', list.unit.name, list.from, list.to), content: await finish(workbook) };
}
