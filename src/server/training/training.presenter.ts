import { compareVietnamese } from '../../core/text.js';
import { isTitleCode, titleByCode } from '../../core/titles.js';
import { politicalTheory, professionalEducation, stateManagement, type QualificationScale } from '../../core/qualifications.js';
import { courseTypeByCode, isCourseTypeCode, TRAINING_FIELD_LABELS, type TrainingField } from '../../core/course-types.js';
import type {
  AttendanceRow,
  CertificateRow,
  ClassRow,
  EnrolmentRow,
  FormCountRow,
  FulfilmentRow,
  HistoryRow,
  InstructorRow,
  PlanCandidateRow,
  ProgrammeRow,
  ScoreRow,
  SessionRow,
  TestRow,
  VisitRow,
} from './training.repository.js';
import { PROGRAMME_FORMS } from './training.tables.js';
import type { GrantedScale, ProgrammeForm, ProgrammeOutcome } from './training.tables.js';

export const FORM_LABELS: Readonly<Record<ProgrammeForm, { vi: string; en: string }>> = {
  formal_degree: { vi: 'Đào tạo cấp văn bằng', en: 'Formal degree' },
  short_course: { vi: 'Bồi dưỡng ngắn hạn', en: 'Short course' },
  on_the_job: { vi: 'Cầm tay chỉ việc', en: 'On-the-job guidance' },
  field_guidance: { vi: 'Cán bộ huyện xuống hướng dẫn tại xã', en: 'Field guidance in the commune' },
  briefing: { vi: 'Hội nghị, tập huấn', en: 'Briefing' },
  online: { vi: 'Bồi dưỡng trực tuyến', en: 'Online course' },
  study_tour: { vi: 'Tham quan, học tập kinh nghiệm', en: 'Study tour' },
};

export const OUTCOME_LABELS: Readonly<Record<ProgrammeOutcome, { vi: string; en: string }>> = {
  none: { vi: 'Không cấp chứng chỉ', en: 'No certificate' },
  certificate: { vi: 'Cấp chứng chỉ', en: 'Certificate' },
  qualification: { vi: 'Cấp chứng chỉ, được công nhận trình độ', en: 'Certificate granting a qualification level' },
};

export const GRANTED_SCALE_OF: Readonly<Record<GrantedScale, QualificationScale<string>>> = {
  professional: professionalEducation,
  political_theory: politicalTheory,
  state_management: stateManagement,
};

/** `editable`: the access policy lets the caller change it (a programme kept above the caller's unit is only used). */
export function presentProgramme(row: ProgrammeRow, editable: boolean) {
  const scale = row.outcome_scale === null ? null : GRANTED_SCALE_OF[row.outcome_scale];
  return {
    id: row.id,
    owningUnitId: row.owning_unit_id,
    name: row.name,
    form: { code: row.form, label: FORM_LABELS[row.form].vi },
    organiser: row.organiser,
    fields: row.fields,
    hours: row.hours,
    outcome: { code: row.outcome, label: OUTCOME_LABELS[row.outcome].vi },
    grants:
      scale !== null && row.outcome_scale !== null && row.outcome_level !== null
        ? { scale: row.outcome_scale, level: row.outcome_level, label: scale.isLevel(row.outcome_level) ? scale.labelVi(row.outcome_level) : row.outcome_level }
        : null,
    courseType:
      row.course_type !== null && isCourseTypeCode(row.course_type) ? { code: row.course_type, name: courseTypeByCode(row.course_type).nameVi } : null,
    abilities: { edit: editable },
  };
}

export function presentInstructor(row: InstructorRow, editable: boolean) {
  return {
    id: row.id,
    owningUnitId: row.owning_unit_id,
    fullName: row.full_name,
    workUnit: row.work_unit,
    position: row.position,
    abilities: { edit: editable },
  };
}

