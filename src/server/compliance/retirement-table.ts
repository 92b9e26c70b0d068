import { retirementDate, type Sex } from '../../core/retirement.js';

/**
 * The day each person leaves service, by sex and month of birth, computed
 * once from core's retirement schedule (Labour Code 2019, Decree 135/2020)
 * and handed to SQL as two arrays: the summary judges the age rules in SQL
 * with exactly the law core encodes. Only the month of birth matters; a month
 * is numbered year × 12 + (month − 1), and position 1 of each array is
 * January of FIRST_BIRTH_YEAR.
 */
export const FIRST_BIRTH_YEAR = 1800;
const LAST_BIRTH_YEAR = 2100;

function retiresFromDates(sex: Sex): string[] {
  const dates: string[] = [];
  for (let year = FIRST_BIRTH_YEAR; year <= LAST_BIRTH_YEAR; year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      dates.push(retirementDate(sex, `${year}-${String(month).padStart(2, '0')}-01`).retiresFrom);
    }
  }
  return dates;
}

/** The first day out of service (core's `retiresFrom`), by month of birth from January of FIRST_BIRTH_YEAR. */
export const RETIRES_FROM: Readonly<Record<Sex, readonly string[]>> = {
  male: retiresFromDates('male'),
  female: retiresFromDates('female'),
};
