import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { DEMO_PASSWORD } from './demo.accounts.js';
import { loadProvinceDemo } from './demo.loader.js';

let t: TestApp;
let district: SignedInClient;
let province: SignedInClient;
let langGiangId: string;

beforeAll(async () => {
  t = await createTestApp();
  const loaded = await loadProvinceDemo(t.db, { mode: 'first-start' });
  expect(loaded.status).toBe('loaded');
  district = await t.signIn('huyen.langgiang', DEMO_PASSWORD);
  province = await t.signIn('tinh.bacgiang', DEMO_PASSWORD);
  langGiangId = (await sql<{ id: string }>`select id from admin_unit where level = 'district' and code = '217' order by id limit 1`.execute(t.db)).rows[0]!.id;
});

afterAll(async () => {
  await t.close();
});

interface ReviewListItem {
  id: string;
  status: string;
  year: number;
  unit: { name: string };
}

interface ReviewDetail {
  id: string;
  status: string;
  asOf: string;
  proposals: { id: string; cadre: { id: string }; courseType: string; reason: string; decision: string; decisionReason: string | null }[];
}

/**
 * Independent of the review logic: people holding a key post in a commune of
 * Lạng Giang (plains: trung cấp required) on 01/01/2022 without a political
 * theory level of trung cấp or above by then, and not already in a Trung cấp
 * LLCT class running in 2022.
 */
async function llctGapPeople(): Promise<string[]> {
  const result = await sql<{ cadre_id: string }>`
    select distinct p.cadre_id
    from cadre_post p
    where p.is_key
      and p.unit_id in (select s.unit_id from unit_scope s join admin_unit u on u.id = s.unit_id where s.root_id = ${langGiangId} and u.level = 'commune')
      and p.start_date <= '2022-01-01' and (p.end_date is null or p.end_date >= '2022-01-01')
      and not exists (select 1 from cadre_qualification q where q.cadre_id = p.cadre_id and q.kind = 'political_theory'
        and q.level in ('trung_cap', 'cao_cap', 'cu_nhan') and (q.obtained_on is null or q.obtained_on <= '2022-01-01'))
      and not exists (select 1 from training_enrolment e join training_class k on k.id = e.class_id join training_programme g on g.id = k.programme_id
        where e.cadre_id = p.cadre_id and g.course_type = 'trung_cap_llct' and k.end_date >= '2022-01-01')
    order by p.cadre_id
  `.execute(t.db);
  return result.rows.map((row) => row.cadre_id);
}

async function approvedPlan(): Promise<ReviewDetail> {
  const list = await district.inject({ method: 'GET', url: `/api/training-reviews?year=2022&unitId=${langGiangId}` });
  expect(list.statusCode, list.body).toBe(200);
  const items = list.json().items as ReviewListItem[];
  expect(items.map((item) => [item.unit.name, item.status])).toEqual([['Huyện Lạng Giang', 'approved']]);
  const detail = await district.inject({ method: 'GET', url: `/api/training-reviews/${items[0]!.id}` });
  expect(detail.statusCode, detail.body).toBe(200);
  return detail.json() as ReviewDetail;
}

describe('the approved 2022 training plan in the Bắc Giang demo', () => {
  it('gives Huyện Lạng Giang an approved plan as of 01/01/2022 that proposes Trung cấp LLCT to exactly the people short of it', async () => {
    const plan = await approvedPlan();
    expect(plan.asOf).toBe('2022-01-01');
    const gapPeople = await llctGapPeople();
    expect(gapPeople.length).toBeGreaterThan(0);
    const llct = plan.proposals.filter((p) => p.courseType === 'trung_cap_llct');
    expect(llct.every((p) => p.reason === 'gap' && p.decision === 'accepted')).toBe(true);
    expect(llct.map((p) => p.cadre.id).sort()).toEqual([...gapPeople].sort());
  });

  it('accepts most proposals and records why the two deferred people are left out', async () => {
    const plan = await approvedPlan();
    const rejected = plan.proposals.filter((p) => p.decision === 'rejected');
    expect(rejected).toHaveLength(2);
    expect(rejected.every((p) => (p.decisionReason ?? '').startsWith('Đồng chí'))).toBe(true);
    expect(plan.proposals.filter((p) => p.decision === 'accepted').length).toBe(plan.proposals.length - 2);
    expect(new Set(plan.proposals.map((p) => p.reason))).toEqual(new Set(['gap', 'focus_field']));
  });

  it('leaves Huyện Yên Dũng submitted for the province to approve, and records the steps under the demo accounts', async () => {
    const list = await province.inject({ method: 'GET', url: '/api/training-reviews?year=2022' });
    expect(list.statusCode, list.body).toBe(200);
    const statuses = (list.json().items as ReviewListItem[]).map((item) => [item.unit.name, item.status]).sort();
    expect(statuses).toEqual([
      ['Huyện Lạng Giang', 'approved'],
      ['Huyện Yên Dũng', 'submitted'],
    ]);
    const audit = await sql<{ action: string; username: string }>`
      select distinct a.action, u.username from audit_log a join app_user u on u.id = a.user_id
      where a.entity in ('training_review', 'training_focus') order by a.action, u.username
    `.execute(t.db);
    expect(audit.rows.map((row) => `${row.action}:${row.username}`)).toEqual([
      'approve:tinh.bacgiang',
      'create:huyen.langgiang',
      'create:tinh.bacgiang',
      'decide:huyen.langgiang',
      'decide:tinh.bacgiang',
      'set_focus:tinh.bacgiang',
      'submit:huyen.langgiang',
      'submit:tinh.bacgiang',
    ]);
  });

  it("offers every planned Trung cấp LLCT learner to a new Lạng Giang class of 2022, and to the province's own 2022 classes they are not in", async () => {
    const programme = (await sql<{ id: string }>`select id from training_programme where course_type = 'trung_cap_llct' order by id limit 1`.execute(t.db))
      .rows[0]!;
    const created = await district.inject({
      method: 'POST',
      url: '/api/training/classes',
      payload: {
        programmeId: programme.id,
        unitId: langGiangId,
        name: 'Trung cấp lý luận chính trị - hành chính - Lạng Giang năm 2022',
        startDate: '2022-09-05',
        endDate: '2022-12-16',
        capacity: 80,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const candidates = await district.inject({ method: 'GET', url: `/api/training/classes/${created.json().id}/plan-candidates` });
    expect(candidates.statusCode, candidates.body).toBe(200);
    const items = candidates.json().items as { cadreId: string; unitName: string }[];
    expect(items.map((item) => item.cadreId).sort()).toEqual((await llctGapPeople()).sort());
    expect(items.every((item) => item.unitName.length > 0)).toBe(true);

    const provincial = (
      await sql<{ id: string }>`
        select k.id from training_class k join training_programme g on g.id = k.programme_id
        where g.course_type = 'trung_cap_llct' and k.start_date >= '2022-01-01' and k.id <> ${created.json().id} order by k.start_date, k.id
      `.execute(t.db)
    ).rows;
    expect(provincial).toHaveLength(2);
    for (const klass of provincial) {
      const offered = await province.inject({ method: 'GET', url: `/api/training/classes/${klass.id}/plan-candidates` });
      expect(offered.statusCode, offered.body).toBe(200);
      expect((offered.json().items as { cadreId: string }[]).map((item) => item.cadreId).sort()).toEqual(items.map((item) => item.cadreId).sort());
    }
  });
});
