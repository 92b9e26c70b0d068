import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createUnit } from '../../../test/units.js';
import { rebuildUnitScope } from '../territory/territory.service.js';

/**
 * The register of grassroots problems through the API: bad input refused by
 * field with nothing written, progress until closed, a problem carried from
 * 2024 into 2025 and still counted for the commune it was merged into, and
 * the yearly rates against an independent count.
 */
let t: TestApp;
let district: SignedInClient;
let commune: SignedInClient;
let province: string;
let districtId: string;
let oldCommune: string;
let newCommune: string;
let chair: string;
let newChair: string;

interface Problem {
  id: string;
  year: number;
  status: { code: string };
  carriedFrom: { id: string; year: number } | null;
  carriedTo: { id: string; year: number } | null;
  updates: { status: { code: string }; note: string }[];
  abilities: Record<string, boolean>;
  nextId?: string;
}

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

const body = (overrides: Record<string, unknown> = {}) => ({
  communeId: oldCommune,
  year: 2024,
  title: 'Ô nhiễm từ bãi rác tạm thôn Đông',
  fieldCode: 'moi_truong',
  leadCadreId: chair,
  registeredOn: '2024-01-15',
  targetOn: '2024-09-30',
  resolution: 'Nghị quyết số 02-NQ/ĐU ngày 10/01/2024',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  province = await createUnit(t.db, { level: 'province', code: '89T', name: 'Tỉnh Vấn Đề', type: 'Tỉnh', parentId: t.countryUnitId });
  districtId = await createUnit(t.db, { level: 'district', code: '89T01', name: 'Huyện Lãnh Đạo', type: 'Huyện', parentId: province, validTo: '2025-06-30' });
  oldCommune = await createUnit(t.db, { level: 'commune', code: '89T0101', name: 'Xã Quỳnh Cũ', type: 'Xã', parentId: districtId, validTo: '2025-06-30' });
  newCommune = await createUnit(t.db, {
    level: 'commune',
    code: '89T0201',
    name: 'Phường Tân Mới',
    type: 'Phường',
    parentId: province,
    validFrom: '2025-07-01',
  });
  // The 2025 merger: the old commune lies wholly in the new ward.
  await t.db
    .insertInto('admin_unit_lineage')
    .values({ predecessor_id: oldCommune, successor_id: newCommune, effective_date: '2025-07-01', kind: 'whole', note: null, source: 'test' })
    .execute();
  await rebuildUnitScope(t.db);
  chair = await person('Trần Văn Chủ', oldCommune, 'chu_tich_ubnd', '2021-06-01', '2025-06-30');
  newChair = await person('Lê Thị Mới', newCommune, 'chu_tich_ubnd', '2025-07-01');
  district = await t.asUser('district', districtId);
  commune = await t.asUser('commune', oldCommune);
});

afterAll(async () => {
  await t.close();
});

