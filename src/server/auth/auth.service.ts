import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import { writeAudit } from '../audit/audit.writer.js';
import { dataChangesOf } from '../cache/data-changes.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { presentCurrentUser } from '../users/users.presenter.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthRepository, type SessionUserRow } from './auth.repository.js';
import { SessionCache } from './session-cache.js';
import { isLongEnoughPassword } from '../../core/password-policy.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export class AuthService {
  private readonly repository: AuthRepository;
  private readonly users: UsersRepository;
  private readonly sessions: SessionCache;

  constructor(private readonly context: AppContext) {
    this.repository = new AuthRepository(context.db);
    this.users = new UsersRepository(context.db);
    this.sessions = new SessionCache(dataChangesOf(context.db));
  }

  async actorForSession(token: string, ip: string | null): Promise<{ actor: Actor; csrfToken: string; mustChangePassword: boolean } | undefined> {
    const tokenHash = hashSessionToken(token);
    let row = this.sessions.find(tokenHash);
    if (!row) {
      const version = dataChangesOf(this.context.db)?.version('sessions') ?? null;
      row = await this.repository.findSessionUser(tokenHash);
      if (row) this.sessions.remember(tokenHash, row, version, row.expires_at);
    }
    return row ? { actor: toActor(row, ip), csrfToken: row.csrf_token, mustChangePassword: row.must_change_password } : undefined;
  }

  async login(username: string, password: string, client: ClientInfo) {
    const normalized = normalizeUsername(username);
    const outcome = await this.context.db.transaction().execute(async (trx) => {
      const user = await this.repository.findUserForLogin(trx, normalized);
      if (!user) {
        await verifyAgainstDummy(password);
        return { ok: false as const, error: new AppError('AUTH_INVALID_CREDENTIALS') };
      }
      if (user.locked_until && user.locked_until > new Date()) {
        const retryAfterSeconds = Math.ceil((user.locked_until.getTime() - Date.now()) / 1000);
        return { ok: false as const, error: new AppError('AUTH_LOCKED', { details: { retryAfterSeconds } }) };
      }
      if (!(await verifyPassword(password, user.password_hash))) {
        await this.repository.recordFailure(trx, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
        await writeAudit(trx, { actor: null, action: 'login_failed', entity: 'user', entityId: user.id, summary: normalized, ip: client.ip });
        return { ok: false as const, error: new AppError('AUTH_INVALID_CREDENTIALS') };
      }
      if (user.disabled) {
        return { ok: false as const, error: new AppError('AUTH_ACCOUNT_DISABLED') };
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      await this.repository.recordSuccess(trx, user.id);
      await this.repository.createSession(trx, {
        tokenHash: hashSessionToken(token),
        userId: user.id,
        csrfToken,
        ttlHours: this.context.config.sessionTtlHours,
        ip: client.ip,
        userAgent: client.userAgent,
      });
      await writeAudit(trx, { actor: null, action: 'login', entity: 'user', entityId: user.id, summary: normalized, ip: client.ip });
      const view = await this.users.findById(user.id, trx);
      return { ok: true as const, token, csrfToken, user: presentCurrentUser(view!) };
    });
    // A failed attempt still commits its counter; only then is the failure reported.
    if (!outcome.ok) throw outcome.error;
    return outcome;
  }

  async logout(actor: Actor, token: string): Promise<void> {
    await this.context.db.transaction().execute(async (trx) => {
      await this.repository.deleteSession(trx, hashSessionToken(token));
      await writeAudit(trx, { actor, action: 'logout', entity: 'user', entityId: actor.userId });
    });
  }

  async me(actor: Actor) {
    const row = await this.users.findById(actor.userId);
    if (!row) throw new AppError('AUTH_REQUIRED');
    return presentCurrentUser(row);
  }

  async changeOwnPassword(actor: Actor, token: string, currentPassword: string, newPassword: string): Promise<void> {
    assertStrongPassword(newPassword);
    await this.context.db.transaction().execute(async (trx) => {
      const stored = await this.repository.findPasswordHash(trx, actor.userId);
      if (!stored || !(await verifyPassword(currentPassword, stored.password_hash))) {
        throw new AppError('AUTH_WRONG_CURRENT_PASSWORD');
      }
      await this.repository.setPassword(trx, actor.userId, await hashPassword(newPassword), false);
      // Other devices signed in with the old password are signed out.
      await this.repository.deleteOtherSessions(trx, actor.userId, hashSessionToken(token));
      await writeAudit(trx, { actor, action: 'change_password', entity: 'user', entityId: actor.userId });
    });
  }
}

export function assertStrongPassword(password: string): void {
  if (!isLongEnoughPassword(password)) throw new AppError('AUTH_WEAK_PASSWORD');
}

function toActor(row: SessionUserRow, ip: string | null): Actor {
  return {
    userId: row.user_id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    unitId: row.unit_id,
    unitLevel: row.unit_level,
    canViewSensitive: row.role === 'admin' || row.can_view_sensitive,
    ip,
  };
}
