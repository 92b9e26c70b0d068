import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Row, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { splitIsoDate } from '../../../core/dates';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { DATE_DISPLAY_FORMAT, formatDate, todayInVietnam } from '../../app/format/dates';
import { useDialogState } from '../../app/hooks/useDialogState';
import { useT, type Translate } from '../../app/i18n';
import {
  useCreateWeakDesignation,
  useDeleteWeakDesignation,
  useUpdateWeakDesignation,
  useWeakDesignations,
  WEAK_FIELDS,
  type WeakDesignation,
  type WeakField,
} from './commune-profile.api';
import {
  actionsColumn,
  CommuneTabError,
  FormDrawer,
  FormFooter,
  NoteField,
  PeriodFields,
  RowActions,
  toNullableApiDate,
  toNullableDayjs,
} from './commune-tab-parts';
import { useServerFormErrors } from './form-errors';
import { formatPeriod } from './territory-dates';
import { weakFieldLabel } from './territory-labels';
import type { UnitDetail } from './territory.api';

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const MAX_REASONS_LENGTH = 5000;
const MAX_DECISION_LENGTH = 500;

interface WeakValues {
  year: number;
  fields: WeakField[];
  reasons: string;
  decision?: string;
  decidedOn: Dayjs | null;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  note?: string;
}

