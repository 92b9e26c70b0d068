import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { Page, UnitSummary } from '../../app/api/types';

/** Shapes exactly as `src/server/cadres/cadres.schema.ts` returns and accepts them. */

export type Gender = 'nam' | 'nu';
export type DatePrecision = 'day' | 'year';
export const HOW_OBTAINED = ['bau_cu', 'bo_nhiem', 'luan_chuyen', 'dieu_dong'] as const;
export type HowObtained = (typeof HOW_OBTAINED)[number];
export const QUALIFICATION_KINDS = ['professional', 'political_theory', 'state_management', 'it', 'foreign_language'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];
export const QUALIFICATION_SOURCES = ['declared', 'certificate', 'course'] as const;
export type QualificationSource = (typeof QUALIFICATION_SOURCES)[number];
export const STUDY_MODES = ['chinh_quy', 'tai_chuc', 'vua_lam_vua_hoc', 'tu_xa', 'lien_thong', 'van_bang_hai', 'khac'] as const;
export type StudyMode = (typeof STUDY_MODES)[number];

export interface CodeLabel {
  code: string;
  label: string;
}

export interface Levels {
  professional: CodeLabel | null;
  politicalTheory: CodeLabel | null;
  stateManagement: CodeLabel | null;
  it: CodeLabel | null;
  foreignLanguage: CodeLabel | null;
}

export interface Post {
  id: string;
  title: { code: string; name: string; shortName: string; isKey: boolean };
  unit: UnitSummary;
  startDate: string;
  startDatePrecision: DatePrecision;
  endDate: string | null;
  term: string | null;
  howObtained: HowObtained | null;
  concurrent: boolean;
  note: string | null;
  firstTermInPartyCommittee: boolean;
  heldOnAsOf: boolean;
}

export interface Qualification {
  id: string;
  kind: QualificationKind;
  level: CodeLabel;
  major: string | null;
  institution: string | null;
  studyMode: StudyMode | null;
  language: string | null;
  obtainedOn: string | null;
  obtainedPrecision: DatePrecision | null;
  source: QualificationSource;
  sourceRef: string | null;
  note: string | null;
  obtainedByAsOf: boolean;
}

export interface CadreListItem {
  id: string;
  fullName: string;
  gender: Gender | null;
  birthDate: string | null;
  birthDatePrecision: DatePrecision | null;
  owningUnit: UnitSummary;
  /** Posts held on the list's date. */
  posts: Post[];
  isKey: boolean;
  levels: Levels;
  hasPhoto: boolean;
}

export interface CadreList extends Page<CadreListItem> {
  asOf: string;
}

export interface CadreProfile extends CadreListItem {
  givenName: string;
  ethnicity: { code: string; name: string } | null;
  religion: string | null;
  homeTown: string | null;
  /** Masked ("0010******12") when `sensitiveHidden`. */
  personalId: string | null;
  partyJoinedOn: string | null;
  partyJoinedPrecision: DatePrecision | null;
  phone: string | null;
  email: string | null;
  discipline: string | null;
  /** The actor may not see personal data: personal id masked, ethnicity, religion and discipline null. */
  sensitiveHidden: boolean;
  postHistory: Post[];
  qualifications: Qualification[];
  asOf: string;
  createdAt: string;
  updatedAt: string;
}

/** The list's filters, as the URL keeps them and the API takes them. */
export interface CadreFilter {
  unitId?: string;
  asOf?: string;
  q?: string;
  title?: string[];
  key?: boolean;
  status?: 'holding' | 'all';
  professionalLevel?: string;
  politicalTheoryLevel?: string;
}

export interface CadreInput {
  fullName: string;
  gender: Gender | null;
  /** 'YYYY-MM-DD', or 'YYYY' when only the year is known. */
  birthDate: string | null;
  ethnicityCode?: string | null;
  religion?: string | null;
  homeTown: string | null;
  personalId?: string | null;
  partyJoinedOn: string | null;
  phone: string | null;
  email: string | null;
  discipline?: string | null;
  owningUnitId: string;
}

export interface PostInput {
  unitId: string;
  titleCode: string;
  startDate: string;
  endDate: string | null;
  term: string | null;
  howObtained: HowObtained | null;
  concurrent: boolean;
  note: string | null;
  firstTermInPartyCommittee: boolean;
}

