import { parse } from 'csv-parse/sync';
import { foldHeader, normalizeText } from '../../core/text.js';
import { validationError } from '../http/errors.js';

/** A spreadsheet exported by hand: Vietnamese headers in any case or accents, comma or semicolon separated. */

export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
}

export interface ImportLine {
  line: number;
  values: Record<string, string>;
}

export interface LineError {
  line: number;
  message: string;
}

export function importFailed(errors: LineError[]) {
  const shown = errors.slice(0, 20).map((error) => `Dòng ${error.line}: ${error.message}`);
  const more = errors.length > shown.length ? `; … và ${errors.length - shown.length} lỗi khác` : '';
  return validationError(
    errors.map((error) => ({ path: `line.${error.line}`, message: error.message })),
    `Tệp có ${errors.length} lỗi, chưa có dòng nào được lưu. ${shown.join('; ')}${more}`,
  );
}

export function readImportCsv(text: string, columns: readonly ImportColumn[]): ImportLine[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, delimiter, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw importFailed([{ line: (error as { lines?: number }).lines ?? 1, message: 'không đọc được dòng CSV (dấu ngoặc kép không đóng?)' }]);
  }
  const header = records[0]?.record ?? [];
  const byFolded = new Map(columns.map((column) => [foldHeader(column.header), column]));
  const positions = new Map<string, number>();
  const problems: string[] = [];
  header.forEach((name, index) => {
    const column = byFolded.get(foldHeader(name));
    if (!column) {
      if (name.trim() !== '') problems.push(`cột «${name.trim()}» không được hỗ trợ`);
    } else if (positions.has(column.key)) {
      problems.push(`cột «${column.header}» xuất hiện hai lần`);
    } else {
      positions.set(column.key, index);
    }
  });
  for (const column of columns) if (column.required && !positions.has(column.key)) problems.push(`thiếu cột «${column.header}»`);
  if (problems.length > 0) {
    throw importFailed([{ line: 1, message: `tiêu đề cột không đúng: ${problems.join(', ')}. Cần các cột: ${columns.map((c) => c.header).join(', ')}` }]);
  }
  const lines = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((column) => [column.key, normalizeText(record[positions.get(column.key) ?? -1] ?? '')])),
  }));
  if (lines.length === 0) throw importFailed([{ line: 2, message: 'tệp không có dòng dữ liệu nào' }]);
  return lines;
}
