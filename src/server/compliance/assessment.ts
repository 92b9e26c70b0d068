import { assessCompliance, type ComplianceResult, type ComplianceStatus, type GapKind, type LevelsOnDate } from '../../core/compliance.js';
import {
  politicalTheory,
  professionalEducation,
  stateManagement,
  type PoliticalTheoryLevel,
  type ProfessionalLevel,
  type QualificationScale,
  type StateManagementLevel,
} from '../../core/qualifications.js';
import type { AreaClass, StandardRule } from '../../core/standards.js';
import { COMMUNE_TITLES, isTitleCode } from '../../core/titles.js';

/*
 * The facts a post is judged on, read the same way by the per-person
 * explanation (here, with core's assessCompliance) and by the set-based
 * summary (compliance.repository.ts); compliance.parity.test.ts checks that
 * both reach the same status for every person.
 */

export const GAP_KINDS = [
  'high_school',
  'professional',
  'political_theory',
  'state_management',
  'age_appointment',
  'age_reelection',
] as const satisfies readonly GapKind[];

/** Party-committee posts: re-election to them is judged by the 48-month rule (Directive 45-CT/TW). */
export const PARTY_TITLES: readonly string[] = COMMUNE_TITLES.filter((title) => title.group === 'party').map((title) => title.code);

export interface HeldPost {
  postId: string;
  cadreId: string;
  unitId: string;
  titleCode: string;
  startDate: string;
  howObtained: string | null;
  /** No earlier period of the same title: a first appointment or election, judged on its start date. */
  firstOfTitle: boolean;
}

export interface PersonBasics {
  id: string;
  fullName: string;
  gender: 'nam' | 'nu' | null;
  birthDate: string | null;
  birthDatePrecision: 'day' | 'year' | null;
}

export interface QualificationRecord {
  id: string;
  kind: string;
  level: string;
  major: string | null;
  obtainedOn: string | null;
}

/**
 * A later period of a party-committee post won at a congress (not a
 * rotation or an appointment): a re-election, counted from the month its
 * period starts.
 */
export function isReelectionToPartyCommittee(post: Pick<HeldPost, 'titleCode' | 'firstOfTitle' | 'howObtained'>): boolean {
  return PARTY_TITLES.includes(post.titleCode) && !post.firstOfTitle && (post.howObtained ?? 'bau_cu') === 'bau_cu';
}

function highest<C extends string>(scale: QualificationScale<C>, records: readonly QualificationRecord[], kind: string): C | null {
  return scale.highestLevel(records.filter((record) => record.kind === kind && scale.isLevel(record.level)).map((record) => record.level as C));
}

function rankOf(level: string): number {
  return professionalEducation.isLevel(level) ? professionalEducation.codes.indexOf(level) : -1;
}

/**
 * A person's levels on a date from the qualifications obtained by then
 * (undated ones count on every date): the highest of each scale, the major of
 * the highest degree (latest, then last recorded, on a tie), and whether an
 * upper-secondary diploma is recorded.
 */
export function levelsFromRecords(records: readonly QualificationRecord[], asOf: string): LevelsOnDate {
  const held = records.filter((record) => record.obtainedOn === null || record.obtainedOn <= asOf);
  const degrees = held
    .filter((record) => record.kind === 'professional')
    .sort(
      (a, b) =>
        rankOf(b.level) - rankOf(a.level) ||
        (b.obtainedOn ?? '').localeCompare(a.obtainedOn ?? '') ||
        (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0),
    );
  return {
    professional: highest<ProfessionalLevel>(professionalEducation, held, 'professional'),
    professionalField: degrees[0]?.major ?? null,
    politicalTheory: highest<PoliticalTheoryLevel>(politicalTheory, held, 'political_theory'),
    stateManagement: highest<StateManagementLevel>(stateManagement, held, 'state_management'),
    // A recorded diploma says yes; otherwise core reads it from the degree, or reports it as not recorded.
    highSchool: held.some((record) => record.kind === 'professional' && record.level === 'thpt') ? true : null,
  };
}

export function assessHeldPost(input: {
  person: PersonBasics;
  post: HeldPost;
  levels: LevelsOnDate;
  areaClass: AreaClass | null;
  date: string;
  rules: readonly StandardRule[];
}): ComplianceResult | null {
  const { person, post } = input;
  if (!isTitleCode(post.titleCode)) return null;
  return assessCompliance({
    person: {
      sex: person.gender === 'nam' ? 'male' : person.gender === 'nu' ? 'female' : null,
      birthDate: person.birthDate,
      birthPrecision: person.birthDatePrecision,
    },
    post: {
      titleCode: post.titleCode,
      startDate: post.startDate,
      isFirstAppointment: post.firstOfTitle,
      isReelection: isReelectionToPartyCommittee(post),
      congressDate: post.startDate,
    },
    levelsOnDate: input.levels,
    areaClass: input.areaClass,
    date: input.date,
    rules: input.rules,
  });
}

/** A person meets the standard only if every counted post does (as summarizeCompliance counts). */
export function personStatus(results: readonly Pick<ComplianceResult, 'status'>[]): ComplianceStatus {
  if (results.some((result) => result.status === 'does_not_meet')) return 'does_not_meet';
  return results.some((result) => result.status === 'no_standard') ? 'no_standard' : 'meets';
}
