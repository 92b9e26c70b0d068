import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { createPerson as enterPerson } from '../../../test/factories/people.js';

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;
let programmeId: string;
let instructorId: string;
let classId: string;
const people: Record<'an' | 'binh' | 'cuong' | 'dung', string> = { an: '', binh: '', cuong: '', dung: '' };

interface ClassDetail {
  id: string;
  sessions: { id: string; date: string; startTime: string; instructors: { fullName: string }[] }[];
  tests: { id: string; name: string }[];
  enrolments: { cadreId: string; fullName: string; attendance: { status: string | null }[]; scores: { score: number | null }[] }[];
  certificates: { id: string; cadreId: string; number: string; issuedOn: string; revoked: boolean }[];
}

const createPerson = (fullName: string) => enterPerson(province, { fullName, unitId: units.communeA });

async function classDetail(): Promise<ClassDetail> {
  const response = await province.inject({ method: 'GET', url: `/api/training/classes/${classId}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ClassDetail;
}

async function politicalTheoryOn(cadreId: string, asOf: string): Promise<string | null> {
  const response = await province.inject({ method: 'GET', url: `/api/cadres/${cadreId}?asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { levels: { politicalTheory: { code: string } | null } }).levels.politicalTheory?.code ?? null;
}

function issue(cadreId: string, number: string) {
  return province.inject({ method: 'POST', url: `/api/training/classes/${classId}/certificates`, payload: { cadreId, number, issuedOn: '2025-03-20' } });
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
  people.an = await createPerson('Nguyễn Văn An');
  people.binh = await createPerson('Trần Thị Bình');
  people.cuong = await createPerson('Lê Văn Cường');
  people.dung = await createPerson('Phạm Văn Dũng');
});

afterAll(async () => {
  await t.close();
});

