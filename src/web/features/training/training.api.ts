import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { CadreListItem } from '../cadres/cadres.api';
import type { Page } from '../../app/api/types';

import type { z } from 'zod';
import type {
  attendanceImportResultSchema,
  cadreTrainingSchema,
  calendarSchema,
  classBodySchema,
  classDetailSchema,
  classSchema,
  classUpdateBodySchema,
  diversitySchema,
  fulfilmentSchema,
  instructorBodySchema,
  instructorSchema,
  planCandidatesSchema,
  programmeBodySchema,
  programmeSchema,
  sessionBodySchema,
  visitBodySchema,
  visitSchema,
} from '../../../server/training/training.schema';

import type { AttendanceStatus } from '../../../core/training-forms';

export { PROGRAMME_FORMS, PROGRAMME_OUTCOMES, type AttendanceStatus, type ProgrammeForm, type ProgrammeOutcome } from '../../../core/training-forms';

type Output<Schema extends z.ZodType> = z.output<Schema>;

export type Programme = Output<typeof programmeSchema>;
export type ProgrammeInput = z.input<typeof programmeBodySchema>;
export type Instructor = Output<typeof instructorSchema>;
export type TrainingClass = Output<typeof classSchema>;
export type ClassDetail = Output<typeof classDetailSchema>;
export type ClassSession = ClassDetail['sessions'][number];
export type Enrolment = ClassDetail['enrolments'][number];
export type Certificate = ClassDetail['certificates'][number];
export type SessionInput = z.input<typeof sessionBodySchema>;
export type ClassInput = z.input<typeof classBodySchema>;
export type PlanCandidate = Output<typeof planCandidatesSchema>['items'][number];
export type ImportReport = Output<typeof attendanceImportResultSchema>;
export type CadreTraining = Output<typeof cadreTrainingSchema>;
export type Visit = Output<typeof visitSchema>;
export type VisitInput = z.input<typeof visitBodySchema>;
export type CalendarItem = Output<typeof calendarSchema>['items'][number];
export type Diversity = Output<typeof diversitySchema>;
export type Fulfilment = Output<typeof fulfilmentSchema>;

/** A person found by name when enrolling: the cadre list's own item. */
export type CadreSearchItem = CadreListItem;

const root = ['training'] as const;
const classKey = (id: string) => [...root, 'class', id] as const;

export function useProgrammes(filter: { form?: string; q?: string } = {}) {
  return useQuery({
    queryKey: [...root, 'programmes', filter],
    queryFn: ({ signal }) => apiFetch<{ items: Programme[] }>('/api/training/programmes', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ProgrammeInput }) =>
      id
        ? apiFetch<Programme>(`/api/training/programmes/${id}`, { method: 'PUT', body: input })
        : apiFetch<Programme>('/api/training/programmes', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useDeleteProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/training/programmes/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useInstructors() {
  return useQuery({
    queryKey: [...root, 'instructors'],
    queryFn: ({ signal }) => apiFetch<{ items: Instructor[] }>('/api/training/instructors', { signal }),
  });
}

export type InstructorInput = z.input<typeof instructorBodySchema>;

/** A renamed instructor shows in class schedules and visits too, so every training answer is refreshed. */
export function useSaveInstructor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: InstructorInput }) =>
      id
        ? apiFetch<Instructor>(`/api/training/instructors/${id}`, { method: 'PUT', body: input })
        : apiFetch<Instructor>('/api/training/instructors', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useDeleteInstructor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/training/instructors/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...root, 'instructors'] }),
  });
}

export function useClasses(filter: { unitId?: string; programmeId?: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: [...root, 'classes', filter],
    queryFn: ({ signal }) => apiFetch<{ items: TrainingClass[] }>('/api/training/classes', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClassInput) => apiFetch<ClassDetail>('/api/training/classes', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useClass(id: string) {
  return useQuery({
    queryKey: classKey(id),
    queryFn: ({ signal }) => apiFetch<ClassDetail>(`/api/training/classes/${id}`, { signal }),
  });
}

/**
 * Every change to a class answers with the whole class; putting it straight
 * into the cache shows the new state without a second request, and the lists
 * (enrolled counts, calendar, fulfilment) are refreshed behind it.
 */
function useClassMutation<V>(classId: string, request: (variables: V) => Promise<ClassDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (detail) => {
      queryClient.setQueryData(classKey(classId), detail);
      const isThisClass = (key: readonly unknown[]) => key.length === 3 && key[1] === 'class' && key[2] === classId;
      return queryClient.invalidateQueries({ queryKey: root, predicate: (query) => !isThisClass(query.queryKey) });
    },
  });
}

export function useDeleteClass(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`/api/training/classes/${classId}`, { method: 'DELETE' }),
    // Dropped rather than refreshed: asking again for a deleted class would only bring back "not found".
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: classKey(classId) });
      return queryClient.invalidateQueries({ queryKey: root });
    },
  });
}

export function useEnrol(classId: string) {
  return useClassMutation(classId, (people: { cadreId: string; planProposalId?: string | null }[]) =>
    apiFetch<ClassDetail>(`/api/training/classes/${classId}/enrolments`, { method: 'POST', body: { people } }),
  );
}

