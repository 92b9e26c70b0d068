import type { ColumnType, Generated } from 'kysely';
import type { CellAttendanceStatus } from '../../core/cell-attendance.js';

export interface PartyCellFrequencyTable {
  months: number;
  name: string;
  name_en: string;
}

export interface PartyCellAssignmentTable {
  id: Generated<string>;
  commune_id: string;
  committee_id: string;
  cell_id: string;
  cadre_id: string;
  frequency_months: ColumnType<number, number | undefined, number>;
  valid_from: string;
  valid_to: string | null;
  decision: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PartyCellMeetingTable {
  id: Generated<string>;
  commune_id: string;
  committee_id: string;
  cell_id: string;
  held_on: string;
  issues_raised: string | null;
  follow_up: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PartyCellAttendanceTable {
  meeting_id: string;
  /** Copies of the meeting's, kept equal by the foreign key. */
  committee_id: string;
  cell_id: string;
  held_on: string;
  cadre_id: string;
  status: CellAttendanceStatus;
}

export interface PartyCellsTables {
  party_cell_frequency: PartyCellFrequencyTable;
  party_cell_assignment: PartyCellAssignmentTable;
  party_cell_meeting: PartyCellMeetingTable;
  party_cell_attendance: PartyCellAttendanceTable;
}
