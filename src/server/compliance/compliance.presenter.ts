import { workingLifeOn } from '../../core/retirement.js';
import {
  COMPLIANCE_STATUS_LABELS,
  describeSummaryVi,
  type ComplianceResult,
  type ComplianceSummary,
  type GapKind,
  type LevelsOnDate,
} from '../../core/compliance.js';
import { formatCount, formatPercent, ratio } from '../../core/numbers.js';
import { politicalTheory, professionalEducation } from '../../core/qualifications.js';
import { compareTitles, isTitleCode, titleByCode, type TitleCode } from '../../core/titles.js';
import { courseTypeByCode } from '../../core/course-types.js';
import type { UnitNameAsOf } from '../territory/territory.service.js';
import { GAP_KINDS, isReelectionToPartyCommittee, personStatus } from './assessment.js';
import type { SummaryRow } from './compliance.repository.js';
import type { ExplainedPerson, Explanation } from './explain.js';
import type { StandardRuleRow } from './standard-rules.js';

export function presentUnit(unit: UnitNameAsOf | undefined, id: string) {
  return { id, code: unit?.code ?? '', name: unit?.name ?? '', level: unit?.level ?? 'commune' };
}

function versionOn(versions: readonly StandardRuleRow[], code: string, date: string): number | null {
  const version = versions.find((v) => v.code === code && v.valid_from <= date && (v.valid_to === null || v.valid_to >= date));
  return version?.version ?? null;
}

function presentResult(result: ComplianceResult, versions: readonly StandardRuleRow[]) {
  return {
    status: result.status,
    statusLabel: COMPLIANCE_STATUS_LABELS[result.status].vi,
    statusLabelEn: COMPLIANCE_STATUS_LABELS[result.status].en,
    rule: result.rule && {
      code: result.rule.id,
      version: versionOn(versions, result.rule.id, result.date),
      setCode: result.rule.set,
      legalBasis: result.rule.legalBasis,
      confirmed: result.rule.confirmed,
    },
    gaps: result.gaps.map((gap) => ({
      kind: gap.kind,
      message: gap.message,
      messageEn: gap.messageEn,
      required: gap.required,
      actual: gap.actual,
      closingCourse: gap.closingCourse ?? null,
      closingCourseName: gap.closingCourse ? courseTypeByCode(gap.closingCourse).nameVi : null,
      ruleCode: gap.ruleId,
    })),
    noStandardReason: result.noStandardReason,
  };
}

function presentLevels(levels: LevelsOnDate) {
  return {
    professional: levels.professional,
    professionalField: levels.professionalField ?? null,
    politicalTheory: levels.politicalTheory,
    stateManagement: levels.stateManagement,
  };
}

/** One person's posts on the date, each judged, in protocol order. */
export function presentPerson(entry: ExplainedPerson, explanation: Explanation, units: ReadonlyMap<string, UnitNameAsOf>, asOf: string) {
  const posts = [...entry.posts].sort((a, b) =>
    isTitleCode(a.post.titleCode) && isTitleCode(b.post.titleCode) ? compareTitles(a.post.titleCode, b.post.titleCode) : 0,
  );
  return {
    cadre: {
      id: entry.person.id,
      fullName: entry.person.fullName,
      gender: entry.person.gender,
      birthDate: entry.person.birthDate,
      birthDatePrecision: entry.person.birthDatePrecision,
      workingLife:
        entry.person.gender && entry.person.birthDate ? workingLifeOn(entry.person.gender === 'nam' ? 'male' : 'female', entry.person.birthDate, asOf) : null,
    },
    status: posts.length === 0 ? null : personStatus(posts.map((p) => p.result)),
    levels: presentLevels(entry.levels),
    posts: posts.map(({ post, result }) => {
      const title = titleByCode(post.titleCode as TitleCode);
      return {
        postId: post.postId,
        unit: presentUnit(units.get(post.unitId), post.unitId),
        titleCode: post.titleCode,
        titleName: title.nameVi,
        titleNameEn: title.nameEn,
        startDate: post.startDate,
        firstAppointment: post.firstOfTitle,
        reelection: isReelectionToPartyCommittee(post),
        ...presentResult(result, explanation.ruleVersions),
      };
    }),
  };
}

function levelCounts<C extends string>(codes: readonly C[], counts: readonly number[]) {
  return [...codes, null].map((level, i) => ({ level, count: counts[i] ?? 0 }));
}

/** The core summary of a row, so that core writes the report sentence. */
export function coreSummary(row: SummaryRow, keyOnly: boolean): ComplianceSummary {
  return {
    scope: keyOnly ? 'key' : 'all',
    totalPeople: row.total,
    meeting: row.meeting,
    notMeeting: row.not_meeting,
    withoutStandard: row.without_standard,
    meetingShare: ratio(row.meeting, row.total),
    professional: levelCounts(professionalEducation.codes, row.professional),
    politicalTheory: levelCounts(politicalTheory.codes, row.political_theory),
    universityOrHigher: row.university,
    postgraduate: row.postgraduate,
    advancedPoliticalTheory: row.advanced_theory,
    peopleWithGap: Object.fromEntries(GAP_KINDS.map((kind, i) => [kind, row.gaps[i] ?? 0])) as Record<GapKind, number>,
  };
}

function describeSummaryEn(summary: ComplianceSummary): string {
  const who = summary.scope === 'key' ? 'key cadres' : 'cadres';
  const share = ratio(summary.universityOrHigher, summary.totalPeople);
  return (
    `${summary.totalPeople} ${who}, ${summary.universityOrHigher} with a university degree or higher ` +
    `(${share === null ? '—' : `${(share * 100).toFixed(1)}%`}), ${summary.advancedPoliticalTheory} with advanced or bachelor political theory`
  );
}

function presentFigures(summary: ComplianceSummary) {
  return {
    totalPeople: summary.totalPeople,
    meeting: summary.meeting,
    notMeeting: summary.notMeeting,
    withoutStandard: summary.withoutStandard,
    meetingShare: summary.meetingShare,
    universityOrHigher: summary.universityOrHigher,
    postgraduate: summary.postgraduate,
    advancedPoliticalTheory: summary.advancedPoliticalTheory,
  };
}

export function presentSummary(input: { unit: ReturnType<typeof presentUnit>; asOf: string; keyOnly: boolean; rows: readonly SummaryRow[] }) {
  const totalRow = input.rows.find((row) => row.row_kind === 'total');
  if (!totalRow) throw new Error('summary without its total row');
  const total = coreSummary(totalRow, input.keyOnly);
  return {
    unit: input.unit,
    asOf: input.asOf,
    scope: total.scope,
    ...presentFigures(total),
    professional: total.professional,
    politicalTheory: total.politicalTheory,
    peopleWithGap: total.peopleWithGap,
    sentence: describeSummaryVi(total),
    sentenceEn: describeSummaryEn(total),
    meetingText: `${formatCount(total.meeting)}/${formatCount(total.totalPeople)} người đạt chuẩn (${formatPercent(total.meetingShare, 1)})`,
    children: input.rows
      .filter((row) => row.row_kind === 'child')
      .map((row) => {
        const child = coreSummary(row, input.keyOnly);
        return {
          unit: { id: row.unit_id ?? '', code: row.unit_code ?? '', name: row.unit_name ?? '', level: row.unit_level ?? 'commune' },
          ...presentFigures(child),
          professional: child.professional,
          politicalTheory: child.politicalTheory,
        };
      }),
  };
}
