import { workingLifeSchema } from '../cadres/cadres.schema.js';
import { z } from 'zod';
import {
  politicalTheory,
  professionalEducation,
  stateManagement,
  type PoliticalTheoryLevel,
  type ProfessionalLevel,
  type StateManagementLevel,
} from '../../core/qualifications.js';
import { isTitleCode, type TitleCode } from '../../core/titles.js';
import { idSchema, isoDateSchema } from '../http/common.schema.js';
import { GAP_KINDS } from './assessment.js';

// --- Compliance requests ------------------------------------------------------------------

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');
const statusSchema = z.enum(['meets', 'does_not_meet', 'no_standard']);
const gapKindSchema = z.enum(GAP_KINDS);

export const cadreComplianceParamsSchema = z.object({ id: idSchema });
export const asOfQuerySchema = z.object({ asOf: isoDateSchema.optional() });

export const summaryQuerySchema = z.object({
  unitId: idSchema.optional(),
  asOf: isoDateSchema.optional(),
  /** Key posts only (the default), or every post. */
  keyOnly: booleanQuery.default(true),
});

export const peopleQuerySchema = summaryQuerySchema.extend({
  status: statusSchema.optional(),
  gap: gapKindSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

// --- Compliance responses -----------------------------------------------------------------

const unitSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string() });

const gapSchema = z.object({
  kind: gapKindSchema,
  message: z.string(),
  messageEn: z.string(),
  required: z.union([z.string(), z.number(), z.boolean()]),
  actual: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  closingCourse: z.string().nullable(),
  closingCourseName: z.string().nullable(),
  ruleCode: z.string(),
});

const postComplianceSchema = z.object({
  postId: z.string(),
  unit: unitSchema,
  titleCode: z.string(),
  titleName: z.string(),
  titleNameEn: z.string(),
  startDate: z.string(),
  firstAppointment: z.boolean(),
  reelection: z.boolean(),
  status: statusSchema,
  statusLabel: z.string(),
  statusLabelEn: z.string(),
  rule: z.object({ code: z.string(), version: z.number().int().nullable(), setCode: z.string(), legalBasis: z.string(), confirmed: z.boolean() }).nullable(),
  gaps: z.array(gapSchema),
  noStandardReason: z.object({ code: z.enum(['no_rule', 'area_unknown']), message: z.string(), messageEn: z.string() }).nullable(),
});

const personComplianceSchema = z.object({
  cadre: z.object({
    id: z.string(),
    fullName: z.string(),
    gender: z.enum(['nam', 'nu']).nullable(),
    birthDate: z.string().nullable(),
    birthDatePrecision: z.enum(['day', 'year']).nullable(),
    /** The working-life clock on the date (Decree 135/2020). */
    workingLife: workingLifeSchema.nullable(),
  }),
  /** null: no key post held on the date. */
  status: statusSchema.nullable(),
  levels: z.object({
    professional: z.string().nullable(),
    professionalField: z.string().nullable(),
    politicalTheory: z.string().nullable(),
    stateManagement: z.string().nullable(),
  }),
  posts: z.array(postComplianceSchema),
});

export const cadreComplianceResponseSchema = personComplianceSchema.extend({ asOf: z.string() });

const levelCountSchema = z.object({ level: z.string().nullable(), count: z.number().int() });

const figuresSchema = z.object({
  totalPeople: z.number().int(),
  meeting: z.number().int(),
  notMeeting: z.number().int(),
  withoutStandard: z.number().int(),
  meetingShare: z.number().nullable(),
  universityOrHigher: z.number().int(),
  postgraduate: z.number().int(),
  advancedPoliticalTheory: z.number().int(),
  professional: z.array(levelCountSchema),
  politicalTheory: z.array(levelCountSchema),
});

export const summaryResponseSchema = figuresSchema.extend({
  unit: unitSchema,
  asOf: z.string(),
  scope: z.enum(['key', 'all']),
  peopleWithGap: z.record(gapKindSchema, z.number().int()),
  sentence: z.string(),
  sentenceEn: z.string(),
  meetingText: z.string(),
  children: z.array(figuresSchema.extend({ unit: unitSchema })),
});

export const peopleResponseSchema = z.object({
  asOf: z.string(),
  scope: z.enum(['key', 'all']),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(personComplianceSchema),
});

// --- Standards --------------------------------------------------------------------------------

const titleGroupSchema = z.enum(['key', 'party', 'council', 'committee', 'front', 'mass_org', 'civil_servant']);

const appliesToSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('titles'),
    codes: z
      .array(
        z
          .string()
          .refine(isTitleCode, 'Chức danh không có trong danh mục')
          .transform((code) => code as TitleCode),
      )
      .min(1, 'Chưa chọn chức danh áp dụng')
      .max(30),
  }),
  z.object({ kind: z.literal('group'), group: titleGroupSchema }),
]);

const levelOf = <C extends string>(isLevel: (value: unknown) => value is C, message: string) =>
  z
    .string()
    .refine(isLevel, message)
    .transform((value) => value as C)
    .nullable();

const monthsSchema = z.number().int('Số tháng phải là số nguyên').min(0).max(600).nullable();

const ruleContentFields = {
  appliesTo: appliesToSchema,
  validTo: isoDateSchema.nullable(),
  areaClass: z.enum(['plains', 'disadvantaged', 'any']),
  minProfessional: levelOf<ProfessionalLevel>(professionalEducation.isLevel, 'Trình độ chuyên môn không hợp lệ'),
  professionalFields: z.array(z.string().min(1).max(100)).max(20).default([]),
  minPoliticalTheory: levelOf<PoliticalTheoryLevel>(politicalTheory.isLevel, 'Trình độ lý luận chính trị không hợp lệ'),
  minStateManagement: levelOf<StateManagementLevel>(stateManagement.isLevel, 'Trình độ quản lý nhà nước không hợp lệ'),
  requireHighSchool: z.boolean(),
  minMonthsLeftAtFirstAppointment: monthsSchema,
  minMonthsLeftAtReElection: monthsSchema,
  confirmed: z.boolean(),
  legalBasis: z.string().min(1, 'Thiếu căn cứ pháp lý').max(2000),
  note: z.string().max(4000).default(''),
  /** Why the rule changes (the document, the decision): kept with the version. */
  changeNote: z.string().trim().min(1, 'Ghi lý do, căn cứ của thay đổi').max(1000),
};

const setCodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'Mã bộ tiêu chuẩn chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới');
const ruleCodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9./_-]{0,79}$/, 'Mã tiêu chuẩn chỉ gồm chữ, số và các dấu . / _ -');

export const setParamsSchema = z.object({ code: setCodeSchema });
export const ruleParamsSchema = z.object({ code: ruleCodeSchema });

export const createSetBodySchema = z.object({
  code: setCodeSchema,
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  scope: z.enum(['national', 'provincial']),
  legalBasis: z.string().trim().min(1).max(2000),
  confirmed: z.boolean().default(false),
  note: z.string().max(4000).default(''),
});

export const updateSetBodySchema = z.object({ enabled: z.boolean() });

export const listRulesQuerySchema = z.object({
  setCode: setCodeSchema.optional(),
  code: ruleCodeSchema.optional(),
  /** Include versions replaced by a correction. */
  history: booleanQuery.default(false),
});

export const addRuleBodySchema = z.object({ ...ruleContentFields, setCode: setCodeSchema, code: ruleCodeSchema, validFrom: isoDateSchema });
export const addVersionBodySchema = z.object({ ...ruleContentFields, effectiveFrom: isoDateSchema });

export const standardSetSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  scope: z.enum(['national', 'provincial']),
  legalBasis: z.string(),
  confirmed: z.boolean(),
  note: z.string(),
  enabled: z.boolean(),
  ruleCount: z.number().int(),
});

export const standardRuleSchema = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  setCode: z.string(),
  scope: z.enum(['national', 'provincial']),
  appliesTo: z.union([z.object({ kind: z.literal('titles'), codes: z.array(z.string()) }), z.object({ kind: z.literal('group'), group: z.string() })]),
  appliesToText: z.string(),
  titleCodes: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  areaClass: z.enum(['plains', 'disadvantaged', 'any']),
  minProfessional: z.string().nullable(),
  professionalFields: z.array(z.string()),
  minPoliticalTheory: z.string().nullable(),
  minStateManagement: z.string().nullable(),
  requireHighSchool: z.boolean(),
  minMonthsLeftAtFirstAppointment: z.number().int().nullable(),
  minMonthsLeftAtReElection: z.number().int().nullable(),
  confirmed: z.boolean(),
  legalBasis: z.string(),
  note: z.string(),
  changeNote: z.string().nullable(),
  superseded: z.boolean(),
  createdAt: z.string(),
});

export const listSetsResponseSchema = z.object({ items: z.array(standardSetSchema) });
export const listRulesResponseSchema = z.object({ items: z.array(standardRuleSchema) });
