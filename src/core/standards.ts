import { compareIsoDates, isValidIsoDate, type IsoDate } from './dates.js';
import {
  politicalTheory,
  professionalEducation,
  stateManagement,
  type PoliticalTheoryLevel,
  type ProfessionalLevel,
  type StateManagementLevel,
} from './qualifications.js';
import { TITLE_GROUP_LABELS, isKeyTitle, isTitleCode, titleByCode, type TitleCode, type TitleGroup } from './titles.js';

/**
 * The two kinds of commune the law distinguishes when it sets standards:
 * plains and urban communes, and mountainous, border, island, ethnic-minority
 * or especially disadvantaged ones, where provinces may lower the professional
 * requirement (Decree 33/2023/NĐ-CP art. 8; Decision 04/2004/QĐ-BNV before it).
 */
export type AreaClass = 'plains' | 'disadvantaged';
export type RuleAreaClass = AreaClass | 'any';

export const AREA_CLASS_LABELS: Readonly<Record<RuleAreaClass, { vi: string; en: string }>> = {
  plains: { vi: 'Đồng bằng, đô thị', en: 'Plains and urban areas' },
  disadvantaged: {
    vi: 'Miền núi, biên giới, hải đảo, vùng dân tộc thiểu số, vùng đặc biệt khó khăn',
    en: 'Mountainous, border, island, ethnic-minority and especially disadvantaged areas',
  },
  any: { vi: 'Mọi địa bàn', en: 'All areas' },
};

/** Flags stored for a commune in `commune_area_class.flags`. */
const PLAINS_FLAG = 'dong_bang';

/**
 * A commune counts as disadvantaged as soon as it carries any flag other than
 * plains: one mountainous village area is enough for the relaxed standard.
 * No flags: the class is unknown, and only rules for all areas can apply.
 */
export function areaClassFromFlags(flags: readonly string[]): AreaClass | null {
  if (flags.length === 0) return null;
  return flags.every((flag) => flag === PLAINS_FLAG) ? 'plains' : 'disadvantaged';
}

/** A province may set its own, stricter standard; where it has one it replaces the national one. */
export type RuleScope = 'national' | 'provincial';

/** 'key' is every key title (Vice-chair of the People's Committee and above). */
export type RuleTitleGroup = TitleGroup | 'key';

export type RuleTitles = { kind: 'titles'; codes: readonly TitleCode[] } | { kind: 'group'; group: RuleTitleGroup };

/**
 * One row of a standard set: what a holder of the listed posts must have,
 * for communes of one area class, during one period. Admins edit these; a
 * new version of a rule is a new row whose period starts where the old one's
 * ends.
 */
export interface StandardRule {
  id: string;
  setCode: string;
  scope: RuleScope;
  appliesTo: RuleTitles;
  validFrom: IsoDate;
  /** Last day in force, inclusive; null while in force. */
  validTo: IsoDate | null;
  areaClass: RuleAreaClass;
  /** null: no professional minimum. */
  minProfessional: ProfessionalLevel | null;
  /**
   * Accepted fields of study, matched without diacritics inside the
   * person's field ("Luật" matches "Đại học Luật kinh tế"); empty: any field.
   */
  professionalFields: readonly string[];
  minPoliticalTheory: PoliticalTheoryLevel | null;
  minStateManagement: StateManagementLevel | null;
  requireHighSchool: boolean;
  /** Working time left before retirement age at a first appointment or election; null: no rule. */
  minMonthsLeftAtFirstAppointment: number | null;
  /** Working time left at the party congress for re-election to the committee; null: no rule. */
  minMonthsLeftAtReElection: number | null;
  /** false when the figures were not verified in the official text. */
  confirmed: boolean;
  legalBasis: string;
  note: string;
}

/** A named collection of rules (a decree, a provincial regulation), for the admin screens. */
export interface StandardSet {
  code: string;
  nameVi: string;
  nameEn: string;
  scope: RuleScope;
  legalBasis: string;
  confirmed: boolean;
  note: string;
}

