import type { ColumnType, Generated } from 'kysely';

export interface SuccessionPlanTable {
  id: Generated<string>;
  unit_id: string;
  term: string;
  term_starts_on: string;
  title_code: string;
  created_at: ColumnType<Date, never, never>;
}

export interface SuccessionPlanEntryTable {
  id: Generated<string>;
  plan_id: string;
  cadre_id: string;
  added_on: string;
  added_reason: string;
  removed_on: string | null;
  removed_reason: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface SuccessionTables {
  succession_plan: SuccessionPlanTable;
  succession_plan_entry: SuccessionPlanEntryTable;
}
