import { todayInVietnam } from '../../core/dates.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { seesWholeCountry } from './access.js';
import { AccessRepository, type CadreReach } from './access.repository.js';
import type { Actor } from './actor.js';

/**
 * The access policy: every question "may this actor do this to these
 * records?" is asked here, by permission name and ids, and answered for the
 * whole batch in one query (in the manner of immich's `requireAccess`).
 * Services call `requireAccess`; screens receive the answers as abilities and
 * never re-implement a role rule.
 *
 * Territorial scope is a unit subtree (province ⊃ district ⊃ commune, with
 * the units merged into them in 2025) materialised in `unit_scope`.
 * A person belongs to the units that manage them today — where they hold a
 * post, or their owning unit when they hold none; a unit that only held them
 * in the past reads those periods and changes nothing (transfers and
 * rotation, Regulation 65-QĐ/TW).
 */

/** Decided by the role alone. */
export type RolePermission =
  | 'data.write'
  | 'personalData.read'
  | 'users.manage'
  | 'audit.read'
  | 'standards.manage'
  | 'territory.manage'
  | 'territory.load'
  | 'training.focus.set'
  | 'training.plan.decide'
  | 'legal.calendar.manage'
  | 'rotation.decide';

/** Decided per record, by unit scope. */
export type RecordPermission =
  /** ids: units. */
  | 'unit.read'
  | 'unit.write'
  /** ids: communes. Villages, party organisations and cells: the commune's own office or a higher level. */
  | 'commune.records.write'
  /** ids: communes. Area classes and the weak-commune list are decided above the commune. */
  | 'commune.classification.write'
  /** ids: units keeping a programme or an instructor, which serve that unit and every unit below it. */
  | 'catalogue.read'
  | 'catalogue.write'
  /** ids: people. The periods the actor's units held the person. */
  | 'cadre.history.read'
  /** ids: people. The whole record. */
  | 'cadre.read'
  | 'cadre.write'
  /** ids: units. A petition is received by the body it is addressed to: the actor's own unit (an administrator: any unit in scope). */
  | 'petition.receive'
  /** ids: units. Succession plans of a unit are approved by the level above it (Regulation 50-QĐ/TW). */
  | 'succession.plan.write'
  /** ids: units of origin and destination. Rotations are decided by the district or province party committee and its organisation board. */
  | 'rotation.write'
  /** ids: petitions. Received by a unit in the actor's scope: higher levels follow their communes' cases. */
  | 'petition.read'
  /** ids: petitions. Handled only by the body that received it; higher levels follow, they do not act in its place. */
  | 'petition.handle'
  /** ids: petitions. A denouncer's name, address and handwriting: the users assigned to the case and administrators (Law on Denunciations 2018, art. 47–48). */
  | 'petition.identity.read';

export type Permission = RolePermission | RecordPermission;

/** What a role permission depends on: the signed-in user's role, level and personal-data right. */
export type RoleSubject = Pick<Actor, 'role' | 'unitLevel' | 'unitId' | 'canViewSensitive'>;

const ROLE_RULES: Record<RolePermission, { allows: (actor: RoleSubject) => boolean; deniedMessage?: string }> = {
  'data.write': { allows: (actor) => actor.role !== 'viewer', deniedMessage: 'Tài khoản chỉ xem không được thay đổi dữ liệu' },
  'personalData.read': { allows: (actor) => actor.role === 'admin' || actor.canViewSensitive },
  'users.manage': { allows: (actor) => actor.role === 'admin' },
  'audit.read': { allows: (actor) => actor.role === 'admin' },
  'standards.manage': { allows: (actor) => actor.role === 'admin', deniedMessage: 'Bộ tiêu chuẩn do quản trị hệ thống cập nhật theo văn bản pháp luật' },
  'territory.manage': { allows: (actor) => actor.role === 'admin' },
  'territory.load': {
    allows: (actor) => actor.role === 'admin' && seesWholeCountry(actor),
    deniedMessage: 'Chỉ quản trị viên cấp toàn quốc được nạp danh mục đơn vị hành chính',
  },
  'training.focus.set': {
    allows: (actor) => actor.role === 'admin' || actor.role === 'province',
    deniedMessage: 'Lĩnh vực trọng tâm của năm do cấp tỉnh quyết định',
  },
  'training.plan.decide': {
    allows: (actor) => actor.role === 'admin' || actor.role === 'province',
    deniedMessage: 'Kế hoạch đào tạo, bồi dưỡng do cấp tỉnh phê duyệt',
  },
  'rotation.decide': {
    // Regulation 65-QĐ/TW art. 7: the standing committee of the district or provincial party committee decides.
    allows: (actor) => actor.role === 'admin' || actor.role === 'province' || actor.role === 'district',
    deniedMessage: 'Luân chuyển, điều động cán bộ do cấp ủy, cơ quan cấp huyện, cấp tỉnh quyết định',
  },
  'legal.calendar.manage': {
    allows: (actor) => actor.role === 'admin',
    deniedMessage: 'Thời hạn theo luật và lịch ngày nghỉ do quản trị hệ thống cập nhật theo văn bản',
  },
};

