import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Actor } from '../src/server/access/actor.js';
import { CadreImportService } from '../src/server/imports/cadre-import.js';
import { CadreListService } from '../src/server/cadres/cadre-list.service.js';
import { loadConfig } from '../src/server/config/config.js';
import type { Db } from '../src/server/db/database.js';

/**
 * Measurements of the cadre registry for the bench runner. Each function
 * seeds its own territory (codes starting with a random tag) into the given,
 * migrated database and returns numbers; nothing is asserted here.
 *
 * Targets: import ≥ 2,000 rows/s with peak RSS ≤ 500 MB for 50,000 rows;
 * list paging p95 ≤ 50 ms at 200,000 people.
 */

export interface ImportBenchResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  created: number;
}

export interface ListBenchResult {
  people: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The slowest scenario, to know what to look at. */
  slowest: string;
  /** Median milliseconds of each scenario. */
  byScenario: Record<string, number>;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Khánh',
  'Lan',
  'Long',
  'Minh',
  'Nam',
  'Ngọc',
  'Phương',
  'Quang',
  'Sơn',
  'Thảo',
  'Thành',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
];
const TITLES = ['Bí thư ĐU', 'PBT', 'CT HĐND', 'PCT HĐND', 'CT UBND', 'PCT UBND', 'Chủ tịch MTTQ', 'Bí thư Đoàn', 'Chủ tịch Hội LHPN', 'Chủ tịch Hội Nông dân'];
const PROFESSIONAL = ['ĐH', 'Đại học', 'Cử nhân', 'Kỹ sư', 'ThS', 'Thạc sỹ', 'TC', 'Cao đẳng'];
const THEORY = ['TC', 'Trung cấp', 'CC', 'Cao cấp', 'Cử nhân chính trị', ''];

function actorFor(unitId: string, unitLevel: Actor['unitLevel']): Actor {
  return { userId: '0', username: 'bench', fullName: 'Bench', role: 'admin', unitId, unitLevel, canViewSensitive: true, ip: null };
}

async function countryId(db: Db): Promise<string> {
  return (await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow()).id;
}

/**
 * `provinces` provinces of `communesPerProvince` communes each, as the
 * territory has been since 2025-07-01 (no districts); codes
 * `${tag}P001`, `${tag}C001001`…; unit_scope filled for every ancestor.
 */
async function seedTerritory(db: Db, tag: string, provinces: number, communesPerProvince: number): Promise<string[]> {
  const country = await countryId(db);
  await sql`
    with p as (
      insert into admin_unit (level, code)
      select 'province', ${tag} || 'P' || lpad(i::text, 3, '0') from generate_series(1, ${provinces}) i
      returning id, code
    )
    insert into admin_unit_version (unit_id, name, name_folded, type, parent_id, source)
    select id, 'Tỉnh ' || code, 'tinh ' || lower(code), 'Tỉnh', ${country}::bigint, 'bench' from p
  `.execute(db);
  await sql`
    with c as (
      insert into admin_unit (level, code)
      select 'commune', ${tag} || 'C' || lpad(p::text, 3, '0') || lpad(i::text, 3, '0')
      from generate_series(1, ${provinces}) p, generate_series(1, ${communesPerProvince}) i
      returning id, code
    )
    insert into admin_unit_version (unit_id, name, name_folded, type, parent_id, source)
    select c.id, 'Xã ' || c.code, 'xa ' || lower(c.code), 'Xã', p.id, 'bench'
    from c join admin_unit p on p.level = 'province' and p.code = ${tag} || 'P' || substr(c.code, length(${tag}) + 2, 3)
  `.execute(db);
  await sql`
    insert into unit_scope (root_id, unit_id)
    select u.id, u.id from admin_unit u where u.code like ${`${tag}%`}
    union all
    select v.parent_id, v.unit_id from admin_unit_version v join admin_unit u on u.id = v.unit_id where u.code like ${`${tag}C%`}
    union all
    select ${country}::bigint, u.id from admin_unit u where u.code like ${`${tag}%`}
    on conflict do nothing
  `.execute(db);
  const rows = await db.selectFrom('admin_unit').select('id').where('level', '=', 'province').where('code', 'like', `${tag}P%`).orderBy('code').execute();
  return rows.map((row) => row.id);
}

function personalId(n: number): string {
  return `024${n % 2}${String(70 + (n % 30)).padStart(2, '0')}${String(n).padStart(6, '0')}`;
}

