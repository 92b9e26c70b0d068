import type { Decision, ProposalReason, ReviewStatus } from './training-review.api';

export const REVIEW_STATUS_COLORS: Record<ReviewStatus, string> = { draft: 'blue', submitted: 'orange', approved: 'green' };
export const DECISION_COLORS: Record<Decision, string> = { pending: 'default', accepted: 'green', rejected: 'red' };
export const REASON_COLORS: Record<ProposalReason, string> = { gap: 'red', first_term: 'purple', focus_field: 'cyan', added: 'gold' };
