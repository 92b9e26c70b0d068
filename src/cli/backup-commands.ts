import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBackup } from '../server/backup/backup.js';
import { restoreBackup } from '../server/backup/restore.js';
import type { AppConfig } from '../server/config/config.js';
import { openDatabase, productVersion } from '../server/runtime.js';
import { UsageError } from './usage-error.js';

function summarise(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return `${Object.keys(counts).length} bảng, ${total.toLocaleString('vi-VN')} dòng`;
}

export async function backupCommand(config: AppConfig, args: string[], log: (line: string) => void): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new UsageError('Cần chỉ tệp sao lưu. Ví dụ: canboxa backup sao-luu-2025-01-01.canboxa.gz');
  const database = await openDatabase(config, 'tool', log);
  try {
    const counts = await writeBackup(database.connectionString, path.resolve(file), productVersion());
    log(`Đã sao lưu ${summarise(counts)} vào ${path.resolve(file)}`);
  } finally {
    await database.close();
  }
}

export async function restoreCommand(config: AppConfig, args: string[], log: (line: string) => void): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  const file = positionals[0];
  if (!file) throw new UsageError('Cần chỉ tệp sao lưu. Ví dụ: canboxa restore sao-luu.canboxa.gz');
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp ${file}`);
  const database = await openDatabase(config, 'tool', log);
  try {
    const counts = await restoreBackup(database.connectionString, path.resolve(file), { force: values.force === true });
    log(`Đã khôi phục và kiểm tra số dòng: ${summarise(counts)}.`);
  } finally {
    await database.close();
  }
}
