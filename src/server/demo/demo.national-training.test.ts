import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, type SignedInClient, type TestApp, type TestDatabase } from '../../../test/helpers.js';
import type { Db } from '../db/database.js';
import { seedNationalDemo, type NationalSeedResult } from './demo.loader.js';
import { NATIONAL_DEMO } from './national-demo.js';

const SCALE = 0.02;
const databases: TestDatabase[] = [];
let t: TestApp;
let db: Db;
let seeded: NationalSeedResult;
let admin: SignedInClient;

beforeAll(async () => {
  t = await createTestApp();
  db = t.db;
  // An administrator first: the seed's petitions, problems and party cells are keyed in by one.
  admin = await t.asUser('admin');
  seeded = await seedNationalDemo(db, { scale: SCALE });
}, 300_000);

afterAll(async () => {
  await t.close();
  for (const database of databases) await database.drop();
});

interface ProvinceTraining {
  code: string;
  communes: number;
  programmes: number;
  classes: number;
  enrolled: number;
  enrolled_elsewhere: number;
  certificates: number;
  visits: number;
  visits_elsewhere: number;
  visits_by_others: number;
}

/** Per province of the seeded communes: its catalogue, classes, learners and visits, and any that cross its border. */
async function trainingByProvince(database: Db): Promise<ProvinceTraining[]> {
  const result = await sql<ProvinceTraining>`
    with commune_province as (
      select v.unit_id as commune_id, v.parent_id as province_id from admin_unit_version v join admin_unit u on u.id = v.unit_id
      where u.level = 'commune' and v.valid_from <= ${NATIONAL_DEMO.asOf}::date and (v.valid_to is null or v.valid_to >= ${NATIONAL_DEMO.asOf}::date)
    ),
    seeded as (select distinct cp.province_id, p.unit_id as commune_id from cadre_post p join commune_province cp on cp.commune_id = p.unit_id)
    select pr.code, count(distinct s.commune_id)::int as communes,
      (select count(*)::int from training_programme tp where tp.owning_unit_id = pr.id) as programmes,
      (select count(*)::int from training_class c where c.unit_id = pr.id) as classes,
      (select count(distinct e.cadre_id)::int from training_enrolment e join training_class c on c.id = e.class_id where c.unit_id = pr.id) as enrolled,
      (select count(*)::int from training_enrolment e join training_class c on c.id = e.class_id
        where c.unit_id = pr.id and not exists (
          select 1 from cadre_post p join commune_province cp on cp.commune_id = p.unit_id where p.cadre_id = e.cadre_id and cp.province_id = pr.id)) as enrolled_elsewhere,
      (select count(*)::int from training_certificate ct join training_enrolment e on e.id = ct.enrolment_id join training_class c on c.id = e.class_id where c.unit_id = pr.id) as certificates,
      (select count(*)::int from guidance_visit gv join commune_province cp on cp.commune_id = gv.commune_id where cp.province_id = pr.id) as visits,
      (select count(*)::int from guidance_visit gv join training_programme tp on tp.id = gv.programme_id join commune_province cp on cp.commune_id = gv.commune_id
        where tp.owning_unit_id = pr.id and cp.province_id <> pr.id) as visits_elsewhere,
      (select count(*)::int from guidance_visit gv join commune_province cp on cp.commune_id = gv.commune_id join guidance_visit_officer o on o.visit_id = gv.id
        join training_instructor i on i.id = o.instructor_id where cp.province_id = pr.id and i.owning_unit_id <> pr.id) as visits_by_others
    from seeded s join admin_unit pr on pr.id = s.province_id
    group by pr.id, pr.code order by pr.code
  `.execute(database);
  return result.rows;
}

