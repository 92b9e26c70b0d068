import { compareIsoDates, daysBetween, formatVietnameseDate, type IsoDate } from './dates.js';
import { calendarDaysPeriodEnd, type WorkCalendar, workingDaysPeriodEnd } from './work-calendar.js';

/** Kinds of citizen petition (đơn), Circular 05/2021/TT-TTCP. */
export const PETITION_TYPES = ['khieu_nai', 'to_cao', 'kien_nghi', 'phan_anh'] as const;
export type PetitionType = (typeof PETITION_TYPES)[number];

export const PETITION_TYPE_LABELS: Readonly<Record<PetitionType, { vi: string; en: string }>> = {
  khieu_nai: { vi: 'Khiếu nại', en: 'Complaint' },
  to_cao: { vi: 'Tố cáo', en: 'Denunciation' },
  kien_nghi: { vi: 'Kiến nghị', en: 'Recommendation' },
  phan_anh: { vi: 'Phản ánh', en: 'Feedback' },
};

export const DENUNCIATION_COMPLEXITIES = ['normal', 'complex', 'especially_complex'] as const;
export type DenunciationComplexity = (typeof DENUNCIATION_COMPLEXITIES)[number];

export const DENUNCIATION_COMPLEXITY_LABELS: Readonly<Record<DenunciationComplexity, { vi: string; en: string }>> = {
  normal: { vi: 'Thông thường', en: 'Normal' },
  complex: { vi: 'Phức tạp', en: 'Complex' },
  especially_complex: { vi: 'Đặc biệt phức tạp', en: 'Especially complex' },
};

/**
 * The legal periods, each a dated rule kept as data (table `legal_period`):
 * Law 136/2025/QH15 amends the laws on citizen reception, complaints and
 * denunciations from 2026-07-01, so a petition is timed by the version in
 * force on the day its stage starts. Whether the laws' "ngày" means calendar
 * or working days is disputed (Circular 07/2013/TT-TTCP read working days),
 * so the unit belongs to each rule.
 */
export const LEGAL_PERIOD_CODES = [
  'complaint.acceptance',
  'complaint.first.normal',
  'complaint.first.complex',
  'complaint.first.remote',
  'complaint.first.remote_complex',
  'complaint.second.normal',
  'complaint.second.complex',
  'complaint.second.remote',
  'complaint.second.remote_complex',
  'denunciation.screening',
  'denunciation.screening_several_places',
  'denunciation.settlement',
  'denunciation.extension',
  'denunciation.extensions.complex',
  'denunciation.extensions.especially_complex',
  'petition.answer',
  'over_level.report_back',
  'reception.commune.per_week',
  'reception.district.per_month',
  'reception.province.per_month',
  'reception.deputy_allowed',
] as const;
export type LegalPeriodCode = (typeof LEGAL_PERIOD_CODES)[number];

export type PeriodUnit = 'calendar_days' | 'working_days' | 'times';

export interface LegalPeriodRule {
  code: LegalPeriodCode;
  amount: number;
  unit: PeriodUnit;
  validFrom: IsoDate;
  /** Last day in force; null while in force. */
  validTo: IsoDate | null;
  /** The article of law, e.g. "Luật Khiếu nại 2011, Điều 27". */
  basis: string;
}

export class MissingLegalPeriodError extends Error {
  constructor(
    readonly code: LegalPeriodCode,
    readonly on: IsoDate,
  ) {
    super(`Chưa có quy định thời hạn "${code}" áp dụng ngày ${formatVietnameseDate(on)}`);
  }
}

/** The version of a rule in force on a date. */
export function ruleInForce(rules: readonly LegalPeriodRule[], code: LegalPeriodCode, on: IsoDate): LegalPeriodRule {
  const rule = rules.find(
    (candidate) =>
      candidate.code === code && compareIsoDates(candidate.validFrom, on) <= 0 && (candidate.validTo === null || compareIsoDates(on, candidate.validTo) <= 0),
  );
  if (!rule) throw new MissingLegalPeriodError(code, on);
  return rule;
}

function periodEnd(rule: LegalPeriodRule, from: IsoDate, calendar: WorkCalendar, amount = rule.amount): IsoDate {
  if (rule.unit === 'working_days') return workingDaysPeriodEnd(from, amount, calendar);
  if (rule.unit === 'calendar_days') return calendarDaysPeriodEnd(from, amount, calendar);
  throw new RangeError(`Rule ${rule.code} counts times, not days`);
}

/** The facts of a petition its clocks depend on. */
export interface PetitionClockInput {
  type: PetitionType;
  receivedOn: IsoDate;
  /** Complaints: 1 for the first settlement, 2 for the second (Law on Complaints 2011, art. 37). */
  complaintRound: 1 | 2;
  complex: boolean;
  /** Vùng sâu, vùng xa, đi lại khó khăn (Law on Complaints 2011, art. 28, 37). */
  remoteArea: boolean;
  denunciationComplexity: DenunciationComplexity;
  /** Verification needed at several places: 10 working days to screen instead of 7 (Law on Denunciations 2018, art. 24). */
  verifiedAtSeveralPlaces: boolean;
  /** When the handling decision (accept, guide, transfer, file) was taken. */
  decidedOn: IsoDate | null;
  acceptedOn: IsoDate | null;
  extensionsUsed: number;
  settledOn: IsoDate | null;
  /** Sent down by a higher level ("vượt cấp", Law on Citizen Reception 2013, art. 26): the settlement is reported back. */
  reportsBack: boolean;
  reportedBackOn: IsoDate | null;
}