export function ruleAppliesToTitle(rule: Pick<StandardRule, 'appliesTo'>, titleCode: TitleCode): boolean {
  const target = rule.appliesTo;
  if (target.kind === 'titles') return target.codes.includes(titleCode);
  if (target.group === 'key') return isKeyTitle(titleCode);
  return titleByCode(titleCode).group === target.group;
}

export function ruleInForceOn(rule: Pick<StandardRule, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return compareIsoDates(rule.validFrom, date) <= 0 && (rule.validTo === null || compareIsoDates(date, rule.validTo) <= 0);
}

function ruleCoversArea(rule: Pick<StandardRule, 'areaClass'>, areaClass: AreaClass | null): boolean {
  return rule.areaClass === 'any' || rule.areaClass === areaClass;
}

/** Listing titles one by one is more specific than naming their body, which is more specific than "all key titles". */
function titleSpecificity(target: RuleTitles): number {
  if (target.kind === 'titles') return 2;
  return target.group === 'key' ? 0 : 1;
}

/** Higher wins: provincial scope, then title specificity, then area specificity. */
function precedence(rule: StandardRule): readonly [number, number, number] {
  return [rule.scope === 'provincial' ? 1 : 0, titleSpecificity(rule.appliesTo), rule.areaClass === 'any' ? 0 : 1];
}

