import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createPerson as enterPerson, type PersonSpec as EnteredPerson } from '../../../test/factories/people.js';

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;
let commune: SignedInClient;
const people: Record<string, string> = {};

const createPerson = (spec: Omit<EnteredPerson, 'unitId'>) => enterPerson(province, { unitId: units.communeA, ...spec });

interface Proposal {
  id: string;
  cadre: { id: string; fullName: string };
  courseType: string;
  reason: string;
  decision: string;
  reasonText: string;
}

interface Review {
  id: string;
  status: string;
  version: number;
  proposals: Proposal[];
  counts: { total: number; pending: number; accepted: number; rejected: number };
  permissions: Record<string, boolean>;
}

function brief(review: Review): [string, string, string][] {
  return review.proposals.map((p) => [p.cadre.fullName, p.courseType, p.reason]);
}

function proposalOf(review: Review, fullName: string, courseType: string): Proposal {
  const found = review.proposals.find((p) => p.cadre.fullName === fullName && p.courseType === courseType);
  if (!found) throw new Error(`no proposal ${fullName} ${courseType}`);
  return found;
}

async function decide(client: SignedInClient, review: Review, proposal: Proposal, decision: string, reason?: string) {
  return client.inject({ method: 'PATCH', url: `/api/training-reviews/${review.id}/proposals/${proposal.id}`, payload: { decision, reason } });
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
  commune = await t.asUser('commune', units.communeA);
  await province.inject({ method: 'POST', url: `/api/communes/${units.communeA}/area-classes`, payload: { flags: ['dong_bang'], validFrom: null } });

  people.binh = await createPerson({
    fullName: 'Trần Văn Bình',
    gender: 'nam',
    birthDate: '1975-03-15',
    posts: [{ titleCode: 'pho_chu_tich_ubnd', startDate: '2021-06-25' }],
    qualifications: [
      { kind: 'professional', level: 'dai_hoc', obtainedOn: '1998-06-30' },
      { kind: 'political_theory', level: 'so_cap', obtainedOn: '2010-01-10' },
    ],
  });
  people.hung = await createPerson({
    fullName: 'Ngô Quang Hùng',
    gender: 'nam',
    birthDate: '1978-09-01',
    posts: [{ titleCode: 'bi_thu_dang_uy', startDate: '2025-07-01', howObtained: 'bau_cu' }],
    qualifications: [
      { kind: 'professional', level: 'thac_si', obtainedOn: '2008-06-30' },
      { kind: 'political_theory', level: 'cao_cap', obtainedOn: '2018-01-10' },
    ],
  });
  people.lan = await createPerson({
    fullName: 'Nguyễn Thị Lan',
    gender: 'nu',
    birthDate: '1969-11-02',
    posts: [
      { titleCode: 'pho_bi_thu_thuong_truc', startDate: '2020-08-10', howObtained: 'bau_cu' },
      { titleCode: 'pho_bi_thu_thuong_truc', startDate: '2025-07-15', howObtained: 'bau_cu' },
    ],
    qualifications: [
      { kind: 'professional', level: 'thac_si', obtainedOn: '2010-06-30' },
      { kind: 'political_theory', level: 'cao_cap', obtainedOn: '2012-01-10' },
    ],
  });
  people.yen = await createPerson({
    fullName: 'Đỗ Thị Yến',
    gender: 'nu',
    birthDate: '1985-04-04',
    posts: [{ titleCode: 'chu_tich_hoi_phu_nu', startDate: '2021-06-25' }],
    qualifications: [{ kind: 'professional', level: 'dai_hoc', obtainedOn: '2007-06-30' }],
  });
});

afterAll(async () => {
  await t.close();
});

