import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApiErrorNotice } from '../../app/api/api-errors';
import { useCurrentUser } from '../../app/auth/session';
import { QueryErrorAlert } from '../../app/components/QueryErrorAlert';
import { UnitPicker } from '../../app/components/UnitPicker';
import { formatDate } from '../../app/format/dates';
import { useT } from '../../app/i18n';
import { useDeleteInstructor, useInstructors, useSaveInstructor, useVisits, type Instructor } from './training.api';
import { useCanWriteTraining } from './training-permissions';
import { actionsColumn, EditDeleteActions, SaveFormModal, useSaveAndClose } from './training-form-parts';

interface InstructorValues {
  owningUnitId: string;
  fullName: string;
  workUnit?: string;
  position?: string;
}

/** Adds an instructor (`instructor` null) or corrects one already in the register. */
function InstructorModal({ instructor, onClose }: { instructor: Instructor | null; onClose: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  const [form] = Form.useForm<InstructorValues>();
  const save = useSaveInstructor();
  const { formError, submit } = useSaveAndClose(form, onClose);

  return (
    <SaveFormModal<InstructorValues>
      title={t(instructor ? 'training.instructor.edit' : 'training.instructor.create')}
      form={form}
      saving={save.isPending}
      initialValues={
        instructor
          ? {
              owningUnitId: instructor.owningUnitId,
              fullName: instructor.fullName,
              workUnit: instructor.workUnit ?? undefined,
              position: instructor.position ?? undefined,
            }
          : { owningUnitId: user.unit.id }
      }
      onFinish={(values) => {
        submit(
          save.mutate,
          {
            id: instructor?.id,
            input: { owningUnitId: values.owningUnitId, fullName: values.fullName, workUnit: values.workUnit || null, position: values.position || null },
          },
          t(instructor ? 'training.instructor.saved' : 'training.instructor.created'),
        );
      }}
      formError={formError}
      onClose={onClose}
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
        <UnitPicker
          initialUnit={!instructor || instructor.owningUnitId === user.unit.id ? { id: user.unit.id, name: user.unit.name } : undefined}
          allowClear={false}
          scope="mine"
        />
      </Form.Item>
    </SaveFormModal>
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
  const notifyError = useApiErrorNotice();
  const instructors = useInstructors();
  const remove = useDeleteInstructor();
  const [editing, setEditing] = useState<Instructor | 'new' | null>(null);

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
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
          ...actionsColumn<Instructor>(
            t,
            canWrite
              ? (instructor) =>
                  instructor.abilities.edit && (
                    <EditDeleteActions
                      onEdit={() => setEditing(instructor)}
                      deleteTitle={t('training.instructor.deleteConfirm', { name: instructor.fullName })}
                      onDelete={() => remove.mutate(instructor.id, { onError: notifyError })}
                    />
                  )
              : null,
          ),
        ]}
      />
      {editing && <InstructorModal instructor={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
