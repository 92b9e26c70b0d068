import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface SessionUserRow {
  user_id: string;
  username: string;
  full_name: string;
  role: 'admin' | 'province' | 'district' | 'commune' | 'viewer';
  unit_id: string;
  unit_level: 'country' | 'province' | 'district' | 'commune';
  can_view_sensitive: boolean;
  must_change_password: boolean;
  csrf_token: string;
  expires_at: Date;
}

export class AuthRepository {
  constructor(private readonly db: Db) {}

  findSessionUser(tokenHash: string): Promise<SessionUserRow | undefined> {
    return this.db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .innerJoin('admin_unit as unit', 'unit.id', 'u.unit_id')
      .select([
        'u.id as user_id',
        'u.username',
        'u.full_name',
        'u.role',
        'u.unit_id',
        'unit.level as unit_level',
        'u.can_view_sensitive',
        'u.must_change_password',
        's.csrf_token',
        's.expires_at',
      ])
      .where('s.token_hash', '=', tokenHash)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('u.disabled', '=', false)
      .executeTakeFirst();
  }

  findUserForLogin(db: Db, username: string) {
    return db
      .selectFrom('app_user')
      .select(['id', 'password_hash', 'disabled', 'failed_login_count', 'locked_until'])
      .where('username', '=', username)
      .forUpdate()
      .executeTakeFirst();
  }

  async recordFailure(db: Db, userId: string, maxFailures: number, lockMinutes: number): Promise<void> {
    await db
      .updateTable('app_user')
      .set((eb) => ({
        failed_login_count: sql<number>`case when ${eb.ref('failed_login_count')} + 1 >= ${maxFailures} then 0 else ${eb.ref('failed_login_count')} + 1 end`,
        locked_until: sql<Date | null>`case when ${eb.ref('failed_login_count')} + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else ${eb.ref('locked_until')} end`,
      }))
      .where('id', '=', userId)
      .execute();
  }

  async recordSuccess(db: Db, userId: string): Promise<void> {
    await db.updateTable('app_user').set({ failed_login_count: 0, locked_until: null, last_login_at: sql<Date>`now()` }).where('id', '=', userId).execute();
  }

  async createSession(
    db: Db,
    session: { tokenHash: string; userId: string; csrfToken: string; ttlHours: number; ip: string | null; userAgent: string | null },
  ): Promise<void> {
    await db
      .insertInto('user_session')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        expires_at: sql<Date>`now() + make_interval(hours => ${session.ttlHours})`,
        ip: session.ip,
        user_agent: session.userAgent,
      })
      .execute();
    // Expired sessions of this user go with each new login; no sweeper process is needed.
    await db.deleteFrom('user_session').where('user_id', '=', session.userId).where('expires_at', '<=', sql<Date>`now()`).execute();
  }

  async deleteSession(db: Db, tokenHash: string): Promise<void> {
    await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
  }

  async deleteOtherSessions(db: Db, userId: string, keepTokenHash: string | null): Promise<void> {
    await db
      .deleteFrom('user_session')
      .where('user_id', '=', userId)
      .$if(keepTokenHash !== null, (qb) => qb.where('token_hash', '!=', keepTokenHash!))
      .execute();
  }

  findPasswordHash(db: Db, userId: string) {
    return db.selectFrom('app_user').select('password_hash').where('id', '=', userId).forUpdate().executeTakeFirst();
  }

  async setPassword(db: Db, userId: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await db
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: mustChange, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
  }
}
