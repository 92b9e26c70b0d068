import { z } from 'zod';
import { DISCIPLINE_EXCEPTIONS, DISCIPLINE_FORMS, EVALUATION_CLASSES } from '../../core/evaluation.js';
import { idSchema, isoDateSchema } from '../http/common.schema.js';

const classSchema = z.enum(
  EVALUATION_CLASSES.map((c) => c.code) as [(typeof EVALUATION_CLASSES)[number]['code'], ...(typeof EVALUATION_CLASSES)[number]['code'][]],
);
const formSchema = z.enum(DISCIPLINE_FORMS.map((f) => f.code) as [(typeof DISCIPLINE_FORMS)[number]['code'], ...(typeof DISCIPLINE_FORMS)[number]['code'][]]);
const optionalText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`).nullable().optional();

export const cadreParamsSchema = z.object({ id: idSchema });
export const cadreYearParamsSchema = z.object({ id: idSchema, year: z.coerce.number().int().min(1990).max(2100) });
export const cadreDisciplineParamsSchema = z.object({ id: idSchema, disciplineId: idSchema });

export const evaluationBodySchema = z.object({
  evaluationClass: classSchema,
  /** On the 100-point scale, from the 2026 evaluation year (Decree 335/2025). */
  points: z.number().nullable().optional(),
  /** The unit whose body evaluated; by default the unit of the post held at the end of the year. */
  unitId: idSchema.optional(),
  evaluatedBy: optionalText(300),
  note: optionalText(2000),
});

export const disciplineBodySchema = z.object({
  form: formSchema,
  decidedOn: isoDateSchema,
  decidingBody: z.string().trim().min(1, 'Không được để trống').max(300),
  decisionNumber: optionalText(100),
  reason: optionalText(2000),
  evaluationException: z.enum(DISCIPLINE_EXCEPTIONS).nullable().optional(),
});

const labelled = z.object({ code: z.string(), label: z.string() });

export const cadreEvaluationsSchema = z.object({
  evaluations: z.array(
    z.object({
      year: z.number().int(),
      evaluationClass: z.object({ code: classSchema, label: z.string() }),
      points: z.number().nullable(),
      unit: z.object({ id: z.string(), name: z.string() }),
      evaluatedBy: z.string().nullable(),
      note: z.string().nullable(),
      scheme: z.object({ kind: z.enum(['criteria', 'points']), basis: z.string() }),
    }),
  ),
  /** Empty and `disciplinesHidden` when the caller may not see personal data (Decree 13/2023). */
  disciplines: z.array(
    z.object({
      id: z.string(),
      form: labelled,
      decidedOn: z.string(),
      decidingBody: z.string(),
      decisionNumber: z.string().nullable(),
      reason: z.string().nullable(),
      evaluationException: z.enum(DISCIPLINE_EXCEPTIONS).nullable(),
    }),
  ),
  disciplinesHidden: z.boolean(),
  abilities: z.object({ edit: z.boolean(), editDisciplines: z.boolean() }),
});

export const evaluationSummaryQuerySchema = z.object({
  unitId: idSchema.optional(),
  /** By default the latest year with classes in the unit. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

const countsSchema = z.object({
  hoan_thanh_xuat_sac: z.number().int(),
  hoan_thanh_tot: z.number().int(),
  hoan_thanh: z.number().int(),
  khong_hoan_thanh: z.number().int(),
});

export const evaluationSummarySchema = z.object({
  year: z.number().int(),
  /** Years with classes in the unit, latest first. */
  years: z.array(z.number().int()),
  unit: z.object({ id: z.string(), name: z.string() }),
  scheme: z.object({ kind: z.enum(['criteria', 'points']), basis: z.string(), excellentShareCap: z.number() }),
  counts: countsSchema,
  total: z.number().int(),
  /** Excellent ratings against the cap (share of those rated good or better). */
  excellentCap: z.object({ allowed: z.number().int(), excellent: z.number().int(), ok: z.boolean() }),
  byChild: z.array(z.object({ id: z.string(), name: z.string(), counts: countsSchema, total: z.number().int() })),
});

export type EvaluationInput = z.output<typeof evaluationBodySchema>;
export type DisciplineInput = z.output<typeof disciplineBodySchema>;
