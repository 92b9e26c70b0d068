import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { loadProvinceDemo } from '../demo/demo.loader.js';
import { ARTICLE_FIGURES, PROVINCE_DEMO } from '../demo/province-demo.js';

/** The summary against the source article's figures, on the Bắc Giang demonstration data as of 31/12/2021. */
let t: TestApp;
let officer: SignedInClient;
const AS_OF: string = PROVINCE_DEMO.asOf;

async function unitId(level: string, code: string): Promise<string> {
  const result = await sql<{ id: string }>`
    select id from admin_unit where level = ${level} and code = ${code}
      and (valid_from is null or valid_from <= ${AS_OF}::date) and (valid_to is null or valid_to >= ${AS_OF}::date)
  `.execute(t.db);
  return result.rows[0]!.id;
}

async function summary(id: string) {
  const response = await officer.inject({ method: 'GET', url: `/api/compliance/summary?unitId=${id}&asOf=${AS_OF}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  const loaded = await loadProvinceDemo(t.db, { mode: 'command' });
  expect(loaded.status).toBe('loaded');
  officer = await t.asUser('province', await unitId('province', PROVINCE_DEMO.provinceCode));
});

afterAll(async () => {
  await t.close();
});

describe('the Bắc Giang figures of the article, from the summary', () => {
  it('1.219 key cadres, 1.212 with a university degree or higher, 76 with advanced political theory', async () => {
    const province = await summary(await unitId('province', PROVINCE_DEMO.provinceCode));
    expect(province).toMatchObject({
      totalPeople: ARTICLE_FIGURES.keyCadres,
      universityOrHigher: ARTICLE_FIGURES.universityOrHigher,
      advancedPoliticalTheory: ARTICLE_FIGURES.advancedTheory,
    });
    expect(province.sentence).toBe(
      '1.219 cán bộ chủ chốt, 1.212 người có trình độ từ đại học trở lên (99,4%), 76 người có trình độ cao cấp, cử nhân lý luận chính trị',
    );
    // The districts below add up to the province: nobody holds key posts in two districts.
    expect(province.children.reduce((sum: number, child: { totalPeople: number }) => sum + child.totalPeople, 0)).toBe(ARTICLE_FIGURES.keyCadres);
  });

  it('Bắc Giang city: 92 key cadres, all meeting the standard, 25 master’s degrees, 11 advanced political theory', async () => {
    const city = await summary(await unitId('district', ARTICLE_FIGURES.city.districtCode));
    expect(city).toMatchObject({
      totalPeople: ARTICLE_FIGURES.city.keyCadres,
      meeting: ARTICLE_FIGURES.city.keyCadres,
      meetingShare: 1,
      postgraduate: ARTICLE_FIGURES.city.masters,
      advancedPoliticalTheory: ARTICLE_FIGURES.city.advancedTheory,
    });
  });

  it('Xã Quảng Minh: 6 of 6 key cadres with a university degree or higher', async () => {
    const quangMinh = await summary(await unitId('commune', ARTICLE_FIGURES.quangMinh.communeCode));
    expect(quangMinh).toMatchObject({ totalPeople: ARTICLE_FIGURES.quangMinh.keyCadres, universityOrHigher: ARTICLE_FIGURES.quangMinh.keyCadres });
  });
});
