import ExcelJS from 'exceljs';
import { formatVietnameseDate } from '../../core/dates.js';
import { addTable, addTitle } from '../xlsx/sheet-tables.js';
import type { QuotasView, ReviewDetail } from './training-review.presenter.js';

function statusLine(review: ReviewDetail): string {
  if (review.status === 'approved' && review.approvedAt) {
    return `Đã phê duyệt ngày ${formatVietnameseDate(review.approvedAt.slice(0, 10))}${review.approvedBy ? ` (${review.approvedBy})` : ''} — phiên bản ${review.version}`;
  }
  return `${review.statusLabel} — bản dự thảo, phiên bản ${review.version}, chưa phải kế hoạch chính thức`;
}

/** The year's plan as the province sends it to the training schools: the list, the quotas, and who was not chosen and why. */
export async function buildPlanWorkbook(review: ReviewDetail, quotas: QuotasView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  const heading = [
    `KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ CHỦ CHỐT CẤP XÃ NĂM ${review.year}`,
    `Đơn vị: ${review.unit.name}`,
    `Rà soát tính đến ngày ${formatVietnameseDate(review.asOf)}`,
    statusLine(review),
  ];

  const accepted = review.proposals.filter((p) => p.decision === 'accepted');
  const list = workbook.addWorksheet('Danh sách');
  addTitle(list, heading);
  addTable(
    list,
    ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Đơn vị', 'Khóa đào tạo, bồi dưỡng', 'Lĩnh vực', 'Lý do đề xuất', 'Nguồn'],
    accepted.map((p, i) => [
      i + 1,
      p.cadre.fullName,
      p.cadre.birthDate ? formatVietnameseDate(p.cadre.birthDate, p.cadre.birthDatePrecision ?? 'day') : null,
      p.titles.join(', '),
      p.unit.name,
      p.courseName,
      p.fieldLabel,
      p.reasonText,
      p.reason === 'added' ? 'Đơn vị bổ sung' : 'Đề xuất theo rà soát',
    ]),
    [6, 26, 12, 24, 24, 36, 22, 50, 18],
  );

  const quota = workbook.addWorksheet('Chỉ tiêu');
  addTitle(quota, [...heading, `Tổng số: ${quotas.places} lượt, ${quotas.people} người`]);
  addTable(
    quota,
    ['Khóa đào tạo, bồi dưỡng', 'Lĩnh vực', 'Số lượt'],
    quotas.byCourseType.map((row) => [row.courseName, row.fieldLabel, row.count]),
    [50, 28, 10],
  );
  quota.addRow([]);
  addTable(
    quota,
    ['Lĩnh vực', 'Số lượt'],
    quotas.byField.map((row) => [row.label, row.count]),
    [50, 28],
  );
  quota.addRow([]);
  const courses = quotas.byCourseType.map((row) => row.courseType);
  addTable(
    quota,
    ['Đơn vị', 'Tổng số lượt', ...quotas.byCourseType.map((row) => row.courseName)],
    quotas.byUnit.map((row) => [row.unit.name, row.places, ...courses.map((code) => row.byCourseType.find((c) => c.courseType === code)?.count ?? 0)]),
    [50, 28, ...courses.map(() => 18)],
  );

  const rejected = review.proposals.filter((p) => p.decision === 'rejected');
  const notChosen = workbook.addWorksheet('Không chọn');
  addTitle(notChosen, [`Đề xuất không được chọn — rà soát năm ${review.year}, ${review.unit.name}`]);
  addTable(
    notChosen,
    ['STT', 'Họ và tên', 'Đơn vị', 'Khóa đào tạo, bồi dưỡng', 'Lý do đề xuất', 'Lý do không chọn'],
    rejected.map((p, i) => [i + 1, p.cadre.fullName, p.unit.name, p.courseName, p.reasonText, p.decisionReason]),
    [6, 26, 24, 36, 50, 40],
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
