import { z } from 'zod';
import { ROTATION_DIRECTIONS, ROTATION_KINDS, ROTATION_PLACEMENTS, ROTATION_PURPOSES } from '../../core/rotation.js';
import { isTitleCode } from '../../core/titles.js';
import { idSchema, isoDateSchema, pageQuerySchema } from '../http/common.schema.js';

const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`);
const optionalText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`).nullable().optional();
const unitRef = z.object({ id: z.string(), name: z.string() });
const warningCodeSchema = z.enum(['not_in_plan', 'service_left_short', 'service_left_unknown', 'duration_short', 'post_not_vacant']);

export const rotationParamsSchema = z.object({ id: idSchema });

export const rotationBodySchema = z.object({
  cadreId: idSchema,
  kind: z.enum(ROTATION_KINDS),
  direction: z.enum(ROTATION_DIRECTIONS),
  purpose: z.enum(ROTATION_PURPOSES),
  purposeNote: optionalText(1000),
  /** The district or province agency, or the commune, the person comes from. */
  originUnitId: idSchema,
  /** The post held there, in words ("Phó Chủ tịch Hội Nông dân huyện Lạng Giang"). */
  originPostName: text(300),
  /** A commune post of the person in the registry, ended the day before the start and re-opened on return. */
  originPostId: idSchema.nullable().optional(),
  destinationUnitId: idSchema,
  destinationTitleCode: z.string().refine(isTitleCode, 'Chức danh không có trong danh mục'),
  decisionNumber: text(100),
  decisionDate: isoDateSchema,
  decisionSigner: text(200),
  startDate: isoDateSchema,
  /** By default the regulation's length (36 months). */
  plannedEndDate: isoDateSchema.nullable().optional(),
  midtermEvaluation: optionalText(4000),
  /** The warnings the deciding officer has read and records the decision despite. */
  acceptedWarnings: z.array(warningCodeSchema).max(10).default([]),
});

export const rotationUpdateBodySchema = z.object({
  purpose: z.enum(ROTATION_PURPOSES).optional(),
  purposeNote: optionalText(1000),
  originPostName: text(300).optional(),
  decisionNumber: text(100).optional(),
  decisionDate: isoDateSchema.optional(),
  decisionSigner: text(200).optional(),
  plannedEndDate: isoDateSchema.optional(),
  midtermEvaluation: optionalText(4000),
  finalEvaluation: optionalText(4000),
  placementNote: optionalText(1000),
});

export const rotationEndBodySchema = z.object({
  endDate: isoDateSchema,
  placement: z.enum(ROTATION_PLACEMENTS),
  finalEvaluation: optionalText(4000),
  placementNote: optionalText(1000),
});

export const rotationWarningSchema = z.object({ code: warningCodeSchema, message: z.string(), messageEn: z.string(), basis: z.string() });

export const rotationCheckSchema = z.object({
  warnings: z.array(rotationWarningSchema),
  plannedEndDate: z.string(),
  rule: z.object({
    validFrom: z.string(),
    defaultMonths: z.number().int(),
    minimumMonths: z.number().int(),
    minimumServiceYears: z.number().int(),
    basis: z.string(),
  }),
  /** Who holds the destination post on the start day. */
  destinationHolders: z.array(z.string()),
});

