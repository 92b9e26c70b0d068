import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { loadProvinceDemo } from './demo.loader.js';
import { QUYNH_SON } from './demo.petitions.js';

let t: TestApp;
let quynhSonId: string;

interface Report {
  received: number;
  withinAuthority: number;
  settled: number;
  settledAgreed: number;
  overLevelByYear: { year: number; count: number }[];
  dialogues: number;
  overdueOpen: number;
  sentence: string;
}

beforeAll(async () => {
  t = await createTestApp();
  const loaded = await loadProvinceDemo(t.db, { mode: 'first-start' });
  expect(loaded.status).toBe('loaded');
  // Codes are reused across periods: the commune is the demo account's unit.
  quynhSonId = (await t.db.selectFrom('app_user').select('unit_id').where('username', '=', 'xa.quynhson').executeTakeFirstOrThrow()).unit_id;
});

afterAll(async () => {
  await t.close();
});

describe('petitions and dialogues in the Bắc Giang demo', () => {
  it("gives Quỳnh Sơn the article's figures: more than 10 dialogues, more than 20 cases settled with agreement, over-level petitions falling", async () => {
    const commune = await t.signIn('xa.quynhson', 'minhhoa-canboxa');
    const response = await commune.inject({ method: 'GET', url: `/api/petitions/report?unitId=${quynhSonId}&from=2020-01-01&to=2021-12-31` });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as Report;
    expect(report.dialogues).toBe(QUYNH_SON.dialogues);
    expect(report.settledAgreed).toBe(QUYNH_SON.settledAgreed);
    expect(report.overLevelByYear).toEqual([
      { year: 2020, count: QUYNH_SON.overLevelByYear[2020] },
      { year: 2021, count: QUYNH_SON.overLevelByYear[2021] },
    ]);
    expect(report.sentence).toContain('Xã Quỳnh Sơn đã tổ chức 12 cuộc tiếp xúc, đối thoại với Nhân dân');
    expect(report.sentence).toContain('26 đơn được trả lời thấu tình, đạt lý, có sự đồng thuận của người có đơn');

    // The chair received citizens every week; the cases brought there are in the register of that day.
    const reception = (await commune.inject({ method: 'GET', url: `/api/reception-sessions?unitId=${quynhSonId}&from=2020-01-06&to=2021-12-26` })).json() as {
      items: { petitions: unknown[] }[];
      gaps: unknown[];
    };
    expect(reception.gaps).toEqual([]);
    expect(reception.items.length).toBeGreaterThanOrEqual(100);
    expect(reception.items.some((session) => session.petitions.length > 0)).toBe(true);
  });

  it('has cases in every commune of the province, the fields the article names first, and some open and overdue on 31/12/2021', async () => {
    const province = await t.signIn('tinh.bacgiang', 'minhhoa-canboxa');
    // Code 24 was Bắc Giang and is now Bắc Ninh: the province is the demo account's unit.
    const provinceId = (await t.db.selectFrom('app_user').select('unit_id').where('username', '=', 'tinh.bacgiang').executeTakeFirstOrThrow()).unit_id;
    const report = (
      await province.inject({ method: 'GET', url: `/api/petitions/report?unitId=${provinceId}&from=2020-01-01&to=2021-12-31` })
    ).json() as Report & {
      byField: { code: string; count: number }[];
    };
    expect(report.received).toBeGreaterThan(1500);
    expect(report.byField.slice(0, 4).map((row) => row.code)).toEqual(expect.arrayContaining(['moi_truong', 'den_bu_gpmb']));
    expect(report.overdueOpen).toBeGreaterThan(0);
    const open = (await province.inject({ method: 'GET', url: `/api/petitions?unitId=${provinceId}&status=overdue&asOf=2021-12-31` })).json() as {
      total: number;
    };
    expect(open.total).toBeGreaterThan(0);
    const communes = await t.db
      .selectFrom('petition')
      .select((eb) => eb.fn.count<string>('commune_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(communes.n)).toBeGreaterThan(200);
  });

  it("hides the denouncers of Quỳnh Sơn from the province, and shows them to the commune's handler", async () => {
    const denunciation = await t.db
      .selectFrom('petition')
      .select('id')
      .where('unit_id', '=', quynhSonId)
      .where('type', '=', 'to_cao')
      .executeTakeFirstOrThrow();
    const province = await t.signIn('tinh.bacgiang', 'minhhoa-canboxa');
    const commune = await t.signIn('xa.quynhson', 'minhhoa-canboxa');
    const seenAbove = (await province.inject({ method: 'GET', url: `/api/petitions/${denunciation.id}` })).json() as {
      identityVisible: boolean;
      petitioner: string;
    };
    expect(seenAbove).toMatchObject({ identityVisible: false, petitioner: 'Người tố cáo (giữ bí mật)' });
    const seenByHandler = (await commune.inject({ method: 'GET', url: `/api/petitions/${denunciation.id}` })).json() as {
      identityVisible: boolean;
      petitioner: string;
    };
    expect(seenByHandler.identityVisible).toBe(true);
    expect(seenByHandler.petitioner).not.toBe('Người tố cáo (giữ bí mật)');
  });
});
