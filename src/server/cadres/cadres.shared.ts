import { type Transaction } from 'kysely';
import { compareIsoDates, formatVietnameseDate } from '../../core/dates.js';
import { isTitleCode, titleByCode } from '../../core/titles.js';
import type { Database, Db } from '../db/database.js';
import { AppError, validationError } from '../http/errors.js';
import { presentListItem } from './cadres.presenter.js';
import { type PostRow } from './cadres.repository.js';
import type { HowObtained, QualificationKind, QualificationSource, StudyMode } from './cadres.tables.js';
import { describePeriod, type UnitPeriod } from './post-periods.js';
import { type LevelsByKind, SCALE_OF_KIND } from './qualification-scales.js';

/** What the cadre commands share: their inputs and the rules of periods, photos and a person's values. */

export type Conn = Db | Transaction<Database>;

export interface CadreListQuery {
  unitId?: string;
  asOf?: string;
  q?: string;
  title?: string[];
  key?: boolean;
  status: 'holding' | 'all';
  professionalLevel?: string;
  politicalTheoryLevel?: string;
  retiresWithin?: '12' | '24' | '60' | 'reached';
}

export interface CadreInput {
  fullName: string;
  gender?: 'nam' | 'nu' | null;
  birthDate?: string | null;
  ethnicityCode?: string | null;
  religion?: string | null;
  homeTown?: string | null;
  personalId?: string | null;
  partyJoinedOn?: string | null;
  phone?: string | null;
  email?: string | null;
  discipline?: string | null;
  owningUnitId: string;
}

export interface PostInput {
  unitId: string;
  titleCode: string;
  startDate: string;
  endDate?: string | null;
  term?: string | null;
  howObtained?: HowObtained | null;
  concurrent: boolean;
  note?: string | null;
  firstTermInPartyCommittee?: boolean;
}

export interface PostChanges {
  startDate?: string;
  endDate?: string | null;
  term?: string | null;
  howObtained?: HowObtained | null;
  concurrent?: boolean;
  note?: string | null;
  firstTermInPartyCommittee?: boolean;
}

export interface QualificationInput {
  kind: QualificationKind;
  level: string;
  major?: string | null;
  institution?: string | null;
  studyMode?: StudyMode | null;
  language?: string | null;
  obtainedOn?: string | null;
  source: QualificationSource;
  sourceRef?: string | null;
  note?: string | null;
}

/** A key cadre on a date, as the standards (compliance) feature needs them. */
export interface KeyCadreOnDate {
  cadreId: string;
  fullName: string;
  /** In the terms of src/core/retirement.ts and compliance.ts. */
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  birthDatePrecision: 'day' | 'year' | null;
  keyPosts: {
    postId: string;
    unitId: string;
    titleCode: string;
    startDate: string;
    term: string | null;
    howObtained: HowObtained | null;
    concurrent: boolean;
    /** No earlier period of this title: a first appointment or election (the age rule applies on startDate). */
    firstOfTitle: boolean;
  }[];
  /** Highest level of each kind obtained by the date, as codes of src/core/qualifications.ts. */
  levels: LevelsByKind;
  /** Major of the highest professional level (compliance's professionalField). */
  professionalMajor: string | null;
}

export interface ListPage {
  items: ReturnType<typeof presentListItem>[];
  total: number;
  page: number;
  pageSize: number;
  asOf: string;
}
/** Pages and totals kept in memory: a page of 50 is some 30 kB, so a few megabytes at most. */
export const LIST_CACHE_ENTRIES = 500;

export const SENSITIVE_FIELDS = ['personal_id', 'ethnicity_code', 'religion', 'discipline'] as const;

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/** The last day of the given periods, not after `asOf` (an open period runs to it); null without periods. */
export function lastDayOfPeriods(posts: readonly PostRow[], asOf: string): string | null {
  let last: string | null = null;
  for (const post of posts) {
    if (compareIsoDates(post.start_date, asOf) > 0) continue;
    const end = post.end_date === null || compareIsoDates(post.end_date, asOf) > 0 ? asOf : post.end_date;
    if (last === null || compareIsoDates(end, last) > 0) last = end;
  }
  return last;
}

export function storedDateOrYear(date: string | null, precision: 'day' | 'year' | null): string | null {
  if (date === null) return null;
  return precision === 'year' ? date.slice(0, 4) : date;
}

/**
 * A post cannot outlast its unit (a commune merged away): an end after the
 * unit ceased is refused, and so is no end when editing; a new open period is
 * ended on the unit's last day instead.
 */
export function assertEndWithinUnit(unit: UnitPeriod, endDate: string | null, options: { openAllowed: boolean }): void {
  if (unit.validTo === null) return;
  if (endDate === null ? options.openAllowed : compareIsoDates(endDate, unit.validTo) <= 0) return;
  throw validationError([
    {
      path: 'body.endDate',
      message: `Đơn vị chấm dứt hoạt động ngày ${formatVietnameseDate(unit.validTo)}: ngày thôi giữ chức vụ phải từ ngày đó trở về trước`,
    },
  ]);
}

export function assertFirstTermFitsTitle(titleCode: string, firstTerm: boolean): void {
  if (firstTerm && !(isTitleCode(titleCode) && titleByCode(titleCode).group === 'party')) {
    throw validationError([
      { path: 'body.firstTermInPartyCommittee', message: 'Chỉ đánh dấu lần đầu tham gia cấp ủy cho chức vụ Bí thư hoặc Phó Bí thư Đảng ủy' },
    ]);
  }
}

export function heldPeriod(post: PostRow) {
  return { id: post.id, unitId: post.unit_id, startDate: post.start_date, endDate: post.end_date };
}

export function overlapError(conflicting: { startDate: string; endDate: string | null }): AppError {
  return new AppError('CADRE_POST_OVERLAP', {
    message: `Giai đoạn giữ chức vụ trùng thời gian với giai đoạn đã có (${describePeriod(conflicting)}) của cùng chức vụ`,
    details: { conflicting },
  });
}

export function checkedLevel(kind: QualificationKind, level: string | undefined, path: string): string | null {
  if (!level) return null;
  if (level !== 'none' && !SCALE_OF_KIND[kind].isLevel(level)) {
    throw validationError([{ path, message: `Mức không có trên thang ${SCALE_OF_KIND[kind].nameVi}` }]);
  }
  return level;
}

export const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** The type is read from the bytes, never from the name or the browser's claim. */
export function photoMediaType(content: Buffer): 'image/jpeg' | 'image/png' {
  if (content.length === 0 || content.length > MAX_PHOTO_BYTES) throw new AppError('CADRE_PHOTO_INVALID');
  if (content.subarray(0, 3).equals(JPEG_MAGIC)) return 'image/jpeg';
  if (content.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  throw new AppError('CADRE_PHOTO_INVALID');
}
