import type { ColumnType, Generated } from 'kysely';

export const AREA_FLAGS = ['dong_bang', 'mien_nui', 'bien_gioi', 'hai_dao', 'dan_toc', 'dac_biet_kho_khan'] as const;
export type AreaFlag = (typeof AREA_FLAGS)[number];

export const WEAK_FIELDS = [
  'xay_dung_dang',
  'chinh_quyen',
  'kinh_te',
  'tai_chinh_ngan_sach',
  'dat_dai_moi_truong',
  'an_ninh_trat_tu',
  'khieu_nai_to_cao',
  'doan_ket_noi_bo',
  'van_hoa_xa_hoi',
  'khac',
] as const;
export type WeakField = (typeof WEAK_FIELDS)[number];

export interface CommuneAreaClassTable {
  id: Generated<string>;
  commune_id: string;
  flags: AreaFlag[];
  valid_from: string | null;
  valid_to: string | null;
  basis: string | null;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface WeakUnitDesignationTable {
  id: Generated<string>;
  commune_id: string;
  year: number;
  fields: WeakField[];
  reasons: string;
  decision: string | null;
  decided_on: string | null;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CommuneProfileTables {
  commune_area_class: CommuneAreaClassTable;
  weak_unit_designation: WeakUnitDesignationTable;
}
