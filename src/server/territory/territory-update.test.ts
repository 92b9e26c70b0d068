import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInClient, type TestApp, createTestApp } from '../../../test/helpers.js';
import { TERRITORY_RESOURCE_DIR } from './territory-loader.js';
import { ensureOfficialTerritoryLoaded, loadOfficialSnapshot, rollForward } from './territory.service.js';

/** Later official lists: the same loader, the same columns as vn-admin-units-2025.csv, an effective date. */

let t: TestApp;
let admin: SignedInClient;
let viewer: SignedInClient;
const list2025 = readFileSync(path.join(TERRITORY_RESOURCE_DIR, 'vn-admin-units-2025.csv'), 'utf8');
const header = list2025.split('\n', 1)[0]!;

async function territorySize() {
  const count = async (table: 'admin_unit' | 'admin_unit_version' | 'admin_unit_lineage' | 'territory_load' | 'admin_unit_change') =>
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return Promise.all([count('admin_unit'), count('admin_unit_version'), count('admin_unit_lineage'), count('territory_load'), count('admin_unit_change')]);
}

async function unitByCode(code: string, asOf: string) {
  const response = await viewer.inject({ method: 'GET', url: `/api/units/by-code/${code}?asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; name: string; type: string; validTo: string | null };
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureOfficialTerritoryLoaded(t.db, { info: () => undefined, warn: () => undefined });
  admin = await t.asUser('admin');
  viewer = await t.asUser('viewer');
});

afterAll(async () => {
  await t.close();
});

describe('a file that is wrong is refused whole, with the line named', () => {
  it('refuses wrong headers', async () => {
    const before = await territorySize();
    const csv = list2025.replace(header, 'ma_tinh,ten_tinh,ma_xa,ten_xa,loai');
    await expect(loadOfficialSnapshot(t.db, csv, '2026-04-30', { label: 'danh-muc-2026.csv' })).rejects.toThrow(
      /^Tệp danh-muc-2026\.csv, dòng 1: tiêu đề cột không đúng: thiếu cột «province_code»/,
    );
    expect(await territorySize()).toEqual(before);
  });

  it('refuses a code used twice on the same date', async () => {
    const before = await territorySize();
    const csv = `${header}\n01,Thành phố Hà Nội,00004,Phường Ba Đình,Phường\n01,Thành phố Hà Nội,00008,Phường Ngọc Hà,Phường\n01,Thành phố Hà Nội,00004,Phường Trúc Bạch,Phường\n`;
    await expect(loadOfficialSnapshot(t.db, csv, '2026-04-30', { label: 'trung-ma.csv' })).rejects.toThrow(
      'Tệp trung-ma.csv, dòng 4: mã xã 00004 trùng với dòng 2 («Phường Ba Đình»): một mã chỉ được dùng cho một đơn vị tại cùng một ngày',
    );
    expect(await territorySize()).toEqual(before);
  });

  it('refuses a merge into a unit that does not exist', async () => {
    const before = await territorySize();
    const conversion = 'old_commune_code,new_commune_code,nso_note\n00008,00004,Nhập toàn bộ\n00011,99999,Nhập toàn bộ\n';
    await expect(
      loadOfficialSnapshot(t.db, list2025, '2026-04-30', { label: 'ds.csv', conversionCsv: conversion, conversionLabel: 'chuyen-doi.csv' }),
    ).rejects.toThrow('Tệp chuyen-doi.csv, dòng 3: xã mới mã 99999 không có trong danh mục ds.csv: không thể sáp nhập vào đơn vị không tồn tại');
    expect(await territorySize()).toEqual(before);
  });

  it('refuses lineage that goes round in a cycle', async () => {
    const before = await territorySize();
    const conversion = 'old_commune_code,new_commune_code,nso_note\n00004,00008,Nhập một phần\n00008,00004,Nhập một phần\n';
    await expect(
      loadOfficialSnapshot(t.db, list2025, '2026-04-30', { label: 'ds.csv', conversionCsv: conversion, conversionLabel: 'vong-lap.csv' }),
    ).rejects.toThrow('Tệp vong-lap.csv, dòng 3: quan hệ kế thừa 00008 → 00004 tạo vòng lặp');
    expect(await territorySize()).toEqual(before);
  });

  it('refuses a list dated before the last one loaded', async () => {
    await expect(loadOfficialSnapshot(t.db, list2025, '2025-05-01')).rejects.toThrow(
      'Ngày hiệu lực 01/05/2025 phải sau ngày của danh mục đã nạp gần nhất (01/07/2025)',
    );
  });

  it('answers the administrator through the API with the Vietnamese message', async () => {
    const before = await territorySize();
    const response = await admin.inject({
      method: 'POST',
      url: '/api/territory/loads',
      payload: { csv: `${header}\n01,Thành phố Hà Nội,0004,Phường Ba Đình,Phường\n`, effectiveDate: '2026-04-30', label: 'tai-len.csv' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Tệp tai-len.csv, dòng 2: mã xã «0004» không hợp lệ: phải gồm đúng 5 chữ số');
    expect(await territorySize()).toEqual(before);
  });

  it('lets only administrators load lists', async () => {
    const response = await viewer.inject({ method: 'POST', url: '/api/territory/loads', payload: { csv: list2025, effectiveDate: '2026-04-30' } });
    expect(response.statusCode).toBe(403);
  });
});

describe('a later list', () => {
  const later = list2025
    .replace(/^75,Tỉnh Đồng Nai,26170,Xã Trị An,Xã$/m, '75,Tỉnh Đồng Nai,26170,Phường Trị An,Phường')
    .replace(/^01,Thành phố Hà Nội,00008,Phường Ngọc Hà,Phường\n/m, '');
  const conversion = 'old_commune_code,new_commune_code,nso_note\n00008,00004,Nhập toàn bộ\n';

  it('is checked without being kept in a dry run', async () => {
    const before = await territorySize();
    const response = await admin.inject({
      method: 'POST',
      url: '/api/territory/loads',
      payload: { csv: later, conversionCsv: conversion, effectiveDate: '2026-04-30', label: 'danh-muc-2026.csv', dryRun: true },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: true,
      loadId: null,
      summary: { changed: { commune: 1 }, ended: { commune: 1 }, established: { commune: 0 }, lineage: { fromConversion: 1 } },
    });
    expect(await territorySize()).toEqual(before);
  });

  it('changes the type of a unit that keeps its code, and ends a merged one with lineage', async () => {
    const ngocHa = await unitByCode('00008', '2026-04-29');
    const response = await admin.inject({
      method: 'POST',
      url: '/api/territory/loads',
      payload: { csv: later, conversionCsv: conversion, effectiveDate: '2026-04-30', label: 'danh-muc-2026.csv' },
    });
    expect(response.statusCode, response.body).toBe(200);

    const before = await unitByCode('26170', '2026-04-29');
    const after = await unitByCode('26170', '2026-04-30');
    expect([before.name, after.name]).toEqual(['Xã Trị An', 'Phường Trị An']);
    expect(after.id).toBe(before.id);
    expect((await unitByCode('00008', '2026-04-29')).validTo).toBe('2026-04-29');
    const gone = await viewer.inject({ method: 'GET', url: '/api/units/by-code/00008?asOf=2026-04-30' });
    expect(gone.statusCode).toBe(404);

    const baDinh = await unitByCode('00004', '2026-04-30');
    expect((await rollForward(t.db, [ngocHa.id], '2026-05-01')).get(ngocHa.id)).toEqual([{ unitId: baDinh.id, share: 'whole' }]);
    const scope = await t.db.selectFrom('unit_scope').select('unit_id').where('root_id', '=', baDinh.id).execute();
    expect(scope.map((row) => row.unit_id)).toContain(ngocHa.id);

    const changes = await viewer.inject({ method: 'GET', url: `/api/territory/changes?from=2026-04-30&to=2026-04-30` });
    expect(changes.json()).toMatchObject({ total: 2 });
    expect(changes.json().items.map((c: { kind: string; dateSource: string; unit: { code: string } }) => [c.unit.code, c.kind, c.dateSource])).toEqual(
      expect.arrayContaining([
        ['26170', 'changed', 'list'],
        ['00008', 'ended', 'list'],
      ]),
    );
  });
});
