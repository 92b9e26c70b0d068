import { z } from 'zod';
import { DENUNCIATION_COMPLEXITIES, PETITION_STAGES, PETITION_TYPES } from '../../core/petition-deadlines.js';
import { idSchema, isoDateSchema, pageQuerySchema } from '../http/common.schema.js';
import { PETITION_CHANNELS, PETITION_HANDLINGS, PETITION_OUTCOMES } from './petitions.tables.js';

const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`);
const optionalText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`).nullable().optional();

export const petitionParamsSchema = z.object({ id: idSchema });
export const attachmentParamsSchema = z.object({ id: idSchema, attachmentId: idSchema });

export const petitionerBodySchema = z.object({
  fullName: text(200),
  address: optionalText(500),
  phone: optionalText(30),
  personalId: optionalText(20),
  representative: z.boolean().optional(),
});

export const petitionBodySchema = z.object({
  /** The receiving body: the caller's own unit. */
  unitId: idSchema,
  receivedOn: isoDateSchema,
  channel: z.enum(PETITION_CHANNELS),
  type: z.enum(PETITION_TYPES),
  fieldCode: text(50),
  subject: text(500),
  content: text(20000),
  /** The commune where the matter arose, as it was on the day of receipt. */
  communeId: idSchema.nullable().optional(),
  anonymous: z.boolean().optional(),
  againstPartyMember: z.boolean().optional(),
  complaintRound: z.union([z.literal(1), z.literal(2)]).optional(),
  complex: z.boolean().optional(),
  remoteArea: z.boolean().optional(),
  denunciationComplexity: z.enum(DENUNCIATION_COMPLEXITIES).optional(),
  verifiedAtSeveralPlaces: z.boolean().optional(),
  /** Sent to this level although the commune is competent (vượt cấp). */
  overLevel: z.boolean().optional(),
  duplicateOfId: idSchema.nullable().optional(),
  previousId: idSchema.nullable().optional(),
  /** The reception day it was taken at (channel "reception"). */
  receptionSessionId: idSchema.nullable().optional(),
  petitioners: z.array(petitionerBodySchema).max(50, 'Tối đa 50 người đứng tên'),
  /** Users of the receiving unit assigned to handle it; the registering user when omitted. */
  handlerIds: z.array(idSchema).max(20).optional(),
});

export const decisionBodySchema = z.object({
  handling: z.enum(PETITION_HANDLINGS).exclude(['referred_down']),
  on: isoDateSchema,
  note: optionalText(2000),
  /** For a transfer: the competent body. */
  transferredTo: optionalText(300),
});

export const referDownBodySchema = z.object({
  on: isoDateSchema,
  /** The competent commune; the petition's commune when omitted. */
  communeId: idSchema.optional(),
  note: optionalText(2000),
});

export const extensionBodySchema = z.object({ on: isoDateSchema, note: text(2000) });

export const settlementBodySchema = z.object({
  on: isoDateSchema,
  outcome: z.enum(PETITION_OUTCOMES),
  /** Whether the petitioner agreed with the result (đồng thuận). */
  agreed: z.boolean(),
  note: optionalText(4000),
});

export const reportBackBodySchema = z.object({ on: isoDateSchema, note: optionalText(2000) });

export const handlersBodySchema = z.object({ userIds: z.array(idSchema).min(1, 'Phải giao ít nhất một người xử lý').max(20) });

export const PETITION_STATUS_FILTERS = ['open', 'overdue', 'closed', 'all'] as const;

export const listPetitionsQuerySchema = pageQuerySchema.extend({
  /** A unit and everything under it; the caller's own unit when omitted. */
  unitId: idSchema.optional(),
  status: z.enum(PETITION_STATUS_FILTERS).default('open'),
  type: z.enum(PETITION_TYPES).optional(),
  overLevel: z.enum(['true', 'false']).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  q: z.string().trim().max(200).optional(),
  /** The day the clocks are read on; today when omitted. */
  asOf: isoDateSchema.optional(),
});

const labelled = z.object({ code: z.string(), label: z.string() });
const unitRef = z.object({ id: z.string(), name: z.string() });

export const clockSchema = z.object({
  stage: z.enum(PETITION_STAGES),
  label: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  closedOn: z.string().nullable(),
  state: z.enum(['running', 'overdue', 'on_time', 'late']),
  days: z.number().int(),
  text: z.string(),
  /** "10 ngày — Luật Khiếu nại 2011, Điều 27". */
  basis: z.string(),
});