export const PETITION_STAGES = ['processing', 'settlement', 'report_back'] as const;
export type PetitionStage = (typeof PETITION_STAGES)[number];

export const PETITION_STAGE_LABELS: Readonly<Record<PetitionStage, { vi: string; en: string }>> = {
  processing: { vi: 'Xử lý đơn', en: 'Processing' },
  settlement: { vi: 'Giải quyết', en: 'Settlement' },
  report_back: { vi: 'Báo cáo kết quả lên cấp trên', en: 'Report back' },
};

export interface StageClock {
  stage: PetitionStage;
  startedOn: IsoDate;
  dueOn: IsoDate;
  /** When the stage ended; the clock stops there, so on-time or late is fixed. */
  closedOn: IsoDate | null;
  rule: LegalPeriodRule;
  /** For a denunciation: the days granted by extensions, included in dueOn. */
  extensionDays: number;
}

/** The rule of the first stage: accept or refuse a complaint, screen a denunciation, answer the rest. */
function processingRule(input: PetitionClockInput, rules: readonly LegalPeriodRule[]): LegalPeriodRule {
  switch (input.type) {
    case 'khieu_nai':
      return ruleInForce(rules, 'complaint.acceptance', input.receivedOn);
    case 'to_cao':
      return ruleInForce(rules, input.verifiedAtSeveralPlaces ? 'denunciation.screening_several_places' : 'denunciation.screening', input.receivedOn);
    default:
      return ruleInForce(rules, 'petition.answer', input.receivedOn);
  }
}

function complaintSettlementCode(input: PetitionClockInput): LegalPeriodCode {
  const round = input.complaintRound === 2 ? 'second' : 'first';
  const variant = input.remoteArea ? (input.complex ? 'remote_complex' : 'remote') : input.complex ? 'complex' : 'normal';
  return `complaint.${round}.${variant}` as LegalPeriodCode;
}

/** How many written extensions the law allows a denunciation of this complexity (art. 30). */
export function maxDenunciationExtensions(complexity: DenunciationComplexity, rules: readonly LegalPeriodRule[], acceptedOn: IsoDate): number {
  if (complexity === 'normal') return 0;
  return ruleInForce(rules, complexity === 'complex' ? 'denunciation.extensions.complex' : 'denunciation.extensions.especially_complex', acceptedOn).amount;
}

/** Each stage the petition has reached, with its deadline by the rules and calendar in force. */
export function petitionStages(input: PetitionClockInput, rules: readonly LegalPeriodRule[], calendar: WorkCalendar): StageClock[] {
  const processing = processingRule(input, rules);
  const stages: StageClock[] = [
    {
      stage: 'processing',
      startedOn: input.receivedOn,
      dueOn: periodEnd(processing, input.receivedOn, calendar),
      closedOn: input.decidedOn,
      rule: processing,
      extensionDays: 0,
    },
  ];
  if (input.acceptedOn && (input.type === 'khieu_nai' || input.type === 'to_cao')) {
    if (input.type === 'khieu_nai') {
      const rule = ruleInForce(rules, complaintSettlementCode(input), input.acceptedOn);
      stages.push({
        stage: 'settlement',
        startedOn: input.acceptedOn,
        dueOn: periodEnd(rule, input.acceptedOn, calendar),
        closedOn: input.settledOn,
        rule,
        extensionDays: 0,
      });
    } else {
      const rule = ruleInForce(rules, 'denunciation.settlement', input.acceptedOn);
      const extensionDays = input.extensionsUsed * ruleInForce(rules, 'denunciation.extension', input.acceptedOn).amount;
      stages.push({
        stage: 'settlement',
        startedOn: input.acceptedOn,
        dueOn: periodEnd(rule, input.acceptedOn, calendar, rule.amount + extensionDays),
        closedOn: input.settledOn,
        rule,
        extensionDays,
      });
    }
  }
  if (input.reportsBack && input.settledOn) {
    const rule = ruleInForce(rules, 'over_level.report_back', input.settledOn);
    stages.push({
      stage: 'report_back',
      startedOn: input.settledOn,
      dueOn: periodEnd(rule, input.settledOn, calendar),
      closedOn: input.reportedBackOn,
      rule,
      extensionDays: 0,
    });
  }
  return stages;
}

export type ClockState = 'running' | 'overdue' | 'on_time' | 'late';

export interface ClockReading {
  state: ClockState;
  /** Running: calendar days left until the end of the due day (0 on the due day). Overdue or late: days past it. On time: 0. */
  days: number;
}

