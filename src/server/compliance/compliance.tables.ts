import type { ColumnType, Generated } from 'kysely';
import type { RuleAreaClass, RuleScope, RuleTitleGroup } from '../../core/standards.js';

export interface StandardSetTable {
  code: string;
  name_vi: string;
  name_en: string;
  scope: RuleScope;
  legal_basis: string;
  confirmed: boolean;
  note: Generated<string>;
  enabled: Generated<boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

/** One version of a rule of a standard set; see the migration for how versions follow each other. */
export interface StandardRuleTable {
  id: Generated<string>;
  code: string;
  version: number;
  set_code: string;
  scope: RuleScope;
  applies_kind: 'titles' | 'group';
  title_codes: string[];
  title_group: RuleTitleGroup | null;
  applies_to_titles: string[];
  title_specificity: number;
  valid_from: string;
  valid_to: string | null;
  area_class: RuleAreaClass;
  min_professional: string | null;
  professional_fields: string[];
  min_political_theory: string | null;
  min_state_management: string | null;
  require_high_school: boolean;
  min_months_first_appointment: number | null;
  min_months_reelection: number | null;
  confirmed: boolean;
  legal_basis: string;
  note: string;
  change_note: string | null;
  superseded_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  created_by: string | null;
}

export interface ComplianceTables {
  standard_set: StandardSetTable;
  standard_rule: StandardRuleTable;
}
