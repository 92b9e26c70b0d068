import { parseArgs } from 'node:util';
import type { AppConfig } from '../server/config/config.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { openDatabase } from '../server/runtime.js';
import { createUserFromCommandLine } from '../server/users/users.cli.js';
import { generatePassword } from '../server/auth/passwords.js';
import { ROLES, type Role } from '../server/auth/auth.tables.js';
import { UsageError } from './usage-error.js';

export async function createUserCommand(config: AppConfig, args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      unit: { type: 'string' },
      username: { type: 'string' },
      'full-name': { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (!values.role || !values.unit || !values.username) {
    throw new UsageError('Cần đủ --role, --unit và --username. Ví dụ: canboxa create-user --role province --unit 24 --username tinh.bacgiang');
  }
  if (!ROLES.includes(values.role as Role)) {
    throw new UsageError(`Vai trò "${values.role}" không hợp lệ; chọn một trong: ${ROLES.join(', ')}`);
  }
  const password = values.password ?? generatePassword();
  const database = await openDatabase(config, 'tool', log);
  try {
    await migrateToLatest(database.db);
    const user = await createUserFromCommandLine(database.db, {
      role: values.role as Role,
      unitCode: values.unit,
      username: values.username,
      fullName: values['full-name'] ?? values.username,
      password,
    });
    log(`Đã tạo tài khoản "${user.username}" (${user.role}) gắn với ${user.unit.name}.`);
    if (!values.password) log(`Mật khẩu tạm thời (đổi khi đăng nhập lần đầu): ${password}`);
  } finally {
    await database.close();
  }
}
