import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessCompliance, describeSummaryVi, summarizeCompliance, type AssessedPost, type ComplianceSummary } from '../../core/compliance.js';
import {
  politicalTheory,
  professionalEducation,
  stateManagement,
  type PoliticalTheoryLevel,
  type ProfessionalLevel,
  type StateManagementLevel,
} from '../../core/qualifications.js';
import { STANDARD_RULES } from '../../core/standard-sets.js';
import { areaClassFromFlags } from '../../core/standards.js';
import { COMMUNE_TITLES, isTitleCode } from '../../core/titles.js';
import { runCliToEnd } from '../../../test/processes.js';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../../../test/helpers.js';
import { loadConfig } from '../config/config.js';
import type { Db } from '../db/database.js';
import { startServer } from '../server.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.accounts.js';
import { demoLogins, loadNationalDemo, loadProvinceDemo, seedNationalDemo, type DemoLoadResult } from './demo.loader.js';
import { DemoRepository } from './demo.repository.js';
import { NATIONAL_DEMO } from './national-demo.js';
import { ARTICLE_FIGURES, generateProvinceDemo, HOANG_MINH_THANH, PROVINCE_DEMO } from './province-demo.js';

const AS_OF: string = PROVINCE_DEMO.asOf;
let t: TestApp;
let loaded: DemoLoadResult;
const extraDatabases: TestDatabase[] = [];

beforeAll(async () => {
  t = await createTestApp();
  loaded = await loadProvinceDemo(t.db, { mode: 'first-start' });
});

afterAll(async () => {
  await t.close();
  for (const database of extraDatabases) await database.drop();
});

async function unitIdOf(db: Db, level: string, code: string, asOf = AS_OF): Promise<string> {
  const result = await sql<{ id: string }>`
    select id from admin_unit where level = ${level} and code = ${code}
      and (valid_from is null or valid_from <= ${asOf}::date) and (valid_to is null or valid_to >= ${asOf}::date)
  `.execute(db);
  expect(result.rows, `${level} ${code} on ${asOf}`).toHaveLength(1);
  return result.rows[0]!.id;
}

/**
 * The article's counts, written out in SQL without any application code:
 * distinct people holding a key post on the date in the subtree (as it stood
 * that day), with their highest levels obtained by then.
 */
async function countKeyCadres(db: Db, rootId: string, asOf = AS_OF) {
  const result = await sql<{ people: number; university: number; masters: number; advanced: number; meets_bg2020: number }>`
    with recursive tree(id) as (
      select ${rootId}::bigint
      union all
      select v.unit_id from tree t join admin_unit_version v on v.parent_id = t.id
        and (v.valid_from is null or v.valid_from <= ${asOf}::date) and (v.valid_to is null or v.valid_to >= ${asOf}::date)
    ),
    people as (
      select distinct p.cadre_id from cadre_post p
      where p.is_key and p.unit_id in (select id from tree) and p.start_date <= ${asOf}::date and (p.end_date is null or p.end_date >= ${asOf}::date)
    ),
    levels as (
      select people.cadre_id,
        max(array_position(array['none', 'thpt', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si'], q.level)) filter (where q.kind = 'professional') as professional,
        max(array_position(array['so_cap', 'trung_cap', 'cao_cap'], q.level)) filter (where q.kind = 'political_theory') as theory
      from people left join cadre_qualification q on q.cadre_id = people.cadre_id and (q.obtained_on is null or q.obtained_on <= ${asOf}::date)
      group by people.cadre_id
    )
    select count(*)::int as people,
      count(*) filter (where professional >= 5)::int as university,
      count(*) filter (where professional = 6)::int as masters,
      count(*) filter (where theory = 3)::int as advanced,
      count(*) filter (where professional >= 5 and theory >= 2)::int as meets_bg2020
    from levels
  `.execute(db);
  return result.rows[0]!;
}

