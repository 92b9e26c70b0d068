import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '../../core/cell-attendance.js';
import { idSchema, isoDateSchema } from '../http/common.schema.js';

const ref = z.object({ id: z.string(), name: z.string() });
const optionalText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`).nullable().optional();
const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const committeeParamsSchema = z.object({ id: idSchema });
export const committeeMonthParamsSchema = z.object({
  id: idSchema,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng YYYY-MM'),
});
export const assignmentParamsSchema = z.object({ id: idSchema });
export const meetingParamsSchema = z.object({ id: idSchema });

export const cellAttendanceQuerySchema = z.object({ year: yearSchema });

export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);

export const cellAttendanceSchema = z.object({
  committee: ref.extend({ commune: ref }),
  year: z.number().int(),
  /** The day visits are counted to: the year's end, or today within the current year. */
  asOf: z.string(),
  frequencies: z.array(z.object({ months: z.number().int(), label: z.string() })),
  cells: z.array(ref.extend({ village: z.string().nullable() })),
  /** Standing members of the commune at some time in the year: who may be assigned and recorded. */
  members: z.array(z.object({ id: z.string(), fullName: z.string(), title: z.string() })),
  assignments: z.array(
    z.object({
      id: z.string(),
      cellId: z.string(),
      cadreId: z.string(),
      fullName: z.string(),
      frequencyMonths: z.number().int(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      decision: z.string().nullable(),
      planned: z.number().int(),
      done: z.number().int(),
    }),
  ),
  meetings: z.array(
    z.object({
      id: z.string(),
      cellId: z.string(),
      heldOn: z.string(),
      issuesRaised: z.string().nullable(),
      followUp: z.string().nullable(),
      attendance: z.array(z.object({ cadreId: z.string(), fullName: z.string(), status: attendanceStatusSchema })),
    }),
  ),
  /** The day of the month the cells usually meet, from the meetings recorded; the 5th when none is. */
  usualMeetingDay: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});

export const monthAttendanceBodySchema = z.object({
  /** The day of the month a meeting not yet recorded was held on. */
  meetingDay: z.number().int().min(1).max(31),
  entries: z
    .array(z.object({ cellId: idSchema, cadreId: idSchema, status: attendanceStatusSchema.nullable() }))
    .min(1, 'Chưa có ô nào được nhập')
    .max(5000),
});

export const monthAttendanceResultSchema = z.object({ recorded: z.number().int(), cleared: z.number().int(), meetingsCreated: z.number().int() });

export const assignmentBodySchema = z.object({
  cellId: idSchema,
  cadreId: idSchema,
  frequencyMonths: z.number().int().min(1).max(12).default(1),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable().optional(),
  decision: optionalText(200),
});

export const assignmentUpdateBodySchema = z.object({
  frequencyMonths: z.number().int().min(1).max(12).optional(),
  validTo: isoDateSchema.nullable().optional(),
  decision: optionalText(200),
});

export const meetingBodySchema = z.object({
  heldOn: isoDateSchema,
  issuesRaised: optionalText(4000),
  followUp: optionalText(4000),
});

export const coverageQuerySchema = z.object({
  unitId: idSchema.optional(),
  year: yearSchema,
  /** Cells without a standing member's visit for this many months are listed. */
  idleMonths: z.coerce.number().int().min(1).max(24).default(3),
});

const coverageFigures = {
  committees: z.number().int(),
  /** Committees with at least one assignment in force on the day: the article's "duy trì phân công". */
  committeesAssigned: z.number().int(),
  cells: z.number().int(),
  cellsAssigned: z.number().int(),
  planned: z.number().int(),
  done: z.number().int(),
  rate: z.number().nullable(),
  idleCells: z.number().int(),
};

export const coverageSchema = z.object({
  unit: ref.extend({ level: z.string() }),
  year: z.number().int(),
  asOf: z.string(),
  idleMonths: z.number().int(),
  ...coverageFigures,
  byChild: z.array(ref.extend(coverageFigures)),
  /** Each grassroots party committee of the unit (not for the whole country). */
  committeeRows: z.array(ref.extend({ ...coverageFigures, commune: ref })),
  /** Cells not visited for `idleMonths`, longest first (at most 200). */
  idle: z.array(z.object({ cell: ref, committee: ref, commune: ref, lastVisit: z.string().nullable() })),
  sentence: z.string(),
});
