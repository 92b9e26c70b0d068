import type { ComplianceGap, ComplianceResult, GapKind } from './compliance.js';
import {
  COURSE_SCALES,
  COURSE_TYPES,
  type CourseRaises,
  type CourseTypeCode,
  type FocusFieldCode,
  TRAINING_FIELD_LABELS,
  type TrainingField,
  courseTypeByCode,
} from './course-types.js';
import { compareVietnamese } from './text.js';
import { compareTitles, titleByCode, type TitleCode } from './titles.js';

const COURSE_ORDER = new Map<string, number>(COURSE_TYPES.map((c, i) => [c.code, i]));

const SCALE_OF_GAP: Partial<Record<GapKind, CourseRaises['scale']>> = {
  professional: 'professional',
  political_theory: 'political_theory',
  state_management: 'state_management',
};

/** Whether one of the courses the person is enrolled in or has completed already closes the gap. */
function gapBeingClosed(gap: ComplianceGap, courses: readonly CourseTypeCode[]): boolean {
  const scale = SCALE_OF_GAP[gap.kind];
  const required = gap.required;
  // A field-of-study gap is also 'professional' but names fields, not a level.
  if (scale === undefined || !COURSE_SCALES[scale].isLevel(required)) return false;
  return courses.some((code) => {
    const raises = courseTypeByCode(code).raises;
    return raises !== null && raises.scale === scale && COURSE_SCALES[scale].atLeast(raises.level, required);
  });
}

/**
 * A field the province may name as the year's focus, with the course that
 * serves it and the posts that need it. The titles are the product's
 * default reading of who handles each field; provinces edit the mapping.
 */
export interface FocusField {
  code: FocusFieldCode;
  courseType: CourseTypeCode;
  titleCodes: readonly TitleCode[];
}

