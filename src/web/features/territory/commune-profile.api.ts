import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { z } from 'zod';
import type {
  addAreaClassBodySchema,
  areaClassHistorySchema,
  areaClassSchema,
  createWeakBodySchema,
  designationSchema,
  updateAreaClassBodySchema,
} from '../../../server/commune-profile/commune-profile.schema';
import { territoryQueryRoot } from './territory.api';

// The shapes are the server's own schemas: a change there is a type error here.
export { AREA_FLAGS, WEAK_FIELDS, type AreaFlag, type WeakField } from '../../../core/commune-profile';

type ProfileCommune = AreaClassHistory['commune'];
export type AreaClass = z.infer<typeof areaClassSchema>;
export type AreaClassHistory = z.infer<typeof areaClassHistorySchema>;
export type NewAreaClass = z.input<typeof addAreaClassBodySchema>;
export type AreaClassChanges = z.input<typeof updateAreaClassBodySchema>;
export type WeakDesignation = z.infer<typeof designationSchema>;
export type WeakDesignationInput = Omit<z.input<typeof createWeakBodySchema>, 'communeId'>;

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
  return useProfileMutation((input: WeakDesignationInput & { communeId: string }) =>
    apiFetch<WeakDesignation>('/api/weak-units', { method: 'POST', body: input }),
  );
}

export function useUpdateWeakDesignation() {
  return useProfileMutation(({ id, changes }: { id: string; changes: Partial<WeakDesignationInput> }) =>
    apiFetch<WeakDesignation>(`/api/weak-units/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
  );
}

export function useDeleteWeakDesignation() {
  return useProfileMutation((id: string) => apiFetch<void>(`/api/weak-units/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}
