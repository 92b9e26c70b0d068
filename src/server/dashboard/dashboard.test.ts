import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createUnit } from '../../../test/units.js';
import { loadProvinceDemo } from '../demo/demo.loader.js';
import { ARTICLE_FIGURES, PROVINCE_DEMO } from '../demo/province-demo.js';

/** The dashboard's workbook on the Bắc Giang demonstration data as of 31/12/2021, against the summary the page shows. */
let t: TestApp;
let provinceOfficer: SignedInClient;
let districtOfficer: SignedInClient;
const AS_OF: string = PROVINCE_DEMO.asOf;
let provinceId: string;
let cityId: string;

async function unitId(level: string, code: string): Promise<string> {
  const result = await sql<{ id: string }>`
    select id from admin_unit where level = ${level} and code = ${code}
      and (valid_from is null or valid_from <= ${AS_OF}::date) and (valid_to is null or valid_to >= ${AS_OF}::date)
  `.execute(t.db);
  return result.rows[0]!.id;
}

async function summary(client: SignedInClient, id: string) {
  const response = await client.inject({ method: 'GET', url: `/api/compliance/summary?unitId=${id}&asOf=${AS_OF}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function exportWorkbook(client: SignedInClient, id: string, asOf = AS_OF) {
  return client.inject({ method: 'GET', url: `/api/dashboard/export.xlsx?unitId=${id}&asOf=${asOf}` });
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** Rows from the header on, as plain values. */
function table(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number >= 4) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const loaded = await loadProvinceDemo(t.db, { mode: 'command' });
  expect(loaded.status).toBe('loaded');
  provinceId = await unitId('province', PROVINCE_DEMO.provinceCode);
  cityId = await unitId('district', ARTICLE_FIGURES.city.districtCode);
  provinceOfficer = await t.asUser('province', provinceId);
  districtOfficer = await t.asUser('district', await unitId('district', '217'));
});

afterAll(async () => {
  await t.close();
});

describe('GET /api/dashboard/export.xlsx', () => {
  it('gives the province’s figures, level distributions and districts in four named sheets, equal to the summary', async () => {
    const response = await exportWorkbook(provinceOfficer, provinceId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`tong-quan-24-${AS_OF}.xlsx`);
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Chuyên môn', 'Lý luận chính trị', 'Đơn vị trực thuộc']);
    const expected = await summary(provinceOfficer, provinceId);

    const figures = workbook.getWorksheet('Tổng hợp')!;
    expect(figures.getCell('A1').value).toBe('Tổng hợp — cán bộ chủ chốt cấp xã — Tỉnh Bắc Giang');
    expect(figures.getCell('A2').value).toBe('Số liệu tính đến ngày 31/12/2021');
    const rows = table(figures);
    expect(rows.slice(0, 8)).toEqual([
      ['Chỉ tiêu', 'Số người', 'Tỷ lệ'],
      ['Cán bộ chủ chốt', 1219],
      ['Đạt chuẩn', expected.meeting, expected.meetingShare],
      ['Chưa đạt chuẩn', expected.notMeeting, expected.notMeeting / 1219],
      ['Chưa có tiêu chuẩn áp dụng', expected.withoutStandard, expected.withoutStandard / 1219],
      ['Trình độ chuyên môn từ đại học trở lên', 1212, 1212 / 1219],
      ['Trong đó: thạc sĩ, tiến sĩ', expected.postgraduate, expected.postgraduate / 1219],
      ['Cao cấp, cử nhân lý luận chính trị', 76, 76 / 1219],
    ]);
    expect(figures.getCell('B6').numFmt).toBe('#,##0');
    expect(figures.getCell('C6').numFmt).toBe('0.0%');
    expect(rows.at(-1)?.[0]).toBe(expected.sentence);

    const professional = table(workbook.getWorksheet('Chuyên môn')!);
    expect(professional[0]).toEqual(['Trình độ', 'Số người', 'Tỷ lệ']);
    expect(professional.slice(1, -1).map((row) => row[1])).toEqual(expected.professional.map((level: { count: number }) => level.count));
    expect(professional.find((row) => row[0] === 'Thạc sĩ')?.[1]).toBe(
      expected.professional.find((level: { level: string }) => level.level === 'thac_si').count,
    );
    expect(professional.at(-1)).toEqual(['Tổng số', 1219]);

    const theory = table(workbook.getWorksheet('Lý luận chính trị')!);
    expect(theory.find((row) => row[0] === 'Cao cấp, cử nhân')?.[1]).toBe(76);

    const districts = table(workbook.getWorksheet('Đơn vị trực thuộc')!);
    expect(districts.slice(1).map((row) => [row[2], row[3], row[4]])).toEqual(
      expected.children.map((child: { unit: { name: string }; totalPeople: number; meeting: number }) => [child.unit.name, child.totalPeople, child.meeting]),
    );
    expect(districts.find((row) => row[2] === 'Thành phố Bắc Giang')?.slice(3, 6)).toEqual([92, 92, 1]);
  });

  it('gives Bắc Giang city’s 92 key cadres, 25 with a master’s degree, 11 with advanced political theory', async () => {
    const workbook = await workbookOf((await exportWorkbook(provinceOfficer, cityId)).rawPayload);
    const figures = workbook.getWorksheet('Tổng hợp')!;
    expect(figures.getCell('A1').value).toBe('Tổng hợp — cán bộ chủ chốt cấp xã — Thành phố Bắc Giang');
    const byLabel = new Map(table(figures).map((row) => [row[0], row[1]]));
    expect(byLabel.get('Cán bộ chủ chốt')).toBe(92);
    expect(byLabel.get('Đạt chuẩn')).toBe(92);
    expect(byLabel.get('Trong đó: thạc sĩ, tiến sĩ')).toBe(25);
    expect(byLabel.get('Cao cấp, cử nhân lý luận chính trị')).toBe(11);
  });

  it('is "not found" for a unit outside the officer’s district, as the summary is', async () => {
    for (const id of [provinceId, cityId]) {
      const response = await exportWorkbook(districtOfficer, id);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.id).toBe('NOT_FOUND');
    }
  });

  it('says the unit did not exist on the date instead of a sheet of zeros', async () => {
    // Tỉnh Bắc Giang was merged into Bắc Ninh in 2025.
    const response = await exportWorkbook(provinceOfficer, provinceId, '2026-01-01');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe(
      'Tỉnh Bắc Giang không có trong danh mục đơn vị hành chính ngày 01/01/2026 (chưa thành lập hoặc đã sáp nhập, giải thể)',
    );
  });

  it('keeps a name that starts like a formula as text', async () => {
    const province = await createUnit(t.db, { level: 'province', code: 'T7T', name: 'Tỉnh Thử Công Thức', type: 'Tỉnh', parentId: t.countryUnitId });
    await createUnit(t.db, { level: 'district', code: 'T7T01', name: '=HYPERLINK("http://x","Huyện")', type: 'Huyện', parentId: province });
    const officer = await t.asUser('province', province);
    const response = await exportWorkbook(officer, province);
    expect(response.statusCode, response.body).toBe(200);
    const districts = table((await workbookOf(response.rawPayload)).getWorksheet('Đơn vị trực thuộc')!);
    expect(districts[1]?.[2]).toBe(`'=HYPERLINK("http://x","Huyện")`);
  });
});
