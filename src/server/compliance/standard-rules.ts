import type { PoliticalTheoryLevel, ProfessionalLevel, StateManagementLevel } from '../../core/qualifications.js';
import { ruleAppliesToTitle, type RuleTitles, type StandardRule } from '../../core/standards.js';
import { COMMUNE_TITLES, type TitleCode } from '../../core/titles.js';
import type { StandardRuleTable } from './compliance.tables.js';

/** A stored rule version as the database returns it. */
export type StandardRuleRow = Omit<StandardRuleTable, 'id' | 'created_at'> & { id: string; created_at: Date };

/** The columns a rule version is written with, derived from the rule as core describes it. */
export type RuleColumns = Pick<
  StandardRuleRow,
  | 'applies_kind'
  | 'title_codes'
  | 'title_group'
  | 'applies_to_titles'
  | 'title_specificity'
  | 'valid_from'
  | 'valid_to'
  | 'area_class'
  | 'min_professional'
  | 'professional_fields'
  | 'min_political_theory'
  | 'min_state_management'
  | 'require_high_school'
  | 'min_months_first_appointment'
  | 'min_months_reelection'
  | 'confirmed'
  | 'legal_basis'
  | 'note'
>;

function appliesToOf(row: Pick<StandardRuleRow, 'applies_kind' | 'title_codes' | 'title_group'>): RuleTitles {
  return row.applies_kind === 'titles' ? { kind: 'titles', codes: row.title_codes as TitleCode[] } : { kind: 'group', group: row.title_group ?? 'key' };
}

/**
 * The core rule of a stored version. Its id is the rule's code, shared by
 * all its versions: versions never overlap in time, so `selectRule` and
 * `findRuleConflicts` see one rule per date.
 */
export function ruleOfRow(row: StandardRuleRow): StandardRule {
  return {
    id: row.code,
    setCode: row.set_code,
    scope: row.scope,
    appliesTo: appliesToOf(row),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    areaClass: row.area_class,
    minProfessional: row.min_professional as ProfessionalLevel | null,
    professionalFields: row.professional_fields,
    minPoliticalTheory: row.min_political_theory as PoliticalTheoryLevel | null,
    minStateManagement: row.min_state_management as StateManagementLevel | null,
    requireHighSchool: row.require_high_school,
    minMonthsLeftAtFirstAppointment: row.min_months_first_appointment,
    minMonthsLeftAtReElection: row.min_months_reelection,
    confirmed: row.confirmed,
    legalBasis: row.legal_basis,
    note: row.note,
  };
}

/** Listing titles beats naming a body, which beats "all key titles" (see selectRule). */
function titleSpecificity(target: RuleTitles): number {
  if (target.kind === 'titles') return 2;
  return target.group === 'key' ? 0 : 1;
}

export function columnsOfRule(rule: StandardRule): RuleColumns {
  return {
    applies_kind: rule.appliesTo.kind,
    title_codes: rule.appliesTo.kind === 'titles' ? [...rule.appliesTo.codes] : [],
    title_group: rule.appliesTo.kind === 'group' ? rule.appliesTo.group : null,
    applies_to_titles: COMMUNE_TITLES.filter((title) => ruleAppliesToTitle(rule, title.code)).map((title) => title.code),
    title_specificity: titleSpecificity(rule.appliesTo),
    valid_from: rule.validFrom,
    valid_to: rule.validTo,
    area_class: rule.areaClass,
    min_professional: rule.minProfessional,
    professional_fields: [...rule.professionalFields],
    min_political_theory: rule.minPoliticalTheory,
    min_state_management: rule.minStateManagement,
    require_high_school: rule.requireHighSchool,
    min_months_first_appointment: rule.minMonthsLeftAtFirstAppointment,
    min_months_reelection: rule.minMonthsLeftAtReElection,
    confirmed: rule.confirmed,
    legal_basis: rule.legalBasis,
    note: rule.note,
  };
}