/** "còn N ngày" or "quá hạn N ngày" on a date; frozen once the stage closed. */
export function readClock(stage: Pick<StageClock, 'dueOn' | 'closedOn'>, today: IsoDate): ClockReading {
  if (stage.closedOn) {
    const late = daysBetween(stage.dueOn, stage.closedOn);
    return late > 0 ? { state: 'late', days: late } : { state: 'on_time', days: 0 };
  }
  const left = daysBetween(today, stage.dueOn);
  return left >= 0 ? { state: 'running', days: left } : { state: 'overdue', days: -left };
}

export function clockText(reading: ClockReading): string {
  switch (reading.state) {
    case 'running':
      return reading.days === 0 ? 'Hết hạn hôm nay' : `Còn ${reading.days} ngày`;
    case 'overdue':
      return `Quá hạn ${reading.days} ngày`;
    case 'on_time':
      return 'Đúng hạn';
    case 'late':
      return `Trễ ${reading.days} ngày`;
  }
}

export interface DateProblem {
  field: 'decidedOn' | 'acceptedOn' | 'settledOn' | 'reportedBackOn' | 'extensionsUsed';
  message: string;
  messageEn: string;
}

/** Dates out of order and extensions beyond the law, in Vietnamese and English, by field. */
export function petitionDateProblems(input: PetitionClockInput, rules: readonly LegalPeriodRule[]): DateProblem[] {
  const problems: DateProblem[] = [];
  const before = (a: IsoDate | null, b: IsoDate | null) => a !== null && b !== null && compareIsoDates(a, b) < 0;
  if (before(input.decidedOn, input.receivedOn)) {
    problems.push({
      field: 'decidedOn',
      message: `Ngày xử lý đơn không được trước ngày nhận đơn (${formatVietnameseDate(input.receivedOn)})`,
      messageEn: `The handling date cannot be before the date of receipt (${input.receivedOn})`,
    });
  }
  if (before(input.acceptedOn, input.receivedOn)) {
    problems.push({
      field: 'acceptedOn',
      message: `Ngày thụ lý không được trước ngày nhận đơn (${formatVietnameseDate(input.receivedOn)})`,
      messageEn: `The acceptance date cannot be before the date of receipt (${input.receivedOn})`,
    });
  }
  if (input.settledOn && !input.acceptedOn && (input.type === 'khieu_nai' || input.type === 'to_cao')) {
    problems.push({
      field: 'settledOn',
      message: 'Đơn chưa được thụ lý thì chưa thể ghi kết quả giải quyết',
      messageEn: 'A case not accepted cannot be settled',
    });
  }
  if (before(input.settledOn, input.acceptedOn ?? input.receivedOn)) {
    problems.push({
      field: 'settledOn',
      message: input.acceptedOn
        ? `Ngày giải quyết không được trước ngày thụ lý (${formatVietnameseDate(input.acceptedOn)})`
        : `Ngày giải quyết không được trước ngày nhận đơn (${formatVietnameseDate(input.receivedOn)})`,
      messageEn: `The settlement date cannot be before ${input.acceptedOn ? `the acceptance (${input.acceptedOn})` : `the receipt (${input.receivedOn})`}`,
    });
  }
  if (input.reportedBackOn && !input.settledOn) {
    problems.push({ field: 'reportedBackOn', message: 'Chỉ báo cáo kết quả lên cấp trên sau khi đã giải quyết', messageEn: 'Report back only after settling' });
  }
  if (before(input.reportedBackOn, input.settledOn)) {
    problems.push({
      field: 'reportedBackOn',
      message: `Ngày báo cáo không được trước ngày giải quyết (${formatVietnameseDate(input.settledOn!)})`,
      messageEn: `The report cannot be dated before the settlement (${input.settledOn})`,
    });
  }
  if (input.extensionsUsed > 0) {
    if (input.type !== 'to_cao' || !input.acceptedOn) {
      problems.push({
        field: 'extensionsUsed',
        message: 'Chỉ gia hạn giải quyết được với đơn tố cáo đã thụ lý',
        messageEn: 'Only an accepted denunciation can be extended',
      });
    } else {
      const allowed = maxDenunciationExtensions(input.denunciationComplexity, rules, input.acceptedOn);
      if (input.extensionsUsed > allowed) {
        const label = DENUNCIATION_COMPLEXITY_LABELS[input.denunciationComplexity].vi.toLowerCase();
        problems.push({
          field: 'extensionsUsed',
          message:
            allowed === 0
              ? `Vụ việc tố cáo ${label} không được gia hạn (Luật Tố cáo 2018, Điều 30)`
              : `Vụ việc tố cáo ${label} được gia hạn tối đa ${allowed} lần (Luật Tố cáo 2018, Điều 30)`,
          messageEn: `The ${DENUNCIATION_COMPLEXITY_LABELS[input.denunciationComplexity].en.toLowerCase()} denunciation allows at most ${allowed} extension(s) (Law on Denunciations 2018, art. 30)`,
        });
      }
    }
  }
  return problems;
}