/** A record the actor may not even read is "not found"; one it reads but may not change is "forbidden", with why. */
const RECORD_RULES: Record<RecordPermission, { readVia: RecordPermission | null; deniedMessage?: string }> = {
  'unit.read': { readVia: null },
  'unit.write': { readVia: 'unit.read', deniedMessage: ROLE_RULES['data.write'].deniedMessage },
  'commune.records.write': { readVia: 'unit.read', deniedMessage: 'Cán bộ cấp xã chỉ cập nhật được dữ liệu của xã mình' },
  'commune.classification.write': { readVia: 'unit.read', deniedMessage: 'Phân loại địa bàn và danh sách xã yếu kém do cấp huyện, cấp tỉnh cập nhật' },
  'catalogue.read': { readVia: null },
  'catalogue.write': {
    readVia: 'catalogue.read',
    deniedMessage: 'Chương trình, giảng viên do đơn vị cấp trên quản lý; đơn vị được sử dụng nhưng không sửa được',
  },
  'cadre.history.read': { readVia: null },
  'cadre.read': {
    readVia: 'cadre.history.read',
    deniedMessage: 'Người này hiện do đơn vị khác quản lý; đơn vị cũ chỉ xem được quá trình công tác tại đơn vị mình',
  },
  'cadre.write': {
    readVia: 'cadre.history.read',
    deniedMessage: 'Người này hiện do đơn vị khác quản lý; đơn vị cũ chỉ xem được quá trình công tác tại đơn vị mình',
  },
  'succession.plan.write': { readVia: 'unit.read', deniedMessage: 'Quy hoạch cán bộ cấp xã do cấp ủy cấp huyện, cấp tỉnh phê duyệt' },
  'rotation.write': { readVia: 'unit.read', deniedMessage: 'Luân chuyển, điều động cán bộ do cấp ủy, cơ quan cấp huyện, cấp tỉnh quyết định' },
  'petition.receive': { readVia: 'unit.read', deniedMessage: 'Đơn được tiếp nhận vào sổ của chính cơ quan nhận đơn' },
  'petition.read': { readVia: null },
  'petition.handle': {
    readVia: 'petition.read',
    deniedMessage: 'Đơn do cơ quan đã tiếp nhận xử lý; cấp trên theo dõi nhưng không xử lý thay',
  },
  'petition.identity.read': { readVia: 'petition.read', deniedMessage: 'Thông tin người tố cáo chỉ người được giao xử lý vụ việc được xem' },
};

function isRolePermission(permission: Permission): permission is RolePermission {
  return permission in ROLE_RULES;
}

export function can(actor: RoleSubject, permission: RolePermission): boolean {
  return ROLE_RULES[permission].allows(actor);
}

export function requirePermission(actor: Actor, permission: RolePermission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', ROLE_RULES[permission].deniedMessage ? { message: ROLE_RULES[permission].deniedMessage } : {});
}

const repository = new AccessRepository();

export interface AccessRequest {
  actor: Actor;
  permission: RecordPermission;
  ids: readonly string[];
}

