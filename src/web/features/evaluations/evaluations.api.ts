import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../app/api/api-client';
import type {
  cadreEvaluationsSchema,
  disciplineBodySchema,
  evaluationBodySchema,
  evaluationSummarySchema,
} from '../../../server/evaluations/evaluations.schema';

export type CadreEvaluations = z.output<typeof cadreEvaluationsSchema>;
export type EvaluationInput = z.input<typeof evaluationBodySchema>;
export type DisciplineInput = z.input<typeof disciplineBodySchema>;
export type EvaluationSummary = z.output<typeof evaluationSummarySchema>;

export function useEvaluationSummary(unitId: string, year: number | undefined) {
  return useQuery({
    queryKey: ['evaluations', 'summary', unitId, year],
    queryFn: ({ signal }) => apiFetch<EvaluationSummary>('/api/evaluations/summary', { query: { unitId, year }, signal }),
    placeholderData: keepPreviousData,
  });
}

const root = (cadreId: string) => ['evaluations', cadreId] as const;

export function useCadreEvaluations(cadreId: string) {
  return useQuery({
    queryKey: root(cadreId),
    queryFn: ({ signal }) => apiFetch<CadreEvaluations>(`/api/cadres/${cadreId}/evaluations`, { signal }),
  });
}

function useEvaluationMutation<V>(cadreId: string, request: (variables: V) => Promise<CadreEvaluations>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: (data) => queryClient.setQueryData(root(cadreId), data) });
}

export function useSaveEvaluation(cadreId: string) {
  return useEvaluationMutation(cadreId, ({ year, input }: { year: number; input: EvaluationInput }) =>
    apiFetch<CadreEvaluations>(`/api/cadres/${cadreId}/evaluations/${year}`, { method: 'PUT', body: input }),
  );
}

export function useDeleteEvaluation(cadreId: string) {
  return useEvaluationMutation(cadreId, (year: number) => apiFetch<CadreEvaluations>(`/api/cadres/${cadreId}/evaluations/${year}`, { method: 'DELETE' }));
}

export function useAddDiscipline(cadreId: string) {
  return useEvaluationMutation(cadreId, (input: DisciplineInput) =>
    apiFetch<CadreEvaluations>(`/api/cadres/${cadreId}/disciplines`, { method: 'POST', body: input }),
  );
}

export function useDeleteDiscipline(cadreId: string) {
  return useEvaluationMutation(cadreId, (id: string) => apiFetch<CadreEvaluations>(`/api/cadres/${cadreId}/disciplines/${id}`, { method: 'DELETE' }));
}
