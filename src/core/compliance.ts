import { checkFirstAppointmentAge, checkReElectionAge, type AgeCheckResult } from './appointment-age.js';
import { compareIsoDates, formatVietnameseDate, splitIsoDate, startOfMonth, type DatePrecision, type IsoDate } from './dates.js';
import { formatCount, formatPercent, ratio } from './numbers.js';
import {
  politicalTheory,
  professionalEducation,
  stateManagement,
  type PoliticalTheoryLevel,
  type ProfessionalLevel,
  type QualificationScale,
  type StateManagementLevel,
} from './qualifications.js';
import type { Sex } from './retirement.js';
import { selectRule, type AreaClass, type StandardRule } from './standards.js';
import { foldVietnamese } from './text.js';
import { isKeyTitle, titleByCode, type TitleCode } from './titles.js';
import { closingCourseType, type CourseTypeCode } from './course-types.js';

export type ComplianceStatus = 'meets' | 'does_not_meet' | 'no_standard';

export const COMPLIANCE_STATUS_LABELS: Readonly<Record<ComplianceStatus, { vi: string; en: string }>> = {
  meets: { vi: 'Đạt chuẩn', en: 'Meets the standard' },
  does_not_meet: { vi: 'Chưa đạt chuẩn', en: 'Does not meet the standard' },
  no_standard: { vi: 'Chưa có tiêu chuẩn', en: 'No applicable standard' },
};

export type GapKind = 'high_school' | 'professional' | 'political_theory' | 'state_management' | 'age_appointment' | 'age_reelection';

export interface ComplianceGap {
  kind: GapKind;
  /** Vietnamese, e.g. "Lý luận chính trị: sơ cấp, cần trung cấp trở lên". */
  message: string;
  messageEn: string;
  /** A level code, a month count, `true` for a required diploma, or accepted fields joined by "; ". */
  required: string | number | boolean;
  /** What the person has; null when it is not recorded. */
  actual: string | number | boolean | null;
  closingCourse?: CourseTypeCode;
  /** Age rules are judged by the rule in force on the appointment or congress date, which may differ from `rule`. */
  ruleId: string;
}

export interface RuleReference {
  id: string;
  set: string;
  legalBasis: string;
  confirmed: boolean;
}

export interface NoStandardReason {
  code: 'no_rule' | 'area_unknown';
  message: string;
  messageEn: string;
}

export interface ComplianceResult {
  titleCode: TitleCode;
  date: IsoDate;
  status: ComplianceStatus;
  /** The rule the post was judged by; null when none applies. */
  rule: RuleReference | null;
  gaps: ComplianceGap[];
  noStandardReason: NoStandardReason | null;
}

export interface PersonFacts {
  sex: Sex | null;
  birthDate: IsoDate | null;
  birthPrecision: DatePrecision | null;
}

export interface PostFacts {
  titleCode: TitleCode;
  startDate: IsoDate;
  /** First appointment or election to this post: the rule's months-left minimum applies on `startDate`. */
  isFirstAppointment?: boolean;
  /** Re-elected to the party committee at a congress. */
  isReelection?: boolean;
  /** Defaults to `startDate`; only its month counts (Directive 45-CT/TW). */
  congressDate?: IsoDate | null;
}

/** The person's highest levels on the assessment date. */
export interface LevelsOnDate {
  professional: ProfessionalLevel | null;
  professionalField?: string | null;
  politicalTheory: PoliticalTheoryLevel | null;
  stateManagement: StateManagementLevel | null;
  /** Upper secondary graduate; when not recorded it is read from the professional level where that implies it. */
  highSchool?: boolean | null;
}

export interface AssessComplianceInput {
  person: PersonFacts;
  post: PostFacts;
  levelsOnDate: LevelsOnDate;
  /** null when the commune's class is not recorded. */
  areaClass: AreaClass | null;
  date: IsoDate;
  rules: readonly StandardRule[];
}

const NOT_RECORDED_VI = 'chưa có thông tin';
const NOT_RECORDED_EN = 'no information';

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

interface LevelCheck<C extends string> {
  kind: GapKind;
  scale: QualificationScale<C>;
  labelVi: string;
  labelEn: string;
  closes: (required: C) => CourseTypeCode | undefined;
}

