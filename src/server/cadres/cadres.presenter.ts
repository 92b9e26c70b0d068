import { compareIsoDates } from '../../core/dates.js';
import { ethnicityByCode } from '../../core/ethnicities.js';
import { maskPersonalId } from '../../core/personal-id.js';
import { workingLifeOn } from '../../core/retirement.js';
import { isTitleCode, titleByCode } from '../../core/titles.js';
import type { CadreAbilities } from '../access/abilities.js';
import type { CadreReach } from '../access/access.repository.js';
import type { CadreRow, NewPost, PostRow, QualificationRow, UnitVersionRow } from './cadres.repository.js';
import type { QualificationKind } from './cadres.tables.js';
import { type LevelsByKind, SCALE_OF_KIND } from './qualification-scales.js';

/** Names of units over time, loaded once for a page or an export. */
export class UnitDirectory {
  private readonly versions = new Map<string, UnitVersionRow[]>();

  constructor(rows: readonly UnitVersionRow[]) {
    for (const row of rows) {
      const list = this.versions.get(row.unit_id) ?? [];
      list.push(row);
      this.versions.set(row.unit_id, list);
    }
  }

  /** The unit as named on `date`; before its first or after its last version, the nearest one. */
  summary(unitId: string, date: string) {
    const versions = this.versions.get(unitId) ?? [];
    const valid =
      versions.find((v) => (v.valid_from === null || v.valid_from <= date) && (v.valid_to === null || v.valid_to >= date)) ??
      (versions[0] && versions[0].valid_from !== null && date < versions[0].valid_from ? versions[0] : versions.at(-1));
    return { id: unitId, code: valid?.code ?? '', name: valid?.name ?? '', level: valid?.level ?? 'commune' };
  }
}

export function presentTitle(code: string, isKey: boolean) {
  if (!isTitleCode(code)) return { code, name: code, shortName: code, isKey };
  const title = titleByCode(code);
  return { code, name: title.nameVi, shortName: title.shortNameVi, isKey };
}

export function isHeldOn(post: Pick<PostRow, 'start_date' | 'end_date'>, asOf: string): boolean {
  return post.start_date <= asOf && (post.end_date === null || post.end_date >= asOf);
}

/** A post's unit is named as it was while the post was held (at its last day up to `asOf`). */
function dateForUnitName(post: PostRow, asOf: string): string {
  if (compareIsoDates(asOf, post.start_date) < 0) return post.start_date;
  if (post.end_date !== null && compareIsoDates(post.end_date, asOf) < 0) return post.end_date;
  return asOf;
}

export function presentPost(post: PostRow, units: UnitDirectory, asOf: string) {
  return {
    id: post.id,
    title: presentTitle(post.title_code, post.is_key),
    unit: units.summary(post.unit_id, dateForUnitName(post, asOf)),
    startDate: post.start_date,
    startDatePrecision: post.start_date_precision,
    endDate: post.end_date,
    term: post.term,
    howObtained: post.how_obtained,
    concurrent: post.concurrent,
    note: post.note,
    firstTermInPartyCommittee: post.first_party_committee_term,
    heldOnAsOf: isHeldOn(post, asOf),
  };
}

function presentLevel(kind: QualificationKind, code: string | undefined) {
  if (code === undefined) return null;
  const scale = SCALE_OF_KIND[kind];
  return { code, label: scale.isLevel(code) ? scale.labelVi(code) : code };
}

export function presentLevels(levels: LevelsByKind | undefined) {
  return {
    professional: presentLevel('professional', levels?.professional),
    politicalTheory: presentLevel('political_theory', levels?.political_theory),
    stateManagement: presentLevel('state_management', levels?.state_management),
    it: presentLevel('it', levels?.it),
    foreignLanguage: presentLevel('foreign_language', levels?.foreign_language),
  };
}

export function presentQualification(row: QualificationRow, asOf: string) {
  return {
    id: row.id,
    kind: row.kind,
    level: presentLevel(row.kind, row.level)!,
    major: row.major,
    institution: row.institution,
    studyMode: row.study_mode,
    language: row.language,
    obtainedOn: row.obtained_on,
    obtainedPrecision: row.obtained_precision,
    source: row.source,
    sourceRef: row.source_ref,
    note: row.note,
    obtainedByAsOf: row.obtained_on === null || row.obtained_on <= asOf,
  };
}

