import { z } from 'zod';
import { isValidIsoDate } from '../../core/dates.js';
import { isEthnicityCode } from '../../core/ethnicities.js';
import { parsePersonalId } from '../../core/personal-id.js';
import { isTitleCode } from '../../core/titles.js';
import { idSchema, isoDateSchema } from '../http/common.schema.js';
import { HOW_OBTAINED, QUALIFICATION_KINDS, QUALIFICATION_SOURCES, STUDY_MODES } from '../../core/cadre-record.js';

// --- Requests --------------------------------------------------------------------------

/** 'YYYY-MM-DD', or 'YYYY' alone when only the year is known (stored as 1 January with precision 'year'). */
export const dateOrYearSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Ngày phải có dạng YYYY-MM-DD, hoặc chỉ ghi năm YYYY')
  .refine((value) => value.length === 4 || isValidIsoDate(value), 'Ngày không tồn tại trên lịch');

const optionalText = (max: number) => z.string().max(max, `Tối đa ${max} ký tự`).nullable().optional();

const personalIdSchema = z
  .string()
  .max(30)
  .superRefine((value, ctx) => {
    const result = parsePersonalId(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  });

const cadreFields = {
  fullName: z.string().max(100, 'Họ và tên tối đa 100 ký tự'),
  gender: z.enum(['nam', 'nu']).nullable().optional(),
  birthDate: dateOrYearSchema.nullable().optional(),
  ethnicityCode: z.string().refine(isEthnicityCode, 'Mã dân tộc phải là một mã 01–54 của danh mục').nullable().optional(),
  religion: optionalText(100),
  homeTown: optionalText(300),
  personalId: personalIdSchema.nullable().optional(),
  partyJoinedOn: dateOrYearSchema.nullable().optional(),
  phone: optionalText(30),
  email: z.email('Thư điện tử không hợp lệ').max(200).nullable().optional(),
  discipline: optionalText(2000),
  owningUnitId: idSchema,
};

export const createCadreBodySchema = z.object(cadreFields);
export const updateCadreBodySchema = z.object(cadreFields).partial();

export const cadreIdParamsSchema = z.object({ id: idSchema });
export const postParamsSchema = z.object({ id: idSchema, postId: idSchema });
export const qualificationParamsSchema = z.object({ id: idSchema, qid: idSchema });

const termSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'Nhiệm kỳ ghi dạng 2020-2025')
  .refine((term) => {
    const [from, to] = term.split('-').map(Number);
    return to! > from! && to! - from! <= 5;
  }, 'Nhiệm kỳ phải kết thúc sau năm bắt đầu, dài tối đa 5 năm');

export const addPostBodySchema = z.object({
  unitId: idSchema,
  titleCode: z.string().refine(isTitleCode, 'Chức vụ không có trong danh mục'),
  startDate: dateOrYearSchema,
  endDate: isoDateSchema.nullable().optional(),
  term: termSchema.nullable().optional(),
  howObtained: z.enum(HOW_OBTAINED).nullable().optional(),
  concurrent: z.boolean().default(false),
  note: optionalText(1000),
  firstTermInPartyCommittee: z.boolean().default(false),
});

export const updatePostBodySchema = z
  .object({
    startDate: dateOrYearSchema,
    endDate: isoDateSchema.nullable(),
    term: termSchema.nullable(),
    howObtained: z.enum(HOW_OBTAINED).nullable(),
    concurrent: z.boolean(),
    note: optionalText(1000),
    firstTermInPartyCommittee: z.boolean(),
  })
  .partial();

export const endPostBodySchema = z.object({
  endDate: isoDateSchema,
  note: optionalText(1000),
});

