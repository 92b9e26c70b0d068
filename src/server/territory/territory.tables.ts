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

export interface TerritoryTables {
  admin_unit: AdminUnitTable;
  admin_unit_version: AdminUnitVersionTable;
  admin_unit_lineage: AdminUnitLineageTable;
  unit_scope: UnitScopeTable;
}
