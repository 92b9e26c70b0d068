import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../app/api/api-client';
import type {
  calendarSchema,
  decisionBodySchema,
  dialogueBodySchema,
  dialogueSchema,
  legalPeriodSchema,
  petitionBodySchema,
  petitionDetailSchema,
  petitionListSchema,
  petitionOptionsSchema,
  petitionReportSchema,
  receptionListSchema,
  receptionSessionBodySchema,
  settlementBodySchema,
} from '../../../server/petitions/petitions.schema';

export type PetitionList = z.output<typeof petitionListSchema>;
export type PetitionListItem = PetitionList['items'][number];
export type PetitionClock = NonNullable<PetitionListItem['clock']>;
export type PetitionDetail = z.output<typeof petitionDetailSchema>;
export type PetitionInput = z.input<typeof petitionBodySchema>;
export type PetitionOptions = z.output<typeof petitionOptionsSchema>;
export type DecisionInput = z.input<typeof decisionBodySchema>;
export type SettlementInput = z.input<typeof settlementBodySchema>;
export type PetitionReport = z.output<typeof petitionReportSchema>;
export type Dialogue = z.output<typeof dialogueSchema>;
export type DialogueInput = z.input<typeof dialogueBodySchema>;
export type WorkCalendar = z.output<typeof calendarSchema>;
export type LegalPeriod = z.output<typeof legalPeriodSchema>;
export type ReceptionList = z.output<typeof receptionListSchema>;
export type ReceptionSession = ReceptionList['items'][number];
export type ReceptionSessionInput = z.input<typeof receptionSessionBodySchema>;

export interface PetitionFilter {
  unitId: string;
  status: 'open' | 'overdue' | 'closed' | 'all';
  type?: string;
  overLevel?: 'true' | 'false';
  q?: string;
  asOf: string;
  page: number;
  pageSize: number;
}

const root = ['petitions'] as const;

export function usePetitions(filter: PetitionFilter) {
  return useQuery({
    queryKey: [...root, 'list', filter],
    queryFn: ({ signal }) => apiFetch<PetitionList>('/api/petitions', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePetition(id: string, asOf: string) {
  return useQuery({
    queryKey: [...root, 'detail', id, asOf],
    queryFn: ({ signal }) => apiFetch<PetitionDetail>(`/api/petitions/${id}`, { query: { asOf }, signal }),
  });
}

export function usePetitionOptions(unitId: string | undefined) {
  return useQuery({
    queryKey: [...root, 'options', unitId],
    queryFn: ({ signal }) => apiFetch<PetitionOptions>('/api/petitions/options', { query: { unitId }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useReceivePetition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PetitionInput) => apiFetch<PetitionDetail>('/api/petitions', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

/** One step on a case (decision, referral, extension, settlement, report back, handlers): the server answers with the case. */
export function usePetitionStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body, method = 'POST' }: { step: string; body: unknown; method?: 'POST' | 'PUT' }) =>
      apiFetch<PetitionDetail & { childId?: string }>(`/api/petitions/${id}/${step}`, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function usePetitionReport(unitId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...root, 'report', unitId, from, to],
    queryFn: ({ signal }) => apiFetch<PetitionReport>('/api/petitions/report', { query: { unitId, from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDialogues(filter: { unitId: string; from?: string; to?: string; asOf: string }) {
  return useQuery({
    queryKey: [...root, 'dialogues', filter],
    queryFn: ({ signal }) => apiFetch<{ items: Dialogue[] }>('/api/dialogues', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveDialogue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: DialogueInput }) =>
      id ? apiFetch<Dialogue>(`/api/dialogues/${id}`, { method: 'PUT', body: input }) : apiFetch<Dialogue>('/api/dialogues', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useDeleteDialogue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/dialogues/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useMarkCommitment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dialogueId, commitmentId, doneOn }: { dialogueId: string; commitmentId: string; doneOn: string | null }) =>
      apiFetch<Dialogue>(`/api/dialogues/${dialogueId}/commitments/${commitmentId}`, { method: 'PUT', body: { doneOn } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useWorkCalendar(year: number) {
  return useQuery({
    queryKey: [...root, 'calendar', year],
    queryFn: ({ signal }) => apiFetch<WorkCalendar>('/api/legal-calendar', { query: { year }, signal }),
  });
}

export function useSetCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: { date: string; kind: 'day_off' | 'working_day'; name: string }) =>
      apiFetch<WorkCalendar>(`/api/legal-calendar/${date}`, { method: 'PUT', body: { kind, name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useRemoveCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => apiFetch<WorkCalendar>(`/api/legal-calendar/${date}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useLegalPeriods() {
  return useQuery({
    queryKey: [...root, 'periods'],
    queryFn: ({ signal }) => apiFetch<{ items: LegalPeriod[] }>('/api/legal-periods', { signal }),
  });
}

export function useAddLegalPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; amount: number; unit: LegalPeriod['unit']; validFrom: string; basis: string }) =>
      apiFetch<{ items: LegalPeriod[] }>('/api/legal-periods', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useReceptionSessions(unitId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...root, 'reception', unitId, from, to],
    queryFn: ({ signal }) => apiFetch<ReceptionList>('/api/reception-sessions', { query: { unitId, from, to }, signal }),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useSaveReceptionSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ReceptionSessionInput }) =>
      id
        ? apiFetch<ReceptionSession>(`/api/reception-sessions/${id}`, { method: 'PUT', body: input })
        : apiFetch<ReceptionSession>('/api/reception-sessions', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useDeleteReceptionSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/reception-sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}
