import { sql } from 'kysely';
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
  name: string;
  capacity: number;
  venue: string | null;
  sessions: { id: string; date: string; startTime: string; endTime: string; topic: string | null; instructors: { fullName: string }[] }[];
  tests: { id: string; name: string; heldOn: string | null }[];
  enrolments: {
    cadreId: string;
    fullName: string;
    planProposalId: string | null;
    attendance: { status: string | null }[];
    scores: { score: number | null }[];
  }[];
  certificates: { id: string; cadreId: string; number: string; revoked: boolean }[];
}

const createPerson = (fullName: string, unitId = units.communeA) => enterPerson(province, { fullName, unitId });

async function detail(id = classId): Promise<ClassDetail> {
  const response = await province.inject({ method: 'GET', url: `/api/training/classes/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ClassDetail;
}

async function openClass(name: string, dates: { start: string; end: string }, sessions: unknown[] = [], tests: unknown[] = []): Promise<string> {
  const created = await province.inject({
    method: 'POST',
    url: '/api/training/classes',
    payload: { programmeId, unitId: units.district, name, startDate: dates.start, endDate: dates.end, venue: 'Hội trường huyện', capacity: 5, sessions, tests },
  });
  expect(created.statusCode, created.body).toBe(201);
  return (created.json() as { id: string }).id;
}

function attendance(sessionId: string, records: { cadreId: string; status: string }[]) {
  return province.inject({ method: 'PUT', url: `/api/training/classes/${classId}/sessions/${sessionId}/attendance`, payload: { records } });
}

function scores(testId: string, rows: { cadreId: string; score: number }[]) {
  return province.inject({ method: 'PUT', url: `/api/training/classes/${classId}/tests/${testId}/scores`, payload: { scores: rows } });
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
  people.an = await createPerson('Nguyễn Văn An');
  people.binh = await createPerson('Trần Thị Bình');
  people.cuong = await createPerson('Lê Văn Cường');
  people.dung = await createPerson('Phạm Văn Dũng', units.communeB);
  const programme = await province.inject({
    method: 'POST',
    url: '/api/training/programmes',
    payload: {
      owningUnitId: units.province,
      name: 'Trung cấp lý luận chính trị - hành chính',
      form: 'formal_degree',
      organiser: 'Trường Chính trị tỉnh',
      outcome: 'qualification',
      grants: { scale: 'political_theory', level: 'trung_cap' },
      courseType: 'trung_cap_llct',
    },
  });
  expect(programme.statusCode, programme.body).toBe(201);
  programmeId = programme.json().id;
  const instructor = await province.inject({
    method: 'POST',
    url: '/api/training/instructors',
    payload: { owningUnitId: units.province, fullName: 'Hoàng Văn Giảng' },
  });
  instructorId = instructor.json().id;
  classId = await openClass(
    'Lớp Trung cấp LLCT khóa 20',
    { start: '2025-05-05', end: '2025-05-09' },
    [
      { date: '2025-05-05', startTime: '07:30', endTime: '11:00', topic: 'Triết học', instructorIds: [instructorId] },
      { date: '2025-05-06', startTime: '07:30', endTime: '11:00', topic: 'Kinh tế chính trị', instructorIds: [instructorId] },
    ],
    [{ name: 'Thi cuối khóa', heldOn: '2025-05-09' }],
  );
});

afterAll(async () => {
  await t.close();
});

describe('changing a class', () => {
  it('edits the class and refuses dates that would leave a session outside, or a capacity below the enrolled', async () => {
    const enrolled = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/enrolments`,
      payload: { people: [{ cadreId: people.an }, { cadreId: people.binh }] },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);

    const edited = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}`,
      payload: { name: 'Lớp Trung cấp LLCT khóa 20 (huyện)', startDate: '2025-05-05', endDate: '2025-05-10', venue: 'Trung tâm Chính trị huyện', capacity: 4 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Lớp Trung cấp LLCT khóa 20 (huyện)', endDate: '2025-05-10', venue: 'Trung tâm Chính trị huyện', capacity: 4 });

    const shortened = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}`,
      payload: { name: 'Lớp Trung cấp LLCT khóa 20', startDate: '2025-05-06', endDate: '2025-05-10', capacity: 4 },
    });
    expect(shortened.statusCode).toBe(400);
    expect(shortened.json().error.details.fields[0].message).toBe(
      'Lớp đã có buổi học ngày 05/05/2025 từ 07:30 đến 11:00, nằm ngoài thời gian mới của lớp; hãy chuyển hoặc xóa buổi học đó trước',
    );

    const tooSmall = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}`,
      payload: { name: 'Lớp Trung cấp LLCT khóa 20', startDate: '2025-05-05', endDate: '2025-05-10', capacity: 1 },
    });
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json().error.details.fields[0].message).toBe('Lớp đã có 2 học viên, không thể giảm số học viên tối đa xuống 1');
    expect((await detail()).name).toBe('Lớp Trung cấp LLCT khóa 20 (huyện)');
  });

  it('moves a session, refusing a time when its instructor teaches another class', async () => {
    const other = await openClass('Lớp bồi dưỡng khác', { start: '2025-05-07', end: '2025-05-07' }, [
      { date: '2025-05-07', startTime: '13:30', endTime: '16:30', topic: 'Chuyên đề', instructorIds: [instructorId] },
    ]);
    const second = (await detail()).sessions[1];
    const clash = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}/sessions/${second?.id}`,
      payload: { date: '2025-05-07', startTime: '14:00', endTime: '17:00', topic: 'Kinh tế chính trị', instructorIds: [instructorId] },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ id: 'TRAINING_INSTRUCTOR_OVERLAP' });
    expect(clash.json().error.message).toContain('Giảng viên Hoàng Văn Giảng đã có buổi giảng ở lớp "Lớp bồi dưỡng khác" ngày 07/05/2025 từ 13:30 đến 16:30');
    expect((await detail()).sessions[1]).toMatchObject({ date: '2025-05-06', startTime: '07:30' });

    // Moving a session within its own time is not a clash with itself.
    const moved = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}/sessions/${second?.id}`,
      payload: { date: '2025-05-06', startTime: '08:00', endTime: '11:30', topic: 'Kinh tế chính trị Mác - Lênin', instructorIds: [instructorId] },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().sessions[1]).toMatchObject({
      date: '2025-05-06',
      startTime: '08:00',
      endTime: '11:30',
      topic: 'Kinh tế chính trị Mác - Lênin',
      instructors: [{ fullName: 'Hoàng Văn Giảng' }],
    });

    const outside = await province.inject({
      method: 'PUT',
      url: `/api/training/classes/${classId}/sessions/${second?.id}`,
      payload: { date: '2025-06-01', startTime: '08:00', endTime: '11:30' },
    });
    expect(outside.statusCode).toBe(400);

    const removable = await province.inject({ method: 'DELETE', url: `/api/training/classes/${other}` });
    expect(removable.statusCode, removable.body).toBe(204);
    expect((await province.inject({ method: 'GET', url: `/api/training/classes/${other}` })).statusCode).toBe(404);
  });

  it('adds and removes tests and sessions, refusing to remove what has records', async () => {
    const added = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/tests`,
      payload: { name: 'Kiểm tra giữa khóa', heldOn: '2025-05-07' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().tests.map((test: { name: string }) => test.name)).toEqual(['Kiểm tra giữa khóa', 'Thi cuối khóa']);
    const midterm = added.json().tests[0].id as string;

    const scored = await scores(midterm, [{ cadreId: people.an, score: 7 }]);
    expect(scored.statusCode, scored.body).toBe(200);
    const refused = await province.inject({ method: 'DELETE', url: `/api/training/classes/${classId}/tests/${midterm}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      id: 'TRAINING_TEST_HAS_SCORES',
      message: 'Bài kiểm tra "Kiểm tra giữa khóa" của lớp "Lớp Trung cấp LLCT khóa 20 (huyện)" đã có điểm của 1 học viên; không thể xóa',
    });

    const extra = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/sessions`,
      payload: { sessions: [{ date: '2025-05-08', startTime: '07:30', endTime: '09:00', topic: 'Ôn tập' }] },
    });
    expect(extra.statusCode, extra.body).toBe(200);
    const review = (extra.json() as ClassDetail).sessions.find((session) => session.topic === 'Ôn tập');
    const deleted = await province.inject({ method: 'DELETE', url: `/api/training/classes/${classId}/sessions/${review?.id}` });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((deleted.json() as ClassDetail).sessions).toHaveLength(2);

    const first = (await detail()).sessions[0];
    expect((await attendance(first?.id ?? '', [{ cadreId: people.an, status: 'present' }])).statusCode).toBe(200);
    const marked = await province.inject({ method: 'DELETE', url: `/api/training/classes/${classId}/sessions/${first?.id}` });
    expect(marked.statusCode).toBe(409);
    expect(marked.json().error).toMatchObject({
      id: 'TRAINING_SESSION_HAS_ATTENDANCE',
      message: 'Buổi học ngày 05/05/2025 từ 07:30 đến 11:00 của lớp "Lớp Trung cấp LLCT khóa 20 (huyện)" đã được điểm danh (1 học viên); không thể xóa',
    });
    expect((await detail()).sessions).toHaveLength(2);

    const withRecords = await province.inject({ method: 'DELETE', url: `/api/training/classes/${classId}` });
    expect(withRecords.statusCode).toBe(409);
    expect(withRecords.json().error).toMatchObject({
      id: 'TRAINING_CLASS_HAS_RECORDS',
      message: 'Lớp "Lớp Trung cấp LLCT khóa 20 (huyện)" đã có 1 lượt điểm danh, 1 điểm kiểm tra; không thể xóa lớp',
    });
  });
});

