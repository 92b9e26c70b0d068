import { DeleteOutlined, DownloadOutlined, EditOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Modal, Popconfirm, Select, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROTATION_PLACEMENTS } from '../../../core/rotation';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { useFormErrorHandler } from '../../app/forms/server-errors';
import { DATE_DISPLAY_FORMAT, formatDate, fromApiDate, todayInVietnam, toApiDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useFileDownload, useFileUpload } from '../imports/file-transfer';
import { RotationStatusTag, useRotationPeriod } from './rotation-format';
import { type Rotation, type RotationEnd, useDeleteRotation, useEndRotation, useRotation, useUpdateRotation } from './rotations.api';

interface EndValues {
  endDate: Dayjs;
  placement: RotationEnd['placement'];
  finalEvaluation?: string;
  placementNote?: string;
}

function EndRotationModal({ rotation, onClose }: { rotation: Rotation; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EndValues>();
  const end = useEndRotation(rotation.id);
  const handleError = useFormErrorHandler(form);
  return (
    <Modal
      open
      title={t('rotations.end')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={end.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<EndValues>
        form={form}
        layout="vertical"
        initialValues={{ endDate: fromApiDate(rotation.plannedEndDate < todayInVietnam() ? rotation.plannedEndDate : todayInVietnam()), placement: 'return' }}
        onFinish={(values) =>
          end.mutate(
            {
              endDate: toApiDate(values.endDate),
              placement: values.placement,
              finalEvaluation: values.finalEvaluation || null,
              placementNote: values.placementNote || null,
            },
            {
              onSuccess: () => {
                void message.success(t('rotations.ended'));
                onClose();
              },
              onError: handleError,
            },
          )
        }
      >
        <Form.Item
          name="endDate"
          label={t('rotations.field.endDate')}
          rules={[{ required: true, message: t('rotations.required', { field: t('rotations.field.endDate') }) }]}
        >
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="placement" label={t('rotations.field.placement')}>
          <Select options={ROTATION_PLACEMENTS.map((value) => ({ value, label: t(`rotations.placement.${value}`) }))} />
        </Form.Item>
        <Form.Item name="finalEvaluation" label={t('rotations.field.final')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="placementNote" label={t('rotations.field.placementNote')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EditValues {
  decisionNumber: string;
  decisionSigner: string;
  plannedEndDate: Dayjs;
  midtermEvaluation?: string;
  finalEvaluation?: string;
}

function EditRotationModal({ rotation, onClose }: { rotation: Rotation; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateRotation(rotation.id);
  const handleError = useFormErrorHandler(form);
  return (
    <Modal
      open
      title={t('rotations.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{
          decisionNumber: rotation.decision.number,
          decisionSigner: rotation.decision.signer,
          plannedEndDate: fromApiDate(rotation.plannedEndDate),
          midtermEvaluation: rotation.midtermEvaluation ?? undefined,
          finalEvaluation: rotation.finalEvaluation ?? undefined,
        }}
        onFinish={(values) =>
          update.mutate(
            {
              decisionNumber: values.decisionNumber,
              decisionSigner: values.decisionSigner,
              plannedEndDate: toApiDate(values.plannedEndDate),
              midtermEvaluation: values.midtermEvaluation || null,
              ...(rotation.endDate ? { finalEvaluation: values.finalEvaluation || null } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('rotations.updated'));
                onClose();
              },
              onError: handleError,
            },
          )
        }
      >
        <Form.Item
          name="decisionNumber"
          label={t('rotations.field.decisionNumber')}
          rules={[{ required: true, whitespace: true, message: t('rotations.required', { field: t('rotations.field.decisionNumber') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="decisionSigner"
          label={t('rotations.field.decisionSigner')}
          rules={[{ required: true, whitespace: true, message: t('rotations.required', { field: t('rotations.field.decisionSigner') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="plannedEndDate" label={t('rotations.field.plannedEndDate')}>
          <DatePicker format={DATE_DISPLAY_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="midtermEvaluation" label={t('rotations.field.midterm')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        {rotation.endDate && (
          <Form.Item name="finalEvaluation" label={t('rotations.field.final')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** One rotation: the decision, the posts, the evaluations, and what the deciding level may do with it. */
export function RotationDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rotation = useRotation(id);
  const remove = useDeleteRotation(id);
  const notifyError = useApiErrorNotice();
  const download = useFileDownload();
  const upload = useFileUpload();
  const queryClient = useQueryClient();
  const period = useRotationPeriod();
  const [ending, setEnding] = useState(false);
  const [editing, setEditing] = useState(false);
  const r = rotation.data;

  return (
    <Drawer open onClose={onClose} size={640} title={r ? `${r.cadre.fullName} — ${r.destination.titleName}` : ''} destroyOnHidden data-testid="rotation-drawer">
      {rotation.isError && <QueryErrorAlert error={rotation.error} onRetry={() => void rotation.refetch()} />}
      {r && (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            <RotationStatusTag rotation={r} />
            {r.abilities.end && (
              <Button icon={<StopOutlined />} onClick={() => setEnding(true)} data-testid="rotation-end">
                {t('rotations.end')}
              </Button>
            )}
            {r.abilities.edit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('rotations.edit')}
              </Button>
            )}
            {r.abilities.edit && (
              <Upload
                accept="application/pdf,image/jpeg,image/png"
                showUploadList={false}
                customRequest={({ file }) => {
                  upload(`/api/rotations/${r.id}/decision-file`, file as File)
                    .then(() => queryClient.invalidateQueries({ queryKey: ['rotations'] }))
                    .then(() => void message.success(t('rotations.attached')))
                    .catch(notifyError);
                }}
              >
                <Button icon={<UploadOutlined />}>{t('rotations.attach')}</Button>
              </Upload>
            )}
            {r.abilities.delete && (
              <Popconfirm
                title={t('rotations.deleteConfirm')}
                onConfirm={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => {
                      void message.success(t('rotations.deleted'));
                      onClose();
                    },
                    onError: notifyError,
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t('rotations.delete')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
          {r.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('rotations.decidedDespite')}
              description={
                <Flex vertical gap={4}>
                  {r.warnings.map((warning) => (
                    <Typography.Text key={warning.code}>
                      {warning.message} <Typography.Text type="secondary">({warning.basis})</Typography.Text>
                    </Typography.Text>
                  ))}
                </Flex>
              }
            />
          )}
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 170 } }}
            items={[
              { key: 'person', label: t('rotations.col.person'), children: <Link to={`/cadres/${r.cadre.id}`}>{r.cadre.fullName}</Link> },
              { key: 'kind', label: t('rotations.field.kind'), children: `${t(`rotations.kind.${r.kind}`)} · ${t(`rotations.direction.${r.direction}`)}` },
              {
                key: 'purpose',
                label: t('rotations.field.purpose'),
                children: [t(`rotations.purpose.${r.purpose}`), r.purposeNote].filter(Boolean).join(' — '),
              },
              { key: 'origin', label: t('rotations.col.origin'), children: `${r.origin.postName} (${r.origin.unit.name})` },
              { key: 'destination', label: t('rotations.col.destination'), children: `${r.destination.titleName}, ${r.destination.unit.name}` },
              {
                key: 'decision',
                label: t('rotations.field.decision'),
                children: (
                  <Flex vertical gap={4} align="flex-start">
                    <span>{`${r.decision.number}, ${formatDate(r.decision.date)} — ${r.decision.signer}`}</span>
                    {r.decision.fileName && (
                      <Button
                        size="small"
                        icon={<DownloadOutlined />}
                        onClick={() => download(`/api/rotations/${r.id}/decision-file`, undefined, r.decision.fileName!).catch(notifyError)}
                      >
                        {r.decision.fileName}
                      </Button>
                    )}
                  </Flex>
                ),
              },
              { key: 'period', label: t('rotations.col.period'), children: `${period(r)} · ${t('rotations.col.months', { months: r.monthsServed })}` },
              { key: 'midterm', label: t('rotations.field.midterm'), children: r.midtermEvaluation ?? '—' },
              { key: 'final', label: t('rotations.field.final'), children: r.finalEvaluation ?? '—' },
              {
                key: 'placement',
                label: t('rotations.field.placement'),
                children: r.placement ? [t(`rotations.placement.${r.placement}`), r.placementNote].filter(Boolean).join(' — ') : '—',
              },
            ]}
          />
        </Flex>
      )}
      {r && ending && <EndRotationModal rotation={r} onClose={() => setEnding(false)} />}
      {r && editing && <EditRotationModal rotation={r} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
