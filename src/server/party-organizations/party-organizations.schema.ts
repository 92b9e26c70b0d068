import { z } from 'zod';
import { idSchema } from '../http/common.schema.js';
import { communeRecordBodyFields, communeRecordFields, communeSchema, importedLineFields } from '../villages/villages.schema.js';

const organizationKindSchema = z.enum(['dang_bo_co_so', 'chi_bo_co_so', 'chi_bo']);

const reference = z.object({ id: z.string(), name: z.string() }).nullable();

export const organizationSchema = z.object({ ...communeRecordFields, kind: organizationKindSchema, parent: reference, village: reference });

export const organizationListSchema = z.object({ commune: communeSchema, asOf: z.string().nullable(), items: z.array(organizationSchema) });

export const createOrganizationBodySchema = z.object({
  ...communeRecordBodyFields,
  kind: organizationKindSchema,
  parentId: idSchema.nullable().optional(),
  villageId: idSchema.nullable().optional(),
});

export const updateOrganizationBodySchema = createOrganizationBodySchema.omit({ communeId: true }).partial();

export const organizationImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  items: z.array(z.object({ ...importedLineFields, kind: organizationKindSchema, parentName: z.string().nullable() })),
});