/**
 * How much of a record the caller sees. A unit that held the person only in
 * the past (the policy's 'history' reach) sees its own periods: not where the
 * person works now, nor the photo and contacts of today.
 */
export interface RecordView {
  reach: CadreReach;
  owningUnitVisible: boolean;
}

export const FULL_VIEW: RecordView = { reach: 'full', owningUnitVisible: true };

export function presentListItem(
  row: CadreRow,
  heldPosts: readonly PostRow[],
  levels: LevelsByKind | undefined,
  units: UnitDirectory,
  asOf: string,
  view: RecordView = FULL_VIEW,
) {
  return {
    id: row.id,
    fullName: row.full_name,
    gender: row.gender,
    birthDate: row.birth_date,
    birthDatePrecision: row.birth_date_precision,
    owningUnit: view.owningUnitVisible ? units.summary(row.owning_unit_id, asOf) : null,
    posts: heldPosts.map((post) => presentPost(post, units, asOf)),
    isKey: heldPosts.some((post) => post.is_key),
    levels: presentLevels(levels),
    hasPhoto: view.reach === 'full' && row.has_photo,
    workingLife: row.gender && row.birth_date ? workingLifeOn(row.gender === 'nam' ? 'male' : 'female', row.birth_date, asOf) : null,
  };
}

/**
 * Personal data under Decree 13/2023 (identification number, ethnicity,
 * religion, discipline) is shown only to actors granted it; others get the
 * number masked as "0010******12" and null for the rest, with
 * `sensitiveHidden: true` so that a screen can say why.
 */
export function presentProfile(
  row: CadreRow,
  posts: readonly PostRow[],
  qualifications: readonly QualificationRow[],
  levels: LevelsByKind | undefined,
  units: UnitDirectory,
  asOf: string,
  view: RecordView,
  abilities: CadreAbilities,
) {
  const showSensitive = abilities.viewPersonalData;
  const current = view.reach === 'full';
  const held = posts.filter((post) => isHeldOn(post, asOf));
  const ethnicity = row.ethnicity_code ? ethnicityByCode(row.ethnicity_code) : undefined;
  return {
    ...presentListItem(row, held, levels, units, asOf, view),
    givenName: row.given_name,
    ethnicity: showSensitive && ethnicity ? { code: ethnicity.code, name: ethnicity.nameVi } : null,
    religion: showSensitive ? row.religion : null,
    homeTown: row.home_town,
    personalId: row.personal_id === null ? null : showSensitive ? row.personal_id : maskPersonalId(row.personal_id),
    partyJoinedOn: row.party_joined_on,
    partyJoinedPrecision: row.party_joined_precision,
    phone: current ? row.phone : null,
    email: current ? row.email : null,
    discipline: showSensitive ? row.discipline : null,
    sensitiveHidden: !showSensitive,
    postHistory: posts.map((post) => presentPost(post, units, asOf)),
    qualifications: qualifications.map((q) => presentQualification(q, asOf)),
    asOf,
    abilities,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the audit log keeps of a person: sensitive values never, only that they changed. */
export function auditSnapshotOfCadre(row: Omit<CadreRow, 'id' | 'created_at' | 'updated_at' | 'has_photo' | 'given_name'>) {
  return {
    fullName: row.full_name,
    gender: row.gender,
    birthDate: row.birth_date,
    birthDatePrecision: row.birth_date_precision,
    homeTown: row.home_town,
    partyJoinedOn: row.party_joined_on,
    phone: row.phone,
    email: row.email,
    owningUnitId: row.owning_unit_id,
    personalId: row.personal_id === null ? null : maskPersonalId(row.personal_id),
    ethnicityRecorded: row.ethnicity_code !== null,
    religionRecorded: row.religion !== null,
    disciplineRecorded: row.discipline !== null,
  };
}

export function auditSnapshotOfPost(post: Omit<NewPost, 'id' | 'cadre_id'>) {
  return {
    unitId: post.unit_id,
    titleCode: post.title_code,
    startDate: post.start_date,
    endDate: post.end_date,
    term: post.term,
    howObtained: post.how_obtained,
    concurrent: post.concurrent,
    note: post.note,
    firstTermInPartyCommittee: post.first_party_committee_term ?? false,
  };
}
