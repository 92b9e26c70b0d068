import { AimOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/auth/session';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { DATE_DISPLAY_FORMAT, formatDate, formatDateTime, toApiDate, todayInVietnam } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { FocusModal } from './FocusModal';
import { REVIEW_STATUS_COLORS } from './review-labels';
import { useCreateReview, useReviews, type ReviewListItem } from './training-review.api';

interface CreateValues {
  unitId: string;
  year: number;
  asOf?: Dayjs;
  note?: string;
}

function CreateReviewModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateReview();
  const handleError = useFormErrorHandler(form);

  function handleFinish(values: CreateValues) {
    create.mutate(
      { unitId: values.unitId, year: values.year, asOf: values.asOf ? toApiDate(values.asOf) : undefined, note: values.note },
      {
        onSuccess: (review) => {
          void message.success(t('reviews.created', { count: review.counts.total }));
          onClose();
          void navigate(`/training-reviews/${review.id}`);
        },
        onError: handleError,
      },
    );
  }

  return (
    <Modal open={open} onCancel={onClose} title={t('reviews.create')} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('reviews.create.explanation')}</Typography.Paragraph>
      <Form<CreateValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ unitId: user.unit.id, year: Number(todayInVietnam().slice(0, 4)) }}
        disabled={create.isPending}
        data-testid="create-review-form"
      >
        <Form.Item name="unitId" label={t('reviews.unit')} extra={t('reviews.unitHint')} rules={[{ required: true, message: t('reviews.unitRequired') }]}>
          <UnitPicker initialUnit={{ id: user.unit.id, name: user.unit.name }} allowClear={false} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="year" label={t('reviews.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} data-testid="review-year" />
          </Form.Item>
          <Form.Item name="asOf" label={t('reviews.asOf')} extra={t('reviews.asOfHint')}>
            <DatePicker format={DATE_DISPLAY_FORMAT} data-testid="review-as-of" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('reviews.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-review-submit">
            {t('reviews.create.submit')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

export function ReviewListPage() {
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [year, setYear] = useState<number | undefined>(undefined);
  const reviews = useReviews({ year });
  const [creating, setCreating] = useState(false);
  const [focusOpen, setFocusOpen] = useState(false);
  const canWrite = user.abilities.write;
  const canSetFocus = user.abilities.setTrainingFocus;

  return (
    <>
      <PageHeader
        title={t('reviews.title')}
        description={t('reviews.description')}
        actions={
          <>
            {canSetFocus && (
              <Button icon={<AimOutlined />} onClick={() => setFocusOpen(true)} data-testid="open-focus">
                {t('reviews.focus.open')}
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="open-create-review">
                {t('reviews.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('reviews.year')}</Typography.Text>
          <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(value) => setYear(value ?? undefined)} placeholder={t('reviews.allYears')} />
        </Flex>
        {reviews.isError && <QueryErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />}
        <Table<ReviewListItem>
          rowKey="id"
          dataSource={reviews.data?.items}
          loading={reviews.isFetching}
          data-testid="reviews-table"
          onRow={(review) => ({ onClick: () => void navigate(`/training-reviews/${review.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'year', title: t('reviews.year'), width: 80, render: (_, review) => review.year },
            { key: 'unit', title: t('reviews.unit'), render: (_, review) => <Typography.Link>{review.unit.name}</Typography.Link> },
            { key: 'version', title: t('reviews.version'), width: 100, render: (_, review) => `v${review.version}` },
            {
              key: 'status',
              title: t('reviews.status'),
              width: 160,
              render: (_, review) => <Tag color={REVIEW_STATUS_COLORS[review.status]}>{language === 'vi' ? review.statusLabel : review.statusLabelEn}</Tag>,
            },
            {
              key: 'counts',
              title: t('reviews.counts'),
              render: (_, review) => t('reviews.countsText', { total: review.counts.total, accepted: review.counts.accepted, pending: review.counts.pending }),
            },
            { key: 'asOf', title: t('reviews.asOf'), width: 120, render: (_, review) => formatDate(review.asOf) },
            {
              key: 'approved',
              title: t('reviews.approvedAt'),
              width: 160,
              render: (_, review) => (review.approvedAt ? formatDateTime(review.approvedAt) : '—'),
            },
          ]}
        />
      </Card>
      <CreateReviewModal open={creating} onClose={() => setCreating(false)} />
      {canSetFocus && <FocusModal open={focusOpen} onClose={() => setFocusOpen(false)} />}
    </>
  );
}
