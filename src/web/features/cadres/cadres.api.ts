import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  addPostBodySchema,
  listCadresQuerySchema,
  addQualificationBodySchema,
  cadreListItemSchema,
  cadreProfileSchema,
  createCadreBodySchema,
  listCadresResponseSchema,
  updatePostBodySchema,
} from '../../../server/cadres/cadres.schema';
import { apiFetch } from '../../app/api/api-client';

/** Responses are the server's own Zod schemas (`src/server/cadres/cadres.schema.ts`). */

export type { DatePrecision } from '../../../core/dates';
export { HOW_OBTAINED, QUALIFICATION_KINDS, QUALIFICATION_SOURCES, STUDY_MODES } from '../../../core/cadre-record';
import type { Gender, HowObtained, QualificationKind, QualificationSource, StudyMode } from '../../../core/cadre-record';
export type { Gender, HowObtained, QualificationKind, QualificationSource, StudyMode };

export type CadreListItem = z.output<typeof cadreListItemSchema>;
export type CadreList = z.output<typeof listCadresResponseSchema>;
export type CadreProfile = z.output<typeof cadreProfileSchema>;
export type Post = CadreListItem['posts'][number];
export type Qualification = CadreProfile['qualifications'][number];
export type Levels = CadreListItem['levels'];
export type CodeLabel = NonNullable<Levels['professional']>;

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
  retiresWithin?: z.output<typeof listCadresQuerySchema>['retiresWithin'];
}

export type CadreInput = z.input<typeof createCadreBodySchema>;
export type PostInput = z.input<typeof addPostBodySchema>;
export type PostChanges = z.input<typeof updatePostBodySchema>;
export type QualificationInput = z.input<typeof addQualificationBodySchema>;

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
    retiresWithin: filter.retiresWithin,
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
  return useCadreMutation((postId: string) => apiFetch<CadreProfile>(`${cadrePath(cadreId)}/posts/${encodeURIComponent(postId)}`, { method: 'DELETE' }));
}

export function useAddQualification(cadreId: string) {
  return useCadreMutation((input: QualificationInput) => apiFetch<Qualification>(`${cadrePath(cadreId)}/qualifications`, { method: 'POST', body: input }));
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