function levelGap<C extends string>(check: LevelCheck<C>, actual: C | null, required: C | null, ruleId: string): ComplianceGap | null {
  if (required === null || check.scale.atLeast(actual, required)) return null;
  const actualVi = actual === null ? NOT_RECORDED_VI : lowerFirst(check.scale.labelVi(actual));
  const actualEn = actual === null ? NOT_RECORDED_EN : lowerFirst(check.scale.labelEn(actual));
  const gap: ComplianceGap = {
    kind: check.kind,
    message: `${check.labelVi}: ${actualVi}, cần ${lowerFirst(check.scale.labelVi(required))} trở lên`,
    messageEn: `${check.labelEn}: ${actualEn}, ${lowerFirst(check.scale.labelEn(required))} or higher required`,
    required,
    actual,
    ruleId,
  };
  const course = check.closes(required);
  return course === undefined ? gap : { ...gap, closingCourse: course };
}

const PROFESSIONAL_CHECK: LevelCheck<ProfessionalLevel> = {
  kind: 'professional',
  scale: professionalEducation,
  labelVi: 'Trình độ chuyên môn',
  labelEn: 'Professional education',
  closes: (level) => closingCourseType({ scale: 'professional', level }),
};

const POLITICAL_THEORY_CHECK: LevelCheck<PoliticalTheoryLevel> = {
  kind: 'political_theory',
  scale: politicalTheory,
  labelVi: 'Lý luận chính trị',
  labelEn: 'Political theory',
  closes: (level) => closingCourseType({ scale: 'political_theory', level }),
};

const STATE_MANAGEMENT_CHECK: LevelCheck<StateManagementLevel> = {
  kind: 'state_management',
  scale: stateManagement,
  labelVi: 'Quản lý nhà nước',
  labelEn: 'State management',
  closes: (level) => closingCourseType({ scale: 'state_management', level }),
};

/** Colleges and universities admit only upper secondary graduates; trung cấp schools do not require it. */
function impliesHighSchool(professional: ProfessionalLevel | null): boolean | null {
  if (professional === 'thpt' || professionalEducation.atLeast(professional, 'cao_dang')) return true;
  return null;
}

function highSchoolGap(levels: LevelsOnDate, rule: StandardRule): ComplianceGap | null {
  if (!rule.requireHighSchool) return null;
  const actual = levels.highSchool ?? impliesHighSchool(levels.professional);
  if (actual === true) return null;
  return {
    kind: 'high_school',
    message: `Trình độ giáo dục phổ thông: ${actual === false ? 'chưa tốt nghiệp THPT' : NOT_RECORDED_VI}, cần tốt nghiệp THPT`,
    messageEn: `General education: ${actual === false ? 'not an upper secondary graduate' : NOT_RECORDED_EN}, upper secondary graduation required`,
    required: true,
    actual,
    ruleId: rule.id,
  };
}

/** The field of study is looked at once the level is met: a missing degree is one gap, not two. */
function fieldGap(levels: LevelsOnDate, rule: StandardRule): ComplianceGap | null {
  if (rule.professionalFields.length === 0) return null;
  const field = levels.professionalField?.trim() || null;
  const folded = field === null ? '' : foldVietnamese(field);
  if (field !== null && rule.professionalFields.some((accepted) => folded.includes(foldVietnamese(accepted)))) return null;
  const accepted = rule.professionalFields.join(' hoặc ');
  return {
    kind: 'professional',
    message: `Chuyên ngành đào tạo: ${field ?? NOT_RECORDED_VI}, cần chuyên ngành ${accepted}`,
    messageEn: `Field of study: ${field ?? NOT_RECORDED_EN}, required: ${rule.professionalFields.join(' or ')}`,
    required: rule.professionalFields.join('; '),
    actual: field,
    ruleId: rule.id,
  };
}

/** "07/2025". */
function monthAndYear(date: IsoDate): string {
  const { year, month } = splitIsoDate(date);
  return `${String(month).padStart(2, '0')}/${year}`;
}

type AgeGapKind = 'age_appointment' | 'age_reelection';

