import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInClient, type TestApp, createTestApp } from '../../../test/helpers.js';
import { ensureOfficialTerritoryLoaded, rollForward, unitNamesAsOf } from './territory.service.js';

interface Unit {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string;
  path: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

let t: TestApp;
let viewer: SignedInClient;
const silent = { info: () => undefined, warn: () => undefined };

async function get<T>(client: SignedInClient, url: string): Promise<T> {
  const response = await client.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

const unitByCode = (code: string, asOf: string, level?: string) =>
  get<Unit>(viewer, `/api/units/by-code/${code}?asOf=${asOf}${level ? `&level=${level}` : ''}`);

interface Counts {
  children: { total: number; byLevel: Record<string, number> };
  descendants: { total: number; byLevel: Record<string, number>; byType: { level: string; type: string; count: number }[] };
}
const countsOf = (id: string, asOf: string) => get<Counts>(viewer, `/api/units/${id}/counts?asOf=${asOf}`);

beforeAll(async () => {
  t = await createTestApp();
  await ensureOfficialTerritoryLoaded(t.db, silent);
  viewer = await t.asUser('viewer');
});

afterAll(async () => {
  await t.close();
});

describe('official data loaded at first start', () => {
  it('does not load the same files again on restart', async () => {
    const before = await t.db
      .selectFrom('admin_unit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await ensureOfficialTerritoryLoaded(t.db, silent);
    expect(again.loaded).toEqual([]);
    const after = await t.db
      .selectFrom('admin_unit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('counts 63 provinces, 696 districts and 10,035 communes on 30/06/2025, then 34 and 3,321', async () => {
    const before = await countsOf(t.countryUnitId, '2025-06-30');
    expect(before.descendants.byLevel).toEqual({ province: 63, district: 696, commune: 10035 });
    const after = await countsOf(t.countryUnitId, '2025-07-01');
    expect(after.descendants.byLevel).toEqual({ province: 34, district: 0, commune: 3321 });
    expect(after.descendants.byType).toEqual(
      expect.arrayContaining([
        { level: 'commune', type: 'Xã', count: 2621 },
        { level: 'commune', type: 'Phường', count: 687 },
        { level: 'commune', type: 'Đặc khu', count: 13 },
      ]),
    );
  });

  it('keeps the island districts without communes, and turns them into special zones', async () => {
    const conDao = await unitByCode('755', '2025-06-30', 'district');
    expect(conDao.name).toBe('Huyện Côn Đảo');
    const lineage = await get<{ successors: { unit: { name: string; code: string }; kind: string }[] }>(viewer, `/api/units/${conDao.id}/lineage`);
    expect(lineage.successors[0]).toMatchObject({ unit: { name: 'Đặc khu Côn Đảo', code: '26732' }, kind: 'whole' });
    expect((await unitByCode('318', '2023-06-01', 'district')).name).toBe('Huyện Bạch Long Vĩ');
  });
});

describe('Bắc Giang across the reforms', () => {
  it('has 10 districts and 209 communes on 01/06/2023, with Quỳnh Sơn in Yên Dũng', async () => {
    const province = await unitByCode('24', '2023-06-01', 'province');
    expect(province.name).toBe('Tỉnh Bắc Giang');
    const counts = await countsOf(province.id, '2023-06-01');
    expect(counts.children.byLevel.district).toBe(10);
    expect(counts.descendants.byLevel.commune).toBe(209);
    const quynhSon = await unitByCode('07702', '2023-06-01');
    expect(quynhSon).toMatchObject({ name: 'Xã Quỳnh Sơn', type: 'Xã', path: 'Tỉnh Bắc Giang › Huyện Yên Dũng' });
  });

  it('has 192 communes on 01/03/2025, Quỳnh Sơn in the city and Quảng Minh a ward', async () => {
    const province = await unitByCode('24', '2025-03-01', 'province');
    const counts = await countsOf(province.id, '2025-03-01');
    expect(counts.descendants.byLevel).toEqual({ province: 0, district: 10, commune: 192 });
    expect((await unitByCode('07702', '2025-03-01')).path).toBe('Tỉnh Bắc Giang › Thành phố Bắc Giang');
    expect(await unitByCode('07792', '2025-03-01')).toMatchObject({ name: 'Phường Quảng Minh', type: 'Phường', path: 'Tỉnh Bắc Giang › Thị xã Việt Yên' });
  });

  it('dates the changes the decrees date: Yên Dũng until 31/12/2024, Việt Yên a town from 01/02/2024', async () => {
    const yenDung = await unitByCode('221', '2024-12-31', 'district');
    expect(yenDung.validTo).toBe('2024-12-31');
    expect((await unitByCode('07702', '2025-01-01')).path).toBe('Tỉnh Bắc Giang › Thành phố Bắc Giang');
    expect((await unitByCode('07792', '2024-01-31')).name).toBe('Xã Quảng Minh');
    expect((await unitByCode('07792', '2024-02-01')).name).toBe('Phường Quảng Minh');
    expect((await unitByCode('222', '2024-02-01', 'district')).name).toBe('Thị xã Việt Yên');
    const detail = await get<{
      versions: { validFrom: string | null; validTo: string | null; name: string }[];
      changes: { dateSource: string; dateBasis: string }[];
    }>(viewer, `/api/units/${yenDung.id}`);
    expect(detail.changes).toEqual([expect.objectContaining({ dateSource: 'known', dateBasis: expect.stringContaining('1191/NQ-UBTVQH15') })]);
  });

  it('is part of Bắc Ninh (24) with 99 units and no districts from 01/07/2025', async () => {
    const province = await unitByCode('24', '2025-07-01', 'province');
    expect(province.name).toBe('Tỉnh Bắc Ninh');
    const counts = await countsOf(province.id, '2025-07-01');
    expect(counts.descendants.byLevel).toEqual({ province: 0, district: 0, commune: 99 });
    const children = await get<{ items: Unit[] }>(viewer, `/api/units?parentId=${province.id}&asOf=2025-07-01`);
    expect(children.items).toHaveLength(99);
    expect(children.items.every((unit) => unit.level === 'commune')).toBe(true);
  });

  it("names Phường Tân An (07682) as Quỳnh Sơn's successor", async () => {
    const quynhSon = await unitByCode('07702', '2025-06-30');
    const lineage = await get<{ successors: { unit: { code: string; name: string }; kind: string; effectiveDate: string; note: string }[] }>(
      viewer,
      `/api/units/${quynhSon.id}/lineage`,
    );
    expect(lineage.successors).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ code: '07682', name: 'Phường Tân An' }),
        kind: 'whole',
        effectiveDate: '2025-07-01',
        note: 'Nhập toàn bộ',
      }),
    ]);
    const current = await get<{ current: (Unit & { share: string })[] }>(viewer, `/api/units/${quynhSon.id}/current?asOf=2025-07-01`);
    expect(current.current).toEqual([expect.objectContaining({ code: '07682', name: 'Phường Tân An', path: 'Tỉnh Bắc Ninh', share: 'whole' })]);
  });

  it('lists the provinces of a date when no parent is given, sorted by Vietnamese name', async () => {
    const provinces = await get<{ items: Unit[] }>(viewer, '/api/units?asOf=2023-06-01');
    expect(provinces.items).toHaveLength(63);
    expect(provinces.items[0]!.name).toBe('Tỉnh An Giang');
    const names = provinces.items.map((p) => p.name);
    expect(names.indexOf('Thành phố Cần Thơ')).toBe(names.indexOf('Tỉnh Cao Bằng') + 1);
    expect(names.indexOf('Thành phố Đà Nẵng')).toBe(names.indexOf('Thành phố Cần Thơ') + 1);
    expect(provinces.items.at(-1)!.name).toBe('Tỉnh Yên Bái');
  });
});

