import type { ColumnType, Generated } from 'kysely';

import type { AttendanceStatus, GrantedScale, ProgrammeForm, ProgrammeOutcome } from '../../core/training-forms.js';

export { ATTENDANCE_STATUSES, GRANTED_SCALES, PROGRAMME_FORMS, PROGRAMME_OUTCOMES } from '../../core/training-forms.js';
export type { AttendanceStatus, GrantedScale, ProgrammeForm, ProgrammeOutcome };

type Created = ColumnType<Date, never, never>;

export interface TrainingProgrammeTable {
  id: Generated<string>;
  owning_unit_id: string;
  name: string;
  name_folded: string;
  form: ProgrammeForm;
  organiser: string | null;
  fields: ColumnType<string[], string[] | undefined, string[]>;
  hours: number | null;
  outcome: ProgrammeOutcome;
  outcome_scale: GrantedScale | null;
  outcome_level: string | null;
  course_type: string | null;
  created_at: Created;
  updated_at: ColumnType<Date, never, Date>;
}

export interface TrainingInstructorTable {
  id: Generated<string>;
  owning_unit_id: string;
  full_name: string;
  work_unit: string | null;
  position: string | null;
  created_at: Created;
}

export interface TrainingClassTable {
  id: Generated<string>;
  programme_id: string;
  unit_id: string;
  name: string;
  start_date: string;
  end_date: string;
  venue: string | null;
  venue_unit_id: string | null;
  capacity: number;
  created_at: Created;
}

export interface TrainingSessionTable {
  id: Generated<string>;
  class_id: string;
  session_date: string;
  starts_at: string;
  ends_at: string;
  topic: string | null;
}

export interface TrainingSessionInstructorTable {
  session_id: string;
  instructor_id: string;
}

export interface TrainingEnrolmentTable {
  id: Generated<string>;
  class_id: string;
  cadre_id: string;
  plan_proposal_id: string | null;
  created_at: Created;
}

export interface TrainingAttendanceTable {
  session_id: string;
  enrolment_id: string;
  status: AttendanceStatus;
}

export interface TrainingTestTable {
  id: Generated<string>;
  class_id: string;
  name: string;
  held_on: string | null;
}

export interface TrainingScoreTable {
  test_id: string;
  enrolment_id: string;
  /** numeric(4,2), read back as a string. */
  score: ColumnType<string, number, number>;
}

export interface TrainingCertificateTable {
  id: Generated<string>;
  enrolment_id: string;
  number: string;
  issued_on: string;
  issued_by: string | null;
  created_at: Created;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface GuidanceVisitTable {
  id: Generated<string>;
  commune_id: string;
  programme_id: string | null;
  visited_on: string;
  fields: ColumnType<string[], string[] | undefined, string[]>;
  solved: string | null;
  follow_ups: string | null;
  created_at: Created;
}

export interface GuidanceVisitOfficerTable {
  visit_id: string;
  instructor_id: string;
}

export interface GuidanceVisitCadreTable {
  visit_id: string;
  cadre_id: string;
}

export interface TrainingTables {
  training_programme: TrainingProgrammeTable;
  training_instructor: TrainingInstructorTable;
  training_class: TrainingClassTable;
  training_session: TrainingSessionTable;
  training_session_instructor: TrainingSessionInstructorTable;
  training_enrolment: TrainingEnrolmentTable;
  training_attendance: TrainingAttendanceTable;
  training_test: TrainingTestTable;
  training_score: TrainingScoreTable;
  training_certificate: TrainingCertificateTable;
  guidance_visit: GuidanceVisitTable;
  guidance_visit_officer: GuidanceVisitOfficerTable;
  guidance_visit_cadre: GuidanceVisitCadreTable;
}
