import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GapKind } from '../../../core/compliance';
import { apiFetch } from '../../app/api/api-client';
import type { UnitSummary } from '../../app/api/types';

export type ComplianceStatus = 'meets' | 'does_not_meet' | 'no_standard';

export interface LevelCount {
  level: string | null;
  count: number;
}

export interface Figures {
  totalPeople: number;
  meeting: number;
  notMeeting: number;
  withoutStandard: number;
  meetingShare: number | null;
  universityOrHigher: number;
  postgraduate: number;
  advancedPoliticalTheory: number;
  professional: LevelCount[];
  politicalTheory: LevelCount[];
}

export interface ComplianceSummary extends Figures {
  unit: UnitSummary;
  asOf: string;
  scope: 'key' | 'all';
  peopleWithGap: Record<GapKind, number>;
  sentence: string;
  sentenceEn: string;
  meetingText: string;
  children: (Figures & { unit: UnitSummary })[];
}

export interface Gap {
  kind: GapKind;
  message: string;
  messageEn: string;
  required: string | number | boolean;
  actual: string | number | boolean | null;
  closingCourse: string | null;
  closingCourseName: string | null;
  ruleCode: string;
}

export interface PostCompliance {
  postId: string;
  unit: UnitSummary;
  titleCode: string;
  titleName: string;
  titleNameEn: string;
  startDate: string;
  firstAppointment: boolean;
  reelection: boolean;
  status: ComplianceStatus;
  statusLabel: string;
  statusLabelEn: string;
  rule: { code: string; version: number | null; setCode: string; legalBasis: string; confirmed: boolean } | null;
  gaps: Gap[];
  noStandardReason: { code: string; message: string; messageEn: string } | null;
}

export interface PersonCompliance {
  cadre: { id: string; fullName: string; gender: 'nam' | 'nu' | null; birthDate: string | null; birthDatePrecision: 'day' | 'year' | null };
  status: ComplianceStatus | null;
  levels: { professional: string | null; professionalField: string | null; politicalTheory: string | null; stateManagement: string | null };
  posts: PostCompliance[];
}

export interface PeoplePage {
  asOf: string;
  scope: 'key' | 'all';
  total: number;
  page: number;
  pageSize: number;
  items: PersonCompliance[];
}

export interface SummaryParams {
  unitId: string;
  asOf: string;
  keyOnly: boolean;
}

export interface PeopleParams extends SummaryParams {
  status?: ComplianceStatus;
  gap?: GapKind;
  page: number;
  pageSize: number;
}

export function useComplianceSummary(params: SummaryParams) {
  return useQuery({
    queryKey: ['compliance', 'summary', params],
    queryFn: ({ signal }) => apiFetch<ComplianceSummary>('/api/compliance/summary', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompliancePeople(params: PeopleParams) {
  return useQuery({
    queryKey: ['compliance', 'people', params],
    queryFn: ({ signal }) => apiFetch<PeoplePage>('/api/compliance/people', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

// --- Standards ------------------------------------------------------------------------------

export type RuleAreaClass = 'plains' | 'disadvantaged' | 'any';
export type AppliesTo = { kind: 'titles'; codes: string[] } | { kind: 'group'; group: string };

export interface StandardSet {
  code: string;
  nameVi: string;
  nameEn: string;
  scope: 'national' | 'provincial';
  legalBasis: string;
  confirmed: boolean;
  note: string;
  enabled: boolean;
  ruleCount: number;
}

export interface RuleContent {
  appliesTo: AppliesTo;
  validTo: string | null;
  areaClass: RuleAreaClass;
  minProfessional: string | null;
  professionalFields: string[];
  minPoliticalTheory: string | null;
  minStateManagement: string | null;
  requireHighSchool: boolean;
  minMonthsLeftAtFirstAppointment: number | null;
  minMonthsLeftAtReElection: number | null;
  confirmed: boolean;
  legalBasis: string;
  note: string;
}

export interface StandardRule extends RuleContent {
  id: string;
  code: string;
  version: number;
  setCode: string;
  scope: 'national' | 'provincial';
  appliesToText: string;
  titleCodes: string[];
  validFrom: string;
  changeNote: string | null;
  superseded: boolean;
  createdAt: string;
}

const standardsRoot = ['standards'] as const;

export function useStandardSets() {
  return useQuery({
    queryKey: [...standardsRoot, 'sets'],
    queryFn: ({ signal }) => apiFetch<{ items: StandardSet[] }>('/api/standards/sets', { signal }),
  });
}

export function useStandardRules(history: boolean) {
  return useQuery({
    queryKey: [...standardsRoot, 'rules', history],
    queryFn: ({ signal }) => apiFetch<{ items: StandardRule[] }>('/api/standards/rules', { query: { history }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useStandardsMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      // What meets the standard changes with the standards themselves.
      await queryClient.invalidateQueries({ queryKey: standardsRoot });
      await queryClient.invalidateQueries({ queryKey: ['compliance'] });
    },
  });
}

export function useSetEnabled() {
  return useStandardsMutation(({ code, enabled }: { code: string; enabled: boolean }) =>
    apiFetch<StandardSet>(`/api/standards/sets/${encodeURIComponent(code)}`, { method: 'PATCH', body: { enabled } }),
  );
}

export type NewStandardSet = Omit<StandardSet, 'enabled' | 'ruleCount'>;

export function useCreateStandardSet() {
  return useStandardsMutation((body: NewStandardSet) => apiFetch<StandardSet>('/api/standards/sets', { method: 'POST', body }));
}

export function useAddRule() {
  return useStandardsMutation((body: RuleContent & { setCode: string; code: string; validFrom: string; changeNote: string }) =>
    apiFetch<StandardRule>('/api/standards/rules', { method: 'POST', body }),
  );
}

export function useAddRuleVersion() {
  return useStandardsMutation(({ code, body }: { code: string; body: RuleContent & { effectiveFrom: string; changeNote: string } }) =>
    apiFetch<StandardRule>(`/api/standards/rules/${encodeURIComponent(code)}/versions`, { method: 'POST', body }),
  );
}
