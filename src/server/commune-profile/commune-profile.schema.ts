import { z } from 'zod';
import { idSchema, isoDateSchema } from '../http/common.schema.js';
import { AREA_FLAGS, WEAK_FIELDS } from '../../core/commune-profile.js';

const areaFlagSchema = z.enum(AREA_FLAGS);
const weakFieldSchema = z.enum(WEAK_FIELDS);
const textSchema = z.string().max(2000).nullable();

export const idParamsSchema = z.object({ id: idSchema });
export const asOfQuerySchema = z.object({ asOf: isoDateSchema.optional() });

const communeSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), type: z.string() });

export const areaClassSchema = z.object({
  id: z.string(),
  communeId: z.string(),
  flags: z.array(areaFlagSchema),
  disadvantaged: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  basis: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const areaClassHistorySchema = z.object({
  commune: communeSchema,
  asOf: z.string(),
  current: areaClassSchema.nullable(),
  history: z.array(areaClassSchema),
});

export const addAreaClassBodySchema = z.object({
  flags: z.array(areaFlagSchema).min(1, 'Cần chọn ít nhất một loại địa bàn').max(6),
  validFrom: isoDateSchema.nullable(),
  validTo: isoDateSchema.nullable().optional(),
  basis: textSchema.optional(),
  note: textSchema.optional(),
});

export const updateAreaClassBodySchema = addAreaClassBodySchema.omit({ validFrom: true }).partial();

export const listAreaClassesQuerySchema = z.object({ unitId: idSchema.optional(), asOf: isoDateSchema.optional() });

export const listAreaClassesResponseSchema = z.object({
  asOf: z.string(),
  items: z.array(
    z.object({
      commune: communeSchema,
      areaClass: z
        .object({
          id: z.string(),
          flags: z.array(areaFlagSchema),
          disadvantaged: z.boolean(),
          validFrom: z.string().nullable(),
          validTo: z.string().nullable(),
          basis: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});

export const designationSchema = z.object({
  id: z.string(),
  commune: communeSchema,
  year: z.number().int(),
  fields: z.array(weakFieldSchema),
  reasons: z.string(),
  decision: z.string().nullable(),
  decidedOn: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const listWeakQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  asOf: isoDateSchema.optional(),
  unitId: idSchema.optional(),
});

export const listWeakResponseSchema = z.object({ items: z.array(designationSchema) });
export const weakHistoryResponseSchema = z.object({ commune: communeSchema, items: z.array(designationSchema) });

export const createWeakBodySchema = z.object({
  communeId: idSchema,
  year: z.number().int().min(1990).max(2100),
  fields: z.array(weakFieldSchema).min(1, 'Cần chọn ít nhất một lĩnh vực').max(WEAK_FIELDS.length),
  reasons: z.string().trim().min(1, 'Cần ghi rõ những mặt hạn chế, yếu kém').max(5000),
  decision: z.string().max(500).nullable().optional(),
  decidedOn: isoDateSchema.nullable().optional(),
  validFrom: isoDateSchema.optional(),
  validTo: isoDateSchema.nullable().optional(),
  note: textSchema.optional(),
});

export const updateWeakBodySchema = createWeakBodySchema.omit({ communeId: true }).partial();
