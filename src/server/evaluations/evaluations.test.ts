import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';

/** Yearly classes checked against the scheme of the year and the year's disciplines, through the API. */

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
  stranger = await t.asUser('province', units.otherProvince, { canViewSensitive: true });
});

afterAll(async () => {
  await t.close();
});

async function call(client: SignedInClient, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  const response = await client.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json() };
}

async function chair(fullName: string): Promise<string> {
  const created = await call(province, 'POST', '/api/cadres', { fullName, gender: 'nam', birthDate: '1978-01-01', owningUnitId: units.communeA });
  expect(created.status).toBe(201);
  const post = await call(province, 'POST', `/api/cadres/${created.body.id}/posts`, {
    unitId: units.communeA,
    titleCode: 'chu_tich_ubnd',
    startDate: '2021-06-25',
  });
  expect(post.status).toBe(201);
  return created.body.id;
}

describe('a year’s class and the year’s discipline', () => {
  let id: string;
  beforeAll(async () => {
    id = await chair('Trịnh Văn Kỷ');
  });

  it('records a class by criteria in the unit of the post held that year', async () => {
    const saved = await call(province, 'PUT', `/api/cadres/${id}/evaluations/2024`, {
      evaluationClass: 'hoan_thanh_tot',
      evaluatedBy: 'Ban Thường vụ Huyện ủy',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.evaluations[0]).toMatchObject({
      year: 2024,
      evaluationClass: { code: 'hoan_thanh_tot', label: 'Hoàn thành tốt nhiệm vụ' },
      points: null,
      unit: { id: units.communeA },
      scheme: { kind: 'criteria' },
    });
  });

  it('refuses a discipline that contradicts the class already given, and writes nothing', async () => {
    const refused = await call(province, 'POST', `/api/cadres/${id}/disciplines`, {
      form: 'khien_trach',
      decidedOn: '2024-05-10',
      decidingBody: 'Ủy ban Kiểm tra Huyện ủy',
      decisionNumber: '12-QĐ/UBKT',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('body.decidedOn: Năm 2024 đã xếp loại Hoàn thành tốt nhiệm vụ');
    expect((await call(province, 'GET', `/api/cadres/${id}/evaluations`)).body.disciplines).toEqual([]);
  });

  it('takes the discipline once the year is not completed, then refuses a better class for that year', async () => {
    expect((await call(province, 'PUT', `/api/cadres/${id}/evaluations/2024`, { evaluationClass: 'khong_hoan_thanh' })).status).toBe(200);
    const recorded = await call(province, 'POST', `/api/cadres/${id}/disciplines`, {
      form: 'khien_trach',
      decidedOn: '2024-05-10',
      decidingBody: 'Ủy ban Kiểm tra Huyện ủy',
      decisionNumber: '12-QĐ/UBKT',
      reason: 'Buông lỏng quản lý đất đai',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.disciplines[0]).toMatchObject({ form: { code: 'khien_trach', label: 'Khiển trách' }, decidedOn: '2024-05-10' });
    const better = await call(province, 'PUT', `/api/cadres/${id}/evaluations/2024`, { evaluationClass: 'hoan_thanh' });
    expect(better.status).toBe(400);
    expect(better.body.error.message).toContain(
      'body.evaluationClass: Năm 2024 người này bị kỷ luật khiển trách (Quyết định số 12-QĐ/UBKT) nên xếp loại Không hoàn thành nhiệm vụ',
    );
    // The next year is not touched by it.
    expect((await call(province, 'PUT', `/api/cadres/${id}/evaluations/2025`, { evaluationClass: 'hoan_thanh_tot' })).status).toBe(200);
  });

  it('hides disciplines from a user without personal data, who still sees the classes', async () => {
    const seen = await call(commune, 'GET', `/api/cadres/${id}/evaluations`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ disciplines: [], disciplinesHidden: true, abilities: { edit: true, editDisciplines: false } });
    expect(seen.body.evaluations).toHaveLength(2);
    expect((await call(commune, 'POST', `/api/cadres/${id}/disciplines`, { form: 'canh_cao', decidedOn: '2025-01-01', decidingBody: 'X' })).status).toBe(403);
    expect((await call(stranger, 'GET', `/api/cadres/${id}/evaluations`)).status).toBe(404);
  });
});

describe('points from 2026 (Decree 335/2025)', () => {
  it('needs points between 0 and 100 and the class they give', async () => {
    const id = await chair('Lò Văn Điểm');
    const none = await call(province, 'PUT', `/api/cadres/${id}/evaluations/2026`, { evaluationClass: 'hoan_thanh_tot' });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('body.points: Năm 2026 đánh giá theo thang 100 điểm');
    const outside = await call(province, 'PUT', `/api/cadres/${id}/evaluations/2026`, { evaluationClass: 'hoan_thanh_tot', points: 101 });
    expect(outside.body.error.message).toContain('Số điểm phải từ 0 đến 100');
    const wrong = await call(province, 'PUT', `/api/cadres/${id}/evaluations/2026`, { evaluationClass: 'hoan_thanh_xuat_sac', points: 89.5 });
    expect(wrong.body.error.message).toContain('89.5 điểm tương ứng mức Hoàn thành tốt nhiệm vụ');
    const good = await call(province, 'PUT', `/api/cadres/${id}/evaluations/2026`, { evaluationClass: 'hoan_thanh_tot', points: 89.5 });
    expect(good.status).toBe(200);
    expect(good.body.evaluations[0]).toMatchObject({ points: 89.5, scheme: { kind: 'points' } });
    const before = await call(province, 'PUT', `/api/cadres/${id}/evaluations/2025`, { evaluationClass: 'hoan_thanh', points: 60 });
    expect(before.body.error.message).toContain('Năm 2025 xếp loại theo tiêu chí, không chấm điểm');
  });
});

describe('counts by class', () => {
  it('adds up a year for the province and the unit below, with the excellent share against its cap', async () => {
    const summary = await call(province, 'GET', `/api/evaluations/summary?unitId=${units.province}&year=2024`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ year: 2024, total: 1, counts: { khong_hoan_thanh: 1 }, excellentCap: { ok: true } });
    expect(summary.body.byChild.reduce((sum: number, row: { total: number }) => sum + row.total, 0)).toBe(1);
    expect((await call(stranger, 'GET', `/api/evaluations/summary?unitId=${units.province}&year=2024`)).status).toBe(404);
  });
});