export const addQualificationBodySchema = z.object({
  kind: z.enum(QUALIFICATION_KINDS),
  level: z.string().max(40),
  major: optionalText(200),
  institution: optionalText(300),
  studyMode: z.enum(STUDY_MODES).nullable().optional(),
  language: optionalText(100),
  obtainedOn: dateOrYearSchema.nullable().optional(),
  source: z.enum(QUALIFICATION_SOURCES).default('declared'),
  sourceRef: optionalText(200),
  note: optionalText(1000),
});

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listCadresQuerySchema = z.object({
  unitId: idSchema.optional(),
  asOf: isoDateSchema.optional(),
  q: z.string().max(200).optional(),
  title: z
    .string()
    .max(1000)
    .optional()
    .transform((value) =>
      value
        ? value
            .split(',')
            .map((code) => code.trim())
            .filter((code) => code !== '')
        : undefined,
    )
    .refine((codes) => !codes || codes.every(isTitleCode), 'Có mã chức vụ không có trong danh mục'),
  key: booleanQuery.optional(),
  status: z.enum(['holding', 'all']).default('holding'),
  professionalLevel: z.string().max(40).optional(),
  politicalTheoryLevel: z.string().max(40).optional(),
  /** Out of service within 12, 24 or 60 months after the list's date, or already past retirement age on it (Decree 135/2020). */
  retiresWithin: z.enum(['12', '24', '60', 'reached']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const exportCadresQuerySchema = listCadresQuerySchema.omit({ page: true, pageSize: true });

export const profileQuerySchema = z.object({ asOf: isoDateSchema.optional() });

// --- Responses -------------------------------------------------------------------------

const precisionSchema = z.enum(['day', 'year']);

export const unitSummarySchema = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string() });

const levelSchema = z.object({ code: z.string(), label: z.string() }).nullable();

export const levelsSchema = z.object({
  professional: levelSchema,
  politicalTheory: levelSchema,
  stateManagement: levelSchema,
  it: levelSchema,
  foreignLanguage: levelSchema,
});

export const postSchema = z.object({
  id: z.string(),
  title: z.object({ code: z.string(), name: z.string(), shortName: z.string(), isKey: z.boolean() }),
  unit: unitSummarySchema,
  startDate: z.string(),
  startDatePrecision: precisionSchema,
  endDate: z.string().nullable(),
  term: z.string().nullable(),
  howObtained: z.enum(HOW_OBTAINED).nullable(),
  concurrent: z.boolean(),
  note: z.string().nullable(),
  firstTermInPartyCommittee: z.boolean(),
  heldOnAsOf: z.boolean(),
});

export const qualificationSchema = z.object({
  id: z.string(),
  kind: z.enum(QUALIFICATION_KINDS),
  level: z.object({ code: z.string(), label: z.string() }),
  major: z.string().nullable(),
  institution: z.string().nullable(),
  studyMode: z.enum(STUDY_MODES).nullable(),
  language: z.string().nullable(),
  obtainedOn: z.string().nullable(),
  obtainedPrecision: precisionSchema.nullable(),
  source: z.enum(QUALIFICATION_SOURCES),
  sourceRef: z.string().nullable(),
  note: z.string().nullable(),
  obtainedByAsOf: z.boolean(),
});

export const workingLifeSchema = z.object({
  ageMonths: z.number().int(),
  /** The day retirement age is reached: the birthday. */
  reachesAgeOn: z.string(),
  /** The last day in service: the end of that month. */
  lastWorkingDay: z.string(),
  retiresFrom: z.string(),
  monthsLeft: z.number().int(),
  retired: z.boolean(),
});

export const cadreListItemSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  gender: z.enum(['nam', 'nu']).nullable(),
  birthDate: z.string().nullable(),
  birthDatePrecision: precisionSchema.nullable(),
  /** Null when the record is kept by a unit outside the caller's scope (a former unit sees only its own periods). */
  owningUnit: unitSummarySchema.nullable(),
  /** Posts held on the list's date (only those in the caller's units, for a person the caller no longer manages). */
  posts: z.array(postSchema),
  isKey: z.boolean(),
  levels: levelsSchema,
  hasPhoto: z.boolean(),
  /** The working-life clock on the list's date (Decree 135/2020); null without sex or birth date. */
  workingLife: workingLifeSchema.nullable(),
});

export const listCadresResponseSchema = z.object({
  items: z.array(cadreListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: z.string(),
});

export const cadreProfileSchema = cadreListItemSchema.extend({
  givenName: z.string(),
  ethnicity: z.object({ code: z.string(), name: z.string() }).nullable(),
  religion: z.string().nullable(),
  homeTown: z.string().nullable(),
  personalId: z.string().nullable(),
  partyJoinedOn: z.string().nullable(),
  partyJoinedPrecision: precisionSchema.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  discipline: z.string().nullable(),
  /** True when the actor may not see personal data: personalId is masked, ethnicity, religion and discipline are null. */
  sensitiveHidden: z.boolean(),
  postHistory: z.array(postSchema),
  qualifications: z.array(qualificationSchema),
  asOf: z.string(),
  /** What the caller may do with this record, decided by the access policy; screens show actions from this alone. */
  abilities: z.object({
    reach: z.enum(['full', 'history']),
    edit: z.boolean(),
    changePosts: z.boolean(),
    changeQualifications: z.boolean(),
    changePhoto: z.boolean(),
    changeOwningUnit: z.boolean(),
    downloadResume: z.boolean(),
    viewPersonalData: z.boolean(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
