import { addDays, compareIsoDates, type IsoDate } from './dates.js';

/**
 * Standing members at party-cell meetings (dự sinh hoạt chi bộ). The
 * grassroots party committee assigns each member of its standing bodies
 * (Party committee, People's Council, People's Committee) to cells, to attend
 * "định kỳ". A cell meets every month (Party Statute art. 24: "Chi bộ họp
 * thường lệ mỗi tháng một lần"), so a member assigned monthly is expected once
 * a month; less often at a frequency of 2, 3 or 6 months, as the committee
 * decides (the frequencies are data: table party_cell_frequency).
 *
 * A frequency cuts the calendar into windows aligned on January (quarterly:
 * Jan–Mar, Apr–Jun…). One visit is planned in each window that starts while
 * the assignment runs and has ended by the day viewed; the window still under
 * way counts only once the visit is made, so a member is never behind for a
 * month not yet over. A visit is a meeting of the cell the member attended.
 */

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type CellAttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_STATUS_LABELS: Readonly<Record<CellAttendanceStatus, { vi: string; en: string }>> = {
  present: { vi: 'Có dự', en: 'Attended' },
  excused: { vi: 'Vắng có lý do', en: 'Excused' },
  absent: { vi: 'Vắng', en: 'Absent' },
};

/** Frequencies must divide the year so that windows align on January. */
export function isValidFrequency(months: number): boolean {
  return Number.isInteger(months) && months >= 1 && months <= 12 && 12 % months === 0;
}

/** Months since January of year 0: the index a window is counted in. */
export function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** The window of `frequencyMonths` containing the date. */
export function visitWindow(date: IsoDate, frequencyMonths: number): number {
  return Math.floor(monthIndex(date) / frequencyMonths);
}

/** The first day of a window. */
export function windowStart(window: number, frequencyMonths: number): IsoDate {
  const month = window * frequencyMonths;
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

export interface CellAssignmentPeriod {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  frequencyMonths: number;
}

export interface VisitCount {
  planned: number;
  done: number;
}

/**
 * Planned and made visits of one assignment between `from` and `asOf`
 * (inclusive), given the dates the member attended the cell. A window is
 * planned when the assignment runs on its first day and the window has ended
 * by `asOf`; the window containing `asOf` is planned only if visited.
 */
export function countVisits(assignment: CellAssignmentPeriod, from: IsoDate, asOf: IsoDate, attendedOn: readonly IsoDate[]): VisitCount {
  const f = assignment.frequencyMonths;
  const start = compareIsoDates(assignment.validFrom, from) > 0 ? assignment.validFrom : from;
  const end = assignment.validTo !== null && compareIsoDates(assignment.validTo, asOf) < 0 ? assignment.validTo : asOf;
  if (compareIsoDates(end, start) < 0) return { planned: 0, done: 0 };
  const startWindow = visitWindow(start, f);
  const firstWindow = windowStart(startWindow, f) === start ? startWindow : startWindow + 1;
  const lastWindow = visitWindow(end, f);
  const lastEnded = visitWindow(addDays(asOf, 1), f) - 1;
  const visited = new Set(
    attendedOn
      .filter((date) => compareIsoDates(date, assignment.validFrom) >= 0 && compareIsoDates(date, end) <= 0 && compareIsoDates(date, from) >= 0)
      .map((date) => visitWindow(date, f))
      .filter((window) => window >= firstWindow && window <= lastWindow),
  );
  const currentVisited = lastWindow > lastEnded && visited.has(lastWindow) ? 1 : 0;
  return { planned: Math.max(0, Math.min(lastWindow, lastEnded) - firstWindow + 1) + currentVisited, done: visited.size };
}

/** Share of planned visits made, one decimal; null when none was planned. */
export function visitRate(done: number, planned: number): number | null {
  return planned === 0 ? null : Math.round((done / planned) * 1000) / 10;
}
