import { z } from 'zod';
import { idSchema, isoDateSchema, pageQuerySchema } from '../http/common.schema.js';

export const unitLevelSchema = z.enum(['country', 'province', 'district', 'commune']);
const lineageKindSchema = z.enum(['whole', 'part', 'unchanged']);
const changeKindSchema = z.enum(['established', 'changed', 'ended']);
const dateSourceSchema = z.enum(['list', 'known', 'cascade', 'decree', 'admin']);
const scopeSchema = z.enum(['all', 'mine']).default('all');

export const unitIdParamsSchema = z.object({ id: idSchema });
export const asOfQuerySchema = z.object({ asOf: isoDateSchema.optional() });

export const unitRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  level: unitLevelSchema,
});

export const unitSchema = unitRefSchema.extend({
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  parentId: z.string().nullable(),
  path: z.string(),
});

export const listUnitsQuerySchema = z.object({
  parentId: idSchema.optional(),
  asOf: isoDateSchema.optional(),
  scope: scopeSchema,
});

export const listUnitsResponseSchema = z.object({
  asOf: z.string(),
  parent: unitSchema.nullable(),
  items: z.array(unitSchema.extend({ childCount: z.number().int() })),
});

export const searchUnitsQuerySchema = z.object({
  q: z.string().max(200),
  asOf: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  scope: scopeSchema,
});

export const searchUnitsResponseSchema = z.object({
  items: z.array(
    unitRefSchema.extend({
      path: z.string(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
    }),
  ),
});

export const treeQuerySchema = z.object({
  rootId: idSchema.optional(),
  asOf: isoDateSchema.optional(),
  maxDepth: z.coerce.number().int().min(1).max(3).default(3),
});

export const treeResponseSchema = z.object({
  asOf: z.string(),
  rootId: z.string(),
  items: z.array(unitRefSchema.extend({ parentId: z.string(), depth: z.number().int() })),
});

export const byCodeParamsSchema = z.object({ code: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số') });
export const byCodeQuerySchema = z.object({ asOf: isoDateSchema.optional(), level: unitLevelSchema.optional() });
export const byCodeResponseSchema = unitSchema.extend({ asOf: z.string() });

const changeSchema = z.object({
  id: z.string(),
  unit: unitRefSchema,
  kind: changeKindSchema,
  effectiveDate: z.string(),
  originalDate: z.string(),
  dateSource: dateSourceSchema,
  dateBasis: z.string(),
  corrected: z.boolean(),
  loadId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const unitDetailResponseSchema = unitSchema.extend({
  asOf: z.string(),
  /** What the caller may change on this unit, from the access policy. */
  abilities: z.object({ editCommuneRecords: z.boolean(), editClassification: z.boolean(), correctDates: z.boolean() }),
  validOnDate: z.boolean(),
  versions: z.array(
    z.object({
      id: z.string(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
      name: z.string(),
      type: z.string(),
      parent: unitRefSchema.nullable(),
      source: z.string(),
    }),
  ),
  changes: z.array(changeSchema),
});

const lineageLinkSchema = z.object({
  lineageId: z.string(),
  unit: unitRefSchema,
  effectiveDate: z.string(),
  kind: lineageKindSchema,
  note: z.string().nullable(),
  source: z.string(),
  generation: z.number().int(),
  viaId: z.string(),
});

const datedUnitRefSchema = unitRefSchema.extend({ validFrom: z.string().nullable(), validTo: z.string().nullable() });

export const lineageResponseSchema = z.object({
  unit: datedUnitRefSchema,
  predecessors: z.array(lineageLinkSchema),
  successors: z.array(lineageLinkSchema),
});

const tallySchema = z.object({
  total: z.number().int(),
  byLevel: z.object({ province: z.number().int(), district: z.number().int(), commune: z.number().int() }),
  byType: z.array(z.object({ level: unitLevelSchema, type: z.string(), count: z.number().int() })),
});

export const countsResponseSchema = z.object({
  asOf: z.string(),
  unit: unitRefSchema,
  children: tallySchema,
  descendants: tallySchema,
});

export const currentResponseSchema = z.object({
  asOf: z.string(),
  unit: datedUnitRefSchema,
  current: z.array(unitSchema.extend({ share: z.enum(['whole', 'part']) })),
});

export const listChangesQuerySchema = pageQuerySchema.extend({
  unitId: idSchema.optional(),
  withinUnitId: idSchema.optional(),
  dateSource: dateSourceSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const listChangesResponseSchema = z.object({
  items: z.array(changeSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const correctChangeBodySchema = z.object({
  effectiveDate: isoDateSchema,
  basis: z.string().trim().min(1, 'Cần ghi căn cứ (số, ngày văn bản) của ngày hiệu lực').max(500),
});

export const correctChangeResponseSchema = z.object({ items: z.array(changeSchema) });

export const addLineageBodySchema = z.object({
  predecessorId: idSchema,
  successorId: idSchema,
  effectiveDate: isoDateSchema,
  kind: lineageKindSchema,
  note: z.string().max(1000).optional(),
});

export const addLineageResponseSchema = lineageResponseSchema.extend({ createdLineageId: z.string() });

const transitionSummarySchema = z.object({
  established: z.record(z.string(), z.number().int()),
  changed: z.record(z.string(), z.number().int()),
  ended: z.record(z.string(), z.number().int()),
  lineage: z.object({ fromConversion: z.number().int(), derived: z.number().int() }),
  datesFromKnownTable: z.number().int(),
  datesFromParent: z.number().int(),
  skippedConversionLines: z.array(z.number().int()),
});

export const loadListBodySchema = z.object({
  csv: z.string().min(1, 'Cần nội dung tệp danh mục'),
  effectiveDate: isoDateSchema,
  conversionCsv: z.string().optional(),
  replacesAll: z.boolean().default(false),
  label: z.string().max(200).optional(),
  dryRun: z.boolean().default(false),
});

export const loadListResponseSchema = z.object({
  loadId: z.string().nullable(),
  label: z.string(),
  listDate: z.string(),
  dryRun: z.boolean(),
  summary: transitionSummarySchema,
});

export const listLoadsResponseSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['official', 'update']),
      listDate: z.string(),
      openStart: z.boolean(),
      replacesAll: z.boolean(),
      description: z.string(),
      summary: z.record(z.string(), z.unknown()),
      loadedAt: z.string(),
    }),
  ),
});
