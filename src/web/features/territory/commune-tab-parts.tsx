import { Alert, App, Button, Col, DatePicker, Flex, Form, Modal, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../app/api/api-client';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useServerFormErrors } from './form-errors';

export function toNullableApiDate(date: Dayjs | null | undefined): string | null {
  return date ? toApiDate(date) : null;
}

export function toNullableDayjs(date: string | null | undefined): Dayjs | null {
  return date ? fromApiDate(date) : null;
}

/** A commune outside the user's scope reads as "not found" on the server; say so plainly. */
export function CommuneTabError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  if (error instanceof ApiError && error.status === 404) {
    return <Alert type="info" showIcon title={t('territory.outOfScope')} description={t('territory.outOfScopeHint')} />;
  }
  return <QueryErrorAlert error={error} onRetry={onRetry} />;
}

/** "Từ ngày" and "Đến ngày" side by side, with what an empty box means. */
export function PeriodFields({ fromHint, toHint, fromDisabled }: { fromHint: ReactNode; toHint: ReactNode; fromDisabled?: boolean }) {
  const t = useT();
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="validFrom" label={t('territory.form.validFrom')} extra={fromHint}>
          <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('territory.form.datePlaceholder')} style={{ width: '100%' }} disabled={fromDisabled} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="validTo"
          label={t('territory.form.validTo')}
          extra={toHint}
          dependencies={['validFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null) => {
                const from = getFieldValue('validFrom') as Dayjs | null;
                return value && from && value.isBefore(from, 'day') ? Promise.reject(new Error(t('territory.form.endBeforeStart'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('territory.form.datePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Buttons at the foot of a drawer form, with the server's refusal above them. */
export function FormFooter({ formError, saving, submitLabel, onCancel }: { formError: string | null; saving: boolean; submitLabel: string; onCancel: () => void }) {
  const t = useT();
  return (
    <>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Flex>
    </>
  );
}

export interface EndableRecord {
  id: string;
  name: string;
  validFrom: string | null;
}

interface EndValues {
  validTo: Dayjs;
}

function EndRecordForm({ record, end, onDone }: { record: EndableRecord; end: (id: string, validTo: string) => Promise<unknown>; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EndValues>();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const [saving, setSaving] = useState(false);

  async function handleFinish(values: EndValues) {
    clearFormError();
    setSaving(true);
    try {
      await end(record.id, toApiDate(values.validTo));
      void message.success(t('territory.end.done', { name: record.name, date: formatDate(toApiDate(values.validTo)) }));
      onDone();
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<EndValues> form={form} layout="vertical" onFinish={handleFinish} disabled={saving}>
      <Typography.Paragraph type="secondary">{t('territory.end.explanation')}</Typography.Paragraph>
      <Form.Item
        name="validTo"
        label={t('territory.end.lastDay')}
        rules={[
          { required: true, message: t('territory.end.dateRequired') },
          {
            validator: (_, value: Dayjs | null) =>
              value && record.validFrom && value.isBefore(fromApiDate(record.validFrom), 'day')
                ? Promise.reject(new Error(t('territory.form.endBeforeStart')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('territory.form.datePlaceholder')} style={{ width: 180 }} />
      </Form.Item>
      <FormFooter formError={formError} saving={saving} submitLabel={t('territory.end.submit')} onCancel={onDone} />
    </Form>
  );
}

/** Records a last day instead of deleting: the history (and cadres tied to it) stays. */
export function EndRecordModal({ open, record, end, onClose }: { open: boolean; record: EndableRecord | null; end: (id: string, validTo: string) => Promise<unknown>; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} onCancel={onClose} title={t('territory.end.title', { name: record?.name ?? '' })} footer={null} destroyOnHidden>
      {record && <EndRecordForm record={record} end={end} onDone={onClose} />}
    </Modal>
  );
}
