import { addDays, addMonths, endOfMonth, monthsBetween, splitIsoDate, type IsoDate } from './dates.js';

export type Sex = 'male' | 'female';

export const SEX_LABELS: Readonly<Record<Sex, { vi: string; en: string }>> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

/**
 * Retirement age in normal working conditions, Labour Code 2019 art. 169(2):
 * `baseMonths` until 2020, `firstMonths` in `firstYear`, then `stepMonths`
 * more each calendar year up to `finalMonths`.
 */
export interface RetirementSchedule {
  baseMonths: number;
  firstYear: number;
  firstMonths: number;
  stepMonths: number;
  finalMonths: number;
}

export const RETIREMENT_SCHEDULES: Readonly<Record<Sex, RetirementSchedule>> = {
  // 60 years until 2020; 60y3m in 2021, +3 months a year, 62 years from 2028.
  male: { baseMonths: 60 * 12, firstYear: 2021, firstMonths: 60 * 12 + 3, stepMonths: 3, finalMonths: 62 * 12 },
  // 55 years until 2020; 55y4m in 2021, +4 months a year, 60 years from 2035.
  female: { baseMonths: 55 * 12, firstYear: 2021, firstMonths: 55 * 12 + 4, stepMonths: 4, finalMonths: 60 * 12 },
};

function ageInYear(schedule: RetirementSchedule, year: number): number {
  if (year < schedule.firstYear) return schedule.baseMonths;
  return Math.min(schedule.finalMonths, schedule.firstMonths + schedule.stepMonths * (year - schedule.firstYear));
}

/**
 * Retirement age in months, as in Decree 135/2020/NĐ-CP, Appendix I: the
 * age is the one in force in the calendar year in which the person reaches
 * it. A man born 10/1961 would reach 60y3m in 01/2022, but in 2022 the age
 * is 60y6m, so he retires at 60y6m (04/2022). Only the month of birth
 * matters. When only the year of birth is known, Decree 135 art. 3(3) takes
 * 1 January of that year, which is how `parseVietnameseDate` stores it.
 */
export function retirementAgeMonths(sex: Sex, birthDate: IsoDate): number {
  const schedule = RETIREMENT_SCHEDULES[sex];
  const { year, month } = splitIsoDate(birthDate);
  const born = year * 12 + month - 1;
  const reachedInYear = (ageMonths: number) => Math.floor((born + ageMonths) / 12);

  if (reachedInYear(schedule.baseMonths) < schedule.firstYear) return schedule.baseMonths;
  // The age grows by less than 12 months a year, so the first year in which
  // the person reaches that year's age is the year they retire.
  for (let y = schedule.firstYear; ageInYear(schedule, y) < schedule.finalMonths; y++) {
    const age = ageInYear(schedule, y);
    if (reachedInYear(age) <= y) return age;
  }
  return schedule.finalMonths;
}

export interface RetirementDates {
  ageMonths: number;
  /** The day the person reaches retirement age. */
  reachesAgeOn: IsoDate;
  /** Decree 135 art. 3(1): retirement takes effect at the end of this day, the last of that month. */
  lastWorkingDay: IsoDate;
  /** First day of the next month: no longer in post, pension starts (Decree 135 art. 3(2)). */
  retiresFrom: IsoDate;
}

export function retirementDate(sex: Sex, birthDate: IsoDate): RetirementDates {
  const ageMonths = retirementAgeMonths(sex, birthDate);
  const reachesAgeOn = addMonths(birthDate, ageMonths);
  const lastWorkingDay = endOfMonth(reachesAgeOn);
  return { ageMonths, reachesAgeOn, lastWorkingDay, retiresFrom: addDays(lastWorkingDay, 1) };
}

/** Whole months of service left on `onDate` before `retiresFrom`; 0 once retired. */
export function monthsOfWorkLeft(sex: Sex, birthDate: IsoDate, onDate: IsoDate): number {
  return Math.max(0, monthsBetween(onDate, retirementDate(sex, birthDate).retiresFrom));
}

/** "60 tuổi 3 tháng", "62 tuổi". */
export function formatAgeVi(ageMonths: number): string {
  const years = Math.floor(ageMonths / 12);
  const months = ageMonths % 12;
  return months === 0 ? `${years} tuổi` : `${years} tuổi ${months} tháng`;
}

export interface WorkingLife extends RetirementDates {
  /** Whole months of service left on the day viewed (0 once out of service). */
  monthsLeft: number;
  /** Out of service on the day viewed: on or after `retiresFrom`. */
  retired: boolean;
}

/** The working-life clock on a day: when the person reaches retirement age, their last day in service, and the months left. */
export function workingLifeOn(sex: Sex, birthDate: IsoDate, onDate: IsoDate): WorkingLife {
  const dates = retirementDate(sex, birthDate);
  return { ...dates, monthsLeft: Math.max(0, monthsBetween(onDate, dates.retiresFrom)), retired: onDate >= dates.retiresFrom };
}

/** "2 năm 3 tháng", "8 tháng", "5 năm": a duration in months in words. */
export function formatMonthsVi(totalMonths: number): string {
  const years = Math.floor(totalMonths / 12);
  const months = totalMonths % 12;
  if (years === 0) return `${months} tháng`;
  return months === 0 ? `${years} năm` : `${years} năm ${months} tháng`;
}

/** The list's filter "nghỉ hưu trong n tháng": out of service after the day viewed and no later than n months after it. */
export function retiresWithin(retiresFrom: IsoDate, onDate: IsoDate, months: number): boolean {
  return retiresFrom > onDate && retiresFrom <= addMonths(onDate, months);
}
