import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../core/dates.js';
import { retirementDate } from '../../core/retirement.js';
import { createCadreTerritory, type CadreTerritory } from '../../../test/fixtures/cadre-territory.js';
import { createTestApp, type SignedInClient, type TestApp } from '../../../test/helpers.js';
import { syncRetirementSchedule } from '../db/retirement-schedule.js';

/** The working-life clock: stored retirement dates equal core's law; the list shows and filters them on the day viewed. */

let t: TestApp;
let units: CadreTerritory;
let province: SignedInClient;

interface ListItem {
  fullName: string;
  workingLife: { reachesAgeOn: string; lastWorkingDay: string; retiresFrom: string; monthsLeft: number; retired: boolean } | null;
}

beforeAll(async () => {
  t = await createTestApp();
  units = await createCadreTerritory(t.db, t.countryUnitId);
  province = await t.asUser('province', units.province);
});

afterAll(async () => {
  await t.close();
});

async function person(fullName: string, gender: 'nam' | 'nu' | null, birthDate: string | null): Promise<string> {
  const created = await province.inject({ method: 'POST', url: '/api/cadres', payload: { fullName, gender, birthDate, owningUnitId: units.communeA } });
  expect(created.statusCode, created.body).toBe(201);
  return (created.json() as { id: string }).id;
}

async function listed(query: string): Promise<ListItem[]> {
  const response = await province.inject({ method: 'GET', url: `/api/cadres?status=all&unitId=${units.communeA}&pageSize=200&${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: ListItem[] }).items;
}

describe('stored retirement dates', () => {
  it('equal core’s schedule for every month of birth of both sexes from 1940 to 2010', async () => {
    const rows = await sql<{ gender: 'nam' | 'nu'; birth_month: number; retires_from: string }>`
      select gender, birth_month, to_char(retires_from, 'YYYY-MM-DD') as retires_from from retirement_month
      where birth_month between 1940 * 12 and 2010 * 12 + 11`.execute(t.db);
    expect(rows.rows).toHaveLength(2 * 71 * 12);
    for (const row of rows.rows) {
      const birth = `${Math.floor(row.birth_month / 12)}-${String((row.birth_month % 12) + 1).padStart(2, '0')}-15`;
      expect(row.retires_from, `${row.gender} ${birth}`).toBe(retirementDate(row.gender === 'nam' ? 'male' : 'female', birth).retiresFrom);
    }
  });

  it('follow a change of sex or birth date, and a changed schedule is rewritten at the next start', async () => {
    const id = await person('Lê Thị Hoa', 'nu', '1970-02-10');
    const stored = async () =>
      (await sql<{ r: string | null }>`select to_char(retires_from, 'YYYY-MM-DD') as r from cadre where id = ${id}`.execute(t.db)).rows[0]!.r;
    expect(await stored()).toBe(retirementDate('female', '1970-02-10').retiresFrom);
    const changed = await province.inject({ method: 'PATCH', url: `/api/cadres/${id}`, payload: { gender: 'nam' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await stored()).toBe(retirementDate('male', '1970-02-10').retiresFrom);

    await sql`update retirement_month set retires_from = '2000-01-01' where gender = 'nam'`.execute(t.db);
    await sql`update cadre set full_name = full_name where id = ${id}`.execute(t.db);
    expect(await syncRetirementSchedule(t.db)).toBe(true);
    expect(await stored()).toBe(retirementDate('male', '1970-02-10').retiresFrom);
    expect(await syncRetirementSchedule(t.db)).toBe(false);
  });
});

describe('the cadre list', () => {
  it('shows each person’s clock on the day viewed and filters those leaving within 12, 24 or 60 months', async () => {
    // A man born 12/10/1965 reaches 61 years 9 months on 12/07/2027 and serves to 31/07/2027.
    await person('Nguyễn Văn Sắp', 'nam', '1965-10-12');
    // A woman born 03/05/1969 reaches 57 on 03/05/2026: out of service from 01/06/2026.
    await person('Trần Thị Đã', 'nu', '1969-05-03');
    await person('Phạm Văn Trẻ', 'nam', '1990-01-01');
    await person('Đỗ Văn Chưa Rõ', null, null);

    const asOf = '2026-12-08';
    const all = await listed(`asOf=${asOf}`);
    const sap = all.find((item) => item.fullName === 'Nguyễn Văn Sắp')!;
    expect(sap.workingLife).toEqual({
      ageMonths: 741,
      reachesAgeOn: '2027-07-12',
      lastWorkingDay: '2027-07-31',
      retiresFrom: '2027-08-01',
      monthsLeft: 7,
      retired: false,
    });
    expect(all.find((item) => item.fullName === 'Trần Thị Đã')!.workingLife).toMatchObject({ lastWorkingDay: '2026-05-31', retired: true, monthsLeft: 0 });
    expect(all.find((item) => item.fullName === 'Đỗ Văn Chưa Rõ')!.workingLife).toBeNull();

    expect((await listed(`asOf=${asOf}&retiresWithin=12`)).map((item) => item.fullName)).toEqual(['Nguyễn Văn Sắp']);
    expect((await listed(`asOf=${asOf}&retiresWithin=reached`)).map((item) => item.fullName)).toEqual(['Trần Thị Đã']);
    // Seen from 2026-01-01 the woman still has five months: the filter follows the day viewed.
    expect((await listed('asOf=2026-01-01&retiresWithin=12')).map((item) => item.fullName)).toEqual(['Trần Thị Đã']);
    const within60 = (await listed(`asOf=${asOf}&retiresWithin=60`)).map((item) => item.fullName);
    expect(within60).toEqual(['Nguyễn Văn Sắp']);
    expect(addMonths(asOf, 60) < retirementDate('male', '1990-01-01').retiresFrom).toBe(true);

    const bad = await province.inject({ method: 'GET', url: '/api/cadres?retiresWithin=36' });
    expect(bad.statusCode).toBe(400);
  });
});
