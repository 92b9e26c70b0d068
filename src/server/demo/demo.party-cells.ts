import { addDays, compareIsoDates, endOfMonth, formatVietnameseDate, type IsoDate } from '../../core/dates.js';
import type { Db } from '../db/database.js';
import { type AssignmentRecord, cellKeyOf, type CommitteeRecord, type MeetingRecord, PartyCellsBulkWriter } from '../party-cells/party-cells.bulk.js';
import { chance, intBetween, type Random, shuffled, streamFor } from './random.js';

/*
 * Party cells and standing members' attendance for the demos, as the article
 * tells it: "hiện 100% đảng ủy cơ sở duy trì phân công các đồng chí thường
 * trực Đảng ủy, HĐND, UBND định kỳ dự sinh hoạt chi bộ". Every commune gets
 * its grassroots party committee, a cell per village (thôn, tổ dân phố) and
 * its offices' cells; every cell is assigned to a standing member, monthly
 * (an office cell sometimes quarterly); the cells meet each month on the
 * commune's day. Attendance has realistic gaps: a member misses one meeting
 * in ten or so, weaker communes more, and a few cells go unvisited for the
 * last months of the period.
 */

const VILLAGE_NAMES = [
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Thượng',
  'Hạ',
  'Chùa',
  'Đình',
  'Mới',
  'Cầu',
  'Đồng',
  'Bãi',
  'Núi',
  'Hòa',
  'An',
  'Phúc',
  'Lộc',
  'Thọ',
  'Tân',
  'Hưng',
  'Thịnh',
  'Yên',
  'Quế',
  'Sơn',
  'Giữa',
  'Ngoài',
  'Trong',
  'Cả',
  'Văn',
] as const;

const OFFICE_CELLS = ['Chi bộ Trường Mầm non', 'Chi bộ Trường Tiểu học', 'Chi bộ Trường THCS', 'Chi bộ Trạm Y tế', 'Chi bộ Quân sự'] as const;

const ISSUES: readonly (readonly [string, string])[] = [
  ['Đường giao thông liên thôn xuống cấp, người dân đề nghị sửa chữa', 'Giao UBND xã khảo sát, đưa vào kế hoạch đầu tư công năm sau'],
  ['Rác thải sinh hoạt tồn đọng ở điểm tập kết đầu thôn', 'Giao UBND xã chỉ đạo tổ thu gom tăng số chuyến; đã xử lý xong'],
  ['Một số hộ lấn chiếm hành lang an toàn giao thông', 'Giao công chức địa chính kiểm tra, lập biên bản, vận động tháo dỡ'],
  ['Tiến độ xây dựng nông thôn mới kiểu mẫu của thôn còn chậm', 'Thường trực Đảng ủy họp với Ban phát triển thôn, giao chỉ tiêu từng tháng'],
  ['Kiến nghị về chế độ cho người có công chậm chi trả', 'Giao công chức văn hóa – xã hội rà soát, báo cáo trong tháng'],
  ['Công tác phát triển đảng viên mới của chi bộ', 'Đảng ủy giao chi bộ lập danh sách quần chúng ưu tú, cử đi học lớp cảm tình Đảng'],
];

export interface PartyCellDemoCommune {
  id: string;
  name: string;
}

export interface PartyCellDemoOptions {
  seed: string;
  from: IsoDate;
  to: IsoDate;
  createdBy: string;
  /** Villages per commune: the 2025 communes are the size of three old ones. */
  villages: readonly [number, number];
  /** Share of communes whose members miss meetings more often. */
  weakShare: number;
}

export interface PartyCellDemoCounts {
  committees: number;
  cells: number;
  assignments: number;
  meetings: number;
}

interface StandingPost {
  cadreId: string;
  start: IsoDate;
  end: IsoDate | null;
}

const COMMUNES_PER_BATCH = 300;

/** "Xã Quỳnh Sơn" → "Đảng bộ xã Quỳnh Sơn". */
function committeeName(communeName: string): string {
  return `Đảng bộ ${communeName.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s/u, (type) => type.toLowerCase())}`;
}

function isUrban(communeName: string): boolean {
  return /^(Phường|Thị trấn)\s/u.test(communeName);
}

