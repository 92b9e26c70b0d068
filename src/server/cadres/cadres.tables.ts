import type { ColumnType, Generated } from 'kysely';
import type { DatePrecision } from '../../core/dates.js';

import type { Gender, HowObtained, QualificationKind, QualificationSource, StudyMode } from '../../core/cadre-record.js';

export { HOW_OBTAINED, QUALIFICATION_KINDS, QUALIFICATION_SOURCES, STUDY_MODES } from '../../core/cadre-record.js';
export type { Gender, HowObtained, QualificationKind, QualificationSource, StudyMode };

export interface CadreTable {
  id: Generated<string>;
  full_name: string;
  name_folded: string;
  given_name: string;
  gender: Gender | null;
  birth_date: string | null;
  birth_date_precision: DatePrecision | null;
  ethnicity_code: string | null;
  religion: string | null;
  home_town: string | null;
  personal_id: string | null;
  party_joined_on: string | null;
  party_joined_precision: DatePrecision | null;
  phone: string | null;
  email: string | null;
  discipline: string | null;
  owning_unit_id: string;
  /** First day out of service, kept by a trigger from `retirement_month` (Decree 135/2020); null without sex or birth date. */
  retires_from: ColumnType<string | null, never, never>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface CadrePhotoTable {
  cadre_id: string;
  content: Buffer;
  media_type: 'image/jpeg' | 'image/png';
  byte_size: number;
  updated_at: ColumnType<Date, never, Date>;
}

export interface CadrePostTable {
  id: Generated<string>;
  cadre_id: string;
  unit_id: string;
  title_code: string;
  is_key: boolean;
  start_date: string;
  start_date_precision: Generated<DatePrecision>;
  end_date: string | null;
  term: string | null;
  how_obtained: HowObtained | null;
  concurrent: Generated<boolean>;
  note: string | null;
  first_party_committee_term: Generated<boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface CadreQualificationTable {
  id: Generated<string>;
  cadre_id: string;
  kind: QualificationKind;
  level: string;
  major: string | null;
  institution: string | null;
  study_mode: StudyMode | null;
  language: string | null;
  obtained_on: string | null;
  obtained_precision: DatePrecision | null;
  source: QualificationSource;
  source_ref: string | null;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
}

/** Core's retirement schedule by sex and month of birth (year × 12 + month − 1), written by `syncRetirementSchedule`. */
export interface RetirementMonthTable {
  gender: Gender;
  birth_month: number;
  retires_from: string;
}

export interface CadresTables {
  cadre: CadreTable;
  cadre_photo: CadrePhotoTable;
  cadre_post: CadrePostTable;
  cadre_qualification: CadreQualificationTable;
  retirement_month: RetirementMonthTable;
}
