import type { CadreReach } from './access.repository.js';
import type { Actor } from './actor.js';
import type { Db } from '../db/database.js';
import { can, checkAccess, type RoleSubject } from './policy.js';

/**
 * What the screens may offer, computed by the policy and sent with the
 * session or the record: the web shows an action only when its ability is
 * true, and never derives one from the role itself.
 */
export function sessionAbilities(actor: RoleSubject) {
  return {
    write: can(actor, 'data.write'),
    viewPersonalData: can(actor, 'personalData.read'),
    manageUsers: can(actor, 'users.manage'),
    readAudit: can(actor, 'audit.read'),
    manageStandards: can(actor, 'standards.manage'),
    manageTerritory: can(actor, 'territory.manage'),
    loadTerritory: can(actor, 'territory.load'),
    setTrainingFocus: can(actor, 'training.focus.set'),
    decideTrainingPlans: can(actor, 'training.plan.decide'),
    /** Petitions are received into the user's own unit's register. */
    receivePetitions: can(actor, 'data.write'),
    manageLegalCalendar: can(actor, 'legal.calendar.manage'),
    /** Rotations and assignments into commune posts are recorded by the deciding levels. */
    decideRotations: can(actor, 'rotation.decide') && can(actor, 'data.write'),
  };
}

export type SessionAbilities = ReturnType<typeof sessionAbilities>;

/** On one person's record, at the reach the policy found. */
export function cadreAbilities(actor: Actor, reach: CadreReach) {
  const manages = reach === 'full';
  const writes = manages && can(actor, 'data.write');
  return {
    /** 'history': only the periods spent in the actor's units are shown. */
    reach,
    edit: writes,
    changePosts: writes,
    changeQualifications: writes,
    changePhoto: writes,
    /** The owning unit moves only by the unit now managing the person, or a higher level. */
    changeOwningUnit: writes,
    downloadResume: manages,
    viewPersonalData: manages && can(actor, 'personalData.read'),
  };
}

export type CadreAbilities = ReturnType<typeof cadreAbilities>;

/** On a unit's page: villages and party organisations, area classes and weak-commune designations, dates of changes. */
export async function unitAbilities(db: Db, actor: Actor, unit: { id: string; level: string }) {
  const isCommune = unit.level === 'commune';
  const [records, classification] = await Promise.all([
    checkAccess(db, { actor, permission: 'commune.records.write', ids: [unit.id] }),
    checkAccess(db, { actor, permission: 'commune.classification.write', ids: [unit.id] }),
  ]);
  return {
    editCommuneRecords: isCommune && records.has(unit.id),
    editClassification: isCommune && classification.has(unit.id),
    correctDates: can(actor, 'territory.manage'),
  };
}
