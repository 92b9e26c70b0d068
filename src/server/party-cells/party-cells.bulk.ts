import { sql } from 'kysely';
import { type CellAttendanceStatus, isValidFrequency } from '../../core/cell-attendance.js';
import { compareIsoDates } from '../../core/dates.js';
import { foldVietnamese } from '../../core/text.js';
import type { Db } from '../db/database.js';

/** A commune's grassroots party committee and its cells, each cell of a village (thôn, tổ dân phố) or of an office. */
export interface CommitteeRecord {
  communeId: string;
  name: string;
  villageKind: 'thon' | 'to_dan_pho';
  cells: { name: string; village: string | null }[];
}

export interface AssignmentRecord {
  communeId: string;
  cellKey: string;
  cadreId: string;
  frequencyMonths: number;
  validFrom: string;
  validTo: string | null;
  decision: string;
  /** The member's key post in the commune, which the assignment must lie within. */
  post: { start: string; end: string | null };
}

export interface MeetingRecord {
  communeId: string;
  cellKey: string;
  heldOn: string;
  issuesRaised: string | null;
  followUp: string | null;
  attendance: { cadreId: string; status: CellAttendanceStatus }[];
}

const CHUNK = 20_000;

/** The key a demo uses for a cell: its commune and name (unique within a commune). */
export const cellKeyOf = (communeId: string, name: string) => `${communeId}:${name}`;

/**
 * Writes many committees, cells, assignments and meetings at once in the
 * caller's transaction (arrays unnested: the national seed has some 100,000
 * cells and 600,000 meetings), refusing what the service would refuse of
 * an assignment: outside the member's post, or at an unknown frequency. The
 * demo records attendance only within assignments, hence within posts.
 */
export class PartyCellsBulkWriter {
  /** Fresh statistics after a bulk load, or the coverage query plans for empty tables. */
  async refreshStatistics(): Promise<void> {
    await sql`analyze village, party_organization, party_cell_assignment, party_cell_meeting, party_cell_attendance`.execute(this.trx);
  }

  private readonly cellIds = new Map<string, { id: string; committeeId: string }>();

  constructor(
    private readonly trx: Db,
    private readonly createdBy: string,
  ) {}

