import { z } from 'zod';
import { isTermLabel } from '../../core/succession-planning.js';
import { isTitleCode } from '../../core/titles.js';
import { idSchema, isoDateSchema } from '../http/common.schema.js';

const termSchema = z.string().refine(isTermLabel, 'Nhiệm kỳ có dạng 2025-2030');
const reason = z.string().trim().min(1, 'Không được để trống').max(1000, 'Tối đa 1000 ký tự');

export const plansQuerySchema = z.object({ unitId: idSchema, term: termSchema });
export const entryParamsSchema = z.object({ id: idSchema });

export const addEntryBodySchema = z.object({
  unitId: idSchema,
  term: termSchema,
  /** The day the planned term starts; by default 1 January of its first year. Kept with the unit's plan. */
  termStartsOn: isoDateSchema.optional(),
  titleCode: z.string().refine(isTitleCode, 'Chức danh không có trong danh mục'),
  cadreId: idSchema,
  addedOn: isoDateSchema,
  reason,
});

export const removeEntryBodySchema = z.object({ removedOn: isoDateSchema, reason });

const shares = z.object({
  people: z.number().int(),
  women: z.number().int(),
  young: z.number().int(),
  ethnicMinority: z.number().int(),
  womenShare: z.number().nullable(),
  youngShare: z.number().nullable(),
  ethnicMinorityShare: z.number().nullable(),
  womenMet: z.boolean(),
  youngMet: z.boolean(),
});

export const plansSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  term: z.string(),
  termStartsOn: z.string(),
  rule: z.object({
    maxPerTitle: z.number().int(),
    maxTitlesPerPerson: z.number().int(),
    usualPerTitle: z.number().int(),
    minimumServiceMonths: z.number().int(),
    womenTarget: z.number(),
    youngTarget: z.number(),
    youngUnderAge: z.number().int(),
    basis: z.string(),
  }),
  titles: z.array(
    z.object({
      titleCode: z.string(),
      titleName: z.string(),
      /** Fewer people planned than usual. */
      gap: z.boolean(),
      entries: z.array(
        z.object({
          id: z.string(),
          cadre: z.object({ id: z.string(), fullName: z.string(), gender: z.enum(['nam', 'nu']).nullable(), birthDate: z.string().nullable() }),
          addedOn: z.string(),
          addedReason: z.string(),
          removedOn: z.string().nullable(),
          removedReason: z.string().nullable(),
          /** Reasons to take the person out at the yearly review. */
          flags: z.array(z.object({ code: z.enum(['over_age', 'disciplined']), message: z.string() })),
        }),
      ),
    }),
  ),
  structure: shares,
  abilities: z.object({ edit: z.boolean() }),
});

export type AddEntryInput = z.output<typeof addEntryBodySchema>;
