import ExcelJS from 'exceljs';
import { formatVietnameseDate } from '../../core/dates.js';
import { addTable, addTitle, type SheetCell } from '../xlsx/sheet-tables.js';
import type { AttendanceStatus } from './training.tables.js';

const ATTENDANCE_CELL: Readonly<Record<AttendanceStatus, string>> = { present: 'Có mặt', excused: 'Vắng có phép', absent: 'Vắng' };

/** The fixed columns of the attendance sheet, before one column per session. */
export const ATTENDANCE_FIXED_HEADERS = ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị'] as const;

/** How a session is headed in the attendance sheet, and recognised again on import. */
export function sessionHeader(session: { date: string; startTime: string; endTime: string }): string {
  return `${formatVietnameseDate(session.date)} ${session.startTime}-${session.endTime}`;
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';
  return workbook;
}

export interface RosterPerson {
  fullName: string;
  /** As shown: dd/mm/yyyy, or the year alone when only the year is known. */
  birthDate: string | null;
  unitName: string;
}

export interface SheetSession {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
}

/** The class register to fill in: one row per learner, one column per session, statuses already recorded filled in. */
export function buildAttendanceWorkbook(input: {
  className: string;
  sessions: readonly SheetSession[];
  people: readonly (RosterPerson & { attendance: ReadonlyMap<string, AttendanceStatus> })[];
}): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Điểm danh');
  addTitle(sheet, [`Điểm danh lớp "${input.className}"`, 'Ghi "Có mặt", "Vắng có phép" hoặc "Vắng" (hoặc x / P / V); để trống nếu chưa điểm danh.']);
  addTable(
    sheet,
    [...ATTENDANCE_FIXED_HEADERS, ...input.sessions.map(sessionHeader)],
    input.people.map((person, index) => [
      index + 1,
      person.fullName,
      person.birthDate,
      person.unitName,
      ...input.sessions.map((session) => {
        const status = person.attendance.get(session.id);
        return status === undefined ? null : ATTENDANCE_CELL[status];
      }),
    ]),
    [6, 28, 12, 28, ...input.sessions.map(() => 16)],
  );
  return toBuffer(workbook);
}

export function buildResultsWorkbook(input: {
  className: string;
  programmeName: string;
  period: string;
  tests: readonly { id: string; name: string }[];
  people: readonly (RosterPerson & {
    present: number;
    excused: number;
    absent: number;
    unmarked: number;
    scores: ReadonlyMap<string, number>;
    certificate: { number: string; issuedOn: string; revoked: boolean } | null;
  })[];
}): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Kết quả học tập');
  addTitle(sheet, [`Kết quả học tập lớp "${input.className}"`, `Chương trình: ${input.programmeName}`, `Thời gian: ${input.period}`]);
  addTable(
    sheet,
    [
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Đơn vị',
      'Có mặt (buổi)',
      'Vắng có phép (buổi)',
      'Vắng (buổi)',
      'Chưa điểm danh (buổi)',
      ...input.tests.map((test) => `Điểm: ${test.name}`),
      'Số chứng chỉ',
      'Ngày cấp',
      'Tình trạng chứng chỉ',
    ],
    input.people.map((person, index) => [
      index + 1,
      person.fullName,
      person.birthDate,
      person.unitName,
      person.present,
      person.excused,
      person.absent,
      person.unmarked,
      ...input.tests.map((test) => person.scores.get(test.id) ?? null),
      person.certificate?.number ?? null,
      person.certificate === null ? null : formatVietnameseDate(person.certificate.issuedOn),
      person.certificate === null ? 'Chưa cấp' : person.certificate.revoked ? 'Đã thu hồi' : 'Đã cấp',
    ]),
    [6, 28, 12, 28, 10, 12, 10, 12, ...input.tests.map(() => 14), 16, 12, 16],
  );
  return toBuffer(workbook);
}