export function presentClass(row: ClassRow) {
  return {
    id: row.id,
    programme: { id: row.programme_id, name: row.programme_name, form: { code: row.programme_form, label: FORM_LABELS[row.programme_form].vi } },
    unitId: row.unit_id,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
    venue: row.venue,
    venueUnitId: row.venue_unit_id,
    capacity: row.capacity,
    enrolled: row.enrolled,
  };
}

export function presentCertificate(row: CertificateRow) {
  return {
    id: row.id,
    cadreId: row.cadre_id,
    fullName: row.full_name,
    number: row.number,
    issuedOn: row.issued_on,
    revoked: row.revoked_at !== null,
    revokeReason: row.revoke_reason,
  };
}

export interface ClassParts {
  sessions: readonly SessionRow[];
  instructors: ReadonlyMap<string, string>;
  tests: readonly TestRow[];
  enrolments: readonly EnrolmentRow[];
  attendance: readonly AttendanceRow[];
  scores: readonly ScoreRow[];
  certificates: readonly CertificateRow[];
}

export function presentClassDetail(row: ClassRow, parts: ClassParts) {
  const status = new Map(parts.attendance.map((a) => [`${a.session_id}:${a.enrolment_id}`, a.status]));
  const score = new Map(parts.scores.map((s) => [`${s.test_id}:${s.enrolment_id}`, Number(s.score)]));
  return {
    ...presentClass(row),
    sessions: parts.sessions.map((session) => ({
      id: session.id,
      date: session.session_date,
      startTime: session.starts_at,
      endTime: session.ends_at,
      topic: session.topic,
      instructors: session.instructor_ids.map((id) => ({ id, fullName: parts.instructors.get(id) ?? '' })),
    })),
    tests: parts.tests.map((test) => ({ id: test.id, name: test.name, heldOn: test.held_on })),
    enrolments: parts.enrolments.map((enrolment) => ({
      cadreId: enrolment.cadre_id,
      fullName: enrolment.full_name,
      planProposalId: enrolment.plan_proposal_id,
      attendance: parts.sessions.map((session) => ({ sessionId: session.id, status: status.get(`${session.id}:${enrolment.id}`) ?? null })),
      scores: parts.tests.map((test) => ({ testId: test.id, score: score.get(`${test.id}:${enrolment.id}`) ?? null })),
    })),
    certificates: parts.certificates.map(presentCertificate),
  };
}

export function presentCadreTraining(cadreId: string, history: readonly HistoryRow[], hours: readonly { year: number; hours: string }[]) {
  return {
    cadreId,
    classes: history.map((row) => ({
      classId: row.class_id,
      className: row.class_name,
      startDate: row.start_date,
      endDate: row.end_date,
      programme: { id: row.programme_id, name: row.programme_name, form: { code: row.form, label: FORM_LABELS[row.form].vi } },
      sessions: row.sessions,
      present: row.present,
      certificate:
        row.certificate_id !== null && row.certificate_number !== null && row.certificate_issued_on !== null
          ? { id: row.certificate_id, number: row.certificate_number, issuedOn: row.certificate_issued_on }
          : null,
    })),
    hoursByYear: hours.map((row) => ({ year: row.year, hours: Number(row.hours) })),
  };
}

function formOf(code: ProgrammeForm) {
  return { code, label: FORM_LABELS[code].vi };
}

export function presentVisit(row: VisitRow, communeName: string) {
  return {
    id: row.id,
    commune: { id: row.commune_id, name: communeName },
    programme: row.programme_id !== null && row.programme_name !== null ? { id: row.programme_id, name: row.programme_name } : null,
    visitedOn: row.visited_on,
    fields: row.fields,
    officers: row.officers.map((officer) => ({ id: officer.id, fullName: officer.full_name })),
    cadres: row.cadres.map((cadre) => ({ id: cadre.id, fullName: cadre.full_name })),
    solved: row.solved,
    followUps: row.follow_ups,
  };
}

