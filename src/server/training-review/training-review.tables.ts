import type { ColumnType, Generated } from 'kysely';
import type { FocusFieldCode } from '../../core/course-types.js';

export type ReviewStatus = 'draft' | 'submitted' | 'approved';
export type ProposalDecision = 'pending' | 'accepted' | 'rejected';
export type ProposalReasonCode = 'gap' | 'first_term' | 'focus_field' | 'added';

export interface TrainingFocusTable {
  id: Generated<string>;
  unit_id: string;
  year: number;
  field_code: FocusFieldCode;
  course_type: string;
  title_codes: string[];
  updated_by: string | null;
  updated_at: ColumnType<Date, never, Date>;
}

export interface TrainingReviewTable {
  id: Generated<string>;
  unit_id: string;
  year: number;
  as_of: string;
  version: Generated<number>;
  previous_id: string | null;
  status: Generated<ReviewStatus>;
  focus_fields: ColumnType<unknown, string, string>;
  note: string | null;
  returned_note: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  submitted_by: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  updated_at: ColumnType<Date, never, Date>;
}

export interface TrainingProposalTable {
  id: Generated<string>;
  review_id: string;
  cadre_id: string;
  unit_id: string;
  course_type: string;
  reason: ProposalReasonCode;
  reason_text: string;
  reason_text_en: string;
  priority: number;
  title_codes: string[];
  decision: Generated<ProposalDecision>;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  added_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface TrainingReviewTables {
  training_focus: TrainingFocusTable;
  training_review: TrainingReviewTable;
  training_proposal: TrainingProposalTable;
}
