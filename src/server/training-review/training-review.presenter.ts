import { compareVietnamese } from '../../core/text.js';
import { isTitleCode, titleByCode } from '../../core/titles.js';
import { courseTypeByCode, isCourseTypeCode, TRAINING_FIELD_LABELS } from '../../core/course-types.js';
import { DEFAULT_FOCUS_FIELDS, type CourseCount, type FocusField, type TrainingQuotas } from '../../core/training-needs.js';
import type { UnitNameAsOf } from '../territory/territory.service.js';
import type { FocusRow, ProposalRow, ReviewRow } from './training-review.repository.js';
import type { ProposalReasonCode, ReviewStatus } from './training-review.tables.js';

export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, { vi: string; en: string }>> = {
  draft: { vi: 'Đang rà soát', en: 'Under review' },
  submitted: { vi: 'Chờ phê duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
};

export const REASON_LABELS: Readonly<Record<ProposalReasonCode, { vi: string; en: string }>> = {
  gap: { vi: 'Chưa đạt chuẩn', en: 'Standard not met' },
  first_term: { vi: 'Lần đầu tham gia cấp ủy', en: 'First term in the party committee' },
  focus_field: { vi: 'Lĩnh vực trọng tâm của năm', en: "Year's focus field" },
  added: { vi: 'Đơn vị bổ sung', en: 'Added by the unit' },
};

export interface ReviewPermissions {
  canDecide: boolean;
  canSubmit: boolean;
  canReturn: boolean;
  canApprove: boolean;
  canNewVersion: boolean;
}

function unitOf(names: ReadonlyMap<string, UnitNameAsOf>, id: string) {
  const unit = names.get(id);
  return { id, code: unit?.code ?? '', name: unit?.name ?? '', level: unit?.level ?? 'commune' };
}

function course(code: string) {
  if (!isCourseTypeCode(code)) return { courseName: code, courseNameEn: code, field: null, fieldLabel: null };
  const found = courseTypeByCode(code);
  return { courseName: found.nameVi, courseNameEn: found.nameEn, field: found.field, fieldLabel: TRAINING_FIELD_LABELS[found.field].vi };
}

export function presentFocus(input: { unitId: string; year: number; own: readonly FocusRow[]; applying: readonly FocusField[] }) {
  return {
    unitId: input.unitId,
    year: input.year,
    fields: DEFAULT_FOCUS_FIELDS.map((preset) => {
      const own = input.own.find((row) => row.field_code === preset.code);
      const courseType = courseTypeByCode(preset.courseType);
      return {
        code: preset.code,
        label: TRAINING_FIELD_LABELS[preset.code].vi,
        labelEn: TRAINING_FIELD_LABELS[preset.code].en,
        courseType: preset.courseType,
        courseName: courseType.nameVi,
        selected: own !== undefined,
        titleCodes: own ? own.title_codes : [...preset.titleCodes],
        defaultTitleCodes: [...preset.titleCodes],
      };
    }),
    /** What a review of this unit uses: the fields set for it and for every unit above it. */
    applying: input.applying.map((field) => ({
      code: field.code,
      label: TRAINING_FIELD_LABELS[field.code].vi,
      labelEn: TRAINING_FIELD_LABELS[field.code].en,
      titleCodes: [...field.titleCodes],
    })),
  };
}

export function presentReviewListItem(row: ReviewRow, unit: UnitNameAsOf | undefined) {
  return {
    id: row.id,
    unit: { id: row.unit_id, code: unit?.code ?? '', name: unit?.name ?? '', level: unit?.level ?? 'commune' },
    year: row.year,
    asOf: row.as_of,
    version: row.version,
    latestVersion: row.latest_version,
    status: row.status,
    statusLabel: REVIEW_STATUS_LABELS[row.status].vi,
    statusLabelEn: REVIEW_STATUS_LABELS[row.status].en,
    counts: { total: row.total, pending: row.pending, accepted: row.accepted, rejected: row.rejected },
    createdAt: row.created_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    approvedAt: row.approved_at?.toISOString() ?? null,
  };
}

function presentProposal(row: ProposalRow, names: ReadonlyMap<string, UnitNameAsOf>) {
  return {
    id: row.id,
    cadre: { id: row.cadre_id, fullName: row.full_name, birthDate: row.birth_date, birthDatePrecision: row.birth_date_precision },
    unit: unitOf(names, row.unit_id),
    courseType: row.course_type,
    ...course(row.course_type),
    reason: row.reason,
    reasonLabel: REASON_LABELS[row.reason].vi,
    reasonLabelEn: REASON_LABELS[row.reason].en,
    reasonText: row.reason_text,
    reasonTextEn: row.reason_text_en,
    priority: row.priority,
    titleCodes: row.title_codes,
    titles: row.title_codes.map((code) => (isTitleCode(code) ? titleByCode(code).shortNameVi : code)),
    decision: row.decision,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by_name,
    addedBy: row.added_by_name,
    training: row.training === null ? null : { status: row.training.status, classId: row.training.class_id, className: row.training.class_name },
  };
}

function presentFocusSnapshot(value: unknown) {
  const fields = Array.isArray(value) ? (value as FocusField[]) : [];
  return fields.map((field) => ({ code: field.code, label: TRAINING_FIELD_LABELS[field.code]?.vi ?? field.code, titleCodes: [...field.titleCodes] }));
}

export function presentReview(row: ReviewRow, proposals: readonly ProposalRow[], names: ReadonlyMap<string, UnitNameAsOf>, permissions: ReviewPermissions) {
  return {
    ...presentReviewListItem(row, names.get(row.unit_id)),
    previousId: row.previous_id,
    focusFields: presentFocusSnapshot(row.focus_fields),
    note: row.note,
    returnedNote: row.returned_note,
    createdBy: row.created_by_name,
    submittedBy: row.submitted_by_name,
    approvedBy: row.approved_by_name,
    permissions,
    proposals: proposals.map((proposal) => presentProposal(proposal, names)),
  };
}

export type ReviewDetail = ReturnType<typeof presentReview>;

function presentCourseCounts(counts: readonly CourseCount[]) {
  return counts.map((row) => ({ courseType: row.courseType, count: row.count, ...course(row.courseType) }));
}

export function presentQuotas(review: ReviewRow, quotas: TrainingQuotas, names: ReadonlyMap<string, UnitNameAsOf>) {
  return {
    reviewId: review.id,
    year: review.year,
    status: review.status,
    version: review.version,
    places: quotas.places,
    people: quotas.people,
    byCourseType: presentCourseCounts(quotas.byCourseType),
    byField: quotas.byField.map((row) => ({
      field: row.field,
      label: TRAINING_FIELD_LABELS[row.field].vi,
      labelEn: TRAINING_FIELD_LABELS[row.field].en,
      count: row.count,
    })),
    byUnit: quotas.byUnit
      .map((row) => ({ unit: unitOf(names, row.unitId), places: row.places, byCourseType: presentCourseCounts(row.byCourseType) }))
      .sort((a, b) => compareVietnamese(a.unit.name, b.unit.name)),
  };
}

export type QuotasView = ReturnType<typeof presentQuotas>;