function ageGap(kind: AgeGapKind, input: AssessComplianceInput, eventDate: IsoDate): ComplianceGap | null {
  const rule = selectRule(input.rules, { titleCode: input.post.titleCode, date: eventDate, areaClass: input.areaClass });
  const required = kind === 'age_appointment' ? rule?.minMonthsLeftAtFirstAppointment : rule?.minMonthsLeftAtReElection;
  if (!rule || required === null || required === undefined) return null;

  const countedFrom = kind === 'age_appointment' ? eventDate : startOfMonth(eventDate);
  const [whatVi, whatEn] =
    kind === 'age_appointment'
      ? [`Tuổi khi bổ nhiệm lần đầu (${formatVietnameseDate(eventDate)})`, `Age at first appointment (${formatVietnameseDate(eventDate)})`]
      : [`Tuổi tái cử cấp ủy (đại hội tháng ${monthAndYear(eventDate)})`, `Age for re-election to the party committee (congress ${monthAndYear(eventDate)})`];
  const { sex, birthDate, birthPrecision } = input.person;
  if (sex === null || birthDate === null) {
    return {
      kind,
      message: `${whatVi}: chưa có thông tin giới tính, ngày sinh, cần còn tối thiểu ${required} tháng công tác`,
      messageEn: `${whatEn}: sex or date of birth not recorded, at least ${required} months of service required`,
      required,
      actual: null,
      ruleId: rule.id,
    };
  }
  const check: AgeCheckResult =
    kind === 'age_appointment'
      ? checkFirstAppointmentAge({ sex, birthDate, onDate: countedFrom }, required)
      : checkReElectionAge({ sex, birthDate, congressDate: countedFrom }, required);
  if (check.ok) return null;

  const retired = compareIsoDates(countedFrom, check.retiresFrom) >= 0;
  const detailEn = retired
    ? `retirement age reached on ${formatVietnameseDate(check.retiresFrom)}, at least ${required} months of service required`
    : `${check.monthsLeft} months of service left before retirement age, at least ${required} required`;
  // Decree 135/2020 art. 3(3): with only the year known, 1 January of it is the birthday.
  const yearOnly = birthPrecision === 'year';
  const birthYear = splitIsoDate(birthDate).year;
  return {
    kind,
    message: `${whatVi}: ${lowerFirst(check.message)}${yearOnly ? ` (chỉ biết năm sinh, tính từ 01/01/${birthYear})` : ''}`,
    messageEn: `${whatEn}: ${detailEn}${yearOnly ? ` (only the year of birth is known, counted from 01/01/${birthYear})` : ''}`,
    required,
    actual: check.monthsLeft,
    ruleId: rule.id,
  };
}

function noStandardReason(input: AssessComplianceInput): NoStandardReason {
  const { titleCode } = input.post;
  const title = titleByCode(titleCode);
  const day = formatVietnameseDate(input.date);
  const wouldApplyWithArea =
    input.areaClass === null && (['plains', 'disadvantaged'] as const).some((areaClass) => selectRule(input.rules, { titleCode, date: input.date, areaClass }));
  if (wouldApplyWithArea) {
    return {
      code: 'area_unknown',
      message: `Chưa xác định địa bàn của xã (đồng bằng hay miền núi, vùng khó khăn) để chọn tiêu chuẩn cho chức danh ${title.shortNameVi} tại ngày ${day}`,
      messageEn: `The commune's area class (plains or disadvantaged) is not recorded, so no standard can be chosen for ${title.nameEn} on ${day}`,
    };
  }
  return {
    code: 'no_rule',
    message: `Chưa có tiêu chuẩn cho chức danh ${title.shortNameVi} tại ngày ${day}`,
    messageEn: `No standard for ${title.nameEn} on ${day}`,
  };
}

/**
 * Whether the holder of a post meets its standard on `date`, and every gap.
 * Qualifications are judged by the rule in force on `date`; the age
 * conditions by the rule in force when they had to hold — the first
 * appointment, or the month of the congress that re-elected the person — so
 * that a lawful 2021 appointment is not judged by a 2023 decree.
 */
export function assessCompliance(input: AssessComplianceInput): ComplianceResult {
  const { post, levelsOnDate: levels, date } = input;
  const rule = selectRule(input.rules, { titleCode: post.titleCode, date, areaClass: input.areaClass });
  if (!rule) {
    return { titleCode: post.titleCode, date, status: 'no_standard', rule: null, gaps: [], noStandardReason: noStandardReason(input) };
  }
  const professional = levelGap(PROFESSIONAL_CHECK, levels.professional, rule.minProfessional, rule.id);
  const gaps = [
    highSchoolGap(levels, rule),
    professional ?? fieldGap(levels, rule),
    levelGap(POLITICAL_THEORY_CHECK, levels.politicalTheory, rule.minPoliticalTheory, rule.id),
    levelGap(STATE_MANAGEMENT_CHECK, levels.stateManagement, rule.minStateManagement, rule.id),
    post.isFirstAppointment ? ageGap('age_appointment', input, post.startDate) : null,
    post.isReelection ? ageGap('age_reelection', input, post.congressDate ?? post.startDate) : null,
  ].filter((gap): gap is ComplianceGap => gap !== null);
  return {
    titleCode: post.titleCode,
    date,
    status: gaps.length === 0 ? 'meets' : 'does_not_meet',
    rule: { id: rule.id, set: rule.setCode, legalBasis: rule.legalBasis, confirmed: rule.confirmed },
    gaps,
    noStandardReason: null,
  };
}

// --- Aggregates ---------------------------------------------------------------

