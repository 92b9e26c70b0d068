import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInClient, type TestApp, createTestApp } from '../../../test/helpers.js';
import { ensureOfficialTerritoryLoaded } from '../territory/territory.service.js';
import { areaClassesAsOf, weakCommunesAsOf } from './commune-profile.service.js';

let t: TestApp;
let langGiangOfficer: SignedInClient;
let provinceOfficer: SignedInClient;
let tienLucOfficer: SignedInClient;
let viewer: SignedInClient;
let nghiaHung: string;
let langGiang: string;

async function unitId(code: string, level: string, asOf: string): Promise<string> {
  const row = await t.db
    .selectFrom('admin_unit as u')
    .innerJoin('admin_unit_version as v', 'v.unit_id', 'u.id')
    .select('u.id')
    .where('u.code', '=', code)
    .where('u.level', '=', level as 'commune')
    .where((eb) => eb.or([eb('v.valid_from', 'is', null), eb('v.valid_from', '<=', asOf)]))
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>=', asOf)]))
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureOfficialTerritoryLoaded(t.db, { info: () => undefined, warn: () => undefined });
  nghiaHung = await unitId('07381', 'commune', '2023-06-01');
  langGiang = await unitId('217', 'district', '2023-06-01');
  langGiangOfficer = await t.asUser('district', langGiang);
  provinceOfficer = await t.asUser('province', await unitId('24', 'province', '2025-07-01'));
  tienLucOfficer = await t.asUser('commune', await unitId('07381', 'commune', '2025-07-01'));
  viewer = await t.asUser('viewer');
});

afterAll(async () => {
  await t.close();
});

describe('area class of a commune, with history', () => {
  let mountainous: string;

  it('records a class from an open start, then a new class that closes the old one', async () => {
    const plains = await langGiangOfficer.inject({
      method: 'POST',
      url: `/api/communes/${nghiaHung}/area-classes`,
      payload: { flags: ['dong_bang'], validFrom: null },
    });
    expect(plains.statusCode, plains.body).toBe(201);
    expect(plains.json()).toMatchObject({ flags: ['dong_bang'], disadvantaged: false, validFrom: null, validTo: '2025-06-30' });

    const hills = await langGiangOfficer.inject({
      method: 'POST',
      url: `/api/communes/${nghiaHung}/area-classes`,
      payload: { flags: ['mien_nui', 'dan_toc'], validFrom: '2024-01-01', basis: 'Quyết định số 861/QĐ-TTg' },
    });
    expect(hills.statusCode, hills.body).toBe(201);
    mountainous = hills.json().id;

    const history = await viewer.inject({ method: 'GET', url: `/api/communes/${nghiaHung}/area-classes?asOf=2023-06-01` });
    expect(history.json()).toMatchObject({
      commune: { code: '07381', name: 'Xã Nghĩa Hưng' },
      current: { flags: ['dong_bang'], disadvantaged: false },
      history: [
        { flags: ['dong_bang'], validFrom: null, validTo: '2023-12-31' },
        { flags: ['mien_nui', 'dan_toc'], validFrom: '2024-01-01', validTo: '2025-06-30', disadvantaged: true },
      ],
    });
    const classes = await areaClassesAsOf(t.db, [nghiaHung], '2024-06-01');
    expect(classes.get(nghiaHung)).toEqual({ flags: ['mien_nui', 'dan_toc'], disadvantaged: true });
  });

  it('lists the communes of a district with their class on a date', async () => {
    const response = await langGiangOfficer.inject({ method: 'GET', url: `/api/area-classes?unitId=${langGiang}&asOf=2024-06-01` });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { commune: { code: string }; areaClass: { disadvantaged: boolean } | null }[];
    expect(items.length).toBeGreaterThan(15);
    expect(items.find((item) => item.commune.code === '07381')?.areaClass).toMatchObject({ disadvantaged: true });
    expect(items.filter((item) => item.areaClass !== null)).toHaveLength(1);
  });

  it('refuses plains together with another flag, and a period starting before an existing one', async () => {
    const mixed = await langGiangOfficer.inject({
      method: 'POST',
      url: `/api/communes/${nghiaHung}/area-classes`,
      payload: { flags: ['dong_bang', 'hai_dao'], validFrom: '2025-01-01' },
    });
    expect(mixed.statusCode).toBe(400);
    const earlier = await langGiangOfficer.inject({
      method: 'POST',
      url: `/api/communes/${nghiaHung}/area-classes`,
      payload: { flags: ['bien_gioi'], validFrom: '2023-01-01' },
    });
    expect(earlier.statusCode).toBe(409);
  });

  it('is decided above the commune; viewers only read', async () => {
    const byCommune = await tienLucOfficer.inject({
      method: 'POST',
      url: `/api/communes/${nghiaHung}/area-classes`,
      payload: { flags: ['bien_gioi'], validFrom: '2025-01-01' },
    });
    expect(byCommune.statusCode).toBe(403);
    const byViewer = await viewer.inject({ method: 'PATCH', url: `/api/area-classes/${mountainous}`, payload: { note: 'x' } });
    expect(byViewer.statusCode).toBe(403);
  });

  it('lets the previous class run on when the latest one is deleted', async () => {
    const response = await langGiangOfficer.inject({ method: 'DELETE', url: `/api/area-classes/${mountainous}` });
    expect(response.statusCode).toBe(204);
    const history = await viewer.inject({ method: 'GET', url: `/api/communes/${nghiaHung}/area-classes` });
    expect(history.json().history).toEqual([expect.objectContaining({ flags: ['dong_bang'], validFrom: null, validTo: '2025-06-30' })]);
  });
});