const HEADERS = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Số định danh cá nhân',
  'Mã đơn vị',
  'Chức vụ',
  'Ngày giữ chức vụ',
  'Nhiệm kỳ',
  'Trình độ chuyên môn',
  'Chuyên ngành',
  'Lý luận chính trị',
  'Quản lý nhà nước',
  'Ngày vào Đảng',
  'Số điện thoại',
];

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** Excel's serial day number of a date (1900 system, after the fake 1900-02-29). */
function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function zip(entries: { name: string; content: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = zlib.deflateRawSync(entry.content);
    const crc = zlib.crc32(entry.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

/**
 * An office file of `rows` people, one post each, written as raw sheet XML
 * (inline strings, Excel date cells) so that making it leaves no garbage
 * behind to inflate the import's memory figure.
 */
function generateImportFile(tag: string, rows: number): Buffer {
  const text = (column: number, row: number, value: string) => `<c r="${columnLetter(column)}${row}" t="inlineStr"><is><t>${xmlText(value)}</t></is></c>`;
  const number = (column: number, row: number, value: number, style = 0) =>
    `<c r="${columnLetter(column)}${row}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
  // Built a thousand rows at a time into buffers, so that no large string or array stays in the JavaScript heap.
  const parts: Buffer[] = [
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${HEADERS.map((header, i) => text(i, 1, header)).join('')}</row>`,
    ),
  ];
  let block = '';
  for (let i = 0; i < rows; i += 1) {
    const r = i + 2;
    // 1,000 communes: 10 provinces of 100.
    const code = `${tag}C${String((Math.floor(i / 100) % 10) + 1).padStart(3, '0')}${String((i % 100) + 1).padStart(3, '0')}`;
    const year = 1970 + (i % 30);
    const theory = THEORY[i % THEORY.length]!;
    block +=
      `<row r="${r}">` +
      number(0, r, i + 1) +
      text(1, r, `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 4) % MIDDLE.length]} ${GIVEN[(i >> 2) % GIVEN.length]}`) +
      number(2, r, excelSerial(year, (i % 12) + 1, (i % 28) + 1), 1) +
      text(3, r, i % 2 === 0 ? 'Nam' : 'Nữ') +
      text(4, r, i % 7 === 0 ? 'Tày' : 'Kinh') +
      text(5, r, personalId(i)) +
      text(6, r, code) +
      text(7, r, TITLES[i % TITLES.length]!) +
      text(8, r, `${(i % 28) + 1}/${(i % 12) + 1}/2021`) +
      text(9, r, '2020-2025') +
      text(10, r, PROFESSIONAL[i % PROFESSIONAL.length]!) +
      text(11, r, 'Luật') +
      (theory ? text(12, r, theory) : '') +
      (i % 3 === 0 ? text(13, r, 'Chuyên viên') : '') +
      text(14, r, String(year + 25)) +
      text(15, r, `09${String(10_000_000 + i).slice(-8)}`) +
      '</row>';
    if (i % 1_000 === 999) {
      parts.push(Buffer.from(block));
      block = '';
    }
  }
  parts.push(Buffer.from(`${block}</sheetData></worksheet>`));
  const sheet = Buffer.concat(parts);
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    {
      name: '[Content_Types].xml',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      content: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      content: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/styles.xml',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', content: sheet },
  ]);
}