export const petitionStatusSchema = z.object({
  code: z.enum(['new', 'settling', 'reporting', 'settled', 'guided', 'transferred', 'referred_down', 'not_accepted', 'filed']),
  label: z.string(),
});

export const petitionListItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  receivedOn: z.string(),
  unit: unitRef,
  commune: unitRef.nullable(),
  type: labelled,
  field: labelled,
  subject: z.string(),
  /** The petitioner as the caller may see them: a denouncer's name only for those handling the case. */
  petitioner: z.string(),
  overLevel: z.boolean(),
  transferredDown: z.boolean(),
  fromHigherLevel: z.boolean(),
  status: petitionStatusSchema,
  /** The clock now running, or the last one when the case is closed. */
  clock: clockSchema.nullable(),
});

export const petitionListSchema = z.object({ asOf: z.string(), total: z.number().int(), items: z.array(petitionListItemSchema) });

export const petitionerSchema = z.object({
  fullName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  personalId: z.string().nullable(),
  representative: z.boolean(),
});

const linkedPetitionSchema = z.object({
  id: z.string(),
  number: z.string(),
  unit: unitRef,
  status: petitionStatusSchema,
  clocks: z.array(clockSchema),
  /** Whether the caller may open it. */
  readable: z.boolean(),
});

export const petitionDetailSchema = petitionListItemSchema.extend({
  content: z.string(),
  channel: labelled,
  anonymous: z.boolean(),
  againstPartyMember: z.boolean(),
  complaintRound: z.number().int(),
  complex: z.boolean(),
  remoteArea: z.boolean(),
  denunciationComplexity: labelled,
  verifiedAtSeveralPlaces: z.boolean(),
  /** False when the petitioners are kept secret from the caller. */
  identityVisible: z.boolean(),
  petitioners: z.array(petitionerSchema),
  handling: labelled.nullable(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  transferredTo: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  extensionsUsed: z.number().int(),
  maxExtensions: z.number().int(),
  settledOn: z.string().nullable(),
  outcome: labelled.nullable(),
  agreed: z.boolean().nullable(),
  settlementNote: z.string().nullable(),
  reportedBackOn: z.string().nullable(),
  clocks: z.array(clockSchema),
  parent: linkedPetitionSchema.nullable(),
  child: linkedPetitionSchema.nullable(),
  duplicateOf: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** For a second complaint: the first one it appeals. */
  previous: z.object({ id: z.string(), number: z.string() }).nullable(),
  handlers: z.array(z.object({ id: z.string(), fullName: z.string() })),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
  events: z.array(z.object({ kind: z.string(), label: z.string(), on: z.string(), by: z.string().nullable(), note: z.string().nullable() })),
  dialogues: z.array(z.object({ id: z.string(), heldOn: z.string(), topic: z.string() })),
  abilities: z.object({
    handle: z.boolean(),
    referDown: z.boolean(),
    extend: z.boolean(),
    settle: z.boolean(),
    reportBack: z.boolean(),
    assignHandlers: z.boolean(),
    attach: z.boolean(),
    /** The caller's unit, above the one that settled this first complaint, may register the second. */
    receiveSecondComplaint: z.boolean(),
    downloadDecision: z.boolean(),
  }),
});

export const petitionOptionsQuerySchema = z.object({ unitId: idSchema.optional() });

export const petitionOptionsSchema = z.object({
  fields: z.array(labelled),
  /** Users of the unit who may be assigned as handlers. */
  handlers: z.array(z.object({ id: z.string(), fullName: z.string() })),
});

export const petitionReportQuerySchema = z.object({ unitId: idSchema.optional(), from: isoDateSchema, to: isoDateSchema });

const countRow = z.object({ code: z.string(), label: z.string(), count: z.number().int() });

export const petitionReportSchema = z.object({
  unit: unitRef,
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  byType: z.array(countRow),
  byField: z.array(countRow),
  byChannel: z.array(countRow),
  withinAuthority: z.number().int(),
  settled: z.number().int(),
  settledOnTime: z.number().int(),
  settledAgreed: z.number().int(),
  overdueOpen: z.number().int(),
  overLevel: z.number().int(),
  overLevelByCommune: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
  overLevelByYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  dialogues: z.number().int(),
  /** Done: by the report's end; done late: after their due date; overdue: still not done past their due date. */
  commitments: z.object({ total: z.number().int(), done: z.number().int(), doneLate: z.number().int(), overdue: z.number().int() }),
  sentence: z.string(),
});

export const dialogueBodySchema = z.object({
  communeId: idSchema,
  heldOn: isoDateSchema,
  kind: z.enum(['dialogue', 'meeting']),
  topic: text(500),
  place: optionalText(300),
  organisers: text(1000),
  /** The standing member who chaired it: a key post of the commune on the day. */
  chairCadreId: idSchema.nullable().optional(),
  participants: z.number().int().min(0).max(100000).nullable().optional(),
  outcome: optionalText(4000),
  agreed: z.boolean().nullable().optional(),
  petitionIds: z.array(idSchema).max(100).optional(),
  commitments: z
    .array(
      z.object({ action: text(1000), responsible: text(300), dueOn: isoDateSchema, doneOn: isoDateSchema.nullable().optional(), note: optionalText(1000) }),
    )
    .max(50)
    .optional(),
});

export const commitmentParamsSchema = z.object({ id: idSchema, commitmentId: idSchema });
export const commitmentDoneBodySchema = z.object({ doneOn: isoDateSchema.nullable(), note: optionalText(1000) });

export const listDialoguesQuerySchema = z.object({
  unitId: idSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  asOf: isoDateSchema.optional(),
});

export const dialogueSchema = z.object({
  id: z.string(),
  commune: unitRef,
  heldOn: z.string(),
  kind: labelled,
  topic: z.string(),
  place: z.string().nullable(),
  organisers: z.string(),
  chair: z.object({ id: z.string(), name: z.string() }).nullable(),
  participants: z.number().int().nullable(),
  outcome: z.string().nullable(),
  agreed: z.boolean().nullable(),
  petitions: z.array(z.object({ id: z.string(), number: z.string(), subject: z.string() })),
  commitments: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      responsible: z.string(),
      dueOn: z.string(),
      doneOn: z.string().nullable(),
      note: z.string().nullable(),
      state: z.enum(['open', 'overdue', 'done', 'done_late']),
    }),
  ),
  abilities: z.object({ edit: z.boolean() }),
});
export const dialogueListSchema = z.object({ items: z.array(dialogueSchema) });

