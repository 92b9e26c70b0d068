import ExcelJS from 'exceljs';
import { ETHNICITIES } from '../../core/ethnicities.js';
import { formatCount } from '../../core/numbers.js';
import { politicalTheory, professionalEducation, stateManagement } from '../../core/qualifications.js';
import { COMMUNE_TITLES } from '../../core/titles.js';
import { CADRE_COLUMNS, type CadreColumnKey, MAX_IMPORT_DATA_ROWS } from './cadres.sheet.js';

const GUIDE: Record<CadreColumnKey, { required: string; how: string; example: string }> = {
  stt: { required: 'Không', how: 'Số thứ tự, chỉ để dễ đối chiếu.', example: '1' },
  fullName: { required: 'Bắt buộc', how: 'Họ, chữ đệm và tên, viết có dấu.', example: 'Nguyễn Văn An' },
  birthDate: {
    required: 'Nên có',
    how: 'Ô ngày của Excel, hoặc dd/mm/yyyy, d/m/yyyy; chỉ ghi năm nếu không rõ ngày tháng.',
    example: '05/09/1975 hoặc 1975',
  },
  gender: { required: 'Nên có', how: 'Nam hoặc Nữ.', example: 'Nữ' },
  ethnicity: { required: 'Không', how: 'Tên một trong 54 dân tộc (xem danh mục bên dưới) hoặc mã 01–54.', example: 'Tày' },
  personalId: {
    required: 'Nên có',
    how: '12 chữ số của số định danh cá nhân (số căn cước công dân). Định dạng ô là Văn bản để không mất số 0 ở đầu.',
    example: '024085001234',
  },
  unitCode: {
    required: 'Bắt buộc',
    how: 'Mã đơn vị hành chính theo danh mục của Tổng cục Thống kê (xã, phường, thị trấn: 5 chữ số), đúng với thời kỳ của ngày giữ chức vụ: một mã có thể được dùng lại cho đơn vị khác sau sắp xếp.',
    example: '07219',
  },
  title: {
    required: 'Nên có',
    how: 'Chức vụ, ghi đủ hoặc viết tắt như thường dùng (Bí thư ĐU, PBT, CT UBND, PCT HĐND…). Kiêm nhiệm: "Bí thư ĐU kiêm CT HĐND", hoặc mỗi chức vụ một dòng.',
    example: 'PCT UBND',
  },
  startDate: { required: 'Bắt buộc khi có chức vụ', how: 'Ngày bắt đầu giữ chức vụ (như ngày sinh).', example: '01/07/2021' },
  term: { required: 'Không', how: 'Nhiệm kỳ, dạng năm-năm.', example: '2020-2025' },
  professional: {
    required: 'Không',
    how: 'Trình độ chuyên môn cao nhất: TC, CĐ, ĐH (Đại học, Cử nhân, Kỹ sư, Bác sĩ), ThS (Thạc sĩ/Thạc sỹ), TS (Tiến sĩ/Tiến sỹ).',
    example: 'ĐH',
  },
  major: { required: 'Không', how: 'Chuyên ngành của trình độ chuyên môn cao nhất.', example: 'Luật' },
  politicalTheory: { required: 'Không', how: 'Sơ cấp, TC (Trung cấp), CC (Cao cấp), Cử nhân chính trị.', example: 'TC' },
  stateManagement: { required: 'Không', how: 'Chuyên viên, Chuyên viên chính, Chuyên viên cao cấp (CV, CVC, CVCC).', example: 'Chuyên viên' },
  partyJoinedOn: { required: 'Không', how: 'Ngày vào Đảng (như ngày sinh).', example: '03/02/2000' },
  phone: { required: 'Không', how: '10 chữ số (di động) hoặc 11 chữ số (cố định), bắt đầu bằng 0.', example: '0912345678' },
};

