import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { makeZip, multipartFile, readWorkbook, withoutCellReferences, workbookBuffer } from '../../../test/fixtures/xlsx.js';
import { importCommand } from '../../cli/import-cadres.js';

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const nfd = (s: string) => s.normalize('NFD');

// Headers as an office types them: capitals, NFD, notes in brackets, doubled spaces, an extra column.
const HEADERS = [
  'STT',
  nfd('HỌ VÀ TÊN'),
  'Ngày sinh (dd/mm/yyyy)',
  'Giới  tính',
  'Dân tộc',
  'Số định danh cá nhân',
  'Mã đơn vị',
  nfd('Chức vụ'),
  'Ngày giữ chức vụ',
  'Nhiệm kỳ',
  'Trình độ chuyên môn',
  'Chuyên ngành',
  'Lý luận chính trị',
  'Quản lý nhà nước',
  'Ngày vào Đảng',
  'Số điện thoại',
  'Ghi chú',
];

type Cell = string | number | Date | null | { formula: string; result?: string | number };

/** Title rows, the header on row 3, the "(1) (2) …" row on row 4: data starts on Excel row 5. */
async function officeFile(rows: Cell[][]): Promise<Buffer> {
  return workbookBuffer((workbook) => {
    const sheet = workbook.addWorksheet('DS can bo');
    sheet.addRow([nfd('DANH SÁCH CÁN BỘ CHỦ CHỐT CẤP XÃ')]);
    sheet.addRow([]);
    sheet.addRow(HEADERS);
    sheet.addRow(HEADERS.map((_, i) => `(${i + 1})`));
    for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  });
}

function goodRows(u: CadreTerritory): Cell[][] {
  return [
    // 5: Excel dates, NFD name with stray spaces, abbreviations.
    [
      1,
      nfd('  Nguyễn   Văn  An '),
      utc(1975, 9, 5),
      'Nam',
      'Kinh',
      '024075001234',
      '99101',
      'Bí thư ĐU',
      utc(2020, 10, 15),
      '2020 - 2025',
      'ĐH',
      'Luật',
      'Cao cấp',
      'Chuyên viên',
      '03/02/2000',
      '0912 345 678',
      'x',
    ],
    // 6: the same person's second post, dates as text.
    [
      2,
      'Nguyễn Văn An',
      '05/09/1975',
      'Nam',
      'Kinh',
      '024075001234',
      '99101',
      'CT HĐND',
      '15/10/2020',
      '2020-2025',
      'Đại học',
      'Luật',
      'CC',
      'CV',
      '3/2/2000',
      '0912345678',
      null,
    ],
    // 7: bare year as a number, the unit code and phone typed as numbers (leading zeros lost), no id.
    [
      3,
      'Trần Thị Bình',
      1980,
      nfd('Nữ'),
      'Tày',
      null,
      Number(u.leadingZeroCode),
      'PCT UBND',
      '1/7/2021',
      'NK 2021-2026',
      'Thạc sỹ',
      'Quản lý kinh tế',
      'TC',
      null,
      null,
      912345678,
      null,
    ],
    // 8–9: a code reused across periods: the same post in the old commune, then in the new ward.
    [
      4,
      'Lê Văn Cường',
      '12/12/1968',
      'nam',
      'Mường',
      '024068009999',
      '99109',
      'CT UBND',
      '01/06/2016',
      '2016-2021',
      'Kỹ sư',
      'Nông nghiệp',
      'Cử nhân chính trị',
      'Chuyên viên chính',
      '1990',
      null,
      null,
    ],
    [
      5,
      'Lê Văn Cường',
      '12/12/1968',
      'Nam',
      'Mường',
      '024068009999',
      '99109',
      'Chủ tịch UBND',
      utc(2025, 8, 1),
      '2025-2030',
      'ThS',
      'Nông nghiệp',
      'CC',
      'CVC',
      1990,
      null,
      null,
    ],
    // 10: a bare year as the start date, TS, a formula whose saved result is used.
    [
      6,
      { formula: 'CONCATENATE("Phạm Thị ","Dung")', result: 'Phạm Thị Dung' },
      '20/3/1985',
      'Nữ',
      'Kinh',
      null,
      '99102',
      'PCT HĐND',
      '2021',
      null,
      'TS',
      null,
      'Trung cấp',
      null,
      null,
      null,
      null,
    ],
  ];
}

