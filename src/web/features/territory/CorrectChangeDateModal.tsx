import { Alert, App, Button, DatePicker, Descriptions, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useServerFormErrors } from './form-errors';
import { dateSourceLabel } from './territory-labels';
import { useCorrectChangeDate, type UnitChange } from './territory.api';

interface CorrectionValues {
  effectiveDate: Dayjs;
  basis: string;
}

const MAX_BASIS_LENGTH = 500;

function CorrectionForm({ change, title, onDone }: { change: UnitChange; title: string; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const correct = useCorrectChangeDate();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);

  function handleFinish(values: CorrectionValues) {
    clearFormError();
    correct.mutate(
      { id: change.id, correction: { effectiveDate: toApiDate(values.effectiveDate), basis: values.basis.trim() } },
      {
        onSuccess: ({ items }) => {
          void message.success(t('territory.correction.done', { count: items.length }));
          onDone();
        },
        onError: handleError,
      },
    );
  }

  return (
    <Form<CorrectionValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      initialValues={{ effectiveDate: fromApiDate(change.effectiveDate) }}
      disabled={correct.isPending}
      data-testid="correct-date-form"
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'change', label: t('territory.correction.change'), children: title },
          { key: 'date', label: t('territory.correction.currentDate'), children: formatDate(change.effectiveDate) },
          { key: 'source', label: t('territory.correction.currentSource'), children: `${dateSourceLabel(change.dateSource, t)} — ${change.dateBasis}` },
        ]}
      />
      <Typography.Paragraph type="secondary">{t('territory.correction.explanation')}</Typography.Paragraph>
      <Form.Item name="effectiveDate" label={t('territory.correction.newDate')} rules={[{ required: true, message: t('territory.correction.dateRequired') }]}>
        <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('territory.form.datePlaceholder')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item
        name="basis"
        label={t('territory.correction.basis')}
        extra={t('territory.correction.basisHint')}
        rules={[
          { required: true, whitespace: true, message: t('territory.correction.basisRequired') },
          { max: MAX_BASIS_LENGTH, message: t('territory.form.tooLong', { max: MAX_BASIS_LENGTH }) },
        ]}
      >
        <Input.TextArea rows={3} placeholder={t('territory.correction.basisPlaceholder')} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={correct.isPending}>
          {t('territory.correction.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

export function CorrectChangeDateModal({ open, change, title, onClose }: { open: boolean; change: UnitChange | null; title: string; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} onCancel={onClose} title={t('territory.correction.title')} footer={null} destroyOnHidden width={600}>
      {change && <CorrectionForm change={change} title={title} onDone={onClose} />}
    </Modal>
  );
}
