import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Typography,
  type TableProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../app/api/api-client';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, toApiDate } from '../../app/format/dates';
import { useT, type Translate } from '../../app/i18n';
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

const MAX_NAME_LENGTH = 200;
const MAX_NOTE_LENGTH = 2000;

/** The name of a village or party organisation, as it is written in the decision. */
export function NameField({ label, extra, placeholder }: { label: string; extra?: ReactNode; placeholder: string }) {
  const t = useT();
  return (
    <Form.Item
      name="name"
      label={label}
      extra={extra}
      rules={[
        { required: true, whitespace: true, message: t('territory.form.nameRequired') },
        { max: MAX_NAME_LENGTH, message: t('territory.form.tooLong', { max: MAX_NAME_LENGTH }) },
      ]}
    >
      <Input autoComplete="off" placeholder={placeholder} />
    </Form.Item>
  );
}

/** The free note every commune record has. */
export function NoteField({ rows }: { rows: number }) {
  const t = useT();
  return (
    <Form.Item name="note" label={t('territory.form.note')} rules={[{ max: MAX_NOTE_LENGTH, message: t('territory.form.tooLong', { max: MAX_NOTE_LENGTH }) }]}>
      <Input.TextArea rows={rows} />
    </Form.Item>
  );
}

/** A drawer holding one record's form, the whole screen on a phone; the form is mounted afresh for every opening. */
export function FormDrawer({
  open,
  title,
  width,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  width: number;
  onClose: () => void;
  children: ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open={open} onClose={onClose} title={title} size={screens.sm ? width : '100%'} destroyOnHidden>
      {children}
    </Drawer>
  );
}

/** "On the chosen day" or "every period", with the import and create buttons for those who may edit. */
export function PeriodListToolbar({
  asOf,
  allPeriods,
  onAllPeriodsChange,
  canEdit,
  createLabel,
  onCreate,
  onImport,
  createTestId,
}: {
  asOf: string;
  allPeriods: boolean;
  onAllPeriodsChange: (allPeriods: boolean) => void;
  canEdit: boolean;
  createLabel: string;
  onCreate: () => void;
  onImport: () => void;
  createTestId?: string;
}) {
  const t = useT();
  return (
    <Flex justify="space-between" align="center" gap={12} wrap>
      <Segmented
        value={allPeriods ? 'all' : 'asOf'}
        onChange={(value) => onAllPeriodsChange(value === 'all')}
        options={[
          { value: 'asOf', label: t('territory.list.asOf', { date: formatDate(asOf) }) },
          { value: 'all', label: t('territory.list.allPeriods') },
        ]}
      />
      {canEdit && (
        <Flex gap={8} wrap>
          <Button icon={<UploadOutlined />} onClick={onImport}>
            {t('territory.import.open')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={createTestId}>
            {createLabel}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/** Edit, end (only while the record is open, when `onEnd` is given) and delete, which is meant for mistakes; `extra` comes first. */
export function RowActions({
  onEdit,
  onEnd,
  onDelete,
  deleteTitle,
  deleteDescription,
  extra,
}: {
  onEdit: () => void;
  onEnd?: () => void;
  onDelete: () => void;
  deleteTitle: string;
  deleteDescription: string;
  extra?: ReactNode;
}) {
  const t = useT();
  return (
    <Space size={0} wrap>
      {extra}
      <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {onEnd && (
        <Button type="link" size="small" icon={<StopOutlined />} onClick={onEnd}>
          {t('territory.end.action')}
        </Button>
      )}
      <Popconfirm
        title={deleteTitle}
        description={deleteDescription}
        okText={t('territory.delete.action')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={onDelete}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
          {t('territory.delete.action')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** The last column of a commune record table, only for those who may edit. */
export function actionsColumn<Row>(t: Translate, width: number, actions: ((row: Row) => ReactNode) | null): NonNullable<TableProps<Row>['columns']> {
  return actions ? [{ key: 'actions', title: t('common.actions'), width, render: (_: unknown, row: Row) => actions(row) }] : [];
}

/** Buttons at the foot of a drawer form, with the server's refusal above them. */
export function FormFooter({
  formError,
  saving,
  submitLabel,
  onCancel,
}: {
  formError: string | null;
  saving: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
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
export function EndRecordModal({
  open,
  record,
  end,
  onClose,
}: {
  open: boolean;
  record: EndableRecord | null;
  end: (id: string, validTo: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal open={open} onCancel={onClose} title={t('territory.end.title', { name: record?.name ?? '' })} footer={null} destroyOnHidden>
      {record && <EndRecordForm record={record} end={end} onDone={onClose} />}
    </Modal>
  );
}
