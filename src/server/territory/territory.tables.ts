import type { ColumnType, Generated } from 'kysely';

export type UnitLevel = 'country' | 'province' | 'district' | 'commune';

export interface AdminUnitTable {
  id: Generated<string>;
  level: UnitLevel;
  code: string;
  valid_from: string | null;
  valid_to: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface AdminUnitVersionTable {
  id: Generated<string>;
  unit_id: string;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  name_folded: string;
  type: string;
  parent_id: string | null;
  source: string;
}

export interface AdminUnitLineageTable {
  id: Generated<string>;
  predecessor_id: string;
  successor_id: string;
  effective_date: string;
  kind: string;
  note: string | null;
  source: string;
}

export interface UnitScopeTable {
  root_id: string;
  unit_id: string;
}

export type LineageKind = 'whole' | 'part' | 'unchanged';

export type ChangeKind = 'established' | 'changed' | 'ended';

/** Where a change's effective date comes from: the list's own date, a decree we know of, its parent's known date, the reform decree, or an administrator. */
export type ChangeDateSource = 'list' | 'known' | 'cascade' | 'decree' | 'admin';

export interface TerritoryLoadTable {
  id: Generated<string>;
  name: string;
  kind: 'official' | 'update';
  file_hash: string;
  list_date: string;
  open_start: Generated<boolean>;
  replaces_all: Generated<boolean>;
  description: string;
  summary: ColumnType<unknown, string | undefined, string>;
  loaded_at: ColumnType<Date, never, never>;
  loaded_by: string | null;
}

export interface AdminUnitChangeTable {
  id: Generated<string>;
  unit_id: string;
  kind: ChangeKind;
  effective_date: string;
  original_date: string;
  date_source: ChangeDateSource;
  date_basis: string;
  version_id: string | null;
  details: ColumnType<unknown, string | undefined, string>;
  load_id: string | null;
  corrected_at: Date | null;
  corrected_by: string | null;
}

export interface TerritoryTables {
  admin_unit: AdminUnitTable;
  admin_unit_version: AdminUnitVersionTable;
  admin_unit_lineage: AdminUnitLineageTable;
  unit_scope: UnitScopeTable;
  territory_load: TerritoryLoadTable;
  admin_unit_change: AdminUnitChangeTable;
}