/** Key posts of each commune overlapping the period, by commune. */
async function standingPosts(trx: Db, communeIds: readonly string[], from: IsoDate, to: IsoDate): Promise<Map<string, StandingPost[]>> {
  const rows = await trx
    .selectFrom('cadre_post')
    .select(['unit_id', 'cadre_id', 'start_date', 'end_date'])
    .where('unit_id', 'in', communeIds.length > 0 ? [...communeIds] : ['0'])
    .where('is_key', '=', true)
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .orderBy('unit_id')
    .orderBy('start_date')
    .orderBy('cadre_id')
    .execute();
  const byCommune = new Map<string, StandingPost[]>();
  for (const row of rows)
    byCommune.set(row.unit_id, [...(byCommune.get(row.unit_id) ?? []), { cadreId: row.cadre_id, start: row.start_date, end: row.end_date }]);
  return byCommune;
}

const inPost = (post: StandingPost, on: IsoDate) => compareIsoDates(post.start, on) <= 0 && (post.end === null || compareIsoDates(post.end, on) >= 0);

function committeeOf(random: Random, commune: PartyCellDemoCommune, villages: readonly [number, number]): CommitteeRecord {
  const urban = isUrban(commune.name);
  const count = intBetween(random, villages[0], villages[1]);
  const villageNames = urban
    ? Array.from({ length: count }, (_, index) => `Tổ dân phố số ${index + 1}`)
    : shuffled(random, VILLAGE_NAMES)
        .slice(0, count)
        .map((name) => `Thôn ${name}`);
  const offices = urban ? ['Chi bộ Cơ quan', ...OFFICE_CELLS.slice(0, 3)] : OFFICE_CELLS.slice(0, intBetween(random, 3, OFFICE_CELLS.length));
  return {
    communeId: commune.id,
    name: committeeName(commune.name),
    villageKind: urban ? 'to_dan_pho' : 'thon',
    cells: [
      ...villageNames.map((village) => ({ name: `Chi bộ ${village.charAt(0).toLowerCase()}${village.slice(1)}`, village })),
      ...offices.map((name) => ({ name, village: null })),
    ],
  };
}

/** Each cell to a standing member in post at the start, round the members; a member who leaves hands the cell to one in post the day after. */
function assignmentsOf(random: Random, committee: CommitteeRecord, posts: readonly StandingPost[], options: PartyCellDemoOptions): AssignmentRecord[] {
  const atStart = posts.filter((post) => inPost(post, options.from));
  if (atStart.length === 0) return [];
  const decision = `Quyết định số ${intBetween(random, 2, 40)}-QĐ/ĐU ngày ${formatVietnameseDate(addDays(options.from, -intBetween(random, 3, 20)))}`;
  const records: AssignmentRecord[] = [];
  for (const [index, cell] of shuffled(random, committee.cells).entries()) {
    const frequencyMonths = cell.village === null && chance(random, 0.3) ? 3 : 1;
    let post: StandingPost | undefined = atStart[index % atStart.length]!;
    let from = options.from;
    while (post) {
      const ends = post.end !== null && compareIsoDates(post.end, options.to) < 0;
      records.push({
        communeId: committee.communeId,
        cellKey: cellKeyOf(committee.communeId, cell.name),
        cadreId: post.cadreId,
        frequencyMonths,
        validFrom: from,
        // An assignment ends with the member's post.
        validTo: post.end,
        decision,
        post: { start: post.start, end: post.end },
      });
      if (!ends) break;
      from = addDays(post.end!, 1);
      const next = posts.filter((candidate) => candidate.cadreId !== post!.cadreId && inPost(candidate, from));
      post = next.length > 0 ? next[index % next.length] : undefined;
    }
  }
  return records;
}

function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const months: IsoDate[] = [];
  for (let month = `${from.slice(0, 7)}-01`; compareIsoDates(month, to) <= 0; month = addDays(endOfMonth(month), 1)) months.push(month);
  return months;
}

