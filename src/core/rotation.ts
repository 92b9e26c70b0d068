import { addMonths, formatVietnameseDate, type IsoDate, monthsBetween } from './dates.js';
import { formatMonthsVi, type Sex, workingLifeOn } from './retirement.js';

/**
 * Rotation (luân chuyển) and assignment (điều động) of cadres: the rules a
 * decision is checked against. A rule not met is a warning with its legal
 * basis, recorded with the decision, not a refusal: the law allows special
 * cases (Regulation 65-QĐ/TW, art. 5) and the deciding body answers for them.
 */

export const ROTATION_KINDS = ['luan_chuyen', 'dieu_dong'] as const;
export type RotationKind = (typeof ROTATION_KINDS)[number];

/** Regulation 65-QĐ/TW art. 3: from a higher level to a lower one, the reverse, or between localities and agencies of one level. */
export const ROTATION_DIRECTIONS = ['down', 'up', 'across'] as const;
export type RotationDirection = (typeof ROTATION_DIRECTIONS)[number];

export const ROTATION_PURPOSES = ['strengthen_weak', 'training', 'other'] as const;
export type RotationPurpose = (typeof ROTATION_PURPOSES)[number];

/** How a rotation ends: back to the post of origin, staying in the destination post, or another placement. */
export const ROTATION_PLACEMENTS = ['return', 'stay', 'other'] as const;
export type RotationPlacement = (typeof ROTATION_PLACEMENTS)[number];

/** The figures of the rotation regulation in force on a day (stored as dated data, `rotation_rule`). */
export interface RotationRule {
  validFrom: IsoDate;
  /** Length of a rotation when the decision names no end. */
  defaultMonths: number;
  minimumMonths: number;
  /** Working time left at the start, in years. */
  minimumServiceYears: number;
  basis: string;
}

export type RotationWarningCode = 'not_in_plan' | 'service_left_short' | 'service_left_unknown' | 'duration_short' | 'post_not_vacant';

export interface RotationWarning {
  code: RotationWarningCode;
  message: string;
  messageEn: string;
  basis: string;
}

export interface RotationCheck {
  startDate: IsoDate;
  plannedEndDate: IsoDate;
  person: { sex: Sex | null; birthDate: IsoDate | null };
  /** Others holding the destination post on the start day. */
  destinationHolders: readonly string[];
  /** Planned, on the start day, for the destination title or a higher one of the destination unit. */
  inSuccessionPlan: boolean;
  rule: RotationRule;
}

export function defaultPlannedEnd(startDate: IsoDate, rule: RotationRule): IsoDate {
  return addMonths(startDate, rule.defaultMonths);
}

/** The rules the decision does not meet, each with its basis; empty when it meets them all. */
export function rotationWarnings(check: RotationCheck): RotationWarning[] {
  const { rule } = check;
  const warnings: RotationWarning[] = [];
  if (!check.inSuccessionPlan) {
    warnings.push({
      code: 'not_in_plan',
      message: 'Người được luân chuyển chưa có trong quy hoạch chức danh nơi đến hoặc chức danh cao hơn của đơn vị nơi đến',
      messageEn: 'The person is not in the succession plan for the destination title or a higher one',
      basis: rule.basis,
    });
  }
  const neededMonths = rule.minimumServiceYears * 12;
  if (check.person.sex && check.person.birthDate) {
    const life = workingLifeOn(check.person.sex, check.person.birthDate, check.startDate);
    if (life.monthsLeft < neededMonths) {
      warnings.push({
        code: 'service_left_short',
        message: `Khi bắt đầu luân chuyển chỉ còn ${formatMonthsVi(life.monthsLeft)} công tác (nghỉ hưu từ ${formatVietnameseDate(life.retiresFrom)}), dưới ${rule.minimumServiceYears} năm`,
        messageEn: `Only ${life.monthsLeft} months of service left at the start (retired from ${life.retiresFrom}), below ${rule.minimumServiceYears} years`,
        basis: rule.basis,
      });
    }
  } else {
    warnings.push({
      code: 'service_left_unknown',
      message: `Chưa có giới tính và ngày sinh nên không kiểm tra được điều kiện còn ít nhất ${rule.minimumServiceYears} năm công tác`,
      messageEn: `Sex and birth date are missing: the ${rule.minimumServiceYears} years of service left cannot be checked`,
      basis: rule.basis,
    });
  }
  const months = monthsBetween(check.startDate, check.plannedEndDate);
  if (months < rule.minimumMonths) {
    warnings.push({
      code: 'duration_short',
      message: `Thời gian luân chuyển dự kiến ${formatMonthsVi(months)}, dưới ${rule.minimumMonths} tháng`,
      messageEn: `Planned rotation of ${months} months, below ${rule.minimumMonths}`,
      basis: rule.basis,
    });
  }
  if (check.destinationHolders.length > 0) {
    warnings.push({
      code: 'post_not_vacant',
      message: `Chức danh nơi đến đang có người giữ (${check.destinationHolders.join(', ')}); không bố trí thêm chức danh cho cán bộ luân chuyển`,
      messageEn: `The destination post is held (${check.destinationHolders.join(', ')}); no post is added for a rotated cadre`,
      basis: rule.basis,
    });
  }
  return warnings;
}

/** Months actually served on a day: from the start to the end, or to the day viewed while it runs. */
export function monthsServed(startDate: IsoDate, endDate: IsoDate | null, onDate: IsoDate): number {
  const until = endDate !== null && endDate < onDate ? endDate : onDate;
  return until < startDate ? 0 : monthsBetween(startDate, until);
}