/** Of the ids, those the permission is granted on. One query per call, whatever the number of ids. */
export async function checkAccess(db: Db, { actor, permission, ids }: AccessRequest): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  switch (permission) {
    case 'unit.read':
      return repository.unitsInScope(db, actor, ids);
    case 'unit.write':
      return can(actor, 'data.write') ? repository.unitsInScope(db, actor, ids) : new Set();
    case 'commune.records.write':
      if (!can(actor, 'data.write')) return new Set();
      return filterSet(await repository.unitsInScope(db, actor, ids), (id) => actor.role !== 'commune' || id === actor.unitId);
    case 'commune.classification.write':
      return actor.role === 'admin' || actor.role === 'province' || actor.role === 'district' ? repository.unitsInScope(db, actor, ids) : new Set();
    case 'catalogue.read': {
      if (seesWholeCountry(actor)) return repository.unitsInScope(db, actor, ids);
      const [below, above] = await Promise.all([repository.unitsInScope(db, actor, ids), repository.unitsAboveActor(db, actor, ids)]);
      return new Set([...below, ...above]);
    }
    case 'catalogue.write':
      return can(actor, 'data.write') ? repository.unitsInScope(db, actor, ids) : new Set();
    case 'cadre.history.read':
      return new Set((await cadreReach(db, actor, ids)).keys());
    case 'cadre.read':
      return reachAtLeast(await cadreReach(db, actor, ids), 'full');
    case 'cadre.write':
      return can(actor, 'data.write') ? reachAtLeast(await cadreReach(db, actor, ids), 'full') : new Set();
    case 'succession.plan.write':
      return (actor.role === 'admin' || actor.role === 'province' || actor.role === 'district') && can(actor, 'data.write')
        ? repository.unitsInScope(db, actor, ids)
        : new Set();
    case 'rotation.write':
      return can(actor, 'rotation.decide') && can(actor, 'data.write') ? repository.unitsInScope(db, actor, ids) : new Set();
    case 'petition.receive':
      if (!can(actor, 'data.write')) return new Set();
      return filterSet(await repository.unitsInScope(db, actor, ids), (id) => actor.role === 'admin' || id === actor.unitId);
    case 'petition.read':
      return new Set((await repository.petitionFacts(db, actor, ids)).keys());
    case 'petition.handle': {
      if (!can(actor, 'data.write')) return new Set();
      const facts = await repository.petitionFacts(db, actor, ids);
      return new Set([...facts].filter(([, fact]) => actor.role === 'admin' || fact.unitId === actor.unitId).map(([id]) => id));
    }
    case 'petition.identity.read': {
      const facts = await repository.petitionFacts(db, actor, ids);
      return new Set([...facts].filter(([, fact]) => actor.role === 'admin' || fact.handledByActor).map(([id]) => id));
    }
  }
}

/** Throws unless the permission is granted on every id: "not found" where the actor cannot read the record at all. */
export async function requireAccess(db: Db, request: AccessRequest): Promise<void> {
  const granted = await checkAccess(db, request);
  const denied = [...new Set(request.ids)].filter((id) => !granted.has(id));
  if (denied.length === 0) return;
  const rule = RECORD_RULES[request.permission];
  if (rule.readVia) {
    const readable = await checkAccess(db, { ...request, permission: rule.readVia, ids: denied });
    if (denied.every((id) => readable.has(id))) throw new AppError('FORBIDDEN', rule.deniedMessage ? { message: rule.deniedMessage } : {});
  }
  throw notFound();
}

/** A role permission or a record permission, whichever is named: what routes and tests ask when they only know the name. */
export async function isGranted(db: Db, actor: Actor, permission: Permission, ids: readonly string[] = []): Promise<boolean> {
  if (isRolePermission(permission)) return can(actor, permission);
  const granted = await checkAccess(db, { actor, permission, ids });
  return ids.every((id) => granted.has(id));
}

/** How far the actor reaches into each person's record (absent: not at all). */
export function cadreReach(db: Db, actor: Actor, cadreIds: readonly string[]): Promise<Map<string, CadreReach>> {
  return repository.cadreReach(db, actor, cadreIds, todayInVietnam());
}

/** Reads a person's record at the reach the actor has, or "not found". */
export async function requireCadreReach(db: Db, actor: Actor, cadreId: string): Promise<CadreReach> {
  const reach = (await cadreReach(db, actor, [cadreId])).get(cadreId);
  if (!reach) throw notFound();
  return reach;
}

function reachAtLeast(reach: Map<string, CadreReach>, level: CadreReach): Set<string> {
  return new Set([...reach].filter(([, value]) => value === level).map(([id]) => id));
}

function filterSet(ids: Set<string>, keep: (id: string) => boolean): Set<string> {
  return new Set([...ids].filter(keep));
}

export type { CadreReach };
