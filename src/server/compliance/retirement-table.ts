import { splitIsoDate } from '../../core/dates.js';
import { retirementDate, type Sex } from '../../core/retirement.js';

/**
 * The month each person leaves service, by sex and month of birth, computed
 * once from core's retirement schedule (Labour Code 2019, Decree 135/2020)
 * and handed to SQL as two arrays: the summary judges the age rules in SQL
 * with exactly the law core encodes. Only the month of birth matters.
 *
 * A month is numbered year × 12 + (month − 1); position 1 of each array is
 * January of FIRST_BIRTH_YEAR.
 */
export const FIRST_BIRTH_YEAR = 1800;
const LAST_BIRTH_YEAR = 2100;

export function monthNumber(date: string): number {
  const { year, month } = splitIsoDate(date);
  return year * 12 + month - 1;
}

function retiresFromMonths(sex: Sex): number[] {
  const months: number[] = [];
  for (let year = FIRST_BIRTH_YEAR; year <= LAST_BIRTH_YEAR; year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      months.push(monthNumber(retirementDate(sex, `${year}-${String(month).padStart(2, '0')}-01`).retiresFrom));
    }
  }
  return months;
}

export const RETIRES_FROM_MONTH: Readonly<Record<Sex, readonly number[]>> = {
  male: retiresFromMonths('male'),
  female: retiresFromMonths('female'),
};