/** One person-post assessed on the same date as the others in the summary. */
export interface AssessedPost {
  personId: string;
  levelsOnDate: LevelsOnDate;
  compliance: ComplianceResult;
}

export interface LevelCount<C extends string> {
  /** null: not recorded. */
  level: C | null;
  count: number;
}

export interface ComplianceSummary {
  /** 'key': only key posts were counted (the default). */
  scope: 'key' | 'all';
  totalPeople: number;
  /** People all of whose counted posts meet their standard. */
  meeting: number;
  /** People with at least one counted post that does not. */
  notMeeting: number;
  /** People with no failing post but at least one post no standard applies to. */
  withoutStandard: number;
  meetingShare: number | null;
  /** Lowest level first, then "not recorded"; every level listed, zeros included. */
  professional: LevelCount<ProfessionalLevel>[];
  politicalTheory: LevelCount<PoliticalTheoryLevel>[];
  universityOrHigher: number;
  /** Master's or doctorate. */
  postgraduate: number;
  /** Cao cấp or cử nhân chính trị. */
  advancedPoliticalTheory: number;
  /** People with at least one gap of each kind. */
  peopleWithGap: Record<GapKind, number>;
}

function distribution<C extends string>(scale: QualificationScale<C>, levels: readonly (C | null)[]): LevelCount<C>[] {
  return [...scale.codes, null].map((level) => ({ level, count: levels.filter((l) => l === level).length }));
}

/**
 * The figures of a unit's report from its person-posts: each person counts
 * once however many posts they hold, and meets the standard only if every
 * counted post does. Levels are each person's highest.
 */
export function summarizeCompliance(posts: readonly AssessedPost[], options: { keyPostsOnly?: boolean } = {}): ComplianceSummary {
  const keyPostsOnly = options.keyPostsOnly ?? true;
  const byPerson = new Map<string, AssessedPost[]>();
  for (const post of posts) {
    if (keyPostsOnly && !isKeyTitle(post.compliance.titleCode)) continue;
    byPerson.set(post.personId, [...(byPerson.get(post.personId) ?? []), post]);
  }
  const people = [...byPerson.values()];
  const statuses = people.map((held) => {
    const each = held.map((p) => p.compliance.status);
    if (each.includes('does_not_meet')) return 'does_not_meet';
    return each.includes('no_standard') ? 'no_standard' : 'meets';
  });
  const professional = people.map((held) => professionalEducation.highestLevel(held.map((p) => p.levelsOnDate.professional)));
  const theory = people.map((held) => politicalTheory.highestLevel(held.map((p) => p.levelsOnDate.politicalTheory)));
  const meeting = statuses.filter((s) => s === 'meets').length;
  const gapKinds: GapKind[] = ['high_school', 'professional', 'political_theory', 'state_management', 'age_appointment', 'age_reelection'];
  return {
    scope: keyPostsOnly ? 'key' : 'all',
    totalPeople: people.length,
    meeting,
    notMeeting: statuses.filter((s) => s === 'does_not_meet').length,
    withoutStandard: statuses.filter((s) => s === 'no_standard').length,
    meetingShare: ratio(meeting, people.length),
    professional: distribution(professionalEducation, professional),
    politicalTheory: distribution(politicalTheory, theory),
    universityOrHigher: professional.filter((l) => professionalEducation.atLeast(l, 'dai_hoc')).length,
    postgraduate: professional.filter((l) => professionalEducation.atLeast(l, 'thac_si')).length,
    advancedPoliticalTheory: theory.filter((l) => politicalTheory.atLeast(l, 'cao_cap')).length,
    peopleWithGap: Object.fromEntries(
      gapKinds.map((kind) => [kind, people.filter((held) => held.some((p) => p.compliance.gaps.some((g) => g.kind === kind))).length]),
    ) as Record<GapKind, number>,
  };
}

/**
 * The report sentence: "1.219 cán bộ chủ chốt, 1.212 người có trình độ từ
 * đại học trở lên (99,4%), 76 người có trình độ cao cấp, cử nhân lý luận
 * chính trị".
 */
export function describeSummaryVi(summary: ComplianceSummary): string {
  const who = summary.scope === 'key' ? 'cán bộ chủ chốt' : 'cán bộ';
  const universityShare = formatPercent(ratio(summary.universityOrHigher, summary.totalPeople), 1);
  return (
    `${formatCount(summary.totalPeople)} ${who}, ` +
    `${formatCount(summary.universityOrHigher)} người có trình độ từ đại học trở lên (${universityShare}), ` +
    `${formatCount(summary.advancedPoliticalTheory)} người có trình độ cao cấp, cử nhân lý luận chính trị`
  );
}
