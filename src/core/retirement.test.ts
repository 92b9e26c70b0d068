import { describe, it, expect } from 'vitest';
import { parseVietnameseDate } from './dates.js';
import { formatAgeVi, formatMonthsVi, monthsOfWorkLeft, retirementAgeMonths, retirementDate, retiresWithin, type Sex, workingLifeOn } from './retirement.js';

/**
 * Decree 135/2020/NĐ-CP, Appendix I ("Lộ trình tuổi nghỉ hưu … gắn với
 * tháng, năm sinh tương ứng"), transcribed row by row: the year of
 * retirement, the age, and the first and last month of birth it applies to.
 */
type AppendixRow = { year: number; years: number; months: number; from: string; to: string | null };

const APPENDIX_MEN: AppendixRow[] = [
  { year: 2021, years: 60, months: 3, from: '1961-01', to: '1961-09' },
  { year: 2022, years: 60, months: 6, from: '1961-10', to: '1962-06' },
  { year: 2023, years: 60, months: 9, from: '1962-07', to: '1963-03' },
  { year: 2024, years: 61, months: 0, from: '1963-04', to: '1963-12' },
  { year: 2025, years: 61, months: 3, from: '1964-01', to: '1964-09' },
  { year: 2026, years: 61, months: 6, from: '1964-10', to: '1965-06' },
  { year: 2027, years: 61, months: 9, from: '1965-07', to: '1966-03' },
  { year: 2028, years: 62, months: 0, from: '1966-04', to: null },
];

const APPENDIX_WOMEN: AppendixRow[] = [
  { year: 2021, years: 55, months: 4, from: '1966-01', to: '1966-08' },
  { year: 2022, years: 55, months: 8, from: '1966-09', to: '1967-04' },
  { year: 2023, years: 56, months: 0, from: '1967-05', to: '1967-12' },
  { year: 2024, years: 56, months: 4, from: '1968-01', to: '1968-08' },
  { year: 2025, years: 56, months: 8, from: '1968-09', to: '1969-04' },
  { year: 2026, years: 57, months: 0, from: '1969-05', to: '1969-12' },
  { year: 2027, years: 57, months: 4, from: '1970-01', to: '1970-08' },
  { year: 2028, years: 57, months: 8, from: '1970-09', to: '1971-04' },
  { year: 2029, years: 58, months: 0, from: '1971-05', to: '1971-12' },
  { year: 2030, years: 58, months: 4, from: '1972-01', to: '1972-08' },
  { year: 2031, years: 58, months: 8, from: '1972-09', to: '1973-04' },
  { year: 2032, years: 59, months: 0, from: '1973-05', to: '1973-12' },
  { year: 2033, years: 59, months: 4, from: '1974-01', to: '1974-08' },
  { year: 2034, years: 59, months: 8, from: '1974-09', to: '1975-04' },
  { year: 2035, years: 60, months: 0, from: '1975-05', to: null },
];

const APPENDIX: Record<Sex, { before2021Years: number; rows: AppendixRow[] }> = {
  male: { before2021Years: 60, rows: APPENDIX_MEN },
  female: { before2021Years: 55, rows: APPENDIX_WOMEN },
};

function appendixAgeMonths(sex: Sex, birthMonth: string): number {
  const { before2021Years, rows } = APPENDIX[sex];
  const row = rows.find((r) => birthMonth >= r.from && (r.to === null || birthMonth <= r.to));
  return row ? row.years * 12 + row.months : before2021Years * 12;
}

