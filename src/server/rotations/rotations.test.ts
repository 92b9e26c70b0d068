import ExcelJS from 'exceljs';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';

/**
 * Rotation into commune posts (Regulation 65-QĐ/TW) through the API: the
 * posts and the record move in one transaction, access moves with them, a
 * rule not met is a warning with its basis that the officer must confirm,
 * bad input is refused by field with nothing written.
 */

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;
let communeA: SignedInClient;
let communeB: SignedInClient;
let stranger: SignedInClient;

interface Post {
  id: string;
  unit: { id: string };
  title: { code: string };
  startDate: string;
  endDate: string | null;
  howObtained: string | null;
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
  communeA = await t.asUser('commune', units.communeA);
  communeB = await t.asUser('commune', units.communeB);
  stranger = await t.asUser('province', units.otherProvince);
});

afterAll(async () => {
  await t.close();
});

async function call(client: SignedInClient, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const response = await client.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    status: response.statusCode,
    body: response.body ? (response.headers['content-type']?.toString().includes('json') ? response.json() : response.body) : null,
  };
}

async function ok(client: SignedInClient, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  const response = await call(client, method, url, payload);
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  return response.body;
}

async function person(fullName: string, birthDate: string, owningUnitId: string, post?: { unitId: string; titleCode: string; startDate: string }) {
  const created = await ok(province, 'POST', '/api/cadres', { fullName, gender: 'nam', birthDate, owningUnitId });
  if (post) await ok(province, 'POST', `/api/cadres/${created.id}/posts`, { ...post, howObtained: 'bau_cu', concurrent: false });
  return created.id as string;
}

async function posts(id: string): Promise<Post[]> {
  return (await ok(province, 'GET', `/api/cadres/${id}`)).postHistory;
}

function decision(overrides: Record<string, unknown>) {
  return {
    kind: 'luan_chuyen',
    direction: 'across',
    purpose: 'strengthen_weak',
    originPostName: 'Phó Chủ tịch UBND xã Quảng Minh',
    destinationTitleCode: 'chu_tich_ubnd',
    decisionNumber: '125-QĐ/HU',
    decisionDate: '2024-01-05',
    decisionSigner: 'Ban Thường vụ Huyện ủy Yên Thử',
    startDate: '2024-01-15',
    // Planning has its own tests (succession.test.ts); here the officer confirms the person is not in a plan.
    acceptedWarnings: ['not_in_plan'],
    ...overrides,
  };
}

