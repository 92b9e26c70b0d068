import type { ColumnType, Generated } from 'kysely';
import type { AreaFlag, WeakField } from '../../core/commune-profile.js';

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