describe('a "Trung cấp lý luận chính trị" class, from catalogue to certificate', () => {
  it('keeps the programme in the catalogue with the level it grants', async () => {
    const created = await province.inject({
      method: 'POST',
      url: '/api/training/programmes',
      payload: {
        owningUnitId: units.province,
        name: 'Trung cấp lý luận chính trị - hành chính',
        form: 'formal_degree',
        organiser: 'Trường Chính trị tỉnh',
        fields: ['Lý luận chính trị'],
        hours: 7,
        outcome: 'qualification',
        grants: { scale: 'political_theory', level: 'trung_cap' },
        courseType: 'trung_cap_llct',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    programmeId = created.json().id;
    expect(created.json()).toMatchObject({
      form: { label: 'Đào tạo cấp văn bằng' },
      grants: { level: 'trung_cap', label: 'Trung cấp' },
      courseType: { name: 'Trung cấp lý luận chính trị' },
    });

    const commune = await t.asUser('commune', units.communeA);
    const seen = await commune.inject({ method: 'GET', url: '/api/training/programmes?q=ly luan' });
    expect(seen.json().items.map((p: { name: string }) => p.name)).toEqual(['Trung cấp lý luận chính trị - hành chính']);

    const wrongLevel = await province.inject({
      method: 'POST',
      url: '/api/training/programmes',
      payload: {
        owningUnitId: units.province,
        name: 'Lớp sai',
        form: 'short_course',
        outcome: 'qualification',
        grants: { scale: 'political_theory', level: 'tien_si' },
      },
    });
    expect(wrongLevel.statusCode).toBe(400);
  });

  it('opens the class with its sessions, instructor and tests, and enrols up to capacity', async () => {
    const instructor = await province.inject({
      method: 'POST',
      url: '/api/training/instructors',
      payload: { owningUnitId: units.province, fullName: 'Hoàng Văn Giảng', workUnit: 'Trường Chính trị tỉnh', position: 'Giảng viên chính' },
    });
    expect(instructor.statusCode, instructor.body).toBe(201);
    instructorId = instructor.json().id;

    const created = await province.inject({
      method: 'POST',
      url: '/api/training/classes',
      payload: {
        programmeId,
        unitId: units.district,
        name: 'Lớp Trung cấp LLCT khóa 12',
        startDate: '2025-03-03',
        endDate: '2025-03-07',
        venue: 'Trung tâm Chính trị huyện',
        capacity: 3,
        sessions: [
          { date: '2025-03-03', startTime: '07:30', endTime: '11:00', topic: 'Chủ nghĩa Mác - Lênin', instructorIds: [instructorId] },
          { date: '2025-03-04', startTime: '07:30', endTime: '11:00', topic: 'Tư tưởng Hồ Chí Minh', instructorIds: [instructorId] },
        ],
        tests: [
          { name: 'Kiểm tra học phần I', heldOn: '2025-03-05' },
          { name: 'Thi cuối khóa', heldOn: '2025-03-07' },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    classId = created.json().id;
    expect(created.json().sessions.map((s: ClassDetail['sessions'][number]) => [s.date, s.startTime, s.instructors[0]?.fullName])).toEqual([
      ['2025-03-03', '07:30', 'Hoàng Văn Giảng'],
      ['2025-03-04', '07:30', 'Hoàng Văn Giảng'],
    ]);

    const enrolled = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/enrolments`,
      payload: { people: [{ cadreId: people.an }, { cadreId: people.binh }, { cadreId: people.cuong }] },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);

    const overCapacity = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/enrolments`,
      payload: { people: [{ cadreId: people.dung }] },
    });
    expect(overCapacity.statusCode).toBe(409);
    expect(overCapacity.json().error.id).toBe('TRAINING_CLASS_FULL');
    expect((await classDetail()).enrolments.map((e) => e.fullName).sort()).toEqual(['Lê Văn Cường', 'Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('refuses an instructor booked twice at the same time, storing nothing', async () => {
    const clash = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/sessions`,
      payload: { sessions: [{ date: '2025-03-03', startTime: '08:00', endTime: '10:00', topic: 'Ôn tập', instructorIds: [instructorId] }] },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.id).toBe('TRAINING_INSTRUCTOR_OVERLAP');
    expect(clash.json().error.message).toContain(
      'Giảng viên Hoàng Văn Giảng đã có buổi giảng ở lớp "Lớp Trung cấp LLCT khóa 12" ngày 03/03/2025 từ 07:30 đến 11:00',
    );
    expect((await classDetail()).sessions).toHaveLength(2);
  });

  it('records attendance per session and refuses a person who is not enrolled, naming them', async () => {
    const [first, second] = (await classDetail()).sessions;
    const all = (status: string) => [people.an, people.binh, people.cuong].map((cadreId) => ({ cadreId, status }));
    const day1 = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}/sessions/${first?.id}/attendance`,
      payload: { records: all('present') },
    });
    expect(day1.statusCode, day1.body).toBe(200);
    const day2 = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}/sessions/${second?.id}/attendance`,
      payload: {
        records: [
          { cadreId: people.an, status: 'present' },
          { cadreId: people.binh, status: 'absent' },
          { cadreId: people.cuong, status: 'excused' },
        ],
      },
    });
    expect(day2.statusCode, day2.body).toBe(200);

    const stranger = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}/sessions/${second?.id}/attendance`,
      payload: {
        records: [
          { cadreId: people.an, status: 'absent' },
          { cadreId: people.dung, status: 'present' },
        ],
      },
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error).toMatchObject({
      id: 'TRAINING_NOT_ENROLLED',
      message: 'Phạm Văn Dũng không có trong danh sách học viên của lớp "Lớp Trung cấp LLCT khóa 12"',
    });
    const an = (await classDetail()).enrolments.find((e) => e.cadreId === people.an);
    expect(an?.attendance.map((a) => a.status)).toEqual(['present', 'present']);
  });

  it('takes scores out of 10 and refuses 11', async () => {
    const tests = (await classDetail()).tests;
    for (const test of tests) {
      const scored = await province.inject({
        method: 'PUT',
        url: `/api/training/classes/${classId}/tests/${test.id}/scores`,
        payload: { scores: [people.an, people.binh, people.cuong].map((cadreId) => ({ cadreId, score: 8.5 })) },
      });
      expect(scored.statusCode, scored.body).toBe(200);
    }
    const eleven = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}/tests/${tests[0]?.id}/scores`,
      payload: { scores: [{ cadreId: people.an, score: 11 }] },
    });
    expect(eleven.statusCode).toBe(400);
    expect(eleven.json().error.id).toBe('VALIDATION_FAILED');
    expect((await classDetail()).enrolments.find((e) => e.cadreId === people.an)?.scores.map((s) => s.score)).toEqual([8.5, 8.5]);
  });

  it('gives no certificate to someone absent or excused from a session (full attendance required)', async () => {
    const absent = await issue(people.binh, 'LLCT-0002');
    expect(absent.statusCode).toBe(409);
    expect(absent.json().error.id).toBe('TRAINING_CERTIFICATE_NOT_ELIGIBLE');
    expect(absent.json().error.message).toBe(
      'Chưa đủ điều kiện cấp chứng chỉ cho Trần Thị Bình (Thông tư 01/2018/TT-BNV): vắng mặt buổi ngày 04/03/2025 từ 07:30 đến 11:00 (Tư tưởng Hồ Chí Minh)',
    );
    const excused = await issue(people.cuong, 'LLCT-0003');
    expect(excused.statusCode).toBe(409);
    expect(excused.json().error.message).toContain('vắng có phép buổi ngày 04/03/2025');
    expect((await classDetail()).certificates).toEqual([]);
    expect(await politicalTheoryOn(people.binh, '2025-12-31')).toBeNull();
  });

  it('certifies the one who passed: the political theory level counts from the certificate date, not before', async () => {
    expect(await politicalTheoryOn(people.an, '2025-03-20')).toBeNull();
    const issued = await issue(people.an, 'LLCT-0001');
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({ cadreId: people.an, number: 'LLCT-0001', issuedOn: '2025-03-20', revoked: false });

    expect(await politicalTheoryOn(people.an, '2025-03-19')).toBeNull();
    expect(await politicalTheoryOn(people.an, '2025-03-20')).toBe('trung_cap');

    const history = await province.inject({ method: 'GET', url: `/api/cadres/${people.an}/training` });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json()).toMatchObject({
      classes: [{ className: 'Lớp Trung cấp LLCT khóa 12', sessions: 2, present: 2, certificate: { number: 'LLCT-0001', issuedOn: '2025-03-20' } }],
      hoursByYear: [{ year: 2025, hours: 7 }],
    });
  });

  it('issues a certificate only once', async () => {
    const again = await issue(people.an, 'LLCT-0009');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.id).toBe('TRAINING_CERTIFICATE_ALREADY_ISSUED');
    expect((await classDetail()).certificates.map((c) => c.number)).toEqual(['LLCT-0001']);
  });

  it('revoking a wrongly issued certificate removes the level it granted, audited', async () => {
    const certificate = (await classDetail()).certificates[0];
    const revoked = await province.inject({
      method: 'POST',
      url: `/api/training/certificates/${certificate?.id}/revoke`,
      payload: { reason: 'Cấp nhầm số hiệu' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revoked).toBe(true);
    expect(await politicalTheoryOn(people.an, '2025-12-31')).toBeNull();

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity', '=', 'training_certificate')
      .where('entity_id', '=', certificate?.id ?? '')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['training_certificate.issue', 'training_certificate.revoke']);
  });

  it('hides the class from officers of another province', async () => {
    const other = await t.asUser('province', units.otherProvince);
    const response = await other.inject({ method: 'GET', url: `/api/training/classes/${classId}` });
    expect(response.statusCode).toBe(404);
  });
});

describe('guidance visits, calendar, diversity and plan fulfilment', () => {
  it('logs a visit by district staff to a commune, listed by commune and by officer', async () => {
    const created = await province.inject({
      method: 'POST',
      url: '/api/training/visits',
      payload: {
        communeId: units.communeA,
        visitedOn: '2025-03-10',
        officerIds: [instructorId],
        cadreIds: [people.binh, people.an],
        fields: ['Quản lý đất đai'],
        solved: 'Hướng dẫn lập hồ sơ giao đất đúng trình tự',
        followUps: 'Kiểm tra lại sau một tháng',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      commune: { id: units.communeA },
      officers: [{ fullName: 'Hoàng Văn Giảng' }],
      cadres: [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Trần Thị Bình' }],
    });

    const notACommune = await province.inject({
      method: 'POST',
      url: '/api/training/visits',
      payload: { communeId: units.district, visitedOn: '2025-03-11', officerIds: [instructorId] },
    });
    expect(notACommune.statusCode).toBe(400);

    const byCommune = await province.inject({ method: 'GET', url: `/api/training/visits?unitId=${units.communeA}` });
    expect(byCommune.json().items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual(['2025-03-10']);
    const byOfficer = await province.inject({ method: 'GET', url: `/api/training/visits?officerId=${instructorId}` });
    expect(byOfficer.json().items).toHaveLength(1);
    const guidedCadre = await province.inject({ method: 'GET', url: `/api/training/visits?cadreId=${people.binh}` });
    expect(guidedCadre.json().items).toHaveLength(1);
    const notGuided = await province.inject({ method: 'GET', url: `/api/training/visits?cadreId=${people.cuong}` });
    expect(notGuided.json().items).toEqual([]);
    const elsewhere = await province.inject({ method: 'GET', url: `/api/training/visits?unitId=${units.communeB}` });
    expect(elsewhere.json().items).toEqual([]);
  });

  it('shows classes and visits on one calendar and counts them by form', async () => {
    const calendar = await province.inject({ method: 'GET', url: `/api/training/calendar?unitId=${units.district}&from=2025-03-01&to=2025-03-31` });
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(calendar.json().items.map((item: { kind: string; startDate: string }) => [item.kind, item.startDate])).toEqual([
      ['class', '2025-03-03'],
      ['visit', '2025-03-10'],
    ]);
    const april = await province.inject({ method: 'GET', url: `/api/training/calendar?unitId=${units.district}&from=2025-04-01&to=2025-04-30` });
    expect(april.json().items).toEqual([]);

    const diversity = await province.inject({ method: 'GET', url: `/api/training/diversity?unitId=${units.district}&year=2025` });
    expect(diversity.statusCode, diversity.body).toBe(200);
    const used = diversity.json().byForm.filter((row: { classes: number; visits: number }) => row.classes + row.visits > 0);
    expect(used).toEqual([
      { form: { code: 'formal_degree', label: 'Đào tạo cấp văn bằng' }, classes: 1, visits: 0, participants: 3 },
      { form: { code: 'field_guidance', label: 'Cán bộ huyện xuống hướng dẫn tại xã' }, classes: 0, visits: 1, participants: 2 },
    ]);
    expect(diversity.json().formsUsed).toBe(2);
  });

  it('reissues a revoked certificate once, and counts the approved plan as fulfilled', async () => {
    const reissued = await issue(people.an, 'LLCT-0001A');
    expect(reissued.statusCode, reissued.body).toBe(201);

    const post = await province.inject({
      method: 'POST',
      url: `/api/cadres/${people.an}/posts`,
      payload: { unitId: units.communeA, titleCode: 'chu_tich_ubnd', startDate: '2021-06-25' },
    });
    expect(post.statusCode, post.body).toBe(201);
    await province.inject({ method: 'POST', url: `/api/communes/${units.communeA}/area-classes`, payload: { flags: ['dong_bang'], validFrom: null } });
    const review = await province.inject({ method: 'POST', url: '/api/training-reviews', payload: { unitId: units.communeA, year: 2025, asOf: '2025-01-15' } });
    expect(review.statusCode, review.body).toBe(201);
    const reviewId = review.json().id as string;
    const proposals = review.json().proposals as { id: string; cadre: { id: string }; courseType: string; decision: string }[];
    if (!proposals.some((p) => p.cadre.id === people.an && p.courseType === 'trung_cap_llct')) {
      const added = await province.inject({
        method: 'POST',
        url: `/api/training-reviews/${reviewId}/proposals`,
        payload: { cadreId: people.an, courseType: 'trung_cap_llct', reason: 'Chủ tịch chưa có trung cấp' },
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    for (const proposal of proposals.filter((p) => p.decision === 'pending')) {
      const decided = await province.inject({
        method: 'PATCH',
        url: `/api/training-reviews/${reviewId}/proposals/${proposal.id}`,
        payload: { decision: 'accepted' },
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    expect((await province.inject({ method: 'POST', url: `/api/training-reviews/${reviewId}/submit` })).statusCode).toBe(200);
    expect((await province.inject({ method: 'POST', url: `/api/training-reviews/${reviewId}/approve` })).statusCode).toBe(200);

    const fulfilment = await province.inject({ method: 'GET', url: `/api/training/plan-fulfilment?unitId=${units.province}&year=2025` });
    expect(fulfilment.statusCode, fulfilment.body).toBe(200);
    expect(fulfilment.json().byCourseType.find((row: { courseType: string }) => row.courseType === 'trung_cap_llct')).toEqual({
      courseType: 'trung_cap_llct',
      courseName: 'Trung cấp lý luận chính trị',
      planned: 1,
      enrolled: 1,
      certified: 1,
    });
  });
});