describe('the register of grassroots problems', () => {
  let problem: Problem;

  it('refuses a target before registration and a lead who is not a standing member, naming the fields, writing nothing', async () => {
    const stranger = await person('Phạm Văn Ngoài', newCommune, 'pho_chu_tich_ubnd', '2025-07-01');
    const refused = await commune.inject({ method: 'POST', url: '/api/grassroots-problems', payload: body({ targetOn: '2024-01-10', leadCadreId: stranger }) });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.details.fields as { path: string; message: string }[];
    expect(fields).toContainEqual(expect.objectContaining({ path: 'targetOn', message: 'Thời hạn giải quyết không được trước ngày đăng ký (15/01/2024)' }));
    expect(fields.map((field) => field.path)).toContain('leadCadreId');
    const count = await t.db
      .selectFrom('grassroots_problem')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('is registered by the commune, followed, and carried into 2025 keeping its history', async () => {
    const created = await commune.inject({ method: 'POST', url: '/api/grassroots-problems', payload: body() });
    expect(created.statusCode, created.body).toBe(201);
    problem = created.json();
    const progress = await commune.inject({
      method: 'POST',
      url: `/api/grassroots-problems/${problem.id}/progress`,
      payload: { on: '2024-05-02', status: 'in_progress', note: 'Đã khảo sát vị trí bãi rác mới' },
    });
    expect(progress.json().status.code).toBe('in_progress');
    const carried = await commune.inject({
      method: 'POST',
      url: `/api/grassroots-problems/${problem.id}/carry-over`,
      payload: { on: '2024-12-26', targetOn: '2025-06-30', note: 'Chờ kinh phí của huyện' },
    });
    expect(carried.statusCode, carried.body).toBe(200);
    const old = carried.json() as Problem;
    expect(old.status.code).toBe('carried_over');
    expect(old.carriedTo).toEqual({ id: old.nextId, year: 2025 });
    const next = (await commune.inject({ method: 'GET', url: `/api/grassroots-problems/${old.nextId}` })).json() as Problem;
    expect(next).toMatchObject({ year: 2025, status: { code: 'registered' }, carriedFrom: { id: problem.id, year: 2024 } });
    expect(next.updates[0]?.note).toBe('Chuyển tiếp từ năm 2024: Chờ kinh phí của huyện');

    const late = await commune.inject({
      method: 'POST',
      url: `/api/grassroots-problems/${problem.id}/progress`,
      payload: { on: '2025-01-05', status: 'resolved', note: 'Xong' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('Vấn đề đã kết thúc (Chuyển sang năm sau, ngày 26/12/2024)');

    const resolved = await commune.inject({
      method: 'POST',
      url: `/api/grassroots-problems/${old.nextId}/progress`,
      payload: { on: '2025-05-20', status: 'resolved', note: 'Đã đóng bãi rác tạm' },
    });
    expect(resolved.json().status.code).toBe('resolved');
  });

  it('counts the merged commune’s 2024 and 2025 problems for the new ward, viewed after the merger', async () => {
    const provinceUser = await t.asUser('province', province);
    const ward = await provinceUser.inject({ method: 'GET', url: `/api/grassroots-problems/report?unitId=${newCommune}&year=2025` });
    expect(ward.statusCode, ward.body).toBe(200);
    expect(ward.json()).toMatchObject({ registered: 1, resolved: 1, rate: 100 });
    const earlier = (await provinceUser.inject({ method: 'GET', url: `/api/grassroots-problems/report?unitId=${newCommune}&year=2024` })).json();
    expect(earlier).toMatchObject({ registered: 1, carriedOver: 1, resolved: 0, rate: 0 });
    const list = (await provinceUser.inject({ method: 'GET', url: `/api/grassroots-problems?unitId=${newCommune}` })).json() as { total: number };
    expect(list.total).toBe(2);
    // The new ward's own problem, led by its chair.
    const wardUser = await t.asUser('commune', newCommune);
    const own = await wardUser.inject({
      method: 'POST',
      url: '/api/grassroots-problems',
      payload: body({
        communeId: newCommune,
        year: 2025,
        leadCadreId: newChair,
        registeredOn: '2025-07-10',
        targetOn: '2025-12-31',
        title: 'Lấn chiếm vỉa hè',
      }),
    });
    expect(own.statusCode, own.body).toBe(201);
  });

  it("states the province's year in the article's words, with rates by field and child unit against an independent count", async () => {
    const provinceUser = await t.asUser('province', province);
    const report = (await provinceUser.inject({ method: 'GET', url: `/api/grassroots-problems/report?unitId=${province}&year=2025` })).json() as {
      registered: number;
      resolved: number;
      rate: number;
      byField: { code: string; registered: number }[];
      byChild: { id: string; registered: number }[];
      sentence: string;
    };
    const counted = await t.db
      .selectFrom('grassroots_problem')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('id').filterWhere('status', '=', 'resolved').as('resolved')])
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    expect(report.registered).toBe(Number(counted.n));
    expect(report.resolved).toBe(Number(counted.resolved));
    expect(report.rate).toBe(50);
    expect(report.byChild).toEqual([expect.objectContaining({ id: newCommune, registered: 2 })]);
    expect(report.sentence).toBe(
      'Trong năm 2025, các xã, phường, thị trấn của Tỉnh Vấn Đề đăng ký 2 vấn đề cần tập trung cao trong công tác lãnh đạo, chỉ đạo; kết quả số vụ việc giải quyết đạt 50% (1 vấn đề), tập trung ở các lĩnh vực: môi trường.',
    );
    // The district of 2024 no longer exists in 2025, but its year 2024 still reads.
    const old = (await district.inject({ method: 'GET', url: `/api/grassroots-problems/report?unitId=${districtId}&year=2024` })).json() as {
      registered: number;
    };
    expect(old.registered).toBe(1);
  });

  it('turns an issue raised at a briefing into a registered problem in one action, refusing a chair who is not a standing member', async () => {
    const wardUser = await t.asUser('commune', newCommune);
    const stranger = await person('Vũ Văn Khách', newCommune, 'van_phong_thong_ke', '2025-07-01');
    const refused = await wardUser.inject({
      method: 'POST',
      url: '/api/briefings',
      payload: { communeId: newCommune, heldOn: '2025-08-04', chairCadreId: stranger, attendees: 'Tổ trưởng tổ dân phố', issues: ['Ngập úng khu phố 3'] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields[0].path).toBe('chairCadreId');
    const created = await wardUser.inject({
      method: 'POST',
      url: '/api/briefings',
      payload: {
        communeId: newCommune,
        heldOn: '2025-08-04',
        chairCadreId: newChair,
        attendees: 'Tổ trưởng tổ dân phố',
        issues: ['Ngập úng khu phố 3 mỗi khi mưa lớn'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const briefing = created.json() as { id: string; issues: { id: string }[] };
    const turned = await wardUser.inject({
      method: 'POST',
      url: `/api/briefings/${briefing.id}/issues/${briefing.issues[0]!.id}/problem`,
      payload: { year: 2025, fieldCode: 'ha_tang', targetOn: '2025-12-15' },
    });
    expect(turned.statusCode, turned.body).toBe(200);
    const issue = (turned.json() as { issues: { problem: { id: string; status: { code: string } } | null }[] }).issues[0]!;
    expect(issue.problem?.status.code).toBe('registered');
    const problem = (await wardUser.inject({ method: 'GET', url: `/api/grassroots-problems/${issue.problem!.id}` })).json();
    expect(problem).toMatchObject({
      title: 'Ngập úng khu phố 3 mỗi khi mưa lớn',
      registeredOn: '2025-08-04',
      lead: { id: newChair },
      resolution: 'Nêu tại giao ban ngày 04/08/2025',
    });
    const again = await wardUser.inject({
      method: 'POST',
      url: `/api/briefings/${briefing.id}/issues/${briefing.issues[0]!.id}/problem`,
      payload: { year: 2025, fieldCode: 'ha_tang', targetOn: '2025-12-15' },
    });
    expect(again.statusCode).toBe(409);

    // An edit keeps the registered issue and its day; the other issues are replaced.
    const body = { heldOn: '2025-08-04', chairCadreId: newChair, attendees: 'Tổ trưởng, tổ phó các tổ dân phố', issues: ['Đèn chiếu sáng ngõ 5 hỏng'] };
    const edited = await wardUser.inject({ method: 'PUT', url: `/api/briefings/${briefing.id}`, payload: body });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      attendees: 'Tổ trưởng, tổ phó các tổ dân phố',
      issues: [
        { content: 'Ngập úng khu phố 3 mỗi khi mưa lớn', problem: { id: issue.problem!.id } },
        { content: 'Đèn chiếu sáng ngõ 5 hỏng', problem: null },
      ],
    });
    const moved = await wardUser.inject({ method: 'PUT', url: `/api/briefings/${briefing.id}`, payload: { ...body, heldOn: '2025-08-05' } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details.fields[0].message).toBe(
      'Đã có ý kiến của buổi giao ban được đăng ký thành vấn đề từ ngày 04/08/2025; không sửa ngày giao ban được',
    );
  });

  it("shows on the chair's profile the problems he led and how they ended", async () => {
    const provinceUser = await t.asUser('province', province);
    const practice = (await provinceUser.inject({ method: 'GET', url: `/api/cadres/${chair}/practice` })).json() as {
      problems: { year: number; status: { code: string } }[];
      summary: { led: number; resolved: number; resolvedOnTime: number; briefings: number };
    };
    expect(practice.problems.map((problem) => `${problem.year} ${problem.status.code}`)).toEqual(['2025 resolved', '2024 carried_over']);
    expect(practice.summary).toEqual({ led: 2, resolved: 1, resolvedOnTime: 1, briefings: 0, dialogues: 0, cellMeetings: 0 });
    const newChairRecord = (await provinceUser.inject({ method: 'GET', url: `/api/cadres/${newChair}/practice` })).json() as { summary: { briefings: number } };
    expect(newChairRecord.summary.briefings).toBe(1);
  });

  it('records who chaired a dialogue, only a standing member on the day, and shows it on the profile', async () => {
    const dialogue = (chairCadreId: string) => ({
      communeId: oldCommune,
      heldOn: '2024-08-20',
      kind: 'dialogue',
      topic: 'Đối thoại về bãi rác tạm thôn Đông',
      organisers: 'Chủ tịch UBND xã, cán bộ địa chính',
      chairCadreId,
      agreed: true,
    });
    const refused = await commune.inject({ method: 'POST', url: '/api/dialogues', payload: dialogue(newChair) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields).toEqual([
      expect.objectContaining({
        path: 'chairCadreId',
        message: 'Người chủ trì phải là thành viên thường trực (Đảng ủy, HĐND, UBND) của xã vào ngày 20/08/2024',
      }),
    ]);
    const created = await commune.inject({ method: 'POST', url: '/api/dialogues', payload: dialogue(chair) });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().chair).toEqual({ id: chair, name: 'Trần Văn Chủ' });
    const practice = (await commune.inject({ method: 'GET', url: `/api/cadres/${chair}/practice` })).json() as {
      dialogues: { topic: string; agreed: boolean }[];
      summary: { dialogues: number };
    };
    expect(practice.dialogues).toEqual([expect.objectContaining({ topic: 'Đối thoại về bãi rác tạm thôn Đông', agreed: true })]);
    expect(practice.summary.dialogues).toBe(1);
  });
});
