import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInClient, type TestApp, createTestApp } from '../../../test/helpers.js';
import { ensureOfficialTerritoryLoaded } from '../territory/territory.service.js';

let t: TestApp;
let tanAnOfficer: SignedInClient;
let provinceOfficer: SignedInClient;
let viewer: SignedInClient;
let tanAn: string;
let tienLuc: string;
let quynhSon: string;

async function unitId(code: string, asOf: string): Promise<string> {
  const row = await t.db
    .selectFrom('admin_unit as u')
    .innerJoin('admin_unit_version as v', 'v.unit_id', 'u.id')
    .select('u.id')
    .where('u.code', '=', code)
    .where('u.level', '=', code.length === 2 ? 'province' : 'commune')
    .where((eb) => eb.or([eb('v.valid_from', 'is', null), eb('v.valid_from', '<=', asOf)]))
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>=', asOf)]))
    .executeTakeFirstOrThrow();
  return row.id;
}

function csvUpload(csv: string, filename = 'du-lieu.csv') {
  const boundary = '----canboxa-test-boundary';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return { payload: Buffer.from(body, 'utf8'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureOfficialTerritoryLoaded(t.db, { info: () => undefined, warn: () => undefined });
  tanAn = await unitId('07682', '2025-07-01');
  tienLuc = await unitId('07381', '2025-07-01');
  quynhSon = await unitId('07702', '2023-06-01');
  tanAnOfficer = await t.asUser('commune', tanAn);
  provinceOfficer = await t.asUser('province', await unitId('24', '2025-07-01'));
  viewer = await t.asUser('viewer');
});

afterAll(async () => {
  await t.close();
});

describe('villages and residential groups', () => {
  it('lets a commune officer add a residential group to their own commune, audited', async () => {
    const response = await tanAnOfficer.inject({
      method: 'POST',
      url: '/api/villages',
      payload: { communeId: tanAn, kind: 'to_dan_pho', name: '  Tổ dân phố  Quỳnh Sơn 1 ', validFrom: '2025-07-01' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Tổ dân phố Quỳnh Sơn 1', kind: 'to_dan_pho', validFrom: '2025-07-01', validTo: null });
    const list = await viewer.inject({ method: 'GET', url: `/api/villages?communeId=${tanAn}&asOf=2025-08-01` });
    expect(list.json()).toMatchObject({ commune: { code: '07682', name: 'Phường Tân An' }, items: [{ name: 'Tổ dân phố Quỳnh Sơn 1' }] });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'village').where('entity_id', '=', response.json().id).execute();
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('refuses the same name twice in overlapping periods', async () => {
    const response = await tanAnOfficer.inject({
      method: 'POST',
      url: '/api/villages',
      payload: { communeId: tanAn, kind: 'to_dan_pho', name: 'tổ dân phố quỳnh sơn 1', validFrom: '2026-01-01' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('Phường Tân An đã có Tổ dân phố Quỳnh Sơn 1 trong thời gian từ 01/07/2025 đến nay, trùng với thời gian nhập');
  });

  it('refuses a period outside the life of the commune', async () => {
    const response = await tanAnOfficer.inject({
      method: 'POST',
      url: '/api/villages',
      payload: { communeId: tanAn, kind: 'thon', name: 'Thôn Cũ', validFrom: '2020-01-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      'Thời gian từ 01/01/2020 đến nay của Thôn Cũ phải nằm trong thời gian tồn tại của Phường Tân An (từ 01/07/2025 đến nay)',
    );
  });

  it('keeps a commune officer out of other communes, and viewers read only', async () => {
    const other = await tanAnOfficer.inject({ method: 'POST', url: '/api/villages', payload: { communeId: tienLuc, kind: 'thon', name: 'Thôn Mới' } });
    expect(other.statusCode).toBe(404);
    const listOther = await tanAnOfficer.inject({ method: 'GET', url: `/api/villages?communeId=${tienLuc}` });
    expect(listOther.statusCode).toBe(404);
    const byViewer = await viewer.inject({ method: 'POST', url: '/api/villages', payload: { communeId: tanAn, kind: 'thon', name: 'Thôn Mới' } });
    expect(byViewer.statusCode).toBe(403);
  });

  it('shows the officer of the merged ward the villages of the old commune, which the province keeps', async () => {
    const created = await provinceOfficer.inject({ method: 'POST', url: '/api/villages', payload: { communeId: quynhSon, kind: 'thon', name: 'Thôn Quỳnh' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ validFrom: null, validTo: '2025-06-30' });
    const list = await tanAnOfficer.inject({ method: 'GET', url: `/api/villages?communeId=${quynhSon}&asOf=2024-01-01` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((v: { name: string }) => v.name)).toEqual(['Thôn Quỳnh']);
    const edit = await tanAnOfficer.inject({ method: 'PATCH', url: `/api/villages/${created.json().id}`, payload: { name: 'Thôn Quỳnh Sơn' } });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.message).toBe('Cán bộ cấp xã chỉ cập nhật được dữ liệu của xã mình');
  });
});

describe('party organisations', () => {
  let grassroots: string;
  let village: string;

  it('has one grassroots organisation per commune at a time', async () => {
    const created = await tanAnOfficer.inject({
      method: 'POST',
      url: '/api/party-organizations',
      payload: { communeId: tanAn, kind: 'dang_bo_co_so', name: 'Đảng bộ phường Tân An' },
    });
    expect(created.statusCode, created.body).toBe(201);
    grassroots = created.json().id;
    expect(created.json()).toMatchObject({ validFrom: '2025-07-01', validTo: null, parent: null });
    const second = await tanAnOfficer.inject({
      method: 'POST',
      url: '/api/party-organizations',
      payload: { communeId: tanAn, kind: 'chi_bo_co_so', name: 'Chi bộ phường Tân An', validFrom: '2026-01-01' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('mỗi xã chỉ có một tổ chức cơ sở đảng tại một thời điểm');
  });

  it('ties a party cell to the grassroots organisation and a village, and protects them from deletion', async () => {
    const list = await tanAnOfficer.inject({ method: 'GET', url: `/api/villages?communeId=${tanAn}` });
    village = list.json().items[0].id;
    const cell = await tanAnOfficer.inject({
      method: 'POST',
      url: '/api/party-organizations',
      payload: { communeId: tanAn, kind: 'chi_bo', name: 'Chi bộ tổ dân phố Quỳnh Sơn 1', parentId: grassroots, villageId: village },
    });
    expect(cell.statusCode, cell.body).toBe(201);
    expect(cell.json()).toMatchObject({ parent: { name: 'Đảng bộ phường Tân An' }, village: { name: 'Tổ dân phố Quỳnh Sơn 1' } });

    const deleteVillage = await tanAnOfficer.inject({ method: 'DELETE', url: `/api/villages/${village}` });
    expect(deleteVillage.statusCode).toBe(409);
    const deleteGrassroots = await tanAnOfficer.inject({ method: 'DELETE', url: `/api/party-organizations/${grassroots}` });
    expect(deleteGrassroots.statusCode).toBe(409);
    expect(deleteGrassroots.json().error.message).toBe('Không xóa được Đảng bộ phường Tân An: còn 1 chi bộ trực thuộc. Hãy ghi ngày kết thúc thay vì xóa');
    const shorten = await tanAnOfficer.inject({ method: 'PATCH', url: `/api/villages/${village}`, payload: { validTo: '2025-12-31' } });
    expect(shorten.statusCode).toBe(409);

    const organizations = await viewer.inject({ method: 'GET', url: `/api/party-organizations?communeId=${tanAn}` });
    expect(organizations.json().items.map((o: { kind: string }) => o.kind)).toEqual(['dang_bo_co_so', 'chi_bo']);
  });
});

describe('importing a CSV', () => {
  it('checks a file in a dry run without keeping it', async () => {
    const csv = 'Mã xã;Loại;Tên;Từ ngày\n07682;Tổ dân phố;Tổ dân phố Tân An 1;01/07/2025\n07682;TDP;Tổ dân phố Tân An 2;\n';
    const response = await tanAnOfficer.inject({ method: 'POST', url: '/api/villages/import?dryRun=true', ...csvUpload(csv) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: true, created: 2, items: [{ line: 2, communeName: 'Phường Tân An' }, { line: 3 }] });
    const list = await tanAnOfficer.inject({ method: 'GET', url: `/api/villages?communeId=${tanAn}` });
    expect(list.json().items).toHaveLength(1);
  });

  it('refuses the whole file and names every bad line', async () => {
    const csv = [
      'ma_xa,loai,ten,tu_ngay',
      '07682,Thôn,Thôn Đông,01/07/2025',
      '07682,Xóm trại,Thôn Tây,01/07/2025',
      '07682,Thôn,Thôn Đông,01/08/2025',
      '07381,Thôn,Thôn Nam,01/07/2025',
      '07682,Thôn,Thôn Bắc,31/02/2025',
    ].join('\n');
    const response = await tanAnOfficer.inject({ method: 'POST', url: '/api/villages/import', ...csvUpload(csv) });
    expect(response.statusCode).toBe(400);
    const message: string = response.json().error.message;
    expect(message).toMatch(/^Tệp có 4 lỗi, chưa có dòng nào được lưu\. /);
    expect(message).toContain('Dòng 3: loại «Xóm trại» không hợp lệ');
    expect(message).toContain('Dòng 4: Phường Tân An đã có Thôn Đông');
    expect(message).toContain('Dòng 5: không tìm thấy xã mã 07381 có hiệu lực ngày 01/07/2025 trong phạm vi quản lý');
    expect(message).toContain('Dòng 6: Từ ngày: Ngày «31/02/2025» không tồn tại');
    const list = await tanAnOfficer.inject({ method: 'GET', url: `/api/villages?communeId=${tanAn}` });
    expect(list.json().items).toHaveLength(1);
  });

  it('refuses wrong headers on line 1', async () => {
    const response = await tanAnOfficer.inject({ method: 'POST', url: '/api/villages/import', ...csvUpload('Mã xã,Tên thôn\n07682,Thôn A\n') });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('Dòng 1: tiêu đề cột không đúng: cột «Tên thôn» không được hỗ trợ, thiếu cột «Loại», thiếu cột «Tên»');
  });

  it('imports villages and then the party cells that name them, grassroots first', async () => {
    const villagesCsv = 'Mã xã,Loại,Tên\n07381,Thôn,Thôn Nghĩa Hưng\n07381,Thôn,Thôn Tiên Lục\n';
    const villages = await provinceOfficer.inject({ method: 'POST', url: '/api/villages/import', ...csvUpload(villagesCsv) });
    expect(villages.statusCode, villages.body).toBe(200);
    expect(villages.json()).toMatchObject({ dryRun: false, created: 2 });

    const partyCsv = [
      'Mã xã,Loại,Tên,Trực thuộc,Thôn/Tổ dân phố',
      '07381,Chi bộ,Chi bộ thôn Nghĩa Hưng,,Thôn Nghĩa Hưng',
      '07381,Chi bộ,Chi bộ thôn Tiên Lục,Đảng bộ xã Tiên Lục,thon tien luc',
      '07381,Đảng bộ cơ sở,Đảng bộ xã Tiên Lục,,',
    ].join('\n');
    const party = await provinceOfficer.inject({ method: 'POST', url: '/api/party-organizations/import', ...csvUpload(partyCsv) });
    expect(party.statusCode, party.body).toBe(200);
    expect(party.json().items.map((i: { line: number; parentName: string | null }) => [i.line, i.parentName])).toEqual([
      [2, 'Đảng bộ xã Tiên Lục'],
      [3, 'Đảng bộ xã Tiên Lục'],
      [4, null],
    ]);
    const list = await viewer.inject({ method: 'GET', url: `/api/party-organizations?communeId=${tienLuc}` });
    expect(list.json().items.map((o: { name: string; village: { name: string } | null }) => [o.name, o.village?.name ?? null])).toEqual([
      ['Đảng bộ xã Tiên Lục', null],
      ['Chi bộ thôn Nghĩa Hưng', 'Thôn Nghĩa Hưng'],
      ['Chi bộ thôn Tiên Lục', 'Thôn Tiên Lục'],
    ]);
  });
});