/** (a) Imports generated rows through the import service (zip checks, streaming read, checks, planning, batched commit). */
export async function benchCadreImport(db: Db, options: { rows?: number } = {}): Promise<ImportBenchResult> {
  const rows = options.rows ?? 50_000;
  const tag = `BI${randomBytes(2).toString('hex').toUpperCase()}`;
  await seedTerritory(db, tag, 10, 100);
  const content = generateImportFile(tag, rows);
  const importer = new CadreImportService({ db, config: loadConfig({}), version: 'bench' });

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    const result = await importer.importFile(null, { fileName: 'bench.xlsx', content }, { dryRun: false });
    const seconds = (performance.now() - started) / 1000;
    if (!result.committed) throw new Error(`bench import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    return { rows: result.rows, seconds, rowsPerSecond: result.rows / seconds, peakRssMb: Math.round(peakRss / 1024 / 1024), created: result.created };
  } finally {
    clearInterval(sampler);
  }
}

/** Seeds people, posts and qualifications straight in SQL: the list bench measures reading, not importing. */
async function seedPeople(db: Db, tag: string, people: number) {
  const family = FAMILY;
  const middle = MIDDLE;
  const given = GIVEN;
  await sql`
    with communes as (
      select array_agg(id order by id) as ids from admin_unit where level = 'commune' and code like ${`${tag}C%`}
    )
    insert into cadre (full_name, name_folded, given_name, gender, birth_date, birth_date_precision, owning_unit_id)
    select n.full_name, fold_vi(n.full_name), n.given, case when i % 2 = 0 then 'nam' else 'nu' end,
      make_date(1965 + i % 35, 1 + i % 12, 1 + i % 28), 'day', communes.ids[1 + i % cardinality(communes.ids)]
    from communes, generate_series(0, ${people - 1}) i
    cross join lateral (
      select (${family}::text[])[1 + i % ${family.length}] || ' ' || (${middle}::text[])[1 + (i / 7) % ${middle.length}] || ' '
        || (${given}::text[])[1 + (i / 3) % ${given.length}] as full_name,
        (${given}::text[])[1 + (i / 3) % ${given.length}] as given
    ) n
  `.execute(db);
  const keyTitles = ['bi_thu_dang_uy', 'pho_bi_thu_dang_uy', 'chu_tich_hdnd', 'pho_chu_tich_hdnd', 'chu_tich_ubnd', 'pho_chu_tich_ubnd'];
  const otherTitles = ['chu_tich_mttq', 'bi_thu_doan_thanh_nien', 'chu_tich_hoi_phu_nu', 'chu_tich_hoi_nong_dan', 'van_phong_thong_ke', 'tu_phap_ho_tich'];
  await sql`
    insert into cadre_post (cadre_id, unit_id, title_code, is_key, start_date, end_date, term)
    select c.id, c.owning_unit_id,
      case when c.id % 3 = 0 then (${keyTitles}::text[])[1 + c.id % 6] else (${otherTitles}::text[])[1 + c.id % 6] end,
      c.id % 3 = 0, date '2016-06-01' + (c.id % 1500)::int, case when c.id % 10 = 0 then date '2024-12-31' end, '2020-2025'
    from cadre c join admin_unit u on u.id = c.owning_unit_id where u.code like ${`${tag}C%`}
  `.execute(db);
  await sql`
    insert into cadre_qualification (cadre_id, kind, level, source, obtained_on, obtained_precision)
    select c.id, 'professional', (array['trung_cap', 'cao_dang', 'dai_hoc', 'dai_hoc', 'thac_si'])[1 + c.id % 5], 'declared',
      case when c.id % 4 = 0 then date '2015-01-01' + (c.id % 2000)::int end, case when c.id % 4 = 0 then 'day' end
    from cadre c join admin_unit u on u.id = c.owning_unit_id where u.code like ${`${tag}C%`}
    union all
    select c.id, 'political_theory', (array['so_cap', 'trung_cap', 'cao_cap'])[1 + c.id % 3], 'declared', null, null
    from cadre c join admin_unit u on u.id = c.owning_unit_id where u.code like ${`${tag}C%`} and c.id % 5 <> 0
  `.execute(db);
  // The steady state autovacuum keeps: planner statistics and visibility maps (index-only scans).
  for (const table of ['cadre', 'cadre_post', 'cadre_qualification', 'admin_unit', 'admin_unit_version', 'unit_scope']) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * (b) Pages the list at 200,000 people spread over 34 provinces and 3,332
 * communes (the country since 2025), as the boards do: a province board's
 * pages, searches and filters, a commune, and the national administrator's
 * whole list.
 */
export async function benchCadreList(db: Db, options: { people?: number; rounds?: number } = {}): Promise<ListBenchResult> {
  const people = options.people ?? 200_000;
  const rounds = options.rounds ?? 5;
  const tag = `BL${randomBytes(2).toString('hex').toUpperCase()}`;
  const provinces = await seedTerritory(db, tag, 34, 98);
  await seedPeople(db, tag, people);
  const province = provinces[6]!;
  const commune = (await db.selectFrom('admin_unit').select('id').where('code', '=', `${tag}C007042`).executeTakeFirstOrThrow()).id;
  const service = new CadreListService({ db, config: loadConfig({}), version: 'bench' });
  const country = actorFor(await countryId(db), 'country');
  const board = actorFor(province, 'province');
  const base = { status: 'holding' as const, page: 1, pageSize: 20 };

  const scenarios: [string, Actor, Parameters<CadreListService['list']>[1]][] = [
    ['province, page 1', board, base],
    ['province, page 2', board, { ...base, page: 2 }],
    ['province, page 100', board, { ...base, page: 100 }],
    ['province as of 2019', board, { ...base, asOf: '2019-01-01' }],
    ['province, 100 per page', board, { ...base, pageSize: 100 }],
    ['commune', board, { ...base, unitId: commune }],
    ['key cadres of the province', board, { ...base, key: true }],
    ['title chu_tich_ubnd', board, { ...base, title: ['chu_tich_ubnd'] }],
    ['search "nguyen van hung"', board, { ...base, q: 'nguyen van hung' }],
    ['university, province', board, { ...base, professionalLevel: 'dai_hoc' }],
    ['advanced political theory, province', board, { ...base, politicalTheoryLevel: 'cao_cap' }],
    ['everyone kept, province', board, { ...base, status: 'all' }],
    ['country, page 1', country, base],
    ['country, page 2', country, { ...base, page: 2 }],
    ['country, search "tran thi lan"', country, { ...base, q: 'tran thi lan' }],
    ['country, key cadres of a province', country, { ...base, key: true, unitId: province }],
  ];

  for (const [, actor, query] of scenarios) await service.list(actor, query);
  const timings: { name: string; ms: number }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, actor, query] of scenarios) {
      const started = performance.now();
      await service.list(actor, query);
      timings.push({ name, ms: performance.now() - started });
    }
  }
  const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  const byScenario = Object.fromEntries(
    scenarios.map(([name]) => {
      const own = timings
        .filter((t) => t.name === name)
        .map((t) => t.ms)
        .sort((a, b) => a - b);
      return [name, Math.round(percentile(own, 50) * 10) / 10];
    }),
  );
  return {
    people,
    queries: timings.length,
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
    maxMs: Math.round(slowest.ms * 10) / 10,
    slowest: slowest.name,
    byScenario,
  };
}
