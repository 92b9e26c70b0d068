import { TIME_OF_DAY_PATTERN } from '../../core/training-forms.js';
import { z } from 'zod';
import { COURSE_TYPES } from '../../core/course-types.js';
import { idSchema, isoDateSchema } from '../http/common.schema.js';
import { ATTENDANCE_STATUSES, GRANTED_SCALES, PROGRAMME_FORMS, PROGRAMME_OUTCOMES } from './training.tables.js';

const courseTypeCodes = COURSE_TYPES.map((course) => course.code) as [(typeof COURSE_TYPES)[number]['code'], ...(typeof COURSE_TYPES)[number]['code'][]];
const timeSchema = z.string().regex(TIME_OF_DAY_PATTERN, 'Giờ phải có dạng HH:MM');
const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max);

export const idParamsSchema = z.object({ id: idSchema });
export const sessionParamsSchema = z.object({ id: idSchema, sessionId: idSchema });
export const testParamsSchema = z.object({ id: idSchema, testId: idSchema });
export const enrolmentParamsSchema = z.object({ id: idSchema, cadreId: idSchema });

export const programmeBodySchema = z.object({
  owningUnitId: idSchema,
  name: text(300),
  form: z.enum(PROGRAMME_FORMS),
  organiser: z.string().trim().max(300).nullable().optional(),
  fields: z.array(text(100)).max(20).optional(),
  hours: z.number().int().min(0).max(10000).nullable().optional(),
  outcome: z.enum(PROGRAMME_OUTCOMES),
  /** For outcome 'qualification': the scale and level the certificate grants, e.g. political_theory / trung_cap. */
  grants: z
    .object({ scale: z.enum(GRANTED_SCALES), level: text(50) })
    .nullable()
    .optional(),
  courseType: z.enum(courseTypeCodes).nullable().optional(),
});

export const listProgrammesQuerySchema = z.object({ form: z.enum(PROGRAMME_FORMS).optional(), q: z.string().max(200).optional() });

const labelled = z.object({ code: z.string(), label: z.string() });

export const programmeSchema = z.object({
  id: z.string(),
  owningUnitId: z.string(),
  name: z.string(),
  form: labelled,
  organiser: z.string().nullable(),
  fields: z.array(z.string()),
  hours: z.number().nullable(),
  outcome: labelled,
  grants: z.object({ scale: z.string(), level: z.string(), label: z.string() }).nullable(),
  courseType: z.object({ code: z.string(), name: z.string() }).nullable(),

  /** From the access policy: whether the caller may change or delete it. */
  abilities: z.object({ edit: z.boolean() }),
});
export const programmeListSchema = z.object({ items: z.array(programmeSchema) });

export const instructorBodySchema = z.object({
  owningUnitId: idSchema,
  fullName: text(200),
  workUnit: z.string().trim().max(300).nullable().optional(),
  position: z.string().trim().max(200).nullable().optional(),
});
export const instructorSchema = z.object({
  id: z.string(),
  owningUnitId: z.string(),
  fullName: z.string(),
  workUnit: z.string().nullable(),
  position: z.string().nullable(),

  abilities: z.object({ edit: z.boolean() }),
});
export const instructorListSchema = z.object({ items: z.array(instructorSchema) });

export const sessionBodySchema = z
  .object({
    date: isoDateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    topic: z.string().trim().max(500).nullable().optional(),
    instructorIds: z.array(idSchema).max(20).optional(),
  })
  .refine((session) => session.endTime > session.startTime, { message: 'Giờ kết thúc phải sau giờ bắt đầu', path: ['endTime'] });

export const addSessionsBodySchema = z.object({ sessions: z.array(sessionBodySchema).min(1).max(500) });

export const classBodySchema = z
  .object({
    programmeId: idSchema,
    unitId: idSchema,
    name: text(300),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    venue: z.string().trim().max(500).nullable().optional(),
    venueUnitId: idSchema.nullable().optional(),
    capacity: z.number().int().min(1).max(10000),
    sessions: z.array(sessionBodySchema).max(500).optional(),
    tests: z
      .array(z.object({ name: text(200), heldOn: isoDateSchema.nullable().optional() }))
      .max(50)
      .optional(),
  })
  .refine((value) => value.endDate >= value.startDate, { message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi', path: ['endDate'] });

export const classUpdateBodySchema = z
  .object({
    name: text(300),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    venue: z.string().trim().max(500).nullable().optional(),
    venueUnitId: idSchema.nullable().optional(),
    capacity: z.number().int().min(1).max(10000),
  })
  .refine((value) => value.endDate >= value.startDate, { message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi', path: ['endDate'] });

export const testBodySchema = z.object({ name: text(200), heldOn: isoDateSchema.nullable().optional() });

export const planCandidatesSchema = z.object({
  items: z.array(
    z.object({ proposalId: z.string(), cadreId: z.string(), fullName: z.string(), unitName: z.string(), titleName: z.string().nullable(), reason: z.string() }),
  ),
});

export const attendanceImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
});

export const attendanceImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  recorded: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string().nullable(), value: z.string().nullable(), message: z.string() })),
});

