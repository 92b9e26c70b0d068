import { z } from 'zod';
import { CLOSING_PROBLEM_STATUSES, PROBLEM_STATUSES } from '../../core/grassroots-problems.js';
import { idSchema, isoDateSchema, pageQuerySchema } from '../http/common.schema.js';

const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`);
const labelled = z.object({ code: z.string(), label: z.string() });
const ref = z.object({ id: z.string(), name: z.string() });

export const problemParamsSchema = z.object({ id: idSchema });
export const problemAttachmentParamsSchema = z.object({ id: idSchema, attachmentId: idSchema });

export const problemBodySchema = z.object({
  communeId: idSchema,
  year: z.number().int().min(2000).max(2100),
  title: text(500),
  fieldCode: text(50),
  /** A standing member of the commune (holding a key post on the registration date). */
  leadCadreId: idSchema,
  registeredOn: isoDateSchema,
  targetOn: isoDateSchema,
  resolution: z.string().trim().max(4000).nullable().optional(),
  villageIds: z.array(idSchema).max(100).optional(),
  petitionIds: z.array(idSchema).max(100).optional(),
  dialogueIds: z.array(idSchema).max(100).optional(),
});

export const progressBodySchema = z.object({
  on: isoDateSchema,
  status: z.enum(['in_progress', ...CLOSING_PROBLEM_STATUSES]),
  note: text(4000),
});

export const carryOverBodySchema = z.object({
  on: isoDateSchema,
  /** The new target in the next year. */
  targetOn: isoDateSchema,
  note: text(4000),
});

export const listProblemsQuerySchema = pageQuerySchema.extend({
  unitId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(PROBLEM_STATUSES).optional(),
  fieldCode: z.string().max(50).optional(),
  q: z.string().trim().max(200).optional(),
  /** The day "late" is judged on; today when omitted. */
  asOf: isoDateSchema.optional(),
});

export const problemOptionsQuerySchema = z.object({ communeId: idSchema, on: isoDateSchema });

export const problemOptionsSchema = z.object({
  fields: z.array(labelled),
  leads: z.array(z.object({ id: z.string(), fullName: z.string(), title: z.string() })),
  villages: z.array(ref),
});

export const problemListItemSchema = z.object({
  id: z.string(),
  commune: ref,
  year: z.number().int(),
  title: z.string(),
  field: labelled,
  lead: ref,
  registeredOn: z.string(),
  targetOn: z.string(),
  status: labelled,
  closedOn: z.string().nullable(),
  /** Still open after its target date (on the day asked), or closed after it. */
  late: z.boolean(),
  carriedFrom: z.object({ id: z.string(), year: z.number().int() }).nullable(),
});

export const problemListSchema = z.object({ asOf: z.string(), total: z.number().int(), items: z.array(problemListItemSchema) });

export const problemDetailSchema = problemListItemSchema.extend({
  resolution: z.string().nullable(),
  villages: z.array(ref),
  updates: z.array(z.object({ on: z.string(), status: labelled, note: z.string(), by: z.string() })),
  petitions: z.array(z.object({ id: z.string(), number: z.string(), subject: z.string() })),
  dialogues: z.array(z.object({ id: z.string(), heldOn: z.string(), topic: z.string() })),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number().int() })),
  carriedTo: z.object({ id: z.string(), year: z.number().int() }).nullable(),
  abilities: z.object({ edit: z.boolean(), update: z.boolean(), carryOver: z.boolean(), attach: z.boolean() }),
});

export const problemReportQuerySchema = z.object({ unitId: idSchema.optional(), year: z.coerce.number().int().min(2000).max(2100) });

const rateRow = z.object({
  registered: z.number().int(),
  resolved: z.number().int(),
  partlyResolved: z.number().int(),
  notResolved: z.number().int(),
  carriedOver: z.number().int(),
  open: z.number().int(),
  /** Resolved of registered, in percent with one decimal; null when none was registered. */
  rate: z.number().nullable(),
});

export const problemReportSchema = rateRow.extend({
  unit: ref,
  year: z.number().int(),
  byField: z.array(rateRow.extend({ code: z.string(), label: z.string() })),
  byChild: z.array(rateRow.extend({ id: z.string(), name: z.string() })),
  sentence: z.string(),
});

export const briefingBodySchema = z.object({
  communeId: idSchema,
  heldOn: isoDateSchema,
  /** A standing member of the commune on that day. */
  chairCadreId: idSchema,
  attendees: text(2000),
  participants: z.number().int().min(0).max(10000).nullable().optional(),
  issues: z.array(text(2000)).max(50),
});

/** An edit: the commune stays; `issues` are those not yet registered as problems (the registered ones stay as they are). */
export const briefingUpdateBodySchema = briefingBodySchema.omit({ communeId: true });

export const listBriefingsQuerySchema = z.object({ unitId: idSchema.optional(), from: isoDateSchema, to: isoDateSchema });

export const briefingIssueParamsSchema = z.object({ id: idSchema, issueId: idSchema });

export const issueToProblemBodySchema = z.object({
  year: z.number().int().min(2000).max(2100),
  fieldCode: text(50),
  /** A standing member; the briefing's chair when omitted. */
  leadCadreId: idSchema.optional(),
  targetOn: isoDateSchema,
});

export const briefingSchema = z.object({
  id: z.string(),
  commune: ref,
  heldOn: z.string(),
  chair: ref,
  attendees: z.string(),
  participants: z.number().int().nullable(),
  issues: z.array(z.object({ id: z.string(), content: z.string(), problem: z.object({ id: z.string(), status: labelled }).nullable() })),
  abilities: z.object({ edit: z.boolean() }),
});
export const briefingListSchema = z.object({ items: z.array(briefingSchema) });

export const cadrePracticeSchema = z.object({
  problems: z.array(problemListItemSchema),
  briefings: z.array(z.object({ id: z.string(), commune: ref, heldOn: z.string(), issues: z.number().int() })),
  dialogues: z.array(z.object({ id: z.string(), commune: ref, heldOn: z.string(), topic: z.string(), agreed: z.boolean().nullable() })),
  /** Party cells the person was assigned to attend, and the meetings attended while assigned. */
  cells: z.array(
    z.object({
      assignmentId: z.string(),
      cell: ref,
      commune: ref,
      frequency: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      attended: z.number().int(),
      lastVisit: z.string().nullable(),
    }),
  ),
  /** Of the problems that ended: resolved, and resolved by their target. */
  summary: z.object({
    led: z.number().int(),
    resolved: z.number().int(),
    resolvedOnTime: z.number().int(),
    briefings: z.number().int(),
    dialogues: z.number().int(),
    cellMeetings: z.number().int(),
  }),
});
