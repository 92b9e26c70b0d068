import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { readWorkbook } from '../../../test/fixtures/xlsx.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';

/**
 * Who reads and changes a person's record when the person moves between
 * units (transfer, rotation under Regulation 65-QĐ/TW): the unit holding the
 * person's current post — or, with none, the owning unit — reads and writes
 * the whole record; a former unit reads only its own periods and changes
 * nothing; ownership moves only by the new owner's or a higher level's action.
 */

let t: TestApp;
let admin: SignedInClient;

async function unitByCode(code: string, asOf: string): Promise<string> {
  const response = await admin.inject({ method: 'GET', url: `/api/units/by-code/${code}?asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().id as string;
}

async function ok(client: SignedInClient, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) {
  const response = await client.inject({ method, url, payload });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asUser('admin');
});

afterAll(async () => {
  await t.close();
});

describe('the reproduction of the access-policy issue: Quỳnh Sơn after the person moved to Phượng Sơn', () => {
  let quynhSon: string;
  let phuongSon: string;
  let cadreId: string;
  let quynhSonPostId: string;
  let phuongSonPostId: string;
  let formerCommune: SignedInClient;
  let newCommune: SignedInClient;

  beforeAll(async () => {
    quynhSon = await unitByCode('07702', '2020-01-01');
    phuongSon = await unitByCode('07612', '2022-01-01');
    const created = await ok(admin, 'POST', '/api/cadres', {
      fullName: 'Nguyễn Văn Chuyển',
      gender: 'nam',
      birthDate: '1980-03-04',
      phone: '0912345678',
      religion: 'Không',
      personalId: '024080001234',
      owningUnitId: quynhSon,
    });
    cadreId = created.id;
    const first = await ok(admin, 'POST', `/api/cadres/${cadreId}/posts`, {
      unitId: quynhSon,
      titleCode: 'pho_chu_tich_ubnd',
      startDate: '2019-01-01',
      endDate: '2020-12-31',
      concurrent: false,
    });
    quynhSonPostId = first.postHistory[0].id;
    await ok(admin, 'PATCH', `/api/cadres/${cadreId}`, { owningUnitId: phuongSon });
    const second = await ok(admin, 'POST', `/api/cadres/${cadreId}/posts`, {
      unitId: phuongSon,
      titleCode: 'chu_tich_ubnd',
      startDate: '2021-01-01',
      endDate: '2024-12-31',
      concurrent: false,
    });
    phuongSonPostId = second.postHistory.find((post: { unit: { id: string } }) => post.unit.id === phuongSon).id;
    formerCommune = await t.asUser('commune', quynhSon, { canViewSensitive: true });
    newCommune = await t.asUser('commune', phuongSon);
  });

  it('shows the former commune only its own period, without today’s contacts or personal data', async () => {
    const profile = await ok(formerCommune, 'GET', `/api/cadres/${cadreId}?asOf=2026-01-01`);
    expect(profile.abilities).toEqual({
      reach: 'history',
      edit: false,
      changePosts: false,
      changeQualifications: false,
      changePhoto: false,
      changeOwningUnit: false,
      downloadResume: false,
      viewPersonalData: false,
    });
    expect(profile.postHistory.map((post: { id: string }) => post.id)).toEqual([quynhSonPostId]);
    expect(JSON.stringify(profile)).not.toContain('Phượng Sơn');
    expect(profile).toMatchObject({ owningUnit: null, phone: null, religion: null, sensitiveHidden: true, personalId: '0240******34' });
  });

  it('refuses every change from the former commune and leaves the record as it was', async () => {
    const before = await ok(admin, 'GET', `/api/cadres/${cadreId}`);
    const attempts = [
      { method: 'PATCH' as const, url: `/api/cadres/${cadreId}`, payload: { phone: '0987654321' } },
      { method: 'PATCH' as const, url: `/api/cadres/${cadreId}`, payload: { religion: 'Phật giáo' } },
      { method: 'PATCH' as const, url: `/api/cadres/${cadreId}`, payload: { owningUnitId: quynhSon } },
      { method: 'PATCH' as const, url: `/api/cadres/${cadreId}/posts/${phuongSonPostId}`, payload: { note: 'Sửa' } },
      { method: 'DELETE' as const, url: `/api/cadres/${cadreId}/posts/${phuongSonPostId}` },
      { method: 'PATCH' as const, url: `/api/cadres/${cadreId}/posts/${quynhSonPostId}`, payload: { note: 'Sửa' } },
      { method: 'DELETE' as const, url: `/api/cadres/${cadreId}/posts/${quynhSonPostId}` },
      {
        method: 'POST' as const,
        url: `/api/cadres/${cadreId}/posts`,
        payload: { unitId: quynhSon, titleCode: 'chu_tich_ubnd', startDate: '2019-01-01', endDate: '2019-06-30', concurrent: false },
      },
      { method: 'POST' as const, url: `/api/cadres/${cadreId}/qualifications`, payload: { kind: 'professional', level: 'dai_hoc', source: 'declared' } },
      { method: 'DELETE' as const, url: `/api/cadres/${cadreId}/photo` },
    ];
    for (const attempt of attempts) {
      const response = await formerCommune.inject(attempt);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
      expect(response.json().error.message).toContain('đơn vị khác quản lý');
    }
    for (const url of [`/api/cadres/${cadreId}/resume.docx`, `/api/cadres/${cadreId}/photo`]) {
      expect((await formerCommune.inject({ method: 'GET', url })).statusCode, url).toBe(403);
    }
    const after = await ok(admin, 'GET', `/api/cadres/${cadreId}`);
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
  });

  it('keeps the new commune in charge of the whole record', async () => {
    const profile = await ok(newCommune, 'GET', `/api/cadres/${cadreId}`);
    expect(profile.abilities).toMatchObject({ reach: 'full', edit: true, changeOwningUnit: true, downloadResume: true });
    expect(profile.postHistory).toHaveLength(2);
    expect(profile.owningUnit.id).toBe(phuongSon);
    await ok(newCommune, 'PATCH', `/api/cadres/${cadreId}`, { phone: '0987654321' });
  });

  it('lists the person for the former commune with its own post only', async () => {
    const list = await ok(formerCommune, 'GET', `/api/cadres?status=holding&asOf=2020-06-01`);
    const item = list.items.find((entry: { id: string }) => entry.id === cadreId);
    expect(item).toMatchObject({ owningUnit: null, posts: [expect.objectContaining({ unit: expect.objectContaining({ id: quynhSon }) })] });
    const today = await ok(formerCommune, 'GET', `/api/cadres?status=all`);
    const now = today.items.find((entry: { id: string }) => entry.id === cadreId);
    expect(now).toMatchObject({ owningUnit: null, posts: [], hasPhoto: false });
  });
});

describe('rotation out of a commune and back (fixture territory, posts running today)', () => {
  let units: CadreTerritory;
  let cadreId: string;
  let communeA: SignedInClient;
  let communeB: SignedInClient;
  let district: SignedInClient;
  let otherDistrictViewer: SignedInClient;
  let provinceViewer: SignedInClient;

  beforeAll(async () => {
    units = await createCadreTerritory(t.db, t.countryUnitId);
    communeA = await t.asUser('commune', units.communeA);
    communeB = await t.asUser('commune', units.communeB);
    district = await t.asUser('district', units.district);
    otherDistrictViewer = await t.asUser('viewer', units.otherProvince);
    provinceViewer = await t.asUser('viewer', units.province);
    cadreId = (
      await ok(communeA, 'POST', '/api/cadres', {
        fullName: 'Trần Thị Luân',
        gender: 'nu',
        birthDate: '1985-07-08',
        phone: '0911222333',
        owningUnitId: units.communeA,
      })
    ).id;
    await ok(communeA, 'POST', `/api/cadres/${cadreId}/posts`, {
      unitId: units.communeA,
      titleCode: 'pho_chu_tich_ubnd',
      startDate: '2018-01-01',
      endDate: '2021-05-31',
      concurrent: false,
    });
  });

  async function reachOf(client: SignedInClient): Promise<string | number> {
    const response = await client.inject({ method: 'GET', url: `/api/cadres/${cadreId}` });
    return response.statusCode === 200 ? response.json().abilities.reach : response.statusCode;
  }

  it('moves management to the destination the day the rotated post starts, and the origin keeps its history', async () => {
    // The district (a higher level over both communes) decides the rotation.
    await ok(district, 'POST', `/api/cadres/${cadreId}/posts`, {
      unitId: units.communeB,
      titleCode: 'chu_tich_ubnd',
      startDate: '2021-06-01',
      concurrent: false,
      howObtained: 'luan_chuyen',
    });
    expect(await reachOf(communeB)).toBe('full');
    expect(await reachOf(communeA)).toBe('history');
    expect(await reachOf(district)).toBe('full');
    expect(await reachOf(otherDistrictViewer)).toBe(404);
    const viewed = await provinceViewer.inject({ method: 'GET', url: `/api/cadres/${cadreId}` });
    expect(viewed.json().abilities).toMatchObject({ reach: 'full', edit: false });
    expect((await provinceViewer.inject({ method: 'PATCH', url: `/api/cadres/${cadreId}`, payload: { phone: '0911000000' } })).statusCode).toBe(403);
  });

  it('lets only the destination or a higher level take the record, and the audit names who moved it', async () => {
    expect((await communeA.inject({ method: 'PATCH', url: `/api/cadres/${cadreId}`, payload: { owningUnitId: units.communeA } })).statusCode).toBe(403);
    expect((await communeB.inject({ method: 'PATCH', url: `/api/cadres/${cadreId}`, payload: { owningUnitId: units.otherCommune } })).statusCode).toBe(404);
    await ok(communeB, 'PATCH', `/api/cadres/${cadreId}`, { owningUnitId: units.communeB });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['user_id', 'action', 'before', 'after'])
      .where('entity', '=', 'cadre')
      .where('entity_id', '=', cadreId)
      .where('action', '=', 'update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.user_id).toBe(communeB.userId);
    expect(audit.before).toMatchObject({ owningUnitId: units.communeA });
    expect(audit.after).toMatchObject({ owningUnitId: units.communeB });
  });

  it('returns management to the origin when the person comes back, and the destination keeps its history', async () => {
    const profile = await ok(district, 'GET', `/api/cadres/${cadreId}`);
    const rotated = profile.postHistory.find((post: { unit: { id: string } }) => post.unit.id === units.communeB);
    await ok(district, 'POST', `/api/cadres/${cadreId}/posts/${rotated.id}/end`, { endDate: '2024-05-31' });
    await ok(district, 'POST', `/api/cadres/${cadreId}/posts`, {
      unitId: units.communeA,
      titleCode: 'chu_tich_ubnd',
      startDate: '2024-06-01',
      concurrent: false,
    });
    expect(await reachOf(communeA)).toBe('full');
    expect(await reachOf(communeB)).toBe('history');
    const seenByB = await ok(communeB, 'GET', `/api/cadres/${cadreId}`);
    expect(seenByB.postHistory.map((post: { unit: { id: string } }) => post.unit.id)).toEqual([units.communeB]);
    // B still owns the record on paper but no longer manages the person: it changes nothing, A may take it back.
    expect((await communeB.inject({ method: 'PATCH', url: `/api/cadres/${cadreId}`, payload: { phone: '0900000000' } })).statusCode).toBe(403);
    await ok(communeA, 'PATCH', `/api/cadres/${cadreId}`, { owningUnitId: units.communeA });
  });

  it('keeps the former commune’s export to its own period, without contacts', async () => {
    const response = await communeB.inject({ method: 'GET', url: '/api/cadres/export.xlsx?status=holding&asOf=2022-01-01' });
    expect(response.statusCode).toBe(200);
    const workbook = await readWorkbook(response.rawPayload);
    const text = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    expect(text).toContain('Trần Thị Luân');
    expect(text).not.toContain('0911222333');
  });
});
