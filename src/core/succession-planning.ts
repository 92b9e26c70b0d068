import { addMonths, compareIsoDates, formatVietnameseDate, type IsoDate, monthsBetween } from './dates.js';
import { formatMonthsVi, retirementDate, type Sex } from './retirement.js';

/**
 * Succession planning (quy hoạch) of commune titles: Regulation 50-QĐ/TW
 * (2021), then Regulation 377-QĐ/TW (10/2025), details not checked against
 * the original texts. The figures are dated data: the rules in force on the
 * start of the planned term apply.
 */
export interface PlanningRule {
  validFrom: IsoDate;
  /** At most this many people planned for one title. */
  maxPerTitle: number;
  /** A person planned for at most this many titles at one level. */
  maxTitlesPerPerson: number;
  /** Fewer candidates than this for a title is a gap in the plan. */
  usualPerTitle: number;
  /** Working time left at the start of the planned term: one full term. */
  minimumServiceMonths: number;
  /** Structure targets, as shares of the people planned. */
  womenTarget: number;
  youngTarget: number;
  /** "Cán bộ trẻ": under this age at the start of the term. */
  youngUnderAge: number;
  basis: string;
}

export const PLANNING_RULES: readonly PlanningRule[] = [
  {
    validFrom: '2021-01-01',
    maxPerTitle: 3,
    maxTitlesPerPerson: 3,
    usualPerTitle: 2,
    minimumServiceMonths: 60,
    womenTarget: 0.25,
    youngTarget: 0.15,
    youngUnderAge: 35,
    basis: 'Quy định 50-QĐ/TW năm 2021 về công tác quy hoạch cán bộ (tuổi cán bộ trẻ cấp xã: chưa đối chiếu văn bản gốc)',
  },
  {
    validFrom: '2025-10-01',
    maxPerTitle: 3,
    maxTitlesPerPerson: 3,
    usualPerTitle: 2,
    minimumServiceMonths: 60,
    womenTarget: 0.25,
    youngTarget: 0.15,
    youngUnderAge: 35,
    basis: 'Quy định 377-QĐ/TW tháng 10/2025 về công tác quy hoạch cán bộ (chi tiết: chưa đối chiếu văn bản gốc)',
  },
];

export function planningRuleOn(date: IsoDate, rules: readonly PlanningRule[] = PLANNING_RULES): PlanningRule {
  return [...rules].reverse().find((rule) => compareIsoDates(rule.validFrom, date) <= 0) ?? rules[0]!;
}

/** "2025-2030": five years from the first. */
export function isTermLabel(value: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  return match !== null && Number(match[2]) - Number(match[1]) === 5;
}

export interface PlanningCandidate {
  sex: Sex | null;
  birthDate: IsoDate | null;
}

export interface PlanningProblem {
  code: 'service_short' | 'birth_unknown';
  message: string;
  messageEn: string;
}

/** Whether a person may be planned for a term starting on `termStartsOn`: one full term of working time left then. */
export function planningProblems(candidate: PlanningCandidate, termStartsOn: IsoDate, rule: PlanningRule): PlanningProblem[] {
  if (!candidate.sex || !candidate.birthDate) {
    return [
      {
        code: 'birth_unknown',
        message: 'Chưa có giới tính và ngày sinh nên không kiểm tra được thời gian công tác còn lại khi bắt đầu nhiệm kỳ',
        messageEn: 'Sex and birth date are needed to check the working time left at the start of the term',
      },
    ];
  }
  const retiresFrom = retirementDate(candidate.sex, candidate.birthDate).retiresFrom;
  const left = Math.max(0, monthsBetween(termStartsOn, retiresFrom));
  if (left >= rule.minimumServiceMonths) return [];
  return [
    {
      code: 'service_short',
      message: `Khi bắt đầu nhiệm kỳ (${formatVietnameseDate(termStartsOn)}) chỉ còn ${formatMonthsVi(left)} công tác (nghỉ hưu từ ${formatVietnameseDate(retiresFrom)}), chưa đủ một nhiệm kỳ ${rule.minimumServiceMonths} tháng (${rule.basis})`,
      messageEn: `Only ${left} months of service left at the start of the term (${termStartsOn}); a full term of ${rule.minimumServiceMonths} months is required`,
    },
  ];
}

/** Under `youngUnderAge` on the day the term starts. */
export function isYoungAt(birthDate: IsoDate, termStartsOn: IsoDate, rule: PlanningRule): boolean {
  return compareIsoDates(addMonths(birthDate, rule.youngUnderAge * 12), termStartsOn) > 0;
}

export interface StructureFigures {
  people: number;
  women: number;
  young: number;
  ethnicMinority: number;
}

/** Shares against the targets: women and young cadres (Regulation 50: ≥ 25 % and ≥ 15 %). */
export function structureAgainstTargets(figures: StructureFigures, rule: PlanningRule) {
  const share = (n: number) => (figures.people === 0 ? null : n / figures.people);
  const women = share(figures.women);
  const young = share(figures.young);
  return {
    womenShare: women,
    youngShare: young,
    ethnicMinorityShare: share(figures.ethnicMinority),
    womenMet: women !== null && women >= rule.womenTarget,
    youngMet: young !== null && young >= rule.youngTarget,
  };
}
