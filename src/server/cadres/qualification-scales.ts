import { foreignLanguage, itSkill, politicalTheory, professionalEducation, type QualificationScale, stateManagement } from '../../core/qualifications.js';
import { QUALIFICATION_KINDS, type QualificationKind } from './cadres.tables.js';

export const SCALE_OF_KIND: Readonly<Record<QualificationKind, QualificationScale<string>>> = {
  professional: professionalEducation,
  political_theory: politicalTheory,
  state_management: stateManagement,
  it: itSkill,
  foreign_language: foreignLanguage,
};

/**
 * "kind:level" for every level of every scale, lowest first within a kind.
 * SQL ranks a stored level by its position here, so the order always follows
 * core and no rank is ever stored.
 */
export const LEVEL_ORDER: readonly string[] = QUALIFICATION_KINDS.flatMap((kind) => SCALE_OF_KIND[kind].codes.map((code) => `${kind}:${code}`));

export type LevelsByKind = Partial<Record<QualificationKind, string>>;

/** A person's highest levels on a date, with the major of the professional one (the spreadsheet's "Chuyên ngành"). */
export interface LevelsOnDate {
  levels: LevelsByKind;
  professionalMajor: string | null;
}
