import { compareIsoDates, formatVietnameseDate, type IsoDate } from './dates.js';
import { monthsOfWorkLeft, retirementDate, type Sex } from './retirement.js';

/**
 * Minimum working time left before retirement age, in months. Party and
 * government set these figures per term, so they are settings an
 * administrator can change; the defaults are:
 * - first appointment or first election to a post: one full 60-month term
 *   (Decree 33/2023/NĐ-CP; Directive 45-CT/TW for the 2025–2030 term);
 * - re-election to the party committee: 48 months at the start of the
 *   congress (Directive 45-CT/TW, 14/4/2025).
 */
export interface AppointmentAgeRules {
  firstAppointmentMonths: number;
  reElectionMonths: number;
}

export const DEFAULT_APPOINTMENT_AGE_RULES: Readonly<AppointmentAgeRules> = {
  firstAppointmentMonths: 60,
  reElectionMonths: 48,
};

export interface AgeCheckResult {
  ok: boolean;
  monthsLeft: number;
  required: number;
  /** First day no longer in post (see retirementDate). */
  retiresFrom: IsoDate;
  message: string;
}

interface Person {
  sex: Sex;
  birthDate: IsoDate;
}

function checkMonthsLeft(person: Person, onDate: IsoDate, required: number): AgeCheckResult {
  if (!Number.isInteger(required) || required < 0) {
    throw new RangeError(`Required months must be a whole number ≥ 0, got ${required}`);
  }
  const { retiresFrom } = retirementDate(person.sex, person.birthDate);
  const monthsLeft = monthsOfWorkLeft(person.sex, person.birthDate, onDate);
  if (compareIsoDates(onDate, retiresFrom) >= 0) {
    const message = `Đã đến tuổi nghỉ hưu từ ${formatVietnameseDate(retiresFrom)}, cần còn tối thiểu ${required} tháng công tác`;
    return { ok: false, monthsLeft, required, retiresFrom, message };
  }
  const ok = monthsLeft >= required;
  const message = ok
    ? `Còn ${monthsLeft} tháng công tác đến tuổi nghỉ hưu, đáp ứng yêu cầu tối thiểu ${required} tháng`
    : `Còn ${monthsLeft} tháng công tác đến tuổi nghỉ hưu, cần tối thiểu ${required} tháng`;
  return { ok, monthsLeft, required, retiresFrom, message };
}

/** Age condition for a first appointment or election, on the date of appointment or election. */
export function checkFirstAppointmentAge(
  person: Person & { onDate: IsoDate },
  requiredMonths: number = DEFAULT_APPOINTMENT_AGE_RULES.firstAppointmentMonths,
): AgeCheckResult {
  return checkMonthsLeft(person, person.onDate, requiredMonths);
}

/**
 * Age condition for re-election to the party committee. Directive 45-CT/TW
 * counts from the month the congress starts (e.g. 07/2025 for the communes
 * formed on 1/7/2025): pass the first day of that month as `congressDate`.
 */
export function checkReElectionAge(
  person: Person & { congressDate: IsoDate },
  requiredMonths: number = DEFAULT_APPOINTMENT_AGE_RULES.reElectionMonths,
): AgeCheckResult {
  return checkMonthsLeft(person, person.congressDate, requiredMonths);
}
