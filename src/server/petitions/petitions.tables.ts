import type { ColumnType, Generated } from 'kysely';
import type { DenunciationComplexity, PeriodUnit, PetitionType } from '../../core/petition-deadlines.js';

export const PETITION_CHANNELS = ['reception', 'mail', 'handed', 'transferred', 'online'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

/** How a received petition was handled (Circular 05/2021/TT-TTCP): within authority it is accepted; otherwise the citizen is guided, it is transferred, sent down to the competent commune, or filed. */
export const PETITION_HANDLINGS = ['accepted', 'not_accepted', 'guided', 'transferred', 'referred_down', 'filed'] as const;
export type PetitionHandling = (typeof PETITION_HANDLINGS)[number];

export const PETITION_OUTCOMES = ['right', 'partly_right', 'wrong', 'answered'] as const;
export type PetitionOutcome = (typeof PETITION_OUTCOMES)[number];

export interface LegalPeriodTable {
  id: Generated<string>;
  code: string;
  amount: number;
  unit: PeriodUnit;
  valid_from: string;
  valid_to: string | null;
  basis: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface WorkCalendarDayTable {
  day: string;
  kind: 'day_off' | 'working_day';
  name: string;
  source: 'announced' | 'statutory' | 'admin';
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PetitionFieldTable {
  code: string;
  name: string;
  position: number;
}

export interface PetitionTable {
  id: Generated<string>;
  unit_id: string;
  commune_id: string | null;
  number: string;
  received_on: string;
  channel: PetitionChannel;
  type: PetitionType;
  field_code: string;
  subject: string;
  content: string;
  search_folded: string;
  petitioners_folded: string;
  anonymous: boolean;
  against_party_member: boolean;
  complaint_round: 1 | 2;
  complex: boolean;
  remote_area: boolean;
  denunciation_complexity: DenunciationComplexity;
  verified_at_several_places: boolean;
  over_level: boolean;
  parent_id: string | null;
  duplicate_of_id: string | null;
  previous_id: string | null;
  handling: PetitionHandling | null;
  decided_on: string | null;
  decided_by: string | null;
  decision_note: string | null;
  transferred_to: string | null;
  accepted_on: string | null;
  extensions_used: Generated<number>;
  settled_on: string | null;
  outcome: PetitionOutcome | null;
  agreed: boolean | null;
  settlement_note: string | null;
  reported_back_on: string | null;
  reception_session_id: string | null;
  processing_due_on: string;
  settlement_due_on: string | null;
  report_due_on: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PetitionPetitionerTable {
  id: Generated<string>;
  petition_id: string;
  position: number;
  full_name: string;
  address: string | null;
  phone: string | null;
  personal_id: string | null;
  representative: boolean;
}

export interface PetitionHandlerTable {
  petition_id: string;
  user_id: string;
}

export interface PetitionEventTable {
  id: Generated<string>;
  petition_id: string;
  kind: string;
  occurred_on: string;
  user_id: string | null;
  note: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface PetitionAttachmentTable {
  id: Generated<string>;
  petition_id: string;
  file_name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  content: Uint8Array;
  uploaded_by: string;
  created_at: ColumnType<Date, never, never>;
}

export interface DialogueTable {
  id: Generated<string>;
  commune_id: string;
  held_on: string;
  kind: 'dialogue' | 'meeting';
  topic: string;
  place: string | null;
  organisers: string;
  /** The standing member who chaired it (a key post of the commune on the day). */
  chair_cadre_id: string | null;
  participants: number | null;
  outcome: string | null;
  agreed: boolean | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
}

export interface DialoguePetitionTable {
  dialogue_id: string;
  petition_id: string;
}

export interface DialogueCommitmentTable {
  id: Generated<string>;
  dialogue_id: string;
  action: string;
  responsible: string;
  due_on: string;
  done_on: string | null;
  note: string | null;
}

export interface ReceptionSessionTable {
  id: Generated<string>;
  unit_id: string;
  held_on: string;
  kind: 'regular' | 'ad_hoc';
  host_name: string;
  host_role: 'head' | 'deputy' | 'officer';
  citizens: number;
  note: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
}

export interface PetitionsTables {
  reception_session: ReceptionSessionTable;
  legal_period: LegalPeriodTable;
  work_calendar_day: WorkCalendarDayTable;
  petition_field: PetitionFieldTable;
  petition: PetitionTable;
  petition_petitioner: PetitionPetitionerTable;
  petition_handler: PetitionHandlerTable;
  petition_event: PetitionEventTable;
  petition_attachment: PetitionAttachmentTable;
  dialogue: DialogueTable;
  dialogue_petition: DialoguePetitionTable;
  dialogue_commitment: DialogueCommitmentTable;
}
