import type { Transaction } from 'kysely';
import { formatVietnameseDate } from '../../core/dates.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import { requireAccess } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import type { Database, Db } from '../db/database.js';
import { notFound, validationError } from '../http/errors.js';
import { GRANTED_SCALE_OF } from './training.presenter.js';
import { type InstructorRow, type NewProgramme, type NewSession } from './training.repository.js';
import type { GrantedScale, ProgrammeForm, ProgrammeOutcome } from './training.tables.js';

/** What the training commands share: their inputs and the pure steps of turning them into rows (time ranges, file names, checks). */

export type Conn = Db | Transaction<Database>;

export interface ProgrammeInput {
  owningUnitId: string;
  name: string;
  form: ProgrammeForm;
  organiser?: string | null;
  fields?: string[];
  hours?: number | null;
  outcome: ProgrammeOutcome;
  grants?: { scale: GrantedScale; level: string } | null;
  courseType?: string | null;
}

export interface InstructorInput {
  owningUnitId: string;
  fullName: string;
  workUnit?: string | null;
  position?: string | null;
}

export interface SessionInput {
  date: string;
  startTime: string;
  endTime: string;
  topic?: string | null;
  instructorIds?: string[];
}

export interface ClassInput {
  programmeId: string;
  unitId: string;
  name: string;
  startDate: string;
  endDate: string;
  venue?: string | null;
  venueUnitId?: string | null;
  capacity: number;
  sessions?: SessionInput[];
  tests?: { name: string; heldOn?: string | null }[];
}

export interface VisitQuery {
  unitId?: string;
  communeId?: string;
  officerId?: string;
  instructorId?: string;
  cadreId?: string;
  from?: string;
  to?: string;
}

/** The commune's and the officer's pages name their filters communeId and instructorId; both mean what unitId and officerId mean. */
export function visitFilter(query: VisitQuery) {
  if (query.unitId !== undefined && query.communeId !== undefined && query.unitId !== query.communeId) {
    throw validationError([{ path: 'communeId', message: 'Chỉ chọn một xã (communeId) hoặc một đơn vị (unitId)' }]);
  }
  if (query.officerId !== undefined && query.instructorId !== undefined && query.officerId !== query.instructorId) {
    throw validationError([{ path: 'instructorId', message: 'Chỉ chọn một cán bộ hướng dẫn (instructorId hoặc officerId)' }]);
  }
  return { unitId: query.unitId ?? query.communeId, officerId: query.officerId ?? query.instructorId, cadreId: query.cadreId, from: query.from, to: query.to };
}

export type ClassUpdateInput = Omit<ClassInput, 'programmeId' | 'unitId' | 'sessions' | 'tests'>;

export interface VisitInput {
  communeId: string;
  visitedOn: string;
  programmeId?: string | null;
  officerIds: string[];
  cadreIds?: string[];
  fields?: string[];
  solved?: string | null;
  followUps?: string | null;
}

/** Forms whose delivery is a visit to the commune rather than a class. */
export const VISIT_FORMS: readonly ProgrammeForm[] = ['field_guidance', 'on_the_job'];

export function optionalText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const normalized = normalizeText(value);
  return normalized === '' ? null : normalized;
}

export function instructorValues(input: InstructorInput): Omit<InstructorRow, 'id'> {
  return {
    owning_unit_id: input.owningUnitId,
    full_name: normalizeText(input.fullName),
    work_unit: optionalText(input.workUnit),
    position: optionalText(input.position),
  };
}

export function programmeValues(input: ProgrammeInput): NewProgramme {
  const grants = input.grants ?? null;
  if (input.outcome === 'qualification') {
    if (grants === null) throw validationError([{ path: 'grants', message: 'Chương trình cấp trình độ phải ghi rõ thang và mức trình độ được công nhận' }]);
    if (!GRANTED_SCALE_OF[grants.scale].isLevel(grants.level))
      throw validationError([{ path: 'grants.level', message: `Mức trình độ "${grants.level}" không có trong thang` }]);
  } else if (grants !== null) {
    throw validationError([{ path: 'grants', message: 'Chỉ chương trình cấp trình độ mới ghi trình độ được công nhận' }]);
  }
  const name = normalizeText(input.name);
  return {
    owning_unit_id: input.owningUnitId,
    name,
    name_folded: foldVietnamese(name),
    form: input.form,
    organiser: optionalText(input.organiser),
    fields: (input.fields ?? []).map(normalizeText),
    hours: input.hours ?? null,
    outcome: input.outcome,
    outcome_scale: grants?.scale ?? null,
    outcome_level: grants?.level ?? null,
    course_type: input.courseType ?? null,
  };
}

export function sessionValues(input: SessionInput): NewSession {
  return {
    session_date: input.date,
    starts_at: input.startTime,
    ends_at: input.endTime,
    topic: optionalText(input.topic),
    instructor_ids: [...new Set(input.instructorIds ?? [])],
  };
}

export function timeRange(session: Pick<NewSession, 'session_date' | 'starts_at' | 'ends_at'>): string {
  return `ngày ${formatVietnameseDate(session.session_date)} từ ${session.starts_at} đến ${session.ends_at}`;
}

/** Thrown inside the transaction of a dry run so that everything checked is rolled back. */
export class DryRunRollback extends Error {}

/** A download's name without the characters file systems refuse; attachmentHeader adds the ASCII fallback. */
export function fileNameOf(...parts: (string | number)[]): string {
  return `${parts.join(' - ').replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}

export function assertOncePerPerson(cadreIds: readonly string[], path: string): void {
  const repeated = cadreIds.findIndex((id, index) => cadreIds.indexOf(id) !== index);
  if (repeated >= 0) throw validationError([{ path: `${path}.${repeated}.cadreId`, message: 'Một người được ghi hai lần trong cùng danh sách' }]);
}

/** A programme or instructor: one the actor cannot see is not found; one it only uses (kept above it) is forbidden. */
export async function keptInScope<Row extends { owning_unit_id: string }>(db: Conn, actor: Actor, row: Row | undefined): Promise<Row> {
  if (!row) throw notFound();
  await requireAccess(db, { actor, permission: 'catalogue.write', ids: [row.owning_unit_id] });
  return row;
}
