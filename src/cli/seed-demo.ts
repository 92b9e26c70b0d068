import { parseArgs } from 'node:util';
import { formatCount } from '../core/numbers.js';
import type { AppConfig } from '../server/config/config.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { DEMO_SKIP_MESSAGES, demoLogins, describeDemoLogins, loadNationalDemo, loadProvinceDemo } from '../server/demo/demo.loader.js';
import { openDatabase } from '../server/runtime.js';
import { ensureOfficialTerritoryLoaded } from '../server/territory/territory.service.js';
import { UsageError } from './usage-error.js';

/**
 * `canboxa seed-demo`: the demo province (Bắc Giang, 2021), or with
 * `--scale national` every commune of the country (2025), into a database
 * that has no cadre records yet. A database that already has them, or has
 * the demo, is refused (exit code 1) and left as it is.
 */
export async function seedDemoCommand(config: AppConfig, args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { scale: { type: 'string', default: 'province' }, ratio: { type: 'string' } } });
  if (values.scale !== 'province' && values.scale !== 'national') {
    throw new UsageError(`--scale nhận "province" (tỉnh Bắc Giang, mặc định) hoặc "national" (toàn quốc), không phải "${values.scale}".`);
  }
  const ratio = values.ratio === undefined ? 1 : Number(values.ratio);
  if (values.ratio !== undefined && (values.scale !== 'national' || !(ratio > 0 && ratio <= 1))) {
    throw new UsageError('--ratio chỉ dùng với --scale national, là một số trong khoảng (0, 1], ví dụ --ratio 0.1 để lấy một phần mười số xã.');
  }

  const database = await openDatabase(config, 'tool', log);
  try {
    await migrateToLatest(database.db);
    await ensureOfficialTerritoryLoaded(database.db, { info: log, warn: log });
    log(values.scale === 'national' ? 'Đang nạp dữ liệu minh họa toàn quốc…' : 'Đang nạp dữ liệu minh họa tỉnh Bắc Giang…');
    const result =
      values.scale === 'national' ? await loadNationalDemo(database.db, { scale: ratio }) : await loadProvinceDemo(database.db, { mode: 'command' });
    if (result.status === 'skipped') throw new Error(DEMO_SKIP_MESSAGES[result.reason]);
    log(
      `Đã nạp trong ${result.seconds.toFixed(1)} giây: ${formatCount(result.keyCadres)} cán bộ chủ chốt, ` +
        `${formatCount(result.otherStaff)} cán bộ, công chức khác (${formatCount(result.counts.posts)} giai đoạn chức vụ, ` +
        `${formatCount(result.counts.qualifications)} văn bằng, chứng chỉ).`,
    );
    const logins = await demoLogins(database.db);
    if (logins) for (const line of describeDemoLogins(logins)) log(line);
  } finally {
    await database.close();
  }
}
