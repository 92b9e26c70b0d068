import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../app/api/api-client';
import type {
  rotationBodySchema,
  rotationCheckSchema,
  rotationEndBodySchema,
  rotationListSchema,
  rotationOutcomesSchema,
  rotationSchema,
  rotationUpdateBodySchema,
  weakCommunesSchema,
} from '../../../server/rotations/rotations.schema';

export type Rotation = z.output<typeof rotationSchema>;
export type RotationList = z.output<typeof rotationListSchema>;
export type RotationInput = z.input<typeof rotationBodySchema>;
export type RotationCheck = z.output<typeof rotationCheckSchema>;
export type RotationEnd = z.input<typeof rotationEndBodySchema>;
export type RotationChanges = z.input<typeof rotationUpdateBodySchema>;
export type WeakCommunes = z.output<typeof weakCommunesSchema>;
export type RotationOutcomes = z.output<typeof rotationOutcomesSchema>;

export function useRotationOutcomes(unitId: string, from: string | undefined) {
  return useQuery({
    queryKey: [...root, 'outcomes', unitId, from],
    queryFn: ({ signal }) => apiFetch<RotationOutcomes>('/api/rotations/outcomes', { query: { unitId, from, status: 'all' }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface RotationFilter {
  unitId?: string;
  cadreId?: string;
  from?: string;
  to?: string;
  status: 'running' | 'ended' | 'all';
  page: number;
  pageSize: number;
}

const root = ['rotations'] as const;

export function useRotations(filter: RotationFilter) {
  return useQuery({
    queryKey: [...root, 'list', filter],
    queryFn: ({ signal }) => apiFetch<RotationList>('/api/rotations', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRotation(id: string | null) {
  return useQuery({
    queryKey: [...root, 'detail', id],
    queryFn: ({ signal }) => apiFetch<Rotation>(`/api/rotations/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useWeakCommunes(unitId: string, year: number | undefined) {
  return useQuery({
    queryKey: [...root, 'weak', unitId, year],
    queryFn: ({ signal }) => apiFetch<WeakCommunes>('/api/rotations/weak-communes', { query: { unitId, year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function checkRotation(input: RotationInput) {
  return apiFetch<RotationCheck>('/api/rotations/check', { method: 'POST', body: input });
}

function useRotationMutation<V, R>(request: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: root }), queryClient.invalidateQueries({ queryKey: ['cadres'] })]),
  });
}

export function useCreateRotation() {
  return useRotationMutation((input: RotationInput) => apiFetch<Rotation>('/api/rotations', { method: 'POST', body: input }));
}

export function useUpdateRotation(id: string) {
  return useRotationMutation((input: RotationChanges) => apiFetch<Rotation>(`/api/rotations/${id}`, { method: 'PATCH', body: input }));
}

export function useEndRotation(id: string) {
  return useRotationMutation((input: RotationEnd) => apiFetch<Rotation>(`/api/rotations/${id}/end`, { method: 'POST', body: input }));
}

export function useDeleteRotation(id: string) {
  return useRotationMutation(() => apiFetch<void>(`/api/rotations/${id}`, { method: 'DELETE' }));
}