export function buildFulfilmentWorkbook(input: {
  unitName: string;
  year: number;
  rows: readonly { courseName: string; planned: number; enrolled: number; certified: number }[];
  byField: readonly { label: string; planned: number; enrolled: number; certified: number }[];
  byForm: readonly { label: string; enrolled: number; certified: number }[];
  total: { planned: number; enrolled: number; certified: number };
}): Promise<Buffer> {
  const workbook = newWorkbook();
  const heading = [`Thực hiện kế hoạch đào tạo, bồi dưỡng năm ${input.year}`, `Đơn vị: ${input.unitName}`];
  const percent = (done: number, planned: number) => (planned === 0 ? null : Math.round((done / planned) * 1000) / 10);
  const counted = (rows: readonly { label: string; planned: number; enrolled: number; certified: number }[]): SheetCell[][] => [
    ...rows.map((row, index) => [index + 1, row.label, row.planned, row.enrolled, row.certified, percent(row.certified, row.planned)]),
    [null, 'Tổng cộng', input.total.planned, input.total.enrolled, input.total.certified, percent(input.total.certified, input.total.planned)],
  ];
  const headers = ['Kế hoạch (người)', 'Đã ghi danh', 'Đã cấp chứng chỉ', 'Tỷ lệ hoàn thành (%)'];

  const byCourse = workbook.addWorksheet('Theo loại khóa học');
  addTitle(byCourse, heading);
  addTable(byCourse, ['STT', 'Loại khóa học', ...headers], counted(input.rows.map((row) => ({ ...row, label: row.courseName }))), [6, 48, 14, 14, 16, 18]);

  const byField = workbook.addWorksheet('Theo lĩnh vực');
  addTitle(byField, heading);
  addTable(byField, ['STT', 'Lĩnh vực', ...headers], counted(input.byField), [6, 40, 14, 14, 16, 18]);

  const byForm = workbook.addWorksheet('Theo hình thức');
  addTitle(byForm, [...heading, 'Số người được cử đi học theo kế hoạch, theo hình thức của lớp đã học']);
  addTable(
    byForm,
    ['STT', 'Hình thức', 'Đã ghi danh', 'Đã cấp chứng chỉ'],
    input.byForm.map((row, index) => [index + 1, row.label, row.enrolled, row.certified]),
    [6, 40, 14, 16],
  );
  return toBuffer(workbook);
}

export function buildDiversityWorkbook(input: {
  unitName: string;
  year: number;
  rows: readonly { label: string; classes: number; visits: number; participants: number }[];
  formsUsed: number;
}): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Hình thức bồi dưỡng');
  addTitle(sheet, [`Đa dạng hình thức đào tạo, bồi dưỡng năm ${input.year}`, `Đơn vị: ${input.unitName}`, `Số hình thức đã sử dụng: ${input.formsUsed}`]);
  addTable(
    sheet,
    ['STT', 'Hình thức', 'Số lớp', 'Số chuyến hướng dẫn', 'Lượt người tham gia'],
    input.rows.map((row, index) => [index + 1, row.label, row.classes, row.visits, row.participants]),
    [6, 40, 10, 20, 20],
  );
  return toBuffer(workbook);
}

export function buildVisitsWorkbook(
  visits: readonly {
    visitedOn: string;
    commune: { name: string };
    programme: { name: string } | null;
    officers: readonly { fullName: string }[];
    cadres: readonly { fullName: string }[];
    fields: readonly string[];
    solved: string | null;
    followUps: string | null;
  }[],
): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Hướng dẫn tại cơ sở');
  addTitle(sheet, ['Nhật ký cán bộ xuống cơ sở hướng dẫn', `Số chuyến: ${visits.length}`]);
  addTable(
    sheet,
    [
      'STT',
      'Ngày',
      'Xã, phường, thị trấn',
      'Chương trình',
      'Cán bộ hướng dẫn',
      'Người được hướng dẫn',
      'Lĩnh vực',
      'Nội dung đã giải quyết',
      'Việc cần theo dõi',
    ],
    visits.map((visit, index) => [
      index + 1,
      formatVietnameseDate(visit.visitedOn),
      visit.commune.name,
      visit.programme?.name ?? null,
      visit.officers.map((person) => person.fullName).join(', '),
      visit.cadres.map((person) => person.fullName).join(', '),
      visit.fields.join(', '),
      visit.solved,
      visit.followUps,
    ]),
    [6, 12, 24, 30, 28, 36, 24, 40, 40],
  );
  return toBuffer(workbook);
}
