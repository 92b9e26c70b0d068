import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import { territoryQueryRoot } from './territory.api';

/** Shapes exactly as `src/server/commune-profile/commune-profile.schema.ts` returns them. */

export const AREA_FLAGS = ['dong_bang', 'mien_nui', 'bien_gioi', 'hai_dao', 'dan_toc', 'dac_biet_kho_khan'] as const;
export type AreaFlag = (typeof AREA_FLAGS)[number];

export const WEAK_FIELDS = [
  'xay_dung_dang',
  'chinh_quyen',
  'kinh_te',
  'tai_chinh_ngan_sach',
  'dat_dai_moi_truong',
  'an_ninh_trat_tu',
  'khieu_nai_to_cao',
  'doan_ket_noi_bo',
  'van_hoa_xa_hoi',
  'khac',
] as const;
export type WeakField = (typeof WEAK_FIELDS)[number];

interface ProfileCommune {
  id: string;
  code: string;
  name: string;
  type: string;
}

export interface AreaClass {
  id: string;
  communeId: string;
  flags: AreaFlag[];
  /** Outside the plains: the province may relax the professional standard there. */
  disadvantaged: boolean;
  validFrom: string | null;
  validTo: string | null;
  basis: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AreaClassHistory {
  commune: ProfileCommune;
  asOf: string;
  current: AreaClass | null;
  history: AreaClass[];
}

export interface NewAreaClass {
  flags: AreaFlag[];
  validFrom: string | null;
  validTo?: string | null;
  basis?: string | null;
  note?: string | null;
}

export type AreaClassChanges = Partial<Omit<NewAreaClass, 'validFrom'>>;

export interface WeakDesignation {
  id: string;
  commune: ProfileCommune;
  year: number;
  fields: WeakField[];
  reasons: string;
  decision: string | null;
  decidedOn: string | null;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WeakDesignationInput {
  year: number;
  fields: WeakField[];
  reasons: string;
  decision?: string | null;
  decidedOn?: string | null;
  validFrom?: string;
  validTo?: string | null;
  note?: string | null;
}

const profileRoot = [...territoryQueryRoot, 'commune-profile'] as const;

export function useAreaClasses(communeId: string, asOf: string) {
  return useQuery({
    queryKey: [...profileRoot, 'area-classes', communeId, asOf],
    queryFn: ({ signal }) => apiFetch<AreaClassHistory>(`/api/communes/${encodeURIComponent(communeId)}/area-classes`, { query: { asOf }, signal }),
  });
}

export function useWeakDesignations(communeId: string) {
  return useQuery({
    queryKey: [...profileRoot, 'weak', communeId],
    queryFn: ({ signal }) =>
      apiFetch<{ commune: ProfileCommune; items: WeakDesignation[] }>(`/api/communes/${encodeURIComponent(communeId)}/weak-designations`, { signal }),
  });
}

function useProfileMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: profileRoot }) });
}

export function useAddAreaClass() {
  return useProfileMutation(({ communeId, input }: { communeId: string; input: NewAreaClass }) =>
    apiFetch<AreaClass>(`/api/communes/${encodeURIComponent(communeId)}/area-classes`, { method: 'POST', body: input }),
  );
}

export function useUpdateAreaClass() {
  return useProfileMutation(({ id, changes }: { id: string; changes: AreaClassChanges }) =>
    apiFetch<AreaClass>(`/api/area-classes/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
  );
}

export function useDeleteAreaClass() {
  return useProfileMutation((id: string) => apiFetch<void>(`/api/area-classes/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}

export function useCreateWeakDesignation() {
  return useProfileMutation((input: WeakDesignationInput & { communeId: string }) => apiFetch<WeakDesignation>('/api/weak-units', { method: 'POST', body: input }));
}

export function useUpdateWeakDesignation() {
  return useProfileMutation(({ id, changes }: { id: string; changes: Partial<WeakDesignationInput> }) =>
    apiFetch<WeakDesignation>(`/api/weak-units/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
  );
}

export function useDeleteWeakDesignation() {
  return useProfileMutation((id: string) => apiFetch<void>(`/api/weak-units/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}
