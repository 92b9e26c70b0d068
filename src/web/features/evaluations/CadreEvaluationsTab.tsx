import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DISCIPLINE_EXCEPTIONS, DISCIPLINE_FORMS, EVALUATION_CLASSES, type EvaluationClass, schemeForYear } from '../../../core/evaluation';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { DATE_DISPLAY_FORMAT, formatDate, toApiDate } from '../../app/format/dates';
import { useLanguage, useT } from '../../app/i18n';
import { type CadreEvaluations, useAddDiscipline, useCadreEvaluations, useDeleteDiscipline, useDeleteEvaluation, useSaveEvaluation } from './evaluations.api';

const CLASS_COLOURS: Record<string, string> = { hoan_thanh_xuat_sac: 'green', hoan_thanh_tot: 'blue', hoan_thanh: 'default', khong_hoan_thanh: 'red' };
type Evaluation = CadreEvaluations['evaluations'][number];

interface EvaluationValues {
  year: number;
  evaluationClass: EvaluationClass;
  points?: number;
  evaluatedBy?: string;
  note?: string;
}

function EvaluationModal({ cadreId, editing, onClose }: { cadreId: string; editing: Evaluation | null; onClose: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvaluationValues>();
  const save = useSaveEvaluation(cadreId);
  const handleError = useFormErrorHandler(form);
  const year = Form.useWatch('year', form) ?? editing?.year ?? new Date().getFullYear() - 1;
  const scored = schemeForYear(year).kind === 'points';
  return (
    <Modal
      open
      title={editing ? t('evaluations.edit', { year: editing.year }) : t('evaluations.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<EvaluationValues>
        form={form}
        layout="vertical"
        data-testid="evaluation-form"
        initialValues={
          editing
            ? {
                year: editing.year,
                evaluationClass: editing.evaluationClass.code,
                points: editing.points ?? undefined,
                evaluatedBy: editing.evaluatedBy ?? undefined,
                note: editing.note ?? undefined,
              }
            : { year: new Date().getFullYear() - 1 }
        }
        onFinish={(values) =>
          save.mutate(
            {
              year: values.year,
              input: {
                evaluationClass: values.evaluationClass,
                points: scored ? (values.points ?? null) : null,
                evaluatedBy: values.evaluatedBy || null,
                note: values.note || null,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('evaluations.saved'));
                onClose();
              },
              onError: handleError,
            },
          )
        }
      >
        <Form.Item
          name="year"
          label={t('evaluations.field.year')}
          rules={[{ required: true, message: t('evaluations.required', { field: t('evaluations.field.year') }) }]}
        >
          <InputNumber min={1990} max={2100} precision={0} disabled={editing !== null} />
        </Form.Item>
        {scored && (
          <Form.Item name="points" label={t('evaluations.field.points')}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
        )}
        <Form.Item
          name="evaluationClass"
          label={t('evaluations.field.class')}
          rules={[{ required: true, message: t('evaluations.required', { field: t('evaluations.field.class') }) }]}
        >
          <Select options={EVALUATION_CLASSES.map((c) => ({ value: c.code, label: language === 'vi' ? c.labelVi : c.labelEn }))} />
        </Form.Item>
        <Form.Item name="evaluatedBy" label={t('evaluations.field.by')}>
          <Input maxLength={300} placeholder="Ban Thường vụ Huyện ủy" />
        </Form.Item>
        <Form.Item name="note" label={t('evaluations.field.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DisciplineValues {
  form: (typeof DISCIPLINE_FORMS)[number]['code'];
  decidedOn: Dayjs;
  decidingBody: string;
  decisionNumber?: string;
  reason?: string;
  evaluationException?: (typeof DISCIPLINE_EXCEPTIONS)[number];
}

function DisciplineModal({ cadreId, onClose }: { cadreId: string; onClose: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<DisciplineValues>();
  const add = useAddDiscipline(cadreId);
  const handleError = useFormErrorHandler(form);
  const required = (field: string) => [{ required: true, message: t('evaluations.required', { field }) }];
  return (
    <Modal
      open
      title={t('evaluations.disciplines.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<DisciplineValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          add.mutate(
            {
              form: values.form,
              decidedOn: toApiDate(values.decidedOn),
              decidingBody: values.decidingBody,
              decisionNumber: values.decisionNumber || null,
              reason: values.reason || null,
              evaluationException: values.evaluationException ?? null,
            },
            {
              onSuccess: () => {
                void message.success(t('evaluations.disciplines.saved'));
                onClose();
              },
              onError: handleError,
            },
          )
        }
      >
        <Form.Item name="form" label={t('evaluations.field.form')} rules={required(t('evaluations.field.form'))}>
          <Select options={DISCIPLINE_FORMS.map((f) => ({ value: f.code, label: language === 'vi' ? f.labelVi : f.labelEn }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="decidedOn" label={t('evaluations.field.decidedOn')} rules={required(t('evaluations.field.decidedOn'))}>
            <DatePicker format={DATE_DISPLAY_FORMAT} />
          </Form.Item>
          <Form.Item name="decisionNumber" label={t('evaluations.field.decisionNumber')} style={{ flex: 1, minWidth: 160 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="decidingBody" label={t('evaluations.field.decidingBody')} rules={required(t('evaluations.field.decidingBody'))}>
          <Input maxLength={300} placeholder="Ủy ban Kiểm tra Huyện ủy" />
        </Form.Item>
        <Form.Item name="reason" label={t('evaluations.field.reason')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="evaluationException" label={t('evaluations.field.exception')}>
          <Select
            allowClear
            placeholder={t('evaluations.exception.none')}
            options={DISCIPLINE_EXCEPTIONS.map((code) => ({ value: code, label: t(`evaluations.exception.${code}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A person's classes year by year and their disciplines, on the profile. */
export function CadreEvaluationsTab({ cadreId }: { cadreId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useApiErrorNotice();
  const data = useCadreEvaluations(cadreId);
  const remove = useDeleteEvaluation(cadreId);
  const removeDiscipline = useDeleteDiscipline(cadreId);
  const [editing, setEditing] = useState<Evaluation | null | 'new'>(null);
  const [addingDiscipline, setAddingDiscipline] = useState(false);
  if (data.isError) return <QueryErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const value = data.data;
  return (
    <Flex vertical gap={16} data-testid="cadre-evaluations">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('evaluations.title')}
        </Typography.Title>
        {value?.abilities.edit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('evaluations.add')}
          </Button>
        )}
      </Flex>
      <Table<Evaluation>
        rowKey="year"
        size="small"
        loading={data.isLoading}
        dataSource={value?.evaluations}
        pagination={false}
        locale={{ emptyText: t('evaluations.none') }}
        columns={[
          { key: 'year', title: t('evaluations.col.year'), width: 70, render: (_, row) => row.year },
          {
            key: 'class',
            title: t('evaluations.col.class'),
            render: (_, row) => (
              <Flex vertical gap={2} align="flex-start">
                <Tag color={CLASS_COLOURS[row.evaluationClass.code]}>{row.evaluationClass.label}</Tag>
                {row.points !== null && <Typography.Text type="secondary">{row.points.toLocaleString('vi-VN')} điểm</Typography.Text>}
              </Flex>
            ),
          },
          { key: 'unit', title: t('evaluations.col.unit'), responsive: ['md'], render: (_, row) => row.unit.name },
          { key: 'by', title: t('evaluations.col.by'), responsive: ['lg'], render: (_, row) => row.evaluatedBy ?? '—' },
          {
            key: 'actions',
            width: 90,
            render: (_, row) =>
              value?.abilities.edit && (
                <Flex gap={4}>
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('evaluations.edit', { year: row.year })}
                    onClick={() => setEditing(row)}
                  />
                  <Popconfirm
                    title={t('evaluations.delete', { year: row.year })}
                    onConfirm={() => remove.mutate(row.year, { onError: notifyError, onSuccess: () => void message.success(t('evaluations.saved')) })}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('evaluations.delete', { year: row.year })} />
                  </Popconfirm>
                </Flex>
              ),
          },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('evaluations.disciplines')}
        </Typography.Title>
        {value?.abilities.editDisciplines && (
          <Button icon={<PlusOutlined />} onClick={() => setAddingDiscipline(true)}>
            {t('evaluations.disciplines.add')}
          </Button>
        )}
      </Flex>
      {value?.disciplinesHidden ? (
        <Alert type="info" showIcon title={t('evaluations.disciplines.hidden')} />
      ) : value && value.disciplines.length === 0 ? (
        <Typography.Text type="secondary">{t('evaluations.disciplines.none')}</Typography.Text>
      ) : (
        value?.disciplines.map((d) => (
          <Flex key={d.id} gap={8} align="baseline" wrap>
            <Tag color="red">{d.form.label}</Tag>
            <span>
              {formatDate(d.decidedOn)} — {d.decidingBody}
              {d.decisionNumber ? `, ${d.decisionNumber}` : ''}
              {d.reason ? `: ${d.reason}` : ''}
            </span>
            {d.evaluationException && <Typography.Text type="secondary">({t(`evaluations.exception.${d.evaluationException}`)})</Typography.Text>}
            {value.abilities.editDisciplines && (
              <Popconfirm title={t('evaluations.disciplines.delete')} onConfirm={() => removeDiscipline.mutate(d.id, { onError: notifyError })}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('evaluations.disciplines.delete')} />
              </Popconfirm>
            )}
          </Flex>
        ))
      )}
      {editing && <EvaluationModal cadreId={cadreId} editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {addingDiscipline && <DisciplineModal cadreId={cadreId} onClose={() => setAddingDiscipline(false)} />}
    </Flex>
  );
}
