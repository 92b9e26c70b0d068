import { requireAccess, requirePermission } from '../access/policy.js';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { Role } from '../auth/auth.tables.js';
import { assertStrongPassword, normalizeUsername } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import type { UnitLevel } from '../territory/territory.tables.js';
import { AppError, notFound, validationError } from '../http/errors.js';
import { foldVietnamese, normalizeText } from '../../core/text.js';
import { auditSnapshotOfUser, presentManagedUser } from './users.presenter.js';
import { type UserRow, UsersRepository } from './users.repository.js';

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  unitId: string;
  password: string;
  canViewSensitive: boolean;
}

export interface UserChanges {
  fullName?: string;
  role?: Role;
  unitId?: string;
  disabled?: boolean;
  canViewSensitive?: boolean;
}

const LEVELS_FOR_ROLE: Record<Role, readonly UnitLevel[]> = {
  admin: ['country', 'province'],
  province: ['country', 'province'],
  district: ['district'],
  commune: ['commune'],
  viewer: ['country', 'province', 'district', 'commune'],
};

const LEVEL_LABELS: Record<UnitLevel, string> = {
  country: 'cấp quốc gia',
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
};

export class UsersService {
  private readonly users: UsersRepository;

  constructor(private readonly context: AppContext) {
    this.users = new UsersRepository(context.db);
  }

  async list(actor: Actor, query: { q?: string; page: number; pageSize: number }) {
    requirePermission(actor, 'users.manage');
    const folded = query.q ? foldVietnamese(query.q) : '';
    const { rows, total } = await this.users.list(actor, {
      folded: folded === '' ? null : folded,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: rows.map(presentManagedUser), total, page: query.page, pageSize: query.pageSize };
  }

  async create(actor: Actor, input: NewUser) {
    requirePermission(actor, 'users.manage');
    assertStrongPassword(input.password);
    const username = normalizeUsername(input.username);
    return this.context.db.transaction().execute(async (trx) => {
      await requireAccess(trx, { actor, permission: 'unit.read', ids: [input.unitId] });
      await this.assertRoleFitsUnit(trx, input.role, input.unitId);
      if (await this.users.usernameExists(trx, username)) throw new AppError('USERNAME_TAKEN');
      const id = await this.users.insert(trx, {
        username,
        fullName: normalizeText(input.fullName),
        role: input.role,
        unitId: input.unitId,
        passwordHash: await hashPassword(input.password),
        mustChangePassword: true,
        canViewSensitive: input.canViewSensitive,
      });
      const created = (await this.users.findById(id, trx))!;
      await writeAudit(trx, { actor, action: 'create', entity: 'user', entityId: id, after: auditSnapshotOfUser(created) });
      return presentManagedUser(created);
    });
  }

  async update(actor: Actor, id: string, changes: UserChanges) {
    requirePermission(actor, 'users.manage');
    return this.context.db.transaction().execute(async (trx) => {
      const before = await this.userInScope(trx, actor, id);
      if (changes.unitId) await requireAccess(trx, { actor, permission: 'unit.read', ids: [changes.unitId] });
      await this.assertRoleFitsUnit(trx, changes.role ?? before.role, changes.unitId ?? before.unit_id);
      const losesAdmin = before.role === 'admin' && ((changes.role && changes.role !== 'admin') || changes.disabled === true);
      if (losesAdmin && (await this.users.countAdmins(trx)) <= 1) {
        throw new AppError('CONFLICT', { message: 'Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng của hệ thống' });
      }
      if (id === actor.userId && changes.disabled === true) {
        throw new AppError('CONFLICT', { message: 'Không thể tự vô hiệu hóa tài khoản của chính mình' });
      }
      await this.users.update(trx, id, {
        ...(changes.fullName !== undefined && { full_name: normalizeText(changes.fullName) }),
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.unitId !== undefined && { unit_id: changes.unitId }),
        ...(changes.disabled !== undefined && { disabled: changes.disabled }),
        ...(changes.canViewSensitive !== undefined && { can_view_sensitive: changes.canViewSensitive }),
      });
      const after = (await this.users.findById(id, trx))!;
      await writeAudit(trx, {
        actor,
        action: 'update',
        entity: 'user',
        entityId: id,
        before: auditSnapshotOfUser(before),
        after: auditSnapshotOfUser(after),
      });
      return presentManagedUser(after);
    });
  }

  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
    requirePermission(actor, 'users.manage');
    assertStrongPassword(newPassword);
    await this.context.db.transaction().execute(async (trx) => {
      await this.userInScope(trx, actor, id);
      await this.users.replacePasswordAndRevokeSessions(trx, id, await hashPassword(newPassword));
      await writeAudit(trx, { actor, action: 'reset_password', entity: 'user', entityId: id });
    });
  }

  async unlock(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'users.manage');
    await this.context.db.transaction().execute(async (trx) => {
      await this.userInScope(trx, actor, id);
      await this.users.unlock(trx, id);
      await writeAudit(trx, { actor, action: 'unlock', entity: 'user', entityId: id });
    });
  }

  /** A commune officer bound to a province would see far more than the role intends. */
  private async assertRoleFitsUnit(db: AppContext['db'], role: Role, unitId: string): Promise<void> {
    const level = await this.users.unitLevel(db, unitId);
    if (!level) throw notFound();
    if (!LEVELS_FOR_ROLE[role].includes(level)) {
      throw validationError([{ path: 'body.unitId', message: `Vai trò này không gắn được với đơn vị ${LEVEL_LABELS[level]}` }]);
    }
  }

  /** A user account whose unit lies in the actor's scope, or "not found". */
  private async userInScope(db: Db, actor: Actor, id: string): Promise<UserRow> {
    const user = await this.users.findById(id, db);
    if (!user) throw notFound();
    await requireAccess(db, { actor, permission: 'unit.read', ids: [user.unit_id] });
    return user;
  }
}
