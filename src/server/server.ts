import { formatCount } from '../core/numbers.js';
import { buildApp } from './app.js';
import { ensureFirstAdmin } from './bootstrap.js';
import type { AppConfig } from './config/config.js';
import { migrateToLatest } from './db/migrator.js';
import { DEMO_SKIP_MESSAGES, demoLogins, describeDemoLogins, loadProvinceDemo } from './demo/demo.loader.js';
import { openDatabase, productVersion } from './runtime.js';
import { ensureOfficialTerritoryLoaded } from './territory/territory.service.js';

export interface StartOptions {
  config: AppConfig;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startServer({ config, log = console.log }: StartOptions): Promise<RunningServer> {
  const startedAt = Date.now();
  const version = productVersion();
  const database = await openDatabase(config, 'app', log);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) log(`Đã cập nhật cấu trúc cơ sở dữ liệu (${applied.length} bước).`);
    await ensureOfficialTerritoryLoaded(database.db, { info: log, warn: log });
    // Before the first administrator: on an empty system the demo brings its own accounts.
    if (config.loadDemo) {
      const loaded = await loadProvinceDemo(database.db, { mode: 'first-start' });
      if (loaded.status === 'loaded') {
        log(
          `Đã nạp dữ liệu minh họa: ${formatCount(loaded.keyCadres)} cán bộ chủ chốt, ${formatCount(loaded.otherStaff)} cán bộ, công chức khác (${loaded.seconds.toFixed(1)} giây).`,
        );
      } else if (loaded.reason === 'no_territory') {
        log(DEMO_SKIP_MESSAGES.no_territory);
      }
    }
    const firstAdmin = await ensureFirstAdmin(database.db);
    const demoAccounts = await demoLogins(database.db);

    const app = await buildApp({ db: database.db, config, version }, { logger: true });
    await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${config.port}`;

    log('');
    log(`Cán bộ xã ${version} đang chạy tại ${url}  (${((Date.now() - startedAt) / 1000).toFixed(1)} giây)`);
    log(database.mode === 'embedded' ? `Cơ sở dữ liệu: PostgreSQL nhúng trong ${config.dataDir}` : 'Cơ sở dữ liệu: máy chủ PostgreSQL (DATABASE_URL)');
    if (firstAdmin) {
      log('');
      log('Tài khoản quản trị đầu tiên (chỉ hiển thị một lần, hãy đổi mật khẩu khi đăng nhập):');
      log(`  Tên đăng nhập: ${firstAdmin.username}`);
      log(`  Mật khẩu:      ${firstAdmin.password}`);
    }
    if (demoAccounts) {
      log('');
      for (const line of describeDemoLogins(demoAccounts)) log(line);
      log('Dữ liệu minh họa chỉ để dùng thử; khi cài đặt thật, khởi động lần đầu với CANBOXA_DEMO=0 (hoặc npm start -- --no-demo).');
    }
    log('Nhấn Ctrl+C để dừng.');

    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        await app.close();
        await database.close();
      })();
      return stopping;
    };
    return { url, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}
