import { compareIsoDates, formatVietnameseDate, type IsoDate } from './dates.js';

/**
 * Grassroots problems a commune registers for a year (vấn đề cần tập trung
 * lãnh đạo, chỉ đạo) and how they end. "Carried over" ends a year's problem
 * unresolved and opens it again in the next year, keeping its history.
 */
export const PROBLEM_STATUSES = ['registered', 'in_progress', 'resolved', 'partly_resolved', 'not_resolved', 'carried_over'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS_LABELS: Readonly<Record<ProblemStatus, { vi: string; en: string }>> = {
  registered: { vi: 'Mới đăng ký', en: 'Registered' },
  in_progress: { vi: 'Đang giải quyết', en: 'In progress' },
  resolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  partly_resolved: { vi: 'Giải quyết một phần', en: 'Partly resolved' },
  not_resolved: { vi: 'Không giải quyết được', en: 'Not resolved' },
  carried_over: { vi: 'Chuyển sang năm sau', en: 'Carried over' },
};

export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = ['registered', 'in_progress'];
export const CLOSING_PROBLEM_STATUSES = ['resolved', 'partly_resolved', 'not_resolved'] as const;

export function isOpenProblem(status: ProblemStatus): boolean {
  return OPEN_PROBLEM_STATUSES.includes(status);
}

export interface ProblemDates {
  year: number;
  registeredOn: IsoDate;
  targetOn: IsoDate;
}

export interface ProblemDateProblem {
  field: 'registeredOn' | 'targetOn';
  message: string;
  messageEn: string;
}

/**
 * A year's problem is registered in that year or at the end of the one
 * before (when the commune adopts its plan), and its target is not before
 * its registration.
 */
export function problemDateProblems(input: ProblemDates): ProblemDateProblem[] {
  const problems: ProblemDateProblem[] = [];
  const registeredYear = Number(input.registeredOn.slice(0, 4));
  if (registeredYear !== input.year && registeredYear !== input.year - 1) {
    problems.push({
      field: 'registeredOn',
      message: `Vấn đề của năm ${input.year} được đăng ký trong năm ${input.year} hoặc cuối năm ${input.year - 1}`,
      messageEn: `A problem of ${input.year} is registered in ${input.year} or at the end of ${input.year - 1}`,
    });
  }
  if (compareIsoDates(input.targetOn, input.registeredOn) < 0) {
    problems.push({
      field: 'targetOn',
      message: `Thời hạn giải quyết không được trước ngày đăng ký (${formatVietnameseDate(input.registeredOn)})`,
      messageEn: `The target date cannot be before the registration (${input.registeredOn})`,
    });
  }
  return problems;
}

/** Share resolved, in percent with one decimal, of those registered; null when none was registered. */
export function resolutionRate(resolved: number, registered: number): number | null {
  return registered === 0 ? null : Math.round((resolved / registered) * 1000) / 10;
}
