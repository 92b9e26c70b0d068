import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { addTable, addTitle } from '../xlsx/sheet-tables.js';
import type { rotationSchema } from './rotations.schema.js';

type Rotation = z.output<typeof rotationSchema>;

const KIND = { luan_chuyen: 'Luân chuyển', dieu_dong: 'Điều động' } as const;
const DIRECTION = { down: 'Từ trên xuống', up: 'Từ dưới lên', across: 'Cùng cấp' } as const;
const PURPOSE = { strengthen_weak: 'Tăng cường cho xã yếu kém', training: 'Đào tạo, rèn luyện', other: 'Khác' } as const;
const PLACEMENT = { return: 'Trở về nơi cũ', stay: 'Ở lại nơi đến', other: 'Bố trí khác' } as const;
const STATUS = { planned: 'Chưa bắt đầu', active: 'Đang luân chuyển', overdue: 'Quá hạn dự kiến', ended: 'Đã kết thúc' } as const;

/** The rotation register for a unit: one row per rotation, the article's sentence under it, A4 landscape. */
export async function buildRotationsWorkbook(items: readonly Rotation[], scopeName: string, sentence: string) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const sheet = workbook.addWorksheet('Sổ luân chuyển');
  addTitle(sheet, ['SỔ THEO DÕI LUÂN CHUYỂN, ĐIỀU ĐỘNG CÁN BỘ VỀ CẤP XÃ', scopeName, `Đến ngày ${formatVietnameseDate(todayInVietnam())}`]);
  const headers = [
    'STT',
    'Họ và tên',
    'Hình thức',
    'Chiều',
    'Nơi đi',
    'Chức vụ nơi đi',
    'Xã nơi đến',
    'Chức danh nơi đến',
    'Quyết định',
    'Bắt đầu',
    'Kết thúc dự kiến',
    'Kết thúc',
    'Số tháng',
    'Tình trạng',
    'Mục đích',
    'Bố trí sau luân chuyển',
    'Cảnh báo khi quyết định',
  ];
  addTable(
    sheet,
    headers,
    items.map((r, index) => [
      index + 1,
      r.cadre.fullName,
      KIND[r.kind],
      DIRECTION[r.direction],
      r.origin.unit.name,
      r.origin.postName,
      r.destination.unit.name,
      r.destination.titleName,
      `Số ${r.decision.number} ngày ${formatVietnameseDate(r.decision.date)} (${r.decision.signer})`,
      formatVietnameseDate(r.startDate),
      formatVietnameseDate(r.plannedEndDate),
      r.endDate ? formatVietnameseDate(r.endDate) : '',
      r.monthsServed,
      STATUS[r.status],
      PURPOSE[r.purpose],
      r.placement ? PLACEMENT[r.placement] : '',
      r.warnings.map((w) => w.message).join('; '),
    ]),
    [6, 24, 12, 12, 24, 30, 22, 22, 30, 11, 11, 11, 8, 14, 20, 16, 40],
  );
  sheet.addRow([]);
  const row = sheet.addRow([sentence]);
  sheet.mergeCells(row.number, 1, row.number, 10);
  row.alignment = { wrapText: true, vertical: 'top' };
  row.height = Math.ceil(sentence.length / 100) * 16;
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' };
  sheet.headerFooter = { oddFooter: 'Trang &P/&N' };
  const fileName = `Luân chuyển cán bộ - ${scopeName}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