export function useUnenrol(classId: string) {
  return useClassMutation(classId, (cadreId: string) => apiFetch<ClassDetail>(`/api/training/classes/${classId}/enrolments/${cadreId}`, { method: 'DELETE' }));
}

export function usePlanCandidates(classId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...classKey(classId), 'plan-candidates'],
    queryFn: ({ signal }) => apiFetch<{ items: PlanCandidate[] }>(`/api/training/classes/${classId}/plan-candidates`, { signal }),
    enabled,
  });
}

export function useRecordAttendance(classId: string) {
  return useClassMutation(classId, ({ sessionId, records }: { sessionId: string; records: { cadreId: string; status: AttendanceStatus }[] }) =>
    apiFetch<ClassDetail>(`/api/training/classes/${classId}/sessions/${sessionId}/attendance`, { method: 'PUT', body: { records } }),
  );
}

export function useRecordScores(classId: string) {
  return useClassMutation(classId, ({ testId, scores }: { testId: string; scores: { cadreId: string; score: number }[] }) =>
    apiFetch<ClassDetail>(`/api/training/classes/${classId}/tests/${testId}/scores`, { method: 'PUT', body: { scores } }),
  );
}

export function useIssueCertificate(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { cadreId: string; number: string; issuedOn: string }) =>
      apiFetch<Certificate>(`/api/training/classes/${classId}/certificates`, { method: 'POST', body: input }),
    // A certificate changes people's qualifications, so their profiles and compliance too.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiFetch<Certificate>(`/api/training/certificates/${id}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useCadreTraining(cadreId: string) {
  return useQuery({
    queryKey: [...root, 'cadre', cadreId],
    queryFn: ({ signal }) => apiFetch<CadreTraining>(`/api/cadres/${cadreId}/training`, { signal }),
  });
}

export function useVisits(filter: { unitId?: string; communeId?: string; officerId?: string; cadreId?: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: [...root, 'visits', filter],
    queryFn: ({ signal }) => apiFetch<{ items: Visit[] }>('/api/training/visits', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: VisitInput }) =>
      id
        ? apiFetch<Visit>(`/api/training/visits/${id}`, { method: 'PUT', body: input })
        : apiFetch<Visit>('/api/training/visits', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useDeleteVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/training/visits/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useCalendar(query: { unitId?: string; from: string; to: string }) {
  return useQuery({
    queryKey: [...root, 'calendar', query],
    queryFn: ({ signal }) => apiFetch<{ items: CalendarItem[] }>('/api/training/calendar', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDiversity(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...root, 'diversity', unitId, year],
    queryFn: ({ signal }) => apiFetch<Diversity>('/api/training/diversity', { query: { unitId, year }, signal }),
    enabled: Boolean(unitId),
  });
}

export function useFulfilment(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...root, 'fulfilment', unitId, year],
    queryFn: ({ signal }) => apiFetch<Fulfilment>('/api/training/plan-fulfilment', { query: { unitId, year }, signal }),
    enabled: Boolean(unitId),
  });
}

/** People found by name in the cadre registry, to enrol directly or to note on a visit. */
export function useCadreSearch(q: string, unitId?: string) {
  return useQuery({
    queryKey: [...root, 'cadre-search', q, unitId],
    queryFn: ({ signal }) => apiFetch<Page<CadreSearchItem>>('/api/cadres', { query: { q, unitId, pageSize: 20 }, signal }),
    enabled: q.trim().length > 0,
  });
}

export type ClassUpdate = z.input<typeof classUpdateBodySchema>;

export function useUpdateClass(classId: string) {
  return useClassMutation(classId, (input: ClassUpdate) => apiFetch<ClassDetail>(`/api/training/classes/${classId}`, { method: 'PUT', body: input }));
}

export function useSaveSession(classId: string) {
  return useClassMutation(classId, ({ sessionId, session }: { sessionId?: string; session: SessionInput }) =>
    sessionId
      ? apiFetch<ClassDetail>(`/api/training/classes/${classId}/sessions/${sessionId}`, { method: 'PUT', body: session })
      : apiFetch<ClassDetail>(`/api/training/classes/${classId}/sessions`, { method: 'POST', body: { sessions: [session] } }),
  );
}

export function useDeleteSession(classId: string) {
  return useClassMutation(classId, (sessionId: string) =>
    apiFetch<ClassDetail>(`/api/training/classes/${classId}/sessions/${sessionId}`, { method: 'DELETE' }),
  );
}

export function useAddTest(classId: string) {
  return useClassMutation(classId, (test: { name: string; heldOn?: string | null }) =>
    apiFetch<ClassDetail>(`/api/training/classes/${classId}/tests`, { method: 'POST', body: test }),
  );
}

export function useDeleteTest(classId: string) {
  return useClassMutation(classId, (testId: string) => apiFetch<ClassDetail>(`/api/training/classes/${classId}/tests/${testId}`, { method: 'DELETE' }));
}
