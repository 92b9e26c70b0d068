import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { multipartFile, readWorkbook } from '../../../test/fixtures/xlsx.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;
let classId: string;
let instructorId: string;
const people: Record<'an' | 'binh' | 'cuong', string> = { an: '', binh: '', cuong: '' };

interface ClassDetail {
  sessions: { id: string }[];
  tests: { id: string }[];
  enrolments: { cadreId: string; fullName: string; attendance: { status: string | null }[] }[];
}

async function detail(): Promise<ClassDetail> {
  const response = await province.inject({ method: 'GET', url: `/api/training/classes/${classId}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ClassDetail;
}

function statuses(found: ClassDetail): Record<string, (string | null)[]> {
  return Object.fromEntries(found.enrolments.map((row) => [row.fullName, row.attendance.map((a) => a.status)]));
}

async function download(url: string): Promise<ExcelJS.Worksheet> {
  const response = await province.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = await readWorkbook(response.rawPayload);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function headerRowNumber(sheet: ExcelJS.Worksheet): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (found === 0 && row.getCell(1).value === 'STT') found = number;
  });
  return found;
}

async function upload(content: Buffer, dryRun: boolean) {
  const { payload, headers } = multipartFile('diem-danh.xlsx', content);
  return province.inject({ method: 'POST', url: `/api/training/classes/${classId}/attendance/import?dryRun=${dryRun}`, payload, headers });
}

async function bufferOf(sheet: ExcelJS.Worksheet): Promise<Buffer> {
  return Buffer.from(await sheet.workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
  const person = async (fullName: string, birthDate: string) => {
    const created = await province.inject({ method: 'POST', url: '/api/cadres', payload: { fullName, owningUnitId: units.communeA, birthDate } });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  people.an = await person('Nguyễn Văn An', '1980-02-03');
  people.binh = await person('Trần Thị Bình', '1985-07-12');
  people.cuong = await person('Lê Văn Cường', '1990-01-01');
  const programme = await province.inject({
    method: 'POST',
    url: '/api/training/programmes',
    payload: { owningUnitId: units.province, name: 'Bồi dưỡng nghiệp vụ tư pháp - hộ tịch', form: 'short_course', outcome: 'certificate' },
  });
  const instructor = await province.inject({
    method: 'POST',
    url: '/api/training/instructors',
    payload: { owningUnitId: units.province, fullName: 'Đỗ Thị Hướng' },
  });
  instructorId = instructor.json().id;
  const created = await province.inject({
    method: 'POST',
    url: '/api/training/classes',
    payload: {
      programmeId: programme.json().id,
      unitId: units.district,
      name: 'Lớp tư pháp - hộ tịch 2025',
      startDate: '2025-06-02',
      endDate: '2025-06-03',
      capacity: 10,
      sessions: [
        { date: '2025-06-02', startTime: '07:30', endTime: '11:00', instructorIds: [instructorId] },
        { date: '2025-06-03', startTime: '13:30', endTime: '17:00', instructorIds: [instructorId] },
      ],
      tests: [{ name: 'Bài kiểm tra cuối khóa' }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  classId = created.json().id;
  const enrolled = await province.inject({
    method: 'POST',
    url: `/api/training/classes/${classId}/enrolments`,
    payload: { people: [{ cadreId: people.an }, { cadreId: people.binh }, { cadreId: people.cuong }] },
  });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
});

afterAll(async () => {
  await t.close();
});

describe('attendance through a spreadsheet', () => {
  it('gives the register with one column per session, dated, and the learners birth dates', async () => {
    const sheet = await download(`/api/training/classes/${classId}/attendance.xlsx`);
    const header = headerRowNumber(sheet);
    const rows = rowsOf(sheet);
    expect(rows.find((row) => row[0] === 'STT')).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', '02/06/2025 07:30-11:00', '03/06/2025 13:30-17:00']);
    const names = rows.slice(rows.findIndex((row) => row[0] === 'STT') + 1).map((row) => [row[0], row[1], row[2]]);
    expect(names).toEqual([
      [1, 'Nguyễn Văn An', '03/02/1980'],
      [2, 'Trần Thị Bình', '12/07/1985'],
      [3, 'Lê Văn Cường', '01/01/1990'],
    ]);
    expect(header).toBeGreaterThan(1);
  });

  it('reports every wrong cell with its row and column and stores nothing', async () => {
    const sheet = await download(`/api/training/classes/${classId}/attendance.xlsx`);
    const header = headerRowNumber(sheet);
    sheet.getRow(header + 1).getCell(5).value = 'x';
    sheet.getRow(header + 1).getCell(6).value = 'có mặt';
    sheet.getRow(header + 2).getCell(5).value = 'Muộn';
    sheet.addRow([4, 'Phạm Văn Dũng', '01/01/1970', 'Xã A', 'Có mặt', 'Có mặt']);
    const response = await upload(await bufferOf(sheet), false);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      dryRun: false,
      rows: 4,
      recorded: 0,
      errors: [
        {
          row: header + 2,
          column: 'E',
          value: 'Muộn',
          message: 'Buổi 02/06/2025 07:30-11:00: "Muộn" không phải trạng thái điểm danh; ghi "Có mặt", "Vắng có phép" hoặc "Vắng" (x / P / V), hoặc để trống',
        },
        { row: header + 4, column: 'B', value: 'Phạm Văn Dũng', message: 'Phạm Văn Dũng không có trong danh sách học viên của lớp' },
      ],
    });
    expect(statuses(await detail())['Nguyễn Văn An']).toEqual([null, null]);
  });

  it('checks a dry run without storing, then records the whole class, audited', async () => {
    const sheet = await download(`/api/training/classes/${classId}/attendance.xlsx`);
    const header = headerRowNumber(sheet);
    const fill = (offset: number, first: string, second: string | null) => {
      sheet.getRow(header + offset).getCell(5).value = first;
      sheet.getRow(header + offset).getCell(6).value = second;
    };
    fill(1, 'x', 'co mat');
    fill(2, 'Có mặt', 'V');
    fill(3, 'P', null);
    const content = await bufferOf(sheet);

    const dry = await upload(content, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rows: 3, recorded: 5, errors: [] });
    expect(statuses(await detail())['Nguyễn Văn An']).toEqual([null, null]);

    const real = await upload(content, false);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toEqual({ dryRun: false, rows: 3, recorded: 5, errors: [] });
    expect(statuses(await detail())).toEqual({
      'Nguyễn Văn An': ['present', 'present'],
      'Trần Thị Bình': ['present', 'absent'],
      'Lê Văn Cường': ['excused', null],
    });
    const audit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'training_class.attendance_import').execute();
    expect(audit).toEqual([{ summary: 'Nhập điểm danh lớp "Lớp tư pháp - hộ tịch 2025" từ tệp diem-danh.xlsx: 3 học viên, 5 lượt' }]);

    const again = await download(`/api/training/classes/${classId}/attendance.xlsx`);
    const binhRow = rowsOf(again).find((row) => row[1] === 'Trần Thị Bình');
    expect(binhRow?.slice(4)).toEqual(['Có mặt', 'Vắng']);
  });

  it('refuses a file that is not an xlsx', async () => {
    const response = await upload(Buffer.from('not a spreadsheet'), false);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.id).toBe('IMPORT_NOT_XLSX');
  });
});

describe('exports', () => {
  it('exports the class results with attendance summary, scores and certificate', async () => {
    const [test] = (await detail()).tests;
    await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}/tests/${test?.id}/scores`,
      payload: {
        scores: [
          { cadreId: people.an, score: 9 },
          { cadreId: people.binh, score: 7.5 },
        ],
      },
    });
    const issued = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/certificates`,
      payload: { cadreId: people.an, number: 'TP-001', issuedOn: '2025-06-10' },
    });
    expect(issued.statusCode, issued.body).toBe(201);

    const rows = rowsOf(await download(`/api/training/classes/${classId}/results.xlsx`));
    const header = rows.findIndex((row) => row[0] === 'STT');
    expect(rows[header]).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Đơn vị',
      'Có mặt (buổi)',
      'Vắng có phép (buổi)',
      'Vắng (buổi)',
      'Chưa điểm danh (buổi)',
      'Điểm: Bài kiểm tra cuối khóa',
      'Số chứng chỉ',
      'Ngày cấp',
      'Tình trạng chứng chỉ',
    ]);
    expect(rows.slice(header + 1).map((row) => [row[1], row[4], row[5], row[6], row[7], row[8] ?? null, row[9] ?? null, row[10] ?? null, row[11]])).toEqual([
      ['Nguyễn Văn An', 2, 0, 0, 0, 9, 'TP-001', '10/06/2025', 'Đã cấp'],
      ['Trần Thị Bình', 1, 0, 1, 0, 7.5, null, null, 'Chưa cấp'],
      ['Lê Văn Cường', 0, 1, 0, 1, null, null, null, 'Chưa cấp'],
    ]);
  });

  it('exports visits, diversity and plan fulfilment with Vietnamese headings', async () => {
    const visit = await province.inject({
      method: 'POST',
      url: '/api/training/visits',
      payload: {
        communeId: units.communeA,
        visitedOn: '2025-06-20',
        officerIds: [instructorId],
        cadreIds: [people.binh],
        fields: ['Hộ tịch'],
        solved: '+ Hướng dẫn sổ hộ tịch',
      },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const visits = rowsOf(await download(`/api/training/visits.xlsx?communeId=${units.communeA}`));
    const visitHeader = visits.findIndex((row) => row[0] === 'STT');
    expect(visits[visitHeader]?.slice(0, 3)).toEqual(['STT', 'Ngày', 'Xã, phường, thị trấn']);
    expect(visits.slice(visitHeader + 1).map((row) => [row[1], row[4], row[5], row[6], row[7]])).toEqual([
      ['20/06/2025', 'Đỗ Thị Hướng', 'Trần Thị Bình', 'Hộ tịch', "'+ Hướng dẫn sổ hộ tịch"],
    ]);
    expect(rowsOf(await download(`/api/training/visits.xlsx?communeId=${units.communeB}`)).filter((row) => typeof row[0] === 'number')).toEqual([]);

    const diversity = rowsOf(await download(`/api/training/diversity.xlsx?unitId=${units.district}&year=2025`));
    const used = diversity.filter((row) => typeof row[0] === 'number' && (Number(row[2]) > 0 || Number(row[3]) > 0)).map((row) => row.slice(1));
    expect(used).toEqual([
      ['Bồi dưỡng ngắn hạn', 1, 0, 3],
      ['Cán bộ huyện xuống hướng dẫn tại xã', 0, 1, 1],
    ]);

    const fulfilment = rowsOf(await download(`/api/training/plan-fulfilment.xlsx?unitId=${units.province}&year=2025`));
    expect(fulfilment.find((row) => row[0] === 'STT')).toEqual([
      'STT',
      'Loại khóa học',
      'Kế hoạch (người)',
      'Đã ghi danh',
      'Đã cấp chứng chỉ',
      'Tỷ lệ hoàn thành (%)',
    ]);
    expect(fulfilment.at(-1)?.slice(1, 5)).toEqual(['Tổng cộng', 0, 0, 0]);

    const other = await t.asUser('province', units.otherProvince);
    expect((await other.inject({ method: 'GET', url: `/api/training/classes/${classId}/results.xlsx` })).statusCode).toBe(404);
    expect((await other.inject({ method: 'GET', url: `/api/training/diversity.xlsx?unitId=${units.district}&year=2025` })).statusCode).toBe(404);
  });
});