  async committees(records: readonly CommitteeRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += 2_000) {
      const batch = records.slice(start, start + 2_000);
      const villages = batch.flatMap((record) =>
        record.cells.flatMap((cell) => (cell.village ? [{ communeId: record.communeId, kind: record.villageKind, name: cell.village }] : [])),
      );
      const villageIds = new Map<string, string>();
      if (villages.length > 0) {
        const inserted = await sql<{ id: string; commune_id: string; name: string }>`
          insert into village (commune_id, kind, name, name_folded)
          select * from unnest(${villages.map((v) => v.communeId)}::bigint[], ${villages.map((v) => v.kind)}::text[],
            ${villages.map((v) => v.name)}::text[], ${villages.map((v) => foldVietnamese(v.name))}::text[])
          returning id, commune_id, name`.execute(this.trx);
        for (const row of inserted.rows) villageIds.set(`${row.commune_id}:${row.name}`, row.id);
      }
      const committees = await sql<{ id: string; commune_id: string }>`
        insert into party_organization (commune_id, kind, name, name_folded)
        select c, 'dang_bo_co_so', n, f from unnest(${batch.map((r) => r.communeId)}::bigint[], ${batch.map((r) => r.name)}::text[],
          ${batch.map((r) => foldVietnamese(r.name))}::text[]) as t(c, n, f)
        returning id, commune_id`.execute(this.trx);
      const committeeOf = new Map(committees.rows.map((row) => [row.commune_id, row.id]));
      const cells = batch.flatMap((record) =>
        record.cells.map((cell) => ({
          communeId: record.communeId,
          parentId: committeeOf.get(record.communeId)!,
          villageId: cell.village ? (villageIds.get(`${record.communeId}:${cell.village}`) ?? null) : null,
          name: cell.name,
        })),
      );
      const inserted = await sql<{ id: string; commune_id: string; parent_id: string; name: string }>`
        insert into party_organization (commune_id, kind, parent_id, village_id, name, name_folded)
        select c, 'chi_bo', p, v, n, f from unnest(${cells.map((c) => c.communeId)}::bigint[], ${cells.map((c) => c.parentId)}::bigint[],
          ${cells.map((c) => c.villageId)}::bigint[], ${cells.map((c) => c.name)}::text[], ${cells.map((c) => foldVietnamese(c.name))}::text[]) as t(c, p, v, n, f)
        returning id, commune_id, parent_id, name`.execute(this.trx);
      for (const row of inserted.rows) this.cellIds.set(cellKeyOf(row.commune_id, row.name), { id: row.id, committeeId: row.parent_id });
    }
  }

  private cell(key: string) {
    const cell = this.cellIds.get(key);
    if (!cell) throw new Error(`Demo party cell ${key} was not written first`);
    return cell;
  }

  async assignments(records: readonly AssignmentRecord[]): Promise<void> {
    for (const record of records) {
      const within =
        compareIsoDates(record.validFrom, record.post.start) >= 0 &&
        (record.post.end === null || (record.validTo !== null && compareIsoDates(record.validTo, record.post.end) <= 0));
      if (!within || !isValidFrequency(record.frequencyMonths))
        throw new Error(`Demo assignment to ${record.cellKey}: outside the member's post or bad frequency`);
    }
    for (let start = 0; start < records.length; start += CHUNK) {
      const batch = records.slice(start, start + CHUNK);
      const cells = batch.map((record) => this.cell(record.cellKey));
      await sql`
        insert into party_cell_assignment (commune_id, committee_id, cell_id, cadre_id, frequency_months, valid_from, valid_to, decision, created_by)
        select c, k, l, p, f, s, e, d, ${this.createdBy}::bigint from unnest(${batch.map((r) => r.communeId)}::bigint[], ${cells.map((c) => c.committeeId)}::bigint[],
          ${cells.map((c) => c.id)}::bigint[], ${batch.map((r) => r.cadreId)}::bigint[], ${batch.map((r) => r.frequencyMonths)}::smallint[],
          ${batch.map((r) => r.validFrom)}::date[], ${batch.map((r) => r.validTo)}::date[], ${batch.map((r) => r.decision)}::text[]) as t(c, k, l, p, f, s, e, d)`.execute(
        this.trx,
      );
    }
  }

  async meetings(records: readonly MeetingRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += CHUNK) {
      const batch = records.slice(start, start + CHUNK);
      const cells = batch.map((record) => this.cell(record.cellKey));
      await sql`
        insert into party_cell_meeting (commune_id, committee_id, cell_id, held_on, issues_raised, follow_up, created_by)
        select c, k, l, h, i, f, ${this.createdBy}::bigint from unnest(${batch.map((r) => r.communeId)}::bigint[], ${cells.map((c) => c.committeeId)}::bigint[],
          ${cells.map((c) => c.id)}::bigint[], ${batch.map((r) => r.heldOn)}::date[], ${batch.map((r) => r.issuesRaised)}::text[],
          ${batch.map((r) => r.followUp)}::text[]) as t(c, k, l, h, i, f)`.execute(this.trx);
      const attendance = batch.flatMap((record, index) => record.attendance.map((entry) => ({ cellId: cells[index]!.id, heldOn: record.heldOn, ...entry })));
      if (attendance.length === 0) continue;
      await sql`
        insert into party_cell_attendance (meeting_id, committee_id, cell_id, held_on, cadre_id, status)
        select m.id, m.committee_id, m.cell_id, m.held_on, a.cadre_id, a.status from unnest(${attendance.map((a) => a.cellId)}::bigint[], ${attendance.map((a) => a.heldOn)}::date[],
          ${attendance.map((a) => a.cadreId)}::bigint[], ${attendance.map((a) => a.status)}::text[]) as a(cell_id, held_on, cadre_id, status)
        join party_cell_meeting m on m.cell_id = a.cell_id and m.held_on = a.held_on`.execute(this.trx);
    }
  }
}