export const DEFAULT_FOCUS_FIELDS: readonly FocusField[] = [
  // Party-building work is led by the standing members of the Party Committee.
  {
    code: 'xay_dung_dang',
    courseType: 'xay_dung_dang',
    titleCodes: ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'],
  },
  // The People's Committee runs the budget; the People's Council approves and supervises it.
  {
    code: 'tai_chinh',
    courseType: 'tai_chinh',
    titleCodes: ['chu_tich_hdnd', 'pho_chu_tich_hdnd', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'],
  },
  // Land allocation, site clearance and land violations are the People's Committee's.
  { code: 'dat_dai', courseType: 'dat_dai', titleCodes: ['chu_tich_ubnd', 'pho_chu_tich_ubnd'] },
  // The chair signs civil-status and legal acts and settles complaints; the vice-chair stands in.
  { code: 'tu_phap', courseType: 'tu_phap', titleCodes: ['chu_tich_ubnd', 'pho_chu_tich_ubnd'] },
  // Social policy is usually the culture-and-society vice-chair's portfolio, under the chair.
  { code: 'ldtbxh', courseType: 'ldtbxh', titleCodes: ['chu_tich_ubnd', 'pho_chu_tich_ubnd'] },
];

const NEW_SECRETARY_TITLES: readonly TitleCode[] = ['bi_thu_dang_uy', 'pho_bi_thu_thuong_truc', 'pho_bi_thu_dang_uy'];

export type ProposalReason = 'gap' | 'first_term' | 'focus_field';

/** 1 is the most urgent: closing a gap in the standard comes before skills and focus fields. */
export const PRIORITY_BY_REASON: Readonly<Record<ProposalReason, 1 | 2 | 3>> = { gap: 1, first_term: 2, focus_field: 3 };

export interface TrainingCandidate {
  personId: string;
  /** Posts held on the review date. */
  posts: readonly TitleCode[];
  /** One assessment per post, on the review date. */
  compliance: readonly ComplianceResult[];
  /** Elected to the party committee for the first time this term. */
  firstTermInPartyCommittee: boolean;
  /** Courses the person is enrolled in or has completed and that still count. */
  alreadyTrainedCourseTypes: readonly CourseTypeCode[];
}

export interface TraineeProposal {
  personId: string;
  courseType: CourseTypeCode;
  reason: ProposalReason;
  reasonText: string;
  reasonTextEn: string;
  priority: 1 | 2 | 3;
  /** The posts that call for the course. */
  titleCodes: TitleCode[];
}

interface Candidate {
  courseType: CourseTypeCode;
  reason: ProposalReason;
  titleCode: TitleCode;
  detailVi: string;
  detailEn: string;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function titleList(codes: readonly TitleCode[]): string {
  return codes.map((code) => titleByCode(code).shortNameVi).join(', ');
}

function titleListEn(codes: readonly TitleCode[]): string {
  return codes.map((code) => titleByCode(code).nameEn).join(', ');
}

function candidatesOf(person: TrainingCandidate, year: number, focusFields: readonly FocusField[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const result of person.compliance) {
    for (const gap of result.gaps) {
      if (gap.closingCourse === undefined || gapBeingClosed(gap, person.alreadyTrainedCourseTypes)) continue;
      candidates.push({
        courseType: gap.closingCourse,
        reason: 'gap',
        titleCode: result.titleCode,
        detailVi: gap.message,
        detailEn: gap.messageEn,
      });
    }
  }
  if (person.firstTermInPartyCommittee) {
    for (const titleCode of person.posts.filter((code) => NEW_SECRETARY_TITLES.includes(code))) {
      candidates.push({
        courseType: 'boi_duong_bi_thu_moi',
        reason: 'first_term',
        titleCode,
        detailVi: 'Lần đầu tham gia cấp ủy: bồi dưỡng kỹ năng, phương pháp, nghiệp vụ công tác Đảng',
        detailEn: 'First term in the party committee: Party work skills and methods',
      });
    }
  }
  for (const field of focusFields) {
    const label = TRAINING_FIELD_LABELS[field.code];
    for (const titleCode of person.posts.filter((code) => field.titleCodes.includes(code))) {
      candidates.push({
        courseType: field.courseType,
        reason: 'focus_field',
        titleCode,
        detailVi: `Lĩnh vực trọng tâm năm ${year}: ${label.vi}`,
        detailEn: `Focus field for ${year}: ${label.en}`,
      });
    }
  }
  return candidates;
}

export interface ProposeTraineesInput {
  year: number;
  people: readonly TrainingCandidate[];
  /** The fields the province named for the year, with their mapping to posts. */
  focusFields: readonly FocusField[];
}

/**
 * The annual review (rà soát): who should attend which course this year, one
 * proposal per person and course. A course called for by several reasons is
 * proposed for the most urgent one; a course the person is already enrolled
 * in or has completed is not proposed again, nor is a course for a gap that
 * such a course already closes. Gaps no course closes (age, general
 * education, field of study) yield no proposal: they stay on the
 * compliance screen. Ordered by priority, then the order of `people`, then
 * the catalogue.
 */
export function proposeTrainees(input: ProposeTraineesInput): TraineeProposal[] {
  const proposals: { order: number; proposal: TraineeProposal }[] = [];
  input.people.forEach((person, personIndex) => {
    const byCourse = new Map<CourseTypeCode, Candidate[]>();
    for (const candidate of candidatesOf(person, input.year, input.focusFields)) {
      if (person.alreadyTrainedCourseTypes.includes(candidate.courseType)) continue;
      byCourse.set(candidate.courseType, [...(byCourse.get(candidate.courseType) ?? []), candidate]);
    }
    for (const [courseType, candidates] of byCourse) {
      const priority = Math.min(...candidates.map((c) => PRIORITY_BY_REASON[c.reason])) as 1 | 2 | 3;
      const chosen = candidates.filter((c) => PRIORITY_BY_REASON[c.reason] === priority);
      const first = chosen[0];
      if (!first) continue;
      const titleCodes = unique(chosen.map((c) => c.titleCode)).sort(compareTitles);
      proposals.push({
        order: personIndex,
        proposal: {
          personId: person.personId,
          courseType,
          reason: first.reason,
          reasonText: `${unique(chosen.map((c) => c.detailVi)).join('; ')} (${titleList(titleCodes)})`,
          reasonTextEn: `${unique(chosen.map((c) => c.detailEn)).join('; ')} (${titleListEn(titleCodes)})`,
          priority,
          titleCodes,
        },
      });
    }
  });
  return proposals
    .sort(
      (a, b) =>
        a.proposal.priority - b.proposal.priority ||
        a.order - b.order ||
        (COURSE_ORDER.get(a.proposal.courseType) ?? 0) - (COURSE_ORDER.get(b.proposal.courseType) ?? 0),
    )
    .map((p) => p.proposal);
}

export interface CourseCount {
  courseType: CourseTypeCode;
  count: number;
}

export interface TrainingQuotas {
  /** Places: one per person and course. */
  places: number;
  people: number;
  byCourseType: CourseCount[];
  byField: { field: TrainingField; count: number }[];
  byUnit: { unitId: string; places: number; byCourseType: CourseCount[] }[];
}

function countByCourse(proposals: readonly Pick<TraineeProposal, 'courseType'>[]): CourseCount[] {
  return COURSE_TYPES.map((course) => ({
    courseType: course.code,
    count: proposals.filter((p) => p.courseType === course.code).length,
  })).filter((row) => row.count > 0);
}

/**
 * The quotas (chỉ tiêu) of the year's plan from the accepted proposals: places
 * per course type, per field and per unit, as the plan sent to the training
 * schools lists them. `unitOf` names the unit (commune or district) each
 * person is counted in.
 */
export function quotasFromPlan(
  acceptedProposals: readonly Pick<TraineeProposal, 'personId' | 'courseType'>[],
  unitOf: (personId: string) => string,
): TrainingQuotas {
  const seen = new Set<string>();
  const places = acceptedProposals.filter((p) => {
    const key = JSON.stringify([p.personId, p.courseType]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const fields = Object.keys(TRAINING_FIELD_LABELS) as TrainingField[];
  const byUnit = new Map<string, Pick<TraineeProposal, 'personId' | 'courseType'>[]>();
  for (const place of places) {
    const unitId = unitOf(place.personId);
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), place]);
  }
  return {
    places: places.length,
    people: new Set(places.map((p) => p.personId)).size,
    byCourseType: countByCourse(places),
    byField: fields
      .map((field) => ({ field, count: places.filter((p) => courseTypeByCode(p.courseType).field === field).length }))
      .filter((row) => row.count > 0),
    byUnit: [...byUnit.entries()]
      .sort(([a], [b]) => compareVietnamese(a, b))
      .map(([unitId, unitPlaces]) => ({ unitId, places: unitPlaces.length, byCourseType: countByCourse(unitPlaces) })),
  };
}
