import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Db } from '../db/database.js';
import type { AppUserTable, Role } from '../auth/auth.tables.js';
import type { UnitLevel } from '../territory/territory.tables.js';
import type { Actor } from '../access/actor.js';
import { unitInScope } from '../access/access.js';

export interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  unit_id: string;
  unit_code: string;
  unit_level: 'country' | 'province' | 'district' | 'commune';
  unit_name: string | null;
  can_view_sensitive: boolean;
  must_change_password: boolean;
  disabled: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}

/** The unit's name as of today, or its last name if it no longer exists. */
function currentUnitName(eb: ExpressionBuilder<Database & { u: AppUserTable }, 'u'>) {
  return eb
    .selectFrom('admin_unit_version as v')
    .select('v.name')
    .whereRef('v.unit_id', '=', 'u.unit_id')
    .where((inner) => inner.or([inner('v.valid_from', 'is', null), inner('v.valid_from', '<=', sql<string>`current_date`)]))
    .orderBy(sql`v.valid_from desc nulls last`)
    .limit(1)
    .as('unit_name');
}

export class UsersRepository {
  constructor(private readonly db: Db) {}

  private baseQuery(db: Db) {
    return db
      .selectFrom('app_user as u')
      .innerJoin('admin_unit as unit', 'unit.id', 'u.unit_id')
      .select((eb) => [
        'u.id',
        'u.username',
        'u.full_name',
        'u.role',
        'u.unit_id',
        'unit.code as unit_code',
        'unit.level as unit_level',
        currentUnitName(eb),
        'u.can_view_sensitive',
        'u.must_change_password',
        'u.disabled',
        'u.locked_until',
        'u.last_login_at',
        'u.created_at',
      ]);
  }

  findById(id: string, db: Db = this.db): Promise<UserRow | undefined> {
    return this.baseQuery(db).where('u.id', '=', id).executeTakeFirst();
  }

  async list(actor: Actor, filter: { folded: string | null; offset: number; limit: number }): Promise<{ rows: UserRow[]; total: number }> {
    const visible = this.db
      .selectFrom('app_user as u')
      .where(unitInScope(actor, 'u.unit_id'))
      .$if(filter.folded !== null, (qb) =>
        qb.where(sql<boolean>`(lower(u.username) like ${`%${filter.folded}%`} or fold_vi(u.full_name) like ${`%${filter.folded}%`})`),
      );
    const [rows, count] = await Promise.all([
      this.baseQuery(this.db)
        .where('u.id', 'in', visible.select('u.id'))
        .orderBy(sql`u.full_name collate "vi-VN-x-icu"`)
        .orderBy('u.id')
        .offset(filter.offset)
        .limit(filter.limit)
        .execute(),
      visible.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }

  usernameExists(db: Db, username: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  }

  async insert(
    db: Db,
    user: { username: string; fullName: string; role: Role; unitId: string; passwordHash: string; mustChangePassword: boolean; canViewSensitive: boolean },
  ): Promise<string> {
    const row = await db
      .insertInto('app_user')
      .values({
        username: user.username,
        full_name: user.fullName,
        role: user.role,
        unit_id: user.unitId,
        password_hash: user.passwordHash,
        must_change_password: user.mustChangePassword,
        can_view_sensitive: user.canViewSensitive,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(
    db: Db,
    id: string,
    changes: Partial<{ full_name: string; role: Role; unit_id: string; disabled: boolean; can_view_sensitive: boolean }>,
  ): Promise<void> {
    await db
      .updateTable('app_user')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  async unlock(db: Db, id: string): Promise<void> {
    await db.updateTable('app_user').set({ failed_login_count: 0, locked_until: null }).where('id', '=', id).execute();
  }

  async countAdmins(db: Db): Promise<number> {
    const row = await db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('role', '=', 'admin')
      .where('disabled', '=', false)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async replacePasswordAndRevokeSessions(db: Db, id: string, passwordHash: string): Promise<void> {
    await db.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: true }).where('id', '=', id).execute();
    await db.deleteFrom('user_session').where('user_id', '=', id).execute();
  }

  async unitLevel(db: Db, unitId: string): Promise<UnitLevel | undefined> {
    const unit = await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirst();
    return unit?.level;
  }

  async anyExists(db: Db): Promise<boolean> {
    return (await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  async countryUnitId(db: Db): Promise<string> {
    const country = await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow();
    return country.id;
  }

  /** Codes are reused across periods: a code names a unit only together with a date. */
  async findUnitIdByCode(db: Db, code: string, asOf: string): Promise<string | undefined> {
    const unit = await db
      .selectFrom('admin_unit')
      .select('id')
      .where('code', '=', code)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', asOf)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', asOf)]))
      .orderBy('id')
      .executeTakeFirst();
    return unit?.id;
  }
}