const RULES = [
  'Mỗi dòng là một người với một chức vụ. Người giữ nhiều chức vụ ghi nhiều dòng, cùng thông tin cá nhân.',
  'Người đã có trong hệ thống được nhận ra theo số định danh cá nhân; nếu không có số này thì theo họ tên, ngày sinh và đơn vị.',
  'Ô để trống không xóa thông tin đã có. Chức vụ mới không xóa chức vụ cũ: giai đoạn trước của cùng chức vụ được kết thúc vào ngày liền trước.',
  'Tên cột không phân biệt chữ hoa, dấu và khoảng trắng; có thể thêm cột khác, hệ thống bỏ qua. Dòng tiêu đề phải nằm trong 30 dòng đầu.',
  'Nên "Kiểm tra" tệp trước khi nhập: tệp có bất kỳ lỗi nào sẽ không được nhập dòng nào; danh sách lỗi ghi rõ dòng và cột.',
  `Mỗi tệp tối đa ${formatCount(MAX_IMPORT_DATA_ROWS)} dòng dữ liệu; không dùng công thức chưa tính, mỗi ô tối đa 2.000 ký tự.`,
];

/** The import template: the list sheet with the expected headers, and a sheet of instructions with every accepted value. */
export async function buildCadreTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cán bộ xã';

  const list = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = CADRE_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  const header = list.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  for (const key of ['personalId', 'unitCode', 'phone'] as const) list.getColumn(key).numFmt = '@';
  for (const key of ['birthDate', 'startDate', 'partyJoinedOn'] as const) list.getColumn(key).numFmt = 'dd/mm/yyyy';
  const genderColumn = list.getColumn('gender').letter;
  for (let row = 2; row <= 1000; row += 1) {
    list.getCell(`${genderColumn}${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"Nam,Nữ"'],
      showErrorMessage: true,
      errorTitle: 'Giới tính',
      error: 'Chọn Nam hoặc Nữ',
    };
  }

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 24 }, { width: 22 }, { width: 90 }, { width: 26 }];
  const title = guide.addRow(['HƯỚNG DẪN NHẬP DANH SÁCH CÁN BỘ']);
  title.font = { bold: true, size: 14 };
  guide.addRow([]);
  for (const rule of RULES) guide.addRow([`• ${rule}`]);
  guide.addRow([]);
  const columnsHeader = guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ']);
  columnsHeader.font = { bold: true };
  for (const column of CADRE_COLUMNS) {
    const help = GUIDE[column.key];
    guide.addRow([column.header, help.required, help.how, help.example]).alignment = { wrapText: true, vertical: 'top' };
  }

  const section = (heading: string, columns: string[], rows: string[][]) => {
    guide.addRow([]);
    guide.addRow([heading]).font = { bold: true, size: 12 };
    guide.addRow(columns).font = { bold: true };
    for (const row of rows) guide.addRow(row);
  };
  section(
    'Chức vụ (cán bộ chủ chốt: Phó Chủ tịch UBND trở lên)',
    ['Mã', 'Viết tắt thường dùng', 'Tên đầy đủ', 'Chủ chốt'],
    COMMUNE_TITLES.map((t) => [t.code, t.shortNameVi, t.nameVi, t.isKey ? 'Có' : 'Không']),
  );
  section(
    'Trình độ chuyên môn',
    ['Mã', 'Tên'],
    professionalEducation.levels.map((l) => [l.code, l.labelVi]),
  );
  section(
    'Lý luận chính trị',
    ['Mã', 'Tên'],
    politicalTheory.levels.map((l) => [l.code, l.labelVi]),
  );
  section(
    'Quản lý nhà nước',
    ['Mã', 'Tên'],
    stateManagement.levels.map((l) => [l.code, l.labelVi]),
  );
  section(
    'Dân tộc (danh mục 54 dân tộc của Tổng cục Thống kê)',
    ['Mã', 'Tên', 'Cách viết khác'],
    ETHNICITIES.map((e) => [e.code, e.nameVi, e.aliases.join(', ')]),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
