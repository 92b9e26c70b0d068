import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { formatCount } from '../../core/numbers.js';

export type CellValue = string | number | boolean | Date | null;

/** A cell as the importer sees it: a plain value, or the reason it cannot be used. */
export interface SheetCell {
  value: CellValue;
  problem?: string;
}

export interface SheetRow {
  sheetName: string;
  /** Position of the sheet in the file, from 1. */
  sheetIndex: number;
  /** The row number Excel shows. */
  number: number;
  /** Indexed by column number (1 = A). */
  cells: (SheetCell | undefined)[];
}

export interface ReadOptions {
  /** Longer text is refused cell by cell. */
  maxCellLength: number;
}

function fromValue(value: ExcelJS.CellValue, options: ReadOptions): SheetCell {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string') {
    if (value.length > options.maxCellLength) {
      return { value: null, problem: `Nội dung ô dài ${formatCount(value.length)} ký tự, vượt quá ${formatCount(options.maxCellLength)} ký tự cho phép.` };
    }
    return { value };
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { value } : { value: null, problem: 'Ô chứa giá trị số không hợp lệ (có thể là kết quả lỗi của công thức).' };
  }
  if (typeof value === 'boolean' || value instanceof Date) return { value };
  if ('richText' in value) return fromValue(value.richText.map((run) => run.text).join(''), options);
  if ('formula' in value || 'sharedFormula' in value) {
    // Formulas are never evaluated: the value Excel saved with the file is used, or the cell is refused.
    const result = value.result;
    if (result === undefined || result === null) {
      return { value: null, problem: 'Ô chứa công thức chưa có kết quả tính sẵn; hãy sao chép và dán giá trị (Paste Values) thay cho công thức.' };
    }
    if (typeof result === 'object' && 'error' in result) return { value: null, problem: `Công thức trong ô cho kết quả lỗi ${result.error}.` };
    return fromValue(result as ExcelJS.CellValue, options);
  }
  if ('error' in value) return { value: null, problem: `Ô có giá trị lỗi ${value.error}.` };
  if ('text' in value && 'hyperlink' in value) return fromValue(value.text as ExcelJS.CellValue, options);
  return { value: null, problem: 'Ô có kiểu dữ liệu không đọc được.' };
}

/** ExcelJS's reader internals that the subclass below wraps (not part of its published types). */
interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>;
}

const ExcelJsWorkbookReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => ReaderInternals;

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** "A" for 1, "AB" for 28: the letters of a column in a cell reference. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
}

/**
 * The `r` attribute of rows and cells is optional in Office Open XML (the
 * position follows from the order), and some tools (LibreOffice exports,
 * Google Sheets, WPS, HR software) leave it out; ExcelJS 4.4 then fails with
 * a TypeError. The references are put back from the order before ExcelJS
 * reads the sheet. Tags are rewritten whole: text is held back up to the last
 * complete tag of each chunk.
 */
async function* withCellReferences(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let row = 0;
  let column = 0;
  const rewrite = (text: string) =>
    text.replace(/<(row|c)(\s[^>]*?)?(\/?)>/g, (tag, name: string, attributes: string | undefined, selfClosing: string) => {
      const given = /\sr="([^"]*)"/.exec(attributes ?? '')?.[1];
      if (name === 'row') {
        row = given ? Number.parseInt(given, 10) : row + 1;
        column = 0;
        return given ? tag : `<row r="${row}"${attributes ?? ''}${selfClosing}>`;
      }
      if (given) {
        column = columnNumber(/^[A-Z]+/.exec(given)?.[0] ?? '') || column + 1;
        return tag;
      }
      column += 1;
      return `<c r="${columnLetters(column)}${row}"${attributes ?? ''}${selfClosing}>`;
    });
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    const end = pending.lastIndexOf('>');
    if (end < 0) continue;
    yield rewrite(pending.slice(0, end + 1));
    pending = pending.slice(end + 1);
  }
  if (pending !== '') yield rewrite(pending);
}

/**
 * ExcelJS 4.4 decodes each inflated chunk of a sheet separately, so a
 * Vietnamese letter whose UTF-8 bytes straddle two chunks becomes "��"
 * (exceljs issues #2084, #2316), about once every few thousand rows. Its
 * parser passes strings through untouched, so every part is handed to it
 * already decoded, with the decoder's state carried across chunks.
 */
class Utf8SafeWorkbookReader extends ExcelJsWorkbookReader {
  override _parseRels(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseRels(entry);
  }

  override _parseWorkbook(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }

  override _parseStyles(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }

  override _parseSharedStrings(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    yield* super._parseWorksheet(withCellReferences(utf8Text(iterator)), sheetNo);
  }
}

/**
 * The rows of every visible sheet, in file order, read as a stream so that
 * memory stays bounded whatever the number of rows. Call only on a file that
 * passed `assertSafeXlsx`. Breaking out of the loop stops reading.
 */
export async function* readXlsxRows(content: Buffer, options: ReadOptions): AsyncGenerator<SheetRow> {
  const input = Readable.from([content]);
  const reader = new Utf8SafeWorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheetIndex = 0;
  try {
    for await (const worksheet of reader) {
      sheetIndex += 1;
      const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; state?: string };
      const hidden = sheet.state === 'hidden' || sheet.state === 'veryHidden';
      for await (const row of sheet) {
        if (hidden) continue;
        const cells: (SheetCell | undefined)[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column] = fromValue(cell.value, options);
        });
        yield { sheetName: sheet.name ?? `Sheet${sheetIndex}`, sheetIndex, number: row.number, cells };
      }
    }
  } finally {
    input.destroy();
  }
}