describe('retirementAgeMonths reproduces Decree 135, Appendix I', () => {
  for (const sex of ['male', 'female'] as const) {
    for (const row of APPENDIX[sex].rows) {
      const age = row.years * 12 + row.months;
      it(`${sex}, retiring ${row.year} at ${formatAgeVi(age)}: born ${row.from}${row.to ? ` to ${row.to}` : ' onwards'}`, () => {
        expect(retirementAgeMonths(sex, `${row.from}-01`)).toBe(age);
        expect(retirementAgeMonths(sex, `${row.from}-28`)).toBe(age);
        expect(retirementDate(sex, `${row.from}-15`).reachesAgeOn.slice(0, 4)).toBe(String(row.year));
        if (row.to) {
          expect(retirementAgeMonths(sex, `${row.to}-01`)).toBe(age);
          expect(retirementDate(sex, `${row.to}-15`).reachesAgeOn.slice(0, 4)).toBe(String(row.year));
        }
      });
    }
  }

  it('agrees with the appendix for every month of birth from 1950 to 1990', () => {
    for (const sex of ['male', 'female'] as const) {
      for (let year = 1950; year <= 1990; year++) {
        for (let month = 1; month <= 12; month++) {
          const birthMonth = `${year}-${String(month).padStart(2, '0')}`;
          expect(retirementAgeMonths(sex, `${birthMonth}-10`), `${sex} ${birthMonth}`).toBe(appendixAgeMonths(sex, birthMonth));
        }
      }
    }
  });

  it('keeps the pre-2021 ages for people who reached them by 2020: men 60, women 55', () => {
    expect(retirementAgeMonths('male', '1960-12-31')).toBe(720);
    expect(retirementAgeMonths('male', '1955-06-15')).toBe(720);
    expect(retirementAgeMonths('female', '1965-12-31')).toBe(660);
  });

  it('gives a man born 10/1961 60y6m, not 60y3m: 60y3m would fall in 2022, whose age is 60y6m', () => {
    expect(retirementAgeMonths('male', '1961-10-20')).toBe(60 * 12 + 6);
    expect(retirementDate('male', '1961-10-20').retiresFrom).toBe('2022-05-01');
  });

  it('gives men born 01–03/1966 61y9m and from 04/1966 62y', () => {
    expect(retirementAgeMonths('male', '1966-03-31')).toBe(61 * 12 + 9);
    expect(retirementAgeMonths('male', '1966-04-01')).toBe(62 * 12);
    expect(retirementAgeMonths('male', '1990-01-01')).toBe(62 * 12);
  });

  it('gives women born 01–04/1975 59y8m and from 05/1975 60y', () => {
    expect(retirementAgeMonths('female', '1975-04-30')).toBe(59 * 12 + 8);
    expect(retirementAgeMonths('female', '1975-05-01')).toBe(60 * 12);
    expect(retirementAgeMonths('female', '1995-12-01')).toBe(60 * 12);
  });
});

describe('retirementDate', () => {
  it('follows the Decree 135 art. 3 examples: a man born 01/1961 retires at the end of 04/2021', () => {
    expect(retirementDate('male', '1961-01-10')).toEqual({
      ageMonths: 723,
      reachesAgeOn: '2021-04-10',
      lastWorkingDay: '2021-04-30',
      retiresFrom: '2021-05-01',
    });
  });

  it('and a woman born 01/1966 at the end of 05/2021', () => {
    expect(retirementDate('female', '1966-01-25')).toEqual({
      ageMonths: 664,
      reachesAgeOn: '2021-05-25',
      lastWorkingDay: '2021-05-31',
      retiresFrom: '2021-06-01',
    });
  });

  it.each<[Sex, string, string]>([
    // Pension months from the published appendix table.
    ['male', '1963-01', '2023-11-01'],
    ['male', '1963-02', '2023-12-01'],
    ['male', '1963-03', '2024-01-01'],
    ['male', '1963-04', '2024-05-01'],
    ['male', '1963-12', '2025-01-01'],
    ['male', '1964-01', '2025-05-01'],
    ['male', '1964-09', '2026-01-01'],
    ['male', '1964-10', '2026-05-01'],
    ['male', '1965-01', '2026-08-01'],
    ['male', '1965-05', '2026-12-01'],
    ['female', '1968-01', '2024-06-01'],
    ['female', '1968-08', '2025-01-01'],
    ['female', '1968-09', '2025-06-01'],
    ['female', '1969-04', '2026-01-01'],
    ['female', '1969-05', '2026-06-01'],
    ['female', '1969-12', '2027-01-01'],
    ['female', '1970-01', '2027-06-01'],
    ['female', '1970-05', '2027-10-01'],
  ])('%s born %s draws a pension from %s', (sex, birthMonth, retiresFrom) => {
    expect(retirementDate(sex, `${birthMonth}-15`).retiresFrom).toBe(retiresFrom);
  });

  it('lands on the last day of a shorter month for people born on the 31st', () => {
    expect(retirementDate('male', '1961-08-31')).toEqual({
      ageMonths: 723,
      reachesAgeOn: '2021-11-30',
      lastWorkingDay: '2021-11-30',
      retiresFrom: '2021-12-01',
    });
  });

  it('handles 29 February births', () => {
    expect(retirementDate('male', '1964-02-29')).toEqual({
      ageMonths: 735,
      reachesAgeOn: '2025-05-29',
      lastWorkingDay: '2025-05-31',
      retiresFrom: '2025-06-01',
    });
    expect(retirementDate('female', '1972-02-29').reachesAgeOn).toBe('2030-06-29');
    // Before 2021 the age was 60 years flat.
    expect(retirementDate('male', '1960-02-29').reachesAgeOn).toBe('2020-02-29');
    expect(retirementDate('male', '1959-02-28').lastWorkingDay).toBe('2019-02-28');
  });

  it('crosses the new year when the age is reached in December', () => {
    expect(retirementDate('male', '1963-12-05')).toMatchObject({
      lastWorkingDay: '2024-12-31',
      retiresFrom: '2025-01-01',
    });
  });

  it('takes 1 January when only the year of birth is known (Decree 135 art. 3(3))', () => {
    const born = parseVietnameseDate('1965');
    expect(born).toEqual({ ok: true, date: '1965-01-01', precision: 'year' });
    if (!born.ok || born.date === null) return;
    // 01/1965 falls in the 2026 row (10/1964–06/1965): 61y6m.
    expect(retirementDate('male', born.date)).toEqual({
      ageMonths: 738,
      reachesAgeOn: '2026-07-01',
      lastWorkingDay: '2026-07-31',
      retiresFrom: '2026-08-01',
    });
    // A woman born "1970" is treated as born 01/1970: 57y4m.
    expect(retirementAgeMonths('female', '1970-01-01')).toBe(57 * 12 + 4);
  });

  it('rejects a malformed birth date', () => {
    expect(() => retirementDate('male', '1965-02-30')).toThrow(RangeError);
    expect(() => retirementAgeMonths('female', '1965')).toThrow(RangeError);
  });
});

