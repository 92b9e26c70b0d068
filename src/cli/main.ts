import { parseArgs } from 'node:util';
import { loadConfig, type AppConfig } from '../server/config/config.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { openDatabase, productVersion } from '../server/runtime.js';
import { startServer } from '../server/server.js';
import { createUserCommand } from './create-user.js';
import { backupCommand, restoreCommand } from './backup-commands.js';
import { importCommand } from './import-cadres.js';
import { seedDemoCommand } from './seed-demo.js';
import { UsageError } from './usage-error.js';

const HELP = `Cán bộ xã ${productVersion()} — công cụ dòng lệnh

Cách dùng: canboxa <lệnh> [tùy chọn]

  start [--no-demo]                     chạy máy chủ (mặc định cổng 3000, PORT để đổi)
  migrate                               cập nhật cấu trúc cơ sở dữ liệu
  create-user --role R --unit MÃ --username U [--full-name "Họ tên"] [--password P]
                                        tạo tài khoản (R: admin, province, district, commune, viewer;
                                        MÃ: mã đơn vị hành chính hiện hành, "VN" cho cả nước)
  backup TỆP                            sao lưu toàn bộ dữ liệu vào một tệp (chạy được khi máy chủ đang chạy)
  restore TỆP [--force]                 khôi phục vào cơ sở dữ liệu trống (--force: xóa dữ liệu hiện có)
  seed-demo [--scale national [--ratio R]]
                                        nạp dữ liệu minh họa vào cơ sở dữ liệu chưa có hồ sơ cán bộ: tỉnh Bắc Giang
                                        (31/12/2021); --scale national: toàn quốc 2025, khoảng 50.000 cán bộ chủ chốt
                                        và 150.000 cán bộ, công chức khác (--ratio 0.1: một phần mười số xã)
  import cadres TỆP.xlsx [--dry-run] [--json]
                                        nhập danh sách cán bộ từ Excel (--dry-run: chỉ kiểm tra, không lưu;
                                        --json: in kết quả dạng JSON); tệp có lỗi thì không lưu dòng nào

Biến môi trường: PORT, HOST, DATABASE_URL, CANBOXA_DATA_DIR, CANBOXA_DEMO, LOG_LEVEL (xem README).`;

function log(line: string): void {
  console.log(line);
}

async function runStart(config: AppConfig): Promise<void> {
  const server = await startServer({ config, log });
  let signalled = false;
  const shutdown = (signal: string): void => {
    if (signalled) return;
    signalled = true;
    log(`Nhận tín hiệu ${signal}, đang dừng…`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function runMigrate(config: AppConfig): Promise<void> {
  const database = await openDatabase(config, 'tool', log);
  try {
    const applied = await migrateToLatest(database.db);
    log(applied.length > 0 ? `Đã áp dụng ${applied.length} bước: ${applied.join(', ')}` : 'Cấu trúc cơ sở dữ liệu đã là mới nhất.');
  } finally {
    await database.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: rest, options: { 'no-demo': { type: 'boolean' } } });
      if (values['no-demo']) config.loadDemo = false;
      return runStart(config);
    }
    case 'migrate':
      return runMigrate(config);
    case 'create-user':
      return createUserCommand(config, rest, log);
    case 'backup':
      return backupCommand(config, rest, log);
    case 'restore':
      return restoreCommand(config, rest, log);
    case 'import':
      return importCommand(config, rest, log);
    case 'seed-demo':
      return seedDemoCommand(config, rest, log);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      log(HELP);
      return;
    default:
      throw new UsageError(`Lệnh không rõ: "${command}".\n\n${HELP}`);
  }
}