describe('certificates stay consistent with attendance and scores', () => {
  it('refuses a change that would leave a certificate holder short of Circular 01/2018, until it is revoked', async () => {
    const class0 = await detail();
    const [first, second] = class0.sessions;
    for (const session of [first, second]) {
      const response = await attendance(session?.id ?? '', [
        { cadreId: people.an, status: 'present' },
        { cadreId: people.binh, status: 'present' },
      ]);
      expect(response.statusCode, response.body).toBe(200);
    }
    for (const test of class0.tests) {
      const response = await scores(test.id, [
        { cadreId: people.an, score: 8 },
        { cadreId: people.binh, score: 6 },
      ]);
      expect(response.statusCode, response.body).toBe(200);
    }
    const issued = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/certificates`,
      payload: { cadreId: people.an, number: 'TC-20-001', issuedOn: '2025-05-20' },
    });
    expect(issued.statusCode, issued.body).toBe(201);

    const absent = await attendance(second?.id ?? '', [
      { cadreId: people.an, status: 'absent' },
      { cadreId: people.binh, status: 'present' },
    ]);
    expect(absent.statusCode).toBe(409);
    expect(absent.json().error.id).toBe('TRAINING_CERTIFICATE_IN_FORCE');
    expect(absent.json().error.message).toBe(
      'Không thể sửa điểm danh buổi ngày 06/05/2025 từ 08:00 đến 11:30: Nguyễn Văn An đã được cấp chứng chỉ số TC-20-001 ngày 20/05/2025 của lớp "Lớp Trung cấp LLCT khóa 20 (huyện)" và sẽ không còn đủ điều kiện (vắng mặt buổi ngày 06/05/2025 từ 08:00 đến 11:30 (Kinh tế chính trị Mác - Lênin)). Hãy thu hồi chứng chỉ trước.',
    );
    const low = await scores(class0.tests[1]?.id ?? '', [
      { cadreId: people.an, score: 4.5 },
      { cadreId: people.binh, score: 6 },
    ]);
    expect(low.statusCode).toBe(409);
    expect(low.json().error.message).toContain('điểm "Thi cuối khóa" là 4.5/10, dưới 5/10');
    const stillOk = await scores(class0.tests[1]?.id ?? '', [
      { cadreId: people.an, score: 9 },
      { cadreId: people.binh, score: 6 },
    ]);
    expect(stillOk.statusCode, stillOk.body).toBe(200);
    const newTest = await province.inject({ method: 'POST', url: `/api/training/classes/${classId}/tests`, payload: { name: 'Bài thu hoạch' } });
    expect(newTest.statusCode).toBe(409);

    const an = (await detail()).enrolments.find((row) => row.cadreId === people.an);
    expect(an?.attendance.map((row) => row.status)).toEqual(['present', 'present']);
    expect(an?.scores.map((row) => row.score)).toEqual([8, 9]);
    expect((await detail()).tests).toHaveLength(2);
  });

  it('unenrols a person with their records, but not one holding a certificate', async () => {
    const refused = await province.inject({ method: 'DELETE', url: `/api/training/classes/${classId}/enrolments/${people.an}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      'Nguyễn Văn An đã được cấp chứng chỉ số TC-20-001 ngày 20/05/2025 của lớp "Lớp Trung cấp LLCT khóa 20 (huyện)"; hãy thu hồi chứng chỉ trước khi xóa khỏi danh sách học viên',
    );
    const removed = await province.inject({ method: 'DELETE', url: `/api/training/classes/${classId}/enrolments/${people.binh}` });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as ClassDetail).enrolments.map((row) => row.fullName)).toEqual(['Nguyễn Văn An']);
    const left = await t.db
      .selectFrom('training_attendance as a')
      .innerJoin('training_enrolment as e', 'e.id', 'a.enrolment_id')
      .select('a.status')
      .where('e.cadre_id', '=', people.binh)
      .execute();
    expect(left).toEqual([]);
    const again = await province.inject({ method: 'DELETE', url: `/api/training/classes/${classId}/enrolments/${people.binh}` });
    expect(again.statusCode).toBe(404);
  });
});