export const listClassesQuerySchema = z.object({
  unitId: idSchema.optional(),
  programmeId: idSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const enrolBodySchema = z.object({
  people: z
    .array(z.object({ cadreId: idSchema, planProposalId: idSchema.nullable().optional() }))
    .min(1)
    .max(1000),
});

export const attendanceBodySchema = z.object({
  records: z
    .array(z.object({ cadreId: idSchema, status: z.enum(ATTENDANCE_STATUSES) }))
    .min(1)
    .max(1000),
});

export const scoresBodySchema = z.object({
  scores: z
    .array(z.object({ cadreId: idSchema, score: z.number().min(0, 'Điểm phải từ 0 đến 10').max(10, 'Điểm phải từ 0 đến 10') }))
    .min(1)
    .max(1000),
});

export const issueCertificateBodySchema = z.object({ cadreId: idSchema, number: text(100), issuedOn: isoDateSchema });
export const revokeCertificateBodySchema = z.object({ reason: text(1000) });

const certificateSchema = z.object({
  id: z.string(),
  cadreId: z.string(),
  fullName: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  revoked: z.boolean(),
  revokeReason: z.string().nullable(),
});

export const classSchema = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), name: z.string(), form: labelled }),
  unitId: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string().nullable(),
  venueUnitId: z.string().nullable(),
  capacity: z.number(),
  enrolled: z.number(),
});
export const classListSchema = z.object({ items: z.array(classSchema) });

export const classDetailSchema = classSchema.extend({
  sessions: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      topic: z.string().nullable(),
      instructors: z.array(z.object({ id: z.string(), fullName: z.string() })),
    }),
  ),
  tests: z.array(z.object({ id: z.string(), name: z.string(), heldOn: z.string().nullable() })),
  enrolments: z.array(
    z.object({
      cadreId: z.string(),
      fullName: z.string(),
      planProposalId: z.string().nullable(),
      attendance: z.array(z.object({ sessionId: z.string(), status: z.enum(ATTENDANCE_STATUSES).nullable() })),
      scores: z.array(z.object({ testId: z.string(), score: z.number().nullable() })),
    }),
  ),
  certificates: z.array(certificateSchema),
});

export const certificateResponseSchema = certificateSchema;

export const cadreTrainingSchema = z.object({
  cadreId: z.string(),
  classes: z.array(
    z.object({
      classId: z.string(),
      className: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      programme: z.object({ id: z.string(), name: z.string(), form: labelled }),
      sessions: z.number(),
      present: z.number(),
      certificate: z.object({ id: z.string(), number: z.string(), issuedOn: z.string() }).nullable(),
    }),
  ),
  hoursByYear: z.array(z.object({ year: z.number(), hours: z.number() })),
});

export const visitBodySchema = z.object({
  communeId: idSchema,
  visitedOn: isoDateSchema,
  programmeId: idSchema.nullable().optional(),
  officerIds: z.array(idSchema).min(1, 'Ghi ít nhất một cán bộ đi hướng dẫn').max(50),
  cadreIds: z.array(idSchema).max(200).optional(),
  fields: z.array(text(100)).max(20).optional(),
  solved: z.string().trim().max(5000).nullable().optional(),
  followUps: z.string().trim().max(5000).nullable().optional(),
});

export const listVisitsQuerySchema = z.object({
  /** A commune, or any unit above it: its communes' visits. */
  unitId: idSchema.optional(),
  /** The commune's page: the same filter as unitId, under the name the page uses. */
  communeId: idSchema.optional(),
  officerId: idSchema.optional(),
  /** The officer's page: the same filter as officerId (officers are kept in the instructor register). */
  instructorId: idSchema.optional(),
  cadreId: idSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

const person = z.object({ id: z.string(), fullName: z.string() });

export const visitSchema = z.object({
  id: z.string(),
  commune: z.object({ id: z.string(), name: z.string() }),
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  visitedOn: z.string(),
  fields: z.array(z.string()),
  officers: z.array(person),
  cadres: z.array(person),
  solved: z.string().nullable(),
  followUps: z.string().nullable(),
});
export const visitListSchema = z.object({ items: z.array(visitSchema) });

const yearSchema = z.coerce.number().int('Năm phải là số nguyên').min(2000).max(2100);

export const calendarQuerySchema = z
  .object({ unitId: idSchema.optional(), from: isoDateSchema, to: isoDateSchema })
  .refine((value) => value.to >= value.from, { message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi', path: ['to'] });

export const calendarSchema = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['class', 'visit']),
      id: z.string(),
      title: z.string(),
      form: labelled,
      startDate: z.string(),
      endDate: z.string(),
      unitId: z.string(),
    }),
  ),
});

export const unitYearQuerySchema = z.object({ unitId: idSchema, year: yearSchema });

export const diversitySchema = z.object({
  unitId: z.string(),
  year: z.number(),
  byForm: z.array(z.object({ form: labelled, classes: z.number(), visits: z.number(), participants: z.number() })),
  formsUsed: z.number(),
});

export const fulfilmentSchema = z.object({
  unitId: z.string(),
  year: z.number(),
  byCourseType: z.array(z.object({ courseType: z.string(), courseName: z.string(), planned: z.number(), enrolled: z.number(), certified: z.number() })),
  byField: z.array(z.object({ field: z.string(), label: z.string(), planned: z.number(), enrolled: z.number(), certified: z.number() })),
  /** Places taken up, by the form of the class they were taken up in. */
  byForm: z.array(z.object({ form: labelled, enrolled: z.number(), certified: z.number() })),
  total: z.object({ planned: z.number(), enrolled: z.number(), certified: z.number() }),
});