describe('đào tạo trong dữ liệu minh họa toàn quốc (quy mô nhỏ)', () => {
  it('gives every seeded province its catalogue, classes of its own cadres, certificates and visits to its communes', async () => {
    const provinces = await trainingByProvince(db);
    expect(provinces.length).toBeGreaterThanOrEqual(20);
    for (const province of provinces) {
      expect(province.programmes, province.code).toBe(11);
      expect(province.classes, province.code).toBeGreaterThanOrEqual(1);
      expect(province.enrolled, province.code).toBeGreaterThan(0);
      expect(province.enrolled_elsewhere, province.code).toBe(0);
      expect(province.visits, province.code).toBeGreaterThanOrEqual(1);
      expect(province.visits_elsewhere, province.code).toBe(0);
      expect(province.visits_by_others, province.code).toBe(0);
    }
    expect(provinces.reduce((sum, province) => sum + province.certificates, 0)).toBeGreaterThan(0);
    expect(seeded.training.classes).toBe(provinces.reduce((sum, province) => sum + province.classes, 0));
    expect(seeded.training.visits).toBe(provinces.reduce((sum, province) => sum + province.visits, 0));

    const years = await sql<{ first: string; last: string; district_classes: number }>`
      select min(c.start_date)::text as first, max(c.end_date)::text as last,
        count(*) filter (where u.level <> 'province')::int as district_classes
      from training_class c join admin_unit u on u.id = c.unit_id
    `.execute(db);
    expect(years.rows[0]!.first >= '2025-07-01').toBe(true);
    expect(years.rows[0]!.last <= '2026-12-31').toBe(true);
    expect(years.rows[0]!.district_classes).toBe(0);

    const visits = await sql<{ visits: number; without_officer: number; without_field: number }>`
      select count(*)::int as visits,
        count(*) filter (where not exists (select 1 from guidance_visit_officer o where o.visit_id = v.id))::int as without_officer,
        count(*) filter (where coalesce(array_length(v.fields, 1), 0) = 0)::int as without_field
      from guidance_visit v
    `.execute(db);
    expect(visits.rows[0]).toEqual({ visits: seeded.training.visits, without_officer: 0, without_field: 0 });
  });

  it('shows a class held in a commune with its learners and certificates, and the visits to that commune', async () => {
    const admin = await t.asUser('admin');
    const held = await sql<{ class_id: string; commune_id: string; venue: string }>`
      select c.id as class_id, c.venue_unit_id as commune_id, c.venue from training_class c join training_programme p on p.id = c.programme_id
      where c.venue_unit_id is not null and p.outcome = 'certificate'
        and exists (select 1 from training_certificate ct join training_enrolment e on e.id = ct.enrolment_id where e.class_id = c.id)
      order by c.id limit 1
    `.execute(db);
    const klass = held.rows[0]!;
    expect(klass.venue).toMatch(/^Hội trường Ủy ban nhân dân (xã|phường|đặc khu) /u);
    const detail = await admin.inject({ method: 'GET', url: `/api/training/classes/${klass.class_id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json() as { name: string; enrolments: { cadreId: string }[]; certificates: { cadreId: string }[] };
    expect(body.name).toContain(' - cụm ');
    expect(body.enrolments.length).toBeGreaterThan(0);
    expect(body.certificates.length).toBeGreaterThan(0);
    for (const certificate of body.certificates) expect(body.enrolments.map((e) => e.cadreId)).toContain(certificate.cadreId);

    const visited = await sql<{ commune_id: string; visits: number }>`
      select commune_id, count(*)::int as visits from guidance_visit group by commune_id order by count(*) desc, commune_id limit 1
    `.execute(db);
    const byCommune = await admin.inject({ method: 'GET', url: `/api/training/visits?communeId=${visited.rows[0]!.commune_id}` });
    expect(byCommune.statusCode, byCommune.body).toBe(200);
    expect((byCommune.json() as { items: unknown[] }).items).toHaveLength(visited.rows[0]!.visits);
  });

  it('certifies only those who attended every session and scored at least 5 on every test, and moves no figure as of 31/12/2025', async () => {
    const rules = await sql<{ certificates: number; missed_session: number; failed_test: number; early_qualifications: number; qualifications: number }>`
      select count(*)::int as certificates,
        count(*) filter (where exists (
          select 1 from training_session s where s.class_id = e.class_id and not exists (
            select 1 from training_attendance a where a.session_id = s.id and a.enrolment_id = e.id and a.status = 'present')))::int as missed_session,
        count(*) filter (where exists (
          select 1 from training_test tt where tt.class_id = e.class_id and not exists (
            select 1 from training_score sc where sc.test_id = tt.id and sc.enrolment_id = e.id and sc.score >= 5)))::int as failed_test,
        (select count(*)::int from cadre_qualification q where q.source = 'course' and q.obtained_on <= ${NATIONAL_DEMO.asOf}::date) as early_qualifications,
        (select count(*)::int from cadre_qualification q where q.source = 'course') as qualifications
      from training_certificate ct join training_enrolment e on e.id = ct.enrolment_id
    `.execute(db);
    expect(rules.rows[0]).toMatchObject({ missed_session: 0, failed_test: 0, early_qualifications: 0, qualifications: seeded.training.courseQualifications });
    expect(rules.rows[0]!.certificates).toBe(seeded.training.certificates);

    const absent = await sql<{ absent_without_certificate: number }>`
      select count(distinct e.id)::int as absent_without_certificate from training_enrolment e join training_attendance a on a.enrolment_id = e.id
      where a.status <> 'present' and not exists (select 1 from training_certificate ct where ct.enrolment_id = e.id)
    `.execute(db);
    expect(absent.rows[0]!.absent_without_certificate).toBeGreaterThan(0);
  });

  it('seeds the same training again from the same communes', async () => {
    const again = await createTestDatabase();
    databases.push(again);
    const second = await seedNationalDemo(again.db, { scale: SCALE });
    expect(second.training).toEqual(seeded.training);
    expect(await trainingByProvince(again.db)).toEqual(await trainingByProvince(db));
  }, 300_000);
});

describe('grassroots problems and party cells of the national seed', () => {
  it("reports the busiest province's rates and party-cell coverage as independent counts find them", async () => {
    expect(seeded.grassroots?.problems).toBeGreaterThan(0);
    expect(seeded.partyCells?.cells).toBeGreaterThan(0);
    const province = await db
      .selectFrom('grassroots_problem as g')
      .innerJoin('unit_scope as s', 's.unit_id', 'g.commune_id')
      .innerJoin('admin_unit as u', 'u.id', 's.root_id')
      .select(['s.root_id', sql<number>`count(*)::int`.as('n')])
      .where('u.level', '=', 'province')
      .where('g.year', '=', 2025)
      .groupBy('s.root_id')
      .orderBy(sql`count(*) desc`)
      .orderBy('s.root_id')
      .executeTakeFirstOrThrow();
    const rates = (await admin.inject({ method: 'GET', url: `/api/grassroots-problems/report?unitId=${province.root_id}&year=2025` })).json();
    const counted = await sql<{ registered: number; resolved: number }>`
      select count(*)::int as registered, (count(*) filter (where status = 'resolved'))::int as resolved
      from grassroots_problem where year = 2025 and commune_id in (select unit_id from unit_scope where root_id = ${province.root_id})`.execute(db);
    expect({ registered: rates.registered, resolved: rates.resolved }).toEqual(counted.rows[0]);
    expect(rates.byChild.reduce((sum: number, child: { registered: number }) => sum + child.registered, 0)).toBe(rates.registered);

    const coverage = (await admin.inject({ method: 'GET', url: `/api/cell-attendance/coverage?unitId=${province.root_id}&year=2025` })).json();
    const cells = await sql<{ committees: number; cells: number }>`
      select count(*) filter (where kind = 'dang_bo_co_so')::int as committees, count(*) filter (where kind = 'chi_bo')::int as cells
      from party_organization where commune_id in (select unit_id from unit_scope where root_id = ${province.root_id})`.execute(db);
    expect({ committees: coverage.committees, cells: coverage.cells }).toEqual(cells.rows[0]);
    expect(coverage.committeesAssigned).toBe(coverage.committees);
    expect(coverage.done).toBeGreaterThan(0);
    expect(coverage.done).toBeLessThanOrEqual(coverage.planned);
  });
});
