import { App, Button, Flex, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { formatDate } from '../../app/format/dates';
import { useLanguage, useT, type MessageKey } from '../../app/i18n';
import { DECISION_COLORS, REASON_COLORS } from './review-labels';
import { useDecide, type Decision, type Proposal, type ReviewDetail } from './training-review.api';

const DECISION_KEYS: Record<Decision, MessageKey> = {
  pending: 'reviews.decision.pending',
  accepted: 'reviews.decision.accepted',
  rejected: 'reviews.decision.rejected',
};

/** The product's proposals and the people the unit added: who, which course, why; the unit chooses, or not with a reason. */
export function ProposalsTable({ review }: { review: ReviewDetail }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const decide = useDecide();
  const [rejecting, setRejecting] = useState<Proposal | null>(null);
  const [reason, setReason] = useState('');

  function choose(proposal: Proposal, decision: Decision, why?: string) {
    decide.mutate(
      { id: review.id, proposalId: proposal.id, decision, reason: why },
      {
        onSuccess: () => {
          setRejecting(null);
          void message.success(
            t(
              decision === 'accepted'
                ? 'reviews.decision.acceptedDone'
                : decision === 'rejected'
                  ? 'reviews.decision.rejectedDone'
                  : 'reviews.decision.resetDone',
              { name: proposal.cadre.fullName },
            ),
          );
        },
        onError: notifyError,
      },
    );
  }

  return (
    <>
      <Table<Proposal>
        rowKey="id"
        size="small"
        dataSource={review.proposals}
        pagination={review.proposals.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: review.permissions.canDecide ? 1250 : 1000 }}
        data-testid="proposals-table"
        columns={[
          {
            key: 'person',
            title: t('reviews.proposal.person'),
            width: 190,
            render: (_, proposal) => (
              <Flex vertical>
                <Link to={`/cadres/${proposal.cadre.id}`}>{proposal.cadre.fullName}</Link>
                <Typography.Text type="secondary">
                  {proposal.titles.join(', ')}
                  {proposal.cadre.birthDate
                    ? ` · ${proposal.cadre.birthDatePrecision === 'year' ? proposal.cadre.birthDate.slice(0, 4) : formatDate(proposal.cadre.birthDate)}`
                    : ''}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'unit', title: t('reviews.proposal.unit'), width: 130, render: (_, proposal) => proposal.unit.name },
          {
            key: 'course',
            title: t('reviews.proposal.course'),
            width: 210,
            render: (_, proposal) => (
              <Flex vertical>
                <Typography.Text strong>{language === 'vi' ? proposal.courseName : proposal.courseNameEn}</Typography.Text>
                {proposal.fieldLabel && <Typography.Text type="secondary">{proposal.fieldLabel}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'reason',
            title: t('reviews.proposal.reason'),
            width: 280,
            render: (_, proposal) => (
              <Flex vertical gap={2}>
                <span>
                  <Tag color={REASON_COLORS[proposal.reason]}>{language === 'vi' ? proposal.reasonLabel : proposal.reasonLabelEn}</Tag>
                </span>
                <Typography.Text>{language === 'vi' ? proposal.reasonText : proposal.reasonTextEn}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'decision',
            title: t('reviews.proposal.decision'),
            width: 170,
            render: (_, proposal) => (
              <Flex vertical gap={2} data-testid="proposal-decision">
                <span>
                  <Tag color={DECISION_COLORS[proposal.decision]}>{t(DECISION_KEYS[proposal.decision])}</Tag>
                </span>
                {proposal.decisionReason && <Typography.Text type="secondary">{proposal.decisionReason}</Typography.Text>}
              </Flex>
            ),
          },
          ...(review.permissions.canDecide
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 190,
                  fixed: 'right' as const,
                  render: (_: unknown, proposal: Proposal) => (
                    <Space size={4} wrap>
                      {proposal.decision !== 'accepted' && (
                        <Button size="small" type="primary" ghost onClick={() => choose(proposal, 'accepted')} data-testid="accept-proposal">
                          {t('reviews.decision.accept')}
                        </Button>
                      )}
                      {proposal.decision !== 'rejected' && (
                        <Button
                          size="small"
                          danger
                          onClick={() => {
                            setReason('');
                            setRejecting(proposal);
                          }}
                          data-testid="reject-proposal"
                        >
                          {t('reviews.decision.reject')}
                        </Button>
                      )}
                      {proposal.decision !== 'pending' && proposal.reason !== 'added' && (
                        <Button size="small" type="link" onClick={() => choose(proposal, 'pending')}>
                          {t('reviews.decision.reset')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={rejecting !== null}
        title={rejecting ? t('reviews.decision.rejectTitle', { name: rejecting.cadre.fullName, course: rejecting.courseName }) : ''}
        onCancel={() => setRejecting(null)}
        okText={t('reviews.decision.reject')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 3, loading: decide.isPending, 'data-testid': 'confirm-reject' } as never}
        onOk={() => rejecting && choose(rejecting, 'rejected', reason)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('reviews.decision.rejectHint')}</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(event) => setReason(event.target.value)} autoSize={{ minRows: 2 }} data-testid="reject-reason" />
      </Modal>
    </>
  );
}
