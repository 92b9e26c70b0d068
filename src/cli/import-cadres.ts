import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatCount } from '../core/numbers.js';
import type { CadreImportResult } from '../server/imports/cadre-import.js';
import { CadreImportService } from '../server/imports/cadre-import.js';
import type { AppConfig } from '../server/config/config.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { AppError } from '../server/http/errors.js';
import { openDatabase, productVersion } from '../server/runtime.js';
import { UsageError } from './usage-error.js';

const USAGE = 'Cách dùng: canboxa import cadres TỆP.xlsx [--dry-run] [--json]';
// The console may import larger files than the web upload allows; the zip limits still apply.
const MAX_FILE_BYTES = 100 * 1024 * 1024;

function describe(result: CadreImportResult): string[] {
  const lines = [
    `Tệp: ${result.fileName} (SHA-256 ${result.sha256})`,
    `${result.dryRun ? 'Kiểm tra, không lưu' : 'Nhập'}: ${formatCount(result.rows)} dòng — ${formatCount(result.created)} người mới, ${formatCount(result.updated)} người đã có (${formatCount(result.unchanged)} không thay đổi); ${formatCount(result.postsAdded)} giai đoạn chức vụ mới, ${formatCount(result.postsEnded)} giai đoạn được kết thúc; ${formatCount(result.qualificationsAdded)} trình độ mới.`,
  ];
  for (const error of result.errors) {
    lines.push(`  Lỗi dòng ${error.row}${error.column ? `, cột «${error.column}»` : ''}${error.value ? ` («${error.value}»)` : ''}: ${error.message}`);
  }
  if (result.errorCount > result.errors.length) lines.push(`  … và ${formatCount(result.errorCount - result.errors.length)} lỗi khác.`);
  for (const warning of result.warnings) {
    lines.push(`  Lưu ý dòng ${warning.row}${warning.column ? `, cột «${warning.column}»` : ''}: ${warning.message}`);
  }
  if (result.errorCount > 0) lines.push(`Có ${formatCount(result.errorCount)} lỗi: không có dữ liệu nào được lưu. Sửa tệp rồi nhập lại.`);
  else if (result.committed) lines.push('Đã lưu toàn bộ vào cơ sở dữ liệu.');
  else lines.push('Tệp hợp lệ. Chạy lại không có --dry-run để lưu.');
  return lines;
}

/** `canboxa import cadres FILE [--dry-run] [--json]`: the same import as the web, run by the console operator. */
export async function importCommand(
  config: AppConfig,
  args: string[],
  log: (line: string) => void,
  output: (text: string) => void = (text) => process.stdout.write(text),
): Promise<void> {
  const [kind, ...rest] = args;
  if (kind !== 'cadres') throw new UsageError(USAGE);
  const { positionals, values } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const size = await stat(file).then(
    (info) => info.size,
    () => {
      throw new UsageError(`Không tìm thấy tệp ${file}`);
    },
  );
  if (size > MAX_FILE_BYTES) throw new UsageError(`Tệp ${file} lớn hơn ${formatCount(MAX_FILE_BYTES / 1024 / 1024)} MB; hãy chia nhỏ.`);
  const json = values.json === true;
  const content = await readFile(file);
  // With --json, stdout carries only the JSON answer; progress goes to stderr.
  const progress = json ? (line: string) => process.stderr.write(`${line}\n`) : log;
  const database = await openDatabase(config, 'tool', progress);
  try {
    await migrateToLatest(database.db);
    const importer = new CadreImportService({ db: database.db, config, version: productVersion() });
    await importer.ensureTerritory({ info: progress, warn: progress });
    let result: CadreImportResult;
    try {
      result = await importer.importFile(null, { fileName: path.basename(file), content }, { dryRun: values['dry-run'] === true });
    } catch (error) {
      if (json && error instanceof AppError) {
        output(`${JSON.stringify({ error: { id: error.id, message: error.message } }, null, 2)}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
    if (json) output(`${JSON.stringify(result, null, 2)}\n`);
    else for (const line of describe(result)) log(line);
    if (result.errorCount > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