/** Every key post held on the date in the subtree, assessed by core's rules as shipped, then summarised by core. */
async function coreSummary(db: Db, rootId: string, asOf = AS_OF): Promise<ComplianceSummary> {
  const posts = await sql<{ post_id: string; cadre_id: string; title_code: string; start_date: string; how_obtained: string | null; unit_id: string }>`
    with recursive tree(id) as (
      select ${rootId}::bigint
      union all
      select v.unit_id from tree t join admin_unit_version v on v.parent_id = t.id
        and (v.valid_from is null or v.valid_from <= ${asOf}::date) and (v.valid_to is null or v.valid_to >= ${asOf}::date)
    )
    select p.id as post_id, p.cadre_id, p.title_code, p.start_date, p.how_obtained, p.unit_id from cadre_post p
    where p.is_key and p.unit_id in (select id from tree) and p.start_date <= ${asOf}::date and (p.end_date is null or p.end_date >= ${asOf}::date)
    order by p.id
  `.execute(db);
  const cadreIds = [...new Set(posts.rows.map((p) => p.cadre_id))];
  const [people, history, qualifications, areas] = await Promise.all([
    db.selectFrom('cadre').select(['id', 'gender', 'birth_date', 'birth_date_precision']).where('id', 'in', cadreIds).execute(),
    db.selectFrom('cadre_post').select(['cadre_id', 'title_code', 'start_date']).where('cadre_id', 'in', cadreIds).execute(),
    db
      .selectFrom('cadre_qualification')
      .select(['cadre_id', 'kind', 'level'])
      .where('cadre_id', 'in', cadreIds)
      .where((eb) => eb.or([eb('obtained_on', 'is', null), eb('obtained_on', '<=', asOf)]))
      .execute(),
    db.selectFrom('commune_area_class').select(['commune_id', 'flags']).execute(),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const flagsOf = new Map(areas.map((a) => [a.commune_id, a.flags]));
  const partyTitles = COMMUNE_TITLES.filter((title) => title.group === 'party').map((title) => title.code as string);
  const assessed: AssessedPost[] = posts.rows.map((row) => {
    if (!isTitleCode(row.title_code)) throw new Error(row.title_code);
    const person = personById.get(row.cadre_id)!;
    const held = qualifications.filter((q) => q.cadre_id === row.cadre_id);
    const highest = <C extends string>(kind: string, scale: { isLevel: (v: unknown) => v is C; highestLevel: (l: Iterable<C>) => C | null }) =>
      scale.highestLevel(held.filter((q) => q.kind === kind && scale.isLevel(q.level)).map((q) => q.level as C));
    const levelsOnDate = {
      professional: highest<ProfessionalLevel>('professional', professionalEducation),
      politicalTheory: highest<PoliticalTheoryLevel>('political_theory', politicalTheory),
      stateManagement: highest<StateManagementLevel>('state_management', stateManagement),
      highSchool: held.some((q) => q.kind === 'professional' && q.level === 'thpt') ? true : null,
    };
    const firstOfTitle = !history.some((h) => h.cadre_id === row.cadre_id && h.title_code === row.title_code && h.start_date < row.start_date);
    return {
      personId: row.cadre_id,
      levelsOnDate,
      compliance: assessCompliance({
        person: { sex: person.gender === 'nu' ? 'female' : 'male', birthDate: person.birth_date, birthPrecision: person.birth_date_precision },
        post: {
          titleCode: row.title_code,
          startDate: row.start_date,
          isFirstAppointment: firstOfTitle,
          isReelection: partyTitles.includes(row.title_code) && !firstOfTitle && (row.how_obtained ?? 'bau_cu') === 'bau_cu',
        },
        levelsOnDate,
        areaClass: areaClassFromFlags(flagsOf.get(row.unit_id) ?? []),
        date: asOf,
        rules: STANDARD_RULES,
      }),
    };
  });
  return summarizeCompliance(assessed);
}

/** Everything the demo wrote, by unit codes rather than ids: equal across databases only if the data is. */
async function fingerprint(db: Db): Promise<{ hash: string; people: number }> {
  const result = await sql<{ hash: string; people: number }>`
    select md5(string_agg(line, E'\n' order by line)) as hash, count(*)::int as people from (
      select concat_ws('|', c.full_name, c.gender, c.birth_date, c.ethnicity_code, c.religion, c.home_town, c.party_joined_on, ou.code,
        (select string_agg(concat_ws(',', u.code, p.title_code, p.is_key, p.start_date, p.end_date, p.term, p.how_obtained, p.concurrent, p.note), ';'
           order by u.code, p.title_code, p.start_date)
         from cadre_post p join admin_unit u on u.id = p.unit_id where p.cadre_id = c.id),
        (select string_agg(concat_ws(',', q.kind, q.level, q.major, q.institution, q.study_mode, q.language, q.obtained_on, q.obtained_precision), ';'
           order by q.kind, q.level, q.obtained_on, q.major, q.institution)
         from cadre_qualification q where q.cadre_id = c.id)) as line
      from cadre c join admin_unit ou on ou.id = c.owning_unit_id
      union all
      select concat_ws('|', u.code, a.flags::text, a.basis) from commune_area_class a join admin_unit u on u.id = a.commune_id
      union all
      select concat_ws('|', au.username, au.role, au.full_name, u.code, au.must_change_password) from app_user au join admin_unit u on u.id = au.unit_id
    ) lines
  `.execute(db);
  return result.rows[0]!;
}

describe('dữ liệu minh họa tỉnh Bắc Giang', () => {
  it('loads on an empty system in one go, in seconds, and says so to the web app', async () => {
    expect(loaded.status).toBe('loaded');
    if (loaded.status !== 'loaded') return;
    expect(loaded.keyCadres).toBe(ARTICLE_FIGURES.keyCadres);
    // 15 to 20 other commune staff around the key cadres, in each of the 209 communes.
    expect(loaded.otherStaff).toBeGreaterThanOrEqual(209 * 16);
    expect(loaded.otherStaff).toBeLessThanOrEqual(209 * 19);
    expect(loaded.areaClasses).toBe(209);
    expect(loaded.accounts).toEqual(DEMO_ACCOUNTS['bac-giang-2021'].map((a) => a.username));
    expect(loaded.seconds).toBeLessThan(30);

    const meta = await t.app.inject({ method: 'GET', url: '/api/meta' });
    expect(meta.json()).toMatchObject({ demo: true });
    const audit = await t.db.selectFrom('audit_log').select(['summary']).where('entity', '=', 'demo').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('tỉnh Bắc Giang');
  });

  it('gives the article figures as of 31/12/2021, counted in plain SQL', async () => {
    const province = await countKeyCadres(t.db, await unitIdOf(t.db, 'province', '24'));
    expect(province).toMatchObject({ people: 1219, university: 1212, advanced: 76 });

    const city = await countKeyCadres(t.db, await unitIdOf(t.db, 'district', '213'));
    expect(city).toEqual({ people: 92, university: 92, masters: 25, advanced: 11, meets_bg2020: 92 });

    const quangMinh = await countKeyCadres(t.db, await unitIdOf(t.db, 'commune', '07792'));
    expect(quangMinh).toMatchObject({ people: 6, university: 6 });
  });

  it('gives the same figures through core compliance under the shipped standards, and not everyone meets them', async () => {
    const province = await coreSummary(t.db, await unitIdOf(t.db, 'province', '24'));
    expect(describeSummaryVi(province)).toBe(
      '1.219 cán bộ chủ chốt, 1.212 người có trình độ từ đại học trở lên (99,4%), 76 người có trình độ cao cấp, cử nhân lý luận chính trị',
    );
    // Below university or with elementary political theory, in plains communes (BG-2020); the mountain districts' relaxed standard accepts theirs.
    expect(province).toMatchObject({ totalPeople: 1219, meeting: 1209, notMeeting: 10, withoutStandard: 0 });
    expect(province.peopleWithGap).toEqual({
      high_school: 0,
      professional: 4,
      political_theory: 6,
      state_management: 0,
      age_appointment: 0,
      age_reelection: 0,
    });

    const city = await coreSummary(t.db, await unitIdOf(t.db, 'district', '213'));
    expect(city).toMatchObject({ totalPeople: 92, meeting: 92, universityOrHigher: 92, postgraduate: 25, advancedPoliticalTheory: 11 });
    expect(city.professional.find((l) => l.level === 'thac_si')?.count).toBe(25);

    const quangMinh = await coreSummary(t.db, await unitIdOf(t.db, 'commune', '07792'));
    expect(quangMinh).toMatchObject({ totalPeople: 6, universityOrHigher: 6 });
  });

  it('has degrees obtained after 31/12/2021, which count on later dates only', async () => {
    const later = await sql<{ n: number }>`
      select count(*)::int as n from cadre_qualification q
      where q.obtained_on > ${AS_OF}::date and q.kind in ('professional', 'political_theory')
    `.execute(t.db);
    expect(later.rows[0]!.n).toBe(25);
    // Three got a university degree in 2023, ten advanced political theory in 2022–2024.
    const endOf2024 = await countKeyCadres(t.db, await unitIdOf(t.db, 'province', '24'), '2024-12-31');
    expect(endOf2024).toMatchObject({ people: 1219, university: 1215, advanced: 86 });
  });

  it('records Hoàng Minh Thành, moved from the Lạng Giang Farmers’ Association to chair Nghĩa Hưng’s People’s Committee in June 2020', async () => {
    const admin = await t.signIn('admin', DEMO_PASSWORD);
    const nghiaHung = await unitIdOf(t.db, 'commune', HOANG_MINH_THANH.communeCode);
    const list = await admin.inject({ method: 'GET', url: `/api/cadres?q=${encodeURIComponent('hoang minh thanh')}&unitId=${nghiaHung}&asOf=${AS_OF}` });
    expect(list.statusCode, list.body).toBe(200);
    const found = list.json() as { total: number; items: { id: string }[] };
    expect(found.total).toBe(1);

    const profile = await admin.inject({ method: 'GET', url: `/api/cadres/${found.items[0]!.id}?asOf=${AS_OF}` });
    expect(profile.statusCode, profile.body).toBe(200);
    type Post = { title: { code: string }; unit: { code: string }; startDate: string; howObtained: string; note: string | null; heldOnAsOf: boolean };
    const posts = (profile.json() as { postHistory: Post[] }).postHistory;
    const chair = posts.filter((p) => p.title.code === 'chu_tich_ubnd').sort((a, b) => a.startDate.localeCompare(b.startDate));
    expect(chair).toHaveLength(2);
    expect(chair[0]).toMatchObject({ unit: { code: '07381' }, startDate: '2020-06-15', howObtained: 'dieu_dong', heldOnAsOf: false });
    expect(chair[0]!.note).toContain('Phó Chủ tịch Hội Nông dân huyện Lạng Giang');
    expect(chair[1]).toMatchObject({ howObtained: 'bau_cu', heldOnAsOf: true });
    expect(posts.find((p) => p.title.code === 'pho_bi_thu_dang_uy')).toMatchObject({ heldOnAsOf: true });

    const moved = await sql<{
      n: number;
    }>`select count(distinct cadre_id)::int as n from cadre_post where how_obtained in ('luan_chuyen', 'dieu_dong')`.execute(t.db);
    expect(moved.rows[0]!.n).toBe(ARTICLE_FIGURES.movedFromDistricts);

    const rotations = await admin.inject({ method: 'GET', url: `/api/rotations?unitId=${nghiaHung}` });
    expect(rotations.statusCode, rotations.body).toBe(200);
    const register = rotations.json() as { items: Record<string, unknown>[] };
    expect(register.items).toHaveLength(1);
    expect(register.items[0]).toMatchObject({
      cadre: { fullName: 'Hoàng Minh Thành' },
      kind: 'dieu_dong',
      direction: 'down',
      purpose: 'strengthen_weak',
      origin: { unit: { name: 'Huyện Lạng Giang' }, postName: 'Phó Chủ tịch Hội Nông dân huyện Lạng Giang' },
      destination: { titleCode: 'chu_tich_ubnd' },
      startDate: '2020-06-15',
      plannedEndDate: '2023-06-15',
      endDate: '2023-06-14',
      placement: 'stay',
      warnings: [],
    });
  });

  it('produces the article’s “hơn 70 cán bộ… được luân chuyển” from the rotation records, every one into a weak commune', async () => {
    const province = await t.signIn('tinh.bacgiang', DEMO_PASSWORD);
    const bacGiang = await unitIdOf(t.db, 'province', '24');
    const list = await province.inject({ method: 'GET', url: `/api/rotations?unitId=${bacGiang}&from=2020-01-01&to=2021-12-31` });
    expect(list.statusCode, list.body).toBe(200);
    const { summary, total } = list.json() as {
      total: number;
      summary: { people: number; fromHigherLevels: number; intoWeakCommunes: number; sentence: string };
    };
    expect(total).toBe(ARTICLE_FIGURES.movedFromDistricts);
    expect(summary).toMatchObject({ people: 72, fromHigherLevels: 72, intoWeakCommunes: 72, running: 72 });
    expect(summary.sentence).toBe(
      'Từ 01/01/2020 đến 31/12/2021, Tỉnh Bắc Giang có 72 cán bộ được luân chuyển, điều động về giữ chức danh ở xã, phường, thị trấn, ' +
        'trong đó 72 người từ cấp huyện, cấp tỉnh và 72 người về các xã có mặt hạn chế, yếu kém; ngày 31/12/2021 có 72 người đang trong thời gian luân chuyển.',
    );

    const outcomes = await province.inject({ method: 'GET', url: `/api/rotations/outcomes?unitId=${bacGiang}&from=2020-01-01` });
    expect(outcomes.statusCode, outcomes.body).toBe(200);
    const { summary: result } = outcomes.json() as { summary: { rotations: number; communes: number; leftWeakList: number; sentence: string } };
    const leftIndependently = await sql<{ n: number }>`
      select count(distinct r.destination_unit_id)::int as n from rotation r
      where not exists (select 1 from weak_unit_designation w where w.commune_id = r.destination_unit_id and w.year = 2021)`.execute(t.db);
    expect(result).toMatchObject({ rotations: 72, communes: 72, leftWeakList: leftIndependently.rows[0]!.n });
    expect(result.leftWeakList).toBeGreaterThan(20);
    expect(result.sentence).toContain('72 đợt luân chuyển, điều động về 72 xã có mặt hạn chế, yếu kém của Tỉnh Bắc Giang');

    const weak = await province.inject({ method: 'GET', url: `/api/rotations/weak-communes?unitId=${bacGiang}&year=2020` });
    expect(weak.statusCode, weak.body).toBe(200);
    expect(weak.json()).toMatchObject({ weak: 84, received: 72 });
  });

  it('classes the key cadres every year, within the excellent cap, every disciplined person not completed that year', async () => {
    const province = await t.signIn('tinh.bacgiang', DEMO_PASSWORD);
    const bacGiang = await unitIdOf(t.db, 'province', '24');
    const response = await province.inject({ method: 'GET', url: `/api/evaluations/summary?unitId=${bacGiang}&year=2021` });
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json() as { total: number; counts: Record<string, number>; excellentCap: { ok: boolean }; byChild: { total: number }[] };
    expect(summary.total).toBe(ARTICLE_FIGURES.keyCadres);
    expect(summary.excellentCap.ok).toBe(true);
    expect(summary.byChild.reduce((sum, row) => sum + row.total, 0)).toBe(summary.total);
    const contradictions = await sql<{ n: number }>`
      select count(*)::int as n from cadre_discipline d
      join cadre_evaluation e on e.cadre_id = d.cadre_id and e.year = extract(year from d.decided_on)::int
      where e.class <> 'khong_hoan_thanh' and d.evaluation_exception is null`.execute(t.db);
    expect(contradictions.rows[0]!.n).toBe(0);
    const disciplined = await sql<{ n: number }>`select count(*)::int as n from cadre_discipline`.execute(t.db);
    expect(disciplined.rows[0]!.n).toBe(9);
  });

  it('signs in every demo account with the published password and shows each only its own units', async () => {
    const langGiang = await countKeyCadres(t.db, await unitIdOf(t.db, 'district', '217'));
    const expectedKeyCadres: Record<string, number> = {
      admin: 1219,
      'tinh.bacgiang': 1219,
      'xem.bacgiang': 1219,
      'huyen.langgiang': langGiang.people,
      'xa.nghiahung': 6,
      'xa.quynhson': 6,
    };
    for (const account of DEMO_ACCOUNTS['bac-giang-2021']) {
      const client = await t.signIn(account.username, DEMO_PASSWORD);
      const me = (await client.inject({ method: 'GET', url: '/api/auth/me' })).json() as {
        user: { role: string; unit: { code: string; level: string }; mustChangePassword: boolean };
      };
      expect(me.user).toMatchObject({ role: account.role, mustChangePassword: false, unit: { level: account.unit.level } });
      if (account.unit.code) expect(me.user.unit.code).toBe(account.unit.code);
      const keyCadres = await client.inject({ method: 'GET', url: `/api/cadres?asOf=${AS_OF}&key=true&pageSize=1` });
      expect(keyCadres.statusCode, keyCadres.body).toBe(200);
      expect((keyCadres.json() as { total: number }).total, account.username).toBe(expectedKeyCadres[account.username]);
    }

    const quangMinhCadre = await sql<{ id: string }>`
      select c.id from cadre c join admin_unit u on u.id = c.owning_unit_id where u.code = '07792' order by c.id limit 1
    `.execute(t.db);
    const commune = await t.signIn('xa.nghiahung', DEMO_PASSWORD);
    expect((await commune.inject({ method: 'GET', url: `/api/cadres/${quangMinhCadre.rows[0]!.id}` })).statusCode).toBe(404);
    const viewer = await t.signIn('xem.bacgiang', DEMO_PASSWORD);
    const write = await viewer.inject({
      method: 'POST',
      url: '/api/cadres',
      payload: { fullName: 'Nguyễn Văn Thử', owningUnitId: await unitIdOf(t.db, 'commune', '07381') },
    });
    expect(write.statusCode).toBe(403);
  });

  it('is idempotent: loading again changes nothing', async () => {
    const before = await fingerprint(t.db);
    expect(await loadProvinceDemo(t.db, { mode: 'command' })).toEqual({ status: 'skipped', reason: 'already_loaded' });
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('generates the same province from the same territory', async () => {
    const territory = await new DemoRepository().provinceTerritory(t.db, PROVINCE_DEMO.provinceCode, AS_OF);
    expect(JSON.stringify(generateProvinceDemo(territory!))).toBe(JSON.stringify(generateProvinceDemo(territory!)));
  });

  it('loads at the first start of the server, prints the demo logins at every start, and is the same data in another database', async () => {
    const database = await createTestDatabase();
    extraDatabases.push(database);
    const config = { ...loadConfig({}), databaseUrl: database.connectionString, port: 0, host: '127.0.0.1', webDistDir: '/nonexistent', loadDemo: true };
    const lines: string[] = [];
    const first = await startServer({ config, log: (line) => lines.push(line) });
    await first.stop();
    const firstOutput = lines.join('\n');
    expect(firstOutput).toContain('Đã nạp dữ liệu minh họa: 1.219 cán bộ chủ chốt');
    expect(firstOutput).toContain(`Tài khoản minh họa (mật khẩu chung: ${DEMO_PASSWORD})`);
    expect(firstOutput).toMatch(/tinh\.bacgiang\s+cấp tỉnh — Tỉnh Bắc Giang/);
    expect(firstOutput).not.toContain('Tài khoản quản trị đầu tiên');

    lines.length = 0;
    const second = await startServer({ config: { ...config, loadDemo: false }, log: (line) => lines.push(line) });
    await second.stop();
    expect(lines.join('\n')).not.toContain('Đã nạp dữ liệu minh họa');
    expect(lines.join('\n')).toContain('xa.quynhson');

    expect(await fingerprint(database.db)).toEqual(await fingerprint(t.db));
  });

  it('skips the demo with CANBOXA_DEMO=0: the first administrator gets a random password instead', async () => {
    const database = await createTestDatabase();
    extraDatabases.push(database);
    const config = { ...loadConfig({ CANBOXA_DEMO: '0' }), databaseUrl: database.connectionString, port: 0, host: '127.0.0.1', webDistDir: '/nonexistent' };
    const lines: string[] = [];
    const server = await startServer({ config, log: (line) => lines.push(line) });
    await server.stop();
    expect(lines.join('\n')).toContain('Tài khoản quản trị đầu tiên');
    expect(lines.join('\n')).not.toContain('minh họa');
    expect(await new DemoRepository().hasCadres(database.db)).toBe(false);
  });

  it('`canboxa seed-demo` loads into an empty database and refuses one that already has the demo', async () => {
    const database = await createTestDatabase();
    extraDatabases.push(database);
    const first = await runCliToEnd(['seed-demo'], { DATABASE_URL: database.connectionString });
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('1.219 cán bộ chủ chốt');
    expect(first.output).toContain('xa.nghiahung');

    const again = await runCliToEnd(['seed-demo'], { DATABASE_URL: database.connectionString });
    expect(again.code, again.output).toBe(1);
    expect(again.output).toContain('đã có dữ liệu minh họa');
    expect(await fingerprint(database.db)).toEqual(await fingerprint(t.db));
  });

  it('lists at each start only the demo accounts that still have the published password', async () => {
    const usernames = async () => (await demoLogins(t.db))!.accounts.map((account) => account.username);
    expect(await usernames()).toEqual(DEMO_ACCOUNTS['bac-giang-2021'].map((account) => account.username));
    const commune = await t.signIn('xa.quynhson', DEMO_PASSWORD);
    const changed = await commune.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'mat-khau-rieng-cua-xa-2025' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect(await usernames()).not.toContain('xa.quynhson');
    expect(await usernames()).toContain('xa.nghiahung');
  });
});

describe('dữ liệu minh họa toàn quốc (quy mô nhỏ)', () => {
  it('seeds 2% of the 3,321 communes of 2025 with proportional staff, spread over the provinces', async () => {
    const database = await createTestDatabase();
    extraDatabases.push(database);
    const scale = 0.02;
    const result = await seedNationalDemo(database.db, { scale });
    expect(result.communes).toBe(Math.round(3321 * scale));
    expect(result.keyCadres / result.communes).toBeGreaterThanOrEqual(15);
    expect(result.keyCadres / result.communes).toBeLessThanOrEqual(16);
    expect(result.otherStaff / result.communes).toBeGreaterThanOrEqual(45);
    expect(result.otherStaff / result.communes).toBeLessThanOrEqual(46);
    expect(result.counts.cadres).toBe(result.keyCadres + result.otherStaff);

    const held = await sql<{ key_people: number; people: number; communes: number; provinces: number; outside_2025_units: number }>`
      with held as (
        select p.cadre_id, p.is_key, p.unit_id from cadre_post p
        where p.start_date <= ${NATIONAL_DEMO.asOf}::date and (p.end_date is null or p.end_date >= ${NATIONAL_DEMO.asOf}::date)
      )
      select count(distinct cadre_id) filter (where is_key)::int as key_people, count(distinct cadre_id)::int as people,
        count(distinct h.unit_id)::int as communes, count(distinct v.parent_id)::int as provinces,
        count(*) filter (where u.level <> 'commune' or u.valid_from <> '2025-07-01')::int as outside_2025_units
      from held h join admin_unit u on u.id = h.unit_id join admin_unit_version v on v.unit_id = u.id
    `.execute(database.db);
    expect(held.rows[0]).toMatchObject({ key_people: result.keyCadres, people: result.counts.cadres, communes: result.communes, outside_2025_units: 0 });
    expect(held.rows[0]!.provinces).toBeGreaterThanOrEqual(20);

    expect(await loadNationalDemo(database.db, { scale })).toEqual({ status: 'skipped', reason: 'not_empty' });
  });
});