function comparePrecedence(a: StandardRule, b: StandardRule): number {
  const pa = precedence(a);
  const pb = precedence(b);
  for (let i = 0; i < pa.length; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface RuleQuery {
  titleCode: TitleCode;
  date: IsoDate;
  /** null when the commune's class is not recorded: only rules for all areas then apply. */
  areaClass: AreaClass | null;
}

/**
 * The rule that judges a holder of `titleCode` in a commune of `areaClass`
 * on `date`, or null when none is in force (compliance 'no_standard').
 * Among rules in force for that title and area: a provincial rule beats a
 * national one; a rule listing the title beats one naming its group, which
 * beats one for all key titles; a rule for the commune's area class beats one
 * for all areas. Rules that still tie (which `findRuleConflicts` reports)
 * are decided by the later start, then by id, so the answer never depends on
 * the order of the list.
 */
export function selectRule(rules: readonly StandardRule[], query: RuleQuery): StandardRule | null {
  let best: StandardRule | null = null;
  for (const rule of rules) {
    if (!ruleInForceOn(rule, query.date) || !ruleAppliesToTitle(rule, query.titleCode) || !ruleCoversArea(rule, query.areaClass)) {
      continue;
    }
    if (best === null) {
      best = rule;
      continue;
    }
    const byPrecedence = comparePrecedence(rule, best);
    const byStart = compareIsoDates(rule.validFrom, best.validFrom);
    if (byPrecedence > 0 || (byPrecedence === 0 && (byStart > 0 || (byStart === 0 && rule.id < best.id)))) best = rule;
  }
  return best;
}

/** "Bí thư, Phó Bí thư TT", "Ủy ban nhân dân", "Các chức danh chủ chốt". */
export function describeRuleTitlesVi(target: RuleTitles): string {
  if (target.kind === 'titles') return target.codes.map((code) => titleByCode(code).shortNameVi).join(', ');
  return target.group === 'key' ? 'Các chức danh chủ chốt' : TITLE_GROUP_LABELS[target.group].vi;
}

export interface RuleConflict {
  ruleIds: readonly [string, string];
  message: string;
}

function periodsOverlap(a: StandardRule, b: StandardRule): boolean {
  const aStartsBeforeBEnds = b.validTo === null || compareIsoDates(a.validFrom, b.validTo) <= 0;
  const bStartsBeforeAEnds = a.validTo === null || compareIsoDates(b.validFrom, a.validTo) <= 0;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

function titlesOverlap(a: RuleTitles, b: RuleTitles): boolean {
  if (a.kind === 'titles' && b.kind === 'titles') return a.codes.some((code) => b.codes.includes(code));
  if (a.kind === 'group' && b.kind === 'group') return a.group === b.group;
  return false;
}

/**
 * Pairs of rules that `selectRule` could only separate by start date or id:
 * same scope, same kind of title match over common titles, same area class,
 * overlapping periods. An admin must close one before saving the other.
 */
export function findRuleConflicts(rules: readonly StandardRule[]): RuleConflict[] {
  const conflicts: RuleConflict[] = [];
  rules.forEach((a, i) => {
    for (const b of rules.slice(i + 1)) {
      if (
        a.scope === b.scope &&
        a.areaClass === b.areaClass &&
        titleSpecificity(a.appliesTo) === titleSpecificity(b.appliesTo) &&
        titlesOverlap(a.appliesTo, b.appliesTo) &&
        periodsOverlap(a, b)
      ) {
        conflicts.push({
          ruleIds: [a.id, b.id],
          message: `Tiêu chuẩn «${a.id}» và «${b.id}» cùng áp dụng cho ${describeRuleTitlesVi(a.appliesTo)} (${AREA_CLASS_LABELS[a.areaClass].vi}) trong khoảng thời gian trùng nhau; hãy kết thúc hiệu lực của một tiêu chuẩn trước khi tiêu chuẩn kia bắt đầu.`,
        });
      }
    }
  });
  return conflicts;
}

function checkMonths(value: number | null, what: string, errors: string[]): void {
  if (value !== null && (!Number.isInteger(value) || value < 0 || value > 600)) {
    errors.push(`Số tháng công tác còn lại ${what} phải là số nguyên từ 0 đến 600.`);
  }
}

/** What is wrong with a rule an admin typed, in Vietnamese; empty when it can be saved. */
export function validateStandardRule(rule: StandardRule): string[] {
  const errors: string[] = [];
  if (rule.id.trim() === '') errors.push('Thiếu mã tiêu chuẩn.');
  if (rule.setCode.trim() === '') errors.push('Thiếu mã bộ tiêu chuẩn.');
  if (rule.legalBasis.trim() === '') errors.push('Thiếu căn cứ pháp lý.');
  const { appliesTo } = rule;
  if (appliesTo.kind === 'titles') {
    if (appliesTo.codes.length === 0) errors.push('Chưa chọn chức danh áp dụng.');
    const unknown = appliesTo.codes.filter((code) => !isTitleCode(code));
    if (unknown.length > 0) errors.push(`Chức danh không có trong danh mục: ${unknown.join(', ')}.`);
    if (new Set(appliesTo.codes).size !== appliesTo.codes.length) errors.push('Một chức danh được chọn hai lần.');
  } else if (appliesTo.group !== 'key' && !(appliesTo.group in TITLE_GROUP_LABELS)) {
    errors.push(`Nhóm chức danh không hợp lệ: ${String(appliesTo.group)}.`);
  }
  if (!isValidIsoDate(rule.validFrom)) errors.push('Ngày bắt đầu hiệu lực không hợp lệ.');
  if (rule.validTo !== null && !isValidIsoDate(rule.validTo)) errors.push('Ngày hết hiệu lực không hợp lệ.');
  if (isValidIsoDate(rule.validFrom) && rule.validTo !== null && isValidIsoDate(rule.validTo) && compareIsoDates(rule.validTo, rule.validFrom) < 0) {
    errors.push('Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi.');
  }
  if (!(rule.areaClass in AREA_CLASS_LABELS)) errors.push(`Địa bàn không hợp lệ: ${String(rule.areaClass)}.`);
  if (rule.minProfessional !== null && !professionalEducation.isLevel(rule.minProfessional)) {
    errors.push('Trình độ chuyên môn tối thiểu không hợp lệ.');
  }
  if (rule.professionalFields.some((field) => field.trim() === '')) errors.push('Chuyên ngành yêu cầu không được để trống.');
  if (rule.minPoliticalTheory !== null && !politicalTheory.isLevel(rule.minPoliticalTheory)) {
    errors.push('Trình độ lý luận chính trị tối thiểu không hợp lệ.');
  }
  if (rule.minStateManagement !== null && !stateManagement.isLevel(rule.minStateManagement)) {
    errors.push('Trình độ quản lý nhà nước tối thiểu không hợp lệ.');
  }
  checkMonths(rule.minMonthsLeftAtFirstAppointment, 'khi bổ nhiệm lần đầu', errors);
  checkMonths(rule.minMonthsLeftAtReElection, 'khi tái cử', errors);
  return errors;
}