describe('weak-commune designation', () => {
  it('designates a commune for a year, for that year by default', async () => {
    const response = await provinceOfficer.inject({
      method: 'POST',
      url: '/api/weak-units',
      payload: {
        communeId: nghiaHung,
        year: 2020,
        fields: ['xay_dung_dang', 'khieu_nai_to_cao'],
        reasons: 'Nội bộ mất đoàn kết; đơn thư vượt cấp',
        decidedOn: '2020-03-15',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ commune: { code: '07381', name: 'Xã Nghĩa Hưng' }, year: 2020, validFrom: '2020-03-15', validTo: '2020-12-31' });

    const again = await provinceOfficer.inject({
      method: 'POST',
      url: '/api/weak-units',
      payload: { communeId: nghiaHung, year: 2020, fields: ['khac'], reasons: 'x' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Xã Nghĩa Hưng đã được xác định là xã có mặt hạn chế, yếu kém năm 2020; hãy sửa bản ghi đó');

    const weak = await weakCommunesAsOf(t.db, '2020-06-01');
    expect(weak.get(nghiaHung)).toMatchObject({ year: 2020, fields: ['xay_dung_dang', 'khieu_nai_to_cao'] });
    expect((await weakCommunesAsOf(t.db, '2021-06-01')).has(nghiaHung)).toBe(false);
  });

  it('shows the designation of the old commune to the officer of the commune that succeeded it', async () => {
    const response = await tienLucOfficer.inject({ method: 'GET', url: '/api/weak-units?year=2020' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((item: { commune: { name: string } }) => item.commune.name)).toEqual(['Xã Nghĩa Hưng']);
    const outside = await (await t.asUser('commune', await unitId('00004', 'commune', '2025-07-01'))).inject({
      method: 'GET',
      url: '/api/weak-units?year=2020',
    });
    expect(outside.json().items).toEqual([]);
  });

  it('is not decided by the commune itself', async () => {
    const response = await tienLucOfficer.inject({
      method: 'POST',
      url: '/api/weak-units',
      payload: { communeId: nghiaHung, year: 2021, fields: ['khac'], reasons: 'x' },
    });
    expect(response.statusCode).toBe(403);
  });
});
