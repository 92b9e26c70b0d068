import { z } from 'zod';
import { idSchema, isoDateSchema } from '../http/common.schema.js';

const villageKindSchema = z.enum(['thon', 'to_dan_pho']);
export const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');
export const nameSchema = z.string().trim().min(1, 'Cần nhập tên').max(200);
export const noteSchema = z.string().max(2000).nullable();

export const idParamsSchema = z.object({ id: idSchema });

export const listByCommuneQuerySchema = z.object({
  communeId: idSchema,
  asOf: isoDateSchema.optional(),
  /** Every period, not only what is valid on asOf. */
  all: queryFlag,
});

export const importQuerySchema = z.object({ dryRun: queryFlag });

export const communeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

/** What every record a commune keeps for itself has (villages, party organisations): a name, a validity period, a note. */
export const communeRecordFields = {
  id: z.string(),
  communeId: z.string(),
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** The same, as a form sends it. */
export const communeRecordBodyFields = {
  communeId: idSchema,
  name: nameSchema,
  validFrom: isoDateSchema.nullable().optional(),
  validTo: isoDateSchema.nullable().optional(),
  note: noteSchema.optional(),
};

/** A line of a CSV import that was (or would be) kept. */
export const importedLineFields = { line: z.number().int(), communeCode: z.string(), communeName: z.string(), name: z.string() };

export const villageSchema = z.object({ ...communeRecordFields, kind: villageKindSchema, partyCellCount: z.number().int() });

export const villageListSchema = z.object({ commune: communeSchema, asOf: z.string().nullable(), items: z.array(villageSchema) });

export const createVillageBodySchema = z.object({ ...communeRecordBodyFields, kind: villageKindSchema });

export const updateVillageBodySchema = createVillageBodySchema.omit({ communeId: true }).partial();

export const villageImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  items: z.array(z.object({ ...importedLineFields, kind: villageKindSchema, validFrom: z.string().nullable(), validTo: z.string().nullable() })),
});
