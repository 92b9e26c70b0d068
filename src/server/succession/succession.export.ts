import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { formatVietnameseDate } from '../../core/dates.js';
import { formatPercent } from '../../core/numbers.js';
import { addTable, addTitle } from '../xlsx/sheet-tables.js';
import type { plansSchema } from './succession.schema.js';

type Plans = z.output<typeof plansSchema>;

/** A unit's plans for a term, one row per person and title, the structure under it; A4 landscape with the header row repeated. */
export async function buildPlansWorkbook(plans: Plans) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const sheet = workbook.addWorksheet('Quy hoạch');
  addTitle(sheet, [
    `DANH SÁCH QUY HOẠCH CÁC CHỨC DANH CHỦ CHỐT NHIỆM KỲ ${plans.term}`,
    plans.unit.name,
    `Nhiệm kỳ tính từ ngày ${formatVietnameseDate(plans.termStartsOn)}`,
  ]);
  const rows = plans.titles.flatMap((title) =>
    title.entries.length === 0
      ? [[title.titleName, 'Chưa có người trong quy hoạch', '', '', '', '', '']]
      : title.entries.map((entry) => [
          title.titleName,
          entry.cadre.fullName,
          entry.cadre.birthDate ? entry.cadre.birthDate.slice(0, 4) : '',
          entry.cadre.gender === 'nu' ? 'Nữ' : entry.cadre.gender === 'nam' ? 'Nam' : '',
          `${formatVietnameseDate(entry.addedOn)}: ${entry.addedReason}`,
          entry.removedOn ? `${formatVietnameseDate(entry.removedOn)}: ${entry.removedReason ?? ''}` : '',
          entry.flags.map((flag) => flag.message).join('; '),
        ]),
  );
  addTable(
    sheet,
    ['Chức danh', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Đưa vào quy hoạch', 'Đưa ra khỏi quy hoạch', 'Cần xem xét'],
    rows,
    [30, 26, 10, 10, 36, 36, 40],
  );
  sheet.addRow([]);
  const s = plans.structure;
  const line = `Cơ cấu: ${s.people} người; nữ ${s.women} (${formatPercent(s.womenShare)}, chỉ tiêu ≥ ${formatPercent(plans.rule.womenTarget)}); trẻ dưới ${plans.rule.youngUnderAge} tuổi ${s.young} (${formatPercent(s.youngShare)}, chỉ tiêu ≥ ${formatPercent(plans.rule.youngTarget)}); dân tộc thiểu số ${s.ethnicMinority} (${formatPercent(s.ethnicMinorityShare)}). ${plans.rule.basis}.`;
  const row = sheet.addRow([line]);
  sheet.mergeCells(row.number, 1, row.number, 7);
  row.alignment = { wrapText: true, vertical: 'top' };
  row.height = Math.ceil(line.length / 110) * 16;
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' };
  sheet.headerFooter = { oddFooter: 'Trang &P/&N' };
  const fileName = `Quy hoạch ${plans.term} - ${plans.unit.name}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