describe('codes identify a unit only together with a date', () => {
  it('gives Phường Trúc Bạch for 00004 in 2023 and Phường Ba Đình in 2025', async () => {
    const old = await unitByCode('00004', '2023-06-01');
    const reformed = await unitByCode('00004', '2025-07-01');
    expect(old.name).toBe('Phường Trúc Bạch');
    expect(reformed.name).toBe('Phường Ba Đình');
    expect(reformed.id).not.toBe(old.id);
  });

  it('answers 404 for a code on a date when no unit had it', async () => {
    const response = await viewer.inject({ method: 'GET', url: '/api/units/by-code/07702?asOf=2025-07-01' });
    expect(response.statusCode).toBe(404);
  });
});

describe('search', () => {
  it('finds Quỳnh Sơn typed without diacritics, with its path', async () => {
    const result = await get<{ items: Unit[] }>(viewer, `/api/units/search?q=${encodeURIComponent('quynh son')}&asOf=2023-06-01`);
    expect(result.items).toContainEqual(expect.objectContaining({ code: '07702', name: 'Xã Quỳnh Sơn', path: 'Tỉnh Bắc Giang › Huyện Yên Dũng' }));
    expect(result.items.every((item) => item.name.includes('Quỳnh Sơn'))).toBe(true);
  });

  it('finds units that no longer exist when no date is given, named as they last were', async () => {
    const result = await get<{ items: Unit[] }>(viewer, `/api/units/search?q=${encodeURIComponent('Quỳnh Sơn')}`);
    expect(result.items).toContainEqual(
      expect.objectContaining({ code: '07702', name: 'Xã Quỳnh Sơn', path: 'Tỉnh Bắc Giang › Thành phố Bắc Giang', validTo: '2025-06-30' }),
    );
  });

  it('finds a unit by its code', async () => {
    const result = await get<{ items: Unit[] }>(viewer, '/api/units/search?q=07682&asOf=2025-07-01');
    expect(result.items[0]).toMatchObject({ code: '07682', name: 'Phường Tân An' });
  });
});

