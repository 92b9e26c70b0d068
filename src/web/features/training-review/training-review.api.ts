import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-client';
import type { Page, UnitSummary } from '../../app/api/types';

export type ReviewStatus = 'draft' | 'submitted' | 'approved';
export type Decision = 'pending' | 'accepted' | 'rejected';
export type ProposalReason = 'gap' | 'first_term' | 'focus_field' | 'added';

export interface ReviewListItem {
  id: string;
  unit: UnitSummary;
  year: number;
  asOf: string;
  version: number;
  latestVersion: number;
  status: ReviewStatus;
  statusLabel: string;
  statusLabelEn: string;
  counts: { total: number; pending: number; accepted: number; rejected: number };
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
}

export interface Proposal {
  id: string;
  cadre: { id: string; fullName: string; birthDate: string | null; birthDatePrecision: 'day' | 'year' | null };
  unit: UnitSummary;
  courseType: string;
  courseName: string;
  courseNameEn: string;
  field: string | null;
  fieldLabel: string | null;
  reason: ProposalReason;
  reasonLabel: string;
  reasonLabelEn: string;
  reasonText: string;
  reasonTextEn: string;
  priority: number;
  titleCodes: string[];
  titles: string[];
  decision: Decision;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  addedBy: string | null;
}

export interface ReviewDetail extends ReviewListItem {
  previousId: string | null;
  focusFields: { code: string; label: string; titleCodes: string[] }[];
  note: string | null;
  returnedNote: string | null;
  createdBy: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  permissions: { canDecide: boolean; canSubmit: boolean; canReturn: boolean; canApprove: boolean; canNewVersion: boolean };
  proposals: Proposal[];
}

export interface CourseCount {
  courseType: string;
  count: number;
  courseName: string;
  courseNameEn: string;
  field: string | null;
  fieldLabel: string | null;
}

export interface Quotas {
  reviewId: string;
  year: number;
  status: ReviewStatus;
  version: number;
  places: number;
  people: number;
  byCourseType: CourseCount[];
  byField: { field: string; label: string; labelEn: string; count: number }[];
  byUnit: { unit: UnitSummary; places: number; byCourseType: CourseCount[] }[];
}

export interface FocusView {
  unitId: string;
  year: number;
  fields: {
    code: string;
    label: string;
    labelEn: string;
    courseType: string;
    courseName: string;
    selected: boolean;
    titleCodes: string[];
    defaultTitleCodes: string[];
  }[];
  applying: { code: string; label: string; labelEn: string; titleCodes: string[] }[];
}

const root = ['training-reviews'] as const;

export function useReviews(filter: { year?: number }) {
  return useQuery({
    queryKey: [...root, 'list', filter],
    queryFn: ({ signal }) => apiFetch<{ items: ReviewListItem[] }>('/api/training-reviews', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: [...root, 'detail', id],
    queryFn: ({ signal }) => apiFetch<ReviewDetail>(`/api/training-reviews/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useQuotas(id: string, status: ReviewStatus | undefined, accepted: number | undefined) {
  return useQuery({
    // Refetched whenever a decision changes what is accepted.
    queryKey: [...root, 'quotas', id, status, accepted],
    queryFn: ({ signal }) => apiFetch<Quotas>(`/api/training-reviews/${encodeURIComponent(id)}/quotas`, { signal }),
  });
}

function useReviewMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      const detail = result as unknown as ReviewDetail | undefined;
      if (detail?.id) queryClient.setQueryData([...root, 'detail', detail.id], detail);
      return queryClient.invalidateQueries({ queryKey: root });
    },
  });
}

const reviewUrl = (id: string, action = '') => `/api/training-reviews/${encodeURIComponent(id)}${action}`;

export function useCreateReview() {
  return useReviewMutation((body: { unitId: string; year: number; asOf?: string; note?: string }) =>
    apiFetch<ReviewDetail>('/api/training-reviews', { method: 'POST', body }),
  );
}

export function useDecide() {
  return useReviewMutation(({ id, proposalId, decision, reason }: { id: string; proposalId: string; decision: Decision; reason?: string }) =>
    apiFetch<ReviewDetail>(reviewUrl(id, `/proposals/${encodeURIComponent(proposalId)}`), { method: 'PATCH', body: { decision, reason } }),
  );
}

export function useAddPerson() {
  return useReviewMutation(({ id, ...body }: { id: string; cadreId: string; courseType: string; reason: string }) =>
    apiFetch<ReviewDetail>(reviewUrl(id, '/proposals'), { method: 'POST', body }),
  );
}

export function useReviewStep(step: 'submit' | 'approve' | 'new-version') {
  return useReviewMutation((id: string) => apiFetch<ReviewDetail>(reviewUrl(id, `/${step}`), { method: 'POST' }));
}

export function useReturnReview() {
  return useReviewMutation(({ id, note }: { id: string; note: string }) =>
    apiFetch<ReviewDetail>(reviewUrl(id, '/return'), { method: 'POST', body: { note } }),
  );
}

export function exportUrl(id: string): string {
  return reviewUrl(id, '/export.xlsx');
}

export function useFocus(unitId: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...root, 'focus', unitId, year],
    queryFn: ({ signal }) => apiFetch<FocusView>('/api/training-focus', { query: { unitId, year }, signal }),
    enabled,
  });
}

export function useSetFocus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { unitId: string; year: number; fields: { code: string; titleCodes: string[] }[] }) =>
      apiFetch<FocusView>('/api/training-focus', { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...root, 'focus'] }),
  });
}

interface CadreSearchItem {
  id: string;
  fullName: string;
  birthDate: string | null;
  posts: { title: { shortName: string }; unit: { name: string } }[];
}

/** People holding a post in the unit on the review date, found by name (the cadre registry's list). */
export function useCadreSearch(unitId: string, asOf: string, q: string) {
  return useQuery({
    queryKey: ['cadres', 'review-search', unitId, asOf, q],
    queryFn: ({ signal }) => apiFetch<Page<CadreSearchItem>>('/api/cadres', { query: { unitId, asOf, q, status: 'holding', pageSize: 20 }, signal }),
    enabled: q.length > 0,
  });
}