function WeakForm({ communeId, designation, onDone }: { communeId: string; designation: WeakDesignation | null; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<WeakValues>();
  const createWeak = useCreateWeakDesignation();
  const updateWeak = useUpdateWeakDesignation();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);
  const saving = createWeak.isPending || updateWeak.isPending;

  function handleFinish(values: WeakValues) {
    clearFormError();
    const input = {
      year: values.year,
      fields: values.fields,
      reasons: values.reasons.trim(),
      decision: values.decision?.trim() || null,
      decidedOn: toNullableApiDate(values.decidedOn),
      // Left empty, the server starts it on the decision day (or 1 January) and ends it on 31 December.
      ...(values.validFrom ? { validFrom: toNullableApiDate(values.validFrom)! } : {}),
      ...(values.validTo ? { validTo: toNullableApiDate(values.validTo) } : {}),
      note: values.note?.trim() || null,
    };
    const onSuccess = () => {
      void message.success(t('territory.weak.saved', { year: values.year }));
      onDone();
    };
    if (designation) updateWeak.mutate({ id: designation.id, changes: input }, { onSuccess, onError: handleError });
    else createWeak.mutate({ communeId, ...input }, { onSuccess, onError: handleError });
  }

  return (
    <Form<WeakValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      disabled={saving}
      initialValues={
        designation
          ? {
              year: designation.year,
              fields: designation.fields,
              reasons: designation.reasons,
              decision: designation.decision ?? undefined,
              decidedOn: toNullableDayjs(designation.decidedOn),
              validFrom: toNullableDayjs(designation.validFrom),
              validTo: toNullableDayjs(designation.validTo),
              note: designation.note ?? undefined,
            }
          : { year: splitIsoDate(todayInVietnam()).year, fields: [], decidedOn: null, validFrom: null, validTo: null }
      }
    >
      <Form.Item name="year" label={t('territory.weak.year')} rules={[{ required: true, message: t('territory.weak.yearRequired') }]}>
        <InputNumber min={MIN_YEAR} max={MAX_YEAR} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="fields"
        label={t('territory.weak.fields')}
        rules={[{ required: true, type: 'array', min: 1, message: t('territory.weak.fieldsRequired') }]}
      >
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
          options={WEAK_FIELDS.map((field) => ({ value: field, label: weakFieldLabel(field, t) }))}
        />
      </Form.Item>
      <Form.Item
        name="reasons"
        label={t('territory.weak.reasons')}
        rules={[
          { required: true, whitespace: true, message: t('territory.weak.reasonsRequired') },
          { max: MAX_REASONS_LENGTH, message: t('territory.form.tooLong', { max: MAX_REASONS_LENGTH }) },
        ]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item
            name="decision"
            label={t('territory.weak.decision')}
            rules={[{ max: MAX_DECISION_LENGTH, message: t('territory.form.tooLong', { max: MAX_DECISION_LENGTH }) }]}
          >
            <Input placeholder={t('territory.weak.decisionPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="decidedOn" label={t('territory.weak.decidedOn')}>
            <DatePicker format={DATE_DISPLAY_FORMAT} placeholder={t('territory.form.datePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <PeriodFields fromHint={t('territory.weak.fromHint')} toHint={t('territory.weak.toHint')} />
      <NoteField rows={2} />
      <FormFooter formError={formError} saving={saving} submitLabel={designation ? t('common.save') : t('territory.weak.create')} onCancel={onDone} />
    </Form>
  );
}

function weakColumns(t: Translate, actions: ((designation: WeakDesignation) => ReactNode) | null): TableProps<WeakDesignation>['columns'] {
  return [
    { key: 'year', title: t('territory.weak.year'), width: 70, render: (_, designation) => <Typography.Text strong>{designation.year}</Typography.Text> },
    {
      key: 'fields',
      title: t('territory.weak.fields'),
      width: 190,
      render: (_, designation) => (
        <Flex gap={4} wrap>
          {designation.fields.map((field) => (
            <Tag key={field} color="orange">
              {weakFieldLabel(field, t)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'reasons',
      title: t('territory.weak.reasons'),
      render: (_, designation) => (
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
          {designation.reasons}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'decision',
      title: t('territory.weak.decision'),
      width: 170,
      render: (_, designation) =>
        designation.decision ? (
          <Flex vertical>
            <span>{designation.decision}</span>
            {designation.decidedOn && <Typography.Text type="secondary">{formatDate(designation.decidedOn)}</Typography.Text>}
          </Flex>
        ) : (
          ''
        ),
    },
    { key: 'period', title: t('territory.weak.period'), width: 215, render: (_, designation) => formatPeriod(designation.validFrom, designation.validTo, t) },
    ...actionsColumn(t, 170, actions),
  ];
}

export function WeakDesignationsTab({ commune }: { commune: UnitDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const designations = useWeakDesignations(commune.id);
  const canEditCommuneProfile = commune.abilities.editClassification;
  const editor = useDialogState<WeakDesignation>();
  const deleteWeak = useDeleteWeakDesignation();

  if (designations.isError) return <CommuneTabError error={designations.error} onRetry={() => void designations.refetch()} />;
  if (designations.isPending) return <Skeleton active />;

  const actions = canEditCommuneProfile
    ? (designation: WeakDesignation) => (
        <RowActions
          onEdit={() => editor.show(designation)}
          onDelete={() =>
            deleteWeak.mutate(designation.id, {
              onSuccess: () => void message.success(t('territory.weak.deleted', { year: designation.year })),
              onError: notifyError,
            })
          }
          deleteTitle={t('territory.weak.deleteConfirm', { year: designation.year })}
          deleteDescription={t('territory.delete.onlyMistakes')}
        />
      )
    : null;

  return (
    <Flex vertical gap={16} data-testid="weak-tab">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">{t('territory.weak.explanation')}</Typography.Text>
        {canEditCommuneProfile && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show(null)}>
            {t('territory.weak.create')}
          </Button>
        )}
      </Flex>
      <Table<WeakDesignation>
        rowKey="id"
        size="middle"
        columns={weakColumns(t, actions)}
        dataSource={designations.data.items}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('territory.weak.empty')} /> }}
        scroll={{ x: 1000 }}
      />
      <FormDrawer
        open={editor.open}
        onClose={editor.close}
        title={editor.subject ? t('territory.weak.editTitle', { year: editor.subject.year }) : t('territory.weak.createTitle', { commune: commune.name })}
        width={600}
      >
        <WeakForm communeId={commune.id} designation={editor.subject} onDone={editor.close} />
      </FormDrawer>
    </Flex>
  );
}
