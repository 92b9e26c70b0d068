import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../app/api/api-client';
import type { addEntryBodySchema, plansSchema, removeEntryBodySchema } from '../../../server/succession/succession.schema';

export type Plans = z.output<typeof plansSchema>;
export type AddEntryInput = z.input<typeof addEntryBodySchema>;
export type RemoveEntryInput = z.input<typeof removeEntryBodySchema>;

const root = ['succession'] as const;

export function usePlans(unitId: string, term: string) {
  return useQuery({
    queryKey: [...root, unitId, term],
    queryFn: ({ signal }) => apiFetch<Plans>('/api/succession-plans', { query: { unitId, term }, signal }),
    placeholderData: keepPreviousData,
  });
}

function usePlanMutation<V>(request: (variables: V) => Promise<Plans>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: (data) => queryClient.setQueryData([...root, data.unit.id, data.term], data) });
}

export function useAddEntry() {
  return usePlanMutation((input: AddEntryInput) => apiFetch<Plans>('/api/succession-plans/entries', { method: 'POST', body: input }));
}

export function useRemoveEntry() {
  return usePlanMutation(({ id, input }: { id: string; input: RemoveEntryInput }) =>
    apiFetch<Plans>(`/api/succession-plans/entries/${id}/remove`, { method: 'POST', body: input }),
  );
}
