import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';

/** Succession plans through the API: caps, the working-time condition, flags at the yearly review, structure, and the rotation rule it feeds. */

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;
let commune: SignedInClient;
let stranger: SignedInClient;

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province, { canViewSensitive: true });
  commune = await t.asUser('commune', units.communeA);
  stranger = await t.asUser('province', units.otherProvince);
});

afterAll(async () => {
  await t.close();
});

async function call(client: SignedInClient, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await client.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json() };
}

async function person(fullName: string, gender: 'nam' | 'nu', birthDate: string): Promise<string> {
  const created = await call(province, 'POST', '/api/cadres', { fullName, gender, birthDate, owningUnitId: units.communeA });
  expect(created.status).toBe(201);
  return created.body.id;
}

const plan = (cadreId: string, titleCode = 'chu_tich_ubnd', extra: Record<string, unknown> = {}) => ({
  unitId: units.communeA,
  term: '2025-2030',
  termStartsOn: '2025-10-01',
  titleCode,
  cadreId,
  addedOn: '2024-11-20',
  reason: 'Rà soát, bổ sung quy hoạch năm 2024',
  ...extra,
});

describe('a commune’s plan for the 2025–2030 term', () => {
  it('takes up to three people per title and refuses a fourth by field, writing nothing', async () => {
    const ids = [
      await person('Nguyễn Thị Một', 'nu', '1985-01-01'),
      await person('Trần Văn Hai', 'nam', '1992-01-01'),
      await person('Lê Văn Ba', 'nam', '1980-01-01'),
      await person('Phạm Văn Bốn', 'nam', '1981-01-01'),
    ];
    for (const id of ids.slice(0, 3)) expect((await call(province, 'POST', '/api/succession-plans/entries', plan(id))).status).toBe(200);
    const fourth = await call(province, 'POST', '/api/succession-plans/entries', plan(ids[3]!));
    expect(fourth.status).toBe(400);
    expect(fourth.body.error.message).toContain('body.titleCode: Chức danh Chủ tịch Ủy ban nhân dân nhiệm kỳ 2025-2030 đã có 3 người trong quy hoạch');
    const view = await call(province, 'GET', `/api/succession-plans?unitId=${units.communeA}&term=2025-2030`);
    const chair = view.body.titles.find((title: { titleCode: string }) => title.titleCode === 'chu_tich_ubnd');
    expect(chair.entries).toHaveLength(3);
    expect(chair.gap).toBe(false);
    expect(view.body.titles.find((title: { titleCode: string }) => title.titleCode === 'bi_thu_dang_uy').gap).toBe(true);
    // One woman of three, one under 35 on 01/10/2025.
    expect(view.body.structure).toMatchObject({ people: 3, women: 1, young: 1, womenMet: true, youngMet: true });
  });

  it('refuses someone a few months short of a full term at the term’s start', async () => {
    // Born 15/06/1968: out of service from 01/07/2030, 57 months after 01/10/2025.
    const id = await person('Đỗ Văn Gần Hưu', 'nam', '1968-06-15');
    const refused = await call(province, 'POST', '/api/succession-plans/entries', plan(id, 'pho_chu_tich_ubnd'));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('chỉ còn 4 năm 9 tháng công tác (nghỉ hưu từ 01/07/2030), chưa đủ một nhiệm kỳ 60 tháng');
  });

  it('plans a person for at most three titles at one level', async () => {
    const id = await person('Vũ Thị Nhiều', 'nu', '1986-05-05');
    for (const title of ['bi_thu_dang_uy', 'pho_bi_thu_dang_uy', 'chu_tich_hdnd']) {
      expect((await call(province, 'POST', '/api/succession-plans/entries', plan(id, title))).status).toBe(200);
    }
    const fourth = await call(province, 'POST', '/api/succession-plans/entries', plan(id, 'pho_chu_tich_hdnd'));
    expect(fourth.body.error.message).toContain('đã được quy hoạch 3 chức danh ở cùng cấp trong nhiệm kỳ 2025-2030');
  });

  it('flags a person disciplined since being planned, and removes them with a reason', async () => {
    const id = await person('Hà Văn Vi Phạm', 'nam', '1984-04-04');
    const added = await call(province, 'POST', '/api/succession-plans/entries', plan(id, 'pho_bi_thu_thuong_truc'));
    expect(added.status).toBe(200);
    expect(
      (
        await call(province, 'POST', `/api/cadres/${id}/disciplines`, {
          form: 'khien_trach',
          decidedOn: '2025-03-01',
          decidingBody: 'Ủy ban Kiểm tra Huyện ủy',
        })
      ).status,
    ).toBe(200);
    const view = await call(province, 'GET', `/api/succession-plans?unitId=${units.communeA}&term=2025-2030`);
    const entry = view.body.titles.find((title: { titleCode: string }) => title.titleCode === 'pho_bi_thu_thuong_truc').entries[0];
    expect(entry.flags.map((flag: { code: string }) => flag.code)).toEqual(['disciplined']);
    const removed = await call(province, 'POST', `/api/succession-plans/entries/${entry.id}/remove`, {
      removedOn: '2025-03-15',
      reason: 'Bị kỷ luật khiển trách',
    });
    expect(removed.status).toBe(200);
    const after = removed.body.titles.find((title: { titleCode: string }) => title.titleCode === 'pho_bi_thu_thuong_truc').entries[0];
    expect(after).toMatchObject({ removedOn: '2025-03-15', removedReason: 'Bị kỷ luật khiển trách', flags: [] });
  });

  it('exports the plan as a workbook that names the unit, the term and the people', async () => {
    const file = await province.inject({ method: 'GET', url: `/api/succession-plans.xlsx?unitId=${units.communeA}&term=2025-2030` });
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const cells = workbook.getWorksheet('Quy hoạch')!.getSheetValues().flat().map(String);
    expect(cells).toContain('DANH SÁCH QUY HOẠCH CÁC CHỨC DANH CHỦ CHỐT NHIỆM KỲ 2025-2030');
    // The unit by its name on the day the term starts (a ward since 01/07/2025).
    expect(cells).toContain('Phường Quỳnh Sơn');
    expect(cells).toContain('Nguyễn Thị Một');
  });

  it('lets the commune read its plan but not change it; another province sees nothing', async () => {
    const view = await call(commune, 'GET', `/api/succession-plans?unitId=${units.communeA}&term=2025-2030`);
    expect(view.status).toBe(200);
    expect(view.body.abilities.edit).toBe(false);
    const id = await person('Mai Văn Xã', 'nam', '1990-02-02');
    const refused = await call(commune, 'POST', '/api/succession-plans/entries', plan(id, 'pho_chu_tich_hdnd'));
    expect(refused.status).toBe(403);
    expect((await call(stranger, 'GET', `/api/succession-plans?unitId=${units.communeA}&term=2025-2030`)).status).toBe(404);
  });
});

