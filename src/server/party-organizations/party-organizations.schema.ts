import { z } from 'zod';
import { idSchema, isoDateSchema } from '../http/common.schema.js';
import { communeSchema, nameSchema, noteSchema } from '../villages/villages.schema.js';

const organizationKindSchema = z.enum(['dang_bo_co_so', 'chi_bo_co_so', 'chi_bo']);

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
