import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { Page } from '../../app/api/types';

import type { z } from 'zod';
import type { classBodySchema, programmeBodySchema, sessionBodySchema } from '../../../server/training/training.schema';

import type { AttendanceStatus } from '../../../core/training-forms';

export { PROGRAMME_FORMS, PROGRAMME_OUTCOMES, type AttendanceStatus, type ProgrammeForm, type ProgrammeOutcome } from '../../../core/training-forms';

interface Labelled {
  code: string;
  label: string;
}

export interface Programme {
  id: string;
  owningUnitId: string;
  name: string;
  form: Labelled;
  organiser: string | null;
  fields: string[];
  hours: number | null;
  outcome: Labelled;
  grants: { scale: string; level: string; label: string } | null;
  courseType: { code: string; name: string } | null;
}

export type ProgrammeInput = z.input<typeof programmeBodySchema>;

export interface Instructor {
  id: string;
  owningUnitId: string;
  fullName: string;
  workUnit: string | null;
  position: string | null;
}

export interface TrainingClass {
  id: string;
  programme: { id: string; name: string; form: Labelled };
  unitId: string;
  name: string;
  startDate: string;
  endDate: string;
  venue: string | null;
  venueUnitId: string | null;
  capacity: number;
  enrolled: number;
}

export interface ClassSession {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  topic: string | null;
  instructors: { id: string; fullName: string }[];
}

export interface Enrolment {
  cadreId: string;
  fullName: string;
  planProposalId: string | null;
  attendance: { sessionId: string; status: AttendanceStatus | null }[];
  scores: { testId: string; score: number | null }[];
}

export interface Certificate {
  id: string;
  cadreId: string;
  fullName: string;
  number: string;
  issuedOn: string;
  revoked: boolean;
  revokeReason: string | null;
}

export interface ClassDetail extends TrainingClass {
  sessions: ClassSession[];
  tests: { id: string; name: string; heldOn: string | null }[];
  enrolments: Enrolment[];
  certificates: Certificate[];
}

export type SessionInput = z.input<typeof sessionBodySchema>;

export type ClassInput = z.input<typeof classBodySchema>;

export interface PlanCandidate {
  proposalId: string;
  cadreId: string;
  fullName: string;
  unitName: string;
  titleName: string | null;
  reason: string;
}

export interface ImportReport {
  rows: number;
  recorded: number;
  errors: { row: number; column: string | null; value: string | null; message: string }[];
}

export interface CadreTraining {
  cadreId: string;
  classes: {
    classId: string;
    className: string;
    startDate: string;
    endDate: string;
    programme: { id: string; name: string; form: Labelled };
    sessions: number;
    present: number;
    certificate: { id: string; number: string; issuedOn: string } | null;
  }[];
  hoursByYear: { year: number; hours: number }[];
}

export interface Visit {
  id: string;
  commune: { id: string; name: string };
  programme: { id: string; name: string } | null;
  visitedOn: string;
  fields: string[];
  officers: { id: string; fullName: string }[];
  cadres: { id: string; fullName: string }[];
  solved: string | null;
  followUps: string | null;
}

export interface VisitInput {
  communeId: string;
  visitedOn: string;
  programmeId?: string | null;
  officerIds: string[];
  cadreIds?: string[];
  fields?: string[];
  solved?: string | null;
  followUps?: string | null;
}

export interface CalendarItem {
  kind: 'class' | 'visit';
  id: string;
  title: string;
  form: Labelled;
  startDate: string;
  endDate: string;
  unitId: string;
}

export interface Diversity {
  unitId: string;
  year: number;
  byForm: { form: Labelled; classes: number; visits: number; participants: number }[];
  formsUsed: number;
}

export interface Fulfilment {
  unitId: string;
  year: number;
  byCourseType: { courseType: string; courseName: string; planned: number; enrolled: number; certified: number }[];
  total: { planned: number; enrolled: number; certified: number };
}

export interface CadreSearchItem {
  id: string;
  fullName: string;
  birthDate: string | null;
  posts: { title: { shortName: string }; unit: { name: string } }[];
}

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

export interface InstructorInput {
  owningUnitId: string;
  fullName: string;
  workUnit: string | null;
  position: string | null;
}

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

export interface ClassUpdate {
  name: string;
  startDate: string;
  endDate: string;
  venue?: string | null;
  venueUnitId?: string | null;
  capacity: number;
}

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
