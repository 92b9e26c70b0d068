import {
  politicalTheory,
  professionalEducation,
  stateManagement,
  type PoliticalTheoryLevel,
  type ProfessionalLevel,
  type QualificationScale,
  type StateManagementLevel,
} from './qualifications.js';

/**
 * The catalogue of course types a training-needs review proposes, what each
 * raises, and the fields of training. Shared by the standards (which course
 * closes a gap) and the review (who needs which course).
 */

export type FocusFieldCode = 'xay_dung_dang' | 'tai_chinh' | 'dat_dai' | 'tu_phap' | 'ldtbxh';

/** The field (lĩnh vực) a course belongs to, for the plan's totals. */
export type TrainingField = 'ly_luan_chinh_tri' | 'chuyen_mon' | 'quan_ly_nha_nuoc' | FocusFieldCode;

export const TRAINING_FIELD_LABELS: Readonly<Record<TrainingField, { vi: string; en: string }>> = {
  ly_luan_chinh_tri: { vi: 'Lý luận chính trị', en: 'Political theory' },
  chuyen_mon: { vi: 'Chuyên môn', en: 'Professional education' },
  quan_ly_nha_nuoc: { vi: 'Quản lý nhà nước', en: 'State management' },
  xay_dung_dang: { vi: 'Công tác xây dựng Đảng', en: 'Party-building work' },
  tai_chinh: { vi: 'Quản lý tài chính', en: 'Financial management' },
  dat_dai: { vi: 'Quản lý đất đai', en: 'Land management' },
  tu_phap: { vi: 'Tư pháp', en: 'Justice' },
  ldtbxh: { vi: 'Lao động - Thương binh và Xã hội', en: 'Labour, invalids and social affairs' },
};

/** The level a course gives on completion, on the scale whose gaps it closes. */
export type CourseRaises =
  | { scale: 'professional'; level: ProfessionalLevel }
  | { scale: 'political_theory'; level: PoliticalTheoryLevel }
  | { scale: 'state_management'; level: StateManagementLevel };

export interface CourseType {
  code: string;
  nameVi: string;
  nameEn: string;
  field: TrainingField;
  raises: CourseRaises | null;
}

export const COURSE_TYPES = [
  {
    code: 'trung_cap_llct',
    nameVi: 'Trung cấp lý luận chính trị',
    nameEn: 'Intermediate political theory',
    field: 'ly_luan_chinh_tri',
    raises: { scale: 'political_theory', level: 'trung_cap' },
  },
  {
    code: 'cao_cap_llct',
    nameVi: 'Cao cấp lý luận chính trị',
    nameEn: 'Advanced political theory',
    field: 'ly_luan_chinh_tri',
    raises: { scale: 'political_theory', level: 'cao_cap' },
  },
  {
    code: 'dai_hoc',
    nameVi: 'Đại học (hình thức vừa làm vừa học)',
    nameEn: "Bachelor's degree (part-time)",
    field: 'chuyen_mon',
    raises: { scale: 'professional', level: 'dai_hoc' },
  },
  {
    code: 'qlnn_chuyen_vien',
    nameVi: 'Bồi dưỡng quản lý nhà nước ngạch chuyên viên',
    nameEn: 'State management course, officer grade',
    field: 'quan_ly_nha_nuoc',
    raises: { scale: 'state_management', level: 'chuyen_vien' },
  },
  {
    code: 'qlnn_chuyen_vien_chinh',
    nameVi: 'Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính',
    nameEn: 'State management course, principal officer grade',
    field: 'quan_ly_nha_nuoc',
    raises: { scale: 'state_management', level: 'chuyen_vien_chinh' },
  },
  {
    code: 'boi_duong_bi_thu_moi',
    nameVi: 'Bồi dưỡng kỹ năng, phương pháp, nghiệp vụ công tác Đảng cho bí thư, phó bí thư lần đầu tham gia cấp ủy',
    nameEn: 'Party work skills for newly elected secretaries and deputy secretaries',
    field: 'xay_dung_dang',
    raises: null,
  },
  {
    code: 'xay_dung_dang',
    nameVi: 'Nghiệp vụ công tác xây dựng Đảng',
    nameEn: 'Party-building work',
    field: 'xay_dung_dang',
    raises: null,
  },
  { code: 'tai_chinh', nameVi: 'Quản lý tài chính', nameEn: 'Financial management', field: 'tai_chinh', raises: null },
  { code: 'dat_dai', nameVi: 'Quản lý đất đai', nameEn: 'Land management', field: 'dat_dai', raises: null },
  { code: 'tu_phap', nameVi: 'Tư pháp', nameEn: 'Justice', field: 'tu_phap', raises: null },
  {
    code: 'ldtbxh',
    nameVi: 'Lao động - Thương binh và Xã hội',
    nameEn: 'Labour, invalids and social affairs',
    field: 'ldtbxh',
    raises: null,
  },
] as const satisfies readonly CourseType[];

export type CourseTypeCode = (typeof COURSE_TYPES)[number]['code'];

const COURSE_BY_CODE = new Map<string, CourseType>(COURSE_TYPES.map((c) => [c.code, c]));

export function isCourseTypeCode(value: unknown): value is CourseTypeCode {
  return typeof value === 'string' && COURSE_BY_CODE.has(value);
}

export function courseTypeByCode(code: CourseTypeCode): CourseType {
  const course = COURSE_BY_CODE.get(code);
  if (!course) throw new RangeError(`Unknown course type: ${JSON.stringify(code)}`);
  return course;
}

export const COURSE_SCALES: Readonly<Record<CourseRaises['scale'], QualificationScale<string>>> = {
  professional: professionalEducation,
  political_theory: politicalTheory,
  state_management: stateManagement,
};

function raisesAtLeast(raises: CourseRaises | null, required: CourseRaises): boolean {
  return raises !== null && raises.scale === required.scale && COURSE_SCALES[required.scale].atLeast(raises.level, required.level);
}

/**
 * The least course that brings a person to `required`: a trung cấp gap in
 * political theory is closed by the trung cấp course, not the cao cấp one.
 * undefined when no course in the catalogue reaches it (a master's degree).
 */
export function closingCourseType(required: CourseRaises): CourseTypeCode | undefined {
  return COURSE_TYPES.find((course) => raisesAtLeast(course.raises, required))?.code;
}
