import { ArrowLeftOutlined, CheckOutlined, CopyOutlined, DownloadOutlined, RollbackOutlined, SendOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Popconfirm, Spin, Steps, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { formatDate, formatDateTime } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { AddPersonModal } from './AddPersonModal';
import { ProposalsTable } from './ProposalsTable';
import { QuotasView } from './QuotasView';
import { REVIEW_STATUS_COLORS } from './review-labels';
import { exportUrl, useReturnReview, useReview, useReviewStep, type ReviewDetail } from './training-review.api';

const STEP_OF = { draft: 0, submitted: 1, approved: 2 } as const;

function ReviewActions({ review }: { review: ReviewDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const navigate = useNavigate();
  const submit = useReviewStep('submit');
  const approve = useReviewStep('approve');
  const newVersion = useReviewStep('new-version');
  const returnReview = useReturnReview();
  const [returning, setReturning] = useState(false);
  const [returnNote, setReturnNote] = useState('');
  const { permissions } = review;

  return (
    <>
      {permissions.canSubmit && (
        <Popconfirm
          title={t('reviews.submit.confirm')}
          description={review.counts.pending > 0 ? t('reviews.submit.pending', { count: review.counts.pending }) : undefined}
          onConfirm={() => submit.mutate(review.id, { onSuccess: () => void message.success(t('reviews.submit.done')), onError: notifyError })}
          okText={t('reviews.submit')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="review-submit">
            {t('reviews.submit')}
          </Button>
        </Popconfirm>
      )}
      {permissions.canReturn && (
        <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="review-return">
          {t('reviews.return')}
        </Button>
      )}
      {permissions.canApprove && (
        <Popconfirm
          title={t('reviews.approve.confirm')}
          description={t('reviews.approve.frozen')}
          onConfirm={() => approve.mutate(review.id, { onSuccess: () => void message.success(t('reviews.approve.done')), onError: notifyError })}
          okText={t('reviews.approve')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={approve.isPending} data-testid="review-approve">
            {t('reviews.approve')}
          </Button>
        </Popconfirm>
      )}
      {permissions.canNewVersion && (
        <Popconfirm
          title={t('reviews.newVersion.confirm')}
          onConfirm={() =>
            newVersion.mutate(review.id, {
              onSuccess: (created) => {
                void message.success(t('reviews.newVersion.done', { version: created.version }));
                void navigate(`/training-reviews/${created.id}`);
              },
              onError: notifyError,
            })
          }
          okText={t('reviews.newVersion')}
          cancelText={t('common.cancel')}
        >
          <Button icon={<CopyOutlined />} loading={newVersion.isPending} data-testid="review-new-version">
            {t('reviews.newVersion')}
          </Button>
        </Popconfirm>
      )}
      <Button href={exportUrl(review.id)} icon={<DownloadOutlined />} data-testid="review-export">
        {t('reviews.export')}
      </Button>
      <Modal
        open={returning}
        title={t('reviews.return')}
        onCancel={() => setReturning(false)}
        okText={t('reviews.return')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: returnNote.trim().length < 3, loading: returnReview.isPending }}
        onOk={() =>
          returnReview.mutate(
            { id: review.id, note: returnNote },
            {
              onSuccess: () => {
                setReturning(false);
                void message.success(t('reviews.return.done'));
              },
              onError: notifyError,
            },
          )
        }
        destroyOnHidden
      >
        <Input.TextArea
          value={returnNote}
          onChange={(event) => setReturnNote(event.target.value)}
          placeholder={t('reviews.return.placeholder')}
          autoSize={{ minRows: 3 }}
        />
      </Modal>
    </>
  );
}

export function ReviewDetailPage() {
  const t = useT();
  const { language } = useLanguage();
  const { reviewId = '' } = useParams();
  const review = useReview(reviewId);
  const [adding, setAdding] = useState(false);
  const data = review.data;

  if (review.isError) return <QueryErrorAlert error={review.error} onRetry={() => void review.refetch()} />;
  if (!data) return <Spin />;

  return (
    <>
      <PageHeader
        title={t('reviews.detail.title', { year: data.year, unit: data.unit.name })}
        description={
          <Flex gap={8} align="center" wrap>
            <Tag color={REVIEW_STATUS_COLORS[data.status]} data-testid="review-status">
              {language === 'vi' ? data.statusLabel : data.statusLabelEn}
            </Tag>
            <span>{t('reviews.detail.version', { version: data.version })}</span>
            {data.latestVersion > data.version && <Tag>{t('reviews.detail.newerExists', { version: data.latestVersion })}</Tag>}
          </Flex>
        }
        actions={
          <>
            <Link to="/training-reviews">
              <Button icon={<ArrowLeftOutlined />}>{t('reviews.back')}</Button>
            </Link>
            <ReviewActions review={data} />
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={STEP_OF[data.status]}
          status={data.status === 'approved' ? 'finish' : 'process'}
          items={[
            { title: t('reviews.step.draft'), description: formatDateTime(data.createdAt) },
            { title: t('reviews.step.submitted'), description: data.submittedAt ? formatDateTime(data.submittedAt) : undefined },
            {
              title: t('reviews.step.approved'),
              description: data.approvedAt ? `${formatDateTime(data.approvedAt)}${data.approvedBy ? ` — ${data.approvedBy}` : ''}` : undefined,
            },
          ]}
          style={{ marginBottom: 16 }}
        />
        {data.returnedNote && data.status === 'draft' && (
          <Alert type="warning" showIcon title={t('reviews.returnedNote')} description={data.returnedNote} style={{ marginBottom: 16 }} />
        )}
        {data.status === 'approved' && <Alert type="success" showIcon title={t('reviews.frozen')} style={{ marginBottom: 16 }} />}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'asOf', label: t('reviews.asOf'), children: formatDate(data.asOf) },
            {
              key: 'counts',
              label: t('reviews.counts'),
              children: <span data-testid="review-counts">{t('reviews.countsDetail', { ...data.counts })}</span>,
            },
            {
              key: 'focus',
              label: t('reviews.focusFields'),
              children: data.focusFields.length ? data.focusFields.map((field) => <Tag key={field.code}>{field.label}</Tag>) : t('reviews.noFocus'),
            },
          ]}
        />
        {data.note && <Typography.Paragraph style={{ marginTop: 8 }}>{data.note}</Typography.Paragraph>}
      </Card>
      <Tabs
        items={[
          {
            key: 'proposals',
            label: t('reviews.tab.proposals', { count: data.counts.total }),
            children: (
              <Card
                extra={
                  data.permissions.canDecide && (
                    <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="add-person">
                      {t('reviews.add')}
                    </Button>
                  )
                }
              >
                <ProposalsTable review={data} />
              </Card>
            ),
          },
          { key: 'quotas', label: t('reviews.tab.quotas'), children: <QuotasView review={data} /> },
        ]}
      />
      <AddPersonModal open={adding} review={data} onClose={() => setAdding(false)} />
    </>
  );
}
