import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useServerFormErrors } from '../cadres/form-errors';
import { useCreateInstructor, useInstructors, useVisits, type Instructor } from './training.api';
import { useCanWriteTraining } from './training-permissions';

interface InstructorValues {
  owningUnitId: string;
  fullName: string;
  workUnit?: string;
  position?: string;
}

function InstructorModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<InstructorValues>();
  const create = useCreateInstructor();
  const { formError, handleError, clearFormError } = useServerFormErrors(form);

  return (
    <Modal open onCancel={onClose} title={t('training.instructor.create')} footer={null} destroyOnHidden>
      <Form<InstructorValues>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        initialValues={{ owningUnitId: user.unit.id }}
        onFinish={(values) => {
          clearFormError();
          create.mutate(
            { owningUnitId: values.owningUnitId, fullName: values.fullName, workUnit: values.workUnit || null, position: values.position || null },
            {
              onSuccess: () => {
                void message.success(t('training.instructor.created'));
                onClose();
              },
              onError: handleError,
            },
          );
        }}
      >
        <Form.Item name="fullName" label={t('training.instructor.fullName')} rules={[{ required: true, message: t('training.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="position" label={t('training.instructor.position')}>
          <Input />
        </Form.Item>
        <Form.Item name="workUnit" label={t('training.instructor.workUnit')}>
          <Input />
        </Form.Item>
        <Form.Item name="owningUnitId" label={t('training.instructor.owner')} rules={[{ required: true, message: t('training.required') }]}>
          <UnitPicker initialUnit={{ id: user.unit.id, name: user.unit.name }} allowClear={false} scope="mine" />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

/** The officer's own log: the communes they went to guide, newest first as the server lists them. */
function OfficerVisits({ officerId }: { officerId: string }) {
  const t = useT();
  const visits = useVisits({ officerId });
  if (visits.isError) return <QueryErrorAlert error={visits.error} onRetry={() => void visits.refetch()} />;
  const items = visits.data?.items ?? [];
  if (!visits.isLoading && items.length === 0) return <Typography.Text type="secondary">{t('training.visit.none')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{t('training.instructor.visits', { count: items.length })}</Typography.Text>
      {items.map((visit) => (
        <Typography.Text key={visit.id}>
          {formatDate(visit.visitedOn)} — {visit.commune.name}
          {visit.cadres.length > 0 && <Typography.Text type="secondary"> · {visit.cadres.map((cadre) => cadre.fullName).join(', ')}</Typography.Text>}
        </Typography.Text>
      ))}
    </Flex>
  );
}

export function InstructorsTab() {
  const t = useT();
  const canWrite = useCanWriteTraining();
  const instructors = useInstructors();
  const [creating, setCreating] = useState(false);

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('training.instructor.create')}
          </Button>
        </Flex>
      )}
      {instructors.isError && <QueryErrorAlert error={instructors.error} onRetry={() => void instructors.refetch()} />}
      <Table<Instructor>
        rowKey="id"
        dataSource={instructors.data?.items}
        loading={instructors.isFetching}
        data-testid="instructors-table"
        expandable={{ expandedRowRender: (instructor) => <OfficerVisits officerId={instructor.id} /> }}
        columns={[
          { key: 'name', title: t('training.instructor.fullName'), render: (_, instructor) => instructor.fullName },
          { key: 'position', title: t('training.instructor.position'), render: (_, instructor) => instructor.position ?? '—' },
          { key: 'workUnit', title: t('training.instructor.workUnit'), render: (_, instructor) => instructor.workUnit ?? '—' },
        ]}
      />
      {creating && <InstructorModal onClose={() => setCreating(false)} />}
    </>
  );
}
