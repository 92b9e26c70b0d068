import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createUnit } from '../../../test/units.js';
import { rebuildUnitScope } from '../territory/territory.service.js';

/**
 * Standing members at party-cell meetings through the API: assignments only
 * of the commune's standing members to the committee's own cells, a month
 * entered at once (all or nothing), the meeting's issues, and the coverage
 * of a district against an independent count.
 */
let t: TestApp;
let commune: SignedInClient;
let province: string;
let districtId: string;
let communeId: string;
let otherCommuneId: string;
let committee: string;
let cells: string[];
let foreignCell: string;
let secretary: string;
let chair: string;
let clerk: string;

async function person(fullName: string, unitId: string, titleCode: string, startDate: string, endDate?: string): Promise<string> {
  const admin = await t.asUser('admin');
  const created = await admin.inject({
    method: 'POST',
    url: '/api/cadres',
    payload: { fullName, gender: 'nam', birthDate: '1975-04-04', owningUnitId: unitId },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const post = await admin.inject({ method: 'POST', url: `/api/cadres/${id}/posts`, payload: { unitId, titleCode, startDate, endDate, concurrent: false } });
  expect(post.statusCode, post.body).toBe(201);
  return id;
}

async function organization(payload: Record<string, unknown>): Promise<string> {
  const admin = await t.asUser('admin');
  const created = await admin.inject({ method: 'POST', url: '/api/party-organizations', payload });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

async function countRows(table: 'party_cell_meeting' | 'party_cell_attendance' | 'party_cell_assignment'): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  province = await createUnit(t.db, { level: 'province', code: '88C', name: 'Tỉnh Chi Bộ', type: 'Tỉnh', parentId: t.countryUnitId });
  districtId = await createUnit(t.db, { level: 'district', code: '88C01', name: 'Huyện Sinh Hoạt', type: 'Huyện', parentId: province });
  communeId = await createUnit(t.db, { level: 'commune', code: '88C0101', name: 'Xã Định Kỳ', type: 'Xã', parentId: districtId });
  otherCommuneId = await createUnit(t.db, { level: 'commune', code: '88C0102', name: 'Xã Bên Cạnh', type: 'Xã', parentId: districtId });
  await rebuildUnitScope(t.db);
  committee = await organization({ communeId, kind: 'dang_bo_co_so', name: 'Đảng bộ xã Định Kỳ' });
  cells = [
    await organization({ communeId, kind: 'chi_bo', name: 'Chi bộ thôn Đông', parentId: committee }),
    await organization({ communeId, kind: 'chi_bo', name: 'Chi bộ thôn Tây', parentId: committee }),
    await organization({ communeId, kind: 'chi_bo', name: 'Chi bộ Trường Tiểu học', parentId: committee }),
  ];
  const otherCommittee = await organization({ communeId: otherCommuneId, kind: 'dang_bo_co_so', name: 'Đảng bộ xã Bên Cạnh' });
  foreignCell = await organization({ communeId: otherCommuneId, kind: 'chi_bo', name: 'Chi bộ thôn Bắc', parentId: otherCommittee });
  secretary = await person('Nguyễn Văn Bí', communeId, 'bi_thu_dang_uy', '2020-10-01');
  chair = await person('Trần Thị Chủ', communeId, 'chu_tich_ubnd', '2021-01-01', '2021-06-30');
  clerk = await person('Lê Văn Thư', communeId, 'van_phong_thong_ke', '2019-01-01');
  commune = await t.asUser('commune', communeId);
});

afterAll(async () => {
  await t.close();
});

describe('assignments of standing members to party cells', () => {
  it('refuses a cell of another committee and a person who is not a standing member, naming the fields, writing nothing', async () => {
    const refused = await commune.inject({
      method: 'POST',
      url: `/api/party-committees/${committee}/cell-assignments`,
      payload: { cellId: foreignCell, cadreId: clerk, validFrom: '2021-01-01' },
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.details.fields as { path: string; message: string }[];
    expect(fields).toContainEqual(expect.objectContaining({ path: 'cellId', message: 'Chi bộ không thuộc Đảng bộ xã Định Kỳ vào ngày 01/01/2021' }));
    expect(fields).toContainEqual(
      expect.objectContaining({
        path: 'cadreId',
        message: 'Người được phân công phải là thành viên thường trực (Đảng ủy, HĐND, UBND) của Xã Định Kỳ vào ngày 01/01/2021',
      }),
    );
    expect(await countRows('party_cell_assignment')).toBe(0);
  });

  it('assigns the secretary monthly to two cells and the chair quarterly to the third, refusing an overlap', async () => {
    for (const [cellId, cadreId, frequencyMonths] of [
      [cells[0], secretary, 1],
      [cells[1], secretary, 1],
      [cells[2], chair, 3],
    ] as const) {
      const created = await commune.inject({
        method: 'POST',
        url: `/api/party-committees/${committee}/cell-assignments`,
        payload: { cellId, cadreId, frequencyMonths, validFrom: '2021-01-01', decision: 'Quyết định số 15-QĐ/ĐU' },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const again = await commune.inject({
      method: 'POST',
      url: `/api/party-committees/${committee}/cell-assignments`,
      payload: { cellId: cells[0], cadreId: secretary, validFrom: '2021-03-01' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.fields[0].message).toBe('Người này đã được phân công dự sinh hoạt chi bộ này từ 01/01/2021');
  });
});

describe('a month of attendance', () => {
  it('records January for all cells at once, creating the meetings on the day given', async () => {
    const saved = await commune.inject({
      method: 'PUT',
      url: `/api/party-committees/${committee}/cell-attendance/2021-01`,
      payload: {
        meetingDay: 5,
        entries: [
          { cellId: cells[0], cadreId: secretary, status: 'present' },
          { cellId: cells[1], cadreId: secretary, status: 'excused' },
          { cellId: cells[2], cadreId: chair, status: 'present' },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ recorded: 3, cleared: 0, meetingsCreated: 3 });
    const year = (await commune.inject({ method: 'GET', url: `/api/party-committees/${committee}/cell-attendance?year=2021` })).json();
    expect(year.meetings.map((m: { heldOn: string }) => m.heldOn)).toEqual(['2021-01-05', '2021-01-05', '2021-01-05']);
    expect(year.usualMeetingDay).toBe(5);
    expect(year.abilities.edit).toBe(true);
  });

  it('refuses the whole month when one entry names someone no longer a standing member, or a cell of another committee', async () => {
    const before = [await countRows('party_cell_meeting'), await countRows('party_cell_attendance')];
    const refused = await commune.inject({
      method: 'PUT',
      url: `/api/party-committees/${committee}/cell-attendance/2021-07`,
      payload: {
        meetingDay: 3,
        entries: [
          { cellId: cells[0], cadreId: secretary, status: 'present' },
          { cellId: cells[2], cadreId: chair, status: 'present' },
          { cellId: foreignCell, cadreId: secretary, status: 'present' },
        ],
      },
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.details.fields as { path: string; message: string }[];
    expect(fields.map((f) => [f.path, f.message])).toEqual([
      ['entries.1.cadreId', 'Trần Thị Chủ không phải thành viên thường trực của Xã Định Kỳ vào ngày 03/07/2021 (chi bộ Chi bộ Trường Tiểu học)'],
      ['entries.2.cellId', 'Chi bộ không thuộc Đảng bộ xã Định Kỳ trong tháng 07/2021'],
    ]);
    expect([await countRows('party_cell_meeting'), await countRows('party_cell_attendance')]).toEqual(before);
  });

  it('clears an entry and drops a meeting left empty; keeps the issues raised at one', async () => {
    const year = (await commune.inject({ method: 'GET', url: `/api/party-committees/${committee}/cell-attendance?year=2021` })).json();
    const east = year.meetings.find((m: { cellId: string }) => m.cellId === cells[0]);
    const patched = await commune.inject({
      method: 'PATCH',
      url: `/api/cell-meetings/${east.id}`,
      payload: { heldOn: '2021-01-06', issuesRaised: 'Đường liên thôn xuống cấp', followUp: 'Giao UBND xã khảo sát, báo cáo Thường trực' },
    });
    expect(patched.statusCode, patched.body).toBe(204);
    const cleared = await commune.inject({
      method: 'PUT',
      url: `/api/party-committees/${committee}/cell-attendance/2021-01`,
      payload: {
        meetingDay: 5,
        entries: [
          { cellId: cells[0], cadreId: secretary, status: null },
          { cellId: cells[1], cadreId: secretary, status: null },
        ],
      },
    });
    expect(cleared.json()).toEqual({ recorded: 0, cleared: 2, meetingsCreated: 0 });
    const after = (await commune.inject({ method: 'GET', url: `/api/party-committees/${committee}/cell-attendance?year=2021` })).json();
    expect(after.meetings.map((m: { cellId: string; heldOn: string; issuesRaised: string | null }) => [m.cellId, m.heldOn, m.issuesRaised])).toEqual([
      [cells[2], '2021-01-05', null],
      [cells[0], '2021-01-06', 'Đường liên thôn xuống cấp'],
    ]);
  });

  it('refuses a meeting day still to come', async () => {
    const refused = await commune.inject({
      method: 'PUT',
      url: `/api/party-committees/${committee}/cell-attendance/2099-01`,
      payload: { meetingDay: 5, entries: [{ cellId: cells[0], cadreId: secretary, status: 'present' }] },
    });
    expect(refused.statusCode).toBe(400);
  });
});

describe('coverage', () => {
  it('counts planned and made visits as the core rule does, for the commune and the district', async () => {
    // The secretary attends the east cell every month of 2021 but December; the west cell from July.
    for (let month = 1; month <= 11; month++) {
      const entries = [{ cellId: cells[0]!, cadreId: secretary, status: 'present' as const }];
      if (month >= 7) entries.push({ cellId: cells[1]!, cadreId: secretary, status: 'present' as const });
      const saved = await commune.inject({
        method: 'PUT',
        url: `/api/party-committees/${committee}/cell-attendance/2021-${String(month).padStart(2, '0')}`,
        payload: { meetingDay: 6, entries },
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    // The chair's quarterly assignment ends with her post.
    const ended = await commune.inject({
      method: 'PATCH',
      url: `/api/cell-assignments/${(await t.db.selectFrom('party_cell_assignment').select('id').where('cadre_id', '=', chair).executeTakeFirstOrThrow()).id}`,
      payload: { validTo: '2021-06-30' },
    });
    expect(ended.statusCode, ended.body).toBe(204);

    const districtUser = await t.asUser('district', districtId);
    const report = (await districtUser.inject({ method: 'GET', url: `/api/cell-attendance/coverage?unitId=${districtId}&year=2021&idleMonths=3` })).json();
    // Planned: east 12, west 12, school 2 quarters (Q1, Q2) = 26; made: east 11, west 5 (January cleared above), school 1 = 17.
    expect(report).toMatchObject({ committees: 2, committeesAssigned: 1, cells: 4, cellsAssigned: 2, planned: 26, done: 17, rate: 65.4, idleCells: 2 });
    expect(report.byChild.find((row: { id: string }) => row.id === communeId)).toMatchObject({ planned: 26, done: 17 });
    expect(report.idle.map((row: { cell: { name: string }; lastVisit: string | null }) => [row.cell.name, row.lastVisit])).toEqual([
      ['Chi bộ thôn Bắc', null],
      ['Chi bộ Trường Tiểu học', '2021-01-05'],
    ]);
    expect(report.sentence).toBe(
      'Năm 2021, 1/2 đảng ủy cơ sở (50%) của Huyện Sinh Hoạt duy trì phân công các đồng chí thường trực Đảng ủy, HĐND, UBND định kỳ dự sinh hoạt chi bộ; 2/4 chi bộ có người được phân công; đã dự 17/26 lượt theo kế hoạch (65,4%); 2 chi bộ chưa có thường trực dự sinh hoạt trong 3 tháng gần nhất.',
    );
    // Independent count of the visits made: distinct months with the assigned member present.
    const made = await t.db
      .selectFrom('party_cell_attendance as t')
      .innerJoin('party_cell_meeting as m', 'm.id', 't.meeting_id')
      .select((eb) => eb.fn.count<string>('m.id').distinct().as('n'))
      .where('t.status', '=', 'present')
      .where('m.held_on', '>=', '2021-01-01')
      .executeTakeFirstOrThrow();
    expect(Number(made.n)).toBe(17);

    const workbook = await districtUser.inject({ method: 'GET', url: `/api/cell-attendance/coverage.xlsx?unitId=${districtId}&year=2021` });
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers['content-type']).toContain('spreadsheetml');
  });

  it('shows the secretary’s visits on her profile', async () => {
    const practice = (await commune.inject({ method: 'GET', url: `/api/cadres/${secretary}/practice` })).json();
    expect(practice.cells).toEqual([
      expect.objectContaining({ cell: { id: cells[0], name: 'Chi bộ thôn Đông' }, frequency: 'Hằng tháng', attended: 11 }),
      expect.objectContaining({ cell: { id: cells[1], name: 'Chi bộ thôn Tây' }, attended: 5 }),
    ]);
  });

  it('hides the committee from another province and refuses a viewer’s write', async () => {
    const elsewhere = await createUnit(t.db, { level: 'province', code: '88D', name: 'Tỉnh Khác', type: 'Tỉnh', parentId: t.countryUnitId });
    await rebuildUnitScope(t.db);
    const stranger = await t.asUser('province', elsewhere);
    expect((await stranger.inject({ method: 'GET', url: `/api/party-committees/${committee}/cell-attendance?year=2021` })).statusCode).toBe(404);
    const viewer = await t.asUser('viewer', province);
    const refused = await viewer.inject({
      method: 'PUT',
      url: `/api/party-committees/${committee}/cell-attendance/2021-12`,
      payload: { meetingDay: 5, entries: [{ cellId: cells[0], cadreId: secretary, status: 'present' }] },
    });
    expect(refused.statusCode).toBe(403);
  });
});