function meetingsOf(random: Random, committee: CommitteeRecord, assignments: readonly AssignmentRecord[], options: PartyCellDemoOptions): MeetingRecord[] {
  const day = intBetween(random, 3, 8);
  const present = chance(random, options.weakShare) ? 0.72 : 0.93;
  const months = monthsBetween(options.from, options.to);
  // A few cells go unvisited for the last four months: what "chi bộ lâu chưa có thường trực dự" finds.
  const forgotten = new Set(committee.cells.filter(() => chance(random, 0.03)).map((cell) => cell.name));
  const visitMonth = new Map<string, number>();
  const records: MeetingRecord[] = [];
  for (const cell of committee.cells) {
    const key = cellKeyOf(committee.communeId, cell.name);
    const assigned = assignments.filter((assignment) => assignment.cellKey === key);
    for (const [monthIndex, month] of months.entries()) {
      const heldOn = `${month.slice(0, 8)}${String(day).padStart(2, '0')}`;
      if (compareIsoDates(heldOn, options.from) < 0 || compareIsoDates(heldOn, options.to) > 0) continue;
      const attendance: MeetingRecord['attendance'] = [];
      const idle = forgotten.has(cell.name) && monthIndex >= months.length - 4;
      for (const assignment of assigned) {
        if (compareIsoDates(heldOn, assignment.validFrom) < 0 || (assignment.validTo !== null && compareIsoDates(heldOn, assignment.validTo) > 0)) continue;
        if (assignment.frequencyMonths > 1) {
          // One visit in each window, in a month of it drawn once.
          const monthOfYear = Number(month.slice(5, 7)) - 1;
          const window = `${assignment.cadreId}:${key}:${month.slice(0, 4)}:${Math.floor(monthOfYear / assignment.frequencyMonths)}`;
          if (!visitMonth.has(window)) visitMonth.set(window, intBetween(random, 0, assignment.frequencyMonths - 1));
          if (monthOfYear % assignment.frequencyMonths !== visitMonth.get(window)) continue;
        }
        if (idle) continue;
        const roll = random();
        if (roll < present) attendance.push({ cadreId: assignment.cadreId, status: 'present' });
        else if (roll < present + (1 - present) / 2) attendance.push({ cadreId: assignment.cadreId, status: 'excused' });
      }
      const issue = attendance.some((entry) => entry.status === 'present') && chance(random, 0.08) ? ISSUES[intBetween(random, 0, ISSUES.length - 1)]! : null;
      records.push({ communeId: committee.communeId, cellKey: key, heldOn, issuesRaised: issue?.[0] ?? null, followUp: issue?.[1] ?? null, attendance });
    }
  }
  return records;
}

export async function insertPartyCellsDemo(trx: Db, communes: readonly PartyCellDemoCommune[], options: PartyCellDemoOptions): Promise<PartyCellDemoCounts> {
  const random = streamFor(options.seed);
  const writer = new PartyCellsBulkWriter(trx, options.createdBy);
  const counts: PartyCellDemoCounts = { committees: 0, cells: 0, assignments: 0, meetings: 0 };
  for (let start = 0; start < communes.length; start += COMMUNES_PER_BATCH) {
    const batch = communes.slice(start, start + COMMUNES_PER_BATCH);
    const posts = await standingPosts(
      trx,
      batch.map((commune) => commune.id),
      options.from,
      options.to,
    );
    const committees = batch.map((commune) => committeeOf(random, commune, options.villages));
    await writer.committees(committees);
    const assignments = committees.flatMap((committee) => assignmentsOf(random, committee, posts.get(committee.communeId) ?? [], options));
    await writer.assignments(assignments);
    const byCommune = new Map<string, AssignmentRecord[]>();
    for (const assignment of assignments) byCommune.set(assignment.communeId, [...(byCommune.get(assignment.communeId) ?? []), assignment]);
    const meetings = committees.flatMap((committee) => meetingsOf(random, committee, byCommune.get(committee.communeId) ?? [], options));
    await writer.meetings(meetings);
    counts.committees += committees.length;
    counts.cells += committees.reduce((sum, committee) => sum + committee.cells.length, 0);
    counts.assignments += assignments.length;
    counts.meetings += meetings.length;
  }
  await writer.refreshStatistics();
  return counts;
}
