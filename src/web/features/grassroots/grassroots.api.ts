import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../app/api/api-client';
import type {
  briefingBodySchema,
  briefingSchema,
  problemBodySchema,
  problemDetailSchema,
  problemListSchema,
  problemOptionsSchema,
  problemReportSchema,
} from '../../../server/grassroots/grassroots.schema';

export type ProblemList = z.output<typeof problemListSchema>;
export type ProblemListItem = ProblemList['items'][number];
export type ProblemDetail = z.output<typeof problemDetailSchema>;
export type ProblemInput = z.input<typeof problemBodySchema>;
export type ProblemOptions = z.output<typeof problemOptionsSchema>;
export type ProblemReport = z.output<typeof problemReportSchema>;
export type Briefing = z.output<typeof briefingSchema>;
export type BriefingInput = z.input<typeof briefingBodySchema>;

export interface ProblemFilter {
  unitId: string;
  year?: number;
  status?: string;
  fieldCode?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const root = ['grassroots'] as const;

export function useProblems(filter: ProblemFilter) {
  return useQuery({
    queryKey: [...root, 'list', filter],
    queryFn: ({ signal }) => apiFetch<ProblemList>('/api/grassroots-problems', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProblem(id: string | null) {
  return useQuery({
    queryKey: [...root, 'detail', id],
    queryFn: ({ signal }) => apiFetch<ProblemDetail>(`/api/grassroots-problems/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useProblemOptions(communeId: string | undefined, on: string) {
  return useQuery({
    queryKey: [...root, 'options', communeId, on],
    queryFn: ({ signal }) => apiFetch<ProblemOptions>('/api/grassroots-problems/options', { query: { communeId, on }, signal }),
    enabled: communeId !== undefined,
  });
}

export function useProblemReport(unitId: string, year: number) {
  return useQuery({
    queryKey: [...root, 'report', unitId, year],
    queryFn: ({ signal }) => apiFetch<ProblemReport>('/api/grassroots-problems/report', { query: { unitId, year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ProblemInput }) =>
      id
        ? apiFetch<ProblemDetail>(`/api/grassroots-problems/${id}`, { method: 'PUT', body: input })
        : apiFetch<ProblemDetail>('/api/grassroots-problems', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useProblemStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: 'progress' | 'carry-over'; body: unknown }) =>
      apiFetch<ProblemDetail & { nextId?: string }>(`/api/grassroots-problems/${id}/${step}`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useBriefings(unitId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...root, 'briefings', unitId, from, to],
    queryFn: ({ signal }) => apiFetch<{ items: Briefing[] }>('/api/briefings', { query: { unitId, from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateBriefing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BriefingInput) => apiFetch<Briefing>('/api/briefings', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useUpdateBriefing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Omit<BriefingInput, 'communeId'> }) =>
      apiFetch<Briefing>(`/api/briefings/${id}`, { method: 'PUT', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useIssueToProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ briefingId, issueId, body }: { briefingId: string; issueId: string; body: { year: number; fieldCode: string; targetOn: string } }) =>
      apiFetch<Briefing>(`/api/briefings/${briefingId}/issues/${issueId}/problem`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}