function badRows(): Cell[][] {
  return [
    // 11: eleven digits.
    [7, 'Hoàng Văn Em', '01/01/1990', 'Nam', 'Kinh', '02409000123', '99101', 'PCT UBND', '01/01/2021', null, null, null, null, null, null, null, null],
    // 12: no unit has this code.
    [8, 'Vũ Thị Giang', '1988', 'Nữ', 'Kinh', null, '99999', 'PBT', '01/01/2021', null, null, null, null, null, null, null, null],
    // 13: 31 February.
    [9, 'Đỗ Văn Hải', '31/02/1980', 'Nam', 'Kinh', null, '99102', 'PCT UBND', '01/01/2021', null, null, null, null, null, null, null, null],
    // 14: not a commune post.
    [10, 'Bùi Văn Khánh', '1979', 'Nam', 'Kinh', null, '99102', 'Trưởng thôn', '01/01/2021', null, null, null, null, null, null, null, null],
    // 15: the district's code after the district was dissolved.
    [11, 'Ngô Văn Long', '1970', 'Nam', 'Kinh', null, '999', 'PCT UBND', '01/08/2025', null, 'Cử nhân', null, 'Cao cấp lý luận', null, null, null, null],
    // 16: a formula with no saved result.
    [12, { formula: 'A1&"x"' }, '1970', 'Nam', 'Kinh', null, '99102', 'PCT UBND', '01/01/2021', null, null, null, null, null, null, null, null],
  ];
}

async function upload(client: SignedInClient, content: Buffer, dryRun: boolean, fileName = 'danh-sach.xlsx') {
  const { payload, headers } = multipartFile(fileName, content);
  return client.inject({ method: 'POST', url: `/api/imports/cadres?dryRun=${dryRun}`, payload, headers });
}

async function countPeople(): Promise<number> {
  const row = await t.db
    .selectFrom('cadre')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province, { canViewSensitive: true });
});

afterAll(async () => {
  await t.close();
});

