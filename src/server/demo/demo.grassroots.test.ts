import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { loadProvinceDemo } from './demo.loader.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const loaded = await loadProvinceDemo(t.db, { mode: 'first-start' });
  expect(loaded.status).toBe('loaded');
});

afterAll(async () => {
  await t.close();
});

describe('grassroots problems in the Bắc Giang demo', () => {
  it("has the article's 2021: more than 800 problems, more than 94% resolved, led by environment, compensation and land violations", async () => {
    const province = await t.signIn('tinh.bacgiang', 'minhhoa-canboxa');
    const provinceId = (await t.db.selectFrom('app_user').select('unit_id').where('username', '=', 'tinh.bacgiang').executeTakeFirstOrThrow()).unit_id;
    const response = await province.inject({ method: 'GET', url: `/api/grassroots-problems/report?unitId=${provinceId}&year=2021` });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as {
      registered: number;
      resolved: number;
      rate: number;
      byField: { code: string }[];
      byChild: { registered: number }[];
      sentence: string;
    };
    expect(report.registered).toBeGreaterThan(800);
    expect(report.rate).toBeGreaterThan(94);
    expect(
      report.byField
        .slice(0, 3)
        .map((field) => field.code)
        .sort(),
    ).toEqual(['den_bu_gpmb', 'moi_truong', 'vi_pham_dat_dai']);
    expect(report.byChild).toHaveLength(10);
    // Each problem counts once, under the district that held its commune in 2021 (some were moved to the city since).
    expect(report.byChild.reduce((sum, child) => sum + child.registered, 0)).toBe(report.registered);
    expect(report.sentence).toMatch(
      /^Trong năm 2021, các xã, phường, thị trấn của Tỉnh Bắc Giang đăng ký [\d.]+ vấn đề cần tập trung cao trong công tác lãnh đạo, chỉ đạo; kết quả số vụ việc giải quyết đạt 9[4-9],?\d*%/,
    );
    const counted = await t.db
      .selectFrom('grassroots_problem')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('id').filterWhere('status', '=', 'resolved').as('resolved')])
      .where('year', '=', 2021)
      .executeTakeFirstOrThrow();
    expect(report.registered).toBe(Number(counted.n));
    expect(report.resolved).toBe(Number(counted.resolved));
  });

  it('resolves every problem of Xã Quảng Minh on time, and carries the unfinished ones of other communes into 2022', async () => {
    const quangMinh = await t.db
      .selectFrom('grassroots_problem as g')
      .innerJoin('admin_unit as u', 'u.id', 'g.commune_id')
      .select(['g.status', 'g.closed_on', 'g.target_on'])
      .where('u.code', '=', '07792')
      .where('g.year', '=', 2021)
      .execute();
    expect(quangMinh.length).toBeGreaterThan(0);
    expect(quangMinh.every((problem) => problem.status === 'resolved' && problem.closed_on! <= problem.target_on)).toBe(true);
    const carried = await t.db.selectFrom('grassroots_problem').select('id').where('year', '=', 2022).where('carried_from_id', 'is not', null).execute();
    expect(carried.length).toBeGreaterThan(0);
  });
});

describe('standing members at party-cell meetings in the Bắc Giang demo', () => {
  it('has every grassroots party committee keeping assignments in 2021, with realistic gaps, counted independently', async () => {
    const province = await t.signIn('tinh.bacgiang', 'minhhoa-canboxa');
    const provinceId = (await t.db.selectFrom('app_user').select('unit_id').where('username', '=', 'tinh.bacgiang').executeTakeFirstOrThrow()).unit_id;
    const response = await province.inject({ method: 'GET', url: `/api/cell-attendance/coverage?unitId=${provinceId}&year=2021` });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as {
      committees: number;
      committeesAssigned: number;
      cells: number;
      cellsAssigned: number;
      planned: number;
      done: number;
      rate: number;
      idleCells: number;
      byChild: { committees: number }[];
      sentence: string;
    };
    expect(report.committees).toBeGreaterThan(200);
    expect(report.committeesAssigned).toBe(report.committees);
    expect(report.cellsAssigned).toBe(report.cells);
    expect(report.rate).toBeGreaterThan(80);
    expect(report.rate).toBeLessThan(98);
    expect(report.idleCells).toBeGreaterThan(0);
    expect(report.byChild.reduce((sum, child) => sum + child.committees, 0)).toBe(report.committees);
    expect(report.sentence).toMatch(/^Năm 2021, \d+\/\d+ đảng ủy cơ sở \(100%\) của Tỉnh Bắc Giang duy trì phân công/u);
    // Independent count: each monthly assignment plans twelve visits when it runs all year.
    const counted = await t.db
      .selectFrom('party_organization')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'dang_bo_co_so')
      .executeTakeFirstOrThrow();
    expect(report.committees).toBe(Number(counted.n));
    const visits = await t.db
      .selectFrom('party_cell_attendance as a')
      .innerJoin('party_cell_meeting as m', 'm.id', 'a.meeting_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('a.status', '=', 'present')
      .executeTakeFirstOrThrow();
    expect(report.done).toBe(Number(visits.n));
  });
});
