import type { ColumnType, Generated } from 'kysely';

export type VillageKind = 'thon' | 'to_dan_pho';

export interface VillageTable {
  id: Generated<string>;
  commune_id: string;
  kind: VillageKind;
  name: string;
  name_folded: string;
  valid_from: string | null;
  valid_to: string | null;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface VillagesTables {
  village: VillageTable;
}