describe('nhập danh sách cán bộ từ Excel', () => {
  it('reports every bad row with its Excel row and column in a dry run, and stores nothing', async () => {
    const response = await upload(province, await officeFile([...goodRows(units), ...badRows()]), true);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ dryRun: true, committed: false, rows: 12 });
    const found = body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`).sort();
    expect(found).toEqual(['11:Số định danh cá nhân', '12:Mã đơn vị', '13:Ngày sinh', '14:Chức vụ', '15:Mã đơn vị', '16:Họ và tên'].sort());
    expect(body.errors.find((e: { row: number }) => e.row === 11)).toMatchObject({ value: '02409000123', message: expect.stringContaining('12 chữ số') });
    expect(body.errors.find((e: { row: number }) => e.row === 12).message).toContain('«99999»');
    expect(body.errors.find((e: { row: number }) => e.row === 15).message).toContain('đến 30/06/2025');
    expect(body.errors.find((e: { row: number }) => e.row === 16).message).toContain('công thức');
    expect(await countPeople()).toBe(0);
  });

  it('reads a file whose rows and cells leave out their optional references, as LibreOffice or Google Sheets may write it', async () => {
    const file = await officeFile([...goodRows(units), ...badRows()]);
    const stripped = withoutCellReferences(file);
    expect(stripped.toString('latin1')).not.toContain('<c r=');
    const original = (await upload(province, file, true)).json();
    const response = await upload(province, stripped, true);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.rows).toBe(original.rows);
    const found = (errors: { row: number; column: string; message: string }[]) => errors.map((e) => `${e.row}:${e.column}: ${e.message}`).sort();
    expect(found(body.errors)).toEqual(found(original.errors));
  });

  it('changes nothing when a file with an error is imported for real', async () => {
    const response = await upload(province, await officeFile([...goodRows(units), ...badRows()]), false);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ committed: false, errorCount: 6, created: 4 });
    expect(await countPeople()).toBe(0);
    const posts = await t.db.selectFrom('cadre_post').select('id').execute();
    expect(posts).toHaveLength(0);
  });

  it('commits a corrected file in one go: people, posts by unit as of their dates, levels', async () => {
    const response = await upload(province, await officeFile(goodRows(units)), false, 'danh-sach-da-sua.xlsx');
    const body = response.json();
    expect(body).toMatchObject({ committed: true, errorCount: 0, rows: 6, created: 4, updated: 0, postsAdded: 6, postsEnded: 0 });

    const people = await t.db.selectFrom('cadre').selectAll().orderBy('id').execute();
    expect(people.map((p) => p.full_name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);
    const [an, binh, cuong, dung] = people;
    expect(an).toMatchObject({
      birth_date: '1975-09-05',
      birth_date_precision: 'day',
      gender: 'nam',
      ethnicity_code: '01',
      personal_id: '024075001234',
      party_joined_on: '2000-02-03',
      phone: '0912345678',
      owning_unit_id: units.communeA,
    });
    expect(binh).toMatchObject({
      birth_date: '1980-01-01',
      birth_date_precision: 'year',
      gender: 'nu',
      ethnicity_code: '02',
      personal_id: null,
      phone: '0912345678',
      owning_unit_id: units.zeroUnit,
    });
    expect(cuong).toMatchObject({ party_joined_on: '1990-01-01', party_joined_precision: 'year', owning_unit_id: units.newUnit });
    expect(dung!.full_name).toBe('Phạm Thị Dung');

    const posts = await t.db.selectFrom('cadre_post').selectAll().orderBy('cadre_id').orderBy('start_date').orderBy('title_code').execute();
    const summary = posts.map((p) => [p.cadre_id, p.title_code, p.unit_id, p.start_date, p.start_date_precision, p.end_date, p.term, p.is_key]);
    expect(summary).toEqual([
      [an!.id, 'bi_thu_dang_uy', units.communeA, '2020-10-15', 'day', null, '2020-2025', true],
      [an!.id, 'chu_tich_hdnd', units.communeA, '2020-10-15', 'day', null, '2020-2025', true],
      [binh!.id, 'pho_chu_tich_ubnd', units.zeroUnit, '2021-07-01', 'day', null, '2021-2026', true],
      [cuong!.id, 'chu_tich_ubnd', units.oldUnit, '2016-06-01', 'day', '2025-06-30', '2016-2021', true],
      [cuong!.id, 'chu_tich_ubnd', units.newUnit, '2025-08-01', 'day', null, '2025-2030', true],
      [dung!.id, 'pho_chu_tich_hdnd', units.communeB, '2021-01-01', 'year', null, null, true],
    ]);

    const levels = await t.db
      .selectFrom('cadre_qualification')
      .select(['cadre_id', 'kind', 'level', 'major', 'source'])
      .orderBy('cadre_id')
      .orderBy('kind')
      .execute();
    expect(levels.map((q) => [q.cadre_id, q.kind, q.level, q.major, q.source])).toEqual([
      [an!.id, 'political_theory', 'cao_cap', null, 'declared'],
      [an!.id, 'professional', 'dai_hoc', 'Luật', 'declared'],
      [an!.id, 'state_management', 'chuyen_vien', null, 'declared'],
      [binh!.id, 'political_theory', 'trung_cap', null, 'declared'],
      [binh!.id, 'professional', 'thac_si', 'Quản lý kinh tế', 'declared'],
      [cuong!.id, 'political_theory', 'cao_cap', null, 'declared'],
      [cuong!.id, 'professional', 'thac_si', 'Nông nghiệp', 'declared'],
      [cuong!.id, 'state_management', 'chuyen_vien_chinh', null, 'declared'],
      [dung!.id, 'political_theory', 'trung_cap', null, 'declared'],
      [dung!.id, 'professional', 'tien_si', null, 'declared'],
    ]);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).where('action', '=', 'import').execute();
    expect(audit).toEqual([{ action: 'import', entity: 'cadre_import', entity_id: body.importId }]);
  });

  it('answers who held which post on a past date, naming units as they were then', async () => {
    const before = await province.inject({ method: 'GET', url: `/api/cadres?unitId=${units.province}&asOf=2020-12-31` });
    expect(before.json().items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Văn An', 'Lê Văn Cường']);
    const cuong = before.json().items[1];
    expect(cuong.posts).toEqual([
      expect.objectContaining({
        title: expect.objectContaining({ code: 'chu_tich_ubnd' }),
        unit: expect.objectContaining({ code: '99109', name: 'Xã Nghĩa Hưng' }),
      }),
    ]);

    const after = await province.inject({ method: 'GET', url: `/api/cadres?unitId=${units.province}&asOf=2025-09-01` });
    expect(after.json().items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);
    expect(after.json().items[2].posts[0].unit).toMatchObject({ code: '99109', name: 'Phường Bắc Giang Mới' });

    const districtBefore = await province.inject({ method: 'GET', url: `/api/cadres?unitId=${units.district}&asOf=2021-12-31` });
    expect(districtBefore.json().items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Văn An', 'Lê Văn Cường', 'Phạm Thị Dung']);
  });

  it('recognises the same people when the file comes again: all "updated", nothing changed', async () => {
    const response = await upload(province, await officeFile(goodRows(units)), false);
    expect(response.json()).toMatchObject({
      committed: true,
      errorCount: 0,
      created: 0,
      updated: 4,
      unchanged: 4,
      postsAdded: 0,
      postsEnded: 0,
      qualificationsAdded: 0,
    });
    expect(await countPeople()).toBe(4);
  });

  it('matches by id, else by name + birth date + unit, ends the previous period of a title and keeps the higher level', async () => {
    const rows: Cell[][] = [
      // An moves to commune B as party secretary: the period in commune A ends the day before.
      [
        1,
        'Nguyễn Văn An',
        '05/09/1975',
        'Nam',
        'Kinh',
        '024075001234',
        '99102',
        'Bí thư Đảng ủy',
        '01/05/2024',
        '2020-2025',
        'Trung cấp',
        null,
        null,
        null,
        null,
        '0987654321',
        null,
      ],
      // Bình has no id: found by name, birth year and unit; a higher level is added, her new id recorded.
      [
        2,
        'Trần Thị Bình',
        1980,
        'Nữ',
        null,
        '024180004321',
        Number(units.leadingZeroCode),
        'CT UBND',
        '01/03/2024',
        '2021-2026',
        'Tiến sĩ',
        'Kinh tế',
        null,
        null,
        null,
        null,
        null,
      ],
      // Same name, different birth year: a different person.
      [3, 'Trần Thị Bình', 1990, 'Nữ', null, null, Number(units.leadingZeroCode), 'PCT HĐND', '01/03/2024', null, null, null, null, null, null, null, null],
    ];
    const dry = await upload(province, await officeFile(rows), true);
    expect(dry.json()).toMatchObject({ errorCount: 0, created: 1, updated: 2, unchanged: 0, postsAdded: 3, postsEnded: 1, qualificationsAdded: 1 });
    expect(dry.json().warnings).toEqual([expect.objectContaining({ row: 5, column: 'Trình độ chuyên môn', message: expect.stringContaining('thấp hơn') })]);
    const response = await upload(province, await officeFile(rows), false);
    expect(response.json()).toMatchObject({ committed: true, created: 1, updated: 2 });

    const an = await t.db.selectFrom('cadre').selectAll().where('personal_id', '=', '024075001234').executeTakeFirstOrThrow();
    expect(an.phone).toBe('0987654321');
    const secretary = await t.db
      .selectFrom('cadre_post')
      .select(['unit_id', 'start_date', 'end_date'])
      .where('cadre_id', '=', an.id)
      .where('title_code', '=', 'bi_thu_dang_uy')
      .orderBy('start_date')
      .execute();
    expect(secretary).toEqual([
      { unit_id: units.communeA, start_date: '2020-10-15', end_date: '2024-04-30' },
      { unit_id: units.communeB, start_date: '2024-05-01', end_date: null },
    ]);
    const anLevel = await province.inject({ method: 'GET', url: `/api/cadres/${an.id}` });
    expect(anLevel.json().levels.professional).toEqual({ code: 'dai_hoc', label: 'Đại học' });

    const binh = await t.db.selectFrom('cadre').selectAll().where('personal_id', '=', '024180004321').executeTakeFirstOrThrow();
    expect(binh.full_name).toBe('Trần Thị Bình');
    expect(binh.birth_date).toBe('1980-01-01');
    const binhProfile = await province.inject({ method: 'GET', url: `/api/cadres/${binh.id}` });
    expect(binhProfile.json().levels.professional).toMatchObject({ code: 'tien_si' });
    expect(
      binhProfile
        .json()
        .posts.map((p: { title: { code: string } }) => p.title.code)
        .sort(),
    ).toEqual(['chu_tich_ubnd', 'pho_chu_tich_ubnd']);
    expect(await countPeople()).toBe(5);
  });

  it("refuses units outside the importer's scope, naming the row", async () => {
    const other = await t.asUser('province', units.otherProvince);
    const response = await upload(other, await officeFile([goodRows(units)[0]!]), true);
    expect(response.json().errors).toEqual([expect.objectContaining({ row: 5, column: 'Mã đơn vị', message: expect.stringContaining('ngoài phạm vi') })]);
  });

  it('does not let a viewer import', async () => {
    const viewer = await t.asUser('viewer', units.province);
    const response = await upload(viewer, await officeFile(goodRows(units)), true);
    expect(response.statusCode).toBe(403);
  });
});

describe('tệp độc hại hoặc không phải Excel', () => {
  it('refuses a file that is not an xlsx with a Vietnamese message', async () => {
    const response = await upload(province, Buffer.from('Họ và tên,Mã đơn vị\nNguyễn Văn A,99101\n'), true, 'danh-sach.csv');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ id: 'IMPORT_NOT_XLSX', message: 'Tệp không phải Excel (.xlsx)' });
  });

  it('refuses a zip bomb from its declared sizes, and one that lies about them', async () => {
    const declared = makeZip([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(1000), declaredSize: 4_000_000_000 },
    ]);
    const first = await upload(province, declared, true);
    expect(first.statusCode).toBe(413);
    expect(first.json().error.id).toBe('IMPORT_FILE_TOO_LARGE');

    const lying = makeZip([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(50_000_000), declaredSize: 10_000 },
    ]);
    const second = await upload(province, lying, true);
    expect(second.statusCode).toBe(413);
    expect(second.json().error.message).toContain('giải nén');
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = makeZip([{ name: 'readme.txt', content: Buffer.from('xin chào') }]);
    const response = await upload(province, zip, true);
    expect(response.json().error.id).toBe('IMPORT_NOT_XLSX');
  });

  it('stops at 100,000 data rows with a clear message', async () => {
    const output = path.join(os.tmpdir(), `canboxa-rows-${process.pid}.xlsx`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output });
    const sheet = writer.addWorksheet('DS');
    sheet.addRow(['Họ và tên', 'Mã đơn vị']).commit();
    for (let i = 0; i < 100_001; i += 1) sheet.addRow(['Nguyễn Văn An', '99101']).commit();
    await writer.commit();
    try {
      const { readFile } = await import('node:fs/promises');
      const response = await upload(province, await readFile(output), true);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ id: 'IMPORT_TOO_MANY_ROWS', message: expect.stringContaining('100.000') });
    } finally {
      await rm(output, { force: true });
    }
  });

  it('refuses a 10 MB cell without reading it into the registry', async () => {
    const content = await officeFile([
      [1, 'x'.repeat(10 * 1024 * 1024), '1970', 'Nam', null, null, '99101', null, null, null, null, null, null, null, null, null, null],
    ]);
    const response = await upload(province, content, true);
    expect(response.statusCode).toBe(200);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ row: 5, column: 'Họ và tên', message: expect.stringContaining('vượt quá 2.000 ký tự') }),
    ]);
  });

  it('says where the header should be when there is none', async () => {
    const content = await workbookBuffer((workbook) => workbook.addWorksheet('Trang 1').addRow(['Tên', 'Xã']));
    const response = await upload(province, content, true);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ id: 'IMPORT_NO_HEADER', message: expect.stringContaining('Họ và tên') });
  });
});

describe('mẫu nhập và lịch sử nhập', () => {
  it('serves a template whose first sheet has the columns and a second sheet of instructions, importing cleanly when empty', async () => {
    const response = await province.inject({ method: 'GET', url: '/api/imports/cadres/template' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = await readWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Danh sách', 'Hướng dẫn']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Dân tộc',
      'Số định danh cá nhân',
      'Mã đơn vị',
      'Chức vụ',
      'Ngày giữ chức vụ',
      'Nhiệm kỳ',
      'Trình độ chuyên môn',
      'Chuyên ngành',
      'Lý luận chính trị',
      'Quản lý nhà nước',
      'Ngày vào Đảng',
      'Số điện thoại',
    ]);
    const guide = JSON.stringify(workbook.worksheets[1]!.getSheetValues());
    expect(guide).toContain('Bí thư Đảng ủy');
    expect(guide).toContain('Ơ Đu');
    const dry = await upload(province, response.rawPayload, true);
    expect(dry.json()).toMatchObject({ rows: 0, errorCount: 0 });
  });

  it('keeps every import with who, when, file name, hash and counts, visible within scope only', async () => {
    const response = await province.inject({ method: 'GET', url: '/api/imports/cadres/history?pageSize=100' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { status: string; dryRun: boolean; fileName: string; sha256: string; user: { username: string } | null }[];
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.some((i) => i.status === 'committed' && i.fileName === 'danh-sach-da-sua.xlsx' && !i.dryRun)).toBe(true);
    expect(items.some((i) => i.status === 'rejected' && !i.dryRun)).toBe(true);
    expect(items.some((i) => i.status === 'unreadable')).toBe(true);
    expect(items.every((i) => /^[0-9a-f]{64}$/.test(i.sha256) && i.user?.username === province.username)).toBe(true);

    const other = await t.asUser('province', units.otherProvince);
    const theirs = await other.inject({ method: 'GET', url: '/api/imports/cadres/history' });
    expect(theirs.json().items.every((i: { user: { username: string } }) => i.user.username !== province.username)).toBe(true);
  });
});

describe('canboxa import cadres', () => {
  it('checks a file from the command line and prints JSON with rows, counts and errors', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'canboxa-cli-'));
    const file = path.join(dir, 'ds.xlsx');
    await writeFile(file, await officeFile([...goodRows(units), ...badRows()]));
    let printed = '';
    const previousExitCode = process.exitCode;
    try {
      const config = { ...t.context.config, databaseUrl: t.connectionString };
      await importCommand(
        config,
        ['cadres', file, '--dry-run', '--json'],
        () => undefined,
        (text) => {
          printed += text;
        },
      );
      const result = JSON.parse(printed);
      expect(result).toMatchObject({ rows: 12, dryRun: true, committed: false });
      expect(result.errors.map((e: { row: number }) => e.row)).toEqual([11, 12, 13, 14, 15, 16]);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = previousExitCode;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('tệp lớn', () => {
  it('keeps every Vietnamese letter of a large streamed file intact', async () => {
    const given = ['Đức', 'Dũng', 'Hường', 'Nguyệt', 'Thúy', 'Khải', 'Ước', 'Ỷ', 'Ngọc', 'Trường'];
    const middle = ['Văn', 'Thị', 'Hữu', 'Đình', 'Quốc'];
    const names = Array.from(
      { length: 3000 },
      (_, i) => `Nguyễn ${middle[i % middle.length]} ${given[(i * 7) % given.length]} Ưởng${i}`.replace(/\d+$/, '') + ['', ' Tâm', ' Lộc'][i % 3],
    );
    const output = new (await import('node:stream')).PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
    const sheet = writer.addWorksheet('Danh sách cán bộ');
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Chức vụ', 'Ngày giữ chức vụ', 'Trình độ chuyên môn', 'Chuyên ngành']).commit();
    // Name and birth date together never repeat, so that every row is a different person.
    names.forEach((name, i) =>
      sheet
        .addRow([
          name,
          `${(i % 28) + 1}/${(i % 12) + 1}/${1950 + (i % 47)}`,
          '99102',
          'Phó Chủ tịch Ủy ban nhân dân',
          '01/07/2021',
          'Đại học',
          'Quản lý đất đai và môi trường',
        ])
        .commit(),
    );
    await writer.commit();
    const before = await countPeople();
    const response = await upload(province, Buffer.concat(chunks), false, 'lớn.xlsx');
    expect(response.json()).toMatchObject({ errorCount: 0, rows: 3000, committed: true });
    const stored = await t.db.selectFrom('cadre').select('full_name').where('id', '>', '0').orderBy('id').offset(before).execute();
    expect(stored.map((row) => row.full_name)).toEqual(names);
    const majors = await t.db.selectFrom('cadre_qualification').select('major').distinct().where('major', 'like', 'Quản lý đất%').execute();
    expect(majors).toEqual([{ major: 'Quản lý đất đai và môi trường' }]);
  });
});

describe('tiêu đề hai dòng', () => {
  it('reads sub-headers under merged cells, including the birth date written under "Nam" or "Nữ"', async () => {
    const content = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Mẫu cũ');
      sheet.addRow(['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', null, 'Mã đơn vị', 'Chức vụ', 'Ngày giữ chức vụ', 'Trình độ', null, null]);
      sheet.addRow([null, null, 'Nam', 'Nữ', null, null, null, 'Chuyên môn', 'Lý luận chính trị', 'QLNN']);
      sheet.mergeCells('C1:D1');
      sheet.mergeCells('H1:J1');
      sheet.addRow([1, 'Đinh Văn Tú', '1971', null, '99102', 'PCT UBND', '01/07/2021', 'ĐH', 'TC', 'CV']);
      sheet.addRow([2, 'Đinh Thị Vân', null, '02/03/1983', '99102', 'CT HĐND', '01/07/2021', 'ThS', 'CC', null]);
      sheet.addRow([3, 'Đinh Văn Xuân', '1970', '1971', '99102', 'PCT HĐND', '01/07/2021', null, null, null]);
    });
    const dry = await upload(province, content, true);
    expect(dry.json()).toMatchObject({ rows: 3, warnings: [] });
    expect(dry.json().errors).toEqual([expect.objectContaining({ row: 5, column: 'Ngày sinh (Nữ)', message: expect.stringContaining('một trong hai cột') })]);

    const fixed = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Mẫu cũ');
      sheet.addRow(['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', null, 'Mã đơn vị', 'Chức vụ', 'Ngày giữ chức vụ', 'Trình độ', null, null]);
      sheet.addRow([null, null, 'Nam', 'Nữ', null, null, null, 'Chuyên môn', 'Lý luận chính trị', 'QLNN']);
      sheet.mergeCells('C1:D1');
      sheet.mergeCells('H1:J1');
      sheet.addRow([1, 'Đinh Văn Tú', '1971', null, '99102', 'PCT UBND', '01/07/2021', 'ĐH', 'TC', 'CV']);
      sheet.addRow([2, 'Đinh Thị Vân', null, '02/03/1983', '99102', 'CT HĐND', '01/07/2021', 'ThS', 'CC', null]);
    });
    expect((await upload(province, fixed, false)).json()).toMatchObject({ committed: true, created: 2 });
    const people = await t.db
      .selectFrom('cadre')
      .select(['id', 'full_name', 'gender', 'birth_date', 'birth_date_precision'])
      .where('full_name', 'like', 'Đinh %')
      .orderBy('id')
      .execute();
    expect(people.map((p) => [p.full_name, p.gender, p.birth_date, p.birth_date_precision])).toEqual([
      ['Đinh Văn Tú', 'nam', '1971-01-01', 'year'],
      ['Đinh Thị Vân', 'nu', '1983-03-02', 'day'],
    ]);
    const levels = await t.db.selectFrom('cadre_qualification').select(['kind', 'level']).where('cadre_id', '=', people[0]!.id).orderBy('kind').execute();
    expect(levels).toEqual([
      { kind: 'political_theory', level: 'trung_cap' },
      { kind: 'professional', level: 'dai_hoc' },
      { kind: 'state_management', level: 'chuyen_vien' },
    ]);
  });
});