export const rotationSchema = z.object({
  id: z.string(),
  cadre: z.object({ id: z.string(), fullName: z.string(), gender: z.enum(['nam', 'nu']).nullable(), birthDate: z.string().nullable() }),
  kind: z.enum(ROTATION_KINDS),
  direction: z.enum(ROTATION_DIRECTIONS),
  purpose: z.enum(ROTATION_PURPOSES),
  purposeNote: z.string().nullable(),
  origin: z.object({ unit: unitRef, postName: z.string(), postId: z.string().nullable() }),
  destination: z.object({ unit: unitRef, titleCode: z.string(), titleName: z.string(), postId: z.string().nullable() }),
  decision: z.object({ number: z.string(), date: z.string(), signer: z.string(), fileName: z.string().nullable() }),
  startDate: z.string(),
  plannedEndDate: z.string(),
  endDate: z.string().nullable(),
  /** 'planned': decided, not yet begun; 'overdue': running past its planned end. */
  status: z.enum(['planned', 'active', 'overdue', 'ended']),
  monthsServed: z.number().int(),
  midtermEvaluation: z.string().nullable(),
  finalEvaluation: z.string().nullable(),
  placement: z.enum(ROTATION_PLACEMENTS).nullable(),
  placementNote: z.string().nullable(),
  /** The rules the decision did not meet when it was recorded. */
  warnings: z.array(rotationWarningSchema),
  abilities: z.object({ edit: z.boolean(), end: z.boolean(), delete: z.boolean() }),
});

export const listRotationsQuerySchema = pageQuerySchema.extend({
  /** Rotations into or out of this unit and the units under it. */
  unitId: idSchema.optional(),
  cadreId: idSchema.optional(),
  /** Begun on or after / on or before. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  status: z.enum(['running', 'ended', 'all']).default('all'),
  kind: z.enum(ROTATION_KINDS).optional(),
});

export const exportRotationsQuerySchema = listRotationsQuerySchema.omit({ page: true, pageSize: true });

export const rotationListSchema = z.object({
  items: z.array(rotationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The article's figure from data: people moved from district or province posts into commune posts in the period. */
  summary: z.object({
    people: z.number().int(),
    fromHigherLevels: z.number().int(),
    intoWeakCommunes: z.number().int(),
    running: z.number().int(),
    sentence: z.string(),
  }),
});

export const weakCommunesQuerySchema = z.object({
  unitId: idSchema.optional(),
  /** By default the latest year with designations in the unit. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const weakCommunesSchema = z.object({
  year: z.number().int(),
  /** Years with designations in the unit, latest first: where an empty year can send the user. */
  years: z.array(z.number().int()),
  unit: unitRef,
  weak: z.number().int(),
  received: z.number().int(),
  communes: z.array(
    z.object({
      commune: unitRef,
      fields: z.array(z.string()),
      reasons: z.string(),
      decision: z.string().nullable(),
      rotations: z.array(
        z.object({
          id: z.string(),
          cadre: z.object({ id: z.string(), fullName: z.string() }),
          titleName: z.string(),
          startDate: z.string(),
          endDate: z.string().nullable(),
          monthsServed: z.number().int(),
        }),
      ),
    }),
  ),
});

export type RotationCommand = z.output<typeof rotationBodySchema>;
export type RotationChanges = z.output<typeof rotationUpdateBodySchema>;
export type RotationEnd = z.output<typeof rotationEndBodySchema>;

const yearFigure = z.object({ year: z.number().int(), count: z.number().int(), of: z.number().int() });

export const rotationOutcomesSchema = z.object({
  items: z.array(
    z.object({
      rotationId: z.string(),
      cadre: z.object({ id: z.string(), fullName: z.string() }),
      commune: z.object({ id: z.string(), name: z.string() }),
      titleName: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      /** The designation that made the commune weak when the rotation began. */
      weakYear: z.number().int(),
      /** The first later year whose list left the commune out; null while it stays on it. */
      leftWeakListIn: z.number().int().nullable(),
      /** Key cadres of the commune rated good or better, in the start year and in the year it ended (or this year). */
      ratedGoodBefore: yearFigure,
      ratedGoodAfter: yearFigure,
      /** Grassroots problems resolved of those registered, the same two years. */
      problemsResolvedBefore: yearFigure,
      problemsResolvedAfter: yearFigure,
    }),
  ),
  summary: z.object({
    rotations: z.number().int(),
    communes: z.number().int(),
    leftWeakList: z.number().int(),
    sentence: z.string(),
  }),
});
