import type { ColumnType, Generated } from 'kysely';
import type { ProblemStatus } from '../../core/grassroots-problems.js';

export interface GrassrootsProblemTable {
  id: Generated<string>;
  commune_id: string;
  year: number;
  title: string;
  title_folded: string;
  field_code: string;
  lead_cadre_id: string;
  registered_on: string;
  target_on: string;
  resolution: string | null;
  status: ProblemStatus;
  closed_on: string | null;
  carried_from_id: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface GrassrootsProblemVillageTable {
  problem_id: string;
  village_id: string;
}

export interface GrassrootsProblemUpdateTable {
  id: Generated<string>;
  problem_id: string;
  occurred_on: string;
  status: ProblemStatus;
  note: string;
  user_id: string;
  created_at: ColumnType<Date, never, never>;
}

export interface GrassrootsProblemAttachmentTable {
  id: Generated<string>;
  problem_id: string;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: string;
  created_at: ColumnType<Date, never, never>;
}

export interface GrassrootsProblemPetitionTable {
  problem_id: string;
  petition_id: string;
}

export interface GrassrootsProblemDialogueTable {
  problem_id: string;
  dialogue_id: string;
}

export interface BriefingTable {
  id: Generated<string>;
  commune_id: string;
  held_on: string;
  chair_cadre_id: string;
  attendees: string;
  participants: number | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
}

export interface BriefingIssueTable {
  id: Generated<string>;
  briefing_id: string;
  position: number;
  content: string;
  problem_id: string | null;
}

export interface GrassrootsTables {
  briefing: BriefingTable;
  briefing_issue: BriefingIssueTable;
  grassroots_problem: GrassrootsProblemTable;
  grassroots_problem_village: GrassrootsProblemVillageTable;
  grassroots_problem_update: GrassrootsProblemUpdateTable;
  grassroots_problem_attachment: GrassrootsProblemAttachmentTable;
  grassroots_problem_petition: GrassrootsProblemPetitionTable;
  grassroots_problem_dialogue: GrassrootsProblemDialogueTable;
}
