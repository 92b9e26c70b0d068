import { z } from 'zod';
import { idSchema, isoDateSchema } from '../http/common.schema.js';

const villageKindSchema = z.enum(['thon', 'to_dan_pho']);
const organizationKindSchema = z.enum(['dang_bo_co_so', 'chi_bo_co_so', 'chi_bo']);
const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');
const nameSchema = z.string().trim().min(1, 'Cần nhập tên').max(200);
const noteSchema = z.string().max(2000).nullable();

export const idParamsSchema = z.object({ id: idSchema });

export const listByCommuneQuerySchema = z.object({
  communeId: idSchema,
  asOf: isoDateSchema.optional(),
  /** Every period, not only what is valid on asOf. */
  all: queryFlag,
});

export const importQuerySchema = z.object({ dryRun: queryFlag });

const communeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const villageSchema = z.object({
  id: z.string(),
  communeId: z.string(),
  kind: villageKindSchema,
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  partyCellCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const villageListSchema = z.object({ commune: communeSchema, asOf: z.string().nullable(), items: z.array(villageSchema) });

export const createVillageBodySchema = z.object({
  communeId: idSchema,
  kind: villageKindSchema,
  name: nameSchema,
  validFrom: isoDateSchema.nullable().optional(),
  validTo: isoDateSchema.nullable().optional(),
  note: noteSchema.optional(),
});

export const updateVillageBodySchema = createVillageBodySchema.omit({ communeId: true }).partial();

export const organizationSchema = z.object({
  id: z.string(),
  communeId: z.string(),
  kind: organizationKindSchema,
  name: z.string(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  village: z.object({ id: z.string(), name: z.string() }).nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const organizationListSchema = z.object({ commune: communeSchema, asOf: z.string().nullable(), items: z.array(organizationSchema) });

export const createOrganizationBodySchema = z.object({
  communeId: idSchema,
  kind: organizationKindSchema,
  name: nameSchema,
  parentId: idSchema.nullable().optional(),
  villageId: idSchema.nullable().optional(),
  validFrom: isoDateSchema.nullable().optional(),
  validTo: isoDateSchema.nullable().optional(),
  note: noteSchema.optional(),
});

export const updateOrganizationBodySchema = createOrganizationBodySchema.omit({ communeId: true }).partial();

export const villageImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  items: z.array(
    z.object({
      line: z.number().int(),
      communeCode: z.string(),
      communeName: z.string(),
      kind: villageKindSchema,
      name: z.string(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
    }),
  ),
});

export const organizationImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  items: z.array(
    z.object({
      line: z.number().int(),
      communeCode: z.string(),
      communeName: z.string(),
      kind: organizationKindSchema,
      name: z.string(),
      parentName: z.string().nullable(),
    }),
  ),
});