/** Classes and visits on one timeline, earliest first. */
export function presentCalendar(classes: readonly ClassRow[], visits: readonly VisitRow[], communeNames: ReadonlyMap<string, string>) {
  const items = [
    ...classes.map((row) => ({
      kind: 'class' as const,
      id: row.id,
      title: row.name,
      form: formOf(row.programme_form),
      startDate: row.start_date,
      endDate: row.end_date,
      unitId: row.unit_id,
    })),
    ...visits.map((row) => ({
      kind: 'visit' as const,
      id: row.id,
      title: `Hướng dẫn tại ${communeNames.get(row.commune_id) ?? ''}${row.fields.length > 0 ? `: ${row.fields.join(', ')}` : ''}`,
      form: formOf('field_guidance'),
      startDate: row.visited_on,
      endDate: row.visited_on,
      unitId: row.commune_id,
    })),
  ];
  items.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.kind.localeCompare(b.kind) || Number(a.id) - Number(b.id));
  return { items };
}

/** Every form is listed, the unused ones with zeros, so the variety (or its lack) shows. */
export function presentDiversity(unitId: string, year: number, rows: readonly FormCountRow[]) {
  const byForm = PROGRAMME_FORMS.map((code) => {
    const row = rows.find((r) => r.form === code);
    return { form: formOf(code), classes: row?.classes ?? 0, visits: row?.visits ?? 0, participants: row?.participants ?? 0 };
  });
  return { unitId, year, byForm, formsUsed: byForm.filter((row) => row.classes + row.visits > 0).length };
}

type Counts = { planned: number; enrolled: number; certified: number };

function tally<K>(rows: readonly FulfilmentRow[], keyOf: (row: FulfilmentRow) => K | null): Map<K, Counts> {
  const totals = new Map<K, Counts>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const counts = totals.get(key) ?? { planned: 0, enrolled: 0, certified: 0 };
    counts.planned += row.planned;
    counts.enrolled += row.enrolled;
    counts.certified += row.certified;
    totals.set(key, counts);
  }
  return totals;
}

function fieldOf(courseType: string): TrainingField | null {
  return isCourseTypeCode(courseType) ? courseTypeByCode(courseType).field : null;
}

export function presentFulfilment(unitId: string, year: number, rows: readonly FulfilmentRow[]) {
  const byCourseType = [...tally(rows, (row) => row.course_type)].map(([courseType, counts]) => ({
    courseType,
    courseName: isCourseTypeCode(courseType) ? courseTypeByCode(courseType).nameVi : courseType,
    ...counts,
  }));
  const byField = [...tally(rows, (row) => fieldOf(row.course_type))].map(([field, counts]) => ({ field, label: TRAINING_FIELD_LABELS[field].vi, ...counts }));
  // Places are planned without a form: a form only counts the places taken up in a class of that form.
  const byForm = PROGRAMME_FORMS.flatMap((form) => {
    const counts = tally(rows, (row) => row.form).get(form);
    return counts ? [{ form: { code: form, label: FORM_LABELS[form].vi }, enrolled: counts.enrolled, certified: counts.certified }] : [];
  });
  const sum = (key: keyof Counts) => rows.reduce((total, row) => total + row[key], 0);
  return { unitId, year, byCourseType, byField, byForm, total: { planned: sum('planned'), enrolled: sum('enrolled'), certified: sum('certified') } };
}

export function presentPlanCandidates(rows: readonly PlanCandidateRow[], units: ReadonlyMap<string, { name: string }>) {
  const items = rows.map((row) => ({
    proposalId: row.proposal_id,
    cadreId: row.cadre_id,
    fullName: row.full_name,
    unitName: units.get(row.unit_id)?.name ?? '',
    titleName: row.title_codes.length === 0 ? null : row.title_codes.map((code) => (isTitleCode(code) ? titleByCode(code).shortNameVi : code)).join(', '),
    reason: row.reason_text,
  }));
  // Rows come ordered by name; a stable sort by unit keeps that order within each unit.
  return { items: items.sort((a, b) => compareVietnamese(a.unitName, b.unitName)) };
}