describe('history', () => {
  it('shows each name, type and parent of a unit with its dates', async () => {
    const quangMinh = await unitByCode('07792', '2025-03-01');
    const detail = await get<{ versions: { validFrom: string | null; validTo: string | null; name: string; parent: { name: string } | null }[] }>(
      viewer,
      `/api/units/${quangMinh.id}`,
    );
    expect(detail.versions.map((v) => [v.validFrom, v.validTo, v.name, v.parent?.name])).toEqual([
      [null, '2024-01-31', 'Xã Quảng Minh', 'Huyện Việt Yên'],
      ['2024-02-01', '2025-06-30', 'Phường Quảng Minh', 'Thị xã Việt Yên'],
    ]);
  });

  it('rolls records of old units forward to the units of a later date', async () => {
    const quynhSon = await unitByCode('07702', '2023-06-01');
    const yenDung = await unitByCode('221', '2023-06-01', 'district');
    const rolled = await rollForward(t.db, [quynhSon.id, yenDung.id], '2025-07-01');
    const tanAn = await unitByCode('07682', '2025-07-01');
    const bacNinh = await unitByCode('24', '2025-07-01', 'province');
    expect(rolled.get(quynhSon.id)).toEqual([{ unitId: tanAn.id, share: 'whole' }]);
    expect(rolled.get(yenDung.id)).toEqual([{ unitId: bacNinh.id, share: 'whole' }]);
    const onOldDate = await rollForward(t.db, [quynhSon.id], '2023-06-01');
    expect(onOldDate.get(quynhSon.id)).toEqual([{ unitId: quynhSon.id, share: 'whole' }]);
    const names = await unitNamesAsOf(t.db, [quynhSon.id, tanAn.id], '2025-08-01');
    expect(names.get(quynhSon.id)).toMatchObject({ name: 'Xã Quỳnh Sơn', validOnDate: false });
    expect(names.get(tanAn.id)).toMatchObject({ name: 'Phường Tân An', validOnDate: true });
  });

  it('serves the whole tree of a date', async () => {
    const tree = await get<{ items: (Unit & { depth: number })[] }>(viewer, '/api/units/tree?asOf=2025-07-01');
    expect(tree.items).toHaveLength(34 + 3321);
    expect(tree.items.filter((item) => item.depth === 1)).toHaveLength(34);
  });
});

describe('access scope follows the territory', () => {
  it('lets the officer of a merged commune see the old communes that form it, and no others', async () => {
    const tanAn = await unitByCode('07682', '2025-07-01');
    const quynhSon = await unitByCode('07702', '2023-06-01');
    const neighbour = await unitByCode('07381', '2023-06-01');
    const visible = await t.db.selectFrom('unit_scope').select('unit_id').where('root_id', '=', tanAn.id).execute();
    const ids = visible.map((row) => row.unit_id);
    expect(ids).toContain(quynhSon.id);
    expect(ids).not.toContain(neighbour.id);
  });

  it("lets a 2023 district user see that district's communes, including those that later moved", async () => {
    const yenDung = await unitByCode('221', '2023-06-01', 'district');
    const quynhSon = await unitByCode('07702', '2023-06-01');
    const scope = await t.db.selectFrom('unit_scope').select('unit_id').where('root_id', '=', yenDung.id).execute();
    expect(scope.map((row) => row.unit_id)).toContain(quynhSon.id);
    expect(scope).toHaveLength(1 + 18);
  });

  it('lets the new province see every old district and commune of Bắc Giang', async () => {
    const bacNinh = await unitByCode('24', '2025-07-01', 'province');
    const langGiang = await unitByCode('217', '2023-06-01', 'district');
    const nghiaHung = await unitByCode('07381', '2023-06-01');
    const scope = new Set((await t.db.selectFrom('unit_scope').select('unit_id').where('root_id', '=', bacNinh.id).execute()).map((row) => row.unit_id));
    expect(scope.has(langGiang.id)).toBe(true);
    expect(scope.has(nghiaHung.id)).toBe(true);
    const haNoi = await unitByCode('01', '2025-07-01', 'province');
    expect(scope.has(haNoi.id)).toBe(false);
  });

  it("limits searches to the user's own units when asked", async () => {
    const tanAn = await unitByCode('07682', '2025-07-01');
    const officer = await t.asUser('commune', tanAn.id);
    const mine = await get<{ items: Unit[] }>(officer, `/api/units/search?q=${encodeURIComponent('quynh son')}&scope=mine`);
    expect(mine.items.map((item) => item.code)).toEqual(['07702']);
  });
});