describe('the rotation rule it feeds', () => {
  it('warns when the rotated person is not planned for the destination title or a higher one, and not when they are', async () => {
    const id = await person('Kiều Văn Luân', 'nam', '1986-03-03');
    const decision = {
      cadreId: id,
      kind: 'luan_chuyen',
      direction: 'across',
      purpose: 'training',
      originUnitId: units.communeA,
      originPostName: 'Công chức Văn phòng - thống kê',
      destinationUnitId: units.communeB,
      destinationTitleCode: 'pho_chu_tich_ubnd',
      decisionNumber: '33-QĐ/HU',
      decisionDate: '2026-01-10',
      decisionSigner: 'Ban Thường vụ Huyện ủy',
      startDate: '2026-02-01',
    };
    const before = await call(province, 'POST', '/api/rotations/check', decision);
    expect(before.body.warnings.map((w: { code: string }) => w.code)).toEqual(['not_in_plan']);
    // Planned for the higher title (chair) of the destination commune.
    expect((await call(province, 'POST', '/api/succession-plans/entries', { ...plan(id, 'chu_tich_ubnd'), unitId: units.communeB })).status).toBe(200);
    const after = await call(province, 'POST', '/api/rotations/check', decision);
    expect(after.body.warnings).toEqual([]);
  });
});
