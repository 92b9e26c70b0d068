import type { ColumnType, Generated } from 'kysely';
import type { RotationDirection, RotationKind, RotationPlacement, RotationPurpose, RotationWarning } from '../../core/rotation.js';
import type { AttachmentType } from '../http/attachments.js';

export interface RotationRuleTable {
  valid_from: string;
  default_months: number;
  minimum_months: number;
  minimum_service_years: number;
  basis: string;
}

export interface RotationTable {
  id: Generated<string>;
  cadre_id: string;
  kind: RotationKind;
  direction: RotationDirection;
  purpose: RotationPurpose;
  purpose_note: string | null;
  origin_unit_id: string;
  origin_post_name: string;
  /** The person's post ended by the rotation (a commune post in the registry), re-opened on return. */
  origin_post_id: string | null;
  /** The unit keeping the person's record before the rotation, given back on return. */
  origin_owning_unit_id: string;
  destination_unit_id: string;
  destination_title_code: string;
  destination_post_id: string | null;
  return_post_id: string | null;
  decision_number: string;
  decision_date: string;
  decision_signer: string;
  decision_file: Buffer | null;
  decision_file_name: string | null;
  decision_file_type: AttachmentType | null;
  start_date: string;
  planned_end_date: string;
  end_date: string | null;
  midterm_evaluation: string | null;
  final_evaluation: string | null;
  placement: RotationPlacement | null;
  placement_note: string | null;
  warnings: ColumnType<RotationWarning[], string, string>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface RotationsTables {
  rotation_rule: RotationRuleTable;
  rotation: RotationTable;
}
