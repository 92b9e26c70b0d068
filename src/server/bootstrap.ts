import { sql } from 'kysely';
import type { Db } from './db/database.js';
import { generatePassword, hashPassword } from './auth/passwords.js';
import { writeAudit } from './audit/audit.writer.js';
import { UsersRepository } from './users/users.repository.js';

export interface BootstrapAdmin {
  username: string;
  password: string;
}

const FIRST_ADMIN_LOCK = 7412001;

/** Serialises start-up work across app instances sharing one PostgreSQL server. */
export async function withStartupLock<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`.execute(trx);
    return work(trx);
  });
}

/**
 * An empty system gets one administrator with a random password, shown once;
 * they must change it at first login.
 */
export async function ensureFirstAdmin(db: Db): Promise<BootstrapAdmin | undefined> {
  const users = new UsersRepository(db);
  return withStartupLock(db, async (trx) => {
    if (await users.anyExists(trx)) return undefined;
    const password = generatePassword();
    const id = await users.insert(trx, {
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      role: 'admin',
      unitId: await users.countryUnitId(trx),
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      canViewSensitive: true,
    });
    await writeAudit(trx, { actor: null, action: 'create', entity: 'user', entityId: id, summary: 'Tài khoản quản trị đầu tiên' });
    return { username: 'admin', password };
  });
}
