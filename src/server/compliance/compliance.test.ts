import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createPerson as enterPerson, type PersonSpec as EnteredPerson } from '../../../test/factories/people.js';

let t: TestApp;
let units: CadreTerritory;
let officer: SignedInClient;
let admin: SignedInClient;

const createPerson = (spec: Omit<EnteredPerson, 'unitId'> & { unitId?: string }) => enterPerson(officer, { ...spec, unitId: spec.unitId ?? units.communeA });

async function compliance(id: string, asOf: string) {
  const response = await officer.inject({ method: 'GET', url: `/api/cadres/${id}/compliance?asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function summary(unitId: string, asOf: string, client: SignedInClient = officer) {
  const response = await client.inject({ method: 'GET', url: `/api/compliance/summary?unitId=${unitId}&asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function setSet(code: string, enabled: boolean) {
  const response = await admin.inject({ method: 'PATCH', url: `/api/standards/sets/${code}`, payload: { enabled } });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  officer = await t.asUser('province', units.province);
  admin = await t.asUser('admin');
  // Xã Quỳnh Sơn is a plains commune, Xã Quảng Minh a mountainous one; Xã Nghĩa Hưng has no recorded class.
  for (const [communeId, flags] of [
    [units.communeA, ['dong_bang']],
    [units.communeB, ['mien_nui']],
  ] as const) {
    const response = await officer.inject({ method: 'POST', url: `/api/communes/${communeId}/area-classes`, payload: { flags, validFrom: null } });
    expect(response.statusCode, response.body).toBeLessThan(300);
  }
});

afterAll(async () => {
  await t.close();
});

describe('a man born 20/05/1966, first appointed Chair of the People’s Committee on 25/06/2021', () => {
  let id: string;

  beforeAll(async () => {
    id = await createPerson({
      fullName: 'Hoàng Minh Thành',
      gender: 'nam',
      birthDate: '1966-05-20',
      posts: [{ titleCode: 'chu_tich_ubnd', startDate: '2021-06-25', howObtained: 'bau_cu' }],
      qualifications: [
        { kind: 'professional', level: 'dai_hoc', obtainedOn: '1990-06-30', major: 'Luật' },
        { kind: 'political_theory', level: 'trung_cap', obtainedOn: '2015-01-10' },
      ],
    });
  });

  it('meets the Bắc Giang standard at the end of 2021, which the API names with its legal basis, unconfirmed', async () => {
    expect(await compliance(id, '2021-12-31')).toMatchObject({
      asOf: '2021-12-31',
      status: 'meets',
      levels: { professional: 'dai_hoc', politicalTheory: 'trung_cap', professionalField: 'Luật' },
      posts: [
        {
          titleCode: 'chu_tich_ubnd',
          titleName: 'Chủ tịch Ủy ban nhân dân',
          unit: { id: units.communeA, name: 'Xã Quỳnh Sơn' },
          firstAppointment: true,
          status: 'meets',
          statusLabel: 'Đạt chuẩn',
          rule: {
            code: 'BG-2020/dong-bang',
            version: 1,
            setCode: 'BG-2020',
            legalBasis: 'Tiêu chuẩn cán bộ chủ chốt cấp xã nhiệm kỳ 2020–2025 của Tỉnh ủy Bắc Giang, xã đồng bằng',
            confirmed: false,
          },
          gaps: [],
        },
      ],
    });
  });

  it('is judged by Decision 04/2004 when the province turns its own set off, and again by Bắc Giang’s when it is back on', async () => {
    await setSet('BG-2020', false);
    try {
      expect((await compliance(id, '2021-12-31')).posts[0]).toMatchObject({ status: 'meets', rule: { code: 'QD-04-2004/dong-bang' } });
    } finally {
      await setSet('BG-2020', true);
    }
    expect((await compliance(id, '2021-12-31')).posts[0].rule.code).toBe('BG-2020/dong-bang');
  });

  it('still meets Decree 33/2023 in 2024: his 2021 appointment is judged by the 2021 rule (83 ≥ 60 months)', async () => {
    expect((await compliance(id, '2024-12-31')).posts[0]).toMatchObject({ status: 'meets', rule: { code: 'ND-33-2023/hdnd-ubnd', confirmed: true } });
  });

  it('shows the 83 months once an administrator raises the requirement to 84 from the start of the rule', async () => {
    const rules = await t.app.inject({ method: 'GET', url: '/api/standards/rules?code=BG-2020/dong-bang', headers: { cookie: admin.cookie } });
    const current = rules.json().items[0];
    const version = await admin.inject({
      method: 'POST',
      url: `/api/standards/rules/${encodeURIComponent('BG-2020/dong-bang')}/versions`,
      payload: { ...editable(current), minMonthsLeftAtFirstAppointment: 84, effectiveFrom: current.validFrom, changeNote: 'Thử nâng mức' },
    });
    expect(version.statusCode, version.body).toBe(201);
    try {
      expect((await compliance(id, '2021-12-31')).posts[0]).toMatchObject({
        status: 'does_not_meet',
        rule: { code: 'BG-2020/dong-bang', version: 2 },
        gaps: [
          {
            kind: 'age_appointment',
            message: 'Tuổi khi bổ nhiệm lần đầu (25/06/2021): còn 83 tháng công tác đến tuổi nghỉ hưu, cần tối thiểu 84 tháng',
            messageEn: 'Age at first appointment (25/06/2021): 83 months of service left before retirement age, at least 84 required',
            required: 84,
            actual: 83,
          },
        ],
      });
    } finally {
      const back = await admin.inject({
        method: 'POST',
        url: `/api/standards/rules/${encodeURIComponent('BG-2020/dong-bang')}/versions`,
        payload: { ...editable(current), effectiveFrom: current.validFrom, changeNote: 'Trả lại mức 60 tháng' },
      });
      expect(back.statusCode, back.body).toBe(201);
    }
  });
});

/** The editable fields of a rule as the API lists it. */
function editable(rule: Record<string, unknown>) {
  const fields = [
    'appliesTo',
    'validTo',
    'areaClass',
    'minProfessional',
    'professionalFields',
    'minPoliticalTheory',
    'minStateManagement',
    'requireHighSchool',
    'minMonthsLeftAtFirstAppointment',
    'minMonthsLeftAtReElection',
    'confirmed',
    'legalBasis',
    'note',
  ];
  return Object.fromEntries(fields.map((field) => [field, rule[field]]));
}

describe('a woman born 02/11/1969, re-elected Standing Deputy Secretary at the July 2025 congress', () => {
  let id: string;

  beforeAll(async () => {
    id = await createPerson({
      fullName: 'Nguyễn Thị Lan',
      gender: 'nu',
      birthDate: '1969-11-02',
      posts: [
        { titleCode: 'pho_bi_thu_thuong_truc', startDate: '2020-08-10', howObtained: 'bau_cu' },
        // The new term's period ends the previous one the day before (cadres API).
        { titleCode: 'pho_bi_thu_thuong_truc', startDate: '2025-07-15', howObtained: 'bau_cu' },
      ],
      qualifications: [
        { kind: 'professional', level: 'thac_si', obtainedOn: '2010-06-30' },
        { kind: 'political_theory', level: 'cao_cap', obtainedOn: '2012-01-10' },
      ],
    });
  });

  it('does not meet the 48-month re-election rule: 17 months left from 07/2025', async () => {
    expect(await compliance(id, '2025-08-01')).toMatchObject({
      status: 'does_not_meet',
      posts: [
        {
          titleCode: 'pho_bi_thu_thuong_truc',
          firstAppointment: false,
          reelection: true,
          rule: { code: 'CV-03-2025/chu-chot', confirmed: false },
          gaps: [
            {
              kind: 'age_reelection',
              message: 'Tuổi tái cử cấp ủy (đại hội tháng 07/2025): còn 17 tháng công tác đến tuổi nghỉ hưu, cần tối thiểu 48 tháng',
              required: 48,
              actual: 17,
              ruleCode: 'CV-03-2025/chu-chot',
            },
          ],
        },
      ],
    });
  });

  it('met the standard in her previous term (no re-election rule was recorded for 2020)', async () => {
    expect(await compliance(id, '2024-06-30')).toMatchObject({ status: 'meets', posts: [{ reelection: false, firstAppointment: true }] });
  });
});

describe('a Vice-chair of the People’s Committee with sơ cấp political theory in 2024', () => {
  const qualifications = [
    { kind: 'professional', level: 'thpt', obtainedOn: '1995-06-30' },
    { kind: 'professional', level: 'trung_cap', obtainedOn: '2000-06-30' },
    { kind: 'political_theory', level: 'so_cap', obtainedOn: '2010-01-10' },
  ];
  let plains: string;
  let mountains: string;

  beforeAll(async () => {
    const post = { titleCode: 'pho_chu_tich_ubnd', startDate: '2021-06-25' };
    plains = await createPerson({ fullName: 'Trần Văn Bình', gender: 'nam', birthDate: '1975-03-15', posts: [post], qualifications });
    mountains = await createPerson({ fullName: 'Lý Văn Sơn', gender: 'nam', birthDate: '1975-03-15', unitId: units.communeB, posts: [post], qualifications });
  });

  it('misses a degree and trung cấp political theory in a plains commune, with the courses that close each gap', async () => {
    const result = await compliance(plains, '2024-06-30');
    expect(result.posts[0]).toMatchObject({ status: 'does_not_meet', rule: { code: 'ND-33-2023/hdnd-ubnd', confirmed: true } });
    expect(
      result.posts[0].gaps.map((gap: { message: string; closingCourse: string | null; closingCourseName: string }) => [
        gap.message,
        gap.closingCourse,
        gap.closingCourseName,
      ]),
    ).toEqual([
      ['Trình độ chuyên môn: trung cấp, cần đại học trở lên', 'dai_hoc', 'Đại học (hình thức vừa làm vừa học)'],
      ['Lý luận chính trị: sơ cấp, cần trung cấp trở lên', 'trung_cap_llct', 'Trung cấp lý luận chính trị'],
    ]);
  });

  it('misses only political theory in a mountainous commune, under the relaxed, unconfirmed rule', async () => {
    const result = await compliance(mountains, '2024-06-30');
    expect(result.posts[0]).toMatchObject({ status: 'does_not_meet', rule: { code: 'ND-33-2023/hdnd-ubnd-vung-kho-khan', confirmed: false } });
    expect(result.posts[0].gaps.map((gap: { messageEn: string }) => gap.messageEn)).toEqual(['Political theory: elementary, intermediate or higher required']);
  });
});

describe('a Party Secretary re-elected in July 2025 who is also first elected Chair of the People’s Council', () => {
  let id: string;

  beforeAll(async () => {
    id = await createPerson({
      fullName: 'Phạm Văn Dũng',
      gender: 'nam',
      birthDate: '1968-01-10',
      unitId: units.communeB,
      posts: [
        { titleCode: 'bi_thu_dang_uy', startDate: '2020-08-01', howObtained: 'bau_cu' },
        { titleCode: 'bi_thu_dang_uy', startDate: '2025-07-01', howObtained: 'bau_cu' },
        { titleCode: 'chu_tich_hdnd', startDate: '2025-07-01', howObtained: 'bau_cu' },
      ],
      qualifications: [
        { kind: 'professional', level: 'dai_hoc', obtainedOn: '1992-06-30' },
        { kind: 'political_theory', level: 'trung_cap', obtainedOn: '2008-01-10' },
      ],
    });
  });

  it('may be re-elected (55 ≥ 48 months) but is short of a full term for a first election (55 < 60)', async () => {
    const result = await compliance(id, '2025-08-01');
    expect(result.status).toBe('does_not_meet');
    expect(result.posts.map((post: { titleCode: string; status: string }) => [post.titleCode, post.status])).toEqual([
      ['bi_thu_dang_uy', 'meets'],
      ['chu_tich_hdnd', 'does_not_meet'],
    ]);
    expect(result.posts[1].gaps).toMatchObject([{ kind: 'age_appointment', actual: 55, required: 60 }]);
  });
});

describe('the summary of a unit', () => {
  it('counts each person once however many key posts they hold, and matches an independent SQL count', async () => {
    const asOf = '2025-08-01';
    const result = await summary(units.province, asOf);
    // Key cadres holding a post on the date anywhere in the province's communes, counted directly.
    const independent = await sql<{ people: number; university: number; advanced: number; postgraduate: number }>`
      with held as (
        select distinct p.cadre_id from cadre_post p
        where p.is_key and p.start_date <= ${asOf}::date and (p.end_date is null or p.end_date >= ${asOf}::date)
          and p.unit_id = any(${[units.communeA, units.communeB, units.oldUnit, units.newUnit, units.zeroUnit]}::bigint[])
      )
      select count(*)::int as people,
        count(*) filter (where exists (select 1 from cadre_qualification q where q.cadre_id = h.cadre_id and q.kind = 'professional'
          and q.level in ('dai_hoc', 'thac_si', 'tien_si') and (q.obtained_on is null or q.obtained_on <= ${asOf}::date)))::int as university,
        count(*) filter (where exists (select 1 from cadre_qualification q where q.cadre_id = h.cadre_id and q.kind = 'professional'
          and q.level in ('thac_si', 'tien_si') and (q.obtained_on is null or q.obtained_on <= ${asOf}::date)))::int as postgraduate,
        count(*) filter (where exists (select 1 from cadre_qualification q where q.cadre_id = h.cadre_id and q.kind = 'political_theory'
          and q.level = 'cao_cap' and (q.obtained_on is null or q.obtained_on <= ${asOf}::date)))::int as advanced
      from held h
    `.execute(t.db);
    const counted = independent.rows[0]!;
    expect(result).toMatchObject({
      unit: { id: units.province, name: 'Tỉnh Thử Nghiệm', level: 'province' },
      scope: 'key',
      totalPeople: counted.people,
      universityOrHigher: counted.university,
      postgraduate: counted.postgraduate,
      advancedPoliticalTheory: counted.advanced,
    });
    // The two-post secretary and the re-elected deputy do not meet; Hoàng Minh Thành and the two vice-chairs' status follow their gaps.
    expect(result.totalPeople).toBe(5);
    expect(result.meeting + result.notMeeting + result.withoutStandard).toBe(5);
    expect(result.peopleWithGap).toMatchObject({ age_reelection: 1, age_appointment: 1, political_theory: 2 });
    expect(result.sentence).toBe(
      `5 cán bộ chủ chốt, ${counted.university} người có trình độ từ đại học trở lên (${((counted.university / 5) * 100).toFixed(1).replace('.', ',')}%), ${counted.advanced} người có trình độ cao cấp, cử nhân lý luận chính trị`,
    );
  });

  it('lists the units of the next level down on the date, empty ones included, to drill down', async () => {
    // Before 01/07/2025 the communes sit under Huyện Yên Thử; from then on directly under the province.
    const before = await summary(units.province, '2024-06-30');
    expect(before.children.map((child: { unit: { name: string } }) => child.unit.name)).toContain('Huyện Yên Thử');
    const district = before.children.find((child: { unit: { id: string } }) => child.unit.id === units.district);
    expect(district.totalPeople).toBe(before.totalPeople);

    const after = await summary(units.province, '2025-08-01');
    const names = after.children.map((child: { unit: { name: string } }) => child.unit.name);
    expect(names).toEqual(expect.arrayContaining(['Phường Quỳnh Sơn', 'Phường Quảng Minh', 'Phường Bắc Giang Mới', 'Xã Số Không']));
    const quangMinh = after.children.find((child: { unit: { id: string } }) => child.unit.id === units.communeB);
    expect(quangMinh).toMatchObject({ totalPeople: 2, meeting: 0, notMeeting: 2 });
    const drill = await summary(units.communeB, '2025-08-01');
    expect(drill).toMatchObject({ totalPeople: 2, notMeeting: 2, children: [] });
  });

  it('drills down to the people who do not meet the standard, with their gaps', async () => {
    const response = await officer.inject({ method: 'GET', url: `/api/compliance/people?unitId=${units.communeB}&asOf=2025-08-01&status=does_not_meet` });
    expect(response.statusCode, response.body).toBe(200);
    const people = response.json();
    expect(people.total).toBe(2);
    expect(people.items.map((item: { cadre: { fullName: string } }) => item.cadre.fullName)).toEqual(['Phạm Văn Dũng', 'Lý Văn Sơn']);
    expect(people.items[0].posts.map((post: { titleCode: string }) => post.titleCode)).toEqual(['bi_thu_dang_uy', 'chu_tich_hdnd']);
    const byGap = await officer.inject({ method: 'GET', url: `/api/compliance/people?unitId=${units.province}&asOf=2025-08-01&gap=age_reelection` });
    expect(byGap.json().items.map((item: { cadre: { fullName: string } }) => item.cadre.fullName)).toEqual(['Nguyễn Thị Lan']);
  });

  it('answers "not found" for a unit or a person outside the officer’s province', async () => {
    const other = await t.asUser('province', units.otherProvince);
    const response = await other.inject({ method: 'GET', url: `/api/compliance/summary?unitId=${units.province}` });
    expect(response.statusCode).toBe(404);
    expect((await other.inject({ method: 'GET', url: `/api/compliance/people?unitId=${units.communeA}` })).statusCode).toBe(404);
    const someone = (await officer.inject({ method: 'GET', url: `/api/compliance/people?unitId=${units.communeA}&asOf=2025-08-01` })).json().items[0];
    expect((await other.inject({ method: 'GET', url: `/api/cadres/${someone.cadre.id}/compliance` })).statusCode).toBe(404);
  });
});