export type PostChanges = Partial<Omit<PostInput, 'unitId' | 'titleCode'>>;

export interface QualificationInput {
  kind: QualificationKind;
  level: string;
  major: string | null;
  institution: string | null;
  studyMode: StudyMode | null;
  language: string | null;
  obtainedOn: string | null;
  source: QualificationSource;
  sourceRef: string | null;
  note: string | null;
}

const cadresQueryRoot = ['cadres'] as const;

/** Query parameters of the list and of the export: the same filters, the titles comma-separated. */
export function filterQuery(filter: CadreFilter): Record<string, string | boolean | undefined> {
  return {
    unitId: filter.unitId,
    asOf: filter.asOf,
    q: filter.q,
    title: filter.title && filter.title.length > 0 ? filter.title.join(',') : undefined,
    key: filter.key,
    status: filter.status,
    professionalLevel: filter.professionalLevel,
    politicalTheoryLevel: filter.politicalTheoryLevel,
  };
}

export function useCadreList(filter: CadreFilter, paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...cadresQueryRoot, 'list', filter, paging],
    queryFn: ({ signal }) => apiFetch<CadreList>('/api/cadres', { query: { ...filterQuery(filter), ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function cadrePath(id: string): string {
  return `/api/cadres/${encodeURIComponent(id)}`;
}

export function useCadreProfile(id: string, asOf: string) {
  return useQuery({
    queryKey: [...cadresQueryRoot, 'profile', id, asOf],
    queryFn: ({ signal }) => apiFetch<CadreProfile>(cadrePath(id), { query: { asOf }, signal }),
    // The same person at the previous date stays on screen while another date loads; never another person.
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
}

function useCadreMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Lists, profiles at every date and import history all change with a person.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadresQueryRoot }),
  });
}

export function useCreateCadre() {
  return useCadreMutation((input: CadreInput) => apiFetch<CadreProfile>('/api/cadres', { method: 'POST', body: input }));
}

export function useUpdateCadre(id: string) {
  return useCadreMutation((changes: Partial<CadreInput>) => apiFetch<CadreProfile>(cadrePath(id), { method: 'PATCH', body: changes }));
}

export function useAddPost(cadreId: string) {
  return useCadreMutation((input: PostInput) => apiFetch<CadreProfile>(`${cadrePath(cadreId)}/posts`, { method: 'POST', body: input }));
}

export function useUpdatePost(cadreId: string) {
  return useCadreMutation(({ postId, changes }: { postId: string; changes: PostChanges }) =>
    apiFetch<CadreProfile>(`${cadrePath(cadreId)}/posts/${encodeURIComponent(postId)}`, { method: 'PATCH', body: changes }),
  );
}

export function useEndPost(cadreId: string) {
  return useCadreMutation(({ postId, endDate, note }: { postId: string; endDate: string; note?: string | null }) =>
    apiFetch<CadreProfile>(`${cadrePath(cadreId)}/posts/${encodeURIComponent(postId)}/end`, { method: 'POST', body: { endDate, note } }),
  );
}

export function useDeletePost(cadreId: string) {
  return useCadreMutation((postId: string) =>
    apiFetch<CadreProfile>(`${cadrePath(cadreId)}/posts/${encodeURIComponent(postId)}`, { method: 'DELETE' }),
  );
}

export function useAddQualification(cadreId: string) {
  return useCadreMutation((input: QualificationInput) =>
    apiFetch<Qualification>(`${cadrePath(cadreId)}/qualifications`, { method: 'POST', body: input }),
  );
}

export function useDeleteQualification(cadreId: string) {
  return useCadreMutation((qualificationId: string) =>
    apiFetch<void>(`${cadrePath(cadreId)}/qualifications/${encodeURIComponent(qualificationId)}`, { method: 'DELETE' }),
  );
}

export function useDeletePhoto(cadreId: string) {
  return useCadreMutation(() => apiFetch<void>(`${cadrePath(cadreId)}/photo`, { method: 'DELETE' }));
}

export function useInvalidateCadres(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: cadresQueryRoot });
}
