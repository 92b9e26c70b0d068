import type { ColumnType, Generated } from 'kysely';
import type { DatePrecision } from '../../core/dates.js';

export type Gender = 'nam' | 'nu';

export const HOW_OBTAINED = ['bau_cu', 'bo_nhiem', 'luan_chuyen', 'dieu_dong'] as const;
export type HowObtained = (typeof HOW_OBTAINED)[number];

export const QUALIFICATION_KINDS = ['professional', 'political_theory', 'state_management', 'it', 'foreign_language'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const QUALIFICATION_SOURCES = ['declared', 'certificate', 'course'] as const;
export type QualificationSource = (typeof QUALIFICATION_SOURCES)[number];

export const STUDY_MODES = ['chinh_quy', 'tai_chuc', 'vua_lam_vua_hoc', 'tu_xa', 'lien_thong', 'van_bang_hai', 'khac'] as const;
export type StudyMode = (typeof STUDY_MODES)[number];

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

export interface CadresTables {
  cadre: CadreTable;
  cadre_photo: CadrePhotoTable;
  cadre_post: CadrePostTable;
  cadre_qualification: CadreQualificationTable;
}
