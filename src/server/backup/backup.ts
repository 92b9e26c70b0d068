import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * A backup is one gzip file: a header line (JSON: format, schema version,
 * tables with their columns), then each table's rows in COPY text format
 * ending with `\.`, then a trailer line with every table's row count. It
 * needs no pg_dump and reads one consistent snapshot while the app serves.
 */

export const BACKUP_MAGIC = 'CANBOXA-BACKUP';
const FORMAT_VERSION = 1;
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

interface TableLayout {
  name: string;
  columns: string[];
}

interface BackupHeader {
  magic: typeof BACKUP_MAGIC;
  format: number;
  productVersion: string;
  schemaVersion: string;
  createdAt: string;
  tables: TableLayout[];
}

interface BackupTrailer {
  rowCounts: Record<string, number>;
}

export class BackupFormatError extends Error {}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Application tables, parents before children, so that a restore satisfies every foreign key as it goes. */
export async function tablesInDependencyOrder(client: pg.ClientBase): Promise<TableLayout[]> {
  const tables = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and not (table_name = any($1))
     order by table_name`,
    [MIGRATION_TABLES],
  );
  const columns = await client.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`,
  );
  const references = await client.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
  );
  const parentsOf = new Map<string, Set<string>>();
  for (const { child, parent } of references.rows) {
    const key = child.replaceAll('"', '');
    parentsOf.set(key, (parentsOf.get(key) ?? new Set()).add(parent.replaceAll('"', '')));
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const parent of parentsOf.get(name) ?? []) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const { name } of tables.rows) visit(name);
  return ordered.map((name) => ({
    name,
    columns: columns.rows.filter((column) => column.table_name === name).map((column) => column.column_name),
  }));
}

async function currentSchemaVersion(client: pg.ClientBase): Promise<string> {
  const result = await client.query<{ name: string }>('select name from kysely_migration order by name desc limit 1');
  const name = result.rows[0]?.name;
  if (!name) throw new BackupFormatError('Cơ sở dữ liệu chưa có cấu trúc (chưa chạy migrate), không có gì để sao lưu');
  return name;
}

async function primaryKeyOrder(client: pg.ClientBase, table: string): Promise<string> {
  const result = await client.query<{ column_name: string }>(
    `select a.attname as column_name from pg_index i
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
    [quoteIdent(table)],
  );
  return result.rows.length > 0 ? result.rows.map((row) => quoteIdent(row.column_name)).join(', ') : '1';
}

export async function writeBackup(connectionString: string, file: string, productVersion: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const gzip = createGzip();
  const output = createWriteStream(file);
  const written = pipeline(gzip, output);
  const rowCounts: Record<string, number> = {};
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await tablesInDependencyOrder(client);
    const header: BackupHeader = {
      magic: BACKUP_MAGIC,
      format: FORMAT_VERSION,
      productVersion,
      schemaVersion: await currentSchemaVersion(client),
      createdAt: new Date().toISOString(),
      tables,
    };
    gzip.write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const columnList = table.columns.map(quoteIdent).join(', ');
      const order = await primaryKeyOrder(client, table.name);
      const stream = client.query(copyTo(`copy (select ${columnList} from ${quoteIdent(table.name)} order by ${order}) to stdout`));
      let rows = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        for (const byte of chunk) if (byte === 0x0a) rows += 1;
        if (!gzip.write(chunk)) await once(gzip, 'drain');
      }
      gzip.write('\\.\n');
      rowCounts[table.name] = rows;
    }
    await client.query('commit');
    const trailer: BackupTrailer = { rowCounts };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await written;
    return rowCounts;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export interface BackupContents {
  header: BackupHeader;
  /** Streams each table's COPY data in file order; resolves with the trailer's counts. */
  forEachTable: (load: (table: TableLayout, data: Readable) => Promise<void>) => Promise<Record<string, number>>;
}

export async function openBackup(file: string): Promise<BackupContents> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  /** The next line; a file cut short or damaged inside its gzip stream is said so in Vietnamese, naming where. */
  const nextLine = (where: string) =>
    lines.next().catch((error: unknown) => {
      throw new BackupFormatError(`Tệp sao lưu bị cắt cụt hoặc hỏng (${where}); hãy dùng một bản sao lưu đầy đủ`, { cause: error });
    });
  const first = await lines.next().catch((error: unknown) => {
    throw new BackupFormatError('Tệp sao lưu không đọc được (không phải tệp gzip hợp lệ)', { cause: error });
  });
  let header: BackupHeader;
  try {
    header = JSON.parse(first.value ?? '') as BackupHeader;
  } catch {
    throw new BackupFormatError('Tệp không phải bản sao lưu của Cán bộ xã');
  }
  if (header.magic !== BACKUP_MAGIC) throw new BackupFormatError('Tệp không phải bản sao lưu của Cán bộ xã');
  if (header.format !== FORMAT_VERSION) throw new BackupFormatError(`Định dạng sao lưu phiên bản ${header.format} chưa được hỗ trợ`);

  return {
    header,
    forEachTable: async (load) => {
      for (const table of header.tables) {
        let reachedEnd = false;
        async function* tableLines(): AsyncGenerator<string> {
          for (;;) {
            const next = await nextLine(`khi đang đọc bảng ${table.name}`);
            if (next.done) throw new BackupFormatError(`Tệp sao lưu bị cắt cụt khi đang đọc bảng ${table.name}`);
            if (next.value === '\\.') {
              reachedEnd = true;
              return;
            }
            yield `${next.value}\n`;
          }
        }
        await load(table, Readable.from(tableLines()));
        if (!reachedEnd) throw new BackupFormatError(`Dữ liệu bảng ${table.name} trong tệp sao lưu không đọc hết được`);
      }
      const last = await nextLine('ở phần tổng kết số dòng');
      try {
        return (JSON.parse(last.value ?? '') as BackupTrailer).rowCounts;
      } catch {
        throw new BackupFormatError('Tệp sao lưu thiếu phần tổng kết số dòng (tệp bị cắt cụt)');
      }
    },
  };
}

export async function copyIntoTable(client: pg.ClientBase, table: TableLayout, data: Readable): Promise<number> {
  const columnList = table.columns.map(quoteIdent).join(', ');
  const sink = client.query(copyFrom(`copy ${quoteIdent(table.name)} (${columnList}) from stdin`)) as Writable & { rowCount?: number };
  await pipeline(data, sink);
  return sink.rowCount ?? 0;
}
