/**
 * The vocabulary of a person's record, shared by the database tables, the
 * API schemas and the screens.
 */

export type Gender = 'nam' | 'nu';

/** How a post was obtained: election, appointment, rotation (luân chuyển), assignment (điều động). */
export const HOW_OBTAINED = ['bau_cu', 'bo_nhiem', 'luan_chuyen', 'dieu_dong'] as const;
export type HowObtained = (typeof HOW_OBTAINED)[number];

export const QUALIFICATION_KINDS = ['professional', 'political_theory', 'state_management', 'it', 'foreign_language'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const QUALIFICATION_SOURCES = ['declared', 'certificate', 'course'] as const;
export type QualificationSource = (typeof QUALIFICATION_SOURCES)[number];

export const STUDY_MODES = ['chinh_quy', 'tai_chuc', 'vua_lam_vua_hoc', 'tu_xa', 'lien_thong', 'van_bang_hai', 'khac'] as const;
export type StudyMode = (typeof STUDY_MODES)[number];