export const calendarQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['day_off', 'working_day']),
  name: z.string(),
  source: z.enum(['announced', 'statutory', 'admin']),
});
export const calendarSchema = z.object({ year: z.number().int(), days: z.array(calendarDaySchema) });
export const calendarDayParamsSchema = z.object({ date: isoDateSchema });
export const calendarDayBodySchema = z.object({ kind: z.enum(['day_off', 'working_day']), name: text(200) });

export const legalPeriodSchema = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  amount: z.number().int(),
  unit: z.enum(['calendar_days', 'working_days', 'times']),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  basis: z.string(),
});
export const legalPeriodListSchema = z.object({ items: z.array(legalPeriodSchema) });
export const legalPeriodBodySchema = z.object({
  code: text(100),
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(['calendar_days', 'working_days', 'times']),
  validFrom: isoDateSchema,
  basis: text(500),
});

export const receptionSessionBodySchema = z.object({
  unitId: idSchema,
  heldOn: isoDateSchema,
  kind: z.enum(['regular', 'ad_hoc']),
  hostName: text(200),
  hostRole: z.enum(['head', 'deputy', 'officer']),
  citizens: z.number().int().min(0).max(10000),
  note: optionalText(2000),
});

export const listReceptionQuerySchema = z.object({ unitId: idSchema.optional(), from: isoDateSchema, to: isoDateSchema });

export const receptionSessionSchema = z.object({
  id: z.string(),
  unit: unitRef,
  heldOn: z.string(),
  kind: labelled,
  hostName: z.string(),
  hostRole: labelled,
  citizens: z.number().int(),
  note: z.string().nullable(),
  petitions: z.array(z.object({ id: z.string(), number: z.string(), subject: z.string(), petitioner: z.string(), type: z.string(), status: z.string() })),
  abilities: z.object({ edit: z.boolean() }),
});

export const receptionListSchema = z.object({
  unit: unitRef.extend({ level: z.string() }),
  from: z.string(),
  to: z.string(),
  items: z.array(receptionSessionSchema),
  /** Weeks (commune) or months (district, province) with fewer regular reception days than the law asks. */
  gaps: z.array(z.object({ from: z.string(), to: z.string(), required: z.number().int(), held: z.number().int(), message: z.string() })),
  abilities: z.object({ record: z.boolean() }),
});
