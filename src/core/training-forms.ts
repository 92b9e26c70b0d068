/** The forms of training the province uses ("đa dạng hình thức"), in the order screens and reports list them. */
export const PROGRAMME_FORMS = ['formal_degree', 'short_course', 'on_the_job', 'field_guidance', 'briefing', 'online', 'study_tour'] as const;
export type ProgrammeForm = (typeof PROGRAMME_FORMS)[number];

/** What completing a programme gives: nothing recorded, a certificate, or a qualification level. */
export const PROGRAMME_OUTCOMES = ['none', 'certificate', 'qualification'] as const;
export type ProgrammeOutcome = (typeof PROGRAMME_OUTCOMES)[number];

/** The qualification scales a completed course can raise. */
export const GRANTED_SCALES = ['professional', 'political_theory', 'state_management'] as const;
export type GrantedScale = (typeof GRANTED_SCALES)[number];

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A session's start or end, "HH:MM" on the 24-hour clock, as offices write it. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