describe('monthsOfWorkLeft', () => {
  it('counts whole months up to the first day of the month after reaching the age', () => {
    // Man born 15/03/1970: 62 years on 15/03/2032, works until 31/03/2032.
    expect(monthsOfWorkLeft('male', '1970-03-15', '2025-07-01')).toBe(81);
    expect(monthsOfWorkLeft('male', '1970-03-15', '2032-03-01')).toBe(1);
    expect(monthsOfWorkLeft('male', '1970-03-15', '2032-02-29')).toBe(1);
    expect(monthsOfWorkLeft('male', '1970-03-15', '2032-02-28')).toBe(1);
    expect(monthsOfWorkLeft('male', '1970-03-15', '2032-02-01')).toBe(2);
  });

  it('is 0 during the last month and after retirement', () => {
    expect(monthsOfWorkLeft('male', '1970-03-15', '2032-03-02')).toBe(0);
    expect(monthsOfWorkLeft('male', '1970-03-15', '2032-03-31')).toBe(0);
    expect(monthsOfWorkLeft('male', '1970-03-15', '2032-04-01')).toBe(0);
    expect(monthsOfWorkLeft('male', '1970-03-15', '2040-01-01')).toBe(0);
  });

  it('uses the appendix age: a woman born 09/1974 (59y8m) on 2025-07-01', () => {
    // Reaches 59y8m in 05/2034, pension from 01/06/2034.
    expect(monthsOfWorkLeft('female', '1974-09-10', '2025-07-01')).toBe(107);
  });
});

describe('formatAgeVi', () => {
  it('writes years and months in Vietnamese', () => {
    expect(formatAgeVi(723)).toBe('60 tuổi 3 tháng');
    expect(formatAgeVi(744)).toBe('62 tuổi');
    expect(formatAgeVi(716)).toBe('59 tuổi 8 tháng');
  });
});

describe('working-life clock', () => {
  it('reaches the age on the birthday and serves to the end of that month', () => {
    // A man born 12/10/1965: 61 years 9 months (Appendix I, 2027) reached on 12/07/2027.
    const life = workingLifeOn('male', '1965-10-12', '2026-12-08');
    expect(life).toMatchObject({ ageMonths: 61 * 12 + 9, reachesAgeOn: '2027-07-12', lastWorkingDay: '2027-07-31', retiresFrom: '2027-08-01', retired: false });
    expect(life.monthsLeft).toBe(7);
    expect(formatMonthsVi(life.monthsLeft)).toBe('7 tháng');
  });

  it('counts a woman born 03/05/1975 to 60 years, reached in May 2035', () => {
    const life = workingLifeOn('female', '1975-05-03', '2025-06-01');
    expect(life).toMatchObject({ ageMonths: 60 * 12, reachesAgeOn: '2035-05-03', lastWorkingDay: '2035-05-31', retiresFrom: '2035-06-01' });
    expect(life.monthsLeft).toBe(120);
    expect(formatMonthsVi(life.monthsLeft)).toBe('10 năm');
  });

  it('is out of service from the first day of the month after', () => {
    // Born 03/1962: 60 years 6 months (Appendix I, 2022), reached on 20/09/2022.
    expect(workingLifeOn('male', '1962-03-20', '2022-10-01')).toMatchObject({
      lastWorkingDay: '2022-09-30',
      retiresFrom: '2022-10-01',
      retired: true,
      monthsLeft: 0,
    });
    expect(workingLifeOn('male', '1962-03-20', '2022-09-30')).toMatchObject({ retired: false, monthsLeft: 0 });
  });

  it('says durations in years and months', () => {
    expect(formatMonthsVi(27)).toBe('2 năm 3 tháng');
    expect(formatMonthsVi(0)).toBe('0 tháng');
  });

  it('filters those leaving within n months of the day viewed, not those already out', () => {
    expect(retiresWithin('2027-08-01', '2026-12-08', 12)).toBe(true);
    expect(retiresWithin('2027-12-09', '2026-12-08', 12)).toBe(false);
    expect(retiresWithin('2027-12-08', '2026-12-08', 12)).toBe(true);
    expect(retiresWithin('2026-12-01', '2026-12-08', 12)).toBe(false);
  });
});
