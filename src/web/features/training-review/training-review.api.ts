import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  focusResponseSchema,
  quotasResponseSchema,
  reviewDetailSchema,
  reviewListItemSchema,
} from '../../../server/training-review/training-review.schema';
import { apiFetch } from '../../app/api/api-client';
import type { CadreList } from '../cadres/cadres.api';

type Output<Schema extends z.ZodType> = z.output<Schema>;

/** Shapes as the server's schemas (src/server/training-review/training-review.schema.ts) give them. */
export type ReviewListItem = Output<typeof reviewListItemSchema>;
export type ReviewDetail = Output<typeof reviewDetailSchema>;
export type Proposal = ReviewDetail['proposals'][number];
export type Quotas = Output<typeof quotasResponseSchema>;
export type CourseCount = Quotas['byCourseType'][number];
export type FocusView = Output<typeof focusResponseSchema>;
export type ReviewStatus = ReviewListItem['status'];
export type Decision = Proposal['decision'];
export type ProposalReason = Proposal['reason'];

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

/** People holding a post in the unit on the review date, found by name (the cadre registry's list). */
export function useCadreSearch(unitId: string, asOf: string, q: string) {
  return useQuery({
    queryKey: ['cadres', 'review-search', unitId, asOf, q],
    queryFn: ({ signal }) => apiFetch<CadreList>('/api/cadres', { query: { unitId, asOf, q, status: 'holding', pageSize: 20 }, signal }),
    enabled: q.length > 0,
  });
}
