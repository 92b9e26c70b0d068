import { addDays, compareIsoDates, dayOfWeek, type IsoDate } from './dates.js';

/** Kinds of citizen petition (đơn thư), Circular 05/2021/TT-TTCP. */
export type PetitionType = 'khieu_nai' | 'to_cao' | 'kien_nghi' | 'phan_anh';

export const PETITION_TYPE_LABELS: Readonly<Record<PetitionType, { vi: string; en: string }>> = {
  khieu_nai: { vi: 'Khiếu nại', en: 'Complaint' },
  to_cao: { vi: 'Tố cáo', en: 'Denunciation' },
  kien_nghi: { vi: 'Kiến nghị', en: 'Recommendation' },
  phan_anh: { vi: 'Phản ánh', en: 'Feedback' },
};

/*
 * How periods are counted. The Law on Complaints 2011 and the Law on
 * Denunciations 2018 give these periods in "ngày" (calendar days), not
 * "ngày làm việc", so the Civil Code 2015 counting rules apply:
 * - art. 147: the day of the event (receipt, acceptance) is not counted, so
 *   "within 10 days from 01/03" ends at the end of 11/03;
 * - art. 148: when the last day is a weekend day or public holiday, the
 *   period ends at the end of the next working day.
 * Public holidays move every year (Tết), so callers pass them in.
 */

export interface DeadlineCalendar {
  /** Public holidays (ngày nghỉ lễ, Tết) on which a period cannot end. */
  holidays?: ReadonlySet<IsoDate>;
}

const SATURDAY = 6;
const SUNDAY = 0;

function isDayOff(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  const day = dayOfWeek(date);
  return day === SATURDAY || day === SUNDAY || holidays.has(date);
}

/** Last day of a period of `days` days starting the day after `from`. */
export function periodEnd(from: IsoDate, days: number, calendar: DeadlineCalendar = {}): IsoDate {
  const holidays = calendar.holidays ?? new Set<IsoDate>();
  let end = addDays(from, days);
  while (isDayOff(end, holidays)) end = addDays(end, 1);
  return end;
}

/** Periods of the Law on Complaints 2011 for a first-time complaint, in days. */
export interface ComplaintPeriods {
  /** Art. 9: time limit to complain, from receiving or learning of the decision or act. */
  filingDays: number;
  /** Art. 27: accept (thụ lý) or refuse, from receipt. */
  acceptanceDays: number;
  /** Art. 28: settle, from acceptance… */
  settlementDays: number;
  /** …complex cases… */
  complexSettlementDays: number;
  /** …remote or hard-to-reach areas (vùng sâu, vùng xa)… */
  remoteSettlementDays: number;
  /** …complex cases there. */
  remoteComplexSettlementDays: number;
}

export const COMPLAINT_PERIODS: Readonly<ComplaintPeriods> = {
  filingDays: 90,
  acceptanceDays: 10,
  settlementDays: 30,
  complexSettlementDays: 45,
  remoteSettlementDays: 45,
  remoteComplexSettlementDays: 60,
};

export interface ComplaintInput {
  /** When the complainant received or learnt of the decision or act, if known. */
  decisionReceivedOn?: IsoDate | null;
  receivedOn: IsoDate;
  acceptedOn?: IsoDate | null;
  complex: boolean;
  remoteArea: boolean;
}

export interface ComplaintDeadlines {
  /** Last day to file; null when the decision date is unknown. */
  fileBy: IsoDate | null;
  /** Whether the complaint arrived by `fileBy`; null when the decision date is unknown. */
  filedInTime: boolean | null;
  acceptBy: IsoDate;
  settlementDays: number;
  /** Null until the complaint is accepted. */
  settleBy: IsoDate | null;
}

export function complaintDeadlines(input: ComplaintInput, periods: ComplaintPeriods = COMPLAINT_PERIODS, calendar: DeadlineCalendar = {}): ComplaintDeadlines {
  const fileBy = input.decisionReceivedOn ? periodEnd(input.decisionReceivedOn, periods.filingDays, calendar) : null;
  const settlementDays = input.remoteArea
    ? input.complex
      ? periods.remoteComplexSettlementDays
      : periods.remoteSettlementDays
    : input.complex
      ? periods.complexSettlementDays
      : periods.settlementDays;
  return {
    fileBy,
    filedInTime: fileBy === null ? null : compareIsoDates(input.receivedOn, fileBy) <= 0,
    acceptBy: periodEnd(input.receivedOn, periods.acceptanceDays, calendar),
    settlementDays,
    settleBy: input.acceptedOn ? periodEnd(input.acceptedOn, settlementDays, calendar) : null,
  };
}

export type DenunciationComplexity = 'normal' | 'complex' | 'especially_complex';

export const DENUNCIATION_COMPLEXITY_LABELS: Readonly<Record<DenunciationComplexity, { vi: string; en: string }>> = {
  normal: { vi: 'Thông thường', en: 'Normal' },
  complex: { vi: 'Phức tạp', en: 'Complex' },
  especially_complex: { vi: 'Đặc biệt phức tạp', en: 'Especially complex' },
};

/** Law on Denunciations 2018, art. 30, in days. */
export interface DenunciationPeriods {
  settlementDays: number;
  extensionDays: number;
  maxExtensions: Readonly<Record<DenunciationComplexity, number>>;
}

export const DENUNCIATION_PERIODS: Readonly<DenunciationPeriods> = {
  settlementDays: 30,
  extensionDays: 30,
  maxExtensions: { normal: 0, complex: 1, especially_complex: 2 },
};

export interface DenunciationInput {
  acceptedOn: IsoDate;
  complexity: DenunciationComplexity;
  extensionsUsed: number;
}

export interface DenunciationDeadline {
  /** Deadline with the extensions granted so far, each taken at its maximum length. */
  dueOn: IsoDate;
  maxExtensions: number;
  /** Deadline if every extension the law allows is granted. */
  latestDueOn: IsoDate;
}

export function denunciationDeadline(
  input: DenunciationInput,
  periods: DenunciationPeriods = DENUNCIATION_PERIODS,
  calendar: DeadlineCalendar = {},
): DenunciationDeadline {
  const maxExtensions = periods.maxExtensions[input.complexity];
  if (!Number.isInteger(input.extensionsUsed) || input.extensionsUsed < 0 || input.extensionsUsed > maxExtensions) {
    throw new RangeError(`A ${input.complexity} denunciation allows 0–${maxExtensions} extensions, got ${input.extensionsUsed}`);
  }
  const due = (extensions: number) => periodEnd(input.acceptedOn, periods.settlementDays + extensions * periods.extensionDays, calendar);
  return { dueOn: due(input.extensionsUsed), maxExtensions, latestDueOn: due(maxExtensions) };
}

/** Settled after the deadline, or still open after it. */
export function isOverdue(dueOn: IsoDate, today: IsoDate, resolvedOn?: IsoDate | null): boolean {
  return compareIsoDates(resolvedOn ?? today, dueOn) > 0;
}
