import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { multipartFile, readWorkbook, readZipEntry } from '../../../test/fixtures/xlsx.js';
import type { Actor } from '../access/actor.js';
import { CadreListService } from './cadre-list.service.js';

let t: TestApp;
let units: CadreTerritory;
let writer: SignedInClient;
let sensitiveReader: SignedInClient;
let plainReader: SignedInClient;

async function createCadre(client: SignedInClient, body: Record<string, unknown>) {
  const response = await client.inject({ method: 'POST', url: '/api/cadres', payload: { owningUnitId: units.communeA, ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

async function addPost(client: SignedInClient, id: string, body: Record<string, unknown>) {
  return client.inject({ method: 'POST', url: `/api/cadres/${id}/posts`, payload: { unitId: units.communeA, ...body } });
}

function names(response: { json: () => { items: { fullName: string }[] } }): string[] {
  return response.json().items.map((item) => item.fullName);
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  writer = await t.asUser('province', units.province, { canViewSensitive: true });
  sensitiveReader = await t.asUser('viewer', units.province, { canViewSensitive: true });
  plainReader = await t.asUser('viewer', units.province);
});

afterAll(async () => {
  await t.close();
});

describe('hồ sơ cán bộ', () => {
  let id: string;

  beforeAll(async () => {
    ({ id } = await createCadre(writer, {
      fullName: ' Hoàng  Minh Thành '.normalize('NFD'),
      gender: 'nam',
      birthDate: '1972',
      ethnicityCode: '02',
      religion: 'Phật giáo',
      homeTown: 'Xã Nghĩa Hưng, huyện Lạng Giang',
      personalId: '024072001212',
      partyJoinedOn: '1995-05-19',
      phone: '+84 912 000 111',
      discipline: 'Khiển trách năm 2019',
    }));
  });

  it('stores the name in NFC with the year of birth alone when only the year is known', async () => {
    const response = await sensitiveReader.inject({ method: 'GET', url: `/api/cadres/${id}` });
    expect(response.json()).toMatchObject({
      fullName: 'Hoàng Minh Thành',
      givenName: 'Thành',
      birthDate: '1972-01-01',
      birthDatePrecision: 'year',
      phone: '0912000111',
      personalId: '024072001212',
      ethnicity: { code: '02', name: 'Tày' },
      religion: 'Phật giáo',
      discipline: 'Khiển trách năm 2019',
      sensitiveHidden: false,
    });
  });

  it('masks the id number and hides ethnicity, religion and discipline from users without the right', async () => {
    const response = await plainReader.inject({ method: 'GET', url: `/api/cadres/${id}` });
    expect(response.json()).toMatchObject({
      personalId: '0240******12',
      ethnicity: null,
      religion: null,
      discipline: null,
      sensitiveHidden: true,
      homeTown: 'Xã Nghĩa Hưng, huyện Lạng Giang',
    });
    expect(response.body).not.toContain('024072001212');
    expect(response.body).not.toContain('Phật giáo');
  });

  it('writes every view of a full record to the audit log', async () => {
    await plainReader.inject({ method: 'GET', url: `/api/cadres/${id}?asOf=2020-01-01` });
    const views = await t.db.selectFrom('audit_log').select(['user_id', 'summary']).where('action', '=', 'view').where('entity_id', '=', id).execute();
    expect(views.some((v) => v.user_id === plainReader.userId && v.summary?.includes('01/01/2020'))).toBe(true);
  });

  it('keeps sensitive values out of the audit log', async () => {
    const created = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'create').where('entity_id', '=', id).executeTakeFirstOrThrow();
    const text = JSON.stringify(created.after);
    expect(text).toContain('0240******12');
    expect(text).not.toContain('024072001212');
    expect(text).not.toContain('Phật giáo');
  });

  it('refuses a second record with the same id number, and a bad id number, in Vietnamese', async () => {
    const duplicate = await writer.inject({
      method: 'POST',
      url: '/api/cadres',
      payload: { fullName: 'Người Khác', owningUnitId: units.communeA, personalId: '024072001212' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.id).toBe('CADRE_PERSONAL_ID_TAKEN');
    const bad = await writer.inject({
      method: 'POST',
      url: '/api/cadres',
      payload: { fullName: 'Người Khác', owningUnitId: units.communeA, personalId: '12345' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('12 chữ số');
  });

  it('refuses names that hide or picture characters, and joining the Party before eighteen, naming the field', async () => {
    for (const fullName of ['Nguyễn Văn \u202EnĂ', 'Nguyễn Văn An 🌟']) {
      const response = await writer.inject({ method: 'POST', url: '/api/cadres', payload: { fullName, owningUnitId: units.communeA } });
      expect(response.statusCode, fullName).toBe(400);
      expect(response.json().error.details.fields).toEqual([{ path: 'body.fullName', message: expect.stringContaining('ký tự không phải chữ cái') }]);
    }
    const young = await writer.inject({
      method: 'POST',
      url: '/api/cadres',
      payload: { fullName: 'Trần Văn Trẻ', owningUnitId: units.communeA, birthDate: '1990-06-15', partyJoinedOn: '2008-06-14' },
    });
    expect(young.statusCode).toBe(400);
    expect(young.json().error.details.fields).toEqual([{ path: 'body.partyJoinedOn', message: expect.stringContaining('trước ngày đủ 18 tuổi (15/06/2008)') }]);
  });

  it('edits personal data with an audited before and after', async () => {
    const response = await writer.inject({ method: 'PATCH', url: `/api/cadres/${id}`, payload: { phone: '0203 123 4567', religion: null } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ phone: '02031234567', religion: null, fullName: 'Hoàng Minh Thành', birthDatePrecision: 'year' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'update')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ phone: '0912000111' });
    expect(audit.after).toMatchObject({ phone: '02031234567', sensitiveFieldsChanged: ['religion'] });
  });

  it('answers 404 to users of another province, for reads and writes alike', async () => {
    const outsider = await t.asUser('province', units.otherProvince, { canViewSensitive: true });
    for (const request of [
      { method: 'GET' as const, url: `/api/cadres/${id}` },
      { method: 'GET' as const, url: `/api/cadres/${id}/resume.docx` },
      { method: 'PATCH' as const, url: `/api/cadres/${id}`, payload: { phone: '0912345678' } },
      { method: 'POST' as const, url: `/api/cadres/${id}/posts`, payload: { unitId: units.otherCommune, titleCode: 'chu_tich_ubnd', startDate: '2024-01-01' } },
      { method: 'POST' as const, url: `/api/cadres/${id}/qualifications`, payload: { kind: 'professional', level: 'dai_hoc' } },
    ]) {
      const response = await outsider.inject(request);
      expect(response.statusCode, request.url).toBe(404);
    }
    const list = await outsider.inject({ method: 'GET', url: '/api/cadres?status=all' });
    expect(names(list)).not.toContain('Hoàng Minh Thành');
  });

  it('lets a commune officer see a person while their post lies in the commune', async () => {
    const commune = await t.asUser('commune', units.communeB);
    expect((await commune.inject({ method: 'GET', url: `/api/cadres/${id}` })).statusCode).toBe(404);
    expect(
      (await addPost(writer, id, { unitId: units.communeB, titleCode: 'pho_chu_tich_ubnd', startDate: '2015-01-01', endDate: '2019-12-31' })).statusCode,
    ).toBe(201);
    expect((await commune.inject({ method: 'GET', url: `/api/cadres/${id}` })).statusCode).toBe(200);
  });

  it('refuses writes from a viewer', async () => {
    const response = await plainReader.inject({ method: 'PATCH', url: `/api/cadres/${id}`, payload: { phone: '0912345678' } });
    expect(response.statusCode).toBe(403);
  });
});

describe('quá trình giữ chức vụ', () => {
  let id: string;

  beforeAll(async () => {
    ({ id } = await createCadre(writer, { fullName: 'Đặng Văn Quý', gender: 'nam', birthDate: '1970-03-04' }));
  });

  it('ends the open period of a title when the title starts again, and answers any date', async () => {
    const first = await addPost(writer, id, { titleCode: 'chu_tich_ubnd', startDate: '2016-06-01', term: '2016-2021', howObtained: 'bau_cu' });
    expect(first.statusCode).toBe(201);
    const second = await addPost(writer, id, {
      titleCode: 'chu_tich_ubnd',
      unitId: units.communeB,
      startDate: '2021-07-01',
      term: '2021-2026',
      howObtained: 'luan_chuyen',
    });
    expect(second.statusCode).toBe(201);
    const history = second
      .json()
      .postHistory.map((p: { unit: { id: string }; startDate: string; endDate: string | null; howObtained: string }) => [
        p.unit.id,
        p.startDate,
        p.endDate,
        p.howObtained,
      ]);
    expect(history).toEqual([
      [units.communeB, '2021-07-01', null, 'luan_chuyen'],
      [units.communeA, '2016-06-01', '2021-06-30', 'bau_cu'],
    ]);
    const on2018 = await writer.inject({ method: 'GET', url: `/api/cadres/${id}?asOf=2018-01-01` });
    expect(on2018.json().posts).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ id: units.communeA, name: 'Xã Quỳnh Sơn' }), heldOnAsOf: true }),
    ]);
    const list2018 = await writer.inject({ method: 'GET', url: `/api/cadres?unitId=${units.communeB}&asOf=2018-01-01` });
    expect(names(list2018)).not.toContain('Đặng Văn Quý');
    const list2022 = await writer.inject({ method: 'GET', url: `/api/cadres?unitId=${units.communeB}&asOf=2022-01-01` });
    expect(names(list2022)).toContain('Đặng Văn Quý');
  });

  it('refuses a period overlapping a closed one of the same title', async () => {
    const response = await addPost(writer, id, { titleCode: 'chu_tich_ubnd', startDate: '2018-01-01' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ id: 'CADRE_POST_OVERLAP', message: expect.stringContaining('01/06/2016') });
  });

  it('refuses a unit that did not exist on the start date', async () => {
    const response = await addPost(writer, id, { titleCode: 'pho_bi_thu_dang_uy', unitId: units.newUnit, startDate: '2024-01-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('01/01/2024');
  });

  it('ends a post with its commune when the commune was merged away', async () => {
    const { id: other } = await createCadre(writer, { fullName: 'Mạc Thị Liên', owningUnitId: units.oldUnit });
    const added = await addPost(writer, other, { unitId: units.oldUnit, titleCode: 'pho_chu_tich_hdnd', startDate: '2021-06-01' });
    expect(added.statusCode).toBe(201);
    expect(added.json().postHistory[0]).toMatchObject({ startDate: '2021-06-01', endDate: '2025-06-30' });
    const tooLate = await addPost(writer, other, { unitId: units.oldUnit, titleCode: 'chu_tich_mttq', startDate: '2021-06-01', endDate: '2025-12-31' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.message).toContain('30/06/2025');
    const onDate = await writer.inject({ method: 'GET', url: `/api/cadres/${other}?asOf=2025-07-15` });
    expect(onDate.json().posts).toEqual([]);
  });

  it('ends a post on a date and refuses to end it twice', async () => {
    const profile = await writer.inject({ method: 'GET', url: `/api/cadres/${id}` });
    const open = profile.json().posts[0];
    const end = await writer.inject({ method: 'POST', url: `/api/cadres/${id}/posts/${open.id}/end`, payload: { endDate: '2024-12-31', note: 'Nghỉ hưu' } });
    expect(end.statusCode).toBe(200);
    expect(end.json().posts).toEqual([]);
    expect(end.json().postHistory[0]).toMatchObject({ endDate: '2024-12-31', note: 'Nghỉ hưu' });
    const again = await writer.inject({ method: 'POST', url: `/api/cadres/${id}/posts/${open.id}/end`, payload: { endDate: '2025-01-31' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.id).toBe('CADRE_POST_ALREADY_ENDED');
  });

  it("corrects a period's own data, audited", async () => {
    const profile = await writer.inject({ method: 'GET', url: `/api/cadres/${id}` });
    const post = profile.json().postHistory[1];
    const response = await writer.inject({ method: 'PATCH', url: `/api/cadres/${id}/posts/${post.id}`, payload: { term: '2015-2020', concurrent: true } });
    expect(response.statusCode).toBe(200);
    expect(response.json().postHistory[1]).toMatchObject({ term: '2015-2020', concurrent: true });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'update_post')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ term: '2016-2021', concurrent: false });
    expect(audit.after).toMatchObject({ term: '2015-2020', concurrent: true });
  });
});

describe('trình độ theo thời điểm', () => {
  it('gives the highest level obtained by the date asked, and deletes a level', async () => {
    const { id } = await createCadre(writer, { fullName: 'Lý Thị Hoa', gender: 'nu', birthDate: '1985-01-01' });
    const add = (body: Record<string, unknown>) => writer.inject({ method: 'POST', url: `/api/cadres/${id}/qualifications`, payload: body });
    expect((await add({ kind: 'professional', level: 'dai_hoc', major: 'Luật', obtainedOn: '2007', studyMode: 'chinh_quy' })).statusCode).toBe(201);
    const masters = await add({ kind: 'professional', level: 'thac_si', major: 'Luật', obtainedOn: '2019-06-30', source: 'certificate' });
    expect(masters.json()).toMatchObject({ level: { code: 'thac_si', label: 'Thạc sĩ' }, obtainedPrecision: 'day' });
    expect((await add({ kind: 'political_theory', level: 'trung_cap', obtainedOn: '2015-01-01', source: 'course', sourceRef: 'lop-42' })).statusCode).toBe(201);
    const bad = await add({ kind: 'political_theory', level: 'dai_hoc' });
    expect(bad.statusCode).toBe(400);

    const on2016 = await writer.inject({ method: 'GET', url: `/api/cadres/${id}?asOf=2016-01-01` });
    expect(on2016.json().levels).toMatchObject({ professional: { code: 'dai_hoc' }, politicalTheory: { code: 'trung_cap' }, stateManagement: null });
    const on2010 = await writer.inject({ method: 'GET', url: `/api/cadres/${id}?asOf=2010-01-01` });
    expect(on2010.json().levels).toMatchObject({ professional: { code: 'dai_hoc' }, politicalTheory: null });
    const now = await writer.inject({ method: 'GET', url: `/api/cadres/${id}` });
    expect(now.json().levels.professional.code).toBe('thac_si');

    const remove = await writer.inject({ method: 'DELETE', url: `/api/cadres/${id}/qualifications/${masters.json().id}` });
    expect(remove.statusCode).toBe(204);
    const after = await writer.inject({ method: 'GET', url: `/api/cadres/${id}` });
    expect(after.json().levels.professional.code).toBe('dai_hoc');
  });
});

describe('danh sách, tìm kiếm và lọc', () => {
  beforeAll(async () => {
    const people = [
      { fullName: 'Nguyễn Văn Đức', title: 'chu_tich_hdnd', unit: units.communeA, level: 'dai_hoc', theory: 'cao_cap' },
      { fullName: 'Nguyễn Văn Dũng', title: 'chu_tich_mttq', unit: units.communeA, level: 'trung_cap', theory: null },
      { fullName: 'Trần Văn Anh', title: 'bi_thu_dang_uy', unit: units.communeB, level: 'thac_si', theory: 'cao_cap' },
      { fullName: 'Nguyễn Văn A', title: 'pho_chu_tich_ubnd', unit: units.communeB, level: 'dai_hoc', theory: 'trung_cap' },
      { fullName: 'Võ Thị Bích', title: 'chu_tich_hoi_phu_nu', unit: units.zeroUnit, level: null, theory: null },
    ];
    for (const person of people) {
      const { id } = await createCadre(writer, { fullName: person.fullName, owningUnitId: person.unit });
      expect((await addPost(writer, id, { unitId: person.unit, titleCode: person.title, startDate: '2021-06-01' })).statusCode).toBe(201);
      if (person.level)
        await writer.inject({ method: 'POST', url: `/api/cadres/${id}/qualifications`, payload: { kind: 'professional', level: person.level } });
      if (person.theory)
        await writer.inject({ method: 'POST', url: `/api/cadres/${id}/qualifications`, payload: { kind: 'political_theory', level: person.theory } });
    }
  });

  it('sorts by given name in Vietnamese order, then full name', async () => {
    const response = await writer.inject({ method: 'GET', url: '/api/cadres?asOf=2022-01-01&pageSize=200' });
    const listed = names(response).filter((n) => ['Nguyễn Văn Đức', 'Nguyễn Văn Dũng', 'Trần Văn Anh', 'Nguyễn Văn A', 'Võ Thị Bích'].includes(n));
    expect(listed).toEqual(['Nguyễn Văn A', 'Trần Văn Anh', 'Võ Thị Bích', 'Nguyễn Văn Dũng', 'Nguyễn Văn Đức']);
  });

  it('finds names without diacritics and from NFD input', async () => {
    const plain = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&q=${encodeURIComponent('nguyen van duc')}` });
    expect(names(plain)).toEqual(['Nguyễn Văn Đức']);
    const decomposed = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&q=${encodeURIComponent('Văn Dũng'.normalize('NFD'))}` });
    expect(names(decomposed)).toEqual(['Nguyễn Văn Dũng']);
    const prefix = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&q=${encodeURIComponent('nguyen van a')}` });
    expect(names(prefix)).toEqual(['Nguyễn Văn A']);
  });

  it('filters by unit subtree, title, key posts and levels, counting the total', async () => {
    const district = await writer.inject({ method: 'GET', url: `/api/cadres?unitId=${units.district}&asOf=2022-01-01&pageSize=1` });
    expect(district.json()).toMatchObject({ total: 6, pageSize: 1 });
    expect(district.json().items).toHaveLength(1);
    const keyOnly = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&key=true&unitId=${units.communeA}` });
    expect(names(keyOnly)).toEqual(['Nguyễn Văn Đức']);
    const nonKey = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&key=false` });
    expect(names(nonKey)).toEqual(['Võ Thị Bích', 'Nguyễn Văn Dũng']);
    const byTitle = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&title=bi_thu_dang_uy,pho_chu_tich_ubnd` });
    expect(names(byTitle)).toEqual(['Nguyễn Văn A', 'Trần Văn Anh']);
    const university = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&professionalLevel=dai_hoc` });
    expect(names(university)).toEqual(['Nguyễn Văn A', 'Nguyễn Văn Đức']);
    const advanced = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&politicalTheoryLevel=cao_cap` });
    expect(names(advanced)).toEqual(['Trần Văn Anh', 'Nguyễn Văn Đức']);
    const noTheory = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2022-01-01&politicalTheoryLevel=none&unitId=${units.zeroUnit}` });
    expect(names(noTheory)).toEqual(['Võ Thị Bích']);
    const item = university.json().items[0];
    expect(item).toMatchObject({ isKey: true, levels: { professional: { code: 'dai_hoc', label: 'Đại học' }, politicalTheory: { code: 'trung_cap' } } });
  });

  it('lists nobody before the posts began, and refuses a unit outside the scope', async () => {
    const early = await writer.inject({ method: 'GET', url: `/api/cadres?asOf=2010-01-01&unitId=${units.zeroUnit}` });
    expect(early.json()).toMatchObject({ total: 0, items: [] });
    const outside = await writer.inject({ method: 'GET', url: `/api/cadres?unitId=${units.otherProvince}` });
    expect(outside.statusCode).toBe(404);
  });

  it('serves the key cadres of a subtree on a date with their levels, for the standards feature', async () => {
    const me = await t.db.selectFrom('app_user').select(['id', 'username', 'full_name', 'unit_id']).where('id', '=', writer.userId).executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: me.id,
      username: me.username,
      fullName: me.full_name,
      role: 'province',
      unitId: me.unit_id,
      unitLevel: 'province',
      canViewSensitive: true,
      ip: null,
    };
    const keyCadres = await new CadreListService(t.context).keyCadresOn(actor, { unitId: units.communeB, asOf: '2022-01-01' });
    const byName = new Map(keyCadres.map((k) => [k.fullName, k]));
    expect([...byName.keys()].sort()).toEqual(['Nguyễn Văn A', 'Trần Văn Anh', 'Đặng Văn Quý'].sort());
    expect(byName.get('Trần Văn Anh')).toMatchObject({
      levels: { professional: 'thac_si', political_theory: 'cao_cap' },
      keyPosts: [{ titleCode: 'bi_thu_dang_uy', firstOfTitle: true }],
    });
    expect(byName.get('Đặng Văn Quý')!.keyPosts).toEqual([expect.objectContaining({ titleCode: 'chu_tich_ubnd', firstOfTitle: false })]);
  });
});

describe('xuất Excel, sơ yếu lý lịch và ảnh', () => {
  it('exports the filtered list in the template columns, neutralising formulas, and re-imports it as all "updated"', async () => {
    const refused = await writer.inject({ method: 'POST', url: '/api/cadres', payload: { fullName: '=HYPERLINK("http://x")', owningUnitId: units.communeB } });
    expect(refused.statusCode).toBe(400);
    const { id } = await createCadre(writer, {
      fullName: 'Phan Văn Tí',
      personalId: '024080001234',
      gender: 'nam',
      birthDate: '1980-02-02',
      ethnicityCode: '01',
      owningUnitId: units.communeB,
    });
    expect((await addPost(writer, id, { unitId: units.communeB, titleCode: 'chu_tich_mttq', startDate: '2021-06-01', term: '2020-2025' })).statusCode).toBe(
      201,
    );
    await writer.inject({
      method: 'POST',
      url: `/api/cadres/${id}/qualifications`,
      payload: { kind: 'professional', level: 'dai_hoc', major: '=HYPERLINK("http://x","Bấm")' },
    });
    const response = await sensitiveReader.inject({ method: 'GET', url: `/api/cadres/export.xlsx?unitId=${units.district}&asOf=2022-01-01` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await readWorkbook(response.rawPayload)).worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Họ và tên');
    const values = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    const hostile = values.find((row) => row[1] === 'Phan Văn Tí')!;
    expect(hostile[11]).toBe('\'=HYPERLINK("http://x","Bấm")');
    expect(hostile[5]).toBe('024080001234');
    expect(hostile[7]).toBe('Chủ tịch MTTQ');
    expect(hostile[10]).toBe('Đại học');
    expect(values.map((row) => row[1])).toEqual([
      'Nguyễn Văn A',
      'Trần Văn Anh',
      'Nguyễn Văn Dũng',
      'Nguyễn Văn Đức',
      'Mạc Thị Liên',
      'Đặng Văn Quý',
      'Phan Văn Tí',
    ]);

    const { payload, headers } = multipartFile('xuat.xlsx', response.rawPayload);
    const reimport = await writer.inject({ method: 'POST', url: '/api/imports/cadres?dryRun=true', payload, headers });
    const result = reimport.json();
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(0);
    expect(result.updated).toBe(new Set(values.map((row) => `${row[1]}|${row[2]}`)).size);
    expect(result.postsAdded).toBe(0);
  });

  it('leaves the id number and ethnicity out of an export for users without the right', async () => {
    const response = await plainReader.inject({ method: 'GET', url: `/api/cadres/export.xlsx?unitId=${units.communeB}&asOf=2022-01-01` });
    expect(response.rawPayload.includes(Buffer.from('024080001234'))).toBe(false);
    const sheet = (await readWorkbook(response.rawPayload)).worksheets[0]!;
    const values = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    expect(values.every((row) => row[4] === undefined && row[5] === undefined)).toBe(true);
  });

  it('re-imports an export made without the right to personal data, matching people by name, birth date and unit', async () => {
    const plainWriter = await t.asUser('province', units.province);
    const exported = await plainWriter.inject({ method: 'GET', url: `/api/cadres/export.xlsx?unitId=${units.communeB}&asOf=2022-01-01` });
    const { payload, headers } = multipartFile('xuat-an.xlsx', exported.rawPayload);
    const reimport = await plainWriter.inject({ method: 'POST', url: '/api/imports/cadres?dryRun=true', payload, headers });
    expect(reimport.json()).toMatchObject({ errors: [], created: 0, postsAdded: 0 });
    expect(reimport.json().updated).toBe(4);
  });

  it('makes a sơ yếu lý lịch as a Word file naming the person, audited as a view', async () => {
    const person = await t.db.selectFrom('cadre').select('id').where('full_name', '=', 'Đặng Văn Quý').executeTakeFirstOrThrow();
    const response = await plainReader.inject({ method: 'GET', url: `/api/cadres/${person.id}/resume.docx` });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const document = readZipEntry(response.rawPayload, 'word/document.xml')!.toString('utf8');
    expect(document).toContain('SƠ YẾU LÝ LỊCH');
    expect(document).toContain('Đặng Văn Quý');
    expect(document).toContain('ĐẶNG VĂN QUÝ');
    expect(document).toContain('Chủ tịch Ủy ban nhân dân');
    expect(response.headers['content-disposition']).toContain('so-yeu-ly-lich-dang-van-quy.docx');
    const audit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'view').where('entity_id', '=', person.id).execute();
    expect(audit.some((a) => a.summary?.includes('.docx'))).toBe(true);
  });

  it('keeps a JPEG or PNG photo checked by its bytes', async () => {
    const person = await t.db.selectFrom('cadre').select('id').where('full_name', '=', 'Đặng Văn Quý').executeTakeFirstOrThrow();
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const upload = multipartFile('anh.png', png);
    const put = await writer.inject({ method: 'PUT', url: `/api/cadres/${person.id}/photo`, payload: upload.payload, headers: upload.headers });
    expect(put.statusCode).toBe(204);
    const get = await plainReader.inject({ method: 'GET', url: `/api/cadres/${person.id}/photo` });
    expect(get.headers['content-type']).toBe('image/png');
    expect(get.rawPayload.equals(png)).toBe(true);
    const resume = await writer.inject({ method: 'GET', url: `/api/cadres/${person.id}/resume.docx` });
    expect(resume.statusCode).toBe(200);

    const fake = multipartFile('anh.png', Buffer.from('<svg onload=alert(1)>'));
    const refused = await writer.inject({ method: 'PUT', url: `/api/cadres/${person.id}/photo`, payload: fake.payload, headers: fake.headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.id).toBe('CADRE_PHOTO_INVALID');
  });
});