describe('the year’s focus fields', () => {
  it('are set by the province and apply to its communes; a commune officer may not set them', async () => {
    const set = await province.inject({
      method: 'PUT',
      url: '/api/training-focus',
      payload: {
        unitId: units.province,
        year: 2025,
        fields: [
          { code: 'xay_dung_dang', titleCodes: ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'] },
          { code: 'dat_dai', titleCodes: ['chu_tich_ubnd', 'pho_chu_tich_ubnd'] },
        ],
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    const forCommune = await commune.inject({ method: 'GET', url: `/api/training-focus?unitId=${units.communeA}&year=2025` });
    expect(forCommune.json().applying.map((field: { label: string }) => field.label)).toEqual(['Quản lý đất đai', 'Công tác xây dựng Đảng']);
    const refused = await commune.inject({ method: 'PUT', url: '/api/training-focus', payload: { unitId: units.communeA, year: 2025, fields: [] } });
    expect(refused.statusCode).toBe(403);
  });
});

describe('the annual review of a commune, from proposals to the approved plan', () => {
  let review: Review;

  it('proposes the gaps’ courses, the new secretary’s course and the focus fields, all pending', async () => {
    const response = await commune.inject({
      method: 'POST',
      url: '/api/training-reviews',
      payload: { unitId: units.communeA, year: 2025, asOf: '2025-08-01' },
    });
    expect(response.statusCode, response.body).toBe(201);
    review = response.json();
    expect(review).toMatchObject({ status: 'draft', version: 1, unit: { id: units.communeA } });
    expect(brief(review).sort()).toEqual(
      [
        ['Trần Văn Bình', 'trung_cap_llct', 'gap'],
        ['Trần Văn Bình', 'dat_dai', 'focus_field'],
        ['Ngô Quang Hùng', 'boi_duong_bi_thu_moi', 'first_term'],
        ['Ngô Quang Hùng', 'xay_dung_dang', 'focus_field'],
        // Too little working time left closes no course: Lan gets the year's focus course only.
        ['Nguyễn Thị Lan', 'xay_dung_dang', 'focus_field'],
      ].sort(),
    );
    expect(review.proposals.every((p) => p.decision === 'pending')).toBe(true);
    expect(proposalOf(review, 'Trần Văn Bình', 'trung_cap_llct').reasonText).toBe('Lý luận chính trị: sơ cấp, cần trung cấp trở lên (Phó Chủ tịch UBND)');
    expect(review.proposals[0]?.reason).toBe('gap');
  });

  it('refuses a second review of the same commune and year', async () => {
    const again = await commune.inject({ method: 'POST', url: '/api/training-reviews', payload: { unitId: units.communeA, year: 2025 } });
    expect(again.statusCode).toBe(409);
  });

  it('lets the commune accept, reject with a reason, and add a person', async () => {
    expect((await decide(commune, review, proposalOf(review, 'Nguyễn Thị Lan', 'xay_dung_dang'), 'rejected')).statusCode).toBe(400);
    const rejected = await decide(commune, review, proposalOf(review, 'Nguyễn Thị Lan', 'xay_dung_dang'), 'rejected', '- Sắp nghỉ hưu (11/2026)');
    expect(rejected.statusCode, rejected.body).toBe(200);
    for (const [name, course] of [
      ['Trần Văn Bình', 'trung_cap_llct'],
      ['Ngô Quang Hùng', 'boi_duong_bi_thu_moi'],
      ['Ngô Quang Hùng', 'xay_dung_dang'],
    ] as const) {
      expect((await decide(commune, review, proposalOf(review, name, course), 'accepted')).statusCode).toBe(200);
    }
    const added = await commune.inject({
      method: 'POST',
      url: `/api/training-reviews/${review.id}/proposals`,
      payload: { cadreId: people.yen, courseType: 'ldtbxh', reason: '=Phụ trách chính sách xã hội' },
    });
    expect(added.statusCode, added.body).toBe(201);
    review = added.json();
    expect(proposalOf(review, 'Đỗ Thị Yến', 'ldtbxh')).toMatchObject({
      reason: 'added',
      decision: 'accepted',
      reasonText: 'Đơn vị bổ sung: =Phụ trách chính sách xã hội',
    });
    const twice = await commune.inject({
      method: 'POST',
      url: `/api/training-reviews/${review.id}/proposals`,
      payload: { cadreId: people.yen, courseType: 'ldtbxh', reason: 'Lần nữa' },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('cannot be submitted while a proposal is undecided', async () => {
    const early = await commune.inject({ method: 'POST', url: `/api/training-reviews/${review.id}/submit` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Còn 1 đề xuất chưa quyết định chọn hay không chọn');
    const last = await decide(commune, review, proposalOf(review, 'Trần Văn Bình', 'dat_dai'), 'accepted');
    expect(last.statusCode).toBe(200);
    const submitted = await commune.inject({ method: 'POST', url: `/api/training-reviews/${review.id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    review = submitted.json();
    expect(review).toMatchObject({ status: 'submitted', counts: { total: 6, pending: 0, accepted: 5, rejected: 1 } });
    expect((await decide(commune, review, review.proposals[0]!, 'rejected', 'Đổi ý')).statusCode).toBe(409);
  });

  it('is approved by the province only, and is then frozen, by the service and by the database', async () => {
    const byCommune = await commune.inject({ method: 'POST', url: `/api/training-reviews/${review.id}/approve` });
    expect(byCommune.statusCode).toBe(403);
    const approved = await province.inject({ method: 'POST', url: `/api/training-reviews/${review.id}/approve` });
    expect(approved.statusCode, approved.body).toBe(200);
    review = approved.json();
    expect(review).toMatchObject({ status: 'approved', statusLabel: 'Đã phê duyệt', permissions: { canDecide: false, canNewVersion: true } });
    expect((await decide(province, review, review.proposals[0]!, 'rejected', 'Đổi ý')).statusCode).toBe(409);
    await expect(sql`update training_proposal set decision = 'rejected', decision_reason = 'x' where review_id = ${review.id}`.execute(t.db)).rejects.toThrow(
      /đã được phê duyệt/,
    );
    await expect(sql`update training_review set note = 'x' where id = ${review.id}`.execute(t.db)).rejects.toThrow(/đã được phê duyệt/);
  });

  it('gives the quotas by course type, field and unit', async () => {
    const quotas = (await province.inject({ method: 'GET', url: `/api/training-reviews/${review.id}/quotas` })).json();
    expect(quotas).toMatchObject({ places: 5, people: 3 });
    expect(quotas.byCourseType.map((row: { courseName: string; count: number }) => [row.courseName, row.count])).toEqual([
      ['Trung cấp lý luận chính trị', 1],
      ['Bồi dưỡng kỹ năng, phương pháp, nghiệp vụ công tác Đảng cho bí thư, phó bí thư lần đầu tham gia cấp ủy', 1],
      ['Nghiệp vụ công tác xây dựng Đảng', 1],
      ['Quản lý đất đai', 1],
      ['Lao động - Thương binh và Xã hội', 1],
    ]);
    expect(quotas.byField.map((row: { label: string; count: number }) => [row.label, row.count])).toEqual([
      ['Lý luận chính trị', 1],
      ['Công tác xây dựng Đảng', 2],
      ['Quản lý đất đai', 1],
      ['Lao động - Thương binh và Xã hội', 1],
    ]);
    expect(quotas.byUnit).toMatchObject([{ unit: { id: units.communeA, name: 'Phường Quỳnh Sơn' }, places: 5 }]);
  });

  it('exports the plan to Excel with Vietnamese headers and no cell that could run as a formula', async () => {
    const response = await province.inject({ method: 'GET', url: `/api/training-reviews/${review.id}/export.xlsx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('ke-hoach-dao-tao-2025-phuong-quynh-son-v1.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Danh sách', 'Chỉ tiêu', 'Không chọn']);
    const list = workbook.getWorksheet('Danh sách')!;
    expect(list.getCell('A1').value).toBe('KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ CHỦ CHỐT CẤP XÃ NĂM 2025');
    expect(list.getRow(6).values).toEqual([
      undefined,
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Chức vụ',
      'Đơn vị',
      'Khóa đào tạo, bồi dưỡng',
      'Lĩnh vực',
      'Lý do đề xuất',
      'Nguồn',
    ]);
    const texts: string[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('Đỗ Thị Yến');
    expect(texts).toContain('Đơn vị bổ sung: =Phụ trách chính sách xã hội');
    // A reason typed as a dash list item stays text.
    expect(texts).toContain("'- Sắp nghỉ hưu (11/2026)");
    expect(texts.some((value) => /^[=+\-@]/.test(value))).toBe(false);
    expect(workbook.getWorksheet('Không chọn')!.getRow(4).values).toContain('Nguyễn Thị Lan');
  });

  it('changes later only as a new version: a draft copy, the approved plan left as it was', async () => {
    const copy = await commune.inject({ method: 'POST', url: `/api/training-reviews/${review.id}/new-version` });
    expect(copy.statusCode, copy.body).toBe(201);
    const draft: Review = copy.json();
    expect(draft).toMatchObject({ status: 'draft', version: 2, previousId: review.id, counts: { total: 6, accepted: 5, rejected: 1 } });
    expect((await commune.inject({ method: 'POST', url: `/api/training-reviews/${review.id}/new-version` })).statusCode).toBe(409);
    expect((await decide(commune, draft, proposalOf(draft, 'Nguyễn Thị Lan', 'xay_dung_dang'), 'accepted')).statusCode).toBe(200);
    const original = (await commune.inject({ method: 'GET', url: `/api/training-reviews/${review.id}` })).json();
    expect(original).toMatchObject({ status: 'approved', version: 1, latestVersion: 2, counts: { accepted: 5, rejected: 1 } });
  });

  it('records every step in the audit log', async () => {
    const rows = await t.db.selectFrom('audit_log').select(['action', 'summary']).where('entity', '=', 'training_review').orderBy('id').execute();
    expect(rows.map((row) => row.action)).toEqual([
      'create',
      'decide',
      'decide',
      'decide',
      'decide',
      'add_proposal',
      'decide',
      'submit',
      'approve',
      'export',
      'new_version',
      'decide',
    ]);
    expect(rows[1]?.summary).toBe('Không chọn: Nguyễn Thị Lan, Nghiệp vụ công tác xây dựng Đảng');
  });

  it('is invisible to another province', async () => {
    const other = await t.asUser('province', units.otherProvince);
    expect((await other.inject({ method: 'GET', url: `/api/training-reviews/${review.id}` })).statusCode).toBe(404);
    expect((await other.inject({ method: 'GET', url: '/api/training-reviews' })).json().items).toEqual([]);
  });
});

describe('a district review before the 2025 reform', () => {
  it('covers the district’s communes on its date and counts places per commune', async () => {
    const district = await t.asUser('district', units.district);
    const response = await district.inject({
      method: 'POST',
      url: '/api/training-reviews',
      payload: { unitId: units.district, year: 2024, asOf: '2024-06-30' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const review: Review & { unit: { name: string } } = response.json();
    expect(review.unit.name).toBe('Huyện Yên Thử');
    // Bình (sơ cấp) is the only key cadre with a gap in 2024; the 2024 focus fields were never set.
    expect(brief(review)).toEqual([['Trần Văn Bình', 'trung_cap_llct', 'gap']]);
  });
});

describe('people already in training', () => {
  it('are not proposed again the course they attend', async () => {
    const programme = await province.inject({
      method: 'POST',
      url: '/api/training/programmes',
      payload: {
        owningUnitId: units.province,
        name: 'Trung cấp lý luận chính trị khóa 2026',
        form: 'formal_degree',
        outcome: 'qualification',
        grants: { scale: 'political_theory', level: 'trung_cap' },
        courseType: 'trung_cap_llct',
      },
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const created = await province.inject({
      method: 'POST',
      url: '/api/training/classes',
      payload: {
        programmeId: programme.json().id,
        unitId: units.province,
        name: 'Lớp TCLLCT K12',
        startDate: '2026-03-01',
        endDate: '2026-12-20',
        capacity: 40,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const enrolled = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${created.json().id}/enrolments`,
      payload: { people: [{ cadreId: people.binh }] },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);

    const district = await t.asUser('district', units.district);
    const response = await district.inject({
      method: 'POST',
      url: '/api/training-reviews',
      payload: { unitId: units.district, year: 2025, asOf: '2025-06-30' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const review: Review = response.json();
    // Bình still has the gap on the date, but the class he attends closes it: only the year's focus field remains.
    expect(brief(review).filter(([name]) => name === 'Trần Văn Bình')).toEqual([['Trần Văn Bình', 'dat_dai', 'focus_field']]);
  });
});
