import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GapKind } from '../../../core/compliance';
import type { z } from 'zod';
import type {
  addVersionBodySchema,
  peopleResponseSchema,
  standardRuleSchema,
  standardSetSchema,
  summaryResponseSchema,
} from '../../../server/compliance/compliance.schema';
import { apiFetch } from '../../app/api/api-client';

type Output<Schema extends z.ZodType> = z.output<Schema>;

/** Shapes as the server's schemas (src/server/compliance/compliance.schema.ts) give them. */
export type ComplianceSummary = Output<typeof summaryResponseSchema>;
export type Figures = Omit<ComplianceSummary['children'][number], 'unit'>;
export type LevelCount = Figures['professional'][number];
export type PeoplePage = Output<typeof peopleResponseSchema>;
export type PersonCompliance = PeoplePage['items'][number];
export type PostCompliance = PersonCompliance['posts'][number];
export type Gap = PostCompliance['gaps'][number];
export type ComplianceStatus = PostCompliance['status'];

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

export type StandardSet = Output<typeof standardSetSchema>;
export type StandardRule = Output<typeof standardRuleSchema>;
export type RuleContent = Omit<z.input<typeof addVersionBodySchema>, 'effectiveFrom' | 'changeNote'>;
export type AppliesTo = StandardRule['appliesTo'];
export type RuleAreaClass = StandardRule['areaClass'];

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
