import { writeAudit } from '../audit/audit.writer.js';
import { assertStrongPassword, normalizeUsername } from '../auth/auth.service.js';
import type { Role } from '../auth/auth.tables.js';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { normalizeText } from '../../core/text.js';
import { todayInVietnam } from '../../core/dates.js';
import { presentCurrentUser } from './users.presenter.js';
import { UsersRepository } from './users.repository.js';

/** `canboxa create-user`: the operator at the server's console acts as the system, recorded as such. */
export async function createUserFromCommandLine(db: Db, input: { role: Role; unitCode: string; username: string; fullName: string; password: string }) {
  assertStrongPassword(input.password);
  const users = new UsersRepository(db);
  const username = normalizeUsername(input.username);
  return db.transaction().execute(async (trx) => {
    const unitId = await users.findUnitIdByCode(trx, input.unitCode.trim(), todayInVietnam());
    if (!unitId) throw new AppError('NOT_FOUND', { message: `Không có đơn vị hành chính mã "${input.unitCode}" đang có hiệu lực hôm nay` });
    if (await users.usernameExists(trx, username)) throw new AppError('USERNAME_TAKEN');
    const id = await users.insert(trx, {
      username,
      fullName: normalizeText(input.fullName),
      role: input.role,
      unitId,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
      canViewSensitive: input.role === 'admin',
    });
    await writeAudit(trx, { actor: null, action: 'create', entity: 'user', entityId: id, summary: 'Tạo bằng dòng lệnh' });
    return presentCurrentUser((await users.findById(id, trx))!);
  });
}