describe('a rotation from one commune to another', () => {
  let cadreId: string;
  let rotationId: string;
  let originPostId: string;

  beforeAll(async () => {
    cadreId = await person('Trần Văn Luân', '1980-03-10', units.communeB, { unitId: units.communeB, titleCode: 'pho_chu_tich_ubnd', startDate: '2021-07-01' });
    originPostId = (await posts(cadreId))[0]!.id;
  });

  it('opens the destination post, ends the origin post the day before and moves the record, in one decision', async () => {
    const rotation = await ok(
      province,
      'POST',
      '/api/rotations',
      decision({ cadreId, originUnitId: units.communeB, originPostId, destinationUnitId: units.communeA }),
    );
    rotationId = rotation.id;
    expect(rotation).toMatchObject({
      plannedEndDate: '2027-01-15',
      status: 'active',
      warnings: [expect.objectContaining({ code: 'not_in_plan' })],
      destination: { unit: { id: units.communeA }, titleCode: 'chu_tich_ubnd' },
      origin: { postId: originPostId },
      abilities: { edit: true, end: true },
    });
    const history = await posts(cadreId);
    expect(history.find((p) => p.id === originPostId)?.endDate).toBe('2024-01-14');
    expect(history.find((p) => p.title.code === 'chu_tich_ubnd')).toMatchObject({
      unit: { id: units.communeA },
      startDate: '2024-01-15',
      endDate: null,
      howObtained: 'luan_chuyen',
    });
    expect((await ok(province, 'GET', `/api/cadres/${cadreId}`)).owningUnit.id).toBe(units.communeA);
  });

  it('hands the person to the destination commune while the origin keeps its own history', async () => {
    const atDestination = await ok(communeA, 'GET', `/api/cadres/${cadreId}`);
    expect(atDestination.abilities).toMatchObject({ reach: 'full', edit: true });
    const atOrigin = await ok(communeB, 'GET', `/api/cadres/${cadreId}`);
    expect(atOrigin.abilities).toMatchObject({ reach: 'history', edit: false });
    expect(atOrigin.postHistory.map((p: Post) => p.unit.id)).toEqual([units.communeB]);
    expect((await call(communeB, 'PATCH', `/api/cadres/${cadreId}`, { phone: '0912000111' })).status).toBe(403);
  });

  it('lets communes read the rotation but not decide one; another province does not see it', async () => {
    expect((await ok(communeA, 'GET', `/api/rotations/${rotationId}`)).abilities).toEqual({ edit: false, end: false, delete: false });
    expect((await ok(communeB, 'GET', `/api/rotations/${rotationId}`)).id).toBe(rotationId);
    const refused = await call(communeA, 'POST', `/api/rotations/${rotationId}/end`, { endDate: '2026-06-30', placement: 'return' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Luân chuyển, điều động cán bộ do cấp ủy, cơ quan cấp huyện, cấp tỉnh quyết định');
    expect((await call(stranger, 'GET', `/api/rotations/${rotationId}`)).status).toBe(404);
    expect((await call(stranger, 'POST', `/api/rotations/${rotationId}/end`, { endDate: '2026-06-30', placement: 'return' })).status).toBe(404);
  });

  it('refuses a second rotation of the same person while this one runs, and writes nothing', async () => {
    const second = await call(
      province,
      'POST',
      '/api/rotations',
      decision({ cadreId, originUnitId: units.communeA, destinationUnitId: units.communeB, startDate: '2025-03-01', decisionDate: '2025-02-20' }),
    );
    expect(second.status).toBe(409);
    expect(second.body.error.id).toBe('ROTATION_OVERLAP');
    expect(second.body.error.message).toContain('15/01/2024');
    expect((await posts(cadreId)).length).toBe(2);
  });

  it('ends with a return: the destination post ends, the origin post re-opens the next day and the origin manages the person again', async () => {
    const ended = await ok(province, 'POST', `/api/rotations/${rotationId}/end`, {
      endDate: '2026-06-30',
      placement: 'return',
      finalEvaluation: 'Hoàn thành tốt nhiệm vụ; xã ra khỏi danh sách yếu kém',
    });
    expect(ended).toMatchObject({ status: 'ended', placement: 'return', endDate: '2026-06-30', monthsServed: 29 });
    const history = await posts(cadreId);
    expect(history.find((p) => p.title.code === 'chu_tich_ubnd')?.endDate).toBe('2026-06-30');
    expect(history.find((p) => p.title.code === 'pho_chu_tich_ubnd' && p.startDate === '2026-07-01')).toMatchObject({
      unit: { id: units.communeB },
      endDate: null,
    });
    expect((await ok(communeB, 'GET', `/api/cadres/${cadreId}`)).abilities.reach).toBe('full');
    expect((await ok(communeA, 'GET', `/api/cadres/${cadreId}`)).abilities.reach).toBe('history');
    expect((await call(province, 'POST', `/api/rotations/${rotationId}/end`, { endDate: '2026-07-30', placement: 'stay' })).body.error.id).toBe(
      'ROTATION_ALREADY_ENDED',
    );
    expect((await call(province, 'DELETE', `/api/rotations/${rotationId}`)).status).toBe(409);
  });
});

describe('warnings with their legal basis', () => {
  it('lists the rules not met, refuses to record until they are confirmed, then keeps them with the decision', async () => {
    await person('Lê Văn Giữ', '1975-01-01', units.communeB, { unitId: units.communeB, titleCode: 'chu_tich_hdnd', startDate: '2021-06-25' });
    // Born 20/05/1965: 61 years 6 months, out of service from 01/12/2026 — 3 years 6 months left in June 2023.
    const cadreId = await person('Nguyễn Văn Cao', '1965-05-20', units.district);
    const input = decision({
      cadreId,
      direction: 'down',
      originUnitId: units.district,
      originPostName: 'Phó Trưởng Ban Tổ chức Huyện ủy Yên Thử',
      destinationUnitId: units.communeB,
      destinationTitleCode: 'chu_tich_hdnd',
      decisionDate: '2023-05-25',
      startDate: '2023-06-01',
      plannedEndDate: '2025-06-01',
    });
    const check = await ok(province, 'POST', '/api/rotations/check', input);
    expect(check.warnings.map((w: { code: string }) => w.code)).toEqual(['not_in_plan', 'service_left_short', 'duration_short', 'post_not_vacant']);
    expect(check.warnings[1].message).toBe('Khi bắt đầu luân chuyển chỉ còn 3 năm 6 tháng công tác (nghỉ hưu từ 01/12/2026), dưới 10 năm');
    expect(check.warnings[1].basis).toContain('Quy định 65-QĐ/TW');
    expect(check.destinationHolders).toEqual(['Lê Văn Giữ']);

    const refused = await call(province, 'POST', '/api/rotations', { ...input, acceptedWarnings: ['duration_short'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.id).toBe('ROTATION_WARNINGS_NOT_ACCEPTED');
    expect(refused.body.error.message).toContain('đang có người giữ (Lê Văn Giữ)');
    expect(await posts(cadreId)).toEqual([]);

    const recorded = await ok(province, 'POST', '/api/rotations', {
      ...input,
      acceptedWarnings: ['not_in_plan', 'service_left_short', 'duration_short', 'post_not_vacant'],
    });
    expect(recorded.warnings).toHaveLength(4);
    expect(recorded.direction).toBe('down');
    expect((await posts(cadreId)).map((p) => p.title.code)).toEqual(['chu_tich_hdnd']);
  });

  it('refuses bad dates by field, in Vietnamese, before writing anything', async () => {
    const cadreId = await person('Phạm Văn Sai', '1985-01-01', units.district);
    const base = decision({ cadreId, originUnitId: units.district, destinationUnitId: units.communeA, destinationTitleCode: 'pho_chu_tich_hdnd' });
    const endsFirst = await call(province, 'POST', '/api/rotations', { ...base, plannedEndDate: '2023-12-31' });
    expect(endsFirst.status).toBe(400);
    expect(endsFirst.body.error.message).toContain('body.plannedEndDate: Ngày kết thúc dự kiến phải sau ngày bắt đầu');
    const decidedLater = await call(province, 'POST', '/api/rotations', { ...base, decisionDate: '2024-02-01' });
    expect(decidedLater.body.error.message).toContain('body.decisionDate: Ngày quyết định phải trước hoặc trùng ngày bắt đầu luân chuyển');
    const notCommune = await call(province, 'POST', '/api/rotations', { ...base, destinationUnitId: units.district });
    expect(notCommune.body.error.message).toContain('Nơi đến phải là một xã, phường, thị trấn');
    expect(await posts(cadreId)).toEqual([]);
  });

  it('removes a rotation recorded by mistake and gives the origin post and the record back', async () => {
    const cadreId = await person('Vũ Văn Nhầm', '1982-02-02', units.communeB, {
      unitId: units.communeB,
      titleCode: 'pho_bi_thu_dang_uy',
      startDate: '2020-06-01',
    });
    const originPostId = (await posts(cadreId))[0]!.id;
    const rotation = await ok(
      province,
      'POST',
      '/api/rotations',
      decision({ cadreId, originUnitId: units.communeB, originPostId, destinationUnitId: units.communeA, destinationTitleCode: 'bi_thu_dang_uy' }),
    );
    expect((await call(province, 'DELETE', `/api/rotations/${rotation.id}`)).status).toBe(204);
    const history = await posts(cadreId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ id: originPostId, endDate: null });
    expect((await ok(province, 'GET', `/api/cadres/${cadreId}`)).owningUnit.id).toBe(units.communeB);
    expect((await call(province, 'GET', `/api/rotations/${rotation.id}`)).status).toBe(404);
  });
});

describe('the register, the weak communes and the article’s figure', () => {
  it('counts the people, shows the weak communes that received one and those that did not, and exports the register', async () => {
    await t.db
      .insertInto('weak_unit_designation')
      .values([
        { commune_id: units.communeA, year: 2024, fields: ['kinh_te'], reasons: 'Thu ngân sách đạt thấp', valid_from: '2024-01-01' },
        { commune_id: units.zeroUnit, year: 2024, fields: ['kinh_te'], reasons: 'Nội bộ mất đoàn kết', valid_from: '2024-01-01' },
      ] as never)
      .execute();
    const list = await ok(province, 'GET', `/api/rotations?unitId=${units.province}&from=2023-01-01`);
    expect(list.total).toBe(2);
    expect(list.summary).toMatchObject({ people: 2, fromHigherLevels: 1, intoWeakCommunes: 1 });
    expect(list.summary.sentence).toBe(
      `Từ 01/01/2023 đến ${formatVietnameseDate(todayInVietnam())}` +
        ', Tỉnh Thử Nghiệm có 2 cán bộ được luân chuyển, điều động về giữ chức danh ở xã, phường, thị trấn, trong đó 1 người từ cấp huyện, cấp tỉnh và 1 người về các xã có mặt hạn chế, yếu kém; ngày ' +
        `${formatVietnameseDate(todayInVietnam())} có 1 người đang trong thời gian luân chuyển.`,
    );

    const weak = await ok(province, 'GET', `/api/rotations/weak-communes?unitId=${units.province}&year=2024`);
    expect(weak).toMatchObject({ year: 2024, weak: 2, received: 1 });
    const a = weak.communes.find((c: { commune: { id: string } }) => c.commune.id === units.communeA);
    expect(a.rotations.map((r: { cadre: { fullName: string } }) => r.cadre.fullName)).toEqual(['Trần Văn Luân']);
    expect(weak.communes.find((c: { commune: { id: string } }) => c.commune.id === units.zeroUnit).rotations).toEqual([]);
    expect((await call(stranger, 'GET', `/api/rotations/weak-communes?unitId=${units.province}&year=2024`)).status).toBe(404);

    const outcomes = await ok(province, 'GET', `/api/rotations/outcomes?unitId=${units.province}&from=2023-01-01`);
    expect(outcomes.items).toHaveLength(1);
    expect(outcomes.items[0]).toMatchObject({
      cadre: { fullName: 'Trần Văn Luân' },
      commune: { id: units.communeA },
      weakYear: 2024,
      leftWeakListIn: null,
      ratedGoodBefore: { year: 2024, count: 0, of: 0 },
      ratedGoodAfter: { year: 2026, count: 0, of: 0 },
    });
    expect(outcomes.summary.sentence).toContain(
      '1 đợt luân chuyển, điều động về 1 xã có mặt hạn chế, yếu kém của Tỉnh Thử Nghiệm: 0 xã đã ra khỏi danh sách yếu kém',
    );

    const file = await province.inject({ method: 'GET', url: `/api/rotations.xlsx?unitId=${units.province}` });
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Sổ luân chuyển')!;
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain('Trần Văn Luân');
    expect(cells).toContain('Tỉnh Thử Nghiệm');
  });
});
