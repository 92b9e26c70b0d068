import { describeRuleTitlesVi } from '../../core/standards.js';
import type { StandardRuleRow } from './standard-rules.js';
import { ruleOfRow } from './standard-rules.js';
import type { StandardSetRow } from './standards.repository.js';

export function presentSet(row: StandardSetRow) {
  return {
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    scope: row.scope,
    legalBasis: row.legal_basis,
    confirmed: row.confirmed,
    note: row.note,
    enabled: row.enabled,
    ruleCount: row.rule_count,
  };
}

export function presentRule(row: Omit<StandardRuleRow, 'created_at'> & { created_at: Date }) {
  const rule = ruleOfRow(row);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    setCode: row.set_code,
    scope: row.scope,
    appliesTo:
      rule.appliesTo.kind === 'titles'
        ? { kind: 'titles' as const, codes: [...rule.appliesTo.codes] }
        : { kind: 'group' as const, group: rule.appliesTo.group },
    appliesToText: describeRuleTitlesVi(rule.appliesTo),
    titleCodes: row.applies_to_titles,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    areaClass: row.area_class,
    minProfessional: row.min_professional,
    professionalFields: row.professional_fields,
    minPoliticalTheory: row.min_political_theory,
    minStateManagement: row.min_state_management,
    requireHighSchool: row.require_high_school,
    minMonthsLeftAtFirstAppointment: row.min_months_first_appointment,
    minMonthsLeftAtReElection: row.min_months_reelection,
    confirmed: row.confirmed,
    legalBasis: row.legal_basis,
    note: row.note,
    changeNote: row.change_note,
    superseded: row.superseded_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** What the audit log keeps of a version: its figures and period, not the derived columns. */
export function snapshotOfRule(row: Omit<StandardRuleRow, 'id' | 'created_at' | 'superseded_at'>) {
  return {
    code: row.code,
    version: row.version,
    setCode: row.set_code,
    appliesKind: row.applies_kind,
    titleCodes: row.title_codes,
    titleGroup: row.title_group,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    areaClass: row.area_class,
    minProfessional: row.min_professional,
    professionalFields: row.professional_fields,
    minPoliticalTheory: row.min_political_theory,
    minStateManagement: row.min_state_management,
    requireHighSchool: row.require_high_school,
    minMonthsLeftAtFirstAppointment: row.min_months_first_appointment,
    minMonthsLeftAtReElection: row.min_months_reelection,
    confirmed: row.confirmed,
    legalBasis: row.legal_basis,
    note: row.note,
    changeNote: row.change_note,
  };
}
