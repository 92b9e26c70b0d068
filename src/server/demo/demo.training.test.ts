import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { loadProvinceDemo } from './demo.loader.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const loaded = await loadProvinceDemo(t.db, { mode: 'first-start' });
  expect(loaded.status).toBe('loaded');
});

afterAll(async () => {
  await t.close();
});

async function one<T>(query: ReturnType<typeof sql<T>>): Promise<T> {
  return (await query.execute(t.db)).rows[0]!;
}

describe('training in the Bắc Giang demo', () => {
  it('has classes of 2020–2022 in every district, with sessions, attendance, scores and certificates', async () => {
    const classes = await one(sql<{ classes: number; years: number[]; districts: number; forms: string[] }>`
      select count(*)::int as classes,
        array_agg(distinct extract(year from c.start_date)::int order by extract(year from c.start_date)::int) as years,
        count(distinct c.unit_id) filter (where u.level = 'district')::int as districts,
        array_agg(distinct p.form::text order by p.form::text) as forms
      from training_class c join admin_unit u on u.id = c.unit_id join training_programme p on p.id = c.programme_id
    `);
    expect(classes.classes).toBeGreaterThanOrEqual(20);
    expect(classes.classes).toBeLessThanOrEqual(40);
    expect(classes.years).toEqual([2020, 2021, 2022]);
    expect(classes.districts).toBe(10);
    expect(classes.forms).toEqual(['briefing', 'formal_degree', 'online', 'short_course', 'study_tour']);

    const records = await one(sql<{ attendance: number; scores: number; certificates: number; course_qualifications: number }>`
      select (select count(*)::int from training_attendance) as attendance, (select count(*)::int from training_score) as scores,
        (select count(*)::int from training_certificate) as certificates,
        (select count(*)::int from cadre_qualification where source = 'course') as course_qualifications
    `);
    expect(records.attendance).toBeGreaterThan(1000);
    expect(records.scores).toBeGreaterThan(300);
    expect(records.certificates).toBeGreaterThan(200);
    // The demo's cadre figures stay the article's: no demo certificate grants a qualification.
    expect(records.course_qualifications).toBe(0);
  });

  it('gives no certificate to the learner who missed one session, though every score passed', async () => {
    const admin = await t.asUser('admin');
    const missed = await one(sql<{ class_id: string; cadre_id: string }>`
      select e.class_id, e.cadre_id from training_enrolment e
      where (select count(*) from training_attendance a where a.enrolment_id = e.id and a.status = 'absent') = 1
        and (select count(*) from training_attendance a where a.enrolment_id = e.id and a.status <> 'present') = 1
        and not exists (select 1 from training_score s where s.enrolment_id = e.id and s.score < 5)
        and not exists (select 1 from training_certificate ct where ct.enrolment_id = e.id)
      order by e.id limit 1
    `);
    expect(missed).toBeDefined();
    const detail = await admin.inject({ method: 'GET', url: `/api/training/classes/${missed.class_id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json() as { certificates: { cadreId: string }[]; enrolments: { cadreId: string; attendance: { status: string }[] }[] };
    expect(body.certificates.length).toBeGreaterThan(0);
    expect(body.certificates.map((c) => c.cadreId)).not.toContain(missed.cadre_id);
    expect(body.enrolments.find((e) => e.cadreId === missed.cadre_id)?.attendance.map((a) => a.status)).toContain('absent');
  });

  it('keeps about a hundred guidance visits by district officers, shown by commune and by officer', async () => {
    const visits = await one(sql<{ visits: number; communes: number; without_officer: number }>`
      select count(*)::int as visits, count(distinct commune_id)::int as communes,
        count(*) filter (where not exists (select 1 from guidance_visit_officer o where o.visit_id = v.id))::int as without_officer
      from guidance_visit v
    `);
    expect(visits.visits).toBe(100);
    expect(visits.communes).toBeGreaterThan(50);
    expect(visits.without_officer).toBe(0);

    const admin = await t.asUser('admin');
    const someVisit = await one(sql<{ commune_id: string; instructor_id: string }>`
      select v.commune_id, o.instructor_id from guidance_visit v join guidance_visit_officer o on o.visit_id = v.id order by v.id limit 1
    `);
    const byCommune = await admin.inject({ method: 'GET', url: `/api/training/visits?communeId=${someVisit.commune_id}` });
    expect(byCommune.statusCode, byCommune.body).toBe(200);
    expect(byCommune.json().items.length).toBeGreaterThan(0);
    const byOfficer = await admin.inject({ method: 'GET', url: `/api/training/visits?instructorId=${someVisit.instructor_id}` });
    expect(byOfficer.json().items.length).toBeGreaterThanOrEqual(5);
  });

  it('counts the classes and visits of 2021 by form for the province', async () => {
    const admin = await t.asUser('admin');
    const province = await one(sql<{ id: string }>`select id from admin_unit where level = 'province' and code = '24' order by id limit 1`);
    const diversity = await admin.inject({ method: 'GET', url: `/api/training/diversity?unitId=${province.id}&year=2021` });
    expect(diversity.statusCode, diversity.body).toBe(200);
    const independent = await one(sql<{ classes: number; visits: number }>`
      select (select count(*)::int from training_class where extract(year from start_date) = 2021) as classes,
        (select count(*)::int from guidance_visit where extract(year from visited_on) = 2021) as visits
    `);
    const rows = diversity.json().byForm as { classes: number; visits: number }[];
    expect(rows.reduce((sum, row) => sum + row.classes, 0)).toBe(independent.classes);
    expect(rows.reduce((sum, row) => sum + row.visits, 0)).toBe(independent.visits);
    expect(diversity.json().formsUsed).toBeGreaterThanOrEqual(4);
  });

  it('leaves the 2022 Trung cấp lý luận chính trị certificates to be issued, and issuing one adds the level from its date', async () => {
    const admin = await t.asUser('admin');
    const learner = await one(sql<{ class_id: string; cadre_id: string; end_date: string }>`
      select c.id as class_id, e.cadre_id, c.end_date::text as end_date
      from training_class c join training_programme p on p.id = c.programme_id join training_enrolment e on e.class_id = c.id
      where p.course_type = 'trung_cap_llct'
        and not exists (select 1 from training_attendance a where a.enrolment_id = e.id and a.status <> 'present')
        and not exists (select 1 from training_score s where s.enrolment_id = e.id and s.score < 5)
      order by c.start_date, e.id limit 1
    `);
    expect(learner.end_date.startsWith('2022-')).toBe(true);
    const before = await admin.inject({ method: 'GET', url: `/api/cadres/${learner.cadre_id}?asOf=2022-12-31` });
    expect(before.json().levels.politicalTheory?.code ?? null).not.toBe('trung_cap');
    const issued = await admin.inject({
      method: 'POST',
      url: `/api/training/classes/${learner.class_id}/certificates`,
      payload: { cadreId: learner.cadre_id, number: 'TC-2022-001', issuedOn: '2022-12-20' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const after = await admin.inject({ method: 'GET', url: `/api/cadres/${learner.cadre_id}?asOf=2022-12-31` });
    expect(after.json().levels.politicalTheory.code).toBe('trung_cap');
    const earlier = await admin.inject({ method: 'GET', url: `/api/cadres/${learner.cadre_id}?asOf=2022-12-19` });
    expect(earlier.json().levels.politicalTheory?.code ?? null).not.toBe('trung_cap');
  });
});
