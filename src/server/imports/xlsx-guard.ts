import zlib from 'node:zlib';
import { formatCount } from '../../core/numbers.js';
import { AppError } from '../http/errors.js';

/**
 * An .xlsx file is a zip archive. Before any spreadsheet library reads an
 * uploaded one, this checks it the way a careful human would not bother to:
 * the zip magic, the central directory, that every entry lies where the
 * directory says (a streaming reader walks the local headers, so no hidden
 * entries in between), and that each entry really inflates to the size it
 * declares, counting bytes without keeping them. A zip bomb is refused from
 * the declared sizes, and a lying one when its inflated bytes pass the
 * declared size.
 */

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 5_000 };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function notXlsx(message?: string): AppError {
  return new AppError('IMPORT_NOT_XLSX', message ? { message } : {});
}

function tooLarge(limit: number): AppError {
  return new AppError('IMPORT_FILE_TOO_LARGE', {
    message: `Tệp Excel quá lớn: dữ liệu sau khi giải nén vượt quá ${formatCount(limit / 1024 / 1024)} MB. Hãy chia thành nhiều tệp nhỏ hơn.`,
  });
}

function findEndOfCentralDirectory(content: Buffer): number {
  const lowest = Math.max(0, content.length - 22 - 0xffff);
  for (let offset = content.length - 22; offset >= lowest; offset -= 1) {
    if (content.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw notXlsx();
}

function readCentralDirectory(content: Buffer, limits: ZipLimits): { entries: Entry[]; directoryOffset: number } {
  const end = findEndOfCentralDirectory(content);
  const entryCount = content.readUInt16LE(end + 10);
  const directorySize = content.readUInt32LE(end + 12);
  const directoryOffset = content.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw notXlsx('Tệp không phải Excel (.xlsx) thông thường (định dạng ZIP64 không được hỗ trợ).');
  }
  if (content.readUInt16LE(end + 4) !== 0 || content.readUInt16LE(end + 8) !== entryCount) throw notXlsx();
  if (entryCount > limits.maxEntries) throw notXlsx(`Tệp không phải Excel (.xlsx): có ${formatCount(entryCount)} thành phần nén, quá nhiều.`);
  if (directoryOffset + directorySize > end) throw notXlsx();

  const entries: Entry[] = [];
  let declaredTotal = 0;
  let offset = directoryOffset;
  for (let i = 0; i < entryCount; i += 1) {
    if (offset + 46 > end || content.readUInt32LE(offset) !== CENTRAL_HEADER) throw notXlsx();
    const nameLength = content.readUInt16LE(offset + 28);
    const entry: Entry = {
      flags: content.readUInt16LE(offset + 8),
      method: content.readUInt16LE(offset + 10),
      compressedSize: content.readUInt32LE(offset + 20),
      uncompressedSize: content.readUInt32LE(offset + 24),
      localOffset: content.readUInt32LE(offset + 42),
      name: content.toString('utf8', offset + 46, offset + 46 + nameLength),
    };
    if (entry.flags & 0x1) throw notXlsx('Tệp Excel đang được đặt mật khẩu; hãy bỏ mật khẩu rồi lưu lại dạng .xlsx.');
    if (entry.method !== 0 && entry.method !== 8) throw notXlsx();
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxUncompressedBytes) throw tooLarge(limits.maxUncompressedBytes);
    entries.push(entry);
    offset += 46 + nameLength + content.readUInt16LE(offset + 30) + content.readUInt16LE(offset + 32);
  }
  return { entries, directoryOffset };
}

/** Entries back to back from the first byte to the central directory: nothing a streaming reader could see that the directory does not list. */
function dataRanges(content: Buffer, entries: Entry[], directoryOffset: number): { entry: Entry; start: number; end: number }[] {
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const ranges: { entry: Entry; start: number; end: number }[] = [];
  let expected = 0;
  for (const entry of ordered) {
    const at = entry.localOffset;
    if (at !== expected || at + 30 > directoryOffset || content.readUInt32LE(at) !== LOCAL_HEADER) throw notXlsx();
    const start = at + 30 + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > directoryOffset) throw notXlsx();
    expected = end;
    if (entry.flags & 0x8) {
      const descriptorLength = end + 4 <= directoryOffset && content.readUInt32LE(end) === DATA_DESCRIPTOR ? 16 : 12;
      expected = end + descriptorLength;
    }
    ranges.push({ entry, start, end });
  }
  if (expected !== directoryOffset) throw notXlsx();
  return ranges;
}

function inflatedSizeAtMost(data: Buffer, limit: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let total = 0;
    let settled = false;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit && !settled) {
        settled = true;
        inflate.destroy();
        resolve(null);
      }
    });
    inflate.on('end', () => {
      if (!settled) resolve(total);
    });
    inflate.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    inflate.end(data);
  });
}

export async function assertSafeXlsx(content: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<void> {
  if (content.length >= 8 && content.subarray(0, 8).equals(OLE_MAGIC)) {
    throw notXlsx('Tệp không phải Excel (.xlsx): đây là tệp Excel 97–2003 (.xls) hoặc tệp Excel có mật khẩu. Hãy mở bằng Excel và lưu lại dạng .xlsx.');
  }
  if (content.length < 30 || content.readUInt32LE(0) !== LOCAL_HEADER) throw notXlsx();
  const { entries, directoryOffset } = readCentralDirectory(content, limits);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw notXlsx();

  for (const { entry, start, end } of dataRanges(content, entries, directoryOffset)) {
    const data = content.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw notXlsx();
      continue;
    }
    let size: number | null;
    try {
      size = await inflatedSizeAtMost(data, entry.uncompressedSize);
    } catch {
      throw notXlsx('Tệp không phải Excel (.xlsx) hợp lệ: nội dung nén bị hỏng.');
    }
    if (size === null) throw tooLarge(limits.maxUncompressedBytes);
    if (size !== entry.uncompressedSize) throw notXlsx('Tệp không phải Excel (.xlsx) hợp lệ: nội dung nén bị hỏng.');
  }
}
