import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../app/api/api-client';
import type {
  assignmentBodySchema,
  assignmentUpdateBodySchema,
  cellAttendanceSchema,
  coverageSchema,
  meetingBodySchema,
  monthAttendanceBodySchema,
  monthAttendanceResultSchema,
} from '../../../server/party-cells/party-cells.schema';

export type CellYear = z.output<typeof cellAttendanceSchema>;
export type CellAssignment = CellYear['assignments'][number];
export type CellMeeting = CellYear['meetings'][number];
export type CellCoverage = z.output<typeof coverageSchema>;
export type MonthAttendanceInput = z.input<typeof monthAttendanceBodySchema>;
export type MonthAttendanceResult = z.output<typeof monthAttendanceResultSchema>;
export type AssignmentInput = z.input<typeof assignmentBodySchema>;
export type AssignmentUpdate = z.input<typeof assignmentUpdateBodySchema>;
export type MeetingInput = z.input<typeof meetingBodySchema>;

const root = ['party-cells'] as const;

export function useCellCoverage(unitId: string, year: number, idleMonths: number) {
  return useQuery({
    queryKey: [...root, 'coverage', unitId, year, idleMonths],
    queryFn: ({ signal }) => apiFetch<CellCoverage>('/api/cell-attendance/coverage', { query: { unitId, year, idleMonths }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCellYear(committeeId: string, year: number) {
  return useQuery({
    queryKey: [...root, 'year', committeeId, year],
    queryFn: ({ signal }) => apiFetch<CellYear>(`/api/party-committees/${committeeId}/cell-attendance`, { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useCellMutation<Variables, Result = unknown>(run: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: root }) });
}

export function useRecordMonth(committeeId: string) {
  return useCellMutation(({ month, input }: { month: string; input: MonthAttendanceInput }) =>
    apiFetch<MonthAttendanceResult>(`/api/party-committees/${committeeId}/cell-attendance/${month}`, { method: 'PUT', body: input }),
  );
}

export function useCreateAssignment(committeeId: string) {
  return useCellMutation((input: AssignmentInput) => apiFetch(`/api/party-committees/${committeeId}/cell-assignments`, { method: 'POST', body: input }));
}

export function useUpdateAssignment() {
  return useCellMutation(({ id, input }: { id: string; input: AssignmentUpdate }) => apiFetch(`/api/cell-assignments/${id}`, { method: 'PATCH', body: input }));
}

export function useDeleteAssignment() {
  return useCellMutation((id: string) => apiFetch(`/api/cell-assignments/${id}`, { method: 'DELETE' }));
}

export function useUpdateMeeting() {
  return useCellMutation(({ id, input }: { id: string; input: MeetingInput }) => apiFetch(`/api/cell-meetings/${id}`, { method: 'PATCH', body: input }));
}
