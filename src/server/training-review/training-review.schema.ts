import { z } from 'zod';
import { isTitleCode } from '../../core/titles.js';
import { COURSE_TYPES } from '../../core/course-types.js';
import { DEFAULT_FOCUS_FIELDS } from '../../core/training-needs.js';
import { idSchema, isoDateSchema } from '../http/common.schema.js';

const yearSchema = z.coerce.number().int('Năm phải là số nguyên').min(2000).max(2100);
const courseTypeSchema = z.enum(
  COURSE_TYPES.map((course) => course.code) as [(typeof COURSE_TYPES)[number]['code'], ...(typeof COURSE_TYPES)[number]['code'][]],
);
const focusCodeSchema = z.enum(
  DEFAULT_FOCUS_FIELDS.map((field) => field.code) as [(typeof DEFAULT_FOCUS_FIELDS)[number]['code'], ...(typeof DEFAULT_FOCUS_FIELDS)[number]['code'][]],
);
const statusSchema = z.enum(['draft', 'submitted', 'approved']);
const decisionSchema = z.enum(['pending', 'accepted', 'rejected']);
const reasonSchema = z.enum(['gap', 'first_term', 'focus_field', 'added']);

export const reviewParamsSchema = z.object({ id: idSchema });
export const proposalParamsSchema = z.object({ id: idSchema, proposalId: idSchema });

export const listReviewsQuerySchema = z.object({ year: yearSchema.optional(), unitId: idSchema.optional(), status: statusSchema.optional() });

export const createReviewBodySchema = z.object({
  unitId: idSchema,
  year: z.number().int().min(2000).max(2100),
  /** The day whose posts and levels are reviewed; defaults to today within the year. */
  asOf: isoDateSchema.optional(),
  firstTermCadreIds: z.array(idSchema).max(500).optional(),
  note: z.string().max(2000).nullable().optional(),
});

export const decideBodySchema = z.object({ decision: decisionSchema, reason: z.string().max(1000).nullable().optional() });
export const addPersonBodySchema = z.object({ cadreId: idSchema, courseType: courseTypeSchema, reason: z.string().max(1000) });
export const returnBodySchema = z.object({ note: z.string().max(2000) });

export const focusQuerySchema = z.object({ unitId: idSchema.optional(), year: yearSchema });
export const setFocusBodySchema = z.object({
  unitId: idSchema,
  year: z.number().int().min(2000).max(2100),
  fields: z
    .array(
      z.object({
        code: focusCodeSchema,
        titleCodes: z.array(z.string().refine(isTitleCode, 'Chức danh không có trong danh mục')).min(1, 'Chọn ít nhất một chức danh').max(20),
      }),
    )
    .max(10),
});

// --- Responses ---------------------------------------------------------------------------

const unitSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string() });

export const reviewListItemSchema = z.object({
  id: z.string(),
  unit: unitSchema,
  year: z.number().int(),
  asOf: z.string(),
  version: z.number().int(),
  latestVersion: z.number().int(),
  status: statusSchema,
  statusLabel: z.string(),
  statusLabelEn: z.string(),
  counts: z.object({ total: z.number().int(), pending: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
});

const proposalSchema = z.object({
  id: z.string(),
  cadre: z.object({ id: z.string(), fullName: z.string(), birthDate: z.string().nullable(), birthDatePrecision: z.enum(['day', 'year']).nullable() }),
  unit: unitSchema,
  courseType: z.string(),
  courseName: z.string(),
  courseNameEn: z.string(),
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
  reason: reasonSchema,
  reasonLabel: z.string(),
  reasonLabelEn: z.string(),
  reasonText: z.string(),
  reasonTextEn: z.string(),
  priority: z.number().int(),
  titleCodes: z.array(z.string()),
  titles: z.array(z.string()),
  decision: decisionSchema,
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  addedBy: z.string().nullable(),
  /** The person is already enrolled in a class of this course type in the plan's year, or holds its certificate. */
  training: z.object({ status: z.enum(['enrolled', 'certified']), classId: z.string(), className: z.string() }).nullable(),
});

export const reviewDetailSchema = reviewListItemSchema.extend({
  previousId: z.string().nullable(),
  focusFields: z.array(z.object({ code: z.string(), label: z.string(), titleCodes: z.array(z.string()) })),
  note: z.string().nullable(),
  returnedNote: z.string().nullable(),
  createdBy: z.string().nullable(),
  submittedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  permissions: z.object({ canDecide: z.boolean(), canSubmit: z.boolean(), canReturn: z.boolean(), canApprove: z.boolean(), canNewVersion: z.boolean() }),
  proposals: z.array(proposalSchema),
});

export const listReviewsResponseSchema = z.object({ items: z.array(reviewListItemSchema) });

const courseCountSchema = z.object({
  courseType: z.string(),
  count: z.number().int(),
  courseName: z.string(),
  courseNameEn: z.string(),
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
});

export const quotasResponseSchema = z.object({
  reviewId: z.string(),
  year: z.number().int(),
  status: statusSchema,
  version: z.number().int(),
  places: z.number().int(),
  people: z.number().int(),
  byCourseType: z.array(courseCountSchema),
  byField: z.array(z.object({ field: z.string(), label: z.string(), labelEn: z.string(), count: z.number().int() })),
  byUnit: z.array(z.object({ unit: unitSchema, places: z.number().int(), byCourseType: z.array(courseCountSchema) })),
});

export const focusResponseSchema = z.object({
  unitId: z.string(),
  year: z.number().int(),
  fields: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      labelEn: z.string(),
      courseType: z.string(),
      courseName: z.string(),
      selected: z.boolean(),
      titleCodes: z.array(z.string()),
      defaultTitleCodes: z.array(z.string()),
    }),
  ),
  applying: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string(), titleCodes: z.array(z.string()) })),
});