describe('enrolling from the approved plan', () => {
  let proposalOfAn: string;
  let proposalOfCuong: string;

  it('lists the accepted places of the approved plan for the class course type, not yet enrolled', async () => {
    const planClass = await openClass('Lớp Trung cấp LLCT khóa 21', { start: '2025-09-01', end: '2025-09-30' });
    classId = planClass;
    const empty = await province.inject({ method: 'GET', url: `/api/training/classes/${classId}/plan-candidates` });
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ items: [] });

    for (const cadreId of [people.an, people.cuong]) {
      const post = await province.inject({
        method: 'POST',
        url: `/api/cadres/${cadreId}/posts`,
        payload: { unitId: units.communeA, titleCode: cadreId === people.an ? 'chu_tich_ubnd' : 'pho_chu_tich_ubnd', startDate: '2021-06-25' },
      });
      expect(post.statusCode, post.body).toBe(201);
    }
    const review = await province.inject({ method: 'POST', url: '/api/training-reviews', payload: { unitId: units.communeA, year: 2025, asOf: '2025-01-15' } });
    expect(review.statusCode, review.body).toBe(201);
    const reviewId = review.json().id as string;
    let proposals = review.json().proposals as { id: string; cadre: { id: string }; courseType: string; decision: string }[];
    for (const cadreId of [people.an, people.cuong]) {
      if (!proposals.some((p) => p.cadre.id === cadreId && p.courseType === 'trung_cap_llct')) {
        const added = await province.inject({
          method: 'POST',
          url: `/api/training-reviews/${reviewId}/proposals`,
          payload: { cadreId, courseType: 'trung_cap_llct', reason: 'Chưa có trung cấp lý luận chính trị' },
        });
        expect(added.statusCode, added.body).toBe(201);
      }
    }
    proposals = (await province.inject({ method: 'GET', url: `/api/training-reviews/${reviewId}` })).json().proposals;
    for (const proposal of proposals.filter((p) => p.decision === 'pending')) {
      const decided = await province.inject({
        method: 'PATCH',
        url: `/api/training-reviews/${reviewId}/proposals/${proposal.id}`,
        payload: { decision: 'accepted' },
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    proposalOfAn = proposals.find((p) => p.cadre.id === people.an && p.courseType === 'trung_cap_llct')?.id ?? '';
    proposalOfCuong = proposals.find((p) => p.cadre.id === people.cuong && p.courseType === 'trung_cap_llct')?.id ?? '';

    // Not approved yet: nobody is a candidate.
    expect((await province.inject({ method: 'GET', url: `/api/training/classes/${classId}/plan-candidates` })).json().items).toEqual([]);
    expect((await province.inject({ method: 'POST', url: `/api/training-reviews/${reviewId}/submit` })).statusCode).toBe(200);
    expect((await province.inject({ method: 'POST', url: `/api/training-reviews/${reviewId}/approve` })).statusCode).toBe(200);

    const candidates = await province.inject({ method: 'GET', url: `/api/training/classes/${classId}/plan-candidates` });
    expect(candidates.statusCode, candidates.body).toBe(200);
    expect(candidates.json().items.map((row: { fullName: string; unitName: string; proposalId: string }) => [row.fullName, row.proposalId])).toEqual([
      ['Nguyễn Văn An', proposalOfAn],
      ['Lê Văn Cường', proposalOfCuong],
    ]);
    expect(candidates.json().items[0]).toMatchObject({
      cadreId: people.an,
      titleName: expect.any(String),
      reason: expect.any(String),
      unitName: expect.any(String),
    });
  });

  it('checks that an enrolment from the plan uses the person own accepted place, then drops them from the candidates', async () => {
    const swapped = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/enrolments`,
      payload: { people: [{ cadreId: people.an, planProposalId: proposalOfCuong }] },
    });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().error.details.fields[0]).toEqual({
      path: 'people.0.planProposalId',
      message: 'Đề xuất trong kế hoạch được ghi cho Nguyễn Văn An là của người khác',
    });
    expect((await detail()).enrolments).toEqual([]);

    const enrolled = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/enrolments`,
      payload: { people: [{ cadreId: people.an, planProposalId: proposalOfAn }] },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    expect((enrolled.json() as ClassDetail).enrolments).toMatchObject([{ cadreId: people.an, planProposalId: proposalOfAn }]);
    const candidates = await province.inject({ method: 'GET', url: `/api/training/classes/${classId}/plan-candidates` });
    expect(candidates.json().items.map((row: { fullName: string }) => row.fullName)).toEqual(['Lê Văn Cường']);
  });

  it("marks in the review's proposals who is already enrolled in or certified by a class of that course type", async () => {
    const reviewOf = async () => {
      const list = await province.inject({ method: 'GET', url: `/api/training-reviews?unitId=${units.communeA}&year=2025` });
      expect(list.statusCode, list.body).toBe(200);
      const reviewId = (list.json().items as { id: string }[])[0]?.id;
      const review = await province.inject({ method: 'GET', url: `/api/training-reviews/${reviewId}` });
      expect(review.statusCode, review.body).toBe(200);
      return review.json().proposals as { id: string; training: unknown }[];
    };
    const before = await reviewOf();
    // Nguyễn Văn An holds the certificate of khóa 20 (same course type), so that is what the review shows.
    expect(before.find((p) => p.id === proposalOfAn)?.training).toEqual({
      status: 'certified',
      classId: expect.any(String),
      className: 'Lớp Trung cấp LLCT khóa 20 (huyện)',
    });
    expect(before.find((p) => p.id === proposalOfCuong)?.training).toBeNull();

    const enrolled = await province.inject({
      method: 'POST',
      url: `/api/training/classes/${classId}/enrolments`,
      payload: { people: [{ cadreId: people.cuong, planProposalId: proposalOfCuong }] },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    const after = await reviewOf();
    expect(after.find((p) => p.id === proposalOfCuong)?.training).toEqual({ status: 'enrolled', classId, className: 'Lớp Trung cấp LLCT khóa 21' });
  });

  it('reports plan fulfilment by course type, field and form, matching an independent count', async () => {
    const response = await province.inject({ method: 'GET', url: `/api/training/plan-fulfilment?unitId=${units.district}&year=2025` });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.byCourseType.find((row: { courseType: string }) => row.courseType === 'trung_cap_llct')).toEqual({
      courseType: 'trung_cap_llct',
      courseName: 'Trung cấp lý luận chính trị',
      planned: 2,
      enrolled: 2,
      certified: 1,
    });
    expect(view.byForm).toEqual([{ form: { code: 'formal_degree', label: 'Đào tạo cấp văn bằng' }, enrolled: 2, certified: 1 }]);
    expect(view.byField.find((row: { field: string }) => row.field === 'ly_luan_chinh_tri')).toMatchObject({ planned: 2, enrolled: 2, certified: 1 });

    // Counted again from the tables: accepted places of the approved plan, and who among them holds a class or certificate.
    const independent = (
      await sql<{ planned: number; enrolled: number }>`
        select count(*)::int as planned,
          count(*) filter (where exists (
            select 1 from training_enrolment e join training_class c on c.id = e.class_id join training_programme g on g.id = c.programme_id
            where e.cadre_id = p.cadre_id and g.course_type = p.course_type and extract(year from c.start_date) = 2025))::int as enrolled
        from training_proposal p join training_review r on r.id = p.review_id
        where r.status = 'approved' and r.year = 2025 and p.decision = 'accepted'
      `.execute(t.db)
    ).rows[0]!;
    expect(view.total.planned).toBe(Number(independent.planned));
    expect(view.total.enrolled).toBe(Number(independent.enrolled));
    expect(view.byField.reduce((sum: number, row: { planned: number }) => sum + row.planned, 0)).toBe(view.total.planned);
  });
});

describe('guidance visits: edit, delete, and the commune and officer pages', () => {
  it('edits and deletes a visit, and filters by communeId and instructorId', async () => {
    const created = await province.inject({
      method: 'POST',
      url: '/api/training/visits',
      payload: {
        communeId: units.communeA,
        visitedOn: '2025-04-02',
        officerIds: [instructorId],
        cadreIds: [people.an],
        fields: ['Tư pháp'],
        solved: 'Hướng dẫn chứng thực',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const visitId = created.json().id as string;

    const edited = await province.inject({
      method: 'PUT',
      url: `/api/training/visits/${visitId}`,
      payload: {
        communeId: units.communeB,
        visitedOn: '2025-04-03',
        officerIds: [instructorId],
        cadreIds: [people.dung],
        fields: ['Tư pháp', 'Hộ tịch'],
        solved: 'Hướng dẫn đăng ký khai sinh',
        followUps: 'Kiểm tra lại sổ hộ tịch',
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      commune: { id: units.communeB },
      visitedOn: '2025-04-03',
      cadres: [{ fullName: 'Phạm Văn Dũng' }],
      fields: ['Tư pháp', 'Hộ tịch'],
      followUps: 'Kiểm tra lại sổ hộ tịch',
    });

    const onCommuneB = await province.inject({ method: 'GET', url: `/api/training/visits?communeId=${units.communeB}` });
    expect(onCommuneB.json().items.map((v: { id: string }) => v.id)).toEqual([visitId]);
    expect((await province.inject({ method: 'GET', url: `/api/training/visits?communeId=${units.communeA}` })).json().items).toEqual([]);
    const byOfficer = await province.inject({ method: 'GET', url: `/api/training/visits?instructorId=${instructorId}` });
    expect(byOfficer.json().items.map((v: { id: string }) => v.id)).toEqual([visitId]);

    const otherProvince = await t.asUser('province', units.otherProvince);
    expect((await otherProvince.inject({ method: 'DELETE', url: `/api/training/visits/${visitId}` })).statusCode).toBe(404);

    const deleted = await province.inject({ method: 'DELETE', url: `/api/training/visits/${visitId}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await province.inject({ method: 'GET', url: `/api/training/visits?instructorId=${instructorId}` })).json().items).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'guidance_visit')
      .where('entity_id', '=', visitId)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['guidance_visit.create', 'guidance_visit.update', 'guidance_visit.delete']);
  });
});
